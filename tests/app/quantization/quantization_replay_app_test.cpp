// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Saved scenarios of the quantization pages replay to the same numbers, with and without an
// opened image; the written PNGs measure exactly as the exported metrics say; the rate table
// gives each quantizer its own rate.
#include <gtest/gtest.h>

#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "tests/app/replay_support.h"

namespace {

namespace fs = std::filesystem;
using namespace latentlab::apptest;

fs::path dirFor(const std::string& name) { return tempDir("quant_replay", name); }

// A photo-like 8-bit RGB test image: smooth gradients with texture.
void writeImage(const fs::path& p, int rows, int cols) {
  cv::Mat img(rows, cols, CV_8UC3);
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < cols; ++x)
      img.at<cv::Vec3b>(y, x) = cv::Vec3b(
          static_cast<uchar>(128 + 100 * std::sin(0.11 * x + 0.05 * y)),
          static_cast<uchar>((3 * y + x) % 256),
          static_cast<uchar>(128 + 120 * std::cos(0.07 * x * std::sin(0.03 * y))));
  ASSERT_TRUE(cv::imwrite(p.string(), img));
}

// PSNR of two 8-bit images as the page defines it: 10 log10(255² / MSE) over every sample.
double psnrOfFiles(const fs::path& a, const fs::path& b) {
  const cv::Mat x = cv::imread(a.string(), cv::IMREAD_UNCHANGED);
  const cv::Mat y = cv::imread(b.string(), cv::IMREAD_UNCHANGED);
  EXPECT_FALSE(x.empty());
  EXPECT_EQ(x.size(), y.size());
  cv::Mat d;
  cv::absdiff(x, y, d);
  d.convertTo(d, CV_64F);
  const double sum = cv::sum(d.mul(d))[0] + cv::sum(d.mul(d))[1] + cv::sum(d.mul(d))[2];
  const double mse = sum / (static_cast<double>(x.total()) * x.channels());
  return 10.0 * std::log10(255.0 * 255.0 / mse);
}

double metric(const nlohmann::json& data, int quantizer, int column) {
  const nlohmann::json* t = findTable(data, "metrics");
  return t ? t->at("rows").at(quantizer).at(column).get<double>() : std::nan("");
}

}  // namespace

TEST(QuantGridReplay, SavedScenariosReplayForGaussianPointsTheSampleAndAnOpenedImage) {
  const fs::path dir = dirFor("grid");
  Replay r = replayScenario(dir, "quant_grid", "--set points=600");
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  EXPECT_FALSE(r.first.at("scenario").contains("inputs"));
  // Image patches of the bundled sample: the scenario names it (no data: it is built in).
  r = replayScenario(dir, "quant_grid", "--set data=patches --set points=600");
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  const auto& sample = r.first.at("scenario").at("inputs").at(0);
  EXPECT_EQ(sample.at("name"), "astronaut.png");
  EXPECT_FALSE(sample.contains("data"));
  // An opened image small enough to embed: the replay needs no file.
  writeImage(dir / "mine.png", 96, 120);
  r = replayScenario(dir, "quant_grid", "--set points=600 --open " + shellQuoted(dir / "mine.png"));
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  const auto& mine = r.first.at("scenario").at("inputs").at(0);
  EXPECT_EQ(mine.at("name"), "mine.png");
  EXPECT_EQ(mine.at("encoding"), "png");
  EXPECT_EQ(r.first.at("values").at("image"), "mine.png");
  // FSQ's bounded values and code vectors are exported beside the points.
  const nlohmann::json* points = findTable(r.first, "points");
  ASSERT_NE(points, nullptr);
  EXPECT_NE(points->at("columns").dump().find("bounded1"), std::string::npos);
  EXPECT_NE(points->at("columns").dump().find("fsq_code2"), std::string::npos);
  fs::remove_all(dir);
}

TEST(QuantImageReplay, SavedScenariosReplayWithTheSampleAndAnEmbeddedImage) {
  const fs::path dir = dirFor("image");
  Replay r = replayScenario(dir, "quant_image", "--set budget=8 --set patch=8");
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  writeImage(dir / "small.png", 64, 80);
  r = replayScenario(dir, "quant_image", "--set budget=8 --open " + shellQuoted(dir / "small.png"));
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  EXPECT_EQ(r.first.at("scenario").at("params").at("image"), "loaded");
  EXPECT_EQ(r.first.at("scenario").at("inputs").at(0).at("encoding"), "png");
  // The token grid: one row per patch of the 16 × 20 grid.
  const nlohmann::json* tokens = findTable(r.first, "tokens");
  ASSERT_NE(tokens, nullptr);
  EXPECT_EQ(tokens->at("rows").size(), 16u * 20u);
  fs::remove_all(dir);
}

