// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Tier A's FSQ decoders besides the centroid one: the analytic inverse bound and least squares.
#include "latentlab/quantization/fsq_decoder.h"

#include <algorithm>
#include <cmath>

#include "latentlab/common/errors.h"

namespace latentlab::quantization {
namespace {

// Beyond |z| = 4 tanh is flat to 1e-3: a larger latent adds nothing but outliers.
constexpr double kMaxZ = 4.0;

}  // namespace

Eigen::MatrixXd analyticDecode(const Fsq& fsq, const std::vector<std::int64_t>& indices,
                               const Eigen::VectorXd& sd, double alpha) {
  const int d = fsq.dim();
  if (sd.size() != d) throw ParamError("levels", "one standard deviation per FSQ dimension needed");
  if (!(alpha > 0.0)) throw ParamError("alpha", "bound gain α must be positive");
  Eigen::MatrixXd y(static_cast<Eigen::Index>(indices.size()), d);
  for (std::size_t r = 0; r < indices.size(); ++r) {
    const std::vector<int> q = fsq.indexToLevels(indices[r]);
    for (int i = 0; i < d; ++i) {
      double z = fsq.inverseBound(i, q[static_cast<std::size_t>(i)]);
      if (!std::isfinite(z)) z = std::copysign(kMaxZ, z);
      y(static_cast<Eigen::Index>(r), i) = sd(i) / alpha * std::clamp(z, -kMaxZ, kMaxZ);
    }
  }
  return y;
}

Eigen::MatrixXd fsqCodes(const Fsq& fsq, const std::vector<std::int64_t>& indices) {
  Eigen::MatrixXd z(static_cast<Eigen::Index>(indices.size()), fsq.dim());
  for (std::size_t r = 0; r < indices.size(); ++r)
    z.row(static_cast<Eigen::Index>(r)) = fsq.indexToCode(indices[r]).transpose();
  return z;
}

Eigen::MatrixXd fitLinearDecoder(const Eigen::MatrixXd& zhat, const Eigen::MatrixXd& x) {
  if (zhat.rows() != x.rows() || zhat.rows() < 1)
    throw ParamError("patches", "decoder fit needs one code row per patch");
  const Eigen::Index n = zhat.rows(), d = zhat.cols();
  Eigen::MatrixXd a(n, d + 1);
  a.leftCols(d) = zhat;
  a.col(d).setOnes();
  // Normal equations AᵀA c = AᵀX: (d+1)² and (d+1)×D, cheap next to the patches themselves.
  Eigen::MatrixXd ata = Eigen::MatrixXd::Zero(d + 1, d + 1);
  ata.selfadjointView<Eigen::Lower>().rankUpdate(a.transpose());
  ata = ata.selfadjointView<Eigen::Lower>();
  ata.diagonal().array() += 1e-12 * std::max(1.0, ata.trace());
  const Eigen::MatrixXd atx = a.transpose().lazyProduct(x);
  return ata.ldlt().solve(atx);
}

Eigen::MatrixXd applyLinearDecoder(const Eigen::MatrixXd& coef, const Eigen::MatrixXd& zhat) {
  const Eigen::Index d = zhat.cols();
  if (coef.rows() != d + 1) throw ParamError("patches", "decoder does not match the code size");
  Eigen::MatrixXd out = zhat.lazyProduct(coef.topRows(d));
  out.rowwise() += coef.row(d);
  return out;
}

}  // namespace latentlab::quantization
