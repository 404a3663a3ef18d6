// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/recompute_controller.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QPromise>
#include <QRunnable>
#include <algorithm>
#include <chrono>
#include <exception>
#include <list>
#include <mutex>
#include <string>
#include <utility>

#include "latentlab/common/errors.h"
#include "latentlab/common/vector_state.h"
#include "ui/common/device_choice.h"

namespace latentlab::ui {
namespace {

constexpr int kProgressSteps = 1000;

// ThreadSanitizer cannot see the synchronisation inside Debian's uninstrumented Qt (QThreadPool's
// queue, QFutureInterface's mutex are futex-based in libQt6Core), so a job handed to the pool and
// its result handed back look like races. These annotations state the hand-offs Qt performs:
// GUI → worker when a task starts (kTaskHandOff), worker → GUI when it is done (the run's cancel
// flag) and for each partial result (kPartialHandOff). Each release follows the last write of
// what it hands over. Anything TSan reports beyond them is a real race in project code.
#if defined(__SANITIZE_THREAD__)
#define LATENTLAB_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define LATENTLAB_TSAN 1
#endif
#endif
#ifdef LATENTLAB_TSAN
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
void handOffRelease(void* addr) { __tsan_release(addr); }
void handOffAcquire(void* addr) { __tsan_acquire(addr); }
#else
void handOffRelease(void*) {}
void handOffAcquire(void*) {}
#endif

// What a worker hands back. Exceptions are caught on the worker and travel as plain data, so the
// GUI side never depends on how QFuture transports exceptions.
struct Outcome {
  enum class Kind { Ok, Cancelled, Failed };
  Kind kind = Kind::Cancelled;
  std::any value;
  QString message;
  double elapsedMs = 0.0;
};

// A partial result is waiting in the slot `key`: posted by the worker, handled by event().
const QEvent::Type kPartialEventType = static_cast<QEvent::Type>(QEvent::registerEventType());
char kPartialHandOff = 0;  // the address TSan's release/acquire pair for partial events names
struct PartialEvent : QEvent {
  explicit PartialEvent(const void* slotKey) : QEvent(kPartialEventType), key(slotKey) {}
  const void* key;
};

// The newest partial result of one run: written by the worker, taken by the GUI thread.
struct PartialSlot {
  std::mutex mutex;
  std::any value;
  bool fresh = false;  // a delivery is posted and has not run yet
};

Outcome runJob(const RecomputeController::Job& job, QPromise<Outcome>& promise,
               const std::shared_ptr<std::atomic<bool>>& cancel,
               const std::function<void(std::any)>& onPartial, const std::string& device) {
  Outcome out;
  RunControl rc;
  rc.cancel = cancel.get();
  rc.device = device;
  rc.onPartial = onPartial;
  rc.onProgress = [&promise, &cancel](double f) {
    // Polling QPromise here lets a QFuture::cancel() reach jobs that only report progress.
    if (promise.isCanceled()) cancel->store(true);
    promise.setProgressValue(static_cast<int>(std::clamp(f, 0.0, 1.0) * kProgressSteps));
  };
  const auto t0 = std::chrono::steady_clock::now();
  try {
    if (promise.isCanceled() || cancel->load()) throw Cancelled();
    out.value = job(rc);
    out.kind = Outcome::Kind::Ok;
  } catch (const Cancelled&) {
    out.kind = Outcome::Kind::Cancelled;
  } catch (const std::exception& e) {  // ParamError included: its what() is the user message
    out.kind = Outcome::Kind::Failed;
    out.message = QString::fromStdString(e.what());
  } catch (...) {
    out.kind = Outcome::Kind::Failed;
    out.message = QCoreApplication::translate("RecomputeController", "unknown error");
  }
  out.elapsedMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

// A job on the pool with the promise its QFutureWatcher follows. Built on the GUI thread and
// released before QThreadPool (uninstrumented) carries it; run() acquires before anything else.
// QtConcurrent::run built its task inside Qt's template, after any release we could place, and
// TSan reported the worker's first read of it (RunFunctionTaskBase::run) as a race.
char kTaskHandOff = 0;  // the address of the GUI → worker release/acquire pair for tasks
class JobTask : public QRunnable {
 public:
  JobTask(RecomputeController::Job job, std::shared_ptr<std::atomic<bool>> cancel,
          std::function<void(std::any)> onPartial, std::string device)
      : m_job(std::move(job)),
        m_cancel(std::move(cancel)),
        m_onPartial(std::move(onPartial)),
        m_device(std::move(device)) {
    m_promise.setProgressRange(0, kProgressSteps);
    m_promise.start();
  }
  QFuture<Outcome> future() { return m_promise.future(); }
  void run() override {
    handOffAcquire(&kTaskHandOff);  // a fixed address: reading m_cancel first would be the race
    // The thread may have dirty upper register halves (copied from the GUI thread that created
    // it, or left by an earlier job's AVX code): its SSE code, and the OpenMP team it starts,
    // would run several times slower (latentlab/common/vector_state.h).
    clearUpperVectorState();
    m_promise.addResult(runJob(m_job, m_promise, m_cancel, m_onPartial, m_device));
    handOffRelease(m_cancel.get());  // before the promise reports finished to the GUI thread
    m_promise.finish();
  }

 private:
  RecomputeController::Job m_job;
  std::shared_ptr<std::atomic<bool>> m_cancel;
  std::function<void(std::any)> m_onPartial;
  std::string m_device;  // where the job computes, chosen on the GUI thread when it was requested
  QPromise<Outcome> m_promise;
};

}  // namespace

struct RecomputeController::Impl {
  struct Run {
    QFutureWatcher<Outcome>* watcher = nullptr;
    std::shared_ptr<std::atomic<bool>> cancel;
    std::shared_ptr<PartialSlot> partial;
    quint64 generation = 0;
    bool cancelled = false;  // by cancel(): never reported as a result even if it completes
  };

