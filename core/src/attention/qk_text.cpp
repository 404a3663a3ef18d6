// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Q/K matrices from text files (CSV or whitespace separated), next to the .npy reader (issue 3).
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "latentlab/attention/attention_rank.h"
#include "latentlab/common/errors.h"
#include "latentlab/common/file_read.h"

namespace latentlab::attention {
namespace {

// Q and K have at most 2048 rows (checkLoadedQk); the text limits leave room for a wide matrix
// while bounding memory before the row count is checked: 64 MiB of text, 2^23 numbers (64 MiB).
constexpr std::size_t kMaxTextBytes = std::size_t{64} << 20;
constexpr std::size_t kMaxTextRows = 65536;
constexpr std::size_t kMaxTextEntries = std::size_t{1} << 23;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::string where(std::size_t line) { return "line " + std::to_string(line) + ": "; }

// One line's numbers: separated by commas and/or whitespace, no empty field between commas.
std::vector<double> parseLine(const std::string& s, std::size_t line, const std::string& key) {
  std::vector<double> out;
  std::size_t i = 0;
  bool needNumber = false;  // after a comma
  while (true) {
    while (i < s.size() && isSpace(s[i])) ++i;
    if (i >= s.size()) {
      if (needNumber) throw ParamError(key, where(line) + "a comma is not followed by a number");
      return out;
    }
    if (s[i] == ',') {
      if (out.empty() || needNumber)
        throw ParamError(key, where(line) + "empty field before a comma");
      needNumber = true;
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < s.size() && !isSpace(s[end]) && s[end] != ',') ++end;
    const std::string token = s.substr(i, end - i);
    const char* first = token.data() + (token[0] == '+' ? 1 : 0);
    const char* last = token.data() + token.size();
    double v = 0.0;
    const auto [ptr, ec] = std::from_chars(first, last, v);
    if (ec == std::errc::result_out_of_range)
      throw ParamError(key, where(line) + "'" + token + "' is out of the double range");
    if (ec != std::errc() || ptr != last)
      throw ParamError(key, where(line) + "'" + token + "' is not a number");
    if (!std::isfinite(v)) throw ParamError(key, where(line) + "NaN or Inf entry '" + token + "'");
    out.push_back(v);
    needNumber = false;
    i = end;
  }
}

}  // namespace

Eigen::MatrixXd parseMatrixText(const std::string& text, const std::string& key) {
  // One flat buffer, refused as soon as it passes the entry limit: memory stays at 8 bytes per
  // number read, never a vector per row.
  std::vector<double> values;
  std::size_t cols = 0, rows = 0;
  std::size_t line = 0, firstLine = 0, pos = 0;
  while (pos < text.size()) {
    const std::size_t eol = std::min(text.find('\n', pos), text.size());
    ++line;
    std::vector<double> row = parseLine(text.substr(pos, eol - pos), line, key);
    pos = eol + 1;
    if (row.empty()) continue;  // blank lines (e.g. a trailing newline) carry no row
    if (rows == 0) {
      firstLine = line;
      cols = row.size();
    } else if (row.size() != cols) {
      throw ParamError(key, where(line) + "has " + std::to_string(row.size()) + " numbers, " +
                                where(firstLine) + "has " + std::to_string(cols) +
                                " (every row needs the same count)");
    }
    if (++rows > kMaxTextRows)
      throw ParamError(key, "the file has more than " + std::to_string(kMaxTextRows) +
                                " rows; the limit is " + std::to_string(kMaxTextRows));
    if (values.size() + cols > kMaxTextEntries)
      throw ParamError(key, "the file has more than " + std::to_string(kMaxTextEntries) +
                                " numbers; the limit is " + std::to_string(kMaxTextEntries));
    values.insert(values.end(), row.begin(), row.end());
  }
  if (rows == 0) throw ParamError(key, "the file holds no numbers");
  Eigen::MatrixXd m(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c)
      m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = values[r * cols + c];
  return m;
}

Eigen::MatrixXd loadMatrixText(const std::string& path, const std::string& key) {
  return parseMatrixText(readFileBounded(path, kMaxTextBytes, key, "matrix file"), key);
}

bool isTextMatrixPath(const std::string& path) {
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos) return false;
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "csv" || ext == "txt" || ext == "tsv";
}

}  // namespace latentlab::attention
