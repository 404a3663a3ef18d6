// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace latentlab::quantization {

/// Longest side kept by the loaders; larger images are downscaled (INTER_AREA) with a notice.
inline constexpr int kMaxImageSide = 2048;
/// Files above this size are refused before decoding (a clear error instead of a memory spike).
inline constexpr std::int64_t kMaxImageFileBytes = 256LL * 1024 * 1024;

/// A decoded image as normalised float planes: 1 plane (grey) or 3 (R, G, B), each height×width
/// with values in [0, 1]. Alpha is dropped (composited on white, so transparent areas read as
/// paper rather than black).
struct ImageData {
  std::vector<Eigen::MatrixXf> planes;
  int sourceWidth = 0;   // size in the file, before any downscale
  int sourceHeight = 0;
  int sourceChannels = 0;  // 1, 2 (grey + alpha), 3 or 4 in the file
  int sourceBitDepth = 8;  // 8 or 16 (32 for float TIFF)
  std::string notice;      // non-empty when the image was downscaled or alpha dropped

  int width() const { return planes.empty() ? 0 : static_cast<int>(planes[0].cols()); }
  int height() const { return planes.empty() ? 0 : static_cast<int>(planes[0].rows()); }
  int channels() const { return static_cast<int>(planes.size()); }
  bool empty() const { return planes.empty() || planes[0].size() == 0; }
};

/// Reads PNG, JPEG, BMP, TIFF or WebP (8- or 16-bit; grey, RGB or RGBA) with cv::imread
/// (IMREAD_UNCHANGED) and normalises to [0, 1] (÷255 or ÷65535). A missing, empty, truncated,
/// corrupt or unsupported file, a directory, or an image over the limits throws ParamError with
/// key "image" and a message naming the file. Images longer than `maxSide` are downscaled.
ImageData loadImage(const std::string& path, int maxSide = kMaxImageSide);

/// Same as loadImage for bytes already in memory (cv::imdecode); `name` is used in messages.
/// This is how the UI decodes samples bundled as Qt resources without core knowing Qt.
ImageData decodeImage(const std::vector<std::uint8_t>& bytes, const std::string& name,
                      int maxSide = kMaxImageSide);

/// Builds an ImageData from planes (tests, synthetic inputs); values are clamped to [0, 1].
ImageData imageFromPlanes(std::vector<Eigen::MatrixXf> planes);

/// The one quantisation of a normalised sample to 8 bits, shared by the metrics (PSNR and SSIM are
/// defined on 0..255), the PNG writers (saveImage, the UI's exported images) and the screen:
/// round(clamp(v, 0, 1)·255) in double precision, halves away from zero; NaN gives 0. Double,
/// not float, because the metrics were defined and independently checked this way, and the float
/// product v·255.0f can round a value just below k + ½ up to k + ½: the PNGs then differed from
/// the images the metrics measured (a summed squared error off by thousands on a photo).
inline std::uint8_t to8Bit(float v) {
  if (!(v == v)) return 0;
  return static_cast<std::uint8_t>(std::round(std::clamp(static_cast<double>(v), 0.0, 1.0) * 255.0));
}

/// Writes an 8-bit PNG (or any extension cv::imwrite knows) through to8Bit, so the file holds
/// exactly the image the metrics measured. Throws ParamError("path") on failure.
void saveImage(const ImageData& image, const std::string& path);

}  // namespace latentlab::quantization
