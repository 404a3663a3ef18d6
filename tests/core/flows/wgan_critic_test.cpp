// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Reference critics (kexue.fm/archives/9668) and the critics' gradients against finite differences.
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/flows/wgan_flow.h"

using namespace latentlab;
using namespace latentlab::flows;

namespace {

Eigen::MatrixXd normalSamples(int n, int d, double mean, double sd, Rng& rng) {
  Eigen::MatrixXd x(n, d);
  for (int i = 0; i < n; ++i)
    for (int k = 0; k < d; ++k) x(i, k) = mean + sd * rng.normal();
  return x;
}

// Flattens / unflattens an MlpCritic so finite differences can walk every parameter.
Eigen::VectorXd flatten(const MlpCritic& c) {
  Eigen::VectorXd v(c.w1.size() + c.b1.size() + c.w2.size() + 1);
  v << c.w1.reshaped(), c.b1, c.w2, c.b2;
  return v;
}

MlpCritic unflatten(const MlpCritic& shape, const Eigen::VectorXd& v) {
  MlpCritic c = shape;
  Eigen::Index o = 0;
  c.w1.reshaped() = v.segment(o, c.w1.size());
  o += c.w1.size();
  c.b1 = v.segment(o, c.b1.size());
  o += c.b1.size();
  c.w2 = v.segment(o, c.w2.size());
  o += c.w2.size();
  c.b2 = v(o);
  return c;
}

}  // namespace

// Optimal critic: D*'(x) and ρ̄(x) for p0 = N(0, 1), p1 = N(2, 0.25), 1e-4.
TEST(WganOptimalCritic, Row21SlopeAndDensity) {
  const double xs[] = {-1, 0, 0.5, 1, 1.5, 2, 2.5, 3};
  const double slope[] = {3.396989, 2.567464, 2.172049, 1.806013,
                          1.603112, 1.661882, 1.931154, 2.221010};
  const double rho[] = {0.046705, 0.194732, 0.317724, 0.453261,
                        0.483146, 0.287174, 0.078940, 0.009635};
  for (int i = 0; i < 8; ++i) {
    const OptimalCritic1d c = optimalCritic1d(xs[i], 0.0, 1.0, 2.0, 0.5, 2000);
    EXPECT_NEAR(c.slope, slope[i], 1e-4) << "x = " << xs[i];
    EXPECT_NEAR(c.rhoBar, rho[i], 1e-4) << "x = " << xs[i];
  }
}

TEST(WganOptimalCritic, Row21Distance) {
  EXPECT_NEAR(optimalDistance1d(0.0, 1.0, 2.0, 0.5), 4.244, 2e-3);
}

TEST(WganOptimalCritic, DistanceOfNearlyPointMassesIsSquaredGap) {
  // For point masses a, b the distance is (b − a)²; tiny widths approach it.
  EXPECT_NEAR(optimalDistance1d(-0.5, 0.01, 1.0, 0.01, 20001, 2000), 2.25, 0.02);
}

// The RFF ridge critic with analytic expectations approaches D*' on [0, 2].
TEST(WganRffCritic, Row22RidgeCriticMatchesOptimum) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    Rng rng(seed);
    const RffFeatures f = RffFeatures::draw(1, 80, 1.0, rng);
    const RffCritic c = fitRffCriticGaussian1d(f, 0.0, 1.0, 2.0, 0.5, 1.0, 1e-5, 200);
    double worst = 0.0;
    for (double x = 0.0; x <= 2.0 + 1e-12; x += 0.1) {
      const Eigen::MatrixXd pt = Eigen::MatrixXd::Constant(1, 1, x);
      worst = std::max(worst, std::abs(c.gradient(pt)(0, 0) -
                                       optimalCritic1d(x, 0.0, 1.0, 2.0, 0.5).slope));
    }
    EXPECT_LE(worst, 0.1) << "seed " << seed;
  }
}

TEST(WganRffCritic, GradientMatchesFiniteDifferences) {
  Rng rng(7);
  RffCritic c{RffFeatures::draw(2, 32, 0.7, rng), Eigen::VectorXd(32)};
  for (int j = 0; j < 32; ++j) c.a(j) = rng.normal();
  const Eigen::MatrixXd x = normalSamples(5, 2, 0.0, 1.0, rng);
  const Eigen::MatrixXd g = c.gradient(x);
  const double h = 1e-6;
  for (int k = 0; k < 2; ++k) {
    Eigen::MatrixXd xp = x, xm = x;
    xp.col(k).array() += h;
    xm.col(k).array() -= h;
    const Eigen::VectorXd fd = (c.value(xp) - c.value(xm)) / (2 * h);
    EXPECT_LE((fd - g.col(k)).cwiseAbs().maxCoeff(), 1e-7) << "axis " << k;
  }
}

