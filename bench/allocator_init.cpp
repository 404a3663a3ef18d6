// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The benchmarks run with the allocator settings the app uses (app/main.cpp), before main().
#include "latentlab/common/allocator.h"

namespace {
[[maybe_unused]] const bool kTuned = [] {
  latentlab::tuneAllocator();
  return true;
}();
}  // namespace
