// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Random-feature ridge regression of the ReFlow velocity (Rahimi & Recht features): closed form.
#include <cmath>
#include <numbers>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/flows/reflow.h"

namespace latentlab::flows {

Eigen::MatrixXd RffVelocity::features(const Eigen::MatrixXd& x, const Eigen::VectorXd& t) const {
  const Eigen::Index d = x.cols();
  // [x; t] ω + b, then √(2/M) cos(·).
  Eigen::MatrixXd arg = x.lazyProduct(m_omega.topRows(d)) + t * m_omega.row(d);
  arg.rowwise() += m_bias;
  const double scale = std::sqrt(2.0 / static_cast<double>(m_omega.cols()));
  return (arg.array().cos() * scale).matrix();
}

RffVelocity RffVelocity::fit(const Eigen::MatrixXd& x0, const Eigen::MatrixXd& x1,
                             const RffOptions& o, const RunControl& control) {
  if (o.features < 1 || o.features > 4096)
    throw ParamError("rff_features", "rff_features must be in 1..4096");
  if (!(o.lengthscale > 0) || !(o.timeLengthscale > 0) || !std::isfinite(o.lengthscale))
    throw ParamError("rff_lengthscale", "rff_lengthscale must be a positive number");
  if (!(o.ridge > 0) || !std::isfinite(o.ridge))
    throw ParamError("rff_ridge", "rff_ridge must be a positive number");
  if (o.timesPerPair < 1) throw ParamError("rff_times", "need at least one t per pair");
  if (x0.rows() != x1.rows() || x0.cols() != x1.cols() || x0.rows() < 2)
    throw ParamError("pairs", "need at least two (x0, x1) pairs of equal dimension");
  if (!x0.allFinite() || !x1.allFinite())
    throw ParamError("pairs", "pairs contain NaN or infinity");
  const Eigen::Index d = x0.cols(), M = o.features;
  Rng rng(o.seed);
  RffVelocity r;
  r.m_omega.resize(d + 1, M);
  r.m_bias.resize(M);
  for (Eigen::Index j = 0; j < M; ++j) {
    for (Eigen::Index c = 0; c < d; ++c) r.m_omega(c, j) = rng.normal() / o.lengthscale;
    r.m_omega(d, j) = rng.normal() / o.timeLengthscale;
    r.m_bias[j] = 2.0 * std::numbers::pi * rng.uniform();
  }
  // Accumulate the normal equations in blocks of one t draw per pair.
  Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(M, M), rhs = Eigen::MatrixXd::Zero(M, d);
  const Eigen::MatrixXd target = x1 - x0;
  const Eigen::Index n = x0.rows();
  std::vector<Eigen::VectorXd> ts;
  for (int rep = 0; rep < o.timesPerPair; ++rep) {
    control.checkCancelled();
    Eigen::VectorXd t(n);
    for (Eigen::Index i = 0; i < n; ++i) t[i] = rng.uniform();
    const Eigen::MatrixXd xt = x0 + t.asDiagonal() * target;
    const Eigen::MatrixXd psi = r.features(xt, t);
    gram.selfadjointView<Eigen::Lower>().rankUpdate(psi.transpose());
    rhs.noalias() += psi.transpose() * target;
    ts.push_back(std::move(t));
    control.progress(0.8 * (rep + 1) / o.timesPerPair);
  }
  const double count = static_cast<double>(n) * o.timesPerPair;
  Eigen::MatrixXd a = gram.selfadjointView<Eigen::Lower>();
  a /= count;
  a.diagonal().array() += o.ridge;
  r.m_b = a.ldlt().solve(rhs / count);
  double loss = 0.0;
  for (const auto& t : ts) {
    const Eigen::MatrixXd xt = x0 + t.asDiagonal() * target;
    loss += (r.features(xt, t) * r.m_b - target).rowwise().squaredNorm().sum();
  }
  r.m_loss = loss / count;
  control.progress(1.0);
  return r;
}

Eigen::MatrixXd RffVelocity::operator()(const Eigen::MatrixXd& x, double t) const {
  // N × M times M × d with d = 2: a coefficient-based product; Eigen's OpenMP GEMM split of this
  // thin product only adds barriers (5× slower reflow views on a busy 2-core machine).
  return features(x, Eigen::VectorXd::Constant(x.rows(), t)).lazyProduct(m_b);
}

}  // namespace latentlab::flows
