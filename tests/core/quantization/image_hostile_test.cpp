// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The image loader against hostile files: formats are recognised by their magic bytes, sizes are
// read from the header and refused (or a JPEG decoded reduced) before any large allocation, and
// whatever OpenCV throws becomes a ParamError.
#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

#include "latentlab/common/errors.h"
#include "latentlab/quantization/image_header.h"
#include "latentlab/quantization/image_io.h"

namespace latentlab::quantization {
namespace {

const std::string kData = LATENTLAB_TEST_DATA_DIR "/hostile/";

std::vector<std::uint8_t> encode(const std::string& ext, const cv::Mat& m,
                                 const std::vector<int>& params = {}) {
  std::vector<std::uint8_t> out;
  EXPECT_TRUE(cv::imencode(ext, m, out, params)) << ext;
  return out;
}

// The message loadImage gives for `path`, or "loaded".
std::string loadError(const std::string& path) {
  try {
    loadImage(path);
  } catch (const ParamError& e) {
    return e.what();
  }
  return "loaded";
}

std::string decodeError(const std::vector<std::uint8_t>& bytes) {
  try {
    decodeImage(bytes, "x");
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "image");
    return e.what();
  }
  ADD_FAILURE() << "decoded";
  return {};
}

TEST(ImageHeader, ReadsTheDeclaredSizeOfEveryPromisedFormat) {
  const cv::Mat colour(37, 53, CV_8UC3, cv::Scalar(10, 20, 30));
  const cv::Mat grey(41, 29, CV_8UC1, cv::Scalar(7));
  const struct {
    std::string ext;
    cv::Mat image;
    ImageFormat format;
    std::vector<int> params;
  } cases[] = {{".png", colour, ImageFormat::Png, {}},
               {".jpg", grey, ImageFormat::Jpeg, {}},
               {".jpg", colour, ImageFormat::Jpeg, {cv::IMWRITE_JPEG_PROGRESSIVE, 1}},
               {".bmp", colour, ImageFormat::Bmp, {}},
               {".tiff", grey, ImageFormat::Tiff, {}},
               {".webp", colour, ImageFormat::WebP, {cv::IMWRITE_WEBP_QUALITY, 101}},
               {".webp", colour, ImageFormat::WebP, {cv::IMWRITE_WEBP_QUALITY, 75}}};
  for (const auto& c : cases) {
    const auto bytes = encode(c.ext, c.image, c.params);
    const ImageHeader h = readImageHeader(bytes.data(), bytes.size(), "x");
    EXPECT_EQ(h.format, c.format) << c.ext;
    EXPECT_EQ(h.width, c.image.cols) << c.ext;
    EXPECT_EQ(h.height, c.image.rows) << c.ext;
  }
}

TEST(ImageHeader, EveryPrefixOfAValidFileIsRefusedOrRead) {
  // Truncation anywhere in the header is a message, never a read past the end.
  const auto bytes = encode(".jpg", cv::Mat(9, 9, CV_8UC3, cv::Scalar(1, 2, 3)));
  for (std::size_t n = 0; n < 400 && n < bytes.size(); ++n) {
    try {
      readImageHeader(bytes.data(), n, "x");
    } catch (const ParamError& e) {
      EXPECT_EQ(e.key(), "image");
    }
  }
}

TEST(ImageHostile, PngSignatureWithoutAnImageIsAMessageNotAnAbort) {
  const std::string m = loadError(kData + "png_signature_only.png");
  EXPECT_NE(m.find("not a valid image"), std::string::npos) << m;
}

TEST(ImageHostile, UnpromisedFormatsAreRefusedByTheirMagic) {
  const std::vector<std::vector<std::uint8_t>> others = {
      {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0},                      // GIF
      {0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, 0x87, 0x0A, 0, 0, 0, 0},  // JPEG 2000
      {0x76, 0x2F, 0x31, 0x01, 2, 0, 0, 0},                                     // OpenEXR
      {'P', '5', '\n', '1', ' ', '1', '\n', '2', '5', '5', '\n', 0},            // PGM
  };
  for (const auto& bytes : others)
    EXPECT_NE(decodeError(bytes).find("not a PNG, JPEG, BMP, TIFF or WebP"), std::string::npos);
  std::vector<std::uint8_t> dicom(132, 0);
  std::copy_n("DICM", 4, dicom.begin() + 128);
  EXPECT_NE(decodeError(dicom).find("not a PNG"), std::string::npos);
}

TEST(ImageHostile, DecompressionBombIsRefusedFromItsHeader) {
  const std::string m = loadError(kData + "bomb_20000x20000.png");
  EXPECT_NE(m.find("20000×20000"), std::string::npos) << m;
  EXPECT_NE(m.find("the limit is 50 megapixels"), std::string::npos) << m;
  // The file holds one compressed row: a decoder would have called it truncated, so a message
  // naming the declared size and the limit shows it was refused from the header alone.
  // A side past 65535 is refused even when the pixel count would be small: the IHDR of a
  // 65536 × 1 PNG (width, height, bit depth 8, grey, then a CRC left at zero).
  std::vector<std::uint8_t> wide = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0,
                                    13,   'I', 'H', 'D', 'R',  0,    1,    0,    0, 0, 0,
                                    0,    1,   8,   0,   0,    0,    0,    0,    0, 0, 0};
  EXPECT_NE(decodeError(wide).find("no side may exceed 65535"), std::string::npos);
}

