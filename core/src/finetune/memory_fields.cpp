// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Memory accountant's field table (form, JSON, CLI) and its cross-field validation.
#include <algorithm>
#include <cmath>
#include <string>

#include "latentlab/finetune/memory_model.h"

namespace latentlab::finetune {
namespace {

using P = MemoryLabParams;

FieldBinding<P> integer(std::string key, std::string label, double lo, double hi, int P::*member,
                        std::string help, bool slider = true, bool log = false) {
  return bindField(FieldSpec{.key = std::move(key),
                             .label = std::move(label),
                             .kind = FieldKind::Integer,
                             .min = lo,
                             .max = hi,
                             .logScale = log,
                             .slider = slider,
                             .help = std::move(help)},
                   member);
}

FieldBinding<P> flag(std::string key, std::string label, bool P::*member, std::string help) {
  return bindField(FieldSpec{.key = std::move(key),
                             .label = std::move(label),
                             .kind = FieldKind::Bool,
                             .help = std::move(help)},
                   member);
}

template <class E>
FieldBinding<P> choice(std::string key, std::string label, std::vector<std::string> ids,
                       std::vector<std::string> labels, E P::*member, std::string help) {
  return bindField(FieldSpec{.key = std::move(key),
                             .label = std::move(label),
                             .kind = FieldKind::Choice,
                             .choices = std::move(ids),
                             .choiceLabels = std::move(labels),
                             .help = std::move(help)},
                   member);
}

std::vector<FieldBinding<P>> buildTable() {
  std::vector<FieldBinding<P>> t;
  t.push_back(choice("model", "Backbone",
                     {"t5-small", "t5-base", "t5-large", "t5-3b", "bert-base", "gpt2-small",
                      "gpt2-medium", "llama-7b", "custom"},
                     {"T5-small", "T5-base", "T5-large", "T5-3B", "BERT-base", "GPT-2 small",
                      "GPT-2 medium", "7B decoder (LLaMA-7B)", "Custom"},
                     &P::model, "Backbone preset; 'Custom' uses the fields below"));
  t.push_back(choice("family", "Custom family", {"t5", "bert", "gpt2", "llama"},
                     {"T5 (encoder–decoder)", "BERT (encoder)", "GPT-2 (decoder)",
                      "LLaMA (decoder, gated FFN)"},
                     &P::family, "Block structure of the custom backbone"));
  t.push_back(integer("layers", "Layers L", 1, 128, &P::layers, "Layers per stack (custom)"));
  t.push_back(integer("width", "Width h", 8, 16384, &P::width, "Hidden size d_model (custom)",
                      false));
  t.push_back(integer("ffn", "FFN size f", 8, 65536, &P::ffn, "FFN inner size (custom)", false));
  t.push_back(integer("heads", "Heads a", 1, 128, &P::heads, "Attention heads (custom)"));
  t.push_back(integer("head_dim", "Head size d_k", 1, 1024, &P::headDim,
                      "Key/query size per head (custom); inner = a·d_k", false));
  t.push_back(integer("vocab", "Vocabulary V", 2, 500000, &P::vocab, "Vocabulary (custom)",
                      false));
  t.push_back(integer("seq_len", "Source tokens s", 1, 16384, &P::seqLen,
                      "Tokens per sample seen by the encoder / the whole stack", true, true));
  t.push_back(integer("target_len", "Target tokens t", 0, 16384, &P::targetLen,
                      "Decoder tokens (T5) or positions scored by the LM head (others)", true,
                      false));
  t.push_back(integer("batch", "Batch b", 1, 4096, &P::batch, "Samples per step", true, true));
  t.push_back(choice("dtype", "Precision", {"fp32", "mixed"},
                     {"fp32", "bf16/fp16 + fp32 master"}, &P::dtype,
                     "Mixed: half weights, grads and activations; fp32 master copy and optimizer "
                     "state for trained parameters"));
  t.push_back(choice("optimizer", "Optimizer", {"adamw", "momentum", "sgd"},
                     {"Adam / AdamW", "SGD + momentum", "SGD"}, &P::optimizer,
                     "States per trained parameter: 2, 1 or 0 (4 bytes each)"));
  t.push_back(flag("dropout", "Dropout", &P::dropout,
                   "δ = 1: dropped copies of attention/FFN tensors and 1-byte masks are kept"));
  t.push_back(flag("save_frozen_inputs", "Save frozen-linear inputs", &P::saveFrozenInputs,
                   "Frozen blocks on the gradient path keep their matmul inputs too (E_G → E_T)"));
  t.push_back(flag("norm_grad_acts", "Count norm-gain activations", &P::normGradActs,
                   "Adapter trains the norm gains: + s·b·h per norm (left out of the "
                   "validation table)"));
  t.push_back(integer("adapter_dim", "Adapter m", 1, 4096, &P::adapterDim,
                      "Adapter bottleneck width (paper: 768/16 = 48)"));
  t.push_back(integer("lora_rank", "LoRA rank ρ", 1, 1024, &P::loraRank,
                      "LoRA rank (paper: 32)"));
  t.push_back(choice("lora_targets", "LoRA targets", {"qv", "qkvo"}, {"q, v", "q, k, v, o"},
                     &P::loraTargets, "Projections LoRA adapts in every attention module"));
  t.push_back(flag("lora_bitfit", "LoRA + biases", &P::loraBitfit,
                   "LoRA also trains every linear bias (the LST codebase's setting)"));
  t.push_back(integer("lst_r", "LST reduction r", 1, 64, &P::lstReduction,
                      "Side width h/r, FFN f/r, head size d_k/r (floored)"));
  t.push_back(integer("lst_side_heads", "LST side heads", 0, 128, &P::lstSideHeads,
                      "Side heads a_s; 0 = the backbone's a"));
  t.push_back(choice("lst_drop", "LST layers", {"paper", "none", "custom"},
                     {"Paper default", "All layers", "Custom list"}, &P::lstDrop,
                     "Side layers kept: paper (T5-base 9 of 12, T5-large odd, T5-3B layer 23), "
                     "all, or the list below"));
  t.push_back(bindField(FieldSpec{.key = "lst_layers",
                                  .label = "LST kept layers",
                                  .kind = FieldKind::Vector,
                                  .min = 0,
                                  .max = 127,
                                  .minSize = 1,
                                  .maxSize = 128,
                                  .help = "0-based backbone layers with a side block (custom)"},
                        &P::lstLayers));
  t.push_back(integer("prompt_tokens", "Prompt tokens p", 1, 4096, &P::promptTokens,
                      "Trainable prompt length (paper: 100)"));
  t.push_back(integer("prompt_accumulation", "Prompt grad. accumulation", 1, 64,
                      &P::promptAccumulation, "Prompt micro-batch = ⌈b / this⌉ (paper: 2)"));
  t.push_back(bindField(FieldSpec{.key = "overhead_gb",
                                  .label = "Overhead C₀ (GB)",
                                  .kind = FieldKind::Real,
                                  .min = 0,
                                  .max = 1000,
                                  .slider = false,
                                  .help = "Framework constant (context, allocator), 10⁹ bytes"},
                        &P::overheadGb));
  t.push_back(flag("fit_overhead", "Fit C₀ to the paper", &P::fitOverhead,
                   "Use the C₀ that best fits the paper's T5-base figures instead"));
  t.push_back(choice("sweep_axis", "Sweep", {"seq_len", "batch"},
                     {"Sequence length", "Batch size"}, &P::sweepAxis,
                     "Memory chart: vary s or b"));
  t.push_back(choice("view", "View", {"stack", "params", "sweep", "paper", "clue"},
                     {"Memory", "Parameters", "Sweep", "Paper vs model", "Su's CLUE"}, &P::view,
                     "Which figure the page shows and exports"));
  return t;
}

}  // namespace

const std::vector<FieldBinding<MemoryLabParams>>& memoryLabFields() {
  static const std::vector<FieldBinding<MemoryLabParams>> table = buildTable();
  return table;
}

void validate(const MemoryLabParams& p) {
  for (const auto& b : memoryLabFields()) checkValue(b.spec, b.get(p));
  const Architecture a = architectureOf(p);
  const int L = static_cast<int>(a.layers);
  if (p.lstDrop == LstDrop::Custom)
    for (double v : p.lstLayers)
      if (v >= L)
        throw ParamError("lst_layers", "lst_layers entries must be between 0 and L − 1 = " +
                                           std::to_string(L - 1) + ", got " +
                                           std::to_string(static_cast<int>(v)));
  // With the fields' ranges the largest count (128 layers · 128 heads · (16384 + 4096)² · 4096)
  // stays far below 2⁶³, so element counts need no overflow check.
  if (p.lstReduction > a.headDim)
    throw ParamError("lst_r", "lst_r must be at most the head size d_k = " +
                                  std::to_string(a.headDim) + ", got " +
                                  std::to_string(p.lstReduction));
}

}  // namespace latentlab::finetune
