// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <exception>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace latentlab {

/// Runs `a` and `b` at the same time on two OpenMP threads when this thread may use more than one
/// (else `a`, then `b`), and rethrows the first exception either threw once both are done. For
/// independent work only: neither may read what the other writes. OpenMP regions inside them run
/// on their own thread (nested parallelism stays off), so results do not depend on the split.
template <class A, class B>
void runConcurrently(A&& a, B&& b) {
  std::exception_ptr errors[2];
  const auto guarded = [](auto& work, std::exception_ptr& error) {
    try {
      work();
    } catch (...) {
      error = std::current_exception();
    }
  };
#ifdef _OPENMP
  const bool two = omp_get_max_threads() > 1 && !omp_in_parallel();
#pragma omp parallel sections num_threads(2) if (two)
#endif
  {
#ifdef _OPENMP
#pragma omp section
#endif
    guarded(a, errors[0]);
#ifdef _OPENMP
#pragma omp section
#endif
    guarded(b, errors[1]);
  }
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace latentlab
