// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <QImage>
#include <QSet>
#include <QSignalSpy>

#include "latentlab/flows/reflow_lab.h"
#include "ui/common/figure_export.h"
#include "ui/pages/flows/reflow_page.h"

using namespace latentlab;
using latentlab::ui::ReflowPage;

namespace {

int distinctColours(const QImage& img) {
  QSet<QRgb> seen;
  for (int y = 0; y < img.height(); y += 7)
    for (int x = 0; x < img.width(); x += 7) seen.insert(img.pixel(x, y));
  return static_cast<int>(seen.size());
}

}  // namespace

TEST(ReflowPage, ComputesAndDrawsEveryView) {
  ReflowPage page;
  // Small sizes keep the reflow fits quick.
  page.setParams(
      {{"particles", 300.0}, {"pairs", 500.0}, {"rff_features", 32.0}, {"rounds", 2.0}});
  const auto fields = page.fields();
  const auto& spec = *findField(fields, "view");
  for (const auto& view : spec.choices) {
    page.setParam("view", view);
    page.computeNow();
    ASSERT_TRUE(page.result().has_value());
    const QImage img = ui::renderFigure(page, {QSize(900, 600), 96, true});
    ASSERT_EQ(img.size(), QSize(900, 600)) << view;
    EXPECT_GT(distinctColours(img), 12) << "figure for view " << view << " looks blank";
    EXPECT_FALSE(page.exportData().isEmpty()) << view;
  }
}

TEST(ReflowPage, ResultMatchesCoreAtDefaults) {
  ReflowPage page;
  page.computeNow();
  const auto direct = flows::computeReflowLab(flows::ReflowLabParams{});
  ASSERT_EQ(page.result()->snapshot().rows(), direct.snapshot().rows());
  EXPECT_TRUE(page.result()->snapshot() == direct.snapshot());
}

TEST(ReflowPage, DrawnPointsSwitchTargetAndRejectOddVectors) {
  ReflowPage page;
  page.addDrawnPoint(QPointF(1.234, -0.5));
  EXPECT_EQ(std::get<std::string>(page.params().at("target")), "drawn");
  const auto pts = std::get<std::vector<double>>(page.params().at("drawn"));
  ASSERT_EQ(pts.size(), 2u);  // the first click replaces the default drawn points
  EXPECT_DOUBLE_EQ(pts[0], 1.23);
  EXPECT_DOUBLE_EQ(pts[1], -0.5);
  page.addDrawnPoint(QPointF(0.0, 1.0));
  EXPECT_EQ(std::get<std::vector<double>>(page.params().at("drawn")).size(), 4u);
  EXPECT_THROW(page.setParam("drawn", std::vector<double>{1.0, 2.0, 3.0}), ParamError);
  EXPECT_EQ(std::get<std::vector<double>>(page.params().at("drawn")).size(), 4u);
}

TEST(ReflowPage, ParameterChangeProducesAResultAsynchronously) {
  ReflowPage page;
  page.setActive(true);
  QSignalSpy spy(&page, &ui::Page::computed);
  page.setParam("particles", 800.0);
  ASSERT_TRUE(page.controller()->waitForIdle(20000));
  ASSERT_GE(spy.count(), 1);
  EXPECT_EQ(page.result()->snapshot().rows(), 800);
}
