// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Efficient attention page from the command line: every bundled scenario exports a figure and
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
  return latentlab::apptest::tempDir("efficient_app", name);
}

}  // namespace

TEST(EfficientAttentionApp, EveryBundledScenarioExportsFigureAndData) {
  const int found = latentlab::apptest::exportEveryScenario(
      "efficient_attention", tempDir("scenarios"), 800, 500, "summary",
      [](const std::string& name, const nlohmann::json& t) {
        const auto& cols = t.at("columns");
        const auto& row = t.at("rows").at(0);
        for (std::size_t c = 0; c < cols.size(); ++c)
          if (cols[c] == "vq_linear_vs_quadratic") {
            EXPECT_LT(row[c].get<double>(), 1e-12) << name;
          }
      });
  EXPECT_GE(found, 4) << "bundled efficient_attention scenarios missing";
}

TEST(EfficientAttentionApp, BadInputExitsTwoNamingTheKey) {
  const fs::path dir = tempDir("bad");
  const int code =
      runApp("--page efficient_attention --set n=16 --set codebook_size=32 --export '" +
                 (dir / "x.png").string() + "'",
             dir / "err.txt");
  EXPECT_EQ(code, 2);
  EXPECT_NE(readFile(dir / "err.txt").find("codebook_size"), std::string::npos)
      << readFile(dir / "err.txt");
}
