// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The grid page's computation: fields, validation, determinism, consistency of the panels.
#include "latentlab/quantization/grid_lab.h"

#include <gtest/gtest.h>

#include <any>
#include <atomic>
#include <cmath>
#include <memory>
#include <vector>

using namespace latentlab;
using namespace latentlab::quantization;

namespace {

std::string keyOfError(const GridLabParams& p) {
  try {
    validate(p);
  } catch (const ParamError& e) {
    return e.key();
  }
  return "<no error>";
}

}  // namespace

TEST(GridLab, FieldTableHasEveryKeyWithHelp) {
  const auto specs = specsOf(gridLabFields());
  const std::vector<std::string> keys = {
      "data",      "dims",       "points",     "level1",   "level2",     "level3", "bound",
      "alpha",     "space",      "match_k",    "codebook_size", "vq_method", "vq_init",
      "iterations", "ema_steps", "restart",    "restart_threshold", "precision", "plane",
      "slice",     "seed",       "view",       "shown_step"};
  EXPECT_EQ(specs.size(), keys.size());
  for (const auto& k : keys) {
    const FieldSpec* s = findField(specs, k);
    ASSERT_NE(s, nullptr) << k;
    EXPECT_FALSE(s->help.empty()) << k;
  }
  const GridLabParams p = fromParamSet({{"level1", 5.0}, {"bound", std::string("su_sigmoid")}},
                                       gridLabFields());
  EXPECT_EQ(p.level1, 5);
  EXPECT_EQ(p.bound, FsqBound::SuSigmoid);
  EXPECT_THROW(fromParamSet({{"level1", 2.0}}, gridLabFields()), ParamError);
  EXPECT_THROW(fromParamSet({{"alpha", std::nan("")}}, gridLabFields()), ParamError);
  EXPECT_THROW(fromParamSet({{"nope", 1.0}}, gridLabFields()), ParamError);
}

TEST(GridLab, CrossFieldValidationNamesTheKey) {
  GridLabParams p;
  EXPECT_EQ(keyOfError(p), "<no error>");
  p.dims = 3;
  p.level1 = p.level2 = p.level3 = 32;  // 32768 codes for VQ
  EXPECT_EQ(keyOfError(p), "match_k");
  p.matchK = false;
  p.codebookSize = 4000;
  p.points = 1000;
  EXPECT_EQ(keyOfError(p), "codebook_size");
  p.vqInit = VqInit::Tiny;
  EXPECT_EQ(keyOfError(p), "<no error>");
}

TEST(GridLab, DefaultsAreConsistentAndDeterministic) {
  const GridLabParams p;
  const GridLabResult a = computeGridLab(p), b = computeGridLab(p);
  EXPECT_EQ(a.points, b.points);
  EXPECT_EQ(a.vqIndex, b.vqIndex);
  EXPECT_EQ(a.points.rows(), 2000);
  EXPECT_EQ(a.fsqCounts.size(), 64u);
  EXPECT_EQ(a.vqCounts.size(), 64u);
  EXPECT_EQ(a.fsqUsageGrid.sum(), 2000.0);
  EXPECT_EQ(a.fsqStats.used + a.fsqStats.dead, 64);
  EXPECT_GT(a.vqStats.used, 60);
  // Lloyd + k-means++ beats a fixed grid at equal K on Gaussian points (no trained encoder here).
  EXPECT_LT(a.vqRelMse, a.fsqRelMse);
  EXPECT_EQ(a.vqCurve.size(), 16u);
  EXPECT_NEAR(a.vqCurve.back(), a.vqRelMse, 1e-9);
  EXPECT_EQ(a.voronoi.rows(), kGridImageSize);
  EXPECT_EQ(a.fsqCells.maxCoeff() < 64, true);
  EXPECT_EQ(a.precision.aliasedPoints, 0);
  ASSERT_EQ(a.fsqBoundaries.size(), 2u);
  EXPECT_EQ(a.fsqBoundaries[0].size(), 7u);
  // The Voronoi label of a pixel holding a codeword is that code (labels are exact argmins).
  const GridLabResult c = computeGridLab(GridLabParams{.seed = 2});
  EXPECT_NE(c.points, a.points);
}

