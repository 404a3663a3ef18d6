// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// --open: a user's own data files from the command line, and the messages for wrong ones.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <initializer_list>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "tests/app/app_support.h"

namespace {

namespace fs = std::filesystem;
using latentlab::apptest::readFile;
using latentlab::apptest::runApp;
using latentlab::apptest::tempDir;

std::string quoted(const fs::path& p) {
  std::string out("'");
  out.append(p.string()).append("'");
  return out;
}

// Joins command-line pieces with appends only: GCC 12 warns falsely (-Wrestrict) on
// "literal" + std::string chains.
std::string cat(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& part : parts) out.append(part);
  return out;
}

// n × d matrix, comma separated, deterministic values.
void writeCsv(const fs::path& p, int n, int d, double shift) {
  std::ofstream out(p);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d; ++j) out << (j ? "," : "") << std::sin(1.3 * i + 0.7 * j + shift);
    out << "\n";
  }
}

}  // namespace

TEST(OpenFilesApp, AttentionRankUsesTheGivenQAndK) {
  const fs::path d = tempDir("open", "qk");
  writeCsv(d / "q.csv", 24, 3, 0.0);
  writeCsv(d / "k.csv", 24, 3, 0.5);
  const fs::path csv = d / "out.csv";
  ASSERT_EQ(runApp(cat({"--page attention_rank --open ", quoted(d / "q.csv"), " --open ",
                        quoted(d / "k.csv"), " --export-data ", quoted(csv)}),
                   d / "err.txt"),
            0)
      << readFile(d / "err.txt");
  const std::string data = readFile(csv);
  // The spectra have one row per singular value: n = 24 from the files, not the default 256.
  EXPECT_NE(data.find("24"), std::string::npos);
  EXPECT_EQ(data.find(",256,"), std::string::npos);
}

TEST(OpenFilesApp, WrongCountBadFileAndPagesWithoutFilesExitTwo) {
  const fs::path d = tempDir("open", "bad");
  writeCsv(d / "q.csv", 8, 2, 0.0);
  EXPECT_EQ(runApp(cat({"--page attention_rank --open ", quoted(d / "q.csv"), " --export ",
                        quoted(d / "x.png")}),
                   d / "e1.txt"),
            2);
  EXPECT_NE(readFile(d / "e1.txt").find("opens 2 file(s), got 1"), std::string::npos);
  std::ofstream(d / "bad.png") << "not an image";
  EXPECT_EQ(runApp(cat({"--page quant_image --open ", quoted(d / "bad.png"), " --export ",
                        quoted(d / "x.png")}),
                   d / "e2.txt"),
            2);
  EXPECT_NE(readFile(d / "e2.txt").find("is not a PNG, JPEG, BMP, TIFF or WebP image"),
            std::string::npos);
  EXPECT_EQ(
      runApp(cat({"--page topk --open ", quoted(d / "q.csv"), " --export ", quoted(d / "x.png")}),
             d / "e3.txt"),
      2);
  EXPECT_NE(readFile(d / "e3.txt").find("opens no files"), std::string::npos);
  EXPECT_FALSE(fs::exists(d / "x.png"));
}

TEST(OpenFilesApp, QuantImageReconstructsTheGivenImage) {
  const fs::path d = tempDir("open", "image");
  cv::Mat img(48, 64, CV_8UC3);
  for (int y = 0; y < img.rows; ++y)
    for (int x = 0; x < img.cols; ++x)
      img.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<uchar>(4 * x), static_cast<uchar>(5 * y),
                                          static_cast<uchar>((x * y) % 256));
  ASSERT_TRUE(cv::imwrite((d / "mine.png").string(), img));
  ASSERT_EQ(runApp(cat({"--page quant_image --open ", quoted(d / "mine.png"), " --export-images ",
                        quoted(d / "out")}),
                   d / "err.txt"),
            0)
      << readFile(d / "err.txt");
  const cv::Mat original = cv::imread((d / "out" / "original.png").string());
  ASSERT_FALSE(original.empty());
  EXPECT_EQ(original.cols, 64);
  EXPECT_EQ(original.rows, 48);
  const cv::Mat fsq = cv::imread((d / "out" / "fsq.png").string());
  EXPECT_EQ(fsq.size(), original.size());
}
