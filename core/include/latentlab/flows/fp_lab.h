// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/fokker_planck.md §8–§9 (the
// checks the page computes; conventions).

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

#include "latentlab/common/device.h"
#include "latentlab/common/params.h"
#include "latentlab/common/run_control.h"
#include "latentlab/flows/fokker_planck.h"

namespace latentlab::flows {

enum class FpDim { One, Two };
enum class FpInitial { Gaussian, TwoBump, PointMass };
/// Test function φ of the weak form d/dt E[φ] = E[f·∇φ + ½g²Δφ] (Su, kexue.fm/archives/9461),
/// applied to the first coordinate.
enum class FpPhi { X, X2, CosKx, Bump };
enum class FpView { Density, Compare, Metrics, WeakForm, Residual };
/// Score ∇log p_t of the σ-family: the Gaussian marginal's −(x − m(t))/v(t) in closed form when
/// the drift is linear and p_0 is one Gaussian, else (or on request) the grid's.
enum class FpScore { ClosedForm, Grid };

/// Every parameter of the Fokker–Planck page (its controls).
struct FpLabParams {
  FpDim dim = FpDim::Two;
  DriftPreset drift = DriftPreset::RotatingOU;
  double theta = 1.0;     // OU rate θ
  double omega = 2.0;     // rotation ω (2-D rotating OU)
  double betaMin = 0.1;   // VP schedule
  double betaMax = 10.0;
  double g = 1.0;         // noise level
  double sigma = 0.0;     // σ of the right-hand family, clipped to [0, g]
  FpScore score = FpScore::ClosedForm;  // closed form where available, else the grid estimate
  Solver odeIntegrator = Solver::Heun;  // σ-family without noise (the probability-flow ODE)
  FpInitial initial = FpInitial::Gaussian;
  double m0x = 2.0;       // initial mean (two-bump: ±m0)
  double m0y = 0.0;
  double v0 = 0.25;       // initial variance per axis
  int particles = 5000;   // N, 100..1e5
  int gridN = 64;         // cells per axis, 64..256 (why 64: docs/benchmarks.md, Flows)
  double box = 5.0;       // grid box [−box, box]^d
  FluxScheme scheme = FluxScheme::MusclMc;
  double cfl = 0.45;      // safety factor C of the CFL bound
  double dt = 0.0;        // 0: auto = C × CFL bound; else a fixed step (checked for stability)
  double tEnd = 1.5;      // simulated time T
  int snapshots = 60;     // cached frames for the time slider
  int trajectories = 6;   // particle paths drawn
  FpPhi phi = FpPhi::X2;
  double k = 1.0;         // cos kx frequency / bump centre
  std::uint64_t seed = 1;
  int frame = 100;        // time slider: snapshot index (clamped to the last one)
  FpView view = FpView::Density;
};

const std::vector<FieldBinding<FpLabParams>>& fpLabFields();
/// Cross-field checks (NaN, fixed dt above the stability bound, SG with g = 0). ParamError.
void validate(const FpLabParams& params);
/// The drift the params describe.
Drift driftOf(const FpLabParams& params);

/// One cached frame of the time slider.
struct FpSnapshot {
  double t = 0.0;
  std::vector<double> pde;                 // grid density (cell averages)
  std::vector<double> closed;              // closed form as cell averages (empty: none)
  std::vector<double> histSde, histSigma;  // particle histograms on the same cells
  Eigen::MatrixXd shownSde, shownSigma;    // first ≤ 1500 particles (rows), for scatter plots
  double mass = 0.0;
  double tvSde = 0.0, tvSigma = 0.0;  // TV(histogram, PDE)
  double noiseFloor = 0.0;            // Monte-Carlo floor of TV for N particles
  double tvPdeClosed = 0.0;           // TV(PDE, closed form); NaN without closed form
  Eigen::Vector2d meanSde, meanSigma, meanPde, meanClosed;
  double varSde = 0.0, varSigma = 0.0, varPde = 0.0, varClosed = 0.0;  // var of coordinate 1
  // var of coordinate 2 (2-D; NaN in 1-D, and varClosedY without a closed form)
  double varSdeY = 0.0, varSigmaY = 0.0, varPdeY = 0.0, varClosedY = 0.0;
  double phiMean = 0.0;  // E φ over the SDE particles
  double phiRhs = 0.0;   // E[f·∇φ + ½g²Δφ] over the SDE particles (right side of WF)
  std::vector<double> wfResidual;  // one-step (WF) residual (signed) at FpLabResult::residualDt
  Eigen::MatrixXd wfParticles;     // the SDE particles the residual averages over (rows)
  double itoTerm = 0.0;            // ½g² E[Δφ]: the residual's limit without the Itô term
};

struct FpLabResult {
  int dim = 1, n = 0;
  double lo = 0.0, hi = 0.0, h = 0.0;
  double dt = 0.0, stableDt = 0.0;  // step used and the C = 1 bound
  int steps = 0;
  double sigmaUsed = 0.0;
  bool hasClosedForm = false;
  bool stationaryClosedForm = false;  // double well: the closed form is the t → ∞ law
  bool sgFallback = false;            // SG asked with g = 0: MUSCL used
  double massDrift = 0.0;             // max |mass − mass₀| / mass₀
  double minDensity = 0.0;            // positivity check
  double edgeMass = 0.0;              // largest mass in the two outer layers
  std::vector<double> initial;        // PDE at t = 0
  std::vector<FpSnapshot> snapshots;  // t = 0 … T
  std::vector<double> trajTimes;                  // times of trajectory points
  std::vector<Eigen::MatrixXd> trajSde, trajSigma;  // per path: rows = times, cols = dim
  std::vector<double> wfLhs;  // d/dt E φ by central differences of the snapshot means
  std::vector<double> residualDt;  // Δt grid of the residual view (log-spaced)
  int residualParticles = 0;       // the first this many SDE particles (wfParticles)
  bool closedFormScore = false;    // the σ-family used the closed-form Gaussian score
  // The σ-family had no noise (σ = 0, or g = 0): an ODE, integrated with `odeIntegrator`;
  // otherwise Euler–Maruyama. With the grid score the stages between two grid steps use the two
  // grids' scores (the midpoint their mean), so RK4 is then second order in time.
  bool sigmaIsOde = false;
  Solver odeIntegrator = Solver::Heun;
  double elapsedMs = 0.0;
  /// A snapshot of a run still in progress (RunControl::partial): the frames, trajectory points
  /// and (WF) left side up to the last frame computed.
  bool partial = false;
  /// Where the particles were stepped. On an OpenCL device the SDE cloud steps there in float32
  /// (Euler–Maruyama, one launch per step, the particles resident in device memory), and so does
  /// the σ-family when it is an SDE with the closed-form score or none (σ ≥ g_t); with the grid's
  /// score, or as the probability-flow ODE (sigmaIsOde), the σ-family stays on the CPU exactly as
  /// there. The grid, histograms and metrics are always computed on the host in double. The
  /// device draws its noise from a counter-based generator (Philox4x32-10 of particle and step),
  /// not the CPU's per-block streams: a different, equally valid sample path of the same law,
  /// still the same noise for both families; its float32 steps follow a double reference on the
  /// same noise to ~1e-5 (docs/theory/fokker_planck.md §11, "On an OpenCL device").
  DeviceUse deviceUse;
};

/// Runs the grid solver and both particle families to T, caching `snapshots` frames.
/// Polls `control` once per step; throws ParamError or Cancelled. After a frame, when
/// control.partialDue(), hands it a std::shared_ptr<const FpLabResult> with `partial` set.
/// The particles run on control.device when it names an OpenCL device (FpLabResult::deviceUse);
/// a device error runs the whole computation on the CPU instead and says why.
FpLabResult computeFpLab(const FpLabParams& params, const RunControl& control = {});

/// φ, φ′ and φ″ of the chosen test function at x.
void testFunction(FpPhi phi, double k, double x, double& f, double& df, double& d2f);

/// E φ(y) for y ~ N(mean, var) in closed form (x: mean; x²: mean² + var; cos kx:
/// cos(k·mean) e^{−k²var/2}; bump e^{−(y−k)²/2}: e^{−(mean−k)²/(2(1+var))}/√(1+var)).
double gaussianExpectation(FpPhi phi, double k, double mean, double var);

/// Residual of (WF) over one Euler–Maruyama step of size dt from the particles x (count × dim,
/// row-major) at time t, with the step's noise averaged out in closed form:
///   r(Δt) = mean_i [ (E_ε φ(x_i + f Δt + g√Δt ε) − φ(x_i)) / Δt − (f φ′ + ½g² φ″)(x_i) ],
/// φ acting on coordinate 1. r = O(Δt) (EM's dropped Δt² term; for φ = x² exactly Δt·mean f₁²);
/// without the ½g²φ″ term the residual would tend to ½g² mean φ″ instead of 0.
double wfStepResidual(const Drift& drift, FpPhi phi, double k, const std::vector<double>& x,
                      int dim, double t, double dt);

}  // namespace latentlab::flows
