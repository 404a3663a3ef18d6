// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The "FSQ vs VQ grid" computation: points, FSQ cells, VQ codebook and Voronoi labels, usage.
#include "latentlab/quantization/grid_lab.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"

namespace latentlab::quantization {
namespace {

constexpr int kEmaBatch = 256;
// Most codebook entries (K·d doubles, summed over snapshots) the history keeps: 8 MiB. Longer
// runs keep every m-th snapshot (and always the first and last).
constexpr double kMaxHistoryValues = 1 << 20;

// Mean squared distance to the per-label centroid, over the total variance (relative MSE).
template <class Index>
double centroidRelMse(const RowMatrixXd& x, const std::vector<Index>& label, std::int64_t k) {
  const Eigen::Index n = x.rows(), d = x.cols();
  RowMatrixXd sums = RowMatrixXd::Zero(k, d);
  Eigen::VectorXd counts = Eigen::VectorXd::Zero(k);
  for (Eigen::Index i = 0; i < n; ++i) {
    sums.row(static_cast<Eigen::Index>(label[static_cast<std::size_t>(i)])) += x.row(i);
    counts(static_cast<Eigen::Index>(label[static_cast<std::size_t>(i)])) += 1.0;
  }
  double err = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto j = static_cast<Eigen::Index>(label[static_cast<std::size_t>(i)]);
    err += (x.row(i) - sums.row(j) / counts(j)).squaredNorm();
  }
  const double var = (x.rowwise() - x.colwise().mean()).squaredNorm();
  return var > 0.0 ? err / var : 0.0;
}

double relMse(const RowMatrixXd& x, const RowMatrixXd& codebook, const std::vector<int>& label) {
  double err = 0.0;
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    err += (x.row(i) - codebook.row(label[static_cast<std::size_t>(i)])).squaredNorm();
  const double var = (x.rowwise() - x.colwise().mean()).squaredNorm();
  return var > 0.0 ? err / var : 0.0;
}

// Pixel centres of the plot box, mapped back to d-space (third coordinate = slice).
RowMatrixXd pixelPoints(const GridLabResult& r, double slice) {
  const int s = kGridImageSize;
  RowMatrixXd px(static_cast<Eigen::Index>(s) * s, r.dims);
  px.setConstant(slice);
  for (int row = 0; row < s; ++row)
    for (int col = 0; col < s; ++col) {
      const Eigen::Index i = static_cast<Eigen::Index>(row) * s + col;
      px(i, r.planeA) = r.xMin + (col + 0.5) / s * (r.xMax - r.xMin);
      px(i, r.planeB) = r.yMax - (row + 0.5) / s * (r.yMax - r.yMin);  // top row = largest y
    }
  return px;
}

// The VQ part's searches and training steps, on the CPU (the plain overloads) or on
// control.device (the device overloads, whose numbers equal the CPU's). On a device, a call that
// fell back throws DeviceError, so the caller's one runOnDevice reruns the whole part on the CPU
// and the result is computed in one place.
class VqOps {
 public:
  VqOps(const RunControl& control, bool onDevice) : m_control(control), m_device(onDevice) {}

  NearestResult nearest(const RowMatrixXd& x, const RowMatrixXd& codebook) const {
    if (!m_device) return nearestCodes(x, codebook, m_control);
    DeviceUse use;
    NearestResult out = nearestCodes(x, codebook, m_control, use);
    check(use);
    return out;
  }
  LloydResult lloyd(const RowMatrixXd& x, RowMatrixXd codebook, int iterations,
                    std::vector<RowMatrixXd>* history) const {
    if (!m_device)
      return quantization::lloyd(x, std::move(codebook), iterations, m_control, history);
    DeviceUse use;
    LloydResult out =
        quantization::lloyd(x, std::move(codebook), iterations, m_control, use, history);
    check(use);
    return out;
  }
  void step(EmaCodebook& ema, const RowMatrixXd& batch, Rng& rng) const {
    if (!m_device) {
      ema.step(batch, rng);
      return;
    }
    DeviceUse use;
    ema.step(batch, rng, m_control, use);
    check(use);
  }

