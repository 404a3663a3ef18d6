// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// PSNR, SSIM and bpp against values computed by hand from the OpenCV tutorial's formulas.
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/common/errors.h"
#include "latentlab/quantization/image_metrics.h"

namespace latentlab::quantization {
namespace {

// A grey image from 8-bit values, row by row.
ImageData grey8(int rows, int cols, const std::vector<int>& values) {
  Eigen::MatrixXf m(rows, cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) m(r, c) = static_cast<float>(values[r * cols + c]) / 255.0f;
  return imageFromPlanes({m});
}

ImageData constant(int rows, int cols, std::vector<int> levels) {
  std::vector<Eigen::MatrixXf> planes;
  for (int v : levels) planes.push_back(Eigen::MatrixXf::Constant(rows, cols, v / 255.0f));
  return imageFromPlanes(std::move(planes));
}

TEST(ImageMetrics, PsnrOfTwoByTwoByHand) {
  // Differences 2, 0, −3, 0: MSE = 13/4, PSNR = 10·log10(255²/3.25).
  const ImageData a = grey8(2, 2, {10, 20, 30, 40});
  const ImageData b = grey8(2, 2, {12, 20, 27, 40});
  EXPECT_NEAR(psnr(a, b), 43.01196999889036, 1e-9);
  EXPECT_NEAR(psnr(b, a), 43.01196999889036, 1e-9);
}

TEST(ImageMetrics, PsnrOfEqualImagesIsInfinite) {
  const ImageData a = grey8(1, 3, {0, 128, 255});
  EXPECT_TRUE(std::isinf(psnr(a, a)));
}

TEST(ImageMetrics, SsimOfConstantImagesByHand) {
  // Constant images have σ = 0, so SSIM = (2μxμy + C1)/(μx² + μy² + C1) at every pixel.
  EXPECT_NEAR(ssim(constant(5, 7, {100}), constant(5, 7, {110})), 0.9954764440915066, 1e-9);
}

TEST(ImageMetrics, SsimAveragesChannels) {
  // Per channel: (100, 110), (50, 50), (0, 255), then the mean of the three.
  EXPECT_NEAR(ssim(constant(3, 4, {100, 50, 0}), constant(3, 4, {110, 50, 255})),
              0.6651921446975022, 1e-9);
}

TEST(ImageMetrics, SsimOfIdenticalTexturedImageIsOne) {
  std::vector<int> v;
  for (int i = 0; i < 64; ++i) v.push_back((i * 37) % 256);
  const ImageData a = grey8(8, 8, v);
  EXPECT_NEAR(ssim(a, a), 1.0, 1e-12);
  std::vector<int> w = v;
  w[10] = 255 - w[10];
  EXPECT_LT(ssim(a, grey8(8, 8, w)), 0.999);
}

TEST(ImageMetrics, OneByOneAndAllBlackStayFinite) {
  const ImageData black = constant(1, 1, {0});
  const ImageData grey = constant(1, 1, {10});
  EXPECT_NEAR(psnr(black, grey), 10.0 * std::log10(65025.0 / 100.0), 1e-9);
  EXPECT_NEAR(ssim(black, black), 1.0, 1e-12);
  EXPECT_TRUE(std::isfinite(ssim(black, grey)));
}

TEST(ImageMetrics, ShapeMismatchIsAParamError) {
  try {
    psnr(constant(2, 2, {0}), constant(2, 3, {0}));
    FAIL() << "no error";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "image");
  }
  EXPECT_THROW(ssim(constant(2, 2, {0}), constant(2, 2, {0, 0, 0})), ParamError);
}

TEST(ImageMetrics, ErrorMapIsChannelMeanOnEightBitScale) {
  const Eigen::MatrixXd e = absErrorMap(constant(2, 2, {100, 50, 0}), constant(2, 2, {110, 50, 3}));
  EXPECT_NEAR(e(1, 1), (10.0 + 0.0 + 3.0) / 3.0, 1e-4);
}

TEST(ImageMetrics, BitsPerPixelOfSpecExample) {
  // Fixed-rate bpp = T·log2 K/(H·W): 8×8 patches at K = 1000 give log2(1000)/64 ≈ 0.156 bpp.
  EXPECT_NEAR(bitsPerPixel(4096, 1000, 512LL * 512), 0.1557153794478451, 1e-12);
  EXPECT_EQ(bitsPerPixel(10, 1000, 0), 0.0);
}

}  // namespace
}  // namespace latentlab::quantization
