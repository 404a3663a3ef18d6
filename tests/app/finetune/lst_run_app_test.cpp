// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The lst_run page from the command line: CI preset scenario, figure, data and bad input.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

#include "tests/app/app_support.h"

namespace fs = std::filesystem;

namespace {

using latentlab::apptest::readFile;

class LstRunApp : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = latentlab::apptest::tempDir(
        "lst_run", ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { fs::remove_all(m_dir); }

  int run(const std::vector<std::string>& args) {
    std::string quoted;
    for (const auto& a : args) quoted.append(" '").append(a).append("'");
    const int code = latentlab::apptest::runApp(quoted, m_dir / "err.txt");
    m_err = readFile(m_dir / "err.txt");
    return code;
  }

  fs::path m_dir;
  std::string m_err;
};

const std::string kCiScenario =
    std::string(LATENTLAB_SOURCE_DIR).append("/tests/fixtures/scenarios/lst_run-ci.json");

TEST_F(LstRunApp, CiScenarioRendersFigureAndMeasuredData) {
  const fs::path png = m_dir / "lst.png";
  const fs::path json = m_dir / "lst.json";
  ASSERT_EQ(run({"--scenario", kCiScenario, "--set", "steps=20", "--export", png.string(),
                 "--export-data", json.string(), "--size", "1200x800"}),
            0)
      << m_err;
  const cv::Mat image = cv::imread(png.string(), cv::IMREAD_GRAYSCALE);
  ASSERT_FALSE(image.empty());
  EXPECT_EQ(image.cols, 1200);
  EXPECT_EQ(image.rows, 800);
  double lo = 0, hi = 0;
  cv::minMaxLoc(image, &lo, &hi);
  EXPECT_GT(hi - lo, 50.0);

  const auto doc = nlohmann::json::parse(readFile(json));
  const nlohmann::json* measured = nullptr;
  for (const auto& t : doc.at("tables"))
    if (t.at("name") == "measured") measured = &t;
  ASSERT_NE(measured, nullptr);
  // CI preset tape bytes per batch (analytic formula), measured by the run: full … LST.
  const double expected[] = {70736, 592, 68688, 51280, 35536};
  ASSERT_EQ(measured->at("rows").size(), 5u);
  for (std::size_t i = 0; i < 5; ++i)
    EXPECT_EQ(measured->at("rows")[i][4].get<double>(), expected[i]) << i;
}

TEST_F(LstRunApp, BadReductionIsOneLineNamingTheKey) {
  EXPECT_EQ(run({"--scenario", kCiScenario, "--set", "reduction=3", "--export",
                 (m_dir / "x.png").string()}),
            2);
  EXPECT_NE(m_err.find("reduction"), std::string::npos) << m_err;
  EXPECT_FALSE(fs::exists(m_dir / "x.png"));
}

}  // namespace
