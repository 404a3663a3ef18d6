// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Timing view: measured time of exact vs Performer vs Transformer-VQ as n grows, and the FLOP model.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "latentlab/attention/efficient_lab.h"
#include "latentlab/attention/exact_attention.h"

namespace latentlab::attention {

using Eigen::Index;
using Eigen::MatrixXd;

double flopModel(int method, double n, double d, double m, double s) {
  switch (method) {
    case 0: return 4.0 * n * n * d + n * n;                      // QKᵀ, AV, exps
    case 1: return 4.0 * n * m * d + 4.0 * n * m * d + 2.0 * n * m;  // 2 projections, K′ᵀV, Q′(·)
    default: return 4.0 * n * s * d + 2.0 * n * s * d + n * s;   // distances, QCᵀ, W·means
  }
}

double crossover(const std::vector<int>& sizes, const Eigen::VectorXd& exact,
                 const Eigen::VectorXd& other) {
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const auto ii = static_cast<Index>(i);
    if (!std::isfinite(exact(ii)) || !std::isfinite(other(ii))) continue;
    if (other(ii) < exact(ii)) {
      if (i == 0 || !std::isfinite(exact(ii - 1)) || !std::isfinite(other(ii - 1)))
        return sizes[i];
      // log(t_other/t_exact) crosses 0 between sizes[i−1] and sizes[i].
      const double a = std::log(other(ii - 1) / exact(ii - 1));
      const double b = std::log(other(ii) / exact(ii));
      const double t = a / (a - b);
      return std::exp(std::log(sizes[i - 1]) + t * (std::log(sizes[i]) - std::log(sizes[i - 1])));
    }
  }
  return std::numeric_limits<double>::quiet_NaN();
}

TimingResult measureTiming(const TimingParams& p, const RunControl& control) {
  TimingResult r;
  r.params = p;
  r.sizes = p.sizes;
  std::sort(r.sizes.begin(), r.sizes.end());
  const Index cols = static_cast<Index>(r.sizes.size());
  r.medianMs = MatrixXd::Constant(3, cols, std::numeric_limits<double>::quiet_NaN());
  r.flops.resize(3, cols);
  const double scale = 1.0 / std::sqrt(static_cast<double>(p.d));
  const int steps = static_cast<int>(3 * cols);
  int step = 0;
  for (Index c = 0; c < cols; ++c) {
    const int n = r.sizes[static_cast<std::size_t>(c)];
    const AttentionInputs in = makeInputs(n, p.d, p.d, 0.35, p.seed);
    const int s = std::min(p.codebookSize, n);
    const MatrixXd omega = randomProjection(p.m, p.d, Projection::Orthogonal, p.seed);
    const MatrixXd code = makeCodebook(in.k, s, CodebookKind::RandomKeys, p.seed, 0);
    struct {
      Eigen::MatrixXf q, k, v;
    } in32;
    Eigen::MatrixXf omega32;
    if (p.float32) {
      in32 = {in.q.cast<float>(), in.k.cast<float>(), in.v.cast<float>()};
      omega32 = omega.cast<float>();
    }
    const auto scale32 = static_cast<float>(scale);
    for (int method = 0; method < 3; ++method) {
      r.flops(method, c) = flopModel(method, n, p.d, p.m, s);
      std::vector<double> times;
      double spent = 0.0;
      // At least one run; more until the budget is used (at most 15 for a stable median).
      while (times.empty() || (spent < p.budgetMsPerCell && times.size() < 15)) {
        control.checkCancelled();
        const auto t0 = std::chrono::steady_clock::now();
        MatrixXd out;
        if (p.float32 && method < 2) {
          const Eigen::MatrixXf o =
              method == 0 ? exactAttentionOutput(in32.q, in32.k, in32.v, scale32, false, control)
                          : performerOutput(in32.q, in32.k, in32.v, omega32, FeatureKind::Positive,
                                            scale32, false);
          out = o.cast<double>();
        } else if (method == 0) {
          out = exactAttentionOutput(in.q, in.k, in.v, scale, false, control);
        } else if (method == 1) {
          out = performerOutput(in.q, in.k, in.v, omega, FeatureKind::Positive, scale, false);
        } else {
          const auto codes = assignCodes(in.k, code);
          out = vqLinearOutput(in.q, code, codes, in.v, scale, false, 64);
        }
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
        if (!out.allFinite()) break;  // never happens for these inputs; keeps the cell NaN
        times.push_back(ms);
        spent += ms;
      }
      if (!times.empty()) {
        std::sort(times.begin(), times.end());
        r.medianMs(method, c) = times[times.size() / 2];
      }
      control.progress(static_cast<double>(++step) / steps);
    }
  }
  // One machine rate from the biggest exact run: the FLOP model drawn in milliseconds.
  const Index last = cols - 1;
  r.msPerGflop = cols > 0 ? r.medianMs(0, last) / (r.flops(0, last) * 1e-9)
                          : std::numeric_limits<double>::quiet_NaN();
  r.performerCrossover = crossover(r.sizes, r.medianMs.row(0).transpose(), r.medianMs.row(1).transpose());
  r.vqCrossover = crossover(r.sizes, r.medianMs.row(0).transpose(), r.medianMs.row(2).transpose());
  return r;
}

}  // namespace latentlab::attention
