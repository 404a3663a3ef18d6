// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Q/K matrices from text files (CSV or whitespace separated), next to the .npy reader (issue 3).
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "latentlab/attention/attention_rank.h"
#include "latentlab/common/errors.h"

namespace latentlab::attention {
namespace {

constexpr std::size_t kMaxTextBytes = std::size_t{256} << 20;  // 256 MiB: 2048² numbers fit

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
  std::vector<std::vector<double>> rows;
  std::istringstream in(text);
  std::string s;
  std::size_t line = 0, firstLine = 0;
  while (std::getline(in, s)) {
    ++line;
    std::vector<double> row = parseLine(s, line, key);
    if (row.empty()) continue;  // blank lines (e.g. a trailing newline) carry no row
    if (rows.empty()) firstLine = line;
    if (!rows.empty() && row.size() != rows.front().size())
      throw ParamError(key, where(line) + "has " + std::to_string(row.size()) + " numbers, " +
                                where(firstLine) + "has " + std::to_string(rows.front().size()) +
                                " (every row needs the same count)");
    rows.push_back(std::move(row));
  }
  if (rows.empty()) throw ParamError(key, "the file holds no numbers");
  Eigen::MatrixXd m(static_cast<Eigen::Index>(rows.size()),
                    static_cast<Eigen::Index>(rows.front().size()));
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size(); ++c)
      m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = rows[r][c];
  return m;
}

Eigen::MatrixXd loadMatrixText(const std::string& path, const std::string& key) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw ParamError(key, "cannot open '" + path + "'");
  std::string bytes;
  f.seekg(0, std::ios::end);
  const std::streamoff size = f.tellg();
  if (size < 0 || static_cast<std::size_t>(size) > kMaxTextBytes)
    throw ParamError(key, "'" + path + "' is larger than 256 MiB");
  bytes.resize(static_cast<std::size_t>(size));
  f.seekg(0);
  f.read(bytes.data(), size);
  if (!f) throw ParamError(key, "cannot read '" + path + "'");
  return parseMatrixText(bytes, key);
}

bool isTextMatrixPath(const std::string& path) {
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos) return false;
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "csv" || ext == "txt" || ext == "tsv";
}

}  // namespace latentlab::attention
