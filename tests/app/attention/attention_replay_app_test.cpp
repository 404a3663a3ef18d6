// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Saved scenarios of the attention pages replay from the command line to the same numbers, with
// and without loaded Q/K; a replay never computes on data other than what was recorded.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <string>

#include "tests/app/replay_support.h"

namespace {

namespace fs = std::filesystem;
using namespace latentlab::apptest;

fs::path dirFor(const std::string& name) { return tempDir("attention_replay", name); }

// n × d matrix, comma separated, deterministic values.
void writeCsv(const fs::path& p, int n, int d, double shift) {
  std::ofstream out(p);
  out.precision(17);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d; ++j) out << (j ? "," : "") << std::sin(1.3 * i + 0.7 * j + shift);
    out << "\n";
  }
}

double value(const nlohmann::json& data, const std::string& key) {
  return data.at("values").at(key).get<double>();
}

}  // namespace

TEST(AttentionRankReplay, ASavedScenarioWithoutFilesReplaysToTheSameNumbers) {
  const fs::path dir = dirFor("plain");
  const Replay r = replayScenario(dir, "attention_rank", "--set n=40 --set d=6 --set prefix=10");
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  EXPECT_FALSE(r.first.at("scenario").contains("inputs"));
  EXPECT_EQ(value(r.first, "n"), 40.0);
  fs::remove_all(dir);
}

TEST(AttentionRankReplay, LoadedQkReplayFromTheEmbeddedCopyOrTheMatchingFiles) {
  const fs::path dir = dirFor("loaded");
  writeCsv(dir / "Q.csv", 37, 5, 0.0);
  writeCsv(dir / "K.csv", 37, 5, 0.4);
  // --set source=npy is checked after --open has loaded the files (it used to exit 2).
  const std::string open = "--open " + shellQuoted(dir / "Q.csv") + " --open " + shellQuoted(dir / "K.csv");
  const Replay r =
      replayScenario(dir, "attention_rank", "--set source=npy --set prefix=12 " + open);
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);  // the replay had no --open: the embedded matrices
  const auto& inputs = r.first.at("scenario").at("inputs");
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].at("role"), "q");
  EXPECT_EQ(inputs[0].at("name"), "Q.csv");
  EXPECT_EQ(inputs[0].at("bytes"), fs::file_size(dir / "Q.csv"));
  EXPECT_EQ(inputs[0].at("shape"), nlohmann::json::array({37, 5}));
  EXPECT_EQ(inputs[0].at("encoding"), "npy");
  EXPECT_EQ(inputs[0].at("sha256").get<std::string>().size(), 64u);
  EXPECT_EQ(inputs[1].at("name"), "K.csv");
  // The export says what was computed: n and d of the files, and their names.
  EXPECT_EQ(value(r.first, "n"), 37.0);
  EXPECT_EQ(value(r.first, "d"), 5.0);
  EXPECT_EQ(r.first.at("values").at("q_file"), "Q.csv");

  // The same files again: their SHA-256 matches, same numbers.
  const fs::path third = dir / "third.json";
  ASSERT_EQ(runApp("--scenario " + shellQuoted(r.scenario) + " " + open + " --export-data " +
                       shellQuoted(third),
                   dir / "err.txt"),
            0)
      << readFile(dir / "err.txt");
  expectSameNumbers(r.first, nlohmann::json::parse(readFile(third)));

  // A different K is not the recorded input: stop, naming it.
  writeCsv(dir / "K2.csv", 37, 5, 0.9);
  EXPECT_EQ(runApp("--scenario " + shellQuoted(r.scenario) + " --open " + shellQuoted(dir / "Q.csv") +
                       " --open " + shellQuoted(dir / "K2.csv") + " --export-data " +
                       shellQuoted(dir / "x.json"),
                   dir / "err.txt"),
            2);
  const std::string err = readFile(dir / "err.txt");
  EXPECT_NE(err.find("K2.csv"), std::string::npos) << err;
  EXPECT_NE(err.find("'K.csv'"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir / "x.json"));
  fs::remove_all(dir);
}

