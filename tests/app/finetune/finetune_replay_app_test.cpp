// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Saved scenarios of the fine-tuning pages replay from the command line to the same numbers
// (wall-clock columns aside: they measure this machine, not the scenario).
#include <gtest/gtest.h>

#include <string>

#include "tests/app/replay_support.h"

namespace {

namespace fs = std::filesystem;
using namespace latentlab::apptest;

}  // namespace

TEST(LstMemoryReplay, ASavedScenarioReplaysToTheSameNumbers) {
  const fs::path dir = tempDir("finetune_replay", "memory");
  const Replay r = replayScenario(dir, "lst_memory", "--set layers=12");
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  EXPECT_EQ(r.first.at("scenario").at("params").at("layers"), 12.0);
  fs::remove_all(dir);
}

TEST(LstRunReplay, ASavedScenarioReplaysToTheSameLossesAndAccuracies) {
  const fs::path dir = tempDir("finetune_replay", "run");
  const std::string ci =
      std::string(LATENTLAB_SOURCE_DIR) + "/tests/fixtures/scenarios/lst_run-ci.json";
  // The CI preset with fewer steps, saved again as the window would, then replayed.
  const fs::path first = dir / "first.json";
  ASSERT_EQ(runApp("--scenario " + shellQuoted(ci) + " --set steps=12 --export-data " +
                       shellQuoted(first),
                   dir / "err.txt"),
            0)
      << readFile(dir / "err.txt");
  const auto a = nlohmann::json::parse(readFile(first));
  saveScenarioOf(a, dir / "saved.json");
  const fs::path second = dir / "second.json";
  ASSERT_EQ(runApp("--scenario " + shellQuoted(dir / "saved.json") + " --export-data " +
                       shellQuoted(second),
                   dir / "err.txt"),
            0)
      << readFile(dir / "err.txt");
  expectSameNumbers(a, nlohmann::json::parse(readFile(second)),
                    {"seconds", "forward_ms", "backward_ms", "pretrain_ms"});
  EXPECT_GT(a.at("values").at("backbone_params").get<double>(), 0.0);
  fs::remove_all(dir);
}
