// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// What the kernels ran on, in every benchmark run's context (JSON "context", console header):
// the instruction set Highway's dispatcher chose, the OpenBLAS core and build, and the devices
// the *Device benchmarks run on (pocl's OpenCL device is the CPU: its figures are CPU figures).
#include <benchmark/benchmark.h>

#include <string>

#include "latentlab/common/device.h"
#include "latentlab/common/simd.h"

#if defined(EIGEN_USE_BLAS)
extern "C" char* openblas_get_corename(void);
extern "C" char* openblas_get_config(void);
#endif

namespace {
[[maybe_unused]] const bool kContext = [] {
  std::string runnable;
  for (const auto& t : latentlab::simd::runnableTargets())
    runnable += (runnable.empty() ? "" : " ") + t;
  benchmark::AddCustomContext("simd_target", latentlab::simd::chosenTarget());
  benchmark::AddCustomContext("simd_runnable", runnable);
#if defined(EIGEN_USE_BLAS)
  benchmark::AddCustomContext(
      "blas", std::string(openblas_get_config()) + " (core " + openblas_get_corename() + ")");
#else
  benchmark::AddCustomContext("blas", "none: Eigen's own products");
#endif
  for (const auto& d : latentlab::listDevices()) {
    if (d.kind == latentlab::DeviceKind::Cpu) continue;
    benchmark::AddCustomContext("device " + d.id, d.name + (d.isPocl ? " (pocl: the CPU)" : ""));
  }
  return true;
}();
}  // namespace
