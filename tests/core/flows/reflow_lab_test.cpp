// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <any>
#include <cmath>
#include <vector>

#include "latentlab/common/errors.h"
#include "latentlab/flows/reflow_lab.h"

using namespace latentlab;
using namespace latentlab::flows;

TEST(ReflowLab, DefaultsGiveNormalisedDensityAndFinitePaths) {
  const ReflowLabParams p;
  const auto r = computeReflowLab(p);
  ASSERT_EQ(r.density.rows(), 96);
  const double cell = 2.0 * r.box / 96.0;
  // ρ_1 of 8 Gaussians with std 0.1 on the grid: its mass is ≈ 1 (all modes inside the box).
  EXPECT_NEAR(r.density.sum() * cell * cell, 1.0, 0.02);
  ASSERT_EQ(static_cast<int>(r.paths.size()), p.trajectories);
  for (const auto& path : r.paths) {
    ASSERT_EQ(path.rows(), p.steps + 1);
    EXPECT_TRUE(path.allFinite());
  }
  EXPECT_EQ(r.snapshot().rows(), p.particles);
  EXPECT_EQ(r.arrowBase.rows(), p.arrows * p.arrows);
  EXPECT_TRUE(r.arrowVel.allFinite());
  // Independent coupling cost: E‖X1‖² + E‖X0‖² ≈ (4 + 2·0.01) + 2 for 8 Gaussians, N(0, I).
  EXPECT_NEAR(r.independentCost, 6.02, 0.3);
  EXPECT_TRUE(r.rounds.empty());  // the flow view fits nothing
}

TEST(ReflowLab, SameSeedSameTrajectoriesOtherSeedDiffers) {
  ReflowLabParams p;
  p.particles = 500;
  const auto a = computeReflowLab(p), b = computeReflowLab(p);
  ASSERT_EQ(a.paths.size(), b.paths.size());
  for (std::size_t i = 0; i < a.paths.size(); ++i) EXPECT_TRUE(a.paths[i] == b.paths[i]);
  EXPECT_TRUE(a.snapshot() == b.snapshot());
  p.seed = 2;
  const auto c = computeReflowLab(p);
  EXPECT_FALSE(a.paths[0] == c.paths[0]);
}

TEST(ReflowLab, ReflowRoundsStraightenAndCostDrops) {
  ReflowLabParams p;
  p.particles = 400;
  p.pairs = 2000;
  p.view = ReflowView::Rounds;
  p.rounds = 3;
  const auto r = computeReflowLab(p);
  ASSERT_EQ(r.rounds.size(), 3u);
  // 1-RF coupling costs less than the independent one; reflow straightens (Liu et al.).
  EXPECT_LT(r.rounds[0].cost, r.independentCost);
  EXPECT_LT(r.rounds[1].straightness, 0.5 * r.rounds[0].straightness);
  EXPECT_GT(r.rounds[1].fitLoss, 0.0);
  // The exact 1-RF with the default 50 Euler steps lands near the target.
  EXPECT_LT(r.rounds[0].nll, r.targetEntropy + 1.0);
}

TEST(ReflowLab, QualityImprovesWithSteps) {
  ReflowLabParams p;
  p.particles = 400;
  p.pairs = 2000;
  p.view = ReflowView::Quality;
  const auto r = computeReflowLab(p);
  ASSERT_EQ(r.qualityNll.size(), 2u);
  for (int s = 0; s < 3; ++s) {
    const auto& nll = r.qualityNll[0][static_cast<std::size_t>(s)];
    EXPECT_GT(nll.front(), nll.back() + 1.0);  // 1 step of 1-RF collapses to the mean
  }
  // 2-RF at one Euler step is far better than 1-RF at one Euler step.
  EXPECT_LT(r.qualityNll[1][0][0], r.qualityNll[0][0][0]);
}

