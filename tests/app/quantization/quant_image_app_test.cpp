// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Image reconstruction page from the command line: figure and data export on the bundled
// sample, every bundled scenario, and bad input exiting 2 with the key named.
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
  return latentlab::apptest::tempDir("quant_image_app", name);
}

}  // namespace

TEST(QuantImageApp, ExportsFigureAndMetrics) {
  const fs::path dir = tempDir("export");
  const fs::path png = dir / "fig.png", json = dir / "data.json";
  ASSERT_EQ(runApp("--page quant_image --set patch=8 --set budget=8 --export '" + png.string() +
                       "' --size 1200x800 --export-data '" + json.string() + "'",
                   dir / "err.txt"),
            0)
      << readFile(dir / "err.txt");
  const cv::Mat img = cv::imread(png.string());
  ASSERT_FALSE(img.empty());
  EXPECT_EQ(img.cols, 1200);
  EXPECT_EQ(img.rows, 800);
  const auto data = nlohmann::json::parse(readFile(json));
  const auto& tables = data.at("tables");
  ASSERT_GE(tables.size(), 2u);
  EXPECT_EQ(tables[0].at("name"), "metrics");
  const auto& rows = tables[0].at("rows");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][1].get<double>(), 240.0);  // FSQ codes [8,6,5]
  EXPECT_GT(rows[1][2].get<double>(), 15.0);   // VQ PSNR
}

TEST(QuantImageApp, BundledScenariosRun) {
  const fs::path dir = tempDir("scenarios");
  const fs::path source(LATENTLAB_SOURCE_DIR);
  // Two bundled presets and the small fixture the tests use (kept out of the Presets menu).
  for (const fs::path& scenario : {source / "resources/scenarios/quant_image-default.json",
                                   source / "resources/scenarios/quant_image-colour-palette.json",
                                   source / "tests/fixtures/scenarios/quant_image-ci.json"}) {
    const std::string name = scenario.stem().string();
    const fs::path csv = dir / (name + ".csv");
    EXPECT_EQ(runApp("--scenario '" + scenario.string() + "' --export-data '" + csv.string() + "'",
                     dir / "err.txt"),
              0)
        << name << ": " << readFile(dir / "err.txt");
    EXPECT_NE(readFile(csv).find("# metrics"), std::string::npos) << name;
  }
}

TEST(QuantImageApp, BadBudgetExitsTwoNamingTheKey) {
  const fs::path dir = tempDir("bad");
  EXPECT_EQ(
      runApp("--page quant_image --set budget=13 --export-data '" + (dir / "x.csv").string() + "'",
             dir / "err.txt"),
      2);
  EXPECT_NE(readFile(dir / "err.txt").find("budget"), std::string::npos);
}

TEST(QuantImageApp, ExportImagesWritesFullResolutionPngs) {
  const fs::path dir = tempDir("images");
  const fs::path out = dir / "recon";
  ASSERT_EQ(runApp("--page quant_image --set budget=8 --set patch=8 --export-images '" +
                       out.string() + "'",
                   dir / "err.txt"),
            0)
      << readFile(dir / "err.txt");
  // The bundled astronaut sample is 512×512 and P = 8 divides it: every file keeps that size.
  for (const char* name : {"original.png", "fsq.png", "vq.png", "fsq_error.png", "vq_error.png"}) {
    const cv::Mat img = cv::imread((out / name).string(), cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(img.empty()) << name;
    EXPECT_EQ(img.cols, 512) << name;
    EXPECT_EQ(img.rows, 512) << name;
  }
  // The reconstructions are colour, the error maps grey.
  EXPECT_EQ(cv::imread((out / "fsq.png").string(), cv::IMREAD_UNCHANGED).channels(), 3);
  EXPECT_EQ(cv::imread((out / "vq_error.png").string(), cv::IMREAD_UNCHANGED).channels(), 1);
}

TEST(QuantImageApp, ExportImagesOnAPageWithoutImagesExitsTwo) {
  const fs::path dir = tempDir("images_bad");
  EXPECT_EQ(
      runApp("--page quant_grid --export-images '" + (dir / "x").string() + "'", dir / "err.txt"),
      2);
  EXPECT_NE(readFile(dir / "err.txt").find("export-images"), std::string::npos)
      << readFile(dir / "err.txt");
  EXPECT_FALSE(fs::exists(dir / "x"));
}
