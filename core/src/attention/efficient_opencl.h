// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Efficient attention page on an OpenCL device, float32 (private to the core): exact
// attention, Performer FAVOR+ and Transformer-VQ's assignment and cache, each the same
// mathematics as the CPU kernels (docs/theory/efficient_attention.md §1–§7), and the page's core
// outputs for computeEfficientLab. Every function throws DeviceError on a device failure.
#pragma once

#include <Eigen/Dense>
#include <string>
#include <vector>

#include "latentlab/attention/efficient_lab.h"
#include "latentlab/attention/performer.h"
#include "latentlab/common/run_control.h"

namespace latentlab::opencl {
class Device;
}

namespace latentlab::attention::ocl {

/// O = softmax(s·QKᵀ + M)·V, and the first `mapRows` rows of the map A (rows × n_k; empty for
/// 0). Row blocks of about blockLogits logits (at least 64 and mapRows rows; 2²⁴ floats = 64 MiB
/// by default): memory stays O(block·n_k), never n_q × n_k. Causal blocks only multiply the keys
/// they can see. Polls control per block.
struct ExactOut {
  Eigen::MatrixXf output, rows;
};
ExactOut exactAttention(opencl::Device& device, const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                        const Eigen::MatrixXf& v, float scale, bool causal, Eigen::Index mapRows,
                        const RunControl& control = {},
                        Eigen::Index blockLogits = Eigen::Index{1} << 24);

/// Performer: attentionFeatures (same stabilisers) and linearAttention on the device, causal by
/// chunked prefix sums (chunks of 64: in-chunk scores plus the prefix of chunk states). With
/// keepFeatures the feature matrices come back too (for the map rows and the normaliser).
struct PerformerOut {
  Eigen::MatrixXf output;
  FeaturePairF features;  // empty unless keepFeatures
};
PerformerOut performer(opencl::Device& device, const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                       const Eigen::MatrixXf& v, const Eigen::MatrixXf& omega, FeatureKind kind,
                       float scale, bool causal, bool keepFeatures, const RunControl& control = {});

/// Transformer-VQ: nearest codes by −2·C·Kᵀ (GEMM) and an argmin per key, then (when v is given,
/// bidirectional) the cache counts and means over all keys and O = softmax_codes(s·QCᵀ +
/// log count)·means (transformer_vq.h's bidirectional vqLinearOutput).
struct VqOut {
  std::vector<int> codes;
  Eigen::MatrixXf output;  // empty when v is empty
};
VqOut transformerVq(opencl::Device& device, const Eigen::MatrixXf& keys,
                    const Eigen::MatrixXf& codebook, const Eigen::MatrixXf& q,
                    const Eigen::MatrixXf& v, float scale);

/// One call of the Timing view's method on device `id` (0 exact tiled output, 1 Performer
/// positive features, 2 Transformer-VQ with the codebook given, assignment included), float32,
/// bidirectional, the inputs uploaded and the output read back. Returns whether the output is
/// finite. Throws DeviceError.
bool timingCall(const std::string& id, int method, const Eigen::MatrixXf& q,
                const Eigen::MatrixXf& k, const Eigen::MatrixXf& v, const Eigen::MatrixXf& omega,
                const Eigen::MatrixXf& codebook, float scale, const RunControl& control);

/// What computeEfficientLab needs from the expensive kernels, in double whichever device made it.
struct LabCore {
  Eigen::MatrixXd exactO, exactRows;  // O and the first `shown` rows of A
  FeaturePair features;               // Performer's φ(Q), φ(K)
  Eigen::MatrixXd perfO;
  std::vector<int> codes;          // nearest code of every key
  Eigen::MatrixXd vqO;             // linear cached form (no window bias)
  Eigen::MatrixXd vqQuad, vqRows;  // exact attention on K̂: output and first `shown` rows (empty
                                   // with the window bias, whose reference is computed apart)
};

/// LabCore on the OpenCL device `id` in float32. The causal Transformer-VQ output (block cache)
/// is the CPU's double vqLinearOutput over the device's codes.
LabCore labCoreOnDevice(const std::string& id, const EfficientLabParams& p,
                        const AttentionInputs& in, const Eigen::MatrixXd& omega,
                        const Eigen::MatrixXd& codebook, double scale, Eigen::Index shown,
                        const RunControl& control);

}  // namespace latentlab::attention::ocl
