// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/efficient_attention.md §2–§4
// (FAVOR+, its variance, orthogonal features).

#include <Eigen/Dense>
#include <cstdint>

#include "latentlab/common/run_control.h"

namespace latentlab::attention {

/// Random-feature family for the softmax kernel SM(x, y) = exp(xᵀy) (Choromanski et al. 2021
/// (Performer), §2.3).
enum class FeatureKind {
  Positive,       // φ⁺(x) = m^{−1/2}(exp(ω_iᵀx − ‖x‖²/2))_i, unbiased and > 0
  Hyperbolic,     // (2m)^{−1/2} e^{−‖x‖²/2}(exp(ω_iᵀx), exp(−ω_iᵀx))_i, unbiased, > 0
  Trigonometric,  // φ(x) = m^{−1/2} exp(‖x‖²/2)(sin ω_iᵀx, cos ω_iᵀx)_i, unbiased, can be < 0
};

/// Number of features φ(x) has for m projection rows: m (Positive) or 2m (Hyperbolic, Trig).
inline int featureCount(FeatureKind kind, int m) {
  return kind == FeatureKind::Positive ? m : 2 * m;
}

/// Analytic MSE of the iid estimator φ(x)ᵀφ(y) of SM(x, y) = exp(xᵀy) with m draws of ω
/// (paper Lemma 2, eq. 8):
///   trig:     (1/2m) e^{‖x+y‖²} SM^{−2} (1 − e^{−‖x−y‖²})²
///   positive: (1/m)  e^{‖x+y‖²} SM²    (1 − e^{−‖x+y‖²})  = SM²(e^{‖x+y‖²} − 1)/m
///   hyp+:     ½(1 − e^{−‖x+y‖²}) · MSE⁺ (m base draws, 2m features)
/// x, y are vectors of equal length; throws ParamError("m") for m < 1.
double lemma2Mse(const Eigen::Ref<const Eigen::VectorXd>& x,
                 const Eigen::Ref<const Eigen::VectorXd>& y, int m, FeatureKind kind);

/// How the rows ω_i of the projection are drawn (paper §2.4).
enum class Projection {
  Iid,                // ω_i ∼ N(0, I_d) independently
  Orthogonal,         // orthogonal blocks of d rows, norms χ(d)-distributed (unbiased)
  OrthogonalRegular,  // orthogonal blocks, every ‖ω_i‖ = √d (SMREG; makes Su's step 2 exact)
};

/// m×d projection Ω with rows ω_i, drawn from `seed` with latentlab::Rng (paper §2.4: ⌈m/d⌉
/// independent d×d blocks, each the Q of a Gaussian matrix's QR, first m rows, then row norms).
/// Throws ParamError("m") for m < 1, ("d") for d < 1.
Eigen::MatrixXd randomProjection(int m, int d, Projection projection, std::uint64_t seed);

/// Raw feature map of paper §2.3 without stabilisers: φ(x)ᵀφ(y) estimates exp(xᵀy) itself
/// (Lemma 1). Rows of x are points; returns n×featureCount(kind, m).
Eigen::MatrixXd kernelFeatures(const Eigen::Ref<const Eigen::MatrixXd>& x,
                               const Eigen::Ref<const Eigen::MatrixXd>& omega, FeatureKind kind);

/// Query and key features for normalised attention, stabilised as in the google and lucidrains
/// code: a per-query constant (row max for Positive and Hyperbolic, exp(‖x‖²/2) dropped for
/// Trigonometric) and
/// one global key
/// constant are divided out; both cancel in the normalisation. x = q·√scale, y = k·√scale so that
/// xᵀy = scale·qᵀk (scale = 1/√d: the data normaliser d^{−1/4}).
/// The float overloads run the same steps in float32 (docs/theory/efficient_attention.md §12
/// bounds what that costs in accuracy).
template <class Scalar>
struct FeaturesOf {
  Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> q;  // n_q × m′
  Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> k;  // n_k × m′
};
using FeaturePair = FeaturesOf<double>;
using FeaturePairF = FeaturesOf<float>;
FeaturePair attentionFeatures(const Eigen::Ref<const Eigen::MatrixXd>& q,
                              const Eigen::Ref<const Eigen::MatrixXd>& k,
                              const Eigen::Ref<const Eigen::MatrixXd>& omega, FeatureKind kind,
                              double scale);
FeaturePairF attentionFeatures(const Eigen::Ref<const Eigen::MatrixXf>& q,
                               const Eigen::Ref<const Eigen::MatrixXf>& k,
                               const Eigen::Ref<const Eigen::MatrixXf>& omega, FeatureKind kind,
                               float scale);

/// Linear attention with any features (paper §2.3): bidirectional O = D̂⁻¹ Q′((K′)ᵀV),
/// D̂ = diag(Q′((K′)ᵀ1)); causal by prefix sums S_i = Σ_{j≤i} φ(k_j)v_jᵀ, z_i = Σ_{j≤i} φ(k_j),
/// o_i = φ(q_i)ᵀS_i / φ(q_i)ᵀz_i. O(n·m·d_v) time, never n×n. Polls control once per 256 rows
/// in the causal scan.
Eigen::MatrixXd linearAttention(const Eigen::Ref<const Eigen::MatrixXd>& phiQ,
                                const Eigen::Ref<const Eigen::MatrixXd>& phiK,
                                const Eigen::Ref<const Eigen::MatrixXd>& v, bool causal,
                                const RunControl& control = {});
Eigen::MatrixXf linearAttention(const Eigen::Ref<const Eigen::MatrixXf>& phiQ,
                                const Eigen::Ref<const Eigen::MatrixXf>& phiK,
                                const Eigen::Ref<const Eigen::MatrixXf>& v, bool causal,
                                const RunControl& control = {});

/// Performer FAVOR+ output: linearAttention(attentionFeatures(q, k, Ω)) (paper §2.3–2.4).
/// Throws ParamError ("q", "k", "v", "omega") on bad shapes or non-finite input.
Eigen::MatrixXd performerOutput(const Eigen::Ref<const Eigen::MatrixXd>& q,
                                const Eigen::Ref<const Eigen::MatrixXd>& k,
                                const Eigen::Ref<const Eigen::MatrixXd>& v,
                                const Eigen::Ref<const Eigen::MatrixXd>& omega, FeatureKind kind,
                                double scale, bool causal, const RunControl& control = {});
Eigen::MatrixXf performerOutput(const Eigen::Ref<const Eigen::MatrixXf>& q,
                                const Eigen::Ref<const Eigen::MatrixXf>& k,
                                const Eigen::Ref<const Eigen::MatrixXf>& v,
                                const Eigen::Ref<const Eigen::MatrixXf>& omega, FeatureKind kind,
                                float scale, bool causal, const RunControl& control = {});

/// The first `rows` rows of Performer's implied map Â_ij = φ(q_i)ᵀφ(k_j)·M_ij / Σ_l (same)
/// (materialised only for display and e_A).
Eigen::MatrixXd performerMapRows(const FeaturePair& features, bool causal, Eigen::Index rows);

}  // namespace latentlab::attention
