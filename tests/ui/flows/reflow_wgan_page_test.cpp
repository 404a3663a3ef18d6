// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QRadioButton>
#include <QSet>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <memory>

#include "latentlab/common/scenario.h"
#include "tests/ui/spin_until.h"
#include "latentlab/flows/wgan_lab.h"
#include "ui/common/figure_export.h"
#include "ui/pages/flows/reflow_wgan_canvas.h"
#include "ui/pages/flows/reflow_wgan_figure.h"
#include "ui/pages/flows/reflow_wgan_page.h"

using namespace latentlab;
using latentlab::ui::ReflowWganPage;

namespace {

QGroupBox* section(ReflowWganPage& page, const QString& title) {
  for (auto* box : page.controls()->findChildren<QGroupBox*>())
    if (box->title() == title) return box;
  return nullptr;
}

int distinctColours(const QImage& img) {
  QSet<QRgb> seen;
  for (int y = 0; y < img.height(); y += 7)
    for (int x = 0; x < img.width(); x += 7) seen.insert(img.pixel(x, y));
  return static_cast<int>(seen.size());
}

}  // namespace

TEST(ReflowWganPage, ComputesAndDrawsEveryViewAndVariant) {
  ReflowWganPage page;
  page.setParam("rounds", 8.0);
  const auto fields = page.fields();
  for (const auto& variant : findField(fields, "variant")->choices) {
    page.setParam("variant", variant);
    for (const auto& view : findField(fields, "view")->choices) {
      page.setParam("view", view);
      page.computeNow();
      ASSERT_TRUE(page.result());
      const QImage img = ui::renderFigure(page, {QSize(900, 600), 96, true});
      ASSERT_EQ(img.size(), QSize(900, 600));
      EXPECT_GT(distinctColours(img), 12) << variant << " / " << view << " looks blank";
    }
  }
}

TEST(ReflowWganPage, ResultMatchesCoreAtDefaults) {
  ReflowWganPage page;
  page.computeNow();
  const auto direct = flows::computeWganLab(flows::WganLabParams{});
  ASSERT_EQ(page.result()->snapshots.size(), direct.snapshots.size());
  EXPECT_EQ(page.result()->snapshots.back().particles, direct.snapshots.back().particles);
}

TEST(ReflowWganPage, ScrubbingRoundsReusesTheCachedRun) {
  ReflowWganPage page;
  page.computeNow();
  const auto first = page.result();
  page.stepRound(-5);
  page.computeNow();
  EXPECT_EQ(page.result().get(), first.get());  // same run, not recomputed
  EXPECT_EQ(std::get<double>(page.params().at("round")), 55.0);
  page.setParam("view", std::string("charts"));
  page.computeNow();
  EXPECT_EQ(page.result().get(), first.get());
  page.setParam("epsilon", 0.2);
  page.computeNow();
  EXPECT_NE(page.result().get(), first.get());  // a real change recomputes
}

TEST(ReflowWganPage, StepClampsAndPlayStopsAtTheEnd) {
  ReflowWganPage page;
  page.setParam("rounds", 3.0);
  page.setParam("round", 0.0);
  page.stepRound(-1);
  EXPECT_EQ(std::get<double>(page.params().at("round")), 0.0);
  for (int i = 0; i < 5; ++i) page.stepRound(1);
  EXPECT_EQ(std::get<double>(page.params().at("round")), 3.0);
  page.setPlaying(true);  // at the end: restarts from round 0
  EXPECT_EQ(std::get<double>(page.params().at("round")), 0.0);
  EXPECT_TRUE(page.isPlaying());
  QSignalSpy spy(&page, &ui::Page::paramsChanged);
  for (int i = 0; i < 60 && page.isPlaying(); ++i) spy.wait(100);
  EXPECT_FALSE(page.isPlaying());
  EXPECT_EQ(std::get<double>(page.params().at("round")), 3.0);
}

TEST(ReflowWganPage, BadValueIsRejectedAndStateKept) {
  ReflowWganPage page;
  const auto before = page.params();
  try {
    page.setParam("epsilon", std::nan(""));
    FAIL() << "NaN accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "epsilon");
  }
  EXPECT_THROW(page.setParam("particles", 1e6), ParamError);
  EXPECT_THROW(page.setParam("variant", std::string("wgan")), ParamError);
  EXPECT_EQ(page.params(), before);
}

TEST(ReflowWganPage, ExportDataTablesAreRectangular) {
  ReflowWganPage page;
  page.setParam("rounds", 4.0);
  page.computeNow();
  QStringList names;
  for (const auto& t : page.exportData()) {
    names << t.name;
    ASSERT_FALSE(t.rows.empty()) << t.name.toStdString();
    for (const auto& row : t.rows)
      ASSERT_EQ(row.size(), static_cast<std::size_t>(t.columns.size())) << t.name.toStdString();
  }
  for (const char* want : {"rounds", "particles", "real", "critic_grid", "arrows", "summary"})
    EXPECT_TRUE(names.contains(QString::fromLatin1(want))) << want;
}

