// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Exact attention maps: logits by one GEMM, then a max-shifted masked softmax per row.
#include "latentlab/attention/attention_matrix.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "latentlab/common/errors.h"
#include "latentlab/common/finite.h"
#include "latentlab/common/simd.h"

namespace latentlab::attention {
namespace {

void checkFinite(const Eigen::Ref<const Eigen::MatrixXd>& m, const char* key, const char* name) {
  if (!latentlab::allFinite(m))
    throw ParamError(key, std::string(name) + " contains NaN or Inf; every entry must be finite");
}

// Allowed key range [lo, hi) of row i plus, for PrefixLM, the prefix [0, m). Every mask here is
// one contiguous range per row, so the softmax loops need no per-entry test.
struct RowRange {
  Eigen::Index lo, hi;
};

RowRange allowedRange(const Mask& mask, Eigen::Index i, Eigen::Index cols) {
  switch (mask.kind) {
    case MaskKind::Bidirectional:
      return {0, cols};
    case MaskKind::Causal:
      return {0, std::min(i + 1, cols)};
    case MaskKind::Backward:
      return {std::min(i, cols), cols};
    case MaskKind::PrefixLM:
      return {0, std::min(std::max<Eigen::Index>(i + 1, mask.prefix), cols)};
  }
  return {0, cols};
}

void checkMask(const Mask& mask, Eigen::Index rows, Eigen::Index cols) {
  if (mask.kind == MaskKind::PrefixLM && (mask.prefix < 0 || mask.prefix > cols))
    throw ParamError("prefix", "prefix length m must be between 0 and n = " + std::to_string(cols) +
                                   ", got " + std::to_string(mask.prefix));
  if (mask.kind == MaskKind::Backward && rows > cols)
    throw ParamError("mask", "the backward mask needs at least as many keys as queries (" +
                                 std::to_string(cols) + " < " + std::to_string(rows) + ")");
}

}  // namespace

std::string maskId(MaskKind kind) {
  switch (kind) {
    case MaskKind::Bidirectional:
      return "bidirectional";
    case MaskKind::Causal:
      return "causal";
    case MaskKind::Backward:
      return "backward";
    case MaskKind::PrefixLM:
      return "prefix";
  }
  return "bidirectional";
}

Eigen::MatrixXd attentionLogits(const Eigen::Ref<const Eigen::MatrixXd>& q,
                                const Eigen::Ref<const Eigen::MatrixXd>& k, double scale) {
  Eigen::MatrixXd s = unscaledLogits(q, k);
  if (!std::isfinite(scale)) throw ParamError("tau", "the logit scale τ must be finite");
  s *= scale;
  return s;
}

Eigen::MatrixXd unscaledLogits(const Eigen::Ref<const Eigen::MatrixXd>& q,
                               const Eigen::Ref<const Eigen::MatrixXd>& k) {
  if (q.rows() == 0 || q.cols() == 0)
    throw ParamError("q", "Q must have at least one row and column");
  if (k.rows() == 0) throw ParamError("k", "K must have at least one row");
  if (q.cols() != k.cols())
    throw ParamError("k", "Q and K must have the same number of columns d (Q has " +
                              std::to_string(q.cols()) + ", K has " + std::to_string(k.cols()) +
                              ")");
  checkFinite(q, "q", "Q");
  checkFinite(k, "k", "K");
  Eigen::MatrixXd s;
  s.noalias() = q * k.transpose();
  return s;
}

namespace {

template <class M>
void softmaxInPlace(M& a, const Mask& mask, typename M::Scalar scale) {
  using S = typename M::Scalar;
  const Eigen::Index rows = a.rows(), cols = a.cols();
  checkMask(mask, rows, cols);
  if (!std::isfinite(scale)) throw ParamError("tau", "the logit scale τ must be finite");
  if (!latentlab::allFinite(a))
    throw ParamError("logits", "the logit matrix contains NaN or Inf; every entry must be finite");
  if (mask.kind != MaskKind::Bidirectional) {
    // Masked entries become −∞, which the kernel turns into exact zeros; that needs scale > 0
    // (a non-positive scale is applied first, which is what attentionLogits would have done).
    if (scale <= S(0)) {
      a *= scale;
      scale = S(1);
    }
    const S kNegInf = -std::numeric_limits<S>::infinity();
    for (Eigen::Index j = 0; j < cols; ++j) {
      // Rows allowed to see key j form one range; the rest of column j is masked.
      Eigen::Index lo = 0, hi = rows;
      if (mask.kind == MaskKind::Backward)
        hi = std::min(j + 1, rows);
      else if (mask.kind == MaskKind::Causal || j >= mask.prefix)
        lo = std::min(j, rows);
      a.col(j).head(lo).setConstant(kNegInf);
      a.col(j).tail(rows - hi).setConstant(kNegInf);
    }
  }
  // Rows are independent and each row's max and sum run over j in order, so the result does not
  // depend on how OpenMP splits the row blocks. Below 512² the fork/join costs more than it saves.
  constexpr Eigen::Index kRowsPerTask = 256;
  const Eigen::Index tasks = (rows + kRowsPerTask - 1) / kRowsPerTask;
#pragma omp parallel for schedule(static) if (rows * cols >= 262144)
  for (Eigen::Index t = 0; t < tasks; ++t) {
    const Eigen::Index r0 = t * kRowsPerTask, n = std::min(kRowsPerTask, rows - r0);
    simd::softmaxRowsColMajor(a.data() + r0, static_cast<std::size_t>(n),
                              static_cast<std::size_t>(cols), static_cast<std::size_t>(rows),
                              scale);
  }
}

}  // namespace

void maskedRowSoftmaxInPlace(Eigen::MatrixXd& a, const Mask& mask, double scale) {
  softmaxInPlace(a, mask, scale);
}

void maskedRowSoftmaxInPlace(Eigen::MatrixXf& a, const Mask& mask, float scale) {
  softmaxInPlace(a, mask, scale);
}

Eigen::MatrixXd maskedRowSoftmax(const Eigen::Ref<const Eigen::MatrixXd>& logits,
                                 const Mask& mask) {
  Eigen::MatrixXd a = logits;
  maskedRowSoftmaxInPlace(a, mask, 1.0);
  return a;
}

Eigen::VectorXd logDiagonal(const Eigen::Ref<const Eigen::MatrixXd>& logits, const Mask& mask) {
  if (logits.rows() != logits.cols())
    throw ParamError("logits", "the log-diagonal needs a square logit matrix");
  checkMask(mask, logits.rows(), logits.cols());
  checkFinite(logits, "logits", "the logit matrix");
  const Eigen::Index n = logits.rows();
  Eigen::VectorXd out(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const RowRange r = allowedRange(mask, i, n);
    double m = -std::numeric_limits<double>::infinity();
    for (Eigen::Index j = r.lo; j < r.hi; ++j) m = std::max(m, logits(i, j));
    double sum = 0.0;
    for (Eigen::Index j = r.lo; j < r.hi; ++j) sum += std::exp(logits(i, j) - m);
    out(i) = logits(i, i) - m - std::log(sum);
  }
  return out;
}

Eigen::MatrixXd attentionMatrix(const Eigen::Ref<const Eigen::MatrixXd>& q,
                                const Eigen::Ref<const Eigen::MatrixXd>& k, double tau,
                                const Mask& mask, bool divideBySqrtD) {
  const double scale =
      divideBySqrtD ? tau / std::sqrt(static_cast<double>(std::max<Eigen::Index>(q.cols(), 1)))
                    : tau;
  return maskedRowSoftmax(attentionLogits(q, k, scale), mask);
}

}  // namespace latentlab::attention
