// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/reflow.md §6 (reflow rounds:
// the learned velocity models).

#include <Eigen/Dense>
#include <cstdint>
#include <vector>

#include "latentlab/common/run_control.h"

namespace latentlab::flows {

/// Trained velocities for reflow rounds (Liu et al. 2023),
/// next to RffVelocity in reflow.h. All fit on fixed pairs (x0, x1) with x_t = (1−t)x0 + t x1.

/// MLP options: [x; t] → H → H → d with tanh, Adam on the rectified-flow loss (here
/// 3 → 64 → 64 → 2, batch 256, lr 2e−3, a few thousand iterations).
struct MlpOptions {
  int hidden = 64;
  int iterations = 2000;
  int batch = 256;
  double learningRate = 2e-3;
  std::uint64_t seed = 1;
};

/// v_θ(x, t) = W3ᵀ tanh(W2ᵀ tanh(W1ᵀ [x; t] + b1) + b2) + b3, trained by Adam (β = 0.9, 0.999)
/// on L(θ) = mean_b ‖v_θ(x_t^b, t_b) − (x1^b − x0^b)‖² with t_b ~ U(0, 1) (Liu et al. 2023; Su,
/// kexue.fm/archives/9497), gradients by hand-written backpropagation.
class MlpVelocity {
 public:
  /// Gradient (or parameter set) with the same shapes as the network's parameters.
  struct Params {
    Eigen::MatrixXd w1, w2, w3;  // (d+1) × H, H × H, H × d
    Eigen::RowVectorXd b1, b2, b3;
  };

  MlpVelocity() = default;
  /// Glorot-uniform weights, zero biases, seeded.
  static MlpVelocity init(int dim, int hidden, std::uint64_t seed);
  /// Trains on the pairs (rows of x0, x1); starts from `warmStart` when given (same shapes), else
  /// from init(d, hidden, seed). Polls control every iteration, progress every 1 %.
  /// Throws ParamError (mlp_hidden, mlp_iterations, mlp_lr, pairs) for bad options or NaN pairs.
  static MlpVelocity fit(const Eigen::MatrixXd& x0, const Eigen::MatrixXd& x1,
                         const MlpOptions& options, const RunControl& control = {},
                         const MlpVelocity* warmStart = nullptr);

  Eigen::MatrixXd operator()(const Eigen::MatrixXd& x, double t) const;
  /// Network output for inputs (B × (d+1), last column t).
  Eigen::MatrixXd forward(const Eigen::MatrixXd& input) const;
  /// L = (1/B) Σ_b ‖f(input_b) − target_b‖² and, when grad is set, ∂L/∂θ by backpropagation.
  double lossAndGradient(const Eigen::MatrixXd& input, const Eigen::MatrixXd& target,
                         Params* grad) const;

  const Params& params() const { return m_p; }
  Params& params() { return m_p; }
  /// Loss of the last 1 % of iterations (mean), and the per-iteration loss curve.
  double trainingLoss() const { return m_loss; }
  const std::vector<double>& lossCurve() const { return m_curve; }

 private:
  Params m_p;
  double m_loss = 0.0;
  std::vector<double> m_curve;
};

/// Nadaraya–Watson velocity on pairs (the RectifiedFlow tutorial mentions kernel methods):
///   v(x, t) = Σ_i K_h(x − x_t^i)(x1^i − x0^i) / Σ_i K_h(x − x_t^i),  K_h(u) = exp(−‖u‖²/(2h²)),
/// x_t^i = (1−t) x0^i + t x1^i; log-sum-exp weights, so far queries take the nearest pair.
class KernelVelocity {
 public:
  KernelVelocity() = default;
  /// Throws ParamError("nw_bandwidth") for h ≤ 0 or NaN, ParamError("pairs") for bad pairs.
  KernelVelocity(Eigen::MatrixXd x0, Eigen::MatrixXd x1, double bandwidth);
  Eigen::MatrixXd operator()(const Eigen::MatrixXd& x, double t) const;
  /// Mean squared residual ‖v(x_t^i, t) − (x1^i − x0^i)‖² at `samples` (pair, t) draws (seeded).
  double residual(int samples, std::uint64_t seed) const;

 private:
  Eigen::MatrixXd m_x0, m_disp;  // pairs: start and displacement x1 − x0
  double m_h = 0.1;
};

}  // namespace latentlab::flows
