// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// MLP (hand-written backprop + Adam) and Nadaraya–Watson velocities (cf. Liu et al. 2023).
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/flows/reflow_models.h"

using namespace latentlab;
using namespace latentlab::flows;

namespace {

// Gauss → Gauss in 1-D, m = 2, s = 0.7: the 1-RF pairs are (z0, m + s z0) and the 2-RF velocity
// is v₂(x, t) = m + (s − 1)(x − t m)/((1 − t) + t s), exactly straight.
constexpr double kM = 2.0, kS = 0.7;
double v2(double x, double t) { return kM + (kS - 1.0) * (x - t * kM) / ((1.0 - t) + t * kS); }

void gaussPairs(int n, Eigen::MatrixXd& x0, Eigen::MatrixXd& x1) {
  Rng rng(5);
  x0.resize(n, 1);
  for (int i = 0; i < n; ++i) x0(i, 0) = rng.normal();
  x1 = (kM + kS * x0.array()).matrix();
}

double& entry(MlpVelocity::Params& p, int block, Eigen::Index i) {
  switch (block) {
    case 0: return p.w1.data()[i];
    case 1: return p.w2.data()[i];
    case 2: return p.w3.data()[i];
    case 3: return p.b1.data()[i];
    case 4: return p.b2.data()[i];
    default: return p.b3.data()[i];
  }
}

Eigen::Index blockSize(const MlpVelocity::Params& p, int block) {
  const Eigen::Index sizes[6] = {p.w1.size(), p.w2.size(), p.w3.size(),
                                 p.b1.size(), p.b2.size(), p.b3.size()};
  return sizes[block];
}

}  // namespace

TEST(MlpVelocity, BackpropMatchesCentralDifferences) {
  MlpVelocity net = MlpVelocity::init(2, 5, 3);
  // Non-zero biases so their gradients are exercised away from the symmetric start.
  Rng rng(11);
  auto& p = net.params();
  for (int b = 3; b < 6; ++b)
    for (Eigen::Index i = 0; i < blockSize(p, b); ++i) entry(p, b, i) = 0.3 * rng.normal();
  Eigen::MatrixXd in(7, 3), target(7, 2);
  for (Eigen::Index i = 0; i < in.size(); ++i) in.data()[i] = rng.normal();
  for (Eigen::Index i = 0; i < target.size(); ++i) target.data()[i] = rng.normal();
  MlpVelocity::Params g;
  net.lossAndGradient(in, target, &g);
  constexpr double kEps = 1e-6;
  int checked = 0;
  for (int b = 0; b < 6; ++b)
    for (Eigen::Index i = 0; i < blockSize(p, b); ++i) {
      const double keep = entry(p, b, i);
      entry(p, b, i) = keep + kEps;
      const double up = net.lossAndGradient(in, target, nullptr);
      entry(p, b, i) = keep - kEps;
      const double down = net.lossAndGradient(in, target, nullptr);
      entry(p, b, i) = keep;
      const double fd = (up - down) / (2.0 * kEps);
      EXPECT_NEAR(entry(g, b, i), fd, 1e-6) << "block " << b << " entry " << i;
      ++checked;
    }
  EXPECT_EQ(checked, 3 * 5 + 5 * 5 + 5 * 2 + 5 + 5 + 2);
}

TEST(MlpVelocity, LearnsTheStraight2RfVelocityOfGaussToGauss) {
  Eigen::MatrixXd x0, x1;
  gaussPairs(2000, x0, x1);
  MlpOptions o;
  o.hidden = 32;
  o.iterations = 1500;
  o.batch = 128;
  o.learningRate = 5e-3;
  o.seed = 4;
  const MlpVelocity net = MlpVelocity::fit(x0, x1, o);
  ASSERT_EQ(net.lossCurve().size(), 1500u);
  EXPECT_LT(net.trainingLoss(), 0.01 * net.lossCurve().front());
  // In the bulk of ρ_t (|x − t m| ≤ 1.5 σ_t) the fit is close to v₂.
  for (double t : {0.0, 0.3, 0.6, 0.9})
    for (double u : {-1.5, -0.5, 0.0, 0.7, 1.5}) {
      const double sigma = (1.0 - t) + t * kS, x = t * kM + u * sigma;
      Eigen::MatrixXd q(1, 1);
      q(0, 0) = x;
      EXPECT_NEAR(net(q, t)(0, 0), v2(x, t), 0.1) << "x " << x << " t " << t;
    }
}

