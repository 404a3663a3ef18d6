// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// VQ: tiled GEMM nearest-code search, k-means++ / Lloyd, online EMA codebook (van den Oord et al.
// 2017, appendix) with dead-code restart (Dhariwal et al. 2020) and the usage metrics of
// Mentzer et al. 2023.
#include "latentlab/quantization/vq.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "latentlab/common/errors.h"
#include "latentlab/common/simd.h"
#include "quantization/vq_centroids.h"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace latentlab::quantization {
namespace {

// A 256-row × 1024-code tile of distances is 1 MiB in float: it stays in L2 and never grows with N
// or K, which is the point of tiling (N×K is never materialised).
constexpr Eigen::Index kRowTile = 256;
constexpr Eigen::Index kCodeTile = 1024;

// Holds this thread's OpenMP team size at 1 while a serial search runs. Outside a parallel region
// Eigen threads every GEMM it thinks big enough (a 256×512×3 tile already qualifies), and its
// busy-wait barriers made a 2000-point, 512-code search 20× slower on a loaded machine. Only the
// calling thread's setting changes, so other pages' computations are unaffected.
class SerialEigenGemm {
 public:
  explicit SerialEigenGemm(bool serial) {
#ifdef _OPENMP
    m_saved = omp_get_max_threads();
    m_active = serial && m_saved > 1;
    if (m_active) omp_set_num_threads(1);
#else
    (void)serial;
#endif
  }
  ~SerialEigenGemm() {
#ifdef _OPENMP
    if (m_active) omp_set_num_threads(m_saved);
#endif
  }
  SerialEigenGemm(const SerialEigenGemm&) = delete;
  SerialEigenGemm& operator=(const SerialEigenGemm&) = delete;

 private:
  int m_saved = 1;
  bool m_active = false;
};

template <class Mat>
NearestResult nearestImpl(const Mat& x, const Mat& codebook, const RunControl& control) {
  using Scalar = typename Mat::Scalar;
  using Dense = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
  using Vec = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
  const Eigen::Index n = x.rows(), k = codebook.rows(), d = x.cols();
  if (k == 0) throw ParamError("codebook", "the codebook is empty");
  if (codebook.cols() != d)
    throw ParamError("codebook", "codebook has " + std::to_string(codebook.cols()) +
                                     " columns but the points have " + std::to_string(d));
  NearestResult out;
  out.index.assign(static_cast<std::size_t>(n), 0);
  out.distance2.resize(n);
  const Vec codeNorm = codebook.rowwise().squaredNorm();
  const Eigen::Index tiles = (n + kRowTile - 1) / kRowTile;
  std::atomic<bool> cancelled{false};
  // Threads only pay off on big searches; small ones (the page at defaults) stay serial so a busy
  // machine's thread wake-ups cannot dominate an interactive recompute.
  const bool parallel = static_cast<double>(n) * static_cast<double>(k) * static_cast<double>(d) > 4e6;
  const SerialEigenGemm serialGemm(!parallel);  // parallel: Eigen already stays serial per tile
#pragma omp parallel for schedule(dynamic) if (parallel)
  for (Eigen::Index t = 0; t < tiles; ++t) {
    if (cancelled.load(std::memory_order_relaxed) || control.cancelled()) {
      cancelled.store(true, std::memory_order_relaxed);
      continue;  // OpenMP loops cannot break; skip the remaining tiles instead
    }
    const Eigen::Index r0 = t * kRowTile, rows = std::min(kRowTile, n - r0);
    const auto xt = x.middleRows(r0, rows);
    const Vec xNorm = xt.rowwise().squaredNorm();
    Vec best = Vec::Constant(rows, std::numeric_limits<Scalar>::infinity());
    using Index = std::conditional_t<std::is_same_v<Scalar, float>, std::int32_t, std::int64_t>;
    std::vector<Index> bestIdx(static_cast<std::size_t>(rows), 0);
    Dense dist;
    for (Eigen::Index c0 = 0; c0 < k; c0 += kCodeTile) {
      const Eigen::Index cols = std::min(kCodeTile, k - c0);
      dist.noalias() = xt * codebook.middleRows(c0, cols).transpose();  // the GEMM
      // ‖x‖² is constant per row, so the argmin runs on ‖c‖² − 2x·c (vectorised across rows).
      simd::argminUpdate(dist.data(), static_cast<std::size_t>(rows),
                         static_cast<std::size_t>(cols), static_cast<std::size_t>(dist.rows()),
                         codeNorm.data() + c0, static_cast<Index>(c0), best.data(), bestIdx.data());
    }
    for (Eigen::Index r = 0; r < rows; ++r) {
      out.index[static_cast<std::size_t>(r0 + r)] =
          static_cast<int>(bestIdx[static_cast<std::size_t>(r)]);
      out.distance2(r0 + r) = std::max(0.0, static_cast<double>(best(r) + xNorm(r)));
    }
  }
  control.checkCancelled();
  return out;
}

}  // namespace

