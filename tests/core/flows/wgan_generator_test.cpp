// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The small generator (kexue.fm/archives/9668): backprop against finite differences, Adam, and the
// generator mode of the 2-D toy end to end.
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/common/rng.h"
#include "latentlab/flows/wgan_generator.h"
#include "latentlab/flows/wgan_lab.h"

using namespace latentlab;
using namespace latentlab::flows;

namespace {

Eigen::MatrixXd normals(int n, int d, double sd, Rng& rng) {
  Eigen::MatrixXd x(n, d);
  for (int i = 0; i < n; ++i)
    for (int k = 0; k < d; ++k) x(i, k) = sd * rng.normal();
  return x;
}

Eigen::VectorXd flatten(const MlpGenerator& g) {
  Eigen::VectorXd v(g.w1.size() + g.b1.size() + g.w2.size() + g.b2.size());
  v << g.w1.reshaped(), g.b1, g.w2.reshaped(), g.b2;
  return v;
}

MlpGenerator unflatten(const MlpGenerator& shape, const Eigen::VectorXd& v) {
  MlpGenerator g = shape;
  Eigen::Index o = 0;
  g.w1.reshaped() = v.segment(o, g.w1.size());
  o += g.w1.size();
  g.b1 = v.segment(o, g.b1.size());
  o += g.b1.size();
  g.w2.reshaped() = v.segment(o, g.w2.size());
  o += g.w2.size();
  g.b2 = v.segment(o, g.b2.size());
  return g;
}

WganLabParams generatorParams() {
  WganLabParams p;
  p.mover = WganMover::Generator;
  return p;
}

}  // namespace

// Every parameter's analytic gradient of the (G-move) loss against central differences.
TEST(WganGenerator, MoveLossGradientMatchesFiniteDifferences) {
  Rng rng(11);
  MlpGenerator g = MlpGenerator::init(2, 5, 2, 0.7, rng);
  g.b1 = normals(5, 1, 0.3, rng);  // non-zero biases so their gradients are exercised
  g.b2 = normals(2, 1, 0.3, rng);
  const Eigen::MatrixXd z = normals(17, 2, 1.0, rng);
  const Eigen::MatrixXd y = normals(17, 2, 1.5, rng);
  MlpGenerator grad;
  generatorMoveLoss(g, z, y, &grad);
  const Eigen::VectorXd theta = flatten(g), analytic = flatten(grad);
  ASSERT_EQ(theta.size(), 5 * 2 + 5 + 2 * 5 + 2);
  constexpr double kH = 1e-6;
  for (Eigen::Index i = 0; i < theta.size(); ++i) {
    Eigen::VectorXd plus = theta, minus = theta;
    plus(i) += kH;
    minus(i) -= kH;
    const double fd = (generatorMoveLoss(unflatten(g, plus), z, y) -
                       generatorMoveLoss(unflatten(g, minus), z, y)) /
                      (2.0 * kH);
    EXPECT_NEAR(analytic(i), fd, 1e-6) << "parameter " << i;
  }
}

TEST(WganGenerator, LossAndGradientVanishAtItsOwnOutput) {
  Rng rng(3);
  const MlpGenerator g = MlpGenerator::init(2, 8, 2, 0.5, rng);
  const Eigen::MatrixXd z = normals(20, 2, 1.0, rng);
  MlpGenerator grad;
  EXPECT_EQ(generatorMoveLoss(g, z, g(z), &grad), 0.0);
  EXPECT_EQ(flatten(grad).norm(), 0.0);
  // A pure shift of the targets is learnt by b2 alone: loss ½‖s‖², ∂L/∂b2 = −s.
  Eigen::MatrixXd shifted = g(z);
  shifted.col(0).array() += 0.3;
  EXPECT_NEAR(generatorMoveLoss(g, z, shifted, &grad), 0.5 * 0.09, 1e-15);
  EXPECT_NEAR(grad.b2(0), -0.3, 1e-15);
  EXPECT_NEAR(grad.b2(1), 0.0, 1e-15);
}

