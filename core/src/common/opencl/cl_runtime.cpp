// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "common/opencl/cl_runtime.h"

#include <algorithm>
#include <map>
#include <string>

namespace latentlab::opencl {

const char* errorName(cl_int status) {
  switch (status) {
#define LATENTLAB_CL_ERROR(e) \
  case e:                     \
    return #e;
    LATENTLAB_CL_ERROR(CL_SUCCESS)
    LATENTLAB_CL_ERROR(CL_DEVICE_NOT_FOUND)
    LATENTLAB_CL_ERROR(CL_DEVICE_NOT_AVAILABLE)
    LATENTLAB_CL_ERROR(CL_COMPILER_NOT_AVAILABLE)
    LATENTLAB_CL_ERROR(CL_MEM_OBJECT_ALLOCATION_FAILURE)
    LATENTLAB_CL_ERROR(CL_OUT_OF_RESOURCES)
    LATENTLAB_CL_ERROR(CL_OUT_OF_HOST_MEMORY)
    LATENTLAB_CL_ERROR(CL_BUILD_PROGRAM_FAILURE)
    LATENTLAB_CL_ERROR(CL_INVALID_VALUE)
    LATENTLAB_CL_ERROR(CL_INVALID_DEVICE)
    LATENTLAB_CL_ERROR(CL_INVALID_CONTEXT)
    LATENTLAB_CL_ERROR(CL_INVALID_COMMAND_QUEUE)
    LATENTLAB_CL_ERROR(CL_INVALID_MEM_OBJECT)
    LATENTLAB_CL_ERROR(CL_INVALID_BUFFER_SIZE)
    LATENTLAB_CL_ERROR(CL_INVALID_PROGRAM)
    LATENTLAB_CL_ERROR(CL_INVALID_PROGRAM_EXECUTABLE)
    LATENTLAB_CL_ERROR(CL_INVALID_KERNEL_NAME)
    LATENTLAB_CL_ERROR(CL_INVALID_KERNEL)
    LATENTLAB_CL_ERROR(CL_INVALID_ARG_INDEX)
    LATENTLAB_CL_ERROR(CL_INVALID_ARG_VALUE)
    LATENTLAB_CL_ERROR(CL_INVALID_ARG_SIZE)
    LATENTLAB_CL_ERROR(CL_INVALID_KERNEL_ARGS)
    LATENTLAB_CL_ERROR(CL_INVALID_WORK_DIMENSION)
    LATENTLAB_CL_ERROR(CL_INVALID_WORK_GROUP_SIZE)
    LATENTLAB_CL_ERROR(CL_INVALID_WORK_ITEM_SIZE)
    LATENTLAB_CL_ERROR(CL_INVALID_GLOBAL_WORK_SIZE)
    LATENTLAB_CL_ERROR(CL_INVALID_EVENT_WAIT_LIST)
    LATENTLAB_CL_ERROR(CL_INVALID_OPERATION)
    LATENTLAB_CL_ERROR(CL_INVALID_BUILD_OPTIONS)
#undef LATENTLAB_CL_ERROR
    case -1001:
      return "CL_PLATFORM_NOT_FOUND_KHR";
    default:
      return "unknown OpenCL error";
  }
}

void check(cl_int status, const char* what) {
  if (status == CL_SUCCESS) return;
  throw DeviceError(std::string(what) + " failed: " + errorName(status) + " (" +
                    std::to_string(status) + ")");
}

Buffer::Buffer(Buffer&& other) noexcept : m_mem(other.m_mem), m_bytes(other.m_bytes) {
  other.m_mem = nullptr;
  other.m_bytes = 0;
}

Buffer& Buffer::operator=(Buffer&& other) noexcept {
  if (this != &other) {
    if (m_mem) clReleaseMemObject(m_mem);
    m_mem = other.m_mem;
    m_bytes = other.m_bytes;
    other.m_mem = nullptr;
    other.m_bytes = 0;
  }
  return *this;
}

Buffer::~Buffer() {
  if (m_mem) clReleaseMemObject(m_mem);
}

Kernel::~Kernel() {
  if (m_kernel) clReleaseKernel(m_kernel);
}

void Kernel::setArg(cl_uint index, const Buffer& buffer) {
  const cl_mem mem = buffer.get();
  check(clSetKernelArg(m_kernel, index, sizeof(cl_mem), &mem), "clSetKernelArg");
}

namespace {

std::string deviceString(cl_device_id device, cl_device_info what) {
  std::size_t size = 0;
  if (clGetDeviceInfo(device, what, 0, nullptr, &size) != CL_SUCCESS || size == 0) return {};
  std::string s(size, '\0');
  clGetDeviceInfo(device, what, size, s.data(), nullptr);
  while (!s.empty() && (s.back() == '\0' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string platformString(cl_platform_id platform, cl_platform_info what) {
  std::size_t size = 0;
  if (clGetPlatformInfo(platform, what, 0, nullptr, &size) != CL_SUCCESS || size == 0) return {};
  std::string s(size, '\0');
  clGetPlatformInfo(platform, what, size, s.data(), nullptr);
  while (!s.empty() && s.back() == '\0') s.pop_back();
  return s;
}

template <class T>
T deviceValue(cl_device_id device, cl_device_info what) {
  T value{};
  if (clGetDeviceInfo(device, what, sizeof(T), &value, nullptr) != CL_SUCCESS) return T{};
  return value;
}

}  // namespace

std::vector<DeviceHandle> enumerate() {
  std::vector<DeviceHandle> out;
  cl_uint platformCount = 0;
  if (clGetPlatformIDs(0, nullptr, &platformCount) != CL_SUCCESS || platformCount == 0) return out;
  std::vector<cl_platform_id> platforms(platformCount);
  if (clGetPlatformIDs(platformCount, platforms.data(), nullptr) != CL_SUCCESS) return out;
  for (cl_uint p = 0; p < platformCount; ++p) {
    cl_uint deviceCount = 0;
    if (clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, 0, nullptr, &deviceCount) != CL_SUCCESS)
      continue;
    std::vector<cl_device_id> devices(deviceCount);
    if (clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, deviceCount, devices.data(), nullptr) !=
        CL_SUCCESS)
      continue;
    const std::string platformName = platformString(platforms[p], CL_PLATFORM_NAME);
    for (cl_uint d = 0; d < deviceCount; ++d) {
      DeviceHandle h{};
      h.device = devices[d];
      h.info.id = "opencl:" + std::to_string(p) + ":" + std::to_string(d);
      h.info.kind = DeviceKind::OpenCl;
      h.info.name = deviceString(devices[d], CL_DEVICE_NAME);
      h.info.platform = platformName;
      h.info.memoryBytes = deviceValue<cl_ulong>(devices[d], CL_DEVICE_GLOBAL_MEM_SIZE);
      h.info.maxAllocBytes = deviceValue<cl_ulong>(devices[d], CL_DEVICE_MAX_MEM_ALLOC_SIZE);
      h.info.fp64 = deviceValue<cl_device_fp_config>(devices[d], CL_DEVICE_DOUBLE_FP_CONFIG) != 0;
      const auto type = deviceValue<cl_device_type>(devices[d], CL_DEVICE_TYPE);
      h.info.isPocl = platformName.find("Portable Computing Language") != std::string::npos &&
                      (type & CL_DEVICE_TYPE_CPU) != 0;
      out.push_back(std::move(h));
    }
  }
  return out;
}

Device& Device::get(const std::string& id) {
  static std::mutex mutex;
  // Never destroyed: tearing down contexts after the OpenCL driver has unloaded at exit crashes
  // some drivers, and the process is ending anyway.
  static auto* devices = new std::map<std::string, Device*>();
  const std::lock_guard lock(mutex);
  if (auto it = devices->find(id); it != devices->end()) return *it->second;
  for (auto& h : enumerate()) {
    if (h.info.id != id) continue;
    auto* device = new Device(std::move(h.info), h.device);
    devices->emplace(id, device);
    return *device;
  }
  throw DeviceError("no OpenCL device with id " + id);
}

Device::Device(DeviceInfo info, cl_device_id device) : m_info(std::move(info)), m_device(device) {
  cl_int status = CL_SUCCESS;
  m_context = clCreateContext(nullptr, 1, &m_device, nullptr, nullptr, &status);
  check(status, "clCreateContext");
  m_queue = clCreateCommandQueue(m_context, m_device, 0, &status);
  check(status, "clCreateCommandQueue");
}

Device::~Device() {
  for (auto& p : m_programs) clReleaseProgram(p.program);
  if (m_queue) clReleaseCommandQueue(m_queue);
  if (m_context) clReleaseContext(m_context);
}

cl_program Device::program(std::string_view source, const std::string& options) {
  const std::lock_guard lock(m_mutex);
  for (const auto& p : m_programs)
    if (p.source == source.data() && p.options == options) return p.program;
  const char* text = source.data();
  const std::size_t length = source.size();
  cl_int status = CL_SUCCESS;
  cl_program program = clCreateProgramWithSource(m_context, 1, &text, &length, &status);
  check(status, "clCreateProgramWithSource");
  const std::string flags = "-cl-std=CL1.2 " + options;
  status = clBuildProgram(program, 1, &m_device, flags.c_str(), nullptr, nullptr);
  if (status != CL_SUCCESS) {
    std::size_t size = 0;
    clGetProgramBuildInfo(program, m_device, CL_PROGRAM_BUILD_LOG, 0, nullptr, &size);
    std::string log(size, '\0');
    clGetProgramBuildInfo(program, m_device, CL_PROGRAM_BUILD_LOG, size, log.data(), nullptr);
    clReleaseProgram(program);
    if (log.size() > 2000) log.resize(2000);
    throw DeviceError(std::string("OpenCL kernels did not build on ") + m_info.name + " (" +
                      errorName(status) + "): " + log);
  }
  m_programs.push_back({source.data(), options, program});
  return program;
}

Kernel Device::kernel(std::string_view source, const char* name, const std::string& options) {
  cl_int status = CL_SUCCESS;
  cl_kernel k = clCreateKernel(program(source, options), name, &status);
  check(status, (std::string("clCreateKernel ") + name).c_str());
  return Kernel(k);
}

Buffer Device::alloc(std::size_t bytes) {
  bytes = std::max<std::size_t>(bytes, 4);
  if (m_info.maxAllocBytes && bytes > m_info.maxAllocBytes)
    throw DeviceError("out of device memory: a buffer of " + std::to_string(bytes >> 20) +
                      " MiB is more than " + m_info.name + " allows (" +
                      std::to_string(m_info.maxAllocBytes >> 20) + " MiB)");
  cl_int status = CL_SUCCESS;
  cl_mem mem = clCreateBuffer(m_context, CL_MEM_READ_WRITE, bytes, nullptr, &status);
  check(status, "clCreateBuffer");
  return Buffer(mem, bytes);
}

void Device::write(const Buffer& buffer, const void* host, std::size_t bytes) {
  if (bytes == 0) return;
  check(clEnqueueWriteBuffer(m_queue, buffer.get(), CL_TRUE, 0, bytes, host, 0, nullptr, nullptr),
        "clEnqueueWriteBuffer");
}

void Device::read(const Buffer& buffer, void* host, std::size_t bytes) {
  if (bytes == 0) return;
  check(clEnqueueReadBuffer(m_queue, buffer.get(), CL_TRUE, 0, bytes, host, 0, nullptr, nullptr),
        "clEnqueueReadBuffer");
}

void Device::fill(const Buffer& buffer, float value) {
  check(clEnqueueFillBuffer(m_queue, buffer.get(), &value, sizeof(float), 0,
                            buffer.bytes() / sizeof(float) * sizeof(float), 0, nullptr, nullptr),
        "clEnqueueFillBuffer");
}

void Device::launch(const Kernel& kernel, std::span<const std::size_t> global,
                    std::span<const std::size_t> local) {
  std::size_t rounded[3] = {1, 1, 1};
  for (std::size_t i = 0; i < global.size(); ++i) {
    rounded[i] = std::max<std::size_t>(global[i], 1);
    if (!local.empty()) rounded[i] = (rounded[i] + local[i] - 1) / local[i] * local[i];
  }
  check(clEnqueueNDRangeKernel(m_queue, kernel.get(), static_cast<cl_uint>(global.size()), nullptr,
                               rounded, local.empty() ? nullptr : local.data(), 0, nullptr,
                               nullptr),
        "clEnqueueNDRangeKernel");
}

void Device::finish() { check(clFinish(m_queue), "clFinish"); }

}  // namespace latentlab::opencl
