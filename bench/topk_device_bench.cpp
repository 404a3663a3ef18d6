// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The threshold methods and iter_su on the CPU and on each OpenCL device (soft_topk_opencl.cpp),
// n = 10³..10⁷ N(0,1) scores, k = 16 (iter_su: k = 4), through computeSoftTopk with
// RunControl::device (fp64 on a device that has it). GB/s counts the scores read once per call
// (n × 8 bytes); the solver reads them once per iteration, so the bandwidth used is higher.
// BM_TopkDevice/<method>/<device>/<n>. Run with --benchmark_min_time=0.05.
#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

#include "latentlab/common/device.h"
#include "latentlab/common/rng.h"
#include "latentlab/topk/soft_topk.h"

namespace {

using latentlab::topk::Method;

const std::vector<double>& scores(int n) {
  static std::map<int, std::vector<double>> cache;
  auto& x = cache[n];
  if (x.empty()) {
    latentlab::Rng rng(20240919);
    x.resize(static_cast<std::size_t>(n));
    for (double& v : x) v = rng.normal();
  }
  return x;
}

void run(benchmark::State& state, Method m, const std::string& device, int n) {
  latentlab::topk::SoftTopkParams p;
  p.x = scores(n);
  p.k = m == Method::IterSu ? 4 : 16;
  p.method = m;
  latentlab::RunControl rc;
  rc.device = device;
  latentlab::topk::computeSoftTopk(p, rc);  // warm-up: builds the program, fills pocl's cache
  for (auto _ : state) {
    const auto r = latentlab::topk::computeSoftTopk(p, rc);
    if (r.deviceUse.device != device) {
      state.SkipWithError(("fell back: " + r.deviceUse.fallback).c_str());
      break;
    }
    benchmark::DoNotOptimize(r.p.data());
  }
  state.counters["GB/s"] = benchmark::Counter(static_cast<double>(n) * 8.0 * 1e-9,
                                              benchmark::Counter::kIsIterationInvariantRate);
}

const int kRegistered = [] {
  const Method methods[] = {Method::ThreExp,  Method::ThreSigmoid, Method::ThreLaplace,
                            Method::ThreClip, Method::ThreEntmax,  Method::IterSu};
  for (const auto& d : latentlab::listDevices())
    for (const Method m : methods)
      for (const int n : {1000, 100000, 10000000}) {
        const std::string name = "BM_TopkDevice/" + std::string(latentlab::topk::methodId(m)) +
                                 "/" + d.id + "/" + std::to_string(n);
        benchmark::RegisterBenchmark(name.c_str(),
                                     [m, id = d.id, n](benchmark::State& s) { run(s, m, id, n); })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();  // device time is not host CPU time
      }
  return 0;
}();

}  // namespace
