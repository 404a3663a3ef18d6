// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Runs the GUI event loop until a condition holds or a wall-clock limit passes. A loop counted in
// iterations is not a time limit: processEvents returns at once when nothing is queued, so 20000
// turns can pass in a few seconds on a loaded CI machine before a worker posts anything.
#pragma once

#include <functional>

#include "ui/common/recompute_controller.h"

namespace latentlab::ui::testing {

inline bool spinUntil(const std::function<bool()>& done, int timeoutMs = 60000) {
  return processEventsUntil(done, timeoutMs);
}

}  // namespace latentlab::ui::testing
