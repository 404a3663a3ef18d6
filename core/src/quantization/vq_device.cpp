// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Validation and dispatch of the VQ search, Lloyd and the EMA step on rc.device, and the host
// re-check that makes the float32 device search give the CPU's double answer (docs/theory/fsq.md,
// nearest code).
#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <vector>

#include "latentlab/common/errors.h"
#include "latentlab/quantization/vq.h"
#include "quantization/vq_centroids.h"

#ifdef LATENTLAB_HAVE_OPENCL
#include "quantization/vq_opencl.h"
#endif

namespace latentlab::quantization {
namespace {

template <class Mat>
void checkShapes(const Mat& x, const Mat& codebook) {
  if (codebook.rows() == 0) throw ParamError("codebook", "the codebook is empty");
  if (codebook.cols() != x.cols())
    throw ParamError("codebook", "codebook has " + std::to_string(codebook.cols()) +
                                     " columns but the points have " + std::to_string(x.cols()));
}

#ifndef LATENTLAB_HAVE_OPENCL
[[noreturn]] void noOpenCl() { throw DeviceError("this build has no OpenCL backend"); }
#endif

#ifdef LATENTLAB_HAVE_OPENCL
// The device proves, row by row, that its float32 winner is the exact winner (vq.cl: the float
// error bound of every v_j = ‖c_j‖² − 2x·c_j). Rows it cannot prove (near ties, duplicate codes)
// are searched again here with the CPU's double search, ties and all; the distances of the others
// are recomputed in double.
NearestResult settle(const RowMatrixXd& x, const RowMatrixXd& codebook,
                     const detail::NearestSearchCl& search, const RunControl& rc) {
  const Eigen::Index n = x.rows(), d = x.cols();
  const Eigen::VectorXd codeNorm = codebook.rowwise().squaredNorm();
  NearestResult out;
  out.index = search.index;
  out.distance2.resize(n);
  std::vector<Eigen::Index> redo;
  for (Eigen::Index r = 0; r < n; ++r) {
    const auto i = static_cast<std::size_t>(r);
    if (!(search.gap[i] > 0.0f)) {
      redo.push_back(r);
      continue;
    }
    const int j = out.index[i];
    const double xn = x.row(r).squaredNorm();
    out.distance2(r) = std::max(0.0, xn + (codeNorm(j) - 2.0 * x.row(r).dot(codebook.row(j))));
  }
  if (!redo.empty()) {
    RowMatrixXd rows(static_cast<Eigen::Index>(redo.size()), d);
    for (std::size_t t = 0; t < redo.size(); ++t)
      rows.row(static_cast<Eigen::Index>(t)) = x.row(redo[t]);
    const NearestResult again = nearestCodes(rows, codebook, rc.cancelOnly());
    for (std::size_t t = 0; t < redo.size(); ++t) {
      out.index[static_cast<std::size_t>(redo[t])] = again.index[t];
      out.distance2(redo[t]) = again.distance2(static_cast<Eigen::Index>(t));
    }
  }
  return out;
}

LloydResult lloydOpenCl(const DeviceInfo& info, const RowMatrixXd& x, RowMatrixXd codebook,
                        int iterations, const RunControl& rc, std::vector<RowMatrixXd>* history) {
  LloydResult out;
  const Eigen::Index k = codebook.rows(), d = x.cols();
  const RowMatrixXf xf = x.cast<float>();
  detail::NearestSearchCl search(info.id, xf.data(), static_cast<std::size_t>(x.rows()),
                                 static_cast<std::size_t>(d), static_cast<std::size_t>(k),
                                 x.data());
  for (int it = 0; it <= iterations; ++it) {
    rc.checkCancelled();
    const RowMatrixXf cf = codebook.cast<float>();
    search.run(cf.data(), rc);
    NearestResult nr = settle(x, codebook, search, rc);
    out.distortion.push_back(x.rows() > 0 ? nr.distance2.mean() : 0.0);
    out.assignment = std::move(nr.index);
    if (history) history->push_back(codebook);
    if (it == iterations) break;
    if (search.hasCentroids()) {
      search.centroids(out.assignment, codebook.data());
    } else {
      // No fp64 on the device: the CPU's own double update keeps the result equal to the CPU's.
      detail::updateCentroids(x, out.assignment, codebook);
    }
    rc.progress(static_cast<double>(it + 1) / (iterations + 1));
  }
  out.codebook = std::move(codebook);
  return out;
}

// One EMA step on the device. The new state is built in copies and handed back only when every
// device call succeeded, so a DeviceError leaves the caller's state as it was.
struct EmaState {
  std::vector<int> index;
  Eigen::VectorXd counts;
  RowMatrixXd sums, codebook;
};
EmaState emaOpenCl(const DeviceInfo& info, const RowMatrixXd& batch, const EmaOptions& options,
                   EmaState state, const RunControl& rc) {
  const RowMatrixXf xf = batch.cast<float>(), cf = state.codebook.cast<float>();
  detail::NearestSearchCl search(info.id, xf.data(), static_cast<std::size_t>(batch.rows()),
                                 static_cast<std::size_t>(batch.cols()),
                                 static_cast<std::size_t>(state.codebook.rows()), batch.data());
  search.run(cf.data(), rc);
  state.index = settle(batch, state.codebook, search, rc).index;
  if (search.hasCentroids()) {
    search.emaCounts(state.index, options.decay, state.counts.data());
    // ΣN on the host, as detail::emaUpdate sums it (Eigen's vectorised order): a device
    // reduction would add the k counts in another order and could differ in the last bit.
    const double total = state.counts.sum();
    search.emaCodes(options.decay, options.smoothing, total, state.sums.data(),
                    state.codebook.data());
  } else {
    // No fp64 on the device: the CPU's own double update keeps the state equal to the CPU's.
    detail::emaUpdate(batch, state.index, options.decay, options.smoothing, state.counts,
                      state.sums, state.codebook);
  }
  return state;
}
#endif

}  // namespace

NearestResult nearestCodes(const RowMatrixXf& x, const RowMatrixXf& codebook, const RunControl& rc,
                           DeviceUse& use) {
  checkShapes(x, codebook);
  return runOnDevice(
      rc, use,
      [&](const DeviceInfo& info) -> NearestResult {
#ifdef LATENTLAB_HAVE_OPENCL
        detail::NearestSearchCl search(info.id, x.data(), static_cast<std::size_t>(x.rows()),
                                       static_cast<std::size_t>(x.cols()),
                                       static_cast<std::size_t>(codebook.rows()));
        search.run(codebook.data(), rc);
        NearestResult out;
        out.index = std::move(search.index);
        out.distance2 =
            Eigen::Map<const Eigen::VectorXf>(search.distance.data(), x.rows()).cast<double>();
        return out;
#else
        (void)info;
        noOpenCl();
#endif
      },
      [&] { return nearestCodes(x, codebook, rc); });
}

NearestResult nearestCodes(const RowMatrixXd& x, const RowMatrixXd& codebook, const RunControl& rc,
                           DeviceUse& use) {
  checkShapes(x, codebook);
  return runOnDevice(
      rc, use,
      [&](const DeviceInfo& info) -> NearestResult {
#ifdef LATENTLAB_HAVE_OPENCL
        const RowMatrixXf xf = x.cast<float>(), cf = codebook.cast<float>();
        detail::NearestSearchCl search(info.id, xf.data(), static_cast<std::size_t>(x.rows()),
                                       static_cast<std::size_t>(x.cols()),
                                       static_cast<std::size_t>(codebook.rows()));
        search.run(cf.data(), rc);
        return settle(x, codebook, search, rc);
#else
        (void)info;
        noOpenCl();
#endif
      },
      [&] { return nearestCodes(x, codebook, rc); });
}

LloydResult lloyd(const RowMatrixXd& x, RowMatrixXd codebook, int iterations, const RunControl& rc,
                  DeviceUse& use, std::vector<RowMatrixXd>* history) {
  if (iterations < 0) throw ParamError("iterations", "iterations must be ≥ 0");
  checkShapes(x, codebook);
  // Both paths fill `seen` from empty: a device run that fails half-way leaves nothing behind.
  std::vector<RowMatrixXd> seen;
  std::vector<RowMatrixXd>* const record = history ? &seen : nullptr;
  LloydResult out = runOnDevice(
      rc, use,
      [&](const DeviceInfo& info) -> LloydResult {
#ifdef LATENTLAB_HAVE_OPENCL
        seen.clear();
        return lloydOpenCl(info, x, codebook, iterations, rc, record);
#else
        (void)info;
        noOpenCl();
#endif
      },
      [&] {
        seen.clear();
        return lloyd(x, codebook, iterations, rc, record);
      });
  if (history)
    history->insert(history->end(), std::make_move_iterator(seen.begin()),
                    std::make_move_iterator(seen.end()));
  return out;
}

std::vector<int> EmaCodebook::step(const RowMatrixXd& batch, Rng& rng, const RunControl& rc,
                                   DeviceUse& use) {
  checkShapes(batch, m_codebook);
  std::vector<int> index = runOnDevice(
      rc, use,
      [&](const DeviceInfo& info) -> std::vector<int> {
#ifdef LATENTLAB_HAVE_OPENCL
        EmaState next = emaOpenCl(info, batch, m_options, {{}, m_counts, m_sums, m_codebook}, rc);
        m_counts = std::move(next.counts);
        m_sums = std::move(next.sums);
        m_codebook = std::move(next.codebook);
        return std::move(next.index);
#else
        (void)info;
        noOpenCl();
#endif
      },
      [&] { return cpuUpdate(batch, rc.cancelOnly()); });
  finishStep(batch, rng);
  return index;
}

}  // namespace latentlab::quantization
