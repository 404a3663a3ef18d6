// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// ThreTopK's clip map (Su, kexue.fm/archives/10373): p = clip(z − λ, 0, 1) with Σ p = k, a
// piecewise-linear equation in λ, solved exactly.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "latentlab/common/simd.h"
#include "soft_topk_internal.h"

namespace latentlab::topk::detail {
namespace {

// Among the values c, the largest with pred false and the smallest with pred true (pred is
// monotone: false below some point, true above it), by selection instead of sorting: each step
// takes the median of the candidates left (nth_element, O(size)), asks pred once and drops the
// half it settles. ±∞ when every candidate is on one side.
template <class Pred>
std::pair<double, double> splitBy(std::vector<double> c, Pred pred) {
  double below = -std::numeric_limits<double>::infinity();
  double above = std::numeric_limits<double>::infinity();
  auto first = c.begin(), last = c.end();
  while (first != last) {
    const auto mid = first + (last - first) / 2;
    std::nth_element(first, mid, last);
    const double x = *mid;
    if (pred(x)) {
      above = x;
      last = mid;  // [mid, last) are ≥ x, so true as well
    } else {
      below = x;
      first = mid + 1;  // [first, mid) are ≤ x, so false as well
    }
  }
  return {below, above};
}

// clip, first try: Newton on the piecewise-linear F, safeguarded by the bracket
// F(lo) > k ≥ F(hi). On a segment F(λ) = Σ_A z_i − |A|λ + |U| (A: 0 < z_i − λ < 1, U: z_i − λ ≥ 1),
// so the step λ = (Σ_A z_i + |U| − k)/|A| is the exact root once the sets stop changing, and the
// next pass returns the same λ bit for bit: that is the stopping test. A few O(n) passes instead
// of ~log₂ 2n. No answer (empty) on a plateau (|A| = 0 at the root) or without convergence; the
// selection below handles those.
std::optional<double> clipNewton(const Problem& pr, SoftTopkResult& r, const RunControl& control) {
  const double k = pr.k;
  double lo = pr.z.minCoeff() - 1.0, hi = pr.z.maxCoeff();
  double lam = 0.5 * (lo + hi);
  for (int it = 0; it < 60; ++it) {
    control.checkCancelled();
    if (pr.params.traceSolver) r.lambdaTrace.push_back(lam);
    ++r.iterations;
    // Vectorised and branch-free: at k = n/2 half the entries are active, and a branch per
    // entry mispredicts about every other time.
    const auto sets = simd::clipSets(pr.z.data(), static_cast<std::size_t>(pr.n), lam);
    const double sumA = sets.activeSum;
    const auto nA = static_cast<int>(sets.active), nU = static_cast<int>(sets.upper);
    if (nA == 0) {
      if (nU == k) return std::nullopt;  // on a plateau: the midpoint rule below
      (nU > k ? lo : hi) = lam;
      lam = 0.5 * (lo + hi);
      continue;
    }
    const double next = (sumA + nU - k) / nA;
    if (next == lam) return lam;
    const double f = sumA - nA * lam + nU;
    (f > k ? lo : hi) = lam;
    lam = next > lo && next < hi ? next : 0.5 * (lo + hi);
  }
  return std::nullopt;
}

}  // namespace

// clip: F is piecewise linear with breakpoints z_i − 1 and z_i. Find the two neighbouring
// breakpoints with F(lo) > k ≥ F(hi) (selection over the 2n breakpoints, ~log₂ 2n evaluations
// of F), then solve exactly on the active set A = {0 < z_i − λ < 1}.
double solveClip(const Problem& pr, SoftTopkResult& r, const RunControl& control) {
  r.bracket = {pr.z.minCoeff() - 1.0, pr.z.maxCoeff()};  // F = n at min z − 1 and 0 at max z
  if (const auto lam = clipNewton(pr, r, control)) return *lam;
  const int n = pr.n;
  const double k = pr.k;
  std::vector<double> bp;
  bp.reserve(2 * static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    bp.push_back(pr.z[i] - 1.0);
    bp.push_back(pr.z[i]);
  }
  auto F = [&](double lam) { return (pr.z.array() - lam).max(0.0).min(1.0).sum(); };
  auto atMostK = [&](double lam) {
    control.checkCancelled();
    if (pr.params.traceSolver) r.lambdaTrace.push_back(lam);
    ++r.iterations;
    return F(lam) <= k;
  };
  auto [lo, hi] = splitBy(bp, atMostK);
  if (!std::isfinite(lo)) lo = r.bracket[0];  // F(min z − 1) = n ≤ k: k = n
  if (F(hi) == k) {
    // λ = hi solves; if F stays at k to the right, every λ up to the end of the plateau does:
    // the plateau ends at the largest breakpoint ≥ hi with F = k.
    std::vector<double> right;
    for (const double b : bp)
      if (b >= hi) right.push_back(b);
    const double end = splitBy(std::move(right), [&](double lam) { return F(lam) < k; }).first;
    return 0.5 * (hi + (std::isfinite(end) ? end : hi));
  }
  const double mid = 0.5 * (lo + hi);
  double sumA = 0.0;
  int nA = 0, nU = 0;
  for (int i = 0; i < n; ++i) {
    const double u = pr.z[i] - mid;
    if (u >= 1.0)
      ++nU;
    else if (u > 0.0) {
      sumA += pr.z[i];
      ++nA;
    }
  }
  const double lam = (sumA + nU - k) / nA;  // nA > 0: F strictly decreases on this segment
  return std::clamp(lam, lo, hi);
}

}  // namespace latentlab::topk::detail
