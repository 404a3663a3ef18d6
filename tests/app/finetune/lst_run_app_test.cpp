// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The lst_run page from the command line: CI preset scenario, figure, data and bad input.
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
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class LstRunApp : public ::testing::Test {
 protected:
  void SetUp() override {
    // Appends only: GCC 12 warns (-Wrestrict, falsely) on "literal" + std::string temporaries.
    std::string name("latentlab_lst_run_");
    name.append(std::to_string(::getpid())).append("_");
    name.append(::testing::UnitTest::GetInstance()->current_test_info()->name());
    m_dir = fs::temp_directory_path() / name;
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  int run(const std::vector<std::string>& args) {
    std::string cmd("'");
    cmd.append(LATENTLAB_EXE).append("'");
    for (const auto& a : args) cmd.append(" '").append(a).append("'");
    cmd.append(" >'").append((m_dir / "out.txt").string()).append("' 2>'");
    cmd.append((m_dir / "err.txt").string()).append("'");
    const int status = std::system(cmd.c_str());
    m_err = readText(m_dir / "err.txt");
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  fs::path m_dir;
  std::string m_err;
};

const std::string kCiScenario =
    std::string(LATENTLAB_SOURCE_DIR).append("/resources/scenarios/lst_run-ci.json");

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

  const auto doc = nlohmann::json::parse(readText(json));
  const nlohmann::json* measured = nullptr;
  for (const auto& t : doc.at("tables"))
    if (t.at("name") == "measured") measured = &t;
  ASSERT_NE(measured, nullptr);
  // Spec §3.6 CI preset tape bytes per batch, measured by the run: full … LST.
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
