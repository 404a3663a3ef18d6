// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

// The threshold solvers of soft_topk_threshold.cpp, shared with the OpenCL path
// (soft_topk_opencl.cpp): the same safeguarded Newton iteration whether Σ f(z − λ) comes from
// the vectorised CPU loop or from a device reduction, so both paths take the same steps. Not
// installed.

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "soft_topk_internal.h"

namespace latentlab::topk::detail {

/// F(λ) + k = Σ f(z_i − λ) and Σ f′(z_i − λ).
struct FSums {
  double f = 0.0, d = 0.0;
};

struct SolveOut {
  double lambda = 0.0;
  int iterations = 0;
  bool converged = false;
};

/// Safeguarded Newton on F(λ) = Σ f(z_i − λ) − k (decreasing), bisection whenever the Newton step
/// leaves the bracket. Stops on |F| ≤ tol or width ≤ 4·eps·max(1,|λ|), not the fixed 20
/// bisections of the listing in kexue.fm/archives/10373, §通用结果. `sums(λ)` gives FSums.
template <class Sums>
SolveOut newtonSolve(int k, int maxIter, double lo, double hi, double tol, SoftTopkResult* r,
                     const RunControl& control, const Sums& sums) {
  constexpr double kEps = std::numeric_limits<double>::epsilon();
  SolveOut out;
  double lam = 0.5 * (lo + hi);
  for (int it = 1; it <= maxIter; ++it) {
    control.checkCancelled();
    out.iterations = it;
    if (r) r->lambdaTrace.push_back(lam);
    const FSums s = sums(lam);
    const double f = s.f - static_cast<double>(k), d = s.d;
    out.lambda = lam;
    if (std::abs(f) <= tol) {
      out.converged = true;
      break;
    }
    if (f > 0.0)
      lo = lam;  // too much mass: λ must grow
    else
      hi = lam;
    if (hi - lo <= 4.0 * kEps * std::max(1.0, std::abs(lam))) {
      out.converged = true;
      break;
    }
    double next = d > 0.0 ? lam + f / d : std::numeric_limits<double>::quiet_NaN();
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    lam = next;
  }
  return out;
}

/// The CPU's stopping tolerance on |F|: 1e-13·max(1, k).
inline double newtonTolerance(int k) { return 1e-13 * std::max(1.0, static_cast<double>(k)); }

/// Closed-form λ with m saturated entries (exp, Laplace).
struct ClosedForm {
  double lambda = 0.0;
  int m = 0;
};

/// exp / Laplace by the sorted scan over m (fills r.bracket and, when traced, r.lambdaTrace).
ClosedForm closedFormScan(const Problem& pr, SoftTopkResult& r);

/// Laplace's λ for m saturated entries from l1 = log Σ_S e^{−z}, l2 = log Σ_rest e^{z}, a = k − m.
double laplaceLambda(double l1, double l2, double a);

/// The Newton bracket of exp / Laplace before the closed form: [lo, hi] with F(lo) ≥ k ≥ F(hi).
inline std::pair<double, double> closedFormBracket(Method m, double zMin, double zMax, int n,
                                                   int k) {
  const double lo = m == Method::ThreExp ? zMin : zMin - std::log(double(n)) - 1.0;
  const double hi = zMax + std::log(double(n) / double(k)) + (m == Method::ThreExp ? 0.0 : 1.0);
  return {lo, hi};
}

}  // namespace latentlab::topk::detail
