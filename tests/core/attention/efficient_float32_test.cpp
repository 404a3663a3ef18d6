// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The float32 exact and Performer outputs against the double path: the bounds stated in
// docs/theory/efficient_attention.md §12 (relative Frobenius error).
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/attention/efficient_lab.h"
#include "latentlab/attention/exact_attention.h"
#include "latentlab/attention/performer.h"

namespace {

using namespace latentlab::attention;

double relError(const Eigen::MatrixXf& f, const Eigen::MatrixXd& d) {
  return relativeFrobeniusError(f.cast<double>(), d);
}

TEST(Float32, ExactOutputIsWithinTenUnitsOfFloatRoundingOfTheDoublePath) {
  // n = 600 (several tiles, a partial one), d = 64, σ = 1 (sharp attention), both masks.
  const AttentionInputs in = makeInputs(600, 64, 32, 1.0, 4);
  const double scale = 1.0 / 8.0;
  for (const bool causal : {false, true}) {
    const Eigen::MatrixXd want = exactAttentionOutput(in.q, in.k, in.v, scale, causal);
    const Eigen::MatrixXf got =
        exactAttentionOutput(in.q.cast<float>().eval(), in.k.cast<float>().eval(),
                             in.v.cast<float>().eval(), static_cast<float>(scale), causal);
    const double e = relError(got, want);
    EXPECT_LT(e, 1e-5) << "causal " << causal;
    EXPECT_GT(e, 1e-9) << "the float path must really run in float";
  }
}

TEST(Float32, PerformerOutputIsWithinTheStatedBoundOfTheDoublePath) {
  const AttentionInputs in = makeInputs(1000, 32, 16, 0.5, 2);
  const double scale = 1.0 / std::sqrt(32.0);
  const Eigen::MatrixXd omega = randomProjection(128, 32, Projection::Orthogonal, 3);
  // Trigonometric features cancel (sin, cos of either sign), so their bound is wider.
  const struct {
    FeatureKind kind;
    double bound;
  } cases[] = {{FeatureKind::Positive, 1e-5},
               {FeatureKind::Hyperbolic, 1e-5},
               {FeatureKind::Trigonometric, 1e-3}};
  for (const auto& c : cases)
    for (const bool causal : {false, true}) {
      const Eigen::MatrixXd want = performerOutput(in.q, in.k, in.v, omega, c.kind, scale, causal);
      const Eigen::MatrixXf got = performerOutput(
          in.q.cast<float>().eval(), in.k.cast<float>().eval(), in.v.cast<float>().eval(),
          omega.cast<float>().eval(), c.kind, static_cast<float>(scale), causal);
      const double e = relError(got, want);
      EXPECT_LT(e, c.bound) << static_cast<int>(c.kind) << " causal " << causal;
      EXPECT_GT(e, 1e-10);
    }
}

TEST(Float32, TheLabReportsFloat32RoundingOnlyWhenAsked) {
  EfficientLabParams p;
  p.n = 128;
  const auto r64 = computeEfficientLab(p);
  EXPECT_TRUE(std::isnan(r64.float32ErrorExact));
  EXPECT_TRUE(std::isnan(r64.float32ErrorPerformer));
  p.precision = Arithmetic::Float32;
  const auto r32 = computeEfficientLab(p);
  EXPECT_GT(r32.float32ErrorExact, 0.0);
  EXPECT_LT(r32.float32ErrorExact, 1e-5);
  EXPECT_GT(r32.float32ErrorPerformer, 0.0);
  EXPECT_LT(r32.float32ErrorPerformer, 1e-5);
  // The approximation errors themselves are the float64 ones in both modes.
  EXPECT_EQ(r32.performerErrorO, r64.performerErrorO);
  EXPECT_EQ(r32.vqErrorO, r64.vqErrorO);
}

TEST(Float32, NonFiniteFloatInputNamesItsKey) {
  Eigen::MatrixXf q = Eigen::MatrixXf::Ones(4, 2), k = q, v = q;
  k(1, 1) = NAN;
  try {
    exactAttentionOutput(q, k, v, 1.0f, false);
    FAIL() << "no error";
  } catch (const latentlab::ParamError& e) {
    EXPECT_EQ(e.key(), "k");
  }
}

}  // namespace
