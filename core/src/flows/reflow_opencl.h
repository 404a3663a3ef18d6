// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

// The exact mixture velocity and its Euler/Heun/RK4 trajectories on an OpenCL device
// (reflow_opencl.cpp). Private to the core; every function throws DeviceError (also when the
// build has no OpenCL backend).

#include <Eigen/Dense>
#include <vector>

#include "latentlab/common/device.h"
#include "latentlab/flows/reflow.h"

namespace latentlab::flows::detail {

/// float32 on the device, or fp64 (Float64; DeviceError on a device without it).
enum class DeviceReal { Float32, Float64 };

/// MixtureVelocity::integrate on `device`: the particles stay in device memory for all steps
/// (one launch per step, pair tables uploaded once); the frames, when asked for, are kept on the
/// device and downloaded once at the end. Polls control between steps.
Eigen::MatrixXd integrateOnOpenCl(const MixtureVelocity& v, const Eigen::MatrixXd& z0, int steps,
                                  Solver solver, std::vector<Eigen::MatrixXd>* frames,
                                  const RunControl& control, const DeviceInfo& device,
                                  DeviceReal real = DeviceReal::Float32);

/// v*(x, t) and ρ_t(x) at the rows of x on `device`.
Eigen::MatrixXd velocityOnOpenCl(const MixtureVelocity& v, const Eigen::MatrixXd& x, double t,
                                 const DeviceInfo& device, DeviceReal real = DeviceReal::Float32);
Eigen::VectorXd densityOnOpenCl(const MixtureVelocity& v, const Eigen::MatrixXd& x, double t,
                                const DeviceInfo& device, DeviceReal real = DeviceReal::Float32);

}  // namespace latentlab::flows::detail
