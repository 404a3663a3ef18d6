// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Loaded files in scenarios: their records, embedded data and the JSON of the "inputs" member.
#include "latentlab/common/scenario_inputs.h"

#include <algorithm>
#include <filesystem>

#include "latentlab/common/base64.h"
#include "latentlab/common/npy.h"
#include "latentlab/common/sha256.h"
#include "scenario_inputs_json.h"

namespace latentlab {
namespace {

using nlohmann::json;

bool isHexDigest(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool isRole(const std::string& s) {
  return !s.empty() && s.size() <= 32 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

std::string shapeText(const std::vector<int>& shape) {
  std::string out;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) out += " × ";
    out += std::to_string(shape[i]);
  }
  return out;
}

ScenarioInput inputFromJson(const json& j, std::size_t index) {
  const std::string at = "inputs[" + std::to_string(index) + "]";
  if (!j.is_object()) throw ParamError("inputs", at + " must be a JSON object");
  static const char* kKnown[] = {"role", "name",     "bytes",     "sha256", "shape",
                                 "encoding", "data", "thumbnail", "note"};
  for (const auto& [key, _] : j.items())
    if (std::find(std::begin(kKnown), std::end(kKnown), key) == std::end(kKnown))
      throw ParamError(at + "." + key, "unknown key '" + key + "' in scenario " + at);
  const auto string = [&](const char* key, bool required) -> std::string {
    if (!j.contains(key)) {
      if (required) throw ParamError(at + "." + key, at + " needs \"" + key + "\"");
      return {};
    }
    if (!j[key].is_string())
      throw ParamError(at + "." + key, at + "." + key + " must be a string");
    return j[key].get<std::string>();
  };
  ScenarioInput in;
  in.role = string("role", true);
  if (!isRole(in.role))
    throw ParamError(at + ".role", at + ".role must be a short lower-case id, got '" + in.role + "'");
  in.name = string("name", true);
  if (!j.contains("bytes") || !j["bytes"].is_number_unsigned())
    throw ParamError(at + ".bytes", at + ".bytes must be the file size in bytes");
  in.bytes = j["bytes"].get<std::uint64_t>();
  in.sha256 = string("sha256", true);
  if (!isHexDigest(in.sha256))
    throw ParamError(at + ".sha256", at + ".sha256 must be 64 lower-case hex digits");
  if (j.contains("shape")) {
    if (!j["shape"].is_array() || j["shape"].size() > 3)
      throw ParamError(at + ".shape", at + ".shape must be a list of at most 3 sizes");
    for (const auto& v : j["shape"]) {
      if (!v.is_number_unsigned() || v.get<std::uint64_t>() < 1 || v.get<std::uint64_t>() > 65536)
        throw ParamError(at + ".shape", at + ".shape must hold sizes between 1 and 65536");
      in.shape.push_back(static_cast<int>(v.get<std::uint64_t>()));
    }
  }
  in.encoding = string("encoding", false);
  in.data = string("data", false);
  if (in.encoding.empty() != in.data.empty())
    throw ParamError(at + ".encoding", at + " needs both \"encoding\" and \"data\", or neither");
  if (!in.encoding.empty() && in.encoding != "npy" && in.encoding != "png")
    throw ParamError(at + ".encoding",
                     at + ".encoding must be \"npy\" or \"png\", got '" + in.encoding + "'");
  in.thumbnail = string("thumbnail", false);
  in.note = string("note", false);
  // Decoded here once, so a damaged file is reported when it is read, not when a page uses it.
  if (base64Decode(in.data, at + ".data").size() > kMaxEmbeddedBytes)
    throw ParamError(at + ".data", at + ".data is larger than the " +
                                       std::to_string(kMaxEmbeddedBytes >> 20) + " MiB limit");
  (void)base64Decode(in.thumbnail, at + ".thumbnail");
  return in;
}

}  // namespace

namespace detail {

json inputsToJson(const std::vector<ScenarioInput>& inputs) {
  json out = json::array();
  for (const ScenarioInput& in : inputs) {
    json j;
    j["role"] = in.role;
    j["name"] = in.name;
    j["bytes"] = in.bytes;
    j["sha256"] = in.sha256;
    if (!in.shape.empty()) j["shape"] = in.shape;
    if (!in.note.empty()) j["note"] = in.note;
    if (!in.data.empty()) {
      j["encoding"] = in.encoding;
      j["data"] = in.data;
    }
    if (!in.thumbnail.empty()) j["thumbnail"] = in.thumbnail;
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<ScenarioInput> inputsFromJson(const json& j) {
  if (!j.is_array()) throw ParamError("inputs", "inputs must be a JSON list of input records");
  if (j.size() > kMaxScenarioInputs)
    throw ParamError("inputs", "a scenario records at most " +
                                   std::to_string(kMaxScenarioInputs) + " inputs");
  std::vector<ScenarioInput> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    ScenarioInput in = inputFromJson(j[i], i);
    if (findInput(out, in.role))
      throw ParamError("inputs", "the scenario records input '" + in.role + "' twice");
    out.push_back(std::move(in));
  }
  return out;
}

}  // namespace detail

ScenarioInput fileInput(const std::string& role, const std::string& path, const std::string& key) {
  ScenarioInput in;
  in.role = role;
  in.name = std::filesystem::path(path).filename().string();
  in.sha256 = sha256File(path, &in.bytes, key);
  return in;
}

ScenarioInput memoryInput(const std::string& role, const std::string& name,
                          const std::string& bytes) {
  ScenarioInput in;
  in.role = role;
  in.name = name;
  in.bytes = bytes.size();
  in.sha256 = sha256Hex(bytes);
  return in;
}

void embedMatrix(ScenarioInput& input, const Eigen::Ref<const Eigen::MatrixXd>& m) {
  input.shape = {static_cast<int>(m.rows()), static_cast<int>(m.cols())};
  input.encoding.clear();
  input.data.clear();
  const std::string npy = toNpy(m);
  if (npy.size() > kMaxEmbeddedBytes) return;
  input.encoding = "npy";
  input.data = base64Encode(npy);
}

Eigen::MatrixXd embeddedMatrix(const ScenarioInput& input) {
  if (input.encoding != "npy") throw missingInput(input, "a matrix");
  const std::string key = "inputs." + input.role;
  const Eigen::MatrixXd m = parseNpy(base64Decode(input.data, key), key);
  if (input.shape.size() == 2 && (m.rows() != input.shape[0] || m.cols() != input.shape[1]))
    throw ParamError(key, "the embedded " + input.role + " is " + std::to_string(m.rows()) +
                              " × " + std::to_string(m.cols()) + ", its record says " +
                              shapeText(input.shape));
  return m;
}

const ScenarioInput* findInput(const std::vector<ScenarioInput>& inputs, const std::string& role) {
  for (const ScenarioInput& in : inputs)
    if (in.role == role) return &in;
  return nullptr;
}

std::string describeInput(const ScenarioInput& input) {
  std::string out = "'" + input.name + "' (";
  if (!input.shape.empty()) out += shapeText(input.shape) + ", ";
  out += std::to_string(input.bytes) + " bytes, SHA-256 " + input.sha256.substr(0, 12) + "…)";
  return out;
}

ParamError missingInput(const ScenarioInput& input, const std::string& what) {
  return ParamError("inputs", "the scenario's input '" + input.role + "', " + what + " read from " +
                                  describeInput(input) +
                                  ", is not embedded in it (larger inputs are only named): "
                                  "open that file (--open on the command line) to replay it");
}

}  // namespace latentlab
