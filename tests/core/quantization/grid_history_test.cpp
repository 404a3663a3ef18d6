// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The grid page's training history (step/play), restart threshold and image-patch
// points.
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/common/rng.h"
#include "latentlab/quantization/grid_lab.h"

using namespace latentlab;
using namespace latentlab::quantization;

namespace {

// A smooth colour gradient with seeded noise: patches with a few dominant PCA directions.
ImageData texture(int rows, int cols, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<Eigen::MatrixXf> planes(3, Eigen::MatrixXf(rows, cols));
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      const double base = 0.5 + 0.3 * std::sin(0.2 * r) * std::cos(0.15 * c);
      for (int ch = 0; ch < 3; ++ch)
        planes[static_cast<std::size_t>(ch)](r, c) =
            static_cast<float>(base + 0.05 * ch + 0.05 * rng.normal());
    }
  return imageFromPlanes(std::move(planes));
}

std::string keyOf(const auto& call) {
  try {
    call();
  } catch (const ParamError& e) {
    return e.key();
  }
  return "<no error>";
}

}  // namespace

TEST(GridHistory, LloydKeepsEveryIterationAndReplaysItsDistortion) {
  GridLabParams p;  // Lloyd, 15 iterations, K = 64
  const GridLabResult r = computeGridLab(p);
  ASSERT_EQ(r.history.size(), 16u);
  ASSERT_EQ(r.historyStep.size(), 16u);
  EXPECT_EQ(r.historyStep.front(), 0);
  EXPECT_EQ(r.historyStep.back(), 15);
  EXPECT_EQ(r.shownIndex, 15);  // the default shows the final codebook
  // Snapshot 0 is the k-means++ init itself (seed + 1, as computeGridLab draws it).
  EXPECT_EQ(r.history.front(), initCodebook(r.points, 64, VqInit::KmeansPlusPlus, p.seed + 1));
  for (int t : {0, 1, 7, 15}) {
    GridLabResult shown = r;
    showVqStep(shown, t);
    EXPECT_EQ(shown.shownIndex, t);
    // The replayed codebook's rel. MSE is the curve's value at that iteration.
    EXPECT_NEAR(shown.vqRelMse, r.vqCurve[static_cast<std::size_t>(t)], 1e-9) << t;
    EXPECT_EQ(shown.vqStats.codebookSize, 64);
  }
  // Past the end clamps to the last snapshot; the shown_step param gives the same frame.
  GridLabResult late = r;
  showVqStep(late, 400);
  EXPECT_EQ(late.codebook, r.codebook);
  p.shownStep = 3;
  const GridLabResult three = computeGridLab(p);
  EXPECT_EQ(three.shownIndex, 3);
  EXPECT_EQ(three.codebook, r.history[3]);
  EXPECT_GT(three.vqRelMse, r.vqRelMse);  // 3 iterations are worse than 15 here
}

TEST(GridHistory, EmaSnapshotsEveryTenStepsFromTheInit) {
  GridLabParams p;
  p.vqMethod = VqMethod::Ema;
  p.emaSteps = 35;
  const GridLabResult r = computeGridLab(p);
  const std::vector<int> expected = {0, 10, 20, 30, 35};
  EXPECT_EQ(r.historyStep, expected);
  EXPECT_EQ(r.vqCurve.size(), 4u);  // one value per snapshot after the init
  GridLabResult at = r;
  showVqStep(at, 25);  // between snapshots: the last one at or before step 25
  EXPECT_EQ(at.shownIndex, 2);
  EXPECT_NEAR(at.vqRelMse, r.vqCurve[1], 1e-9);
}

