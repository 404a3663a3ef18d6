// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/fokker_planck.md §4–§7 (the
// equation, its weak form, the numerical methods).

#include <Eigen/Dense>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/flows/ode_solver.h"

namespace latentlab::flows {

/// Drift presets. In 1-D the rotating OU is plain OU (ω has no meaning).
enum class DriftPreset { OU, RotatingOU, DoubleWell, VpSchedule, PureDiffusion, None };

/// SDE dx = f_t(x) dt + g_t dw with f_t(x) = s(t)·F(x) (scalar g_t, as in Su,
/// kexue.fm/archives/9461).
/// F: OU −θx; rotating OU (−θI + ωJ)x, J = [[0,−1],[1,0]]; double well −∇U with
/// U = (x² − 1)² (+ y² in 2-D); VP −x with s = ½β(t), g² = β(t), β(t) = β_min + (β_max − β_min)t;
/// pure diffusion F = 0; none F = 0 and g = 0.
struct Drift {
  DriftPreset preset = DriftPreset::OU;
  int dim = 1;
  double theta = 1.0;
  double omega = 2.0;
  double betaMin = 0.1;
  double betaMax = 10.0;
  double g = 1.0;  // noise level (ignored by VP and None)

  double scale(double t) const;                      // s(t)
  double noise(double t) const;                      // g_t
  void base(const double* x, double* out) const;     // F(x), dim entries
  void eval(const double* x, double t, double* out) const;  // f_t(x)
  bool linear() const { return preset != DriftPreset::DoubleWell; }
};

/// Isotropic Gaussian N(mean, var·I).
struct Gaussian {
  Eigen::Vector2d mean = Eigen::Vector2d::Zero();
  double var = 1.0;
};

/// Law at time t of a Gaussian start under a linear drift (from the moment
/// ODEs dm/dt = a m + b, dv/dt = 2 a v + g²). nullopt for the double well (no closed form).
std::optional<Gaussian> evolveGaussian(const Drift& drift, const Gaussian& start, double t);

/// Exact discrete moments of Euler–Maruyama for OU after n steps of dt, α = 1 − θΔt:
/// E = m0 αⁿ, Var = v0 α^{2n} + g²Δt(1 − α^{2n})/(1 − α²). Returns (mean, var).
std::pair<double, double> emOuMoments(double m0, double v0, double theta, double g, double dt,
                                      int steps);

/// Exact probability-flow trajectory for OU, x(t) = m(t) + √(v(t)/v0)(x0 − m0).
double pfOdeOuExact(double x0, double m0, double v0, double theta, double g, double t);
/// Same ODE dx/dt = −θx + ½g²(x − m(t))/v(t) integrated by RK4 with `steps` steps to time t.
double pfOdeOuRk4(double x0, double m0, double v0, double theta, double g, double t, int steps);

/// Stationary double-well density exp(−2U/g²)/Z for U = (x² − 1)² (1-D).
struct DoubleWellStationary {
  double g = 1.0;
  double z = 0.0;  // normaliser by quadrature on [−6, 6]
  explicit DoubleWellStationary(double g);
  double density(double x) const;
  double secondMoment() const;  // E[x²]
};

/// For OU and a Gaussian N(m, v), E[cos kx] and its time derivative by (WF),
/// d/dt E cos kx = θk E[x sin kx] − ½g²k² E[cos kx]. Returns (E cos kx, derivative).
std::pair<double, double> wfCosOu(double k, double m, double v, double theta, double g);

/// Flux schemes. MUSCL-MC uses SSP-RK2 (C = 0.45); SG and upwind use forward Euler.
enum class FluxScheme { MusclMc, ScharfetterGummel, Upwind };

/// Mass-conserving finite-volume solver of (FP) ∂p/∂t = −∇·(p f) + ½g²Δp on [lo, hi]^dim with n
/// cells per axis and zero-flux outer faces. Cell i of axis 0 is fastest:
/// p[j·n + i] is the average over cell (x_i, y_j).
class FpGrid {
 public:
  FpGrid(int dim, int n, double lo, double hi, const Drift& drift);

  int dim() const { return m_dim; }
  int n() const { return m_n; }
  double lo() const { return m_lo; }
  double hi() const { return m_hi; }
  double h() const { return m_h; }
  double cellVolume() const { return m_dim == 1 ? m_h : m_h * m_h; }
  double center(int i) const { return m_lo + (i + 0.5) * m_h; }
  std::vector<double>& density() { return m_p; }
  const std::vector<double>& density() const { return m_p; }

