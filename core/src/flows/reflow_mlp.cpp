// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// MLP velocity with hand-written backpropagation and Adam (after the RF tutorial).
#include <algorithm>
#include <cmath>
#include <string>

#include "latentlab/common/adam.h"
#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/flows/reflow_models.h"

namespace latentlab::flows {
namespace {

constexpr double kBeta1 = 0.9, kBeta2 = 0.999, kAdamEps = 1e-8;

// H × H products of a 256-row batch are small: Eigen's OpenMP GEMM split of them costs more in
// barriers than it saves (10× slower wall time on a busy 2-core machine), so they are
// coefficient-based (lazyProduct), single-threaded and still vectorised.
template <typename A, typename B>
Eigen::MatrixXd small(const A& a, const B& b) {
  return a.lazyProduct(b);
}

Eigen::MatrixXd glorot(Eigen::Index rows, Eigen::Index cols, Rng& rng) {
  const double a = std::sqrt(6.0 / static_cast<double>(rows + cols));
  Eigen::MatrixXd w(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index i = 0; i < rows; ++i) w(i, j) = a * (2.0 * rng.uniform() - 1.0);
  return w;
}

// Applies f to every parameter block of the three (same-shaped) parameter sets.
template <typename F>
void forEachBlock(MlpVelocity::Params& p, MlpVelocity::Params& m, MlpVelocity::Params& v,
                  const MlpVelocity::Params& g, F f) {
  f(p.w1, m.w1, v.w1, g.w1);
  f(p.w2, m.w2, v.w2, g.w2);
  f(p.w3, m.w3, v.w3, g.w3);
  f(p.b1, m.b1, v.b1, g.b1);
  f(p.b2, m.b2, v.b2, g.b2);
  f(p.b3, m.b3, v.b3, g.b3);
}

MlpVelocity::Params zerosLike(const MlpVelocity::Params& p) {
  return {Eigen::MatrixXd::Zero(p.w1.rows(), p.w1.cols()),
          Eigen::MatrixXd::Zero(p.w2.rows(), p.w2.cols()),
          Eigen::MatrixXd::Zero(p.w3.rows(), p.w3.cols()),
          Eigen::RowVectorXd::Zero(p.b1.size()),
          Eigen::RowVectorXd::Zero(p.b2.size()),
          Eigen::RowVectorXd::Zero(p.b3.size())};
}

}  // namespace

MlpVelocity MlpVelocity::init(int dim, int hidden, std::uint64_t seed) {
  if (hidden < 1 || hidden > 1024)
    throw ParamError("mlp_hidden", "mlp_hidden must be in 1..1024, got " + std::to_string(hidden));
  if (dim < 1) throw ParamError("pairs", "the MLP needs at least one coordinate");
  Rng rng(seed);
  MlpVelocity m;
  m.m_p.w1 = glorot(dim + 1, hidden, rng);
  m.m_p.w2 = glorot(hidden, hidden, rng);
  m.m_p.w3 = glorot(hidden, dim, rng);
  m.m_p.b1 = Eigen::RowVectorXd::Zero(hidden);
  m.m_p.b2 = Eigen::RowVectorXd::Zero(hidden);
  m.m_p.b3 = Eigen::RowVectorXd::Zero(dim);
  return m;
}

Eigen::MatrixXd MlpVelocity::forward(const Eigen::MatrixXd& input) const {
  Eigen::MatrixXd a1 = small(input, m_p.w1);
  a1.rowwise() += m_p.b1;
  a1 = a1.array().tanh().matrix();
  Eigen::MatrixXd a2 = small(a1, m_p.w2);
  a2.rowwise() += m_p.b2;
  a2 = a2.array().tanh().matrix();
  Eigen::MatrixXd y = small(a2, m_p.w3);
  y.rowwise() += m_p.b3;
  return y;
}

double MlpVelocity::lossAndGradient(const Eigen::MatrixXd& input, const Eigen::MatrixXd& target,
                                    Params* grad) const {
  const double b = static_cast<double>(input.rows());
  Eigen::MatrixXd a1 = input * m_p.w1;
  a1.rowwise() += m_p.b1;
  a1 = a1.array().tanh().matrix();
  Eigen::MatrixXd a2 = small(a1, m_p.w2);
  a2.rowwise() += m_p.b2;
  a2 = a2.array().tanh().matrix();
  Eigen::MatrixXd y = a2 * m_p.w3;
  y.rowwise() += m_p.b3;
  const Eigen::MatrixXd diff = y - target;
  const double loss = diff.squaredNorm() / b;
  if (!grad) return loss;
  // Backward pass: dL/dy = 2 (y − target) / B; tanh' = 1 − tanh².
  const Eigen::MatrixXd dy = (2.0 / b) * diff;
  grad->w3.noalias() = a2.transpose() * dy;
  grad->b3 = dy.colwise().sum();
  const Eigen::MatrixXd dz2 =
      ((dy * m_p.w3.transpose()).array() * (1.0 - a2.array().square())).matrix();
  grad->w2 = small(a1.transpose(), dz2);
  grad->b2 = dz2.colwise().sum();
  const Eigen::MatrixXd dz1 =
      (small(dz2, m_p.w2.transpose()).array() * (1.0 - a1.array().square())).matrix();
  grad->w1.noalias() = input.transpose() * dz1;
  grad->b1 = dz1.colwise().sum();
  return loss;
}

MlpVelocity MlpVelocity::fit(const Eigen::MatrixXd& x0, const Eigen::MatrixXd& x1,
                             const MlpOptions& o, const RunControl& control,
                             const MlpVelocity* warmStart) {
  if (o.iterations < 1 || o.iterations > 200000)
    throw ParamError("mlp_iterations",
                     "mlp_iterations must be in 1..200000, got " + std::to_string(o.iterations));
  if (!(o.learningRate > 0) || !std::isfinite(o.learningRate) || o.learningRate > 1.0)
    throw ParamError("mlp_lr", "mlp_lr must be a number in (0, 1]");
  if (o.batch < 1) throw ParamError("mlp_batch", "the batch needs at least one sample");
  if (x0.rows() != x1.rows() || x0.cols() != x1.cols() || x0.rows() < 1)
    throw ParamError("pairs", "need (x0, x1) pairs of equal size");
  if (!x0.allFinite() || !x1.allFinite())
    throw ParamError("pairs", "pairs contain NaN or infinity");
  const Eigen::Index d = x0.cols(), n = x0.rows();
  MlpVelocity net = init(static_cast<int>(d), o.hidden, o.seed);
  if (warmStart && warmStart->m_p.w1.rows() == d + 1 && warmStart->m_p.w1.cols() == o.hidden)
    net.m_p = warmStart->m_p;
  Params m = zerosLike(net.m_p), v = zerosLike(net.m_p), g = zerosLike(net.m_p);
  // The batch stream has its own seed so that a warm start sees the same batches.
  Rng rng(o.seed ^ 0x5bd1e995ULL);
  Eigen::MatrixXd input(o.batch, d + 1), target(o.batch, d);
  net.m_curve.reserve(static_cast<std::size_t>(o.iterations));
  const int every = std::max(1, o.iterations / 100);
  for (int it = 1; it <= o.iterations; ++it) {
    control.checkCancelled();
    for (int r = 0; r < o.batch; ++r) {
      const auto i = static_cast<Eigen::Index>(rng.next() % static_cast<std::uint64_t>(n));
      const double t = rng.uniform();
      target.row(r) = x1.row(i) - x0.row(i);
      input.row(r).head(d) = x0.row(i) + t * target.row(r);
      input(r, d) = t;
    }
    net.m_curve.push_back(net.lossAndGradient(input, target, &g));
    const AdamStep step = AdamStep::at(it, o.learningRate, kBeta1, kBeta2, kAdamEps);
    forEachBlock(net.m_p, m, v, g, [&](auto& p, auto& mm, auto& vv, const auto& gg) {
      adamUpdate(p, gg, mm, vv, step);
    });
    if (it % every == 0) control.progress(static_cast<double>(it) / o.iterations);
  }
  if (!net.m_p.w1.allFinite() || !net.m_p.w3.allFinite())
    throw ParamError("mlp_lr", "MLP training diverged (NaN weights): lower mlp_lr");
  const std::size_t tail = std::max<std::size_t>(1, net.m_curve.size() / 100);
  double acc = 0.0;
  for (std::size_t i = net.m_curve.size() - tail; i < net.m_curve.size(); ++i)
    acc += net.m_curve[i];
  net.m_loss = acc / static_cast<double>(tail);
  return net;
}

Eigen::MatrixXd MlpVelocity::operator()(const Eigen::MatrixXd& x, double t) const {
  Eigen::MatrixXd input(x.rows(), x.cols() + 1);
  input.leftCols(x.cols()) = x;
  input.col(x.cols()).setConstant(t);
  return forward(input);
}

}  // namespace latentlab::flows
