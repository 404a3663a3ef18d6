// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// FSQ quantize + index, the nearest-code search, Lloyd and the EMA codebook step on the CPU and on
// every OpenCL device, registered at run time per device (on pocl the "device" figures are CPU
// figures). Every device call includes its uploads and downloads, as the page pays them. Rates
// are per wall-clock second (UseRealTime): the work runs on other threads than the timing one.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "latentlab/common/device.h"
#include "latentlab/common/rng.h"
#include "latentlab/quantization/fsq.h"
#include "latentlab/quantization/vq.h"

namespace {

using namespace latentlab;
using namespace latentlab::quantization;

RowMatrixXd gaussian(Eigen::Index n, Eigen::Index d, std::uint64_t seed) {
  Rng rng(seed);
  RowMatrixXd x(n, d);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.normal();
  return x;
}

RunControl on(const std::string& id) {
  RunControl rc;
  rc.device = id;
  return rc;
}

bool ranOn(benchmark::State& state, const DeviceUse& use, const std::string& id) {
  if (use.device == id) return true;
  state.SkipWithError(("fell back: " + use.fallback).c_str());
  return false;
}

// 262,144 vectors of the 2^16 preset [8,8,8,5,5,5]: reads z, writes codes and indices.
void fsqBench(benchmark::State& state, const std::string& id) {
  constexpr Eigen::Index kRows = 262144;
  const Fsq fsq({8, 8, 8, 5, 5, 5});
  const RowMatrixXf z = gaussian(kRows, 6, 1).cast<float>();
  RowMatrixXf buf = z;
  std::vector<std::int32_t> index;
  const RunControl rc = on(id);
  for (auto _ : state) {
    state.PauseTiming();
    buf = z;
    state.ResumeTiming();
    DeviceUse use;
    fsq.quantizeInPlace(buf.data(), static_cast<std::size_t>(buf.size()), rc, use, &index);
    if (!ranOn(state, use, id)) break;
    benchmark::DoNotOptimize(index.data());
  }
  const double bytes = static_cast<double>(kRows) * (6 * 4 + 6 * 4 + 4);
  state.counters["GB/s"] = benchmark::Counter(bytes * static_cast<double>(state.iterations()) / 1e9,
                                              benchmark::Counter::kIsRate);
}

// N = 65,536 float points against K codes in d dimensions: 2NKd flops of GEMM.
void searchBench(benchmark::State& state, const std::string& id) {
  const Eigen::Index n = 65536, k = state.range(0), d = state.range(1);
  const RowMatrixXf x = gaussian(n, d, 2).cast<float>(), c = gaussian(k, d, 3).cast<float>();
  const RunControl rc = on(id);
  for (auto _ : state) {
    DeviceUse use;
    const NearestResult r = nearestCodes(x, c, rc, use);
    if (!ranOn(state, use, id)) break;
    benchmark::DoNotOptimize(r.index.data());
  }
  const double flops =
      2.0 * static_cast<double>(n) * static_cast<double>(k) * static_cast<double>(d);
  state.counters["GFLOP/s"] = benchmark::Counter(
      flops * static_cast<double>(state.iterations()) / 1e9, benchmark::Counter::kIsRate);
}

// The page's Lloyd: 16,384 points in d = 5, K = 256, 8 iterations (9 searches) from k-means++.
void lloydBench(benchmark::State& state, const std::string& id) {
  constexpr int kIterations = 8;
  const RowMatrixXd x = gaussian(16384, 5, 4);
  const RowMatrixXd init = kmeansPlusPlus(x, 256, 5);
  const RunControl rc = on(id);
  for (auto _ : state) {
    DeviceUse use;
    const LloydResult r = lloyd(x, init, kIterations, rc, use);
    if (!ranOn(state, use, id)) break;
    benchmark::DoNotOptimize(r.codebook.data());
  }
  const double flops = 2.0 * 16384 * 256 * 5 * (kIterations + 1);
  state.counters["GFLOP/s"] = benchmark::Counter(
      flops * static_cast<double>(state.iterations()) / 1e9, benchmark::Counter::kIsRate);
}

// One EMA codebook step (search + count, sum and codeword updates; van den Oord et al. 2017):
// a batch of B points against K codes in d dimensions. The device path uploads the state and
// reads it back every step, as the page pays it.
void emaBench(benchmark::State& state, const std::string& id) {
  const Eigen::Index b = state.range(0), k = state.range(1), d = state.range(2);
  const RowMatrixXd batch = gaussian(b, d, 6);
  EmaCodebook ema(gaussian(k, d, 7), EmaOptions{});
  Rng rng(8);
  const RunControl rc = on(id);
  DeviceUse warm;  // one untimed step: the first use of a kernel builds it
  ema.step(batch, rng, rc, warm);
  for (auto _ : state) {
    DeviceUse use;
    const std::vector<int> index = ema.step(batch, rng, rc, use);
    if (!ranOn(state, use, id)) break;
    benchmark::DoNotOptimize(index.data());
  }
  const double flops =
      2.0 * static_cast<double>(b) * static_cast<double>(k) * static_cast<double>(d);
  state.counters["GFLOP/s"] = benchmark::Counter(
      flops * static_cast<double>(state.iterations()) / 1e9, benchmark::Counter::kIsRate);
}

[[maybe_unused]] const bool kRegistered = [] {
  for (const auto& dev : listDevices()) {
    const std::string id = dev.id;
    benchmark::RegisterBenchmark(("BM_FsqDevice/" + id + "/262144x6").c_str(),
                                 [id](benchmark::State& s) { fsqBench(s, id); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    auto* search = benchmark::RegisterBenchmark(("BM_NearestDevice/" + id).c_str(),
                                                [id](benchmark::State& s) { searchBench(s, id); });
    search->ArgNames({"K", "d"})->Unit(benchmark::kMillisecond)->MinTime(0.2)->UseRealTime();
    for (const int k : {256, 4096, 16384})
      for (const int d : {16, 64}) search->Args({k, d});
    benchmark::RegisterBenchmark(("BM_LloydDevice/" + id + "/16384x5/K256").c_str(),
                                 [id](benchmark::State& s) { lloydBench(s, id); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    auto* ema = benchmark::RegisterBenchmark(("BM_EmaStepDevice/" + id).c_str(),
                                             [id](benchmark::State& s) { emaBench(s, id); });
    ema->ArgNames({"B", "K", "d"})->Unit(benchmark::kMillisecond)->MinTime(0.2)->UseRealTime();
    for (const int b : {256, 4096})
      for (const int k : {1024, 16384})
        for (const int d : {4, 16}) ema->Args({b, k, d});
  }
  return true;
}();

}  // namespace
