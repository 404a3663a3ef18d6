// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Critics: RFF closed form, RFF free vector fields, and the tanh MLP critic
// with its hand-written gradient-penalty backprop.
#include "latentlab/flows/wgan_flow.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "latentlab/common/adam.h"
#include "latentlab/common/errors.h"

namespace latentlab::flows {

RffFeatures RffFeatures::draw(int inputs, int m, double lengthScale, Rng& rng) {
  RffFeatures f;
  f.omega.resize(m, inputs);
  f.bias.resize(m);
  for (int j = 0; j < m; ++j) {
    for (int k = 0; k < inputs; ++k) f.omega(j, k) = rng.normal() / lengthScale;
    f.bias(j) = 2.0 * std::numbers::pi * rng.uniform();
  }
  return f;
}

namespace {

Eigen::MatrixXd arguments(const RffFeatures& f, const Eigen::MatrixXd& x) {
  Eigen::MatrixXd arg = x * f.omega.transpose();  // N × M
  arg.rowwise() += f.bias.transpose();
  return arg;
}

// The time-dependent variant's inputs are (x, t); every other feature map sees x alone.
Eigen::MatrixXd withTime(const RffFeatures& f, const Eigen::MatrixXd& x, const Eigen::VectorXd& t) {
  if (f.omega.cols() == x.cols()) return x;
  Eigen::MatrixXd xt(x.rows(), x.cols() + 1);
  xt << x, t;
  return xt;
}

Eigen::MatrixXd ridgeSolve(const Eigen::MatrixXd& gram, double delta, const Eigen::MatrixXd& rhs) {
  Eigen::MatrixXd a = gram;
  a.diagonal().array() += delta;
  return a.ldlt().solve(rhs);
}

}  // namespace

Eigen::MatrixXd RffFeatures::phi(const Eigen::MatrixXd& x) const {
  const double scale = std::sqrt(2.0 / static_cast<double>(size()));
  return scale * arguments(*this, x).array().cos().matrix();
}

Eigen::MatrixXd RffFeatures::sinPart(const Eigen::MatrixXd& x) const {
  const double scale = std::sqrt(2.0 / static_cast<double>(size()));
  return scale * arguments(*this, x).array().sin().matrix();
}

Eigen::VectorXd RffCritic::value(const Eigen::MatrixXd& x) const { return features.phi(x) * a; }

Eigen::VectorXd RffCritic::valueOnLattice(const Eigen::VectorXd& xs,
                                          const Eigen::VectorXd& ys) const {
  if (features.omega.cols() != 2) throw ParamError("features", "a lattice needs two inputs");
  const Eigen::Index nx = xs.size(), ny = ys.size(), m = features.size();
  Eigen::MatrixXd cosX(nx, m), sinX(nx, m), cosY(ny, m), sinY(ny, m);
  for (Eigen::Index j = 0; j < m; ++j) {
    for (Eigen::Index c = 0; c < nx; ++c) {
      const double arg = features.omega(j, 0) * xs(c) + features.bias(j);
      cosX(c, j) = std::cos(arg);
      sinX(c, j) = std::sin(arg);
    }
    for (Eigen::Index r = 0; r < ny; ++r) {
      const double arg = features.omega(j, 1) * ys(r);
      cosY(r, j) = std::cos(arg);
      sinY(r, j) = std::sin(arg);
    }
  }
  const double scale = std::sqrt(2.0 / static_cast<double>(m));
  // values(r, c) = scale Σ_j a_j (cos_y cos_x − sin_y sin_x), stored row by row.
  using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  Eigen::VectorXd out(nx * ny);
  Eigen::Map<RowMajor>(out.data(), ny, nx) =
      scale * ((cosY * a.asDiagonal()) * cosX.transpose() -
               (sinY * a.asDiagonal()) * sinX.transpose());
  return out;
}

Eigen::MatrixXd RffCritic::gradient(const Eigen::MatrixXd& x) const {
  // ∂D/∂x_k = Σ_j a_j ∂φ_j/∂x_k = −Σ_j a_j S_nj ω_jk.
  const Eigen::MatrixXd s = features.sinPart(x);
  return -(s * a.asDiagonal()) * features.omega;
}

RffCritic fitRffCritic(const RffFeatures& features, const Eigen::MatrixXd& x0,
                       const Eigen::MatrixXd& x1, const Eigen::MatrixXd& xt, double lambda,
                       double delta) {
  const Eigen::VectorXd mu0 = features.phi(x0).colwise().mean().transpose();
  const Eigen::VectorXd mu1 = features.phi(x1).colwise().mean().transpose();
  const Eigen::MatrixXd s = features.sinPart(xt);
  const int m = features.size();
  Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(m, m);
  // G = Σ_axis A_axisᵀ A_axis / K with A_axis = S ∘ (1 ω_axisᵀ).
  for (int axis = 0; axis < features.omega.cols(); ++axis) {
    const Eigen::MatrixXd a = s * features.omega.col(axis).asDiagonal();
    gram.selfadjointView<Eigen::Lower>().rankUpdate(a.transpose());
  }
  gram = Eigen::MatrixXd(gram.selfadjointView<Eigen::Lower>());
  gram /= static_cast<double>(xt.rows());
  RffCritic c{features, ridgeSolve(gram, delta, mu1 - mu0) / lambda};
  return c;
}

Eigen::MatrixXd RffFreeField::value(const Eigen::MatrixXd& x, double t) const {
  const Eigen::VectorXd tv = Eigen::VectorXd::Constant(x.rows(), t);
  return features.phi(withTime(features, x, tv)) * b;
}

Eigen::MatrixXd RffFreeField::value(const Eigen::MatrixXd& x, const Eigen::VectorXd& t) const {
  return features.phi(withTime(features, x, t)) * b;
}

RffFreeField fitRffFreeField(const RffFeatures& features, const Eigen::MatrixXd& xt,
                             const Eigen::VectorXd& t, const Eigen::MatrixXd& target,
                             double delta) {
  const Eigen::MatrixXd phi = features.phi(withTime(features, xt, t));
  const double k = static_cast<double>(xt.rows());
  Eigen::MatrixXd gram = phi.transpose() * phi / k;
  RffFreeField v;
  v.features = features;
  v.timeDependent = features.omega.cols() != xt.cols();
  v.b = ridgeSolve(gram, delta, phi.transpose() * target / k);
  return v;
}

MlpCritic MlpCritic::init(int d, int hidden, Rng& rng) {
  MlpCritic c;
  c.w1.resize(hidden, d);
  c.b1 = Eigen::VectorXd::Zero(hidden);
  c.w2.resize(hidden);
  const double s1 = 1.0 / std::sqrt(static_cast<double>(d));
  const double s2 = 1.0 / std::sqrt(static_cast<double>(hidden));
  for (int i = 0; i < hidden; ++i)
    for (int k = 0; k < d; ++k) c.w1(i, k) = s1 * rng.normal();
  for (int i = 0; i < hidden; ++i) c.w2(i) = s2 * rng.normal();
  return c;
}

MlpCritic MlpCritic::zerosLike(const MlpCritic& c) {
  MlpCritic z;
  z.w1 = Eigen::MatrixXd::Zero(c.w1.rows(), c.w1.cols());
  z.b1 = Eigen::VectorXd::Zero(c.b1.size());
  z.w2 = Eigen::VectorXd::Zero(c.w2.size());
  return z;
}

namespace {

Eigen::MatrixXd hidden(const MlpCritic& c, const Eigen::MatrixXd& x) {
  Eigen::MatrixXd u = x * c.w1.transpose();
  u.rowwise() += c.b1.transpose();
  return u.array().tanh().matrix();
}

}  // namespace

Eigen::VectorXd MlpCritic::value(const Eigen::MatrixXd& x) const {
  return (hidden(*this, x) * w2).array() + b2;
}

Eigen::MatrixXd MlpCritic::gradient(const Eigen::MatrixXd& x) const {
  const Eigen::MatrixXd h = hidden(*this, x);
  const Eigen::MatrixXd c = (1.0 - h.array().square()).matrix() * w2.asDiagonal();
  return c * w1;  // rows: W1ᵀ(w2 ∘ s)
}

double mlpCriticLoss(const MlpCritic& critic, const Eigen::MatrixXd& x0, const Eigen::MatrixXd& x1,
                     const Eigen::MatrixXd& xt, double lambda, PenaltyCentre centre,
                     MlpCritic* grad) {
  const Eigen::MatrixXd h0 = hidden(critic, x0), h1 = hidden(critic, x1), ht = hidden(critic, xt);
  const double n0 = static_cast<double>(x0.rows()), n1 = static_cast<double>(x1.rows());
  const double k = static_cast<double>(xt.rows());
  const Eigen::MatrixXd st = (1.0 - ht.array().square()).matrix();
  const Eigen::MatrixXd c = st * critic.w2.asDiagonal();  // K × H: w2 ∘ s
  const Eigen::MatrixXd g = c * critic.w1;                // K × d: ∇_x D(x_t)
  const Eigen::VectorXd norm = g.rowwise().norm();

  double penalty = 0.0;
  Eigen::VectorXd weight(xt.rows());  // ∂(λ mean P)/∂(½‖g_n‖²)
  for (Eigen::Index n = 0; n < xt.rows(); ++n) {
    if (centre == PenaltyCentre::Zero) {
      penalty += 0.5 * norm(n) * norm(n);
      weight(n) = lambda / k;
    } else {
      penalty += (norm(n) - 1.0) * (norm(n) - 1.0);
      // d(‖g‖−1)² = 2(‖g‖−1)/‖g‖ · d(½‖g‖²); the direction is undefined at g = 0 (guard).
      weight(n) = norm(n) > 1e-12 ? lambda / k * 2.0 * (norm(n) - 1.0) / norm(n) : 0.0;
    }
  }
  const double mean0 = (h0 * critic.w2).mean() + critic.b2;
  const double mean1 = (h1 * critic.w2).mean() + critic.b2;
  const double loss = lambda * penalty / k - mean1 + mean0;
  if (!grad) return loss;

  *grad = MlpCritic::zerosLike(critic);
  // Linear terms: ∂D/∂w2 = h, ∂D/∂u = w2 ∘ s, ∂D/∂b2 = 1 (cancels between the two means).
  grad->w2 = h0.colwise().mean().transpose() - h1.colwise().mean().transpose();
  const Eigen::MatrixXd c0 = (1.0 - h0.array().square()).matrix() * critic.w2.asDiagonal() / n0;
  const Eigen::MatrixXd c1 = (1.0 - h1.array().square()).matrix() * critic.w2.asDiagonal() / n1;
  grad->b1 = c0.colwise().sum().transpose() - c1.colwise().sum().transpose();
  grad->w1 = c0.transpose() * x0 - c1.transpose() * x1;

  // Penalty gradients: q = W1 g, ∂P/∂w2 = s ∘ q, ∂P/∂u = −2 w2 ∘ h ∘ s ∘ q,
  // ∂P/∂W1 = c gᵀ + (∂P/∂u) xᵀ, ∂P/∂b1 = ∂P/∂u; each row weighted by weight_n.
  const Eigen::MatrixXd q = g * critic.w1.transpose();  // K × H
  const Eigen::MatrixXd sq = st.cwiseProduct(q);
  const Eigen::MatrixXd du = (-2.0 * ht.cwiseProduct(sq)) * critic.w2.asDiagonal();  // K × H
  grad->w2 += sq.transpose() * weight;
  grad->b1 += du.transpose() * weight;
  grad->w1 +=
      (weight.asDiagonal() * c).transpose() * g + (weight.asDiagonal() * du).transpose() * xt;
  return loss;
}

MlpAdam::MlpAdam(const MlpCritic& shape, double lr, double beta1, double beta2, double eps)
    : m_m(MlpCritic::zerosLike(shape)),
      m_v(MlpCritic::zerosLike(shape)),
      m_lr(lr),
      m_beta1(beta1),
      m_beta2(beta2),
      m_eps(eps) {}

void MlpAdam::step(MlpCritic& params, const MlpCritic& grad) {
  const AdamStep s = AdamStep::at(++m_t, m_lr, m_beta1, m_beta2, m_eps);
  adamUpdate(params.w1, grad.w1, m_m.w1, m_v.w1, s);
  adamUpdate(params.b1, grad.b1, m_m.b1, m_v.b1, s);
  adamUpdate(params.w2, grad.w2, m_m.w2, m_v.w2, s);
  // The output bias is a scalar, not an Eigen block.
  m_m.b2 = s.beta1 * m_m.b2 + (1.0 - s.beta1) * grad.b2;
  m_v.b2 = s.beta2 * m_v.b2 + (1.0 - s.beta2) * grad.b2 * grad.b2;
  params.b2 -= s.lr * (m_m.b2 / s.c1) / (std::sqrt(m_v.b2 / s.c2) + s.eps);
}

double slicedW2Seeded(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, int projections,
                      std::uint64_t seed) {
  Rng rng(seed);
  const Eigen::Index d = a.cols();
  double total = 0.0;
  std::vector<double> pa(static_cast<std::size_t>(a.rows())), pb(pa.size());
  for (int p = 0; p < projections; ++p) {
    Eigen::VectorXd dir(d);
    for (Eigen::Index k = 0; k < d; ++k) dir(k) = rng.normal();
    dir.normalize();
    const Eigen::VectorXd ya = a * dir, yb = b * dir;
    std::copy(ya.data(), ya.data() + ya.size(), pa.begin());
    std::copy(yb.data(), yb.data() + yb.size(), pb.begin());
    std::sort(pa.begin(), pa.end());
    std::sort(pb.begin(), pb.end());
    double s = 0.0;
    for (std::size_t i = 0; i < pa.size(); ++i) s += (pa[i] - pb[i]) * (pa[i] - pb[i]);
    total += s / static_cast<double>(pa.size());
  }
  return std::sqrt(total / projections);
}

}  // namespace latentlab::flows