  /// Cell averages of Σ w_k N(mean_k, var_k I) (differences of the normal CDF at the faces).
  void setMixture(const std::vector<Gaussian>& parts, const std::vector<double>& weights);
  /// Σ p h^d.
  double mass() const;
  /// Largest stable dt (C = 1) on [t0, t1]: 1 / Σ_axes(2 max|f|/h + 2 Dc/h²); +Inf without motion.
  double stableDt(double t0, double t1) const;
  /// One step of dt from time t (MUSCL: SSP-RK2; SG, upwind: forward Euler). SG falls back to
  /// MUSCL where g_t = 0 (Pe = ∞).
  void step(FluxScheme scheme, double t, double dt);
  /// Mass in the two outermost cell layers (the wall reflects what should have left).
  double edgeMass() const;
  /// Score ∇log p at x by central differences and (bi)linear interpolation; 0 where p < floor.
  void score(const double* x, double* out, double floor = 1e-8) const;
  /// Precomputes the score field for score(); call after the density changed.
  void updateScore(double floor = 1e-8);
  /// The score field of the last updateScore() at the cell centres (x and, in 2-D, y parts), so a
  /// caller can keep it across a step; scoreWith() interpolates a kept field like score().
  const std::vector<double>& scoreX() const { return m_sx; }
  const std::vector<double>& scoreY() const { return m_sy; }
  void scoreWith(const std::vector<double>& sx, const std::vector<double>& sy, const double* x,
                 double* out) const;

 private:
  void rhs(FluxScheme scheme, double t, const std::vector<double>& p, std::vector<double>& out);

  int m_dim, m_n;
  double m_lo, m_hi, m_h;
  Drift m_drift;
  std::vector<double> m_p, m_k1, m_k2, m_tmp, m_flux;
  std::vector<double> m_fx, m_fy;   // F at x-faces (j·(n−1) + i) and y-faces (i·(n−1) + j)
  std::vector<double> m_sx, m_sy;   // score at cell centres
};

/// ½ Σ |p − q| vol.
double totalVariation(const std::vector<double>& p, const std::vector<double>& q, double vol);
/// Monte-Carlo floor E[TV] ≈ ½ Σ √(2π_i(1 − π_i)/(πN)), π_i = p_i vol.
double mcNoiseFloor(const std::vector<double>& p, double vol, double n);
/// Histogram of particles (rows × dim, row-major) as cell-average densities on the grid's cells;
/// particles outside the box are not counted.
std::vector<double> histogram(const FpGrid& grid, const std::vector<double>& x, int count);

/// A particle cloud stepping the σ-family (kexue.fm/archives/9228):
/// dx = [f − ½(g² − σ²)∇log p] dt + σ dw; σ = g is Euler–Maruyama on the SDE, σ = 0 the
/// probability-flow ODE. The score comes from `grid` (pass nullptr when σ = g). Noise per block
/// of 1024 particles comes from its own latentlab::Rng seeded by (seed, block), so the run does
/// not depend on the thread count; same seed ⇒ identical trajectories. Its OpenCL counterpart
/// (core/src/flows/fp_opencl.h, FpDeviceCloud) steps in float32 with counter-based noise instead
/// (docs/theory/fokker_planck.md §11).
class ParticleCloud {
 public:
  ParticleCloud(int dim, int count, std::uint64_t seed);
  /// Samples Σ w_k N(mean_k, var_k I) with the cloud's own seed.
  void sampleMixture(const std::vector<Gaussian>& parts, const std::vector<double>& weights);
  /// `law`, when set, is the Gaussian marginal p_t = N(m, v I): the score −(x − m)/v is then used
  /// in closed form instead of the grid's.
  void step(const Drift& drift, double sigma, const FpGrid* grid, double t, double dt,
            const Gaussian* law = nullptr);
  /// Score ∇log p at x for one stage of a step (the Gaussian law at the stage's time, or grid
  /// fields); writes dim entries.
  using StageScore = std::function<void(const double* x, Stage stage, double* out)>;
  /// One step of dt from t of the probability-flow ODE dx/dt = f − ½g²∇log p (σ = 0 of the
  /// σ-family; Song et al., "Score-Based Generative Modeling through SDEs", ICLR 2021, eq. 13)
  /// with `solver`; Euler gives exactly step() with σ = 0. Draws no noise, so particles
  /// [begin, end) (end −1: all) can be stepped by one call and the rest by another, on two threads.
  void odeStep(const Drift& drift, Solver solver, double t, double dt, const StageScore& score,
               int begin = 0, int end = -1);
  int dim() const { return m_dim; }
  int count() const { return m_count; }
  std::vector<double>& positions() { return m_x; }
  const std::vector<double>& positions() const { return m_x; }
  double mean(int axis) const;
  double variance(int axis) const;

 public:
  static constexpr int kBlock = 1024;
  // Below this many particles a step is ~0.1 ms of work: an OpenMP team costs more than it
  // saves, and on a busy 2-core machine its spinning partner thread stalls the step (the page's
  // defaults took 28 s of CPU for 1.4 s of work).
  static constexpr int kParallelParticles = 20000;

 private:
  int m_dim, m_count;
  std::uint64_t m_seed;
  std::vector<double> m_x;
  std::vector<Rng> m_rngs;  // one stream per block of kBlock particles
};

}  // namespace latentlab::flows
