// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <QImage>
#include <QLabel>
#include <QSet>
#include <QSignalSpy>

#include "latentlab/quantization/grid_lab.h"
#include "ui/common/figure_export.h"
#include "ui/pages/quantization/quant_grid_figure.h"
#include "ui/pages/quantization/quant_grid_page.h"
#include "ui/pages/quantization/quant_grid_plane.h"

using namespace latentlab;
using latentlab::ui::QuantGridPage;

namespace {

int distinctColours(const QImage& img) {
  QSet<QRgb> seen;
  for (int y = 0; y < img.height(); y += 7)
    for (int x = 0; x < img.width(); x += 7) seen.insert(img.pixel(x, y));
  return static_cast<int>(seen.size());
}

}  // namespace

TEST(QuantGridPage, ComputesAndDrawsEveryViewIn2DAnd3D) {
  QuantGridPage page;
  for (double dims : {2.0, 3.0}) {
    page.setParam("dims", dims);
    const auto fields = page.fields();
    for (const auto& view : findField(fields, "view")->choices) {
      page.setParam("view", view);
      page.computeNow();
      ASSERT_TRUE(page.result());
      const QImage img = ui::renderFigure(page, {QSize(1000, 700), 96, true});
      ASSERT_EQ(img.size(), QSize(1000, 700)) << view;
      EXPECT_GT(distinctColours(img), 20) << "view " << view << " d = " << dims << " looks blank";
    }
  }
}

TEST(QuantGridPage, ResultMatchesCoreAtDefaults) {
  QuantGridPage page;
  page.computeNow();
  const auto direct = quantization::computeGridLab(quantization::GridLabParams{});
  EXPECT_EQ(page.result()->fsqIndex, direct.fsqIndex);
  EXPECT_EQ(page.result()->vqIndex, direct.vqIndex);
}

TEST(QuantGridPage, FigureFlagsAliasedPointsInBf16) {
  QuantGridPage page;
  page.setParams({{"dims", 3.0}, {"level3", 8.0}, {"precision", std::string("bf16")},
                  {"view", std::string("fsq")}});
  page.computeNow();
  ui::QuantGridFigure fig;
  fig.resize(1000, 700);
  fig.show(fromParamSet(page.params(), quantization::gridLabFields()), *page.result());
  EXPECT_EQ(static_cast<std::int64_t>(fig.fsqPlane()->data().flagged.size()),
            page.result()->precision.aliasedPoints);
  EXPECT_GT(fig.fsqPlane()->data().flaggedCells.size(), 0u);
}

TEST(QuantGridPage, ParameterChangeProducesAResultAsynchronously) {
  QuantGridPage page;
  page.setActive(true);
  QSignalSpy spy(&page, &ui::Page::computed);
  page.setParam("level1", 5.0);
  ASSERT_TRUE(page.controller()->waitForIdle(20000));
  ASSERT_GE(spy.count(), 1);
  EXPECT_EQ(page.result()->levels[0], 5);
  EXPECT_EQ(page.result()->codebook.rows(), 40);
}

TEST(QuantGridPage, BadValueIsRejectedAndStateKept) {
  QuantGridPage page;
  const auto before = page.params();
  try {
    page.setParams({{"points", 100.0}, {"level1", 32.0}});  // K = 256 > N = 100
    FAIL() << "K > N accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "points");
  }
  EXPECT_EQ(page.params(), before);
}

TEST(QuantGridPage, ExportDataHasTheTables) {
  QuantGridPage page;
  page.computeNow();
  const auto tables = page.exportData();
  ASSERT_EQ(tables.size(), 5);
  EXPECT_EQ(tables[0].name, QStringLiteral("points"));
  EXPECT_EQ(tables[0].rows.size(), 2000u);
  EXPECT_EQ(tables[1].rows.size(), 64u);
  for (const auto& t : tables)
    for (const auto& row : t.rows) EXPECT_EQ(static_cast<int>(row.size()), t.columns.size()) << t.name.toStdString();
}
