// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Replaying saved scenarios from the command line: save the scenario of a page state, run it
// again, and compare the exported numbers.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/app/app_support.h"

namespace latentlab::apptest {

inline std::string shellQuoted(const std::filesystem::path& p) {
  std::string out("'");
  out.append(p.string()).append("'");
  return out;
}

/// Both exports of a replay, and the scenario file in between.
struct Replay {
  nlohmann::json first, second;  // latentlab-data JSON of the original run and of the replay
  std::filesystem::path scenario;
  bool ok = false;
};

/// The scenario a data export embeds (page.scenario(), the object File ▸ Save scenario writes for
/// that state), saved as a scenario file.
inline void saveScenarioOf(const nlohmann::json& data, const std::filesystem::path& file) {
  std::ofstream(file) << data.at("scenario").dump(2) << "\n";
}

/// Runs `--page PAGE SETUP --export-data first.json`, saves the export's scenario as
/// scenario.json, then replays `--scenario scenario.json REPLAY --export-data second.json`.
/// Adds a test failure naming the run that did not exit 0.
inline Replay replayScenario(const std::filesystem::path& dir, const std::string& page,
                             const std::string& setup, const std::string& replay = "") {
  Replay r;
  r.scenario = dir / (page + "_scenario.json");
  const auto first = dir / (page + "_first.json"), second = dir / (page + "_second.json");
  std::string args("--page ");
  args.append(page).append(" ").append(setup).append(" --export-data ").append(shellQuoted(first));
  int code = runApp(args, dir / "err.txt");
  EXPECT_EQ(code, 0) << "first run: " << readFile(dir / "err.txt");
  if (code != 0) return r;
  r.first = nlohmann::json::parse(readFile(first));
  saveScenarioOf(r.first, r.scenario);
  args = "--scenario ";
  args.append(shellQuoted(r.scenario)).append(" ").append(replay).append(" --export-data ");
  args.append(shellQuoted(second));
  code = runApp(args, dir / "err.txt");
  EXPECT_EQ(code, 0) << "replay: " << readFile(dir / "err.txt");
  if (code != 0) return r;
  r.second = nlohmann::json::parse(readFile(second));
  r.ok = true;
  return r;
}

/// Expects two exports of the same page to agree exactly: the scenario (less app_version), every
/// table (name, columns, each number) and every value, except tables and column or value names
/// in `skip` (wall-clock measurements).
inline void expectSameNumbers(const nlohmann::json& a, const nlohmann::json& b,
                              const std::set<std::string>& skip = {}) {
  nlohmann::json sa = a.at("scenario"), sb = b.at("scenario");
  sa.erase("app_version");
  sb.erase("app_version");
  EXPECT_EQ(sa, sb) << "the replay's scenario differs";
  const auto& ta = a.at("tables");
  const auto& tb = b.at("tables");
  ASSERT_EQ(ta.size(), tb.size());
  for (std::size_t i = 0; i < ta.size(); ++i) {
    const std::string name = ta[i].at("name");
    ASSERT_EQ(name, tb[i].at("name").get<std::string>());
    if (skip.count(name)) continue;
    const auto& columns = ta[i].at("columns");
    ASSERT_EQ(columns, tb[i].at("columns")) << name;
    const auto& ra = ta[i].at("rows");
    const auto& rb = tb[i].at("rows");
    ASSERT_EQ(ra.size(), rb.size()) << name;
    int differing = 0;
    for (std::size_t r = 0; r < ra.size(); ++r)
      for (std::size_t c = 0; c < columns.size(); ++c) {
        if (skip.count(columns[c].get<std::string>())) continue;
        if (ra[r][c] != rb[r][c] && differing++ < 3)
          ADD_FAILURE() << name << "[" << r << "]." << columns[c].get<std::string>() << ": "
                        << ra[r][c] << " vs " << rb[r][c];
      }
    EXPECT_EQ(differing, 0) << name;
  }
  const nlohmann::json va = a.value("values", nlohmann::json::object());
  const nlohmann::json vb = b.value("values", nlohmann::json::object());
  EXPECT_EQ(va.size(), vb.size());
  for (const auto& [key, value] : va.items()) {
    if (skip.count(key)) continue;
    EXPECT_EQ(value, vb.value(key, nlohmann::json())) << "value '" << key << "'";
  }
}

/// The exported table `name`, or null.
inline const nlohmann::json* findTable(const nlohmann::json& data, const std::string& name) {
  for (const auto& t : data.at("tables"))
    if (t.at("name") == name) return &t;
  return nullptr;
}

}  // namespace latentlab::apptest
