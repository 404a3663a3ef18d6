// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

// The Fokker–Planck page's Euler–Maruyama particles on an OpenCL device (fp_opencl.cpp, kernel
// core/kernels/flows/fp_particles.cl) and the loop of computeFpLab that drives them
// (fp_lab_device.cpp). Private to the core; without the OpenCL backend every device call throws
// DeviceError. The theory and the parity bounds: docs/theory/fokker_planck.md §11, "On an OpenCL
// device".

#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "latentlab/common/device.h"
#include "latentlab/flows/fp_lab.h"

namespace latentlab::flows::detail {

/// Philox4x32-10 (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy as 1, 2, 3",
/// SC'11): four words from a 4-word counter and a 2-word key. The kernel has the same function.
constexpr std::array<std::uint32_t, 4> philox4x32_10(std::array<std::uint32_t, 4> c,
                                                     std::array<std::uint32_t, 2> k) {
  constexpr std::uint64_t m0 = 0xD2511F53u, m1 = 0xCD9E8D57u;
  for (int r = 0; r < 10; ++r) {
    if (r > 0) {
      k[0] += 0x9E3779B9u;
      k[1] += 0xBB67AE85u;
    }
    const std::uint64_t p0 = m0 * c[0], p1 = m1 * c[2];
    const auto hi0 = static_cast<std::uint32_t>(p0 >> 32), lo0 = static_cast<std::uint32_t>(p0);
    const auto hi1 = static_cast<std::uint32_t>(p1 >> 32), lo1 = static_cast<std::uint32_t>(p1);
    c = {hi1 ^ c[1] ^ k[0], lo1, hi0 ^ c[3] ^ k[1], lo0};
  }
  return c;
}

/// The key of a 64-bit seed: its low and high words.
constexpr std::array<std::uint32_t, 2> philoxKey(std::uint64_t seed) {
  return {static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)};
}

/// The device's noise of particle k at step s, in double: the words of counter (k, s, 0, 0) to
/// u1 = ((w0 >> 9) + ½)·2⁻²³ ∈ (0, 1), u2 = (w1 >> 9)·2⁻²³ (both exact in float), then
/// Box–Muller, r = √(−2 log u1): axis 0 r cos 2πu2, axis 1 r sin 2πu2. The kernel computes the
/// same from the same u1, u2 in float.
inline std::array<double, 2> counterNormals(std::uint64_t seed, std::uint32_t particle,
                                            std::uint32_t step) {
  const auto w = philox4x32_10({particle, step, 0u, 0u}, philoxKey(seed));
  const double u1 = (static_cast<double>(w[0] >> 9) + 0.5) * 0x1.0p-23;
  const double u2 = static_cast<double>(w[1] >> 9) * 0x1.0p-23;
  const double r = std::sqrt(-2.0 * std::log(u1));
  const double a = 6.283185307179586476925 * u2;
  return {r * std::cos(a), r * std::sin(a)};
}

/// A particle cloud resident on an OpenCL device in float32, stepped by the σ-family's
/// Euler–Maruyama step like ParticleCloud::step with the score either absent or the Gaussian
/// law's, and the counter-based noise above. Every call may throw DeviceError.
class FpDeviceCloud {
 public:
  /// Uploads `x` (count × dim, row-major; dim 1 or 2) as float32.
  FpDeviceCloud(const DeviceInfo& device, int dim, const std::vector<double>& x,
                std::uint64_t seed);
  ~FpDeviceCloud();
  FpDeviceCloud(const FpDeviceCloud&) = delete;
  FpDeviceCloud& operator=(const FpDeviceCloud&) = delete;

  /// Enqueues one step of dt from t (step number `step`, the noise counter): σ is clipped to
  /// g_t, corr = ½(g_t² − σ²); `law` (N(m, v I) at t) gives the score −(x − m)/v, else none.
  /// Returns at once: the queue is in order, so a later download sees every step before it.
  void step(const Drift& drift, double sigma, double t, double dt, std::uint32_t step,
            const Gaussian* law = nullptr);
  /// Downloads the first `count` particles (−1: all) into out[0, count·dim) as double.
  void positions(std::vector<double>& out, int count = -1);
  /// Waits for the steps enqueued so far (the benchmark's clock).
  void finish();
  int dim() const { return m_dim; }
  int count() const { return m_count; }

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  int m_dim = 1, m_count = 0;
};

/// What computeFpLab's device loop needs from it: its state, and its own steps, frames and
/// trajectory points as callbacks so that they stay the CPU path's code.
struct FpDeviceLoop {
  const FpLabParams& p;
  const Drift& d;
  FpLabResult& r;
  FpGrid& grid;
  ParticleCloud& sde;  // host copies of the clouds, refreshed before frames and trajectory points
  ParticleCloud& sig;
  const Gaussian* start;  // the single Gaussian p₀ when the σ-family's score is in closed form
  bool needScore;         // the σ-family reads the grid's score
  int perFrame, trajEvery, paths;
  std::vector<double>& keptX;  // the grid's score at the start of a step (σ-ODE stages)
  std::vector<double>& keptY;
  std::function<void(double t)> sigmaSdeStep;                      // on the CPU
  std::function<void(double t, int begin, int end)> sigmaOdeStep;  // on the CPU
  std::function<void(double t)> record;                            // both clouds' drawn paths
  std::function<void(int step)> endOfStep;                         // frames, partials, progress
};

/// The σ-family runs on the device when it is an SDE whose score is absent or in closed form;
/// with the grid's score or as the probability-flow ODE it stays on the CPU.
bool sigmaOnDevice(const FpLabResult& r, bool needScore);

/// computeFpLab's steps with the SDE cloud (and the σ-family where sigmaOnDevice) on `device`,
/// serially: one launch per cloud and step, downloads only for frames and trajectory points.
void stepFpOnDevice(const FpDeviceLoop& loop, const RunControl& control, const DeviceInfo& device);

}  // namespace latentlab::flows::detail
