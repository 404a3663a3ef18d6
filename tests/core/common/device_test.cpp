// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "latentlab/common/device.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/core/device_ids.h"

namespace latentlab {
namespace {

TEST(Devices, TheCpuComesFirstAndIdsAreUnique) {
  const auto& devices = listDevices();
  ASSERT_FALSE(devices.empty());
  EXPECT_EQ(devices.front().id, "cpu");
  EXPECT_EQ(devices.front().kind, DeviceKind::Cpu);
  EXPECT_TRUE(devices.front().fp64);
  EXPECT_GT(devices.front().memoryBytes, 0u);
  std::set<std::string> ids;
  for (const auto& d : devices) {
    EXPECT_TRUE(ids.insert(d.id).second) << d.id;
    EXPECT_FALSE(d.name.empty()) << d.id;
    if (d.kind == DeviceKind::OpenCl) {
      EXPECT_EQ(d.id.rfind("opencl:", 0), 0u) << d.id;
      EXPECT_GT(d.maxAllocBytes, 0u) << d.id;
    }
  }
  EXPECT_EQ(deviceKindName(DeviceKind::Cpu), "cpu");
  EXPECT_EQ(deviceKindName(DeviceKind::OpenCl), "opencl");
}

TEST(Devices, FindDeviceKnowsEveryListedIdAndNoOther) {
  for (const auto& d : listDevices()) {
    const auto found = findDevice(d.id);
    ASSERT_TRUE(found.has_value()) << d.id;
    EXPECT_EQ(found->name, d.name);
  }
  EXPECT_FALSE(findDevice("opencl:99:99").has_value());
  EXPECT_FALSE(findDevice("").has_value());
}

TEST(Devices, ThisBuildFindsAnOpenClDeviceWhereOneIsRequired) {
  const auto ids = testing::openClDeviceIds();
  if (testing::openClRequired()) {
    EXPECT_TRUE(openClBuilt()) << "built without OpenCL";
  }
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  EXPECT_TRUE(openClBuilt());
}

TEST(RunOnDevice, TheCpuRunsTheCpuPath) {
  RunControl rc;
  DeviceUse use;
  int gpuCalls = 0;
  const int r = runOnDevice(
      rc, use, [&](const DeviceInfo&) { return ++gpuCalls; }, [] { return 7; });
  EXPECT_EQ(r, 7);
  EXPECT_EQ(gpuCalls, 0);
  EXPECT_EQ(use.device, "cpu");
  EXPECT_TRUE(use.fallback.empty());
}

TEST(RunOnDevice, AnUnknownIdFallsBackToTheCpuAndSaysSo) {
  RunControl rc;
  rc.device = "opencl:42:0";
  DeviceUse use;
  const int r = runOnDevice(
      rc, use, [](const DeviceInfo&) { return 1; }, [] { return 2; });
  EXPECT_EQ(r, 2);
  EXPECT_EQ(use.device, "cpu");
  EXPECT_EQ(use.requested, "opencl:42:0");
  EXPECT_NE(use.fallback.find("opencl:42:0"), std::string::npos) << use.fallback;
}

TEST(RunOnDevice, ADeviceErrorFallsBackButOtherErrorsPropagate) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  RunControl rc;
  rc.device = ids.front();
  DeviceUse use;
  const int r = runOnDevice(
      rc, use, [](const DeviceInfo&) -> int { throw DeviceError("lost device"); },
      [] { return 3; });
  EXPECT_EQ(r, 3);
  EXPECT_EQ(use.device, "cpu");
  EXPECT_NE(use.fallback.find("lost device"), std::string::npos);
  EXPECT_THROW(runOnDevice(
                   rc, use, [](const DeviceInfo&) -> int { throw Cancelled(); }, [] { return 3; }),
               Cancelled);
  const int g = runOnDevice(
      rc, use, [](const DeviceInfo&) { return 5; }, [] { return 3; });
  EXPECT_EQ(g, 5);
  EXPECT_EQ(use.device, ids.front());
  EXPECT_TRUE(use.fallback.empty());
}

}  // namespace
}  // namespace latentlab
