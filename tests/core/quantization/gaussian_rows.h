// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Test data for the quantizer tests: n rows of d i.i.d. N(0, sd²) values from a seeded stream.
#pragma once

#include <cstdint>

#include "latentlab/common/rng.h"
#include "latentlab/quantization/vq.h"

namespace latentlab::quantization::test_data {

inline RowMatrixXd gaussian(Eigen::Index n, Eigen::Index d, std::uint64_t seed, double sd = 1.0) {
  Rng rng(seed);
  RowMatrixXd x(n, d);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = sd * rng.normal();
  return x;
}

}  // namespace latentlab::quantization::test_data
