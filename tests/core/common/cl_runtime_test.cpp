// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The OpenCL runtime under every device kernel: programs build and run, a broken program or an
// impossible buffer is a DeviceError with a message (never a crash), and CLBlast's GEMM agrees
// with Eigen's.
#include "common/opencl/cl_runtime.h"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <string_view>

#include "common/opencl/cl_blas.h"
#include "tests/core/device_ids.h"

namespace latentlab::opencl {
namespace {

constexpr std::string_view kAxpy = R"(
__kernel void axpy(const int n, const float a, __global const float* x, __global float* y) {
  const int i = get_global_id(0);
  if (i < n) y[i] += a * x[i];
})";

constexpr std::string_view kBroken = "__kernel void broken(__global float* y) { y[0] = nope; }";

TEST(ClRuntime, AKernelBuildsOnceAndRuns) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  for (const auto& id : ids) {
    Device& device = Device::get(id);
    EXPECT_EQ(&device, &Device::get(id)) << "one Device per id";
    std::vector<float> x(1000), y(1000);
    for (int i = 0; i < 1000; ++i) x[i] = float(i), y[i] = 1.0f;
    Buffer bx = device.upload(std::span<const float>(x));
    Buffer by = device.upload(std::span<const float>(y));
    for (int rep = 0; rep < 2; ++rep) {
      Kernel k = device.kernel(kAxpy, "axpy");
      k.args(cl_int(1000), 0.5f, bx, by);
      device.launch1d(k, 1000);
    }
    const auto out = device.download<float>(by, 1000);
    for (int i = 0; i < 1000; i += 97) EXPECT_FLOAT_EQ(out[i], 1.0f + float(i)) << id << " " << i;
  }
}

TEST(ClRuntime, ABrokenProgramIsADeviceErrorWithTheBuildLog) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  Device& device = Device::get(ids.front());
  try {
    device.kernel(kBroken, "broken");
    FAIL() << "a program with an undeclared identifier built";
  } catch (const DeviceError& e) {
    EXPECT_NE(std::string(e.what()).find("did not build"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("nope"), std::string::npos) << e.what();
  }
  EXPECT_THROW(device.kernel(kAxpy, "no_such_kernel"), DeviceError);
}

TEST(ClRuntime, ABufferLargerThanTheDeviceAllowsIsADeviceError) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  Device& device = Device::get(ids.front());
  const std::size_t tooBig = device.info().maxAllocBytes + 1;
  try {
    device.alloc(tooBig);
    FAIL() << "allocated more than CL_DEVICE_MAX_MEM_ALLOC_SIZE";
  } catch (const DeviceError& e) {
    EXPECT_NE(std::string(e.what()).find("out of device memory"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Device::get("opencl:77:0"), DeviceError);
}

TEST(ClRuntime, ClBlastGemmMatchesEigen) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const int m = 70, n = 33, k = 41;
  const Eigen::MatrixXd a = Eigen::MatrixXd::NullaryExpr(m, k, [](Eigen::Index i, Eigen::Index j) {
    return std::sin(0.3 * double(i) + 0.7 * double(j));
  });
  const Eigen::MatrixXd b = Eigen::MatrixXd::NullaryExpr(n, k, [](Eigen::Index i, Eigen::Index j) {
    return std::cos(0.2 * double(i) - 0.5 * double(j));
  });
  const Eigen::MatrixXd want = a * b.transpose();
  for (const auto& id : ids) {
    Device& device = Device::get(id);
    const Eigen::MatrixXf af = a.cast<float>(), bf = b.cast<float>();
    Buffer da = device.upload(std::span<const float>(af.data(), af.size()));
    Buffer db = device.upload(std::span<const float>(bf.data(), bf.size()));
    Buffer dc = device.alloc(sizeof(float) * m * n);
    gemm<float>(device, Op::None, Op::Transpose, m, n, k, 1.0f, da, m, db, n, 0.0f, dc, m);
    const auto c = device.download<float>(dc, std::size_t(m) * n);
    const Eigen::Map<const Eigen::MatrixXf> got(c.data(), m, n);
    EXPECT_LT((got.cast<double>() - want).cwiseAbs().maxCoeff(), 1e-4 * want.cwiseAbs().maxCoeff())
        << id;
    if (!device.info().fp64) continue;
    Buffer da64 = device.upload(std::span<const double>(a.data(), a.size()));
    Buffer db64 = device.upload(std::span<const double>(b.data(), b.size()));
    Buffer dc64 = device.alloc(sizeof(double) * m * n);
    gemm<double>(device, Op::None, Op::Transpose, m, n, k, 1.0, da64, m, db64, n, 0.0, dc64, m);
    const auto c64 = device.download<double>(dc64, std::size_t(m) * n);
    const Eigen::Map<const Eigen::MatrixXd> got64(c64.data(), m, n);
    EXPECT_LT((got64 - want).cwiseAbs().maxCoeff(), 1e-12) << id;
  }
}

}  // namespace
}  // namespace latentlab::opencl
