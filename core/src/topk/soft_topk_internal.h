// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

// Internal interface between soft_topk.cpp (validation, dispatch, diagnostics) and the method
// implementations in soft_topk_{grad,iter,threshold,ot,expect}.cpp. Not installed; white-box tests
// include it by relative path.

#include <Eigen/Dense>
#include <vector>

#include "latentlab/common/run_control.h"
#include "latentlab/topk/soft_topk.h"

namespace latentlab::topk::detail {

/// A validated problem with 0 < k < n; every method reads z = x/τ (Su, kexue.fm/archives/10373,
/// §问题描述).
struct Problem {
  const SoftTopkParams& params;
  Eigen::VectorXd x;  // scores, finite
  Eigen::VectorXd z;  // x/τ, finite
  int n = 0;
  int k = 0;
  double tau = 1.0;
};

// Method implementations: fill p, the Jacobian when params.wantJacobian, and method-specific
// diagnostics (λ, iterations, note, valid). soft_topk.cpp fills sumError, inBox and elapsedMs.
void runIterSu(const Problem& pr, SoftTopkResult& r, const RunControl& control);
void runIterSe(const Problem& pr, SoftTopkResult& r, const RunControl& control);
void runGradTopk(const Problem& pr, SoftTopkResult& r, const RunControl& control);
void runThreshold(const Problem& pr, SoftTopkResult& r, const RunControl& control);
// λ of the clip threshold map (soft_topk_clip.cpp); fills r.bracket, iterations and the trace.
double solveClip(const Problem& pr, SoftTopkResult& r, const RunControl& control);
void runOtSinkhorn(const Problem& pr, SoftTopkResult& r, const RunControl& control);
void runGumbel(const Problem& pr, SoftTopkResult& r, const RunControl& control);
void runGauss(const Problem& pr, SoftTopkResult& r, const RunControl& control);

/// GradTopK of u (already divided by τ) for 0 ≤ k ≤ n: p and log Z_k(u) (kexue.fm/archives/10373,
/// §作为梯度). Uses the complement identity ST_k(u) = 1 − ST_{n−k}(−u) when k > n/2, so memory is
/// O(√n·min(k, n−k)).
struct GradTopkValue {
  Eigen::VectorXd p;
  double logZ = 0.0;
};
GradTopkValue gradTopkDp(const Eigen::Ref<const Eigen::VectorXd>& u, int k,
                         const RunControl& control);

/// Entries above which the GradTopK table is refused: (n/b + b)·(min(k, n−k)+1) doubles.
inline constexpr double kGradTableLimit = 5e7;

/// J = (diag d − d dᵀ/S)/τ with S = Σd; zero when S = 0 (from ∂λ/∂x of kexue.fm/archives/10373,
/// §通用结果).
Eigen::MatrixXd thresholdJacobian(const Eigen::VectorXd& d, double tau);

/// Central differences of computeSoftTopk in x, polling `control` once per column.
Eigen::MatrixXd fdJacobian(const SoftTopkParams& params, double h, const RunControl& control);

/// Top-k selection of v with ties to the lower index: writes the k chosen indices into `idx`
/// (unordered), using `scratch` of size n (reused across Monte Carlo samples).
void selectTopk(const Eigen::Ref<const Eigen::VectorXd>& v, int k, std::vector<int>& scratch);

/// Gumbel-top-k inclusion probabilities by enumerating ordered k-tuples (Kool et al. 2019), n ≤ 8.
Eigen::VectorXd gumbelEnumerate(const Eigen::Ref<const Eigen::VectorXd>& u, int k);

/// Noise law of the perturbed methods.
enum class Noise { Gumbel, Gauss };

/// P(i ∈ top-k of u + noise) by 1-D Simpson quadrature with a Poisson-binomial DP (Gumbel noise as
/// in Kool et al. 2019, Gaussian as in Berthet et al. 2020). Substitutes t = u_i + g so one DP per
/// node serves every i.
Eigen::VectorXd perturbedQuadrature(const Eigen::Ref<const Eigen::VectorXd>& u, int k, Noise noise,
                                    const RunControl& control);

/// Work estimate of perturbedQuadrature (nodes·n·k), to decide on the Monte Carlo fallback.
double perturbedQuadratureCost(const Eigen::Ref<const Eigen::VectorXd>& u, int k, Noise noise);

}  // namespace latentlab::topk::detail
