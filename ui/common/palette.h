// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QColor>

namespace latentlab::ui {

/// Things that appear on more than one page or chart and must keep one colour everywhere: a
/// reader who learnt "FSQ is blue" on the grid must find FSQ blue in the image view too.
enum class Hue {
  // Quantizers (quant_grid, quant_image; Transformer-VQ is VQ of the keys).
  Fsq,
  Vq,
  FsqLight,  // FSQ's second curve (held-out half)
  VqLight,
  // Attention masks (attention_rank: maps, spectra, sweeps, depth).
  Bidirectional,
  PrefixLm,
  Causal,
  Backward,
  // Attention methods (efficient_attention).
  ExactAttention,
  Performer,
  TransformerVq,
  SoftVq,
  // Fine-tuning methods (lst_memory and lst_run).
  FullFineTune,
  LinearProbe,
  Adapter,
  Lora,
  BitFit,
  PromptTuning,
  LadderSideTuning,
  // Reference curves (a bound, a closed form) and violations.
  Reference,
  Violation,
};

/// The colour of `hue` (Tableau-10 based; legible on the light print theme and the dark theme).
QColor hueColor(Hue hue);

}  // namespace latentlab::ui
