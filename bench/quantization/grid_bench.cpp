// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// FSQ quantize throughput next to a plain memcpy of the same bytes; tiled nearest-code search at
// N = 65536, K = 256..16384, d = 4..64 (GFLOP/s counts the 2·N·K·d GEMM flops); k-means (Lloyd);
// the grid page at defaults (target: under one 60 Hz frame, 16 ms). d = 64 at K = 16384 (137 GFLOP
// per pass, about 2 s here) completes the grid the PyTorch peer (bench/peers) runs; leave it out
// with --benchmark_filter='-BM_NearestCode/16384/64' when a quick run is enough.
#include <benchmark/benchmark.h>

#include <cstring>
#include <vector>

#include "latentlab/common/rng.h"
#include "latentlab/quantization/fsq.h"
#include "latentlab/quantization/grid_lab.h"
#include "latentlab/quantization/vq.h"

namespace {

using namespace latentlab;
using namespace latentlab::quantization;

constexpr std::size_t kFsqElements = std::size_t{6} << 18;  // 262144 six-channel vectors

std::vector<float> gaussianFloats(std::size_t n, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<float> v(n);
  for (float& x : v) x = static_cast<float>(rng.normal());
  return v;
}

RowMatrixXf gaussianRows(Eigen::Index n, Eigen::Index d, std::uint64_t seed) {
  Rng rng(seed);
  RowMatrixXf x(n, d);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = static_cast<float>(rng.normal());
  return x;
}

void BM_FsqQuantize(benchmark::State& state) {
  const Fsq fsq(fsqPresetLevels(16));
  const std::vector<float> src = gaussianFloats(kFsqElements, 1);
  std::vector<float> buf(src.size());
  // From src into buf: the same bytes read and written as BM_MemcpySameBytes (an in-place
  // benchmark would have to restore its input with a memcpy inside the timed loop).
  for (auto _ : state) {
    fsq.quantize(src.data(), buf.data(), src.size());
    benchmark::DoNotOptimize(buf.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kFsqElements));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kFsqElements * 4));
}
BENCHMARK(BM_FsqQuantize)->Unit(benchmark::kMicrosecond);

void BM_MemcpySameBytes(benchmark::State& state) {
  const std::vector<float> src = gaussianFloats(kFsqElements, 1);
  std::vector<float> buf(src.size());
  for (auto _ : state) {
    std::memcpy(buf.data(), src.data(), src.size() * sizeof(float));
    benchmark::DoNotOptimize(buf.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kFsqElements));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kFsqElements * 4));
}
BENCHMARK(BM_MemcpySameBytes)->Unit(benchmark::kMicrosecond);

void BM_NearestCode(benchmark::State& state) {
  const Eigen::Index k = state.range(0), d = state.range(1), n = 65536;
  const RowMatrixXf x = gaussianRows(n, d, 2), c = gaussianRows(k, d, 3);
  for (auto _ : state) {
    NearestResult r = nearestCodes(x, c);
    benchmark::DoNotOptimize(r.index.data());
  }
  state.counters["GFLOP/s"] = benchmark::Counter(
      2.0 * static_cast<double>(n * k * d) * static_cast<double>(state.iterations()) * 1e-9,
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NearestCode)
    ->ArgsProduct({{256, 1024, 4096, 16384}, {4, 16}})
    ->Args({256, 64})
    ->Args({1024, 64})
    ->Args({4096, 64})
    ->Args({16384, 64})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_KmeansLloyd(benchmark::State& state) {
  const int k = static_cast<int>(state.range(0));
  const RowMatrixXd x = gaussianRows(16384, 5, 4).cast<double>();
  for (auto _ : state) {
    LloydResult r = lloyd(x, kmeansPlusPlus(x, k, 5), 10);
    benchmark::DoNotOptimize(r.codebook.data());
  }
}
BENCHMARK(BM_KmeansLloyd)->Arg(256)->Arg(1024)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_GridLabDefaults(benchmark::State& state) {
  const GridLabParams p;
  for (auto _ : state) {
    GridLabResult r = computeGridLab(p);
    benchmark::DoNotOptimize(r.points.data());
  }
}
BENCHMARK(BM_GridLabDefaults)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
