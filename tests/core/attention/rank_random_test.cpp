// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Random Q, K: the SplitMix64 generator and the seeded cases (d = 4, τ = 1, seed 7).
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/attention/attention_rank.h"

using namespace latentlab;
using namespace latentlab::attention;

namespace {

AttentionRankParams gaussian(int n, int d, double tau, std::uint64_t seed) {
  AttentionRankParams p;
  p.n = n;
  p.d = d;
  p.tau = tau;
  p.seed = seed;
  p.prefix = 0;
  p.svd = SvdEngine::Jacobi;
  return p;
}

const MatrixMetrics& metricsOf(const AttentionRankResult& r, MaskKind k) {
  for (std::size_t i = 0; i < kRankMasks.size(); ++i)
    if (kRankMasks[i] == k) return r.metrics[i];
  return r.metrics[0];
}

}  // namespace

TEST(RankRandom, SplitMix64Outputs) {
  SplitMixNormal g(0);
  EXPECT_EQ(g.nextU64(), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(g.nextU64(), 0x6E789E6AA1B965F4ULL);
  EXPECT_EQ(g.nextU64(), 0x06C45D188009454FULL);
}

TEST(RankRandom, SplitMix64Normals) {
  SplitMixNormal g(42);
  const double expected[] = {0.882248906222269, -0.450849875718860, 0.188352634115932,
                             0.219586379190761};
  for (double e : expected) EXPECT_NEAR(g.normal(), e, 1e-14);
}

TEST(RankRandom, SeedOneCase) {
  const auto p = gaussian(8, 2, 1.0, 1);
  const QkPair qk = makeQk(p);
  EXPECT_NEAR(qk.q(0, 0), -0.034267321791851, 1e-14);
  EXPECT_NEAR(qk.q(0, 1), -2.500067493369868, 1e-14);
  EXPECT_NEAR(qk.k(0, 0), -0.933071386015658, 1e-14);
  EXPECT_NEAR(qk.k(0, 1), -0.750952043465812, 1e-14);
  const auto r = computeAttentionRank(p);
  EXPECT_NEAR(r.maxLogit, 3.1822, 1e-4);
  const auto& b = metricsOf(r, MaskKind::Bidirectional);
  EXPECT_NEAR(b.sigma(0), 1.140318, 1e-6);
  EXPECT_NEAR(b.sigma(1), 0.681363, 1e-6);
  EXPECT_NEAR(b.sigmaMin, 5.851e-4, 1e-7);
  EXPECT_EQ(numericalRank(b.sigma, 1e-6), 8);
  EXPECT_NEAR(b.erank, 3.4432, 1e-4);
  EXPECT_NEAR(b.stableRank, 1.4308, 1e-4);
  const auto& c = metricsOf(r, MaskKind::Causal);
  EXPECT_NEAR(c.sigmaMin, 6.4978e-2, 1e-6);
  EXPECT_NEAR(c.logDet, -9.048977, 1e-6);
  EXPECT_NEAR(c.erank, 5.7892, 1e-4);
}

TEST(RankRandom, SeedSevenCases) {
  {
    const auto r = computeAttentionRank(gaussian(32, 4, 1.0, 7));
    const auto& b = metricsOf(r, MaskKind::Bidirectional);
    const auto& c = metricsOf(r, MaskKind::Causal);
    EXPECT_NEAR(b.erank, 10.0640, 1e-4);
    EXPECT_NEAR(b.stableRank, 2.1580, 1e-4);
    EXPECT_EQ(numericalRank(b.sigma, 1e-3), 26);
    EXPECT_NEAR(c.erank, 13.4088, 1e-4);
    EXPECT_NEAR(c.logDet, -105.190616, 1e-6);
    EXPECT_NEAR(c.sigmaMin, 1.94e-9, 0.01e-9);
    EXPECT_EQ(numericalRank(c.sigma, 1e-3), 29);
  }
  {
    const auto r = computeAttentionRank(gaussian(32, 4, 0.25, 7));
    const auto& b = metricsOf(r, MaskKind::Bidirectional);
    const auto& c = metricsOf(r, MaskKind::Causal);
    EXPECT_NEAR(b.erank, 3.8383, 1e-4);
    EXPECT_EQ(numericalRank(b.sigma, 1e-6), 31);
    EXPECT_NEAR(c.logDet, -84.847191, 1e-6);
    EXPECT_NEAR(c.sigmaMin, 4.2270e-3, 1e-7);
    EXPECT_NEAR(c.erank, 13.1810, 1e-4);
  }
  {
    const auto r = computeAttentionRank(gaussian(32, 4, 4.0, 7));
    const auto& b = metricsOf(r, MaskKind::Bidirectional);
    const auto& c = metricsOf(r, MaskKind::Causal);
    EXPECT_NEAR(b.erank, 12.0980, 1e-4);
    EXPECT_NEAR(c.logDet, -256.126317, 1e-6);
    // σ_min ≈ 1.7e-21 is below the reliability floor: flagged, and the strict rank drops.
    EXPECT_TRUE(c.unreliable);
    EXPECT_LT(numericalRank(c.sigma, 1e-10), 32);
    EXPECT_TRUE(std::isfinite(c.logDet));
  }
  {
    const auto r = computeAttentionRank(gaussian(64, 8, 1.0, 7));
    const auto& b = metricsOf(r, MaskKind::Bidirectional);
    const auto& c = metricsOf(r, MaskKind::Causal);
    EXPECT_NEAR(b.erank, 26.3816, 1e-4);
    EXPECT_EQ(numericalRank(b.sigma, 1e-3), 60);
    EXPECT_NEAR(c.erank, 28.9487, 1e-4);
    EXPECT_NEAR(c.logDet, -217.685663, 1e-6);
    EXPECT_EQ(numericalRank(c.sigma, 1e-3), 59);
    EXPECT_LT(c.sigmaMin, 1e-13);  // ≈ 2.9e-15, at noise level
  }
  {
    const auto r = computeAttentionRank(gaussian(64, 64, 1.0, 7));
    const auto& b = metricsOf(r, MaskKind::Bidirectional);
    const auto& c = metricsOf(r, MaskKind::Causal);
    EXPECT_NEAR(b.erank, 40.5968, 1e-4);
    EXPECT_NEAR(c.erank, 32.1859, 1e-4);
    EXPECT_NEAR(c.logDet, -221.764986, 1e-6);
    EXPECT_GT(b.erank, c.erank);  // qualification: d ≈ n
  }
}

TEST(RankRandom, NSweepRegression) {
  // Reference sweep (d = 4, τ = 1, seed 7): ranks ±1, erank 1e-4.
  const int ns[] = {16, 32, 64, 128};
  const int rankBi[] = {16, 26, 44, 64}, rankC[] = {15, 29, 59, 118};
  const double erBi[] = {7.78, 10.06, 14.90, 21.27}, erC[] = {8.18, 13.41, 24.22, 43.15};
  for (int i = 0; i < 4; ++i) {
    const auto r = computeAttentionRank(gaussian(ns[i], 4, 1.0, 7));
    const auto& b = metricsOf(r, MaskKind::Bidirectional);
    const auto& c = metricsOf(r, MaskKind::Causal);
    EXPECT_NEAR(numericalRank(b.sigma, 1e-3), rankBi[i], 1) << ns[i];
    EXPECT_NEAR(numericalRank(c.sigma, 1e-3), rankC[i], 1) << ns[i];
    // Printed to 2 decimals (21.2648 is printed as 21.27, so the table rounds half-way values up).
    EXPECT_NEAR(b.erank, erBi[i], 1e-2) << ns[i];
    EXPECT_NEAR(c.erank, erC[i], 1e-2) << ns[i];
  }
}

TEST(RankRandom, SweepAlongNMatchesSingleComputes) {
  auto p = gaussian(64, 4, 1.0, 7);
  p.autoTolerance = false;
  p.tolerance = 1e-3;
  p.sweepAxis = SweepAxis::N;
  p.svd = SvdEngine::Auto;  // Jacobi at n = 512 would take seconds
  const RankSweepResult s = computeRankSweep(p);
  ASSERT_FALSE(s.x.empty());
  EXPECT_EQ(s.x.front(), 8.0);
  EXPECT_EQ(s.x.back(), 512.0);
  for (std::size_t i = 0; i < s.x.size(); ++i) {
    if (s.x[i] != 32.0) continue;
    // Same numbers as the reference n = 32 point.
    EXPECT_NEAR(s.erank[0][i], 10.06, 5e-3);
    EXPECT_NEAR(s.rank[2][i], 29, 1);
  }
  // Causal rank grows faster than bidirectional along n (Su, kexue.fm/archives/9529; n ≫ d).
  EXPECT_GT(s.rank[2].back(), s.rank[0].back());
}

TEST(RankRandom, SameSeedSameNumbers) {
  const auto p = gaussian(48, 6, 1.3, 11);
  const auto a = computeAttentionRank(p);
  const auto b = computeAttentionRank(p);
  for (std::size_t m = 0; m < 4; ++m) EXPECT_EQ(a.matrices[m], b.matrices[m]);
  auto q = p;
  q.seed = 12;
  EXPECT_NE(computeAttentionRank(q).matrices[0], a.matrices[0]);
}
