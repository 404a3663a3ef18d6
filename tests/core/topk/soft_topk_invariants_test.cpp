// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Invariants every method should meet, and the counter-examples to both iterations.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "latentlab/common/rng.h"
#include "soft_topk_test_util.h"

namespace latentlab::topk {
namespace {

using testing::kX;
using testing::kY;
using testing::makeParams;
using testing::maxAbs;
using testing::run;
using testing::vec;
using testing::vecNear;

std::vector<double> negated(std::vector<double> x) {
  for (double& v : x) v = -v;
  return x;
}

std::vector<double> gaussian(int n, std::uint64_t seed, double scale = 1.0) {
  Rng rng(seed);
  std::vector<double> x(static_cast<std::size_t>(n));
  for (double& v : x) v = scale * rng.normal();
  return x;
}

bool isIteration(Method m) { return m == Method::IterSu || m == Method::IterSe; }

TEST(SoftTopkInvariants, SumAndBox) {  // sum and box
  const std::vector<std::vector<double>> inputs = {kX, kY, gaussian(9, 3), gaussian(6, 4, 3.0)};
  for (Method m : kAllMethods) {
    for (const auto& x : inputs) {
      const int n = static_cast<int>(x.size());
      for (int k = 1; k < n; ++k) {
        for (double tau : {0.1, 1.0, 5.0}) {
          SCOPED_TRACE(std::string(methodId(m)) + " n=" + std::to_string(n) +
                       " k=" + std::to_string(k) + " tau=" + std::to_string(tau));
          const SoftTopkResult r = run(m, x, k, tau);
          EXPECT_LE(r.sumError, 1e-12 * k);
          EXPECT_NEAR(r.p.sum(), k, 1e-12 * k);
          if (!isIteration(m)) {
            EXPECT_TRUE(r.inBox);
            EXPECT_TRUE(r.valid) << r.note;
          }
        }
      }
    }
  }
}

TEST(SoftTopkInvariants, IterationsLeaveTheBox) {  // box, expected failures (both iterations)
  SoftTopkResult r = run(Method::IterSu, {4, 3, 1, -5}, 2, 0.1);
  EXPECT_TRUE(vecNear(r.p, {0.999954602131, 1.0000453958, 2.06874655862e-9, 1.81e-35}, 1e-10));
  EXPECT_FALSE(r.inBox);
  EXPECT_GT(r.p[1], 1.0);
  r = run(Method::IterSu, kX, 3, 0.5);
  EXPECT_FALSE(r.inBox);
  EXPECT_GT(r.p.maxCoeff(), 1.09);
  r = run(Method::IterSe, kY, 3, 0.5);
  EXPECT_FALSE(r.inBox);
  EXPECT_LT(r.p.minCoeff(), -0.1);
}

TEST(SoftTopkInvariants, IterationsAreNotMonotone) {  // counter-examples, kexue.fm/archives/10373
  SoftTopkResult r = run(Method::IterSu, {0.6, 0.8, -2.6}, 2, 1.0);
  EXPECT_TRUE(vecNear(r.p, {0.949848728867, 0.946962045308, 0.103189225824}, 1e-10));
  EXPECT_LT(r.p[1], r.p[0]);  // x₂ > x₁ but p₂ < p₁
  r = run(Method::IterSe, kX, 3, 1.0);
  EXPECT_LT(r.p[3], r.p[1]);  // x₄ is the largest, p₄ is not
  // iter_se at k = 3: τ → 0 limit [2.5, 0.5, 0, …] on the sorted entries.
  r = run(Method::IterSe, kX, 3, 0.05);
  EXPECT_NEAR(r.p[3], 2.5, 1e-6);
  EXPECT_NEAR(r.p[0], 0.5, 1e-6);
  // The normaliser turns negative: x = [3,2,1,4,0], k = 4, τ = 0.1.
  r = run(Method::IterSe, {3, 2, 1, 4, 0}, 4, 0.1);
  EXPECT_FALSE(r.valid);
  EXPECT_NE(r.note.find("invalid (S ≤ 0)"), std::string::npos) << r.note;
}

TEST(SoftTopkInvariants, KEqualsOneReducesToSoftmax) {
  for (const auto& x : {kX, kY, gaussian(8, 12, 2.0)}) {
    for (double tau : {0.1, 0.5, 1.0, 2.0, 10.0}) {
      const Eigen::VectorXd sm = softmax(vec(x), tau);
      for (Method m : {Method::GradTopk, Method::ThreExp, Method::IterSu, Method::IterSe,
                       Method::GumbelExpect}) {
        SCOPED_TRACE(std::string(methodId(m)) + " tau=" + std::to_string(tau));
        EXPECT_LT(maxAbs(run(m, x, 1, tau).p, sm), 1e-14);
      }
      const double lapDiff = maxAbs(run(Method::ThreLaplace, x, 1, tau).p, sm);
      if (sm.maxCoeff() <= 0.5) {
        EXPECT_LT(lapDiff, 1e-14);
      } else {
        EXPECT_GT(lapDiff, 1e-6);
      }
      EXPECT_GT(maxAbs(run(Method::ThreSigmoid, x, 1, tau).p, sm), 1e-6);
    }
  }
  // Counter-example numbers for Laplace at τ = 1 and sigmoid at τ = 1.
  EXPECT_NEAR(run(Method::ThreLaplace, kX, 1, 1.0).p[3], 0.628179548446, 1e-10);
  EXPECT_NEAR(run(Method::ThreSigmoid, kX, 1, 1.0).p[3], 0.526475094057, 1e-10);
}

TEST(SoftTopkInvariants, TiesGiveHalf) {
  for (Method m : kAllMethods) {
    SCOPED_TRACE(std::string(methodId(m)));
    EXPECT_TRUE(vecNear(run(m, {1, 1, 1, 1}, 2, 1.0).p, {0.5, 0.5, 0.5, 0.5}, 1e-12));
  }
  EXPECT_TRUE(vecNear(hardTopk(vec({1, 1, 1, 1}), 2), {1, 1, 0, 0}, 0.0));  // lower index wins
}

TEST(SoftTopkInvariants, EdgeK) {  // k = 0 and k = n
  for (Method m : kAllMethods) {
    SCOPED_TRACE(std::string(methodId(m)));
    EXPECT_TRUE(vecNear(run(m, kX, 0, 1.0).p, {0, 0, 0, 0}, 0.0));
    EXPECT_TRUE(vecNear(run(m, kX, 4, 0.01).p, {1, 1, 1, 1}, 0.0));
    EXPECT_TRUE(vecNear(run(m, {2.5}, 1, 1.0).p, {1}, 0.0));
    EXPECT_TRUE(vecNear(run(m, {2.5}, 0, 1.0).p, {0}, 0.0));
  }
  EXPECT_DOUBLE_EQ(run(Method::GradTopk, kX, 4, 1.0).smoothSum, 10.0);
  EXPECT_DOUBLE_EQ(run(Method::GradTopk, kX, 0, 1.0).smoothSum, 0.0);
}

TEST(SoftTopkInvariants, LowTemperature) {  // τ → 0
  const Eigen::VectorXd t2 = hardTopk(vec(kX), 2);
  auto err = [&](Method m) { return maxAbs(run(m, kX, 2, 0.01).p, t2); };
  for (Method m : {Method::GradTopk, Method::ThreExp, Method::IterSu, Method::GumbelExpect}) {
    SCOPED_TRACE(std::string(methodId(m)));
    EXPECT_LT(err(m), 1e-43);  // ≈ 3.7e-44 = e^{−100}
    EXPECT_GT(err(m), 1e-45);
  }
  EXPECT_NEAR(err(Method::ThreSigmoid) / 1.9e-22, 1.0, 0.05);  // e^{−gap/(2τ)}: twice as soft
  EXPECT_NEAR(err(Method::ThreLaplace) / 9.6e-23, 1.0, 0.05);
  EXPECT_EQ(err(Method::ThreClip), 0.0);
  EXPECT_LT(err(Method::GaussPerturbed), 1e-13);  // exact value ≈ Φ(−70); quadrature rounding
  EXPECT_NEAR(err(Method::IterSe), 0.5, 1e-6);    // must not tend to T_k
}

TEST(SoftTopkInvariants, HighTemperature) {  // τ → ∞
  for (Method m : kAllMethods) {
    SCOPED_TRACE(std::string(methodId(m)));
    const SoftTopkResult r = run(m, kX, 2, 1e4);
    const double dev = (r.p.array() - 0.5).abs().maxCoeff();
    // OT on the max-normalised cost has effective temperature τ·ε·Cmax/2 ≈ 500 here, not 1e4.
    EXPECT_LE(dev, m == Method::OtSinkhorn ? 1e-3 : 2e-4);
    EXPECT_GT(dev, 0.0);
  }
  EXPECT_NEAR((run(Method::GradTopk, kX, 2, 1e4).p.array() - 0.5).abs().maxCoeff(), 5.0e-5, 1e-6);
  EXPECT_NEAR((run(Method::ThreClip, kX, 2, 1e4).p.array() - 0.5).abs().maxCoeff(), 1.5e-4, 1e-6);
}

TEST(SoftTopkInvariants, ShiftInvariance) {
  const auto shifted = [](std::vector<double> x) {
    for (double& v : x) v += 10.0;
    return x;
  };
  for (Method m : kAllMethods) {
    for (const auto& x : {kX, kY}) {
      SCOPED_TRACE(std::string(methodId(m)));
      const double d = maxAbs(run(m, x, 2, 0.5).p, run(m, shifted(x), 2, 0.5).p);
      if (m == Method::OtSinkhorn) {
        EXPECT_GT(d, 0.01);  // max-normalised cost: not shift invariant (Xie et al. 2020)
      } else {
        EXPECT_LT(d, 1e-12);
      }
    }
  }
  auto p = makeParams(Method::OtSinkhorn, kX, 2, 1.0);
  p.otNormaliseCost = false;
  const Eigen::VectorXd a = computeSoftTopk(p).p;
  p.x = shifted(kX);
  EXPECT_LT(maxAbs(a, computeSoftTopk(p).p), 1e-10);
}

TEST(SoftTopkInvariants, ComplementSymmetry) {
  const std::vector<double> nx = negated(kX);
  auto dev = [&](Method m) {
    return maxAbs(run(m, kX, 1, 1.0).p, (1.0 - run(m, nx, 3, 1.0).p.array()).matrix());
  };
  for (Method m : {Method::GradTopk, Method::ThreSigmoid, Method::ThreLaplace, Method::ThreClip,
                   Method::GaussPerturbed}) {
    SCOPED_TRACE(std::string(methodId(m)));
    EXPECT_LT(dev(m), 1e-12);
  }
  EXPECT_NEAR(dev(Method::ThreExp), 0.0871, 5e-4);
  EXPECT_NEAR(dev(Method::IterSu), 0.1495, 5e-4);
  EXPECT_NEAR(dev(Method::GumbelExpect), 0.0556, 5e-4);
  // OT holds without cost normalisation only.
  auto p = makeParams(Method::OtSinkhorn, kX, 1, 1.0);
  p.otNormaliseCost = false;
  const Eigen::VectorXd a = computeSoftTopk(p).p;
  p.x = nx;
  p.k = 3;
  // Two Sinkhorn solves, each to a row-marginal error of 1e-12.
  EXPECT_LT(maxAbs(a, (1.0 - computeSoftTopk(p).p.array()).matrix()), 5e-9);
}

TEST(SoftTopkInvariants, GradTopkDpEqualsBruteForce) {
  Rng rng(31);
  int cases = 0;
  for (int n = 1; n <= 10; ++n) {
    std::vector<double> x(static_cast<std::size_t>(n));
    for (double& v : x) v = 3.0 * rng.normal();
    for (int k = 0; k <= n; ++k) {
      for (double tau : {0.03, 0.1, 0.3, 1.0}) {
        SCOPED_TRACE("n=" + std::to_string(n) + " k=" + std::to_string(k) +
                     " tau=" + std::to_string(tau));
        const Eigen::VectorXd dp = run(Method::GradTopk, x, k, tau).p;
        EXPECT_LT(maxAbs(dp, gradTopkBruteForce(vec(x), k, tau)), 1e-13);
        ++cases;
      }
    }
  }
  EXPECT_EQ(cases, 260);
}

TEST(SoftTopkInvariants, NaiveRecursionFailsWhereTheTableSays) {  // naive recursion, (k, τ) table
  std::vector<double> x(10);
  std::iota(x.begin(), x.end(), 0.0);
  auto err = [&](int k, double tau) {
    const Eigen::VectorXd naive = gradTopkNaive(vec(x), k, tau);
    if (!naive.allFinite()) return std::numeric_limits<double>::infinity();
    return maxAbs(naive, gradTopkBruteForce(vec(x), k, tau));
  };
  // Bold cells: failures (error > 0.01, or overflow).
  EXPECT_NEAR(err(2, 0.03), 1.0, 1e-6);
  EXPECT_NEAR(err(3, 0.1), 0.0136, 1e-4);
  EXPECT_NEAR(err(3, 0.03), 2.0, 1e-6);
  EXPECT_NEAR(err(5, 0.3), 0.0568, 1e-4);
  EXPECT_NEAR(err(5, 0.1), 4.0, 1e-3);
  EXPECT_TRUE(std::isinf(err(5, 0.03)));
  EXPECT_GT(err(8, 1.0), 4e-4);  // 4.8e-4: the mildest bold cell
  EXPECT_NEAR(err(8, 0.3), 6.99, 0.01);
  EXPECT_NEAR(err(8, 0.1), 7.0, 0.01);
  EXPECT_TRUE(std::isinf(err(8, 0.03)));
  // Where the table says it agrees.
  EXPECT_LT(err(2, 1.0), 3e-14);
  EXPECT_LT(err(2, 0.3), 2e-13);
  EXPECT_LT(err(2, 0.1), 1e-10);
  EXPECT_LT(err(3, 1.0), 2e-13);
  EXPECT_LT(err(3, 0.3), 1e-10);
  EXPECT_LT(err(5, 1.0), 1e-10);
  // The small case: x = [3,2,1,4], k = 3, τ = 0.1.
  EXPECT_TRUE(vecNear(gradTopkNaive(vec(kX), 3, 0.1), {0.99415, 0.99410, 4.51e-5, 1.01171}, 1e-5));
  // The stable DP on the same cells.
  for (int k : {2, 3, 5, 8})
    for (double tau : {1.0, 0.3, 0.1, 0.03})
      EXPECT_LT(maxAbs(run(Method::GradTopk, x, k, tau).p, gradTopkBruteForce(vec(x), k, tau)),
                1e-13);
}

TEST(SoftTopkInvariants, GradTopkStressAndSmoothSumBounds) {  // n = 200 stress, smooth-sum bound
  Rng rng(8);
  std::vector<double> x(200);
  for (double& v : x) v = 10.0 * rng.uniform();
  const SoftTopkResult r = run(Method::GradTopk, x, 100, 0.01);
  EXPECT_TRUE(r.inBox);
  EXPECT_LT(r.sumError, 1e-11);
  for (const auto& xs : {kX, kY, gaussian(9, 2, 2.0)}) {
    const int n = static_cast<int>(xs.size());
    std::vector<double> sorted = xs;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    for (int k = 1; k < n; ++k) {
      const double hard = std::accumulate(sorted.begin(), sorted.begin() + k, 0.0);
      for (double tau : {0.1, 0.5, 1.0, 2.0}) {
        const double s = run(Method::GradTopk, xs, k, tau).smoothSum;
        const double logBinom =
            std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0);
        EXPECT_GE(s, hard - 1e-12);
        EXPECT_LE(s, hard + tau * logBinom + 1e-12);
      }
    }
  }
  EXPECT_NEAR(run(Method::GradTopk, kX, 2, 0.5).smoothSum, 7.0805407782, 1e-9);
}

TEST(SoftTopkInvariants, OtEqualsSigmoidAtMatchedTemperature) {
  for (const auto& x : {kX, kY, gaussian(7, 21)}) {
    double cMax = 0.0;
    for (double v : x) cMax = std::max({cMax, v * v, (v + 1.0) * (v + 1.0)});  // s = −x
    for (int k : {1, 2, 3}) {
      for (double eps : {0.02, 0.1, 0.5}) {
        auto p = makeParams(Method::OtSinkhorn, x, k, 1.0);
        p.epsilon = eps;
        const SoftTopkResult ot = computeSoftTopk(p);
        EXPECT_TRUE(ot.note.empty()) << ot.note;
        EXPECT_LT(maxAbs(ot.p, run(Method::ThreSigmoid, x, k, eps * cMax / 2.0).p), 1e-9);
      }
    }
  }
}

TEST(SoftTopkInvariants, L1ErrorTable) {  // x = [3,2,1,4], k = 2
  const Eigen::VectorXd t2 = hardTopk(vec(kX), 2);
  struct L1Row {
    double tau, grad, exp, sig, lap, su, se;
  };
  const std::vector<L1Row> rows = {
      {0.1, 9.0804e-5, 9.0800e-5, 0.013386, 0.0067383, 9.0886e-5, 0.99995},
      {0.5, 0.29813, 0.26637, 0.63273, 0.41767, 0.40190, 0.89696},
      {1, 0.84958, 0.66952, 1.11993, 0.82966, 0.87306, 0.83182},
      {2, 1.35969, 1.07577, 1.51729, 1.25117, 1.27326, 1.21773},
  };
  auto l1 = [&](Method m, double tau) { return (run(m, kX, 2, tau).p - t2).lpNorm<1>(); };
  for (const L1Row& r : rows) {
    SCOPED_TRACE("tau=" + std::to_string(r.tau));
    const std::vector<std::pair<Method, double>> cells = {
        {Method::GradTopk, r.grad},   {Method::ThreExp, r.exp}, {Method::ThreSigmoid, r.sig},
        {Method::ThreLaplace, r.lap}, {Method::IterSu, r.su},   {Method::IterSe, r.se}};
    for (const auto& [m, want] : cells) EXPECT_NEAR(l1(m, r.tau), want, 6e-5 * want + 1e-9);
  }
}

}  // namespace
}  // namespace latentlab::topk
