// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/attention/efficient_lab.h"
#include "latentlab/attention/exact_attention.h"
#include "latentlab/common/errors.h"

using namespace latentlab;
using namespace latentlab::attention;
using Eigen::MatrixXd;

TEST(ExactAttention, TiledOutputEqualsMapTimesV) {
  // n = 300 is not a multiple of any tile, so partial tiles are exercised.
  const auto in = makeInputs(300, 12, 5, 0.8, 7);
  const double s = 1.0 / std::sqrt(12.0);
  for (bool causal : {false, true}) {
    const MatrixXd a = exactAttentionRows(in.q, in.k, s, causal, 300);
    const MatrixXd ref = a * in.v;
    for (int tile : {8, 37, 128, 512}) {
      const MatrixXd o = exactAttentionOutput(in.q, in.k, in.v, s, causal, {}, tile);
      EXPECT_LT((o - ref).cwiseAbs().maxCoeff(), 1e-12) << "causal " << causal << " tile " << tile;
    }
  }
}

TEST(ExactAttention, MapRowsSumToOneAndCausalIsLowerTriangular) {
  const auto in = makeInputs(40, 4, 2, 1.0, 3);
  const MatrixXd a = exactAttentionRows(in.q, in.k, 0.5, true, 40);
  for (int i = 0; i < 40; ++i) {
    EXPECT_NEAR(a.row(i).sum(), 1.0, 1e-13);
    EXPECT_GT(a(i, i), 0.0);
    for (int j = i + 1; j < 40; ++j) EXPECT_EQ(a(i, j), 0.0);
  }
}

TEST(ExactAttention, StableAtLogitsOfPlusMinus1e4) {
  // Logits s·q·k = ±1e4: a naive exp overflows to Inf/NaN; the online softmax must not.
  MatrixXd q(2, 1), k(3, 1), v(3, 2);
  q << 1.0, -1.0;
  k << 1e4, -1e4, 0.0;
  v << 1, 2, 3, 4, 5, 6;
  const MatrixXd o = exactAttentionOutput(q, k, v, 1.0, false, {}, 8);
  ASSERT_TRUE(o.allFinite());
  // Row 0 puts all weight on key 0 (gap 1e4 to the next), row 1 on key 1.
  EXPECT_NEAR(o(0, 0), 1.0, 1e-12);
  EXPECT_NEAR(o(0, 1), 2.0, 1e-12);
  EXPECT_NEAR(o(1, 0), 3.0, 1e-12);
  EXPECT_NEAR(o(1, 1), 4.0, 1e-12);
  // Equal huge logits split evenly: (1e4, 1e4) → mean of the two values.
  k << 1e4, 1e4, -1e4;
  const MatrixXd e = exactAttentionOutput(q.topRows(1), k, v, 1.0, false, {}, 8);
  EXPECT_NEAR(e(0, 0), 2.0, 1e-12);
  EXPECT_NEAR(e(0, 1), 3.0, 1e-12);
}

TEST(ExactAttention, CausalFirstRowIsFirstValue) {
  const auto in = makeInputs(50, 6, 3, 2.0, 11);
  const MatrixXd o = exactAttentionOutput(in.q, in.k, in.v, 1.0, true);
  EXPECT_LT((o.row(0) - in.v.row(0)).cwiseAbs().maxCoeff(), 1e-15);
}

TEST(ExactAttention, ThreadCountDoesNotChangeBits) {
  // Same call twice (OpenMP schedules differ run to run): identical bits.
  const auto in = makeInputs(513, 8, 4, 0.5, 2);
  const MatrixXd a = exactAttentionOutput(in.q, in.k, in.v, 0.3, false, {}, 64);
  const MatrixXd b = exactAttentionOutput(in.q, in.k, in.v, 0.3, false, {}, 64);
  EXPECT_EQ((a - b).cwiseAbs().maxCoeff(), 0.0);
}

TEST(ExactAttention, BadInputIsRejectedWithItsKey) {
  auto in = makeInputs(10, 4, 2, 1.0, 1);
  in.q(3, 1) = std::nan("");
  try {
    exactAttentionOutput(in.q, in.k, in.v, 1.0, false);
    FAIL() << "NaN in Q accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "q");
  }
  const auto ok = makeInputs(10, 4, 2, 1.0, 1);
  try {
    exactAttentionOutput(ok.q, ok.k, ok.v.topRows(9), 1.0, false);
    FAIL() << "V with a missing row accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "v");
  }
  EXPECT_THROW(exactAttentionOutput(ok.q, ok.k.leftCols(3), ok.v, 1.0, false), ParamError);
}

TEST(ExactAttention, CancelStops) {
  const auto in = makeInputs(1024, 8, 4, 1.0, 1);
  std::atomic<bool> flag{true};
  RunControl control;
  control.cancel = &flag;
  EXPECT_THROW(exactAttentionOutput(in.q, in.k, in.v, 1.0, false, control), Cancelled);
}
