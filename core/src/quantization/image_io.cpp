// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Image loading and saving through OpenCV, which stays private to core: the public API only sees
// Eigen planes.
#include "latentlab/quantization/image_io.h"

#include <algorithm>
#include <tuple>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "latentlab/common/errors.h"
#include "latentlab/common/file_read.h"
#include "latentlab/quantization/image_header.h"

namespace latentlab::quantization {
namespace {

constexpr const char* kKey = "image";
constexpr const char* kFormats = "PNG, JPEG, BMP, TIFF or WebP";

// Converts a decoded cv::Mat (any depth, 1–4 channels, BGR order) to normalised planes.
ImageData fromMat(const cv::Mat& decoded, const std::string& name, int maxSide) {
  if (decoded.empty() || decoded.rows < 1 || decoded.cols < 1)
    throw ParamError(kKey, "'" + name + "' could not be decoded: the file is empty, truncated, "
                           "corrupt or not an image (supported: " + std::string(kFormats) + ")");
  ImageData out;
  out.sourceWidth = decoded.cols;
  out.sourceHeight = decoded.rows;
  out.sourceChannels = decoded.channels();
  double scale = 1.0;
  switch (decoded.depth()) {
    case CV_8U: out.sourceBitDepth = 8; scale = 1.0 / 255.0; break;
    case CV_16U: out.sourceBitDepth = 16; scale = 1.0 / 65535.0; break;
    case CV_32F: out.sourceBitDepth = 32; scale = 1.0; break;
    default:
      throw ParamError(kKey, "'" + name + "' has an unsupported sample type (use 8- or 16-bit " +
                                 "images)");
  }
  cv::Mat f;
  decoded.convertTo(f, CV_32F, scale);
  const int ch = f.channels();
  if (ch < 1 || ch > 4)
    throw ParamError(kKey, "'" + name + "' has " + std::to_string(ch) + " channels; use grey, "
                                                                        "RGB or RGBA");
  std::vector<cv::Mat> split;
  cv::split(f, split);
  for (auto& s : split) cv::min(cv::max(s, 0.0), 1.0, s);  // float TIFFs may leave [0, 1]
  std::vector<cv::Mat> colour;
  if (ch == 1 || ch == 2) colour = {split[0]};
  else colour = {split[2], split[1], split[0]};  // BGR(A) → RGB
  if (ch == 2 || ch == 4) {
    // Composite on white: transparent regions read as background instead of black.
    const cv::Mat& a = split[ch - 1];
    for (auto& c : colour) c = c.mul(a) + (1.0 - a);
    out.notice = "alpha channel composited on white";
  }
  const int longSide = std::max(f.cols, f.rows);
  if (longSide > maxSide) {
    const double s = static_cast<double>(maxSide) / longSide;
    const cv::Size size(std::max(1, static_cast<int>(std::lround(f.cols * s))),
                        std::max(1, static_cast<int>(std::lround(f.rows * s))));
    // INTER_AREA's weights can round a white pixel to 1.00000012: clamp again after it.
    for (auto& c : colour) {
      cv::resize(c, c, size, 0, 0, cv::INTER_AREA);
      cv::min(cv::max(c, 0.0), 1.0, c);
    }
    const std::string msg = "downscaled from " + std::to_string(f.cols) + "×" +
                            std::to_string(f.rows) + " to " + std::to_string(size.width) + "×" +
                            std::to_string(size.height) + " (limit " + std::to_string(maxSide) +
                            " px on the long side)";
    out.notice = out.notice.empty() ? msg : out.notice + "; " + msg;
  }
  for (const auto& c : colour) {
    Eigen::MatrixXf m(c.rows, c.cols);
    for (int r = 0; r < c.rows; ++r)
      for (int col = 0; col < c.cols; ++col) m(r, col) = c.at<float>(r, col);
    out.planes.push_back(std::move(m));
  }
  return out;
}

// The OpenCV flags that decode `h` within kMaxImagePixels: full size, or a JPEG reduced by
// 2, 4 or 8 in libjpeg. Refuses everything else over the limits before a pixel is decoded.
int decodeFlags(const ImageHeader& h, const std::string& name, std::string& notice) {
  const std::string size = std::to_string(h.width) + "×" + std::to_string(h.height);
  if (h.width > kMaxImageSideInFile || h.height > kMaxImageSideInFile)
    throw ParamError(kKey, "'" + name + "' declares " + size + " pixels; no side may exceed " +
                               std::to_string(kMaxImageSideInFile));
  const std::int64_t pixels = h.width * h.height;
  if (pixels <= kMaxImagePixels) return cv::IMREAD_UNCHANGED;
  const std::string limit = "the limit is " + std::to_string(kMaxImagePixels / 1'000'000) +
                            " megapixels";
  if (h.format != ImageFormat::Jpeg)
    throw ParamError(kKey, "'" + name + "' is " + size + " pixels (" +
                               std::to_string(pixels / 1'000'000) + " megapixels); " + limit +
                               " for " + formatName(h.format) + " (JPEGs are decoded reduced)");
  const bool grey = h.channels == 1;
  for (const auto& [factor, colour, mono] :
       {std::tuple{2, cv::IMREAD_REDUCED_COLOR_2, cv::IMREAD_REDUCED_GRAYSCALE_2},
        std::tuple{4, cv::IMREAD_REDUCED_COLOR_4, cv::IMREAD_REDUCED_GRAYSCALE_4},
        std::tuple{8, cv::IMREAD_REDUCED_COLOR_8, cv::IMREAD_REDUCED_GRAYSCALE_8}}) {
    if (pixels / (factor * factor) > kMaxImagePixels) continue;
    notice = "decoded at 1/" + std::to_string(factor) + " of its " + size + " pixels (" + limit +
             ")";
    return (grey ? mono : colour) | cv::IMREAD_IGNORE_ORIENTATION;
  }
  throw ParamError(kKey, "'" + name + "' is " + size + " pixels, too large even at 1/8 (" +
                             limit + ")");
}

ImageData decodeChecked(const std::uint8_t* data, std::size_t size, const std::string& name,
                        int maxSide) {
  if (maxSide < 1) throw ParamError("max_side", "the size limit must be at least 1 pixel");
  if (size == 0) throw ParamError(kKey, "'" + name + "' is empty (0 bytes)");
  if (static_cast<std::int64_t>(size) > kMaxImageFileBytes)
    throw ParamError(kKey, "'" + name + "' is too large (" + std::to_string(size >> 20) +
                               " MiB; the limit is 256 MiB)");
  const ImageHeader header = readImageHeader(data, size, name);
  std::string reduced;
  const int flags = decodeFlags(header, name, reduced);
  try {
    const cv::Mat buf(1, static_cast<int>(size), CV_8U, const_cast<std::uint8_t*>(data));
    const cv::Mat decoded = cv::imdecode(buf, flags);
    ImageData out = fromMat(decoded, name, maxSide);
    if (!reduced.empty()) {
      out.notice = out.notice.empty() ? reduced : reduced + "; " + out.notice;
      out.sourceWidth = static_cast<int>(header.width);
      out.sourceHeight = static_cast<int>(header.height);
    }
    return out;
  } catch (const ParamError&) {
    throw;
  } catch (const cv::Exception& e) {
    // OpenCV refuses some corrupt data with an exception instead of an empty result.
    throw ParamError(kKey, "'" + name + "' could not be decoded (corrupt " +
                               formatName(header.format) + "): " + e.err);
  } catch (const std::bad_alloc&) {
    throw ParamError(kKey, "'" + name + "' needs more memory to decode than is available");
  } catch (const std::exception& e) {
    throw ParamError(kKey, "'" + name + "' could not be decoded: " + e.what());
  }
}

}  // namespace

ImageData loadImage(const std::string& path, int maxSide) {
  const std::string bytes =
      readFileBounded(path, static_cast<std::size_t>(kMaxImageFileBytes), kKey, "image file");
  return decodeChecked(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), path,
                       maxSide);
}

