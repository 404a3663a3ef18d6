// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QSignalSpy>

#include <cmath>

#include "latentlab/flows/reflow_lab.h"
#include "latentlab/quantization/image_io.h"
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

TEST(ReflowPage, TimeSliderAndViewsReuseTheCachedFlow) {
  ReflowPage page;
  page.setParams({{"particles", 500.0}, {"steps", 20.0}});
  page.computeNow();
  const int runs = page.flowRuns();
  page.showFrame(7);
  page.computeNow();
  EXPECT_EQ(page.flowRuns(), runs);  // no new flow: the cached frames are shown
  EXPECT_EQ(page.shownFrame(), 7);
  ASSERT_EQ(page.result()->snapshotIndex, 7);
  EXPECT_TRUE(page.result()->snapshot() == (*page.result()->frames)[7]);
  // The density follows the frame: it equals a full recompute at t = 7/20.
  flows::ReflowLabParams p;
  p.particles = 500;
  p.steps = 20;
  p.time = 7.0 / 20.0;
  EXPECT_TRUE(page.result()->density == flows::computeReflowLab(p).density);
  page.setParam("view", std::string("pairs"));
  page.setParam("arrows", 8.0);
  page.computeNow();
  EXPECT_EQ(page.flowRuns(), runs);
  page.setParam("particles", 600.0);
  page.computeNow();
  EXPECT_EQ(page.flowRuns(), runs + 1);
  page.showFrame(99);  // clamped to the last frame
  EXPECT_EQ(page.shownFrame(), 20);
}

TEST(ReflowPage, DragAddsPointsAlongThePathUndoAndScenario) {
  ReflowPage page;
  page.addDrawnPoint(QPointF(0.0, 0.0));
  page.dragDrawnPoint(QPointF(0.05, 0.0));  // closer than the stroke spacing: ignored
  page.dragDrawnPoint(QPointF(0.2, 0.0));
  page.dragDrawnPoint(QPointF(0.4, 0.0));
  auto pts = std::get<std::vector<double>>(page.params().at("drawn"));
  ASSERT_EQ(pts.size(), 6u);
  EXPECT_DOUBLE_EQ(pts[2], 0.2);
  EXPECT_DOUBLE_EQ(pts[4], 0.4);
  page.addDrawnPoint(QPointF(-1.0, 1.0));  // a second stroke
  page.dragDrawnPoint(QPointF(-1.0, 1.5));
  EXPECT_EQ(std::get<std::vector<double>>(page.params().at("drawn")).size(), 10u);
  // Drawn points are part of the scenario (saved and restored with it).
  const auto json = scenarioToJson(page.scenario());
  ReflowPage other;
  other.applyScenario(scenarioFromJson(json));
  EXPECT_EQ(std::get<std::vector<double>>(other.params().at("drawn")).size(), 10u);
  EXPECT_EQ(std::get<std::string>(other.params().at("target")), "drawn");
  ASSERT_TRUE(page.undoDrawnStroke());
  pts = std::get<std::vector<double>>(page.params().at("drawn"));
  EXPECT_EQ(pts.size(), 6u);
  page.clearDrawnPoints();
  EXPECT_EQ(std::get<std::vector<double>>(page.params().at("drawn")).size(), 2u);
  ASSERT_TRUE(page.undoDrawnStroke());  // undoes the clear
  EXPECT_EQ(std::get<std::vector<double>>(page.params().at("drawn")).size(), 6u);
  ASSERT_TRUE(page.undoDrawnStroke());  // the first stroke: back to the default drawn points
  EXPECT_EQ(std::get<std::vector<double>>(page.params().at("drawn")),
            flows::ReflowLabParams{}.drawn);
  EXPECT_FALSE(page.undoDrawnStroke());
}

TEST(ReflowPage, CompareViewWorksWithEveryVelocityOption) {
  ReflowPage page;
  page.setParams({{"particles", 300.0},
                  {"pairs", 400.0},
                  {"steps", 10.0},
                  {"view", std::string("compare")},
                  {"mlp_iterations", 60.0},
                  {"mlp_hidden", 16.0}});
  for (const char* v : {"rff", "mlp", "kernel"}) {
    page.setParam("velocity", std::string(v));
    page.computeNow();
    ASSERT_EQ(page.result()->rounds.size(), 2u) << v;
    EXPECT_GT(page.result()->rounds[1].fitLoss, 0.0) << v;
    const QImage img = ui::renderFigure(page, {QSize(900, 600), 96, true});
    EXPECT_GT(distinctColours(img), 12) << v;
  }
}

TEST(ReflowPage, ImageTargetLoadsAndABadFileKeepsThePreviousTarget) {
  ReflowPage page;
  page.setParam("particles", 300.0);
  QSignalSpy failed(&page, &ui::Page::computeFailed);
  // Choosing the image target before any image is loaded is refused with a message.
  EXPECT_THROW(page.setParam("target", std::string("image")), ParamError);
  EXPECT_FALSE(page.openImageFile(QStringLiteral("/nonexistent/dir/none.png")));
  EXPECT_EQ(failed.count(), 1);
  EXPECT_EQ(std::get<std::string>(page.params().at("target")), "eight_gaussians");
  // A black bar on white (rows 4..5 of 10): with dark = mass the target lies on y ≈ 0.
  Eigen::MatrixXf g = Eigen::MatrixXf::Ones(10, 10);
  g.middleRows(4, 2).setZero();
  const QString path = QDir::temp().filePath(QStringLiteral("latentlab_reflow_bar.png"));
  quantization::saveImage(quantization::imageFromPlanes({g}), path.toStdString());
  ASSERT_TRUE(page.openImageFile(path));
  EXPECT_EQ(std::get<std::string>(page.params().at("target")), "image");
  page.computeNow();
  const auto& t = page.result()->targetSamples;
  EXPECT_LT(std::abs(t.col(1).mean()), 0.1);
  EXPECT_LT(t.col(1).cwiseAbs().maxCoeff(), 0.4 + 0.3);  // the bar spans |y| ≤ 0.4, plus kernel
  EXPECT_GT(t.col(0).maxCoeff() - t.col(0).minCoeff(), 3.0);  // and the whole width
  QFile::remove(path);
}
