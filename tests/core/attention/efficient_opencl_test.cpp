// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Efficient attention page on every OpenCL device (float32) against the CPU's double path:
// exact attention (tiled, causal), Performer's features and linear attention (all three feature
// kinds, causal prefix sums), Transformer-VQ's codes and cache, and the whole lab result.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>

#include "attention/efficient_opencl.h"
#include "common/opencl/cl_runtime.h"
#include "latentlab/attention/efficient_lab.h"
#include "latentlab/attention/exact_attention.h"
#include "tests/core/device_ids.h"

namespace latentlab::attention {
namespace {

using Eigen::MatrixXd;
using Eigen::MatrixXf;

// max |got − want| / max |want|: float32 rounds each entry to ~6e-8 of its size, and a softmax
// row or a GEMM over d adds a few ulps of the row's scale, so entries far below the maximum are
// compared at the matrix's scale (their own relative error would measure float32's, not ours).
double relMax(const MatrixXd& got, const MatrixXd& want) {
  EXPECT_EQ(got.rows(), want.rows());
  EXPECT_EQ(got.cols(), want.cols());
  if (got.rows() != want.rows() || got.cols() != want.cols()) return 1.0;
  return (got - want).cwiseAbs().maxCoeff() / want.cwiseAbs().maxCoeff();
}

double rel(double got, double want) {
  return std::abs(got - want) / std::max(std::abs(want), 1e-300);
}

struct Inputs {
  AttentionInputs d;
  MatrixXf q, k, v;
};
Inputs inputs(int n, int d, int dv, double sigma = 0.5) {
  Inputs in{makeInputs(n, d, dv, sigma, 7), {}, {}, {}};
  in.q = in.d.q.cast<float>();
  in.k = in.d.k.cast<float>();
  in.v = in.d.v.cast<float>();
  return in;
}

TEST(EfficientOpenCl, ExactAttentionMatchesTheDoublePathTiledAndCausal) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const Inputs in = inputs(300, 16, 8);
  const double scale = 0.25;
  for (const auto& id : ids) {
    opencl::Device& device = opencl::Device::get(id);
    for (bool causal : {false, true}) {
      const MatrixXd want = exactAttentionOutput(in.d.q, in.d.k, in.d.v, scale, causal);
      const MatrixXd wantRows = exactAttentionRows(in.d.q, in.d.k, scale, causal, 40);
      // One block, and blocks of 64 rows (5 of them, the last partial).
      for (Eigen::Index logits : {Eigen::Index{1} << 24, Eigen::Index{64 * 300}}) {
        const auto got =
            ocl::exactAttention(device, in.q, in.k, in.v, 0.25f, causal, 40, {}, logits);
        // Bound 1e-5: the outputs are averages of V rows with float32 weights (~1e-7 each).
        EXPECT_LT(relMax(got.output.cast<double>(), want), 1e-5) << id << " causal " << causal;
        EXPECT_LT(relMax(got.rows.cast<double>(), wantRows), 1e-5) << id << " causal " << causal;
        if (causal) {
          EXPECT_EQ(got.rows(0, 1), 0.0f) << "masked keys are exact zeros";
        }
      }
    }
  }
}

TEST(EfficientOpenCl, PerformerFeaturesAndOutputsMatchEveryKindCausalToo) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const Inputs in = inputs(200, 16, 8, 0.35);
  const MatrixXd omega = randomProjection(32, 16, Projection::Orthogonal, 3);
  const MatrixXf omegaF = omega.cast<float>();
  const double scale = 0.25;
  for (const auto& id : ids) {
    opencl::Device& device = opencl::Device::get(id);
    for (FeatureKind kind :
         {FeatureKind::Positive, FeatureKind::Hyperbolic, FeatureKind::Trigonometric}) {
      const FeaturePair f = attentionFeatures(in.d.q, in.d.k, omega, kind, scale);
      for (bool causal : {false, true}) {
        const auto got =
            ocl::performer(device, in.q, in.k, in.v, omegaF, kind, 0.25f, causal, true);
        const std::string what =
            id + " kind " + std::to_string(static_cast<int>(kind)) + (causal ? " causal" : "");
        EXPECT_LT(relMax(got.features.q.cast<double>(), f.q), 1e-5) << what;
        EXPECT_LT(relMax(got.features.k.cast<double>(), f.k), 1e-5) << what;
        const MatrixXd want = linearAttention(f.q, f.k, in.d.v, causal);
        // 1e-5 for every kind here (measured < 1e-6); trigonometric normalisers can come near
        // zero (performer.h) and amplify rounding, but not at σ = 0.35 with these seeds.
        EXPECT_LT(relMax(got.output.cast<double>(), want), 1e-5) << what;
      }
    }
  }
}

