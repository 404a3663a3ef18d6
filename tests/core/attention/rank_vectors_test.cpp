// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Closed-form test vectors: zero logits, the circle (d = 2) and depth products.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "latentlab/attention/attention_rank.h"

using namespace latentlab;
using namespace latentlab::attention;

namespace {

AttentionRankParams zeros(int n) {
  AttentionRankParams p;
  p.source = QkSource::Zeros;
  p.n = n;
  p.d = 1;
  p.prefix = 0;
  p.svd = SvdEngine::Jacobi;
  return p;
}

AttentionRankParams circle(double tau) {
  AttentionRankParams p;
  p.source = QkSource::Circle;
  p.n = 16;
  p.d = 2;
  p.tau = tau;
  p.prefix = 0;
  p.svd = SvdEngine::Jacobi;
  return p;
}

std::size_t at(MaskKind k) {
  for (std::size_t i = 0; i < kRankMasks.size(); ++i)
    if (kRankMasks[i] == k) return i;
  return 0;
}

void expectRel(double actual, double expected, double rel) {
  EXPECT_NEAR(actual, expected, rel * std::abs(expected)) << "expected " << expected;
}

}  // namespace

TEST(RankVectors, ZeroLogitsCausalTable) {
  struct Row {
    int n;
    double sMax, sMin, logDet, erank, stable;
  };
  const Row rows[] = {
      {4, 1.272287989759, 0.1826871530317, -3.178053830348, 3.137243, 1.287028},
      {8, 1.379779041620, 0.08013436088357, -10.604602902745, 5.271648, 1.427603},
      {16, 1.467708849119, 0.03671098924122, -30.671860106081, 8.583718, 1.569389},
      {64, 1.597854596706, 0.008351424124211, -205.168199482641, 21.064100, 1.858062},
  };
  for (const Row& r : rows) {
    const auto res = computeAttentionRank(zeros(r.n));
    const MatrixMetrics& c = res.metrics[at(MaskKind::Causal)];
    expectRel(c.sigma(0), r.sMax, 1e-9);
    expectRel(c.sigmaMin, r.sMin, 1e-9);
    expectRel(c.logDet, r.logDet, 1e-9);
    EXPECT_NEAR(c.logDet, -std::lgamma(r.n + 1.0), 1e-9 * std::lgamma(r.n + 1.0));
    EXPECT_TRUE(c.logDetExact);
    EXPECT_NEAR(c.erank, r.erank, 1e-4);
    EXPECT_NEAR(c.stableRank, r.stable, 1e-4);
    // σ_min cross-check through the triangular inverse: power iteration stopped at 1e-9 change per
    // step, so about five digits when the top two σ of A⁻¹ are close (as for C_64).
    expectRel(c.sigmaMinInverse, r.sMin, 1e-4);
    // Bidirectional: 11ᵀ/n, rank 1, erank 1, log det −∞.
    const MatrixMetrics& b = res.metrics[at(MaskKind::Bidirectional)];
    EXPECT_NEAR(b.sigma(0), 1.0, 1e-12);
    EXPECT_EQ(b.rankT, 1);
    EXPECT_NEAR(b.erank, 1.0, 1e-4);
    EXPECT_TRUE(std::isinf(b.logDet) && b.logDet < 0);
  }
}

TEST(RankVectors, UniformCausalInverseIsBidiagonal) {
  const int n = 8;
  const auto res = computeAttentionRank(zeros(n));
  const Eigen::MatrixXd& c = res.matrices[at(MaskKind::Causal)];
  const Eigen::MatrixXd inv =
      c.triangularView<Eigen::Lower>().solve(Eigen::MatrixXd::Identity(n, n));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      double expected = 0.0;
      if (i == j) expected = i + 1.0;
      if (i == j + 1) expected = -static_cast<double>(i);
      EXPECT_NEAR(inv(i, j), expected, 1e-9 * (1.0 + std::abs(expected))) << i << "," << j;
    }
}

