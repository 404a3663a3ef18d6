// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The float32 particles of the ReFlow page (MixtureVelocity's float overloads and
// integrate(…, Arithmetic::Float32)) against the double path: the velocity, the three solvers'
// trajectories and the page's reported error, within the bounds docs/theory/reflow.md §10 gives.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <cstdio>
#include <vector>

#include "latentlab/common/serial_threads.h"
#include "latentlab/flows/reflow_lab.h"

namespace latentlab::flows {
namespace {

// max |a − b| / max(|b|, 0.1): positions and velocities pass through 0, where a relative error
// means nothing, so they are compared relative to a tenth of the canvas' unit.
double relErr(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return INFINITY;
  return ((a - b).array().abs() / b.array().abs().max(0.1)).maxCoeff();
}

// The page's three kinds of target: Gaussian modes (defaults), a point set with a kernel width
// (moons, s1 = 0.05) and the drawn points.
std::vector<ReflowLabParams> targets() {
  ReflowLabParams gaussians, moons, drawn;
  moons.target = TargetPreset::Moons;
  drawn.target = TargetPreset::Drawn;
  return {gaussians, moons, drawn};
}

TEST(ReflowFloat32, VelocityWithinFloatRoundingOfTheDoublePath) {
  for (const ReflowLabParams& p : targets()) {
    const MixtureVelocity exact(sourceMixture(p), targetMixture(p));
    const Eigen::MatrixXd x = exact.source().sample(3000, 5);  // spans two 2048-row blocks
    for (const double t : {0.0, 0.5, 0.97, 1.0}) {
      const Eigen::MatrixXf v32 = exact.velocityF32(x.cast<float>(), t);
      const double e = relErr(v32.cast<double>(), exact(x, t));
      std::printf("target %d t=%.2f float32 velocity: %.3g\n", static_cast<int>(p.target), t, e);
      // log-weights up to ~10³ at t = 1 (c = s1² = 0.0025) carry ~6e-5 of float rounding.
      EXPECT_LE(e, 1e-3) << "target " << static_cast<int>(p.target) << " t=" << t;
      EXPECT_GT(e, 0.0) << "the float path must really be float";
    }
  }
}

TEST(ReflowFloat32, TrajectoriesWithinTheStatedBound) {
  for (const ReflowLabParams& p : targets()) {
    const MixtureVelocity exact(sourceMixture(p), targetMixture(p));
    const Eigen::MatrixXd z0 = exact.source().sample(700, 9);  // a full and a partial block
    for (const Solver s : {Solver::Euler, Solver::Heun, Solver::Rk4}) {
      std::vector<Eigen::MatrixXd> f32, f64;
      const Eigen::MatrixXd a =
          exact.integrate(z0, 50, s, &f32, RunControl{}, Arithmetic::Float32);
      const Eigen::MatrixXd b = exact.integrate(z0, 50, s, &f64);
      ASSERT_EQ(f32.size(), f64.size());
      EXPECT_EQ(f32.front(), z0) << "frame 0 is the double starting points";
      EXPECT_EQ(f32.back(), a);
      double worst = 0.0;
      for (std::size_t i = 0; i < f64.size(); ++i) worst = std::max(worst, relErr(f32[i], f64[i]));
      std::printf("target %d %s float32 trajectories: %.3g\n", static_cast<int>(p.target),
                  solverId(s), worst);
      EXPECT_LE(worst, 1e-4) << "target " << static_cast<int>(p.target) << " " << solverId(s);
      EXPECT_GT(relErr(a, b), 0.0);
    }
  }
}

TEST(ReflowFloat32, BitIdenticalForAnyThreadCount) {
  const ReflowLabParams p;
  const MixtureVelocity exact(sourceMixture(p), targetMixture(p));
  const Eigen::MatrixXd z0 = exact.source().sample(2000, 3);
  const Eigen::MatrixXd parallel =
      exact.integrate(z0, 20, Solver::Heun, nullptr, RunControl{}, Arithmetic::Float32);
  const SerialOnThisThread serial(true);
  EXPECT_EQ(exact.integrate(z0, 20, Solver::Heun, nullptr, RunControl{}, Arithmetic::Float32),
            parallel);
}

TEST(ReflowFloat32, ThePageReportsItsFloat32Error) {
  ReflowLabParams p;
  p.particles = 3000;
  const ReflowLabResult d = computeReflowLab(p);
  EXPECT_TRUE(std::isnan(d.float32Error)) << "double particles have no float32 error";
  p.precision = Arithmetic::Float32;
  const ReflowLabResult f = computeReflowLab(p);
  ASSERT_TRUE(std::isfinite(f.float32Error));
  // The reported number is the largest |Δ| over every frame of the first 1024 particles.
  double e = 0.0;
  for (std::size_t i = 0; i < d.frames->size(); ++i)
    e = std::max(e, ((*f.frames)[i].topRows(kReflowPreviewParticles) -
                     (*d.frames)[i].topRows(kReflowPreviewParticles))
                        .cwiseAbs()
                        .maxCoeff());
  EXPECT_EQ(f.float32Error, e);
  EXPECT_EQ(f.float32ErrorParticles, kReflowPreviewParticles);
  EXPECT_GT(e, 0.0);
  EXPECT_LE(e, 1e-4);
  // The whole cloud stays as close as the measured head (same operations for every particle).
  EXPECT_LE(relErr(f.snapshot(), d.snapshot()), 1e-4);
  // The field and the reflow rounds do not depend on the particles' arithmetic.
  EXPECT_EQ(f.density, d.density);
  EXPECT_EQ(f.arrowVel, d.arrowVel);
}

}  // namespace
}  // namespace latentlab::flows
