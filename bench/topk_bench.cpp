// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Every smooth Top-k method at n = 10³..10⁶ on N(0,1) scores from the project
// RNG (fixed seed), k = 1, 16, n/2. Run with --benchmark_min_time=0.05 (whole run ≈ 2–3 minutes).
//
// Restrictions, so the run stays short:
// * grad_topk, iter_su, iter_se are O(n·k): k = n/2 only for n ≤ 10⁴ (at n = 10⁵ it would be
//   2.5·10⁹ log-add-exp steps, minutes).
// * gumbel_expect / gauss_perturbed: exact quadrature (O(n·k·nodes)) only at n = 10³, where
//   k = n/2 is over the quadrature budget and falls back to Monte Carlo by itself; Monte Carlo
//   elsewhere, with 10⁷/n samples (each sample is O(n)).
#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

#include "latentlab/common/rng.h"
#include "latentlab/topk/soft_topk.h"

namespace {

using latentlab::topk::Expectation;
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

void runMethod(benchmark::State& state, Method m, int n, int k, Expectation e, int samples) {
  latentlab::topk::SoftTopkParams p;
  p.method = m;
  p.x = scores(n);
  p.k = k;
  p.tau = 0.5;
  p.expectation = e;
  p.mcSamples = samples;
  for (auto _ : state) {
    auto r = latentlab::topk::computeSoftTopk(p);
    benchmark::DoNotOptimize(r.p.data());
    state.counters["iters"] = r.iterations;
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}

bool isOnk(Method m) { return m == Method::GradTopk || m == Method::IterSu || m == Method::IterSe; }
bool isPerturbed(Method m) { return m == Method::GumbelExpect || m == Method::GaussPerturbed; }

const bool kRegistered = [] {
  for (Method m : latentlab::topk::kAllMethods) {
    for (int n : {1'000, 10'000, 100'000, 1'000'000}) {
      for (int k : {1, 16, n / 2}) {
        if (k == n / 2 && isOnk(m) && n > 10'000) continue;
        Expectation e = Expectation::Exact;
        int samples = 4096;
        if (isPerturbed(m) && n > 1'000) {
          e = Expectation::MonteCarlo;
          samples = 10'000'000 / n;
        }
        const std::string name =
            std::string(latentlab::topk::methodId(m)) + "/n=" + std::to_string(n) +
            "/k=" + std::to_string(k) +
            (isPerturbed(m) ? (e == Expectation::Exact ? "/exact" : "/mc") : "");
        benchmark::RegisterBenchmark(name.c_str(), [=](benchmark::State& s) {
          runMethod(s, m, n, k, e, samples);
        })->Unit(benchmark::kMillisecond);
      }
    }
  }
  return true;
}();

}  // namespace
