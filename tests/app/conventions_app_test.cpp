// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The GNU command-line conventions: --version's lines, --help's bug-report footer, `--`.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/app/app_support.h"

namespace {

namespace fs = std::filesystem;
using latentlab::apptest::readFile;
using latentlab::apptest::runApp;
using latentlab::apptest::tempDir;

struct Output {
  int code = -1;
  std::string out, err;
};

class ConventionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = tempDir("conventions", ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { fs::remove_all(m_dir); }

  Output run(const std::string& args) const {
    Output r;
    r.code = runApp(args, m_dir / "err.txt", m_dir / "out.txt");
    r.out = readFile(m_dir / "out.txt");
    r.err = readFile(m_dir / "err.txt");
    return r;
  }

  fs::path m_dir;
};

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST_F(ConventionsTest, VersionPrintsVersionCopyrightAndLicenceLines) {
  for (const char* option : {"--version", "-v"}) {
    const Output r = run(option);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    const std::vector<std::string> out = lines(r.out);
    ASSERT_GE(out.size(), 5u) << r.out;
    EXPECT_EQ(out[0], std::string("latentlab (LatentLab) ") + LATENTLAB_VERSION);
    EXPECT_EQ(out[1].rfind("Copyright (C) ", 0), 0u) << out[1];
    EXPECT_EQ(out[2].rfind("License GPLv3: GNU GPL version 3 <https://", 0), 0u) << out[2];
    EXPECT_NE(r.out.find("Qt Charts"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("MIT"), std::string::npos) << r.out;
    EXPECT_EQ(out.back(), "There is NO WARRANTY, to the extent permitted by law.");
  }
}

TEST_F(ConventionsTest, HelpEndsWithWhereToReportBugs) {
  const Output r = run("--help");
  EXPECT_EQ(r.code, 0) << r.err;
  const std::vector<std::string> out = lines(r.out);
  ASSERT_GE(out.size(), 3u);
  EXPECT_EQ(out[0], "Usage: latentlab [OPTION]...");
  const std::string home(LATENTLAB_HOMEPAGE);
  EXPECT_EQ(home.rfind("https://", 0), 0u) << home;
  EXPECT_EQ(out[out.size() - 2], "Report bugs to: <" + home + "/issues>");
  EXPECT_EQ(out.back(), "LatentLab home page: <" + home + ">");
}

TEST_F(ConventionsTest, DoubleDashEndsTheOptions) {
  Output r = run("--list-pages --");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("topk\t"), std::string::npos) << r.out;

  // After `--` nothing is an option, and LatentLab takes no operands.
  r = run("-- --list-pages");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(r.err, "latentlab: unexpected argument '--list-pages' (see --help)\n");

  const fs::path png = m_dir / "t.png";
  r = run("--page topk --export '" + png.string() + "' -- extra");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "latentlab: unexpected argument 'extra' (see --help)\n");
  EXPECT_FALSE(fs::exists(png));

  // An option's value may itself be `--`.
  r = run("--page topk --set --");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("key=value, got '--'"), std::string::npos) << r.err;
}

}  // namespace
