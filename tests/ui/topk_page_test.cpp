// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <cmath>

#include "latentlab/topk/topk_lab.h"
#include "ui/common/figure_export.h"
#include "ui/pages/topk/topk_page.h"

using namespace latentlab;
using latentlab::ui::TopkPage;

namespace {

// Distinct colours in a coarse grid of the image: a blank or single-colour figure has one or two.
int distinctColours(const QImage& img) {
  QSet<QRgb> seen;
  for (int y = 0; y < img.height(); y += 7)
    for (int x = 0; x < img.width(); x += 7) seen.insert(img.pixel(x, y));
  return static_cast<int>(seen.size());
}

}  // namespace

TEST(TopkPage, ComputesAndDrawsEveryView) {
  TopkPage page;
  page.computeNow();
  ASSERT_TRUE(page.result().has_value());
  const auto fields = page.fields();
  const auto& spec = *findField(fields, "view");
  for (const auto& view : spec.choices) {
    page.setParam("view", view);
    page.computeNow();
    const QImage img = ui::renderFigure(page, {QSize(900, 600), 96, true});
    ASSERT_EQ(img.size(), QSize(900, 600)) << view;
    EXPECT_GT(distinctColours(img), 12) << "figure for view " << view << " looks blank";
  }
}

TEST(TopkPage, ResultMatchesCoreAtDefaults) {
  TopkPage page;
  page.computeNow();
  const auto direct = topk::computeTopkLab(topk::TopkLabParams{});
  ASSERT_EQ(page.result()->outcomes.size(), direct.outcomes.size());
  for (std::size_t m = 0; m < direct.outcomes.size(); ++m)
    EXPECT_LT(
        (page.result()->outcomes[m].result.p - direct.outcomes[m].result.p).cwiseAbs().maxCoeff(),
        1e-15);
}

TEST(TopkPage, ActivatingAFreshPageComputesItsDefaults) {
  TopkPage page;
  EXPECT_FALSE(page.result().has_value());
  page.setActive(true);
  ASSERT_TRUE(page.controller()->waitForIdle(10000));
  ASSERT_TRUE(page.result().has_value()) << "a page shown for the first time stayed empty";
  EXPECT_EQ(page.result()->x.size(), 4);
}

TEST(TopkPage, ParameterChangeProducesAResultAsynchronously) {
  TopkPage page;
  page.setActive(true);
  QSignalSpy spy(&page, &ui::Page::computed);
  page.setParam("k", 3.0);
  ASSERT_TRUE(page.controller()->waitForIdle(10000));
  ASSERT_GE(spy.count(), 1);
  const auto& r = *page.result();
  EXPECT_NEAR(r.hard.sum(), 3.0, 0) << "hard T_k should select k = 3 entries";
  for (const auto& o : r.outcomes) EXPECT_NEAR(o.result.p.sum(), 3.0, 1e-9);
}

TEST(TopkPage, BurstOfChangesEndsWithTheLastOne) {
  TopkPage page;
  page.setActive(true);
  double last = 0.0;
  for (int i = 0; i < 100; ++i) {
    last = 0.05 + 0.01 * i;
    page.setParam("tau", last);
  }
  ASSERT_TRUE(page.controller()->waitForIdle(20000));
  ASSERT_TRUE(page.result().has_value());
  ASSERT_FALSE(page.result()->outcomes.empty());
  for (const auto& o : page.result()->outcomes) EXPECT_DOUBLE_EQ(o.tauUsed, last);
}

TEST(TopkPage, BadValueIsRejectedAndStateKept) {
  TopkPage page;
  const auto before = page.params();
  try {
    page.setParam("k", 7.0);
    FAIL() << "k = 7 > n = 4 accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "k");
    EXPECT_NE(std::string(e.what()).find("n = 4"), std::string::npos) << e.what();
  }
  EXPECT_EQ(page.params(), before);
  EXPECT_THROW(page.setParam("tau", std::nan("")), ParamError);
  EXPECT_EQ(page.params(), before);
}

TEST(TopkPage, GalleryLoadsCounterExample) {
  TopkPage page;
  page.loadCounterExample(0);
  const auto& ce = topk::counterExamples().front();
  EXPECT_EQ(std::get<std::vector<double>>(page.params().at("x")), ce.x);
  EXPECT_EQ(std::get<double>(page.params().at("k")), ce.k);
  page.computeNow();
  EXPECT_TRUE(page.result().has_value());
}

TEST(TopkPage, ExportDataTablesAreRectangular) {
  TopkPage page;
  page.computeNow();
  const auto tables = page.exportData();
  QStringList names;
  for (const auto& t : tables) {
    names << t.name;
    ASSERT_FALSE(t.rows.empty()) << t.name.toStdString();
    for (const auto& row : t.rows)
      ASSERT_EQ(row.size(), static_cast<std::size_t>(t.columns.size())) << t.name.toStdString();
  }
  for (const char* want :
       {"masks", "response", "temperature", "jacobian", "stability", "properties"})
    EXPECT_TRUE(names.contains(QString::fromLatin1(want))) << want;
}

TEST(TopkPage, RandomInputUsesTheSeed) {
  TopkPage a, b;
  a.randomInput(12);
  b.randomInput(12);
  const auto xa = std::get<std::vector<double>>(a.params().at("x"));
  EXPECT_EQ(xa.size(), 12u);
  EXPECT_EQ(xa, std::get<std::vector<double>>(b.params().at("x")));
  b.setParam("seed", 2.0);
  b.randomInput(12);
  EXPECT_NE(xa, std::get<std::vector<double>>(b.params().at("x")));
}

TEST(TopkPage, SpeedMeasurementRunsInTheBackgroundAndIsDrawn) {
  TopkPage page;
  page.computeNow();
  topk::SpeedParams sp;
  sp.methods = {topk::Method::GradTopk, topk::Method::ThreExp};
  sp.sizes = {100, 1000};
  sp.budgetMsPerCell = 5.0;
  QSignalSpy progress(page.speedController(), &ui::RecomputeController::progress);
  page.measureSpeed(sp);
  ASSERT_TRUE(page.speedController()->waitForIdle(20000));
  ASSERT_TRUE(page.speed().has_value());
  EXPECT_EQ(page.speed()->medianMs.rows(), 2);
  EXPECT_EQ(page.speed()->medianMs.cols(), 2);
  EXPECT_GT(page.speed()->medianMs.minCoeff(), 0.0);
  EXPECT_GE(progress.count(), 1);
  bool hasSpeedTable = false;
  for (const auto& t : page.exportData()) hasSpeedTable |= t.name == QStringLiteral("speed_ms");
  EXPECT_TRUE(hasSpeedTable);
  page.setParam("view", std::string("speed"));
  page.computeNow();
  EXPECT_GT(distinctColours(ui::renderFigure(page, {QSize(900, 600), 96, true})), 12);
}

TEST(TopkPage, SpeedMeasurementCanBeCancelled) {
  TopkPage page;
  topk::SpeedParams sp;
  sp.methods = {topk::Method::GradTopk};
  sp.sizes = {1000000};
  sp.budgetMsPerCell = 10000.0;
  page.measureSpeed(sp);
  page.speedController()->cancel();
  ASSERT_TRUE(page.speedController()->waitForIdle(20000));
  EXPECT_FALSE(page.speed().has_value());
}