  QThreadPool pool;
  QTimer timer;
  Policy policy = Policy::Throttle;
  int intervalMs = 30;
  quint64 generation = 0;
  Job pending;
  bool hasPending = false;
  bool pendingReady = false;  // the policy lets the pending request start
  bool paused = false;
  bool busy = false;
  QElapsedTimer lastStart;
  std::list<Run> runs;  // at most two: one superseded draining, one current
};

RecomputeController::RecomputeController(QObject* parent)
    : QObject(parent), d(std::make_unique<Impl>()) {
  // Two threads: a superseded job that polls its cancel flag late does not block the new one.
  d->pool.setMaxThreadCount(2);
  d->pool.setObjectName(QStringLiteral("latentlab-recompute"));
  d->timer.setSingleShot(true);
  connect(&d->timer, &QTimer::timeout, this, [this] {
    d->pendingReady = true;
    startPending();
  });
}

RecomputeController::~RecomputeController() {
  d->timer.stop();
  d->hasPending = false;
  for (auto& run : d->runs) {
    run.watcher->disconnect(this);
    run.cancel->store(true);
    run.watcher->future().cancel();
  }
  d->pool.waitForDone();
  handOffAcquire(&kPartialHandOff);  // Qt deletes partial events still queued for this object
  for (auto& run : d->runs) delete run.watcher;
  d->runs.clear();
}

void RecomputeController::setPolicy(Policy policy, int intervalMs) {
  d->policy = policy;
  d->intervalMs = std::max(0, intervalMs);
}

void RecomputeController::request(Job job, bool interactive) {
  ++d->generation;
  d->pending = std::move(job);
  d->hasPending = true;
  // Whatever runs now computes superseded params: stop it early; its result would be dropped.
  for (auto& run : d->runs) run.cancel->store(true);
  updateBusy();
  if (d->paused) {
    d->pendingReady = true;
    return;
  }
  if (!interactive) {
    d->timer.stop();
    d->pendingReady = true;
  } else if (d->policy == Policy::Debounce) {
    d->pendingReady = false;
    d->timer.start(d->intervalMs);
  } else if (!d->timer.isActive()) {
    const qint64 since = d->lastStart.isValid() ? d->lastStart.elapsed() : d->intervalMs;
    if (since >= d->intervalMs) {
      d->pendingReady = true;
    } else {
      // The timer always fires after the last change, so a drag ends with its latest value.
      d->pendingReady = false;
      d->timer.start(static_cast<int>(d->intervalMs - since));
    }
  }
  startPending();
}

void RecomputeController::cancel() {
  d->timer.stop();
  d->hasPending = false;
  d->pending = nullptr;
  for (auto& run : d->runs) {
    run.cancelled = true;
    run.cancel->store(true);
    run.watcher->future().cancel();
  }
  updateBusy();
}

void RecomputeController::setPaused(bool paused) {
  if (d->paused == paused) return;
  d->paused = paused;
  if (!paused && d->hasPending) {
    d->pendingReady = true;
    startPending();
  }
}

bool RecomputeController::isBusy() const { return d->hasPending || !d->runs.empty(); }

quint64 RecomputeController::generation() const { return d->generation; }

std::any RecomputeController::runNow(const Job& job) {
  RunControl rc;
  rc.device = DeviceChoice::instance().current().toStdString();
  clearUpperVectorState();  // as on the pool: the GUI thread's AVX code may have left them dirty
  return job(rc);
}

bool RecomputeController::waitForIdle(int timeoutMs) {
  QElapsedTimer clock;
  clock.start();
  while (true) {
    const qint64 left = timeoutMs - clock.elapsed();
    const int wait = static_cast<int>(std::max<qint64>(0, left));
    if (!processEventsUntil([this] { return !isBusy(); }, wait)) return false;
    // Delivering the last events may start a job (a deferred request): idle only if none did.
    QCoreApplication::processEvents();
    if (!isBusy()) return true;
  }
}

bool processEventsUntil(const std::function<bool()>& done, int timeoutMs) {
  QElapsedTimer clock;
  clock.start();
  QTimer tick;  // wakes the blocking wait below, so the timeout and `done` are checked often
  tick.start(5);
  while (!done() && clock.elapsed() < timeoutMs)
    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
  return done();
}

void RecomputeController::startPending() {
  if (!d->hasPending || !d->pendingReady || d->paused) return;
  // Wait for a superseded job when both threads are taken, so jobs that ignore their cancel flag
  // cannot pile up in the pool.
  if (d->runs.size() >= 2) return;

  auto& run = d->runs.emplace_back();
  run.cancel = std::make_shared<std::atomic<bool>>(false);
  run.partial = std::make_shared<PartialSlot>();
  run.generation = d->generation;
  run.watcher = new QFutureWatcher<Outcome>(this);
  Job job = std::move(d->pending);
  d->pending = nullptr;
  d->hasPending = false;
  d->pendingReady = false;
  d->lastStart.start();

  auto* watcher = run.watcher;
  connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, watcher](int v) {
    for (const auto& r : d->runs)
      if (r.watcher == watcher && !r.cancelled && r.generation == d->generation)
        emit progress(static_cast<double>(v) / kProgressSteps);
  });
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] { onFinished(watcher); });
  // The worker keeps the newest snapshot in the run's slot and posts one delivery per batch: the
  // first partial result reaches the figure at once, later ones as fast as the GUI takes them.
  // The controller outlives every worker (its destructor waits for the pool).
  auto onPartial = [this, slot = run.partial](std::any value) {
    bool post = false;
    {
      const std::lock_guard lock(slot->mutex);
      slot->value = std::move(value);
      post = !std::exchange(slot->fresh, true);
    }
    if (!post) return;
    // The event is built here and released before Qt's (uninstrumented) queue carries it; event()
    // acquires before it reads it. A functor posted by invokeMethod is written inside Qt's
    // template after any release we could place, which TSan reported as a race.
    auto* event = new PartialEvent(slot.get());
    handOffRelease(&kPartialHandOff);
    QCoreApplication::postEvent(this, event);
  };
  auto* task = new JobTask(std::move(job), run.cancel, std::move(onPartial),
                           DeviceChoice::instance().current().toStdString());
  watcher->setFuture(task->future());
  handOffRelease(&kTaskHandOff);  // the task is complete: QThreadPool carries it from here
  d->pool.start(task);
  emit started();
}

