// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The OpenCL runtime behind latentlab/common/device.h: one context and in-order queue per device,
// programs built once per device and kept, RAII buffers, and errors turned into DeviceError.
// Private to the core; only compiled when LATENTLAB_HAVE_OPENCL is defined.
#pragma once

#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "latentlab/common/device.h"

namespace latentlab::opencl {

/// Throws DeviceError("<what>: <CL error name>") unless status is CL_SUCCESS.
void check(cl_int status, const char* what);
/// The OpenCL error's name ("CL_OUT_OF_RESOURCES").
const char* errorName(cl_int status);

/// One device buffer; moves, never copies.
class Buffer {
 public:
  Buffer() = default;
  Buffer(cl_mem mem, std::size_t bytes) : m_mem(mem), m_bytes(bytes) {}
  Buffer(Buffer&& other) noexcept;
  Buffer& operator=(Buffer&& other) noexcept;
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer();
  cl_mem get() const { return m_mem; }
  std::size_t bytes() const { return m_bytes; }

 private:
  cl_mem m_mem = nullptr;
  std::size_t m_bytes = 0;
};

/// A kernel object made for one launch (clSetKernelArg is not thread-safe on a shared kernel).
class Kernel {
 public:
  explicit Kernel(cl_kernel kernel) : m_kernel(kernel) {}
  Kernel(Kernel&& other) noexcept : m_kernel(other.m_kernel) { other.m_kernel = nullptr; }
  Kernel(const Kernel&) = delete;
  Kernel& operator=(const Kernel&) = delete;
  Kernel& operator=(Kernel&&) = delete;
  ~Kernel();
  cl_kernel get() const { return m_kernel; }

  /// Sets the arguments in order: Buffers, or trivially copyable scalars (cl_int, float, ...).
  template <class... Args>
  Kernel& args(const Args&... values) {
    cl_uint index = 0;
    (setArg(index++, values), ...);
    return *this;
  }

 private:
  void setArg(cl_uint index, const Buffer& buffer);
  template <class T>
  void setArg(cl_uint index, const T& value) {
    check(clSetKernelArg(m_kernel, index, sizeof(T), &value), "clSetKernelArg");
  }
  cl_kernel m_kernel = nullptr;
};

/// One OpenCL device with its context and queue. Thread-safe: buffers, programs and launches may
/// come from several computing threads (OpenCL 1.2 queues are), and programs build once.
class Device {
 public:
  /// The device with this id ("opencl:P:D"), created on first use. Throws DeviceError.
  static Device& get(const std::string& id);

  const DeviceInfo& info() const { return m_info; }
  cl_context context() const { return m_context; }
  cl_command_queue queue() const { return m_queue; }
  /// CLBlast takes the queue by pointer.
  cl_command_queue* queuePtr() { return &m_queue; }

  /// A kernel from `source` (built once per device with `options`, e.g. "-DREAL=float").
  Kernel kernel(std::string_view source, const char* name, const std::string& options = {});

  Buffer alloc(std::size_t bytes);
  template <class T>
  Buffer upload(std::span<const T> host) {
    Buffer b = alloc(host.size_bytes());
    write(b, host.data(), host.size_bytes());
    return b;
  }
  template <class T>
  std::vector<T> download(const Buffer& buffer, std::size_t count) {
    std::vector<T> host(count);
    read(buffer, host.data(), count * sizeof(T));
    return host;
  }
  void write(const Buffer& buffer, const void* host, std::size_t bytes);
  void read(const Buffer& buffer, void* host, std::size_t bytes);
  void fill(const Buffer& buffer, float value);

  /// Launches over `global` work items (1-, 2- or 3-D), local size left to the driver unless
  /// given; the global size is rounded up to a multiple of `local`, so kernels bound-check.
  void launch(const Kernel& kernel, std::span<const std::size_t> global,
              std::span<const std::size_t> local = {});
  void launch1d(const Kernel& kernel, std::size_t n) { launch(kernel, std::span(&n, 1)); }
  void finish();

  Device(const Device&) = delete;
  Device& operator=(const Device&) = delete;
  ~Device();

 private:
  Device(DeviceInfo info, cl_device_id device);
  cl_program program(std::string_view source, const std::string& options);

  DeviceInfo m_info;
  cl_device_id m_device = nullptr;
  cl_context m_context = nullptr;
  cl_command_queue m_queue = nullptr;
  std::mutex m_mutex;  // the program cache
  struct Program {
    const char* source;
    std::string options;
    cl_program program;
  };
  std::vector<Program> m_programs;
};

/// The OpenCL platform and device handles behind an "opencl:P:D" id, for device.cpp.
struct DeviceHandle {
  DeviceInfo info;
  cl_device_id device;
};
std::vector<DeviceHandle> enumerate();

}  // namespace latentlab::opencl
