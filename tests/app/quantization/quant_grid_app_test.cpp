// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The FSQ vs VQ grid page from the command line: every bundled scenario exports a figure and its
// data; bad input exits 2 naming the key.
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
  return latentlab::apptest::tempDir("quant_grid_app", name);
}

}  // namespace

TEST(QuantGridApp, EveryBundledScenarioExportsFigureAndData) {
  const int found = latentlab::apptest::exportEveryScenario(
      "quant_grid", tempDir("scenarios"), 900, 600, "summary",
      [](const std::string& name, const nlohmann::json& t) {
        const auto& cols = t.at("columns");
        ASSERT_EQ(cols[3], "usage");
        for (const auto& row : t.at("rows")) {
          EXPECT_GE(row[3].get<double>(), 0.0) << name;
          EXPECT_LE(row[3].get<double>(), 1.0) << name;
        }
      });
  EXPECT_GE(found, 4) << "bundled quant_grid scenarios missing";
}

TEST(QuantGridApp, BadInputExitsTwoNamingTheKey) {
  const fs::path dir = tempDir("bad");
  const int code =
      runApp("--page quant_grid --set level1=2 --export '" + (dir / "x.png").string() + "'",
             dir / "err.txt");
  EXPECT_EQ(code, 2);
  EXPECT_NE(readFile(dir / "err.txt").find("level1"), std::string::npos)
      << readFile(dir / "err.txt");
}