TEST(WganGenerator, InitialSpreadIsAboutOutStd) {
  Rng rng(5);
  const MlpGenerator g = MlpGenerator::init(2, 64, 2, 0.5, rng);
  const Eigen::MatrixXd x = g(normals(4000, 2, 1.0, rng));
  const Eigen::MatrixXd c = x.rowwise() - x.colwise().mean();
  const double sd = std::sqrt(c.squaredNorm() / (2.0 * static_cast<double>(x.rows())));
  EXPECT_GT(sd, 0.25);  // the 0.4 ≈ Var tanh factor is approximate: a factor of 2 either way
  EXPECT_LT(sd, 1.0);
}

TEST(WganGenerator, AdamReducesTheMoveLoss) {
  Rng rng(9);
  MlpGenerator g = MlpGenerator::init(2, 16, 2, 0.5, rng);
  const Eigen::MatrixXd z = normals(100, 2, 1.0, rng);
  const Eigen::MatrixXd y = (g(z).array() + 0.5).matrix();  // every sample moves by (0.5, 0.5)
  GeneratorAdam adam(g, 1e-2);
  const double before = generatorMoveLoss(g, z, y);
  MlpGenerator grad;
  for (int s = 0; s < 200; ++s) {
    generatorMoveLoss(g, z, y, &grad);
    adam.step(g, grad);
  }
  EXPECT_NEAR(before, 0.25, 1e-12);
  EXPECT_LT(generatorMoveLoss(g, z, y), 0.01 * before);
}

// The generator variant of the toy moves G(z) toward the 8 Gaussians as the particles do.
TEST(WganGenerator, GeneratorMovesTowardTheData) {
  const WganLabResult r = computeWganLab(generatorParams());
  ASSERT_EQ(r.snapshots.size(), 61u);
  const auto& first = r.snapshots.front();
  const auto& last = r.snapshots.back();
  EXPECT_GT(first.sw2, 0.6);
  EXPECT_LT(last.sw2, 0.5 * first.sw2);
  EXPECT_LT(last.nll, 0.5 * first.nll);
  EXPECT_LT(last.distance, 0.5 * first.distance);
  // K_g = 5 Adam steps cannot follow the moved samples exactly: a positive, finite residual.
  EXPECT_GT(r.snapshots[10].moveResidual, 0.0);
  EXPECT_TRUE(std::isfinite(r.snapshots[10].moveResidual));
  EXPECT_EQ(last.moveResidual, 0.0);  // no move after the last round
}

TEST(WganGenerator, SameSeedIsIdenticalOtherSeedDiffers) {
  WganLabParams p = generatorParams();
  p.rounds = 8;
  const WganLabResult a = computeWganLab(p), b = computeWganLab(p);
  for (std::size_t k = 0; k < a.snapshots.size(); ++k) {
    EXPECT_TRUE(a.snapshots[k].particles == b.snapshots[k].particles) << "round " << k;
    EXPECT_EQ(a.snapshots[k].sw2, b.snapshots[k].sw2);
  }
  p.seed = 2;
  const WganLabResult c = computeWganLab(p);
  EXPECT_FALSE(a.snapshots.back().particles == c.snapshots.back().particles);
}

TEST(WganGenerator, BadGeneratorSettingsNameTheKey) {
  WganLabParams p = generatorParams();
  p.genLearningRate = std::nan("");
  try {
    validate(p);
    FAIL() << "NaN generator lr accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "gen_learning_rate");
  }
  p = generatorParams();
  p.genSteps = 0;
  EXPECT_THROW(validate(p), ParamError);
  p = generatorParams();
  p.mover = static_cast<WganMover>(7);
  try {
    validate(p);
    FAIL() << "unknown mover accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "mover");
  }
}

TEST(WganGenerator, MoverAndGeneratorSettingsChangeTheComputation) {
  const WganLabParams a;
  WganLabParams b = a;
  b.mover = WganMover::Generator;
  EXPECT_FALSE(sameComputation(a, b));
  WganLabParams c = b;
  c.genSteps = 9;
  EXPECT_FALSE(sameComputation(b, c));
}
