// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Finite-difference checks of every hand-written backward through each method, and
// the analytic tape counts (CI preset).
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/finetune/side_data.h"
#include "latentlab/finetune/side_model.h"

namespace latentlab::finetune {
namespace {

ModelConfig tinyConfig() {
  ModelConfig c = ciConfig();
  c.batch = 2;
  return c;
}

Batch tinyBatch(const ModelConfig& c) {
  return makeTaskData(SideTask::A, c, markovSources(c.sources, c.symbols), c.batch, 5);
}

// Nudges the zero-initialised tensors (adapter up, LoRA B, gates) away from 0 so every path of
// the backward carries a non-trivial gradient.
void perturb(MethodModel& m, Rng& rng) {
  for (Tensor* t : m.trainable())
    for (Eigen::Index i = 0; i < t->w.size(); ++i) t->w.data()[i] += 0.1 * rng.normal();
}

// Max relative error of the analytic gradient against central differences (h = 1e-6) on up to
// 20 random coordinates per trainable tensor (central differences, h = 1e-6).
double maxRelativeError(MethodModel& model, const Batch& batch, std::uint64_t seed) {
  Tape tape;
  model.lossAndGrad(batch, tape);
  std::vector<Mat> grads;
  for (Tensor* t : model.trainable()) grads.push_back(t->g);
  Rng rng(seed);
  double worst = 0.0;
  const auto params = model.trainable();
  for (std::size_t p = 0; p < params.size(); ++p) {
    Tensor* t = params[p];
    const int probes = static_cast<int>(std::min<Eigen::Index>(20, t->w.size()));
    for (int i = 0; i < probes; ++i) {
      const auto idx = static_cast<Eigen::Index>(rng.next() % static_cast<std::uint64_t>(t->w.size()));
      const double keep = t->w.data()[idx];
      constexpr double kH = 1e-6;
      t->w.data()[idx] = keep + kH;
      const double up = model.evaluate(batch);
      t->w.data()[idx] = keep - kH;
      const double down = model.evaluate(batch);
      t->w.data()[idx] = keep;
      const double numeric = (up - down) / (2 * kH);
      const double analytic = grads[p].data()[idx];
      const double err = std::abs(numeric - analytic) /
                         std::max({std::abs(numeric), std::abs(analytic), 1e-3});
      worst = std::max(worst, err);
    }
  }
  return worst;
}

class GradientCheck : public ::testing::TestWithParam<TuneMethod> {};

TEST_P(GradientCheck, MatchesCentralDifferences) {
  const ModelConfig cfg = tinyConfig();
  Rng rng(11);
  const Backbone backbone = initBackbone(cfg, rng);
  MethodModel model(GetParam(), cfg, backbone, SideInit::Random, nullptr, rng);
  perturb(model, rng);
  const Batch batch = tinyBatch(cfg);
  EXPECT_LT(maxRelativeError(model, batch, 3), 1e-5) << tuneMethodId(GetParam());
}

INSTANTIATE_TEST_SUITE_P(EveryMethod, GradientCheck,
                         ::testing::Values(TuneMethod::Full, TuneMethod::Probe,
                                           TuneMethod::Adapter, TuneMethod::Lora,
                                           TuneMethod::Lst),
                         [](const auto& testInfo) { return std::string(tuneMethodId(testInfo.param)); });

TEST(SideModules, RmsNormBackwardMatchesFiniteDifferences) {
  Rng rng(2);
  Mat x(3, 5), du(3, 5);
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    x.data()[i] = rng.normal();
    du.data()[i] = rng.normal();
  }
  Mat u;
  Eigen::VectorXd rho;
  rmsNorm(x, u, rho);
  const Mat dx = rmsNormBackward(du, u, rho);
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    Mat xp = x, xm = x;
    xp.data()[i] += 1e-6;
    xm.data()[i] -= 1e-6;
    Mat up, um;
    Eigen::VectorXd r;
    rmsNorm(xp, up, r);
    rmsNorm(xm, um, r);
    const double numeric = (up - um).cwiseProduct(du).sum() / 2e-6;
    EXPECT_NEAR(dx.data()[i], numeric, 1e-7);
  }
}

