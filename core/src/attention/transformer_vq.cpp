// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Transformer-VQ: codebooks, the linear-time cached form and the soft (GMM) reading
// (Lingle 2023; Su, kexue.fm/archives/9844 and 9862).
#include "latentlab/attention/transformer_vq.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "latentlab/attention/exact_attention.h"
#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/common/simd.h"

namespace latentlab::attention {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// ‖k_i − c_s‖² for all pairs: ‖k‖² − 2k·c + ‖c‖² with one GEMM.
MatrixXd squaredDistances(const Eigen::Ref<const MatrixXd>& keys,
                          const Eigen::Ref<const MatrixXd>& codebook) {
  MatrixXd d = -2.0 * keys * codebook.transpose();
  d.colwise() += keys.rowwise().squaredNorm();
  d.rowwise() += codebook.rowwise().squaredNorm().transpose();
  return d.cwiseMax(0.0);
}

}  // namespace

std::vector<int> assignCodes(const Eigen::Ref<const MatrixXd>& keys,
                             const Eigen::Ref<const MatrixXd>& codebook) {
  if (codebook.cols() != keys.cols())
    throw ParamError("codebook", "the codebook must have the keys' dimension d");
  // The distances transposed (S × n), so that each key's are one contiguous column, and the
  // norms added inside the search instead of in two more passes over the S × n matrix: the same
  // arithmetic, ((−2k·c) + ‖k‖²) + ‖c‖² clamped at 0, as squaredDistances.
  const MatrixXd dot = -2.0 * codebook * keys.transpose();
  const VectorXd kn = keys.rowwise().squaredNorm(), cn = codebook.rowwise().squaredNorm();
  const Index n = keys.rows(), s = codebook.rows();
  std::vector<int> codes(static_cast<std::size_t>(n));
#pragma omp parallel for schedule(static) if (n * s >= (Index{1} << 20))
  for (Index i = 0; i < n; ++i) {
    const double* col = dot.data() + i * s;
    Index best = 0;
    double bestValue = std::max(col[0] + kn(i) + cn(0), 0.0);
    for (Index c = 1; c < s; ++c) {
      const double v = std::max(col[c] + kn(i) + cn(c), 0.0);
      if (v < bestValue) {  // strict: ties go to the lowest index
        bestValue = v;
        best = c;
      }
    }
    codes[static_cast<std::size_t>(i)] = static_cast<int>(best);
  }
  return codes;
}

MatrixXd quantizeKeys(const Eigen::Ref<const MatrixXd>& codebook, const std::vector<int>& codes) {
  MatrixXd out(static_cast<Index>(codes.size()), codebook.cols());
  for (std::size_t i = 0; i < codes.size(); ++i) out.row(static_cast<Index>(i)) = codebook.row(codes[i]);
  return out;
}

MatrixXd makeCodebook(const Eigen::Ref<const MatrixXd>& keys, int size, CodebookKind kind,
                      std::uint64_t seed, int iterations, const RunControl& control) {
  requireFinite(keys, "k");
  const Index n = keys.rows();
  if (size < 1 || size > n)
    throw ParamError("codebook_size", "codebook size S must be between 1 and n = " +
                                          std::to_string(n) + ", got " + std::to_string(size));
  if (iterations < 0) throw ParamError("kmeans_iters", "k-means iterations must be ≥ 0");
  // S distinct rows by a partial Fisher–Yates shuffle driven by the project RNG.
  std::vector<Index> idx(static_cast<std::size_t>(n));
  std::iota(idx.begin(), idx.end(), Index{0});
  Rng rng(seed);
  for (int s = 0; s < size; ++s) {
    const auto left = static_cast<std::uint64_t>(n - s);
    const auto pick = static_cast<std::size_t>(s) + static_cast<std::size_t>(rng.next() % left);
    std::swap(idx[static_cast<std::size_t>(s)], idx[pick]);
  }
  MatrixXd c(size, keys.cols());
  for (int s = 0; s < size; ++s) c.row(s) = keys.row(idx[static_cast<std::size_t>(s)]);
  if (kind == CodebookKind::RandomKeys) return c;
  std::vector<int> codes;
  for (int it = 0; it < iterations; ++it) {
    control.checkCancelled();
    std::vector<int> next = assignCodes(keys, c);
    if (next == codes) break;  // converged: assignments stable
    codes = std::move(next);
    MatrixXd sums = MatrixXd::Zero(size, keys.cols());
    VectorXd counts = VectorXd::Zero(size);
    for (Index i = 0; i < n; ++i) {
      sums.row(codes[static_cast<std::size_t>(i)]) += keys.row(i);
      counts(codes[static_cast<std::size_t>(i)]) += 1.0;
    }
    for (int s = 0; s < size; ++s)
      if (counts(s) > 0) c.row(s) = sums.row(s) / counts(s);
  }
  return c;
}

