// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "latentlab/common/rng.h"

#include <gtest/gtest.h>

#include <cmath>

using latentlab::Rng;

TEST(Rng, SameSeedSameStream) {
  Rng a(42), b(42), c(43);
  for (int i = 0; i < 100; ++i) {
    const auto va = a.next();
    EXPECT_EQ(va, b.next());
    EXPECT_NE(va, c.next());
  }
}

TEST(Rng, SplitMix64ReferenceValue) {
  // First output of SplitMix64 from state 0 (Vigna's reference implementation).
  std::uint64_t s = 0;
  EXPECT_EQ(Rng::splitMix64(s), 0xe220a8397b1dcdafULL);
}

TEST(Rng, MomentsOfUniformNormalGumbel) {
  Rng r(7);
  const int n = 200000;
  double su = 0, sn = 0, sn2 = 0, sg = 0;
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    su += u;
    const double z = r.normal();
    sn += z;
    sn2 += z * z;
    sg += r.gumbel();
  }
  EXPECT_NEAR(su / n, 0.5, 0.005);
  EXPECT_NEAR(sn / n, 0.0, 0.01);
  EXPECT_NEAR(sn2 / n, 1.0, 0.01);
  EXPECT_NEAR(sg / n, 0.5772156649, 0.01);  // Euler–Mascheroni constant
}
