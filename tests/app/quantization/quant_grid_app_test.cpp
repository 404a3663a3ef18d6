// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The FSQ vs VQ grid page from the command line: every bundled scenario exports a figure and its
// data; bad input exits 2 naming the key.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <sstream>
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
  const fs::path dir = tempDir("scenarios");
  int found = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(LATENTLAB_SOURCE_DIR) / "resources" / "scenarios")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("quant_grid-", 0) != 0) continue;
    ++found;
    const fs::path png = dir / (name + ".png"), json = dir / (name + ".json");
    const int code = runApp("--scenario '" + entry.path().string() + "' --export '" + png.string() +
                                "' --export-data '" + json.string() + "' --size 900x600",
                            dir / "err.txt");
    ASSERT_EQ(code, 0) << name << ": " << readFile(dir / "err.txt");
    const cv::Mat img = cv::imread(png.string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(img.empty()) << name;
    EXPECT_EQ(img.cols, 900);
    EXPECT_EQ(img.rows, 600);
    cv::Scalar mean, stddev;
    cv::meanStdDev(img, mean, stddev);
    EXPECT_GT(stddev[0] + stddev[1] + stddev[2], 5.0) << name << " looks blank";
    const auto data = nlohmann::json::parse(readFile(json));
    bool hasSummary = false;
    for (const auto& t : data.at("tables")) {
      if (t.at("name") != "summary") continue;
      hasSummary = true;
      const auto& cols = t.at("columns");
      ASSERT_EQ(cols[3], "usage");
      for (const auto& row : t.at("rows")) {
        EXPECT_GE(row[3].get<double>(), 0.0) << name;
        EXPECT_LE(row[3].get<double>(), 1.0) << name;
      }
    }
    EXPECT_TRUE(hasSummary) << name;
  }
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