NearestResult nearestCodes(const RowMatrixXd& x, const RowMatrixXd& codebook,
                           const RunControl& control) {
  return nearestImpl(x, codebook, control);
}

NearestResult nearestCodes(const RowMatrixXf& x, const RowMatrixXf& codebook,
                           const RunControl& control) {
  return nearestImpl(x, codebook, control);
}

RowMatrixXd kmeansPlusPlus(const RowMatrixXd& x, int k, std::uint64_t seed,
                           const RunControl& control) {
  const Eigen::Index n = x.rows();
  if (k < 1 || k > n)
    throw ParamError("codebook_size", "codebook size must be between 1 and the number of points (" +
                                          std::to_string(n) + "), got " + std::to_string(k));
  Rng rng(seed);
  RowMatrixXd centres(k, x.cols());
  auto pick = [&](double u) { return std::min<Eigen::Index>(n - 1, static_cast<Eigen::Index>(u * n)); };
  centres.row(0) = x.row(pick(rng.uniform()));
  Eigen::VectorXd d2 = (x.rowwise() - centres.row(0)).rowwise().squaredNorm();
  for (int c = 1; c < k; ++c) {
    control.checkCancelled();
    const double total = d2.sum();
    Eigen::Index chosen = 0;
    if (total <= 0.0) {
      chosen = pick(rng.uniform());  // all points coincide with centres: any row will do
    } else {
      double target = rng.uniform() * total;
      chosen = n - 1;
      for (Eigen::Index i = 0; i < n; ++i) {
        target -= d2(i);
        if (target < 0.0) {
          chosen = i;
          break;
        }
      }
    }
    centres.row(c) = x.row(chosen);
    d2 = d2.cwiseMin((x.rowwise() - centres.row(c)).rowwise().squaredNorm());
    control.progress(static_cast<double>(c) / k);
  }
  return centres;
}

RowMatrixXd initCodebook(const RowMatrixXd& x, int k, VqInit init, std::uint64_t seed,
                         const RunControl& control) {
  if (init == VqInit::KmeansPlusPlus) return kmeansPlusPlus(x, k, seed, control);
  const Eigen::Index n = x.rows();
  if (k < 1 || (init == VqInit::DataRows && k > n))
    throw ParamError("codebook_size", "codebook size must be between 1 and the number of points (" +
                                          std::to_string(n) + "), got " + std::to_string(k));
  Rng rng(seed);
  RowMatrixXd out(k, x.cols());
  if (init == VqInit::Tiny) {
    for (Eigen::Index i = 0; i < out.size(); ++i) out.data()[i] = 0.02 * rng.normal();
    return out;
  }
  // Partial Fisher–Yates: k distinct rows.
  std::vector<Eigen::Index> perm(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) perm[static_cast<std::size_t>(i)] = i;
  for (int i = 0; i < k; ++i) {
    const auto j = i + static_cast<Eigen::Index>(rng.uniform() * static_cast<double>(n - i));
    std::swap(perm[static_cast<std::size_t>(i)], perm[static_cast<std::size_t>(std::min(j, n - 1))]);
    out.row(i) = x.row(perm[static_cast<std::size_t>(i)]);
  }
  return out;
}

LloydResult lloyd(const RowMatrixXd& x, RowMatrixXd codebook, int iterations,
                  const RunControl& control, std::vector<RowMatrixXd>* history) {
  if (iterations < 0) throw ParamError("iterations", "iterations must be ≥ 0");
  LloydResult out;
  for (int it = 0; it <= iterations; ++it) {
    control.checkCancelled();
    NearestResult nr = nearestCodes(x, codebook, control);
    out.distortion.push_back(x.rows() > 0 ? nr.distance2.mean() : 0.0);
    out.assignment = std::move(nr.index);
    if (history) history->push_back(codebook);
    if (it == iterations) break;
    detail::updateCentroids(x, out.assignment, codebook);
    control.progress(static_cast<double>(it + 1) / (iterations + 1));
  }
  out.codebook = std::move(codebook);
  return out;
}

namespace detail {

void updateCentroids(const RowMatrixXd& x, const std::vector<int>& assignment,
                     RowMatrixXd& codebook) {
  const Eigen::Index k = codebook.rows(), d = x.cols();
  RowMatrixXd sums = RowMatrixXd::Zero(k, d);
  Eigen::VectorXd counts = Eigen::VectorXd::Zero(k);
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const int j = assignment[static_cast<std::size_t>(i)];
    sums.row(j) += x.row(i);
    counts(j) += 1.0;
  }
  for (Eigen::Index j = 0; j < k; ++j)
    if (counts(j) > 0) codebook.row(j) = sums.row(j) / counts(j);
}

}  // namespace detail

EmaCodebook::EmaCodebook(RowMatrixXd codebook, EmaOptions options)
    : m_codebook(std::move(codebook)), m_options(options) {
  m_counts = Eigen::VectorXd::Ones(m_codebook.rows());
  m_sums = m_codebook;
}

