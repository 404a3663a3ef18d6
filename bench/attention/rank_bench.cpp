// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Attention-rank page costs at n = 64..1024 (d = 8): the exact masked attention map, the SVD of
// one matrix with each engine, the metrics of one matrix, and the page's whole recompute.
// Filter: --benchmark_filter=Rank
#include <benchmark/benchmark.h>

#include "latentlab/attention/attention_rank.h"

namespace {

using namespace latentlab::attention;

AttentionRankParams paramsFor(int n) {
  AttentionRankParams p;
  p.n = n;
  p.d = 8;
  p.prefix = n / 4;
  return p;
}

void BM_RankAttentionMatrix(benchmark::State& state) {
  const QkPair qk = makeQk(paramsFor(static_cast<int>(state.range(0))));
  for (auto _ : state) {
    Eigen::MatrixXd a = attentionMatrix(qk.q, qk.k, 1.0, Mask{MaskKind::Causal, 0});
    benchmark::DoNotOptimize(a.data());
  }
}
BENCHMARK(BM_RankAttentionMatrix)
    ->RangeMultiplier(2)
    ->Range(64, 1024)
    ->Unit(benchmark::kMillisecond);

void svdBench(benchmark::State& state, SvdEngine engine) {
  const QkPair qk = makeQk(paramsFor(static_cast<int>(state.range(0))));
  const Eigen::MatrixXd a = attentionMatrix(qk.q, qk.k, 1.0, Mask{MaskKind::Causal, 0});
  for (auto _ : state) {
    Eigen::VectorXd s = singularValues(a, engine);
    benchmark::DoNotOptimize(s.data());
  }
}
void BM_RankSvdBdc(benchmark::State& state) { svdBench(state, SvdEngine::Bdc); }
BENCHMARK(BM_RankSvdBdc)->RangeMultiplier(2)->Range(64, 1024)->Unit(benchmark::kMillisecond);
void BM_RankSvdLapack(benchmark::State& state) { svdBench(state, SvdEngine::Lapack); }
BENCHMARK(BM_RankSvdLapack)->RangeMultiplier(2)->Range(64, 1024)->Unit(benchmark::kMillisecond);
void BM_RankSvdJacobi(benchmark::State& state) { svdBench(state, SvdEngine::Jacobi); }
BENCHMARK(BM_RankSvdJacobi)->RangeMultiplier(2)->Range(64, 256)->Unit(benchmark::kMillisecond);

void BM_RankMetricsCausal(benchmark::State& state) {
  const QkPair qk = makeQk(paramsFor(static_cast<int>(state.range(0))));
  const Eigen::MatrixXd s = attentionLogits(qk.q, qk.k, 1.0 / std::sqrt(8.0));
  const Mask mask{MaskKind::Causal, 0};
  const Eigen::MatrixXd a = maskedRowSoftmax(s, mask);
  for (auto _ : state) {
    MatrixMetrics m = computeMetrics(a, s, mask, qk.q, 8, 1e-3, SvdEngine::Auto);
    benchmark::DoNotOptimize(m.erank);
  }
}
BENCHMARK(BM_RankMetricsCausal)->RangeMultiplier(2)->Range(64, 1024)->Unit(benchmark::kMillisecond);

// Everything the page's main views show (four masks, metrics, certificate, mixed heads).
void BM_RankPageCompute(benchmark::State& state) {
  const AttentionRankParams p = paramsFor(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    AttentionRankResult r = computeAttentionRank(p);
    benchmark::DoNotOptimize(r.elapsedMs);
  }
}
BENCHMARK(BM_RankPageCompute)->RangeMultiplier(2)->Range(64, 1024)->Unit(benchmark::kMillisecond);

void BM_RankDepth(benchmark::State& state) {
  AttentionRankParams p = paramsFor(static_cast<int>(state.range(0)));
  p.depth = 24;
  for (auto _ : state) {
    DepthResult r = computeDepth(p);
    benchmark::DoNotOptimize(r.cases.data());
  }
}
BENCHMARK(BM_RankDepth)->Arg(64)->Arg(256)->Unit(benchmark::kMillisecond);

}  // namespace
