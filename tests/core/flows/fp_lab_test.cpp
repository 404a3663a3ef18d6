// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Particles, the σ-family (Su, kexue.fm/archives/9228) and the page computation.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <omp.h>

#include "latentlab/common/serial_threads.h"
#include "latentlab/flows/fp_lab.h"

namespace latentlab::flows {
namespace {

TEST(FpParticles, Row6EulerMaruyamaMonteCarlo) {
  Drift d;
  d.preset = DriftPreset::OU;
  d.theta = 1.0;
  d.g = 1.0;
  ParticleCloud c(1, 100000, 12345);
  c.sampleMixture({Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}}, {1.0});
  for (int i = 0; i < 100; ++i) c.step(d, 1.0, nullptr, i * 0.01, 0.01);
  EXPECT_NEAR(c.mean(0), 0.73206, 0.0087);
  EXPECT_NEAR(c.variance(0), 0.46868, 0.0084);
}

FpLabParams small1d() {
  FpLabParams p;
  p.dim = FpDim::One;
  p.drift = DriftPreset::OU;
  p.particles = 5000;
  p.gridN = 128;
  p.box = 6.0;
  p.tEnd = 1.0;
  p.snapshots = 10;
  return p;
}

TEST(FpLab, SameSeedSameTrajectories) {
  FpLabParams p = small1d();
  p.sigma = 0.5;
  p.particles = 1500;
  const FpLabResult a = computeFpLab(p), b = computeFpLab(p);
  ASSERT_EQ(a.trajSde.size(), b.trajSde.size());
  ASSERT_FALSE(a.trajSde.empty());
  for (std::size_t k = 0; k < a.trajSde.size(); ++k) {
    EXPECT_EQ(a.trajSde[k], b.trajSde[k]);
    EXPECT_EQ(a.trajSigma[k], b.trajSigma[k]);
  }
  EXPECT_EQ(a.snapshots.back().histSde, b.snapshots.back().histSde);
  p.seed = 2;
  const FpLabResult c = computeFpLab(p);
  EXPECT_NE(a.trajSde[0], c.trajSde[0]);
}

TEST(FpLab, SigmaFamilyHasTheSameMarginals) {
  FpLabParams p = small1d();
  p.sigma = 0.0;  // probability-flow ODE with the grid score
  const FpLabResult r = computeFpLab(p);
  const FpSnapshot& s = r.snapshots.back();
  EXPECT_NEAR(s.t, 1.0, 1e-12);
  EXPECT_NEAR(s.meanClosed[0], 0.7357588823, 1e-9);
  EXPECT_NEAR(s.varClosed, 0.4661661792, 1e-9);
  const double v = s.varClosed;
  // SDE: Monte Carlo bounds (4σ) plus the O(Δt) EM bias (< 1e-3 at this Δt).
  EXPECT_NEAR(s.meanSde[0], 0.73576, 4 * std::sqrt(v / 5000) + 1e-3);
  EXPECT_NEAR(s.varSde, v, 4 * v * std::sqrt(2.0 / 4999) + 1e-3);
  // PF-ODE particles move deterministically from the same start; their spread follows v(t).
  EXPECT_NEAR(s.meanSigma[0], 0.73576, 4 * std::sqrt(v / 5000) + 2e-3);
  EXPECT_NEAR(s.varSigma, v, 4 * v * std::sqrt(2.0 / 4999) + 5e-3);
  // Histogram vs PDE: at the Monte-Carlo floor (within 50 %) for both families.
  EXPECT_LT(s.tvSde, 1.5 * s.noiseFloor);
  EXPECT_LT(s.tvSigma, 1.5 * s.noiseFloor);
  EXPECT_LT(s.tvPdeClosed, 2e-3);
  EXPECT_LT(r.massDrift, 1e-12);
  EXPECT_GE(r.minDensity, -1e-14);
}

TEST(FpLab, WeakFormSidesAgree) {
  FpLabParams p = small1d();
  p.phi = FpPhi::CosKx;
  p.k = 1.0;
  p.snapshots = 20;
  p.particles = 10000;
  const FpLabResult r = computeFpLab(p);
  // Interior frames: central differences of E φ against E[f φ' + ½g²φ''] (MC noise ≈ 0.02
  // for N = 1e4 over two frames of 0.05, plus O(frame²)).
  for (std::size_t i = 3; i + 3 < r.snapshots.size(); i += 3)
    EXPECT_NEAR(r.wfLhs[i], r.snapshots[i].phiRhs, 0.08) << "frame " << i;
}

TEST(FpLab, RejectsNanAndUnstableSteps) {
  FpLabParams p = small1d();
  p.g = std::numeric_limits<double>::quiet_NaN();
  try {
    validate(p);
    FAIL() << "NaN accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "g");
  }
  p = small1d();
  p.dt = 0.05;  // far above the CFL bound (≈ 2.6e−3 here)
  try {
    computeFpLab(p);
    FAIL() << "unstable dt accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "dt");
    EXPECT_NE(std::string(e.what()).find("unstable"), std::string::npos);
  }
  p.dt = 1e-3;  // below the bound: accepted and used as given
  p.particles = 200;
  EXPECT_NEAR(computeFpLab(p).dt, 1e-3, 1e-15);
  EXPECT_THROW(fromParamSet(ParamSet{{"v0", std::nan("")}}, fpLabFields()), ParamError);
  EXPECT_THROW(fromParamSet(ParamSet{{"grid_n", 300.0}}, fpLabFields()), ParamError);
}

TEST(FpLab, FramesLandOnRequestedTimes) {
  FpLabParams p = small1d();
  p.dim = FpDim::Two;
  p.drift = DriftPreset::DoubleWell;
  p.gridN = 64;
  p.box = 2.5;  // the quartic drift makes the CFL step tiny on a wide box
  p.tEnd = 0.5;
  p.particles = 500;
  p.snapshots = 4;
  const FpLabResult r = computeFpLab(p);
  ASSERT_EQ(r.snapshots.size(), 5u);
  for (int i = 0; i <= 4; ++i) EXPECT_NEAR(r.snapshots[i].t, 0.125 * i, 1e-12);
  EXPECT_TRUE(r.stationaryClosedForm);
  EXPECT_LT(r.massDrift, 1e-12);
}

// The grid on one thread and the particles on the other give the numbers of one thread: each
// writes only its own state, and each particle block keeps its own random stream.
TEST(FpLab, TheConcurrentStepGivesTheSerialNumbers) {
  FpLabParams p;  // the defaults: closed-form score, independent grid and particles
  p.gridN = 64;
  p.particles = 1500;
  p.tEnd = 0.3;
  p.snapshots = 3;
  for (const double sigma : {0.0, 0.6}) {  // the probability-flow ODE and a σ-SDE
    p.sigma = sigma;
    FpLabResult serial;
    {
      const SerialOnThisThread one;
      serial = computeFpLab(p);
    }
    const int saved = omp_get_max_threads();
    omp_set_num_threads(2);
    const FpLabResult both = computeFpLab(p);
    omp_set_num_threads(saved);
    ASSERT_EQ(both.snapshots.size(), serial.snapshots.size());
    for (std::size_t i = 0; i < both.snapshots.size(); ++i) {
      EXPECT_EQ(both.snapshots[i].pde, serial.snapshots[i].pde) << sigma << " frame " << i;
      EXPECT_EQ(both.snapshots[i].histSde, serial.snapshots[i].histSde) << sigma << " " << i;
      EXPECT_EQ(both.snapshots[i].histSigma, serial.snapshots[i].histSigma) << sigma << " " << i;
      EXPECT_EQ(both.snapshots[i].varSigma, serial.snapshots[i].varSigma) << sigma << " " << i;
    }
    ASSERT_EQ(both.trajSde.size(), serial.trajSde.size());
    for (std::size_t k = 0; k < both.trajSde.size(); ++k) {
      EXPECT_TRUE(both.trajSde[k] == serial.trajSde[k]) << k;
      EXPECT_TRUE(both.trajSigma[k] == serial.trajSigma[k]) << k;
    }
  }
}

}  // namespace
}  // namespace latentlab::flows
