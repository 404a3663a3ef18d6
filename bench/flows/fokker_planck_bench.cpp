// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Fokker–Planck: particle steps per second (Euler–Maruyama and the σ-SDE with the grid score)
// and grid steps per second at 64², 128², 256² (MUSCL-MC + SSP-RK2, rotating OU, g = 1); the
// page's whole computation at its defaults and grid sizes, on one thread and on two (grid and
// σ-family on one, the SDE cloud on the other).
#include <benchmark/benchmark.h>

#include "latentlab/common/serial_threads.h"
#include "latentlab/flows/fokker_planck.h"
#include "latentlab/flows/fp_lab.h"

namespace {

using namespace latentlab::flows;

Drift rotatingOu() {
  Drift d;
  d.preset = DriftPreset::RotatingOU;
  d.dim = 2;
  return d;
}

void BM_FpParticlesEm(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const Drift d = rotatingOu();
  ParticleCloud c(2, n, 1);
  c.sampleMixture({Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}}, {1.0});
  for (auto _ : state) c.step(d, 1.0, nullptr, 0.0, 1e-3);
  state.counters["particle_steps/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_FpParticlesEm)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void BM_FpParticlesSigmaGridScore(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const Drift d = rotatingOu();
  FpGrid grid(2, 128, -6.0, 6.0, d);
  grid.setMixture({Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}}, {1.0});
  grid.updateScore();
  ParticleCloud c(2, n, 1);
  c.sampleMixture({Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}}, {1.0});
  for (auto _ : state) c.step(d, 0.0, &grid, 0.0, 1e-4);
  state.counters["particle_steps/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_FpParticlesSigmaGridScore)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// The same σ = 0 step with the Gaussian marginal's closed-form score −(x − m)/v (no grid).
void BM_FpParticlesSigmaClosedScore(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const Drift d = rotatingOu();
  const Gaussian law{Eigen::Vector2d(2.0, 0.0), 0.25};
  ParticleCloud c(2, n, 1);
  c.sampleMixture({law}, {1.0});
  for (auto _ : state) c.step(d, 0.0, nullptr, 0.0, 1e-4, &law);
  state.counters["particle_steps/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_FpParticlesSigmaClosedScore)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void BM_FpGridStep(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  FpGrid grid(2, n, -6.0, 6.0, rotatingOu());
  grid.setMixture({Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}}, {1.0});
  const double dt = 0.45 * grid.stableDt(0.0, 1.0);
  double t = 0.0;
  for (auto _ : state) {
    grid.step(FluxScheme::MusclMc, t, dt);
    t += dt;
  }
  // One grid step per iteration: the rate is iterations per second.
  state.counters["grid_steps/s"] =
      benchmark::Counter(1.0, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_FpGridStep)->Arg(64)->Arg(128)->Arg(256)->Unit(benchmark::kMicrosecond);

// Arguments: grid cells per axis, threads (1: SerialOnThisThread).
void BM_FpLab(benchmark::State& state) {
  FpLabParams p;
  p.gridN = static_cast<int>(state.range(0));
  const latentlab::SerialOnThisThread serial(state.range(1) == 1);
  for (auto _ : state) benchmark::DoNotOptimize(computeFpLab(p).steps);
}
BENCHMARK(BM_FpLab)
    ->Args({64, 1})
    ->Args({64, 2})
    ->Args({96, 1})
    ->Args({96, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
