// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// One training step (forward with tape, backward, Adam) per method, single-threaded,
// at the page's default preset ("small") and the demo preset. Counters: retained tape
// bytes per batch and trainable parameters, so LST/full ratios can be read beside the time.
#include <benchmark/benchmark.h>
#include <Eigen/Core>

#include "latentlab/finetune/side_tuning.h"

namespace {

using namespace latentlab::finetune;

void sideStep(benchmark::State& state, SidePreset preset) {
  Eigen::setNbThreads(1);
  const auto method = static_cast<TuneMethod>(state.range(0));
  SideTuningParams p;
  p.preset = preset;
  const ModelConfig cfg = configFor(p);
  latentlab::Rng rng(1);
  const Backbone backbone = initBackbone(cfg, rng);
  MethodModel model(method, cfg, backbone, SideInit::Random, nullptr, rng);
  const Batch batch =
      makeTaskData(SideTask::A, cfg, markovSources(cfg.sources, cfg.symbols), cfg.batch, 3);
  Tape tape;
  int step = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(model.lossAndGrad(batch, tape));
    adamStep(model.trainable(), 1e-3, ++step);
  }
  state.counters["tape_bytes"] = static_cast<double>(tape.bytes());
  state.counters["trainable"] = static_cast<double>(model.trainableCount());
  state.SetLabel(std::string(tuneMethodId(method)));
}

void BM_SideStepSmall(benchmark::State& state) { sideStep(state, SidePreset::Small); }
void BM_SideStepDemo(benchmark::State& state) { sideStep(state, SidePreset::Demo); }

BENCHMARK(BM_SideStepSmall)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SideStepDemo)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

}  // namespace
