// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Nadaraya–Watson velocity on reflow pairs (bandwidth h).
#include <algorithm>
#include <cmath>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/flows/reflow_models.h"

namespace latentlab::flows {
namespace {

constexpr Eigen::Index kQueryBlock = 256;  // query rows per OpenMP task
constexpr Eigen::Index kParallelWork = Eigen::Index{1} << 22;  // query × pair kernel terms

// Weighted mean of the displacements for one block of queries; log-sum-exp over the pairs.
Eigen::MatrixXd nwBlock(const Eigen::MatrixXd& x, const Eigen::MatrixXd& xt,
                        const Eigen::MatrixXd& disp, double h) {
  const Eigen::Index nq = x.rows(), np = xt.rows();
  Eigen::ArrayXXd l(np, nq);  // column per query: contiguous over pairs
  for (Eigen::Index q = 0; q < nq; ++q) {
    Eigen::ArrayXd d2 = (xt.col(0).array() - x(q, 0)).square();
    for (Eigen::Index c = 1; c < x.cols(); ++c) d2 += (xt.col(c).array() - x(q, c)).square();
    l.col(q) = d2 * (-0.5 / (h * h));
  }
  const Eigen::Array<double, 1, Eigen::Dynamic> mx = l.colwise().maxCoeff();
  l = (l.rowwise() - mx).exp();
  const Eigen::Array<double, 1, Eigen::Dynamic> norm = l.colwise().sum();
  l.rowwise() /= norm;
  return l.matrix().transpose() * disp;
}

}  // namespace

KernelVelocity::KernelVelocity(Eigen::MatrixXd x0, Eigen::MatrixXd x1, double bandwidth)
    : m_x0(std::move(x0)), m_h(bandwidth) {
  if (!(bandwidth > 0) || !std::isfinite(bandwidth))
    throw ParamError("nw_bandwidth", "nw_bandwidth must be a positive number");
  if (m_x0.rows() != x1.rows() || m_x0.cols() != x1.cols() || m_x0.rows() < 1)
    throw ParamError("pairs", "need (x0, x1) pairs of equal size");
  if (!m_x0.allFinite() || !x1.allFinite())
    throw ParamError("pairs", "pairs contain NaN or infinity");
  m_disp = x1 - m_x0;
}

Eigen::MatrixXd KernelVelocity::operator()(const Eigen::MatrixXd& x, double t) const {
  t = std::clamp(t, 0.0, 1.0);
  const Eigen::MatrixXd xt = m_x0 + t * m_disp;
  const Eigen::Index n = x.rows();
  Eigen::MatrixXd v(n, m_disp.cols());
  const Eigen::Index blocks = (n + kQueryBlock - 1) / kQueryBlock;
  // Fixed blocks: the same operations per query whatever the thread count. Threads only for
  // large evaluations: on a busy machine the barrier of a small one costs more than it saves.
  const bool parallel = n * m_x0.rows() >= kParallelWork;
#pragma omp parallel for schedule(static) if (parallel)
  for (Eigen::Index b = 0; b < blocks; ++b) {
    const Eigen::Index lo = b * kQueryBlock, len = std::min(kQueryBlock, n - lo);
    v.middleRows(lo, len) = nwBlock(x.middleRows(lo, len), xt, m_disp, m_h);
  }
  return v;
}

double KernelVelocity::residual(int samples, std::uint64_t seed) const {
  Rng rng(seed);
  double acc = 0.0;
  const auto n = static_cast<std::uint64_t>(m_x0.rows());
  for (int s = 0; s < samples; ++s) {
    const auto i = static_cast<Eigen::Index>(rng.next() % n);
    const double t = rng.uniform();
    const Eigen::MatrixXd x = m_x0.row(i) + t * m_disp.row(i);
    acc += ((*this)(x, t) - m_disp.row(i)).squaredNorm();
  }
  return samples > 0 ? acc / samples : 0.0;
}

}  // namespace latentlab::flows