TEST(GridLab, AlphaControlsFsqUsage) {
  GridLabParams lo;
  lo.alpha = 0.1;
  GridLabParams hi;
  hi.alpha = 1.0;
  EXPECT_LT(computeGridLab(lo).fsqStats.used, computeGridLab(hi).fsqStats.used);
}

TEST(GridLab, ThreeDBf16ShowsAliasedCodes) {
  GridLabParams p;
  p.dims = 3;
  p.level1 = p.level2 = p.level3 = 8;  // 512 codes: indices above 256 lose bits in bf16
  p.precision = Precision::Bf16;
  p.plane = GridPlane::X1X3;
  const GridLabResult r = computeGridLab(p);
  EXPECT_EQ(r.planeA, 0);
  EXPECT_EQ(r.planeB, 2);
  EXPECT_GT(r.precision.aliasedPoints, 0);
  EXPECT_FALSE(r.precision.aliasedCodes.empty());
  EXPECT_LT(r.naiveStats.used, r.fsqStats.used);
  EXPECT_EQ(r.fsqUsageGrid.rows(), 8);
}

TEST(GridLab, EmaTinyInitCollapsesAndRestartFixesIt) {
  GridLabParams p;
  p.vqMethod = VqMethod::Ema;
  p.vqInit = VqInit::Tiny;
  p.restart = false;
  const GridLabResult no = computeGridLab(p);
  p.restart = true;
  const GridLabResult yes = computeGridLab(p);
  EXPECT_LT(no.vqStats.used, yes.vqStats.used);
  EXPECT_GT(yes.vqRestarts, 0);
  EXPECT_EQ(no.vqRestarts, 0);
  EXPECT_LT(yes.vqRelMse, no.vqRelMse);
}

TEST(GridLab, EveryDataSetAndBoundRuns) {
  for (GridData d : {GridData::Gaussian, GridData::Mixture, GridData::Ring})
    for (FsqBound b : {FsqBound::Tanh, FsqBound::PaperTan, FsqBound::SuSigmoid}) {
      GridLabParams p;
      p.data = d;
      p.bound = b;
      p.points = 300;
      const GridLabResult r = computeGridLab(p);
      EXPECT_EQ(r.fsqStats.used + r.fsqStats.dead, 64);
      EXPECT_TRUE(r.xMin < r.xMax && r.yMin < r.yMax);
    }
}

TEST(GridLab, CancelThrows) {
  std::atomic<bool> stop{true};
  RunControl c;
  c.cancel = &stop;
  EXPECT_THROW(computeGridLab(GridLabParams{}, c), Cancelled);
}

// With a listener, the FSQ half comes first and equals the final FSQ half; VQ is still empty.
TEST(GridLab, TheFsqHalfArrivesBeforeVqAndMatchesTheResult) {
  GridLabParams p;
  p.points = 600;
  std::vector<std::shared_ptr<const GridLabResult>> snapshots;
  RunControl control;
  control.onPartial = [&snapshots](std::any s) {
    snapshots.push_back(std::any_cast<std::shared_ptr<const GridLabResult>>(std::move(s)));
  };
  const GridLabResult r = computeGridLab(p, control);
  ASSERT_EQ(snapshots.size(), 1u);
  const GridLabResult& fsqHalf = *snapshots.front();
  EXPECT_TRUE(fsqHalf.partial);
  EXPECT_FALSE(r.partial);
  EXPECT_EQ(fsqHalf.fsqIndex, r.fsqIndex);
  EXPECT_EQ(fsqHalf.fsqCounts, r.fsqCounts);
  EXPECT_TRUE(fsqHalf.points == r.points);
  EXPECT_EQ(fsqHalf.fsqCells.size(), r.fsqCells.size());
  EXPECT_TRUE(fsqHalf.codebook.size() == 0 && fsqHalf.history.empty() && fsqHalf.vqIndex.empty());
  EXPECT_GT(r.codebook.rows(), 0);
}
