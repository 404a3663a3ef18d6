// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Format and size of an image from its first bytes, read before OpenCV decodes anything. Layouts:
// PNG (ISO/IEC 15948, IHDR), JPEG (ITU-T T.81 B.2, SOFn markers), BMP (BITMAPINFOHEADER and the
// OS/2 core header), TIFF 6.0 (the first IFD's ImageWidth/ImageLength), WebP (RFC 9649: VP8,
// VP8L and VP8X chunks).
#include "latentlab/quantization/image_header.h"

#include <cstring>

#include "latentlab/common/errors.h"

namespace latentlab::quantization {
namespace {

class Bytes {
 public:
  Bytes(const std::uint8_t* d, std::size_t n, const std::string& name)
      : m_d(d), m_n(n), m_name(name) {}
  std::size_t size() const { return m_n; }
  bool has(std::size_t at, std::size_t len) const { return at <= m_n && len <= m_n - at; }
  bool starts(std::size_t at, const char* magic) const {
    const std::size_t len = std::strlen(magic);
    return has(at, len) && std::memcmp(m_d + at, magic, len) == 0;
  }
  std::uint32_t u8(std::size_t at) const { return need(at, 1), m_d[at]; }
  std::uint32_t be16(std::size_t at) const { return need(at, 2), (m_d[at] << 8) | m_d[at + 1]; }
  std::uint32_t le16(std::size_t at) const { return need(at, 2), m_d[at] | (m_d[at + 1] << 8); }
  std::uint32_t be32(std::size_t at) const { return (be16(at) << 16) | be16(at + 2); }
  std::uint32_t le32(std::size_t at) const { return le16(at) | (le16(at + 2) << 16); }
  std::uint32_t le24(std::size_t at) const { return le16(at) | (u8(at + 2) << 16); }
  [[noreturn]] void fail(const std::string& what) const {
    throw ParamError("image", "'" + m_name + "' is not a valid image: " + what);
  }

 private:
  void need(std::size_t at, std::size_t len) const {
    if (!has(at, len)) fail("the header is truncated");
  }
  const std::uint8_t* m_d;
  std::size_t m_n;
  const std::string& m_name;
};

ImageHeader png(const Bytes& b) {
  // Signature (8), then the first chunk must be IHDR: length 13, width, height.
  if (!b.starts(12, "IHDR") || b.be32(8) != 13) b.fail("a PNG must start with its IHDR chunk");
  if (!b.has(8, 25)) b.fail("the PNG header is truncated");
  return {ImageFormat::Png, b.be32(16), b.be32(20), 0};
}

ImageHeader jpeg(const Bytes& b) {
  std::size_t at = 2;  // after SOI
  while (true) {
    if (b.u8(at) != 0xFF) b.fail("a JPEG marker was expected");
    while (b.u8(at) == 0xFF) ++at;  // fill bytes
    const std::uint32_t marker = b.u8(at++);
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
    if (marker == 0xD9 || marker == 0xDA) b.fail("the JPEG has no frame header before its data");
    const std::uint32_t length = b.be16(at);
    if (length < 2) b.fail("a JPEG segment has a length below 2");
    const bool sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (length < 8) b.fail("the JPEG frame header is too short");
      // length(2) precision(1) height(2) width(2) components(1)
      return {ImageFormat::Jpeg, b.be16(at + 5), b.be16(at + 3), static_cast<int>(b.u8(at + 7))};
    }
    at += length;
  }
}

ImageHeader bmp(const Bytes& b) {
  const std::uint32_t info = b.le32(14);
  if (info == 12) return {ImageFormat::Bmp, b.le16(18), b.le16(20), 0};  // OS/2 core header
  if (info < 40) b.fail("the BMP info header is too short");
  const auto w = static_cast<std::int32_t>(b.le32(18));
  const auto h = static_cast<std::int32_t>(b.le32(22));  // negative: top-down rows
  if (w <= 0) b.fail("the BMP width is not positive");
  const std::int64_t height = h < 0 ? -static_cast<std::int64_t>(h) : h;
  return {ImageFormat::Bmp, w, height, 0};
}

// "II" + 42 little-endian or "MM" + 42 big-endian (43: BigTIFF).
bool isTiff(const Bytes& b) {
  if (!b.has(0, 4)) return false;
  const std::uint32_t magic = b.starts(0, "II") ? b.le16(2) : b.starts(0, "MM") ? b.be16(2) : 0;
  return magic == 42 || magic == 43;
}

ImageHeader tiff(const Bytes& b) {
  const bool little = b.starts(0, "II");
  const auto u16 = [&](std::size_t at) { return little ? b.le16(at) : b.be16(at); };
  const auto u32 = [&](std::size_t at) { return little ? b.le32(at) : b.be32(at); };
  if (u16(2) == 43) b.fail("BigTIFF files are not supported; save as classic TIFF or PNG");
  const std::size_t ifd = u32(4);
  const std::uint32_t count = u16(ifd);
  std::int64_t width = 0, height = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::size_t e = ifd + 2 + 12 * static_cast<std::size_t>(i);
    const std::uint32_t tag = u16(e), type = u16(e + 2);
    if (tag != 256 && tag != 257) continue;
    std::int64_t v = 0;
    if (type == 3)
      v = u16(e + 8);  // SHORT
    else if (type == 4)
      v = u32(e + 8);  // LONG
    else
      b.fail("the TIFF image size has an unexpected type");
    (tag == 256 ? width : height) = v;
  }
  if (width == 0 || height == 0) b.fail("the TIFF has no image width and length");
  return {ImageFormat::Tiff, width, height, 0};
}

