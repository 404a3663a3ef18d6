// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The probability-flow ODE particles of the Fokker–Planck page: Heun and RK4 have the order they
// claim against the closed-form OU path x(t) = m(t) + √(v(t)/v0)(x0 − m0), Euler is first order.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "latentlab/flows/fp_lab.h"

namespace latentlab::flows {
namespace {

constexpr double kM0 = 2.0, kV0 = 0.25, kTheta = 1.0, kG = 1.0;

Drift ou() {
  Drift d;
  d.preset = DriftPreset::OU;
  d.theta = kTheta;
  d.g = kG;
  return d;
}

// Largest |x(T) − exact| over the cloud after T/dt steps of `solver` with the exact score.
double pathError(Solver solver, double dt, double tEnd) {
  const Drift d = ou();
  const Gaussian start{Eigen::Vector2d(kM0, 0.0), kV0};
  ParticleCloud cloud(1, 64, 9);
  cloud.sampleMixture({start}, {1.0});
  const std::vector<double> x0 = cloud.positions();
  const int steps = static_cast<int>(std::lround(tEnd / dt));
  for (int i = 0; i < steps; ++i) {
    const double t = i * dt;
    cloud.odeStep(d, solver, t, dt, [&](const double* x, Stage stage, double* out) {
      const Gaussian law = *evolveGaussian(d, start, stageTime(stage, t, dt));
      out[0] = -(x[0] - law.mean[0]) / law.var;
    });
  }
  double worst = 0.0;
  for (int k = 0; k < cloud.count(); ++k)
    worst = std::max(worst, std::abs(cloud.positions()[k] -
                                     pfOdeOuExact(x0[k], kM0, kV0, kTheta, kG, tEnd)));
  return worst;
}

// Largest |σ-family path − exact| over the lab's recorded trajectory points.
double labPathError(Solver solver, double dt) {
  FpLabParams p;
  p.dim = FpDim::One;
  p.drift = DriftPreset::OU;
  p.sigma = 0.0;
  p.score = FpScore::ClosedForm;
  p.odeIntegrator = solver;
  p.particles = 200;
  p.gridN = 64;
  p.box = 5.0;
  p.tEnd = 0.96;
  p.snapshots = 4;
  p.dt = dt;
  const FpLabResult r = computeFpLab(p);
  EXPECT_TRUE(r.sigmaIsOde);
  EXPECT_EQ(r.odeIntegrator, solver);
  EXPECT_NEAR(r.dt, dt, 1e-15);
  double worst = 0.0;
  for (const Eigen::MatrixXd& path : r.trajSigma)
    for (std::size_t i = 0; i < r.trajTimes.size(); ++i)
      worst = std::max(worst, std::abs(path(static_cast<Eigen::Index>(i), 0) -
                                       pfOdeOuExact(path(0, 0), kM0, kV0, kTheta, kG,
                                                    r.trajTimes[i])));
  return worst;
}

}  // namespace

TEST(FpOde, HalvingDtDividesThePathErrorByTwoToTheOrder) {
  struct Case {
    Solver solver;
    double ratio;  // 2^order
  };
  for (const Case c : {Case{Solver::Euler, 2.0}, Case{Solver::Heun, 4.0}, Case{Solver::Rk4, 16.0}}) {
    const double coarse = pathError(c.solver, 0.01, 1.0), fine = pathError(c.solver, 0.005, 1.0);
    std::printf("[ order ] %s: path error %.3e at dt = 0.01, %.3e at 0.005, ratio %.2f\n",
                solverId(c.solver), coarse, fine, coarse / fine);
    EXPECT_NEAR(coarse / fine, c.ratio, 0.15 * c.ratio) << solverId(c.solver);
  }
  // The second-order default is far closer than Euler at the same step.
  EXPECT_LT(pathError(Solver::Heun, 0.01, 1.0), 0.05 * pathError(Solver::Euler, 0.01, 1.0));
}

TEST(FpOde, TheLabIntegratesTheOdeFamilyWithTheChosenMethod) {
  // dt below the grid's CFL bound (≈ 9e-3 for 64 cells on [−5, 5]), frames of 0.24.
  for (const auto& [solver, ratio] : {std::pair{Solver::Heun, 4.0}, std::pair{Solver::Rk4, 16.0}}) {
    const double coarse = labPathError(solver, 0.008), fine = labPathError(solver, 0.004);
    std::printf("[ lab   ] %s: path error %.3e at dt = 0.008, %.3e at 0.004, ratio %.2f\n",
                solverId(solver), coarse, fine, coarse / fine);
    EXPECT_NEAR(coarse / fine, ratio, 0.2 * ratio) << solverId(solver);
  }
}

TEST(FpOde, EulerIsTheFormerStepAndHeunIsTheDefault) {
  EXPECT_EQ(FpLabParams{}.odeIntegrator, Solver::Heun);
  // odeStep with Euler is bit for bit the σ = 0 Euler step it replaces.
  const Drift d = ou();
  const Gaussian start{Eigen::Vector2d(kM0, 0.0), kV0};
  ParticleCloud a(1, 50, 3), b(1, 50, 3);
  a.sampleMixture({start}, {1.0});
  b.sampleMixture({start}, {1.0});
  for (int i = 0; i < 20; ++i) {
    const double t = i * 0.01;
    const Gaussian law = *evolveGaussian(d, start, t);
    a.step(d, 0.0, nullptr, t, 0.01, &law);
    b.odeStep(d, Solver::Euler, t, 0.01, [&](const double* x, Stage, double* out) {
      out[0] = -(x[0] - law.mean[0]) / law.var;
    });
  }
  EXPECT_EQ(a.positions(), b.positions());
  // With noise (σ > 0) the σ-family stays Euler–Maruyama: not an ODE.
  FpLabParams p;
  p.dim = FpDim::One;
  p.sigma = 0.5;
  p.particles = 100;
  p.snapshots = 2;
  p.tEnd = 0.1;
  EXPECT_FALSE(computeFpLab(p).sigmaIsOde);
}

}  // namespace latentlab::flows
