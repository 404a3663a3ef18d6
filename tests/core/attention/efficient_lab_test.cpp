// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "latentlab/attention/efficient_lab.h"
#include "tests/core/collect_partials.h"

using namespace latentlab;
using namespace latentlab::attention;

TEST(EfficientLab, DefaultsGiveConsistentMapsAndErrors) {
  const auto r = computeEfficientLab(EfficientLabParams{});
  ASSERT_EQ(r.shown, 256);
  ASSERT_EQ(r.exactMap.rows(), 256);
  ASSERT_EQ(r.exactMap.cols(), 256);
  for (int i = 0; i < 256; ++i) {
    EXPECT_NEAR(r.exactMap.row(i).sum(), 1.0, 1e-12);
    EXPECT_NEAR(r.performerMap.row(i).sum(), 1.0, 1e-12);
    EXPECT_NEAR(r.vqMap.row(i).sum(), 1.0, 1e-12);
  }
  EXPECT_LT(r.vqLinearVsQuadratic, 1e-12);
  EXPECT_GT(r.performerErrorO, 0.0);
  EXPECT_LT(r.performerErrorO, 0.5);
  EXPECT_GT(r.vqErrorA, 0.0);
  EXPECT_LT(r.vqErrorA, 1.0);
  EXPECT_EQ(r.negativeEntries, 0);  // positive features
  EXPECT_NEAR(r.keySoftOverFeatures.sum(), 1.0, 1e-12);
  EXPECT_NEAR(r.keySoftOverCodes.sum(), 1.0, 1e-12);
  EXPECT_EQ(r.keySoftOverCodes.size(), 32);
  EXPECT_TRUE(r.mGrid.empty()) << "sweeps run only for their views";
}

TEST(EfficientLab, SameParamsSameNumbers) {
  EfficientLabParams p;
  p.causal = true;
  const auto a = computeEfficientLab(p);
  const auto b = computeEfficientLab(p);
  EXPECT_EQ((a.performerMap - b.performerMap).cwiseAbs().maxCoeff(), 0.0);
  EXPECT_EQ(a.vqErrorO, b.vqErrorO);
  p.featureSeed = 2;
  EXPECT_NE(computeEfficientLab(p).performerErrorO, a.performerErrorO);
}

TEST(EfficientLab, FeatureSweepFallsWithM) {
  EfficientLabParams p;
  p.view = EfficientView::Features;
  p.n = 64;
  const auto r = computeEfficientLab(p);
  ASSERT_EQ(r.mGrid.front(), 4);
  ASSERT_EQ(r.mGrid.back(), 1024);
  ASSERT_EQ(r.featureCurves.size(), 2u);
  EXPECT_EQ(r.featureCurves[0].projection, Projection::Iid);
  EXPECT_EQ(r.featureCurves[1].projection, Projection::Orthogonal);
  for (const auto& c : r.featureCurves) {
    ASSERT_EQ(c.medianO.size(), r.mGrid.size());
    ASSERT_EQ(c.medianA.size(), r.mGrid.size());
    for (std::size_t i = 0; i < r.mGrid.size(); ++i) {
      EXPECT_LE(c.lowO[i], c.medianO[i]);
      EXPECT_GE(c.highO[i], c.medianO[i]);
      EXPECT_LE(c.lowA[i], c.medianA[i]);
      EXPECT_GE(c.highA[i], c.medianA[i]);
    }
    // 256× more features: at least 8× smaller median error (m^{−1/2} predicts 16×).
    EXPECT_GT(c.medianO.front() / c.medianO.back(), 8.0);
    EXPECT_GT(c.medianA.front() / c.medianA.back(), 8.0);
  }
}

TEST(EfficientLab, CodebookSweepEndsExactAtSEqualsN) {
  EfficientLabParams p;
  p.view = EfficientView::Codebook;
  p.n = 48;
  p.codebookSize = 16;
  p.block = 8;
  p.causal = true;
  const auto r = computeEfficientLab(p);
  ASSERT_EQ(r.sGrid.back(), 48);
  EXPECT_LT(r.sErrorO.back(), 1e-12);
  EXPECT_EQ(r.sKeyError.back(), 0.0);
  EXPECT_GT(r.sErrorO.front(), 0.05);
  EXPECT_LT(r.vqLinearVsQuadratic, 1e-12);
}

