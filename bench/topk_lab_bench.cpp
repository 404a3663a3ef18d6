// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// One full computeTopkLab (everything the Top-k page shows) per iteration. The page's target is
// well under one 60 Hz frame (16 ms) at the defaults.
#include <benchmark/benchmark.h>

#include "latentlab/common/rng.h"
#include "latentlab/topk/topk_lab.h"

namespace {

using latentlab::topk::TopkLabParams;

void runLab(benchmark::State& state, const TopkLabParams& p) {
  for (auto _ : state) {
    auto r = latentlab::topk::computeTopkLab(p);
    benchmark::DoNotOptimize(r.elapsedMs);
  }
}

TopkLabParams randomInput(int n, bool allMethods) {
  TopkLabParams p;
  latentlab::Rng rng(7);
  p.x.resize(static_cast<std::size_t>(n));
  for (auto& v : p.x) v = rng.normal();
  p.k = n / 4;
  if (allMethods) p.shown.fill(true);
  return p;
}

void BM_TopkLabDefaults(benchmark::State& state) { runLab(state, TopkLabParams{}); }
BENCHMARK(BM_TopkLabDefaults)->Unit(benchmark::kMillisecond);

void BM_TopkLabRandom(benchmark::State& state) {
  runLab(state, randomInput(static_cast<int>(state.range(0)), false));
}
BENCHMARK(BM_TopkLabRandom)->Arg(20)->Arg(64)->Unit(benchmark::kMillisecond);

// Every method shown: the worst case the page can ask for; the UI runs it off-thread.
void BM_TopkLabAllMethods(benchmark::State& state) {
  runLab(state, randomInput(static_cast<int>(state.range(0)), true));
}
BENCHMARK(BM_TopkLabAllMethods)->Arg(4)->Arg(20)->Arg(64)->Unit(benchmark::kMillisecond);

}  // namespace
