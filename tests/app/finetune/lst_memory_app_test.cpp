// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Memory accountant from the command line: figure, data and bad input.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "tests/app/app_support.h"

namespace {

namespace fs = std::filesystem;

struct ExeRun {
  int code;
  std::string err;
};

ExeRun runExe(const std::string& args, const fs::path& dir) {
  const fs::path err = dir / "stderr.txt";
  const int code = latentlab::apptest::runApp(args, err);
  return {code, latentlab::apptest::readFile(err)};
}

fs::path tempDir(const std::string& name) {
  return latentlab::apptest::tempDir("lst_memory", name);
}

}  // namespace

TEST(LstMemoryApp, ExportsFigureAndData) {
  const fs::path d = tempDir("export");
  const fs::path png = d / "m.png", json = d / "m.json";
  const ExeRun r = runExe("--page lst_memory --set view=paper --size 800x500 --export '" +
                              png.string() + "' --export-data '" + json.string() + "'",
                          d);
  ASSERT_EQ(r.code, 0) << r.err;
  const cv::Mat img = cv::imread(png.string());
  EXPECT_EQ(img.cols, 800);
  EXPECT_EQ(img.rows, 500);
  std::ifstream in(json);
  const auto j = nlohmann::json::parse(in);
  bool found = false;
  for (const auto& t : j.at("tables"))
    if (t.at("name") == "memory_bytes") {
      found = true;
      // Row 0 is full fine-tuning; column "activations" + "masks" = 12,709,416,000 B.
      const auto& cols = t.at("columns");
      std::size_t act = 0, masks = 0;
      for (std::size_t i = 0; i < cols.size(); ++i) {
        if (cols[i] == "activations") act = i;
        if (cols[i] == "masks") masks = i;
      }
      const auto& row = t.at("rows").at(0);
      EXPECT_EQ(row.at(act).get<double>() + row.at(masks).get<double>(), 12709416000.0);
    }
  EXPECT_TRUE(found);
  fs::remove_all(d);
}

TEST(LstMemoryApp, BundledPresetsLoad) {
  const fs::path d = tempDir("presets");
  for (const char* name : {"paper-t5-base", "llama-7b-mixed", "t5-3b-batch-sweep"}) {
    const fs::path png = d / (std::string(name) + ".png");
    const ExeRun r = runExe(std::string("--scenario :/scenarios/lst_memory-") + name +
                                ".json --size 600x400 --export '" + png.string() + "'",
                            d);
    EXPECT_EQ(r.code, 0) << name << ": " << r.err;
    EXPECT_TRUE(fs::exists(png)) << name;
  }
  fs::remove_all(d);
}

TEST(LstMemoryApp, BadInputNamesTheKey) {
  const fs::path d = tempDir("bad");
  const ExeRun r =
      runExe("--page lst_memory --set lst_r=0 --export '" + (d / "x.png").string() + "'", d);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("lst_r"), std::string::npos) << r.err;
  fs::remove_all(d);
}