TEST(EfficientOpenCl, TransformerVqCodesAndCacheMatch) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const Inputs in = inputs(300, 16, 8);
  const double scale = 0.25;
  for (const auto& id : ids) {
    opencl::Device& device = opencl::Device::get(id);
    for (CodebookKind kind : {CodebookKind::KMeans, CodebookKind::RandomKeys}) {
      const MatrixXd c = makeCodebook(in.d.k, 24, kind, 5, 10);
      const auto want = assignCodes(in.d.k, c);
      const auto got = ocl::transformerVq(device, in.k, c.cast<float>(), in.q, in.v, 0.25f);
      EXPECT_EQ(got.codes, want) << id;
      const MatrixXd wantO = vqLinearOutput(in.d.q, c, want, in.d.v, scale, false, 16);
      EXPECT_LT(relMax(got.output.cast<double>(), wantO), 1e-5) << id;
      const auto codesOnly = ocl::transformerVq(device, in.k, c.cast<float>(), in.q, {}, 0.25f);
      EXPECT_EQ(codesOnly.codes, want) << id;
      EXPECT_EQ(codesOnly.output.size(), 0) << id;
    }
  }
}

// Every numeric field the page exports (ui/pages/attention/efficient_attention_data.cpp).
void expectLabsAgree(const EfficientLabResult& g, const EfficientLabResult& w,
                     const std::string& what) {
  constexpr double kRel = 1e-4;
  EXPECT_EQ(g.shown, w.shown) << what;
  EXPECT_LT(relMax(g.exactMap, w.exactMap), kRel) << what;
  EXPECT_LT(relMax(g.performerMap, w.performerMap), kRel) << what;
  EXPECT_LT(relMax(g.vqMap, w.vqMap), kRel) << what;
  // |A − Â| at the scale of A: its entries are differences of nearly equal weights.
  EXPECT_LT((g.performerAbsError - w.performerAbsError).cwiseAbs().maxCoeff(),
            kRel * w.exactMap.cwiseAbs().maxCoeff())
      << what;
  for (auto [name, a, b] : {std::tuple{"performerErrorA", g.performerErrorA, w.performerErrorA},
                            {"performerErrorO", g.performerErrorO, w.performerErrorO},
                            {"vqErrorA", g.vqErrorA, w.vqErrorA},
                            {"vqErrorO", g.vqErrorO, w.vqErrorO},
                            {"keyVqError", g.keyVqError, w.keyVqError},
                            {"minDenominator", g.minDenominator, w.minDenominator},
                            {"rewriteDiffRegular", g.rewriteDiffRegular, w.rewriteDiffRegular},
                            {"rewriteDiffChi", g.rewriteDiffChi, w.rewriteDiffChi},
                            {"softmaxStepDiff", g.softmaxStepDiff, w.softmaxStepDiff},
                            {"hardErrorO", g.hardErrorO, w.hardErrorO}})
    EXPECT_LT(rel(a, b), kRel) << what << " " << name << " " << a << " vs " << b;
  // Linear vs quadratic Transformer-VQ is a rounding residual by definition (~1e-15 in double):
  // in float32 it is float32's (~1e-7), so only its size is checked.
  EXPECT_LT(g.vqLinearVsQuadratic, 1e-5) << what;
  EXPECT_EQ(g.negativeEntries, w.negativeEntries) << what;
  EXPECT_EQ(g.codesUsed, w.codesUsed) << what;
  EXPECT_EQ(g.codes, w.codes) << what;
  EXPECT_EQ(g.keyCode, w.keyCode) << what;
  EXPECT_EQ(g.queries, w.queries) << what;
  EXPECT_EQ(g.keys, w.keys) << what;
  EXPECT_EQ(g.values, w.values) << what;
  EXPECT_EQ(g.omega, w.omega) << what;
  EXPECT_EQ(g.codebook, w.codebook) << what;
  EXPECT_LT(relMax(g.keySoftOverFeatures, w.keySoftOverFeatures), kRel) << what;
  EXPECT_LT(relMax(g.keySoftOverCodes, w.keySoftOverCodes), kRel) << what;
  ASSERT_EQ(g.tauGrid, w.tauGrid) << what;
  for (std::size_t i = 0; i < w.tauGrid.size(); ++i) {
    EXPECT_LT(rel(g.softHardDiff[i], w.softHardDiff[i]), kRel) << what << " tau " << i;
    EXPECT_LT(rel(g.softErrorO[i], w.softErrorO[i]), kRel) << what << " tau " << i;
  }
}

