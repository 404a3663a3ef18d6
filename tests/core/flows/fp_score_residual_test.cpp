// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Closed-form Gaussian score for the σ-SDE (kexue.fm/archives/9228) and the noise-free
// (WF) residual vs Δt.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "latentlab/common/rng.h"
#include "latentlab/flows/fp_lab.h"

using namespace latentlab;
using namespace latentlab::flows;

namespace {

Drift ou1d(double theta = 1.0, double g = 1.0) {
  Drift d;
  d.preset = DriftPreset::OU;
  d.dim = 1;
  d.theta = theta;
  d.g = g;
  return d;
}

std::vector<double> samples(int n, double m, double sd, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<double> x(static_cast<std::size_t>(n));
  for (double& v : x) v = m + sd * rng.normal();
  return x;
}

FpLabParams ouOneD() {
  FpLabParams p;
  p.dim = FpDim::One;
  p.drift = DriftPreset::OU;
  p.sigma = 0.0;  // probability-flow ODE
  p.tEnd = 1.0;
  p.snapshots = 10;
  p.particles = 20000;
  return p;
}

}  // namespace

// E[cos kx] under the OU marginal N(m(t), v(t)) from N(2, 0.25), θ = 1, g = 1.
TEST(FpWeakForm, GaussianExpectationOfCosMatchesRow14) {
  EXPECT_NEAR(gaussianExpectation(FpPhi::CosKx, 1.0, 1.2130613194, 0.4080301397), 0.28553273, 1e-6);
  EXPECT_NEAR(gaussianExpectation(FpPhi::CosKx, 1.0, 0.7357588823, 0.4661661792), 0.58719180, 1e-6);
  EXPECT_NEAR(gaussianExpectation(FpPhi::CosKx, 2.0, 1.2130613194, 0.4080301397), -0.33374348,
              1e-6);
  EXPECT_NEAR(gaussianExpectation(FpPhi::CosKx, 0.5, 0.7357588823, 0.4661661792), 0.88027390, 1e-6);
  EXPECT_DOUBLE_EQ(gaussianExpectation(FpPhi::X2, 0.0, 1.5, 0.3), 2.25 + 0.3);
}

TEST(FpWeakForm, GaussianExpectationOfBumpMatchesQuadrature) {
  const double mean = 0.7, var = 0.4, k = 1.3;
  double sum = 0.0;
  const int n = 20000;
  const double lo = mean - 12 * std::sqrt(var), hi = mean + 12 * std::sqrt(var);
  const double h = (hi - lo) / n;
  for (int i = 0; i < n; ++i) {
    const double y = lo + (i + 0.5) * h;
    sum += std::exp(-0.5 * (y - k) * (y - k)) * std::exp(-0.5 * (y - mean) * (y - mean) / var) /
           std::sqrt(2.0 * std::numbers::pi * var) * h;
  }
  EXPECT_NEAR(gaussianExpectation(FpPhi::Bump, k, mean, var), sum, 1e-10);
}

// For φ = x² the one-step residual is exactly Δt·E[f²] (the dropped Δt² term).
TEST(FpWeakForm, ResidualOfXSquaredIsDtTimesMeanDriftSquared) {
  const Drift d = ou1d(1.3, 0.8);
  const std::vector<double> x = samples(500, 1.0, 0.7, 5);
  double meanF2 = 0.0;
  for (double v : x) meanF2 += 1.3 * 1.3 * v * v / static_cast<double>(x.size());
  for (double dt : {1e-4, 1e-3, 1e-2, 1e-1})
    EXPECT_NEAR(wfStepResidual(d, FpPhi::X2, 0.0, x, 1, 0.0, dt), dt * meanF2, 1e-9 * meanF2)
        << "dt " << dt;
  // φ = x: one EM step is exact in mean, so the residual vanishes for every Δt.
  for (double dt : {1e-4, 1e-2}) EXPECT_NEAR(wfStepResidual(d, FpPhi::X, 0.0, x, 1, 0.0, dt), 0.0, 1e-10);
}

// First order in Δt for every φ: ten times smaller Δt, ten times smaller residual.
TEST(FpWeakForm, ResidualIsFirstOrderInDt) {
  const Drift d = ou1d();
  const std::vector<double> x = samples(2000, 2.0, 0.5, 8);
  for (FpPhi phi : {FpPhi::CosKx, FpPhi::Bump}) {
    const double a = std::abs(wfStepResidual(d, phi, 1.0, x, 1, 0.0, 1e-3));
    const double b = std::abs(wfStepResidual(d, phi, 1.0, x, 1, 0.0, 1e-4));
    EXPECT_GT(a, 0.0);
    EXPECT_NEAR(a / b, 10.0, 0.2) << static_cast<int>(phi);
  }
}

