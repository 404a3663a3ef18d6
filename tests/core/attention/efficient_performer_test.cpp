// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "latentlab/attention/efficient_lab.h"
#include "latentlab/attention/exact_attention.h"
#include "latentlab/attention/performer.h"

using namespace latentlab;
using namespace latentlab::attention;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

// Two fixed 8-d points for the kernel-estimator moment checks.
MatrixXd pointX() {
  MatrixXd x(1, 8);
  x << 0.3, -0.2, 0.1, 0.4, 0, -0.1, 0.2, 0.05;
  return x;
}
MatrixXd pointY() {
  MatrixXd y(1, 8);
  y << 0.1, 0.2, -0.3, 0.2, 0.1, 0, -0.2, 0.3;
  return y;
}

struct Moments {
  double meanRatio, relMse;
};
Moments kernelMoments(int m, Projection proj, FeatureKind kind, int draws) {
  const double sm = std::exp((pointX() * pointY().transpose())(0, 0));
  double sum = 0, sq = 0;
  for (int r = 0; r < draws; ++r) {
    const MatrixXd w = randomProjection(m, 8, proj, 1000 + static_cast<std::uint64_t>(r));
    const double est = kernelFeatures(pointX(), w, kind).row(0).dot(
        kernelFeatures(pointY(), w, kind).row(0));
    sum += est;
    sq += (est - sm) * (est - sm);
  }
  return {sum / draws / sm, sq / draws / (sm * sm)};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

}  // namespace

// Lemma 2 of Choromanski et al. 2021 (Performer): SM = 1.015113065; positive relMSE theory 0.254698
// (m = 4), 0.127349 (m = 8); trig 0.053400 (m = 4). Asserts |mean/SM − 1| < 0.01 and relMSE within
// ±10% of the lemma.
TEST(Performer, PositiveFeaturesAreUnbiasedWithLemma2Variance) {
  EXPECT_NEAR(std::exp((pointX() * pointY().transpose())(0, 0)), 1.015113065, 1e-9);
  const Moments m4 = kernelMoments(4, Projection::Iid, FeatureKind::Positive, 20000);
  const Moments m8 = kernelMoments(8, Projection::Iid, FeatureKind::Positive, 20000);
  EXPECT_LT(std::abs(m4.meanRatio - 1.0), 0.01);
  EXPECT_LT(std::abs(m8.meanRatio - 1.0), 0.01);
  EXPECT_NEAR(m4.relMse, 0.254698, 0.1 * 0.254698);
  EXPECT_NEAR(m8.relMse, 0.127349, 0.1 * 0.127349);
  const Moments t4 = kernelMoments(4, Projection::Iid, FeatureKind::Trigonometric, 20000);
  EXPECT_LT(std::abs(t4.meanRatio - 1.0), 0.01);
  EXPECT_NEAR(t4.relMse, 0.053400, 0.1 * 0.053400);
}

// Orthogonal features (χ norms) beat the iid theory for m ≤ d.
TEST(Performer, OrthogonalFeaturesBeatIidTheory) {
  const Moments o4 = kernelMoments(4, Projection::Orthogonal, FeatureKind::Positive, 20000);
  const Moments o8 = kernelMoments(8, Projection::Orthogonal, FeatureKind::Positive, 20000);
  EXPECT_LT(std::abs(o4.meanRatio - 1.0), 0.01);
  EXPECT_LT(o4.relMse, 0.254698);
  EXPECT_LT(o8.relMse, 0.127349);
}

TEST(Performer, ProjectionShapes) {
  const MatrixXd w = randomProjection(20, 8, Projection::OrthogonalRegular, 3);
  for (int i = 0; i < 20; ++i) EXPECT_NEAR(w.row(i).norm(), std::sqrt(8.0), 1e-12);
  // Rows inside one d-block are orthogonal; blocks are independent.
  for (int i = 0; i < 8; ++i)
    for (int j = i + 1; j < 8; ++j) EXPECT_NEAR(w.row(i).dot(w.row(j)), 0.0, 1e-12);
  const MatrixXd chi = randomProjection(8, 8, Projection::Orthogonal, 3);
  EXPECT_GT(std::abs(chi.row(0).norm() - chi.row(1).norm()), 1e-6) << "χ norms should differ";
  EXPECT_EQ((randomProjection(5, 3, Projection::Iid, 9) - randomProjection(5, 3, Projection::Iid, 9))
                .cwiseAbs()
                .maxCoeff(),
            0.0);
}

namespace {

// Median over R = 30 seeds (500, 501, …) of e_A for n = 32, d = 16, entries N(0, 0.35²), d_v = 8.
double medianMapError(int m, Projection proj) {
  const auto in = makeInputs(32, 16, 8, 0.35, 21);
  const double s = 0.25;  // 1/√16
  const MatrixXd exact = exactAttentionRows(in.q, in.k, s, false, 32);
  std::vector<double> e;
  for (int r = 0; r < 30; ++r) {
    const MatrixXd w = randomProjection(m, 16, proj, 500 + static_cast<std::uint64_t>(r));
    const auto f = attentionFeatures(in.q, in.k, w, FeatureKind::Positive, s);
    e.push_back(relativeFrobeniusError(performerMapRows(f, false, 32), exact));
  }
  return median(e);
}

}  // namespace