TEST(EfficientOpenCl, TheLabAtDefaultsMatchesTheCpuOnEveryDevice) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const EfficientLabParams p;
  RunControl cpu;
  cpu.device = "cpu";
  const EfficientLabResult want = computeEfficientLab(p, cpu);
  EXPECT_EQ(want.deviceUse.device, "cpu");
  for (const auto& id : ids) {
    RunControl rc;
    rc.device = id;
    const EfficientLabResult got = computeEfficientLab(p, rc);
    ASSERT_EQ(got.deviceUse.device, id) << got.deviceUse.fallback;
    EXPECT_TRUE(got.deviceUse.fallback.empty());
    EXPECT_TRUE(std::isnan(got.float32ErrorExact));  // float64 page: no float32 columns
    expectLabsAgree(got, want, id);
  }
}

TEST(EfficientOpenCl, TheCausalLabAndTheFloat32ColumnsMatch) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  EfficientLabParams p;
  p.n = 160;
  p.causal = true;
  p.block = 16;
  p.precision = Arithmetic::Float32;
  RunControl cpu;
  const EfficientLabResult want = computeEfficientLab(p, cpu);
  for (const auto& id : ids) {
    RunControl rc;
    rc.device = id;
    const EfficientLabResult got = computeEfficientLab(p, rc);
    ASSERT_EQ(got.deviceUse.device, id) << got.deviceUse.fallback;
    expectLabsAgree(got, want, id + " causal");
    // float32 against double on both: the same size of rounding, not the same rounding.
    for (double e : {got.float32ErrorExact, got.float32ErrorPerformer, want.float32ErrorExact,
                     want.float32ErrorPerformer}) {
      EXPECT_TRUE(std::isfinite(e)) << id;
      EXPECT_LT(e, 1e-5) << id;
    }
  }
}

TEST(EfficientOpenCl, AnUnknownDeviceFallsBackToTheCpuAndSaysWhy) {
  EfficientLabParams p;
  p.n = 64;
  p.codebookSize = 8;
  RunControl rc;
  rc.device = "opencl:77:0";
  const EfficientLabResult got = computeEfficientLab(p, rc);
  EXPECT_EQ(got.deviceUse.device, "cpu");
  EXPECT_EQ(got.deviceUse.requested, "opencl:77:0");
  EXPECT_NE(got.deviceUse.fallback.find("no device with id opencl:77:0"), std::string::npos)
      << got.deviceUse.fallback;
  const EfficientLabResult cpu = computeEfficientLab(p);
  EXPECT_EQ(got.exactMap, cpu.exactMap) << "the fallback is the CPU path itself";
}

// The Timing view times the CPU always and, on a device, the same three methods there too.
TEST(EfficientOpenCl, TimingMeasuresTheCpuAndTheDeviceSideBySide) {
  TimingParams tp;
  tp.sizes = {64, 128};
  tp.d = 8;
  tp.m = 16;
  tp.codebookSize = 32;
  tp.budgetMsPerCell = 1.0;
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  for (const auto& id : ids) {
    RunControl rc;
    rc.device = id;
    int calls = 0;
    rc.onProgress = [&](double) { ++calls; };
    const TimingResult t = measureTiming(tp, rc);
    EXPECT_EQ(t.deviceUse.device, id) << t.deviceUse.fallback;
    ASSERT_EQ(t.deviceMs.rows(), 3);
    ASSERT_EQ(t.deviceMs.cols(), 2);
    EXPECT_TRUE(t.medianMs.allFinite());
    EXPECT_TRUE(t.deviceMs.allFinite()) << id;
    EXPECT_GT(t.deviceMs.minCoeff(), 0.0) << id;
    EXPECT_EQ(calls, 12) << "one progress step per CPU and per device cell";
  }
}

TEST(EfficientOpenCl, TimingOnAnUnknownDeviceKeepsTheCpuRowsAndSaysWhy) {
  TimingParams tp;
  tp.sizes = {64};
  tp.d = 8;
  tp.m = 16;
  tp.codebookSize = 16;
  tp.budgetMsPerCell = 1.0;
  RunControl rc;
  rc.device = "opencl:77:0";
  const TimingResult t = measureTiming(tp, rc);
  EXPECT_TRUE(t.medianMs.allFinite());
  ASSERT_EQ(t.deviceMs.size(), 3);
  EXPECT_TRUE(t.deviceMs.array().isNaN().all());
  EXPECT_EQ(t.deviceUse.device, "cpu");
  EXPECT_NE(t.deviceUse.fallback.find("opencl:77:0"), std::string::npos) << t.deviceUse.fallback;
  EXPECT_EQ(measureTiming(tp).deviceMs.size(), 0) << "the CPU chosen: no device rows";
}

}  // namespace
}  // namespace latentlab::attention
