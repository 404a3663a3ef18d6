// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The one-hidden-layer generator of the ReFlow → WGAN-GP toy and its hand-written backprop.
#include "latentlab/flows/wgan_generator.h"

#include <cmath>

#include "latentlab/common/adam.h"

namespace latentlab::flows {

MlpGenerator MlpGenerator::init(int dz, int hidden, int dx, double outStd, Rng& rng) {
  MlpGenerator g;
  g.w1.resize(hidden, dz);
  g.b1 = Eigen::VectorXd::Zero(hidden);
  g.w2.resize(dx, hidden);
  g.b2 = Eigen::VectorXd::Zero(dx);
  const double s1 = 1.0 / std::sqrt(static_cast<double>(dz));
  const double s2 = outStd / std::sqrt(0.4 * hidden);
  for (int i = 0; i < hidden; ++i)
    for (int k = 0; k < dz; ++k) g.w1(i, k) = s1 * rng.normal();
  for (int k = 0; k < dx; ++k)
    for (int i = 0; i < hidden; ++i) g.w2(k, i) = s2 * rng.normal();
  return g;
}

MlpGenerator MlpGenerator::zerosLike(const MlpGenerator& g) {
  MlpGenerator z;
  z.w1 = Eigen::MatrixXd::Zero(g.w1.rows(), g.w1.cols());
  z.b1 = Eigen::VectorXd::Zero(g.b1.size());
  z.w2 = Eigen::MatrixXd::Zero(g.w2.rows(), g.w2.cols());
  z.b2 = Eigen::VectorXd::Zero(g.b2.size());
  return z;
}

Eigen::MatrixXd MlpGenerator::operator()(const Eigen::MatrixXd& z) const {
  const Eigen::MatrixXd h = ((z * w1.transpose()).rowwise() + b1.transpose()).array().tanh();
  return (h * w2.transpose()).rowwise() + b2.transpose();
}

double generatorMoveLoss(const MlpGenerator& g, const Eigen::MatrixXd& z,
                         const Eigen::MatrixXd& targets, MlpGenerator* grad) {
  const double n = static_cast<double>(z.rows());
  const Eigen::MatrixXd h = ((z * g.w1.transpose()).rowwise() + g.b1.transpose()).array().tanh();
  const Eigen::MatrixXd r = ((h * g.w2.transpose()).rowwise() + g.b2.transpose()) - targets;
  if (grad) {
    // Backprop through out = h W2ᵀ + b2, h = tanh(u): ∂L/∂u = (r W2) ∘ (1 − h²), all / N.
    const Eigen::MatrixXd du = ((r * g.w2).array() * (1.0 - h.array().square())).matrix() / n;
    grad->w2 = r.transpose() * h / n;
    grad->b2 = r.colwise().sum().transpose() / n;
    grad->w1 = du.transpose() * z;
    grad->b1 = du.colwise().sum().transpose();
  }
  return 0.5 * r.squaredNorm() / n;
}

GeneratorAdam::GeneratorAdam(const MlpGenerator& shape, double lr, double beta1, double beta2,
                             double eps)
    : m_m(MlpGenerator::zerosLike(shape)),
      m_v(MlpGenerator::zerosLike(shape)),
      m_lr(lr),
      m_beta1(beta1),
      m_beta2(beta2),
      m_eps(eps) {}

void GeneratorAdam::step(MlpGenerator& params, const MlpGenerator& grad) {
  const AdamStep s = AdamStep::at(++m_t, m_lr, m_beta1, m_beta2, m_eps);
  adamUpdate(params.w1, grad.w1, m_m.w1, m_v.w1, s);
  adamUpdate(params.b1, grad.b1, m_m.b1, m_v.b1, s);
  adamUpdate(params.w2, grad.w2, m_m.w2, m_v.w2, s);
  adamUpdate(params.b2, grad.b2, m_m.b2, m_v.b2, s);
}

}  // namespace latentlab::flows
