// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Side-tuning run: pre-train, then train each method on the same data and seed,
// measuring tape bytes, static bytes and time per step.
#include "latentlab/finetune/side_tuning.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <thread>

#include "latentlab/common/serial_threads.h"

namespace latentlab::finetune {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double learningRate(const SideTuningParams& p, TuneMethod m) {
  switch (m) {
    case TuneMethod::Full: return p.lrFull;
    case TuneMethod::Probe: return p.lrProbe;
    case TuneMethod::Adapter: return p.lrAdapter;
    case TuneMethod::Lora: return p.lrLora;
    case TuneMethod::Lst: return p.lrLst;
  }
  return p.lrFull;
}

bool sameBackbone(const Backbone& a, const Backbone& b) {
  const auto x = a.all();
  const auto y = b.all();
  for (std::size_t i = 0; i < x.size(); ++i)
    if (x[i]->w.rows() != y[i]->w.rows() || x[i]->w.cols() != y[i]->w.cols() ||
        !(x[i]->w.array() == y[i]->w.array()).all())
      return false;
  return true;
}

// Val loss and accuracy in chunks (no tape).
void evaluateVal(MethodModel& model, const Batch& val, double& loss, double& acc) {
  const int n = static_cast<int>(val.labels.size());
  constexpr int kChunk = 256;
  std::vector<int> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  double lossSum = 0.0;
  int correct = 0;
  for (int start = 0; start < n; start += kChunk) {
    const int size = std::min(kChunk, n - start);
    const Batch b = takeBatch(val, order, start, size);
    Eigen::VectorXi pred;
    lossSum += model.evaluate(b, &pred) * size;
    correct += static_cast<int>((pred.array() == b.labels.array()).count());
  }
  loss = lossSum / n;
  acc = static_cast<double>(correct) / n;
}

void waitWhilePaused(const SideTuningHooks& hooks, const RunControl& control) {
  while (hooks.pause && hooks.pause->load(std::memory_order_relaxed)) {
    control.checkCancelled();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace

std::vector<TuneMethod> selectedMethods(const SideTuningParams& p) {
  std::vector<TuneMethod> out;
  const bool on[] = {p.runFull, p.runProbe, p.runAdapter, p.runLora, p.runLst};
  for (std::size_t i = 0; i < kAllTuneMethods.size(); ++i)
    if (on[i]) out.push_back(kAllTuneMethods[i]);
  return out;
}

ModelConfig configFor(const SideTuningParams& p) {
  ModelConfig c;
  switch (p.preset) {
    case SidePreset::Ci: c = ciConfig(); break;
    case SidePreset::Demo: c = demoConfig(); break;
    case SidePreset::Small:
      c.layers = 3;
      c.backbone = Dims{64, 128, 4, 16};
      c.seq = 16;
      c.batch = 16;
      c.symbols = 8;
      c.sources = 4;
      c.reduction = 4;
      c.sideLayers = 3;
      c.adapterM = 8;
      c.loraRank = 4;
      c.loraAlpha = 4.0;
      break;
  }
  c.classes = p.task == SideTask::A ? c.sources : c.symbols;
  if (p.reduction > 0) c.reduction = p.reduction;
  c.sideLayers = p.sideLayers > 0 ? p.sideLayers : c.layers;
  return c;
}

std::vector<MethodSummary> summarizeRuns(const std::vector<MethodRun>& runs,
                                         std::int64_t backboneParams) {
  std::vector<MethodSummary> out;
  for (TuneMethod m : kAllTuneMethods) {
    MethodSummary s;
    s.method = m;
    s.backboneUnchanged = true;
    std::vector<double> accs;
    for (const MethodRun& r : runs) {
      if (r.method != m || !r.finished) continue;
      ++s.runs;
      s.trainable = r.trainable;
      s.tapeBytes = r.tapeBytes;
      s.analyticTapeBytes = r.analyticTapeBytes;
      s.staticBytes = r.staticBytes;
      s.forwardMs += r.forwardMs;
      s.backwardMs += r.backwardMs;
      s.backboneUnchanged = s.backboneUnchanged && r.backboneUnchanged;
      accs.push_back(r.finalAcc);
    }
    if (s.runs == 0) continue;
    s.forwardMs /= s.runs;
    s.backwardMs /= s.runs;
    s.trainablePercent = 100.0 * static_cast<double>(s.trainable) /
                         static_cast<double>(std::max<std::int64_t>(1, backboneParams));
    s.accMean = std::accumulate(accs.begin(), accs.end(), 0.0) / s.runs;
    double var = 0.0;
    for (double a : accs) var += (a - s.accMean) * (a - s.accMean);
    s.accStd = s.runs > 1 ? std::sqrt(var / (s.runs - 1)) : 0.0;
    out.push_back(s);
  }
  return out;
}

SideTuningResult computeSideTuning(const SideTuningParams& params, const RunControl& control,
                                   const SideTuningHooks& hooks) {
  validate(params);
  // Steps are timed single-threaded; the demo's GEMMs are also so small that OpenMP threads cost
  // more than they save (a 20–70× slowdown on a loaded 2-core machine).
  const SerialOnThisThread singleThreaded;
  const auto t0 = Clock::now();
  const ModelConfig cfg = configFor(params);
  const std::vector<TuneMethod> methods = selectedMethods(params);
  SideTuningResult res;
  res.config = cfg;
  res.task = params.task;

  const double totalUnits =
      params.pretrainSteps + static_cast<double>(methods.size()) * params.seeds * params.steps;
  double doneUnits = 0.0;
  auto report = [&] { control.progress(totalUnits > 0 ? doneUnits / totalUnits : 1.0); };

  const std::vector<Mat> sources = markovSources(cfg.sources, cfg.symbols);
  Rng initRng(params.seed);
  Backbone backbone = initBackbone(cfg, initRng);
  res.backboneParams = backbone.parameterCount();
  if (hooks.onPartial) hooks.onPartial(res);  // the first frame: sizes, nothing trained yet
  {
    const auto tp = Clock::now();
    res.pretrainLoss = pretrainBackbone(backbone, cfg, sources, params.pretrainSteps,
                                        params.lrPretrain, params.seed + 77, control,
                                        [&](int step) {
                                          waitWhilePaused(hooks, control);
                                          doneUnits += 1.0;
                                          report();
                                          res.pretrainStepsDone = step + 1;
                                          if (hooks.onPartial) hooks.onPartial(res);
                                        });
    res.pretrainMs = msSince(tp);
    res.pretrainStepsDone = params.pretrainSteps;
  }
  if (hooks.onPartial) hooks.onPartial(res);

  const Batch train = makeTaskData(params.task, cfg, sources, params.trainSize, params.seed * 3 + 1);
  const Batch val = makeTaskData(params.task, cfg, sources, params.valSize, params.seed * 3 + 2);
  Backbone importance;
  const bool usesFisher = params.init == SideInit::Fisher &&
                          std::find(methods.begin(), methods.end(), TuneMethod::Lst) != methods.end();
  if (usesFisher)
    importance = mlmImportance(backbone, cfg, train.tokens.topRows(std::min(64, params.trainSize)),
                               params.seed + 99);

  for (TuneMethod method : methods) {
    for (int rep = 0; rep < params.seeds; ++rep) {
      const std::uint64_t seed = params.seed + static_cast<std::uint64_t>(rep);
      Rng rng(seed * 7919 + 13);
      MethodModel model(method, cfg, backbone, params.init, usesFisher ? &importance : nullptr,
                        rng);
      std::vector<int> order(static_cast<std::size_t>(params.trainSize));
      std::iota(order.begin(), order.end(), 0);
      MethodRun run;
      run.method = method;
      run.seed = seed;
      run.trainable = model.trainableCount();
      run.weights = model.weightCount();
      run.analyticTapeBytes = analyticTapeBytes(method, cfg);
      run.staticBytes = (run.weights + 3 * run.trainable) * Tape::kBytesPerFloat;
      CurvePoint p0;
      evaluateVal(model, val, p0.valLoss, p0.valAcc);
      p0.trainLoss = p0.valLoss;
      run.curve.push_back(p0);
      if (method == TuneMethod::Lst) run.gates.push_back(model.gates());

      Tape tape;
      std::vector<double> fwd, bwd;
      double seconds = 0.0, lossSum = 0.0;
      int lossCount = 0, cursor = 0;
      const double lr = learningRate(params, method);
      for (int step = 1; step <= params.steps; ++step) {
        waitWhilePaused(hooks, control);
        control.checkCancelled();
        if (cursor + cfg.batch > params.trainSize || step == 1) {
          // A new epoch: reshuffle with this run's generator (same for every method).
          for (std::size_t i = order.size() - 1; i > 0; --i)
            std::swap(order[i], order[static_cast<std::size_t>(rng.next() % (i + 1))]);
          cursor = 0;
        }
        const Batch b = takeBatch(train, order, cursor, cfg.batch);
        cursor += cfg.batch;
        // lossAndGrad times its own halves: forward ends when the tape is complete.
        const auto ts = Clock::now();
        const double loss = model.lossAndGrad(b, tape);
        const double fbMs = msSince(ts);
        const auto ta = Clock::now();
        adamStep(model.trainable(), lr, step);
        const double adamMs = msSince(ta);
        const double fwdMs = model.lastForwardMs();
        fwd.push_back(fwdMs);
        bwd.push_back(fbMs - fwdMs + adamMs);
        seconds += (fbMs + adamMs) / 1000.0;
        if (step == 1) {
          run.tapeFloats = tape.floats();
          run.tapeMaskBytes = tape.maskBytes();
          run.tapeBytes = tape.bytes();
        }
        lossSum += loss;
        ++lossCount;
        doneUnits += 1.0;
        if (step % params.evalEvery == 0 || step == params.steps) {
          CurvePoint pt;
          pt.step = step;
          pt.seconds = seconds;
          pt.trainLoss = lossSum / lossCount;
          evaluateVal(model, val, pt.valLoss, pt.valAcc);
          run.curve.push_back(pt);
          if (method == TuneMethod::Lst) run.gates.push_back(model.gates());
          lossSum = 0.0;
          lossCount = 0;
          report();
          if (hooks.onPartial) {
            SideTuningResult snap = res;
            snap.runs.push_back(run);
            snap.elapsedMs = msSince(t0);
            hooks.onPartial(snap);
          }
        }
      }
      // Medians skip 5 warm-up steps when there are enough steps.
      const std::size_t warm = std::min<std::size_t>(5, fwd.size() / 2);
      run.forwardMs = median(std::vector<double>(fwd.begin() + static_cast<long>(warm), fwd.end()));
      run.backwardMs = median(std::vector<double>(bwd.begin() + static_cast<long>(warm), bwd.end()));
      run.finalAcc = run.curve.back().valAcc;
      run.backboneUnchanged = sameBackbone(model.backbone(), backbone);
      run.finished = true;
      res.runs.push_back(std::move(run));
      res.summary = summarizeRuns(res.runs, res.backboneParams);
    }
  }
  res.finished = true;
  res.elapsedMs = msSince(t0);
  control.progress(1.0);
  return res;
}

const std::vector<ClueRow>& suClueResults() {
  static const std::vector<ClueRow> rows{
      {"iflytek", false, 60.06, 60.64, 59.29, 60.41},
      {"tnews", false, 56.80, 58.06, 56.82, 57.12},
      {"afqmc", false, 72.41, 74.05, 70.37, 72.36},
      {"cmnli", false, 79.56, 81.24, 76.27, 75.80},
      {"ocnli", false, 73.93, 76.00, 71.02, 72.07},
      {"wsc", true, 78.62, 87.50, 68.09, 75.00},
      {"csl", false, 83.93, 84.50, 82.63, 84.23},
      {"cmrc2018", true, 56.17, 56.54, 42.50, 39.98},
      {"c3", true, 60.54, 67.66, 56.97, 60.19},
      {"chid", true, 85.69, 86.71, 69.35, 72.55},
      {"cluener", false, 79.45, 79.47, 78.30, 77.80},
  };
  return rows;
}

}  // namespace latentlab::finetune
