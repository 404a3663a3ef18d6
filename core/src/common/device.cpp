// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "latentlab/common/device.h"

#include <unistd.h>

#include <fstream>
#include <string>

#ifdef LATENTLAB_HAVE_OPENCL
#include "common/opencl/cl_runtime.h"
#endif

namespace latentlab {

namespace {

DeviceInfo cpuDevice() {
  DeviceInfo cpu;
  cpu.id = "cpu";
  cpu.kind = DeviceKind::Cpu;
  cpu.name = "CPU";
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("model name", 0) != 0) continue;
    if (const auto colon = line.find(':'); colon != std::string::npos) {
      cpu.name = line.substr(line.find_first_not_of(' ', colon + 1));
      break;
    }
  }
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long pageSize = sysconf(_SC_PAGESIZE);
  if (pages > 0 && pageSize > 0)
    cpu.memoryBytes = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(pageSize);
  cpu.maxAllocBytes = cpu.memoryBytes;
  cpu.fp64 = true;
  return cpu;
}

std::vector<DeviceInfo> enumerateDevices() {
  std::vector<DeviceInfo> devices{cpuDevice()};
#ifdef LATENTLAB_HAVE_OPENCL
  try {
    for (auto& h : opencl::enumerate()) devices.push_back(std::move(h.info));
  } catch (...) {
    // A broken OpenCL driver leaves the CPU; the device layer never takes the app down.
  }
#endif
  return devices;
}

}  // namespace

std::string_view deviceKindName(DeviceKind kind) {
  return kind == DeviceKind::Cpu ? "cpu" : "opencl";
}

const std::vector<DeviceInfo>& listDevices() {
  static const std::vector<DeviceInfo> devices = enumerateDevices();
  return devices;
}

std::optional<DeviceInfo> findDevice(std::string_view id) {
  for (const auto& d : listDevices())
    if (d.id == id) return d;
  return std::nullopt;
}

bool openClBuilt() {
#ifdef LATENTLAB_HAVE_OPENCL
  return true;
#else
  return false;
#endif
}

}  // namespace latentlab
