// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The EMA codebook step, Lloyd with its history and the FSQ-vs-VQ grid page's VQ part on every
// OpenCL device against the CPU: equal bit for bit (indices, codebooks, counts, sums, curves).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "latentlab/common/rng.h"
#include "latentlab/quantization/grid_lab.h"
#include "latentlab/quantization/vq.h"
#include "tests/core/device_ids.h"
#include "tests/core/quantization/gaussian_rows.h"

namespace latentlab::quantization {
namespace {

RunControl on(const std::string& id) { return latentlab::testing::runOn(id); }

using test_data::gaussian;

// Largest |a − b| over two equally shaped matrices (a shape mismatch counts as infinite).
template <class M>
double maxDiff(const M& a, const M& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return INFINITY;
  return a.size() == 0 ? 0.0 : (a - b).cwiseAbs().maxCoeff();
}

struct EmaCase {
  const char* name;
  double smoothing;
  bool restart;
  VqInit init;
};

// 50 steps on batches of 256 drawn from 3000 points in d = 6, K = 128: the device and the CPU
// step side by side from the same state and the same restart draws.
TEST(VqOpenCl, EmaStepsEqualTheCpuBitForBit) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const RowMatrixXd x = gaussian(3000, 6, 21);
  const EmaCase cases[] = {{"smoothed", 1e-5, false, VqInit::KmeansPlusPlus},
                           {"unsmoothed", 0.0, false, VqInit::DataRows},
                           // Tiny codes near the origin: many stay unused and are restarted.
                           {"restarts", 1e-5, true, VqInit::Tiny}};
  for (const auto& id : ids) {
    for (const EmaCase& c : cases) {
      EmaOptions opt;
      opt.decay = 0.9;  // fast decay: unused codes fall below the threshold within 50 steps
      opt.smoothing = c.smoothing;
      opt.restart = c.restart;
      opt.restartThreshold = 0.5;
      const RowMatrixXd init = initCodebook(x, 128, c.init, 22);
      EmaCodebook cpu(init, opt), dev(init, opt);
      Rng cpuRng(23), devRng(23), pick(24);
      RowMatrixXd batch(256, 6);
      double worst = 0.0;
      int sameSteps = 0;
      for (int step = 0; step < 50; ++step) {
        for (Eigen::Index b = 0; b < batch.rows(); ++b)
          batch.row(b) = x.row(std::min<Eigen::Index>(
              x.rows() - 1, static_cast<Eigen::Index>(pick.uniform() * x.rows())));
        DeviceUse use;
        const std::vector<int> a = cpu.step(batch, cpuRng);
        const std::vector<int> b = dev.step(batch, devRng, on(id), use);
        ASSERT_EQ(use.device, id) << use.fallback;
        sameSteps += a == b ? 1 : 0;
        worst = std::max({worst, maxDiff(dev.codebook(), cpu.codebook()),
                          maxDiff(dev.sums(), cpu.sums()),
                          maxDiff(Eigen::MatrixXd(dev.counts()), Eigen::MatrixXd(cpu.counts()))});
      }
      const std::string what = id + " " + c.name;
      EXPECT_EQ(sameSteps, 50) << what << ": steps with equal assignments";
      EXPECT_EQ(worst, 0.0) << what << ": max |device − CPU| over codebook, sums, counts";
      EXPECT_EQ(dev.restarts(), cpu.restarts()) << what;
      if (c.restart) {
        EXPECT_GT(cpu.restarts(), 0) << what << ": the case must restart codes";
      }
      // The state moved (the comparison is not between two untouched copies of init).
      EXPECT_GT(maxDiff(cpu.codebook(), init), 1e-3) << what;
      std::printf("[ parity ] %s EMA %s: 50 steps, max |device - CPU| %.3g, %d restarts\n",
                  id.c_str(), c.name, worst, dev.restarts());
    }
  }
}

TEST(VqOpenCl, LloydHistoryEqualsTheCpu) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const RowMatrixXd x = gaussian(2500, 4, 25);
  const RowMatrixXd init = kmeansPlusPlus(x, 96, 26);
  const RowMatrixXd sentinel = RowMatrixXd::Constant(1, 4, 7.0);
  std::vector<RowMatrixXd> ref{sentinel};
  const LloydResult cpu = lloyd(x, init, 7, {}, &ref);
  ASSERT_EQ(ref.size(), 9u);  // the sentinel and iterations + 1 codebooks
  for (const auto& id : ids) {
    std::vector<RowMatrixXd> hist{sentinel};  // appended to, as the CPU's
    DeviceUse use;
    const LloydResult dev = lloyd(x, init, 7, on(id), use, &hist);
    EXPECT_EQ(use.device, id) << use.fallback;
    EXPECT_EQ(dev.assignment, cpu.assignment) << id;
    EXPECT_EQ(maxDiff(dev.codebook, cpu.codebook), 0.0) << id;
    ASSERT_EQ(hist.size(), ref.size()) << id;
    double worst = 0.0;
    for (std::size_t t = 0; t < ref.size(); ++t) worst = std::max(worst, maxDiff(hist[t], ref[t]));
    EXPECT_EQ(worst, 0.0) << id << ": max |device − CPU| over the history";
    EXPECT_GT(maxDiff(ref.back(), ref[1]), 1e-3);  // the codebook moved over the run
  }
}

