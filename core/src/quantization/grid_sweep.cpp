// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The grid page's utilisation sweep: FSQ and VQ usage, fitted and held out, and
// distortion against log2 K.
#include "latentlab/quantization/grid_sweep.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"

namespace latentlab::quantization {
namespace {

double usedFraction(const std::vector<std::int64_t>& idx, std::int64_t k) {
  std::vector<char> seen(static_cast<std::size_t>(k), 0);
  std::int64_t used = 0;
  for (std::int64_t i : idx)
    if (!seen[static_cast<std::size_t>(i)]) {
      seen[static_cast<std::size_t>(i)] = 1;
      ++used;
    }
  return static_cast<double>(used) / static_cast<double>(k);
}

double snrDb(double mse, double variance) {
  if (!(variance > 0.0)) return 0.0;
  // A perfect fit (mse = 0) would be +inf: cap at 100 dB so the chart keeps a finite axis.
  return std::min(100.0, -10.0 * std::log10(std::max(mse, 1e-10 * variance) / variance));
}

}  // namespace

std::vector<int> sweepLevels(int bits, int dims, bool* preset) {
  if (dims < 1 || bits < 1) throw ParamError("dims", "sweep needs d ≥ 1 and bits ≥ 1");
  for (const auto& pr : fsqPresets())
    if (pr.log2Target == bits && static_cast<int>(pr.levels.size()) == dims) {
      if (preset) *preset = true;
      return pr.levels;
    }
  if (preset) *preset = false;
  std::vector<int> levels(static_cast<std::size_t>(dims), 1 << (bits / dims));
  for (int i = 0; i < bits % dims; ++i) levels[static_cast<std::size_t>(i)] *= 2;
  // FSQ needs L ≥ 3 per dimension, so small budgets in 3-D get a few more codes than 2^bits.
  for (int& l : levels) l = std::max(l, 3);
  return levels;
}

GridSweepResult computeGridSweep(const RowMatrixXd& x, const GridLabParams& p,
                                 const RunControl& control) {
  const Eigen::Index n = x.rows(), d = x.cols();
  if (n < 4) throw ParamError("points", "the sweep needs at least 4 points");
  // Seeded split: the first half of a permutation fits, the second is held out.
  Rng rng(p.seed + 7);
  std::vector<Eigen::Index> perm(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) perm[static_cast<std::size_t>(i)] = i;
  for (Eigen::Index i = n - 1; i > 0; --i) {
    const auto j = std::min(i, static_cast<Eigen::Index>(rng.uniform() * static_cast<double>(i + 1)));
    std::swap(perm[static_cast<std::size_t>(i)], perm[static_cast<std::size_t>(j)]);
  }
  const Eigen::Index nFit = n / 2, nOut = n - nFit;
  RowMatrixXd fit(nFit, d), out(nOut, d);
  for (Eigen::Index i = 0; i < nFit; ++i) fit.row(i) = x.row(perm[static_cast<std::size_t>(i)]);
  for (Eigen::Index i = 0; i < nOut; ++i) out.row(i) = x.row(perm[static_cast<std::size_t>(nFit + i)]);
  const double outVar = (out.rowwise() - out.colwise().mean()).squaredNorm() / static_cast<double>(nOut);

  GridSweepResult result;
  result.fitPoints = static_cast<int>(nFit);
  result.heldOutPoints = static_cast<int>(nOut);
  const int budgets = (kSweepMaxBits - kSweepMinBits) / 2 + 1;
  for (int b = kSweepMinBits, done = 0; b <= kSweepMaxBits; b += 2, ++done) {
    control.checkCancelled();
    GridSweepPoint pt;
    pt.log2Target = b;
    pt.levels = sweepLevels(b, static_cast<int>(d), &pt.preset);
    const Fsq fsq(pt.levels, p.bound);
    pt.fsqCodes = fsq.codebookSize();

    // FSQ: fixed grid on z = αx; centroid decoder from the fit half (hash map: K up to 2^17).
    const std::vector<std::int64_t> fitIdx = fsq.quantizeIndices(p.alpha * Eigen::MatrixXd(fit));
    const std::vector<std::int64_t> outIdx = fsq.quantizeIndices(p.alpha * Eigen::MatrixXd(out));
    pt.fsqUsage = usedFraction(fitIdx, pt.fsqCodes);
    pt.fsqHeldOutUsage = usedFraction(outIdx, pt.fsqCodes);
    std::unordered_map<std::int64_t, std::pair<Eigen::RowVectorXd, int>> cells;
    for (Eigen::Index i = 0; i < nFit; ++i) {
      auto [it, fresh] = cells.try_emplace(fitIdx[static_cast<std::size_t>(i)],
                                           Eigen::RowVectorXd::Zero(d), 0);
      (void)fresh;
      it->second.first += fit.row(i);
      it->second.second += 1;
    }
    double fsqErr = 0.0;
    for (Eigen::Index i = 0; i < nOut; ++i) {
      const std::int64_t k = outIdx[static_cast<std::size_t>(i)];
      Eigen::RowVectorXd rec(d);
      if (const auto it = cells.find(k); it != cells.end()) {
        rec = it->second.first / it->second.second;
      } else {
        const std::vector<int> q = fsq.indexToLevels(k);
        for (Eigen::Index j = 0; j < d; ++j)
          rec(j) = fsq.inverseBound(static_cast<int>(j), q[static_cast<std::size_t>(j)]) / p.alpha;
      }
      fsqErr += (out.row(i) - rec).squaredNorm();
    }
    pt.fsqSnrDb = snrDb(fsqErr / static_cast<double>(nOut), outVar);

    // VQ at the same K, capped by the fit half (k-means++ needs K ≤ N).
    pt.vqCodes = static_cast<int>(std::min<std::int64_t>(pt.fsqCodes, nFit));
    RowMatrixXd codebook = kmeansPlusPlus(fit, pt.vqCodes, p.seed + 1, control.cancelOnly());
    const LloydResult lr = lloyd(fit, std::move(codebook), std::max(1, p.iterations),
                                 control.cancelOnly());
    const NearestResult held = nearestCodes(out, lr.codebook, control.cancelOnly());
    std::vector<std::int64_t> fitWide(lr.assignment.begin(), lr.assignment.end());
    std::vector<std::int64_t> outWide(held.index.begin(), held.index.end());
    pt.vqUsage = usedFraction(fitWide, pt.vqCodes);
    pt.vqHeldOutUsage = usedFraction(outWide, pt.vqCodes);
    pt.vqSnrDb = snrDb(held.distance2.mean(), outVar);
    result.points.push_back(std::move(pt));
    control.progress(static_cast<double>(done + 1) / budgets);
  }
  return result;
}

}  // namespace latentlab::quantization
