// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "latentlab/common/params.h"

namespace latentlab {

inline constexpr int kScenarioVersion = 1;

/// Largest scenario file read. 16 MiB rather than the 4 MiB of params-only scenarios: a scenario
/// may embed Q and K (up to kMaxEmbeddedBytes of .npy each, 4/3 larger as base64) plus an image.
inline constexpr std::size_t kMaxScenarioBytes = std::size_t{16} << 20;
/// Largest embedded input (before base64): Q or K as float64 .npy, or an image.
inline constexpr std::size_t kMaxEmbeddedBytes = std::size_t{4} << 20;
static_assert(kMaxScenarioBytes > 2 * (kMaxEmbeddedBytes * 4 / 3) + (std::size_t{1} << 20),
              "Q and K at the embedding limit, as base64, plus an image must fit in a scenario");
/// Most inputs one scenario records (attention_rank has two: Q and K).
inline constexpr std::size_t kMaxScenarioInputs = 8;

/// One file a page had loaded (README, "Scenario files"): what it was, a fingerprint to check a
/// file given again against, and for small inputs the data itself, so the scenario replays alone.
/// JSON: {"role": "q", "name": "Q.npy", "bytes": 1608, "sha256": "…", "shape": [37, 5],
///        "encoding": "npy", "data": "<base64>"}; "thumbnail" and "note" are optional.
struct ScenarioInput {
  std::string role;         // "q", "k", "image": which input of the page
  std::string name;         // file name as opened, without its folders
  std::uint64_t bytes = 0;  // size of that file
  std::string sha256;       // 64 hex digits, SHA-256 of the file's bytes
  std::vector<int> shape;   // as the page used it: n, d (matrix) or height, width, channels
  std::string encoding;     // of `data`: "npy" (float64, C order) or "png"; empty: not embedded
  std::string data;         // base64 of the embedded bytes (exactly what the page computed on)
  std::string thumbnail;    // base64 PNG preview of an image too large to embed (not replayable)
  std::string note;         // what the loader reported (downscale, alpha), restored with the data
};

/// A saved state of one page: its id, params and seed, and the files it had loaded. JSON form:
/// {"format": "latentlab-scenario", "version": 1, "page": "topk", "seed": 42,
///  "app_version": "0.1.0", "params": {"k": 2, "tau": 1.0, "x": [3, 2, 1, 4], ...},
///  "inputs": [...]}; "inputs" is omitted when the page used only built-in data.
struct Scenario {
  int version = kScenarioVersion;
  std::string page;        // page id
  std::uint64_t seed = 0;  // seed of every stochastic step on the page
  std::string appVersion;  // written by the app, informative on read
  ParamSet params;         // typed as JSON gives them; the page checks them against its fields
  std::vector<ScenarioInput> inputs;  // loaded files in use, in the page's --open order
};

/// Serialises a scenario to pretty JSON.
std::string scenarioToJson(const Scenario& s);

/// Parses scenario JSON. Throws ParamError (key "json", "version", "page", "seed", "params",
/// "inputs" or a param key) on malformed text, a newer version, missing page, a value JSON cannot
/// hold, or an input record that is incomplete, has unknown keys or data that is not base64.
Scenario scenarioFromJson(const std::string& text);

/// ParamSet <-> JSON object text, for data exports and diagnostics.
std::string paramSetToJson(const ParamSet& set, int indent = 2);

/// Reads a whole file into a string; throws ParamError("file", ...) if it cannot be read or is
/// larger than `maxBytes`.
std::string readTextFile(const std::string& path, std::size_t maxBytes = kMaxScenarioBytes);

}  // namespace latentlab
