// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Efficient attention page from the command line: every bundled scenario exports a figure and
// its data; bad input exits 2 naming the key.
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
  return latentlab::apptest::tempDir("efficient_app", name);
}

}  // namespace

TEST(EfficientAttentionApp, EveryBundledScenarioExportsFigureAndData) {
  const fs::path dir = tempDir("scenarios");
  int found = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(LATENTLAB_SOURCE_DIR) / "resources" / "scenarios")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("efficient_attention-", 0) != 0) continue;
    ++found;
    const fs::path png = dir / (name + ".png"), json = dir / (name + ".json");
    const int code = runApp("--scenario '" + entry.path().string() + "' --export '" + png.string() +
                                "' --export-data '" + json.string() + "' --size 800x500",
                            dir / "err.txt");
    ASSERT_EQ(code, 0) << name << ": " << readFile(dir / "err.txt");
    const cv::Mat img = cv::imread(png.string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(img.empty()) << name;
    EXPECT_EQ(img.cols, 800);
    EXPECT_EQ(img.rows, 500);
    cv::Scalar mean, stddev;
    cv::meanStdDev(img, mean, stddev);
    EXPECT_GT(stddev[0] + stddev[1] + stddev[2], 5.0) << name << " looks blank";
    const auto data = nlohmann::json::parse(readFile(json));
    bool hasSummary = false;
    for (const auto& t : data.at("tables")) {
      if (t.at("name") != "summary") continue;
      hasSummary = true;
      const auto& cols = t.at("columns");
      const auto& row = t.at("rows").at(0);
      for (std::size_t c = 0; c < cols.size(); ++c) {
        if (cols[c] == "vq_linear_vs_quadratic") {
          EXPECT_LT(row[c].get<double>(), 1e-12) << name;
        }
      }
    }
    EXPECT_TRUE(hasSummary) << name;
  }
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
