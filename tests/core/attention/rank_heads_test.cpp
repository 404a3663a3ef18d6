// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The mixed forward/backward heads' maps (each head triangular, so full rank), and the maps-first
// snapshot the page shows while the SVDs run.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "latentlab/attention/attention_rank.h"
#include "tests/core/collect_partials.h"

using namespace latentlab;
using namespace latentlab::attention;

TEST(RankHeads, EveryHeadIsTriangularWithItsExactLogDet) {
  AttentionRankParams p;
  p.n = 48;
  p.d = 6;
  p.prefix = 8;
  p.heads = 5;
  p.view = RankView::Heads;
  const auto r = computeAttentionRank(p);
  ASSERT_EQ(r.mixed.maps.size(), 5u);
  for (std::size_t h = 0; h < 5; ++h) {
    const Eigen::MatrixXd& a = r.mixed.maps[h];
    ASSERT_EQ(a.rows(), 48);
    ASSERT_EQ(a.cols(), 48);
    const bool forward = 2 * static_cast<int>(h) < 5;  // heads 0…2 causal, 3…4 backward
    EXPECT_EQ(r.mixed.forward[h], forward) << h;
    double logDet = 0.0;
    for (int i = 0; i < 48; ++i) {
      EXPECT_NEAR(a.row(i).sum(), 1.0, 1e-12);
      EXPECT_GT(a(i, i), 0.0);
      logDet += std::log(a(i, i));
      for (int j = 0; j < 48; ++j)
        if (forward ? j > i : j < i) {
          EXPECT_EQ(a(i, j), 0.0) << h << " " << i << " " << j;
        }
    }
    // The diagonal formula on the logits equals Σ ln A_ii of the map itself.
    EXPECT_NEAR(r.mixed.logDet[h], logDet, 1e-9 * std::abs(logDet));
    EXPECT_GT(r.mixed.minDiagonal[h], 0.0);
  }
  // Gaussian heads use their own Q, K: two forward heads differ.
  EXPECT_GT((r.mixed.maps[0] - r.mixed.maps[1]).cwiseAbs().maxCoeff(), 1e-3);
}

TEST(RankHeads, MapsOnlyForTheHeadsViewAndCappedInSize) {
  AttentionRankParams p;
  p.n = 300;
  p.d = 4;
  p.heads = 2;
  EXPECT_TRUE(computeAttentionRank(p).mixed.maps.empty());
  p.view = RankView::Heads;
  const auto r = computeAttentionRank(p);
  ASSERT_EQ(r.mixed.maps.size(), 2u);
  EXPECT_EQ(r.mixed.maps[0].rows(), kHeadMapLimit);
  EXPECT_EQ(r.mixed.maps[0].cols(), kHeadMapLimit);
  // Backward head: row 0 of the block is row 0 of the full map (all n = 300 keys), so it sums to
  // less than 1 inside the 256-key block.
  EXPECT_LT(r.mixed.maps[1].row(0).sum(), 1.0);
  EXPECT_NEAR(r.mixed.maps[0].row(0).sum(), 1.0, 1e-12);  // causal row 0: key 0 only
}

// With a listener, the four matrices come first, without their SVDs, and equal the final ones.
TEST(RankPartial, TheMatricesArriveBeforeTheirSpectraAndMatchTheResult) {
  AttentionRankParams p;
  p.n = 40;
  p.d = 4;
  std::vector<AttentionRankResult> snapshots;
  const RunControl control = latentlab::testing::collectPartials(snapshots);
  const auto r = computeAttentionRank(p, control);
  ASSERT_EQ(snapshots.size(), 1u);
  const auto& maps = snapshots.front();
  EXPECT_FALSE(maps.metricsReady);
  EXPECT_TRUE(r.metricsReady);
  for (std::size_t m = 0; m < 4; ++m) {
    EXPECT_EQ(maps.metrics[m].sigma.size(), 0) << m;
    EXPECT_EQ(r.metrics[m].sigma.size(), 40) << m;
    EXPECT_EQ(maps.masks[m].kind, r.masks[m].kind) << m;
    EXPECT_TRUE(maps.matrices[m] == r.matrices[m]) << m;
  }
  // Without a listener there is no snapshot to build.
  EXPECT_TRUE(computeAttentionRank(p).metricsReady);
}
