// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Efficient attention page's cache inspector, Lemma-2 view, iid/orthogonal overlay and log
// colour option.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QImage>
#include <QMouseEvent>
#include <memory>

#include "latentlab/attention/efficient_lab.h"
#include "latentlab/common/errors.h"
#include "ui/common/figure_export.h"
#include "ui/common/heatmap_view.h"
#include "ui/pages/attention/efficient_attention_figure.h"
#include "ui/pages/attention/efficient_attention_page.h"

using namespace latentlab;
using latentlab::ui::EfficientAttentionPage;

namespace {

const ui::DataTable* table(const QList<ui::DataTable>& tables, const char* name) {
  for (const auto& t : tables)
    if (t.name == QLatin1String(name)) return &t;
  return nullptr;
}

double countSum(const ui::DataTable& t) {
  double s = 0;
  for (const auto& row : t.rows) s += row[1];
  return s;
}

}  // namespace

TEST(EfficientAttentionInspectors, CacheCursorMovesBlockByBlock) {
  EfficientAttentionPage page;
  page.setParams({{"n", 64.0},
                  {"codebook_size", 8.0},
                  {"block", 16.0},
                  {"causal", true},
                  {"view", std::string("cache")},
                  {"cache_block", 0.0}});
  page.computeNow();
  const auto first = page.exportData();
  const auto* t0 = table(first, "vq_cache");
  ASSERT_NE(t0, nullptr);
  EXPECT_EQ(t0->rows.size(), 8u);
  EXPECT_EQ(countSum(*t0), 16.0);
  page.setParam("cache_block", 2.0);
  page.computeNow();
  const auto tables = page.exportData();
  EXPECT_EQ(countSum(*table(tables, "vq_cache")), 48.0);
  // ⌈64/16⌉ = 4 blocks: cursor 4 is out of range and names its key.
  try {
    page.setParam("cache_block", 4.0);
    FAIL();
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "cache_block");
  }
  const QImage img = ui::renderFigure(page, {QSize(900, 600), 96, true});
  EXPECT_EQ(img.size(), QSize(900, 600));
}

TEST(EfficientAttentionInspectors, LemmaViewExportsAnalyticAndEmpiricalMse) {
  EfficientAttentionPage page;
  page.setParams({{"n", 32.0},
                  {"codebook_size", 8.0},
                  {"sigma", 0.3},
                  {"m", 16.0},
                  {"view", std::string("lemma")},
                  {"cell_i", 3.0},
                  {"cell_j", 7.0}});
  page.computeNow();
  const auto tables = page.exportData();
  const auto* t = table(tables, "lemma2");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 3u);
  for (const auto& row : t->rows) {
    EXPECT_GT(row[2], 0.0);                     // analytic MSE
    EXPECT_NEAR(row[3], row[2], 0.3 * row[2]);  // empirical MSE near it (small norms)
  }
  ASSERT_NE(table(tables, "lemma2_histogram"), nullptr);
  EXPECT_EQ(table(tables, "lemma2_histogram")->rows.size(),
            static_cast<std::size_t>(attention::kLemmaBins));
}

TEST(EfficientAttentionInspectors, FeaturesViewOverlaysIidAndOrthogonal) {
  EfficientAttentionPage page;
  page.setParams({{"n", 32.0},
                  {"codebook_size", 8.0},
                  {"redraws", 4.0},
                  {"feature", std::string("hyperbolic")},
                  {"view", std::string("features")}});
  page.computeNow();
  const auto tables = page.exportData();
  const auto* t = table(tables, "error_vs_m");
  ASSERT_NE(t, nullptr);
  int iid = 0, orth = 0;
  for (const auto& row : t->rows) (row[1] == 0.0 ? iid : orth) += 1;
  EXPECT_EQ(iid, 9);  // m = 4 … 1024
  EXPECT_EQ(orth, 9);
}

TEST(EfficientAttentionInspectors, LogColourChangesTheMaps) {
  EfficientAttentionPage page;
  page.setParams({{"n", 64.0}, {"causal", true}});
  page.computeNow();
  const QImage lin = ui::renderFigure(page, {QSize(800, 600), 96, true});
  page.setParam("log_colour", true);
  page.computeNow();
  const QImage log = ui::renderFigure(page, {QSize(800, 600), 96, true});
  EXPECT_NE(lin, log);
}

TEST(EfficientAttentionInspectors, ClickingTheMapPicksTheLemmaCell) {
  EfficientAttentionPage page;
  page.setParams({{"n", 32.0}, {"codebook_size", 8.0}});
  page.computeNow();
  std::unique_ptr<QWidget> fig(page.makeFigure());
  auto* eff = qobject_cast<ui::EfficientAttentionFigure*>(fig.get());
  ASSERT_NE(eff, nullptr);
  fig->resize(900, 700);
  fig->show();
  QCoreApplication::processEvents();
  ui::HeatmapView* map = eff->performerMap();
  // Find a widget position inside cell (row 5, col 9) by scanning: cellAt is the map's own
  // hit test, so the click goes through the same geometry a user's click does.
  QPoint target(-1, -1);
  for (int y = 0; y < map->height() && target.x() < 0; ++y)
    for (int x = 0; x < map->width(); ++x)
      if (map->cellAt({x, y}) == QPoint(9, 5)) {
        target = {x, y};
        break;
      }
  ASSERT_GE(target.x(), 0) << "cell (5, 9) not drawn";
  QMouseEvent press(QEvent::MouseButtonPress, QPointF(target), map->mapToGlobal(QPointF(target)),
                    Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
  QMouseEvent release(QEvent::MouseButtonRelease, QPointF(target),
                      map->mapToGlobal(QPointF(target)), Qt::LeftButton, Qt::NoButton,
                      Qt::NoModifier);
  QCoreApplication::sendEvent(map, &press);
  QCoreApplication::sendEvent(map, &release);
  EXPECT_EQ(std::get<double>(page.params().at("cell_i")), 5.0);
  EXPECT_EQ(std::get<double>(page.params().at("cell_j")), 9.0);
  EXPECT_EQ(std::get<std::string>(page.params().at("view")), "lemma");
}
