// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Invariants of the attention matrices on arbitrary inputs, and bad-input handling.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

#include "latentlab/attention/attention_rank.h"

using namespace latentlab;
using namespace latentlab::attention;

namespace {

std::string errorKey(const AttentionRankParams& p) {
  try {
    computeAttentionRank(p);
  } catch (const ParamError& e) {
    return e.key();
  }
  return "<no error>";
}

AttentionRankParams small(int n, int d, double tau, std::uint64_t seed, int prefix) {
  AttentionRankParams p;
  p.n = n;
  p.d = d;
  p.tau = tau;
  p.seed = seed;
  p.prefix = prefix;
  return p;
}

}  // namespace

TEST(RankInvariants, RowsSumToOneMaskedEntriesZero) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const auto p = small(37, 5, 2.5, seed, 11);
    const auto r = computeAttentionRank(p);
    for (std::size_t m = 0; m < 4; ++m) {
      const Eigen::MatrixXd& a = r.matrices[m];
      for (Eigen::Index i = 0; i < a.rows(); ++i) {
        EXPECT_NEAR(a.row(i).sum(), 1.0, 1e-12);
        for (Eigen::Index j = 0; j < a.cols(); ++j) {
          EXPECT_GE(a(i, j), 0.0);
          if (!maskAllows(r.masks[m], i, j)) {
            EXPECT_EQ(a(i, j), 0.0) << m << " " << i << "," << j;
          }
        }
      }
    }
  }
}

TEST(RankInvariants, TriangularDiagonalsAndLogDet) {
  const auto r = computeAttentionRank(small(24, 3, 1.0, 5, 0));
  for (std::size_t m = 0; m < 4; ++m) {
    const MaskKind k = r.masks[m].kind;
    if (k != MaskKind::Causal && k != MaskKind::Backward) continue;
    const Eigen::MatrixXd& a = r.matrices[m];
    if (k == MaskKind::Causal) {
      EXPECT_EQ(a(0, 0), 1.0);
    }
    if (k == MaskKind::Backward) {
      EXPECT_EQ(a(23, 23), 1.0);
    }
    double sumLog = 0.0;
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
      EXPECT_GT(a(i, i), 0.0);
      EXPECT_LE(a(i, i), 1.0);
    }
    const MatrixMetrics& mm = r.metrics[m];
    for (Eigen::Index i = 0; i < mm.sigma.size(); ++i) sumLog += std::log(mm.sigma(i));
    ASSERT_GT(mm.sigmaMin, 1e3 * 24 * std::numeric_limits<double>::epsilon());
    EXPECT_NEAR(mm.logDet, sumLog, 1e-9 * std::abs(sumLog) + 1e-9);
  }
}

TEST(RankInvariants, StableSoftmaxAtHugeLogits) {
  Eigen::MatrixXd s(3, 3);
  s << 1e4, -1e4, 0, -1e4, 1e4, 1e4, 0, 0, -1e4;
  const Eigen::MatrixXd a = maskedRowSoftmax(s, Mask{});
  EXPECT_TRUE(a.allFinite());
  EXPECT_EQ(a(0, 0), 1.0);
  EXPECT_EQ(a(0, 1), 0.0);
  EXPECT_DOUBLE_EQ(a(1, 1), 0.5);
  EXPECT_DOUBLE_EQ(a(1, 2), 0.5);
  EXPECT_DOUBLE_EQ(a(2, 0), 0.5);
  const Eigen::MatrixXd c = maskedRowSoftmax(s, Mask{MaskKind::Causal, 0});
  EXPECT_EQ(c(2, 2), 0.0);  // e^{-1e4 - 0} underflows to exactly 0 — no NaN
  const Eigen::VectorXd ld = logDiagonal(s, Mask{MaskKind::Causal, 0});
  EXPECT_NEAR(ld(2), -1e4 - std::log(2.0), 1e-9);  // finite although A_22 underflows
  EXPECT_NEAR(ld(1), 0.0, 1e-12);
}

TEST(RankInvariants, LogitRankAtMostD) {
  const auto p = small(40, 3, 1.0, 9, 0);
  const QkPair qk = makeQk(p);
  const Eigen::MatrixXd s = attentionLogits(qk.q, qk.k, 1.0);
  const Eigen::VectorXd sv = singularValues(s, SvdEngine::Jacobi);
  EXPECT_LE(numericalRank(sv, 1e-10), 3);
  EXPECT_EQ(numericalRank(sv, 1e-10), 3);
}

