// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The grid page's utilisation sweep: levels per budget, fitted vs held-out usage.
#include "latentlab/quantization/grid_sweep.h"

#include <gtest/gtest.h>

#include <atomic>

using namespace latentlab;
using namespace latentlab::quantization;

TEST(GridSweep, LevelsUseThePaperTupleWhenItsLengthIsD) {
  bool preset = false;
  EXPECT_EQ(sweepLevels(4, 2, &preset), (std::vector<int>{5, 3}));  // App. A.4.1
  EXPECT_TRUE(preset);
  EXPECT_EQ(sweepLevels(8, 3, &preset), (std::vector<int>{8, 6, 5}));  // Table 1
  EXPECT_TRUE(preset);
  EXPECT_EQ(sweepLevels(10, 2, &preset), (std::vector<int>{32, 32}));
  EXPECT_FALSE(preset);
  EXPECT_EQ(sweepLevels(5, 2, &preset), (std::vector<int>{8, 4}));  // 2^5: the odd bit goes first
  EXPECT_EQ(sweepLevels(16, 3, &preset), (std::vector<int>{64, 32, 32}));
  EXPECT_EQ(sweepLevels(4, 3, &preset), (std::vector<int>{4, 3, 3}));  // FSQ needs L ≥ 3
  EXPECT_THROW(sweepLevels(8, 0), ParamError);
}

TEST(GridSweep, UsageFallsWithKAndHeldOutVqUsageDropsOnceKNearsTheFitHalf) {
  GridLabParams p;  // 2000 Gaussian points in 2-D
  const RowMatrixXd x = makeGridPoints(p.data, p.dims, p.points, p.seed);
  const GridSweepResult r = computeGridSweep(x, p);
  ASSERT_EQ(r.points.size(), 7u);
  EXPECT_EQ(r.fitPoints, 1000);
  EXPECT_EQ(r.heldOutPoints, 1000);
  EXPECT_EQ(r.points.front().log2Target, 4);
  EXPECT_EQ(r.points.back().log2Target, 16);
  EXPECT_EQ(r.points.front().fsqCodes, 15);  // [5, 3]
  EXPECT_EQ(r.points.back().fsqCodes, 65536);
  EXPECT_EQ(r.points.back().vqCodes, 1000);  // capped at the fit half
  // 1000 points can use at most 1000 of 65536 FSQ codes.
  EXPECT_LE(r.points.back().fsqUsage, 1000.0 / 65536.0);
  EXPECT_LT(r.points.back().fsqUsage, r.points.front().fsqUsage);
  // At K = 1000 every fitted point owns a code; the held-out half leaves many unused.
  EXPECT_DOUBLE_EQ(r.points.back().vqUsage, 1.0);
  EXPECT_LT(r.points.back().vqHeldOutUsage, 0.9);
  // More codes, less distortion (held out) at small K.
  EXPECT_GT(r.points[2].vqSnrDb, r.points[0].vqSnrDb);
  EXPECT_GT(r.points[2].fsqSnrDb, r.points[0].fsqSnrDb);
  // k-means beats the fixed grid at equal K on Gaussian points (without a trained encoder).
  EXPECT_GT(r.points[1].vqSnrDb, r.points[1].fsqSnrDb);
  // Deterministic.
  const GridSweepResult again = computeGridSweep(x, p);
  EXPECT_EQ(again.points[3].vqHeldOutUsage, r.points[3].vqHeldOutUsage);
  EXPECT_EQ(again.points[3].fsqSnrDb, r.points[3].fsqSnrDb);
}

TEST(GridSweep, ThreeDimensionsRunEveryBudget) {
  GridLabParams p;
  p.dims = 3;
  const RowMatrixXd x = makeGridPoints(GridData::Mixture, 3, 600, p.seed);
  const GridSweepResult r = computeGridSweep(x, p);
  ASSERT_EQ(r.points.size(), 7u);
  EXPECT_EQ(r.points[0].fsqCodes, 36);
  EXPECT_TRUE(r.points[2].preset);  // 2^8 → [8, 6, 5]
  EXPECT_EQ(r.points[2].fsqCodes, 240);
  for (const auto& pt : r.points) {
    EXPECT_LE(pt.vqCodes, 300);
    EXPECT_GE(pt.vqHeldOutUsage, 0.0);
    EXPECT_LE(pt.vqHeldOutUsage, 1.0);
  }
}

TEST(GridSweep, CancelAndTooFewPoints) {
  GridLabParams p;
  const RowMatrixXd x = makeGridPoints(p.data, p.dims, 200, p.seed);
  std::atomic<bool> stop{true};
  RunControl c;
  c.cancel = &stop;
  EXPECT_THROW(computeGridSweep(x, p, c), Cancelled);
  EXPECT_THROW(computeGridSweep(x.topRows(3), p), ParamError);
}
