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
#include <string>
#include <vector>

#include "latentlab/common/errors.h"
#include "latentlab/common/file_read.h"

namespace latentlab {
namespace {

constexpr std::size_t kMaxBytes = std::size_t{512} << 20;
const char kMagic[] = "\x93NUMPY";

constexpr std::size_t kMaxHeaderBytes = 65535;  // version 1's limit; numpy writes far less

// The header is a Python dict literal: {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }.
// A single forward scan with no recursion and no regex, so its cost is linear in the header and
// its stack use is constant whatever the file holds.
class HeaderScanner {
 public:
  HeaderScanner(const std::string& text, const std::string& key) : m_s(text), m_key(key) {}

  struct Entries {
    std::string descr;
    bool haveDescr = false, haveFortran = false, haveShape = false;
    bool fortran = false;
    std::vector<long long> shape;
    std::string shapeText;
  };

  Entries parse() {
    Entries e;
    skipSpace();
    expect('{');
    while (true) {
      skipSpace();
      if (peek() == '}') break;
      const std::string name = quoted();
      skipSpace();
      expect(':');
      skipSpace();
      if (name == "descr") {
        e.descr = quoted();
        e.haveDescr = true;
      } else if (name == "fortran_order") {
        e.fortran = boolean();
        e.haveFortran = true;
      } else if (name == "shape") {
        const std::size_t from = m_pos;
        e.shape = tuple();
        e.shapeText = m_s.substr(from, m_pos - from);
        e.haveShape = true;
      } else {
        fail("the header has an unknown entry '" + name + "'");
      }
      skipSpace();
      if (peek() == ',') {
        ++m_pos;
        continue;
      }
      skipSpace();
      if (peek() != '}') fail("expected ',' or '}' after the '" + name + "' entry");
    }
    for (const auto& [have, name] : {std::pair{e.haveDescr, "descr"},
                                     std::pair{e.haveFortran, "fortran_order"},
                                     std::pair{e.haveShape, "shape"}})
      if (!have) fail(std::string("the header has no '") + name + "' entry");
    return e;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw ParamError(m_key, "not a valid .npy file: " + what);
  }
  char peek() const { return m_pos < m_s.size() ? m_s[m_pos] : '\0'; }
  void skipSpace() {
    while (m_pos < m_s.size() && (m_s[m_pos] == ' ' || m_s[m_pos] == '\t' || m_s[m_pos] == '\n'))
      ++m_pos;
  }
  void expect(char c) {
    if (peek() != c) fail(std::string("expected '") + c + "' in the header");
    ++m_pos;
  }
  std::string quoted() {
    const char q = peek();
    if (q != '\'' && q != '"') fail("expected a quoted name in the header");
    const std::size_t close = m_s.find(q, m_pos + 1);
    if (close == std::string::npos) fail("a quoted name in the header is not closed");
    std::string out = m_s.substr(m_pos + 1, close - m_pos - 1);
    m_pos = close + 1;
    if (out.size() > 64) fail("a name in the header is longer than 64 characters");
    return out;
  }
  bool boolean() {
    if (m_s.compare(m_pos, 4, "True") == 0) return m_pos += 4, true;
    if (m_s.compare(m_pos, 5, "False") == 0) return m_pos += 5, false;
    fail("fortran_order must be True or False");
  }
  std::vector<long long> tuple() {
    expect('(');
    std::vector<long long> out;
    while (true) {
      skipSpace();
      if (peek() == ')') break;
      if (out.size() >= 32) fail("the shape has more than 32 dimensions");
      long long v = 0;
      std::size_t digits = 0;
      while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9') {
        if (++digits > 15) fail("a dimension of the shape is too large");
        v = v * 10 + (m_s[m_pos++] - '0');
      }
      if (digits == 0) fail("the shape must be a tuple of non-negative integers");
      if (peek() == 'L') ++m_pos;  // Python 2 long suffix
      out.push_back(v);
      skipSpace();
      if (peek() == ',') {
        ++m_pos;
        continue;
      }
      if (peek() != ')') fail("the shape must be a tuple of non-negative integers");
    }
    ++m_pos;
    return out;
  }

  const std::string& m_s;
  const std::string& m_key;
  std::size_t m_pos = 0;
};

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
  if (headerLen > kMaxHeaderBytes)
    throw ParamError(key, "the .npy header is " + std::to_string(headerLen) +
                              " bytes; the limit is " + std::to_string(kMaxHeaderBytes));
  const std::string header = bytes.substr(offset, headerLen);
  const HeaderScanner::Entries entries = HeaderScanner(header, key).parse();
  const std::string& descr = entries.descr;
  const bool fortran = entries.fortran;
  const std::string& shapeText = entries.shapeText;
  const std::vector<long long>& shape = entries.shape;

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
  return parseNpy(readFileBounded(path, kMaxBytes, key, ".npy file"), key);
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