// The heat map's separable form equals D at every lattice point (row r·|xs| + c is (xs[c], ys[r])).
TEST(WganRffCritic, ValueOnALatticeEqualsValueAtItsPoints) {
  Rng rng(11);
  RffCritic c{RffFeatures::draw(2, 48, 0.5, rng), Eigen::VectorXd(48)};
  for (int j = 0; j < 48; ++j) c.a(j) = rng.normal();
  const Eigen::VectorXd xs = Eigen::VectorXd::LinSpaced(7, -3.0, 3.0);
  const Eigen::VectorXd ys = Eigen::VectorXd::LinSpaced(5, 2.5, -2.5);
  Eigen::MatrixXd points(35, 2);
  for (int r = 0; r < 5; ++r)
    for (int col = 0; col < 7; ++col) points.row(r * 7 + col) << xs(col), ys(r);
  const Eigen::VectorXd direct = c.value(points);
  const Eigen::VectorXd lattice = c.valueOnLattice(xs, ys);
  ASSERT_EQ(lattice.size(), 35);
  EXPECT_LE((lattice - direct).cwiseAbs().maxCoeff(), 1e-12 * direct.cwiseAbs().maxCoeff());
  RffCritic timed{RffFeatures::draw(3, 8, 0.5, rng), Eigen::VectorXd::Ones(8)};
  EXPECT_THROW(timed.valueOnLattice(xs, ys), ParamError);
}

// Sign: p0 left of p1 ⇒ D' > 0 between them, particles move toward p1.
TEST(WganRffCritic, Row24SignPointsTowardData) {
  Rng rng(3);
  const Eigen::MatrixXd x0 = normalSamples(2000, 1, 0.0, 1.0, rng);
  const Eigen::MatrixXd x1 = normalSamples(2000, 1, 2.0, 0.5, rng);
  Eigen::VectorXd t(2000);
  for (int i = 0; i < 2000; ++i) t(i) = rng.uniform();
  const Eigen::MatrixXd xt = (1.0 - t.array()).matrix().asDiagonal() * x0 + t.asDiagonal() * x1;
  const RffCritic c = fitRffCritic(RffFeatures::draw(1, 64, 1.0, rng), x0, x1, xt, 1.0, 1e-4);
  Eigen::MatrixXd between(9, 1);
  for (int i = 0; i < 9; ++i) between(i, 0) = 0.2 * i + 0.2;  // 0.2 … 1.8
  EXPECT_GT(c.gradient(between).minCoeff(), 0.0);
  EXPECT_GT(c.gradient(x0).mean(), 0.5);
  // The distance read-out estimates 4.244 (optimal critic) up to sampling and RFF bias.
  EXPECT_NEAR(c.value(x1).mean() - c.value(x0).mean(), 4.244, 0.6);
}

