// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The exact ReFlow velocity (docs/theory/reflow.md §3) and its ODE trajectories on an OpenCL
// device: one work item per particle (core/kernels/flows/reflow.cl), the pair coefficients of
// every stage time computed once on the host (MixtureVelocity::pairTable, in double) and
// uploaded once, the particles resident on the device from the first step to the last.
#include "reflow_opencl.h"

#include <limits>
#include <span>
#include <string>
#include <type_traits>

#include "common/opencl/cl_runtime.h"
#include "kernels/flows/reflow.cl.h"
#include "latentlab/common/errors.h"

namespace latentlab::flows::detail {
namespace {

constexpr int kMaxDim = 8;  // private arrays of DIM values per work item

template <class T>
std::string options(int dim) {
  if (dim < 1 || dim > kMaxDim)
    throw DeviceError("the device path handles 1 to " + std::to_string(kMaxDim) +
                      " dimensions, got " + std::to_string(dim));
  return std::string(std::is_same_v<T, double> ? "-DREAL=double -DUSE_FP64" : "-DREAL=float") +
         " -DDIM=" + std::to_string(dim);
}

// Row-major T copy of a matrix (particles as rows of d values, as the kernels read them).
template <class T>
std::vector<T> rowMajor(const Eigen::MatrixXd& m) {
  std::vector<T> out(static_cast<std::size_t>(m.size()));
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index c = 0; c < m.cols(); ++c)
      out[static_cast<std::size_t>(i * m.cols() + c)] = static_cast<T>(m(i, c));
  return out;
}

template <class T>
Eigen::MatrixXd fromRowMajor(const T* data, Eigen::Index rows, Eigen::Index cols) {
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index c = 0; c < cols; ++c) m(i, c) = static_cast<double>(data[i * cols + c]);
  return m;
}

void checkSize(double entries) {
  if (entries > static_cast<double>(std::numeric_limits<cl_int>::max()))
    throw DeviceError("too many particle values for the device path's int offsets");
}

template <class T>
Eigen::MatrixXd integrateTyped(const MixtureVelocity& v, const Eigen::MatrixXd& z0, int steps,
                               Solver solver, std::vector<Eigen::MatrixXd>* frames,
                               const RunControl& control, opencl::Device& dev) {
  const Eigen::Index n = z0.rows(), d = z0.cols();
  const std::string opts = options<T>(static_cast<int>(d));
  const double h = 1.0 / steps;
  // Tables per step: start, middle (RK4), end (Heun, RK4), as MixtureVelocity::integrate.
  const int perStep = solver == Solver::Euler ? 1 : solver == Solver::Heun ? 2 : 3;
  const Eigen::Index pairs = v.source().components() * v.target().components();
  const Eigen::Index stride = 2 * d + 3;
  checkSize(double(steps) * perStep * double(pairs) * double(stride));
  checkSize(double(frames ? steps + 1 : 1) * double(n) * double(d));
  std::vector<T> tables;
  tables.reserve(static_cast<std::size_t>(steps * perStep * pairs * stride));
  auto append = [&](double t) {
    const Eigen::MatrixXd tab = v.pairTable(t);
    const std::vector<T> flat = rowMajor<T>(tab);
    tables.insert(tables.end(), flat.begin(), flat.end());
  };
  for (int i = 0; i < steps; ++i) {
    append(i * h);
    if (solver == Solver::Rk4) append(i * h + 0.5 * h);
    if (solver != Solver::Euler) append(i * h + h);
  }
  const opencl::Buffer bt = dev.upload(std::span<const T>(tables));
  const std::size_t frameValues = static_cast<std::size_t>(n * d);
  opencl::Buffer bz = dev.alloc(frameValues * (frames ? steps + 1 : 1) * sizeof(T));
  {
    const std::vector<T> z = rowMajor<T>(z0);
    dev.write(bz, z.data(), z.size() * sizeof(T));
  }
  const auto tableSize = static_cast<int>(pairs * stride);
  const int code = solver == Solver::Euler ? 0 : solver == Solver::Heun ? 1 : 2;
  for (int i = 0; i < steps; ++i) {
    control.checkCancelled();
    const int base = i * perStep * tableSize;
    const int t0 = base;
    const int tHalf = solver == Solver::Rk4 ? base + tableSize : base;
    const int t1 = solver == Solver::Rk4    ? base + 2 * tableSize
                   : solver == Solver::Heun ? base + tableSize
                                            : base;
    const int in = frames ? static_cast<int>(i * frameValues) : 0;
    const int out = frames ? static_cast<int>((i + 1) * frameValues) : 0;
    opencl::Kernel k = dev.kernel(latentlab::kernels::flows_reflow, "reflow_step", opts);
    k.args(cl_int(n), bz, cl_int(in), cl_int(out), bt, cl_int(pairs), cl_int(t0), cl_int(tHalf),
           cl_int(t1), T(h), cl_int(code));
    dev.launch1d(k, static_cast<std::size_t>(n));
  }
  control.checkCancelled();
  if (!frames) {
    const auto host = dev.download<T>(bz, frameValues);
    return fromRowMajor(host.data(), n, d);
  }
  const auto host = dev.download<T>(bz, frameValues * static_cast<std::size_t>(steps + 1));
  frames->assign(static_cast<std::size_t>(steps) + 1, Eigen::MatrixXd());
  frames->front() = z0;  // frame 0 is the input itself, as on the CPU
  for (int i = 1; i <= steps; ++i)
    (*frames)[static_cast<std::size_t>(i)] =
        fromRowMajor(host.data() + static_cast<std::size_t>(i) * frameValues, n, d);
  return frames->back();
}

