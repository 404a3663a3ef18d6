// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The memory model's cost: one method at the paper setup, and the whole page (six methods, the
// sweep, the paper comparison). Pure integer arithmetic: well under a millisecond.
#include <benchmark/benchmark.h>

#include "latentlab/finetune/memory_model.h"

namespace {

using namespace latentlab::finetune;

void BM_MemoryMethodLst(benchmark::State& state) {
  const MemoryLabParams p = paperSetup();
  for (auto _ : state) {
    auto m = methodMemory(p, Method::Lst);
    benchmark::DoNotOptimize(m.activationElements);
  }
}
BENCHMARK(BM_MemoryMethodLst)->Unit(benchmark::kMicrosecond);

void BM_MemoryLab(benchmark::State& state) {
  MemoryLabParams p;
  p.model = static_cast<ModelPreset>(state.range(0));
  for (auto _ : state) {
    auto r = computeMemoryLab(p);
    benchmark::DoNotOptimize(r.elapsedMs);
  }
}
BENCHMARK(BM_MemoryLab)
    ->Arg(static_cast<int>(ModelPreset::T5Base))
    ->Arg(static_cast<int>(ModelPreset::Llama7B))
    ->Unit(benchmark::kMicrosecond);

}  // namespace
