// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Timing view: measured time of exact vs Performer vs Transformer-VQ as n grows, and the FLOP
// model.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "attention/efficient_opencl.h"
#include "latentlab/attention/efficient_lab.h"
#include "latentlab/attention/exact_attention.h"

namespace latentlab::attention {

using Eigen::Index;
using Eigen::MatrixXd;

double flopModel(int method, double n, double d, double m, double s) {
  switch (method) {
    case 0:
      return 4.0 * n * n * d + n * n;  // QKᵀ, AV, exps
    case 1:
      return 4.0 * n * m * d + 4.0 * n * m * d + 2.0 * n * m;  // 2 projections, K′ᵀV, Q′(·)
    default:
      return 4.0 * n * s * d + 2.0 * n * s * d + n * s;  // distances, QCᵀ, W·means
  }
}

double efficientLabFlops(const EfficientLabParams& p) {
  const double s = std::min(p.codebookSize, p.n);
  return 2.0 * flopModel(0, p.n, p.d, p.m, s) + flopModel(1, p.n, p.d, p.m, s) +
         flopModel(2, p.n, p.d, p.m, s);
}

double crossover(const std::vector<int>& sizes, const Eigen::VectorXd& exact,
                 const Eigen::VectorXd& other) {
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const auto ii = static_cast<Index>(i);
    if (!std::isfinite(exact(ii)) || !std::isfinite(other(ii))) continue;
    if (other(ii) < exact(ii)) {
      if (i == 0 || !std::isfinite(exact(ii - 1)) || !std::isfinite(other(ii - 1))) return sizes[i];
      // log(t_other/t_exact) crosses 0 between sizes[i−1] and sizes[i].
      const double a = std::log(other(ii - 1) / exact(ii - 1));
      const double b = std::log(other(ii) / exact(ii));
      const double t = a / (a - b);
      return std::exp(std::log(sizes[i - 1]) + t * (std::log(sizes[i]) - std::log(sizes[i - 1])));
    }
  }
  return std::numeric_limits<double>::quiet_NaN();
}

