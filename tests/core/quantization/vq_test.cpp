// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// VQ: tiled nearest-code search vs brute force, k-means, EMA + restart, usage.
#include "latentlab/quantization/vq.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "tests/core/quantization/gaussian_rows.h"

using namespace latentlab;
using namespace latentlab::quantization;

namespace {

using latentlab::quantization::test_data::gaussian;

// An anisotropic 3-D Gaussian with standard deviations (3, 2, 1).
RowMatrixXd anisotropic(Eigen::Index n, std::uint64_t seed) {
  RowMatrixXd x = gaussian(n, 3, seed);
  x.col(0) *= 3.0;
  x.col(1) *= 2.0;
  return x;
}

}  // namespace

TEST(Vq, NearestMatchesBruteForceAcrossTiles) {
  // K = 1500 spans two code tiles, N = 700 three row tiles.
  const RowMatrixXd x = gaussian(700, 5, 1), c = gaussian(1500, 5, 2);
  const NearestResult r = nearestCodes(x, c);
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    Eigen::Index best = 0;
    const double d2 = (c.rowwise() - x.row(i)).rowwise().squaredNorm().minCoeff(&best);
    EXPECT_EQ(r.index[static_cast<std::size_t>(i)], best) << i;
    EXPECT_NEAR(r.distance2(i), d2, 1e-9) << i;
  }
  const NearestResult rf = nearestCodes(RowMatrixXf(x.cast<float>()), RowMatrixXf(c.cast<float>()));
  int same = 0;
  for (std::size_t i = 0; i < rf.index.size(); ++i) same += rf.index[i] == r.index[i];
  EXPECT_GE(same, 695);  // float may flip near-ties only
}

TEST(Vq, DistanceClampedAtZeroAndTiesGoLow) {
  RowMatrixXd c(3, 2);
  c << 1e4, 1e4, 0, 0, 0, 0;
  RowMatrixXd x(1, 2);
  x << 1e4, 1e4;
  const NearestResult r = nearestCodes(x, c);
  EXPECT_EQ(r.index[0], 0);
  EXPECT_GE(r.distance2(0), 0.0);
  RowMatrixXd y(1, 2);
  y << 0, 0;
  EXPECT_EQ(nearestCodes(y, c).index[0], 1);
}

TEST(Vq, BadShapesThrow) {
  EXPECT_THROW(nearestCodes(gaussian(3, 2, 1), RowMatrixXd(0, 2)), ParamError);
  EXPECT_THROW(nearestCodes(gaussian(3, 2, 1), gaussian(3, 3, 1)), ParamError);
  EXPECT_THROW(kmeansPlusPlus(gaussian(3, 2, 1), 4, 1), ParamError);
  EXPECT_THROW(initCodebook(gaussian(3, 2, 1), 0, VqInit::Tiny, 1), ParamError);
}

TEST(Vq, CancelStopsSearch) {
  std::atomic<bool> stop{true};
  RunControl control;
  control.cancel = &stop;
  EXPECT_THROW(nearestCodes(gaussian(600, 2, 1), gaussian(8, 2, 2), control), Cancelled);
}

TEST(Vq, KmeansPlusPlusPicksDistinctDataRowsDeterministically) {
  const RowMatrixXd x = gaussian(500, 3, 7);
  const RowMatrixXd a = kmeansPlusPlus(x, 20, 11), b = kmeansPlusPlus(x, 20, 11);
  EXPECT_EQ(a, b);
  for (Eigen::Index j = 0; j < a.rows(); ++j) {
    EXPECT_NEAR((x.rowwise() - a.row(j)).rowwise().squaredNorm().minCoeff(), 0.0, 0.0);
    for (Eigen::Index i = 0; i < j; ++i) EXPECT_GT((a.row(i) - a.row(j)).squaredNorm(), 0.0);
  }
}

