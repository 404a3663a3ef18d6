// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Spectrum, ranks, log det, conditioning, entropy and Taylor bound of one attention matrix.
#include <Eigen/LU>
#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <limits>
#include <opencv2/core.hpp>

#include "latentlab/attention/attention_rank.h"

namespace latentlab::attention {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr int kMaxCertificateP = 400;

bool isTriangular(MaskKind kind) { return kind == MaskKind::Causal || kind == MaskKind::Backward; }

// Number of keys row i may attend to (n×n mask).
Eigen::Index allowedCount(const Mask& mask, Eigen::Index i, Eigen::Index n) {
  switch (mask.kind) {
    case MaskKind::Bidirectional:
      return n;
    case MaskKind::Causal:
      return i + 1;
    case MaskKind::Backward:
      return n - i;
    case MaskKind::PrefixLM:
      return std::min<Eigen::Index>(std::max<Eigen::Index>(i + 1, mask.prefix), n);
  }
  return n;
}

// ‖A⁻¹‖₂ of a triangular A by power iteration on A⁻ᵀA⁻¹ with triangular solves (σ_min cross-check).
double inverseNorm(const Eigen::Ref<const Eigen::MatrixXd>& a, MaskKind kind) {
  const Eigen::Index n = a.rows();
  Eigen::VectorXd v = Eigen::VectorXd::Ones(n) / std::sqrt(static_cast<double>(n));
  double norm = 0.0;
  for (int it = 0; it < 40; ++it) {
    Eigen::VectorXd w;
    if (kind == MaskKind::Causal) {
      w = a.triangularView<Eigen::Lower>().solve(v);
      w = a.transpose().triangularView<Eigen::Upper>().solve(w);
    } else {
      w = a.triangularView<Eigen::Upper>().solve(v);
      w = a.transpose().triangularView<Eigen::Lower>().solve(w);
    }
    const double wn = w.norm();
    if (!std::isfinite(wn) || wn == 0.0) return std::numeric_limits<double>::quiet_NaN();
    // Rayleigh quotient vᵀ(A⁻ᵀA⁻¹)v → σ_max(A⁻¹)²; it converges twice as fast as ‖A⁻ᵀA⁻¹v‖.
    const double next = std::sqrt(v.dot(w));
    v = w / wn;
    if (it > 3 && std::abs(next - norm) <= 1e-9 * next) return next;  // 9 digits: a read-out
    norm = next;
  }
  return norm;
}

}  // namespace

Eigen::VectorXd singularValues(const Eigen::Ref<const Eigen::MatrixXd>& a, SvdEngine engine) {
  const bool jacobi =
      engine == SvdEngine::Jacobi || (engine == SvdEngine::Auto && a.rows() <= kJacobiMaxN);
  if (jacobi) {
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(a);
    return svd.singularValues();
  }
  if (engine == SvdEngine::Bdc) {
    Eigen::BDCSVD<Eigen::MatrixXd> svd(a);
    return svd.singularValues();
  }
  // LAPACK dgesdd through OpenCV (its LAPACK HAL); values only. cv::Mat is row-major, so it holds
  // Aᵀ's column-major layout — the same singular values.
  Eigen::MatrixXd copy = a;
  const cv::Mat m(static_cast<int>(copy.cols()), static_cast<int>(copy.rows()), CV_64F,
                  copy.data());
  cv::Mat w;
  cv::SVD::compute(m, w, cv::SVD::NO_UV);
  Eigen::VectorXd sigma(w.rows);
  for (int i = 0; i < w.rows; ++i) sigma(i) = w.at<double>(i);
  return sigma;
}

int numericalRank(const Eigen::VectorXd& sigma, double tolerance) {
  if (sigma.size() == 0) return 0;
  const double cut = tolerance * sigma(0);
  return static_cast<int>((sigma.array() > cut).count());
}

double effectiveRank(const Eigen::VectorXd& sigma) {
  const double total = sigma.sum();
  if (!(total > 0.0)) return 1.0;
  double h = 0.0;
  for (Eigen::Index i = 0; i < sigma.size(); ++i) {
    const double p = sigma(i) / total;
    if (p > 0.0) h -= p * std::log(p);  // 0·ln 0 := 0
  }
  return std::exp(h);
}

