// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Side-tuning run end to end on the CI preset: frozen backbone bit for bit,
// measured tape bytes, determinism, data, validation, cancel and pause hooks.
#include <gtest/gtest.h>

#include <atomic>

#include "latentlab/finetune/side_tuning.h"

namespace latentlab::finetune {
namespace {

SideTuningParams ciParams() {
  SideTuningParams p;
  p.preset = SidePreset::Ci;
  p.reduction = 0;  // the preset's r = 4, which the pinned byte counts are for
  p.steps = 12;
  p.evalEvery = 4;
  p.pretrainSteps = 10;
  p.trainSize = 64;
  p.valSize = 32;
  return p;
}

TEST(SideTuning, FrozenBackboneIsBitIdenticalAfterPetlTraining) {
  const SideTuningResult r = computeSideTuning(ciParams());
  ASSERT_EQ(r.runs.size(), 5u);
  for (const MethodRun& run : r.runs) {
    if (run.method == TuneMethod::Full)
      EXPECT_FALSE(run.backboneUnchanged);  // full FT must move it, or the check is vacuous
    else
      EXPECT_TRUE(run.backboneUnchanged) << tuneMethodId(run.method);
  }
}

TEST(SideTuning, MeasuredTapeBytesEqualTheSpecForTheCiPreset) {
  const SideTuningResult r = computeSideTuning(ciParams());
  const std::int64_t expected[] = {70736, 592, 68688, 51280, 35536};
  ASSERT_EQ(r.summary.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(r.summary[i].tapeBytes, expected[i]) << tuneMethodId(r.summary[i].method);
    EXPECT_EQ(r.summary[i].analyticTapeBytes, expected[i]);
  }
  EXPECT_EQ(r.backboneParams, 16928);
  // Static bytes: (weights + grads + 2 Adam states)·4 B with weights = backbone + new tensors.
  EXPECT_EQ(r.summary[0].staticBytes, 17060 * 4 * 4);
  EXPECT_EQ(r.summary[1].staticBytes, (16928 + 3 * 132 + 132) * 4);
}

TEST(SideTuning, SameSeedSameNumbersBitForBit) {
  SideTuningParams p = ciParams();
  p.runFull = false;
  p.runProbe = false;
  p.init = SideInit::Fisher;
  const SideTuningResult a = computeSideTuning(p);
  const SideTuningResult b = computeSideTuning(p);
  ASSERT_EQ(a.runs.size(), b.runs.size());
  EXPECT_EQ(a.pretrainLoss, b.pretrainLoss);
  for (std::size_t i = 0; i < a.runs.size(); ++i) {
    ASSERT_EQ(a.runs[i].curve.size(), b.runs[i].curve.size());
    for (std::size_t j = 0; j < a.runs[i].curve.size(); ++j) {
      EXPECT_EQ(a.runs[i].curve[j].trainLoss, b.runs[i].curve[j].trainLoss);
      EXPECT_EQ(a.runs[i].curve[j].valAcc, b.runs[i].curve[j].valAcc);
    }
    EXPECT_EQ(a.runs[i].gates, b.runs[i].gates);
  }
  p.seed = 2;
  const SideTuningResult c = computeSideTuning(p);
  EXPECT_NE(a.pretrainLoss, c.pretrainLoss);
}

TEST(SideTuning, PretrainingLowersTheMlmLoss) {
  SideTuningParams p = ciParams();
  p.pretrainSteps = 120;
  p.runFull = p.runAdapter = p.runLora = p.runLst = false;
  p.steps = 1;
  const SideTuningResult r = computeSideTuning(p);
  ASSERT_EQ(r.pretrainLoss.size(), 120u);
  double first = 0, last = 0;
  for (int i = 0; i < 10; ++i) {
    first += r.pretrainLoss[static_cast<std::size_t>(i)];
    last += r.pretrainLoss[r.pretrainLoss.size() - 1 - static_cast<std::size_t>(i)];
  }
  EXPECT_LT(last, first);
}

TEST(SideTuning, CurvesHaveEveryEvaluationPointAndGates) {
  SideTuningParams p = ciParams();
  p.seeds = 2;
  const SideTuningResult r = computeSideTuning(p);
  EXPECT_EQ(r.runs.size(), 10u);
  for (const MethodRun& run : r.runs) {
    ASSERT_EQ(run.curve.size(), 4u);  // steps 0, 4, 8, 12
    EXPECT_EQ(run.curve.back().step, 12);
    EXPECT_GT(run.curve.back().seconds, 0.0);
    if (run.method == TuneMethod::Lst) {
      ASSERT_EQ(run.gates.size(), 4u);
      ASSERT_EQ(run.gates[0].size(), 2u);
      EXPECT_EQ(run.gates[0][0], 0.5);  // α = 0 at the start
      EXPECT_NE(run.gates.back()[0], 0.5);
    }
  }
  EXPECT_EQ(r.summary[0].runs, 2);
}

TEST(SideTuning, LayerDroppingShrinksTheTape) {
  ModelConfig c = ciConfig();
  const std::int64_t two = analyticTapeBytes(TuneMethod::Lst, c);
  c.sideLayers = 1;
  const std::int64_t one = analyticTapeBytes(TuneMethod::Lst, c);
  EXPECT_LT(one, two);
  SideTuningParams p = ciParams();
  p.sideLayers = 1;
  p.runFull = p.runProbe = p.runAdapter = p.runLora = false;
  const SideTuningResult r = computeSideTuning(p);
  EXPECT_EQ(r.summary[0].tapeBytes, one);
}

TEST(SideTuning, TaskBLabelFollowsTheFirstEarlierOccurrence) {
  const ModelConfig c = ciConfig();
  const Batch d = makeTaskData(SideTask::B, c, markovSources(4, c.symbols), 50, 3);
  for (int n = 0; n < 50; ++n) {
    const int q = d.tokens(n, c.seq - 1);
    int first = -1;
    for (int t = 0; t + 1 < c.seq - 1; ++t)
      if (d.tokens(n, t) == q) {
        first = t;
        break;
      }
    ASSERT_GE(first, 0);
    EXPECT_EQ(d.labels(n), d.tokens(n, first + 1));
  }
}

TEST(SideTuning, MarkovSourcesAreStochasticAndSeedFixed) {
  const auto a = markovSources(3, 8);
  const auto b = markovSources(3, 8);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_TRUE((a[k].array() == b[k].array()).all());
    for (int i = 0; i < 8; ++i) EXPECT_NEAR(a[k].row(i).sum(), 1.0, 1e-12);
  }
  EXPECT_FALSE((a[0].array() == a[1].array()).all());
}

TEST(SideTuning, BadInputNamesTheKey) {
  SideTuningParams p = ciParams();
  p.reduction = 3;
  try {
    computeSideTuning(p);
    FAIL() << "expected ParamError";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "reduction");
  }
  p = ciParams();
  p.sideLayers = 3;
  EXPECT_THROW(validate(p), ParamError);
  p = ciParams();
  p.runFull = p.runProbe = p.runAdapter = p.runLora = p.runLst = false;
  EXPECT_THROW(validate(p), ParamError);
  ParamSet bad{{"steps", std::nan("")}};
  EXPECT_THROW(fromParamSet(bad, sideTuningFields()), ParamError);
  ParamSet unknown{{"nope", 1.0}};
  EXPECT_THROW(fromParamSet(unknown, sideTuningFields()), ParamError);
}

