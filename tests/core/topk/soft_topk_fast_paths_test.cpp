// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The fast threshold solvers give the answer of the exact scans they stand in for: the closed
// forms of exp and Laplace located by Newton at large k (traceSolver forces the sort-based scan),
// and clip's Newton on its piecewise-linear equation (against the definition Σ clip(z − λ) = k).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "latentlab/common/rng.h"
#include "latentlab/topk/soft_topk.h"

namespace latentlab::topk {
namespace {

SoftTopkParams scores(Method m, int n, int k, std::uint64_t seed) {
  SoftTopkParams p;
  p.method = m;
  p.k = k;
  p.tau = 0.5;
  Rng rng(seed);
  p.x.resize(static_cast<std::size_t>(n));
  for (double& v : p.x) v = rng.normal();
  return p;
}

TEST(TopkFastPaths, ExpAndLaplaceAtLargeKEqualTheSortedScan) {
  for (const Method m : {Method::ThreExp, Method::ThreLaplace})
    for (const int k : {300, 1000, 1900}) {
      SoftTopkParams p = scores(m, 2000, k, 7);
      const auto fast = computeSoftTopk(p);
      p.traceSolver = true;  // the scan over the sorted scores
      const auto scan = computeSoftTopk(p);
      EXPECT_NEAR(fast.lambda, scan.lambda, 1e-13 * std::max(1.0, std::abs(scan.lambda)))
          << methodId(m) << " k = " << k;
      EXPECT_EQ(fast.saturated, scan.saturated) << methodId(m) << " k = " << k;
      EXPECT_LT((fast.p - scan.p).cwiseAbs().maxCoeff(), 1e-13) << methodId(m) << " k = " << k;
    }
}

TEST(TopkFastPaths, ClipSolvesItsEquationExactly) {
  for (const int k : {1, 16, 500, 999}) {
    const SoftTopkParams p = scores(Method::ThreClip, 1000, k, 3);
    const auto r = computeSoftTopk(p);
    double sum = 0.0;
    for (const double x : p.x) sum += std::clamp(x / p.tau - r.lambda, 0.0, 1.0);
    EXPECT_NEAR(sum, k, 1e-11) << "k = " << k;
    EXPECT_NEAR(r.p.sum(), k, 1e-11) << "k = " << k;
  }
}

}  // namespace
}  // namespace latentlab::topk