 private:
  static void check(const DeviceUse& use) {
    if (use.fallback.empty()) return;
    throw DeviceError(fallbackReason(use));  // runOnDevice adds the suffix again
  }
  const RunControl& m_control;
  bool m_device;
};

// The searches behind the shown step: the points' codes and the label pixels' codes.
struct ShownCodes {
  std::vector<int> points, pixels;
};
ShownCodes shownCodes(const GridLabResult& r, const RowMatrixXd& codebook, const VqOps& ops) {
  return {ops.nearest(r.points, codebook).index,
          ops.nearest(pixelPoints(r, r.slice), codebook).index};
}

int shownIndexOf(const GridLabResult& r, int step) {
  if (r.history.empty()) throw ParamError("shown_step", "no VQ training history to show");
  const auto it = std::upper_bound(r.historyStep.begin(), r.historyStep.end(), std::max(0, step));
  return static_cast<int>(std::max<std::ptrdiff_t>(0, it - r.historyStep.begin() - 1));
}

// Fills the VQ fields from history[shownIndex] and its two searches.
void applyShown(GridLabResult& r, int shownIndex, ShownCodes codes) {
  r.shownIndex = shownIndex;
  r.codebook = r.history[static_cast<std::size_t>(r.shownIndex)];
  const int k = static_cast<int>(r.codebook.rows());
  r.vqIndex = std::move(codes.points);
  r.vqStats = usageStatsOf(r.vqIndex, k);
  std::vector<std::int64_t> wide(r.vqIndex.begin(), r.vqIndex.end());
  r.vqCounts = codeCounts(wide, k);
  r.vqRelMse = relMse(r.points, r.codebook, r.vqIndex);
  r.voronoi.resize(kGridImageSize, kGridImageSize);
  for (int i = 0; i < kGridImageSize * kGridImageSize; ++i)
    r.voronoi(i / kGridImageSize, i % kGridImageSize) = codes.pixels[static_cast<std::size_t>(i)];
}

// The VQ part of computeGridLab from the initial codebook: Lloyd or EMA training with its curve
// and history, then the shown step.
void trainVq(GridLabResult& r, const GridLabParams& p, RowMatrixXd codebook,
             const RunControl& control, const VqOps& ops) {
  const auto k = codebook.rows();
  const int total = p.vqMethod == VqMethod::Lloyd ? p.iterations : p.emaSteps;
  const int snapshots = p.vqMethod == VqMethod::Lloyd ? total + 1 : total / 10 + 2;
  const int every = std::max(1, static_cast<int>(std::ceil(
      static_cast<double>(snapshots) * static_cast<double>(k) * p.dims / kMaxHistoryValues)));
  // Keeps snapshot number `i` (of the full sequence) when it falls on the stride, plus the last.
  const auto keep = [&](int i, int step, const RowMatrixXd& cb, bool last) {
    if (i % every == 0 || last) {
      r.history.push_back(cb);
      r.historyStep.push_back(step);
    }
  };
  if (p.vqMethod == VqMethod::Lloyd) {
    std::vector<RowMatrixXd> all;
    const LloydResult lr = ops.lloyd(r.points, std::move(codebook), p.iterations, &all);
    // relMse of each iteration's codebook with its own assignment, as the EMA curve and the shown
    // step's vqRelMse: Lloyd's distortion holds the search's expanded-form distances, whose last
    // bits depend on the summation order of the dot products (the CPU's GEMM against the device's
    // host re-check), while the indices are equal everywhere.
    for (std::size_t t = 0; t < all.size(); ++t) {
      const std::vector<int> codes =
          t + 1 == all.size() ? lr.assignment : ops.nearest(r.points, all[t]).index;
      r.vqCurve.push_back(relMse(r.points, all[t], codes));
    }
    for (int i = 0; i < static_cast<int>(all.size()); ++i)
      keep(i, i, all[static_cast<std::size_t>(i)], i + 1 == static_cast<int>(all.size()));
  } else {
    EmaOptions opt;
    opt.restart = p.restart;
    opt.restartThreshold = p.restartThreshold;
    EmaCodebook ema(std::move(codebook), opt);
    keep(0, 0, ema.codebook(), false);
    int snapshot = 1;
    Rng rng(p.seed + 2);
    RowMatrixXd batch(kEmaBatch, p.dims);
    for (int step = 0; step < p.emaSteps; ++step) {
      control.checkCancelled();
      for (int b = 0; b < kEmaBatch; ++b)
        batch.row(b) = r.points.row(std::min<Eigen::Index>(
            r.points.rows() - 1, static_cast<Eigen::Index>(rng.uniform() * r.points.rows())));
      ops.step(ema, batch, rng);
      if (step % 10 == 9 || step == p.emaSteps - 1) {
        const std::vector<int> codes = ops.nearest(r.points, ema.codebook()).index;
        r.vqCurve.push_back(relMse(r.points, ema.codebook(), codes));
        keep(snapshot++, step + 1, ema.codebook(), step == p.emaSteps - 1);
      }
      control.progress(0.3 + 0.6 * (step + 1) / p.emaSteps);
    }
    r.vqRestarts = ema.restarts();
  }
  const int shown = shownIndexOf(r, p.shownStep);
  applyShown(r, shown, shownCodes(r, r.history[static_cast<std::size_t>(shown)], ops));
}

}  // namespace