TEST(ReflowLab, PresetsAndBadParams) {
  ReflowLabParams p;
  p.particles = 300;
  for (auto t : {TargetPreset::Triangle, TargetPreset::Moons, TargetPreset::Checkerboard,
                 TargetPreset::Drawn}) {
    p.target = t;
    p.source = t == TargetPreset::Triangle ? SourcePreset::Triangle : SourcePreset::Gaussian;
    const auto r = computeReflowLab(p);
    EXPECT_TRUE(r.snapshot().allFinite());
    EXPECT_TRUE(r.density.allFinite());
  }
  ParamSet bad{{"drawn", std::vector<double>{1.0, std::nan("")}}};
  try {
    fromParamSet(bad, reflowLabFields());
    FAIL() << "NaN point accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key().rfind("drawn", 0), 0u) << e.key();  // "drawn" or "drawn[1]"
  }
  p.drawn = {1.0, 2.0, 3.0};
  p.target = TargetPreset::Drawn;
  EXPECT_THROW(computeReflowLab(p), ParamError);
  p = ReflowLabParams{};
  p.steps = 0;
  EXPECT_THROW(computeReflowLab(p), ParamError);
  EXPECT_THROW(fromParamSet(ParamSet{{"time", 1.5}}, reflowLabFields()), ParamError);
}

TEST(ReflowLab, ParallelExactIntegratorMatchesGenericIntegrate) {
  ReflowLabParams p;
  const Mixture p0 = sourceMixture(p), p1 = targetMixture(p);
  const MixtureVelocity v(p0, p1);
  const Eigen::MatrixXd z0 = p0.sample(1500, 3);  // three blocks, the last one partial
  for (Solver s : {Solver::Euler, Solver::Heun, Solver::Rk4}) {
    std::vector<Eigen::MatrixXd> frames;
    const Eigen::MatrixXd fast = v.integrate(z0, 7, s, &frames);
    const Eigen::MatrixXd slow =
        integrate([&v](const Eigen::MatrixXd& x, double t) { return v(x, t); }, z0, 7, s);
    EXPECT_LT((fast - slow).cwiseAbs().maxCoeff(), 1e-12);
    ASSERT_EQ(frames.size(), 8u);
    EXPECT_TRUE(frames.front() == z0);
    EXPECT_TRUE(frames.back() == fast);
  }
  EXPECT_THROW(v.integrate(z0, 0, Solver::Euler), ParamError);
}

TEST(ReflowLab, FramesBackTheTimeSliderAndTheFieldFollowsTheFrame) {
  ReflowLabParams p;
  p.particles = 600;
  p.steps = 20;
  p.time = 0.43;  // nearest frame 9 of 20
  auto r = computeReflowLab(p);
  ASSERT_EQ(r.frames->size(), 21u);
  EXPECT_EQ(r.snapshotIndex, 9);
  EXPECT_DOUBLE_EQ(r.snapshotTime, 0.45);
  EXPECT_TRUE(r.snapshot() == (*r.frames)[9]);
  for (int i = 0; i <= 20; ++i)
    EXPECT_TRUE(r.paths[3].row(i) == (*r.frames)[static_cast<std::size_t>(i)].row(3));
  // Another time reuses the frames: only the field changes, and it equals a full recompute's.
  const auto frames = r.frames;
  p.time = 1.0;
  computeReflowField(p, r);
  EXPECT_EQ(r.frames, frames);
  EXPECT_EQ(r.snapshotIndex, 20);
  const auto full = computeReflowLab(p);
  EXPECT_TRUE(r.density == full.density);
  EXPECT_TRUE(r.arrowVel == full.arrowVel);
  EXPECT_TRUE(r.snapshot() == full.snapshot());
}

TEST(ReflowLab, EveryVelocityOptionStraightensAndIsDeterministic) {
  ReflowLabParams p;
  p.particles = 300;
  p.pairs = 1000;
  p.steps = 20;
  p.view = ReflowView::Compare;
  p.mlpIterations = 300;
  p.mlpHidden = 32;
  p.mlpLr = 5e-3;
  p.nwBandwidth = 0.2;
  for (auto vel : {ReflowVelocity::Rff, ReflowVelocity::Mlp, ReflowVelocity::Kernel}) {
    p.velocity = vel;
    const auto a = computeReflowLab(p), b = computeReflowLab(p);
    ASSERT_EQ(a.rounds.size(), 2u);
    const int id = static_cast<int>(vel);
    // 2-RF paths are straighter than the exact 1-RF ones with every fit.
    EXPECT_LT(a.rounds[1].straightness, 0.5 * a.rounds[0].straightness) << id;
    EXPECT_GT(a.rounds[1].fitLoss, 0.0) << id;
    EXPECT_TRUE(std::isfinite(a.rounds[1].nll)) << id;
    EXPECT_TRUE(a.rounds[1].z1 == b.rounds[1].z1) << id;  // same seed ⇒ same result
  }
}

