// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Exact attention (map and tiled output) vs Performer (m = 64..512) and Transformer-VQ
// (S = 64..1024) at n = 256..16384, d = d_v = 64, bidirectional; plus the page at defaults
// (target: under one 60 Hz frame, 16 ms). The n×n map stops at 4096 (16384² doubles = 2 GiB).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "latentlab/attention/efficient_lab.h"
#include "latentlab/attention/exact_attention.h"

namespace {

using namespace latentlab::attention;

constexpr int kD = 64;

const AttentionInputs& inputs(int n) {
  static std::map<int, AttentionInputs> cache;
  auto it = cache.find(n);
  if (it == cache.end()) it = cache.emplace(n, makeInputs(n, kD, kD, 0.35, 1)).first;
  return it->second;
}

double scale() { return 1.0 / std::sqrt(static_cast<double>(kD)); }

void BM_ExactMap(benchmark::State& state) {
  const auto& in = inputs(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto a = exactAttentionRows(in.q, in.k, scale(), false, in.q.rows());
    benchmark::DoNotOptimize(a.data());
  }
}
BENCHMARK(BM_ExactMap)->Arg(256)->Arg(1024)->Arg(4096)->Unit(benchmark::kMillisecond);

void BM_ExactOutput(benchmark::State& state) {
  const auto& in = inputs(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto o = exactAttentionOutput(in.q, in.k, in.v, scale(), false);
    benchmark::DoNotOptimize(o.data());
  }
}
BENCHMARK(BM_ExactOutput)
    ->Arg(256)
    ->Arg(1024)
    ->Arg(4096)
    ->Arg(16384)
    ->Unit(benchmark::kMillisecond);

// float32 copies of the same inputs (the float32 kernels of exact_attention.h and performer.h).
struct FloatInputs {
  Eigen::MatrixXf q, k, v;
};
const FloatInputs& floatInputs(int n) {
  static std::map<int, FloatInputs> cache;
  auto it = cache.find(n);
  if (it == cache.end()) {
    const auto& in = inputs(n);
    it = cache.emplace(n, FloatInputs{in.q.cast<float>(), in.k.cast<float>(), in.v.cast<float>()})
             .first;
  }
  return it->second;
}

void BM_ExactOutputF32(benchmark::State& state) {
  const auto& in = floatInputs(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto o = exactAttentionOutput(in.q, in.k, in.v, static_cast<float>(scale()), false);
    benchmark::DoNotOptimize(o.data());
  }
}
BENCHMARK(BM_ExactOutputF32)
    ->Arg(256)
    ->Arg(1024)
    ->Arg(4096)
    ->Arg(16384)
    ->Unit(benchmark::kMillisecond);

void BM_PerformerF32(benchmark::State& state) {
  const auto& in = floatInputs(static_cast<int>(state.range(0)));
  const Eigen::MatrixXf omega =
      randomProjection(static_cast<int>(state.range(1)), kD, Projection::Orthogonal, 1)
          .cast<float>();
  for (auto _ : state) {
    auto o = performerOutput(in.q, in.k, in.v, omega, FeatureKind::Positive,
                             static_cast<float>(scale()), false);
    benchmark::DoNotOptimize(o.data());
  }
}
BENCHMARK(BM_PerformerF32)
    ->ArgsProduct({{1024, 4096, 16384}, {64, 256, 512}})
    ->Unit(benchmark::kMillisecond);

void BM_Performer(benchmark::State& state) {
  const auto& in = inputs(static_cast<int>(state.range(0)));
  const auto omega =
      randomProjection(static_cast<int>(state.range(1)), kD, Projection::Orthogonal, 1);
  for (auto _ : state) {
    auto o = performerOutput(in.q, in.k, in.v, omega, FeatureKind::Positive, scale(), false);
    benchmark::DoNotOptimize(o.data());
  }
}
BENCHMARK(BM_Performer)
    ->ArgsProduct({{256, 1024, 4096, 16384}, {64, 256, 512}})
    ->Unit(benchmark::kMillisecond);

// Codebook given (inference), assignment of the keys included.
void BM_TransformerVq(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const auto& in = inputs(n);
  const int s = std::min(n, static_cast<int>(state.range(1)));
  const auto c = makeCodebook(in.k, s, CodebookKind::RandomKeys, 1, 0);
  for (auto _ : state) {
    const auto codes = assignCodes(in.k, c);
    auto o = vqLinearOutput(in.q, c, codes, in.v, scale(), false, 64);
    benchmark::DoNotOptimize(o.data());
  }
}
BENCHMARK(BM_TransformerVq)
    ->ArgsProduct({{256, 1024, 4096, 16384}, {64, 256, 1024}})
    ->Unit(benchmark::kMillisecond);

void BM_EfficientLabDefaults(benchmark::State& state) {
  for (auto _ : state) {
    auto r = computeEfficientLab(EfficientLabParams{});
    benchmark::DoNotOptimize(r.elapsedMs);
  }
}
BENCHMARK(BM_EfficientLabDefaults)->Unit(benchmark::kMillisecond);

void BM_EfficientLabCausal(benchmark::State& state) {
  EfficientLabParams p;
  p.causal = true;
  for (auto _ : state) {
    auto r = computeEfficientLab(p);
    benchmark::DoNotOptimize(r.elapsedMs);
  }
}
BENCHMARK(BM_EfficientLabCausal)->Unit(benchmark::kMillisecond);

// Causal Transformer-VQ with the window bias (block l = 64): the cache lags two blocks, so the
// recent window doubles; the codebook is given and the assignment timed, as above.
void BM_TransformerVqWindowBias(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const auto& in = inputs(n);
  const auto c = makeCodebook(in.k, std::min(n, 256), CodebookKind::RandomKeys, 1, 0);
  const auto bias = windowBias(64, 0.5);
  for (auto _ : state) {
    const auto codes = assignCodes(in.k, c);
    auto o = vqLinearOutput(in.q, c, codes, in.v, scale(), true, 64, {}, bias);
    benchmark::DoNotOptimize(o.data());
  }
}
BENCHMARK(BM_TransformerVqWindowBias)->Arg(1024)->Arg(4096)->Unit(benchmark::kMillisecond);

// The page's heavier views at default size: the iid + orthogonal e_A/e_O sweep (2 × 9 m × 8
// draws) and the Lemma-2 cell (4000 draws × 3 feature kinds).
void BM_EfficientLabView(benchmark::State& state) {
  EfficientLabParams p;
  p.view = static_cast<EfficientView>(state.range(0));
  for (auto _ : state) {
    auto r = computeEfficientLab(p);
    benchmark::DoNotOptimize(r.elapsedMs);
  }
}
BENCHMARK(BM_EfficientLabView)
    ->Arg(static_cast<int>(EfficientView::Features))
    ->Arg(static_cast<int>(EfficientView::Lemma))
    ->Arg(static_cast<int>(EfficientView::Cache))
    ->Unit(benchmark::kMillisecond);

}  // namespace