TEST(EfficientLab, CrossFieldErrorsNameTheKey) {
  EfficientLabParams p;
  p.n = 16;
  try {
    validate(p);  // codebook_size 32 > n = 16
    FAIL();
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "codebook_size");
    EXPECT_NE(std::string(e.what()).find("n = 16"), std::string::npos);
  }
  p.codebookSize = 8;
  p.keyIndex = 16;
  EXPECT_THROW(validate(p), ParamError);
  p.keyIndex = 0;
  p.block = 17;
  EXPECT_THROW(validate(p), ParamError);
  p.block = 4;
  p.cacheBlock = 4;  // ⌈16/4⌉ = 4 blocks: 0…3
  try {
    validate(p);
    FAIL();
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "cache_block");
  }
  p.cacheBlock = 3;
  EXPECT_NO_THROW(validate(p));
  p.cellI = 16;
  try {
    validate(p);
    FAIL();
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "cell_i");
  }
  p.cellI = 0;
  p.cellJ = 99;
  EXPECT_THROW(validate(p), ParamError);
  ParamSet bad{{"sigma", std::nan("")}};
  EXPECT_THROW(fromParamSet(bad, efficientLabFields()), ParamError);
  EXPECT_THROW(fromParamSet(ParamSet{{"feature", std::string("hyp")}}, efficientLabFields()),
               ParamError);
}

TEST(EfficientLab, CrossoverInterpolatesInLogLog) {
  const std::vector<int> sizes{256, 512, 1024, 2048};
  Eigen::VectorXd exact(4), other(4), never(4);
  exact << 1.0, 4.0, 16.0, 64.0;
  other << 4.0, 8.0, 16.0 * 0.5, 32.0;  // ratio 4, 2, 0.5: crosses between 512 and 1024
  never << 2.0, 8.0, 32.0, 128.0;
  // log ratio goes ln 2 → −ln 2, so the crossing is halfway in log n: √(512·1024).
  EXPECT_NEAR(crossover(sizes, exact, other), std::sqrt(512.0 * 1024.0), 1e-9);
  EXPECT_TRUE(std::isnan(crossover(sizes, exact, never)));
}

TEST(EfficientLab, TimingMeasuresEveryCell) {
  TimingParams tp;
  tp.sizes = {64, 128};
  tp.d = 8;
  tp.m = 16;
  tp.codebookSize = 32;
  tp.budgetMsPerCell = 1.0;
  const auto t = measureTiming(tp);
  ASSERT_EQ(t.medianMs.cols(), 2);
  EXPECT_TRUE(t.medianMs.allFinite());
  EXPECT_GT(t.medianMs.minCoeff(), 0.0);
  EXPECT_DOUBLE_EQ(t.flops(0, 1), 4.0 * 128 * 128 * 8 + 128.0 * 128);
  EXPECT_GT(t.msPerGflop, 0.0);
}

// With a listener and the Maps view, the maps come first, before the analogy's numbers, and equal
// the final ones; the slower views get no snapshot (theirs would be missing what they show).
TEST(EfficientLabPartial, TheMapsArriveBeforeTheAnalogyAndMatchTheResult) {
  EfficientLabParams p;
  p.n = 64;
  std::vector<EfficientLabResult> snapshots;
  const RunControl control = latentlab::testing::collectPartials(snapshots);
  const auto r = computeEfficientLab(p, control);
  ASSERT_EQ(snapshots.size(), 1u);
  const auto& maps = snapshots.front();
  EXPECT_TRUE(maps.partial);
  EXPECT_FALSE(r.partial);
  EXPECT_TRUE(maps.exactMap == r.exactMap);
  EXPECT_TRUE(maps.performerMap == r.performerMap);
  EXPECT_TRUE(maps.vqMap == r.vqMap);
  EXPECT_EQ(maps.performerErrorO, r.performerErrorO);
  EXPECT_EQ(maps.vqErrorO, r.vqErrorO);
  EXPECT_EQ(maps.codes, r.codes);
  EXPECT_TRUE(maps.tauGrid.empty());
  EXPECT_EQ(r.tauGrid.size(), 9u);
  EXPECT_EQ(maps.keySoftOverFeatures.size(), 0);

  snapshots.clear();
  p.view = EfficientView::Analogy;
  computeEfficientLab(p, control);
  EXPECT_TRUE(snapshots.empty());
}
