// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Images inside scenario files: exact when small, a thumbnail otherwise.
#include "latentlab/quantization/image_embed.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "latentlab/common/base64.h"
#include "latentlab/common/npy.h"
#include "latentlab/common/scenario_inputs.h"

namespace latentlab::quantization {
namespace {

// The planes as one interleaved OpenCV image of `depth` (CV_8U or CV_16U), BGR order as imencode
// expects.
cv::Mat toMat(const ImageData& image, int depth) {
  const int ch = image.channels(), h = image.height(), w = image.width();
  cv::Mat out(h, w, CV_MAKETYPE(depth, ch));
  for (int r = 0; r < h; ++r)
    for (int c = 0; c < w; ++c)
      for (int k = 0; k < ch; ++k) {
        const int plane = ch == 3 ? 2 - k : k;  // RGB → BGR
        const float v = image.planes[static_cast<std::size_t>(plane)](r, c);
        if (depth == CV_8U)
          out.ptr<std::uint8_t>(r)[c * ch + k] = to8Bit(v);
        else
          out.ptr<std::uint16_t>(r)[c * ch + k] = static_cast<std::uint16_t>(
              std::round(std::clamp(static_cast<double>(v), 0.0, 1.0) * 65535.0));
      }
  return out;
}

std::string png(const cv::Mat& m) {
  std::vector<std::uint8_t> bytes;
  if (!cv::imencode(".png", m, bytes)) return {};
  return std::string(bytes.begin(), bytes.end());
}

bool samePlanes(const ImageData& a, const ImageData& b) {
  if (a.channels() != b.channels() || a.width() != b.width() || a.height() != b.height())
    return false;
  for (int k = 0; k < a.channels(); ++k)
    if (a.planes[static_cast<std::size_t>(k)] != b.planes[static_cast<std::size_t>(k)])
      return false;
  return true;
}

ImageData decodePng(const std::string& bytes, const std::string& name) {
  return decodeImage(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), name);
}

}  // namespace

void embedImage(ScenarioInput& input, const ImageData& image) {
  input.shape = {image.height(), image.width(), image.channels()};
  input.note = image.notice;
  input.encoding.clear();
  input.data.clear();
  input.thumbnail.clear();
  if (image.empty()) return;
  const int longSide = std::max(image.width(), image.height());
  if (longSide > kEmbeddedImageSide) {
    const double s = static_cast<double>(kEmbeddedImageSide) / longSide;
    const cv::Size size(std::max(1, static_cast<int>(std::lround(image.width() * s))),
                        std::max(1, static_cast<int>(std::lround(image.height() * s))));
    cv::Mat small;
    cv::resize(toMat(image, CV_8U), small, size, 0, 0, cv::INTER_AREA);
    input.thumbnail = base64Encode(png(small));
    return;
  }
  for (const int depth : {CV_8U, CV_16U}) {
    const std::string bytes = png(toMat(image, depth));
    if (!bytes.empty() && samePlanes(decodePng(bytes, input.name), image)) {
      input.encoding = "png";
      input.data = base64Encode(bytes);
      return;
    }
  }
  // Downscaled or alpha-composited samples are not n/255 or n/65535: keep the floats.
  Eigen::MatrixXd stacked(static_cast<Eigen::Index>(image.channels()) * image.height(),
                          image.width());
  for (int k = 0; k < image.channels(); ++k)
    stacked.middleRows(static_cast<Eigen::Index>(k) * image.height(), image.height()) =
        image.planes[static_cast<std::size_t>(k)].cast<double>();
  input.encoding = "npy";
  input.data = base64Encode(toNpy(stacked));
}

ImageData embeddedImage(const ScenarioInput& input) {
  const std::string key = "inputs." + input.role;
  if (input.data.empty()) throw missingInput(input, "an image");
  const std::string bytes = base64Decode(input.data, key);
  ImageData out;
  if (input.encoding == "png") {
    out = decodePng(bytes, input.name);
  } else {
    if (input.shape.size() != 3)
      throw ParamError(key, "the embedded image of '" + input.name + "' has no (h, w, c) shape");
    const int h = input.shape[0], w = input.shape[1], c = input.shape[2];
    const Eigen::MatrixXd stacked = parseNpy(bytes, key);
    if (stacked.rows() != static_cast<Eigen::Index>(h) * c || stacked.cols() != w)
      throw ParamError(key, "the embedded image of '" + input.name + "' does not match its shape");
    std::vector<Eigen::MatrixXf> planes;
    for (int k = 0; k < c; ++k)
      planes.push_back(stacked.middleRows(static_cast<Eigen::Index>(k) * h, h).cast<float>());
    out = imageFromPlanes(std::move(planes));
  }
  if (input.shape.size() == 3 &&
      (out.height() != input.shape[0] || out.width() != input.shape[1] ||
       out.channels() != input.shape[2]))
    throw ParamError(key, "the embedded image of '" + input.name + "' does not match its shape");
  out.notice = input.note;
  return out;
}

}  // namespace latentlab::quantization