TEST(FpWeakForm, ResidualViewDataFromTheLab) {
  FpLabParams p = ouOneD();
  p.particles = 2000;
  const FpLabResult r = computeFpLab(p);
  ASSERT_EQ(r.residualDt.size(), 13u);
  EXPECT_DOUBLE_EQ(r.residualDt.front(), 1e-4);
  EXPECT_NEAR(r.residualDt.back(), 1e-1, 1e-15);
  for (const auto& s : r.snapshots) {
    ASSERT_EQ(s.wfResidual.size(), 13u);
    // φ = x² (default): residual = Δt·mean f², slope exactly 1 on log-log axes.
    const double slope = std::log(s.wfResidual.back() / s.wfResidual.front()) / std::log(1e3);
    EXPECT_NEAR(slope, 1.0, 1e-9);
    EXPECT_DOUBLE_EQ(s.itoTerm, 1.0);  // ½g² E[φ″] = ½ · 1 · 2
  }
}

// With the exact score −(x − m(t))/v(t) the probability-flow ODE moves each particle
// along x(t) = m(t) + √(v(t)/v0)(x0 − m0); Euler with Δt = 1e-3 is within O(Δt) of it.
TEST(FpClosedFormScore, ParticlesFollowTheExactProbabilityFlow) {
  const Drift d = ou1d();
  const Gaussian start{Eigen::Vector2d(2.0, 0.0), 0.25};
  ParticleCloud cloud(1, 300, 4);
  cloud.sampleMixture({start}, {1.0});
  const std::vector<double> x0 = cloud.positions();
  constexpr int kSteps = 1000;
  for (int i = 0; i < kSteps; ++i) {
    const double t = i * 1e-3;
    const Gaussian law = *evolveGaussian(d, start, t);
    cloud.step(d, 0.0, nullptr, t, 1e-3, &law);
  }
  for (int k = 0; k < cloud.count(); ++k)
    EXPECT_NEAR(cloud.positions()[k], pfOdeOuExact(x0[k], 2.0, 0.25, 1.0, 1.0, 1.0), 3e-3) << k;
}

// The lab's σ-family then matches the closed-form mean and variance within Monte-Carlo error
// (|m̂ − m| ≤ 4√(v/N), |v̂ − v| ≤ 4v√(2/(N−1))), in 1-D and for the 2-D rotating OU.
TEST(FpClosedFormScore, SigmaFamilyMatchesClosedFormMoments) {
  for (FpDim dim : {FpDim::One, FpDim::Two}) {
    FpLabParams p = ouOneD();
    p.dim = dim;
    p.drift = dim == FpDim::One ? DriftPreset::OU : DriftPreset::RotatingOU;
    if (dim == FpDim::Two) {
      // Keep the 2-D grid (which runs alongside) small: 64² cells, T = 0.5, 10⁴ particles.
      p.gridN = 64;
      p.tEnd = 0.5;
      p.particles = 10000;
    }
    const FpLabResult r = computeFpLab(p);
    ASSERT_TRUE(r.closedFormScore);
    const auto& s = r.snapshots.back();
    const double n = p.particles;
    EXPECT_NEAR(s.meanSigma[0], s.meanClosed[0], 4.0 * std::sqrt(s.varClosed / n));
    EXPECT_NEAR(s.meanSigma[1], s.meanClosed[1], 4.0 * std::sqrt(s.varClosed / n) + 1e-12);
    EXPECT_NEAR(s.varSigma, s.varClosed, 4.0 * s.varClosed * std::sqrt(2.0 / (n - 1)));
  }
}

TEST(FpClosedFormScore, OnlyForLinearDriftsFromOneGaussian) {
  FpLabParams p = ouOneD();
  p.particles = 500;
  p.gridN = 64;
  p.tEnd = 0.1;  // the choice is made before the first step: a short run suffices
  p.snapshots = 2;
  p.score = FpScore::Grid;
  EXPECT_FALSE(computeFpLab(p).closedFormScore);
  p.score = FpScore::ClosedForm;
  p.drift = DriftPreset::DoubleWell;
  p.box = 2.5;
  EXPECT_FALSE(computeFpLab(p).closedFormScore);
  p.drift = DriftPreset::OU;
  p.box = 5.0;
  p.initial = FpInitial::TwoBump;
  EXPECT_FALSE(computeFpLab(p).closedFormScore);
  p.initial = FpInitial::Gaussian;
  p.drift = DriftPreset::VpSchedule;
  EXPECT_TRUE(computeFpLab(p).closedFormScore);
}
