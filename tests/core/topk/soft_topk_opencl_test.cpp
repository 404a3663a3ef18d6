// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Smooth Top-k device path (soft_topk_opencl.cpp) against the CPU: each method with a device
// path at a few sizes and both floating types, and the Top-k page at its defaults, every number
// its export writes (ui/pages/topk/topk_data.cpp), on every OpenCL device.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "latentlab/common/rng.h"
#include "latentlab/topk/topk_lab.h"
#include "tests/core/device_ids.h"
#include "topk/soft_topk_internal.h"
#include "topk/soft_topk_opencl.h"

namespace latentlab::topk {
namespace {

// max over entries of |a − b| / max(|b|, floor): relative error, with an absolute floor for
// entries that are rounding noise around 0 on both paths.
double relErr(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, double floor) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return INFINITY;
  double e = 0.0;
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    const double x = a.data()[i], y = b.data()[i];
    if (std::isnan(x) && std::isnan(y)) continue;
    if (x == y) continue;  // ±∞ on both
    e = std::max(e, std::abs(x - y) / std::max(std::abs(y), floor));
  }
  return e;
}
double relErr(const std::vector<double>& a, const std::vector<double>& b, double floor) {
  return relErr(Eigen::Map<const Eigen::VectorXd>(a.data(), Eigen::Index(a.size())),
                Eigen::Map<const Eigen::VectorXd>(b.data(), Eigen::Index(b.size())), floor);
}
double relErr(double a, double b, double floor) {
  return relErr(std::vector<double>{a}, std::vector<double>{b}, floor);
}

constexpr Method kDeviceMethods[] = {Method::ThreExp,  Method::ThreSigmoid, Method::ThreLaplace,
                                     Method::ThreClip, Method::ThreEntmax,  Method::IterSu};

std::vector<double> gaussianScores(int n, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<double> x(static_cast<std::size_t>(n));
  for (double& v : x) v = rng.normal();
  return x;
}

TEST(SoftTopkOpenCl, EachMethodMatchesTheCpu) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  // k = 300 > 256 takes the CPU's Newton-guided closed form for exp / Laplace, k = 5 its scan;
  // iter_su's k rounds are kept small.
  struct Case {
    int n, k;
  };
  for (const auto& id : ids) {
    const auto info = findDevice(id);
    ASSERT_TRUE(info);
    for (const Method m : kDeviceMethods)
      for (const Case c : {Case{7, 3}, Case{3000, 5}, Case{3000, 300}}) {
        if (m == Method::IterSu && c.k > 50) continue;
        SoftTopkParams sp;
        sp.x = gaussianScores(c.n, 11 + static_cast<std::uint64_t>(c.n));
        sp.k = c.k;
        sp.tau = 0.7;
        sp.method = m;
        sp.wantJacobian = c.n <= 7;
        RunControl cpu, dev;
        dev.device = id;
        const SoftTopkResult ref = computeSoftTopk(sp, cpu);
        const SoftTopkResult got = computeSoftTopk(sp, dev);
        const std::string what = id + " " + std::string(methodId(m)) + " n=" + std::to_string(c.n) +
                                 " k=" + std::to_string(c.k);
        EXPECT_EQ(got.deviceUse.device, id) << what << ": " << got.deviceUse.fallback;
        // fp64 on the device (pocl and the GPUs here have it): the same solver steps, only the
        // order of the sums and the exp implementation differ, so 1e-9 is generous.
        if (info->fp64) {
          EXPECT_LE(relErr(got.p, ref.p, 1e-12), 1e-9) << what;
          if (isThreshold(m)) {
            EXPECT_LE(relErr(got.lambda, ref.lambda, 1.0), 1e-9) << what;
          }
          EXPECT_EQ(got.iterations, ref.iterations) << what;
          EXPECT_EQ(got.saturated, ref.saturated) << what;
          if (sp.wantJacobian) {
            EXPECT_LE(relErr(got.jacobian, ref.jacobian, 1e-9), 1e-7) << what;
          }
        }
        EXPECT_LE(got.sumError, 1e-9 * c.k) << what;
      }
  }
}

