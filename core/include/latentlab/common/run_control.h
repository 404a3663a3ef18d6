// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <atomic>
#include <functional>

#include "latentlab/common/errors.h"

namespace latentlab {

/// Cancel flag and progress sink for one computation. Algorithms call checkCancelled() once per
/// row, step or iteration and progress() with a fraction in [0, 1]. Qt-free: the UI adapts its
/// QPromise to it. A default-constructed RunControl never cancels and ignores progress.
struct RunControl {
  const std::atomic<bool>* cancel = nullptr;  // set by the owner to request a stop
  std::function<void(double)> onProgress;     // fraction done in [0, 1]; may be empty

  bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
  void checkCancelled() const {
    if (cancelled()) throw Cancelled();
  }
  void progress(double fraction) const {
    if (onProgress) onProgress(fraction);
  }
};

}  // namespace latentlab