TEST(GridHistory, TinyInitStartsCollapsedAndTheThresholdSetsHowManyRestart) {
  GridLabParams p;
  p.vqMethod = VqMethod::Ema;
  p.vqInit = VqInit::Tiny;
  p.shownStep = 0;
  const GridLabResult start = computeGridLab(p);
  // All 64 tiny codes sit within ~0.05 of the origin: few of them own any point at step 0.
  EXPECT_LT(start.vqStats.used, 20);
  p.shownStep = kGridLastStep;
  p.restartThreshold = 0.001;
  const GridLabResult strict = computeGridLab(p);
  p.restartThreshold = 1.0;
  const GridLabResult loose = computeGridLab(p);
  EXPECT_GT(loose.vqRestarts, strict.vqRestarts);
  EXPECT_GT(loose.vqStats.used, start.vqStats.used);
}

TEST(GridPatches, WhitenedComponentsOfEveryPatch) {
  const ImageData img = texture(64, 80, 3);  // 16 × 20 = 320 patches of 4×4
  std::vector<std::string> notes;
  const RowMatrixXd x = makePatchPoints(img, 3, 5000, 1, &notes);
  ASSERT_EQ(x.rows(), 320);  // capped at the patch count, with a note saying so
  ASSERT_EQ(x.cols(), 3);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("320"), std::string::npos);
  // All patches taken: each whitened component has mean 0 and population variance 1.
  for (int j = 0; j < 3; ++j) {
    const double mean = x.col(j).mean();
    EXPECT_NEAR(mean, 0.0, 1e-9) << j;
    EXPECT_NEAR((x.col(j).array() - mean).square().mean(), 1.0, 1e-9) << j;
  }
  // Components are uncorrelated.
  EXPECT_NEAR(x.col(0).dot(x.col(1)) / 320.0, 0.0, 1e-9);
}

TEST(GridPatches, SubsampleIsSeededAndDistinct) {
  const ImageData img = texture(64, 80, 3);
  const RowMatrixXd a = makePatchPoints(img, 2, 150, 7), b = makePatchPoints(img, 2, 150, 7);
  const RowMatrixXd c = makePatchPoints(img, 2, 150, 8);
  EXPECT_EQ(a.rows(), 150);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  std::vector<std::string> notes;
  makePatchPoints(img, 2, 150, 7, &notes);
  EXPECT_TRUE(notes.empty());
}

TEST(GridPatches, BadImagesGiveParamErrorsNotCrashes) {
  const ImageData tiny = texture(8, 8, 1);  // 4 patches
  EXPECT_EQ(keyOf([&] { makePatchPoints(tiny, 2, 500, 1); }), "data");
  const ImageData line = imageFromPlanes({Eigen::MatrixXf::Constant(1, 900, 0.5f)});  // 225 patches
  EXPECT_EQ(keyOf([&] { makePatchPoints(line, 2, 500, 1); }), "<no error>");
  // All black: every component is flat, the points are all zero, and the page still computes.
  const ImageData black = imageFromPlanes({Eigen::MatrixXf::Zero(48, 48)});
  const RowMatrixXd z = makePatchPoints(black, 2, 500, 1);
  EXPECT_EQ(z.rows(), 144);
  EXPECT_EQ(z.cwiseAbs().maxCoeff(), 0.0);
  GridLabParams p;
  p.data = GridData::ImagePatches;
  EXPECT_NO_THROW(computeGridLab(p, &black));
  EXPECT_EQ(keyOf([&] { computeGridLab(p, nullptr); }), "data");
  EXPECT_EQ(keyOf([&] { makeGridPoints(GridData::ImagePatches, 2, 100, 1); }), "data");
}

TEST(GridPatches, PageComputesOnImagePatchesAndChecksKAgainstTheCappedN) {
  const ImageData img = texture(64, 80, 3);
  GridLabParams p;
  p.data = GridData::ImagePatches;
  p.dims = 3;
  const GridLabResult r = computeGridLab(p, &img);  // K = 8·8·5 = 320 = the patch count
  EXPECT_EQ(r.points.rows(), 320);
  EXPECT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.fsqUsageGrid.sum(), 320.0);
  p.level3 = 6;  // K = 384 > 320 patches
  EXPECT_EQ(keyOf([&] { computeGridLab(p, &img); }), "points");
}