TEST(SoftTopkOpenCl, Float32KernelsAgreeToSinglePrecision) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  for (const auto& id : ids) {
    const auto info = findDevice(id);
    for (const Method m : kDeviceMethods) {
      SoftTopkParams sp;
      sp.x = gaussianScores(5000, 3);
      sp.k = m == Method::IterSu ? 8 : 400;
      sp.method = m;
      const SoftTopkResult ref = computeSoftTopk(sp);
      detail::Problem pr{
          sp, Eigen::Map<const Eigen::VectorXd>(sp.x.data(), 5000), {}, 5000, sp.k, sp.tau};
      pr.z = pr.x / sp.tau;
      SoftTopkResult got;
      detail::runOnOpenCl(pr, got, *info, RunControl{}, detail::DeviceReal::Float32);
      // float32 scores and sums: λ is found to ~√n·eps_f·k in F, so p moves by about
      // F′⁻¹·that, a few 1e-4 of its scale (entmax, the steepest near its support's edge,
      // measured 2.1e-4 on pocl); entries below 1e-4 are compared absolutely.
      const double e = relErr(got.p, ref.p, 1e-4);
      EXPECT_LE(e, 5e-4) << id << " " << methodId(m);
      std::printf("float32 %s %s: max rel error of p %.3g\n", id.c_str(), methodId(m).data(), e);
      EXPECT_LE(std::abs(got.p.sum() - sp.k), 1e-3 * sp.k) << id << " " << methodId(m);
    }
  }
}

// Every number the Top-k page exports (topk_data.cpp), device against CPU. The relative bound
// is the page's 1e-4; floors: 1e-12 for masks and curves (both paths are fp64 here, so tiny
// entries agree closely too), 1e-9 for |Σp − k|, ‖p − T_k‖₁ and the finite-difference error:
// at small τ these are rounding noise (p = 1 − O(eps) gives ‖p − T_k‖₁ ~ n·eps), whose size,
// not value, is the output.
void expectPageMatches(const TopkLabResult& got, const TopkLabResult& ref, const std::string& id) {
  constexpr double kTol = 1e-4;
  ASSERT_EQ(got.outcomes.size(), ref.outcomes.size());
  EXPECT_LE(relErr(got.x, ref.x, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.hard, ref.hard, 1e-12), kTol) << id;
  for (std::size_t c = 0; c < ref.outcomes.size(); ++c) {
    const auto &g = got.outcomes[c], &r = ref.outcomes[c];
    const std::string what = id + " " + std::string(methodId(r.method));
    EXPECT_EQ(g.method, r.method);
    EXPECT_LE(relErr(g.result.p, r.result.p, 1e-12), kTol) << what;
    EXPECT_LE(relErr(g.tauUsed, r.tauUsed, 1e-12), kTol) << what;
    EXPECT_LE(relErr(g.result.p.sum(), r.result.p.sum(), 1e-12), kTol) << what;
    EXPECT_LE(relErr(g.result.sumError, r.result.sumError, 1e-9), kTol) << what;
    EXPECT_LE(relErr(g.result.lambda, r.result.lambda, 1e-12), kTol) << what;
    EXPECT_EQ(g.result.iterations, r.result.iterations) << what;
    EXPECT_LE(relErr(g.l1ToHard, r.l1ToHard, 1e-9), kTol) << what;
    EXPECT_EQ(g.result.valid, r.result.valid) << what;
    EXPECT_EQ(g.result.inBox, r.result.inBox) << what;
    EXPECT_EQ(g.monotone, r.monotone) << what;
    if (detail::hasDevicePath(r.method)) {
      EXPECT_EQ(g.result.deviceUse.device, id) << what;
    }
  }
  EXPECT_LE(relErr(got.sweepValues, ref.sweepValues, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.responseFocus, ref.responseFocus, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.responseByMethod, ref.responseByMethod, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.responseHard, ref.responseHard, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.traceVsSweep, ref.traceVsSweep, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.tauGrid, ref.tauGrid, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.tauFocus, ref.tauFocus, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.l1ByMethod, ref.l1ByMethod, 1e-9), kTol) << id;
  EXPECT_LE(relErr(got.traceVsTau, ref.traceVsTau, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.smoothSum, ref.smoothSum, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.focus.jacobian, ref.focus.jacobian, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.lambdaGrid, ref.lambdaGrid, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.fOfLambda, ref.fOfLambda, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.fCurves, ref.fCurves, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.dfCurves, ref.dfCurves, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.naiveError, ref.naiveError, 1e-12), kTol) << id;
  EXPECT_LE(relErr(got.dpError, ref.dpError, 1e-12), kTol) << id;
  EXPECT_EQ(got.properties, ref.properties) << id;
  EXPECT_EQ(got.focus.iterations, ref.focus.iterations) << id;
  EXPECT_LE(relErr(got.focus.sumError, ref.focus.sumError, 1e-9), kTol) << id;
  EXPECT_LE(relErr(got.jacobianFdError, ref.jacobianFdError, 1e-9), kTol) << id;
  EXPECT_LE(relErr(got.threshold.lambda, ref.threshold.lambda, 1e-12), kTol) << id;
}

