// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/attention/efficient_lab.h"
#include "latentlab/attention/exact_attention.h"
#include "latentlab/attention/transformer_vq.h"
#include "latentlab/common/errors.h"

using namespace latentlab;
using namespace latentlab::attention;
using Eigen::MatrixXd;

namespace {

double maxDiff(const MatrixXd& a, const MatrixXd& b) { return (a - b).cwiseAbs().maxCoeff(); }

}  // namespace

// Quadratic vs linear-time forms (Su, kexue.fm/archives/9844): n = 64, d_k = 8, d_v = 4, l = 8, c =
// 16 k-means codes, entries N(0, 0.5²), no scale factor (as in the article). Tolerance 1e-12 (a
// Python reference measured 3–4e-16).
TEST(TransformerVq, LinearFormEqualsQuadraticOnQuantizedKeys) {
  const auto in = makeInputs(64, 8, 4, 0.5, 5);
  const MatrixXd c = makeCodebook(in.k, 16, CodebookKind::KMeans, 5, 20);
  const auto codes = assignCodes(in.k, c);
  const MatrixXd khat = quantizeKeys(c, codes);
  for (bool causal : {false, true}) {
    const MatrixXd lin = vqLinearOutput(in.q, c, codes, in.v, 1.0, causal, 8);
    const MatrixXd quad = exactAttentionOutput(in.q, khat, in.v, 1.0, causal);
    EXPECT_LT(maxDiff(lin, quad), 1e-12) << "causal " << causal;
  }
}

TEST(TransformerVq, CausalFormDoesNotDependOnBlockLength) {
  const auto in = makeInputs(100, 6, 3, 1.5, 9);  // σ = 1.5: large logits test the cache max
  const MatrixXd c = makeCodebook(in.k, 13, CodebookKind::RandomKeys, 2, 0);
  const auto codes = assignCodes(in.k, c);
  const MatrixXd quad = exactAttentionOutput(in.q, quantizeKeys(c, codes), in.v, 0.7, true);
  for (int l : {1, 7, 64, 100})
    EXPECT_LT(maxDiff(vqLinearOutput(in.q, c, codes, in.v, 0.7, true, l), quad), 1e-12) << l;
}

TEST(TransformerVq, ExactWhenEveryKeyIsItsOwnCode) {
  // c = n with distinct keys gives K̂ = K and the exact output.
  const auto in = makeInputs(64, 8, 4, 0.5, 5);
  const MatrixXd c = makeCodebook(in.k, 64, CodebookKind::KMeans, 1, 10);
  const auto codes = assignCodes(in.k, c);
  EXPECT_EQ((quantizeKeys(c, codes) - in.k).cwiseAbs().maxCoeff(), 0.0);
  const MatrixXd exact = exactAttentionOutput(in.q, in.k, in.v, 1.0, false);
  EXPECT_LT(maxDiff(vqLinearOutput(in.q, c, codes, in.v, 1.0, false, 8), exact), 1e-12);
}

TEST(TransformerVq, AttentionErrorFallsAsCodebookDoubles) {
  // Non-increasing attention-matrix error at doubling c, 5% slack.
  const auto in = makeInputs(64, 8, 4, 0.5, 5);
  const MatrixXd exact = exactAttentionRows(in.q, in.k, 1.0, false, 64);
  double prev = 1e300;
  for (int c = 1; c <= 64; c *= 2) {
    const MatrixXd cb = makeCodebook(in.k, c, CodebookKind::KMeans, 3, 50);
    const MatrixXd khat = quantizeKeys(cb, assignCodes(in.k, cb));
    const double err = relativeFrobeniusError(exactAttentionRows(in.q, khat, 1.0, false, 64), exact);
    EXPECT_LE(err, 1.05 * prev) << "c = " << c;
    prev = err;
  }
  EXPECT_LT(prev, 1e-14) << "c = n must be exact";
}

TEST(TransformerVq, SoftAssignmentTendsToHardVq) {
  // Soft → hard limit: max |soft − hard| → 0 as τ → 0 (< 1e-4 at τ = 1e-3).
  const auto in = makeInputs(64, 8, 4, 0.5, 5);
  const MatrixXd c = makeCodebook(in.k, 16, CodebookKind::KMeans, 5, 20);
  const auto codes = assignCodes(in.k, c);
  const MatrixXd hard = vqLinearOutput(in.q, c, codes, in.v, 1.0, false, 8);
  const double at1 = maxDiff(softVqOutput(in.q, c, softAssignment(in.k, c, 1.0), in.v, 1.0), hard);
  const double atSmall =
      maxDiff(softVqOutput(in.q, c, softAssignment(in.k, c, 1e-3), in.v, 1.0), hard);
  EXPECT_GT(at1, 1e-2) << "τ = 1 should be visibly soft";
  EXPECT_LT(atSmall, 1e-4);
  const MatrixXd p = softAssignment(in.k, c, 0.3);
  for (int i = 0; i < p.rows(); ++i) EXPECT_NEAR(p.row(i).sum(), 1.0, 1e-13);
}

TEST(TransformerVq, BadSizesAreRejected) {
  const auto in = makeInputs(10, 4, 2, 1.0, 1);
  try {
    makeCodebook(in.k, 11, CodebookKind::KMeans, 1, 5);
    FAIL() << "S > n accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "codebook_size");
    EXPECT_NE(std::string(e.what()).find("n = 10"), std::string::npos) << e.what();
  }
  const MatrixXd c = makeCodebook(in.k, 3, CodebookKind::KMeans, 1, 5);
  EXPECT_THROW(vqLinearOutput(in.q, c, assignCodes(in.k, c), in.v, 1.0, true, 0), ParamError);
  EXPECT_THROW(softAssignment(in.k, c, 0.0), ParamError);
}

TEST(TransformerVq, CodebookIsDeterministicUnderSeed) {
  const auto in = makeInputs(200, 4, 2, 1.0, 1);
  const MatrixXd a = makeCodebook(in.k, 20, CodebookKind::KMeans, 4, 10);
  const MatrixXd b = makeCodebook(in.k, 20, CodebookKind::KMeans, 4, 10);
  const MatrixXd c = makeCodebook(in.k, 20, CodebookKind::KMeans, 5, 10);
  EXPECT_EQ((a - b).cwiseAbs().maxCoeff(), 0.0);
  EXPECT_GT((a - c).cwiseAbs().maxCoeff(), 0.0);
}
