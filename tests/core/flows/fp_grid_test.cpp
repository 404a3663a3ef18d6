// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Finite-volume solver: mass, positivity, OU, rotating OU and double-well closed forms.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "latentlab/flows/fokker_planck.h"

namespace latentlab::flows {
namespace {

Drift makeDrift(DriftPreset preset, double g, int dim = 1) {
  Drift d;
  d.preset = preset;
  d.theta = 1.0;
  d.omega = 2.0;
  d.g = g;
  d.dim = dim;
  return d;
}

// Runs to time T with C × the stable step; returns the smallest density seen.
double run(FpGrid& grid, FluxScheme scheme, double T, double c) {
  const double bound = grid.stableDt(0.0, T);
  const int steps = static_cast<int>(std::ceil(T / (c * bound)));
  const double dt = T / steps;
  double minP = 0.0;
  for (int i = 0; i < steps; ++i) {
    grid.step(scheme, i * dt, dt);
    minP = std::min(minP, *std::min_element(grid.density().begin(), grid.density().end()));
  }
  return minP;
}

struct Stats {
  double mean, var;
};

Stats moments(const FpGrid& g) {
  double s = 0, sx = 0, sxx = 0;
  for (int i = 0; i < g.n(); ++i) {
    const double x = g.center(i), p = g.density()[i];
    s += p, sx += p * x, sxx += p * x * x;
  }
  return {sx / s, sxx / s - (sx / s) * (sx / s)};
}

TEST(FpGrid, Row7MassConservedOver1e4Steps) {
  for (FluxScheme scheme :
       {FluxScheme::MusclMc, FluxScheme::ScharfetterGummel, FluxScheme::Upwind}) {
    FpGrid grid(1, 120, -6.0, 6.0, makeDrift(DriftPreset::OU, 1.0));
    grid.setMixture({Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}}, {1.0});
    const double m0 = grid.mass();
    const double dt = 0.45 * grid.stableDt(0.0, 1.0);
    for (int i = 0; i < 10000; ++i) grid.step(scheme, i * dt, dt);
    EXPECT_NEAR(grid.mass(), m0, 1e-12 * m0);
  }
  FpGrid grid2(2, 32, -6.0, 6.0, makeDrift(DriftPreset::RotatingOU, 1.0, 2));
  grid2.setMixture({Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}}, {1.0});
  const double m0 = grid2.mass();
  const double dt = 0.45 * grid2.stableDt(0.0, 1.0);
  for (int i = 0; i < 10000; ++i) grid2.step(FluxScheme::MusclMc, i * dt, dt);
  EXPECT_NEAR(grid2.mass(), m0, 1e-12 * m0);
}

TEST(FpGrid, Row8OuAgainstGaussian) {
  const Drift d = makeDrift(DriftPreset::OU, 1.0);
  FpGrid grid(1, 240, -6.0, 6.0, d);
  grid.setMixture({Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}}, {1.0});
  const double minP = run(grid, FluxScheme::MusclMc, 1.0, 0.45);
  FpGrid exact(1, 240, -6.0, 6.0, d);
  exact.setMixture({Gaussian{Eigen::Vector2d(0.7357589, 0.0), 0.4661662}}, {1.0});
  EXPECT_LE(totalVariation(grid.density(), exact.density(), grid.h()), 5e-4);
  const Stats s = moments(grid);
  EXPECT_NEAR(s.mean, 0.73576, 1e-3);
  EXPECT_NEAR(s.var, 0.46617, 2e-3);
  EXPECT_GE(minP, -1e-14);  // positivity

  // SG + forward Euler (C = 0.9) meets the same bound.
  FpGrid sg(1, 240, -6.0, 6.0, d);
  sg.setMixture({Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}}, {1.0});
  EXPECT_GE(run(sg, FluxScheme::ScharfetterGummel, 1.0, 0.9), -1e-14);
  EXPECT_LE(totalVariation(sg.density(), exact.density(), sg.h()), 5e-4);

  // Upwind is kept to show numerical diffusion: clearly worse, variance inflated.
  FpGrid up(1, 240, -6.0, 6.0, d);
  up.setMixture({Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}}, {1.0});
  run(up, FluxScheme::Upwind, 1.0, 0.9);
  EXPECT_GT(totalVariation(up.density(), exact.density(), up.h()), 5e-3);
  EXPECT_GT(moments(up).var, 0.48);
}

