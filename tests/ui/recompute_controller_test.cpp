// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <atomic>
#include <memory>
#include <vector>

#include "latentlab/common/errors.h"
#include "latentlab/common/vector_state.h"
#include "ui/common/recompute_controller.h"

namespace latentlab::ui {
namespace {

using Job = RecomputeController::Job;

/// A job returning `value`, after `ms` milliseconds of cancellable work.
Job valueJob(int value, int ms = 0) {
  return [value, ms](const RunControl& rc) -> std::any {
    for (int i = 0; i < ms; ++i) {
      rc.checkCancelled();
      QThread::msleep(1);
    }
    return value;
  };
}

struct Recorder {
  std::vector<int> results;
  std::vector<QString> failures;
  int cancelled = 0;
  int started = 0;
  bool allOnGuiThread = true;

  explicit Recorder(RecomputeController& c) {
    QObject::connect(&c, &RecomputeController::resultReady, [this](const std::any& r, double ms) {
      allOnGuiThread &= QThread::currentThread() == QCoreApplication::instance()->thread();
      EXPECT_GE(ms, 0.0);
      results.push_back(std::any_cast<int>(r));
    });
    QObject::connect(&c, &RecomputeController::failed,
                     [this](const QString& m) { failures.push_back(m); });
    QObject::connect(&c, &RecomputeController::cancelledRun, [this] { ++cancelled; });
    QObject::connect(&c, &RecomputeController::started, [this] { ++started; });
  }
};

void spin(int ms) {
  QElapsedTimer t;
  t.start();
  while (t.elapsed() < ms) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QThread::msleep(1);
  }
}

TEST(RecomputeController, ResultArrivesOnGuiThreadFromWorker) {
  RecomputeController c;
  Recorder rec(c);
  std::atomic<bool> onWorker{false};
  const QThread* gui = QThread::currentThread();
  c.request([&onWorker, gui](const RunControl&) -> std::any {
    onWorker = QThread::currentThread() != gui;
    return 42;
  });
  ASSERT_TRUE(c.waitForIdle(5000));
  ASSERT_EQ(rec.results.size(), 1u);
  EXPECT_EQ(rec.results[0], 42);
  EXPECT_TRUE(onWorker.load());
  EXPECT_TRUE(rec.allOnGuiThread);
  EXPECT_FALSE(c.isBusy());
  EXPECT_EQ(c.generation(), 1u);
}

TEST(RecomputeController, BurstAppliesOnlyTheLastRequest) {
  RecomputeController c;
  Recorder rec(c);
  for (int i = 0; i < 100; ++i) c.request(valueJob(i, 20));
  EXPECT_EQ(c.generation(), 100u);
  ASSERT_TRUE(c.waitForIdle(10000));
  ASSERT_EQ(rec.results.size(), 1u);  // every superseded run was dropped
  EXPECT_EQ(rec.results.back(), 99);
  EXPECT_GE(rec.cancelled, 1);
  EXPECT_LE(rec.started, 3);  // superseded requests never started
}

TEST(RecomputeController, DragEndsWithLatestValueAndNeverGoesBack) {
  RecomputeController c;
  c.setPolicy(RecomputeController::Policy::Throttle, 10);
  Recorder rec(c);
  for (int i = 0; i < 100; ++i) {
    c.request(valueJob(i, 2), /*interactive=*/true);
    QCoreApplication::processEvents();
    QThread::msleep(1);
  }
  ASSERT_TRUE(c.waitForIdle(10000));
  ASSERT_FALSE(rec.results.empty());
  EXPECT_EQ(rec.results.back(), 99);
  for (std::size_t i = 1; i < rec.results.size(); ++i)
    EXPECT_LT(rec.results[i - 1], rec.results[i]) << "a stale result was applied";
}

TEST(RecomputeController, DebounceRunsOnceAfterChangesStop) {
  RecomputeController c;
  c.setPolicy(RecomputeController::Policy::Debounce, 50);
  Recorder rec(c);
  for (int i = 0; i < 10; ++i) c.request(valueJob(i), true);
  ASSERT_TRUE(c.waitForIdle(5000));
  EXPECT_EQ(rec.started, 1);
  ASSERT_EQ(rec.results.size(), 1u);
  EXPECT_EQ(rec.results[0], 9);
}

TEST(RecomputeController, CancelStopsAPollingJob) {
  RecomputeController c;
  Recorder rec(c);
  std::atomic<int> iterations{0};
  std::atomic<bool> sawCancel{false};
  c.request([&](const RunControl& rc) -> std::any {
    for (int i = 0; i < 20000; ++i) {
      if (rc.cancelled()) {
        sawCancel = true;
        rc.checkCancelled();
      }
      ++iterations;
      QThread::msleep(1);
    }
    return 1;
  });
  spin(30);
  ASSERT_TRUE(c.isBusy());
  c.cancel();
  ASSERT_TRUE(c.waitForIdle(5000));
  EXPECT_TRUE(sawCancel.load());
  EXPECT_LT(iterations.load(), 20000);
  EXPECT_TRUE(rec.results.empty());
  EXPECT_EQ(rec.cancelled, 1);
}

TEST(RecomputeController, ParamErrorIsReportedThroughFailed) {
  RecomputeController c;
  Recorder rec(c);
  c.request([](const RunControl&) -> std::any {
    throw ParamError("k", "k must be between 0 and n = 4, got 7");
  });
  ASSERT_TRUE(c.waitForIdle(5000));
  ASSERT_EQ(rec.failures.size(), 1u);
  EXPECT_EQ(rec.failures[0], QStringLiteral("k must be between 0 and n = 4, got 7"));
  EXPECT_TRUE(rec.results.empty());
}

TEST(RecomputeController, StaleFailureIsNotReported) {
  RecomputeController c;
  Recorder rec(c);
  c.request([](const RunControl&) -> std::any {
    QThread::msleep(30);
    throw std::runtime_error("old params broke");
  });
  c.request(valueJob(5));
  ASSERT_TRUE(c.waitForIdle(5000));
  EXPECT_TRUE(rec.failures.empty());
  ASSERT_EQ(rec.results.size(), 1u);
  EXPECT_EQ(rec.results[0], 5);
}

TEST(RecomputeController, RunNowReturnsAndPropagates) {
  EXPECT_EQ(std::any_cast<int>(RecomputeController::runNow(valueJob(7))), 7);
  EXPECT_THROW(RecomputeController::runNow(
                   [](const RunControl&) -> std::any { throw ParamError("x", "bad x"); }),
               ParamError);
}

TEST(RecomputeController, PausedKeepsLatestAndRunsItOnResume) {
  RecomputeController c;
  Recorder rec(c);
  c.setPaused(true);
  c.request(valueJob(1));
  c.request(valueJob(2));
  c.request(valueJob(3), true);
  spin(60);
  EXPECT_EQ(rec.started, 0);
  EXPECT_TRUE(rec.results.empty());
  EXPECT_TRUE(c.isBusy());
  c.setPaused(false);
  ASSERT_TRUE(c.waitForIdle(5000));
  ASSERT_EQ(rec.results.size(), 1u);
  EXPECT_EQ(rec.results[0], 3);
}

TEST(RecomputeController, ProgressAndBusySignals) {
  RecomputeController c;
  std::vector<double> fractions;
  std::vector<bool> busy;
  QObject::connect(&c, &RecomputeController::progress, [&](double f) { fractions.push_back(f); });
  QObject::connect(&c, &RecomputeController::busyChanged, [&](bool b) { busy.push_back(b); });
  c.request([](const RunControl& rc) -> std::any {
    for (int i = 1; i <= 10; ++i) {
      rc.progress(i / 10.0);
      QThread::msleep(5);
    }
    return 0;
  });
  ASSERT_TRUE(c.waitForIdle(5000));
  ASSERT_FALSE(fractions.empty());
  for (double f : fractions) {
    EXPECT_GE(f, 0.0);
    EXPECT_LE(f, 1.0);
  }
  EXPECT_DOUBLE_EQ(fractions.back(), 1.0);  // the final value is never throttled away
  EXPECT_EQ(busy, (std::vector<bool>{true, false}));
}

TEST(RecomputeController, DestructorCancelsAndWaits) {
  std::atomic<bool> exited{false};
  {
    auto c = std::make_unique<RecomputeController>();
    c->request([&exited](const RunControl& rc) -> std::any {
      struct Flag {
        std::atomic<bool>& f;
        ~Flag() { f = true; }
      } flag{exited};
      for (int i = 0; i < 20000; ++i) {
        rc.checkCancelled();
        QThread::msleep(1);
      }
      return 0;
    });
    spin(20);
  }
  EXPECT_TRUE(exited.load());  // the job had ended when the destructor returned
}

// A pool thread inherits the register state of the thread that creates it: dirty AVX upper
// halves on the GUI thread (left by AVX code run there) made every job's SSE code slow.
TEST(RecomputeController, JobsStartWithCleanUpperVectorState) {
  std::uint64_t mask = 0;
  if (!vectorStateInUse(mask))
    GTEST_SKIP() << "this CPU has no AVX or cannot report XINUSE (XGETBV with ECX = 1)";
  RecomputeController c;  // its pool has no thread yet: the first job creates one from here
#if defined(__x86_64__)
  asm volatile("vpcmpeqd %%ymm0, %%ymm0, %%ymm0" ::: "xmm0");
#endif
  std::atomic<int> seen{-1};
  c.request([&seen](const RunControl&) -> std::any {
    std::uint64_t m = 0;
    seen = vectorStateInUse(m) && (m & kXinuseAvxUpper) != 0 ? 1 : 0;
    return 0;
  });
  ASSERT_TRUE(c.waitForIdle(60000));
  EXPECT_EQ(seen.load(), 0) << "the job ran with dirty upper halves";
  clearUpperVectorState();
}

}  // namespace
}  // namespace latentlab::ui