EmaCodebook::EmaCodebook(RowMatrixXd codebook, Eigen::VectorXd counts, RowMatrixXd sums,
                         EmaOptions options)
    : m_codebook(std::move(codebook)),
      m_counts(std::move(counts)),
      m_sums(std::move(sums)),
      m_options(options) {
  if (m_counts.size() != m_codebook.rows() || m_sums.rows() != m_codebook.rows() ||
      m_sums.cols() != m_codebook.cols())
    throw ParamError("codebook", "EMA counts and sums must match the codebook's shape");
}

namespace detail {

void emaUpdate(const RowMatrixXd& batch, const std::vector<int>& assignment, double decay,
               double smoothing, Eigen::VectorXd& counts, RowMatrixXd& sums,
               RowMatrixXd& codebook) {
  const Eigen::Index k = codebook.rows(), d = codebook.cols();
  Eigen::VectorXd n = Eigen::VectorXd::Zero(k);
  RowMatrixXd s = RowMatrixXd::Zero(k, d);
  for (Eigen::Index i = 0; i < batch.rows(); ++i) {
    const int j = assignment[static_cast<std::size_t>(i)];
    n(j) += 1.0;
    s.row(j) += batch.row(i);
  }
  const double g = decay;
  counts = g * counts + (1.0 - g) * n;
  sums = g * sums + (1.0 - g) * s;
  const double total = counts.sum(), eps = smoothing;
  for (Eigen::Index j = 0; j < k; ++j) {
    const double smoothed =
        eps > 0.0 ? (counts(j) + eps) / (total + static_cast<double>(k) * eps) * total
                  : counts(j);
    if (smoothed > 0.0) codebook.row(j) = sums.row(j) / smoothed;
  }
}

}  // namespace detail

std::vector<int> EmaCodebook::step(const RowMatrixXd& batch, Rng& rng) {
  std::vector<int> index = cpuUpdate(batch, {});
  finishStep(batch, rng);
  return index;
}

std::vector<int> EmaCodebook::cpuUpdate(const RowMatrixXd& batch, const RunControl& control) {
  NearestResult nr = nearestCodes(batch, m_codebook, control);
  detail::emaUpdate(batch, nr.index, m_options.decay, m_options.smoothing, m_counts, m_sums,
                    m_codebook);
  return std::move(nr.index);
}

void EmaCodebook::finishStep(const RowMatrixXd& batch, Rng& rng) {
  const Eigen::Index k = m_codebook.rows();
  ++m_steps;
  if (m_options.restart && batch.rows() > 0 && m_options.restartEvery > 0 &&
      m_steps % m_options.restartEvery == 0) {
    for (Eigen::Index j = 0; j < k; ++j) {
      if (m_counts(j) >= m_options.restartThreshold) continue;
      const auto r = std::min<Eigen::Index>(
          batch.rows() - 1, static_cast<Eigen::Index>(rng.uniform() * batch.rows()));
      m_codebook.row(j) = batch.row(r);
      m_counts(j) = 1.0;
      m_sums.row(j) = m_codebook.row(j);
      ++m_restarts;
    }
  }
}

std::vector<std::int64_t> codeCounts(const std::vector<std::int64_t>& indices, std::int64_t k) {
  if (k < 1) throw ParamError("codebook_size", "codebook size must be at least 1");
  std::vector<std::int64_t> counts(static_cast<std::size_t>(k), 0);
  for (std::int64_t i : indices) {
    if (i < 0 || i >= k)
      throw ParamError("index", "code index " + std::to_string(i) + " is outside [0, " +
                                    std::to_string(k) + ")");
    ++counts[static_cast<std::size_t>(i)];
  }
  return counts;
}

UsageStats usageStats(const std::vector<std::int64_t>& counts) {
  UsageStats s;
  s.codebookSize = static_cast<std::int64_t>(counts.size());
  std::int64_t total = 0;
  for (auto c : counts) {
    total += c;
    if (c > 0) ++s.used;
  }
  s.dead = s.codebookSize - s.used;
  s.usage = s.codebookSize > 0 ? static_cast<double>(s.used) / s.codebookSize : 0.0;
  double h = 0.0;
  if (total > 0)
    for (auto c : counts)
      if (c > 0) {
        const double p = static_cast<double>(c) / total;
        h -= p * std::log2(p);
      }
  s.entropyBits = h;
  s.perplexity = std::exp2(h);
  s.normalisedEntropy = s.codebookSize > 1 ? h / std::log2(static_cast<double>(s.codebookSize)) : 0.0;
  return s;
}

UsageStats usageStatsOf(const std::vector<int>& indices, int k) {
  std::vector<std::int64_t> wide(indices.begin(), indices.end());
  return usageStats(codeCounts(wide, k));
}

}  // namespace latentlab::quantization
