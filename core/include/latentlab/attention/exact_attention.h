// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/efficient_attention.md §1
// (exact attention and the kernel view).

#include <Eigen/Dense>

#include "latentlab/common/run_control.h"

namespace latentlab::attention {

/// Exact softmax attention output O = softmax(s·QKᵀ + M)·V without forming the n×n map
/// (Vaswani et al. 2017; the baseline of Choromanski et al. 2021 and Lingle 2023).
/// Flash-style tiling: for each block of query rows the key blocks are visited in order with an
/// online softmax (running max m_i, running sum ℓ_i, rescaled accumulator), each tile's logits
/// one Eigen GEMM. Memory is O(tile²) beyond the inputs, so n = 16384 is fine. Causal masks key
/// j > i (M_ij = −∞). OpenMP splits the query blocks; each row's arithmetic is independent of the
/// thread count, so results are bit-identical for any number of threads.
/// Q: n_q×d, K: n_k×d, V: n_k×d_v. Throws ParamError ("q", "k", "v") on empty or mismatched
/// shapes or non-finite entries, ParamError("causal") when causal and n_q ≠ n_k; Cancelled.
Eigen::MatrixXd exactAttentionOutput(const Eigen::Ref<const Eigen::MatrixXd>& q,
                                     const Eigen::Ref<const Eigen::MatrixXd>& k,
                                     const Eigen::Ref<const Eigen::MatrixXd>& v, double scale,
                                     bool causal, const RunControl& control = {}, int tile = 128);
/// The same tiled online softmax in float32 (logits, exponentials and sums in float; error
/// against the double path in docs/theory/efficient_attention.md §12 and its tests).
Eigen::MatrixXf exactAttentionOutput(const Eigen::Ref<const Eigen::MatrixXf>& q,
                                     const Eigen::Ref<const Eigen::MatrixXf>& k,
                                     const Eigen::Ref<const Eigen::MatrixXf>& v, float scale,
                                     bool causal, const RunControl& control = {}, int tile = 128);

/// The first `rows` rows of the exact map A = softmax(s·QKᵀ + M) (row-normalised over all keys),
/// via attention_matrix.h's stable masked row softmax. For display and e_A.
Eigen::MatrixXd exactAttentionRows(const Eigen::Ref<const Eigen::MatrixXd>& q,
                                   const Eigen::Ref<const Eigen::MatrixXd>& k, double scale,
                                   bool causal, Eigen::Index rows);

/// Relative Frobenius error ‖Â − A‖_F / ‖A‖_F; NaN when ‖A‖ = 0.
double relativeFrobeniusError(const Eigen::Ref<const Eigen::MatrixXd>& approx,
                              const Eigen::Ref<const Eigen::MatrixXd>& exact);

/// Throws ParamError(key) when m is empty or has a NaN/Inf entry (inputs are checked at the edge).
void requireFinite(const Eigen::Ref<const Eigen::MatrixXd>& m, const char* key);
void requireFinite(const Eigen::Ref<const Eigen::MatrixXf>& m, const char* key);

}  // namespace latentlab::attention
