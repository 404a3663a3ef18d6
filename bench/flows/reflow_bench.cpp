// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Mixture velocity: particle steps per second (one Euler step = one evaluation of v*) at
// 10³..10⁶ particles for K = 8 and 64 target modes; plus the ReFlow page at defaults (target:
// under one 60 Hz frame, 16 ms), the time slider (field only), one RFF reflow fit, 200 MLP Adam
// iterations and one Nadaraya–Watson evaluation.
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
#include <type_traits>

#include "latentlab/flows/reflow_lab.h"
#include "latentlab/flows/reflow_models.h"

namespace {

using namespace latentlab::flows;

Mixture ringTarget(int k) {
  Mixture m;
  m.means.resize(k, 2);
  for (int i = 0; i < k; ++i) {
    m.means(i, 0) = 2.0 * std::cos(2.0 * std::numbers::pi * i / k);
    m.means(i, 1) = 2.0 * std::sin(2.0 * std::numbers::pi * i / k);
  }
  m.stds = Eigen::VectorXd::Constant(k, 0.1);
  m.weights = Eigen::VectorXd::Constant(k, 1.0 / k);
  return m;
}

Mixture standardNormal() {
  Mixture m;
  m.means = Eigen::MatrixXd::Zero(1, 2);
  m.stds = Eigen::VectorXd::Ones(1);
  m.weights = Eigen::VectorXd::Ones(1);
  return m;
}

// One Euler step z += 0.02 v*(z, ½) in double, or with float32 particles (the ReFlow page's
// float32 arithmetic).
template <class Real>
void mixtureSteps(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0)), k = static_cast<int>(state.range(1));
  const MixtureVelocity v(standardNormal(), ringTarget(k));
  using Mat = Eigen::Matrix<Real, Eigen::Dynamic, Eigen::Dynamic>;
  Mat z = standardNormal().sample(n, 1).cast<Real>();
  for (auto _ : state) {
    if constexpr (std::is_same_v<Real, float>)
      z += 0.02f * v.velocityF32(z, 0.5);
    else
      z += 0.02 * v(z, 0.5);
    benchmark::DoNotOptimize(z.data());
  }
  state.counters["particle_steps/s"] =
      benchmark::Counter(static_cast<double>(n) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

void BM_MixtureVelocityStep(benchmark::State& state) { mixtureSteps<double>(state); }
void BM_MixtureVelocityStepF32(benchmark::State& state) { mixtureSteps<float>(state); }
BENCHMARK(BM_MixtureVelocityStep)
    ->ArgsProduct({{1000, 10000, 100000, 1000000}, {8, 64}})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MixtureVelocityStepF32)
    ->ArgsProduct({{1000, 10000, 100000, 1000000}, {8, 64}})
    ->Unit(benchmark::kMillisecond);

// The page's exact 1-RF flow at 10⁵ particles, 50 RK4 steps (every frame kept), in float64 (0)
// and float32 (1, with its double check of the first 1024 particles).
void BM_ReflowFlowPrecision(benchmark::State& state) {
  ReflowLabParams p;
  p.particles = 100000;
  p.solver = Solver::Rk4;
  p.precision =
      state.range(0) == 1 ? latentlab::Arithmetic::Float32 : latentlab::Arithmetic::Float64;
  for (auto _ : state) {
    ReflowLabResult r;
    computeReflowFlow(p, r);
    benchmark::DoNotOptimize(r.frames.get());
  }
}
BENCHMARK(BM_ReflowFlowPrecision)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_ReflowPageDefaults(benchmark::State& state) {
  const ReflowLabParams p;
  for (auto _ : state) {
    auto r = computeReflowLab(p);
    benchmark::DoNotOptimize(r.density.data());
  }
}
BENCHMARK(BM_ReflowPageDefaults)->Unit(benchmark::kMillisecond);

void BM_RffReflowFit(benchmark::State& state) {
  const Mixture p0 = standardNormal();
  const MixtureVelocity v(p0, ringTarget(8));
  const Eigen::MatrixXd a = p0.sample(4000, 2);
  const Eigen::MatrixXd b = integrate(v, a, 32, Solver::Rk4);
  for (auto _ : state) {
    auto fit = RffVelocity::fit(a, b, RffOptions{});
    benchmark::DoNotOptimize(&fit);
  }
}
BENCHMARK(BM_RffReflowFit)->Unit(benchmark::kMillisecond);

// The time slider's cost: ρ_t and the arrows at a new t over the cached frames.
void BM_ReflowFieldOnly(benchmark::State& state) {
  ReflowLabParams p;
  ReflowLabResult r = computeReflowLab(p);
  int i = 0;
  for (auto _ : state) {
    p.time = (i++ % 50) / 50.0;
    computeReflowField(p, r);
    benchmark::DoNotOptimize(r.density.data());
  }
}
BENCHMARK(BM_ReflowFieldOnly)->Unit(benchmark::kMillisecond);

// 200 Adam iterations of the core's MLP (64 × 64, batch 256) on 4000 reflow pairs.
void BM_MlpReflowFit200(benchmark::State& state) {
  const Mixture p0 = standardNormal();
  const MixtureVelocity v(p0, ringTarget(8));
  const Eigen::MatrixXd a = p0.sample(4000, 2);
  const Eigen::MatrixXd b = v.integrate(a, 32, Solver::Rk4);
  MlpOptions o;
  o.iterations = 200;
  for (auto _ : state) {
    auto fit = MlpVelocity::fit(a, b, o);
    benchmark::DoNotOptimize(&fit);
  }
}
BENCHMARK(BM_MlpReflowFit200)->Unit(benchmark::kMillisecond);

// One NW velocity evaluation: 400 particles against 4000 pairs.
void BM_KernelVelocityEval(benchmark::State& state) {
  const Mixture p0 = standardNormal();
  const MixtureVelocity v(p0, ringTarget(8));
  const Eigen::MatrixXd a = p0.sample(4000, 2);
  const KernelVelocity nw(a, v.integrate(a, 32, Solver::Rk4), 0.15);
  const Eigen::MatrixXd z = p0.sample(400, 3);
  for (auto _ : state) {
    auto out = nw(z, 0.5);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_KernelVelocityEval)->Unit(benchmark::kMillisecond);

}  // namespace