TEST(RankVectors, PrefixRankFormulaZeroLogits) {
  const int ms[] = {1, 2, 4, 6, 8};
  const int ranks[] = {8, 7, 5, 3, 1};
  for (int i = 0; i < 5; ++i) {
    auto p = zeros(8);
    p.prefix = ms[i];
    const auto res = computeAttentionRank(p);
    EXPECT_EQ(res.metrics[at(MaskKind::PrefixLM)].rankT, ranks[i]) << "m = " << ms[i];
    EXPECT_EQ(ranks[i], 1 + 8 - ms[i]);
  }
}

TEST(RankVectors, CircleSingularValuesMatchCirculantFormula) {
  for (double tau : {0.25, 1.0, 4.0, 16.0, 64.0}) {
    const auto res = computeAttentionRank(circle(tau));
    const int n = 16;
    std::vector<double> lambda;
    double z = 0.0;
    for (int j = 0; j < n; ++j) z += std::exp(tau * std::cos(2 * std::numbers::pi * j / n));
    for (int k = 0; k < n; ++k) {
      double s = 0.0;
      for (int j = 0; j < n; ++j)
        s += std::exp(tau * std::cos(2 * std::numbers::pi * j / n)) *
             std::cos(2 * std::numbers::pi * j * k / n);
      lambda.push_back(std::abs(s) / z);
    }
    std::sort(lambda.rbegin(), lambda.rend());
    const Eigen::VectorXd& s = res.metrics[at(MaskKind::Bidirectional)].sigma;
    for (int k = 0; k < n; ++k)
      EXPECT_NEAR(s(k), lambda[static_cast<std::size_t>(k)], 4e-15) << tau;
  }
}

TEST(RankVectors, CircleBidirectionalTable) {
  struct Row {
    double tau;
    int rank6, rank10;  // −1: not given
    double erank, stable, extraSigma;
    int extraIndex;
  };
  const Row rows[] = {
      {0.25, 9, 13, 2.0294, 1.0309, 1.2403e-1, 1}, {1, 15, 16, 4.0662, 1.4221, 4.4639e-1, 1},
      {4, 16, -1, 8.2505, 3.3473, 0.86352, 1},     {16, -1, -1, 14.6081, 7.2521, 0.26496, 15},
      {64, -1, -1, 15.9991, 15.5226, 0.96982, 15},
  };
  for (const Row& r : rows) {
    const auto res = computeAttentionRank(circle(r.tau));
    const Eigen::VectorXd& s = res.metrics[at(MaskKind::Bidirectional)].sigma;
    EXPECT_NEAR(res.metrics[at(MaskKind::Bidirectional)].erank, r.erank, 1e-4) << r.tau;
    EXPECT_NEAR(res.metrics[at(MaskKind::Bidirectional)].stableRank, r.stable, 1e-4) << r.tau;
    expectRel(s(r.extraIndex), r.extraSigma, 1e-4);
    if (r.rank6 >= 0) {
      EXPECT_EQ(numericalRank(s, 1e-6), r.rank6) << r.tau;
    }
    if (r.rank10 >= 0) {
      EXPECT_EQ(numericalRank(s, 1e-10), r.rank10) << r.tau;
    }
  }
}

TEST(RankVectors, CircleCausalTable) {
  struct Row {
    double tau, sMax, sMin, logDet, erank;
  };
  const Row rows[] = {
      {0.25, 1.423681, 4.747083e-2, -27.914996, 9.4463},
      {1, 1.327542, 8.611561e-2, -21.595665, 11.4051},
      {4, 1.206072, 0.2209880, -11.912145, 13.9071},
      {16, 1.086155, 0.5449905, -4.204402, 15.6265},
      {64, 1.002605, 0.9823289, -0.122039, 15.9997},
  };
  for (const Row& r : rows) {
    const auto res = computeAttentionRank(circle(r.tau));
    const MatrixMetrics& c = res.metrics[at(MaskKind::Causal)];
    EXPECT_NEAR(c.sigma(0), r.sMax, 1e-6) << r.tau;
    expectRel(c.sigmaMin, r.sMin, 1e-6);
    EXPECT_NEAR(c.logDet, r.logDet, 1e-6) << r.tau;
    EXPECT_NEAR(c.erank, r.erank, 1e-4) << r.tau;
  }
}