template <class T>
std::vector<T> pointsKernel(const MixtureVelocity& v, const Eigen::MatrixXd& x, double t,
                            bool density, opencl::Device& dev) {
  const Eigen::Index n = x.rows(), d = x.cols();
  checkSize(double(n) * double(d));
  const std::string opts = options<T>(static_cast<int>(d));
  const Eigen::MatrixXd tab = v.pairTable(t, density);
  const std::vector<T> flat = rowMajor<T>(tab), xs = rowMajor<T>(x);
  const opencl::Buffer bt = dev.upload(std::span<const T>(flat));
  const opencl::Buffer bx = dev.upload(std::span<const T>(xs));
  const std::size_t outValues = static_cast<std::size_t>(density ? n : n * d);
  opencl::Buffer bo = dev.alloc(std::max<std::size_t>(1, outValues) * sizeof(T));
  if (n > 0) {
    opencl::Kernel k = dev.kernel(latentlab::kernels::flows_reflow,
                                  density ? "reflow_density" : "reflow_velocity", opts);
    k.args(cl_int(n), bx, bt, cl_int(tab.rows()), bo);
    dev.launch1d(k, static_cast<std::size_t>(n));
  }
  return dev.download<T>(bo, outValues);
}

opencl::Device& deviceFor(const DeviceInfo& info, DeviceReal real) {
  if (real == DeviceReal::Float64 && !info.fp64) throw DeviceError(info.id + " has no fp64");
  return opencl::Device::get(info.id);
}

}  // namespace

Eigen::MatrixXd integrateOnOpenCl(const MixtureVelocity& v, const Eigen::MatrixXd& z0, int steps,
                                  Solver solver, std::vector<Eigen::MatrixXd>* frames,
                                  const RunControl& control, const DeviceInfo& device,
                                  DeviceReal real) {
  if (steps < 1)
    throw ParamError("steps", "steps must be at least 1, got " + std::to_string(steps));
  if (!z0.allFinite()) throw ParamError("z0", "starting points contain NaN or infinity");
  opencl::Device& dev = deviceFor(device, real);
  if (real == DeviceReal::Float64)
    return integrateTyped<double>(v, z0, steps, solver, frames, control, dev);
  return integrateTyped<float>(v, z0, steps, solver, frames, control, dev);
}

Eigen::MatrixXd velocityOnOpenCl(const MixtureVelocity& v, const Eigen::MatrixXd& x, double t,
                                 const DeviceInfo& device, DeviceReal real) {
  opencl::Device& dev = deviceFor(device, real);
  if (real == DeviceReal::Float64) {
    const auto o = pointsKernel<double>(v, x, t, false, dev);
    return fromRowMajor(o.data(), x.rows(), x.cols());
  }
  const auto o = pointsKernel<float>(v, x, t, false, dev);
  return fromRowMajor(o.data(), x.rows(), x.cols());
}

Eigen::VectorXd densityOnOpenCl(const MixtureVelocity& v, const Eigen::MatrixXd& x, double t,
                                const DeviceInfo& device, DeviceReal real) {
  opencl::Device& dev = deviceFor(device, real);
  Eigen::VectorXd out(x.rows());
  if (real == DeviceReal::Float64) {
    const auto o = pointsKernel<double>(v, x, t, true, dev);
    for (Eigen::Index i = 0; i < x.rows(); ++i) out[i] = o[static_cast<std::size_t>(i)];
  } else {
    const auto o = pointsKernel<float>(v, x, t, true, dev);
    for (Eigen::Index i = 0; i < x.rows(); ++i) out[i] = o[static_cast<std::size_t>(i)];
  }
  return out;
}

}  // namespace latentlab::flows::detail
