// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <any>
#include <atomic>
#include <functional>
#include <memory>

#include "latentlab/common/run_control.h"

namespace latentlab::ui {

/// One scheduler for every page (ARCHITECTURE "UI contract"): coalesces parameter changes
/// (throttle for cheap previews while dragging, debounce for expensive work, an immediate
/// full-quality run otherwise), bumps a generation per request, cancels the running job, runs jobs
/// on a dedicated QThreadPool as QRunnables, each with a QPromise adapted to RunControl, drops
/// stale or cancelled results and emits the newest one on the GUI thread. Partial results a job hands
/// to RunControl::partial() reach the GUI thread as partialReady() while it runs (only the newest
/// one, only for the current request), so long work fills the figure in as it goes.
class RecomputeController : public QObject {
  Q_OBJECT
 public:
  /// A job owns a snapshot of the params by value; it runs on a worker thread and returns plain
  /// data. It may throw latentlab::ParamError (reported through failed()) or Cancelled.
  using Job = std::function<std::any(const latentlab::RunControl&)>;
  enum class Policy { Throttle, Debounce };

  explicit RecomputeController(QObject* parent = nullptr);
  ~RecomputeController() override;  // cancels and waits for the running job

  /// Throttle: while dragging, at most one run per `intervalMs`. Debounce: wait until changes
  /// stop for `intervalMs`. Defaults: Throttle, 30 ms.
  void setPolicy(Policy policy, int intervalMs);

  /// Requests a run. interactive = true while the user drags (coalesced by the policy);
  /// false runs at once (slider release, scenario load, button).
  void request(Job job, bool interactive = false);
  /// Cancels the running job and forgets pending requests.
  void cancel();
  /// Paused controllers keep the latest request and run it on resume (hidden pages).
  void setPaused(bool paused);

  bool isBusy() const;         // a job is running or pending
  quint64 generation() const;  // bumped on every request
  /// Runs `job` on the calling thread (CLI, tests) and returns its result; exceptions propagate.
  static std::any runNow(const Job& job);
  /// For tests: processes events until idle or timeout; returns true when idle.
  bool waitForIdle(int timeoutMs);

 signals:
  void started();
  void progress(double fraction);                              // 0..1, from the running job
  void resultReady(const std::any& result, double elapsedMs);  // newest generation only
  /// A snapshot the running job of the newest generation handed to RunControl::partial().
  void partialReady(const std::any& snapshot);
  void failed(const QString& message);                         // ParamError or other exception text
  void cancelledRun();                                         // a run was cancelled or superseded
  void busyChanged(bool busy);                                 // isBusy() flipped

 protected:
  bool event(QEvent* event) override;  // delivers partial results posted by workers

 private:
  void startPending();
  void onFinished(QObject* watcher);
  void deliverPartial(const void* slot);
  void updateBusy();

  struct Impl;
  std::unique_ptr<Impl> d;
};

/// Delivers events until `done()` holds or `timeoutMs` passed; returns done(). It sleeps between
/// events (a 5 ms timer bounds the wait) instead of spinning: a spinning GUI thread takes a whole
/// core from the two workers on a 2-core machine and made a window's compute three times slower.
bool processEventsUntil(const std::function<bool()>& done, int timeoutMs);

}  // namespace latentlab::ui
