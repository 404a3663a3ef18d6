// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Tier C: the hand-written STE backprop against finite differences, and the training dynamics
// of Mentzer et al. 2023 (FSQ) (FSQ trains without auxiliary loss; VQ restarts bring usage back).
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/quantization/tiny_autoencoder.h"

namespace latentlab::quantization {
namespace {

TinyAeWeights randomWeights(int dim, int d, std::uint64_t seed) {
  Rng rng(seed);
  TinyAeWeights w;
  w.encoder.resize(d, dim);
  w.decoder.resize(dim, d);
  w.encBias.resize(d);
  w.decBias.resize(dim);
  for (auto* m : {&w.encoder, &w.decoder})
    for (Eigen::Index i = 0; i < m->size(); ++i) m->data()[i] = 0.5 * rng.normal();
  for (auto* v : {&w.encBias, &w.decBias})
    for (Eigen::Index i = 0; i < v->size(); ++i) v->data()[i] = 0.1 * rng.normal();
  return w;
}

Eigen::MatrixXd randomBatch(int b, int dim, std::uint64_t seed) {
  Rng rng(seed);
  Eigen::MatrixXd x(b, dim);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.normal() * 0.3;
  return x;
}

// Central differences of the loss over every weight, in the order encoder, encBias, decoder,
// decBias; returns the largest |analytic − FD|.
double maxFdError(const TinyAeWeights& w0, const Eigen::MatrixXd& x, const Fsq& fsq, bool round,
                  bool decoderOnly) {
  const AeLossGrad g = fsqAeLossAndGradient(w0, x, fsq, round);
  constexpr double kH = 1e-6;
  double worst = 0.0;
  auto check = [&](auto member, const auto& analytic) {
    TinyAeWeights w = w0;
    auto& p = w.*member;
    for (Eigen::Index i = 0; i < p.size(); ++i) {
      const double keep = p.data()[i];
      p.data()[i] = keep + kH;
      const double up = fsqAeLossAndGradient(w, x, fsq, round).loss;
      p.data()[i] = keep - kH;
      const double down = fsqAeLossAndGradient(w, x, fsq, round).loss;
      p.data()[i] = keep;
      worst = std::max(worst, std::abs((up - down) / (2 * kH) - analytic.data()[i]));
    }
  };
  if (!decoderOnly) {
    check(&TinyAeWeights::encoder, g.grad.encoder);
    check(&TinyAeWeights::encBias, g.grad.encBias);
  }
  check(&TinyAeWeights::decoder, g.grad.decoder);
  check(&TinyAeWeights::decBias, g.grad.decBias);
  return worst;
}

TEST(TinyAutoencoder, SmoothPathGradientMatchesFiniteDifferences) {
  // Without rounding the forward pass is b(z)/⌊L/2⌋, whose derivative is the STE derivative,
  // so the whole gradient must match FD.
  const Fsq fsq({8, 5, 5, 5});
  const TinyAeWeights w = randomWeights(12, 4, 3);
  const Eigen::MatrixXd x = randomBatch(9, 12, 4);
  EXPECT_LT(maxFdError(w, x, fsq, false, false), 1e-7);
}

TEST(TinyAutoencoder, RoundedDecoderGradientMatchesFiniteDifferences) {
  // With rounding the codes are piecewise constant in the encoder; the decoder gradient is exact.
  const Fsq fsq({7, 5, 5});
  const TinyAeWeights w = randomWeights(10, 3, 5);
  const Eigen::MatrixXd x = randomBatch(7, 10, 6);
  EXPECT_LT(maxFdError(w, x, fsq, true, true), 1e-7);
  // And the straight-through encoder gradient equals the smooth path's encoder gradient term by
  // term up to the code values: it is nonzero (rounding does not block the gradient).
  EXPECT_GT(fsqAeLossAndGradient(w, x, fsq, true).grad.encoder.norm(), 0.0);
}

ImageData texture(int rows, int cols) {
  std::vector<Eigen::MatrixXf> planes(3, Eigen::MatrixXf(rows, cols));
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      planes[0](r, c) = 0.5f + 0.4f * std::sin(0.21f * r + 0.05f * c);
      planes[1](r, c) = static_cast<float>(c) / (cols - 1);
      planes[2](r, c) = 0.5f + 0.3f * std::cos(0.13f * c) * std::sin(0.17f * r);
    }
  return imageFromPlanes(std::move(planes));
}

TEST(TinyAutoencoder, TrainingLowersLossAndRestartsKeepCodesAlive) {
  TinyAeParams p;
  p.budgetBits = 8;  // [8,6,5], K = 240
  p.steps = 150;
  p.reportEvery = 10;
  int partials = 0;
  TinyAeHooks hooks;
  hooks.onPartial = [&](const TinyAeResult&) { ++partials; };
  const TinyAeResult r = trainTinyAutoencoders(texture(64, 64), p, {}, hooks);
  ASSERT_EQ(r.curves.size(), 3u);
  EXPECT_TRUE(r.finished);
  EXPECT_EQ(r.codes, 240);
  EXPECT_EQ(partials, 3 * 15 + 1);
  for (const AeCurve& c : r.curves) {
    ASSERT_EQ(c.loss.size(), 15u);
    EXPECT_LT(c.loss.back(), c.loss.front());
    EXPECT_TRUE(std::isfinite(c.finalPsnr));
  }
  const AeCurve& vq = r.curves[1];
  const AeCurve& restart = r.curves[2];
  EXPECT_GT(restart.restarts, 0);
  EXPECT_GT(restart.finalUsage, vq.finalUsage);
  // Deterministic under the seed.
  const TinyAeResult again = trainTinyAutoencoders(texture(64, 64), p);
  EXPECT_EQ(again.curves[0].loss, r.curves[0].loss);
}

TEST(TinyAutoencoder, BadParamsAndCancel) {
  TinyAeParams p;
  p.steps = 0;
  EXPECT_THROW(trainTinyAutoencoders(texture(8, 8), p), ParamError);
  std::atomic<bool> cancel{true};
  RunControl control;
  control.cancel = &cancel;
  EXPECT_THROW(trainTinyAutoencoders(texture(8, 8), TinyAeParams{}, control), Cancelled);
}

}  // namespace
}  // namespace latentlab::quantization
