// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Euler–Maruyama steps of the Fokker–Planck page's SDE cloud (2-D rotating OU, σ = g = 1, the
// page's default drift) for 10⁴..10⁶ particles: on the CPU (ParticleCloud::step, double, OpenMP
// from 20 000 particles) and on each OpenCL device (fp_opencl.cpp: float32 resident on the
// device, 10 launches then one wait per iteration, as the page enqueues the steps of a frame).
// BM_FpEmStepDevice/<device>/<particles>, counter particle_steps/s.
#include <benchmark/benchmark.h>

#include <optional>
#include <string>

#include "flows/fp_opencl.h"
#include "latentlab/common/device.h"
#include "latentlab/flows/fokker_planck.h"

namespace {

using namespace latentlab;

constexpr int kStepsPerIteration = 10;

void run(benchmark::State& state, const DeviceInfo& device, int n) {
  flows::Drift d;
  d.preset = flows::DriftPreset::RotatingOU;
  d.dim = 2;
  flows::ParticleCloud cpu(2, n, 1);
  cpu.sampleMixture({flows::Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}}, {1.0});
  std::optional<flows::detail::FpDeviceCloud> dev;
  if (device.kind != DeviceKind::Cpu) {
    dev.emplace(device, 2, cpu.positions(), 1);
    dev->step(d, d.g, 0.0, 1e-3, 0);  // warm-up: builds the program
    dev->finish();
  }
  std::uint32_t counter = 1;
  for (auto _ : state) {
    for (int s = 0; s < kStepsPerIteration; ++s, ++counter) {
      if (dev)
        dev->step(d, d.g, 0.0, 1e-3, counter);
      else
        cpu.step(d, d.g, nullptr, 0.0, 1e-3);
    }
    if (dev) dev->finish();
    benchmark::ClobberMemory();
  }
  state.counters["particle_steps/s"] = benchmark::Counter(
      double(n) * kStepsPerIteration, benchmark::Counter::kIsIterationInvariantRate);
}

const int kRegistered = [] {
  for (const auto& d : listDevices())
    for (const int n : {10000, 100000, 1000000}) {
      const std::string name = "BM_FpEmStepDevice/" + d.id + "/" + std::to_string(n);
      benchmark::RegisterBenchmark(name.c_str(), [d, n](benchmark::State& s) { run(s, d, n); })
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();  // device time is not host CPU time
    }
  return 0;
}();

}  // namespace
