// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "latentlab/common/scenario.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "latentlab/common/file_read.h"

#include "scenario_inputs_json.h"

namespace latentlab {
namespace {

using nlohmann::json;

constexpr int kMaxScenarioDepth = 16;  // {params: {key: [list]}} needs 3

// nlohmann's messages start with "[json.exception.parse_error.101] "; users need the rest.
std::string withoutLibraryId(const std::string& what) {
  if (what.rfind("[json.exception.", 0) == 0) {
    const auto close = what.find("] ");
    if (close != std::string::npos) return what.substr(close + 2);
  }
  return what;
}

json toJson(const ParamValue& v) {
  if (const double* d = std::get_if<double>(&v)) return *d;
  if (const bool* b = std::get_if<bool>(&v)) return *b;
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return std::get<std::vector<double>>(v);
}

ParamValue fromJson(const std::string& key, const json& j) {
  if (j.is_boolean()) return j.get<bool>();
  if (j.is_number()) return j.get<double>();
  if (j.is_string()) return j.get<std::string>();
  if (j.is_array()) {
    std::vector<double> out;
    for (const auto& e : j) {
      if (!e.is_number()) throw ParamError(key, key + " must be a list of numbers");
      out.push_back(e.get<double>());
    }
    return out;
  }
  throw ParamError(key, key + " has a value JSON type LatentLab does not read");
}

}  // namespace

std::string paramSetToJson(const ParamSet& set, int indent) {
  json j = json::object();
  for (const auto& [k, v] : set) j[k] = toJson(v);
  return j.dump(indent);
}

std::string scenarioToJson(const Scenario& s) {
  json j;
  j["format"] = "latentlab-scenario";
  j["version"] = s.version;
  j["page"] = s.page;
  j["seed"] = s.seed;
  if (!s.appVersion.empty()) j["app_version"] = s.appVersion;
  j["params"] = json::parse(paramSetToJson(s.params));
  if (!s.inputs.empty()) j["inputs"] = detail::inputsToJson(s.inputs);
  return j.dump(2) + "\n";
}

Scenario scenarioFromJson(const std::string& text) {
  json j;
  std::string lastKey = "json";  // the key being read, so a bad number names its parameter
  try {
    // Scenarios are flat: refuse deep nesting while parsing, before it costs memory.
    const json::parser_callback_t watch = [&lastKey](int depth, json::parse_event_t event,
                                                     json& parsed) {
      if (depth > kMaxScenarioDepth)
        throw ParamError(lastKey, "the scenario nests deeper than " +
                                      std::to_string(kMaxScenarioDepth) + " levels");
      if (event == json::parse_event_t::key && parsed.is_string())
        lastKey = parsed.get<std::string>();
      return true;
    };
    j = json::parse(text, watch);
  } catch (const ParamError&) {
    throw;
  } catch (const json::out_of_range& e) {
    // A number beyond the double range (1e400): name the key, not the library's error id.
    throw ParamError(lastKey, lastKey + ": a number is out of the double range (" +
                                  withoutLibraryId(e.what()) + ")");
  } catch (const json::exception& e) {
    throw ParamError("json", std::string("not valid JSON: ") + withoutLibraryId(e.what()));
  }
  if (!j.is_object()) throw ParamError("json", "a scenario must be a JSON object");
  static const char* kKnown[] = {"format",      "version", "page",  "seed",
                                 "app_version", "params",  "inputs"};
  for (const auto& [key, _] : j.items()) {
    if (std::find(std::begin(kKnown), std::end(kKnown), key) == std::end(kKnown))
      throw ParamError(key, "unknown scenario key '" + key + "'");
  }
  Scenario s;
  if (j.contains("format") && j["format"] != "latentlab-scenario")
    throw ParamError("format", "format must be \"latentlab-scenario\"");
  if (!j.contains("version") || !j["version"].is_number_integer())
    throw ParamError("version", "version must be an integer (this build reads version 1)");
  // Compare as 64-bit before narrowing: 4294967297 must not wrap to 1.
  const json& version = j["version"];
  const bool inRange = version.is_number_unsigned() && version.get<std::uint64_t>() >= 1 &&
                       version.get<std::uint64_t>() <= std::uint64_t{kScenarioVersion};
  if (!inRange)
    throw ParamError("version", "scenario version " + version.dump() +
                                    " is not supported (this build reads version 1)");
  s.version = static_cast<int>(version.get<std::uint64_t>());
  if (!j.contains("page") || !j["page"].is_string())
    throw ParamError("page", "page must be a page id string (see --list-pages)");
  s.page = j["page"].get<std::string>();
  if (j.contains("seed")) {
    if (!j["seed"].is_number_unsigned())
      throw ParamError("seed", "seed must be a non-negative integer");
    s.seed = j["seed"].get<std::uint64_t>();
  }
  if (j.contains("app_version") && j["app_version"].is_string())
    s.appVersion = j["app_version"].get<std::string>();
  if (j.contains("params")) {
    if (!j["params"].is_object()) throw ParamError("params", "params must be a JSON object");
    for (const auto& [key, value] : j["params"].items()) s.params[key] = fromJson(key, value);
  }
  // Version-1 files from before inputs were recorded have none: built-in data only.
  if (j.contains("inputs")) s.inputs = detail::inputsFromJson(j["inputs"]);
  return s;
}

std::string readTextFile(const std::string& path, std::size_t maxBytes) {
  return readFileBounded(path, maxBytes, "file", "scenario file");
}

}  // namespace latentlab
