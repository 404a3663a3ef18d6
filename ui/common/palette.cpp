// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/palette.h"

namespace latentlab::ui {
namespace {
constexpr QRgb kBlue = 0x1f77b4, kOrange = 0xff7f0e, kGreen = 0x2ca02c, kRed = 0xd62728,
               kPurple = 0x9467bd, kBrown = 0x8c564b, kPink = 0xe377c2, kGrey = 0x7f7f7f;
}  // namespace

QColor hueColor(Hue hue) {
  switch (hue) {
    case Hue::Fsq:
      return QColor(kBlue);
    case Hue::Vq:
      return QColor(kOrange);
    case Hue::FsqLight:
      return QColor(0x6baed6);
    case Hue::VqLight:
      return QColor(0xfdb863);
    case Hue::Bidirectional:
      return QColor(kBlue);
    case Hue::PrefixLm:
      return QColor(kPurple);
    case Hue::Causal:
      return QColor(kOrange);
    case Hue::Backward:
      return QColor(kGreen);
    case Hue::ExactAttention:
      return QColor(kGrey);
    case Hue::Performer:
      return QColor(kBlue);
    case Hue::TransformerVq:
      return QColor(kOrange);  // the VQ colour: it is VQ of the keys
    case Hue::SoftVq:
      return QColor(kGreen);
    case Hue::FullFineTune:
      return QColor(kBlue);
    case Hue::LinearProbe:
      return QColor(0x8c8c8c);
    case Hue::Adapter:
      return QColor(kGreen);
    case Hue::Lora:
      return QColor(kPurple);
    case Hue::BitFit:
      return QColor(kBrown);
    case Hue::PromptTuning:
      return QColor(kPink);
    case Hue::LadderSideTuning:
      return QColor(kOrange);
    case Hue::Reference:
      return QColor(kGrey);
    case Hue::Violation:
      return QColor(kRed);
  }
  return QColor(kGrey);
}

}  // namespace latentlab::ui
