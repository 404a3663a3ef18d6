// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// clearUpperVectorState() leaves the upper halves of the AVX registers clean (XINUSE bit 2 off).
#include "latentlab/common/vector_state.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace {

using latentlab::kXinuseAvxUpper;

TEST(VectorState, ClearingLeavesTheUpperHalvesClean) {
  std::uint64_t mask = 0;
  if (!latentlab::vectorStateInUse(mask))
    GTEST_SKIP() << "this CPU has no AVX or cannot report XINUSE (XGETBV with ECX = 1)";
#if defined(__x86_64__)
  // All ones in ymm0: its upper half is no longer in its initial state.
  asm volatile("vpcmpeqd %%ymm0, %%ymm0, %%ymm0" ::: "xmm0");
#endif
  ASSERT_TRUE(latentlab::vectorStateInUse(mask));
  EXPECT_NE(mask & kXinuseAvxUpper, 0u) << "ymm0's upper half was just set";
  latentlab::clearUpperVectorState();
  ASSERT_TRUE(latentlab::vectorStateInUse(mask));
  EXPECT_EQ(mask & kXinuseAvxUpper, 0u);
}

}  // namespace
