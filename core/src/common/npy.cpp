// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// NumPy .npy reader/writer (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html)
// for the few matrices users bring in: 2-D float32/float64, C order.
#include "latentlab/common/npy.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "latentlab/common/errors.h"

namespace latentlab {
namespace {

constexpr std::size_t kMaxBytes = std::size_t{512} << 20;
const char kMagic[] = "\x93NUMPY";

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\n");
  const auto e = s.find_last_not_of(" \t\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Value of 'name' in the header dict, as raw text (up to the next top-level comma or brace).
std::string dictValue(const std::string& header, const std::string& name, const std::string& key) {
  const std::regex re("['\"]" + name + "['\"]\\s*:\\s*(\\([^)]*\\)|'[^']*'|\"[^\"]*\"|[A-Za-z]+)");
  std::smatch m;
  if (!std::regex_search(header, m, re))
    throw ParamError(key, "not a valid .npy file: the header has no '" + name + "' entry");
  return m[1].str();
}

template <class T>
T readScalar(const char* p, bool swap) {
  std::array<char, sizeof(T)> buf;
  std::memcpy(buf.data(), p, sizeof(T));
  if (swap) std::reverse(buf.begin(), buf.end());
  T v;
  std::memcpy(&v, buf.data(), sizeof(T));
  return v;
}

}  // namespace

Eigen::MatrixXd parseNpy(const std::string& bytes, const std::string& key) {
  if (bytes.size() < 10 || bytes.compare(0, 6, kMagic, 6) != 0)
    throw ParamError(key, "not a .npy file (the file must start with \\x93NUMPY)");
  const int major = static_cast<unsigned char>(bytes[6]);
  std::size_t headerLen = 0, offset = 0;
  if (major == 1) {
    headerLen = static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
    offset = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12) throw ParamError(key, "the .npy file is truncated inside its header");
    for (int i = 0; i < 4; ++i)
      headerLen |= static_cast<std::size_t>(static_cast<unsigned char>(bytes[8 + i])) << (8 * i);
    offset = 12;
  } else {
    throw ParamError(key, ".npy format version " + std::to_string(major) +
                              " is not supported (versions 1 to 3 are)");
  }
  if (bytes.size() < offset + headerLen)
    throw ParamError(key, "the .npy file is truncated inside its header");
  const std::string header = bytes.substr(offset, headerLen);

  std::string descr = dictValue(header, "descr", key);
  descr = descr.substr(1, descr.size() - 2);  // strip quotes
  const bool fortran = dictValue(header, "fortran_order", key) == "True";
  const std::string shapeText = dictValue(header, "shape", key);

  bool isDouble = false;
  bool bigEndian = false;
  if (descr == "<f8" || descr == "=f8" || descr == "f8") {
    isDouble = true;
  } else if (descr == ">f8") {
    isDouble = true;
    bigEndian = true;
  } else if (descr == "<f4" || descr == "=f4" || descr == "f4") {
  } else if (descr == ">f4") {
    bigEndian = true;
  } else {
    throw ParamError(key, "dtype '" + descr +
                              "' is not supported: save the array as float32 or float64 "
                              "(e.g. np.save(path, x.astype(np.float64)))");
  }
  if (fortran)
    throw ParamError(key,
                     "the array is in Fortran order: save it in C order "
                     "(np.save(path, np.ascontiguousarray(x)))");

  // shape "(n, d)", "(n,)" or "()".
  std::vector<long long> shape;
  {
    std::string inner = trim(shapeText.substr(1, shapeText.size() - 2));
    std::size_t pos = 0;
    while (pos < inner.size()) {
      const auto comma = inner.find(',', pos);
      const std::string item =
          trim(inner.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
      if (!item.empty()) {
        try {
          std::size_t used = 0;
          shape.push_back(std::stoll(item, &used));
          if (used != item.size()) throw std::invalid_argument("shape");
        } catch (const std::exception&) {
          throw ParamError(key, "not a valid .npy file: cannot read the shape " + shapeText);
        }
      }
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
  }
  if (shape.empty() || shape.size() > 2)
    throw ParamError(key, "the array has " + std::to_string(shape.size()) +
                              " dimensions; a matrix of shape (n, d) is needed");
  const long long rows = shape[0];
  const long long cols = shape.size() == 2 ? shape[1] : 1;
  if (rows <= 0 || cols <= 0 || rows > 1'000'000 || cols > 1'000'000)
    throw ParamError(key, "the array shape " + shapeText + " is empty or too large");

  const std::size_t item = isDouble ? 8 : 4;
  const std::size_t count = static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
  const std::size_t dataStart = offset + headerLen;
  if (bytes.size() - dataStart < count * item)
    throw ParamError(key, "the .npy file is truncated: shape " + shapeText + " needs " +
                              std::to_string(count * item) + " bytes of data, the file has " +
                              std::to_string(bytes.size() - dataStart));
  const bool swap = bigEndian == (std::endian::native == std::endian::little);
  Eigen::MatrixXd m(rows, cols);
  const char* p = bytes.data() + dataStart;
  for (long long i = 0; i < rows; ++i)
    for (long long j = 0; j < cols; ++j, p += item) {
      const double v =
          isDouble ? readScalar<double>(p, swap) : static_cast<double>(readScalar<float>(p, swap));
      if (!std::isfinite(v))
        throw ParamError(key, "entry (" + std::to_string(i) + ", " + std::to_string(j) +
                                  ") is NaN or Inf; every entry must be finite");
      m(i, j) = v;
    }
  return m;
}

Eigen::MatrixXd loadNpy(const std::string& path, const std::string& key) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw ParamError(key, "cannot open '" + path + "'");
  const auto size = static_cast<std::size_t>(in.tellg());
  if (size > kMaxBytes) throw ParamError(key, "'" + path + "' is larger than 512 MiB");
  std::string bytes(size, '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size)))
    throw ParamError(key, "cannot read '" + path + "'");
  return parseNpy(bytes, key);
}

std::string toNpy(const Eigen::Ref<const Eigen::MatrixXd>& m) {
  std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" +
                       std::to_string(m.rows()) + ", " + std::to_string(m.cols()) + "), }";
  // Total header (magic + 4 + dict + newline) padded to a multiple of 64, as numpy writes it.
  while ((10 + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  std::string out(kMagic, 6);
  out += '\x01';
  out += '\x00';
  out += static_cast<char>(header.size() & 0xff);
  out += static_cast<char>((header.size() >> 8) & 0xff);
  out += header;
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j) {
      double v = m(i, j);
      std::array<char, 8> buf;
      std::memcpy(buf.data(), &v, 8);
      if (std::endian::native == std::endian::big) std::reverse(buf.begin(), buf.end());
      out.append(buf.data(), 8);
    }
  return out;
}

}  // namespace latentlab