void RecomputeController::onFinished(QObject* watcherObject) {
  auto it = std::find_if(d->runs.begin(), d->runs.end(), [watcherObject](const Impl::Run& r) {
    return r.watcher == watcherObject;
  });
  if (it == d->runs.end()) return;
  const Impl::Run run = *it;
  d->runs.erase(it);
  run.watcher->deleteLater();

  // finished() also fires for a cancelled QFuture, which then holds no result.
  const QFuture<Outcome> future = run.watcher->future();
  const bool current = !run.cancelled && run.generation == d->generation;
  handOffAcquire(run.cancel.get());
  Outcome out;
  if (!future.isCanceled() && future.resultCount() > 0) out = future.result();

  if (current && out.kind == Outcome::Kind::Ok) {
    emit resultReady(out.value, out.elapsedMs);
  } else if (current && out.kind == Outcome::Kind::Failed) {
    emit failed(out.message);
  } else {
    emit cancelledRun();
  }
  startPending();
  updateBusy();
}

bool RecomputeController::event(QEvent* event) {
  handOffAcquire(&kPartialHandOff);  // before reading an event a worker may have built
  if (event->type() != kPartialEventType) return QObject::event(event);
  deliverPartial(static_cast<PartialEvent*>(event)->key);
  return true;
}

void RecomputeController::deliverPartial(const void* slot) {
  for (const auto& run : d->runs) {
    if (run.partial.get() != slot) continue;
    std::any value;
    {
      const std::lock_guard lock(run.partial->mutex);
      value = std::move(run.partial->value);
      run.partial->value.reset();
      run.partial->fresh = false;
    }
    if (!run.cancelled && run.generation == d->generation && value.has_value())
      emit partialReady(value);
    return;
  }
  // The run has finished or was dropped: its final result (or nothing) is what counts.
}

void RecomputeController::updateBusy() {
  const bool busy = isBusy();
  if (busy == d->busy) return;
  d->busy = busy;
  emit busyChanged(busy);
}

}  // namespace latentlab::ui
