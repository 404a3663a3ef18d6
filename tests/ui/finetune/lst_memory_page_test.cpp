// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <cmath>

#include "latentlab/finetune/memory_model.h"
#include "ui/common/figure_export.h"
#include "ui/pages/finetune/lst_memory_bars.h"
#include "ui/pages/finetune/lst_memory_page.h"

using namespace latentlab;
using latentlab::ui::LstMemoryPage;

namespace {

int distinctColours(const QImage& img) {
  QSet<QRgb> seen;
  for (int y = 0; y < img.height(); y += 7)
    for (int x = 0; x < img.width(); x += 7) seen.insert(img.pixel(x, y));
  return static_cast<int>(seen.size());
}

}  // namespace

TEST(LstMemoryPage, ComputesAndDrawsEveryView) {
  LstMemoryPage page;
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

TEST(LstMemoryPage, ResultMatchesTheSpecAtDefaults) {
  LstMemoryPage page;
  page.computeNow();
  const auto& r = *page.result();
  // Full fine-tuning keeps 12,709,416,000 B of activations and masks at the defaults.
  EXPECT_EQ(r.methods[0].activations + r.methods[0].masks, 12709416000.0);
  EXPECT_EQ(r.methods[5].activations + r.methods[5].masks, 3182478000.0);
}

TEST(LstMemoryPage, ParameterChangeProducesAResultAsynchronously) {
  LstMemoryPage page;
  page.setActive(true);
  QSignalSpy spy(&page, &ui::Page::computed);
  page.setParam("model", std::string("gpt2-small"));
  ASSERT_TRUE(page.controller()->waitForIdle(10000));
  ASSERT_GE(spy.count(), 1);
  EXPECT_EQ(page.result()->backbone, 124439808);
}

TEST(LstMemoryPage, BadValueIsRejectedAndStateKept) {
  LstMemoryPage page;
  const auto before = page.params();
  page.setParam("lst_drop", std::string("custom"));
  const auto custom = page.params();
  try {
    page.setParam("lst_layers", std::vector<double>{1, 12});
    FAIL() << "layer 12 of 12 accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "lst_layers");
  }
  EXPECT_EQ(page.params(), custom);
  EXPECT_THROW(page.setParam("batch", std::nan("")), ParamError);
  EXPECT_NE(page.params(), before);
}

TEST(LstMemoryPage, ExportDataTablesAreRectangular) {
  LstMemoryPage page;
  page.computeNow();
  QStringList names;
  for (const auto& t : page.exportData()) {
    names << t.name;
    ASSERT_FALSE(t.rows.empty()) << t.name.toStdString();
    for (const auto& row : t.rows)
      ASSERT_EQ(row.size(), static_cast<std::size_t>(t.columns.size())) << t.name.toStdString();
  }
  for (const char* want : {"memory_bytes", "sweep_bytes", "paper_vs_model", "param_checks", "clue"})
    EXPECT_TRUE(names.contains(QString::fromLatin1(want))) << want;
}

TEST(LstMemoryPage, ScenarioRoundTrips) {
  LstMemoryPage a, b;
  a.setParams({{"model", std::string("t5-large")}, {"batch", 8.0}, {"view", std::string("sweep")}});
  b.applyScenario(a.scenario());
  EXPECT_EQ(a.params(), b.params());
}

TEST(StackedBarsWidget, SegmentsStackFromTheBottom) {
  ui::StackedBarsWidget w;
  w.resize(400, 300);
  w.setData({"a", "b"}, {"x", "y"}, {Qt::red, Qt::blue}, {{1.0, 3.0}, {2.0, 0.0}});
  // A point low in bar 0 hits segment x; high in bar 0 hits y; the empty space above bar 1
  // hits nothing.
  const auto low = w.hitTest(QPointF(100, 290 - 30));
  const auto high = w.hitTest(QPointF(100, 120));
  EXPECT_EQ(low.first, 0);
  EXPECT_EQ(low.second, 0);
  EXPECT_EQ(high.first, 0);
  EXPECT_EQ(high.second, 1);
  EXPECT_EQ(w.hitTest(QPointF(300, 120)).first, -1);
}

TEST(LstMemoryPage, FitsASmallWindow) {
  // Pages share the window's central stack, so a wide page would widen every page's window.
  LstMemoryPage page;
  page.computeNow();
  EXPECT_LE(page.minimumSizeHint().width(), 600) << page.minimumSizeHint().width();
  EXPECT_LE(page.controls()->minimumSizeHint().width(), 400)
      << page.controls()->minimumSizeHint().width();
}