TEST(AttentionRankReplay, AnInputNeitherEmbeddedNorGivenStopsTheReplay) {
  const fs::path dir = dirFor("missing");
  writeCsv(dir / "Q.csv", 20, 3, 0.0);
  writeCsv(dir / "K.csv", 20, 3, 0.4);
  const std::string open = "--open " + shellQuoted(dir / "Q.csv") + " --open " + shellQuoted(dir / "K.csv");
  const Replay r = replayScenario(dir, "attention_rank", open);
  ASSERT_TRUE(r.ok);
  // As for matrices over the embedding limit: the record without the data.
  nlohmann::json scenario = r.first.at("scenario");
  for (auto& in : scenario.at("inputs")) {
    in.erase("data");
    in.erase("encoding");
  }
  const fs::path stripped = dir / "stripped.json";
  std::ofstream(stripped) << scenario.dump(2);
  EXPECT_EQ(runApp("--scenario " + shellQuoted(stripped) + " --export-data " + shellQuoted(dir / "x.json"),
                   dir / "err.txt"),
            2);
  const std::string err = readFile(dir / "err.txt");
  EXPECT_NE(err.find("'Q.csv'"), std::string::npos) << err;
  EXPECT_NE(err.find("--open"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir / "x.json"));
  const fs::path with = dir / "with.json";
  ASSERT_EQ(runApp("--scenario " + shellQuoted(stripped) + " " + open + " --export-data " + shellQuoted(with),
                   dir / "err.txt"),
            0)
      << readFile(dir / "err.txt");
  expectSameNumbers(r.first, nlohmann::json::parse(readFile(with)));

  // A version-1 scenario from an --open run records no inputs: it needs the files, and with
  // them (opened before the scenario is checked) it replays.
  const fs::path v1 = dir / "v1.json";
  std::ofstream(v1) << R"({"format": "latentlab-scenario", "version": 1,
    "page": "attention_rank", "seed": 7, "params": {"source": "npy", "prefix": 12}})";
  EXPECT_EQ(runApp("--scenario " + shellQuoted(v1) + " --export-data " + shellQuoted(dir / "y.json"),
                   dir / "err.txt"),
            2);
  EXPECT_NE(readFile(dir / "err.txt").find("needs Q and K"), std::string::npos);
  EXPECT_EQ(runApp("--scenario " + shellQuoted(v1) + " " + open + " --export-data " +
                       shellQuoted(dir / "y.json"),
                   dir / "err.txt"),
            0)
      << readFile(dir / "err.txt");
  // Opened files the final params do not use are an error, not silently ignored.
  EXPECT_EQ(runApp("--page attention_rank " + open + " --set source=gaussian --export-data " +
                       shellQuoted(dir / "z.json"),
                   dir / "err.txt"),
            2);
  EXPECT_NE(readFile(dir / "err.txt").find("source=npy"), std::string::npos);
  fs::remove_all(dir);
}

TEST(EfficientAttentionReplay, ASavedScenarioReplaysAndExportsItsInputs) {
  const fs::path dir = dirFor("efficient");
  const Replay r = replayScenario(dir, "efficient_attention",
                                  "--set n=48 --set d=6 --set dv=4 --set m=16 "
                                  "--set codebook_size=8");
  ASSERT_TRUE(r.ok);
  expectSameNumbers(r.first, r.second);
  const auto shape = [&](const char* name) {
    const nlohmann::json* t = findTable(r.first, name);
    return t ? std::pair<std::size_t, std::size_t>{t->at("rows").size(), t->at("columns").size()}
             : std::pair<std::size_t, std::size_t>{0, 0};
  };
  EXPECT_EQ(shape("q"), (std::pair<std::size_t, std::size_t>{48, 7}));  // index + d
  EXPECT_EQ(shape("k"), (std::pair<std::size_t, std::size_t>{48, 7}));
  EXPECT_EQ(shape("v"), (std::pair<std::size_t, std::size_t>{48, 5}));
  EXPECT_EQ(shape("performer_omega"), (std::pair<std::size_t, std::size_t>{16, 7}));
  EXPECT_EQ(shape("vq_codebook"), (std::pair<std::size_t, std::size_t>{8, 7}));
  EXPECT_EQ(shape("vq_codes"), (std::pair<std::size_t, std::size_t>{48, 2}));
  EXPECT_EQ(value(r.first, "m"), 16.0);
  fs::remove_all(dir);
}
