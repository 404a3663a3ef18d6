// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Q/K from text files: commas or whitespace, one row per line; bad files give ParamError(key).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "latentlab/attention/attention_rank.h"
#include "latentlab/common/errors.h"
#include "latentlab/common/npy.h"

using namespace latentlab;
using namespace latentlab::attention;
namespace fs = std::filesystem;

namespace {

std::string errorOf(const std::string& text, const std::string& key = "q_file") {
  try {
    parseMatrixText(text, key);
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), key);
    return e.what();
  }
  return "<no error>";
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

class TextFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() /
            ("latentlab_qk_text_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  std::string write(const std::string& name, const std::string& text) {
    const fs::path p = m_dir / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  fs::path m_dir;
};

}  // namespace

TEST(QkText, CommasWhitespaceAndMixedSeparators) {
  const auto m = parseMatrixText("1, 2.5,-3\n4e-1 5\t+6\r\n\n", "q_file");
  ASSERT_EQ(m.rows(), 2);
  ASSERT_EQ(m.cols(), 3);
  EXPECT_EQ(m(0, 1), 2.5);
  EXPECT_EQ(m(0, 2), -3.0);
  EXPECT_EQ(m(1, 0), 0.4);
  EXPECT_EQ(m(1, 2), 6.0);
  const auto single = parseMatrixText("7", "k_file");
  EXPECT_EQ(single.rows(), 1);
  EXPECT_EQ(single(0, 0), 7.0);
}

TEST(QkText, BadTextNamesTheKeyAndTheLine) {
  EXPECT_TRUE(contains(errorOf("1,2\n3,x\n"), "line 2")) << errorOf("1,2\n3,x\n");
  EXPECT_TRUE(contains(errorOf("1,2\n3,x\n"), "'x' is not a number"));
  EXPECT_TRUE(contains(errorOf("1,2,3\n4,5\n"), "line 2: has 2 numbers"));
  EXPECT_TRUE(contains(errorOf("1,nan\n"), "NaN or Inf"));
  EXPECT_TRUE(contains(errorOf("inf 1\n"), "NaN or Inf"));
  EXPECT_TRUE(contains(errorOf("1,,2\n"), "empty field"));
  EXPECT_TRUE(contains(errorOf("1,2,\n"), "comma is not followed"));
  EXPECT_TRUE(contains(errorOf(",1\n"), "empty field"));
  EXPECT_TRUE(contains(errorOf("\n \n"), "no numbers"));
  EXPECT_TRUE(contains(errorOf("1e999\n"), "out of the double range"));
  EXPECT_TRUE(contains(errorOf("1.5.2\n", "k_file"), "not a number"));
}

TEST(QkText, PathsDispatchOnTheExtension) {
  EXPECT_TRUE(isTextMatrixPath("/a/q.csv"));
  EXPECT_TRUE(isTextMatrixPath("Q.TXT"));
  EXPECT_TRUE(isTextMatrixPath("q.tsv"));
  EXPECT_FALSE(isTextMatrixPath("q.npy"));
  EXPECT_FALSE(isTextMatrixPath("csv"));
}

TEST_F(TextFiles, LoadQkReadsCsvAndNpyAlike) {
  Eigen::MatrixXd q(3, 2), k(3, 2);
  q << 0.1, 0.2, -0.3, 0.4, 0.5, -0.6;
  k << 1, 0, 0, 1, 1, 1;
  const auto qPath = write("q.csv", "0.1,0.2\n-0.3,0.4\n0.5,-0.6\n");
  const auto kPath = write("k.npy", toNpy(k));
  const auto loaded = loadQk(qPath, kPath);
  EXPECT_EQ(loaded->q, q);
  EXPECT_EQ(loaded->k, k);
  const auto both =
      loadQk(write("q.txt", "0.1 0.2\n-0.3 0.4\n0.5 -0.6"), write("k.csv", "1,0\n0,1\n1,1\n"));
  EXPECT_EQ(both->q, q);
  EXPECT_EQ(both->k, k);
}

TEST_F(TextFiles, BadFilesAreParamErrorsNamingTheKey) {
  auto keyOf = [](const std::string& qp, const std::string& kp) {
    try {
      loadQk(qp, kp);
    } catch (const ParamError& e) {
      return e.key();
    }
    return std::string("none");
  };
  const auto good = write("good.csv", "1,2\n3,4\n5,6\n");
  EXPECT_EQ(keyOf(write("q.csv", "1,2\n3,abc\n5,6\n"), good), "q_file");
  EXPECT_EQ(keyOf(good, write("k.csv", "1,2\n3,NaN\n5,6\n")), "k_file");
  EXPECT_EQ(keyOf(good, write("kshape.csv", "1,2,3\n4,5,6\n7,8,9\n")), "k_file");  // wrong shape
  EXPECT_EQ(keyOf(write("one.csv", "1,2\n"), good), "q_file");                     // n = 1 < 2
  EXPECT_EQ(keyOf((m_dir / "missing.csv").string(), good), "q_file");
  EXPECT_EQ(keyOf(good, write("ragged.txt", "1 2\n3\n5 6\n")), "k_file");
}
