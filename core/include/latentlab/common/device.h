// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "latentlab/common/run_control.h"

namespace latentlab {

enum class DeviceKind { Cpu, OpenCl };

/// One place a computation can run: the CPU (always present, id "cpu") or an OpenCL device
/// (id "opencl:P:D", platform P and device D in the order the OpenCL loader lists them).
struct DeviceInfo {
  std::string id;
  DeviceKind kind = DeviceKind::Cpu;
  std::string name;           // "AMD EPYC 7B13", "NVIDIA H200", ...
  std::string platform;       // OpenCL platform ("Portable Computing Language"); empty for the CPU
  std::uint64_t memoryBytes = 0;    // global memory (the CPU: physical memory)
  std::uint64_t maxAllocBytes = 0;  // largest single buffer the device accepts
  bool fp64 = true;                 // double-precision kernels available
  bool isPocl = false;              // pocl's CPU device: its timings are CPU figures
};

/// "cpu" or "opencl".
std::string_view deviceKindName(DeviceKind kind);

/// Every device, the CPU first. Enumerated once per process (OpenCL loaders are slow to ask);
/// without an OpenCL loader, platform or driver the list is the CPU alone. Never throws.
const std::vector<DeviceInfo>& listDevices();

/// The device with this id, or nullopt.
std::optional<DeviceInfo> findDevice(std::string_view id);

/// True when this build has the OpenCL backend compiled in.
bool openClBuilt();

/// A device that failed: out of memory, a kernel that did not build, a lost device, an id that
/// names no device. Callers catch it and run the CPU path instead (runOnDevice below).
class DeviceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Which device produced a result, recorded in the result and in every export.
struct DeviceUse {
  std::string device = "cpu";  // the id of the device that computed the result
  std::string requested;       // the id asked for, when different (a fallback)
  std::string fallback;        // why the requested device was not used; empty when it was
};

/// Whether a result computed with `use` answers a request for device `id` (empty: the CPU), i.e.
/// it was asked for that device, whether or not it fell back. Pages that cache a result reuse it
/// only then, so choosing another device recomputes.
inline bool askedFor(const DeviceUse& use, const std::string& id) {
  const std::string& asked = use.requested.empty() ? use.device : use.requested;
  return asked == (id.empty() ? std::string("cpu") : id);
}

/// Why the requested device was not used, without runOnDevice's "; computed on the CPU".
inline std::string fallbackReason(const DeviceUse& use) {
  static const std::string suffix = "; computed on the CPU";
  std::string why = use.fallback;
  if (why.ends_with(suffix)) why.resize(why.size() - suffix.size());
  return why;
}

/// Runs `gpu(info)` when rc.device names an OpenCL device, else `cpu()`. A DeviceError from the
/// device path (or an unknown id) runs `cpu()` instead and records why in `use`; any other
/// exception (bad parameters, cancel) propagates unchanged.
template <class Gpu, class Cpu>
auto runOnDevice(const RunControl& rc, DeviceUse& use, Gpu&& gpu, Cpu&& cpu) -> decltype(cpu()) {
  use = DeviceUse{};
  if (rc.device.empty() || rc.device == "cpu") return cpu();
  use.requested = rc.device;
  const auto info = findDevice(rc.device);
  if (!info) {
    use.fallback = "no device with id " + rc.device + "; computed on the CPU";
    return cpu();
  }
  if (info->kind == DeviceKind::OpenCl) {
    try {
      auto out = gpu(*info);
      use.device = rc.device;
      use.requested.clear();
      return out;
    } catch (const DeviceError& e) {
      use.fallback = std::string(e.what()) + "; computed on the CPU";
    }
  }
  return cpu();
}

}  // namespace latentlab
