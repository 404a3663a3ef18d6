// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// API, validation, diagnostics, edge cases, determinism and cancellation of computeSoftTopk.
#include "latentlab/topk/soft_topk.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <thread>

#include "../../../core/src/topk/soft_topk_internal.h"  // white box: quadrature vs enumeration
#include "latentlab/common/errors.h"
#include "latentlab/common/logmath.h"
#include "latentlab/common/rng.h"
#include "soft_topk_test_util.h"

namespace latentlab::topk {
namespace {

using testing::kX;
using testing::makeParams;
using testing::maxAbs;
using testing::run;
using testing::vec;
using testing::vecNear;

std::string errorKey(const SoftTopkParams& p, std::string* message = nullptr) {
  try {
    validate(p);
  } catch (const ParamError& e) {
    if (message) *message = e.what();
    return e.key();
  }
  return "";
}

TEST(SoftTopk, MethodIdsLabelsRoundTrip) {
  for (Method m : kAllMethods) {
    EXPECT_EQ(methodFromId(methodId(m)), m);
    EXPECT_FALSE(methodLabel(m).empty());
  }
  EXPECT_EQ(methodId(Method::GradTopk), "grad_topk");
  EXPECT_EQ(methodId(Method::ThreEntmax), "thre_entmax");
  EXPECT_EQ(methodLabel(Method::ThreSigmoid), "ThreTopK-sigmoid (LML)");
  EXPECT_FALSE(methodFromId("nope").has_value());
  EXPECT_TRUE(isThreshold(Method::ThreClip));
  EXPECT_FALSE(isThreshold(Method::GradTopk));
  EXPECT_EQ(jacobianKindLabel(JacobianKind::MonteCarlo), "Monte Carlo");
}

TEST(SoftTopk, ValidationNamesTheField) {
  std::string msg;
  auto p = makeParams(Method::GradTopk, kX, 7, 1.0);
  EXPECT_EQ(errorKey(p, &msg), "k");
  EXPECT_EQ(msg, "k must be between 0 and n = 4, got 7");
  p.k = -1;
  EXPECT_EQ(errorKey(p), "k");
  p = makeParams(Method::GradTopk, {3, 2, std::nan(""), 4}, 2, 1.0);
  EXPECT_EQ(errorKey(p, &msg), "x[2]");
  EXPECT_EQ(msg, "x[2] must be a finite number, got nan");
  p.x = {3, std::numeric_limits<double>::infinity()};
  EXPECT_EQ(errorKey(p, &msg), "x[1]");
  EXPECT_EQ(msg, "x[1] must be a finite number, got inf");
  p.x = {};
  EXPECT_EQ(errorKey(p), "x");
  p = makeParams(Method::GradTopk, kX, 2, 0.0);
  EXPECT_EQ(errorKey(p), "tau");
  p.tau = std::nan("");
  EXPECT_EQ(errorKey(p), "tau");
  p.tau = 1e-310;  // x/τ overflows
  EXPECT_EQ(errorKey(p, &msg), "tau");
  EXPECT_NE(msg.find("overflows"), std::string::npos);
  p = makeParams(Method::ThreEntmax, kX, 2, 1.0);
  p.alpha = 1.0;
  EXPECT_EQ(errorKey(p), "alpha");
  p.alpha = 4.5;
  EXPECT_EQ(errorKey(p), "alpha");
  p.alpha = 4.0;
  EXPECT_EQ(errorKey(p), "");
  p.epsilon = 0.0;
  EXPECT_EQ(errorKey(p), "epsilon");
  p.epsilon = 0.1;
  p.mcSamples = 0;
  EXPECT_EQ(errorKey(p), "mcSamples");
  p.mcSamples = 10'000'001;
  EXPECT_EQ(errorKey(p), "mcSamples");
  p.mcSamples = 10;
  p.maxIter = 0;
  EXPECT_EQ(errorKey(p), "maxIter");
  p.maxIter = 10;
  p.sinkhornMaxIter = 0;
  EXPECT_EQ(errorKey(p), "sinkhornMaxIter");
  p.sinkhornMaxIter = 10;
  p.wantJacobian = true;
  p.x.assign(6000, 0.0);
  EXPECT_EQ(errorKey(p), "wantJacobian");
  // computeSoftTopk rejects at the edge, before any work.
  EXPECT_THROW(computeSoftTopk(makeParams(Method::ThreSigmoid, {1, std::nan("")}, 1, 1.0)),
               ParamError);
}

TEST(SoftTopk, GradTopkTableLimit) {
  auto p = makeParams(Method::GradTopk, std::vector<double>(1'000'000, 0.0), 500'000, 1.0);
  EXPECT_EQ(errorKey(p), "");  // a valid request ...
  try {
    computeSoftTopk(p);  // ... refused by the O(√n·min(k, n−k)) table guard, with the reason
    FAIL() << "expected ParamError";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "k");
    EXPECT_NE(std::string(e.what()).find("too large"), std::string::npos) << e.what();
  }
}

TEST(SoftTopk, HardTopkAndSoftmax) {
  EXPECT_TRUE(vecNear(hardTopk(vec(kX), 2), {1, 0, 0, 1}, 0.0));  // the article's example
  EXPECT_TRUE(vecNear(hardTopk(vec(kX), 3), {1, 1, 0, 1}, 0.0));
  EXPECT_TRUE(vecNear(hardTopk(vec({2, 5, 5, 1, 5}), 2), {0, 1, 1, 0, 0}, 0.0));
  EXPECT_THROW(hardTopk(vec(kX), 5), ParamError);
  EXPECT_TRUE(vecNear(softmax(vec(kX), 1.0),
                      {0.23688281809, 0.087144318742, 0.0320586032801, 0.643914259888}, 1e-11));
}

TEST(SoftTopk, ThresholdFunctions) {
  for (Method m : {Method::ThreExp, Method::ThreSigmoid, Method::ThreLaplace, Method::ThreClip,
                   Method::ThreEntmax}) {
    SCOPED_TRACE(std::string(methodId(m)));
    EXPECT_NEAR(thresholdF(m, -50.0), 0.0, 1e-20);
    EXPECT_NEAR(thresholdF(m, 50.0), 1.0, 1e-20);
    for (double u : {-2.3, -0.7, 0.3, 0.8}) {  // f′ by central differences, away from kinks
      const double h = 1e-6;
      EXPECT_NEAR(thresholdDF(m, u), (thresholdF(m, u + h) - thresholdF(m, u - h)) / (2 * h), 1e-8);
    }
  }
  // Laplace is C¹ at 0: f(0) = ½ and f′(0±) = ½.
  EXPECT_DOUBLE_EQ(thresholdF(Method::ThreLaplace, 0.0), 0.5);
  EXPECT_DOUBLE_EQ(thresholdDF(Method::ThreLaplace, 1e-300), 0.5);
  EXPECT_DOUBLE_EQ(thresholdDF(Method::ThreLaplace, -1e-300), 0.5);
  // Entmax α = 2 is clip(1 + u).
  EXPECT_DOUBLE_EQ(thresholdF(Method::ThreEntmax, -0.25, 2.0), 0.75);
  EXPECT_THROW(thresholdF(Method::GradTopk, 0.0), ParamError);
  EXPECT_DOUBLE_EQ(logAddExp(kNegInf, kNegInf), kNegInf);
  EXPECT_DOUBLE_EQ(logAddExp(kNegInf, 2.0), 2.0);
  EXPECT_NEAR(logSigmoid(-800.0), -800.0, 1e-12);
  EXPECT_DOUBLE_EQ(sigmoid(-800.0), 0.0);
}

TEST(SoftTopk, SolverDiagnostics) {
  auto p = makeParams(Method::ThreSigmoid, kX, 2, 1.0);
  p.traceSolver = true;
  SoftTopkResult r = computeSoftTopk(p);
  // The article's bracket [min z − σ⁻¹(k/n), max z − σ⁻¹(k/n)], σ⁻¹(½) = 0.
  EXPECT_DOUBLE_EQ(r.bracket[0], 1.0);
  EXPECT_DOUBLE_EQ(r.bracket[1], 4.0);
  EXPECT_EQ(static_cast<int>(r.lambdaTrace.size()), r.iterations);
  EXPECT_NEAR(r.lambdaTrace.back(), r.lambda, 0.0);
  EXPECT_LE(r.iterations, 10);  // Newton, not 20 blind bisections
  p.traceSolver = false;
  EXPECT_TRUE(computeSoftTopk(p).lambdaTrace.empty());
  // maxIter reached: reported, not hidden.
  p.maxIter = 1;
  p.x = {3.3, 2.1, 1.7, 4.2};
  r = computeSoftTopk(p);
  EXPECT_EQ(r.iterations, 1);
  EXPECT_NE(r.note.find("maxIter"), std::string::npos);
  // Closed forms: λ from the equation, with the segment it lies in as bracket.
  r = run(Method::ThreExp, kX, 2, 1.0);
  EXPECT_EQ(r.saturated, 1);
  EXPECT_LE(r.bracket[0], r.lambda);
  EXPECT_GE(r.bracket[1], r.lambda);
  EXPECT_GE(r.elapsedMs, 0.0);
  // Laplace m = n branch (λ below every entry; the loop of kexue.fm/archives/10373, §二者兼之,
  // stops at m = n − 1).
  r = run(Method::ThreLaplace, kX, 3, 2.0);
  EXPECT_EQ(r.saturated, 4);
  EXPECT_LT(r.lambda, 0.5);
}

TEST(SoftTopk, ExtremeTemperaturesStayFinite) {
  Rng rng(17);
  std::vector<double> big(50);
  for (double& v : big) v = 100.0 * rng.normal();
  for (Method m : kAllMethods) {
    for (const auto& x : {kX, big}) {
      for (double tau : {1e-3, 1e4}) {
        SCOPED_TRACE(std::string(methodId(m)) + " n=" + std::to_string(x.size()) +
                     " tau=" + std::to_string(tau));
        auto p = makeParams(m, x, 2, tau);
        p.mcSamples = 256;
        const SoftTopkResult r = computeSoftTopk(p);
        EXPECT_TRUE(r.p.allFinite());
        if (m != Method::IterSe) {
          EXPECT_TRUE(r.valid) << r.note;
        }
      }
    }
  }
}

TEST(SoftTopk, MonteCarloIsDeterministicUnderASeed) {
  for (Method m : {Method::GumbelExpect, Method::GaussPerturbed}) {
    auto p = makeParams(m, testing::kY, 2, 0.7);
    p.expectation = Expectation::MonteCarlo;
    p.mcSamples = 3000;
    p.wantJacobian = true;
    const SoftTopkResult a = computeSoftTopk(p);
    const SoftTopkResult b = computeSoftTopk(p);
    EXPECT_EQ(a.p, b.p);  // bit for bit
    EXPECT_EQ(a.jacobian, b.jacobian);
    EXPECT_NE(a.note.find("Monte Carlo"), std::string::npos);
    p.seed = 2;
    EXPECT_NE(computeSoftTopk(p).p, a.p);
    // Within a few standard errors of the exact value.
    p.wantJacobian = false;
    p.expectation = Expectation::Exact;
    EXPECT_LT(maxAbs(a.p, computeSoftTopk(p).p), 0.04);
  }
}

TEST(SoftTopk, QuadratureMatchesEnumeration) {
  // The 1-D quadrature matches the enumeration of ordered k-tuples to 1e-10.
  Rng rng(4);
  for (int n : {4, 6, 8}) {
    Eigen::VectorXd u(n);
    for (int i = 0; i < n; ++i) u[i] = 1.5 * rng.normal();
    for (int k = 1; k < n; k += 2) {
      const Eigen::VectorXd a = detail::gumbelEnumerate(u, k);
      const Eigen::VectorXd b = detail::perturbedQuadrature(u, k, detail::Noise::Gumbel, {});
      EXPECT_LT(maxAbs(a, b), 1e-10) << "n=" << n << " k=" << k;
    }
  }
  // n = 9 takes the quadrature path in computeSoftTopk.
  std::vector<double> x(9);
  for (double& v : x) v = rng.normal();
  const SoftTopkResult r = run(Method::GumbelExpect, x, 3, 0.5);
  EXPECT_NE(r.note.find("quadrature"), std::string::npos);
  EXPECT_LT(maxAbs(r.p, detail::gumbelEnumerate(vec(x) / 0.5, 3)), 1e-10);
}

TEST(SoftTopk, LargeInputsAndFallback) {
  Rng rng(6);
  std::vector<double> x(100'000);
  for (double& v : x) v = rng.normal();
  for (Method m : {Method::GradTopk, Method::ThreExp, Method::ThreSigmoid, Method::ThreLaplace,
                   Method::ThreClip, Method::ThreEntmax, Method::IterSu}) {
    SCOPED_TRACE(std::string(methodId(m)));
    const SoftTopkResult r = run(m, x, 16, 0.1);
    EXPECT_LT(r.sumError, 1e-9);
    EXPECT_TRUE(r.valid);
  }
  // GradTopK with k > n/2 uses the complement (memory O(√n·(n−k))).
  EXPECT_LT(
      run(Method::GradTopk, std::vector<double>(x.begin(), x.begin() + 3000), 2990, 0.5).sumError,
      1e-9);
  // Exact quadrature is too slow for large n: Monte Carlo, and the note says so.
  auto p =
      makeParams(Method::GaussPerturbed, std::vector<double>(x.begin(), x.begin() + 3000), 5, 1.0);
  p.mcSamples = 64;
  const SoftTopkResult r = computeSoftTopk(p);
  EXPECT_NE(r.note.find("fell back to Monte Carlo"), std::string::npos) << r.note;
  EXPECT_LT(r.sumError, 1e-12);
}

TEST(SoftTopk, PresetFlagCancels) {
  std::atomic<bool> flag{true};
  RunControl control;
  control.cancel = &flag;
  for (Method m : kAllMethods)
    EXPECT_THROW(computeSoftTopk(makeParams(m, kX, 2, 1.0), control), Cancelled);
}

TEST(SoftTopk, CancelsInsideALongComputation) {
  // GradTopK at n = 10^5, k = n/2 takes many seconds; a flag set after 20 ms must stop it early.
  std::vector<double> x(100'000);
  Rng rng(3);
  for (double& v : x) v = rng.normal();
  std::atomic<bool> flag{false};
  RunControl control;
  control.cancel = &flag;
  std::thread setter([&flag] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    flag = true;
  });
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_THROW(computeSoftTopk(makeParams(Method::GradTopk, x, 50'000, 1.0), control), Cancelled);
  setter.join();
  // Not a timing assertion on speed: it only proves the flag was polled inside the DP.
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
  // The same through the finite-difference Jacobian (cancel from the progress callback).
  std::atomic<bool> flag2{false};
  RunControl c2;
  c2.cancel = &flag2;
  int columns = 0;
  c2.onProgress = [&](double) {
    if (++columns == 2) flag2 = true;
  };
  auto p = makeParams(Method::OtSinkhorn, testing::kY, 2, 1.0);
  p.wantJacobian = true;
  EXPECT_THROW(computeSoftTopk(p, c2), Cancelled);
  EXPECT_EQ(columns, 2);
}

}  // namespace
}  // namespace latentlab::topk
