// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Precision emulation (lucidrains/vector-quantize-pytorch issue #114): bf16/fp16 rounding and the
// bf16 FSQ index aliasing.
#include "latentlab/quantization/precision.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "latentlab/common/rng.h"
#include "latentlab/quantization/vq.h"

using namespace latentlab;
using namespace latentlab::quantization;

TEST(Precision, RoundingKnownValues) {
  EXPECT_EQ(roundToPrecision(256.0, Precision::Bf16), 256.0);
  EXPECT_EQ(roundToPrecision(257.0, Precision::Bf16), 256.0);  // tie → even
  EXPECT_EQ(roundToPrecision(259.0, Precision::Bf16), 260.0);
  EXPECT_EQ(roundToPrecision(59884.0, Precision::Bf16), 59904.0);
  EXPECT_EQ(roundToPrecision(1.0 / 3.0, Precision::Bf16), 0.333984375);
  EXPECT_EQ(roundToPrecision(2049.0, Precision::Fp16), 2048.0);
  EXPECT_EQ(roundToPrecision(2051.0, Precision::Fp16), 2052.0);
  EXPECT_EQ(roundToPrecision(1.0 / 3.0, Precision::Fp16), 0.333251953125);
  EXPECT_EQ(roundToPrecision(70000.0, Precision::Fp16), std::numeric_limits<double>::infinity());
  EXPECT_EQ(roundToPrecision(std::ldexp(1.0, -24), Precision::Fp16), std::ldexp(1.0, -24));
  EXPECT_EQ(roundToPrecision(0.1, Precision::Fp32), static_cast<double>(0.1f));
  EXPECT_TRUE(std::isnan(roundToPrecision(std::nan(""), Precision::Bf16)));
}

TEST(Precision, Bf16AliasesFsqIndicesFp32DoesNot) {
  // Issue #114: with [8,8,8,5,5,5] in bf16, neighbouring indices collapse and usage falls.
  const Fsq fsq(fsqPresetLevels(16));
  Rng rng(3);
  Eigen::MatrixXd z(20000, fsq.dim());
  for (Eigen::Index i = 0; i < z.size(); ++i) z.data()[i] = 1.5 * rng.normal();
  const auto fp32 = emulateFsqPrecision(fsq, z, Precision::Fp32);
  const auto bf16 = emulateFsqPrecision(fsq, z, Precision::Bf16);
  const auto fp16 = emulateFsqPrecision(fsq, z, Precision::Fp16);
  EXPECT_EQ(fp32.aliasedPoints, 0);
  EXPECT_EQ(fp32.naiveIndex, fp32.exactIndex);
  EXPECT_GT(bf16.aliasedPoints, 10000);  // most indices are above 256 and lose low bits
  EXPECT_FALSE(bf16.aliasedCodes.empty());
  EXPECT_GT(fp16.aliasedPoints, 0);       // fp16 is exact only up to 2048
  EXPECT_LT(fp16.aliasedPoints, bf16.aliasedPoints);
  const auto exact = usageStats(codeCounts(bf16.exactIndex, fsq.codebookSize()));
  const auto naive = usageStats(codeCounts(bf16.naiveIndex, fsq.codebookSize()));
  EXPECT_LT(naive.used, exact.used / 2);  // "usage fell from about 100% to under 50%"
  for (std::int64_t i : bf16.naiveIndex) {
    EXPECT_GE(i, 0);
    EXPECT_LT(i, fsq.codebookSize());
  }
}

TEST(Precision, SmallCodebooksHaveAnExactBf16IndexPath) {
  // 16×16 = 256 codes: every index is an integer bf16 represents exactly, so the only differences
  // come from the bounded value itself being rounded to bf16 near a cell edge. 32×32 adds index
  // collapse on top.
  auto levelPathIndex = [](const Fsq& fsq, const Eigen::MatrixXd& z, Eigen::Index row) {
    std::vector<int> q(static_cast<std::size_t>(fsq.dim()));
    for (int i = 0; i < fsq.dim(); ++i) {
      const double zi = roundToPrecision(z(row, i), Precision::Bf16);
      const double b = roundToPrecision(fsq.boundValue(i, zi), Precision::Bf16);
      const int half = fsq.levels()[static_cast<std::size_t>(i)] / 2;
      q[static_cast<std::size_t>(i)] =
          std::clamp(static_cast<int>(std::nearbyint(b)), -half,
                     fsq.levels()[static_cast<std::size_t>(i)] - 1 - half);
    }
    return fsq.levelsToIndex(q);
  };
  Rng rng(5);
  Eigen::MatrixXd z(4000, 2);
  for (Eigen::Index i = 0; i < z.size(); ++i) z.data()[i] = rng.normal();
  const Fsq small({16, 16}), large({32, 32});
  const auto s = emulateFsqPrecision(small, z, Precision::Bf16);
  const auto l = emulateFsqPrecision(large, z, Precision::Bf16);
  int collapsedLarge = 0;
  for (Eigen::Index i = 0; i < z.rows(); ++i) {
    EXPECT_EQ(s.naiveIndex[static_cast<std::size_t>(i)], levelPathIndex(small, z, i)) << i;
    collapsedLarge += l.naiveIndex[static_cast<std::size_t>(i)] != levelPathIndex(large, z, i);
  }
  EXPECT_GT(collapsedLarge, 100);
}
