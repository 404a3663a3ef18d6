// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/reflow_wgan.md §2 (samples
// move, parameters move).

#include <Eigen/Dense>

#include "latentlab/common/rng.h"

// The small generator (kexue.fm/archives/9668, "particles or a generator"): instead of moving free
// particles, the critic's field moves the parameters of x0 = G_φ(z) through the (G-move) regression
// of kexue.fm/archives/9662 and 9668.
namespace latentlab::flows {

/// One-hidden-layer tanh generator G(z) = W2 tanh(W1 z + b1) + b2, z ∈ R^dz, output R^dx.
/// Points are rows (N × d), as everywhere in the flows core.
struct MlpGenerator {
  Eigen::MatrixXd w1;  // H × dz
  Eigen::VectorXd b1;  // H
  Eigen::MatrixXd w2;  // dx × H
  Eigen::VectorXd b2;  // dx

  /// W1 ~ N(0, 1/dz), W2 ~ N(0, outStd² / (0.4 H)) so that G(z) starts with a spread of about
  /// outStd per coordinate (Var tanh(u) ≈ 0.4 for u ~ N(0, 1)); biases 0.
  static MlpGenerator init(int dz, int hidden, int dx, double outStd, Rng& rng);
  static MlpGenerator zerosLike(const MlpGenerator& g);
  /// G(z) for every row of z.
  Eigen::MatrixXd operator()(const Eigen::MatrixXd& z) const;
};

/// The (G-move) regression loss of Su, kexue.fm/archives/9668, with the targets held fixed
/// (stop-gradient):
///   L(φ) = (1/N) Σ_n ½ ‖G_φ(z_n) − y_n‖²,   y_n = G_φτ(z_n) + ε ∇D(G_φτ(z_n)).
/// With r = G(z) − y, h = tanh(W1 z + b1): ∂L/∂W2 = rᵀh / N, ∂L/∂b2 = mean r,
/// ∂L/∂u = (r W2) ∘ (1 − h²), ∂L/∂W1 = (∂L/∂u)ᵀ z / N, ∂L/∂b1 = mean ∂L/∂u.
/// Writes the gradient into `grad` when non-null.
double generatorMoveLoss(const MlpGenerator& g, const Eigen::MatrixXd& z,
                         const Eigen::MatrixXd& targets, MlpGenerator* grad = nullptr);

/// Adam on an MlpGenerator's parameters (standard β1 = 0.9, β2 = 0.999 unless given).
class GeneratorAdam {
 public:
  GeneratorAdam(const MlpGenerator& shape, double lr, double beta1 = 0.9, double beta2 = 0.999,
                double eps = 1e-8);
  void step(MlpGenerator& params, const MlpGenerator& grad);

 private:
  MlpGenerator m_m, m_v;
  double m_lr, m_beta1, m_beta2, m_eps;
  int m_t = 0;
};

}  // namespace latentlab::flows
