// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Attention-rank page's computations: the four masked matrices with their metrics, the
// sweeps along n, d and τ and the depth products.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>

#include "latentlab/attention/attention_rank.h"

namespace latentlab::attention {
namespace {

double logitScale(const QkPair& qk, double tau) {
  return qk.divideBySqrtD ? tau / std::sqrt(static_cast<double>(qk.q.cols())) : tau;
}

Mask maskFor(MaskKind kind, int prefix) {
  return Mask{kind, kind == MaskKind::PrefixLM ? prefix : 0};
}

// Runs body(i) for i in [0, count) over OpenMP threads; the first exception is rethrown here
// (exceptions must not leave an OpenMP region). Each i writes only its own outputs.
template <class F>
void parallelFor(int count, F&& body) {
  std::exception_ptr error;
#pragma omp parallel for schedule(dynamic, 1)
  for (int i = 0; i < count; ++i) {
    try {
      body(i);
    } catch (...) {
#pragma omp critical
      if (!error) error = std::current_exception();
    }
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace

AttentionRankResult computeAttentionRank(const AttentionRankParams& params,
                                         const RunControl& control) {
  const auto start = std::chrono::steady_clock::now();
  validate(params);
  const QkPair qk = makeQk(params);
  AttentionRankResult res;
  res.n = static_cast<int>(qk.q.rows());
  res.d = static_cast<int>(qk.q.cols());
  res.tolerance = effectiveTolerance(params, res.n);
  const Eigen::MatrixXd logits = attentionLogits(qk.q, qk.k, logitScale(qk, params.tau));
  res.maxLogit = logits.cwiseAbs().maxCoeff();
  const int prefix = std::min(params.prefix, res.n);
  control.checkCancelled();
  for (std::size_t i = 0; i < kRankMasks.size(); ++i) res.masks[i] = maskFor(kRankMasks[i], prefix);
  parallelFor(static_cast<int>(kRankMasks.size()), [&](int i) {
    control.checkCancelled();
    const auto m = static_cast<std::size_t>(i);
    res.matrices[m] = maskedRowSoftmax(logits, res.masks[m]);
  });
  if (control.partialDue()) {
    AttentionRankResult maps = res;
    maps.metricsReady = false;
    control.partial(std::move(maps));
  }
  parallelFor(static_cast<int>(kRankMasks.size()), [&](int i) {
    control.checkCancelled();
    const auto m = static_cast<std::size_t>(i);
    res.metrics[m] = computeMetrics(res.matrices[m], logits, res.masks[m], qk.q, res.d,
                                    res.tolerance, params.svd);
  });
  control.progress(0.8);

  for (int p = 0; p <= 400; ++p) {
    const double index = binomialCount(res.d, p) + 1.0;
    if (index > res.n) break;
    res.certificate.push_back({p, index, taylorBound(res.maxLogit, p)});
  }

  // Each head of the mixed design is triangular; its exact log det shows it is full rank.
  for (int h = 0; h < params.heads; ++h) {
    control.checkCancelled();
    const Mask mask = mixedHeadMask(h, params.heads);
    Eigen::MatrixXd headLogits;
    if (params.source == QkSource::Gaussian) {
      AttentionRankParams hp = params;
      hp.seed = params.seed + 1 + static_cast<std::uint64_t>(h);
      const QkPair hq = makeQk(hp);
      headLogits = attentionLogits(hq.q, hq.k, logitScale(hq, params.tau));
    } else {
      headLogits = logits;  // one Q, K for every head: the heads differ by their mask only
    }
    const Eigen::VectorXd logDiag = logDiagonal(headLogits, mask);
    res.mixed.logDet.push_back(logDiag.sum());
    res.mixed.minDiagonal.push_back(std::exp(logDiag.minCoeff()));
    res.mixed.forward.push_back(mask.kind == MaskKind::Causal);
    if (params.view == RankView::Heads) {
      // Rows keep their own indices in the block, so the mask applies unchanged.
      const Eigen::Index shown = std::min<Eigen::Index>(res.n, kHeadMapLimit);
      res.mixed.maps.push_back(maskedRowSoftmax(headLogits.topRows(shown), mask).leftCols(shown));
    }
  }
  control.progress(1.0);
  res.elapsedMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return res;
}

bool sameSweepInputs(const AttentionRankParams& a, const AttentionRankParams& b) {
  return a.source == b.source && a.n == b.n && a.d == b.d && a.tau == b.tau && a.seed == b.seed &&
         a.prefix == b.prefix && a.autoTolerance == b.autoTolerance && a.tolerance == b.tolerance &&
         a.svd == b.svd && a.sweepAxis == b.sweepAxis && a.loaded == b.loaded;
}

RankSweepResult computeRankSweep(const AttentionRankParams& params, const RunControl& control) {
  validate(params);
  RankSweepResult out;
  out.params = params;
  out.axis = params.sweepAxis;
  // Files and the circle fix n and d; their only meaningful sweep is along τ.
  if (params.source == QkSource::Npy && out.axis != SweepAxis::Tau) out.axis = SweepAxis::Tau;
  if (params.source == QkSource::Circle && out.axis == SweepAxis::D) out.axis = SweepAxis::Tau;
  switch (out.axis) {
    case SweepAxis::N: {
      const int top = std::min(2048, std::max(512, params.n));
      for (double v = 8.0; std::round(v) <= top; v *= std::sqrt(2.0))
        out.x.push_back(std::round(v));
      break;
    }
    case SweepAxis::D: {
      const int top = std::min(params.n, 256);
      for (double v = 1.0; std::round(v) <= top; v *= std::sqrt(2.0)) {
        const double r = std::round(v);
        if (out.x.empty() || r > out.x.back()) out.x.push_back(r);
      }
      if (out.x.back() < top) out.x.push_back(top);
      break;
    }
    case SweepAxis::Tau:
      for (int i = 0; i <= 16; ++i) out.x.push_back(std::pow(10.0, -2.0 + 0.25 * i));
      break;
  }
  const int count = static_cast<int>(out.x.size());
  for (auto& v : out.rank) v.assign(static_cast<std::size_t>(count), 0.0);
  for (auto& v : out.erank) v.assign(static_cast<std::size_t>(count), 0.0);
  for (int i = 0; i < count; ++i) {
    control.checkCancelled();
    AttentionRankParams p = params;
    const double x = out.x[static_cast<std::size_t>(i)];
    if (out.axis == SweepAxis::N) {
      p.n = static_cast<int>(x);
      p.d = std::min(params.d, p.n);
      p.prefix = static_cast<int>(std::lround(static_cast<double>(params.prefix) * p.n / params.n));
    } else if (out.axis == SweepAxis::D) {
      p.d = static_cast<int>(x);
    } else {
      p.tau = x;
    }
    const QkPair qk = makeQk(p);
    const Eigen::MatrixXd logits = attentionLogits(qk.q, qk.k, logitScale(qk, p.tau));
    const int n = static_cast<int>(qk.q.rows());
    const double tol = effectiveTolerance(p, n);
    parallelFor(static_cast<int>(kRankMasks.size()), [&](int m) {
      const Mask mask = maskFor(kRankMasks[static_cast<std::size_t>(m)], std::min(p.prefix, n));
      const Eigen::VectorXd s = singularValues(maskedRowSoftmax(logits, mask), p.svd);
      out.rank[static_cast<std::size_t>(m)][static_cast<std::size_t>(i)] = numericalRank(s, tol);
      out.erank[static_cast<std::size_t>(m)][static_cast<std::size_t>(i)] = effectiveRank(s);
    });
    // Cost grows like n³ along the n axis; weight progress accordingly.
    control.progress(static_cast<double>(i + 1) / count);
  }
  return out;
}

DepthResult computeDepth(const AttentionRankParams& params, const RunControl& control) {
  validate(params);
  const QkPair qk = makeQk(params);
  const double scale = logitScale(qk, params.tau);
  const Eigen::Index n = qk.q.rows();
  const int layers = params.depth;
  DepthResult out;
  for (MaskKind kind : {MaskKind::Bidirectional, MaskKind::Causal})
    for (bool residual : {false, true})
      out.cases.push_back(DepthCase{kind, residual, {}, {}, {}, {}});
  std::atomic<int> done{0};
  const int total = static_cast<int>(out.cases.size()) * layers;
  parallelFor(static_cast<int>(out.cases.size()), [&](int c) {
    DepthCase& dc = out.cases[static_cast<std::size_t>(c)];
    const Mask mask{dc.mask, 0};
    Eigen::MatrixXd x = qk.q;
    Eigen::MatrixXd product = Eigen::MatrixXd::Identity(n, n);
    dc.r.push_back(collapseResidual(x));
    for (int l = 1; l <= layers; ++l) {
      control.checkCancelled();
      Eigen::MatrixXd logitsL;
      logitsL.noalias() = x * x.transpose();
      logitsL *= scale;
      Eigen::MatrixXd a = maskedRowSoftmax(logitsL, mask);
      Eigen::MatrixXd y;
      y.noalias() = a * x;
      x = dc.residual ? Eigen::MatrixXd(x + y) : y;
      // With residuals the layer map is I + A; halving keeps P row-stochastic (σ₂/σ₁ unchanged).
      if (dc.residual) {
        a += Eigen::MatrixXd::Identity(n, n);
        a *= 0.5;
      }
      product = a * product;
      dc.r.push_back(collapseResidual(x));
      const Eigen::VectorXd s = singularValues(product, SvdEngine::Bdc);
      dc.sigmaRatio.push_back(n > 1 ? s(1) / s(0) : 0.0);
      const Eigen::RowVectorXd pi = product.colwise().mean();
      dc.productResidual.push_back((product.rowwise() - pi).norm());
      if (dc.mask == MaskKind::Causal) {
        Eigen::MatrixXd diff = product;
        diff.col(0).array() -= 1.0;
        dc.toFirstToken.push_back(diff.norm());
      }
      control.progress(static_cast<double>(++done) / total);
    }
  });
  return out;
}

}  // namespace latentlab::attention
