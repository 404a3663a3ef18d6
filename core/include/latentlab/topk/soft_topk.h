// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/topk.md §1–§9 (the
// properties, GradTopK, the threshold methods) and §10.

#include <Eigen/Dense>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "latentlab/common/device.h"
#include "latentlab/common/run_control.h"

namespace latentlab::topk {

/// Smooth Top-k methods: those of Su, kexue.fm/archives/10373, then others from the literature.
enum class Method {
  IterSu,          // Su's iterative soft-k-max (counter-example: leaves [0,1], not monotone)
  IterSe,          // weighted-softmax iteration (counter-example: does not tend to T_k)
  GradTopk,        // GradTopK = ∇ log e_k(e^z), stable log-space DP
  ThreExp,         // f(u) = min(1, e^u), closed form
  ThreSigmoid,     // f = σ (= LML = OT), safeguarded Newton
  ThreLaplace,     // f = Laplace CDF (= LapSum), closed form
  ThreClip,        // f = clip(u, 0, 1), Euclidean projection onto Δ_k
  ThreEntmax,      // entmax-style, f_α(u) = min(1, [1 + (α−1)u]_+^{1/(α−1)})
  OtSinkhorn,      // Xie et al. entropic OT, log-domain Sinkhorn
  GumbelExpect,    // Kool et al. 2019, E[T_k(z + G)], Plackett–Luce inclusion probabilities
  GaussPerturbed,  // Berthet et al. 2020, E[T_k(x + σZ)], σ = τ
};
inline constexpr std::array kAllMethods = {
    Method::IterSu,      Method::IterSe,       Method::GradTopk,      Method::ThreExp,
    Method::ThreSigmoid, Method::ThreLaplace,  Method::ThreClip,      Method::ThreEntmax,
    Method::OtSinkhorn,  Method::GumbelExpect, Method::GaussPerturbed};

std::string_view methodId(Method m);     // "iter_su", "grad_topk", ... (stable ids)
std::string_view methodLabel(Method m);  // "GradTopK", "ThreTopK-sigmoid (LML)", ...
std::optional<Method> methodFromId(std::string_view id);
bool isThreshold(Method m);  // thre_* family (has λ)

/// How SoftTopkResult::jacobian was obtained.
enum class JacobianKind { None, Analytic, FiniteDifference, MonteCarlo };
std::string_view jacobianKindLabel(JacobianKind k);  // "analytic", "finite differences", ...

/// How the expectation methods (gumbel_expect, gauss_perturbed) are evaluated.
enum class Expectation { Exact, MonteCarlo };

struct SoftTopkParams {
  std::vector<double> x{3, 2, 1, 4};  // scores, 1..10^7 entries, finite
  int k = 2;                          // how many to select, 0..n
  double tau = 1.0;  // temperature τ > 0 (every method works on z = x/τ); σ = τ for gauss
  Method method = Method::GradTopk;  // which operator
  double alpha = 1.5;                // thre_entmax α, in (1, 4]
  double epsilon = 0.1;              // ot_sinkhorn ε > 0 (on the max-normalised cost)
  bool otNormaliseCost = true;       // ot_sinkhorn: divide C by max C as Xie et al.'s code does
  Expectation expectation = Expectation::Exact;  // gumbel/gauss: exact quadrature or Monte Carlo
  int mcSamples = 4096;                          // Monte Carlo samples, 1..10^7
  std::uint64_t seed = 1;                        // Monte Carlo seed
  bool wantJacobian = false;    // also fill the n×n Jacobian ∂p/∂x (O(n²k) for grad_topk)
  bool traceSolver = false;     // thre_*: record the λ iterates
  int maxIter = 200;            // cap for bisection/Newton (the article's listing: 20), 1..10^6
  int sinkhornMaxIter = 20000;  // cap for Sinkhorn, 1..10^7 (iterations grow like 1/ε)
};

struct SoftTopkResult {
  Eigen::VectorXd p;         // the soft mask, length n
  Eigen::MatrixXd jacobian;  // J_ij = ∂p_i/∂x_j (x-units); empty unless asked
  JacobianKind jacobianKind = JacobianKind::None;
  double lambda = std::numeric_limits<double>::quiet_NaN();  // thre_*: threshold in z-units
  int saturated = -1;               // thre_exp / thre_laplace: m (entries with z_i ≥ λ)
  bool lambdaUnique = true;         // thre_clip / entmax: false when λ is not unique
  std::vector<double> lambdaTrace;  // thre_*: solver iterates (z-units) when traceSolver
  std::array<double, 2> bracket{
      std::numeric_limits<double>::quiet_NaN(),
      std::numeric_limits<double>::quiet_NaN()};  // thre_*: initial bracket
  int iterations = 0;     // solver / Sinkhorn iterations (0 for closed forms)
  double sumError = 0.0;  // |Σp − k|
  bool inBox = true;      // every 0 ≤ p_i ≤ 1
  bool valid = true;      // false when the method broke down (iter_se S ≤ 0, NaN)
  std::string note;       // why not valid, or a remark ("λ not unique")
  double smoothSum = std::numeric_limits<double>::quiet_NaN();  // grad_topk: τ·log Z_k(x/τ)
  double elapsedMs = 0.0;                                       // wall time of the computation
  /// Where p was computed: control.device for the methods with a device path (thre_*, iter_su,
  /// soft_topk_opencl.cpp), with the reason when it fell back to the CPU; "cpu" for the others.
  DeviceUse deviceUse;
};

/// Throws ParamError naming the field ("k must be between 0 and n = 4, got 7") on bad params,
/// NaN/Inf scores included.
void validate(const SoftTopkParams& params);

/// ST_k(x/τ) by params.method with diagnostics; k = 0 → zeros and k = n → ones for every method
/// (Su, kexue.fm/archives/10373, §问题描述, assumes distinct entries). Ties are broken by the lower
/// index wherever a hard choice is made. Throws ParamError on bad params and Cancelled when
/// `control` asks. The thre_* methods and iter_su run on control.device when it names an OpenCL
/// device (fp64 there when the device has it, else float32), falling back to the CPU on a
/// DeviceError (recorded in deviceUse).
SoftTopkResult computeSoftTopk(const SoftTopkParams& params, const RunControl& control = {});

/// Hard Top-k T_k(x): 1 on the k largest entries, ties broken by the lower index
/// (kexue.fm/archives/10373, §问题描述).
Eigen::VectorXd hardTopk(const Eigen::Ref<const Eigen::VectorXd>& x, int k);

/// softmax(x/τ), max-shifted.
Eigen::VectorXd softmax(const Eigen::Ref<const Eigen::VectorXd>& x, double tau);

/// The article's recursion for GradTopK (kexue.fm/archives/10373, §作为梯度), as its listing does
/// it (clamp 1e-12, exp of log Z). Kept only to show where it fails; may return entries > 1, NaN or
/// Inf.
Eigen::VectorXd gradTopkNaive(const Eigen::Ref<const Eigen::VectorXd>& x, int k, double tau);

/// GradTopK by enumerating all k-subsets, in long double; for tests, n ≤ 20.
Eigen::VectorXd gradTopkBruteForce(const Eigen::Ref<const Eigen::VectorXd>& x, int k, double tau);

/// Threshold function f(u) and f′(u) of a thre_* method (alpha for entmax).
double thresholdF(Method m, double u, double alpha = 1.5);
double thresholdDF(Method m, double u, double alpha = 1.5);

/// Central finite-difference Jacobian of computeSoftTopk (step h in x-units).
Eigen::MatrixXd finiteDifferenceJacobian(const SoftTopkParams& params, double h = 1e-6);

}  // namespace latentlab::topk
