// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// FSQ on an OpenCL device (core/kernels/quantization/fsq.cl). Private to the core; only compiled
// when LATENTLAB_HAVE_OPENCL is defined.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "latentlab/common/simd.h"

namespace latentlab::quantization::detail {

struct FsqClOutput {
  std::vector<float> code;              // rows x d code values (when asked for)
  std::vector<std::int32_t> index;      // mixed-radix index per row
  std::vector<unsigned char> nearEdge;  // 1: a value lies within float rounding of a cell edge
};

/// Quantizes `rows` row-major float rows of z with the float edges of `channels` (the same ones
/// Fsq::quantizeInPlace uses). Throws DeviceError.
FsqClOutput fsqOpenCl(const std::string& deviceId, const simd::FsqChannels& channels,
                      const std::vector<int>& levels, const float* z, std::size_t rows,
                      bool wantCode);

}  // namespace latentlab::quantization::detail