TEST(RankInvariants, SvdEnginesAgree) {
  // Auto above n = 64 is LAPACK's dgesdd; every engine must give Jacobi's values to backward-error
  // accuracy, on a non-symmetric triangular matrix (causal) and a full one.
  const auto p = small(120, 4, 2.0, 11, 0);
  const QkPair qk = makeQk(p);
  const Eigen::MatrixXd s = attentionLogits(qk.q, qk.k, 1.0);
  for (MaskKind kind : {MaskKind::Causal, MaskKind::Bidirectional}) {
    const Eigen::MatrixXd a = maskedRowSoftmax(s, Mask{kind, 0});
    const Eigen::VectorXd ref = singularValues(a, SvdEngine::Jacobi);
    for (SvdEngine e : {SvdEngine::Bdc, SvdEngine::Lapack, SvdEngine::Auto}) {
      const Eigen::VectorXd sv = singularValues(a, e);
      ASSERT_EQ(sv.size(), ref.size());
      EXPECT_LE((sv - ref).cwiseAbs().maxCoeff(), 1e-12 * ref(0)) << static_cast<int>(e);
      for (Eigen::Index i = 1; i < sv.size(); ++i) EXPECT_GE(sv(i - 1), sv(i));
    }
  }
}

TEST(RankInvariants, TaylorCertificateHolds) {
  for (int d : {1, 2, 3}) {
    auto p = small(60, d, 0.8, 4, 0);
    p.svd = SvdEngine::Jacobi;
    const auto r = computeAttentionRank(p);
    const Eigen::VectorXd& s = r.metrics[0].sigma;
    // The SVD resolves σ only down to ≈ n·ε·σ₁ (backward error), so the bound gets that slack.
    const double floor = 64 * 60 * std::numeric_limits<double>::epsilon() * s(0);
    for (int q = 0; binomialCount(d, q) < 60; ++q)
      EXPECT_LE(s(static_cast<Eigen::Index>(binomialCount(d, q))),
                taylorBound(r.maxLogit, q) + floor)
          << "d " << d << " p " << q;
  }
}

TEST(RankInvariants, PrefixBlockStructureRandom) {
  // Prefix-LM rank: A = [[P, 0], [B, C]] with C lower-triangular, positive diagonal. So det A =
  // det P · Π_{i≥m} A_ii (hence rank A = rank P + n − m); numerical ranks at a relative tolerance
  // are not additive, so the exact determinant identity is what is asserted.
  for (int m : {3, 10, 20}) {
    const auto r = computeAttentionRank(small(30, 2, 1.0, 8, m));
    const Eigen::MatrixXd& a = r.matrices[1];
    EXPECT_EQ(a.topRightCorner(m, 30 - m).cwiseAbs().maxCoeff(), 0.0);
    const Eigen::MatrixXd c = a.bottomRightCorner(30 - m, 30 - m);
    EXPECT_EQ(c.triangularView<Eigen::StrictlyUpper>().toDenseMatrix().cwiseAbs().maxCoeff(), 0.0);
    double logDiagC = 0.0;
    for (Eigen::Index i = 0; i < c.rows(); ++i) {
      EXPECT_GT(c(i, i), 0.0);
      logDiagC += std::log(c(i, i));
    }
    const double logDetP = std::log(std::abs(a.topLeftCorner(m, m).determinant()));
    EXPECT_NEAR(std::log(std::abs(a.determinant())), logDetP + logDiagC, 1e-8) << "m = " << m;
  }
}

TEST(RankInvariants, RankBoundsOfErankAndStableRank) {
  const auto r = computeAttentionRank(small(50, 4, 2.0, 21, 10));
  for (const auto& m : r.metrics) {
    const int rank = numericalRank(m.sigma, 1e-12);
    EXPECT_GE(m.erank, 1.0 - 1e-12);
    EXPECT_LE(m.erank, rank + 1e-9);
    EXPECT_GE(m.stableRank, 1.0 - 1e-12);
    EXPECT_LE(m.stableRank, rank + 1e-9);
  }
}

TEST(RankInvariants, MixedHeadsAreFullRank) {
  auto p = small(32, 4, 1.0, 7, 0);
  p.heads = 6;
  const auto r = computeAttentionRank(p);
  ASSERT_EQ(r.mixed.logDet.size(), 6u);
  for (int h = 0; h < 6; ++h) {
    EXPECT_TRUE(std::isfinite(r.mixed.logDet[static_cast<std::size_t>(h)]));
    EXPECT_EQ(r.mixed.forward[static_cast<std::size_t>(h)], h < 3);
  }
}

TEST(RankInvariants, BadInputsNameTheirKey) {
  auto p = small(8, 2, std::numeric_limits<double>::quiet_NaN(), 1, 0);
  EXPECT_EQ(errorKey(p), "tau");
  p = small(1, 1, 1.0, 1, 0);
  EXPECT_EQ(errorKey(p), "n");
  p = small(8, 2, 1.0, 1, 0);
  p.source = QkSource::Npy;
  EXPECT_EQ(errorKey(p), "source");
  Eigen::MatrixXd q = Eigen::MatrixXd::Ones(4, 2), k = q;
  q(1, 1) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(attentionLogits(q, k, 1.0), ParamError);
  EXPECT_THROW(checkLoadedQk(q, k), ParamError);
  EXPECT_THROW(attentionLogits(Eigen::MatrixXd::Ones(4, 2), Eigen::MatrixXd::Ones(4, 3), 1.0),
               ParamError);
  EXPECT_THROW(maskedRowSoftmax(Eigen::MatrixXd::Zero(4, 4), Mask{MaskKind::PrefixLM, 5}),
               ParamError);
}