TEST(QuantImageReplay, ALargeImageNeedsItsFileAndLoadedNeverFallsBackToASample) {
  const fs::path dir = dirFor("large");
  writeImage(dir / "large.png", 240, 320);  // over 256 px: only a thumbnail is embedded
  const std::string open = "--open " + shellQuoted(dir / "large.png");
  const Replay r = replayScenario(dir, "quant_image", "--set budget=8 " + open, open);
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  const auto& in = r.first.at("scenario").at("inputs").at(0);
  EXPECT_FALSE(in.contains("data"));
  EXPECT_TRUE(in.contains("thumbnail"));
  EXPECT_EQ(in.at("shape"), nlohmann::json::array({240, 320, 3}));
  // Without the file the replay stops and names it; it does not compute on the astronaut.
  EXPECT_EQ(runApp("--scenario " + shellQuoted(r.scenario) + " --export-data " + shellQuoted(dir / "x.json"),
                   dir / "err.txt"),
            2);
  std::string err = readFile(dir / "err.txt");
  EXPECT_NE(err.find("'large.png'"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir / "x.json"));
  // A scenario that only says "loaded" (version 1, no inputs) stops too.
  const fs::path v1 = dir / "v1.json";
  std::ofstream(v1) << R"({"format": "latentlab-scenario", "version": 1, "page": "quant_image",
    "seed": 1, "params": {"image": "loaded"}})";
  EXPECT_EQ(runApp("--scenario " + shellQuoted(v1) + " --export-data " + shellQuoted(dir / "y.json"),
                   dir / "err.txt"),
            2);
  err = readFile(dir / "err.txt");
  EXPECT_NE(err.find("needs an opened image"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir / "y.json"));
  fs::remove_all(dir);
}

// The PNG written is exactly the image the metrics measured (one 8-bit rounding): the PSNR
// recomputed from the files equals the exported one, for tier A and the colour tier.
TEST(QuantImageRounding, PsnrRecomputedFromTheWrittenPngsEqualsTheExportedPsnr) {
  const fs::path dir = dirFor("rounding");
  writeImage(dir / "photo.png", 192, 256);
  const std::string cases[] = {"--set view=colour --set budget=12 --set seed=2",
                               "--set view=colour --set budget=10", "--set patch=6",
                               "--set budget=12 --set decoder=analytic"};
  for (const std::string& setup : cases) {
    const fs::path out = dir / "out", json = dir / "m.json";
    fs::remove_all(out);
    ASSERT_EQ(runApp("--page quant_image --open " + shellQuoted(dir / "photo.png") + " " + setup +
                         " --export-images " + shellQuoted(out) + " --export-data " + shellQuoted(json),
                     dir / "err.txt"),
              0)
        << setup << ": " << readFile(dir / "err.txt");
    const auto data = nlohmann::json::parse(readFile(json));
    const double fsq = psnrOfFiles(out / "original.png", out / "fsq.png");
    const double vq = psnrOfFiles(out / "original.png", out / "vq.png");
    std::printf("[ psnr  ] %s: FSQ %.9f (files) vs %.9f, VQ %.9f vs %.9f dB\n", setup.c_str(),
                fsq, metric(data, 0, 2), vq, metric(data, 1, 2));
    EXPECT_NEAR(fsq, metric(data, 0, 2), 1e-9) << setup;
    EXPECT_NEAR(vq, metric(data, 1, 2), 1e-9) << setup;
  }
  fs::remove_all(dir);
}

TEST(QuantImageRateTable, EachQuantizerHasItsOwnRateAndTheSweepNamesItsIterations) {
  const fs::path dir = dirFor("rate");
  const fs::path json = dir / "rate.json";
  ASSERT_EQ(runApp("--page quant_image --set view=rate_distortion --set patch=8 --export-data " +
                       shellQuoted(json),
                   dir / "err.txt"),
            0)
      << readFile(dir / "err.txt");
  const auto data = nlohmann::json::parse(readFile(json));
  const nlohmann::json* rate = findTable(data, "rate_distortion");
  ASSERT_NE(rate, nullptr);
  const auto& cols = rate->at("columns");
  ASSERT_EQ(cols, nlohmann::json::array({"log2_target", "codes", "vq_codes", "fsq_bpp", "vq_bpp",
                                         "fsq_psnr_db", "vq_psnr_db", "fsq_usage", "vq_usage",
                                         "vq_lloyd_iterations"}));
  const double patches = data.at("values").at("patches").get<double>();
  const double pixels =
      data.at("values").at("width").get<double>() * data.at("values").at("height").get<double>();
  int capped = 0;
  for (const auto& row : rate->at("rows")) {
    const double codes = row[1], vqCodes = row[2];
    EXPECT_NEAR(row[3].get<double>(), patches * std::log2(codes) / pixels, 1e-12);
    EXPECT_NEAR(row[4].get<double>(), patches * std::log2(vqCodes) / pixels, 1e-12);
    EXPECT_EQ(row[9].get<double>(), 4.0);  // min(8 Lloyd iterations, the sweep's 4)
    if (vqCodes < codes) ++capped;
  }
  EXPECT_GT(capped, 0);
  EXPECT_EQ(data.at("values").at("rate_lloyd_iterations"), 4.0);
  EXPECT_EQ(data.at("values").at("lloyd_iterations"), 8.0);
  fs::remove_all(dir);
}
