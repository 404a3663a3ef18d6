// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Images in scenarios (exact when small, a thumbnail otherwise) and the one 8-bit rounding that
// written PNGs and the metrics share.
#include "latentlab/quantization/image_embed.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "latentlab/common/base64.h"
#include "latentlab/common/scenario_inputs.h"
#include "latentlab/quantization/image_metrics.h"

namespace latentlab::quantization {
namespace {

ImageData ramp(int h, int w, int channels, float scale) {
  std::vector<Eigen::MatrixXf> planes;
  for (int k = 0; k < channels; ++k) {
    Eigen::MatrixXf p(h, w);
    for (int r = 0; r < h; ++r)
      for (int c = 0; c < w; ++c)
        p(r, c) = static_cast<float>(((r * 7 + c * 3 + k * 50) % 256) / 255.0) * scale;
    planes.push_back(p);
  }
  return imageFromPlanes(std::move(planes));
}

ScenarioInput record(const ImageData& image) {
  ScenarioInput in = memoryInput("image", "mine.png", "stand-in bytes");
  embedImage(in, image);
  return in;
}

void expectSame(const ImageData& a, const ImageData& b) {
  ASSERT_EQ(a.channels(), b.channels());
  for (int k = 0; k < a.channels(); ++k)
    EXPECT_TRUE(a.planes[static_cast<std::size_t>(k)] == b.planes[static_cast<std::size_t>(k)])
        << "plane " << k;
}

}  // namespace

TEST(ImageEmbed, EightBitImagesEmbedAsPngAndComeBackBitForBit) {
  // Decoded the way a file is (u / 255 in float), as an 8-bit PNG would give.
  cv::Mat bgr(30, 40, CV_8UC3);
  for (int r = 0; r < bgr.rows; ++r)
    for (int c = 0; c < bgr.cols; ++c)
      bgr.at<cv::Vec3b>(r, c) = cv::Vec3b(static_cast<uchar>(6 * c), static_cast<uchar>(8 * r),
                                          static_cast<uchar>((r * c) % 256));
  std::vector<std::uint8_t> bytes;
  ASSERT_TRUE(cv::imencode(".png", bgr, bytes));
  const ImageData image = decodeImage(bytes, "mine.png");
  const ScenarioInput in = record(image);
  EXPECT_EQ(in.encoding, "png");
  EXPECT_EQ(in.shape, (std::vector<int>{30, 40, 3}));
  EXPECT_TRUE(in.thumbnail.empty());
  expectSame(embeddedImage(in), image);
}

TEST(ImageEmbed, SamplesBetweenTheEightBitLevelsEmbedAsFloatsExactly) {
  // 0.7 × u/255 is neither n/255 nor n/65535: only the floats themselves replay it.
  const ImageData image = ramp(17, 23, 1, 0.7f);
  ScenarioInput in = record(image);
  in.note = "alpha channel composited on white";
  EXPECT_EQ(in.encoding, "npy");
  const ImageData back = embeddedImage(in);
  expectSame(back, image);
  EXPECT_EQ(back.notice, "alpha channel composited on white");
}

TEST(ImageEmbed, LargeImagesGetOnlyAThumbnailAndDoNotReplay) {
  const ImageData image = ramp(300, 512, 3, 1.0f);
  const ScenarioInput in = record(image);
  EXPECT_TRUE(in.data.empty());
  EXPECT_EQ(in.shape, (std::vector<int>{300, 512, 3}));
  const std::string png = base64Decode(in.thumbnail, "thumbnail");
  const cv::Mat thumb =
      cv::imdecode(cv::Mat(1, static_cast<int>(png.size()), CV_8U, const_cast<char*>(png.data())),
                   cv::IMREAD_UNCHANGED);
  EXPECT_EQ(thumb.cols, kEmbeddedImageSide);
  EXPECT_EQ(thumb.rows, 150);
  try {
    embeddedImage(in);
    FAIL() << "a thumbnail was replayed as the image";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "inputs");
    EXPECT_NE(std::string(e.what()).find("'mine.png'"), std::string::npos) << e.what();
  }
}

TEST(ImageRounding, ToEightBitIsTheMetricsRoundingAndFloatProductsDiffer) {
  // Samples one float step below (k + ½)/255: the double product stays below k + ½, the float
  // product v·255.0f rounds up to it. These are the pixels where the PNGs and the metrics used to
  // disagree.
  int differing = 0;
  for (int k = 0; k < 255; ++k) {
    float v = static_cast<float>((k + 0.5) / 255.0);
    for (int step = 0; step < 4; ++step, v = std::nextafter(v, 0.0f)) {
      const long viaFloat = std::lround(v * 255.0f);
      const double viaDouble = std::round(static_cast<double>(v) * 255.0);
      EXPECT_EQ(to8Bit(v), static_cast<std::uint8_t>(viaDouble)) << v;
      if (viaFloat != static_cast<long>(viaDouble)) ++differing;
    }
  }
  EXPECT_GT(differing, 0) << "no sample exercises the float/double difference";
  EXPECT_EQ(to8Bit(-0.1f), 0);
  EXPECT_EQ(to8Bit(1.5f), 255);
  EXPECT_EQ(to8Bit(std::nanf("")), 0);
}

TEST(ImageRounding, PsnrOfTheWrittenPngEqualsTheReportedPsnr) {
  // A reconstruction made of the samples where float and double rounding disagree.
  const ImageData original = ramp(32, 32, 3, 1.0f);
  std::vector<Eigen::MatrixXf> planes = original.planes;
  for (auto& p : planes)
    for (Eigen::Index i = 0; i < p.size(); ++i) {
      const int k = static_cast<int>(i % 255);
      p.data()[i] = std::nextafter(static_cast<float>((k + 0.5) / 255.0), 0.0f);
    }
  const ImageData recon = imageFromPlanes(std::move(planes));
  const auto dir = std::filesystem::temp_directory_path() /
                   ("latentlab_rounding_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  saveImage(original, (dir / "original.png").string());
  saveImage(recon, (dir / "recon.png").string());
  const ImageData a = loadImage((dir / "original.png").string());
  const ImageData b = loadImage((dir / "recon.png").string());
  EXPECT_NEAR(psnr(a, b), psnr(original, recon), 1e-9);
  EXPECT_EQ(psnr(a, b), psnr(original, recon));  // the same integers: the same sum, bit for bit
  std::filesystem::remove_all(dir);
}

}  // namespace latentlab::quantization
