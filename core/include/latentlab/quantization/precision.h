// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

#include "latentlab/quantization/fsq.h"

namespace latentlab::quantization {

/// Floating-point formats the FSQ path can be emulated in (lucidrains/vector-quantize-pytorch issue
/// #114).
enum class Precision { Fp32, Bf16, Fp16 };
std::string precisionId(Precision p);  // "fp32", "bf16", "fp16"

/// Rounds x to the nearest value representable in `p` (round-to-nearest-even; fp16 overflows to
/// ±inf above 65504 and keeps subnormals; NaN stays NaN). fp32: (float)x. bf16: fp32 with the low
/// 16 mantissa bits rounded off (8 significant bits, so integers above 256 are no longer exact).
double roundToPrecision(double x, Precision p);

/// The FSQ path of a peer library run in precision p (lucidrains/vector-quantize-pytorch issue
/// #114): the input, the bounded value and the code ẑ are stored in p, then the index is formed the
/// "naive" way as
/// int(Σ (ẑ_i·⌊L_i/2⌋ + ⌊L_i/2⌋)·basis_i) with every product and partial sum rounded to p and the
/// final value truncated. Our own path computes the index from the integer levels (exact).
struct PrecisionFsqResult {
  Precision precision = Precision::Fp32;
  std::vector<std::int64_t> exactIndex;  // integer path, always in [0, ∏L)
  std::vector<std::int64_t> naiveIndex;  // float path in p, clamped to [0, ∏L − 1]
  std::vector<bool> aliased;             // per point: naiveIndex ≠ exactIndex
  std::int64_t aliasedPoints = 0;
  std::int64_t outOfRange = 0;           // naive indices that fell outside [0, ∏L) before clamping
  std::vector<std::int64_t> aliasedCodes;  // exact codes hit by at least one aliased point, sorted
};
/// Rows of z (N×d) through fsq in precision p. Throws ParamError("z", …) on a column mismatch.
PrecisionFsqResult emulateFsqPrecision(const Fsq& fsq, const Eigen::MatrixXd& z, Precision p);

}  // namespace latentlab::quantization
