// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/loaded_image.h"

#include <QFile>
#include <QFileInfo>

#include "latentlab/common/scenario_inputs.h"
#include "latentlab/quantization/image_embed.h"

namespace latentlab::ui {

LoadedImage openLoadedImage(const QString& path, int maxSide) {
  const std::string native = QFile::encodeName(path).toStdString();
  LoadedImage out;
  out.image = std::make_shared<const quantization::ImageData>(quantization::loadImage(native, maxSide));
  out.record = latentlab::fileInput("image", native, "image");
  out.record.name = QFileInfo(path).fileName().toStdString();
  quantization::embedImage(out.record, *out.image);
  out.name = QFileInfo(path).fileName();
  return out;
}

LoadedImage imageForScenario(const std::vector<latentlab::ScenarioInput>& inputs,
                             const LoadedImage& current, const QString& pageId) {
  for (const auto& in : inputs)
    if (in.role != "image")
      throw ParamError("inputs", "page '" + pageId.toStdString() +
                                     "' takes one image, but the scenario records input '" +
                                     in.role + "'");
  const latentlab::ScenarioInput* in = latentlab::findInput(inputs, "image");
  if (!in) return {};
  if (current && current.record.sha256 == in->sha256) return current;
  LoadedImage out;
  out.image = std::make_shared<const quantization::ImageData>(quantization::embeddedImage(*in));
  out.record = *in;
  out.name = QString::fromStdString(in->name);
  return out;
}

}  // namespace latentlab::ui