TEST(ImageHostile, AnOversizedJpegIsDecodedReduced) {
  // 7200 × 7200 = 51.8 megapixels, just over the limit: decoded at 1/2, then downscaled.
  cv::Mat big(7200, 7200, CV_8UC1);
  for (int r = 0; r < big.rows; ++r) big.row(r).setTo(r * 255 / big.rows);
  const ImageData image = decodeImage(encode(".jpg", big), "big.jpg", 2048);
  EXPECT_EQ(image.sourceWidth, 7200);
  EXPECT_EQ(image.sourceHeight, 7200);
  EXPECT_EQ(image.width(), 2048);
  EXPECT_EQ(image.channels(), 1);
  EXPECT_NE(image.notice.find("decoded at 1/2"), std::string::npos) << image.notice;
  EXPECT_NEAR(image.planes[0](2047, 0), 1.0, 0.02);  // the gradient survives the reduction
}

TEST(ImageHostile, DownscaledPixelsStayInsideZeroOne) {
  // White with a dark stripe: INTER_AREA's weights rounded white to 1.00000012 before the clamp.
  cv::Mat m(10, 3001, CV_8UC3, cv::Scalar(255, 255, 255));
  m.col(1500).setTo(cv::Scalar(0, 0, 0));
  const ImageData image = decodeImage(encode(".png", m), "wide.png", 2048);
  for (const auto& p : image.planes) {
    EXPECT_LE(p.maxCoeff(), 1.0f);
    EXPECT_GE(p.minCoeff(), 0.0f);
  }
}

TEST(ImageHostile, CorruptDataAfterAValidHeaderIsAMessage) {
  auto bytes = encode(".png", cv::Mat(64, 64, CV_8UC3, cv::Scalar(1, 2, 3)));
  for (std::size_t i = 40; i < bytes.size(); ++i) bytes[i] = static_cast<std::uint8_t>(i * 37);
  EXPECT_FALSE(decodeError(bytes).empty());
  auto jpeg = encode(".jpg", cv::Mat(64, 64, CV_8UC3, cv::Scalar(1, 2, 3)));
  jpeg.resize(jpeg.size() / 3);  // truncated inside the scan data: libjpeg pads, or refuses
  try {
    const ImageData image = decodeImage(jpeg, "cut.jpg");
    EXPECT_EQ(image.width(), 64);
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "image");
  }
}

}  // namespace
}  // namespace latentlab::quantization