TEST(ReflowLab, ImageTargetSamplesGreyLevelsAsProbability) {
  // 4 × 2 grey image (rows top to bottom): only the top-left pixel is black, the rest white.
  Eigen::MatrixXf g = Eigen::MatrixXf::Ones(2, 4);
  g(0, 0) = 0.0f;
  const auto img = quantization::imageFromPlanes({g});
  // Longer side 4 px → [−2, 2]: the top-left pixel covers x ∈ [−2, −1], y ∈ [0, 1].
  const Eigen::MatrixXd dark = sampleImageDensity(img, 300, ImageMass::Dark, 9);
  EXPECT_GE(dark.col(0).minCoeff(), -2.0);
  EXPECT_LE(dark.col(0).maxCoeff(), -1.0);
  EXPECT_GE(dark.col(1).minCoeff(), 0.0);
  EXPECT_LE(dark.col(1).maxCoeff(), 1.0);
  // Bright = mass: the other seven pixels, never the black one.
  const Eigen::MatrixXd bright = sampleImageDensity(img, 700, ImageMass::Bright, 9);
  for (Eigen::Index i = 0; i < bright.rows(); ++i)
    EXPECT_FALSE(bright(i, 0) < -1.0 && bright(i, 1) > 0.0) << i;
  EXPECT_GE(bright.col(1).minCoeff(), -1.0);
  // Seeded: same seed, same points; another seed differs.
  EXPECT_TRUE(dark == sampleImageDensity(img, 300, ImageMass::Dark, 9));
  EXPECT_FALSE(dark == sampleImageDensity(img, 300, ImageMass::Dark, 10));
  // An all-white image has no dark mass; the page target needs an image at all.
  const auto white = quantization::imageFromPlanes({Eigen::MatrixXf::Ones(3, 3)});
  try {
    sampleImageDensity(white, 10, ImageMass::Dark, 1);
    FAIL() << "no throw";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "image");
  }
  ReflowLabParams p;
  p.target = TargetPreset::Image;
  try {
    computeReflowLab(p);
    FAIL() << "no throw";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "target");
  }
  p.particles = 300;
  p.image = std::make_shared<const quantization::ImageData>(img);
  const auto r = computeReflowLab(p);
  EXPECT_LE(r.targetSamples.col(0).mean(), -1.0 + 0.05);  // the mass sits in that pixel
}

// With a listener, the first particles come first (every frame of them, the field computed); the
// final frames are bit for bit those of a run without one.
TEST(ReflowLab, ThePreviewOfTheFirstParticlesDoesNotChangeTheFlow) {
  ReflowLabParams p;
  p.particles = 3000;
  p.steps = 12;
  p.solver = Solver::Heun;
  ReflowLabResult plain;
  computeReflowFlow(p, plain);
  std::vector<ReflowLabResult> previews;
  RunControl control;
  control.onPartial = [&previews](std::any s) {
    previews.push_back(std::any_cast<ReflowLabResult>(std::move(s)));
  };
  ReflowLabResult live;
  computeReflowFlow(p, live, control);
  ASSERT_EQ(previews.size(), 1u);
  const ReflowLabResult& preview = previews.front();
  EXPECT_TRUE(preview.partial);
  EXPECT_FALSE(live.partial);
  EXPECT_EQ(preview.snapshot().rows(), kReflowPreviewParticles);
  EXPECT_GT(preview.density.size(), 0);
  ASSERT_EQ(live.frames->size(), plain.frames->size());
  for (std::size_t i = 0; i < plain.frames->size(); ++i) {
    EXPECT_TRUE((*live.frames)[i] == (*plain.frames)[i]) << "frame " << i;
    EXPECT_TRUE((*preview.frames)[i] == (*plain.frames)[i].topRows(kReflowPreviewParticles)) << i;
  }
  ASSERT_EQ(live.paths.size(), plain.paths.size());
  for (std::size_t j = 0; j < plain.paths.size(); ++j) EXPECT_TRUE(live.paths[j] == plain.paths[j]);
}
