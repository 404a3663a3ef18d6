// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <any>
#include <utility>
#include <vector>

#include "latentlab/common/run_control.h"

namespace latentlab::testing {

/// A RunControl whose partial results, each a T, are kept in `out` in the order they came.
template <class T>
RunControl collectPartials(std::vector<T>& out) {
  RunControl control;
  control.onPartial = [&out](std::any s) { out.push_back(std::any_cast<T>(std::move(s))); };
  return control;
}

}  // namespace latentlab::testing
