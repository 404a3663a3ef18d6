// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// computeMemoryLab: the paper comparison's acceptance tests, sweeps, fields, bad input.
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/finetune/memory_model.h"

using namespace latentlab;
using namespace latentlab::finetune;

TEST(MemoryLab, PaperAcceptanceTestsPass) {
  const PaperComparison c = comparePaper(0.0, true);
  ASSERT_EQ(c.methods.size(), 6u);
  EXPECT_TRUE(c.orderingOk);
  EXPECT_TRUE(c.ratioOk) << c.lstRatio;
  EXPECT_TRUE(c.deltasOk);
  EXPECT_TRUE(c.absoluteOk);
  // Relative least squares over the six T5-base points (derived here: 2.04 paper GB).
  EXPECT_NEAR(c.fittedOverheadGb, 2.04, 0.01);
  EXPECT_NEAR(c.lstRatio, 0.341, 0.002);
  // Full fine-tuning in paper GB: 16.276e9 B / 1.048576e9.
  EXPECT_NEAR(c.modelGb[0], 16275872832.0 / 1.048576e9, 1e-9);
  // LST saves 12.16 GB (10⁹ B) against full in the model (paper units here).
  EXPECT_NEAR(c.deltaModelGb[5] * 1.048576, 12.14, 0.02);
}

TEST(MemoryLab, WithoutOverheadTheRatioIsBelowThePapersRange) {
  const PaperComparison c = comparePaper(0.0, false);
  EXPECT_NEAR(c.lstRatio, 4.13 / 16.28, 0.003);
  EXPECT_FALSE(c.ratioOk);
}

TEST(MemoryLab, ComputesEveryMethodAndSweep) {
  MemoryLabParams p;
  const MemoryLabResult r = computeMemoryLab(p);
  ASSERT_EQ(r.methods.size(), kAllMethods.size());
  EXPECT_EQ(r.backbone, 222903552);
  EXPECT_EQ(r.keptLayers.size(), 9u);
  EXPECT_NEAR(r.overheadBytes, r.paper.fittedOverheadGb * kPaperGbBytes, 1e-3);
  for (const auto& m : r.methods) EXPECT_NEAR(m.overhead, r.overheadBytes, 0);
  ASSERT_EQ(r.sweepTotal.size(), kAllMethods.size());
  const auto at = std::find(r.sweepX.begin(), r.sweepX.end(), 128.0) - r.sweepX.begin();
  ASSERT_LT(at, static_cast<long>(r.sweepX.size()));
  for (std::size_t i = 0; i < kAllMethods.size(); ++i) {
    EXPECT_DOUBLE_EQ(r.sweepTotal[i][static_cast<std::size_t>(at)], r.methods[i].total());
    for (std::size_t j = 1; j < r.sweepX.size(); ++j)
      EXPECT_GT(r.sweepTotal[i][j], r.sweepTotal[i][j - 1]) << "memory grows with s";
  }
}

TEST(MemoryLab, BatchSweepIncludesTheCurrentBatch) {
  MemoryLabParams p;
  p.sweepAxis = SweepAxis::Batch;
  p.batch = 100;
  const MemoryLabResult r = computeMemoryLab(p);
  EXPECT_NE(std::find(r.sweepX.begin(), r.sweepX.end(), 100.0), r.sweepX.end());
  EXPECT_DOUBLE_EQ(r.sweepAt, 100.0);
}

TEST(MemoryLab, LayerDroppingLowersLstMemoryLinearly) {
  MemoryLabParams p;
  p.lstDrop = LstDrop::Custom;
  double prev = 0.0, step = 0.0;
  for (int k = 1; k <= 3; ++k) {
    p.lstLayers.clear();
    for (int i = 0; i < k; ++i) p.lstLayers.push_back(11 - i);
    const double act = methodMemory(p, Method::Lst).activations;
    if (k == 2) step = act - prev;
    if (k == 3) {
      EXPECT_NEAR(act - prev, step, 1e-6);
    }
    EXPECT_GT(act, prev);
    prev = act;
  }
}

TEST(MemoryLab, EveryPresetOrdersLstBelowFull) {
  const auto specs = specsOf(memoryLabFields());
  const auto& spec = *findField(specs, "model");
  for (const auto& id : spec.choices) {
    MemoryLabParams p = fromParamSet({{"model", id}}, memoryLabFields());
    const MemoryLabResult r = computeMemoryLab(p);
    EXPECT_LT(r.methods[5].total(), r.methods[0].total()) << id;
    EXPECT_LT(r.methods[5].trainable, r.methods[0].trainable) << id;
  }
}

TEST(MemoryLab, BadInputNamesTheKey) {
  MemoryLabParams p;
  p.lstDrop = LstDrop::Custom;
  p.lstLayers = {3, 12};
  try {
    computeMemoryLab(p);
    FAIL() << "layer 12 of a 12-layer stack accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "lst_layers");
  }
  MemoryLabParams q;
  q.lstReduction = 65;
  EXPECT_THROW(validate(q), ParamError);
  EXPECT_THROW(fromParamSet({{"batch", std::nan("")}}, memoryLabFields()), ParamError);
  EXPECT_THROW(fromParamSet({{"lst_r", 0.0}}, memoryLabFields()), ParamError);
  EXPECT_THROW(fromParamSet({{"model", std::string("t5-xxl")}}, memoryLabFields()), ParamError);
}

TEST(MemoryLab, CancelStopsTheSweep) {
  std::atomic<bool> stop{true};
  RunControl control;
  control.cancel = &stop;
  EXPECT_THROW(computeMemoryLab(MemoryLabParams{}, control), Cancelled);
}

TEST(MemoryLab, StaticDataOfSections24And25) {
  ASSERT_EQ(clueResults().size(), 4u);
  ASSERT_EQ(clueTasks().size(), 11u);
  EXPECT_DOUBLE_EQ(clueResults()[2].scores[7], 42.50);  // RoBERTa base + LST, cmrc2018
  EXPECT_DOUBLE_EQ(clueResults()[1].scores[5], 87.50);  // RoBERTa base, wsc
  EXPECT_EQ(paperPoints().size(), 8u);
  EXPECT_DOUBLE_EQ(paperPoints()[0].memoryGb, 17.6);
}
