// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The device half of the VQ search and Lloyd update: CLBlast GEMM + row argmin, centroid sums.
#include "quantization/vq_opencl.h"

#include <algorithm>
#include <array>

#include "common/opencl/cl_blas.h"
#include "common/opencl/cl_runtime.h"
#include "kernels/quantization/vq.cl.h"
#include "kernels/quantization/vq_centroids.cl.h"

namespace latentlab::quantization::detail {
namespace {

// The G chunk is capped at 16M floats (64 MiB): it fits every device's single allocation and
// keeps the memory independent of N.
constexpr std::size_t kChunkFloats = std::size_t{1} << 24;
constexpr std::size_t kArgminGroup = 64;  // WG in vq.cl

}  // namespace

struct NearestSearchCl::State {
  opencl::Device& device;
  std::size_t n, d, k, chunk, chunks;
  opencl::Buffer x, xd, codes, norms, g, index, distance, gap, order, start, codebookD;
  opencl::Buffer countsD, sumsD;  // the EMA state, allocated by the first emaCounts()
  explicit State(opencl::Device& dev) : device(dev) {}

  // A stable counting sort groups the points by code, each code's points in their order; order
  // and start (k + 1 offsets) go to the device for the centroid and EMA kernels.
  void group(const std::vector<int>& assignment) {
    std::vector<cl_int> first(k + 1, 0), sorted(n);
    for (int j : assignment) ++first[static_cast<std::size_t>(j) + 1];
    for (std::size_t j = 0; j < k; ++j) first[j + 1] += first[j];
    std::vector<cl_int> fill(first.begin(), first.end() - 1);
    for (std::size_t i = 0; i < n; ++i)
      sorted[static_cast<std::size_t>(fill[static_cast<std::size_t>(assignment[i])]++)] =
          static_cast<cl_int>(i);
    device.write(order, sorted.data(), n * sizeof(cl_int));
    device.write(start, first.data(), (k + 1) * sizeof(cl_int));
  }
};

NearestSearchCl::NearestSearchCl(const std::string& deviceId, const float* x, std::size_t n,
                                 std::size_t d, std::size_t k, const double* xd)
    : m_state(std::make_unique<State>(opencl::Device::get(deviceId))) {
  State& s = *m_state;
  s.n = n;
  s.d = d;
  s.k = k;
  s.chunk = std::max<std::size_t>(1, std::min(n, kChunkFloats / std::max<std::size_t>(1, k)));
  s.chunks = n == 0 ? 0 : (n + s.chunk - 1) / s.chunk;
  // Zero rows pad the last chunk, so every GEMM has the same shape.
  std::vector<float> padded(std::max<std::size_t>(1, s.chunks * s.chunk) * d, 0.0f);
  std::copy(x, x + n * d, padded.begin());
  s.x = s.device.upload(std::span<const float>(padded));
  s.codes = s.device.alloc(std::max<std::size_t>(1, k * d) * sizeof(float));
  s.norms = s.device.alloc(std::max<std::size_t>(1, k) * sizeof(float));
  s.g = s.device.alloc(std::max<std::size_t>(1, s.chunk * k) * sizeof(float));
  const std::size_t rows = std::max<std::size_t>(1, n);
  s.index = s.device.alloc(rows * sizeof(cl_int));
  s.distance = s.device.alloc(rows * sizeof(float));
  s.gap = s.device.alloc(rows * sizeof(float));
  if (xd && s.device.info().fp64) {
    s.xd = s.device.upload(std::span<const double>(xd, std::max<std::size_t>(1, n * d)));
    s.order = s.device.alloc(rows * sizeof(cl_int));
    s.start = s.device.alloc((k + 1) * sizeof(cl_int));
    s.codebookD = s.device.alloc(std::max<std::size_t>(1, k * d) * sizeof(double));
  }
}

NearestSearchCl::~NearestSearchCl() = default;

bool NearestSearchCl::hasCentroids() const { return m_state->xd.get() != nullptr; }

void NearestSearchCl::run(const float* codebook, const RunControl& control) {
  State& s = *m_state;
  index.assign(s.n, 0);
  distance.assign(s.n, 0.0f);
  gap.assign(s.n, 0.0f);
  if (s.n == 0 || s.k == 0) return;
  s.device.write(s.codes, codebook, s.k * s.d * sizeof(float));
  opencl::Kernel norms = s.device.kernel(kernels::quantization_vq, "row_norms");
  norms.args(cl_int(s.k), cl_int(s.d), s.codes, s.norms);
  s.device.launch1d(norms, s.k);
  // Each float v_j is off by at most about (d + 4)·u·(‖c‖² + 2‖x‖‖c‖), u = 2⁻²⁴, in any
  // summation order (Higham, Accuracy and Stability of Numerical Algorithms, §3.1, plus the
  // rounding of x and c to float); the factor 8 covers the rounding of the bound itself.
  const float gamma = 8.0f * static_cast<float>(s.d + 4) * 0x1p-24f;
  for (std::size_t c = 0; c < s.chunks; ++c) {
    control.checkCancelled();
    const std::size_t r0 = c * s.chunk, rows = std::min(s.chunk, s.n - r0);
    // Column-major: the codebook is d×K (ld d), the chunk of points d×chunk at offset r0·d, so
    // G = Cᵀ X is K×chunk and point r's K values are contiguous.
    opencl::gemmAt<float>(s.device, opencl::Op::Transpose, opencl::Op::None, s.k, s.chunk, s.d,
                          1.0f, s.codes, 0, s.d, s.x, r0 * s.d, s.d, 0.0f, s.g, 0, s.k);
    opencl::Kernel argmin = s.device.kernel(kernels::quantization_vq, "argmin_rows");
    argmin.args(cl_int(rows), cl_int(s.k), cl_int(s.d), cl_int(r0), gamma, s.g, s.norms, s.x,
                s.index, s.distance, s.gap);
    const std::array<std::size_t, 1> global{rows * kArgminGroup}, local{kArgminGroup};
    s.device.launch(argmin, global, local);
  }
  s.device.read(s.index, index.data(), s.n * sizeof(cl_int));
  s.device.read(s.distance, distance.data(), s.n * sizeof(float));
  s.device.read(s.gap, gap.data(), s.n * sizeof(float));
}

void NearestSearchCl::centroids(const std::vector<int>& assignment, double* codebook) {
  State& s = *m_state;
  if (!hasCentroids()) throw DeviceError("the centroid step needs fp64 on the device");
  if (s.n == 0 || s.k == 0) return;
  s.group(assignment);
  s.device.write(s.codebookD, codebook, s.k * s.d * sizeof(double));
  opencl::Kernel kernel = s.device.kernel(kernels::quantization_vq_centroids, "centroids");
  kernel.args(cl_int(s.k), cl_int(s.d), s.xd, s.order, s.start, s.codebookD);
  const std::array<std::size_t, 2> global{s.k, s.d};
  s.device.launch(kernel, global);
  s.device.read(s.codebookD, codebook, s.k * s.d * sizeof(double));
}

void NearestSearchCl::emaCounts(const std::vector<int>& assignment, double decay,
                                double* counts) {
  State& s = *m_state;
  if (!hasCentroids()) throw DeviceError("the EMA update needs fp64 on the device");
  if (s.k == 0) return;
  if (!s.countsD.get()) {
    s.countsD = s.device.alloc(s.k * sizeof(double));
    s.sumsD = s.device.alloc(std::max<std::size_t>(1, s.k * s.d) * sizeof(double));
  }
  // An empty batch still decays the state (the CPU's update does): start is all zeros then.
  if (s.n > 0) {
    s.group(assignment);
  } else {
    const std::vector<cl_int> none(s.k + 1, 0);
    s.device.write(s.start, none.data(), (s.k + 1) * sizeof(cl_int));
  }
  s.device.write(s.countsD, counts, s.k * sizeof(double));
  opencl::Kernel kernel = s.device.kernel(kernels::quantization_vq_centroids, "ema_counts");
  kernel.args(cl_int(s.k), decay, s.start, s.countsD);
  s.device.launch1d(kernel, s.k);
  s.device.read(s.countsD, counts, s.k * sizeof(double));
}

void NearestSearchCl::emaCodes(double decay, double smoothing, double total, double* sums,
                               double* codebook) {
  State& s = *m_state;
  if (!s.countsD.get()) throw DeviceError("emaCodes() needs emaCounts() first");
  if (s.k == 0 || s.d == 0) return;
  const std::size_t bytes = s.k * s.d * sizeof(double);
  s.device.write(s.sumsD, sums, bytes);
  s.device.write(s.codebookD, codebook, bytes);
  opencl::Kernel kernel = s.device.kernel(kernels::quantization_vq_centroids, "ema_codes");
  kernel.args(cl_int(s.k), cl_int(s.d), decay, smoothing, total, s.xd, s.order, s.start,
              s.countsD, s.sumsD, s.codebookD);
  const std::array<std::size_t, 2> global{s.k, s.d};
  s.device.launch(kernel, global);
  s.device.read(s.sumsD, sums, bytes);
  s.device.read(s.codebookD, codebook, bytes);
}

}  // namespace latentlab::quantization::detail