ImageHeader webp(const Bytes& b) {
  if (b.starts(12, "VP8X")) return {ImageFormat::WebP, b.le24(24) + 1, b.le24(27) + 1, 0};
  if (b.starts(12, "VP8L")) {
    if (b.u8(20) != 0x2F) b.fail("the lossless WebP signature is missing");
    const std::uint32_t bits = b.le32(21);
    return {ImageFormat::WebP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, 0};
  }
  if (b.starts(12, "VP8 ")) {
    if (b.u8(23) != 0x9D || b.u8(24) != 0x01 || b.u8(25) != 0x2A)
      b.fail("the lossy WebP start code is missing");
    return {ImageFormat::WebP, b.le16(26) & 0x3FFF, b.le16(28) & 0x3FFF, 0};
  }
  b.fail("the WebP file has no VP8, VP8L or VP8X chunk");
}

}  // namespace

const char* formatName(ImageFormat format) {
  switch (format) {
    case ImageFormat::Png:
      return "PNG";
    case ImageFormat::Jpeg:
      return "JPEG";
    case ImageFormat::Bmp:
      return "BMP";
    case ImageFormat::Tiff:
      return "TIFF";
    case ImageFormat::WebP:
      return "WebP";
  }
  return "?";
}

ImageHeader readImageHeader(const std::uint8_t* data, std::size_t size, const std::string& name) {
  const Bytes b(data, size, name);
  ImageHeader h;
  if (b.starts(0, "\x89PNG\r\n\x1a\n"))
    h = png(b);
  else if (b.starts(0, "\xFF\xD8\xFF"))
    h = jpeg(b);
  else if (b.starts(0, "BM"))
    h = bmp(b);
  else if (isTiff(b))
    h = tiff(b);
  else if (b.starts(0, "RIFF") && b.starts(8, "WEBP"))
    h = webp(b);
  else
    throw ParamError("image", "'" + name +
                                  "' is not a PNG, JPEG, BMP, TIFF or WebP image "
                                  "(the first bytes match none of them)");
  if (h.width <= 0 || h.height <= 0) b.fail("the header declares a zero width or height");
  return h;
}

}  // namespace latentlab::quantization