TEST(RankInvariants, DAndPrefixAboveNAreClamped) {
  const auto r = computeAttentionRank(small(8, 9, 1.0, 1, 12));
  EXPECT_EQ(r.d, 8);
  EXPECT_EQ(r.masks[1].prefix, 8);
  // Prefix m = n is bidirectional.
  EXPECT_EQ(r.matrices[1], r.matrices[0]);
  auto big = small(8, 2, 1.0, 1, 0);
  big.d = 5000;
  EXPECT_EQ(errorKey(big), "d");  // outside the field's range 1..2048
}

TEST(RankInvariants, LoadedMatricesAreUsed) {
  auto loaded = std::make_shared<LoadedQk>();
  loaded->q = Eigen::MatrixXd::Zero(5, 3);
  loaded->k = Eigen::MatrixXd::Zero(5, 3);
  AttentionRankParams p;
  p.source = QkSource::Npy;
  p.loaded = loaded;
  const auto r = computeAttentionRank(p);
  EXPECT_EQ(r.n, 5);
  EXPECT_EQ(r.d, 3);
  EXPECT_NEAR(r.metrics[2].logDet, -std::lgamma(6.0), 1e-12);  // uniform causal C_5
}

TEST(RankInvariants, CancelStopsSweepAndDepth) {
  std::atomic<bool> cancel{true};
  RunControl control;
  control.cancel = &cancel;
  const auto p = small(64, 4, 1.0, 1, 8);
  EXPECT_THROW(computeRankSweep(p, control), Cancelled);
  EXPECT_THROW(computeDepth(p, control), Cancelled);
  EXPECT_THROW(computeAttentionRank(p, control), Cancelled);
}

TEST(RankInvariants, OpenMpRowsAreBitIdenticalToSerial) {
  // A large matrix takes the parallel path; rows computed alone must agree bit for bit.
  const auto p = small(600, 8, 1.0, 2, 0);
  const QkPair qk = makeQk(p);
  const Eigen::MatrixXd s = attentionLogits(qk.q, qk.k, 0.5);
  const Eigen::MatrixXd a = maskedRowSoftmax(s, Mask{MaskKind::Causal, 0});
  for (Eigen::Index i : {0, 300, 599}) {
    const Eigen::MatrixXd row = maskedRowSoftmax(s.row(i), Mask{});
    // Row i alone with a bidirectional mask over its first i+1 entries equals the causal row.
    const Eigen::MatrixXd part = maskedRowSoftmax(s.row(i).head(i + 1), Mask{});
    for (Eigen::Index j = 0; j <= i; ++j) EXPECT_EQ(a(i, j), part(0, j));
    EXPECT_NEAR(row.sum(), 1.0, 1e-12);
  }
}

TEST(RankInvariants, InPlaceScaledSoftmaxEqualsTheDefinitionForEveryMask) {
  // 70 queries × 90 keys (rectangular, with a tail row block), positive and negative scales.
  const Eigen::MatrixXd s = 3.0 * Eigen::MatrixXd::Random(70, 90);
  for (const MaskKind kind :
       {MaskKind::Bidirectional, MaskKind::Causal, MaskKind::Backward, MaskKind::PrefixLM})
    for (const double scale : {0.6, -0.4}) {
      const Mask mask{kind, 7};
      Eigen::MatrixXd a = s;
      maskedRowSoftmaxInPlace(a, mask, scale);
      for (Eigen::Index i = 0; i < s.rows(); ++i) {
        double m = -HUGE_VAL, sum = 0.0;
        for (Eigen::Index j = 0; j < s.cols(); ++j)
          if (maskAllows(mask, i, j)) m = std::max(m, scale * s(i, j));
        for (Eigen::Index j = 0; j < s.cols(); ++j)
          if (maskAllows(mask, i, j)) sum += std::exp(scale * s(i, j) - m);
        for (Eigen::Index j = 0; j < s.cols(); ++j) {
          if (!maskAllows(mask, i, j)) {
            ASSERT_EQ(a(i, j), 0.0) << maskId(kind) << " " << i << "," << j;
            continue;
          }
          const double want = std::exp(scale * s(i, j) - m) / sum;
          ASSERT_NEAR(a(i, j), want, 1e-14 * want) << maskId(kind) << " " << i << "," << j;
        }
      }
    }
}
