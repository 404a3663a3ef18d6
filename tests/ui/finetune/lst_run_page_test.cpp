// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QTabBar>
#include <QTemporaryDir>
#include <QThread>

#include "latentlab/common/scenario.h"
#include "ui/common/figure_export.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/finetune/lst_run_page.h"

using namespace latentlab;
using latentlab::ui::LstRunPage;

namespace {

int distinctColours(const QImage& img) {
  QSet<QRgb> seen;
  for (int y = 0; y < img.height(); y += 7)
    for (int x = 0; x < img.width(); x += 7) seen.insert(img.pixel(x, y));
  return static_cast<int>(seen.size());
}

// The CI preset with a short schedule: the whole run takes well under a second.
ParamSet ciSet() {
  return {{"preset", std::string("ci")}, {"steps", 12.0},      {"eval_every", 4.0},
          {"pretrain_steps", 10.0},      {"train_size", 64.0}, {"val_size", 32.0},
          {"reduction", 0.0}};  // the preset's r = 4, which the pinned byte counts are for
}

}  // namespace

TEST(LstRunPage, ComputesAndDrawsEveryView) {
  LstRunPage page;
  page.setParams(ciSet());
  page.computeNow();
  ASSERT_TRUE(page.result().has_value());
  EXPECT_EQ(page.result()->runs.size(), 5u);
  const auto fields = page.fields();
  for (const auto& view : findField(fields, "view")->choices) {
    page.setParam("view", view);
    page.computeNow();
    const QImage img = ui::renderFigure(page, {QSize(1000, 650), 96, true});
    ASSERT_EQ(img.size(), QSize(1000, 650)) << view;
    EXPECT_GT(distinctColours(img), 12) << "figure for view " << view << " looks blank";
  }
}

TEST(LstRunPage, ViewChangeReusesTheFinishedRun) {
  LstRunPage page;
  page.setParams(ciSet());
  page.computeNow();
  const double elapsed = page.result()->elapsedMs;
  page.setParam("view", std::string("measured"));
  page.computeNow();
  // Same training params: the run is shown again, not repeated (its elapsed time is unchanged).
  EXPECT_EQ(page.result()->elapsedMs, elapsed);
  page.setParam("steps", 8.0);
  page.computeNow();
  EXPECT_EQ(page.result()->runs.front().curve.back().step, 8);
}

TEST(LstRunPage, TabClickDuringTrainingDoesNotRestartIt) {
  LstRunPage page;
  ParamSet set = ciSet();
  set["steps"] = 200.0;
  page.setParams(set);  // starts the background run
  ASSERT_TRUE(page.controller()->isBusy());
  const quint64 generation = page.controller()->generation();
  auto* tabs = page.findChild<ui::ViewTabs*>();
  ASSERT_NE(tabs, nullptr);
  const auto fields = page.fields();
  const auto& views = findField(fields, "view")->choices;
  const int target = tabs->tabBar()->currentIndex() == 0 ? 1 : 0;
  tabs->tabBar()->setCurrentIndex(target);
  // The view is a view of the same run: the param changes, the run is neither superseded nor
  // restarted.
  EXPECT_EQ(page.controller()->generation(), generation);
  EXPECT_TRUE(page.controller()->isBusy());
  EXPECT_EQ(std::get<std::string>(page.params().at("view")),
            views[static_cast<std::size_t>(target)]);
  ASSERT_TRUE(page.controller()->waitForIdle(60000));
  EXPECT_EQ(page.controller()->generation(), generation);
  EXPECT_TRUE(page.result().has_value());
}

TEST(LstRunPage, ViewSwitchAfterCancelKeepsTheCurvesAndDoesNotTrain) {
  LstRunPage page;
  ParamSet set = ciSet();
  set["steps"] = 2000.0;
  set["eval_every"] = 2.0;
  page.setParams(set);
  // The first snapshot comes after pre-training (no runs yet); wait for curve points.
  const auto hasCurve = [&page] {
    return page.live() && !page.live()->runs.empty() && !page.live()->runs.back().curve.empty();
  };
  for (int i = 0; i < 2000 && !hasCurve(); ++i) {
    QThread::msleep(10);
    QCoreApplication::processEvents();
  }
  ASSERT_TRUE(hasCurve()) << "no streamed curve arrived";
  page.cancelRun();
  ASSERT_TRUE(page.controller()->waitForIdle(10000));
  const int stepsShown = page.live()->runs.back().curve.back().step;
  page.setParam("view", std::string("measured"));  // what the "Measured" tab does
  ASSERT_TRUE(page.controller()->waitForIdle(10000));
  EXPECT_FALSE(page.result().has_value()) << "the view switch trained the whole run";
  ASSERT_TRUE(hasCurve());
  EXPECT_EQ(page.live()->runs.back().curve.back().step, stepsShown);
  page.rerun();  // "Train again" does train
  EXPECT_TRUE(page.controller()->isBusy());
  page.controller()->cancel();
  ASSERT_TRUE(page.controller()->waitForIdle(10000));
}

TEST(LstRunPage, BackgroundRunStreamsPausesAndCancels) {
  LstRunPage page;
  ParamSet set = ciSet();
  set["steps"] = 400.0;
  set["eval_every"] = 2.0;
  page.setParams(set);  // starts the background run
  ASSERT_TRUE(page.controller()->isBusy());
  for (int i = 0; i < 1000 && !page.live(); ++i) {
    QThread::msleep(10);
    QCoreApplication::processEvents();
  }
  ASSERT_TRUE(page.live().has_value()) << "no streamed snapshot arrived";
  page.setPaused(true);
  EXPECT_TRUE(page.isPaused());
  page.setPaused(false);
  page.cancelRun();
  ASSERT_TRUE(page.controller()->waitForIdle(10000));
  EXPECT_FALSE(page.result().has_value());  // the cancelled run never became a result
  EXPECT_TRUE(page.live().has_value());     // but its curves stay on screen
  EXPECT_FALSE(page.live()->finished);
}

TEST(LstRunPage, ExportsDataAndScenarioRoundTrips) {
  LstRunPage page;
  page.setParams(ciSet());
  page.setParam("task", std::string("b"));
  page.computeNow();
  const auto tables = page.exportData();
  ASSERT_EQ(tables.size(), 5);
  EXPECT_EQ(tables[0].name, QStringLiteral("curves"));
  EXPECT_EQ(tables[0].rows.size(), 5u * 4u);  // 5 methods × points at steps 0, 4, 8, 12
  EXPECT_EQ(tables[1].rows.size(), 5u);
  // LST tape bytes: the analytic formula gives 35,536 for the CI preset's C = 4 classes (task A);
  // task B has C = 8 classes, which adds 4 softmax floats per sample: 35,536 + 4·4 B·b = 35,600.
  EXPECT_EQ(tables[1].rows[4][4], 35600.0);
  QTemporaryDir dir;
  const QString csv = dir.filePath(QStringLiteral("lst.csv"));
  ui::exportData(page, csv);
  QFile f(csv);
  ASSERT_TRUE(f.open(QIODevice::ReadOnly));
  EXPECT_TRUE(f.readAll().contains("# measured"));

  const Scenario s = page.scenario();
  LstRunPage other;
  other.applyScenario(s);
  EXPECT_EQ(other.params(), page.params());
  EXPECT_THROW(other.setParam("reduction", 3.0), ParamError);
  EXPECT_EQ(other.params(), page.params());
}
