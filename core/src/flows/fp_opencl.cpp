// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Fokker–Planck page's particle cloud on an OpenCL device (fp_opencl.h): float32 positions
// resident in one device buffer from the first step to the last, one launch of
// core/kernels/flows/fp_particles.cl per step, the step's scalars (g_t, corr, σ√dt, s(t), the
// Gaussian law) worked out on the host in double as ParticleCloud::step does.
#include <algorithm>
#include <limits>
#include <span>
#include <string>

#include "common/opencl/cl_runtime.h"
#include "fp_opencl.h"
#include "kernels/flows/fp_particles.cl.h"

namespace latentlab::flows::detail {

struct FpDeviceCloud::Impl {
  opencl::Device& dev;
  opencl::Buffer x;
  // One kernel object for every step: only this cloud's (single) thread sets its arguments.
  opencl::Kernel kernel;
  std::vector<float> staging;
  std::uint64_t seed;  // the Philox key of every step's noise
};

namespace {

cl_int presetCode(DriftPreset p) {
  switch (p) {
    case DriftPreset::OU:
      return 0;
    case DriftPreset::RotatingOU:
      return 1;
    case DriftPreset::DoubleWell:
      return 2;
    case DriftPreset::VpSchedule:
      return 3;
    case DriftPreset::PureDiffusion:
      return 4;
    case DriftPreset::None:
      return 5;
  }
  return 5;
}

}  // namespace

FpDeviceCloud::FpDeviceCloud(const DeviceInfo& device, int dim, const std::vector<double>& x,
                             std::uint64_t seed)
    : m_dim(dim) {
  if (dim != 1 && dim != 2)
    throw DeviceError("the Fokker–Planck device path handles 1 or 2 dimensions, got " +
                      std::to_string(dim));
  if (x.size() % static_cast<std::size_t>(dim) != 0)
    throw ParamError("x", "positions are not rows of " + std::to_string(dim) + " values");
  if (x.size() > static_cast<std::size_t>(std::numeric_limits<cl_int>::max()))
    throw DeviceError("too many particle values for the device path's int offsets");
  m_count = static_cast<int>(x.size() / static_cast<std::size_t>(dim));
  opencl::Device& dev = opencl::Device::get(device.id);
  const std::string opts = "-DDIM=" + std::to_string(dim);
  opencl::Kernel kernel = dev.kernel(latentlab::kernels::flows_fp_particles, "fp_em_step", opts);
  std::vector<float> xf(x.size());
  std::transform(x.begin(), x.end(), xf.begin(), [](double v) { return static_cast<float>(v); });
  opencl::Buffer buf = dev.alloc(std::max<std::size_t>(1, xf.size()) * sizeof(float));
  if (!xf.empty()) dev.write(buf, xf.data(), xf.size() * sizeof(float));
  m_impl.reset(new Impl{dev, std::move(buf), std::move(kernel), {}, seed});
}

FpDeviceCloud::~FpDeviceCloud() = default;

void FpDeviceCloud::step(const Drift& drift, double sigma, double t, double dt, std::uint32_t step,
                         const Gaussian* law) {
  if (m_count == 0) return;
  const double g = drift.noise(t);
  const double sig = std::min(sigma, g);
  const double corr = 0.5 * (g * g - sig * sig);
  const bool score = corr > 0.0 && law != nullptr;
  const double sq = sig * std::sqrt(dt);
  const auto key = philoxKey(m_impl->seed);
  const Eigen::Vector2d m = score ? law->mean : Eigen::Vector2d::Zero();
  const double var = score ? law->var : 1.0;
  m_impl->kernel.args(cl_int(m_count), m_impl->x, presetCode(drift.preset),
                      static_cast<float>(drift.theta), static_cast<float>(drift.omega),
                      static_cast<float>(drift.scale(t)), static_cast<float>(dt),
                      static_cast<float>(score ? corr : 0.0), static_cast<float>(sq),
                      cl_int(score ? 1 : 0), static_cast<float>(m[0]), static_cast<float>(m[1]),
                      static_cast<float>(var), cl_uint(step), cl_uint(key[0]), cl_uint(key[1]));
  m_impl->dev.launch1d(m_impl->kernel, static_cast<std::size_t>(m_count));
}

void FpDeviceCloud::positions(std::vector<double>& out, int count) {
  if (count < 0 || count > m_count) count = m_count;
  const std::size_t values = static_cast<std::size_t>(count) * static_cast<std::size_t>(m_dim);
  if (out.size() < values) out.resize(values);
  if (values == 0) return;
  m_impl->staging.resize(values);
  m_impl->dev.read(m_impl->x, m_impl->staging.data(), values * sizeof(float));
  std::copy(m_impl->staging.begin(), m_impl->staging.end(), out.begin());
}

void FpDeviceCloud::finish() { m_impl->dev.finish(); }

}  // namespace latentlab::flows::detail
