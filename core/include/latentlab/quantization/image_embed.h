// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include "latentlab/common/scenario.h"
#include "latentlab/quantization/image_io.h"

namespace latentlab::quantization {

/// Images with a long side up to this many pixels are embedded in scenarios exactly; larger ones
/// get a thumbnail of this long side (README, "Scenario files").
inline constexpr int kEmbeddedImageSide = 256;

/// Records the image a page computes on in `input` (whose name, size and SHA-256 describe the
/// file): its shape (height, width, channels) and loader note, and
///  - long side ≤ kEmbeddedImageSide: the image itself, as PNG when 8 or 16 bits reproduce every
///    sample exactly (checked by decoding it again), else as float64 .npy of the planes stacked
///    (rows = channels × height) — replaying it gives the same numbers bit for bit;
///  - larger: a PNG thumbnail (INTER_AREA, long side kEmbeddedImageSide) that shows which image
///    it was but cannot replay it; the file itself is needed then.
void embedImage(ScenarioInput& input, const ImageData& image);

/// The embedded image, with the record's note as its notice. Throws ParamError("inputs", …)
/// naming the file when the record holds only a thumbnail or nothing, or the data is damaged.
ImageData embeddedImage(const ScenarioInput& input);

}  // namespace latentlab::quantization
