// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <cstdint>
#include <string>

#include "latentlab/common/params.h"

namespace latentlab {

inline constexpr int kScenarioVersion = 1;

/// A saved state of one page: its id, params and seed. JSON form:
/// {"format": "latentlab-scenario", "version": 1, "page": "topk", "seed": 42,
///  "app_version": "0.1.0", "params": {"k": 2, "tau": 1.0, "x": [3, 2, 1, 4], ...}}
struct Scenario {
  int version = kScenarioVersion;
  std::string page;        // page id
  std::uint64_t seed = 0;  // seed of every stochastic step on the page
  std::string appVersion;  // written by the app, informative on read
  ParamSet params;         // typed as JSON gives them; the page checks them against its fields
};

/// Serialises a scenario to pretty JSON.
std::string scenarioToJson(const Scenario& s);

/// Parses scenario JSON. Throws ParamError (key "json", "version", "page", "seed", "params" or a
/// param key) on malformed text, a newer version, missing page, or a value JSON cannot hold.
Scenario scenarioFromJson(const std::string& text);

/// ParamSet <-> JSON object text, for data exports and diagnostics.
std::string paramSetToJson(const ParamSet& set, int indent = 2);

/// Reads a whole file into a string; throws ParamError("file", ...) if it cannot be read or is
/// larger than `maxBytes`.
std::string readTextFile(const std::string& path, std::size_t maxBytes = 4 << 20);

}  // namespace latentlab
