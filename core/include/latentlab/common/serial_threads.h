// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#ifdef _OPENMP
#include <omp.h>
#endif

namespace latentlab {

/// Runs OpenMP regions started on this thread (the project's and Eigen's products, which read
/// omp_get_max_threads() while Eigen::setNbThreads is never called) with one thread while the
/// object lives, then restores the setting. omp_set_num_threads changes only the calling thread's
/// value, so runs on other threads are unaffected; Eigen::setNbThreads is process-wide and raced
/// with every other page's recompute (ThreadSanitizer, LstRunPage tests).
class SerialOnThisThread {
 public:
  explicit SerialOnThisThread(bool serial = true) {
#ifdef _OPENMP
    m_saved = omp_get_max_threads();
    if (serial) omp_set_num_threads(1);
#else
    (void)serial;
#endif
  }
  ~SerialOnThisThread() {
#ifdef _OPENMP
    omp_set_num_threads(m_saved);
#endif
  }
  SerialOnThisThread(const SerialOnThisThread&) = delete;
  SerialOnThisThread& operator=(const SerialOnThisThread&) = delete;

 private:
  int m_saved = 1;
};

}  // namespace latentlab
