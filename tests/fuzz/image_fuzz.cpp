// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The image loader from bytes (quantization::decodeImage): header sniffing, the pixel limits and
// OpenCV's PNG, JPEG, BMP, TIFF and WebP decoders behind them. -rss_limit_mb (scripts/fuzz) turns
// a decompression bomb that gets past the limits into a reported failure.
#include <vector>

#include "latentlab/quantization/image_io.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  latentlab::fuzz::expectOnlyParamError([&] {
    const auto image = latentlab::quantization::decodeImage(
        std::vector<std::uint8_t>(data, data + size), "fuzz", 256);
    if (image.empty() || image.width() > 256 || image.height() > 256) __builtin_trap();
    for (const auto& plane : image.planes)
      if (!(plane.minCoeff() >= 0.0f && plane.maxCoeff() <= 1.0f)) __builtin_trap();
  });
  return 0;
}