double stableRank(const Eigen::VectorXd& sigma) {
  if (sigma.size() == 0 || !(sigma(0) > 0.0)) return 0.0;
  return sigma.squaredNorm() / (sigma(0) * sigma(0));
}

double collapseResidual(const Eigen::Ref<const Eigen::MatrixXd>& x) {
  const double total = x.norm();
  if (!(total > 0.0)) return 0.0;
  const Eigen::RowVectorXd mu = x.colwise().mean();
  return (x.rowwise() - mu).norm() / total;
}

double taylorBound(double r, int p) {
  r = std::abs(r);
  if (r == 0.0) return 0.0;
  if (r > 350.0) return std::numeric_limits<double>::infinity();  // e^R·tail overflows
  // Σ_{k>p} R^k/k! in log space: terms rise until k ≈ R, then fall faster than geometrically.
  const double logR = std::log(r);
  double logSum = -std::numeric_limits<double>::infinity();
  const int kEnd = p + 80 + static_cast<int>(std::ceil(6.0 * r));
  for (int k = p + 1; k <= kEnd; ++k) {
    const double lt = k * logR - std::lgamma(k + 1.0);
    const double m = std::max(logSum, lt);
    logSum = m + std::log(std::exp(logSum - m) + std::exp(lt - m));
    if (k > r && lt < logSum - 40.0) break;
  }
  const double out = r + logSum;
  return out > 700.0 ? std::numeric_limits<double>::infinity() : std::exp(out);
}

double binomialCount(int d, int p) {
  const double v = std::exp(std::lgamma(d + p + 1.0) - std::lgamma(d + 1.0) - std::lgamma(p + 1.0));
  return v < 9e15 ? std::round(v) : v;
}

MatrixMetrics computeMetrics(const Eigen::Ref<const Eigen::MatrixXd>& a,
                             const Eigen::Ref<const Eigen::MatrixXd>& logits, const Mask& mask,
                             const Eigen::Ref<const Eigen::MatrixXd>& x, int d, double tolerance,
                             SvdEngine engine) {
  MatrixMetrics m;
  const Eigen::Index n = a.rows();
  m.sigma = singularValues(a, engine);
  const double s1 = m.sigma(0);
  m.rankT = numericalRank(m.sigma, tolerance);
  m.erank = effectiveRank(m.sigma);
  m.stableRank = stableRank(m.sigma);
  m.sigmaMin = m.sigma(n - 1);
  m.kappa = m.sigmaMin > 0.0 ? s1 / m.sigmaMin : std::numeric_limits<double>::infinity();
  m.unreliable = m.sigmaMin < static_cast<double>(n) * kEps * s1;
  m.sigmaRatio = n > 1 ? m.sigma(1) / s1 : 0.0;
  if (isTriangular(mask.kind)) {
    m.logDet = logDiagonal(logits, mask).sum();  // causal: exact even when σ_min is at noise level
    m.logDetExact = true;
    const double inv = inverseNorm(a, mask.kind);
    m.sigmaMinInverse =
        std::isfinite(inv) && inv > 0.0 ? 1.0 / inv : std::numeric_limits<double>::quiet_NaN();
  } else {
    // LU pivots: an exactly singular matrix (identical rows) gives an exact zero pivot, −∞.
    Eigen::PartialPivLU<Eigen::MatrixXd> lu(a);
    const Eigen::MatrixXd& u = lu.matrixLU();
    double s = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) s += std::log(std::abs(u(i, i)));
    m.logDet = s;
  }
  double hSum = 0.0;
  int rows = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::Index c = allowedCount(mask, i, n);
    if (c < 2) continue;  // one allowed key: no choice, entropy 0/0
    double h = 0.0;
    for (Eigen::Index j = 0; j < a.cols(); ++j)
      if (a(i, j) > 0.0) h -= a(i, j) * std::log(a(i, j));
    hSum += h / std::log(static_cast<double>(c));
    ++rows;
  }
  m.entropy = rows > 0 ? hSum / rows : 0.0;
  m.collapse = collapseResidual(a * x);
  if (mask.kind == MaskKind::Bidirectional) {
    const double r = logits.cwiseAbs().maxCoeff();
    for (int p = 0; p <= kMaxCertificateP; ++p) {
      if (taylorBound(r, p) <= tolerance * s1) {
        m.certificateP = p;
        m.certificateN = binomialCount(d, p);
        break;
      }
    }
  }
  return m;
}

}  // namespace latentlab::attention
