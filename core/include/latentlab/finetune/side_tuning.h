// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/lst.md §9 (conventions of
// the live run) and §10.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "latentlab/common/params.h"
#include "latentlab/common/run_control.h"
#include "latentlab/finetune/side_data.h"
#include "latentlab/finetune/side_model.h"

namespace latentlab::finetune {

/// Model sizes: the CI preset and the demo preset (side_model.h), and a "small" one between them
/// that trains all five methods in a few seconds (the page default).
enum class SidePreset { Ci, Small, Demo };

/// What the Side-tuning run page shows (and exports).
enum class SideView {
  Step,       // train loss and val accuracy against step
  WallTime,   // the same against training wall-clock seconds
  Measured,   // ms/step (forward/backward), tape bytes measured vs analytic, trainable %
  Diagram,    // backbone + side network, tensors receiving gradients highlighted
  Gates,      // LST gate μ_i against step
  Reference,  // Su's CLUE results (kexue.fm/archives/9138) and the accuracy table
};

/// Every parameter of the page; sideTuningFields() drives form, JSON and CLI.
struct SideTuningParams {
  // The page's defaults train all five methods in about 0.3 s on 2 cores (CI sizes, r = 8 as in
  // Sung et al.): LST's activations are about a third of full fine-tuning's and its step is
  // faster. The longer runs are presets.
  SidePreset preset = SidePreset::Ci;  // model sizes
  SideTask task = SideTask::A;            // A: which source; B: induction-style retrieval
  bool runFull = true;                    // methods to train (at least one)
  bool runProbe = true;
  bool runAdapter = true;
  bool runLora = true;
  bool runLst = true;
  int steps = 80;           // training steps per method, 1..20000
  int evalEvery = 10;       // evaluate val accuracy every this many steps, 1..5000
  int pretrainSteps = 100;  // MLM pre-training steps of the backbone, 0..20000
  int seeds = 1;            // replicates per method (seed, seed+1, ...), 1..5
  int trainSize = 512;      // training sequences, 16..65536
  int valSize = 128;        // validation sequences, 16..16384
  double lrFull = 3e-4;     // Adam learning rates (LST 3e-3 as in the paper)
  double lrProbe = 3e-3;
  double lrAdapter = 1e-3;
  double lrLora = 1e-3;
  double lrLst = 3e-3;
  double lrPretrain = 1e-3;
  int reduction = 8;   // LST r (side widths h/r, f/r, d_k/r); 0 = the preset's r
  int sideLayers = 0;  // LST side layers k (layer dropping); 0 = one per backbone layer
  SideInit init = SideInit::Fisher;  // LST side-network initialisation
  std::uint64_t seed = 1;            // data, pre-training and initialisation seed
  SideView view = SideView::Step;
};

/// The field table (keys: preset, task, run_full, run_probe, run_adapter, run_lora, run_lst,
/// steps, eval_every, pretrain_steps, seeds, train_size, val_size, lr_full, lr_probe,
/// lr_adapter, lr_lora, lr_lst, lr_pretrain, reduction, side_layers, init, seed, view).
const std::vector<FieldBinding<SideTuningParams>>& sideTuningFields();
/// Cross-field checks (r divides h, f and d_k; k ≤ L; one method at least); throws ParamError.
void validate(const SideTuningParams& params);
/// The model configuration the params describe (preset, r, k, task's class count).
ModelConfig configFor(const SideTuningParams& params);
/// Methods selected, in kAllTuneMethods order.
std::vector<TuneMethod> selectedMethods(const SideTuningParams& params);

/// One evaluation point of a run.
struct CurvePoint {
  int step = 0;
  double seconds = 0.0;    // training wall-clock (forward + backward + Adam), evaluation excluded
  double trainLoss = 0.0;  // mean training loss since the previous point (val loss at step 0)
  double valLoss = 0.0;
  double valAcc = 0.0;
};

/// One method trained with one seed.
struct MethodRun {
  TuneMethod method = TuneMethod::Full;
  std::uint64_t seed = 1;
  std::vector<CurvePoint> curve;
  std::vector<std::vector<double>> gates;  // LST: μ_i at each curve point
  std::int64_t trainable = 0;
  std::int64_t weights = 0;            // backbone + new tensors
  std::int64_t tapeFloats = 0;         // measured on the tape after one forward
  std::int64_t tapeMaskBytes = 0;
  std::int64_t tapeBytes = 0;          // floats·4 + mask bytes, per batch
  std::int64_t analyticTapeBytes = 0;  // analytic tape formula
  std::int64_t staticBytes = 0;        // (weights + grads + 2 Adam states)·4 B
  double forwardMs = 0.0;              // median per step
  double backwardMs = 0.0;             // median per step (backward + Adam)
  double finalAcc = 0.0;
  bool backboneUnchanged = false;      // backbone bit-identical to its pre-training state
  bool finished = false;
};

/// Per-method figures over the seeds.
struct MethodSummary {
  TuneMethod method = TuneMethod::Full;
  int runs = 0;
  std::int64_t trainable = 0;
  double trainablePercent = 0.0;  // of the backbone's weights
  std::int64_t tapeBytes = 0;
  std::int64_t analyticTapeBytes = 0;
  std::int64_t staticBytes = 0;
  double forwardMs = 0.0;   // mean of the runs' medians
  double backwardMs = 0.0;
  double accMean = 0.0;
  double accStd = 0.0;  // sample standard deviation over seeds (0 for one seed)
  bool backboneUnchanged = false;
};

struct SideTuningResult {
  ModelConfig config;
  SideTask task = SideTask::A;
  std::int64_t backboneParams = 0;
  std::vector<double> pretrainLoss;
  double pretrainMs = 0.0;
  int pretrainStepsDone = 0;  // a snapshot taken during pre-training has no runs yet
  std::vector<MethodRun> runs;  // finished runs, then the one in progress while streaming
  std::vector<MethodSummary> summary;  // finished runs only
  bool finished = false;
  double elapsedMs = 0.0;
};

/// Streaming and pause for the live page: onPartial receives a snapshot before and after every
/// pre-training step and after every evaluation point (the caller copies only those it shows); while *pause is true the run sleeps between steps (still
/// cancellable) and the pause is left out of the wall-clock curves.
struct SideTuningHooks {
  std::function<void(const SideTuningResult&)> onPartial;
  const std::atomic<bool>* pause = nullptr;
};

/// The CPU demonstration of Ladder Side-Tuning (Sung et al. 2022): pre-train the backbone with
/// MLM, then train every selected method with Adam on the same data, order and seed, with
/// hand-written backprop; instrument the tape bytes, static bytes, trainable counts and time per
/// step. Throws ParamError or Cancelled.
SideTuningResult computeSideTuning(const SideTuningParams& params, const RunControl& control = {},
                                   const SideTuningHooks& hooks = {});

/// Summaries of `runs` (finished ones), in kAllTuneMethods order.
std::vector<MethodSummary> summarizeRuns(const std::vector<MethodRun>& runs,
                                         std::int64_t backboneParams);

/// One row of Su's CLUE validation table (kexue.fm/archives/9138), in %.
struct ClueRow {
  std::string task;
  bool mrc = false;  // reading-comprehension-like (cmrc2018, c3, chid) or wsc: the hard tasks
  double bertBase = 0.0;
  double robertaBase = 0.0;
  double robertaBaseLst = 0.0;
  double robertaLargeLst = 0.0;
};
const std::vector<ClueRow>& suClueResults();

}  // namespace latentlab::finetune