TEST(SoftTopkOpenCl, TopkPageDefaultsMatchTheCpuExport) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const TopkLabParams params;  // the page's defaults: n = 4, k = 2, focus grad_topk
  RunControl cpu;
  const TopkLabResult ref = computeTopkLab(params, cpu);
  EXPECT_EQ(ref.deviceUse.device, "cpu");
  for (const auto& id : ids) {
    if (!findDevice(id)->fp64) continue;  // the page's 1e-9 property checks need fp64
    RunControl rc;
    rc.device = id;
    const TopkLabResult got = computeTopkLab(params, rc);
    EXPECT_EQ(got.deviceUse.device, id) << got.deviceUse.fallback;
    EXPECT_TRUE(got.deviceUse.fallback.empty()) << got.deviceUse.fallback;
    expectPageMatches(got, ref, id);
  }
}

TEST(SoftTopkOpenCl, ThresholdFocusPageMatchesTheCpu) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  TopkLabParams params;
  params.method = Method::ThreSigmoid;  // the focus Jacobian and solver trace on the device
  params.shown[static_cast<std::size_t>(Method::ThreClip)] = true;
  params.shown[static_cast<std::size_t>(Method::ThreEntmax)] = true;
  const TopkLabResult ref = computeTopkLab(params);
  for (const auto& id : ids) {
    if (!findDevice(id)->fp64) continue;
    RunControl rc;
    rc.device = id;
    const TopkLabResult got = computeTopkLab(params, rc);
    EXPECT_EQ(got.deviceUse.device, id) << got.deviceUse.fallback;
    expectPageMatches(got, ref, id);
  }
}

TEST(SoftTopkOpenCl, AnUnknownDeviceFallsBackToTheCpuAndSaysWhy) {
  RunControl rc;
  rc.device = "opencl:97:97";
  const TopkLabResult got = computeTopkLab(TopkLabParams{}, rc);
  EXPECT_EQ(got.deviceUse.device, "cpu");
  EXPECT_EQ(got.deviceUse.requested, "opencl:97:97");
  EXPECT_NE(got.deviceUse.fallback.find("no device with id opencl:97:97"), std::string::npos)
      << got.deviceUse.fallback;
  SoftTopkParams sp;
  sp.method = Method::ThreSigmoid;
  const SoftTopkResult r = computeSoftTopk(sp, rc);
  EXPECT_EQ(r.deviceUse.device, "cpu");
  EXPECT_FALSE(r.deviceUse.fallback.empty());
}

// The speed view times the CPU always and, on a device, the methods with a device path there too,
// on the same inputs; a method without one has NaN device cells.
TEST(SoftTopkOpenCl, SpeedViewTimesTheCpuAndTheDeviceSideBySide) {
  SpeedParams sp;
  sp.methods = {Method::GradTopk, Method::ThreExp};
  sp.sizes = {100, 1000};
  sp.budgetMsPerCell = 2.0;
  const SpeedResult cpu = measureSpeed(sp);
  EXPECT_EQ(cpu.deviceMs.size(), 0);
  EXPECT_EQ(cpu.deviceUse.device, "cpu");

  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  for (const auto& id : ids) {
    RunControl rc;
    rc.device = id;
    const SpeedResult r = measureSpeed(sp, rc);
    ASSERT_EQ(r.deviceMs.rows(), 2) << id;
    ASSERT_EQ(r.deviceMs.cols(), 2) << id;
    EXPECT_EQ(r.deviceUse.device, id) << r.deviceUse.fallback;
    for (Eigen::Index s = 0; s < 2; ++s) {
      EXPECT_GT(r.medianMs(0, s), 0.0);
      EXPECT_GT(r.medianMs(1, s), 0.0);
      EXPECT_TRUE(std::isnan(r.deviceMs(0, s))) << "grad_topk has no device path";
      EXPECT_GT(r.deviceMs(1, s), 0.0) << id;
    }
  }
}

TEST(SoftTopkOpenCl, SpeedViewOnAnUnknownDeviceKeepsTheCpuRowsAndSaysWhy) {
  SpeedParams sp;
  sp.methods = {Method::ThreExp};
  sp.sizes = {100};
  sp.budgetMsPerCell = 1.0;
  RunControl rc;
  rc.device = "opencl:97:97";
  const SpeedResult r = measureSpeed(sp, rc);
  EXPECT_GT(r.medianMs(0, 0), 0.0);
  ASSERT_EQ(r.deviceMs.size(), 1);
  EXPECT_TRUE(std::isnan(r.deviceMs(0, 0)));
  EXPECT_EQ(r.deviceUse.device, "cpu");
  EXPECT_NE(r.deviceUse.fallback.find("opencl:97:97"), std::string::npos) << r.deviceUse.fallback;
}

}  // namespace
}  // namespace latentlab::topk
