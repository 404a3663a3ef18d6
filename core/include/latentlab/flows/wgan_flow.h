// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/reflow_wgan.md §2–§4 (moving
// samples along a critic gradient).

#include <Eigen/Dense>
#include <cstdint>

#include "latentlab/common/rng.h"

// ReFlow → WGAN-GP critics (kexue.fm/archives/9668). Points are rows of N × d matrices, so the same
// code serves the 1-D unit tests and the 2-D toy.
namespace latentlab::flows {

/// Random Fourier features φ_j(x) = √(2/M) cos(ω_j·x + b_j), ω_j ~ N(0, I/ℓ²), b_j ~ U[0, 2π)
/// (closed-form critic A). When `inputs` = d + 1 the last column of ω multiplies t (a
/// time-dependent feature map for the "t = 0 slice" variant).
struct RffFeatures {
  Eigen::MatrixXd omega;  // M × inputs
  Eigen::VectorXd bias;   // M

  static RffFeatures draw(int inputs, int m, double lengthScale, Rng& rng);
  int size() const { return static_cast<int>(bias.size()); }
  /// Φ (N × M): φ_j(x_n).
  Eigen::MatrixXd phi(const Eigen::MatrixXd& x) const;
  /// S (N × M): √(2/M) sin(ω_j·x_n + b_j); ∂φ_j/∂x_k = −S_nj ω_jk.
  Eigen::MatrixXd sinPart(const Eigen::MatrixXd& x) const;
};

/// D(x) = aᵀφ(x): a scalar critic on RFF.
struct RffCritic {
  RffFeatures features;
  Eigen::VectorXd a;

  Eigen::VectorXd value(const Eigen::MatrixXd& x) const;
  /// D on the lattice of points (xs[c], ys[r]), entry r·|xs| + c; two inputs only. Through
  /// cos(ω_x x + b + ω_y y) = cos(ω_x x + b) cos(ω_y y) − sin(ω_x x + b) sin(ω_y y): 2(|xs| + |ys|)
  /// sines and cosines per feature instead of |xs|·|ys| (equal to value() to rounding).
  Eigen::VectorXd valueOnLattice(const Eigen::VectorXd& xs, const Eigen::VectorXd& ys) const;
  /// ∇_x D (N × d): −Σ_j a_j S_nj ω_j.
  Eigen::MatrixXd gradient(const Eigen::MatrixXd& x) const;
};

/// Closed-form minimiser of the Su critic loss (kexue.fm/archives/9668):
/// L(a) = aᵀ(μ0 − μ1) + (λ/2) aᵀ G a, G = mean_n J(x_t^n) J(x_t^n)ᵀ,
/// a* = (G + δI)⁻¹ (μ1 − μ0) / λ (Eigen::LDLT).
RffCritic fitRffCritic(const RffFeatures& features, const Eigen::MatrixXd& x0,
                       const Eigen::MatrixXd& x1, const Eigen::MatrixXd& xt, double lambda,
                       double delta);

/// A free (not gradient) vector field v(x[, t]) = Bᵀφ(x[, t]) fitted by ridge least squares to the
/// ReFlow target x1 − x0 at the interpolants (the variants "free vector field, t dropped"
/// and "t = 0 slice"): B = (ΦᵀΦ/K + δI)⁻¹ ΦᵀY/K.
struct RffFreeField {
  RffFeatures features;  // inputs = d, or d + 1 when timeDependent
  Eigen::MatrixXd b;     // M × d
  bool timeDependent = false;

  /// v at rows of x and time t (t ignored when the field does not see time).
  Eigen::MatrixXd value(const Eigen::MatrixXd& x, double t) const;
  /// v at rows of x, row n at time t(n).
  Eigen::MatrixXd value(const Eigen::MatrixXd& x, const Eigen::VectorXd& t) const;
};
/// `t` (K) is used only when features.omega has d + 1 columns.
RffFreeField fitRffFreeField(const RffFeatures& features, const Eigen::MatrixXd& xt,
                           const Eigen::VectorXd& t, const Eigen::MatrixXd& target, double delta);

/// One-hidden-layer tanh critic (critic B): u = W1 x + b1, h = tanh u,
/// D = w2ᵀh + b2, ∇_x D = W1ᵀ(w2 ∘ (1 − h²)). Also used as the layout of its own gradient.
struct MlpCritic {
  Eigen::MatrixXd w1;  // H × d
  Eigen::VectorXd b1;  // H
  Eigen::VectorXd w2;  // H
  double b2 = 0.0;

