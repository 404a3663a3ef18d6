// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace latentlab::quantization {

/// The formats the image loader promises. Anything else is refused by its first bytes, so the
/// other decoders compiled into OpenCV (JPEG 2000, OpenEXR, DICOM, …) never see user files.
enum class ImageFormat { Png, Jpeg, Bmp, Tiff, WebP };

/// Largest image decoded at full size: 50 megapixels (a 8660 × 5773 photo). Decoding and the
/// float planes cost about 24 bytes a pixel at peak, so this keeps a load near 1.2 GB. Larger
/// JPEGs are decoded reduced (1/2, 1/4 or 1/8, by libjpeg's scaled decode); larger images of the
/// other formats are refused before any pixel is decoded.
inline constexpr std::int64_t kMaxImagePixels = 50'000'000;
/// No side may exceed this, even when the pixel count would fit.
inline constexpr std::int64_t kMaxImageSideInFile = 65'535;

struct ImageHeader {
  ImageFormat format = ImageFormat::Png;
  std::int64_t width = 0;
  std::int64_t height = 0;
  int channels = 0;  // when the header says (JPEG components); 0 when not read
};

/// Reads the format from the magic bytes and the declared width and height from the header,
/// without decoding: PNG's IHDR, JPEG's first SOF marker, BMP's info header, TIFF's first IFD,
/// WebP's VP8/VP8L/VP8X chunk. Throws ParamError("image") naming `name` when the bytes are not
/// one of the five formats, the header is truncated or malformed, or a side is zero.
ImageHeader readImageHeader(const std::uint8_t* data, std::size_t size, const std::string& name);

const char* formatName(ImageFormat format);

}  // namespace latentlab::quantization
