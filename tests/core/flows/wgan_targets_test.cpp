// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The triangle and drawn-point targets on the ReFlow → WGAN-GP page.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "latentlab/flows/wgan_lab.h"

using namespace latentlab;
using namespace latentlab::flows;

namespace {

std::string keyOf(const WganLabParams& p) {
  try {
    validate(p);
  } catch (const ParamError& e) {
    return e.key();
  }
  return {};
}

}  // namespace

// RF tutorial triangle: vertices (∓5√3, −5), (0, 5√3) with variance 0.3, equal weights.
TEST(WganTargets, TriangleHasThreeEqualModesOfVarianceZeroPointThree) {
  const double a = 5.0 * std::sqrt(3.0);
  const std::array<std::array<double, 2>, 3> v{{{-a, -5.0}, {a, -5.0}, {0.0, a}}};
  const Eigen::MatrixXd x = sampleTarget(WganTarget::Triangle, 6000, 4);
  std::array<int, 3> count{};
  std::array<double, 3> sq{};
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    std::size_t best = 0;
    double bestD = 1e300;
    for (std::size_t k = 0; k < 3; ++k) {
      const double d = std::hypot(x(i, 0) - v[k][0], x(i, 1) - v[k][1]);
      if (d < bestD) bestD = d, best = k;
    }
    ++count[best];
    sq[best] += bestD * bestD;
  }
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_NEAR(count[k], 2000, 150) << "vertex " << k;  // ±4.1 binomial sd
    // E‖x − v‖² = 2 · 0.3 per point; 2000 points give a relative sd of ≈ 2.2 %.
    EXPECT_NEAR(sq[k] / count[k], 0.6, 0.06) << "vertex " << k;
  }
}

TEST(WganTargets, DrawnPointsAreNarrowBumps) {
  const Eigen::MatrixXd x = sampleTarget(WganTarget::Drawn, 4000, 9, {1.0, 2.0, -1.0, 2.0});
  EXPECT_NEAR(x.col(1).mean(), 2.0, 0.005);
  EXPECT_NEAR(x.col(0).mean(), 0.0, 0.05);
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    EXPECT_LT(std::min(std::hypot(x(i, 0) - 1, x(i, 1) - 2), std::hypot(x(i, 0) + 1, x(i, 1) - 2)),
              0.05 * 6);
  EXPECT_THROW(sampleTarget(WganTarget::Drawn, 10, 1, {}), ParamError);
}

TEST(WganTargets, DrawnPointsAreCheckedWithTheirKey) {
  WganLabParams p;
  p.target = WganTarget::Drawn;
  p.drawn = {};
  EXPECT_EQ(keyOf(p), "drawn");
  p.drawn = {1.0, 2.0, 3.0};
  EXPECT_EQ(keyOf(p), "drawn");
  p.drawn = {1.0, std::nan("")};
  EXPECT_EQ(keyOf(p), "drawn[1]");  // vector entries are named by index
  p.drawn = {1.0, 11.0};
  EXPECT_EQ(keyOf(p), "drawn[1]");
  p.drawn = {1.0, 2.0};
  EXPECT_EQ(keyOf(p), "");
  p.target = WganTarget::EightGaussians;
  p.drawn = {};
  EXPECT_EQ(keyOf(p), "");  // empty drawn points are fine while another target is chosen
}

TEST(WganTargets, ViewWidensToFitTheTarget) {
  EXPECT_EQ(targetExtent(WganTarget::EightGaussians), 3.0);
  EXPECT_EQ(targetExtent(WganTarget::Triangle), 11.5);
  EXPECT_EQ(targetExtent(WganTarget::Drawn, {0.5, -5.0}), 5.5);
  EXPECT_EQ(targetExtent(WganTarget::Drawn, {0.5, 1.0}), 3.0);
  WganLabParams p;
  p.target = WganTarget::Triangle;
  p.rounds = 1;
  const WganLabResult r = computeWganLab(p);
  EXPECT_EQ(r.viewBox, 11.5);
  EXPECT_NEAR(r.gridAxis.front(), -11.5 + 11.5 / 64, 1e-12);
}

// Two drawn points: the particles split between them (the ℓ = 0.5 critic is smoother than the
// 0.05 bumps, so they gather within ≈ 0.5 rather than onto the points).
TEST(WganTargets, ParticlesMoveToDrawnPoints) {
  WganLabParams p;
  p.target = WganTarget::Drawn;
  p.drawn = {-1.5, 0.0, 1.5, 0.0};
  const WganLabResult r = computeWganLab(p);
  const auto& first = r.snapshots.front();
  const auto& last = r.snapshots.back();
  EXPECT_LT(last.sw2, 0.4 * first.sw2);
  int left = 0, right = 0;
  for (Eigen::Index i = 0; i < last.particles.rows(); ++i) {
    if (std::hypot(last.particles(i, 0) + 1.5, last.particles(i, 1)) < 0.5) ++left;
    if (std::hypot(last.particles(i, 0) - 1.5, last.particles(i, 1)) < 0.5) ++right;
  }
  EXPECT_GT(left, 100);
  EXPECT_GT(right, 100);
}
