// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Speed view: median wall time per computeSoftTopk call, per method and input size.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "latentlab/common/rng.h"
#include "latentlab/topk/topk_lab.h"
#include "soft_topk_opencl.h"

namespace latentlab::topk {
namespace {

// Exact gumbel/gauss expectations cost O(n²k) per quadrature node or enumerate tuples, so beyond
// this size a call takes seconds. Those cells are reported as NaN ("not measured") rather than
// silently switching to Monte Carlo, which would put a different algorithm on the same curve.
constexpr int kMaxExactExpectationN = 2000;
constexpr int kMinRuns = 3;

bool isExpectation(Method m) { return m == Method::GumbelExpect || m == Method::GaussPerturbed; }

double msSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Median of repeated computeSoftTopk(sp, control) calls: at least kMinRuns, more until `budgetMs`
// is spent. `use` gets the last call's device use.
double medianCallMs(const SoftTopkParams& sp, const RunControl& control, double budgetMs,
                    DeviceUse& use) {
  std::vector<double> times;
  const auto cellStart = std::chrono::steady_clock::now();
  while (static_cast<int>(times.size()) < kMinRuns || msSince(cellStart) < budgetMs) {
    control.checkCancelled();
    const auto t0 = std::chrono::steady_clock::now();
    const SoftTopkResult r = computeSoftTopk(sp, control);
    times.push_back(msSince(t0));
    use = r.deviceUse;
    // Never expected; keeps a broken method from looping.
    if (r.p.size() != static_cast<Eigen::Index>(sp.x.size())) break;
  }
  const auto mid = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
  std::nth_element(times.begin(), mid, times.end());
  double median = *mid;
  if (times.size() % 2 == 0) median = 0.5 * (median + *std::max_element(times.begin(), mid));
  return median;
}

}  // namespace

SpeedResult measureSpeed(const SpeedParams& params, const RunControl& control) {
  if (params.methods.empty()) throw ParamError("methods", "choose at least one method to time");
  if (params.sizes.empty()) throw ParamError("sizes", "choose at least one input size");
  for (int n : params.sizes)
    if (n < 1 || n > 10'000'000)
      throw ParamError("sizes", "sizes must be between 1 and 10^7, got " + std::to_string(n));
  if (params.k < 1) throw ParamError("k", "k must be at least 1, got " + std::to_string(params.k));
  if (!(params.tau > 0.0) || !std::isfinite(params.tau))
    throw ParamError("tau", "tau must be a positive finite number");
  if (!(params.budgetMsPerCell > 0.0) || !std::isfinite(params.budgetMsPerCell))
    throw ParamError("budget_ms", "the time budget per cell must be positive");

  const auto nMethods = static_cast<Eigen::Index>(params.methods.size());
  const auto nSizes = static_cast<Eigen::Index>(params.sizes.size());
  SpeedResult out;
  out.methods = params.methods;
  out.sizes = params.sizes;
  out.medianMs =
      Eigen::MatrixXd::Constant(nMethods, nSizes, std::numeric_limits<double>::quiet_NaN());
  // Cancellation only (progress is ours); the CPU rows always on the CPU.
  RunControl cpu = control.cancelOnly();
  cpu.device = "cpu";
  const bool onDevice = !control.device.empty() && control.device != "cpu";
  RunControl device = control.cancelOnly();
  if (onDevice) {
    out.deviceMs = out.medianMs;
    out.deviceUse.device = control.device;
  }

  // One input per size, shared by every method so the rows compare like with like.
  std::vector<std::vector<double>> inputs;
  for (int n : params.sizes) {
    Rng rng(params.seed + static_cast<std::uint64_t>(n));
    std::vector<double> x(static_cast<std::size_t>(n));
    for (auto& v : x) v = rng.normal();
    inputs.push_back(std::move(x));
    control.checkCancelled();
  }

  const double cells = static_cast<double>(nMethods * nSizes);
  for (Eigen::Index mi = 0; mi < nMethods; ++mi) {
    const Method m = params.methods[static_cast<std::size_t>(mi)];
    double previousMs = 0.0;
    for (Eigen::Index si = 0; si < nSizes; ++si) {
      control.checkCancelled();
      const int n = params.sizes[static_cast<std::size_t>(si)];
      const bool tooSlow = previousMs > 2.0 * params.budgetMsPerCell ||
                           (isExpectation(m) && n > kMaxExactExpectationN);
      if (!tooSlow) {
        SoftTopkParams sp;
        sp.x = inputs[static_cast<std::size_t>(si)];
        sp.k = std::max(1, std::min(params.k, n / 2));
        sp.tau = params.tau;
        sp.method = m;
        sp.seed = params.seed;
        sp.expectation = Expectation::Exact;
        DeviceUse use;
        const double median = medianCallMs(sp, cpu, params.budgetMsPerCell, use);
        out.medianMs(mi, si) = median;
        if (onDevice && detail::hasDevicePath(m) && out.deviceUse.fallback.empty()) {
          const double ms = medianCallMs(sp, device, params.budgetMsPerCell, use);
          if (use.fallback.empty()) {
            out.deviceMs(mi, si) = ms;
          } else {  // the device failed: its cells stay NaN, the CPU rows go on
            out.deviceUse = use;
          }
        }
        previousMs = median;
      } else {
        previousMs = std::numeric_limits<double>::infinity();  // larger sizes are slower still
      }
      control.progress(static_cast<double>(mi * nSizes + si + 1) / cells);
    }
  }
  return out;
}

}  // namespace latentlab::topk
