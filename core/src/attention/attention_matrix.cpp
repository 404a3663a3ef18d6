// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Exact attention maps: logits by one GEMM, then a max-shifted masked softmax per row.
#include "latentlab/attention/attention_matrix.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "latentlab/common/errors.h"

namespace latentlab::attention {
namespace {

void checkFinite(const Eigen::Ref<const Eigen::MatrixXd>& m, const char* key, const char* name) {
  if (!m.allFinite())
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
  if (q.rows() == 0 || q.cols() == 0)
    throw ParamError("q", "Q must have at least one row and column");
  if (k.rows() == 0) throw ParamError("k", "K must have at least one row");
  if (q.cols() != k.cols())
    throw ParamError("k", "Q and K must have the same number of columns d (Q has " +
                              std::to_string(q.cols()) + ", K has " + std::to_string(k.cols()) +
                              ")");
  if (!std::isfinite(scale)) throw ParamError("tau", "the logit scale τ must be finite");
  checkFinite(q, "q", "Q");
  checkFinite(k, "k", "K");
  Eigen::MatrixXd s;
  s.noalias() = q * k.transpose();
  s *= scale;
  return s;
}

Eigen::MatrixXd maskedRowSoftmax(const Eigen::Ref<const Eigen::MatrixXd>& logits,
                                 const Mask& mask) {
  const Eigen::Index rows = logits.rows();
  const Eigen::Index cols = logits.cols();
  checkMask(mask, rows, cols);
  checkFinite(logits, "logits", "the logit matrix");
  // Row-major so each row is contiguous; rows are independent, so the result does not depend on
  // how OpenMP splits them.
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> a =
      Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>::Zero(rows, cols);
  // Below 512² the fork/join costs more than the exps it shares (measured on 2 cores).
#pragma omp parallel for schedule(static) if (rows * cols >= 262144)
  for (Eigen::Index i = 0; i < rows; ++i) {
    const RowRange r = allowedRange(mask, i, cols);
    double m = -std::numeric_limits<double>::infinity();
    for (Eigen::Index j = r.lo; j < r.hi; ++j) m = std::max(m, logits(i, j));
    double sum = 0.0;
    for (Eigen::Index j = r.lo; j < r.hi; ++j) {
      const double e = std::exp(logits(i, j) - m);
      a(i, j) = e;
      sum += e;
    }
    const double inv = 1.0 / sum;  // sum ≥ 1: the max entry contributes exp(0)
    for (Eigen::Index j = r.lo; j < r.hi; ++j) a(i, j) *= inv;
  }
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
