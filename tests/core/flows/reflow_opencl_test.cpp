// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The ReFlow device path (reflow_opencl.cpp) against the CPU: the exact mixture velocity, its
// Euler/Heun/RK4 trajectories, and the ReFlow page at its defaults (every number its export
// writes, ui/pages/flows/reflow_data.cpp), on every OpenCL device.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "flows/reflow_opencl.h"
#include "latentlab/flows/reflow_lab.h"
#include "tests/core/device_ids.h"

namespace latentlab::flows {
namespace {

// max |a − b| / max(|b|, floor).
double relErr(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, double floor) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return INFINITY;
  double e = 0.0;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    e = std::max(e, std::abs(a.data()[i] - b.data()[i]) / std::max(std::abs(b.data()[i]), floor));
  return e;
}

// Particle coordinates pass through 0, where a relative error means nothing: positions are
// compared relative to max(|x|, 0.1), a tenth of the unit of the page's [−3.3, 3.3]² canvas.
constexpr double kPositionFloor = 0.1;

TEST(ReflowOpenCl, VelocityAndStepsMatchTheCpu) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  ReflowLabParams p;  // 1 source × 8 target components
  const MixtureVelocity exact(sourceMixture(p), targetMixture(p));
  const Eigen::MatrixXd z0 = exact.source().sample(512, 5);
  for (const auto& id : ids) {
    const auto info = *findDevice(id);
    for (const double t : {0.0, 0.5, 0.97}) {
      // float32 velocity: the log-weights ‖x − m‖²/(2c) reach ~10² at t near 1 (c ~ 0.01), so
      // their float rounding (~1e-5 absolute) moves the softmax by ~1e-5 relative.
      const double e =
          relErr(detail::velocityOnOpenCl(exact, z0, t, info), exact(z0, t), kPositionFloor);
      std::printf("%s velocity t=%.2f float32: %.3g\n", id.c_str(), t, e);
      EXPECT_LE(e, 1e-4) << id << " t=" << t;
    }
    for (const Solver s : {Solver::Euler, Solver::Heun, Solver::Rk4}) {
      std::vector<Eigen::MatrixXd> fg, fc;
      const Eigen::MatrixXd got =
          detail::integrateOnOpenCl(exact, z0, 20, s, &fg, RunControl{}, info);
      const Eigen::MatrixXd ref = exact.integrate(z0, 20, s, &fc);
      const double e = relErr(got, ref, kPositionFloor);
      std::printf("%s %s 20 steps float32: %.3g\n", id.c_str(), solverId(s), e);
      EXPECT_LE(e, 1e-4) << id << " " << solverId(s);
      ASSERT_EQ(fg.size(), fc.size());
      for (std::size_t i = 0; i < fc.size(); ++i)
        EXPECT_LE(relErr(fg[i], fc[i], kPositionFloor), 1e-4) << id << " frame " << i;
      if (info.fp64) {
        const Eigen::MatrixXd g64 = detail::integrateOnOpenCl(
            exact, z0, 20, s, nullptr, RunControl{}, info, detail::DeviceReal::Float64);
        EXPECT_LE(relErr(g64, ref, kPositionFloor), 1e-9) << id << " fp64 " << solverId(s);
      }
    }
  }
}

TEST(ReflowOpenCl, ReflowPageDefaultsMatchTheCpuExport) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const ReflowLabParams p;  // Flow view: 10 000 particles, 50 Euler steps, 8 Gaussians
  const ReflowLabResult ref = computeReflowLab(p);
  EXPECT_EQ(ref.deviceUse.device, "cpu");
  for (const auto& id : ids) {
    RunControl rc;
    rc.device = id;
    const ReflowLabResult got = computeReflowLab(p, rc);
    EXPECT_EQ(got.deviceUse.device, id) << got.deviceUse.fallback;
    EXPECT_EQ(got.fieldDeviceUse.device, id) << got.fieldDeviceUse.fallback;
    EXPECT_EQ(got.snapshotIndex, ref.snapshotIndex);
    EXPECT_EQ(got.box, ref.box);
    const double eSnap = relErr(got.snapshot(), ref.snapshot(), kPositionFloor);
    double ePaths = 0.0;
    ASSERT_EQ(got.paths.size(), ref.paths.size());
    for (std::size_t j = 0; j < ref.paths.size(); ++j)
      ePaths = std::max(ePaths, relErr(got.paths[j], ref.paths[j], kPositionFloor));
    // ρ_t: relative with a floor at 1e-12 of its maximum (below that the heat map is blank).
    const double eRho = relErr(got.density, ref.density, 1e-12 * ref.density.maxCoeff());
    const double eVel = relErr(got.arrowVel, ref.arrowVel, kPositionFloor);
    std::printf("%s page: particles %.3g, paths %.3g, density %.3g, arrows %.3g\n", id.c_str(),
                eSnap, ePaths, eRho, eVel);
    EXPECT_LE(eSnap, 1e-4) << id;
    EXPECT_LE(ePaths, 1e-4) << id;
    EXPECT_LE(eRho, 1e-4) << id;
    EXPECT_LE(eVel, 1e-4) << id;
    EXPECT_EQ(got.targetSamples, ref.targetSamples) << "sampled on the host";
    EXPECT_EQ(got.pairs0, ref.pairs0);
    EXPECT_EQ(got.pairs1, ref.pairs1);
    EXPECT_EQ(got.arrowBase, ref.arrowBase);
  }
}

TEST(ReflowOpenCl, AnUnknownDeviceFallsBackToTheCpuAndSaysWhy) {
  ReflowLabParams p;
  p.particles = 200;
  p.steps = 4;
  RunControl rc;
  rc.device = "opencl:97:97";
  const ReflowLabResult got = computeReflowLab(p, rc);
  EXPECT_EQ(got.deviceUse.device, "cpu");
  EXPECT_NE(got.deviceUse.fallback.find("no device with id opencl:97:97"), std::string::npos)
      << got.deviceUse.fallback;
  EXPECT_EQ(got.fieldDeviceUse.device, "cpu");
  EXPECT_EQ(got.snapshot(), computeReflowLab(p).snapshot());
}

TEST(ReflowOpenCl, TooManyDimensionsIsADeviceError) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  Mixture m;
  m.means = Eigen::MatrixXd::Zero(1, 9);  // the kernels keep DIM ≤ 8 values per work item
  m.stds = Eigen::VectorXd::Ones(1);
  m.weights = Eigen::VectorXd::Ones(1);
  const MixtureVelocity v(m, m);
  EXPECT_THROW(detail::velocityOnOpenCl(v, Eigen::MatrixXd::Zero(3, 9), 0.5, *findDevice(ids[0])),
               DeviceError);
}

}  // namespace
}  // namespace latentlab::flows
