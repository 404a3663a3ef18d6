// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <any>
#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <utility>

#include "latentlab/common/errors.h"

namespace latentlab {

/// Cancel flag, progress sink and live-result sink for one computation. Algorithms call
/// checkCancelled() once per row, step or iteration and progress() with a fraction in [0, 1].
/// Long computations also hand the result so far to partial() whenever partialDue() says a new
/// one is wanted, so the figure fills in while they run. Qt-free: the UI adapts its QPromise to
/// it. A default-constructed RunControl never cancels and ignores progress and partial results.
struct RunControl {
  const std::atomic<bool>* cancel = nullptr;  // set by the owner to request a stop
  std::function<void(double)> onProgress;     // fraction done in [0, 1]; may be empty
  /// Receives a self-contained snapshot of the result so far (the type the computation returns,
  /// or what its caller documents); may be empty. Called on the computing thread.
  std::function<void(std::any)> onPartial;
  /// Least time between two partial results, after the first one (which is always due).
  std::chrono::milliseconds partialInterval{60};
  /// Where to compute: "cpu" or an OpenCL device id from listDevices() (latentlab/common/device.h).
  /// Computations with a device path honour it and fall back to the CPU on a device error.
  std::string device = "cpu";

  /// The same cancel flag and device without progress or partial results: for a sub-computation whose
  /// progress the caller reports itself.
  RunControl cancelOnly() const {
    RunControl inner;
    inner.cancel = cancel;
    inner.device = device;
    return inner;
  }

  bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
  void checkCancelled() const {
    if (cancelled()) throw Cancelled();
  }
  void progress(double fraction) const {
    if (onProgress) onProgress(fraction);
  }
  /// True when someone listens and the last partial result is at least partialInterval old, so
  /// a computation builds a snapshot only when it will be shown (about 16 per second).
  bool partialDue() const {
    if (!onPartial) return false;
    return !m_sentPartial ||
           std::chrono::steady_clock::now() - m_lastPartial >= partialInterval;
  }
  void partial(std::any snapshot) const {
    if (!onPartial) return;
    m_sentPartial = true;
    m_lastPartial = std::chrono::steady_clock::now();
    onPartial(std::move(snapshot));
  }

  // partialDue()'s bookkeeping; public only so RunControl stays an aggregate.
  mutable bool m_sentPartial = false;
  mutable std::chrono::steady_clock::time_point m_lastPartial{};
};

}  // namespace latentlab
