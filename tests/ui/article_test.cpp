// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Article panel: every page names its article, typesets its formulas and fills its steps'
// numbers from the current result, in both languages; a step's button sets the page to its
// scenario; an export asked for the panel carries it.
#include <gtest/gtest.h>

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QPushButton>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <cstdlib>
#include <memory>

#include "tests/ui/spin_until.h"
#include "ui/common/article_panel.h"
#include "ui/common/figure_export.h"
#include "ui/common/page.h"
#include "ui/shell/language.h"
#include "ui/shell/main_window.h"
#include "ui/shell/page_registry.h"

namespace latentlab::ui {
namespace {

using testing::spinUntil;

bool hasHan(const QString& text) {
  static const QRegularExpression han(QStringLiteral("\\p{Han}"));
  return text.contains(han);
}

class ArticleOfPage : public ::testing::TestWithParam<QString> {};

TEST_P(ArticleOfPage, NamesItsArticleTypesetsItsFormulasAndFillsItsNumbers) {
  const std::unique_ptr<Page> page(findPage(GetParam())->factory());
  page->computeNow();
  for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
    SCOPED_TRACE(language.toStdString());
    const Article a = loadArticle(page->id(), language, page->exportData(), page->exportValues());
    ASSERT_FALSE(a.isEmpty());
    for (const Article::Source& s : a.sources) {
      EXPECT_TRUE(s.url.startsWith(QLatin1String("https://kexue.fm/archives/")))
          << s.url.toStdString();
      EXPECT_FALSE(s.title.isEmpty());
      EXPECT_TRUE(QRegularExpression(QStringLiteral("^20\\d\\d(-\\d\\d-\\d\\d)?$"))
                      .match(s.date)
                      .hasMatch())
          << s.date.toStdString();
    }
    // Two or three sentences (Chinese says as much in about a third of the characters).
    EXPECT_GE(a.claim.size(), language == QLatin1String("zh_CN") ? 50 : 120)
        << a.claim.toStdString();
    EXPECT_EQ(hasHan(a.claim), language == QLatin1String("zh_CN"));
    ASSERT_FALSE(a.formulas.isEmpty());
    for (const QString& f : a.formulas) {
      QSvgRenderer svg(f);
      EXPECT_TRUE(svg.isValid()) << f.toStdString();
      EXPECT_GT(svg.viewBoxF().width(), 20.0) << f.toStdString();
    }
    EXPECT_TRUE(QFile::exists(QStringLiteral(LATENTLAB_SOURCE_DIR "/") + a.theory))
        << a.theory.toStdString();
    ASSERT_GE(a.steps.size(), 2u);
    bool aboutThisResult = false;
    for (const ArticleStep& step : a.steps) {
      EXPECT_FALSE(step.text.contains(QRegularExpression(QStringLiteral("%\\d"))))
          << "a number left unfilled: " << step.text.toStdString();
      EXPECT_EQ(hasHan(step.text), language == QLatin1String("zh_CN")) << step.text.toStdString();
      if (step.preset.isEmpty()) {
        aboutThisResult = true;
        // Numbers about the current result are there at the page's defaults.
        EXPECT_FALSE(step.text.contains(QStringLiteral("—"))) << step.text.toStdString();
      } else {
        EXPECT_TRUE(QFile::exists(step.preset)) << step.preset.toStdString();
      }
    }
    EXPECT_TRUE(aboutThisResult) << "at least one step reads the current result";
  }
}

QStringList pageIds() {
  QStringList ids;
  for (const PageInfo& info : pageRegistry()) ids << info.id;
  return ids;
}

INSTANTIATE_TEST_SUITE_P(EveryPage, ArticleOfPage, ::testing::ValuesIn(pageIds()),
                         [](const ::testing::TestParamInfo<QString>& p) {
                           return p.param.toStdString();
                         });

TEST(ArticlePanel, NumbersFollowTheResultAndAStepOpensItsScenario) {
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  ASSERT_TRUE(window.showPage(QStringLiteral("quant_grid")));
  window.articleDock()->show();
  window.articleDock()->raise();
  Page* page = window.currentPage();
  ASSERT_TRUE(spinUntil([&] { return page->hasResult(); }));
  ArticlePanel* panel = window.articlePanel();
  ASSERT_TRUE(spinUntil([&] {
    return !panel->article().steps.empty() && panel->article().steps[0].text.contains("VQ 100.0%");
  })) << (panel->article().steps.empty() ? std::string()
                                         : panel->article().steps[0].text.toStdString());
  // Step 1 is the codebook collapse: its button loads that scenario into the page.
  auto* button = panel->findChild<QPushButton*>(QStringLiteral("articleStepButton1"));
  ASSERT_NE(button, nullptr);
  button->click();
  EXPECT_EQ(std::get<std::string>(page->params().at("vq_method")), "ema");
  ASSERT_TRUE(spinUntil([&] {
    return !page->controller()->isBusy() && page->hasResult() &&
           !panel->article().steps[0].text.contains("VQ 100.0%");
  })) << panel->article().steps[0].text.toStdString();
  // LATENTLAB_UI_SNAPSHOTS=dir keeps the window with its Article tab at a laptop's size.
  if (const char* dir = std::getenv("LATENTLAB_UI_SNAPSHOTS")) {
    window.resize(1280, 800);
    spinUntil([] { return false; }, 500);
    window.grab().save(QDir(dir).filePath(QStringLiteral("article-window-1280.png")));
  }
}

TEST(ArticlePanel, AnExportAskedForItCarriesTheClaimAndNoButtons) {
  const std::unique_ptr<Page> page(findPage(QStringLiteral("topk"))->factory());
  page->computeNow();
  FigureOptions o;
  o.size = {1600, 1000};
  o.article = true;
  const std::unique_ptr<QWidget> fig = prepareFigure(*page, layoutSize(o), o);
  auto* panel = fig->findChild<ArticlePanel*>();
  ASSERT_NE(panel, nullptr);
  EXPECT_TRUE(panel->isVisible());
  EXPECT_TRUE(panel->findChildren<QPushButton*>().isEmpty()) << "an export has nothing to click";
  EXPECT_EQ(panel->findChildren<FormulaView*>().size(), 2);
  EXPECT_GT(panel->x(), fig->width() / 2) << "in a column on the right";
  o.article = false;
  const std::unique_ptr<QWidget> plain = prepareFigure(*page, layoutSize(o), o);
  EXPECT_EQ(plain->findChild<ArticlePanel*>(), nullptr);
}

}  // namespace
}  // namespace latentlab::ui