TEST(SideModules, FrozenBlockInputGradientMatchesFiniteDifferences) {
  // The path Adapter and LoRA rely on: dL/dx through a frozen block (no weight gradients).
  const ModelConfig cfg = tinyConfig();
  Rng rng(4);
  Backbone b = initBackbone(cfg, rng);
  const int rows = cfg.batch * cfg.seq;
  Mat x(rows, cfg.backbone.h), dOut(rows, cfg.backbone.h);
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    x.data()[i] = rng.normal();
    dOut.data()[i] = rng.normal();
  }
  Tape tape;
  BlockSlots slots;
  blockForward(b.blocks[0], cfg.backbone, cfg.seq, x, BlockMode::FrozenOnPath, {}, &tape, &slots);
  const Mat dx = blockBackward(b.blocks[0], cfg.backbone, cfg.seq, dOut, BlockMode::FrozenOnPath,
                               {}, tape, slots);
  for (int probe = 0; probe < 20; ++probe) {
    const auto i = static_cast<Eigen::Index>(rng.next() % static_cast<std::uint64_t>(x.size()));
    Mat xp = x, xm = x;
    xp.data()[i] += 1e-6;
    xm.data()[i] -= 1e-6;
    const Mat yp =
        blockForward(b.blocks[0], cfg.backbone, cfg.seq, xp, BlockMode::Off, {}, nullptr, nullptr);
    const Mat ym =
        blockForward(b.blocks[0], cfg.backbone, cfg.seq, xm, BlockMode::Off, {}, nullptr, nullptr);
    const double numeric = (yp - ym).cwiseProduct(dOut).sum() / 2e-6;
    EXPECT_NEAR(dx.data()[i], numeric, 1e-5 * std::max(1.0, std::abs(numeric)));
  }
}

// CI preset: trainable counts and tape bytes per batch (exact integers).
struct CiRow {
  TuneMethod method;
  std::int64_t trainable;
  std::int64_t tapeBytes;
};
constexpr CiRow kCiRows[] = {
    {TuneMethod::Full, 17060, 70736},   {TuneMethod::Probe, 132, 592},
    {TuneMethod::Adapter, 1300, 68688}, {TuneMethod::Lora, 644, 51280},
    {TuneMethod::Lst, 1854, 35536},
};

TEST(SideTape, CiPresetCountsEqualTheSpecIntegers) {
  const ModelConfig cfg = ciConfig();
  Rng rng(1);
  const Backbone backbone = initBackbone(cfg, rng);
  EXPECT_EQ(backbone.parameterCount(), 16928);
  const Batch batch =
      makeTaskData(SideTask::A, cfg, markovSources(cfg.sources, cfg.symbols), cfg.batch, 9);
  for (const CiRow& row : kCiRows) {
    MethodModel model(row.method, cfg, backbone, SideInit::Random, nullptr, rng);
    Tape tape;
    model.lossAndGrad(batch, tape);
    EXPECT_EQ(model.trainableCount(), row.trainable) << tuneMethodId(row.method);
    EXPECT_EQ(tape.bytes(), row.tapeBytes) << tuneMethodId(row.method);
    EXPECT_EQ(analyticTapeBytes(row.method, cfg), row.tapeBytes) << tuneMethodId(row.method);
    EXPECT_EQ(analyticTrainable(row.method, cfg), row.trainable) << tuneMethodId(row.method);
  }
}

// Demo preset, analytic only (a demo forward is too slow for the core suite).
TEST(SideTape, DemoPresetAnalyticNumbersEqualTheSpec) {
  const ModelConfig cfg = demoConfig();
  EXPECT_EQ(analyticTapeBytes(TuneMethod::Full, cfg), 23118976);
  EXPECT_EQ(analyticTapeBytes(TuneMethod::Probe, cfg), 17536);
  EXPECT_EQ(analyticTapeBytes(TuneMethod::Adapter, cfg), 19448960);
  EXPECT_EQ(analyticTapeBytes(TuneMethod::Lora, cfg), 14992512);
  EXPECT_EQ(analyticTapeBytes(TuneMethod::Lst, cfg), 7638144);
  EXPECT_EQ(analyticTrainable(TuneMethod::Full, cfg), 793736);
  EXPECT_EQ(analyticTrainable(TuneMethod::Adapter, cfg), 34952);
  EXPECT_EQ(analyticTrainable(TuneMethod::Lora, cfg), 17416);
  EXPECT_EQ(analyticTrainable(TuneMethod::Lst, cfg), 22748);
}

TEST(SideModel, KeptLayersFollowTheOfficialDropping) {
  ModelConfig c;
  c.layers = 12;
  c.sideLayers = 9;
  const std::vector<int> nine{1, 2, 3, 5, 6, 7, 9, 10, 11};
  for (int j = 0; j < 9; ++j) EXPECT_EQ(c.keptLayer(j), nine[static_cast<std::size_t>(j)]);
  c.sideLayers = 3;
  EXPECT_EQ(c.keptLayer(0), 3);
  EXPECT_EQ(c.keptLayer(1), 7);
  EXPECT_EQ(c.keptLayer(2), 11);
}

}  // namespace
}  // namespace latentlab::finetune
