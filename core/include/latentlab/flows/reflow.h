// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/reflow.md §1–§3 (the
// interpolation ODE and the exact mixture velocity).

#include <Eigen/Dense>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "latentlab/common/arithmetic.h"
#include "latentlab/common/run_control.h"
#include "latentlab/flows/ode_solver.h"

namespace latentlab::flows {

/// Isotropic Gaussian mixture Σ_k π_k N(μ_k, s_k² I) in d dimensions. s_k = 0 is a point
/// (empirical target).
struct Mixture {
  Eigen::MatrixXd means;    // K × d
  Eigen::VectorXd stds;     // K, ≥ 0
  Eigen::VectorXd weights;  // K, > 0, summing to 1

  int components() const { return static_cast<int>(means.rows()); }
  int dim() const { return static_cast<int>(means.cols()); }
  /// Draws n samples (n × d) with `seed`.
  Eigen::MatrixXd sample(int n, std::uint64_t seed) const;
  /// Mean log-density of the rows of x under the mixture, with each std floored at `minStd`
  /// (so point sets can be scored). Returns −mean log p (nats per sample).
  double nll(const Eigen::MatrixXd& x, double minStd) const;
};

/// Throws ParamError(key, …) when the mixture is empty, has NaN/Inf, negative stds or weights
/// that are not positive; normalises nothing.
void checkMixture(const Mixture& m, const std::string& key);


/// Exact ReFlow velocity for mixture source and target:
///   c_jk = (1−t)² s0_j² + t² s1_k²,  m_jk = (1−t) a_j + t μ_k,
///   log w_jk = log α_j + log π_k − (d/2) log c_jk − ‖x − m_jk‖²/(2 c_jk)   (softmax over pairs)
///   v*(x,t) = Σ w_jk [(μ_k − a_j) + (t s1_k² − (1−t) s0_j²)/c_jk · (x − m_jk)],
///   ρ_t(x) = Σ α_j π_k N(x; m_jk, c_jk I).
/// Finite at t = 1 when every s1 > 0; with point targets t is clamped to ≤ 1 − 1e−6.
class MixtureVelocity {
 public:
  MixtureVelocity(Mixture source, Mixture target);
  /// v*(x, t) for every row of x (N × d).
  Eigen::MatrixXd operator()(const Eigen::MatrixXd& x, double t) const;
  /// The same in float32: the pair terms are computed in double and rounded once to float; the
  /// log-weights, their softmax and the weighted sums run in float (docs/theory/reflow.md §10).
  Eigen::MatrixXf velocityF32(const Eigen::MatrixXf& x, double t) const;
  /// ρ_t at every row of x.
  Eigen::VectorXd density(const Eigen::MatrixXd& x, double t) const;
  /// Integrates dz/dt = v*(z, t) from 0 to 1 with N steps of `solver` (same updates as
  /// integrate() below). Particles are independent, so fixed blocks of rows run through all steps
  /// in parallel with the per-time pair terms computed once: bit-identical for any thread count,
  /// and equal to integrate(*this, …) up to rounding. When `frames` is set it receives the N + 1
  /// positions (frames[0] = z0). Throws ParamError("steps"/"z0") like integrate(); polls control.
  /// With Arithmetic::Float32 the particles are stepped in float (positions, stages and
  /// velocities), then widened to double in the frames and the result.
  Eigen::MatrixXd integrate(const Eigen::MatrixXd& z0, int steps, Solver solver,
                            std::vector<Eigen::MatrixXd>* frames = nullptr,
                            const RunControl& control = {},
                            Arithmetic arithmetic = Arithmetic::Float64) const;
  /// The per-pair coefficients at time t (clamped as operator() does), for the device path
  /// (core/kernels/flows/reflow.cl): row p = j·K + k holds [m_p (d), 1/(2 c_p), log-weight_p,
  /// β_p, A_p (d)], with the density's normalised log-weights when `normalised`.
  Eigen::MatrixXd pairTable(double t, bool normalised = false) const;
  const Mixture& source() const { return m_source; }
  const Mixture& target() const { return m_target; }

 private:
  double clampTime(double t) const;  // [0, 1], and below 1 − 1e−6 with point targets
  Mixture m_source, m_target;
  bool m_pointTarget = false;  // some s1 = 0: clamp t below 1
};

/// Batched velocity field v(X, t), X is N × d.
using VelocityFn = std::function<Eigen::MatrixXd(const Eigen::MatrixXd&, double)>;

/// Function evaluations per step: 1, 2, 4.
int evaluationsPerStep(Solver s);

/// Integrates dz/dt = v(z, t) from t = 0 to 1 with N equal steps (Euler, Heun, RK4,
/// t_i = i/N). When `onStep` is set it is called after every step with (i+1, z). Polls control
/// once per step. Throws ParamError("steps") for N < 1 and ParamError("z0") for NaN input.
Eigen::MatrixXd integrate(const VelocityFn& v, const Eigen::MatrixXd& z0, int steps, Solver solver,
                          const std::function<void(int, const Eigen::MatrixXd&)>& onStep = {},
                          const RunControl& control = {});

struct Straightness {
  double straightness = 0.0;  // Ŝ = (1/N) Σ_i w_i mean ‖(z_N − z_0) − v(z_i, t_i)‖² (trapezoid w)
  double cost = 0.0;          // E‖z_N − z_0‖² (transport cost of the coupling)
  Eigen::MatrixXd z1;         // end points
};
/// Straightness and transport cost of the flow of v from z0 along an RK4 path with N steps
/// (straightness as in Liu et al. 2023, Rectified Flow; trapezoid weights w_0 = w_N = ½).
Straightness measureStraightness(const VelocityFn& v, const Eigen::MatrixXd& z0, int steps,
                                 const RunControl& control = {});

/// Sliced Wasserstein-2 (squared) between equal-size point sets, over `directions` evenly spaced
/// directions in 2-D (or random ones, seeded, in other dimensions).
double slicedW2(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, int directions = 64);

/// Random-feature ridge velocity: v(x,t) = Bᵀψ(x,t),
/// ψ_j = √(2/M) cos(ω_j·[x; t] + b_j), ω_j ~ N(0, I/ℓ²), b_j ~ U[0, 2π),
/// B = (E[ψψᵀ] + δI)⁻¹ E[ψ (x1 − x0)ᵀ] over (x0, x1, t ~ U(0,1)) samples.
struct RffOptions {
  int features = 256;
  double lengthscale = 0.5;      // ℓ of the x coordinates (x-units)
  double timeLengthscale = 0.3;  // ℓ_t of the t coordinate: ω_t ~ N(0, 1/ℓ_t²)
  double ridge = 1e-4;       // δ
  int timesPerPair = 4;      // t samples drawn for each pair
  std::uint64_t seed = 1;
};
class RffVelocity {
 public:
  RffVelocity() = default;
  /// Fits on the pairs (rows of x0 and x1). Throws ParamError for bad options or NaN pairs.
  static RffVelocity fit(const Eigen::MatrixXd& x0, const Eigen::MatrixXd& x1,
                         const RffOptions& options, const RunControl& control = {});
  Eigen::MatrixXd operator()(const Eigen::MatrixXd& x, double t) const;
  /// Mean squared regression residual on the training samples.
  double trainingLoss() const { return m_loss; }

 private:
  Eigen::MatrixXd features(const Eigen::MatrixXd& x, const Eigen::VectorXd& t) const;
  Eigen::MatrixXd m_omega;  // (d+1) × M
  Eigen::RowVectorXd m_bias;
  Eigen::MatrixXd m_b;  // M × d
  double m_loss = 0.0;
};

}  // namespace latentlab::flows
