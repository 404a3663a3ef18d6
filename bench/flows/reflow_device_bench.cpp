// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// One Euler step of the exact mixture velocity (8 Gaussians from N(0, I), the ReFlow page's
// default: 8 pairs) for 10³..10⁶ particles, on the CPU (MixtureVelocity::integrate) and on each
// OpenCL device in float32 (reflow_opencl.cpp, upload and download included).
// BM_ReflowStepDevice/<device>/<particles>, counter particles/s.
#include <benchmark/benchmark.h>

#include <string>

#include "flows/reflow_opencl.h"
#include "latentlab/common/device.h"
#include "latentlab/flows/reflow_lab.h"

namespace {

using namespace latentlab;

void run(benchmark::State& state, const DeviceInfo& device, int n) {
  const flows::ReflowLabParams p;
  const flows::MixtureVelocity v(flows::sourceMixture(p), flows::targetMixture(p));
  const Eigen::MatrixXd z0 = v.source().sample(n, 1);
  const auto step = [&] {
    return device.kind == DeviceKind::Cpu
               ? v.integrate(z0, 1, flows::Solver::Euler)
               : flows::detail::integrateOnOpenCl(v, z0, 1, flows::Solver::Euler, nullptr,
                                                  RunControl{}, device);
  };
  step();  // warm-up: builds the program
  for (auto _ : state) {
    const Eigen::MatrixXd z = device.kind == DeviceKind::Cpu
                                  ? v.integrate(z0, 1, flows::Solver::Euler)
                                  : flows::detail::integrateOnOpenCl(v, z0, 1, flows::Solver::Euler,
                                                                     nullptr, RunControl{}, device);
    benchmark::DoNotOptimize(z.data());
  }
  state.counters["particles/s"] =
      benchmark::Counter(double(n), benchmark::Counter::kIsIterationInvariantRate);
}

const int kRegistered = [] {
  for (const auto& d : listDevices())
    for (const int n : {1000, 10000, 100000, 1000000}) {
      const std::string name = "BM_ReflowStepDevice/" + d.id + "/" + std::to_string(n);
      benchmark::RegisterBenchmark(name.c_str(), [d, n](benchmark::State& s) { run(s, d, n); })
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();  // device time is not host CPU time
    }
  return 0;
}();

}  // namespace
