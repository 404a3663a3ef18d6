// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The ReFlow → WGAN-GP page from the command line: every bundled scenario exports a figure and
// its data; bad input exits 2 naming the key.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "tests/app/app_support.h"

namespace {

namespace fs = std::filesystem;
using latentlab::apptest::readFile;
using latentlab::apptest::runApp;

fs::path tempDir(const std::string& name) {
  return latentlab::apptest::tempDir("reflow_wgan_app", name);
}

}  // namespace

TEST(ReflowWganApp, EveryBundledScenarioExportsFigureAndData) {
  const int found = latentlab::apptest::exportEveryScenario(
      "reflow_wgan", tempDir("scenarios"), 800, 500, "rounds",
      [](const std::string& name, const nlohmann::json& t) {
        EXPECT_GE(t.at("rows").size(), 2u) << name;
        for (const auto& row : t.at("rows"))
          for (const auto& v : row) EXPECT_FALSE(v.is_null()) << name << ": NaN in rounds";
      });
  EXPECT_GE(found, 4) << "bundled reflow_wgan scenarios missing";
}

TEST(ReflowWganApp, BadInputExitsTwoNamingTheKey) {
  const fs::path dir = tempDir("bad");
  const int code =
      runApp("--page reflow_wgan --set epsilon=nan --export '" + (dir / "x.png").string() + "'",
             dir / "err.txt");
  EXPECT_EQ(code, 2);
  EXPECT_NE(readFile(dir / "err.txt").find("epsilon"), std::string::npos)
      << readFile(dir / "err.txt");
}
