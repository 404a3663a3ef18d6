// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/efficient_attention.md §5–§7
// (VQ keys, causal cache sums, the soft-VQ analogy).

#include <Eigen/Dense>
#include <cstdint>
#include <vector>

#include "latentlab/common/run_control.h"

namespace latentlab::attention {

/// How the Transformer-VQ codebook C (S×d) is made from the keys (Lingle 2023; Su,
/// kexue.fm/archives/9844: "run k-means on keys to initialise C").
enum class CodebookKind {
  KMeans,      // Lloyd's k-means over the keys, initialised with S distinct keys drawn by seed
  RandomKeys,  // S distinct keys drawn by seed, no iterations
};

/// Codebook of S rows from the keys K (n×d). S ≤ n; with S = n and distinct keys every key is
/// its own code, so K̂ = K exactly. Empty clusters keep their previous centre.
/// Throws ParamError("codebook_size") unless 1 ≤ S ≤ n, ("k") on non-finite keys; Cancelled.
Eigen::MatrixXd makeCodebook(const Eigen::Ref<const Eigen::MatrixXd>& keys, int size,
                             CodebookKind kind, std::uint64_t seed, int iterations,
                             const RunControl& control = {});

/// Δ as code indices: code_i = argmin_s ‖K_i − C_s‖² (ties: lowest s).
std::vector<int> assignCodes(const Eigen::Ref<const Eigen::MatrixXd>& keys,
                             const Eigen::Ref<const Eigen::MatrixXd>& codebook);

/// K̂ = ΔC: row i is the code of key i.
Eigen::MatrixXd quantizeKeys(const Eigen::Ref<const Eigen::MatrixXd>& codebook,
                             const std::vector<int>& codes);

/// Transformer-VQ in linear time (Su, kexue.fm/archives/9844; stable cache form of the official
/// code's nn/attn.py), never n×n:
/// bidirectional O = exp(sQCᵀ)(ΔᵀV) / exp(sQCᵀ)(Δᵀ1), computed as a softmax over codes of the
/// logits s·q·c_s + log count_s with values mean_s = U_s / count_s.
/// Causal: block form with block length l: O_[i] = exp(sQ_[i]K̂_[i]ᵀ + M)V_[i] +
/// exp(sQ_[i]Cᵀ)U_{i−1}, U_i = U_{i−1} + Δ_[i]ᵀV_[i], with one running max over cache and in-block
/// logits. Equal to exactAttentionOutput(Q, K̂, V) up to rounding (~1e-15).
/// Causal with a window bias b (b(t) for 0 ≤ t < b.size() ≤ l, "局域增强", Su,
/// kexue.fm/archives/9844): B touches only the blocks [i] and [i−1], so
///   O_[i] = exp(sQ_[i]K̂_[i]ᵀ + B_[i,i] + M)V_[i] + exp(sQ_[i]K̂_[i−1]ᵀ + B_[i,i−1])V_[i−1]
///         + exp(sQ_[i]Cᵀ)U_{i−2},
/// equal to windowBiasedAttentionOutput(Q, K̂, V, b) up to rounding.
/// Cost O(n·S·(d + d_v) + n·l·(d + d_v)). Throws ParamError ("block") for l < 1 or a bias
/// longer than l, ("window_bias") for a bias in the bidirectional form; Cancelled.
Eigen::MatrixXd vqLinearOutput(const Eigen::Ref<const Eigen::MatrixXd>& q,
                               const Eigen::Ref<const Eigen::MatrixXd>& codebook,
                               const std::vector<int>& codes,
                               const Eigen::Ref<const Eigen::MatrixXd>& v, double scale,
                               bool causal, int block, const RunControl& control = {},
                               const Eigen::VectorXd& bias = Eigen::VectorXd());

/// Toeplitz window bias of the lab: b(t) = β·e^{−2t/l} for t = 0 … l−1 (the equivalence test
/// uses β = 0.5, l = 8: 0.5·e^{−t/4}). Throws ParamError("bias_strength") for non-finite β.
Eigen::VectorXd windowBias(int block, double strength);

/// Quadratic reference with the window bias, causal: the first `rows` rows of
/// A_B = softmax(s·QKᵀ + B + M) with B_ij = b(i − j) for 0 ≤ i − j < b.size(), else 0, and
/// M_ij = −∞ for j > i. Materialises `rows` × n only.
Eigen::MatrixXd windowBiasedAttentionRows(const Eigen::Ref<const Eigen::MatrixXd>& q,
                                          const Eigen::Ref<const Eigen::MatrixXd>& k, double scale,
                                          const Eigen::VectorXd& bias, Eigen::Index rows);
/// O = A_B·V, computed in row blocks of 128 (O(n²(d + d_v)), no n×n buffer). Cancelled.
Eigen::MatrixXd windowBiasedAttentionOutput(const Eigen::Ref<const Eigen::MatrixXd>& q,
                                            const Eigen::Ref<const Eigen::MatrixXd>& k,
                                            const Eigen::Ref<const Eigen::MatrixXd>& v,
                                            double scale, const Eigen::VectorXd& bias,
                                            const RunControl& control = {});

/// Soft assignment p(y | k) = softmax_y(−‖k − c_y‖² / (2τ)) (our choice, not in
/// kexue.fm/archives/9862): n×S, rows
/// sum to 1; τ → 0 gives the one-hot Δ. Throws ParamError("soft_tau") unless τ > 0.
Eigen::MatrixXd softAssignment(const Eigen::Ref<const Eigen::MatrixXd>& keys,
                               const Eigen::Ref<const Eigen::MatrixXd>& codebook, double tau);

/// The GMM reading of Su, kexue.fm/archives/9862, bidirectional:
/// Σ_j e^{q·k_j} v_j ≈ Σ_y e^{s·q·c_y}[Σ_j p(y|k_j) v_j], normalised by the same with v → 1.
/// With p = one-hot Δ it is vqLinearOutput.
Eigen::MatrixXd softVqOutput(const Eigen::Ref<const Eigen::MatrixXd>& q,
                             const Eigen::Ref<const Eigen::MatrixXd>& codebook,
                             const Eigen::Ref<const Eigen::MatrixXd>& assignment,
                             const Eigen::Ref<const Eigen::MatrixXd>& v, double scale);

}  // namespace latentlab::attention