TEST(ReflowWganPage, ScenarioRoundTrips) {
  ReflowWganPage a;
  a.setParams({{"variant", std::string("wgan_gp")}, {"lambda", 10.0}, {"rounds", 20.0}});
  const std::string json = scenarioToJson(a.scenario());
  ReflowWganPage b;
  b.applyScenario(scenarioFromJson(json));
  EXPECT_EQ(a.params(), b.params());
}

TEST(ReflowWganPage, ParameterChangeProducesAResultAsynchronously) {
  ReflowWganPage page;
  page.setActive(true);
  QSignalSpy spy(&page, &ui::Page::computed);
  page.setParam("rounds", 7.0);
  ASSERT_TRUE(page.controller()->waitForIdle(20000));
  ASSERT_GE(spy.count(), 1);
  EXPECT_EQ(page.result()->snapshots.size(), 8u);
}

// Particles or a generator: the radio buttons above the figure set the mover.
TEST(ReflowWganPage, MoverRadioButtonsSwitchToTheGenerator) {
  ReflowWganPage page;
  page.setParam("rounds", 4.0);
  QRadioButton* generator = nullptr;
  QRadioButton* particles = nullptr;
  for (auto* b : page.findChildren<QRadioButton*>()) {
    if (b->text() == QStringLiteral("generator G(z)")) generator = b;
    if (b->text() == QStringLiteral("particles")) particles = b;
  }
  ASSERT_TRUE(generator && particles);
  EXPECT_TRUE(particles->isChecked());
  page.computeNow();
  const auto freeParticles = page.result();
  generator->click();
  EXPECT_EQ(std::get<std::string>(page.params().at("mover")), "generator");
  page.computeNow();
  EXPECT_EQ(page.result()->params.mover, flows::WganMover::Generator);
  EXPECT_FALSE(page.result()->snapshots.back().particles ==
               freeParticles->snapshots.back().particles);
  // Setting the field (scenario, CLI) moves the radio buttons too.
  page.setParam("mover", std::string("particles"));
  EXPECT_TRUE(particles->isChecked());
  EXPECT_FALSE(generator->isChecked());
}

// A section whose rows are all hidden must not leave an empty header behind.
TEST(ReflowWganPage, SectionsWithoutVisibleFieldsAreHidden) {
  ReflowWganPage page;
  QGroupBox* rff = section(page, QStringLiteral("RFF critic"));
  QGroupBox* mlp = section(page, QStringLiteral("MLP critic"));
  QGroupBox* gen = section(page, QStringLiteral("Generator"));
  ASSERT_TRUE(rff && mlp && gen);
  EXPECT_FALSE(rff->isHidden());
  EXPECT_TRUE(mlp->isHidden());
  EXPECT_TRUE(gen->isHidden());
  page.setParam("critic", std::string("mlp"));
  EXPECT_TRUE(rff->isHidden());
  EXPECT_FALSE(mlp->isHidden());
  page.setParam("mover", std::string("generator"));
  EXPECT_FALSE(gen->isHidden());
}

// The exact ReFlow velocity v*(x, 0) as a second set of arrows, with its agreement read-out.
TEST(ReflowWganPage, ExactVelocityOverlayIsDrawnOnRequest) {
  ReflowWganPage page;
  page.setParam("rounds", 3.0);
  page.computeNow();
  std::unique_ptr<QWidget> plain(page.makeFigure());
  auto* fig = qobject_cast<ui::ReflowWganFigure*>(plain.get());
  ASSERT_TRUE(fig);
  EXPECT_EQ(fig->canvas()->content().exactArrows.rows(), 0);
  page.setParam("show_exact", true);
  page.computeNow();
  std::unique_ptr<QWidget> overlay(page.makeFigure());
  fig = qobject_cast<ui::ReflowWganFigure*>(overlay.get());
  ASSERT_TRUE(fig);
  const auto& c = fig->canvas()->content();
  ASSERT_EQ(c.exactArrows.rows(), c.arrows.rows());
  // 8 Gaussians: E[x1] = 0, so the first lattice point (top left) has v* pointing down-right.
  EXPECT_GT(c.exactArrows(0, 0), 0.0);
  EXPECT_LT(c.exactArrows(0, 1), 0.0);
  bool found = false;
  for (const auto& t : page.exportData())
    if (t.name == QStringLiteral("arrows")) found = t.columns.contains(QStringLiteral("vx_exact"));
  EXPECT_TRUE(found);
}

