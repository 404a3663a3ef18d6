// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Fokker–Planck page from the command line: figure, data, presets and bad input.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "tests/app/app_support.h"

namespace {

namespace fs = std::filesystem;

struct ExeRun {
  int code;
  std::string err;
};

ExeRun runFp(const std::string& args, const fs::path& dir) {
  const fs::path err = dir / "stderr.txt";
  std::string all("--page fokker_planck ");
  all.append(args);
  const int code = latentlab::apptest::runApp(all, err);
  return {code, latentlab::apptest::readFile(err)};
}

fs::path tempDir(const std::string& name) { return latentlab::apptest::tempDir("fp", name); }

const char* const kSmall =
    "--set grid_n=64 --set particles=2000 --set t_end=0.5 --set snapshots=10 ";

}  // namespace

TEST(FokkerPlanckApp, ExportsFigureAndData) {
  const fs::path d = tempDir("export");
  const fs::path png = d / "fp.png", json = d / "fp.json";
  const ExeRun r =
      runFp(std::string(kSmall) + "--set dim=1d --set view=compare --size 800x500 " + "--export '" +
                png.string() + "' --export-data '" + json.string() + "'",
            d);
  ASSERT_EQ(r.code, 0) << r.err;
  const cv::Mat img = cv::imread(png.string());
  EXPECT_EQ(img.cols, 800);
  EXPECT_EQ(img.rows, 500);
  std::ifstream in(json);
  const auto j = nlohmann::json::parse(in);
  bool found = false;
  for (const auto& t : j.at("tables"))
    if (t.at("name") == "frames") {
      found = true;
      ASSERT_EQ(t.at("rows").size(), 11u);
      // Column 1 is the grid mass: conserved (the Gaussian start fits the default box).
      const double m0 = t.at("rows").at(0).at(1).get<double>();
      const double m1 = t.at("rows").at(10).at(1).get<double>();
      EXPECT_NEAR(m1, m0, 1e-12);
      EXPECT_NEAR(t.at("rows").at(10).at(0).get<double>(), 0.5, 1e-12);
    }
  EXPECT_TRUE(found);
}

TEST(FokkerPlanckApp, BadInputIsAnErrorWithTheKey) {
  const fs::path d = tempDir("bad");
  const ExeRun r = runFp("--set dt=0.09 --export '" + (d / "x.png").string() + "'", d);
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("dt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("unstable"), std::string::npos) << r.err;
  const ExeRun nan = runFp("--set v0=nan --export '" + (d / "y.png").string() + "'", d);
  EXPECT_NE(nan.code, 0);
  EXPECT_NE(nan.err.find("v0"), std::string::npos) << nan.err;
}

TEST(FokkerPlanckApp, PresetsLoadAndRender) {
  const fs::path dir = fs::path(LATENTLAB_SOURCE_DIR) / "resources" / "scenarios";
  int seen = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("fokker_planck-", 0) != 0) continue;
    ++seen;
    std::ifstream in(e.path());
    const auto j = nlohmann::json::parse(in);
    EXPECT_EQ(j.at("page"), "fokker_planck") << name;
    // Each preset renders from the command line (smaller grid and N to keep the test short).
    const fs::path d = tempDir("preset_" + std::to_string(seen));
    const fs::path png = d / "p.png";
    std::string args("--scenario '");
    args.append(e.path().string()).append("' --set grid_n=64 --set particles=500");
    args.append(" --set snapshots=4 --export '").append(png.string()).append("' --size 640x420");
    EXPECT_EQ(latentlab::apptest::runApp(args, d / "err.txt"), 0) << name;
    EXPECT_EQ(cv::imread(png.string()).cols, 640) << name;
  }
  EXPECT_GE(seen, 4);
}
