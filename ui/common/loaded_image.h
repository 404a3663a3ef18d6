// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>
#include <memory>
#include <vector>

#include "latentlab/common/scenario.h"
#include "latentlab/quantization/image_io.h"

namespace latentlab::ui {

/// An image a page opened (quant_grid, quant_image, reflow) with the record a scenario keeps of it
/// (README, "Scenario files"): file name, size, SHA-256, and the image itself when small.
struct LoadedImage {
  std::shared_ptr<const quantization::ImageData> image;  // null: nothing loaded
  latentlab::ScenarioInput record;                        // role "image"
  QString name;                                           // the file's name, for figures

  explicit operator bool() const { return static_cast<bool>(image); }
};

/// Loads `path` (quantization::loadImage with `maxSide`) and records it. Throws ParamError as
/// loadImage does.
LoadedImage openLoadedImage(const QString& path, int maxSide = quantization::kMaxImageSide);

/// For Page::useInputs: the image a scenario's "image" input stands for — `current` when it is
/// the same file (same SHA-256), else the embedded image. Throws ParamError("inputs", …) naming
/// the file when it is neither, or when the scenario records an input this page does not take.
/// Returns an empty LoadedImage when the scenario records no image.
LoadedImage imageForScenario(const std::vector<latentlab::ScenarioInput>& inputs,
                             const LoadedImage& current, const QString& pageId);

}  // namespace latentlab::ui
