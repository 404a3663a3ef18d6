// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The ReFlow page from the command line: every bundled scenario exports a figure and its data;
// bad input exits 2 naming the key.
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
  return latentlab::apptest::tempDir("reflow_app", name);
}

}  // namespace

TEST(ReflowApp, EveryBundledScenarioExportsFigureAndData) {
  const fs::path dir = tempDir("scenarios");
  int found = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(LATENTLAB_SOURCE_DIR) / "resources" / "scenarios")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("reflow-", 0) != 0) continue;
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
    bool hasDensity = false;
    for (const auto& t : data.at("tables")) {
      if (t.at("name") != "density") continue;
      hasDensity = true;
      EXPECT_EQ(t.at("rows").size(), 96u * 96u) << name;
      for (const auto& row : t.at("rows")) ASSERT_GE(row.at(2).get<double>(), 0.0) << name;
    }
    EXPECT_TRUE(hasDensity) << name;
  }
  EXPECT_GE(found, 5) << "bundled reflow scenarios missing";
}

TEST(ReflowApp, BadInputExitsTwoNamingTheKey) {
  const fs::path dir = tempDir("bad");
  int code = runApp("--page reflow --set steps=0 --export '" + (dir / "x.png").string() + "'",
                    dir / "err.txt");
  EXPECT_EQ(code, 2);
  EXPECT_NE(readFile(dir / "err.txt").find("steps"), std::string::npos)
      << readFile(dir / "err.txt");
  code = runApp("--page reflow --set drawn=1,2,3 --export '" + (dir / "y.png").string() + "'",
                dir / "err2.txt");
  EXPECT_EQ(code, 2);
  EXPECT_NE(readFile(dir / "err2.txt").find("drawn"), std::string::npos)
      << readFile(dir / "err2.txt");
}
