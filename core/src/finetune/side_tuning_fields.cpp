// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Side-tuning run page's field table (form, JSON, CLI) and its cross-field validation.
#include <string>

#include "latentlab/finetune/side_tuning.h"

namespace latentlab::finetune {
namespace {

constexpr double kMaxSeed = 2147483647.0;

FieldSpec intField(std::string key, std::string label, double lo, double hi, std::string help,
                   bool slider = true) {
  return FieldSpec{.key = std::move(key),
                   .label = std::move(label),
                   .kind = FieldKind::Integer,
                   .min = lo,
                   .max = hi,
                   .slider = slider,
                   .help = std::move(help)};
}

FieldSpec lrField(std::string key, std::string label, std::string help) {
  return FieldSpec{.key = std::move(key),
                   .label = std::move(label),
                   .kind = FieldKind::Real,
                   .min = 1e-6,
                   .max = 1.0,
                   .logScale = true,
                   .help = std::move(help)};
}

FieldSpec boolField(std::string key, std::string label, std::string help) {
  return FieldSpec{
      .key = std::move(key), .label = std::move(label), .kind = FieldKind::Bool, .help = std::move(help)};
}

std::vector<FieldBinding<SideTuningParams>> buildTable() {
  using P = SideTuningParams;
  std::vector<FieldBinding<P>> t;
  t.push_back(bindField(
      FieldSpec{.key = "preset",
                .label = "Model preset",
                .kind = FieldKind::Choice,
                .choices = {"ci", "small", "demo"},
                .choiceLabels = {"CI (L=2, h=32, s=8)", "Small (L=3, h=64, s=16)",
                                 "Demo (L=4, h=128, s=32; slow)"},
                .help = "Backbone sizes. CI trains in under a second; demo takes "
                        "minutes per method"},
      &P::preset));
  t.push_back(bindField(
      FieldSpec{.key = "task",
                .label = "Task",
                .kind = FieldKind::Choice,
                .choices = {"a", "b"},
                .choiceLabels = {"A: which source (classification)",
                                 "B: symbol after the query (retrieval)"},
                .help = "A: which Markov source wrote the sequence. B: the symbol that followed "
                        "the first earlier occurrence of the last symbol (like Su's MRC drop)"},
      &P::task));
  t.push_back(bindField(boolField("run_full", "Full fine-tuning", "Train every weight"), &P::runFull));
  t.push_back(bindField(boolField("run_probe", "Linear probe", "Train the head only"), &P::runProbe));
  t.push_back(bindField(boolField("run_adapter", "Adapter", "Bottleneck adapters (m = h/8)"),
                        &P::runAdapter));
  t.push_back(bindField(boolField("run_lora", "LoRA", "Low-rank updates on W_q and W_v"), &P::runLora));
  t.push_back(bindField(boolField("run_lst", "Ladder side-tuning", "Side network on ladders"),
                        &P::runLst));
  t.push_back(bindField(intField("steps", "Steps", 1, 20000, "Training steps per method and seed"),
                        &P::steps));
  t.push_back(bindField(
      intField("eval_every", "Evaluate every", 1, 5000, "Steps between validation evaluations"),
      &P::evalEvery));
  t.push_back(bindField(intField("pretrain_steps", "Pre-training steps", 0, 20000,
                                 "MLM pre-training steps of the backbone before it is frozen"),
                        &P::pretrainSteps));
  t.push_back(bindField(intField("seeds", "Seeds", 1, 5, "Replicates per method (seed, seed+1, …)"),
                        &P::seeds));
  t.push_back(bindField(intField("train_size", "Training set", 16, 65536,
                                 "Training sequences", false),
                        &P::trainSize));
  t.push_back(bindField(intField("val_size", "Validation set", 16, 16384,
                                 "Validation sequences", false),
                        &P::valSize));
  t.push_back(bindField(lrField("lr_full", "LR full FT", "Adam learning rate of full fine-tuning"),
                        &P::lrFull));
  t.push_back(bindField(lrField("lr_probe", "LR probe", "Adam learning rate of the linear probe"),
                        &P::lrProbe));
  t.push_back(bindField(lrField("lr_adapter", "LR adapter", "Adam learning rate of the adapters"),
                        &P::lrAdapter));
  t.push_back(bindField(lrField("lr_lora", "LR LoRA", "Adam learning rate of LoRA"), &P::lrLora));
  t.push_back(bindField(lrField("lr_lst", "LR LST", "Adam learning rate of the side network (paper "
                                                    "3e-3)"),
                        &P::lrLst));
  t.push_back(bindField(lrField("lr_pretrain", "LR pre-training", "Adam learning rate of MLM "
                                                                  "pre-training"),
                        &P::lrPretrain));
  t.push_back(bindField(intField("reduction", "LST reduction r", 0, 64,
                                 "Side widths h/r, f/r, d_k/r; 0 = the preset's r (CI 4, demo 8)"),
                        &P::reduction));
  t.push_back(bindField(intField("side_layers", "LST side layers k", 0, 64,
                                 "Side blocks kept (layer dropping); 0 = one per backbone layer"),
                        &P::sideLayers));
  t.push_back(bindField(
      FieldSpec{.key = "init",
                .label = "LST initialisation",
                .kind = FieldKind::Choice,
                .choices = {"random", "fisher", "magnitude"},
                .choiceLabels = {"Random N(0, 1/fan_in)", "Pruned (Fisher importance)",
                                 "Pruned (weight magnitude)"},
                .help = "How the side blocks start (pruned init: Sung et al. 2022)"},
      &P::init));
  t.push_back(bindField(FieldSpec{.key = "seed",
                                  .label = "Seed",
                                  .kind = FieldKind::Integer,
                                  .min = 0,
                                  .max = kMaxSeed,
                                  .slider = false,
                                  .help = "Seed of data, pre-training and initialisation"},
                        &P::seed));
  t.push_back(bindField(
      FieldSpec{.key = "view",
                .label = "View",
                .kind = FieldKind::Choice,
                .choices = {"step", "time", "measured", "diagram", "gates", "reference"},
                .choiceLabels = {"Curves vs step", "Curves vs wall time", "Measured",
                                 "Diagram", "Gates", "Su's CLUE results"},
                .help = "Which figure is shown and exported"},
      &P::view));
  return t;
}

}  // namespace

const std::vector<FieldBinding<SideTuningParams>>& sideTuningFields() {
  static const std::vector<FieldBinding<SideTuningParams>> table = buildTable();
  return table;
}

void validate(const SideTuningParams& p) {
  if (selectedMethods(p).empty())
    throw ParamError("run_lst", "select at least one method to train");
  SideTuningParams base = p;
  base.reduction = 0;
  base.sideLayers = 0;
  const ModelConfig c = configFor(base);
  if (p.reduction > 0) {
    const Dims& d = c.backbone;
    if (d.h % p.reduction || d.f % p.reduction || d.dk % p.reduction)
      throw ParamError("reduction", "r must divide h = " + std::to_string(d.h) + ", f = " +
                                        std::to_string(d.f) + " and d_k = " +
                                        std::to_string(d.dk) + ", got " +
                                        std::to_string(p.reduction));
  }
  if (p.sideLayers > c.layers)
    throw ParamError("side_layers", "k must be between 1 and L = " + std::to_string(c.layers) +
                                        " (0 = all), got " + std::to_string(p.sideLayers));
  const int batch = c.batch;
  if (p.trainSize < batch)
    throw ParamError("train_size", "the training set must hold at least one batch of " +
                                       std::to_string(batch) + ", got " +
                                       std::to_string(p.trainSize));
  if (!(p.lrFull > 0 && p.lrProbe > 0 && p.lrAdapter > 0 && p.lrLora > 0 && p.lrLst > 0 &&
        p.lrPretrain > 0))
    throw ParamError("lr_full", "learning rates must be positive");
  if (static_cast<int>(p.view) < 0 || p.view > SideView::Reference)
    throw ParamError("view", "view is not a known view id");
}

}  // namespace latentlab::finetune