// At p0 = p1 the closed-form critic vanishes as N grows; the t = 0 slice does not
// stay put (it pulls every particle to the data mean).
TEST(WganRffCritic, Row25Stationarity) {
  auto readout = [](int n, std::uint64_t seed) {
    Rng rng(seed);
    const Eigen::MatrixXd x0 = normalSamples(n, 1, 0.0, 1.0, rng);
    const Eigen::MatrixXd x1 = normalSamples(n, 1, 0.0, 1.0, rng);
    Eigen::VectorXd t(n);
    for (int i = 0; i < n; ++i) t(i) = rng.uniform();
    const Eigen::MatrixXd xt = (1.0 - t.array()).matrix().asDiagonal() * x0 + t.asDiagonal() * x1;
    const RffCritic c = fitRffCritic(RffFeatures::draw(1, 32, 1.0, rng), x0, x1, xt, 1.0, 1e-4);
    return c.gradient(x0).cwiseAbs().mean();
  };
  const double small = readout(200, 5), large = readout(20000, 5);
  EXPECT_LT(large, 0.5 * small);
  EXPECT_LT(large, 0.05);

  // Same moves with the gradient critic and with the t = 0 slice, 20 rounds, ε = 0.2.
  Rng rng(11);
  Eigen::MatrixXd grad = normalSamples(2000, 1, 0.0, 1.0, rng), slice = grad;
  const RffFeatures f1 = RffFeatures::draw(1, 32, 1.0, rng);
  const RffFeatures f2 = RffFeatures::draw(2, 64, 1.0, rng);
  for (int round = 0; round < 20; ++round) {
    const Eigen::MatrixXd x1 = normalSamples(2000, 1, 0.0, 1.0, rng);
    Eigen::VectorXd t(2000);
    for (int i = 0; i < 2000; ++i) t(i) = rng.uniform();
    const Eigen::MatrixXd xg = (1.0 - t.array()).matrix().asDiagonal() * grad + t.asDiagonal() * x1;
    const Eigen::MatrixXd xs = (1.0 - t.array()).matrix().asDiagonal() * slice + t.asDiagonal() * x1;
    grad += 0.2 * fitRffCritic(f1, grad, x1, xg, 1.0, 1e-4).gradient(grad);
    slice += 0.2 * fitRffFreeField(f2, xs, t, x1 - slice, 1e-4).value(slice, 0.0);
  }
  auto variance = [](const Eigen::MatrixXd& x) {
    return (x.array() - x.mean()).square().mean();
  };
  EXPECT_NEAR(variance(grad), 1.0, 0.15);  // stays put
  EXPECT_LT(variance(slice), 0.3);         // v*(x, 0) = E x1 − x: collapses toward the mean
}

// The MLP critic's loss gradients (both penalties) against central differences.
TEST(WganMlpCritic, Row23LossGradientsMatchFiniteDifferences) {
  Rng rng(23);
  const MlpCritic c = MlpCritic::init(2, 5, rng);
  MlpCritic critic = c;
  critic.b1 = normalSamples(5, 1, 0.0, 0.5, rng).col(0);
  critic.b2 = 0.3;
  const Eigen::MatrixXd x0 = normalSamples(7, 2, 0.0, 1.0, rng);
  const Eigen::MatrixXd x1 = normalSamples(6, 2, 1.0, 0.5, rng);
  const Eigen::MatrixXd xt = normalSamples(9, 2, 0.5, 1.0, rng);
  for (PenaltyCentre centre : {PenaltyCentre::Zero, PenaltyCentre::One}) {
    MlpCritic grad;
    mlpCriticLoss(critic, x0, x1, xt, 1.7, centre, &grad);
    const Eigen::VectorXd theta = flatten(critic), analytic = flatten(grad);
    const double h = 1e-6;
    for (Eigen::Index i = 0; i < theta.size(); ++i) {
      Eigen::VectorXd tp = theta, tm = theta;
      tp(i) += h;
      tm(i) -= h;
      const double fd = (mlpCriticLoss(unflatten(critic, tp), x0, x1, xt, 1.7, centre) -
                         mlpCriticLoss(unflatten(critic, tm), x0, x1, xt, 1.7, centre)) /
                        (2 * h);
      EXPECT_NEAR(analytic(i), fd, 1e-6) << "parameter " << i << " centre "
                                         << static_cast<int>(centre);
    }
  }
}

TEST(WganMlpCritic, InputGradientMatchesFiniteDifferences) {
  Rng rng(4);
  const MlpCritic c = MlpCritic::init(2, 8, rng);
  const Eigen::MatrixXd x = normalSamples(6, 2, 0.0, 1.0, rng);
  const Eigen::MatrixXd g = c.gradient(x);
  const double h = 1e-6;
  for (int k = 0; k < 2; ++k) {
    Eigen::MatrixXd xp = x, xm = x;
    xp.col(k).array() += h;
    xm.col(k).array() -= h;
    const Eigen::VectorXd fd = (c.value(xp) - c.value(xm)) / (2 * h);
    EXPECT_LE((fd - g.col(k)).cwiseAbs().maxCoeff(), 1e-8);
  }
}

TEST(WganMetrics, SlicedW2OfShiftedCloudIsProjectedShift) {
  Rng rng(9);
  const Eigen::MatrixXd a = normalSamples(500, 2, 0.0, 1.0, rng);
  Eigen::MatrixXd b = a;
  b.col(0).array() += 1.0;  // shift (1, 0): W2² along direction u is u_x²; mean over circle ½
  EXPECT_NEAR(slicedW2Seeded(a, a, 64, 1), 0.0, 1e-12);
  EXPECT_NEAR(slicedW2Seeded(a, b, 4000, 1), std::sqrt(0.5), 0.02);
}
