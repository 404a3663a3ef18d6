// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// computeFpLab's steps on an OpenCL device (fp_opencl.h): the SDE cloud, and the σ-family when it
// is an SDE with no score or the closed-form one, step on the device in float32 with the
// counter-based noise; the grid, and the σ-family with the grid's score or as the
// probability-flow ODE, step on the CPU as in fp_lab.cpp. One thread: device launches return at
// once, so the grid's CPU step overlaps them; positions come back only for frames (all
// particles) and trajectory points (the drawn paths' particles).
#include <algorithm>
#include <optional>

#include "fp_opencl.h"

namespace latentlab::flows::detail {

bool sigmaOnDevice(const FpLabResult& r, bool needScore) {
  return !r.sigmaIsOde && (r.closedFormScore || !needScore);
}

#ifdef LATENTLAB_HAVE_OPENCL

void stepFpOnDevice(const FpDeviceLoop& L, const RunControl& control, const DeviceInfo& device) {
  const FpLabParams& p = L.p;
  const Drift& d = L.d;
  FpLabResult& r = L.r;
  const bool sigDev = sigmaOnDevice(r, L.needScore);
  FpDeviceCloud sde(device, d.dim, L.sde.positions(), p.seed);
  std::optional<FpDeviceCloud> sig;
  if (sigDev) sig.emplace(device, d.dim, L.sig.positions(), p.seed);
  for (int step = 0; step < r.steps; ++step) {
    control.checkCancelled();
    const double t = step * r.dt;
    const auto counter = static_cast<std::uint32_t>(step);
    // The same order as fp_lab.cpp's serial loop: the grid's score before the grid steps.
    if (L.needScore) {
      L.grid.updateScore();
      if (r.sigmaIsOde) {
        L.keptX = L.grid.scoreX();
        L.keptY = L.grid.scoreY();
      }
    }
    if (sigDev) {
      if (r.closedFormScore) {
        const Gaussian law = *evolveGaussian(d, *L.start, t);
        sig->step(d, p.sigma, t, r.dt, counter, &law);
      } else {
        sig->step(d, p.sigma, t, r.dt, counter);
      }
    } else if (!r.sigmaIsOde) {
      L.sigmaSdeStep(t);
    }
    // The SDE itself: σ = g_t, so corr = 0 and no score.
    sde.step(d, d.noise(t), t, r.dt, counter);
    L.grid.step(p.scheme, t, r.dt);
    if (r.sigmaIsOde) {
      if (L.needScore && p.odeIntegrator != Solver::Euler) L.grid.updateScore();
      L.sigmaOdeStep(t, 0, L.sig.count());
    }
    const bool frame = (step + 1) % L.perFrame == 0;
    const bool point = (step + 1) % L.trajEvery == 0;
    if (frame || point) {
      const int head = frame ? -1 : L.paths;
      sde.positions(L.sde.positions(), head);
      if (sig) sig->positions(L.sig.positions(), head);
    }
    if (point) L.record((step + 1) * r.dt);
    L.endOfStep(step);
  }
}

#else

struct FpDeviceCloud::Impl {};

FpDeviceCloud::FpDeviceCloud(const DeviceInfo&, int, const std::vector<double>&, std::uint64_t) {
  throw DeviceError("this build has no OpenCL backend");
}
FpDeviceCloud::~FpDeviceCloud() = default;
void FpDeviceCloud::step(const Drift&, double, double, double, std::uint32_t, const Gaussian*) {
  throw DeviceError("this build has no OpenCL backend");
}
void FpDeviceCloud::positions(std::vector<double>&, int) {
  throw DeviceError("this build has no OpenCL backend");
}
void FpDeviceCloud::finish() { throw DeviceError("this build has no OpenCL backend"); }

void stepFpOnDevice(const FpDeviceLoop&, const RunControl&, const DeviceInfo&) {
  throw DeviceError("this build has no OpenCL backend");
}

#endif

}  // namespace latentlab::flows::detail
