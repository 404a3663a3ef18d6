// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// One critic round of the ReFlow → WGAN-GP toy (kexue.fm/archives/9668): the RFF closed-form fit
// (N interpolants, M features; ≈ 2.6e8 flops at K = 2000, M = 256) and n_critic = 20 Adam steps of
// the MLP critic; plus the whole page at defaults (61 rounds).
#include <benchmark/benchmark.h>

#include "latentlab/common/rng.h"
#include "latentlab/flows/wgan_flow.h"
#include "latentlab/flows/wgan_lab.h"

namespace {

using namespace latentlab;
using namespace latentlab::flows;

struct Batch {
  Eigen::MatrixXd x0, x1, xt;
};

Batch makeBatch(int n) {
  Rng rng(1);
  Batch b{Eigen::MatrixXd(n, 2), sampleTarget(WganTarget::EightGaussians, n, 2),
          Eigen::MatrixXd(n, 2)};
  for (int i = 0; i < n; ++i) {
    b.x0(i, 0) = 0.5 * rng.normal();
    b.x0(i, 1) = 0.5 * rng.normal();
    const double t = rng.uniform();
    b.xt.row(i) = (1 - t) * b.x0.row(i) + t * b.x1.row(i);
  }
  return b;
}

void BM_RffCriticRound(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0)), m = static_cast<int>(state.range(1));
  const Batch b = makeBatch(n);
  Rng rng(3);
  const RffFeatures f = RffFeatures::draw(2, m, 0.5, rng);
  for (auto _ : state) {
    const RffCritic c = fitRffCritic(f, b.x0, b.x1, b.xt, 1.0, 1e-4);
    Eigen::MatrixXd moved = b.x0 + 0.3 * c.gradient(b.x0);
    benchmark::DoNotOptimize(moved.data());
  }
}
BENCHMARK(BM_RffCriticRound)
    ->Args({300, 64})
    ->Args({2000, 256})
    ->Unit(benchmark::kMillisecond);

void BM_MlpCriticRound(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const Batch b = makeBatch(n);
  Rng rng(3);
  MlpCritic c = MlpCritic::init(2, 32, rng);
  MlpAdam adam(c, 5e-3, 0.0, 0.9);
  MlpCritic grad;
  for (auto _ : state) {
    for (int s = 0; s < 20; ++s) {
      mlpCriticLoss(c, b.x0, b.x1, b.xt, 1.0, PenaltyCentre::Zero, &grad);
      adam.step(c, grad);
    }
    benchmark::DoNotOptimize(c.w1.data());
  }
}
BENCHMARK(BM_MlpCriticRound)->Arg(300)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_WganPageDefaults(benchmark::State& state) {
  for (auto _ : state) {
    auto r = computeWganLab(WganLabParams{});
    benchmark::DoNotOptimize(r.snapshots.data());
  }
}
BENCHMARK(BM_WganPageDefaults)->Unit(benchmark::kMillisecond);

// The same page with the generator G(z) (H = 64, K_g = 5 Adam steps per round) instead of particles.
void BM_WganPageGenerator(benchmark::State& state) {
  WganLabParams p;
  p.mover = WganMover::Generator;
  for (auto _ : state) {
    auto r = computeWganLab(p);
    benchmark::DoNotOptimize(r.snapshots.data());
  }
}
BENCHMARK(BM_WganPageGenerator)->Unit(benchmark::kMillisecond);

}  // namespace