// Click and drag on the canvas draws target points; one stroke is one change.
TEST(ReflowWganPage, DraggingOnTheCanvasDrawsTargetPoints) {
  ReflowWganPage page;
  page.setParam("rounds", 2.0);
  page.computeNow();
  std::unique_ptr<QWidget> holder(page.makeFigure());
  auto* fig = qobject_cast<ui::ReflowWganFigure*>(holder.get());
  ASSERT_TRUE(fig);
  holder->resize(700, 700);
  ui::ReflowWganCanvas* canvas = fig->canvas();
  canvas->resize(500, 500);
  const QPointF a = canvas->toPixel({-1.0, 0.5}), b = canvas->toPixel({1.0, 0.5});
  QTest::mousePress(canvas, Qt::LeftButton, {}, a.toPoint());
  for (int i = 1; i <= 20; ++i) {
    const QPointF q = a + (b - a) * (i / 20.0);
    QMouseEvent move(QEvent::MouseMove, q, canvas->mapToGlobal(q), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QCoreApplication::sendEvent(canvas, &move);
  }
  EXPECT_GE(canvas->pendingStroke().size(), 10u);  // shown while drawing, not yet applied
  EXPECT_EQ(std::get<std::string>(page.params().at("target")), "8gauss");
  QTest::mouseRelease(canvas, Qt::LeftButton, {}, b.toPoint());
  EXPECT_TRUE(canvas->pendingStroke().empty());
  EXPECT_EQ(std::get<std::string>(page.params().at("target")), "drawn");
  const auto drawn = std::get<std::vector<double>>(page.params().at("drawn"));
  ASSERT_GE(drawn.size(), 20u);  // a fresh set: the default points were replaced
  EXPECT_NEAR(drawn.front(), -1.0, 0.03);
  EXPECT_NEAR(drawn[1], 0.5, 0.03);
  for (std::size_t i = 1; i < drawn.size(); i += 2) EXPECT_NEAR(drawn[i], 0.5, 0.03);
  // A second stroke appends; scenarios keep the points.
  page.addDrawnPoints({QPointF(0.0, -2.0)});
  const auto more = std::get<std::vector<double>>(page.params().at("drawn"));
  EXPECT_EQ(more.size(), drawn.size() + 2);
  ReflowWganPage copy;
  copy.applyScenario(scenarioFromJson(scenarioToJson(page.scenario())));
  EXPECT_EQ(std::get<std::vector<double>>(copy.params().at("drawn")), more);
  page.computeNow();
  EXPECT_EQ(page.result()->params.target, flows::WganTarget::Drawn);
  // Clear empties the points and leaves the drawn target for the 8 Gaussians.
  page.clearDrawnPoints();
  EXPECT_TRUE(std::get<std::vector<double>>(page.params().at("drawn")).empty());
  EXPECT_EQ(std::get<std::string>(page.params().at("target")), "8gauss");
  EXPECT_THROW(page.setParam("target", std::string("drawn")), ParamError);
}

TEST(ReflowWganPage, TriangleTargetWidensTheView) {
  ReflowWganPage page;
  page.setParams({{"target", std::string("triangle")}, {"rounds", 2.0}});
  page.computeNow();
  std::unique_ptr<QWidget> holder(page.makeFigure());
  auto* fig = qobject_cast<ui::ReflowWganFigure*>(holder.get());
  ASSERT_TRUE(fig);
  EXPECT_EQ(fig->canvas()->content().box, 11.5);
  EXPECT_EQ(std::get<double>(page.params().at("box")), 3.0);  // the field itself is unchanged
}

// Rounds stream in while the run computes; scrubbing meanwhile does not restart it.
TEST(ReflowWganPage, RoundsStreamInAndScrubbingKeepsTheRun) {
  ReflowWganPage page;
  page.setActive(true);
  ASSERT_TRUE(page.controller()->waitForIdle(60000));
  QSignalSpy shown(&page, &ui::Page::figureUpdated);
  page.setParam("rounds", 300.0);
  const quint64 generation = page.controller()->generation();
  ui::testing::spinUntil([&] { return !shown.isEmpty(); }, 120000);
  ASSERT_FALSE(shown.isEmpty());
  EXPECT_TRUE(shown.first().at(0).toBool()) << "the first update was the final result";
  ASSERT_NE(page.result(), nullptr);
  EXPECT_TRUE(page.result()->partial);
  EXPECT_LT(page.result()->snapshots.size(), 301u);
  // The toolbar names the round the streaming figure shows, not a round still to come.
  const int asked = static_cast<int>(std::get<double>(page.params().at("round")));
  const int computed = static_cast<int>(page.result()->snapshots.size()) - 1;
  const QString label = QStringLiteral("round %1 / 300").arg(std::min(asked, computed));
  bool labelled = false;
  for (const QLabel* l : page.findChildren<QLabel*>()) labelled |= l->text() == label;
  EXPECT_TRUE(labelled) << label.toStdString();
  page.setParam("round", 0.0);
  page.setParam("view", std::string("charts"));
  ASSERT_TRUE(page.controller()->waitForIdle(120000));
  EXPECT_EQ(page.controller()->generation(), generation);
  EXPECT_FALSE(page.result()->partial);
  EXPECT_EQ(page.result()->snapshots.size(), 301u);
}
