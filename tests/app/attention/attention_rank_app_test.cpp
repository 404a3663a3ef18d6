// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Attention-rank page from the command line: every bundled scenario exports a figure and
// its data; bad input exits with status 2 and names the parameter.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "tests/app/app_support.h"

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) { return latentlab::apptest::readFile(p); }

class AttentionRankApp : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = latentlab::apptest::tempDir(
        "rank_app", ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { fs::remove_all(m_dir); }

  // Runs the app with `args` (already shell-quoted where needed); returns the exit status.
  int run(const std::string& args) { return latentlab::apptest::runApp(args, m_dir / "err.txt"); }
  std::string err() const { return slurp(m_dir / "err.txt"); }

  fs::path m_dir;
};

}  // namespace

TEST_F(AttentionRankApp, EveryBundledScenarioExportsFigureAndData) {
  const fs::path scenarios = fs::path(LATENTLAB_SOURCE_DIR) / "resources" / "scenarios";
  int count = 0;
  for (const auto& entry : fs::directory_iterator(scenarios)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("attention_rank-", 0) != 0) continue;
    ++count;
    const fs::path png = m_dir / (name + ".png");
    const fs::path json = m_dir / (name + ".json");
    ASSERT_EQ(run("--scenario '" + entry.path().string() + "' --export '" + png.string() +
                  "' --export-data '" + json.string() + "' --size 800x500"),
              0)
        << name << ": " << err();
    const cv::Mat img = cv::imread(png.string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(img.empty()) << name;
    EXPECT_EQ(img.cols, 800);
    EXPECT_EQ(img.rows, 500);
    cv::Scalar mean, stddev;
    cv::meanStdDev(img, mean, stddev);
    EXPECT_GT(stddev[0] + stddev[1] + stddev[2], 10.0) << name << " looks blank";
    const auto data = nlohmann::json::parse(slurp(json));
    bool hasMetrics = false;
    for (const auto& t : data.at("tables")) {
      if (t.at("name") != "metrics") continue;
      hasMetrics = true;
      EXPECT_EQ(t.at("rows").size(), 4u) << name;
    }
    EXPECT_TRUE(hasMetrics) << name;
  }
  EXPECT_GE(count, 5) << "the bundled attention_rank scenarios are missing";
}

TEST_F(AttentionRankApp, SweepScenarioExportsTheSweep) {
  const fs::path file =
      fs::path(LATENTLAB_SOURCE_DIR) / "resources/scenarios/attention_rank-n-sweep.json";
  const fs::path json = m_dir / "sweep.json";
  ASSERT_EQ(run("--scenario '" + file.string() + "' --export-data '" + json.string() + "'"), 0)
      << err();
  const auto data = nlohmann::json::parse(slurp(json));
  bool found = false;
  for (const auto& t : data.at("tables")) {
    if (t.at("name") != "sweep") continue;
    found = true;
    EXPECT_EQ(t.at("columns").at(0), "n");
    EXPECT_GE(t.at("rows").size(), 10u);
  }
  EXPECT_TRUE(found);
}

TEST_F(AttentionRankApp, BadInputExitsWithStatusTwoNamingTheKey) {
  EXPECT_EQ(run("--page attention_rank --set source=npy --export-data '" +
                (m_dir / "x.csv").string() + "'"),
            2);
  EXPECT_NE(err().find("source"), std::string::npos) << err();
  EXPECT_EQ(
      run("--page attention_rank --set n=1 --export-data '" + (m_dir / "x.csv").string() + "'"), 2);
  EXPECT_NE(err().find("'n'"), std::string::npos) << err();
  EXPECT_EQ(
      run("--page attention_rank --set tau=nan --export-data '" + (m_dir / "x.csv").string() + "'"),
      2);
}