  /// Glorot-style init: W1 ~ N(0, 1/d), w2 ~ N(0, 1/H), biases 0.
  static MlpCritic init(int d, int hidden, Rng& rng);
  static MlpCritic zerosLike(const MlpCritic& c);
  Eigen::VectorXd value(const Eigen::MatrixXd& x) const;
  Eigen::MatrixXd gradient(const Eigen::MatrixXd& x) const;
};

/// Gradient penalty P(g), g = ∇_x D: zero-centred ½‖g‖² (Su's critic) or one-centred (‖g‖ − 1)²
/// (Gulrajani et al. 2017, Algorithm 1).
enum class PenaltyCentre { Zero, One };

/// Critic loss L = λ·mean_t P(∇D(x_t)) − mean D(x1) + mean D(x0) (Su, kexue.fm/archives/9668, and
/// the WGAN-GP loss for PenaltyCentre::One). Writes ∂L/∂θ into `grad` when non-null, using the
/// closed-form penalty gradients (∂P/∂w2 = s ∘ q, ∂P/∂u = −2 w2 ∘ h ∘ s ∘ q, …).
double mlpCriticLoss(const MlpCritic& critic, const Eigen::MatrixXd& x0,
                     const Eigen::MatrixXd& x1, const Eigen::MatrixXd& xt, double lambda,
                     PenaltyCentre centre, MlpCritic* grad = nullptr);

/// Adam (Kingma & Ba) on an MlpCritic's parameters.
class MlpAdam {
 public:
  MlpAdam(const MlpCritic& shape, double lr, double beta1, double beta2, double eps = 1e-8);
  void step(MlpCritic& params, const MlpCritic& grad);

 private:
  MlpCritic m_m, m_v;
  double m_lr, m_beta1, m_beta2, m_eps;
  int m_t = 0;
};

/// Sliced 2-Wasserstein distance √(mean_p W2²(proj_p a, proj_p b)) over `projections` random unit
/// directions (drawn from `seed`); a and b must have the same row count (sorted matching).
double slicedW2Seeded(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, int projections,
                std::uint64_t seed);

/// The optimal critic, which solves ∇·(ρ̄∇D*) = p0 − p1; 1-D, p0 = N(m0, s0²), p1 = N(m1, s1²),
/// independent coupling: ρ̄(x) = ∫₀¹ ρ_t(x) dt with ρ_t = N((1−t)m0 + t m1, (1−t)²s0² + t²s1²)
/// (midpoint rule, `tNodes` nodes) and D*'(x) = (F0(x) − F1(x)) / ρ̄(x).
struct OptimalCritic1d {
  double rhoBar;
  double slope;  // D*'(x)
};
OptimalCritic1d optimalCritic1d(double x, double m0, double s0, double m1, double s1,
                                int tNodes = 2000);
/// The distance read-out at the optimum, ∫ (F0 − F1)² / ρ̄ dx (4.244 for N(0,1) →
/// N(2, 0.25)), by the trapezoid rule on `xNodes` points over ±10 standard deviations.
double optimalDistance1d(double m0, double s0, double m1, double s1, int xNodes = 2001,
                         int tNodes = 2000);
/// The RFF ridge critic with expectations taken analytically in x (E cos(ωx + b) =
/// cos(ωμ + b) e^{−σ²ω²/2}) and by a `tNodes`-node midpoint rule in t.
RffCritic fitRffCriticGaussian1d(const RffFeatures& features, double m0, double s0, double m1,
                                 double s1, double lambda, double delta, int tNodes = 200);

}  // namespace latentlab::flows
