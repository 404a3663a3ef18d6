// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Closed forms (moments, EM discrete law, E[cos kx]) against reference values.
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/flows/fokker_planck.h"

namespace latentlab::flows {
namespace {

Gaussian start1d(double m0, double v0) { return Gaussian{Eigen::Vector2d(m0, 0.0), v0}; }

Drift ou(double theta, double g, int dim = 1) {
  Drift d;
  d.preset = DriftPreset::OU;
  d.theta = theta;
  d.g = g;
  d.dim = dim;
  return d;
}

void expectMoments(const Drift& d, double t, double mean, double var, double tol) {
  const auto gt = evolveGaussian(d, start1d(2.0, 0.25), t);
  ASSERT_TRUE(gt.has_value());
  EXPECT_NEAR(gt->mean[0], mean, tol) << "t = " << t;
  EXPECT_NEAR(gt->var, var, tol) << "t = " << t;
}

TEST(FpClosedForms, Row1OuMoments) {
  const Drift d = ou(1.0, 1.0);
  expectMoments(d, 0.25, 1.5576015661, 0.3483673351, 1e-9);
  expectMoments(d, 0.5, 1.2130613194, 0.4080301397, 1e-9);
  expectMoments(d, 1.0, 0.7357588823, 0.4661661792, 1e-9);
  expectMoments(d, 2.0, 0.2706705665, 0.4954210903, 1e-9);
  expectMoments(d, 5.0, 0.0134758940, 0.4999886500, 1e-9);
}

TEST(FpClosedForms, Row2OuMomentsOtherTheta) {
  const Drift d = ou(0.5, std::sqrt(2.0));
  expectMoments(d, 0.5, 1.5576015661, 0.9385713455, 1e-9);
  expectMoments(d, 1.0, 1.2130613194, 1.3562109779, 1e-9);
  expectMoments(d, 2.0, 0.7357588823, 1.7631632543, 1e-9);
}

TEST(FpClosedForms, Row3OdeOnly) {
  const Drift d = ou(1.0, 0.0);
  expectMoments(d, 0.5, 1.2130613194, 0.0919698603, 1e-9);
  expectMoments(d, 1.0, 0.7357588823, 0.0338338208, 1e-9);
}

TEST(FpClosedForms, Row4Heat) {
  Drift d;
  d.preset = DriftPreset::PureDiffusion;
  d.g = 1.0;
  const auto gt = evolveGaussian(d, start1d(2.0, 0.25), 1.0);
  EXPECT_NEAR(gt->var, 1.25, 1e-12);
  EXPECT_NEAR(gt->mean[0], 2.0, 1e-12);
}

TEST(FpClosedForms, Row5EmDiscreteMoments) {
  const double dts[] = {0.1, 0.05, 0.01, 0.001};
  const double mean[] = {0.6973568802, 0.7169718448, 0.7320646825, 0.7353908495};
  const double var[] = {0.4927222402, 0.4790448819, 0.4686810118, 0.4664163268};
  for (int i = 0; i < 4; ++i) {
    const int steps = static_cast<int>(std::lround(1.0 / dts[i]));
    const auto [m, v] = emOuMoments(2.0, 0.25, 1.0, 1.0, dts[i], steps);
    EXPECT_NEAR(m, mean[i], 1e-9) << dts[i];
    EXPECT_NEAR(v, var[i], 1e-9) << dts[i];
    // Stationary variance 1/(2 − Δt): the long-run limit of the same formula.
    EXPECT_NEAR(emOuMoments(2.0, 0.25, 1.0, 1.0, dts[i], 200000).second, 1.0 / (2.0 - dts[i]),
                1e-9);
  }
}

TEST(FpClosedForms, Row12RotatingOu) {
  Drift d;
  d.preset = DriftPreset::RotatingOU;
  d.dim = 2;
  d.theta = 1.0;
  d.omega = 2.0;
  d.g = 1.0;
  const Gaussian s0{Eigen::Vector2d(2.0, 0.0), 0.25};
  const auto a = evolveGaussian(d, s0, 0.5);
  EXPECT_NEAR(a->mean[0], 0.65541983, 1e-8);
  EXPECT_NEAR(a->mean[1], 1.02075590, 1e-8);
  EXPECT_NEAR(a->var, 0.40803014, 1e-8);
  const auto b = evolveGaussian(d, s0, 1.0);
  EXPECT_NEAR(b->mean[0], -0.30618373, 1e-8);
  EXPECT_NEAR(b->mean[1], 0.66902366, 1e-8);
  EXPECT_NEAR(b->var, 0.46616618, 1e-8);
}

TEST(FpClosedForms, Row13ProbabilityFlowOdeRk4) {
  EXPECT_NEAR(pfOdeOuRk4(1.5, 2.0, 0.25, 1.0, 1.0, 1.0, 200), 0.0529952489, 1e-8);
  EXPECT_NEAR(pfOdeOuRk4(2.5, 2.0, 0.25, 1.0, 1.0, 1.0, 200), 1.4185225158, 1e-8);
  EXPECT_NEAR(pfOdeOuExact(1.5, 2.0, 0.25, 1.0, 1.0, 1.0), 0.0529952489, 1e-9);
}

TEST(FpClosedForms, Row14WeakFormTable) {
  const Drift d = ou(1.0, 1.0);
  struct Row {
    double k, t, eCos, deriv;
  };
  const Row rows[] = {{1.0, 0.5, 0.28553273, 0.900307},
                      {1.0, 1.0, 0.58719180, 0.371270},
                      {2.0, 0.5, -0.33374348, 0.826478},
                      {0.5, 1.0, 0.88027390, 0.117368}};
  for (const Row& r : rows) {
    const auto gt = evolveGaussian(d, start1d(2.0, 0.25), r.t);
    const auto [e, dd] = wfCosOu(r.k, gt->mean[0], gt->var, 1.0, 1.0);
    EXPECT_NEAR(e, r.eCos, 1e-6);
    EXPECT_NEAR(dd, r.deriv, 1e-6);
    // The right side must also be the time derivative of the left: central difference in t.
    const double h = 1e-5;
    const auto gp = evolveGaussian(d, start1d(2.0, 0.25), r.t + h);
    const auto gm = evolveGaussian(d, start1d(2.0, 0.25), r.t - h);
    const double fd = (wfCosOu(r.k, gp->mean[0], gp->var, 1, 1).first -
                       wfCosOu(r.k, gm->mean[0], gm->var, 1, 1).first) /
                      (2 * h);
    EXPECT_NEAR(fd, r.deriv, 1e-6);
  }
}

TEST(FpClosedForms, Row11DoubleWellConstants) {
  const DoubleWellStationary s(1.0);
  EXPECT_NEAR(s.z, 1.4109147, 1e-6);
  EXPECT_NEAR(s.secondMoment(), 0.8521362, 1e-6);
  EXPECT_NEAR(s.density(1.0), 0.708760, 1e-6);
  EXPECT_NEAR(s.density(0.0), 0.095921, 1e-6);
}

TEST(FpClosedForms, VpSchedule) {
  Drift d;
  d.preset = DriftPreset::VpSchedule;
  d.betaMin = 0.1;
  d.betaMax = 10.0;
  const auto gt = evolveGaussian(d, start1d(2.0, 0.25), 1.0);
  const double b = 0.1 + 0.5 * 9.9;  // B(1)
  EXPECT_NEAR(gt->mean[0], 2.0 * std::exp(-0.5 * b), 1e-12);
  EXPECT_NEAR(gt->var, 1.0 - 0.75 * std::exp(-b), 1e-12);
}

}  // namespace
}  // namespace latentlab::flows
