// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <vector>

#include "latentlab/quantization/image_io.h"

namespace latentlab::quantization {

/// PSNR as in OpenCV's getPSNR tutorial: 10·log10(255² / MSE) on 8-bit values (each [0, 1] value is
/// rounded to
/// 0..255 first), MSE averaged over every pixel and channel. +Inf when the images are equal.
/// Throws ParamError("image") when sizes or channel counts differ.
double psnr(const ImageData& reference, const ImageData& test);

/// SSIM (Wang et al. 2004, OpenCV getMSSIM): map
/// ((2μxμy + C1)(2σxy + C2)) / ((μx² + μy² + C1)(σx² + σy² + C2)) with an 11×11 Gaussian window,
/// σ = 1.5, C1 = 6.5025, C2 = 58.5225 on 8-bit values, mean of the map per channel, then averaged
/// over channels (R, G, B equally; not luma).
double ssim(const ImageData& reference, const ImageData& test);

/// |reference − test| averaged over channels, on the 0..255 scale (the error maps).
Eigen::MatrixXd absErrorMap(const ImageData& reference, const ImageData& test);


/// Fixed-rate bits per pixel: T·log2 K / (H·W), counted per pixel, not per channel.
double bitsPerPixel(long long tokens, double codes, long long pixels);

}  // namespace latentlab::quantization
