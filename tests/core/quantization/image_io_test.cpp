// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The loader on files OpenCV writes in every supported format, and on bad files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "latentlab/common/errors.h"
#include "latentlab/quantization/image_io.h"

namespace latentlab::quantization {
namespace {

namespace fs = std::filesystem;

fs::path tempDir() {
  const fs::path dir =
      fs::temp_directory_path() / ("latentlab_image_io_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

// 5 wide, 4 high, BGR: pixel (r, c) = (B = 10c, G = 20r, R = 200).
cv::Mat testBgr() {
  cv::Mat m(4, 5, CV_8UC3);
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 5; ++c) m.at<cv::Vec3b>(r, c) = cv::Vec3b(10 * c, 20 * r, 200);
  return m;
}

std::string expectParamError(const std::string& path) {
  try {
    loadImage(path);
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "image");
    return e.what();
  }
  ADD_FAILURE() << "no ParamError for " << path;
  return {};
}

struct FormatCase {
  const char* ext;
  double tolerance;  // 8-bit steps: lossless formats 0, JPEG a few
};

class ImageIoFormat : public ::testing::TestWithParam<FormatCase> {};

TEST_P(ImageIoFormat, ReadsRgbInRgbOrder) {
  const fs::path file = tempDir() / (std::string("rgb.") + GetParam().ext);
  std::vector<int> opts;
  if (std::string(GetParam().ext) == "jpg") opts = {cv::IMWRITE_JPEG_QUALITY, 100};
  if (std::string(GetParam().ext) == "webp") opts = {cv::IMWRITE_WEBP_QUALITY, 101};  // lossless
  ASSERT_TRUE(cv::imwrite(file.string(), testBgr(), opts));
  const ImageData img = loadImage(file.string());
  ASSERT_EQ(img.width(), 5);
  ASSERT_EQ(img.height(), 4);
  ASSERT_EQ(img.channels(), 3);
  EXPECT_EQ(img.sourceBitDepth, 8);
  const double tol = GetParam().tolerance / 255.0 + 1e-6;
  EXPECT_NEAR(img.planes[0](2, 3), 200 / 255.0, tol);  // R
  EXPECT_NEAR(img.planes[1](2, 3), 40 / 255.0, tol);   // G = 20r
  EXPECT_NEAR(img.planes[2](2, 3), 30 / 255.0, tol);   // B = 10c
  EXPECT_TRUE(img.notice.empty());
}

INSTANTIATE_TEST_SUITE_P(Formats, ImageIoFormat,
                         ::testing::Values(FormatCase{"png", 0}, FormatCase{"bmp", 0},
                                           FormatCase{"tiff", 0}, FormatCase{"webp", 0},
                                           FormatCase{"jpg", 6}),
                         [](const auto& tp) { return std::string(tp.param.ext); });

TEST(ImageIo, SixteenBitGreyPngAndTiff) {
  for (const char* ext : {"png", "tiff"}) {
    const fs::path file = tempDir() / (std::string("grey16.") + ext);
    cv::Mat m(3, 2, CV_16UC1, cv::Scalar(0));
    m.at<std::uint16_t>(1, 1) = 65535;
    m.at<std::uint16_t>(2, 0) = 32768;
    ASSERT_TRUE(cv::imwrite(file.string(), m));
    const ImageData img = loadImage(file.string());
    ASSERT_EQ(img.channels(), 1) << ext;
    EXPECT_EQ(img.sourceBitDepth, 16) << ext;
    EXPECT_NEAR(img.planes[0](1, 1), 1.0, 1e-6) << ext;
    EXPECT_NEAR(img.planes[0](2, 0), 32768.0 / 65535.0, 1e-6) << ext;
    EXPECT_NEAR(img.planes[0](0, 0), 0.0, 1e-6) << ext;
  }
}

TEST(ImageIo, RgbaCompositesOnWhite) {
  const fs::path file = tempDir() / "rgba.png";
  cv::Mat m(1, 2, CV_8UC4);
  m.at<cv::Vec4b>(0, 0) = cv::Vec4b(0, 0, 0, 0);      // fully transparent black
  m.at<cv::Vec4b>(0, 1) = cv::Vec4b(0, 0, 255, 255);  // opaque red
  ASSERT_TRUE(cv::imwrite(file.string(), m));
  const ImageData img = loadImage(file.string());
  ASSERT_EQ(img.channels(), 3);
  EXPECT_EQ(img.sourceChannels, 4);
  EXPECT_NEAR(img.planes[1](0, 0), 1.0, 1e-6);
  EXPECT_NEAR(img.planes[0](0, 1), 1.0, 1e-6);
  EXPECT_NEAR(img.planes[1](0, 1), 0.0, 1e-6);
  EXPECT_FALSE(img.notice.empty());
}

TEST(ImageIo, GreyOneByOneAndOneByN) {
  for (const cv::Size size : {cv::Size(1, 1), cv::Size(7, 1), cv::Size(1, 7)}) {
    const fs::path file = tempDir() / "tiny.png";
    ASSERT_TRUE(cv::imwrite(file.string(), cv::Mat(size, CV_8UC1, cv::Scalar(0))));
    const ImageData img = loadImage(file.string());
    EXPECT_EQ(img.width(), size.width);
    EXPECT_EQ(img.height(), size.height);
    EXPECT_EQ(img.channels(), 1);
    EXPECT_EQ(img.planes[0].maxCoeff(), 0.0f);
  }
}

TEST(ImageIo, DownscalesAboveTheLimitWithANotice) {
  const fs::path file = tempDir() / "wide.png";
  ASSERT_TRUE(cv::imwrite(file.string(), cv::Mat(10, 40, CV_8UC3, cv::Scalar(0, 128, 255))));
  const ImageData img = loadImage(file.string(), 16);
  EXPECT_EQ(img.width(), 16);
  EXPECT_EQ(img.height(), 4);
  EXPECT_EQ(img.sourceWidth, 40);
  EXPECT_NE(img.notice.find("downscaled from 40×10 to 16×4"), std::string::npos) << img.notice;
  EXPECT_NEAR(img.planes[0](2, 7), 1.0, 1e-6);  // a constant colour survives INTER_AREA
}

TEST(ImageIo, BadFilesAreParamErrors) {
  const fs::path dir = tempDir();
  const fs::path empty = dir / "empty.png";
  std::ofstream(empty).close();
  EXPECT_NE(expectParamError(empty.string()).find("empty"), std::string::npos);

  const fs::path corrupt = dir / "corrupt.png";
  std::ofstream(corrupt) << "this is not an image at all";
  // Recognised by its first bytes as no promised format, before any decoder sees it.
  EXPECT_NE(expectParamError(corrupt.string()).find("is not a PNG, JPEG, BMP, TIFF or WebP"),
            std::string::npos);

  const fs::path text = dir / "notes.txt";
  std::ofstream(text) << "abc";
  expectParamError(text.string());

  // A PNG cut in half: the header is valid, the data is not.
  const fs::path whole = dir / "whole.png";
  ASSERT_TRUE(cv::imwrite(whole.string(), testBgr()));
  std::ifstream in(whole, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const fs::path truncated = dir / "truncated.png";
  std::ofstream(truncated, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  expectParamError(truncated.string());

  EXPECT_NE(expectParamError(dir.string()).find("directory"), std::string::npos);
  EXPECT_NE(expectParamError((dir / "missing.png").string()).find("does not exist"),
            std::string::npos);
  EXPECT_THROW(decodeImage({}, "bytes"), ParamError);
}

TEST(ImageIo, DecodeFromBytesMatchesFile) {
  std::vector<std::uint8_t> bytes;
  ASSERT_TRUE(cv::imencode(".png", testBgr(), bytes));
  const ImageData img = decodeImage(bytes, "memory.png");
  ASSERT_EQ(img.channels(), 3);
  EXPECT_NEAR(img.planes[2](0, 4), 40 / 255.0, 1e-6);
}

TEST(ImageIo, SaveRoundTripsEightBit) {
  const fs::path file = tempDir() / "saved.png";
  Eigen::MatrixXf p(2, 2);
  p << 0.0f, 1.0f, 128 / 255.0f, 7 / 255.0f;
  saveImage(imageFromPlanes({p}), file.string());
  const ImageData back = loadImage(file.string());
  EXPECT_NEAR(back.planes[0](1, 0), 128 / 255.0, 1e-6);
  EXPECT_NEAR(back.planes[0](1, 1), 7 / 255.0, 1e-6);
  EXPECT_THROW(saveImage(imageFromPlanes({p}), (tempDir() / "no/such/dir/x.png").string()),
               ParamError);
}

}  // namespace
}  // namespace latentlab::quantization
