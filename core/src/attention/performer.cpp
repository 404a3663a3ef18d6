// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Performer FAVOR+: random projections, feature maps and linear attention (Choromanski et al.
// 2021, "Rethinking Attention with Performers").
#include "latentlab/attention/performer.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "latentlab/attention/exact_attention.h"
#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/common/simd.h"

namespace latentlab::attention {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

MatrixXd randomProjection(int m, int d, Projection projection, std::uint64_t seed) {
  if (m < 1) throw ParamError("m", "the number of random features m must be at least 1");
  if (d < 1) throw ParamError("d", "the head dimension d must be at least 1");
  Rng rng(seed);
  MatrixXd omega(m, d);
  if (projection == Projection::Iid) {
    for (Index i = 0; i < m; ++i)
      for (Index j = 0; j < d; ++j) omega(i, j) = rng.normal();
    return omega;
  }
  for (Index r0 = 0; r0 < m; r0 += d) {
    MatrixXd g(d, d);
    for (Index i = 0; i < d; ++i)
      for (Index j = 0; j < d; ++j) g(i, j) = rng.normal();
    Eigen::HouseholderQR<MatrixXd> qr(g);
    MatrixXd qm = qr.householderQ();
    // Sign fix (qr_uniform_q): makes Q Haar-distributed instead of depending on Householder signs.
    const MatrixXd& rr = qr.matrixQR();
    for (Index j = 0; j < d; ++j)
      if (rr(j, j) < 0) qm.col(j) = -qm.col(j);
    const Index rows = std::min<Index>(d, m - r0);
    omega.middleRows(r0, rows) = qm.topRows(rows);
  }
  for (Index i = 0; i < m; ++i) {
    double norm = std::sqrt(static_cast<double>(d));
    if (projection == Projection::Orthogonal) {
      // χ(d) norm of an independent Gaussian vector keeps the marginals N(0, I): unbiased.
      double s = 0.0;
      for (Index j = 0; j < d; ++j) {
        const double z = rng.normal();
        s += z * z;
      }
      norm = std::sqrt(s);
    }
    omega.row(i) *= norm;
  }
  return omega;
}

namespace {

template <class S>
using Mat = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;
template <class S>
using Vec = Eigen::Matrix<S, Eigen::Dynamic, 1>;

template <class S>
void checkOmega(const Eigen::Ref<const Mat<S>>& omega, Index d) {
  requireFinite(omega, "omega");
  if (omega.cols() != d)
    throw ParamError("omega", "the projection must have d = " + std::to_string(d) +
                                  " columns, got " + std::to_string(omega.cols()));
}

}  // namespace

MatrixXd kernelFeatures(const Eigen::Ref<const MatrixXd>& x, const Eigen::Ref<const MatrixXd>& omega,
                        FeatureKind kind) {
  requireFinite(x, "x");
  checkOmega(omega, x.cols());
  const Index m = omega.rows();
  const MatrixXd proj = x * omega.transpose();
  const VectorXd halfSq = 0.5 * x.rowwise().squaredNorm();
  const double norm = 1.0 / std::sqrt(static_cast<double>(m));
  if (kind == FeatureKind::Positive)
    return norm * (proj.colwise() - halfSq).array().exp().matrix();
  if (kind == FeatureKind::Hyperbolic) {
    // cosh(ωᵀ(x+y)) = ½(e^{ωᵀx}e^{ωᵀy} + e^{−ωᵀx}e^{−ωᵀy}): the ½ becomes the extra 2 in
    // (2m)^{−1/2}.
    MatrixXd out(x.rows(), 2 * m);
    out.leftCols(m) = (proj.colwise() - halfSq).array().exp().matrix();
    out.rightCols(m) = ((-proj).colwise() - halfSq).array().exp().matrix();
    return (norm / std::sqrt(2.0)) * out;
  }
  MatrixXd out(x.rows(), 2 * m);
  out.leftCols(m) = proj.array().sin().matrix();
  out.rightCols(m) = proj.array().cos().matrix();
  return (norm * halfSq.array().exp()).matrix().asDiagonal() * out;
}

namespace {

// Largest entry of each row, column by column (contiguous and vectorised; Eigen's rowwise()
// reduction of a column-major matrix reads each row with a stride). Exact, so the same numbers.
template <class S>
Vec<S> rowMax(const Mat<S>& a) {
  Vec<S> mx = a.col(0);
  for (Index j = 1; j < a.cols(); ++j) mx = mx.cwiseMax(a.col(j));
  return mx;
}

// Both feature matrices exponentiated in place by the dispatched SIMD kernel.
template <class S>
void expInPlace(FeaturesOf<S>& f) {
  simd::expInPlace(f.q.data(), static_cast<std::size_t>(f.q.size()));
  simd::expInPlace(f.k.data(), static_cast<std::size_t>(f.k.size()));
}

template <class S>
FeaturesOf<S> featuresOf(const Eigen::Ref<const Mat<S>>& q, const Eigen::Ref<const Mat<S>>& k,
                         const Eigen::Ref<const Mat<S>>& omega, FeatureKind kind, S scale) {
  requireFinite(q, "q");
  requireFinite(k, "k");
  if (q.cols() != k.cols()) throw ParamError("k", "K must have as many columns as Q");
  checkOmega<S>(omega, q.cols());
  if (!(scale > 0) || !std::isfinite(scale))
    throw ParamError("scale", "the logit scale must be positive and finite");
  const S root = std::sqrt(scale);
  Mat<S> pq = (root * q) * omega.transpose();
  Mat<S> pk = (root * k) * omega.transpose();
  const Vec<S> kHalf = S(0.5) * scale * k.rowwise().squaredNorm();
  const Index m = omega.rows();
  FeaturesOf<S> f;
  if (kind == FeatureKind::Positive) {
    // Queries: per-row max (−‖x‖²/2 is constant per row too); keys: one global max (as in
    // the Performer reference code; the stabilisers cancel in the normalisation).
    pq.colwise() -= rowMax<S>(pq);  // in place: no copies of the n × m projections
    pk.colwise() -= kHalf;
    pk.array() -= pk.maxCoeff();
    f.q = std::move(pq);
    f.k = std::move(pk);
    expInPlace(f);
    return f;
  }
  if (kind == FeatureKind::Hyperbolic) {
    // Same stabilisers as Positive over both halves (±ωᵀx); the (2m)^{−1/2} cancels too.
    Mat<S> xq(q.rows(), 2 * m), xk(k.rows(), 2 * m);
    xq.leftCols(m) = pq;
    xq.rightCols(m) = -pq;
    xk.leftCols(m) = pk.colwise() - kHalf;
    xk.rightCols(m) = (-pk).colwise() - kHalf;
    f.q = xq.colwise() - rowMax<S>(xq);
    f.k = xk.array() - xk.maxCoeff();
    expInPlace(f);
    return f;
  }
  f.q.resize(q.rows(), 2 * m);
  f.q.leftCols(m) = pq.array().sin().matrix();
  f.q.rightCols(m) = pq.array().cos().matrix();
  f.k.resize(k.rows(), 2 * m);
  f.k.leftCols(m) = pk.array().sin().matrix();
  f.k.rightCols(m) = pk.array().cos().matrix();
  const Vec<S> kw = (kHalf.array() - kHalf.maxCoeff()).exp().matrix();
  f.k = kw.asDiagonal() * f.k;
  return f;
}

template <class S>
Mat<S> linearAttentionOf(const Eigen::Ref<const Mat<S>>& phiQ, const Eigen::Ref<const Mat<S>>& phiK,
                         const Eigen::Ref<const Mat<S>>& v, bool causal,
                         const RunControl& control) {
  if (phiQ.cols() != phiK.cols()) throw ParamError("omega", "query and key features differ");
  if (phiK.rows() != v.rows()) throw ParamError("v", "V must have one row per key");
  const Index n = phiQ.rows(), dv = v.cols(), m = phiK.cols();
  if (!causal) {
    const Mat<S> kv = phiK.transpose() * v;             // m × d_v
    const Vec<S> z = phiK.transpose().rowwise().sum();  // m
    const Vec<S> den = phiQ * z;
    return den.cwiseInverse().asDiagonal() * (phiQ * kv);
  }
  if (phiQ.rows() != phiK.rows())
    throw ParamError("causal", "causal attention needs as many queries as keys");
  Mat<S> s = Mat<S>::Zero(m, dv);
  Vec<S> z = Vec<S>::Zero(m);
  Mat<S> out(n, dv);
  for (Index i = 0; i < n; ++i) {
    if ((i & 255) == 0) {
      control.checkCancelled();
      control.progress(static_cast<double>(i) / static_cast<double>(n));
    }
    s.noalias() += phiK.row(i).transpose() * v.row(i);
    z += phiK.row(i).transpose();
    out.row(i) = (phiQ.row(i) * s) / phiQ.row(i).dot(z);
  }
  return out;
}

}  // namespace

FeaturePair attentionFeatures(const Eigen::Ref<const MatrixXd>& q,
                              const Eigen::Ref<const MatrixXd>& k,
                              const Eigen::Ref<const MatrixXd>& omega, FeatureKind kind,
                              double scale) {
  return featuresOf<double>(q, k, omega, kind, scale);
}

FeaturePairF attentionFeatures(const Eigen::Ref<const Eigen::MatrixXf>& q,
                               const Eigen::Ref<const Eigen::MatrixXf>& k,
                               const Eigen::Ref<const Eigen::MatrixXf>& omega, FeatureKind kind,
                               float scale) {
  return featuresOf<float>(q, k, omega, kind, scale);
}

double lemma2Mse(const Eigen::Ref<const VectorXd>& x, const Eigen::Ref<const VectorXd>& y, int m,
                 FeatureKind kind) {
  if (m < 1) throw ParamError("m", "the number of random features m must be at least 1");
  if (x.size() != y.size()) throw ParamError("y", "x and y must have the same length");
  const double sm = std::exp(x.dot(y));
  const double plus = (x + y).squaredNorm(), minus = (x - y).squaredNorm();
  const double pos = sm * sm * std::expm1(plus) / m;
  switch (kind) {
    case FeatureKind::Positive:
      return pos;
    case FeatureKind::Hyperbolic:
      return 0.5 * -std::expm1(-plus) * pos;
    case FeatureKind::Trigonometric: {
      const double g = -std::expm1(-minus);
      return std::exp(plus) / (sm * sm) * g * g / (2.0 * m);
    }
  }
  return pos;
}

MatrixXd linearAttention(const Eigen::Ref<const MatrixXd>& phiQ,
                         const Eigen::Ref<const MatrixXd>& phiK,
                         const Eigen::Ref<const MatrixXd>& v, bool causal,
                         const RunControl& control) {
  return linearAttentionOf<double>(phiQ, phiK, v, causal, control);
}

Eigen::MatrixXf linearAttention(const Eigen::Ref<const Eigen::MatrixXf>& phiQ,
                                const Eigen::Ref<const Eigen::MatrixXf>& phiK,
                                const Eigen::Ref<const Eigen::MatrixXf>& v, bool causal,
                                const RunControl& control) {
  return linearAttentionOf<float>(phiQ, phiK, v, causal, control);
}

MatrixXd performerOutput(const Eigen::Ref<const MatrixXd>& q, const Eigen::Ref<const MatrixXd>& k,
                         const Eigen::Ref<const MatrixXd>& v,
                         const Eigen::Ref<const MatrixXd>& omega, FeatureKind kind, double scale,
                         bool causal, const RunControl& control) {
  requireFinite(v, "v");
  const FeaturePair f = attentionFeatures(q, k, omega, kind, scale);
  return linearAttention(f.q, f.k, v, causal, control);
}

Eigen::MatrixXf performerOutput(const Eigen::Ref<const Eigen::MatrixXf>& q,
                                const Eigen::Ref<const Eigen::MatrixXf>& k,
                                const Eigen::Ref<const Eigen::MatrixXf>& v,
                                const Eigen::Ref<const Eigen::MatrixXf>& omega, FeatureKind kind,
                                float scale, bool causal, const RunControl& control) {
  requireFinite(v, "v");
  const FeaturePairF f = attentionFeatures(q, k, omega, kind, scale);
  return linearAttention(f.q, f.k, v, causal, control);
}

MatrixXd performerMapRows(const FeaturePair& features, bool causal, Index rows) {
  rows = std::clamp<Index>(rows, 0, features.q.rows());
  MatrixXd a = features.q.topRows(rows) * features.k.transpose();
  if (causal)
    for (Index i = 0; i < rows; ++i)
      a.row(i).tail(a.cols() - std::min<Index>(a.cols(), i + 1)).setZero();
  const VectorXd den = a.rowwise().sum();
  return den.cwiseInverse().asDiagonal() * a;
}

}  // namespace latentlab::attention
