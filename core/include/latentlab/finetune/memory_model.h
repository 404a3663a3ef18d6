// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/lst.md §2–§4 (what training
// memory consists of, per method) and §9.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "latentlab/common/params.h"
#include "latentlab/common/run_control.h"

namespace latentlab::finetune {

/// Block structure of a backbone family (Sung et al. 2022 (LST) parameter counts).
/// T5: encoder–decoder, RMSNorm gain only, no biases, relative position bias, tied LM head.
/// BERT: encoder only, LayerNorm (gain + bias), biased linears, learned positions, pooler.
/// GPT-2: decoder only, LayerNorm, biased linears, learned positions, tied LM head.
/// LLaMA: decoder only, RMSNorm, no biases, gated (SwiGLU) FFN with three matrices, untied head.
enum class Family { T5, Bert, Gpt2, Llama };

/// Backbone shape. `layers` counts the layers of one stack (T5 has two stacks).
struct Architecture {
  Family family = Family::T5;
  std::int64_t layers = 12;     // L
  std::int64_t width = 768;     // h (d_model)
  std::int64_t ffn = 3072;      // f
  std::int64_t heads = 12;      // a
  std::int64_t headDim = 64;    // d_k (inner = a·d_k)
  std::int64_t vocab = 32128;   // V
  std::int64_t positions = 0;   // learned absolute positions (BERT 512, GPT-2 1024), else 0
  std::int64_t inner() const { return heads * headDim; }
  bool encoderDecoder() const { return family == Family::T5; }
  bool gatedFfn() const { return family == Family::Llama; }
};

enum class ModelPreset {
  T5Small, T5Base, T5Large, T53B, BertBase, Gpt2Small, Gpt2Medium, Llama7B, Custom
};
/// The architecture of a preset (Custom returns T5-base; the lab uses the custom fields instead).
Architecture presetArchitecture(ModelPreset preset);

enum class Method { Full, Adapter, Lora, BitFit, Prompt, Lst };
inline constexpr std::array<Method, 6> kAllMethods{Method::Full,   Method::Adapter,
                                                   Method::Lora,   Method::BitFit,
                                                   Method::Prompt, Method::Lst};
std::string methodLabel(Method m);  // "Full fine-tuning", "Adapter", ...

enum class DType { Fp32, Mixed };               // Mixed: half weights/activations, fp32 master
enum class Optimizer { AdamW, Momentum, Sgd };  // k_opt = 2, 1, 0
enum class LstDrop { Paper, None, Custom };     // which side layers exist (LST layer dropping)
enum class LoraTargets { QV, QKVO };
enum class SweepAxis { SeqLen, Batch };
enum class MemoryView { Stack, Params, Sweep, Paper, Clue };

/// Every parameter of the Memory accountant page; one field table (memoryLabFields) drives the
/// form, JSON and the CLI. Defaults are the paper's T5-base setup.
struct MemoryLabParams {
  ModelPreset model = ModelPreset::T5Base;
  // Custom backbone (used when model = custom).
  Family family = Family::T5;
  int layers = 12;        // 1..128 per stack
  int width = 768;        // h, 8..16384
  int ffn = 3072;         // f, 8..65536
  int heads = 12;         // a, 1..256
  int headDim = 64;       // d_k, 1..1024
  int vocab = 32128;      // V, 2..500000
  // Workload.
  int seqLen = 128;       // s: source tokens, 1..32768
  int targetLen = 3;      // t: decoder tokens (T5) or LM-head positions (others), 0..32768
  int batch = 100;        // b, 1..65536
  DType dtype = DType::Fp32;
  Optimizer optimizer = Optimizer::AdamW;
  bool dropout = true;             // δ
  bool saveFrozenInputs = false;   // frozen-on-path blocks keep matmul inputs too (E_G → E_T)
  bool normGradActs = false;       // +s·b·h per trained norm gain inside a frozen block
  // Method knobs.
  int adapterDim = 48;             // m
  int loraRank = 32;               // ρ
  LoraTargets loraTargets = LoraTargets::QV;
  bool loraBitfit = true;          // LoRA also trains every linear bias (the codebase's default)
  int lstReduction = 8;            // r: side width h/r, FFN f/r, head size d_k/r (floored)
  int lstSideHeads = 0;            // a_s, 0 = backbone's a
  LstDrop lstDrop = LstDrop::Paper;
  std::vector<double> lstLayers{1, 2, 3, 5, 6, 7, 9, 10, 11};  // custom kept layers, 0-based
  int promptTokens = 100;          // p
  int promptAccumulation = 2;      // prompt micro-batch = ⌈b / this⌉ (paper: 2)
  double overheadGb = 0.0;         // C₀ in 10⁹ B
  bool fitOverhead = true;         // C₀ fitted to the paper's T5-base figures instead
  SweepAxis sweepAxis = SweepAxis::SeqLen;
  MemoryView view = MemoryView::Stack;
};

const std::vector<FieldBinding<MemoryLabParams>>& memoryLabFields();
/// Cross-field checks (custom kept layers inside 0..L−1, r ≤ d_k, ...); throws ParamError.
void validate(const MemoryLabParams& params);

/// The backbone the params describe (preset or custom fields).
Architecture architectureOf(const MemoryLabParams& params);
/// 0-based backbone layers that get a side block (official defaults, T5-base/large/3B).
std::vector<int> lstKeptLayers(const MemoryLabParams& params);

/// Backbone parameter count. T5-base 222,903,552; T5-large 737,668,096; T5-3B 2,851,598,336.
std::int64_t backboneParams(const Architecture& arch);
/// Every linear bias of the backbone (BitFit; T5 gets the codebase's added biases): 202,752 for
/// T5-base.
std::int64_t linearBiasParams(const Architecture& arch);
/// Norm gains of the backbone (T5-base: 62 × 768 = 47,616).
std::int64_t normGainParams(const Architecture& arch);

/// Memory of one method, in bytes, split as the stacked bars show it (
/// M = M_w + M_g + M_opt + M_act + M_trans + C₀, activations split into elements·β_a and masks).
struct MethodMemory {
  Method method = Method::Full;
  std::int64_t trainable = 0;       // P_train
  std::int64_t newParams = 0;       // P_new (adapters, LoRA, prompt, side network)
  double trainablePercent = 0.0;    // 100·P_train / P_backbone
  std::int64_t activationElements = 0;
  std::int64_t maskBytes = 0;
  double weights = 0, gradients = 0, optimizer = 0, activations = 0, masks = 0, overhead = 0;
  double total() const { return weights + gradients + optimizer + activations + masks + overhead; }
  double staticBytes() const { return weights + gradients + optimizer; }
  std::vector<std::pair<std::string, double>> terms;  // formula term → value (bytes or count)
};

/// Memory of `method` for `params`, with C₀ = `overheadBytes`.
MethodMemory methodMemory(const MemoryLabParams& params, Method method, double overheadBytes = 0.0);

/// Saved-activation elements per encoder-style block: trainable E_T, frozen-on-path E_G,
/// and dropout-mask bytes. E_T = s·b·(6h + 4·inner + 2f) + (1+δ)·a·s²·b,
/// E_G = s·b·(2h + 3·inner + f) + (1+δ)·a·s²·b, masks δ·(a·s²·b + 2·s·b·h + s·b·f).
std::int64_t blockElementsTrainable(const Architecture& a, std::int64_t s, std::int64_t b,
                                    bool dropout);
std::int64_t blockElementsFrozen(const Architecture& a, std::int64_t s, std::int64_t b,
                                 bool dropout);
std::int64_t blockMaskBytes(const Architecture& a, std::int64_t s, std::int64_t b, bool dropout);

/// The paper's setup (T5-base, b = 100, s = 128, t = 3, fp32, AdamW, δ = 1, prompt with
/// gradient accumulation 2, C₀ = 0).
MemoryLabParams paperSetup();

/// One published figure (Sung et al. 2022, Fig. 1/abstract); memory in paper GB (1 = 1.048576e9 B).
struct PaperPoint {
  std::string label;
  Method method;
  std::string backbone;  // "t5-base", "t5-large", "t5-3b"
  double memoryGb;
  double glue;           // GLUE average (%)
  std::string source;
};
const std::vector<PaperPoint>& paperPoints();
inline constexpr double kPaperGbBytes = 1.048576e9;  // torch max_memory_allocated / 1024² / 1000
inline constexpr double kPaperLstGb = 5.5;  // T5-base LST: "69%" × 17.6 (figure reads ≈ 5.8)

/// Trainable-parameter percentages Sung et al. 2022 report, against our count.
struct ParamCheck {
  std::string configuration;
  std::int64_t trainable;
  std::int64_t backbone;
  double percent;
  double paperPercent;  // NaN when the paper gives none
  bool paperUncertain;  // the paper value is read off uncertainly
};
std::vector<ParamCheck> paramChecks();

/// Su's CLUE validation results (kexue.fm/archives/9138, bojone/LST-CLUE).
struct ClueModelScores {
  std::string model;
  std::array<double, 11> scores;
};
const std::vector<std::string>& clueTasks();
const std::vector<bool>& clueIsMrc();  // reading comprehension / wsc (Su's "hard" tasks)
const std::vector<ClueModelScores>& clueResults();

struct PaperComparison {
  std::vector<Method> methods;     // Full, Adapter, LoRA, BitFit, Prompt, LST (T5-base)
  std::vector<double> modelGb;     // model at paperSetup(), paper GB, without C₀
  std::vector<double> paperGb;
  double overheadGb = 0.0;         // C₀ used (paper GB): fitted, or the caller's
  double fittedOverheadGb = 0.0;   // C₀ minimising Σ((model + C₀ − paper)/paper)² (paper GB)
  std::vector<double> deviationPercent;  // (model + C₀ − paper) / paper
  std::vector<double> deltaModelGb;      // full − method (C₀ cancels)
  std::vector<double> deltaPaperGb;
  double lstRatio = 0.0;           // (LST + C₀) / (full + C₀)
  bool orderingOk = false, ratioOk = false, deltasOk = false, absoluteOk = false;
};
PaperComparison comparePaper(double overheadPaperGb, bool fit);

struct MemoryLabResult {
  Architecture arch;
  std::int64_t backbone = 0;
  double overheadBytes = 0.0;
  std::vector<MethodMemory> methods;  // kAllMethods order
  std::vector<double> sweepX;          // sequence lengths or batch sizes
  std::vector<std::vector<double>> sweepTotal;  // [method][x] bytes
  double sweepAt = 0.0;                // current s or b
  PaperComparison paper;
  std::vector<ParamCheck> checks;
  std::vector<int> keptLayers;
  double elapsedMs = 0.0;
};

/// Everything the page shows for `params`. Pure arithmetic: microseconds.
MemoryLabResult computeMemoryLab(const MemoryLabParams& params, const RunControl& control = {});

}  // namespace latentlab::finetune
