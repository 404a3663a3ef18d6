// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Efficient attention page's computation: exact vs Performer (Choromanski et al. 2021)
// vs Transformer-VQ (Lingle 2023).
#include "latentlab/attention/efficient_lab.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <set>

#include "attention/efficient_opencl.h"
#include "latentlab/attention/exact_attention.h"
#include "latentlab/common/rng.h"
#include "latentlab/common/serial_threads.h"

namespace latentlab::attention {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

AttentionInputs makeInputs(int n, int d, int dv, double sigma, std::uint64_t seed) {
  Rng rng(seed);
  AttentionInputs in{MatrixXd(n, d), MatrixXd(n, d), MatrixXd(n, dv)};
  // Row by row, Q then K then V, so a row's values do not depend on n.
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < d; ++j) in.q(i, j) = sigma * rng.normal();
    for (Index j = 0; j < d; ++j) in.k(i, j) = sigma * rng.normal();
    for (Index j = 0; j < dv; ++j) in.v(i, j) = rng.normal();
  }
  return in;
}

namespace {

double maxAbsDiff(const MatrixXd& a, const MatrixXd& b) { return (a - b).cwiseAbs().maxCoeff(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t h = v.size() / 2;
  return v.size() % 2 ? v[h] : 0.5 * (v[h - 1] + v[h]);
}

// exp(rows − row max): constant per row, cancels in the normalisation.
MatrixXd expRowStable(const MatrixXd& logits) {
  return (logits.colwise() - logits.rowwise().maxCoeff()).array().exp().matrix();
}

// exp(all − global max): one constant for every key, cancels as well.
MatrixXd expGlobalStable(const MatrixXd& logits) {
  return (logits.array() - logits.maxCoeff()).exp().matrix();
}

// −‖y − ω_i‖²/2 for every key row y and feature ω_i.
MatrixXd negHalfDist(const MatrixXd& y, const MatrixXd& omega) {
  MatrixXd d = y * omega.transpose();
  d.colwise() -= 0.5 * y.rowwise().squaredNorm();
  d.rowwise() -= 0.5 * omega.rowwise().squaredNorm().transpose();
  return d;
}

// Steps 2–3 of Su's rewrite (kexue.fm/archives/9862) on the bidirectional output:
// max |variant − FAVOR+| for projection Ω.
struct RewriteDiffs {
  double step2 = 0.0, step3 = 0.0;
};
RewriteDiffs rewriteDiffs(const AttentionInputs& in, const MatrixXd& omega, double scale) {
  const double root = std::sqrt(scale);
  const MatrixXd x = root * in.q, y = root * in.k;
  const FeaturePair favor = attentionFeatures(in.q, in.k, omega, FeatureKind::Positive, scale);
  const MatrixXd ref = linearAttention(favor.q, favor.k, in.v, false);
  const MatrixXd fq = expRowStable(x * omega.transpose());  // e^{ω·x}
  const MatrixXd nd = negHalfDist(y, omega);
  const MatrixXd step2 = linearAttention(fq, expGlobalStable(nd), in.v, false);
  MatrixXd soft = expRowStable(nd);  // softmax_i(−‖y − ω_i‖²/2)
  soft = soft.rowwise().sum().cwiseInverse().asDiagonal() * soft;
  const MatrixXd step3 = linearAttention(fq, soft, in.v, false);
  return {maxAbsDiff(step2, ref), maxAbsDiff(step3, ref)};
}

void summarise(const MatrixXd& errors, std::vector<double>& med, std::vector<double>& low,
               std::vector<double>& high) {
  for (Index mi = 0; mi < errors.rows(); ++mi) {
    const VectorXd row = errors.row(mi).transpose();
    med.push_back(median(std::vector<double>(row.data(), row.data() + row.size())));
    low.push_back(row.minCoeff());
    high.push_back(row.maxCoeff());
  }
}

// e_O and e_A vs m for iid and orthogonal projections: same feature kind, same seeds (Choromanski
// et al. 2021 (Performer), §2.4).
void featureSweep(const EfficientLabParams& p, const AttentionInputs& in, const MatrixXd& exactO,
                  const MatrixXd& exactRows, double scale, const RunControl& control,
                  EfficientLabResult& r) {
  for (int m = 4; m <= 1024; m *= 2) r.mGrid.push_back(m);
  const Projection orth = p.projection == Projection::Iid ? Projection::Orthogonal : p.projection;
  r.featureCurves.resize(2);
  r.featureCurves[0].projection = Projection::Iid;
  r.featureCurves[1].projection = orth;
  const auto ms = static_cast<Index>(r.mGrid.size());
  for (auto& c : r.featureCurves) {
    c.errorsO.resize(ms, p.redraws);
    c.errorsA.resize(ms, p.redraws);
  }
  const Index cells = 2 * ms * p.redraws;
  std::atomic<bool> stop{false};
  std::atomic<Index> done{0};
#pragma omp parallel for schedule(dynamic, 1)
  for (Index c = 0; c < cells; ++c) {
    if (stop.load() || control.cancelled()) {
      stop = true;
      continue;
    }
    // Largest m first, so the dynamic schedule does not end on one long cell.
    const Index pi = c % 2, mi = ms - 1 - (c / 2) / p.redraws, rr = (c / 2) % p.redraws;
    FeatureSweepCurve& curve = r.featureCurves[static_cast<std::size_t>(pi)];
    const MatrixXd omega =
        randomProjection(r.mGrid[static_cast<std::size_t>(mi)], p.d, curve.projection,
                         p.featureSeed + static_cast<std::uint64_t>(rr));
    const FeaturePair f = attentionFeatures(in.q, in.k, omega, p.feature, scale);
    curve.errorsO(mi, rr) =
        relativeFrobeniusError(linearAttention(f.q, f.k, in.v, p.causal), exactO);
    curve.errorsA(mi, rr) =
        relativeFrobeniusError(performerMapRows(f, p.causal, exactRows.rows()), exactRows);
    const Index fin = ++done;
#pragma omp critical(latentlab_efficient_progress)
    control.progress(0.3 + 0.6 * static_cast<double>(fin) / static_cast<double>(cells));
  }
  control.checkCancelled();
  for (auto& c : r.featureCurves) {
    summarise(c.errorsO, c.medianO, c.lowO, c.highO);
    summarise(c.errorsA, c.medianA, c.lowA, c.highA);
  }
}

void codebookSweep(const EfficientLabParams& p, const AttentionInputs& in, const MatrixXd& exactO,
                   const MatrixXd& exactRows, double scale, const RunControl& control,
                   EfficientLabResult& r) {
  std::set<int> sizes;
  for (int s = 1; s <= std::min(p.n, 1024); s *= 2) sizes.insert(s);
  if (p.n <= 1024) sizes.insert(p.n);  // S = n: every key its own code, exact
  r.sGrid.assign(sizes.begin(), sizes.end());
  const double kNorm = in.k.squaredNorm();
  for (std::size_t i = 0; i < r.sGrid.size(); ++i) {
    control.checkCancelled();
    control.progress(0.3 + 0.6 * static_cast<double>(i) / static_cast<double>(r.sGrid.size()));
    const MatrixXd c = makeCodebook(in.k, r.sGrid[i], p.codebook, p.seed, p.kmeansIters, control);
    const auto codes = assignCodes(in.k, c);
    const MatrixXd khat = quantizeKeys(c, codes);
    const MatrixXd out = vqLinearOutput(in.q, c, codes, in.v, scale, p.causal, p.block, control);
    r.sErrorO.push_back(relativeFrobeniusError(out, exactO));
    r.sErrorA.push_back(relativeFrobeniusError(
        exactAttentionRows(in.q, khat, scale, p.causal, r.shown), exactRows));
    r.sKeyError.push_back(kNorm > 0 ? (in.k - khat).squaredNorm() / kNorm : 0.0);
  }
}

// The expensive kernels on the CPU, in double.
ocl::LabCore labCoreOnCpu(const EfficientLabParams& p, const AttentionInputs& in,
                          const MatrixXd& omega, const MatrixXd& c, double scale, Index s,
                          const RunControl& control) {
  ocl::LabCore core;
  core.exactO = exactAttentionOutput(in.q, in.k, in.v, scale, p.causal, control);
  core.exactRows = exactAttentionRows(in.q, in.k, scale, p.causal, s);
  control.progress(0.1);
  core.features = attentionFeatures(in.q, in.k, omega, p.feature, scale);
  core.perfO = linearAttention(core.features.q, core.features.k, in.v, p.causal, control);
  core.codes = assignCodes(in.k, c);
  core.vqO = vqLinearOutput(in.q, c, core.codes, in.v, scale, p.causal, p.block, control);
  if (!(p.causal && p.windowBias)) {
    const MatrixXd khat = quantizeKeys(c, core.codes);
    core.vqQuad = exactAttentionOutput(in.q, khat, in.v, scale, p.causal, control);
    core.vqRows = exactAttentionRows(in.q, khat, scale, p.causal, s);
  }
  return core;
}

}  // namespace

EfficientLabResult computeEfficientLab(const EfficientLabParams& p, const RunControl& control) {
  const auto t0 = std::chrono::steady_clock::now();
  validate(p);
  const auto cpuTooLarge = [&](const std::string& why) {
    return ParamError("n", "n = " + std::to_string(p.n) + " needs an OpenCL device (View ▸ Device, "
                           "up to " + std::to_string(kDeviceMaxN) + "): the CPU computes n ≤ " +
                           std::to_string(kCpuMaxN) + why);
  };
  if (p.n > kCpuMaxN && (control.device.empty() || control.device == "cpu"))
    throw cpuTooLarge("");
  // Small problems run on this thread alone: Eigen's and our OpenMP regions cost more than they
  // save there, and on a busy machine their spinning threads can make a 6 ms recompute take 100+ ms.
  const SerialOnThisThread serial(p.n <= 512);
  EfficientLabResult r;
  const AttentionInputs in = makeInputs(p.n, p.d, p.dv, p.sigma, p.seed);
  const double scale = 1.0 / std::sqrt(static_cast<double>(p.d));
  r.shown = std::min(p.n, kMapLimit);
  const Index s = r.shown;
  // Performer's Ω at the chosen m, projection and redraw seed, and the Transformer-VQ codebook,
  // drawn on the CPU so that every device sees the same ones.
  const MatrixXd omega = randomProjection(p.m, p.d, p.projection, p.featureSeed);
  const MatrixXd c = makeCodebook(in.k, p.codebookSize, p.codebook, p.seed, p.kmeansIters, control);

  const ocl::LabCore core = runOnDevice(
      control, r.deviceUse,
      [&]([[maybe_unused]] const DeviceInfo& info) -> ocl::LabCore {
#ifdef LATENTLAB_HAVE_OPENCL
        return ocl::labCoreOnDevice(info.id, p, in, omega, c, scale, s, control);
#else
        throw DeviceError("this build has no OpenCL backend");
#endif
      },
      [&] {
        if (p.n > kCpuMaxN) throw cpuTooLarge("; " + fallbackReason(r.deviceUse));
        return labCoreOnCpu(p, in, omega, c, scale, s, control);
      });
  const bool onDevice = r.deviceUse.device != "cpu";
  const MatrixXd& exactO = core.exactO;
  const MatrixXd& exactRows = core.exactRows;
  r.exactMap = exactRows.leftCols(s);
  control.progress(0.1);

  const FeaturePair& f = core.features;
  const MatrixXd& perfO = core.perfO;
  const MatrixXd perfRows = performerMapRows(f, p.causal, s);
  r.performerMap = perfRows.leftCols(s);
  r.performerAbsError = (r.performerMap - r.exactMap).cwiseAbs();
  r.performerErrorA = relativeFrobeniusError(perfRows, exactRows);
  r.performerErrorO = relativeFrobeniusError(perfO, exactO);
  r.negativeEntries = static_cast<int>((r.performerMap.array() < 0.0).count());
  const VectorXd den = f.q * f.k.transpose().rowwise().sum();
  r.minDenominator = den.minCoeff() / den.cwiseAbs().maxCoeff();
  if (p.precision == Arithmetic::Float32 && onDevice) {
    // The device's outputs are float32: measure them against the CPU's double ones.
    r.float32ErrorExact = relativeFrobeniusError(
        exactO, exactAttentionOutput(in.q, in.k, in.v, scale, p.causal, control));
    const FeaturePair f64 = attentionFeatures(in.q, in.k, omega, p.feature, scale);
    r.float32ErrorPerformer =
        relativeFrobeniusError(perfO, linearAttention(f64.q, f64.k, in.v, p.causal, control));
  } else if (p.precision == Arithmetic::Float32) {
    const Eigen::MatrixXf q32 = in.q.cast<float>(), k32 = in.k.cast<float>();
    const Eigen::MatrixXf v32 = in.v.cast<float>();
    const auto s32 = static_cast<float>(scale);
    r.float32ErrorExact = relativeFrobeniusError(
        exactAttentionOutput(q32, k32, v32, s32, p.causal, control).cast<double>(), exactO);
    r.float32ErrorPerformer =
        relativeFrobeniusError(performerOutput(q32, k32, v32, omega.cast<float>().eval(), p.feature,
                                               s32, p.causal, control)
                                   .cast<double>(),
                               perfO);
  }
  control.progress(0.2);

  // Transformer-VQ: the linear cached form, checked against the quadratic form on K̂.
  const std::vector<int>& codes = core.codes;
  const MatrixXd khat = quantizeKeys(c, codes);
  const MatrixXd& vqO = core.vqO;
  if (p.causal && p.windowBias) {
    // The bias is part of the Transformer-VQ model, so its reference is softmax(sQKᵀ + B + M).
    const VectorXd bias = windowBias(p.block, p.biasStrength);
    const MatrixXd vqB = vqLinearOutput(in.q, c, codes, in.v, scale, true, p.block, control, bias);
    r.vqLinearVsQuadratic =
        maxAbsDiff(vqB, windowBiasedAttentionOutput(in.q, khat, in.v, scale, bias, control));
    const MatrixXd vqRows = windowBiasedAttentionRows(in.q, khat, scale, bias, s);
    const MatrixXd refRows = windowBiasedAttentionRows(in.q, in.k, scale, bias, s);
    r.vqMap = vqRows.leftCols(s);
    r.vqErrorA = relativeFrobeniusError(vqRows, refRows);
    r.vqErrorO = relativeFrobeniusError(
        vqB, windowBiasedAttentionOutput(in.q, in.k, in.v, scale, bias, control));
  } else {
    r.vqLinearVsQuadratic = maxAbsDiff(vqO, core.vqQuad);
    r.vqMap = core.vqRows.leftCols(s);
    r.vqErrorA = relativeFrobeniusError(core.vqRows, exactRows);
    r.vqErrorO = relativeFrobeniusError(vqO, exactO);
  }
  r.codes = codes;
  r.values = in.v;
  r.codebook = c;
  r.queries = in.q;
  r.keys = in.k;
  r.omega = omega;
  r.keyVqError = (in.k - khat).squaredNorm() / std::max(in.k.squaredNorm(), 1e-300);
  r.codesUsed = static_cast<int>(std::set<int>(codes.begin(), codes.end()).size());
  control.progress(0.3);
  if ((p.view == EfficientView::Maps || p.view == EfficientView::Cache) && control.partialDue()) {
    EfficientLabResult maps = r;
    maps.partial = true;
    control.partial(std::move(maps));
  }

  // Su's analogy (kexue.fm/archives/9862), on the bidirectional output.
  {
    const Index j = p.keyIndex;
    const MatrixXd y = std::sqrt(scale) * in.k.row(j);
    VectorXd soft = expRowStable(negHalfDist(y, omega)).row(0).transpose();
    r.keySoftOverFeatures = soft / soft.sum();
    r.keySoftOverCodes = softAssignment(in.k.row(j), c, p.softTau).row(0).transpose();
    r.keyCode = codes[static_cast<std::size_t>(j)];
    const auto reg = rewriteDiffs(in, randomProjection(p.m, p.d, Projection::OrthogonalRegular,
                                                       p.featureSeed), scale);
    const auto chi = rewriteDiffs(
        in, randomProjection(p.m, p.d, Projection::Orthogonal, p.featureSeed), scale);
    r.rewriteDiffRegular = reg.step2;
    r.softmaxStepDiff = reg.step3;
    r.rewriteDiffChi = chi.step2;
    const MatrixXd exactBi =
        p.causal ? exactAttentionOutput(in.q, in.k, in.v, scale, false, control) : exactO;
    // Hard VQ in double even after a device run: soft − hard shrinks to rounding as τ → 0.
    const MatrixXd hard = p.causal || onDevice
                              ? vqLinearOutput(in.q, c, codes, in.v, scale, false, p.block, control)
                              : vqO;
    r.hardErrorO = relativeFrobeniusError(hard, exactBi);
    for (double tau : {1.0, 0.3, 0.1, 0.03, 0.01, 3e-3, 1e-3, 3e-4, 1e-4}) {
      const MatrixXd so = softVqOutput(in.q, c, softAssignment(in.k, c, tau), in.v, scale);
      r.tauGrid.push_back(tau);
      r.softHardDiff.push_back(maxAbsDiff(so, hard));
      r.softErrorO.push_back(relativeFrobeniusError(so, exactBi));
    }
  }

  if (p.view == EfficientView::Features) featureSweep(p, in, exactO, exactRows, scale, control, r);
  if (p.view == EfficientView::Lemma)
    r.lemma = lemma2Cell(in, p.cellI, p.cellJ, p.m, scale, p.featureSeed, control);
  if (p.view == EfficientView::Codebook)
    codebookSweep(p, in, exactO, exactRows, scale, control, r);
  control.progress(1.0);
  r.elapsedMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace latentlab::attention
