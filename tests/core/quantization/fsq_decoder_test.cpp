// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Tier A's FSQ decoders: analytic inverse bound, centroid, least squares.
#include "latentlab/quantization/fsq_decoder.h"

#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/common/rng.h"
#include "latentlab/quantization/image_lab.h"

using namespace latentlab;
using namespace latentlab::quantization;

TEST(FsqDecoder, AnalyticIsTheScaledInverseBoundOfTheCellCentre) {
  const Fsq fsq({5});  // odd L: h = 2·(1 + 1e-3) = 2.002, no offset or shift
  const std::int64_t idx = fsq.levelsToIndex({1});
  const Eigen::MatrixXd y = analyticDecode(fsq, {idx}, Eigen::VectorXd::Constant(1, 2.0), 0.5);
  // y = √λ/α · atanh(1/2.002) with √λ = 2, α = 0.5 (computed in Python, 1e-12).
  EXPECT_NEAR(y(0, 0), 2.1945614610971944, 1e-12);
  const Eigen::MatrixXd centre = analyticDecode(fsq, {fsq.levelsToIndex({0})},
                                                Eigen::VectorXd::Constant(1, 2.0), 0.5);
  EXPECT_EQ(centre(0, 0), 0.0);
  EXPECT_THROW(analyticDecode(fsq, {idx}, Eigen::VectorXd::Constant(2, 1.0), 0.5), ParamError);
}

TEST(FsqDecoder, SigmoidOuterCentreIsClampedNotInfinite) {
  const Fsq fsq({5}, FsqBound::SuSigmoid);  // the outermost sigmoid centres are at ±∞
  const Eigen::MatrixXd y = analyticDecode(fsq, {fsq.levelsToIndex({-2}), fsq.levelsToIndex({2})},
                                           Eigen::VectorXd::Constant(1, 1.0), 1.0);
  EXPECT_EQ(y(0, 0), -4.0);
  EXPECT_EQ(y(1, 0), 4.0);
}

TEST(FsqDecoder, LeastSquaresRecoversAnExactAffineMapAndIsOrthogonalOtherwise) {
  Rng rng(3);
  const int n = 200, d = 3, dd = 5;
  Eigen::MatrixXd z(n, d), w(d, dd), noise(n, dd);
  for (Eigen::Index i = 0; i < z.size(); ++i) z.data()[i] = rng.normal();
  for (Eigen::Index i = 0; i < w.size(); ++i) w.data()[i] = rng.normal();
  for (Eigen::Index i = 0; i < noise.size(); ++i) noise.data()[i] = 0.1 * rng.normal();
  Eigen::RowVectorXd b(dd);
  b << 0.5, -1.0, 2.0, 0.0, 3.0;
  const Eigen::MatrixXd x = (z * w).rowwise() + b;
  const Eigen::MatrixXd coef = fitLinearDecoder(z, x);
  EXPECT_LT((coef.topRows(d) - w).cwiseAbs().maxCoeff(), 1e-8);
  EXPECT_LT((coef.row(d) - b).cwiseAbs().maxCoeff(), 1e-8);
  // With noise, the residual is orthogonal to every regressor and to the constant (normal eq.).
  const Eigen::MatrixXd noisy = x + noise;
  const Eigen::MatrixXd resid = noisy - applyLinearDecoder(fitLinearDecoder(z, noisy), z);
  EXPECT_LT((z.transpose() * resid).cwiseAbs().maxCoeff(), 1e-8);
  EXPECT_LT(resid.colwise().sum().cwiseAbs().maxCoeff(), 1e-8);
  EXPECT_THROW(fitLinearDecoder(z, x.topRows(10)), ParamError);
}

TEST(FsqDecoder, TierACentroidIsAtLeastAsGoodAsAnalytic) {
  std::vector<Eigen::MatrixXf> planes(3, Eigen::MatrixXf(96, 128));
  for (int r = 0; r < 96; ++r)
    for (int c = 0; c < 128; ++c) {
      planes[0](r, c) = static_cast<float>(r) / 95.0f;
      planes[1](r, c) = static_cast<float>(c) / 127.0f;
      planes[2](r, c) = 0.5f + 0.3f * std::sin(0.4f * r) * std::cos(0.3f * c);
    }
  const ImageData img = imageFromPlanes(std::move(planes));
  ImageLabParams p;
  p.budgetBits = 8;
  p.lloydIterations = 2;
  double psnr[3];
  for (FsqDecoder dec : {FsqDecoder::Analytic, FsqDecoder::Centroid, FsqDecoder::LeastSquares}) {
    p.decoder = dec;
    const ImageLabResult r = computeTierA(img, p);
    psnr[static_cast<int>(dec)] = r.fsq.psnr;
    EXPECT_GT(r.fsq.psnr, 10.0);
    EXPECT_EQ(r.fsq.usage.used, computeTierA(img, p).fsq.usage.used);  // same partition
  }
  // The centroid is the MSE-optimal decoder for a fixed partition; clamping to
  // [0, 1] can only move both closer, so allow 0.01 dB.
  EXPECT_GE(psnr[1], psnr[0] - 0.01);
  EXPECT_NE(psnr[2], psnr[1]);
}

TEST(FsqDecoder, PatchCodeAtReadsTheHoveredPatch) {
  std::vector<Eigen::MatrixXf> planes(3, Eigen::MatrixXf(40, 48));
  for (int r = 0; r < 40; ++r)
    for (int c = 0; c < 48; ++c)
      for (int ch = 0; ch < 3; ++ch)
        planes[static_cast<std::size_t>(ch)](r, c) =
            static_cast<float>(0.5 + 0.4 * std::sin(0.3 * r + ch) * std::cos(0.2 * c));
  const ImageData img = imageFromPlanes(std::move(planes));
  ImageLabParams p;
  p.budgetBits = 6;  // [8, 8]
  const ImageLabResult r = computeTierA(img, p);  // P = 4: 10 × 12 patches
  EXPECT_EQ(r.gridRows, 10);
  EXPECT_EQ(r.gridCols, 12);
  const auto info = patchCodeAt(r, 13, 6);  // pixel (13, 6) → patch row 1, column 3
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->row, 1);
  EXPECT_EQ(info->col, 3);
  const std::size_t k = 1 * 12 + 3;
  EXPECT_EQ(info->fsqIndex, r.fsqPatchIndex[k]);
  // Digits are the mixed-radix digits of the index (basis [1, 8]).
  ASSERT_EQ(info->digits.size(), 2u);
  EXPECT_EQ(info->digits[0] + 8 * info->digits[1], info->fsqIndex);
  // ẑ_i = (k_i − 4)/4 for L = 8.
  EXPECT_DOUBLE_EQ(info->fsqCode[0], (info->digits[0] - 4) / 4.0);
  EXPECT_EQ(info->vqIndex, r.vqPatchIndex[k]);
  EXPECT_EQ(info->vqCode.size(), 2u);
  EXPECT_EQ(info->vqCode[1], r.vqCodebook(info->vqIndex, 1));
  EXPECT_FALSE(patchCodeAt(r, 48, 0).has_value());
  EXPECT_FALSE(patchCodeAt(r, -1, 0).has_value());
  ImageLabParams colour = p;
  colour.view = ImageView::Colour;
  EXPECT_FALSE(patchCodeAt(computeTierB(img, colour), 0, 0).has_value());
}
