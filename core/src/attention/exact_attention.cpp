// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Exact attention: tiled online softmax for the output, masked row softmax for the map.
#include "latentlab/attention/exact_attention.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <string>

#include "latentlab/attention/attention_matrix.h"
#include "latentlab/common/errors.h"
#include "latentlab/common/simd.h"
#include "latentlab/common/finite.h"

namespace latentlab::attention {

using Eigen::Index;
using Eigen::MatrixXd;

namespace {

template <class S>
using Mat = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;

template <class M>
void requireFiniteOf(const M& m, const char* key) {
  if (m.size() == 0) throw ParamError(key, std::string(key) + " must not be empty");
  if (!latentlab::allFinite(m))
    throw ParamError(key, std::string(key) + " contains NaN or Inf; every entry must be finite");
}

template <class S>
void checkShapes(const Eigen::Ref<const Mat<S>>& q, const Eigen::Ref<const Mat<S>>& k,
                 const Eigen::Ref<const Mat<S>>* v, bool causal) {
  requireFiniteOf(q, "q");
  requireFiniteOf(k, "k");
  if (q.cols() != k.cols())
    throw ParamError("k", "K must have as many columns as Q (d = " + std::to_string(q.cols()) +
                              "), got " + std::to_string(k.cols()));
  if (v) {
    requireFiniteOf(*v, "v");
    if (v->rows() != k.rows())
      throw ParamError("v", "V must have one row per key (" + std::to_string(k.rows()) +
                                "), got " + std::to_string(v->rows()));
  }
  if (causal && q.rows() != k.rows())
    throw ParamError("causal", "causal attention needs as many queries as keys");
}

template <class S>
Mat<S> exactOutputOf(const Eigen::Ref<const Mat<S>>& q, const Eigen::Ref<const Mat<S>>& k,
                     const Eigen::Ref<const Mat<S>>& v, S scale, bool causal,
                     const RunControl& control, int tile) {
  using VecS = Eigen::Matrix<S, Eigen::Dynamic, 1>;
  checkShapes<S>(q, k, &v, causal);
  if (!std::isfinite(scale)) throw ParamError("scale", "scale must be finite");
  const Index nq = q.rows(), nk = k.rows(), dv = v.cols();
  const S kNegInf = -std::numeric_limits<S>::infinity();
  // Up to 512² logits the whole map is cheaper than tiles: one GEMM, the vectorised row softmax
  // (latentlab/common/simd.h), one GEMM; the same numbers up to rounding (~1e-16 relative).
  if (nq * nk <= (Index{1} << 18)) {
    control.checkCancelled();
    Mat<S> a;
    a.noalias() = q * k.transpose();
    maskedRowSoftmaxInPlace(a, Mask{causal ? MaskKind::Causal : MaskKind::Bidirectional, 0}, scale);
    Mat<S> out = a * v;
    control.progress(1.0);
    return out;
  }
  const Index t = std::max(8, tile);
  const Index blocks = (nq + t - 1) / t;
  Mat<S> out(nq, dv);
  std::atomic<bool> stop{false};
  std::atomic<Index> done{0};
  // Small problems stay on one thread: a parallel region costs more than it saves there.
#pragma omp parallel for schedule(dynamic, 1) if (nq * nk >= (Index{1} << 18))
  for (Index b = 0; b < blocks; ++b) {
    if (stop.load(std::memory_order_relaxed)) continue;
    if (control.cancelled()) {
      stop = true;
      continue;
    }
    const Index r0 = b * t, rows = std::min(t, nq - r0);
    const Mat<S> qs = scale * q.middleRows(r0, rows);
    VecS mx = VecS::Constant(rows, kNegInf);
    VecS sum = VecS::Zero(rows);
    Mat<S> acc = Mat<S>::Zero(rows, dv);
    // Causal: key blocks past the last row of this query block are fully masked.
    const Index kEnd = causal ? std::min(nk, r0 + rows) : nk;
    for (Index c0 = 0; c0 < kEnd; c0 += t) {
      const Index cols = std::min(t, kEnd - c0);
      Mat<S> s = qs * k.middleRows(c0, cols).transpose();  // one GEMM per tile
      if (causal)
        for (Index i = 0; i < rows; ++i)
          for (Index j = std::max<Index>(0, r0 + i + 1 - c0); j < cols; ++j) s(i, j) = kNegInf;
      // The online-softmax update, column by column over the column-major tile (a row of it is
      // strided): each row's tile max and sum still run over its keys in order.
      VecS tileMax = s.col(0);
      for (Index j = 1; j < cols; ++j) tileMax = tileMax.cwiseMax(s.col(j));
      VecS shift(rows), alpha(rows);
      for (Index i = 0; i < rows; ++i) {
        if (tileMax(i) == kNegInf) {  // every key of this tile masked: nothing changes
          shift(i) = -kNegInf;        // exp(−∞ − ∞) = 0 for the whole row
          alpha(i) = S(1);
          continue;
        }
        const S newMax = std::max(mx(i), tileMax(i));
        // Rescale what was accumulated under the old max (exp(−∞) = 0 on the first tile).
        alpha(i) = std::exp(mx(i) - newMax);
        shift(i) = mx(i) = newMax;
      }
      for (Index j = 0; j < cols; ++j) s.col(j) -= shift;
      simd::expInPlace(s.data(), static_cast<std::size_t>(s.size()));
      VecS tileSum = s.col(0);
      for (Index j = 1; j < cols; ++j) tileSum += s.col(j);
      sum = sum.cwiseProduct(alpha) + tileSum;
      acc = alpha.asDiagonal() * acc;
      acc.noalias() += s * v.middleRows(c0, cols);  // second GEMM per tile
    }
    out.middleRows(r0, rows) = sum.cwiseInverse().asDiagonal() * acc;
    const Index finished = ++done;
    // The progress sink may not be thread-safe (it can forward to the UI).
#pragma omp critical(latentlab_exact_progress)
    control.progress(static_cast<double>(finished) / static_cast<double>(blocks));
  }
  control.checkCancelled();
  return out;
}

}  // namespace

void requireFinite(const Eigen::Ref<const MatrixXd>& m, const char* key) {
  requireFiniteOf(m, key);
}
void requireFinite(const Eigen::Ref<const Eigen::MatrixXf>& m, const char* key) {
  requireFiniteOf(m, key);
}

MatrixXd exactAttentionOutput(const Eigen::Ref<const MatrixXd>& q,
                              const Eigen::Ref<const MatrixXd>& k,
                              const Eigen::Ref<const MatrixXd>& v, double scale, bool causal,
                              const RunControl& control, int tile) {
  return exactOutputOf<double>(q, k, v, scale, causal, control, tile);
}

Eigen::MatrixXf exactAttentionOutput(const Eigen::Ref<const Eigen::MatrixXf>& q,
                                     const Eigen::Ref<const Eigen::MatrixXf>& k,
                                     const Eigen::Ref<const Eigen::MatrixXf>& v, float scale,
                                     bool causal, const RunControl& control, int tile) {
  return exactOutputOf<float>(q, k, v, scale, causal, control, tile);
}

MatrixXd exactAttentionRows(const Eigen::Ref<const MatrixXd>& q,
                            const Eigen::Ref<const MatrixXd>& k, double scale, bool causal,
                            Index rows) {
  checkShapes<double>(q, k, nullptr, causal);
  rows = std::clamp<Index>(rows, 0, q.rows());
  MatrixXd a = unscaledLogits(q.topRows(rows), k);
  maskedRowSoftmaxInPlace(a, Mask{causal ? MaskKind::Causal : MaskKind::Bidirectional, 0}, scale);
  return a;
}

double relativeFrobeniusError(const Eigen::Ref<const MatrixXd>& approx,
                              const Eigen::Ref<const MatrixXd>& exact) {
  const double den = exact.norm();
  if (den == 0.0) return std::numeric_limits<double>::quiet_NaN();
  return (approx - exact).norm() / den;
}

}  // namespace latentlab::attention
