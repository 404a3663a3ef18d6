// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// PSNR and SSIM exactly as OpenCV's getPSNR / getMSSIM tutorial computes them (SSIM: Wang et al.
// 2004).
#include "latentlab/quantization/image_metrics.h"

#include <cmath>
#include <limits>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "latentlab/common/errors.h"

namespace latentlab::quantization {
namespace {

void checkSameShape(const ImageData& a, const ImageData& b) {
  if (a.empty() || b.empty()) throw ParamError("image", "cannot compare an empty image");
  if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels())
    throw ParamError("image", "images differ in size or channels: " + std::to_string(a.width()) +
                                  "×" + std::to_string(a.height()) + "×" +
                                  std::to_string(a.channels()) + " vs " +
                                  std::to_string(b.width()) + "×" + std::to_string(b.height()) +
                                  "×" + std::to_string(b.channels()));
}

// 8-bit value of a normalised sample, as the metrics are defined on 0..255: the same to8Bit the
// PNG writers use, so a written image measures exactly as reported.
double to8(float v) { return static_cast<double>(to8Bit(v)); }

cv::Mat plane8(const Eigen::MatrixXf& p) {
  cv::Mat m(static_cast<int>(p.rows()), static_cast<int>(p.cols()), CV_64F);
  for (int r = 0; r < m.rows; ++r)
    for (int c = 0; c < m.cols; ++c) m.at<double>(r, c) = to8(p(r, c));
  return m;
}

}  // namespace

double psnr(const ImageData& reference, const ImageData& test) {
  checkSameShape(reference, test);
  double sum = 0.0;
  long long count = 0;
  for (int ch = 0; ch < reference.channels(); ++ch) {
    const auto& a = reference.planes[ch];
    const auto& b = test.planes[ch];
    for (Eigen::Index i = 0; i < a.size(); ++i) {
      const double d = to8(a.data()[i]) - to8(b.data()[i]);
      sum += d * d;
    }
    count += a.size();
  }
  const double mse = sum / static_cast<double>(count);
  if (mse == 0.0) return std::numeric_limits<double>::infinity();
  return 10.0 * std::log10(255.0 * 255.0 / mse);
}

double ssim(const ImageData& reference, const ImageData& test) {
  checkSameShape(reference, test);
  constexpr double kC1 = 6.5025, kC2 = 58.5225;
  const cv::Size window(11, 11);
  constexpr double kSigma = 1.5;
  double total = 0.0;
  for (int ch = 0; ch < reference.channels(); ++ch) {
    const cv::Mat x = plane8(reference.planes[ch]);
    const cv::Mat y = plane8(test.planes[ch]);
    cv::Mat mx, my, sxx, syy, sxy;
    cv::GaussianBlur(x, mx, window, kSigma);
    cv::GaussianBlur(y, my, window, kSigma);
    cv::GaussianBlur(x.mul(x), sxx, window, kSigma);
    cv::GaussianBlur(y.mul(y), syy, window, kSigma);
    cv::GaussianBlur(x.mul(y), sxy, window, kSigma);
    const cv::Mat mx2 = mx.mul(mx), my2 = my.mul(my), mxy = mx.mul(my);
    sxx -= mx2;
    syy -= my2;
    sxy -= mxy;
    const cv::Mat num = (2 * mxy + kC1).mul(2 * sxy + kC2);
    const cv::Mat den = (mx2 + my2 + kC1).mul(sxx + syy + kC2);
    cv::Mat map;
    cv::divide(num, den, map);
    total += cv::mean(map)[0];
  }
  return total / reference.channels();
}

Eigen::MatrixXd absErrorMap(const ImageData& reference, const ImageData& test) {
  checkSameShape(reference, test);
  Eigen::MatrixXd err = Eigen::MatrixXd::Zero(reference.height(), reference.width());
  for (int ch = 0; ch < reference.channels(); ++ch)
    err += ((reference.planes[ch] - test.planes[ch]).cast<double>().cwiseAbs() * 255.0);
  return err / reference.channels();
}

double bitsPerPixel(long long tokens, double codes, long long pixels) {
  if (pixels <= 0 || codes < 1.0) return 0.0;
  return static_cast<double>(tokens) * std::log2(codes) / static_cast<double>(pixels);
}

}  // namespace latentlab::quantization
