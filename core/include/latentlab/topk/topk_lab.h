// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/topk.md §8 and §11 (the
// counter-examples; what the page shows).

#include <Eigen/Dense>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "latentlab/common/params.h"
#include "latentlab/common/run_control.h"
#include "latentlab/topk/soft_topk.h"

namespace latentlab::topk {

/// Which view the Top-k page shows (and exports). Views for kexue.fm/archives/10373, plus speed.
enum class TopkView {
  Overview,     // bars + response + L1 sweep + Jacobian (the page's default figure)
  Bars,         // grouped bars vs hard T_k, violations red, λ strip
  Response,     // p vs one input x_j
  Temperature,  // p_i vs τ and ‖ST − T_k‖₁ vs τ (log-log)
  Gradient,     // Jacobian heat-map, trace J vs τ and vs x_j, FD error badge
  Threshold,    // F(λ) with F = k, bracket, iterates; f and f′ for every thre_* f
  Stability,    // naive recursion vs DP error over (k, τ) on [0..9]; smooth sum vs bounds
  Gallery,      // counter-example gallery
  Properties,   // property matrix re-checked live
  Speed,        // time per method vs n (measured on demand, see measureSpeed)
};

/// Every parameter of the Top-k page; one field table (topkLabFields) drives form, JSON and CLI.
struct TopkLabParams {
  std::vector<double> x{3, 2, 1, 4};  // scores, 2..64 entries in [−1e6, 1e6]
  int k = 2;                          // 0..n
  double tau = 1.0;                   // temperature, log slider 1e-3..1e4
  Method method = Method::GradTopk;   // focus method: Jacobian, threshold, response, sweep curves
  std::array<bool, kAllMethods.size()> shown{};  // methods drawn in bars / L1 / comparisons
  double alpha = 1.5;                            // entmax α, (1, 4]
  double epsilon = 0.1;                          // OT ε, log 1e-3..10
  int mcSamples = 0;       // 0: exact expectations; else Monte Carlo samples ≤ 10^6
  std::uint64_t seed = 1;  // Monte Carlo seed
  int sweepIndex = 1;      // response: which x_j to sweep, 1-based, 1..n
  double sweepMin = -2.0;  // response sweep range (x-units)
  double sweepMax = 7.0;
  bool equalise = false;               // "match temperatures": same L1 error to T_k as grad_topk
  TopkView view = TopkView::Overview;  // which figure is shown / exported
  int gallery = 0;                     // gallery entry selected (0-based), for the Gallery view

  TopkLabParams();  // shown = grad_topk, thre_exp, thre_sigmoid, thre_laplace, iter_su
};

/// The field table (keys: x, k, tau, method, show_<method id> for each method, alpha, epsilon,
/// mc_samples, seed, sweep_index, sweep_min, sweep_max, equalise, view, gallery).
const std::vector<FieldBinding<TopkLabParams>>& topkLabFields();
/// Cross-field checks (k ≤ n, sweep_index ≤ n, sweep_min < sweep_max); throws ParamError.
void validate(const TopkLabParams& params);

/// One method's outcome on the current input.
struct MethodOutcome {
  Method method;
  double tauUsed;         // τ after equalising (= tau when equalise is off)
  SoftTopkResult result;  // p and diagnostics (no Jacobian)
  double l1ToHard;        // ‖p − T_k‖₁
  bool monotone;          // sorted order of p agrees with sorted order of x (weak)
};

/// Property matrix cell: an invariant checked on the current input.
enum class Property { SumK, Box, Monotone, Shift, Complement, SoftmaxAtK1, Count };
std::string propertyLabel(Property p);

struct CounterExample {
  std::string title;        // "iter_su leaves [0, 1]"
  std::string explanation;  // one or two sentences, with the source
  std::vector<double> x;
  int k;
  double tau;
  Method method;
};
/// The counter-examples (gallery), fixed list.
const std::vector<CounterExample>& counterExamples();

struct TopkLabResult {
  Eigen::VectorXd x;                    // the input
  Eigen::VectorXd hard;                 // T_k(x)
  std::vector<MethodOutcome> outcomes;  // shown methods, in kAllMethods order
  SoftTopkResult focus;                 // focus method at tau, with Jacobian (+ trace for thre_*)
  Eigen::MatrixXd focusFdJacobian;      // finite-difference Jacobian of the focus method (the focus
                                        // Jacobian itself when that is FD; NaN for Monte Carlo)
  double jacobianFdError;               // max |analytic − FD| (NaN when J itself is FD)

