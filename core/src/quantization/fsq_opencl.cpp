// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The device half of FSQ: one work item per row (core/kernels/quantization/fsq.cl).
#include "quantization/fsq_opencl.h"

#include <span>

#include "common/opencl/cl_runtime.h"
#include "kernels/quantization/fsq.cl.h"

namespace latentlab::quantization::detail {

FsqClOutput fsqOpenCl(const std::string& deviceId, const simd::FsqChannels& channels,
                      const std::vector<int>& levels, const float* z, std::size_t rows,
                      bool wantCode) {
  FsqClOutput out;
  const std::size_t d = levels.size();
  if (rows == 0 || d == 0) return out;
  opencl::Device& device = opencl::Device::get(deviceId);
  std::vector<float> edges;
  std::vector<cl_int> start{0}, lv(levels.begin(), levels.end());
  for (const auto& b : channels.boundaries) {
    edges.insert(edges.end(), b.begin(), b.end());
    start.push_back(static_cast<cl_int>(edges.size()));
  }
  if (edges.empty()) edges.push_back(0.0f);  // no zero-sized buffers
  const opencl::Buffer bz = device.upload(std::span<const float>(z, rows * d));
  const opencl::Buffer blo = device.upload(std::span<const float>(channels.lo));
  const opencl::Buffer binv = device.upload(std::span<const float>(channels.inv));
  const opencl::Buffer bedges = device.upload(std::span<const float>(edges));
  const opencl::Buffer bstart = device.upload(std::span<const cl_int>(start));
  const opencl::Buffer blevels = device.upload(std::span<const cl_int>(lv));
  const opencl::Buffer bcode = device.alloc(rows * d * sizeof(float));
  const opencl::Buffer bindex = device.alloc(rows * sizeof(cl_int));
  const opencl::Buffer bnear = device.alloc(rows);
  opencl::Kernel kernel = device.kernel(kernels::quantization_fsq, "fsq_quantize");
  kernel.args(cl_int(rows), cl_int(d), bz, blo, binv, bedges, bstart, blevels, bcode, bindex,
              bnear);
  device.launch1d(kernel, rows);
  out.index = device.download<std::int32_t>(bindex, rows);
  out.nearEdge = device.download<unsigned char>(bnear, rows);
  if (wantCode) out.code = device.download<float>(bcode, rows * d);
  return out;
}

}  // namespace latentlab::quantization::detail
