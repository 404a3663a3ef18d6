// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QSlider>
#include <QTabBar>
#include <cmath>

#include "tests/ui/spin_until.h"
#include "ui/common/figure_export.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/flows/fokker_planck_page.h"

using namespace latentlab;
using latentlab::ui::FokkerPlanckPage;

namespace {

int distinctColours(const QImage& img) {
  QSet<QRgb> seen;
  for (int y = 0; y < img.height(); y += 7)
    for (int x = 0; x < img.width(); x += 7) seen.insert(img.pixel(x, y));
  return static_cast<int>(seen.size());
}

void makeSmall(FokkerPlanckPage& page, const std::string& dim) {
  page.setParams({{"dim", dim},
                  {"grid_n", 64.0},
                  {"particles", 1000.0},
                  {"t_end", 0.5},
                  {"snapshots", 10.0}});
}

}  // namespace

TEST(FokkerPlanckPage, DrawsEveryViewIn1dAnd2d) {
  for (const std::string dim : {"1d", "2d"}) {
    FokkerPlanckPage page;
    makeSmall(page, dim);
    page.computeNow();
    ASSERT_NE(page.result(), nullptr);
    const auto fields = page.fields();  // findField points into this vector
    const auto& spec = *findField(fields, "view");
    for (const auto& view : spec.choices) {
      page.setParam("view", view);
      page.computeNow();
      const QImage img = ui::renderFigure(page, {QSize(900, 600), 96, true});
      ASSERT_EQ(img.size(), QSize(900, 600)) << view;
      EXPECT_GT(distinctColours(img), 12) << dim << " view " << view << " looks blank";
    }
  }
}

TEST(FokkerPlanckPage, FrameChangeReusesTheCachedSimulation) {
  FokkerPlanckPage page;
  makeSmall(page, "1d");
  page.computeNow();
  ASSERT_EQ(page.simulationRuns(), 1);
  page.setParam("frame", 3.0);
  page.computeNow();
  page.setParam("view", std::string("metrics"));
  page.computeNow();
  EXPECT_EQ(page.simulationRuns(), 1);  // frame and view only refilled the figure
  page.stepFrame();
  page.computeNow();
  EXPECT_EQ(std::get<double>(page.params().at("frame")), 4.0);
  EXPECT_EQ(page.simulationRuns(), 1);
  page.setParam("sigma", 0.5);
  page.computeNow();
  EXPECT_EQ(page.simulationRuns(), 2);  // a real parameter reruns it
}

TEST(FokkerPlanckPage, AsynchronousRunDeliversAResult) {
  FokkerPlanckPage page;
  page.setActive(true);
  QSignalSpy spy(&page, &ui::Page::computed);
  makeSmall(page, "2d");
  ASSERT_TRUE(page.controller()->waitForIdle(60000));
  ASSERT_GE(spy.count(), 1);
  ASSERT_NE(page.result(), nullptr);
  EXPECT_EQ(page.result()->dim, 2);
  EXPECT_EQ(page.result()->n, 64);
}

TEST(FokkerPlanckPage, BadValuesAreRejectedAndStateKept) {
  FokkerPlanckPage page;
  makeSmall(page, "1d");
  const auto before = page.params();
  try {
    page.setParam("dt", 0.09);  // above the CFL bound
    FAIL() << "unstable dt accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "dt");
  }
  EXPECT_THROW(page.setParam("g", std::nan("")), ParamError);
  EXPECT_THROW(page.setParam("grid_n", 32.0), ParamError);
  EXPECT_EQ(page.params(), before);
}

TEST(FokkerPlanckPage, ExportDataTablesAreRectangular) {
  FokkerPlanckPage page;
  makeSmall(page, "2d");
  page.computeNow();
  const auto tables = page.exportData();
  ASSERT_EQ(tables.size(), 5);  // frames, density, trajectories, wf_residual, wf_particles
  for (const auto& t : tables) {
    ASSERT_FALSE(t.rows.empty()) << t.name.toStdString();
    for (const auto& row : t.rows) ASSERT_EQ(row.size(), static_cast<std::size_t>(t.columns.size()));
  }
  EXPECT_EQ(tables[0].rows.size(), 11u);       // frames 0..10
  EXPECT_EQ(tables[1].rows.size(), 64u * 64u);  // the 2-D density
  // 2-D: the frames carry both coordinates' moments, the residual names its particles.
  EXPECT_TRUE(tables[0].columns.contains(QStringLiteral("var_sigma_y")));
  EXPECT_EQ(tables[4].name, QStringLiteral("wf_particles"));
  EXPECT_EQ(tables[4].columns.size(), 3);  // particle, x1, x2
  EXPECT_GT(page.result()->residualParticles, 0);
  EXPECT_EQ(tables[4].rows.size(), static_cast<std::size_t>(page.result()->residualParticles));
  const auto& s = page.result()->snapshots.back();
  EXPECT_TRUE(std::isfinite(s.varSdeY) && std::isfinite(s.varPdeY) && std::isfinite(s.varClosedY));
}

