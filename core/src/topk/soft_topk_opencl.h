// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

// Smooth Top-k on an OpenCL device (soft_topk_opencl.cpp): the threshold methods and Su's
// iteration with the scores resident on the device. Private to the core.

#include "latentlab/common/device.h"
#include "soft_topk_internal.h"

namespace latentlab::topk::detail {

/// Which floating type the kernels use. Auto: fp64 when the device has it (the page's checks,
/// e.g. |Σp − k| ≤ 1e-9, need it), else float32.
enum class DeviceReal { Auto, Float32, Float64 };

/// Methods with a device path: thre_exp, thre_sigmoid, thre_laplace, thre_clip, thre_entmax and
/// iter_su. Defined in soft_topk.cpp, so it exists without OpenCL too.
bool hasDevicePath(Method m);

/// The CPU's method dispatch (every method), as computeSoftTopk runs it for 0 < k < n.
void runOnCpu(const Problem& pr, SoftTopkResult& r, const RunControl& control);

/// Fills `r` as runThreshold / runIterSu do (p, λ, bracket, iterations, trace, note, Jacobian),
/// computing on `device`. Throws DeviceError (also when the build has no OpenCL backend, or when
/// Float64 is asked of a device without fp64).
void runOnOpenCl(const Problem& pr, SoftTopkResult& r, const DeviceInfo& device,
                 const RunControl& control, DeviceReal real = DeviceReal::Auto);

}  // namespace latentlab::topk::detail