// Monte-Carlo rate O(1/√m): each 4× m divides the median e_A by a factor in [1.5, 2.6] for
// m ≥ 16, and ORF ≤ 1.1 × iid for m ≥ 16.
TEST(Performer, ErrorFallsLikeInverseSqrtMAveragedOverSeeds) {
  const std::vector<int> ms{16, 64, 256, 1024};
  std::vector<double> iid, orf;
  for (int m : ms) {
    iid.push_back(medianMapError(m, Projection::Iid));
    orf.push_back(medianMapError(m, Projection::Orthogonal));
  }
  for (std::size_t i = 1; i < ms.size(); ++i) {
    const double ratio = iid[i - 1] / iid[i];
    EXPECT_GE(ratio, 1.5) << "m = " << ms[i];
    EXPECT_LE(ratio, 2.6) << "m = " << ms[i];
  }
  for (std::size_t i = 0; i < ms.size(); ++i) EXPECT_LE(orf[i], 1.1 * iid[i]) << "m = " << ms[i];
}

// "Same params and seed, same numbers" in every build: these medians were printed by the Release
// build (gcc -O3) and agree to the last digit with clang and gcc -O1 under ASan + UBSan, the
// builds scripts/test --sanitize runs this suite in. A build whose random stream or arithmetic
// drifts (uninitialised data, an ODR clash, an optimisation-dependent path) fails here, not in
// a statistical threshold. The tolerance leaves room only for summation-order rounding.
TEST(Performer, SameSeedsGiveTheSameIidMediansInEveryBuild) {
  const std::vector<int> ms{16, 64, 256, 1024};
  const std::vector<double> expected{0.24427936377989767, 0.12798066485545578,
                                     0.067823525928027636, 0.034472202053517406};
  for (std::size_t i = 0; i < ms.size(); ++i)
    EXPECT_NEAR(medianMapError(ms[i], Projection::Iid), expected[i], 1e-12 * expected[i])
        << "m = " << ms[i];
}

TEST(Performer, CausalPrefixSumsEqualMaskedPerformer) {
  const auto in = makeInputs(70, 6, 3, 0.6, 4);
  for (auto kind : {FeatureKind::Positive, FeatureKind::Trigonometric}) {
    const MatrixXd w = randomProjection(32, 6, Projection::Orthogonal, 8);
    const auto f = attentionFeatures(in.q, in.k, w, kind, 1.0 / std::sqrt(6.0));
    const MatrixXd masked = performerMapRows(f, true, 70) * in.v;
    const MatrixXd prefix = linearAttention(f.q, f.k, in.v, true);
    EXPECT_LT((prefix - masked).cwiseAbs().maxCoeff(), 1e-12);
    const MatrixXd bi = performerMapRows(f, false, 70) * in.v;
    EXPECT_LT((linearAttention(f.q, f.k, in.v, false) - bi).cwiseAbs().maxCoeff(), 1e-12);
  }
}

TEST(Performer, StabilisersCancelInTheNormalisation) {
  // Normalised attention from the raw (unstabilised) features equals the stabilised one.
  const auto in = makeInputs(30, 4, 2, 0.5, 6);
  const MatrixXd w = randomProjection(16, 4, Projection::Iid, 2);
  const double s = 0.5;
  const MatrixXd raw =
      linearAttention(kernelFeatures(std::sqrt(s) * in.q, w, FeatureKind::Positive),
                      kernelFeatures(std::sqrt(s) * in.k, w, FeatureKind::Positive), in.v, false);
  EXPECT_LT((raw - performerOutput(in.q, in.k, in.v, w, FeatureKind::Positive, s, false))
                .cwiseAbs()
                .maxCoeff(),
            1e-12);
}

// Performer as a soft Transformer-VQ (Su, kexue.fm/archives/9862): n = 32, d = 8, m = 16, entries
// N(0, 0.4²). Su's rewrite is exact (< 1e-12) with equal-norm ω, not with χ norms (> 1e-3); the
// softmax step is not exact (> 1e-4).
TEST(Performer, SuRewriteExactOnlyForEqualNorms) {
  EfficientLabParams p;
  p.n = 32;
  p.d = 8;
  p.m = 16;
  p.sigma = 0.4;
  p.codebookSize = 16;
  const auto r = computeEfficientLab(p);
  EXPECT_LT(r.rewriteDiffRegular, 1e-12);
  EXPECT_GT(r.rewriteDiffChi, 1e-3);
  EXPECT_GT(r.softmaxStepDiff, 1e-4);
}

TEST(Performer, TrigFeaturesCanGoNegative) {
  // Sharp attention (σ = 1.5) with few trig features: some Â entries are negative (Performer paper,
  // §2.3).
  const auto in = makeInputs(64, 8, 2, 1.5, 3);
  const MatrixXd w = randomProjection(4, 8, Projection::Iid, 1);
  const auto f = attentionFeatures(in.q, in.k, w, FeatureKind::Trigonometric, 1.0 / std::sqrt(8.0));
  EXPECT_GT((performerMapRows(f, false, 64).array() < 0).count(), 0);
  const auto fp = attentionFeatures(in.q, in.k, w, FeatureKind::Positive, 1.0 / std::sqrt(8.0));
  EXPECT_EQ((performerMapRows(fp, false, 64).array() < 0).count(), 0);
}
