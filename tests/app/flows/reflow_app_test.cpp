// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The ReFlow page from the command line: every bundled scenario exports a figure and its data;
// bad input exits 2 naming the key.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "tests/app/app_support.h"

namespace {

namespace fs = std::filesystem;
using latentlab::apptest::readFile;
using latentlab::apptest::runApp;

fs::path tempDir(const std::string& name) {
  return latentlab::apptest::tempDir("reflow_app", name);
}

}  // namespace

TEST(ReflowApp, EveryBundledScenarioExportsFigureAndData) {
  const int found =
      latentlab::apptest::exportEveryScenario("reflow", tempDir("scenarios"), 800, 500, "density",
                                              [](const std::string& name, const nlohmann::json& t) {
                                                EXPECT_EQ(t.at("rows").size(), 96u * 96u) << name;
                                                for (const auto& row : t.at("rows"))
                                                  ASSERT_GE(row.at(2).get<double>(), 0.0) << name;
                                              });
  EXPECT_GE(found, 5) << "bundled reflow scenarios missing";
}

TEST(ReflowApp, BadInputExitsTwoNamingTheKey) {
  const fs::path dir = tempDir("bad");
  int code = runApp("--page reflow --set steps=0 --export '" + (dir / "x.png").string() + "'",
                    dir / "err.txt");
  EXPECT_EQ(code, 2);
  EXPECT_NE(readFile(dir / "err.txt").find("steps"), std::string::npos)
      << readFile(dir / "err.txt");
  code = runApp("--page reflow --set drawn=1,2,3 --export '" + (dir / "y.png").string() + "'",
                dir / "err2.txt");
  EXPECT_EQ(code, 2);
  EXPECT_NE(readFile(dir / "err2.txt").find("drawn"), std::string::npos)
      << readFile(dir / "err2.txt");
}
