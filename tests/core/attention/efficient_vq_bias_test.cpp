// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Transformer-VQ window bias (Su, kexue.fm/archives/9844, "局域增强") and the cache inspector.
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/attention/efficient_lab.h"
#include "latentlab/attention/exact_attention.h"
#include "latentlab/attention/transformer_vq.h"
#include "latentlab/common/errors.h"

using namespace latentlab;
using namespace latentlab::attention;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

double maxDiff(const MatrixXd& a, const MatrixXd& b) { return (a - b).cwiseAbs().maxCoeff(); }

}  // namespace

// Equivalence with bias: n = 64, d_k = 8, d_v = 4, l = 8, c = 16 k-means codes, entries N(0, 0.5²),
// b(t) = 0.5·e^{−t/4} for 0 ≤ t < 8, no scale factor. Linear = quadratic to 1e-12 (measured
// 3.3e-16).
TEST(TransformerVqBias, LinearFormWithBiasEqualsQuadraticWithBias) {
  const VectorXd b = windowBias(8, 0.5);
  ASSERT_EQ(b.size(), 8);
  for (int t = 0; t < 8; ++t) EXPECT_NEAR(b(t), 0.5 * std::exp(-t / 4.0), 1e-15);
  const auto in = makeInputs(64, 8, 4, 0.5, 5);
  const MatrixXd c = makeCodebook(in.k, 16, CodebookKind::KMeans, 5, 20);
  const auto codes = assignCodes(in.k, c);
  const MatrixXd khat = quantizeKeys(c, codes);
  const MatrixXd lin = vqLinearOutput(in.q, c, codes, in.v, 1.0, true, 8, {}, b);
  const MatrixXd quad = windowBiasedAttentionOutput(in.q, khat, in.v, 1.0, b);
  EXPECT_LT(maxDiff(lin, quad), 1e-12);
  // The bias matters: without it the output moves by far more than rounding.
  EXPECT_GT(maxDiff(lin, vqLinearOutput(in.q, c, codes, in.v, 1.0, true, 8)), 1e-3);
  // Rows of the biased map sum to 1 and are causal.
  const MatrixXd rows = windowBiasedAttentionRows(in.q, khat, 1.0, b, 64);
  EXPECT_LT((rows.rowwise().sum().array() - 1.0).abs().maxCoeff(), 1e-12);
  EXPECT_EQ(rows.triangularView<Eigen::StrictlyUpper>().toDenseMatrix().cwiseAbs().maxCoeff(), 0.0);
  EXPECT_LT(maxDiff(rows * in.v, quad), 1e-12);
}

TEST(TransformerVqBias, AnyBlockLengthAndLargeLogits) {
  const auto in = makeInputs(100, 6, 3, 1.5, 9);
  const MatrixXd c = makeCodebook(in.k, 13, CodebookKind::RandomKeys, 2, 0);
  const auto codes = assignCodes(in.k, c);
  const MatrixXd khat = quantizeKeys(c, codes);
  for (int l : {1, 7, 64, 100}) {
    const VectorXd b = windowBias(l, 2.0);
    EXPECT_LT(maxDiff(vqLinearOutput(in.q, c, codes, in.v, 0.7, true, l, {}, b),
                      windowBiasedAttentionOutput(in.q, khat, in.v, 0.7, b)),
              1e-12)
        << l;
  }
  // Zero bias is the plain causal form.
  EXPECT_LT(maxDiff(windowBiasedAttentionOutput(in.q, khat, in.v, 0.7, VectorXd::Zero(7)),
                    exactAttentionOutput(in.q, khat, in.v, 0.7, true)),
            1e-12);
}

TEST(TransformerVqBias, BadBiasIsRejectedWithItsKey) {
  const auto in = makeInputs(16, 4, 2, 0.5, 1);
  const MatrixXd c = makeCodebook(in.k, 4, CodebookKind::RandomKeys, 1, 0);
  const auto codes = assignCodes(in.k, c);
  auto key = [&](auto f) {
    try {
      f();
    } catch (const ParamError& e) {
      return e.key();
    }
    return std::string("none");
  };
  EXPECT_EQ(key([&] { vqLinearOutput(in.q, c, codes, in.v, 1.0, false, 4, {}, windowBias(4, 1)); }),
            "window_bias");
  EXPECT_EQ(key([&] { vqLinearOutput(in.q, c, codes, in.v, 1.0, true, 4, {}, windowBias(5, 1)); }),
            "block");
  EXPECT_EQ(key([&] { windowBias(4, std::nan("")); }), "bias_strength");
  EXPECT_EQ(key([&] { windowBias(0, 1.0); }), "block");
}

TEST(TransformerVqCache, StateCountsAndMeansAndReproducesTheOutput) {
  const auto in = makeInputs(40, 5, 3, 0.7, 2);
  const MatrixXd c = makeCodebook(in.k, 6, CodebookKind::KMeans, 3, 10);
  const auto codes = assignCodes(in.k, c);
  const auto none = vqCacheState(codes, in.v, 6, 0);
  EXPECT_EQ(none.counts.sum(), 0.0);
  const auto half = vqCacheState(codes, in.v, 6, 20);
  EXPECT_EQ(half.counts.sum(), 20.0);
  const auto all = vqCacheState(codes, in.v, 6, 40);
  EXPECT_EQ(all.counts.sum(), 40.0);
  // Mean of code codes[0] by hand.
  Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(3);
  int count = 0;
  for (int j = 0; j < 40; ++j)
    if (codes[j] == codes[0]) {
      sum += in.v.row(j);
      ++count;
    }
  EXPECT_LT((all.means.row(codes[0]) - sum / count).cwiseAbs().maxCoeff(), 1e-12);
  // Official cache form (nn/attn.py): softmax over codes of q·c_s + log count_s, values mean_s, is
  // the encoder output.
  const double s = 0.4;
  const MatrixXd out = vqLinearOutput(in.q, c, codes, in.v, s, false, 8);
  for (int i : {0, 17, 39}) {
    VectorXd w(6);
    for (int k = 0; k < 6; ++k)
      w(k) = all.counts(k) > 0 ? all.counts(k) * std::exp(s * in.q.row(i).dot(c.row(k))) : 0.0;
    const Eigen::RowVectorXd o = (w.transpose() * all.means) / w.sum();
    EXPECT_LT((o - out.row(i)).cwiseAbs().maxCoeff(), 1e-12) << i;
  }
  EXPECT_THROW(vqCacheState(codes, in.v.topRows(5), 6, 5), ParamError);
}

TEST(TransformerVqBias, LabReadsOutTheBiasedAgreement) {
  EfficientLabParams p;
  p.n = 64;
  p.causal = true;
  p.block = 8;
  p.windowBias = true;
  p.codebookSize = 16;
  const auto biased = computeEfficientLab(p);
  EXPECT_LT(biased.vqLinearVsQuadratic, 1e-12);
  p.windowBias = false;
  const auto plain = computeEfficientLab(p);
  EXPECT_GT((biased.vqMap - plain.vqMap).cwiseAbs().maxCoeff(), 1e-3);
  EXPECT_EQ(biased.codes.size(), 64u);
  EXPECT_EQ(biased.values.rows(), 64);
}