ImageData decodeImage(const std::vector<std::uint8_t>& bytes, const std::string& name,
                      int maxSide) {
  return decodeChecked(bytes.data(), bytes.size(), name, maxSide);
}

ImageData imageFromPlanes(std::vector<Eigen::MatrixXf> planes) {
  if (planes.empty() || (planes.size() != 1 && planes.size() != 3))
    throw ParamError(kKey, "an image needs 1 (grey) or 3 (RGB) planes");
  for (const auto& p : planes)
    if (p.rows() != planes[0].rows() || p.cols() != planes[0].cols() || p.size() == 0)
      throw ParamError(kKey, "image planes must be non-empty and of equal size");
  ImageData out;
  for (auto& p : planes) {
    // NaN → 0 first: a NaN pixel would poison every metric downstream.
    p = p.unaryExpr([](float v) { return std::isfinite(v) ? std::clamp(v, 0.0f, 1.0f) : 0.0f; });
  }
  out.planes = std::move(planes);
  out.sourceWidth = out.width();
  out.sourceHeight = out.height();
  out.sourceChannels = out.channels();
  return out;
}

void saveImage(const ImageData& image, const std::string& path) {
  if (image.empty()) throw ParamError("path", "there is no image to save");
  const int h = image.height(), w = image.width();
  cv::Mat out(h, w, image.channels() == 1 ? CV_8UC1 : CV_8UC3);
  for (int r = 0; r < h; ++r)
    for (int c = 0; c < w; ++c) {
      auto px = [&](int ch) { return to8Bit(image.planes[ch](r, c)); };
      if (image.channels() == 1) out.at<std::uint8_t>(r, c) = px(0);
      else out.at<cv::Vec3b>(r, c) = cv::Vec3b(px(2), px(1), px(0));
    }
  const auto dot = path.find_last_of('.');
  const std::string ext = dot == std::string::npos ? std::string() : path.substr(dot);
  std::vector<std::uint8_t> encoded;
  try {
    if (ext.empty() || !cv::imencode(ext, out, encoded))
      throw ParamError("path", "cannot write '" + path + "': unknown image extension");
  } catch (const cv::Exception& e) {
    throw ParamError("path", "cannot write '" + path + "': " + e.err);
  }
  writeFileAtomically(path, encoded.data(), encoded.size(), "path");
}

}  // namespace latentlab::quantization
