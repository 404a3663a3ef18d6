// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The command line in Chinese: the system locale and --language choose it, exported figures carry
// Chinese text in an embedded CJK font, and every page's export names its article.
#include <gtest/gtest.h>

#include <string>

#include "tests/app/app_support.h"

namespace latentlab::apptest {
namespace {

class LanguageApp : public ::testing::Test {
 protected:
  fs::path dir =
      tempDir("language", ::testing::UnitTest::GetInstance()->current_test_info()->name());
  void TearDown() override { fs::remove_all(dir); }

  std::string listPages(const std::string& extra, const std::string& locale) {
    EXPECT_EQ(runApp("--list-pages " + extra, dir / "err.txt", dir / "out.txt", locale), 0)
        << readFile(dir / "err.txt");
    return readFile(dir / "out.txt");
  }
};

TEST_F(LanguageApp, ListPagesFollowsTheLocaleAndTheOption) {
  const std::string zh = listPages("", "zh_CN.UTF-8");
  EXPECT_NE(zh.find("topk\tTop-k 光滑近似\t光滑 Top-k"), std::string::npos) << zh;
  EXPECT_NE(zh.find("注意力的秩"), std::string::npos) << zh;
  const std::string en = listPages("", "C.UTF-8");
  EXPECT_NE(en.find("topk\tTop-k\tSmooth Top-k"), std::string::npos) << en;
  EXPECT_NE(listPages("--language en", "zh_CN.UTF-8").find("Smooth Top-k"), std::string::npos);
  EXPECT_NE(listPages("--language=zh_CN", "C.UTF-8").find("光滑 Top-k"), std::string::npos);
}

TEST_F(LanguageApp, AnUnknownLanguageIsBadInput) {
  EXPECT_EQ(runApp("--language fr --list-pages", dir / "err.txt"), 2);
  EXPECT_NE(readFile(dir / "err.txt").find("--language must be one of en, zh_CN, got 'fr'"),
            std::string::npos)
      << readFile(dir / "err.txt");
  EXPECT_EQ(runApp("--list-pages --language", dir / "err.txt"), 2);
}

TEST_F(LanguageApp, ChineseFiguresEmbedACjkFontAndChineseText) {
  const fs::path pdf = dir / "zh.pdf", svg = dir / "zh.svg";
  ASSERT_EQ(runApp("--language zh_CN --page topk --export '" + pdf.string() + "'", dir / "e.txt"),
            0)
      << readFile(dir / "e.txt");
  const std::string bytes = readFile(pdf);
  const bool cjkFont = bytes.find("NotoSansCJK") != std::string::npos ||
                       bytes.find("WenQuanYi") != std::string::npos;
  EXPECT_TRUE(cjkFont) << "no CJK font embedded in the PDF";
  EXPECT_NE(bytes.find("/FontFile2"), std::string::npos) << "fonts are embedded";
  ASSERT_EQ(runApp("--language zh_CN --page topk --export '" + svg.string() + "'", dir / "e.txt"),
            0);
  const std::string text = readFile(svg);
  EXPECT_NE(text.find("光滑 Top-k"), std::string::npos) << "the title is Chinese";
  EXPECT_NE(text.find("苏剑林"), std::string::npos) << "so is the caption";
}

TEST_F(LanguageApp, ArticleFlagPutsThePanelBesideTheFigure) {
  const fs::path with = dir / "with.svg", without = dir / "without.svg";
  ASSERT_EQ(runApp("--page topk --article --export '" + with.string() + "'", dir / "e.txt"), 0)
      << readFile(dir / "e.txt");
  ASSERT_EQ(runApp("--page topk --export '" + without.string() + "'", dir / "e.txt"), 0);
  EXPECT_NE(readFile(with).find("What to look at"), std::string::npos);
  EXPECT_NE(readFile(with).find("Softmax sequel"), std::string::npos) << "the article's title";
  EXPECT_EQ(readFile(without).find("What to look at"), std::string::npos);
  EXPECT_EQ(runApp("--page topk --article=1 --export '" + with.string() + "'", dir / "e.txt"), 2);
}

TEST_F(LanguageApp, EveryPagesExportNamesItsArticleInBothLanguages) {
  const std::string ids[] = {
      "topk",          "attention_rank", "efficient_attention", "quant_grid", "quant_image",
      "fokker_planck", "reflow",         "reflow_wgan",         "lst_memory", "lst_run"};
  const std::string archive[] = {"10373", "9529", "9844", "9826", "9826",
                                 "9461",  "9497", "9668", "9138", "9138"};
  for (std::size_t i = 0; i < std::size(ids); ++i) {
    for (const char* language : {"en", "zh_CN"}) {
      const fs::path svg = dir / (ids[i] + "-" + language + ".svg");
      ASSERT_EQ(runApp(std::string("--language ") + language + " --page " + ids[i] +
                           " --size 1000x700 --export '" + svg.string() + "'",
                       dir / "e.txt"),
                0)
          << ids[i] << ": " << readFile(dir / "e.txt");
      EXPECT_NE(readFile(svg).find("kexue.fm/archives/" + archive[i]), std::string::npos)
          << ids[i] << " in " << language;
    }
  }
}

}  // namespace
}  // namespace latentlab::apptest