// Every VQ field of the page, compared exactly.
void expectSameVq(const GridLabResult& dev, const GridLabResult& cpu, const std::string& what) {
  EXPECT_EQ(dev.vqIndex, cpu.vqIndex) << what;
  EXPECT_EQ(maxDiff(dev.codebook, cpu.codebook), 0.0) << what;
  EXPECT_EQ(dev.vqCurve, cpu.vqCurve) << what;
  EXPECT_EQ(dev.vqCounts, cpu.vqCounts) << what;
  EXPECT_EQ(dev.vqRelMse, cpu.vqRelMse) << what;
  EXPECT_EQ(dev.vqRestarts, cpu.vqRestarts) << what;
  EXPECT_EQ(dev.historyStep, cpu.historyStep) << what;
  EXPECT_EQ(dev.shownIndex, cpu.shownIndex) << what;
  EXPECT_TRUE(dev.voronoi == cpu.voronoi) << what << ": Voronoi label image";
  ASSERT_EQ(dev.history.size(), cpu.history.size()) << what;
  double worst = 0.0;
  for (std::size_t t = 0; t < cpu.history.size(); ++t)
    worst = std::max(worst, maxDiff(dev.history[t], cpu.history[t]));
  EXPECT_EQ(worst, 0.0) << what << ": max |device − CPU| over the history";
}

std::vector<GridLabParams> gridCases() {
  GridLabParams lloydCase;
  lloydCase.data = GridData::Mixture;
  lloydCase.iterations = 12;
  GridLabParams emaCase;
  emaCase.vqMethod = VqMethod::Ema;
  emaCase.dims = 3;
  emaCase.level1 = emaCase.level2 = 5;
  emaCase.vqInit = VqInit::Tiny;  // dead codes: the restarts run
  emaCase.emaSteps = 120;
  emaCase.restartThreshold = 0.5;  // γ = 0.99: an unused code's count falls below 0.5 in 69 steps
  return {lloydCase, emaCase};
}

TEST(VqOpenCl, GridPageVqEqualsTheCpu) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  for (const GridLabParams& p : gridCases()) {
    const std::string method = p.vqMethod == VqMethod::Lloyd ? "lloyd" : "ema";
    const GridLabResult cpu = computeGridLab(p, on("cpu"));
    EXPECT_EQ(cpu.deviceUse.device, "cpu");
    EXPECT_TRUE(cpu.deviceUse.fallback.empty());
    if (p.vqMethod == VqMethod::Ema) {
      EXPECT_GT(cpu.vqRestarts, 0);
    }
    for (const auto& id : ids) {
      const GridLabResult dev = computeGridLab(p, on(id));
      EXPECT_EQ(dev.deviceUse.device, id) << dev.deviceUse.fallback;
      EXPECT_TRUE(dev.deviceUse.fallback.empty()) << dev.deviceUse.fallback;
      expectSameVq(dev, cpu, id + " " + method);
      // Step/play: the second snapshot (one iteration, ten EMA steps) on the device and the CPU.
      GridLabResult devShown = dev, cpuShown = cpu;
      const int step = cpu.historyStep[1];
      showVqStep(devShown, step, on(id));
      showVqStep(cpuShown, step, on("cpu"));
      EXPECT_EQ(devShown.deviceUse.device, id) << devShown.deviceUse.fallback;
      EXPECT_NE(cpuShown.vqIndex, cpu.vqIndex) << method << ": the shown step must differ";
      expectSameVq(devShown, cpuShown, id + " " + method + " shown step " + std::to_string(step));
    }
  }
}

// No device needed: an id that names no device computes on the CPU, with the CPU's numbers.
TEST(VqOpenCl, GridPageOnAnUnknownDeviceFallsBackToTheCpu) {
  for (const GridLabParams& p : gridCases()) {
    const GridLabResult cpu = computeGridLab(p);
    const GridLabResult dev = computeGridLab(p, on("opencl:97:97"));
    EXPECT_EQ(dev.deviceUse.device, "cpu");
    EXPECT_EQ(dev.deviceUse.requested, "opencl:97:97");
    EXPECT_NE(dev.deviceUse.fallback.find("no device with id"), std::string::npos)
        << dev.deviceUse.fallback;
    expectSameVq(dev, cpu, "fallback");
  }
  // The EMA step itself falls back the same way and keeps the CPU's state.
  const RowMatrixXd x = gaussian(512, 3, 27);
  EmaOptions opt;
  opt.restart = true;
  opt.restartEvery = 1;
  EmaCodebook cpu(initCodebook(x, 32, VqInit::Tiny, 28), opt), dev = cpu;
  Rng a(29), b(29);
  DeviceUse use;
  EXPECT_EQ(dev.step(x, b, on("opencl:97:97"), use), cpu.step(x, a));
  EXPECT_FALSE(use.fallback.empty());
  EXPECT_EQ(maxDiff(dev.codebook(), cpu.codebook()), 0.0);
  EXPECT_EQ(maxDiff(dev.sums(), cpu.sums()), 0.0);
  EXPECT_EQ(dev.restarts(), cpu.restarts());
  EXPECT_EQ(dev.steps(), 1);
}

}  // namespace
}  // namespace latentlab::quantization
