// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "latentlab/common/scenario_inputs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "latentlab/common/npy.h"
#include "latentlab/common/scenario.h"
#include "latentlab/common/sha256.h"

using namespace latentlab;

namespace {

const std::string kVersion1 = R"({"format": "latentlab-scenario", "version": 1, "page": "topk",
  "seed": 3, "params": {"k": 2}})";

std::string withInputs(const std::string& inputs) {
  return R"({"format": "latentlab-scenario", "version": 1, "page": "attention_rank",
    "params": {"source": "npy"}, "inputs": )" +
         inputs + "}";
}

std::string errorKey(const std::string& text) {
  try {
    scenarioFromJson(text);
  } catch (const ParamError& e) {
    return e.key();
  }
  return "(accepted)";
}

}  // namespace

TEST(ScenarioInputs, VersionOneFilesWithoutInputsStillLoad) {
  const Scenario s = scenarioFromJson(kVersion1);
  EXPECT_EQ(s.page, "topk");
  EXPECT_TRUE(s.inputs.empty());
  // ...and a scenario without inputs writes no "inputs" key, so older builds read it too.
  EXPECT_EQ(scenarioToJson(s).find("inputs"), std::string::npos);
}

TEST(ScenarioInputs, RecordsAndEmbeddedMatricesRoundTripExactly) {
  Eigen::MatrixXd q(37, 5);
  for (Eigen::Index i = 0; i < q.size(); ++i) q.data()[i] = std::sin(0.37 * i) / 3.0;
  ScenarioInput in = memoryInput("q", "Q.npy", toNpy(q));
  embedMatrix(in, q);
  in.note = "loaded from text";
  Scenario s;
  s.page = "attention_rank";
  s.inputs = {in};
  const Scenario back = scenarioFromJson(scenarioToJson(s));
  ASSERT_EQ(back.inputs.size(), 1u);
  const ScenarioInput& r = back.inputs[0];
  EXPECT_EQ(r.role, "q");
  EXPECT_EQ(r.name, "Q.npy");
  EXPECT_EQ(r.bytes, toNpy(q).size());
  EXPECT_EQ(r.sha256, sha256Hex(toNpy(q)));
  EXPECT_EQ(r.shape, (std::vector<int>{37, 5}));
  EXPECT_EQ(r.note, "loaded from text");
  const Eigen::MatrixXd m = embeddedMatrix(r);
  EXPECT_EQ(m, q);  // bit for bit
  EXPECT_EQ(findInput(back.inputs, "q"), &back.inputs[0]);
  EXPECT_EQ(findInput(back.inputs, "k"), nullptr);
}

TEST(ScenarioInputs, LargeMatricesAreRecordedButNotEmbedded) {
  const Eigen::MatrixXd big = Eigen::MatrixXd::Ones(2048, 257);  // 4.2 MB as .npy
  ScenarioInput in = memoryInput("k", "K.npy", "stand-in");
  embedMatrix(in, big);
  EXPECT_EQ(in.shape, (std::vector<int>{2048, 257}));
  EXPECT_TRUE(in.data.empty());
  try {
    embeddedMatrix(in);
    FAIL() << "a record without data gave a matrix";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "inputs");
    const std::string what = e.what();
    EXPECT_NE(what.find("'K.npy'"), std::string::npos) << what;
    EXPECT_NE(what.find("--open"), std::string::npos) << what;
  }
}

TEST(ScenarioInputs, FileRecordsNameTheFileAndFingerprintItsBytes) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("latentlab_inputs_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "q.csv") << "1,2\n3,4\n";
  const ScenarioInput in = fileInput("q", (dir / "q.csv").string());
  EXPECT_EQ(in.name, "q.csv");  // no folders: the scenario must not leak paths
  EXPECT_EQ(in.bytes, 8u);
  EXPECT_EQ(in.sha256, sha256Hex("1,2\n3,4\n"));
  std::filesystem::remove_all(dir);
}

TEST(ScenarioInputs, MalformedRecordsAreRefusedNamingTheKey) {
  const std::string sha(64, 'a');
  const std::string ok = R"({"role": "q", "name": "Q.npy", "bytes": 8, "sha256": ")" + sha + "\"";
  EXPECT_EQ(errorKey(withInputs("[" + ok + "}]")), "(accepted)");
  EXPECT_EQ(errorKey(withInputs("{}")), "inputs");
  EXPECT_EQ(errorKey(withInputs("[" + ok + ", \"colour\": 1}]")), "inputs[0].colour");
  EXPECT_EQ(errorKey(withInputs("[" + ok + "}, " + ok + "}]")), "inputs");  // role twice
  EXPECT_EQ(errorKey(withInputs(R"([{"role": "q", "name": "Q.npy", "bytes": 8, "sha256": "ab"}])")),
            "inputs[0].sha256");
  EXPECT_EQ(errorKey(withInputs(R"([{"name": "Q.npy", "bytes": 8, "sha256": ")" + sha + "\"}]")),
            "inputs[0].role");
  EXPECT_EQ(errorKey(withInputs(R"([{"role": "q", "name": "Q.npy", "bytes": -1, "sha256": ")" +
                                sha + "\"}]")),
            "inputs[0].bytes");
  EXPECT_EQ(errorKey(withInputs("[" + ok + ", \"encoding\": \"npy\"}]")), "inputs[0].encoding");
  EXPECT_EQ(errorKey(withInputs("[" + ok + ", \"encoding\": \"gif\", \"data\": \"Zg==\"}]")),
            "inputs[0].encoding");
  EXPECT_EQ(errorKey(withInputs("[" + ok + ", \"encoding\": \"npy\", \"data\": \"Zg=\"}]")),
            "inputs[0].data");
  EXPECT_EQ(errorKey(withInputs("[" + ok + ", \"shape\": [0, 3]}]")), "inputs[0].shape");
  // Unknown top-level keys are still refused.
  EXPECT_EQ(errorKey(R"({"version": 1, "page": "topk", "input": []})"), "input");
}