TEST(FpGrid, Row9ContinuityEquation) {
  const Drift d = makeDrift(DriftPreset::OU, 0.0);
  FpGrid grid(1, 480, -6.0, 6.0, d);
  grid.setMixture({Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}}, {1.0});
  EXPECT_GE(run(grid, FluxScheme::MusclMc, 1.0, 0.45), -1e-14);
  FpGrid exact(1, 480, -6.0, 6.0, d);
  exact.setMixture({Gaussian{Eigen::Vector2d(0.7357589, 0.0), 0.0338338}}, {1.0});
  EXPECT_LE(totalVariation(grid.density(), exact.density(), grid.h()), 5e-3);
  EXPECT_NEAR(moments(grid).var, 0.033834, 0.02 * 0.033834);
}

TEST(FpGrid, Row11DoubleWellStationary) {
  const Drift d = makeDrift(DriftPreset::DoubleWell, 1.0);
  FpGrid grid(1, 100, -2.5, 2.5, d);
  grid.setMixture({Gaussian{Eigen::Vector2d(0.0, 0.0), 0.25}}, {1.0});
  EXPECT_GE(run(grid, FluxScheme::MusclMc, 3.0, 0.45), -1e-14);
  const DoubleWellStationary st(1.0);
  // The truncated Gaussian start keeps its mass 1 − 5.7e−7; compare shapes at that mass.
  std::vector<double> q(100);
  for (int i = 0; i < 100; ++i) {
    // cell average of exp(−2U)/Z by Simpson on the cell
    const double a = -2.5 + i * grid.h(), b = a + grid.h();
    q[i] = (st.density(a) + 4 * st.density(0.5 * (a + b)) + st.density(b)) / 6.0;
  }
  EXPECT_LE(totalVariation(grid.density(), q, grid.h()), 2e-3);
  const Stats s = moments(grid);
  EXPECT_NEAR(s.var + s.mean * s.mean, 0.852136, 2e-3);
}

TEST(FpGrid, Row12RotatingOu2d) {
  const Drift d = makeDrift(DriftPreset::RotatingOU, 1.0, 2);
  FpGrid grid(2, 128, -6.0, 6.0, d);
  grid.setMixture({Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}}, {1.0});
  EXPECT_GE(run(grid, FluxScheme::MusclMc, 1.0, 0.45), -1e-14);
  FpGrid exact(2, 128, -6.0, 6.0, d);
  exact.setMixture({*evolveGaussian(d, Gaussian{Eigen::Vector2d(2.0, 0.0), 0.25}, 1.0)}, {1.0});
  EXPECT_LE(totalVariation(grid.density(), exact.density(), grid.cellVolume()), 5e-3);
}

TEST(FpGrid, MetricsAndNoiseFloor) {
  // Noise-floor example: OU at t = 1, bins of width 0.1 on [−6, 6]: floor 0.023 (N = 1e4),
  // 0.0073 (N = 1e5).
  FpGrid grid(1, 120, -6.0, 6.0, makeDrift(DriftPreset::OU, 1.0));
  grid.setMixture({Gaussian{Eigen::Vector2d(0.7357589, 0.0), 0.4661662}}, {1.0});
  EXPECT_NEAR(mcNoiseFloor(grid.density(), grid.h(), 1e4), 0.023, 1e-3);
  EXPECT_NEAR(mcNoiseFloor(grid.density(), grid.h(), 1e5), 0.0073, 3e-4);
  EXPECT_DOUBLE_EQ(totalVariation(grid.density(), grid.density(), grid.h()), 0.0);
}

TEST(FpGrid, RejectsBadSteps) {
  FpGrid grid(1, 64, -6.0, 6.0, makeDrift(DriftPreset::OU, 1.0));
  EXPECT_THROW(grid.step(FluxScheme::MusclMc, 0.0, std::nan("")), ParamError);
  EXPECT_THROW(grid.step(FluxScheme::MusclMc, 0.0, -0.1), ParamError);
  EXPECT_THROW(FpGrid bad(3, 64, -1.0, 1.0, Drift{}), ParamError);
}

}  // namespace
}  // namespace latentlab::flows
