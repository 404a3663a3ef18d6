// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <cmath>

#include "latentlab/attention/efficient_lab.h"
#include "latentlab/common/scenario.h"
#include "ui/common/figure_export.h"
#include "ui/pages/attention/efficient_attention_page.h"

using namespace latentlab;
using latentlab::ui::EfficientAttentionPage;

namespace {

int distinctColours(const QImage& img) {
  QSet<QRgb> seen;
  for (int y = 0; y < img.height(); y += 7)
    for (int x = 0; x < img.width(); x += 7) seen.insert(img.pixel(x, y));
  return static_cast<int>(seen.size());
}

}  // namespace

TEST(EfficientAttentionPage, ComputesAndDrawsEveryView) {
  EfficientAttentionPage page;
  page.setParam("n", 64.0);  // small n keeps the sweeps quick; S = 32 ≤ 64 stays valid
  const auto fields = page.fields();
  const auto& spec = *findField(fields, "view");
  for (const auto& view : spec.choices) {
    page.setParam("view", view);
    page.computeNow();
    ASSERT_TRUE(page.result().has_value());
    const QImage img = ui::renderFigure(page, {QSize(900, 600), 96, true});
    ASSERT_EQ(img.size(), QSize(900, 600)) << view;
    EXPECT_GT(distinctColours(img), 12) << "figure for view " << view << " looks blank";
  }
}

TEST(EfficientAttentionPage, ResultMatchesCoreAtDefaults) {
  EfficientAttentionPage page;
  page.computeNow();
  const auto direct = attention::computeEfficientLab(attention::EfficientLabParams{});
  EXPECT_EQ((page.result()->performerMap - direct.performerMap).cwiseAbs().maxCoeff(), 0.0);
  EXPECT_EQ(page.result()->vqErrorO, direct.vqErrorO);
}

TEST(EfficientAttentionPage, ParameterChangeProducesAResultAsynchronously) {
  EfficientAttentionPage page;
  page.setActive(true);
  QSignalSpy spy(&page, &ui::Page::computed);
  page.setParam("m", 128.0);
  ASSERT_TRUE(page.controller()->waitForIdle(20000));
  ASSERT_GE(spy.count(), 1);
  EXPECT_EQ(page.result()->keySoftOverFeatures.size(), 128);
}

// The maps are on screen before the analogy's checks run; data export waits for all of it.
TEST(EfficientAttentionPage, TheMapsShowBeforeTheAnalogyIsDone) {
  EfficientAttentionPage page;
  page.setActive(true);
  ASSERT_TRUE(page.controller()->waitForIdle(20000));
  QSignalSpy shown(&page, &ui::Page::figureUpdated);
  bool exportedWhilePartial = false;
  QObject::connect(&page, &ui::Page::figureUpdated, [&](bool partial) {
    if (partial) {
      EXPECT_TRUE(page.result()->partial);
      EXPECT_EQ(page.result()->exactMap.rows(), 256);
      exportedWhilePartial = !page.exportData().isEmpty() || !page.exportValues().isEmpty();
    }
  });
  page.setParam("seed", 7.0);
  ASSERT_TRUE(page.controller()->waitForIdle(20000));
  ASSERT_EQ(shown.count(), 2);
  EXPECT_TRUE(shown.at(0).at(0).toBool()) << "the maps came with the complete result";
  EXPECT_FALSE(shown.at(1).at(0).toBool());
  EXPECT_FALSE(exportedWhilePartial);
  EXPECT_FALSE(page.result()->partial);
  EXPECT_EQ(page.result()->tauGrid.size(), 9u);
  EXPECT_FALSE(page.exportData().isEmpty());
}

TEST(EfficientAttentionPage, BurstOfChangesEndsWithTheLastOne) {
  EfficientAttentionPage page;
  page.setActive(true);
  for (int m = 1; m <= 40; ++m) page.setParam("m", static_cast<double>(m));
  ASSERT_TRUE(page.controller()->waitForIdle(20000));
  ASSERT_TRUE(page.result().has_value());
  EXPECT_EQ(page.result()->keySoftOverFeatures.size(), 40);
}

TEST(EfficientAttentionPage, BadValueIsRejectedAndStateKept) {
  EfficientAttentionPage page;
  const auto before = page.params();
  try {
    page.setParam("codebook_size", 300.0);  // n = 256
    FAIL() << "S > n accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "codebook_size");
    EXPECT_NE(std::string(e.what()).find("n = 256"), std::string::npos) << e.what();
  }
  EXPECT_EQ(page.params(), before);
  EXPECT_THROW(page.setParam("sigma", std::nan("")), ParamError);
  EXPECT_THROW(page.setParam("feature", std::string("relu")), ParamError);
  EXPECT_EQ(page.params(), before);
}

TEST(EfficientAttentionPage, ExportDataTablesAreRectangular) {
  EfficientAttentionPage page;
  page.setParam("n", 32.0);
  page.setParam("codebook_size", 8.0);
  page.setParam("view", std::string("codebook"));
  page.computeNow();
  QStringList names;
  for (const auto& t : page.exportData()) {
    names << t.name;
    ASSERT_FALSE(t.rows.empty()) << t.name.toStdString();
    for (const auto& row : t.rows)
      ASSERT_EQ(row.size(), static_cast<std::size_t>(t.columns.size())) << t.name.toStdString();
  }
  for (const char* want : {"summary", "maps", "error_vs_s", "analogy_tau"})
    EXPECT_TRUE(names.contains(QString::fromLatin1(want))) << want;
}

TEST(EfficientAttentionPage, ScenarioRoundTrips) {
  EfficientAttentionPage a;
  a.setParams({{"causal", true}, {"m", 16.0}, {"feature", std::string("trig")}});
  const std::string json = scenarioToJson(a.scenario());
  EfficientAttentionPage b;
  b.applyScenario(scenarioFromJson(json));
  EXPECT_EQ(a.params(), b.params());
  EXPECT_EQ(std::get<bool>(b.params().at("causal")), true);
}

TEST(EfficientAttentionPage, TimingRunsInTheBackgroundAndIsDrawn) {
  EfficientAttentionPage page;
  page.computeNow();
  attention::TimingParams tp;
  tp.sizes = {64, 128};
  tp.d = 8;
  tp.m = 16;
  tp.codebookSize = 16;
  tp.budgetMsPerCell = 2.0;
  QSignalSpy progress(page.timingController(), &ui::RecomputeController::progress);
  page.measureTiming(tp);
  ASSERT_TRUE(page.timingController()->waitForIdle(20000));
  ASSERT_TRUE(page.timing().has_value());
  EXPECT_EQ(page.timing()->medianMs.cols(), 2);
  EXPECT_GT(page.timing()->medianMs.minCoeff(), 0.0);
  EXPECT_GE(progress.count(), 1);
  bool hasTiming = false;
  for (const auto& t : page.exportData()) hasTiming |= t.name == QStringLiteral("timing");
  EXPECT_TRUE(hasTiming);
  page.setParam("view", std::string("timing"));
  page.computeNow();
  EXPECT_GT(distinctColours(ui::renderFigure(page, {QSize(900, 600), 96, true})), 12);
}

TEST(EfficientAttentionPage, TimingCanBeCancelled) {
  EfficientAttentionPage page;
  attention::TimingParams tp;
  tp.sizes = {8192};
  tp.budgetMsPerCell = 1e5;
  page.measureTiming(tp);
  page.timingController()->cancel();
  ASSERT_TRUE(page.timingController()->waitForIdle(30000));
  EXPECT_FALSE(page.timing().has_value());
}
