// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Exact attention, Performer FAVOR+ and Transformer-VQ in float32 on an OpenCL device: CLBlast for
// the products, core/kernels/attention/efficient.cl for softmax, features, prefix sums and codes.
#include <algorithm>
#include <array>
#include <cmath>
#include <span>

#include "attention/efficient_opencl.h"
#include "common/opencl/cl_blas.h"
#include "common/opencl/cl_runtime.h"
#include "kernels/attention/efficient.cl.h"

namespace latentlab::attention::ocl {

using Eigen::Index;
using Eigen::MatrixXf;
using opencl::Buffer;
using opencl::Device;
using opencl::Op;

namespace {

// Performer's causal chunk length: in-chunk scores cost n·c·m′, the chunk states n·m′·(d_v + 1)
// in all; 64 keeps the first small and the states (n/64 · m′ · (d_v + 1) floats) modest.
constexpr int kChunk = 64;

opencl::Kernel kernel(Device& device, const char* name) {
  return device.kernel(kernels::attention_efficient, name);
}

Buffer upload(Device& device, const MatrixXf& m) {
  return device.upload(std::span<const float>(m.data(), static_cast<std::size_t>(m.size())));
}

Buffer allocFloats(Device& device, Index count) {
  return device.alloc(sizeof(float) * static_cast<std::size_t>(std::max<Index>(count, 1)));
}

MatrixXf download(Device& device, const Buffer& b, Index rows, Index cols) {
  MatrixXf m(rows, cols);
  device.read(b, m.data(), sizeof(float) * static_cast<std::size_t>(m.size()));
  return m;
}

void launch(Device& device, const opencl::Kernel& k, Index a, Index b, Index c = 1) {
  const std::array<std::size_t, 3> global{static_cast<std::size_t>(a), static_cast<std::size_t>(b),
                                          static_cast<std::size_t>(c)};
  device.launch(k, std::span<const std::size_t>(global.data(), c > 1 ? 3 : 2));
}

std::size_t sz(Index i) { return static_cast<std::size_t>(i); }
cl_int ci(Index i) { return static_cast<cl_int>(i); }

// Row softmax in place on `rows` × `cols` (leading dimension ld) with the kernel's mask and bias.
void softmaxRows(Device& device, Buffer& a, Index rows, Index cols, Index ld, float scale,
                 Index rowOffset, bool causal, const Buffer* bias, const Buffer& dummy) {
  opencl::Kernel k = kernel(device, "softmax_rows");
  k.args(ci(rows), ci(cols), ci(ld), scale, ci(rowOffset), cl_int(causal ? 1 : 0),
         cl_int(bias ? 1 : 0), bias ? *bias : dummy, a);
  device.launch1d(k, sz(rows));
}

void rowSqNorms(Device& device, const Buffer& x, Index n, Index d, float factor, Buffer& out) {
  opencl::Kernel k = kernel(device, "row_sq_norms");
  k.args(ci(n), ci(d), factor, x, out);
  device.launch1d(k, sz(n));
}

}  // namespace

ExactOut exactAttention(Device& device, const MatrixXf& q, const MatrixXf& k, const MatrixXf& v,
                        float scale, bool causal, Index mapRows, const RunControl& control,
                        Index blockLogits) {
  const Index nq = q.rows(), nk = k.rows(), d = q.cols(), dv = v.cols();
  mapRows = std::clamp<Index>(mapRows, 0, nq);
  const Index block =
      std::min(nq, std::max({Index{64}, mapRows, std::max<Index>(blockLogits, 1) / nk}));
  Buffer bq = upload(device, q), bk = upload(device, k), bv = upload(device, v);
  Buffer logits = allocFloats(device, block * nk);
  Buffer out = allocFloats(device, nq * dv);
  Buffer dummy = allocFloats(device, 1);
  ExactOut r;
  for (Index r0 = 0; r0 < nq; r0 += block) {
    control.checkCancelled();
    const Index rows = std::min(block, nq - r0);
    // Causal: keys past this block's last query are masked for every row, so never multiplied.
    const Index keys = causal ? std::min(nk, r0 + rows) : nk;
    opencl::gemmAt<float>(device, Op::None, Op::Transpose, sz(rows), sz(keys), sz(d), 1.0f, bq,
                          sz(r0), sz(nq), bk, 0, sz(nk), 0.0f, logits, 0, sz(rows));
    softmaxRows(device, logits, rows, keys, rows, scale, r0, causal, nullptr, dummy);
    if (r0 == 0 && mapRows > 0) {
      r.rows = MatrixXf::Zero(mapRows, nk);
      r.rows.leftCols(keys) = download(device, logits, rows, keys).topRows(mapRows);
    }
    opencl::gemmAt<float>(device, Op::None, Op::None, sz(rows), sz(dv), sz(keys), 1.0f, logits, 0,
                          sz(rows), bv, 0, sz(nk), 0.0f, out, sz(r0), sz(nq));
    control.progress(static_cast<double>(r0 + rows) / static_cast<double>(nq));
  }
  r.output = download(device, out, nq, dv);
  return r;
}

PerformerOut performer(Device& device, const MatrixXf& q, const MatrixXf& k, const MatrixXf& v,
                       const MatrixXf& omega, FeatureKind kind, float scale, bool causal,
                       bool keepFeatures, const RunControl& control) {
  const Index n = q.rows(), nk = k.rows(), d = q.cols(), m = omega.rows(), dv = v.cols();
  const Index mp = featureCount(kind, static_cast<int>(m)), dw = dv + 1;
  const cl_int kindId = kind == FeatureKind::Positive ? 0 : kind == FeatureKind::Hyperbolic ? 1 : 2;
  Buffer bq = upload(device, q), bk = upload(device, k), bo = upload(device, omega);
  Buffer pq = allocFloats(device, n * m), pk = allocFloats(device, nk * m);
  // x = √s·q, y = √s·k so that xᵀy = s·qᵀk (performer.h).
  const float root = std::sqrt(scale);
  opencl::gemm<float>(device, Op::None, Op::Transpose, sz(n), sz(m), sz(d), root, bq, sz(n), bo,
                      sz(m), 0.0f, pq, sz(n));
  opencl::gemm<float>(device, Op::None, Op::Transpose, sz(nk), sz(m), sz(d), root, bk, sz(nk), bo,
                      sz(m), 0.0f, pk, sz(nk));
  Buffer half = allocFloats(device, nk);
  rowSqNorms(device, bk, nk, d, 0.5f * scale, half);
  Buffer fq = allocFloats(device, n * mp), fk = allocFloats(device, nk * mp);
  Buffer rowMax = allocFloats(device, nk), globalMax = allocFloats(device, 1);
  opencl::Kernel kq = kernel(device, "performer_query");
  kq.args(ci(n), ci(m), kindId, pq, fq);
  device.launch1d(kq, sz(n));
  opencl::Kernel kl = kernel(device, "performer_key_logits");
  kl.args(ci(nk), ci(m), kindId, pk, half, fk, rowMax);
  device.launch1d(kl, sz(nk));
  opencl::Kernel km = kernel(device, "max_reduce");
  km.args(ci(nk), rowMax, globalMax);
  const std::size_t group = 256;
  device.launch(km, std::span(&group, 1), std::span(&group, 1));
  opencl::Kernel kf = kernel(device, "performer_key_finish");
  kf.args(ci(nk), ci(mp), kindId, half, globalMax, fk);
  device.launch1d(kf, sz(nk));
  control.checkCancelled();

  // W = [V, 1]: one product gives the numerators and the normaliser φ(q)ᵀΣφ(k) (its last column).
  MatrixXf w(nk, dw);
  w.leftCols(dv) = v;
  w.col(dv).setOnes();
  Buffer bw = upload(device, w);
  Buffer num = allocFloats(device, n * dw);
  if (!causal) {
    Buffer kv = allocFloats(device, mp * dw);  // (K′)ᵀ[V, 1]
    opencl::gemm<float>(device, Op::Transpose, Op::None, sz(mp), sz(dw), sz(nk), 1.0f, fk, sz(nk),
                        bw, sz(nk), 0.0f, kv, sz(mp));
    opencl::gemm<float>(device, Op::None, Op::None, sz(n), sz(dw), sz(mp), 1.0f, fq, sz(n), kv,
                        sz(mp), 0.0f, num, sz(n));
  } else {
    // Prefix sums by chunks: o_i = φ(q_i)ᵀ(Σ of earlier chunks' states) + the in-chunk part.
    const Index chunks = (n + kChunk - 1) / kChunk;
    Buffer states = allocFloats(device, chunks * mp * dw);
    opencl::Kernel ks = kernel(device, "chunk_states");
    ks.args(ci(n), ci(mp), ci(dw), cl_int(kChunk), fk, bw, states);
    launch(device, ks, mp, dw, chunks);
    opencl::Kernel kp = kernel(device, "prefix_states");
    kp.args(ci(mp * dw), ci(chunks), states);
    device.launch1d(kp, sz(mp * dw));
    control.checkCancelled();
    Buffer dots = allocFloats(device, n * kChunk);
    opencl::Kernel kd = kernel(device, "chunk_dots");
    kd.args(ci(n), ci(mp), cl_int(kChunk), fq, fk, dots);
    launch(device, kd, n, kChunk);
    opencl::Kernel ko = kernel(device, "chunk_output");
    ko.args(ci(n), ci(mp), ci(dw), cl_int(kChunk), fq, states, dots, bw, num);
    launch(device, ko, n, dw);
  }
  const MatrixXf o = download(device, num, n, dw);
  PerformerOut r;
  r.output = o.leftCols(dv).array().colwise() / o.col(dv).array();
  if (keepFeatures) {
    r.features.q = download(device, fq, n, mp);
    r.features.k = download(device, fk, nk, mp);
  }
  control.progress(1.0);
  return r;
}

VqOut transformerVq(Device& device, const MatrixXf& keys, const MatrixXf& codebook,
                    const MatrixXf& q, const MatrixXf& v, float scale) {
  const Index n = keys.rows(), s = codebook.rows(), d = keys.cols();
  Buffer bk = upload(device, keys), bc = upload(device, codebook);
  Buffer dot = allocFloats(device, s * n);  // −2·C·Kᵀ: each key's distances one column
  opencl::gemm<float>(device, Op::None, Op::Transpose, sz(s), sz(n), sz(d), -2.0f, bc, sz(s), bk,
                      sz(n), 0.0f, dot, sz(s));
  Buffer kn = allocFloats(device, n), cn = allocFloats(device, s);
  rowSqNorms(device, bk, n, d, 1.0f, kn);
  rowSqNorms(device, bc, s, d, 1.0f, cn);
  Buffer codes = device.alloc(sizeof(cl_int) * sz(n));
  opencl::Kernel ka = kernel(device, "argmin_codes");
  ka.args(ci(n), ci(s), dot, kn, cn, codes);
  device.launch1d(ka, sz(n));
  VqOut r;
  const auto got = device.download<cl_int>(codes, sz(n));
  r.codes.assign(got.begin(), got.end());
  if (v.size() == 0) return r;

  const Index nq = q.rows(), dv = v.cols();
  Buffer bv = upload(device, v);
  Buffer counts = allocFloats(device, s), means = allocFloats(device, s * dv);
  Buffer logCounts = allocFloats(device, s);
  opencl::Kernel kc = kernel(device, "vq_cache");
  kc.args(ci(n), ci(s), ci(dv), codes, bv, counts, means, logCounts);
  launch(device, kc, s, dv + 1);
  // Softmax over codes of s·q·c + log count, then the weighted means (transformer_vq.h).
  Buffer bq = upload(device, q);
  Buffer weights = allocFloats(device, nq * s);
  opencl::gemm<float>(device, Op::None, Op::Transpose, sz(nq), sz(s), sz(d), scale, bq, sz(nq), bc,
                      sz(s), 0.0f, weights, sz(nq));
  Buffer dummy = allocFloats(device, 1);
  softmaxRows(device, weights, nq, s, nq, 1.0f, 0, false, &logCounts, dummy);
  Buffer out = allocFloats(device, nq * dv);
  opencl::gemm<float>(device, Op::None, Op::None, sz(nq), sz(dv), sz(s), 1.0f, weights, sz(nq),
                      means, sz(s), 0.0f, out, sz(nq));
  r.output = download(device, out, nq, dv);
  return r;
}

}  // namespace latentlab::attention::ocl
