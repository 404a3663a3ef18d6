// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/attention_rank.md §2–§3
// (masked softmax attention).

#include <Eigen/Dense>
#include <string>

namespace latentlab::attention {

/// Which keys a query may attend to (0-based indices).
enum class MaskKind {
  Bidirectional,  // M(i,j) = 1 always
  Causal,         // forward: j ≤ i
  Backward,       // j ≥ i
  PrefixLM,       // j < prefix or j ≤ i
};

/// A mask: its kind plus the prefix length m for PrefixLM (ignored by the other kinds).
struct Mask {
  MaskKind kind = MaskKind::Bidirectional;
  int prefix = 0;  // PrefixLM only: 0 ≤ m ≤ number of keys; m = 0 is causal, m = n bidirectional
};

/// Mask M(i, j): true when query i may attend to key j.
inline bool maskAllows(const Mask& mask, Eigen::Index i, Eigen::Index j) {
  switch (mask.kind) {
    case MaskKind::Bidirectional:
      return true;
    case MaskKind::Causal:
      return j <= i;
    case MaskKind::Backward:
      return j >= i;
    case MaskKind::PrefixLM:
      return j < mask.prefix || j <= i;
  }
  return true;
}

/// The mask head h of H uses in the forward/backward-mixed design (Su, kexue.fm/archives/9529):
/// forward (causal) when h < H/2, backward otherwise.
inline Mask mixedHeadMask(int head, int heads) {
  return Mask{2 * head < heads ? MaskKind::Causal : MaskKind::Backward, 0};
}

/// Short id of a mask kind ("bidirectional", "causal", "backward", "prefix").
std::string maskId(MaskKind kind);

/// Logit matrix S = scale·QKᵀ, one Eigen GEMM. Q is n_q×d, K is n_k×d.
/// Throws ParamError (key "q"/"k"/"tau") on an empty matrix, mismatched d or a non-finite entry.
Eigen::MatrixXd attentionLogits(const Eigen::Ref<const Eigen::MatrixXd>& q,
                                const Eigen::Ref<const Eigen::MatrixXd>& k, double scale);

/// The unscaled logits QKᵀ (one GEMM), with the same checks as attentionLogits.
Eigen::MatrixXd unscaledLogits(const Eigen::Ref<const Eigen::MatrixXd>& q,
                               const Eigen::Ref<const Eigen::MatrixXd>& k);

/// maskedRowSoftmax of scale·A, in place: the same numbers as
/// maskedRowSoftmax(scale·A, mask) without the scaled copy. Vectorised (latentlab/common/simd.h)
/// across rows of the column-major matrix, so no pass reads a row with stride.
void maskedRowSoftmaxInPlace(Eigen::MatrixXd& a, const Mask& mask, double scale);
void maskedRowSoftmaxInPlace(Eigen::MatrixXf& a, const Mask& mask, float scale);

/// Numerically stable masked row softmax:
///   A_ij = M(i,j)·exp(S_ij − max_{l:M(i,l)=1} S_il) / Σ_{l:M(i,l)=1} exp(S_il − max_l S_il).
/// Masked entries are exactly 0; every row sums to 1 within rounding; logits of ±1e4 are fine.
/// Rows are independent, so the OpenMP split over rows gives bit-identical results for any
/// thread count. Throws ParamError (key "mask") if a row allows no key, ("logits") on NaN/Inf.
Eigen::MatrixXd maskedRowSoftmax(const Eigen::Ref<const Eigen::MatrixXd>& logits, const Mask& mask);

/// ln A_ii = S_ii − log Σ_{l:M(i,l)=1} exp(S_il) for every row i of a square logit matrix,
/// without forming A, so it stays finite when A_ii underflows (triangular, so log det A_c =
/// Σ_i ln A_ii for the causal and backward masks; Su, kexue.fm/archives/9529). Requires M(i,i) = 1
/// (true for every kind).
Eigen::VectorXd logDiagonal(const Eigen::Ref<const Eigen::MatrixXd>& logits, const Mask& mask);

/// A = softmax_rows(τ·QKᵀ/√d + mask). With divideBySqrtD = false
/// the multiplier is τ alone (the circle construction uses that).
Eigen::MatrixXd attentionMatrix(const Eigen::Ref<const Eigen::MatrixXd>& q,
                                const Eigen::Ref<const Eigen::MatrixXd>& k, double tau,
                                const Mask& mask = {}, bool divideBySqrtD = true);

}  // namespace latentlab::attention
