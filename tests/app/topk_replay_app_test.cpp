// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// A saved Smooth Top-k scenario replays from the command line to the same numbers.
#include <gtest/gtest.h>

#include <string>

#include "tests/app/replay_support.h"

TEST(TopkReplay, ASavedScenarioReplaysToTheSameNumbers) {
  namespace fs = std::filesystem;
  using namespace latentlab::apptest;
  const fs::path dir = tempDir("topk_replay", "scores");
  const Replay r =
      replayScenario(dir, "topk", "--set x=0.5,3,-1,2.25,2.2,7 --set k=3 --set tau=0.3");
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  EXPECT_EQ(r.first.at("values").at("n"), 6.0);
  EXPECT_EQ(r.first.at("values").at("k"), 3.0);
  fs::remove_all(dir);
}