namespace {

// Median time of `call` (which returns whether its output is finite): at least one run, more until
// `budgetMs` is used (at most 15 for a stable median). NaN when an output is not finite (never
// happens for these inputs).
template <class Call>
double medianMs(double budgetMs, const RunControl& control, Call&& call) {
  std::vector<double> times;
  double spent = 0.0;
  while (times.empty() || (spent < budgetMs && times.size() < 15)) {
    control.checkCancelled();
    const auto t0 = std::chrono::steady_clock::now();
    const bool finite = call();
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!finite) return std::numeric_limits<double>::quiet_NaN();
    times.push_back(ms);
    spent += ms;
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// The OpenCL device to time on, or empty (the CPU was chosen, or `r.deviceUse` says why not).
std::string timingDevice(const RunControl& control, TimingResult& r) {
  if (control.device.empty() || control.device == "cpu") return {};
  const auto info = findDevice(control.device);
  if (info && info->kind == DeviceKind::OpenCl) {
#ifdef LATENTLAB_HAVE_OPENCL
    r.deviceUse.device = control.device;
    return control.device;
#else
    r.deviceUse.fallback = "this build has no OpenCL backend; timed on the CPU only";
#endif
  } else {
    r.deviceUse.fallback = "no device with id " + control.device + "; timed on the CPU only";
  }
  r.deviceUse.requested = control.device;
  return {};
}

}  // namespace

TimingResult measureTiming(const TimingParams& p, const RunControl& control) {
  TimingResult r;
  r.params = p;
  r.sizes = p.sizes;
  std::sort(r.sizes.begin(), r.sizes.end());
  const Index cols = static_cast<Index>(r.sizes.size());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  r.medianMs = MatrixXd::Constant(3, cols, nan);
  r.flops.resize(3, cols);
  std::string device = timingDevice(control, r);
  if (!control.device.empty() && control.device != "cpu")
    r.deviceMs = MatrixXd::Constant(3, cols, nan);
  // The kernels poll for cancel only: the progress is one step per cell, ours.
  const RunControl inner = control.cancelOnly();
  const double scale = 1.0 / std::sqrt(static_cast<double>(p.d));
  const int steps = static_cast<int>((device.empty() ? 3 : 6) * cols);
  int step = 0;
  for (Index c = 0; c < cols; ++c) {
    const int n = r.sizes[static_cast<std::size_t>(c)];
    const AttentionInputs in = makeInputs(n, p.d, p.d, 0.35, p.seed);
    const int s = std::min(p.codebookSize, n);
    const MatrixXd omega = randomProjection(p.m, p.d, Projection::Orthogonal, p.seed);
    const MatrixXd code = makeCodebook(in.k, s, CodebookKind::RandomKeys, p.seed, 0);
    struct {
      Eigen::MatrixXf q, k, v, omega, code;
    } in32;
    if (p.float32 || !device.empty())
      in32 = {in.q.cast<float>(), in.k.cast<float>(), in.v.cast<float>(), omega.cast<float>(),
              code.cast<float>()};
    const auto scale32 = static_cast<float>(scale);
    for (int method = 0; method < 3; ++method) {
      r.flops(method, c) = flopModel(method, n, p.d, p.m, s);
      r.medianMs(method, c) = medianMs(p.budgetMsPerCell, control, [&] {
        MatrixXd out;
        if (p.float32 && method < 2) {
          const Eigen::MatrixXf o =
              method == 0 ? exactAttentionOutput(in32.q, in32.k, in32.v, scale32, false, inner)
                          : performerOutput(in32.q, in32.k, in32.v, in32.omega,
                                            FeatureKind::Positive, scale32, false);
          return o.allFinite();
        }
        if (method == 0) {
          out = exactAttentionOutput(in.q, in.k, in.v, scale, false, inner);
        } else if (method == 1) {
          out = performerOutput(in.q, in.k, in.v, omega, FeatureKind::Positive, scale, false);
        } else {
          const auto codes = assignCodes(in.k, code);
          out = vqLinearOutput(in.q, code, codes, in.v, scale, false, 64);
        }
        return out.allFinite();
      });
      control.progress(static_cast<double>(++step) / steps);
    }
#ifdef LATENTLAB_HAVE_OPENCL
    for (int method = 0; method < 3 && !device.empty(); ++method) {
      const auto call = [&] {
        return ocl::timingCall(device, method, in32.q, in32.k, in32.v, in32.omega, in32.code,
                               scale32, inner);
      };
      try {
        if (c == 0) call();  // builds the kernels: not a time per call
        r.deviceMs(method, c) = medianMs(p.budgetMsPerCell, control, call);
      } catch (const DeviceError& e) {
        r.deviceUse = DeviceUse{"cpu", device, std::string(e.what()) + "; timed on the CPU only"};
        device.clear();
      }
      control.progress(static_cast<double>(++step) / steps);
    }
#endif
  }
  // One machine rate from the biggest exact run: the FLOP model drawn in milliseconds.
  const Index last = cols - 1;
  r.msPerGflop = cols > 0 ? r.medianMs(0, last) / (r.flops(0, last) * 1e-9) : nan;
  r.performerCrossover =
      crossover(r.sizes, r.medianMs.row(0).transpose(), r.medianMs.row(1).transpose());
  r.vqCrossover = crossover(r.sizes, r.medianMs.row(0).transpose(), r.medianMs.row(2).transpose());
  if (r.deviceMs.size() > 0) {
    r.devicePerformerCrossover =
        crossover(r.sizes, r.deviceMs.row(0).transpose(), r.deviceMs.row(1).transpose());
    r.deviceVqCrossover =
        crossover(r.sizes, r.deviceMs.row(0).transpose(), r.deviceMs.row(2).transpose());
  }
  return r;
}

}  // namespace latentlab::attention