  // Response: sweep x_j over sweepValues.
  std::vector<double> sweepValues;
  Eigen::MatrixXd responseFocus;     // rows: sweep points, cols: p_i of the focus method
  Eigen::MatrixXd responseByMethod;  // rows: sweep points, cols: p_j for each shown method (at
                                     // its tauUsed). Curves estimate exact gumbel/gauss by Monte
                                     // Carlo (≤ 512 samples, same seed) to stay interactive
  std::vector<double> responseHard;  // T_k entry j along the sweep
  std::vector<double> traceVsSweep;  // trace J of the focus method along the sweep

  // Temperature and trace J.
  std::vector<double> tauGrid;     // log-spaced 1e-3..1e2
  Eigen::MatrixXd tauFocus;        // rows: τ, cols: p_i of focus method
  Eigen::MatrixXd l1ByMethod;      // rows: τ, cols: shown methods; ‖ST − T_k‖₁
  std::vector<double> traceVsTau;  // trace J = ½‖J‖₁ of the focus method

  // Threshold: the focus method when it is thre_*, else thre_sigmoid (the article's
  // worked case), so the view is never empty.
  Method thresholdMethod = Method::ThreSigmoid;
  SoftTopkResult threshold;        // that method at tau, with the λ iterates
  std::vector<double> lambdaGrid;  // λ values
  std::vector<double> fOfLambda;   // F(λ) = Σ f(z_i − λ)
  std::vector<double> uGrid;       // u for the f / f′ side plot
  Eigen::MatrixXd fCurves;         // rows: u, cols: f for exp, sigmoid, laplace, clip, entmax
  Eigen::MatrixXd dfCurves;        // same, f′

  // Stability, on [0..9].
  std::vector<int> stabilityK;       // 1..9
  std::vector<double> stabilityTau;  // τ grid
  Eigen::MatrixXd naiveError;        // rows: k, cols: τ; max |naive − DP| (Inf when overflow)
  Eigen::MatrixXd dpError;           // same for the DP against brute force
  std::vector<double> smoothSum;     // τ·log Z_k(x/τ) over tauGrid for the current x, k
  double hardSum;                    // Σ of the k largest x
  double logBinom;                   // log C(n, k) (upper bound = hardSum + τ·logBinom)

  // Properties: rows: shown methods, cols: Property; true = holds on this input.
  std::vector<std::array<bool, static_cast<int>(Property::Count)>> properties;

  double elapsedMs = 0.0;
  /// Where the methods with a device path (thre_*, iter_su) ran; the others always run on the CPU.
  DeviceUse deviceUse;
};

/// Everything the Top-k page shows, for the current params. Cheap at defaults (well under 16 ms).
/// Polls `control` between stages; throws ParamError or Cancelled. With control.device an OpenCL
/// device, every thre_* and iter_su evaluation runs there (falling back to the CPU as a whole).
TopkLabResult computeTopkLab(const TopkLabParams& params, const RunControl& control = {});

/// Speed view: median time per call of each method in `methods` at each n in `sizes` (random
/// Gaussian input, seed, k = min(16, n/2) unless given), measured in the background with progress.
/// Always on the CPU; with control.device an OpenCL device, the methods with a device path
/// (thre_*, iter_su) are timed there too, on the same inputs, beside the CPU.
struct SpeedParams {
  std::vector<Method> methods;
  std::vector<int> sizes{100, 1000, 10000, 100000, 1000000};
  int k = 16;
  double tau = 1.0;
  double budgetMsPerCell = 150.0;  // stop repeating a cell after this much time
  std::uint64_t seed = 1;
};
struct SpeedResult {
  std::vector<Method> methods;
  std::vector<int> sizes;
  Eigen::MatrixXd medianMs;  // rows: methods, cols: sizes (NaN: skipped as too slow)
  /// The same on the OpenCL device; empty when the CPU was chosen, NaN for methods without a
  /// device path (and every cell after a fallback). deviceUse says where those cells ran.
  Eigen::MatrixXd deviceMs;
  DeviceUse deviceUse;
};
SpeedResult measureSpeed(const SpeedParams& params, const RunControl& control = {});

}  // namespace latentlab::topk
