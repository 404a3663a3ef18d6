// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Efficient attention kernels per device: exact output (n = 1024, 4096), Performer FAVOR+
// (n = 4096, 16384, m = 256, positive, orthogonal) and Transformer-VQ (n = 4096, S = 512; codes
// and cache), d = d_v = 64, bidirectional, float32 on "cpu" (exact_attention.h's and
// performer.h's float kernels; Transformer-VQ has only the double one) and on every OpenCL device
// (efficient_opencl.h). GFLOP/s from flopModel (efficient_lab.h). On pocl the OpenCL figures
// are CPU figures too.
#include <benchmark/benchmark.h>

#include <cmath>
#include <map>
#include <string>

#include "attention/efficient_opencl.h"
#include "common/opencl/cl_runtime.h"
#include "latentlab/attention/efficient_lab.h"
#include "latentlab/attention/exact_attention.h"
#include "latentlab/common/device.h"

namespace {

using namespace latentlab;
using namespace latentlab::attention;

constexpr int kD = 64, kM = 256, kS = 512;

struct Inputs {
  AttentionInputs d;
  Eigen::MatrixXf q, k, v, omega, codebook;
  Eigen::MatrixXd omegaD, codebookD;
};

const Inputs& inputs(int n) {
  static std::map<int, Inputs> cache;
  auto it = cache.find(n);
  if (it != cache.end()) return it->second;
  Inputs in;
  in.d = makeInputs(n, kD, kD, 0.35, 1);
  in.q = in.d.q.cast<float>();
  in.k = in.d.k.cast<float>();
  in.v = in.d.v.cast<float>();
  in.omegaD = randomProjection(kM, kD, Projection::Orthogonal, 1);
  in.omega = in.omegaD.cast<float>();
  in.codebookD = makeCodebook(in.d.k, std::min(kS, n), CodebookKind::RandomKeys, 1, 0);
  in.codebook = in.codebookD.cast<float>();
  return cache.emplace(n, std::move(in)).first->second;
}

const float kScale = 1.0f / std::sqrt(static_cast<float>(kD));

void setRate(benchmark::State& state, double flops) {
  state.counters["GFLOP/s"] =
      benchmark::Counter(flops / 1e9, benchmark::Counter::kIsIterationInvariantRate);
}

// Wall time (UseRealTime): the work runs on OpenMP or device threads, not this one. One call
// outside the timed loop builds the programs and CLBlast's kernels for this shape
// (seconds on pocl the first time), so the loop times the kernels alone.
template <class F>
void timed(benchmark::State& state, double flops, F&& call) {
  try {
    call();
  } catch (const DeviceError& e) {
    state.SkipWithError(e.what());
    return;
  }
  for (auto _ : state) call();
  setRate(state, flops);
}

void exactOutput(benchmark::State& state, const std::string& device, int n) {
  const Inputs& in = inputs(n);
  timed(state, flopModel(0, n, kD, kM, kS), [&] {
    if (device == "cpu") {
      auto o = exactAttentionOutput(in.q, in.k, in.v, kScale, false);
      benchmark::DoNotOptimize(o.data());
    } else {
      auto o = ocl::exactAttention(opencl::Device::get(device), in.q, in.k, in.v, kScale, false, 0);
      benchmark::DoNotOptimize(o.output.data());
    }
  });
}

void performer(benchmark::State& state, const std::string& device, int n) {
  const Inputs& in = inputs(n);
  timed(state, flopModel(1, n, kD, kM, kS), [&] {
    if (device == "cpu") {
      auto o = performerOutput(in.q, in.k, in.v, in.omega, FeatureKind::Positive, kScale, false);
      benchmark::DoNotOptimize(o.data());
    } else {
      auto o = ocl::performer(opencl::Device::get(device), in.q, in.k, in.v, in.omega,
                              FeatureKind::Positive, kScale, false, false);
      benchmark::DoNotOptimize(o.output.data());
    }
  });
}

void transformerVq(benchmark::State& state, const std::string& device, int n) {
  const Inputs& in = inputs(n);
  timed(state, flopModel(2, n, kD, kM, std::min(kS, n)), [&] {
    if (device == "cpu") {
      const auto codes = assignCodes(in.d.k, in.codebookD);
      auto o = vqLinearOutput(in.d.q, in.codebookD, codes, in.d.v, kScale, false, 16);
      benchmark::DoNotOptimize(o.data());
    } else {
      auto o =
          ocl::transformerVq(opencl::Device::get(device), in.k, in.codebook, in.q, in.v, kScale);
      benchmark::DoNotOptimize(o.output.data());
    }
  });
}

// Registered at run time: one benchmark per kernel, device and size.
const bool kRegistered = [] {
  for (const auto& info : listDevices()) {
    const std::string id = info.id;
    for (int n : {1024, 4096})
      benchmark::RegisterBenchmark(("BM_ExactOutputDevice/" + id + "/" + std::to_string(n)).c_str(),
                                   [id, n](benchmark::State& s) { exactOutput(s, id, n); })
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    for (int n : {4096, 16384})
      benchmark::RegisterBenchmark(("BM_PerformerDevice/" + id + "/" + std::to_string(n)).c_str(),
                                   [id, n](benchmark::State& s) { performer(s, id, n); })
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    benchmark::RegisterBenchmark(("BM_TransformerVqDevice/" + id + "/4096").c_str(),
                                 [id](benchmark::State& s) { transformerVq(s, id, 4096); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  return true;
}();

}  // namespace