// The page uses the shared view tabs (one tab bar, bound to "view" both ways) and keeps its time
// controls in the tabs' actions row.
TEST(FokkerPlanckPage, SharedViewTabsAndTimeSliderStayInSync) {
  FokkerPlanckPage page;
  makeSmall(page, "1d");
  page.computeNow();
  const auto bars = page.findChildren<QTabBar*>();
  ASSERT_EQ(bars.size(), 1);
  QTabBar* tabs = bars.front();
  ASSERT_TRUE(page.findChild<ui::ViewTabs*>());
  const std::vector<std::string> choices = findField(page.fields(), "view")->choices;
  ASSERT_EQ(tabs->count(), static_cast<int>(choices.size()));
  tabs->setCurrentIndex(2);
  EXPECT_EQ(std::get<std::string>(page.params().at("view")), choices[2]);
  page.setParam("view", choices[1]);
  EXPECT_EQ(tabs->currentIndex(), 1);
  QSlider* time = nullptr;
  for (QSlider* s : page.findChildren<QSlider*>())
    if (s->toolTip().startsWith(QStringLiteral("Time"))) time = s;
  ASSERT_TRUE(time);
  EXPECT_EQ(time->maximum(), static_cast<int>(page.result()->snapshots.size()) - 1);
  time->setValue(4);
  EXPECT_EQ(std::get<double>(page.params().at("frame")), 4.0);
  page.stepFrame();
  EXPECT_EQ(time->value(), 5);
}

TEST(FokkerPlanckPage, ResidualViewIsComputedInTheJobAndExported) {
  FokkerPlanckPage page;
  makeSmall(page, "1d");
  page.setParam("view", std::string("residual"));
  page.computeNow();
  ASSERT_TRUE(page.result());
  EXPECT_EQ(page.result()->residualDt.size(), 13u);
  const QImage img = ui::renderFigure(page, {QSize(900, 600), 96, true});
  EXPECT_GT(distinctColours(img), 12);
  bool found = false;
  for (const auto& t : page.exportData())
    if (t.name == QStringLiteral("wf_residual")) {
      found = true;
      EXPECT_EQ(t.rows.size(), 13u);
      // φ = x² by default: residual = Δt·E[f²] grows ten-fold per decade of Δt.
      EXPECT_NEAR(t.rows[12][1] / t.rows[8][1], 10.0, 1e-6);
    }
  EXPECT_TRUE(found);
}

TEST(FokkerPlanckPage, FramesStreamInAndTheSliderNeverRestartsTheRun) {
  FokkerPlanckPage page;
  page.setParams({{"grid_n", 64.0}, {"t_end", 6.0}, {"snapshots", 60.0}});
  page.controller()->cancel();
  ASSERT_TRUE(page.controller()->waitForIdle(60000));
  QSignalSpy shown(&page, &ui::Page::figureUpdated);
  page.setParam("seed", 5.0);  // a new simulation
  const quint64 generation = page.controller()->generation();
  // The first frames are on screen before the simulation ends.
  ui::testing::spinUntil([&] { return !shown.isEmpty(); }, 120000);
  ASSERT_FALSE(shown.isEmpty());
  EXPECT_TRUE(shown.first().at(0).toBool()) << "the first update was the final result";
  ASSERT_NE(page.result(), nullptr);
  EXPECT_TRUE(page.result()->partial);
  const std::size_t framesSoFar = page.result()->snapshots.size();
  EXPECT_LT(framesSoFar, 61u);
  // Scrubbing and switching views during the run redraw what is there; the run goes on.
  page.setParam("frame", 0.0);
  page.setParam("view", std::string("metrics"));
  EXPECT_EQ(page.controller()->generation(), generation);
  ASSERT_TRUE(page.controller()->waitForIdle(120000));
  EXPECT_EQ(page.controller()->generation(), generation);
  ASSERT_NE(page.result(), nullptr);
  EXPECT_FALSE(page.result()->partial);
  EXPECT_EQ(page.result()->snapshots.size(), 61u);
  EXPECT_EQ(page.simulationRuns(), 1);
}