TEST(MlpVelocity, SeededDeterministicWarmStartAndCancel) {
  Eigen::MatrixXd x0, x1;
  gaussPairs(300, x0, x1);
  MlpOptions o;
  o.hidden = 8;
  o.iterations = 50;
  o.batch = 32;
  const MlpVelocity a = MlpVelocity::fit(x0, x1, o), b = MlpVelocity::fit(x0, x1, o);
  EXPECT_TRUE(a.params().w1 == b.params().w1);
  EXPECT_TRUE(a.params().w3 == b.params().w3);
  o.seed = 2;
  const MlpVelocity c = MlpVelocity::fit(x0, x1, o);
  EXPECT_FALSE(a.params().w1 == c.params().w1);
  // A warm start continues from the given weights: its first loss is the trained one's level.
  const MlpVelocity w = MlpVelocity::fit(x0, x1, o, {}, &a);
  EXPECT_LT(w.lossCurve().front(), a.lossCurve().front());
  std::atomic<bool> stop{true};
  RunControl control;
  control.cancel = &stop;
  EXPECT_THROW(MlpVelocity::fit(x0, x1, o, control), Cancelled);
}

TEST(MlpVelocity, BadOptionsNameTheirKey) {
  Eigen::MatrixXd x0, x1;
  gaussPairs(10, x0, x1);
  auto keyOf = [&](MlpOptions o, Eigen::MatrixXd a) {
    try {
      MlpVelocity::fit(a, x1, o);
    } catch (const ParamError& e) {
      return e.key();
    }
    return std::string("none");
  };
  MlpOptions o;
  o.iterations = 5;
  MlpOptions bad = o;
  bad.learningRate = std::nan("");
  EXPECT_EQ(keyOf(bad, x0), "mlp_lr");
  bad = o;
  bad.iterations = 0;
  EXPECT_EQ(keyOf(bad, x0), "mlp_iterations");
  bad = o;
  bad.hidden = 0;
  EXPECT_EQ(keyOf(bad, x0), "mlp_hidden");
  Eigen::MatrixXd nan = x0;
  nan(3, 0) = std::nan("");
  EXPECT_EQ(keyOf(o, nan), "pairs");
}

TEST(KernelVelocity, OnePairGivesItsDisplacementEverywhere) {
  Eigen::MatrixXd a(1, 2), b(1, 2);
  a << -1.0, 0.5;
  b << 2.0, -1.0;
  const KernelVelocity v(a, b, 0.2);
  Eigen::MatrixXd q(3, 2);
  q << 0.0, 0.0, 5.0, -7.0, -30.0, 30.0;  // far queries too: log-sum-exp keeps them finite
  const Eigen::MatrixXd out = v(q, 0.4);
  for (int i = 0; i < 3; ++i) {
    EXPECT_DOUBLE_EQ(out(i, 0), 3.0);
    EXPECT_DOUBLE_EQ(out(i, 1), -1.5);
  }
}

TEST(KernelVelocity, ApproximatesThe2RfVelocityOfGaussToGauss) {
  Eigen::MatrixXd x0, x1;
  gaussPairs(4000, x0, x1);
  const KernelVelocity v(x0, x1, 0.05);
  // Bias of NW on a linear target is O(h² · slope · score) ≈ 3e−3 here.
  for (double t : {0.0, 0.5, 0.9})
    for (double u : {-1.5, 0.0, 1.0}) {
      const double sigma = (1.0 - t) + t * kS, x = t * kM + u * sigma;
      Eigen::MatrixXd q(1, 1);
      q(0, 0) = x;
      EXPECT_NEAR(v(q, t)(0, 0), v2(x, t), 0.02) << "x " << x << " t " << t;
    }
  EXPECT_LT(v.residual(200, 1), 1e-3);
}

TEST(KernelVelocity, BadBandwidthAndPairs) {
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(3, 2), b = Eigen::MatrixXd::Ones(3, 2);
  try {
    KernelVelocity(a, b, 0.0);
    FAIL() << "no throw";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "nw_bandwidth");
  }
  b(1, 1) = std::nan("");
  try {
    KernelVelocity(a, b, 0.1);
    FAIL() << "no throw";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "pairs");
  }
}