MatrixXd vqLinearOutput(const Eigen::Ref<const MatrixXd>& q,
                        const Eigen::Ref<const MatrixXd>& codebook, const std::vector<int>& codes,
                        const Eigen::Ref<const MatrixXd>& v, double scale, bool causal, int block,
                        const RunControl& control, const VectorXd& bias) {
  requireFinite(q, "q");
  requireFinite(v, "v");
  requireFinite(codebook, "codebook");
  const Index n = v.rows(), dv = v.cols(), S = codebook.rows();
  if (static_cast<Index>(codes.size()) != n) throw ParamError("v", "V needs one row per key");
  if (q.cols() != codebook.cols()) throw ParamError("codebook", "codebook and Q differ in d");
  if (block < 1) throw ParamError("block", "the block length l must be at least 1");
  if (bias.size() > block)
    throw ParamError("block", "the window bias must not be longer than the block length l");
  if (bias.size() > 0 && !causal)
    throw ParamError("window_bias", "the window bias needs the causal form");
  if (bias.size() > 0 && !bias.allFinite())
    throw ParamError("bias_strength", "the window bias must be finite");
  for (int c : codes)
    if (c < 0 || c >= S) throw ParamError("codebook", "a key's code is outside the codebook");
  MatrixXd qc = scale * q * codebook.transpose();  // n_q × S: the only n×S GEMM
  if (!causal) {
    VectorXd counts = VectorXd::Zero(S);
    MatrixXd sums = MatrixXd::Zero(S, dv);
    for (Index j = 0; j < n; ++j) counts(codes[static_cast<std::size_t>(j)]) += 1.0;
    for (Index c = 0; c < dv; ++c)  // column by column: both columns are contiguous
      for (Index j = 0; j < n; ++j) sums(codes[static_cast<std::size_t>(j)], c) += v(j, c);
    // Cache logits q·c_s + log count_s (−∞ for unused codes), one softmax over codes, vectorised
    // across the queries (latentlab/common/simd.h); exp(−∞) = 0 for the unused codes.
    const VectorXd logCount =
        counts.unaryExpr([](double x) { return x > 0 ? std::log(x) : kNegInf; });
    MatrixXd& w = qc;  // in place: the bidirectional form needs qc no more
    w.rowwise() += logCount.transpose();
    simd::softmaxRowsColMajor(w.data(), static_cast<std::size_t>(w.rows()),
                              static_cast<std::size_t>(S), static_cast<std::size_t>(w.rows()), 1.0);
    const VectorXd inv = counts.unaryExpr([](double x) { return x > 0 ? 1.0 / x : 0.0; });
    const MatrixXd means = inv.asDiagonal() * sums;
    return w * means;
  }
  if (q.rows() != n) throw ParamError("causal", "causal attention needs as many queries as keys");
  // Keys [0, cached) are in the cache (counts, sums); the recent window is the current block,
  // plus the previous one when a bias reaches into it (the cache then lags two blocks).
  const bool biased = bias.size() > 0;
  VectorXd counts = VectorXd::Zero(S);
  MatrixXd sums = MatrixXd::Zero(S, dv);
  MatrixXd out(n, dv);
  Index cached = 0;
  for (Index r0 = 0; r0 < n; r0 += block) {
    control.checkCancelled();
    control.progress(static_cast<double>(r0) / static_cast<double>(n));
    const Index rows = std::min<Index>(block, n - r0);
    const Index start = biased ? std::max<Index>(0, r0 - block) : r0;
    for (; cached < start; ++cached) {  // U_i = U_{i−1} + Δ_[i]ᵀV_[i]
      counts(codes[static_cast<std::size_t>(cached)]) += 1.0;
      sums.row(codes[static_cast<std::size_t>(cached)]) += v.row(cached);
    }
    const Index width = r0 + rows - start;
    MatrixXd khat(width, codebook.cols());
    for (Index j = 0; j < width; ++j)
      khat.row(j) = codebook.row(codes[static_cast<std::size_t>(start + j)]);
    MatrixXd recent = scale * q.middleRows(r0, rows) * khat.transpose();  // rows × width
    const VectorXd logCount = counts.unaryExpr([](double x) { return x > 0 ? std::log(x) : kNegInf; });
    MatrixXd cache = qc.middleRows(r0, rows).rowwise() + logCount.transpose();
    for (Index i = 0; i < rows; ++i) {
      for (Index j = 0; j < width; ++j) {
        const Index t = r0 + i - (start + j);  // query − key position
        if (t < 0)
          recent(i, j) = kNegInf;  // M: future keys
        else if (t < bias.size())
          recent(i, j) += bias(t);  // B_[i,i] and B_[i,i−1]
      }
      const double mx = std::max(recent.row(i).maxCoeff(), cache.row(i).maxCoeff());
      recent.row(i) = (recent.row(i).array() - mx).exp().matrix();
      cache.row(i) = (cache.row(i).array() - mx).exp().matrix();
    }
    const VectorXd inv = counts.unaryExpr([](double x) { return x > 0 ? 1.0 / x : 0.0; });
    const MatrixXd means = inv.asDiagonal() * sums;
    const VectorXd den = recent.rowwise().sum() + cache.rowwise().sum();
    out.middleRows(r0, rows) =
        den.cwiseInverse().asDiagonal() * (recent * v.middleRows(start, width) + cache * means);
  }
  return out;
}

