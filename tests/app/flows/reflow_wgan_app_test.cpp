// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The ReFlow → WGAN-GP page from the command line: every bundled scenario exports a figure and
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
  return latentlab::apptest::tempDir("reflow_wgan_app", name);
}

}  // namespace

TEST(ReflowWganApp, EveryBundledScenarioExportsFigureAndData) {
  const fs::path dir = tempDir("scenarios");
  int found = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(LATENTLAB_SOURCE_DIR) / "resources" / "scenarios")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("reflow_wgan-", 0) != 0) continue;
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
    bool hasRounds = false;
    for (const auto& t : data.at("tables")) {
      if (t.at("name") != "rounds") continue;
      hasRounds = true;
      EXPECT_GE(t.at("rows").size(), 2u) << name;
      for (const auto& row : t.at("rows"))
        for (const auto& v : row) EXPECT_FALSE(v.is_null()) << name << ": NaN in rounds";
    }
    EXPECT_TRUE(hasRounds) << name;
  }
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