TEST(SideTuning, CancelStopsAndPauseHookStreams) {
  std::atomic<bool> cancel{true};
  RunControl control;
  control.cancel = &cancel;
  EXPECT_THROW(computeSideTuning(ciParams(), control), Cancelled);

  int partials = 0;
  double lastProgress = 0.0;
  SideTuningHooks hooks;
  hooks.onPartial = [&](const SideTuningResult& r) {
    ++partials;
    EXPECT_FALSE(r.finished);
  };
  RunControl progress;
  progress.onProgress = [&](double f) { lastProgress = f; };
  SideTuningParams p = ciParams();
  p.runFull = p.runAdapter = p.runLora = false;
  computeSideTuning(p, progress, hooks);
  // Before pre-training, after each of its 10 steps and after it, then 3 points per method.
  EXPECT_EQ(partials, 1 + 10 + 1 + 2 * 3);
  EXPECT_DOUBLE_EQ(lastProgress, 1.0);
}

TEST(SideTuning, ClueTableHasSuElevenTasks) {
  const auto& rows = suClueResults();
  ASSERT_EQ(rows.size(), 11u);
  EXPECT_EQ(rows[7].task, "cmrc2018");
  EXPECT_DOUBLE_EQ(rows[7].robertaBaseLst, 42.50);
  EXPECT_TRUE(rows[7].mrc);
}

}  // namespace
}  // namespace latentlab::finetune

namespace latentlab::finetune {
namespace {

TEST(SideTuning, DemoPresetHasTheSpecClassesAndCounts) {
  SideTuningParams p;
  p.preset = SidePreset::Demo;
  const ModelConfig c = configFor(p);
  EXPECT_EQ(c.classes, 8);  // C = 8 (task A over K = 8 sources)
  EXPECT_EQ(c.sources, 8);
  EXPECT_EQ(analyticTrainable(TuneMethod::Full, c), 793736);
  EXPECT_EQ(analyticTapeBytes(TuneMethod::Lst, c), 7638144);
  p.task = SideTask::B;
  EXPECT_EQ(configFor(p).classes, 16);  // 16-way symbol prediction
}

}  // namespace
}  // namespace latentlab::finetune