GridLabResult computeGridLab(const GridLabParams& p, const ImageData* image,
                             const RunControl& control) {
  const auto start = std::chrono::steady_clock::now();
  validate(p);
  GridLabResult r;
  r.dims = p.dims;
  if (p.data == GridData::ImagePatches) {
    if (!image) throw ParamError("data", "no image given for the image-patch points");
    r.points = makePatchPoints(*image, p.dims, p.points, p.seed, &r.notes);
  } else {
    r.points = makeGridPoints(p.data, p.dims, p.points, p.seed);
  }
  r.levels = {p.level1, p.level2};
  if (p.dims == 3) r.levels.push_back(p.level3);
  if (p.dims == 3 && p.plane != GridPlane::X1X2) {
    r.planeA = p.plane == GridPlane::X1X3 ? 0 : 1;
    r.planeB = 2;
  }
  const double sliceValue = p.slice;
  r.slice = p.slice;
  const Eigen::VectorXd lo = r.points.colwise().minCoeff(), hi = r.points.colwise().maxCoeff();
  const auto pad = [](double a, double b) { return 0.08 * std::max(b - a, 1e-6); };
  r.xMin = lo(r.planeA) - pad(lo(r.planeA), hi(r.planeA));
  r.xMax = hi(r.planeA) + pad(lo(r.planeA), hi(r.planeA));
  r.yMin = lo(r.planeB) - pad(lo(r.planeB), hi(r.planeB));
  r.yMax = hi(r.planeB) + pad(lo(r.planeB), hi(r.planeB));
  control.checkCancelled();

  // FSQ on z = αx.
  const Fsq fsq(r.levels, p.bound);
  const Eigen::MatrixXd z = p.alpha * Eigen::MatrixXd(r.points);
  r.fsqIndex = fsq.quantizeIndices(z);
  r.bounded.resize(r.points.rows(), p.dims);
  for (Eigen::Index i = 0; i < r.points.rows(); ++i)
    for (int j = 0; j < p.dims; ++j) r.bounded(i, j) = fsq.boundValue(j, z(i, j));
  for (int j = 0; j < p.dims; ++j) {
    std::vector<double> b = fsq.cellBoundaries(j);
    for (double& v : b) v /= p.alpha;
    r.fsqBoundaries.push_back(std::move(b));
  }
  r.fsqCounts = codeCounts(r.fsqIndex, fsq.codebookSize());
  r.fsqStats = usageStats(r.fsqCounts);
  r.fsqRelMse = centroidRelMse(r.points, r.fsqIndex, fsq.codebookSize());
  const int la = r.levels[static_cast<std::size_t>(r.planeA)];
  const int lb = r.levels[static_cast<std::size_t>(r.planeB)];
  r.fsqUsageGrid = Eigen::MatrixXd::Zero(la, lb);
  for (std::int64_t idx : r.fsqIndex) {
    const std::vector<int> q = fsq.indexToLevels(idx);
    r.fsqUsageGrid(q[static_cast<std::size_t>(r.planeA)] + la / 2,
                   q[static_cast<std::size_t>(r.planeB)] + lb / 2) += 1.0;
  }
  const RowMatrixXd px = pixelPoints(r, sliceValue);
  const std::vector<std::int64_t> pxFsq = fsq.quantizeIndices(p.alpha * Eigen::MatrixXd(px));
  r.fsqCells.resize(kGridImageSize, kGridImageSize);
  for (int i = 0; i < kGridImageSize * kGridImageSize; ++i)
    r.fsqCells(i / kGridImageSize, i % kGridImageSize) = static_cast<int>(pxFsq[static_cast<std::size_t>(i)]);
  control.progress(0.2);
  control.checkCancelled();

  // Precision emulation of the FSQ index path.
  r.precision = emulateFsqPrecision(fsq, z, p.precision);
  r.naiveStats = usageStats(codeCounts(r.precision.naiveIndex, fsq.codebookSize()));
  if (control.partialDue()) {
    GridLabResult fsqHalf = r;
    fsqHalf.partial = true;
    control.partial(std::make_shared<const GridLabResult>(std::move(fsqHalf)));
  }

  // VQ with K codes.
  const int k = p.matchK ? static_cast<int>(fsq.codebookSize()) : p.codebookSize;
  if (p.vqInit != VqInit::Tiny && k > r.points.rows())
  {
    std::string message("VQ needs at least K = ");
    message += std::to_string(k);
    message += " points for this init; the image gives N = ";
    message += std::to_string(r.points.rows());
    throw ParamError(p.matchK ? "points" : "codebook_size", message);
  }
  const RowMatrixXd codebook = initCodebook(r.points, k, p.vqInit, p.seed + 1, control);
  // One runOnDevice over the whole VQ part, each attempt on a copy of the FSQ half, so a device
  // run that fails half-way leaves no history or curve behind.
  DeviceUse use;
  r = runOnDevice(
      control, use,
      [&](const DeviceInfo&) {
        GridLabResult out = r;
        trainVq(out, p, codebook, control, VqOps(control, true));
        return out;
      },
      [&] {
        GridLabResult out = r;
        trainVq(out, p, codebook, control, VqOps(control, false));
        return out;
      });
  r.deviceUse = use;
  control.progress(1.0);
  r.elapsedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return r;
}

void showVqStep(GridLabResult& r, int step, const RunControl& control) {
  const int shown = shownIndexOf(r, step);
  const RowMatrixXd& codebook = r.history[static_cast<std::size_t>(shown)];
  DeviceUse use;
  ShownCodes codes = runOnDevice(
      control, use,
      [&](const DeviceInfo&) { return shownCodes(r, codebook, VqOps(control, true)); },
      [&] { return shownCodes(r, codebook, VqOps(control, false)); });
  applyShown(r, shown, std::move(codes));
  if (!use.fallback.empty() || use.device != r.deviceUse.device) r.deviceUse = use;
}

}  // namespace latentlab::quantization
