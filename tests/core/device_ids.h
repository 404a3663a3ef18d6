// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The OpenCL devices the parity tests run on. A machine without one skips those tests with a
// message; scripts/test sets LATENTLAB_REQUIRE_OPENCL=1 (pocl is one of its packages), and there
// a missing device fails instead of skipping, so CI cannot pass without running the kernels.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "latentlab/common/device.h"
#include "latentlab/common/run_control.h"

namespace latentlab::testing {

inline std::vector<std::string> openClDeviceIds() {
  std::vector<std::string> ids;
  for (const auto& d : listDevices())
    if (d.kind == DeviceKind::OpenCl) ids.push_back(d.id);
  return ids;
}

/// A RunControl that computes on `id` ("cpu" or an OpenCL device id).
inline RunControl runOn(const std::string& id) {
  RunControl rc;
  rc.device = id;
  return rc;
}

inline bool openClRequired() {
  const char* v = std::getenv("LATENTLAB_REQUIRE_OPENCL");
  return v && std::string(v) == "1";
}

}  // namespace latentlab::testing

/// Skips the test (with a message) when no OpenCL device exists, unless one is required.
#define LATENTLAB_REQUIRE_OPENCL_DEVICES(ids)                                              \
  do {                                                                                     \
    if ((ids).empty()) {                                                                   \
      if (::latentlab::testing::openClRequired())                                          \
        FAIL() << "LATENTLAB_REQUIRE_OPENCL=1 but no OpenCL device was found (is "         \
                  "pocl-opencl-icd installed?)";                                           \
      GTEST_SKIP() << "no OpenCL device on this machine: the GPU parity test did not run"; \
    }                                                                                      \
  } while (0)
