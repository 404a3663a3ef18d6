// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Live results: partial results of a running job reach the GUI (newest request only), a figure
// older than its parameters carries the computing mark, and a view-only change during a run
// does not restart it.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QThread>
#include <atomic>
#include <functional>
#include <vector>

#include "spin_until.h"
#include "test_page.h"
#include "ui/common/computing_overlay.h"
#include "ui/common/recompute_controller.h"

namespace latentlab::ui {
namespace {

using testing::spinUntil;

TEST(LiveUpdates, PartialResultsArriveOnTheGuiThreadBeforeTheFinalOne) {
  RecomputeController c;
  std::vector<int> partials;
  int final = -1;
  bool partialAfterFinal = false, onGui = true;
  QObject::connect(&c, &RecomputeController::partialReady, [&](const std::any& v) {
    onGui &= QThread::currentThread() == QCoreApplication::instance()->thread();
    partialAfterFinal |= final >= 0;
    partials.push_back(std::any_cast<int>(v));
  });
  QObject::connect(&c, &RecomputeController::resultReady,
                   [&](const std::any& v, double) { final = std::any_cast<int>(v); });
  c.request([](const RunControl& rc) -> std::any {
    for (int i = 0; i < 400; ++i) {
      rc.checkCancelled();
      if (rc.partialDue()) rc.partial(i);
      QThread::msleep(1);
    }
    return 1000;
  });
  ASSERT_TRUE(c.waitForIdle(20000));
  EXPECT_EQ(final, 1000);
  ASSERT_FALSE(partials.empty());
  EXPECT_EQ(partials.front(), 0) << "the first partial result is due at once";
  EXPECT_TRUE(std::is_sorted(partials.begin(), partials.end()));
  // 400 ms of work with a partial due every 60 ms: a handful, not one per iteration.
  EXPECT_LT(partials.size(), 100u);
  EXPECT_FALSE(partialAfterFinal);
  EXPECT_TRUE(onGui);
}

TEST(LiveUpdates, PartialResultsOfASupersededRunAreDropped) {
  RecomputeController c;
  std::vector<int> partials;
  QObject::connect(&c, &RecomputeController::partialReady,
                   [&](const std::any& v) { partials.push_back(std::any_cast<int>(v)); });
  c.request([](const RunControl& rc) -> std::any {
    rc.partial(1);
    while (!rc.cancelled()) QThread::msleep(1);
    rc.partial(2);  // after it was superseded: must never be shown
    throw Cancelled();
  });
  ASSERT_TRUE(spinUntil([&] { return !partials.empty(); }));
  c.request([](const RunControl& rc) -> std::any {
    rc.partial(100);
    return 200;
  });
  ASSERT_TRUE(c.waitForIdle(20000));
  EXPECT_EQ(partials, (std::vector<int>{1, 100}));
}

TEST(LiveUpdates, AStaleFigureCarriesTheComputingMarkUntilTheResultLands) {
  testing::DemoPage page;
  page.resize(800, 600);
  page.show();
  page.computeNow();
  EXPECT_FALSE(page.showsComputingMark());
  page.slowMs = 1500;
  page.setParam("n", 7.0);
  ASSERT_TRUE(spinUntil([&] { return page.showsComputingMark(); }))
      << "a figure older than its parameters must say so";
  EXPECT_TRUE(page.computingMarkText().startsWith(QStringLiteral("Computing")));
  auto* overlay = page.findChild<ComputingOverlay*>(QStringLiteral("computingOverlay"));
  ASSERT_NE(overlay, nullptr);
  EXPECT_EQ(overlay->mode(), ComputingOverlay::Mode::Stale);
  EXPECT_TRUE(overlay->geometry().contains(overlay->parentWidget()->rect().center()));
  ASSERT_TRUE(page.controller()->waitForIdle(20000));
  EXPECT_FALSE(page.showsComputingMark());
  EXPECT_EQ(page.result().p.size(), 7u);
}

TEST(LiveUpdates, APartialResultTurnsTheVeilIntoARefiningBadge) {
  testing::DemoPage page;
  page.resize(800, 600);
  page.show();
  page.computeNow();
  page.slowMs = 1500;
  page.streams = true;
  page.setParam("n", 9.0);
  ASSERT_TRUE(spinUntil([&] { return page.partialCount() > 0 && page.showsComputingMark(); }));
  // The first result of the new params is on screen at once, marked as still refining.
  EXPECT_EQ(page.result().p.size(), 9u);
  EXPECT_EQ(page.result().tau, -1.0);
  auto* overlay = page.findChild<ComputingOverlay*>(QStringLiteral("computingOverlay"));
  ASSERT_NE(overlay, nullptr);
  EXPECT_EQ(overlay->mode(), ComputingOverlay::Mode::Refining);
  ASSERT_TRUE(page.controller()->waitForIdle(20000));
  EXPECT_FALSE(page.showsComputingMark());
  EXPECT_EQ(page.result().tau, 1.0);
}

// Counts the Show events of the widget it watches.
struct ShowCounter : QObject {
  int shows = 0;
  bool eventFilter(QObject*, QEvent* e) override {
    if (e->type() == QEvent::Show) ++shows;
    return false;
  }
};

TEST(LiveUpdates, AQuickRecomputeNeverShowsTheMark) {
  testing::DemoPage page;
  page.resize(800, 600);
  page.show();
  page.computeNow();
  auto* overlay = page.findChild<ComputingOverlay*>(QStringLiteral("computingOverlay"));
  ASSERT_NE(overlay, nullptr);
  ShowCounter counter;
  overlay->installEventFilter(&counter);
  for (int n = 2; n < 12; ++n) {
    page.setParam("n", static_cast<double>(n));
    ASSERT_TRUE(page.controller()->waitForIdle(20000));
  }
  EXPECT_EQ(counter.shows, 0) << "the mark flickered over results that took a few ms";
  page.slowMs = 800;  // the counter does see a slow one
  page.setParam("n", 3.0);
  ASSERT_TRUE(page.controller()->waitForIdle(20000));
  EXPECT_EQ(counter.shows, 1);
}

}  // namespace
}  // namespace latentlab::ui
