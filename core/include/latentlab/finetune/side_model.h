// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/lst.md §5–§6 (the LST
// architecture; why backward skips the backbone).

#include <Eigen/Dense>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "latentlab/common/rng.h"
#include "latentlab/common/run_control.h"
#include "latentlab/finetune/side_modules.h"

namespace latentlab::finetune {

/// The five methods (LST: Sung et al. 2022), in display order.
enum class TuneMethod { Full, Probe, Adapter, Lora, Lst };
inline constexpr std::array<TuneMethod, 5> kAllTuneMethods{
    TuneMethod::Full, TuneMethod::Probe, TuneMethod::Adapter, TuneMethod::Lora, TuneMethod::Lst};
std::string_view tuneMethodId(TuneMethod m);     // "full", "probe", "adapter", "lora", "lst"
std::string_view tuneMethodLabel(TuneMethod m);  // "Full FT", "Linear probe", ...

/// LST side-network initialisation: random N(0, 1/fan_in), pruned by Fisher
/// importance of the MLM loss, or pruned by weight magnitude.
enum class SideInit { Random, Fisher, Magnitude };

/// Sizes of the demonstration. classes = sources for task A, symbols for task B.
struct ModelConfig {
  int layers = 2;
  Dims backbone{32, 64, 2, 16};
  int seq = 8;
  int batch = 4;
  int symbols = 8;  // V − 1; id `symbols` is [MASK]
  int classes = 4;
  int sources = 4;  // Markov sources K (task A has K classes)
  int reduction = 4;       // r: side widths are h/r, f/r, d_k/r with the same head count
  int sideLayers = 2;      // k ≤ layers (layer dropping)
  int adapterM = 4;        // adapter bottleneck m
  int loraRank = 2;        // ρ
  double loraAlpha = 2.0;  // LoRA scale α/ρ
  double gateT = 0.1;      // μ = σ(α/T)

  int vocab() const { return symbols + 1; }
  Dims side() const {
    return {backbone.h / reduction, backbone.f / reduction, backbone.heads,
            backbone.dk / reduction};
  }
  /// Backbone layer (0-based) that side layer j taps: ceil((j+1)·L/k) − 1, which reproduces the
  /// official code's [1,2,3,5,6,7,9,10,11] for 9 of 12 and [3,7,11] for 3 of 12
  /// (ylsung/Ladder-Side-Tuning).
  int keptLayer(int j) const { return ((j + 1) * layers + sideLayers - 1) / sideLayers - 1; }
};

/// The CI preset (L=2, h=32, f=64, a=2, d_k=16, s=8, b=4, C=4, V=9, r=4, k=2,
/// m=4, ρ=2) and the demo preset (L=4, h=128, f=512, a=4, d_k=32, s=32, b=32, C=8, V=17, r=8,
/// k=4, m=16, ρ=8).
ModelConfig ciConfig();
ModelConfig demoConfig();

/// The frozen backbone: token embedding, learned positions, blocks, and the MLM head used for
/// pre-training and Fisher importance (not part of the downstream model).
struct Backbone {
  Tensor emb, pos;
  std::vector<BlockWeights> blocks;
  Tensor mlm;
  std::vector<Tensor*> all();
  std::vector<const Tensor*> all() const;
  /// Weight count without the MLM head (16,928 for CI, 792,704 for demo).
  std::int64_t parameterCount() const;
};
Backbone initBackbone(const ModelConfig& cfg, Rng& rng);

/// A batch: tokens (batch × seq) and labels (batch).
struct Batch {
  Eigen::MatrixXi tokens;
  Eigen::VectorXi labels;
};

/// One method's trainable model on top of a copy of the backbone.
class MethodModel {
 public:
  /// `side` is only read for LST with pruned init: it holds the per-layer importance or magnitude
  /// tensors matching the backbone (see pruneScores); pass the backbone itself for magnitude.
  MethodModel(TuneMethod method, const ModelConfig& cfg, const Backbone& backbone, SideInit init,
              const Backbone* importance, Rng& rng);

  /// Forward with the tape, backward, gradients in the trainable tensors (zeroed first).
  /// Returns the mean cross-entropy. `tape` is cleared first and left full for inspection.
  double lossAndGrad(const Batch& batch, Tape& tape);
  /// Forward only (no tape): mean cross-entropy and the predicted class per sample.
  double evaluate(const Batch& batch, Eigen::VectorXi* predicted = nullptr);

  std::vector<Tensor*> trainable();
  std::int64_t trainableCount() const;
  /// Weights held (backbone + new tensors, MLM head excluded).
  std::int64_t weightCount() const;
  const Backbone& backbone() const { return m_backbone; }
  /// Current gate values μ_i (LST), else empty.
  std::vector<double> gates() const;
  TuneMethod method() const { return m_method; }
  /// Wall-clock of the forward half of the last lossAndGrad (the tape complete), in ms.
  double lastForwardMs() const { return m_lastForwardMs; }

 private:
  Mat embed(const Eigen::MatrixXi& tokens) const;
  double run(const Batch& batch, Tape* tape, Mat* logits);

  TuneMethod m_method;
  ModelConfig m_cfg;
  Backbone m_backbone;
  HeadWeights m_head;
  std::vector<AdapterWeights> m_adapters;  // 2 per layer
  std::vector<LoraWeights> m_lora;         // 1 per layer
  std::vector<BlockWeights> m_side;        // k side blocks
  std::vector<Tensor> m_down;              // k+1 down-projections h→h_s
  std::vector<Tensor> m_downBias;          // k+1 biases
  Tensor m_alpha;                          // 1×k gate logits
  // Tape slots of the last forward.
  std::vector<BlockSlots> m_slots;
  std::vector<BlockSlots> m_sideSlots;
  std::vector<int> m_ladderIn, m_gateDiff;
  int m_embIn = -1;
  HeadSlots m_headSlots;
  double m_lastForwardMs = 0.0;
};

/// Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-8) on every tensor in `params`; `t` is the 1-based step.
void adamStep(const std::vector<Tensor*>& params, double lr, int t);

/// Analytic tape bytes per batch (the unit-test targets).
std::int64_t analyticTapeBytes(TuneMethod method, const ModelConfig& cfg);
/// Analytic trainable count.
std::int64_t analyticTrainable(TuneMethod method, const ModelConfig& cfg);

}  // namespace latentlab::finetune
