// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <vector>

#include "latentlab/quantization/fsq.h"

namespace latentlab::quantization {

/// FSQ decoders of tier A (patch PCA latent).
enum class FsqDecoder { Analytic, Centroid, LeastSquares };

/// (i) Analytic inverse bound: y_i = √λ_i/α · b_i⁻¹(q_i), the cell centre mapped back to the
/// whitened latent and un-whitened (sd_i = √λ_i). Poor for outer levels, whose centres are far
/// out. A centre at infinity (Su's sigmoid, outermost level) is clamped to |z| ≤ 4.
/// Returns N×d for the N indices.
Eigen::MatrixXd analyticDecode(const Fsq& fsq, const std::vector<std::int64_t>& indices,
                               const Eigen::VectorXd& sd, double alpha);

/// The renormalised codes ẑ (N×d) of FSQ indices.
Eigen::MatrixXd fsqCodes(const Fsq& fsq, const std::vector<std::int64_t>& indices);

/// (iii) Linear least-squares decoder x̂ = W ẑ + b: minimises ‖X − ẐW − 1bᵀ‖² in closed
/// form (LDLT of the (d+1)×(d+1) normal equations; a 1e-12·trace ridge keeps unused code values
/// solvable). Returns the (d+1)×D matrix [W; bᵀ].
Eigen::MatrixXd fitLinearDecoder(const Eigen::MatrixXd& zhat, const Eigen::MatrixXd& x);
Eigen::MatrixXd applyLinearDecoder(const Eigen::MatrixXd& coef, const Eigen::MatrixXd& zhat);

}  // namespace latentlab::quantization
