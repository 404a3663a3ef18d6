// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Efficient attention page's expensive kernels on an OpenCL device (float32); the rest of
// computeEfficientLab derives its numbers from these in double, as on the CPU.
#include "attention/efficient_opencl.h"
#include "common/opencl/cl_runtime.h"
#include "latentlab/attention/transformer_vq.h"

namespace latentlab::attention::ocl {

using Eigen::MatrixXd;
using Eigen::MatrixXf;

LabCore labCoreOnDevice(const std::string& id, const EfficientLabParams& p,
                        const AttentionInputs& in, const MatrixXd& omega, const MatrixXd& codebook,
                        double scale, Eigen::Index shown, const RunControl& control) {
  opencl::Device& device = opencl::Device::get(id);
  const MatrixXf q = in.q.cast<float>(), k = in.k.cast<float>(), v = in.v.cast<float>();
  const auto s32 = static_cast<float>(scale);
  LabCore c;
  const ExactOut exact = exactAttention(device, q, k, v, s32, p.causal, shown, control);
  c.exactO = exact.output.cast<double>();
  c.exactRows = exact.rows.cast<double>();
  control.checkCancelled();

  const PerformerOut perf =
      performer(device, q, k, v, omega.cast<float>(), p.feature, s32, p.causal, true, control);
  c.perfO = perf.output.cast<double>();
  c.features.q = perf.features.q.cast<double>();
  c.features.k = perf.features.k.cast<double>();
  control.checkCancelled();

  // The causal block cache stays the CPU's (double) over the device's codes: its per-block
  // recurrence is short sequential work, the assignment is the n·S·d part.
  const MatrixXf cf = codebook.cast<float>();
  VqOut vq = transformerVq(device, k, cf, q, p.causal ? MatrixXf() : v, s32);
  c.codes = std::move(vq.codes);
  c.vqO = p.causal ? vqLinearOutput(in.q, codebook, c.codes, in.v, scale, true, p.block, control)
                   : vq.output.cast<double>();
  if (!(p.causal && p.windowBias)) {
    const MatrixXf khat = quantizeKeys(codebook, c.codes).cast<float>();
    const ExactOut quad = exactAttention(device, q, khat, v, s32, p.causal, shown, control);
    c.vqQuad = quad.output.cast<double>();
    c.vqRows = quad.rows.cast<double>();
  }
  return c;
}

bool timingCall(const std::string& id, int method, const MatrixXf& q, const MatrixXf& k,
                const MatrixXf& v, const MatrixXf& omega, const MatrixXf& codebook, float scale,
                const RunControl& control) {
  opencl::Device& device = opencl::Device::get(id);
  switch (method) {
    case 0: return exactAttention(device, q, k, v, scale, false, 0, control).output.allFinite();
    case 1:
      return performer(device, q, k, v, omega, FeatureKind::Positive, scale, false, false, control)
          .output.allFinite();
    default: return transformerVq(device, k, codebook, q, v, scale).output.allFinite();
  }
}

}  // namespace latentlab::attention::ocl