TEST(RankVectors, CircleBackwardLogDet) {
  const auto res = computeAttentionRank(circle(0.7));
  const std::size_t b = at(MaskKind::Backward);
  EXPECT_DOUBLE_EQ(res.matrices[b](15, 15), 1.0);
  EXPECT_NEAR(res.metrics[b].logDet, -23.792767475382, 1e-9 * 23.8);
}

TEST(RankVectors, CircleTaylorCertificate) {
  // σ_{C(2+p,p)+1} ≤ e^τ·Σ_{k>p} τ^k/k!, with the reference bounds.
  const double bounds025[] = {3.647e-1, 4.369e-2, 3.564e-3, 2.199e-4, 1.090e-5};
  for (int p = 0; p < 5; ++p) expectRel(taylorBound(0.25, p), bounds025[p], 1e-3);
  expectRel(taylorBound(1.0, 0), 4.671, 1e-3);
  expectRel(taylorBound(1.0, 3), 0.1403, 1e-3);
  for (double tau : {0.25, 1.0}) {
    const auto res = computeAttentionRank(circle(tau));
    const Eigen::VectorXd& s = res.metrics[at(MaskKind::Bidirectional)].sigma;
    for (int p = 0; binomialCount(2, p) + 1 <= 16; ++p) {
      const int idx = static_cast<int>(binomialCount(2, p));  // σ_{N_p+1}, 0-based N_p
      EXPECT_LE(s(idx), taylorBound(tau, p)) << "tau " << tau << " p " << p;
    }
    EXPECT_FALSE(res.certificate.empty());
  }
}

TEST(RankVectors, UniformCausalProductsHalveTowardsFirstToken) {
  auto p = zeros(4);
  p.depth = 6;
  const DepthResult dr = computeDepth(p);
  const double expected[] = {1.384437310486, 0.832986038743, 0.480920535506,
                             0.266204909334, 0.142767537506, 0.074879102429};
  const DepthCase* pure = nullptr;
  for (const auto& c : dr.cases)
    if (c.mask == MaskKind::Causal && !c.residual) pure = &c;
  ASSERT_NE(pure, nullptr);
  ASSERT_EQ(pure->toFirstToken.size(), 6u);
  for (int l = 0; l < 6; ++l)
    expectRel(pure->toFirstToken[static_cast<std::size_t>(l)], expected[l], 1e-9);
}

TEST(RankVectors, PureSanCollapseResiduals) {
  AttentionRankParams p;
  p.source = QkSource::Gaussian;
  p.n = 16;
  p.d = 8;
  p.seed = 3;
  p.prefix = 0;
  p.depth = 6;
  const DepthResult dr = computeDepth(p);
  struct Row {
    MaskKind mask;
    bool residual;
    double r[7];
  };
  const Row rows[] = {
      {MaskKind::Bidirectional,
       false,
       {9.590e-1, 8.473e-1, 5.613e-1, 1.959e-1, 6.043e-3, 1.477e-7, 0}},
      {MaskKind::Bidirectional,
       true,
       {9.590e-1, 9.194e-1, 8.897e-1, 8.693e-1, 8.480e-1, 8.345e-1, 8.250e-1}},
      {MaskKind::Causal,
       false,
       {9.590e-1, 9.333e-1, 8.987e-1, 8.409e-1, 6.124e-1, 3.509e-1, 2.192e-1}},
      {MaskKind::Causal,
       true,
       {9.590e-1, 9.481e-1, 9.418e-1, 9.371e-1, 9.317e-1, 9.299e-1, 9.293e-1}},
  };
  for (const Row& row : rows) {
    const DepthCase* dc = nullptr;
    for (const auto& c : dr.cases)
      if (c.mask == row.mask && c.residual == row.residual) dc = &c;
    ASSERT_NE(dc, nullptr);
    ASSERT_EQ(dc->r.size(), 7u);
    for (int l = 0; l < 7; ++l) {
      if (row.r[l] == 0) {
        EXPECT_LT(dc->r[static_cast<std::size_t>(l)], 1e-12);  // 2.981e-16: rounding level
        continue;
      }
      // Four significant digits in the reference.
      EXPECT_NEAR(dc->r[static_cast<std::size_t>(l)], row.r[l], 6e-4 * row.r[l])
          << maskId(row.mask) << (row.residual ? " resid" : " pure") << " l = " << l;
    }
  }
}
