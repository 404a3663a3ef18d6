// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "latentlab/common/params.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

namespace latentlab {
namespace {

// Shortest text that reads back to the same double ("0.6", not "0.59999999999999998").
std::string num(double v) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

const char* kindName(FieldKind k) {
  switch (k) {
    case FieldKind::Real:
      return "a number";
    case FieldKind::Integer:
      return "an integer";
    case FieldKind::Bool:
      return "true or false";
    case FieldKind::Choice:
      return "one of the listed choices";
    case FieldKind::Vector:
      return "a list of numbers";
  }
  return "?";
}

[[noreturn]] void wrongType(const FieldSpec& s) {
  throw ParamError(s.key, s.key + " must be " + kindName(s.kind));
}

void checkRange(const FieldSpec& s, const std::string& what, double v) {
  if (!std::isfinite(v)) throw ParamError(what, what + " must be a finite number, got " + num(v));
  if (v < s.min || v > s.max)
    throw ParamError(
        what, what + " must be between " + num(s.min) + " and " + num(s.max) + ", got " + num(v));
}

std::string trim(std::string_view t) {
  auto b = t.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = t.find_last_not_of(" \t\r\n");
  return std::string(t.substr(b, e - b + 1));
}

double parseNumber(const std::string& key, const std::string& text) {
  double v = 0.0;
  const char* first = text.data();
  const char* last = first + text.size();
  auto [ptr, ec] = std::from_chars(first, last, v);
  if (ec == std::errc::result_out_of_range && ptr == last)
    throw ParamError(key, key + ": '" + text + "' is outside the range of a double (about " +
                              "1e-308 to 1e308 in magnitude)");
  if (ec != std::errc() || ptr != last || text.empty())
    throw ParamError(key, key + ": '" + text + "' is not a number");
  return v;
}

}  // namespace

ParamValue checkValue(const FieldSpec& s, const ParamValue& value) {
  switch (s.kind) {
    case FieldKind::Real:
    case FieldKind::Integer: {
      const double* v = std::get_if<double>(&value);
      if (!v) wrongType(s);
      checkRange(s, s.key, *v);
      if (s.kind == FieldKind::Integer && std::floor(*v) != *v)
        throw ParamError(s.key, s.key + " must be an integer, got " + num(*v));
      return *v;
    }
    case FieldKind::Bool: {
      if (const bool* b = std::get_if<bool>(&value)) return *b;
      // JSON writers sometimes emit 0/1 for flags; accept exactly those.
      if (const double* d = std::get_if<double>(&value); d && (*d == 0.0 || *d == 1.0))
        return *d == 1.0;
      wrongType(s);
    }
    case FieldKind::Choice: {
      const std::string* id = std::get_if<std::string>(&value);
      if (!id) wrongType(s);
      if (std::find(s.choices.begin(), s.choices.end(), *id) == s.choices.end()) {
        std::string list;
        for (const auto& c : s.choices) {
          if (!list.empty()) list += ", ";
          list += c;
        }
        throw ParamError(s.key, s.key + " must be one of " + list + ", got '" + *id + "'");
      }
      return *id;
    }
    case FieldKind::Vector: {
      const auto* vec = std::get_if<std::vector<double>>(&value);
      if (!vec) wrongType(s);
      const auto n = static_cast<int>(vec->size());
      if (n < s.minSize || n > s.maxSize)
        throw ParamError(s.key, s.key + " must have between " + std::to_string(s.minSize) +
                                    " and " + std::to_string(s.maxSize) + " entries, got " +
                                    std::to_string(n));
      for (int i = 0; i < n; ++i) checkRange(s, s.key + "[" + std::to_string(i) + "]", (*vec)[i]);
      return *vec;
    }
  }
  wrongType(s);
}

ParamValue parseValue(const FieldSpec& s, std::string_view raw) {
  const std::string text = trim(raw);
  switch (s.kind) {
    case FieldKind::Real:
    case FieldKind::Integer:
      return checkValue(s, parseNumber(s.key, text));
    case FieldKind::Bool:
      if (text == "true" || text == "1" || text == "on") return true;
      if (text == "false" || text == "0" || text == "off") return false;
      throw ParamError(s.key, s.key + " must be true or false, got '" + text + "'");
    case FieldKind::Choice:
      return checkValue(s, text);
    case FieldKind::Vector: {
      // "1,2,3" or "[1,2,3]": brackets come in pairs and every comma separates two numbers.
      std::string_view body = text;
      const bool open = !body.empty() && body.front() == '[';
      const bool close = !body.empty() && body.back() == ']';
      if (open != close || (open && body.size() < 2))
        throw ParamError(s.key, s.key + ": '" + text + "' has an unmatched bracket");
      if (open) body = body.substr(1, body.size() - 2);
      std::vector<double> out;
      if (trim(body).empty()) return checkValue(s, out);
      std::size_t pos = 0;
      while (true) {
        const std::size_t comma = body.find(',', pos);
        const std::string item = trim(body.substr(pos, comma - pos));
        if (item.empty())
          throw ParamError(s.key, s.key + ": '" + text + "' has an empty entry (a stray comma?)");
        if (out.size() >= static_cast<std::size_t>(s.maxSize))
          throw ParamError(s.key, s.key + " must have between " + std::to_string(s.minSize) +
                                      " and " + std::to_string(s.maxSize) + " entries");
        out.push_back(parseNumber(s.key, item));
        if (comma == std::string_view::npos) break;
        pos = comma + 1;
      }
      return checkValue(s, out);
    }
  }
  wrongType(s);
}

std::string formatValue(const ParamValue& value) {
  if (const double* d = std::get_if<double>(&value)) return num(*d);
  if (const bool* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* str = std::get_if<std::string>(&value)) return *str;
  std::string out;
  for (double v : std::get<std::vector<double>>(value)) {
    if (!out.empty()) out += ',';
    out += num(v);
  }
  return out;
}

const FieldSpec* findField(const std::vector<FieldSpec>& specs, std::string_view key) {
  for (const auto& s : specs)
    if (s.key == key) return &s;
  return nullptr;
}

void checkParamSet(const std::vector<FieldSpec>& specs, const ParamSet& set) {
  for (const auto& [key, value] : set) {
    const FieldSpec* s = findField(specs, key);
    if (!s) throw ParamError(key, "unknown parameter '" + key + "'");
    checkValue(*s, value);
  }
}

FieldSpec arithmeticField(std::string help) {
  return FieldSpec{.key = "precision",
                   .label = "Arithmetic",
                   .kind = FieldKind::Choice,
                   .choices = {"float64", "float32"},
                   .choiceLabels = {"float64 (double)", "float32"},
                   .help = std::move(help)};
}

}  // namespace latentlab
