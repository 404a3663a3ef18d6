// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Fokker–Planck page from the command line: figure, data, presets and bad input.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct ExeRun {
  int code;
  std::string err;
};

ExeRun runFp(const std::string& args, const fs::path& dir) {
  const fs::path err = dir / "stderr.txt";
  const std::string cmd = std::string("'") + LATENTLAB_EXE + "' --page fokker_planck " + args +
                          " >/dev/null 2>'" + err.string() + "'";
  const int status = std::system(cmd.c_str());
  std::ifstream in(err);
  std::ostringstream os;
  os << in.rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, os.str()};
}

fs::path tempDir(const std::string& name) {
  const fs::path d =
      fs::temp_directory_path() / ("latentlab_fp_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

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
    const std::string cmd = std::string("'") + LATENTLAB_EXE + "' --scenario '" +
                            e.path().string() +
                            "' --set grid_n=64 --set particles=500 --set snapshots=4 --export '" +
                            png.string() + "' --size 640x420 >/dev/null 2>&1";
    const int status = std::system(cmd.c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << name;
    EXPECT_EQ(cv::imread(png.string()).cols, 640) << name;
  }
  EXPECT_GE(seen, 4);
}