TEST(Vq, LloydDistortionIsNonIncreasing) {
  const RowMatrixXd x = anisotropic(3000, 3);
  for (VqInit init : {VqInit::KmeansPlusPlus, VqInit::DataRows, VqInit::Tiny}) {
    const LloydResult r = lloyd(x, initCodebook(x, 64, init, 5), 20);
    ASSERT_EQ(r.distortion.size(), 21u);
    for (std::size_t t = 1; t < r.distortion.size(); ++t)
      EXPECT_LE(r.distortion[t], r.distortion[t - 1] * (1 + 1e-12)) << "iteration " << t;
    EXPECT_LT(r.distortion.back(), r.distortion.front());
  }
}

TEST(Vq, EmaSpecVectorOneStep) {
  RowMatrixXd code(2, 2), sums(2, 2);
  code << 0, 0, 1, 1;
  sums << 0, 0, 1, 1;
  Eigen::VectorXd counts(2);
  counts << 1, 1;
  EmaOptions opt;
  opt.decay = 0.5;
  opt.smoothing = 0.0;
  EmaCodebook ema(code, counts, sums, opt);
  RowMatrixXd batch(1, 2);
  batch << 2, 2;
  Rng rng(1);
  const std::vector<int> a = ema.step(batch, rng);
  EXPECT_EQ(a, std::vector<int>{1});
  EXPECT_NEAR(ema.counts()(0), 0.5, 1e-15);
  EXPECT_NEAR(ema.counts()(1), 1.0, 1e-15);
  EXPECT_NEAR(ema.sums()(1, 0), 1.5, 1e-15);
  EXPECT_NEAR(ema.codebook()(1, 0), 1.5, 1e-15);
  EXPECT_NEAR(ema.codebook()(1, 1), 1.5, 1e-15);
  EXPECT_NEAR(ema.codebook()(0, 0), 0.0, 1e-15);
}

TEST(Vq, EmaRestartBringsUsageBack) {
  // Tiny init collapses without restarts; restarts restore usage and MSE.
  const RowMatrixXd x = anisotropic(6000, 21);
  auto run = [&](bool restart, double* relMse) {
    EmaOptions opt;
    opt.restart = restart;
    EmaCodebook ema(initCodebook(x, 240, VqInit::Tiny, 3), opt);
    Rng rng(4);
    RowMatrixXd batch(256, 3);
    for (int s = 0; s < 400; ++s) {
      for (int b = 0; b < 256; ++b)
        batch.row(b) = x.row(std::min<Eigen::Index>(5999, static_cast<Eigen::Index>(rng.uniform() * 6000)));
      ema.step(batch, rng);
    }
    const NearestResult nr = nearestCodes(x, ema.codebook());
    const double var = (x.rowwise() - x.colwise().mean()).squaredNorm() / 6000.0;
    *relMse = nr.distance2.mean() / var;
    return usageStatsOf(nr.index, 240);
  };
  double mseNo = 0, mseYes = 0;
  const UsageStats no = run(false, &mseNo), yes = run(true, &mseYes);
  EXPECT_LT(no.used, yes.used);
  EXPECT_LT(no.usage, 0.5);
  EXPECT_GT(yes.usage, 0.9);
  EXPECT_LT(mseYes, mseNo);
}

TEST(Vq, UsageStatsHandComputed) {
  // counts (2, 1, 1, 0): p = (½, ¼, ¼) → H = 1.5 bits, PPL = 2^1.5.
  const UsageStats s = usageStats({2, 1, 1, 0});
  EXPECT_EQ(s.codebookSize, 4);
  EXPECT_EQ(s.used, 3);
  EXPECT_EQ(s.dead, 1);
  EXPECT_DOUBLE_EQ(s.usage, 0.75);
  EXPECT_NEAR(s.entropyBits, 1.5, 1e-15);
  EXPECT_NEAR(s.perplexity, 2.8284271247461903, 1e-12);
  EXPECT_NEAR(s.normalisedEntropy, 0.75, 1e-15);
  const UsageStats u = usageStatsOf({0, 1, 2, 3, 4, 5, 6, 7}, 8);
  EXPECT_NEAR(u.entropyBits, 3.0, 1e-15);
  EXPECT_NEAR(u.perplexity, 8.0, 1e-12);
  EXPECT_THROW(codeCounts({0, 4}, 4), ParamError);
  EXPECT_THROW(codeCounts({-1}, 4), ParamError);
}