VectorXd windowBias(int block, double strength) {
  if (block < 1) throw ParamError("block", "the block length l must be at least 1");
  if (!std::isfinite(strength))
    throw ParamError("bias_strength", "the window bias strength must be finite");
  VectorXd b(block);
  for (int t = 0; t < block; ++t) b(t) = strength * std::exp(-2.0 * t / block);
  return b;
}

namespace {

// Logits s·q_i·k_j + b(i − j) with the causal mask for query rows [r0, r0 + rows).
MatrixXd biasedLogits(const Eigen::Ref<const MatrixXd>& q, const Eigen::Ref<const MatrixXd>& k,
                      double scale, const VectorXd& bias, Index r0, Index rows) {
  MatrixXd logits = scale * q.middleRows(r0, rows) * k.transpose();
  for (Index i = 0; i < rows; ++i) {
    const Index qi = r0 + i;
    for (Index t = 0; t < bias.size() && t <= qi; ++t) logits(i, qi - t) += bias(t);
    if (qi + 1 < logits.cols()) logits.row(i).tail(logits.cols() - qi - 1).setConstant(kNegInf);
    const double mx = logits.row(i).maxCoeff();
    logits.row(i) = (logits.row(i).array() - mx).exp().matrix();
    logits.row(i) /= logits.row(i).sum();
  }
  return logits;
}

void checkBiasedInputs(const Eigen::Ref<const MatrixXd>& q, const Eigen::Ref<const MatrixXd>& k,
                       const VectorXd& bias) {
  requireFinite(q, "q");
  requireFinite(k, "k");
  if (q.cols() != k.cols()) throw ParamError("k", "K must have as many columns as Q");
  if (q.rows() != k.rows())
    throw ParamError("causal", "causal attention needs as many queries as keys");
  if (bias.size() > 0 && !bias.allFinite())
    throw ParamError("bias_strength", "the window bias must be finite");
}

}  // namespace

MatrixXd windowBiasedAttentionRows(const Eigen::Ref<const MatrixXd>& q,
                                   const Eigen::Ref<const MatrixXd>& k, double scale,
                                   const VectorXd& bias, Index rows) {
  checkBiasedInputs(q, k, bias);
  return biasedLogits(q, k, scale, bias, 0, std::clamp<Index>(rows, 0, q.rows()));
}

MatrixXd windowBiasedAttentionOutput(const Eigen::Ref<const MatrixXd>& q,
                                     const Eigen::Ref<const MatrixXd>& k,
                                     const Eigen::Ref<const MatrixXd>& v, double scale,
                                     const VectorXd& bias, const RunControl& control) {
  checkBiasedInputs(q, k, bias);
  requireFinite(v, "v");
  if (v.rows() != k.rows()) throw ParamError("v", "V must have one row per key");
  constexpr Index kRows = 128;
  MatrixXd out(q.rows(), v.cols());
  for (Index r0 = 0; r0 < q.rows(); r0 += kRows) {
    control.checkCancelled();
    const Index rows = std::min<Index>(kRows, q.rows() - r0);
    out.middleRows(r0, rows) = biasedLogits(q, k, scale, bias, r0, rows) * v;
  }
  return out;
}

MatrixXd softAssignment(const Eigen::Ref<const MatrixXd>& keys,
                        const Eigen::Ref<const MatrixXd>& codebook, double tau) {
  if (!(tau > 0.0) || !std::isfinite(tau))
    throw ParamError("soft_tau", "the soft-assignment temperature τ must be positive");
  MatrixXd logits = -squaredDistances(keys, codebook) / (2.0 * tau);
  const VectorXd mx = logits.rowwise().maxCoeff();
  logits = (logits.colwise() - mx).array().exp().matrix();
  const VectorXd den = logits.rowwise().sum();
  return den.cwiseInverse().asDiagonal() * logits;
}

MatrixXd softVqOutput(const Eigen::Ref<const MatrixXd>& q, const Eigen::Ref<const MatrixXd>& codebook,
                      const Eigen::Ref<const MatrixXd>& assignment,
                      const Eigen::Ref<const MatrixXd>& v, double scale) {
  // Key features p(y|k) may be ~0 for a whole code; the query max still cancels per row.
  MatrixXd fq = scale * q * codebook.transpose();
  const VectorXd mx = fq.rowwise().maxCoeff();
  fq = (fq.colwise() - mx).array().exp().matrix();
  const MatrixXd kv = assignment.transpose() * v;               // S × d_v
  const VectorXd z = assignment.transpose().rowwise().sum();    // S (soft counts)
  const VectorXd den = fq * z;
  return den.cwiseInverse().asDiagonal() * (fq * kv);
}

}  // namespace latentlab::attention
