// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Exact mixture velocity and density (spec flows.md §2.2), vectorised over particles.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>
#include <numbers>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/flows/reflow.h"

namespace latentlab::flows {

void checkMixture(const Mixture& m, const std::string& key) {
  const auto k = m.means.rows();
  if (k < 1 || m.means.cols() < 1)
    throw ParamError(key, key + " needs at least one component");
  if (m.stds.size() != k || m.weights.size() != k)
    throw ParamError(key, key + ": means, stds and weights must have the same length");
  if (!m.means.allFinite()) throw ParamError(key, key + ": a mean is NaN or infinite");
  if (!m.stds.allFinite() || (m.stds.array() < 0).any())
    throw ParamError(key, key + ": stds must be finite and ≥ 0");
  if (!m.weights.allFinite() || (m.weights.array() <= 0).any())
    throw ParamError(key, key + ": weights must be finite and > 0");
}

Eigen::MatrixXd Mixture::sample(int n, std::uint64_t seed) const {
  Rng rng(seed);
  const int d = dim();
  Eigen::VectorXd cdf(components());
  double acc = 0.0;
  for (int k = 0; k < components(); ++k) cdf[k] = (acc += weights[k]);
  Eigen::MatrixXd out(n, d);
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform() * acc;
    int k = 0;
    while (k + 1 < components() && cdf[k] <= u) ++k;
    for (int c = 0; c < d; ++c) out(i, c) = means(k, c) + stds[k] * rng.normal();
  }
  return out;
}

double Mixture::nll(const Eigen::MatrixXd& x, double minStd) const {
  const int d = dim();
  const Eigen::ArrayXd s = stds.array().max(minStd);
  const Eigen::ArrayXd logc = (weights.array() / weights.sum()).log() -
                              0.5 * d * (2.0 * std::numbers::pi * s * s).log();
  double total = 0.0;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const Eigen::ArrayXd d2 = (means.rowwise() - x.row(i)).rowwise().squaredNorm().array();
    const Eigen::ArrayXd l = logc - d2 / (2.0 * s * s);
    const double mx = l.maxCoeff();
    total += mx + std::log((l - mx).exp().sum());
  }
  return -total / static_cast<double>(x.rows());
}

MixtureVelocity::MixtureVelocity(Mixture source, Mixture target)
    : m_source(std::move(source)), m_target(std::move(target)) {
  checkMixture(m_source, "source");
  checkMixture(m_target, "target");
  if (m_source.dim() != m_target.dim())
    throw ParamError("target", "source and target must have the same dimension");
  m_pointTarget = (m_target.stds.array() == 0.0).any();
}

namespace {

// Per-pair coefficients at time t: v = Σ_p w_p (A_p + β_p x), with A_p = (μ − a) − β_p m_p.
struct PairTerms {
  Eigen::MatrixXd m;       // P × d centres m_jk
  Eigen::ArrayXd c;        // P variances c_jk
  Eigen::ArrayXd logc;     // P: log α + log π − (d/2) log c
  Eigen::ArrayXd beta;     // P
  Eigen::MatrixXd offset;  // P × d: (μ − a) − β m
};

PairTerms pairTerms(const Mixture& s, const Mixture& q, double t, bool normalised) {
  const int J = s.components(), K = q.components(), d = s.dim();
  const double sa = s.weights.sum(), qa = q.weights.sum();
  PairTerms pt;
  pt.m.resize(J * K, d);
  pt.c.resize(J * K);
  pt.logc.resize(J * K);
  pt.beta.resize(J * K);
  pt.offset.resize(J * K, d);
  for (int j = 0; j < J; ++j)
    for (int k = 0; k < K; ++k) {
      const int p = j * K + k;
      const double s0 = s.stds[j] * s.stds[j], s1 = q.stds[k] * q.stds[k];
      const double c = (1 - t) * (1 - t) * s0 + t * t * s1;
      pt.m.row(p) = (1 - t) * s.means.row(j) + t * q.means.row(k);
      pt.c[p] = c;
      pt.logc[p] = std::log(s.weights[j] / sa) + std::log(q.weights[k] / qa) -
                   0.5 * d * std::log(normalised ? 2.0 * std::numbers::pi * c : c);
      pt.beta[p] = (t * s1 - (1 - t) * s0) / c;
      pt.offset.row(p) = (q.means.row(k) - s.means.row(j)) - pt.beta[p] * pt.m.row(p);
    }
  return pt;
}

// N × P log-weights: logc_p − ‖x − m_p‖² / (2 c_p). Differences, not ‖x‖² − 2x·m + ‖m‖²,
// because c_p is tiny near t = 1 for point targets and the expanded form cancels badly there.
Eigen::ArrayXXd logWeights(const Eigen::MatrixXd& x, const PairTerms& pt) {
  const Eigen::Index n = x.rows(), P = pt.m.rows();
  Eigen::ArrayXXd l(n, P);
  for (Eigen::Index p = 0; p < P; ++p) {
    Eigen::ArrayXd d2 = (x.col(0).array() - pt.m(p, 0)).square();
    for (Eigen::Index c = 1; c < x.cols(); ++c) d2 += (x.col(c).array() - pt.m(p, c)).square();
    l.col(p) = pt.logc[p] - d2 * (0.5 / pt.c[p]);
  }
  return l;
}

}  // namespace

namespace {

// v* for one block of particles: softmax over pairs (log-sum-exp), then the weighted sum.
Eigen::MatrixXd velocityBlock(const Eigen::MatrixXd& x, const PairTerms& pt) {
  Eigen::ArrayXXd w = logWeights(x, pt);
  const Eigen::ArrayXd mx = w.rowwise().maxCoeff();
  w = (w.colwise() - mx).exp();
  const Eigen::ArrayXd norm = w.rowwise().sum();
  w.colwise() /= norm;
  const Eigen::MatrixXd wm = w.matrix();
  Eigen::MatrixXd v = wm * pt.offset;
  const Eigen::ArrayXd b = (wm * pt.beta.matrix()).array();
  v.array() += x.array().colwise() * b;
  return v;
}

constexpr Eigen::Index kBlock = 2048;  // rows per OpenMP task; each row is independent

}  // namespace

Eigen::MatrixXd MixtureVelocity::operator()(const Eigen::MatrixXd& x, double t) const {
  if (m_pointTarget) t = std::min(t, 1.0 - 1e-6);
  t = std::clamp(t, 0.0, 1.0);
  const PairTerms pt = pairTerms(m_source, m_target, t, false);
  const Eigen::Index n = x.rows();
  if (n <= kBlock) return velocityBlock(x, pt);
  // Blocks of rows are computed independently (same operations per row whatever the block),
  // so the result is bit-identical for any thread count.
  Eigen::MatrixXd v(n, x.cols());
  const Eigen::Index blocks = (n + kBlock - 1) / kBlock;
#pragma omp parallel for schedule(static)
  for (Eigen::Index b = 0; b < blocks; ++b) {
    const Eigen::Index lo = b * kBlock, len = std::min(kBlock, n - lo);
    v.middleRows(lo, len) = velocityBlock(x.middleRows(lo, len), pt);
  }
  return v;
}

Eigen::VectorXd MixtureVelocity::density(const Eigen::MatrixXd& x, double t) const {
  if (m_pointTarget) t = std::min(t, 1.0 - 1e-6);
  t = std::clamp(t, 0.0, 1.0);
  const PairTerms pt = pairTerms(m_source, m_target, t, true);
  const Eigen::ArrayXXd l = logWeights(x, pt);
  const Eigen::ArrayXd mx = l.rowwise().maxCoeff();
  return (mx + (l.colwise() - mx).exp().rowwise().sum().log()).exp().matrix();
}

}  // namespace latentlab::flows

namespace latentlab::flows {
namespace {

constexpr Eigen::Index kIntegrateBlock = 512;  // rows a task carries through all steps
// When every other pair's log-weight is this far below the row's maximum, their weights
// (< 4e−18 each) are below the rounding of the sum (≥ 1): exp — the dominant cost — is skipped.
constexpr double kNegligibleLog = -40.0;

// e^x for x ≤ 0, inlined and branch-free (the libm call with its errno wrapper was half of the
// page's time): x = k ln2 + r with |r| ≤ ln2/2 (Cody–Waite split of ln2), e^r by its Taylor
// series to r¹³ (truncation < 1e−17 relative), 2^k put in the exponent bits. Within 2 ulp of
// std::exp; x < −700 is treated as −700 (e^−700 ≈ 1e−304, far below any weight that matters).
inline double expNonPositive(double x) {
  constexpr double kLog2e = 1.4426950408889634;
  constexpr double kLn2Hi = 6.93147180369123816490e-01, kLn2Lo = 1.90821492927058770002e-10;
  constexpr double kShift = 6755399441055744.0;  // 1.5 · 2^52: adding it rounds to an integer
  x = std::max(x, -700.0);
  const double shifted = x * kLog2e + kShift;
  const double k = shifted - kShift;
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  double p = 1.0 / 6227020800.0;  // 1/13!
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  std::int64_t shiftedBits, shiftBits, pBits;
  std::memcpy(&shiftedBits, &shifted, sizeof shifted);
  std::memcpy(&shiftBits, &kShift, sizeof kShift);
  std::memcpy(&pBits, &p, sizeof p);
  pBits += (shiftedBits - shiftBits) << 52;  // multiply by 2^k (C++20: defined for k < 0)
  double out;
  std::memcpy(&out, &pBits, sizeof out);
  return out;
}

// Pair terms laid out per coordinate for the 2-D row loop (contiguous, so the loop over
// pairs vectorises).
struct FlatTerms {
  std::vector<double> mx, my, logc, inv2c, beta, ox, oy;
  explicit FlatTerms(const PairTerms& pt) {
    const auto P = static_cast<std::size_t>(pt.m.rows());
    for (auto* v : {&mx, &my, &logc, &inv2c, &beta, &ox, &oy}) v->resize(P);
    for (std::size_t p = 0; p < P; ++p) {
      const auto q = static_cast<Eigen::Index>(p);
      mx[p] = pt.m(q, 0);
      my[p] = pt.m(q, 1);
      logc[p] = pt.logc[q];
      inv2c[p] = 0.5 / pt.c[q];
      beta[p] = pt.beta[q];
      ox[p] = pt.offset(q, 0);
      oy[p] = pt.offset(q, 1);
    }
  }
};

// v* for a block of 2-D rows, one particle at a time: the same softmax and weighted sum as
// velocityBlock without N × P temporaries; the largest pair has weight exp(0) = 1 exactly and
// no exp() at all is taken when every other pair is negligible.
void velocityRows2d(const Eigen::MatrixXd& x, const FlatTerms& ft, std::vector<double>& buf,
                    Eigen::MatrixXd& v) {
  const Eigen::Index n = x.rows();
  const std::size_t P = ft.mx.size();
  buf.resize(2 * P);
  v.resize(n, 2);
  double* l = buf.data();
  double* w = buf.data() + P;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double x0 = x(i, 0), x1 = x(i, 1);
    for (std::size_t p = 0; p < P; ++p) {
      const double e0 = x0 - ft.mx[p], e1 = x1 - ft.my[p];
      l[p] = ft.logc[p] - (e0 * e0 + e1 * e1) * ft.inv2c[p];
    }
    std::size_t best = 0;
    double second = -std::numeric_limits<double>::infinity();
    for (std::size_t p = 1; p < P; ++p) {
      if (l[p] > l[best]) {
        second = l[best];
        best = p;
      } else {
        second = std::max(second, l[p]);
      }
    }
    const double mx = l[best];
    double sum = 1.0, beta = ft.beta[best], vx = ft.ox[best], vy = ft.oy[best];
    // One branch per particle (predictable: late in the flow most particles sit in one mode)
    // instead of one per pair.
    if (second - mx >= kNegligibleLog) {
      // Independent exps in their own loop (vectorised, no dependency chain between pairs).
      for (std::size_t p = 0; p < P; ++p) w[p] = expNonPositive(l[p] - mx);
      w[best] = 0.0;  // counted above as exactly 1
      for (std::size_t p = 0; p < P; ++p) {
        sum += w[p];
        beta += w[p] * ft.beta[p];
        vx += w[p] * ft.ox[p];
        vy += w[p] * ft.oy[p];
      }
    }
    v(i, 0) = (vx + beta * x0) / sum;
    v(i, 1) = (vy + beta * x1) / sum;
  }
}

}  // namespace

Eigen::MatrixXd MixtureVelocity::integrate(const Eigen::MatrixXd& z0, int steps, Solver solver,
                                           std::vector<Eigen::MatrixXd>* frames,
                                           const RunControl& control) const {
  if (steps < 1)
    throw ParamError("steps", "steps must be at least 1, got " + std::to_string(steps));
  if (!z0.allFinite()) throw ParamError("z0", "starting points contain NaN or infinity");
  const double h = 1.0 / steps;
  // The pair terms depend on t only: one set per stage time, shared by every block.
  auto terms = [&](double t) {
    if (m_pointTarget) t = std::min(t, 1.0 - 1e-6);
    return pairTerms(m_source, m_target, std::clamp(t, 0.0, 1.0), false);
  };
  struct Stage {
    PairTerms pt;
    FlatTerms flat;
    explicit Stage(PairTerms t) : pt(std::move(t)), flat(pt) {}
  };
  std::vector<Stage> at0, atHalf, at1;
  for (int i = 0; i < steps; ++i) {
    at0.emplace_back(terms(i * h));
    if (solver == Solver::Rk4) atHalf.emplace_back(terms(i * h + 0.5 * h));
    if (solver != Solver::Euler) at1.emplace_back(terms(i * h + h));
  }
  const bool flat2d = z0.cols() == 2;
  // 2-D (every page preset) takes the row loop; other dimensions the blocked Eigen form.
  auto vel = [flat2d](const Eigen::MatrixXd& z, const Stage& st, std::vector<double>& buf) {
    if (!flat2d) return velocityBlock(z, st.pt);
    Eigen::MatrixXd out;
    velocityRows2d(z, st.flat, buf, out);
    return out;
  };
  if (frames) frames->assign(static_cast<std::size_t>(steps) + 1, Eigen::MatrixXd(z0.rows(), z0.cols()));
  if (frames) frames->front() = z0;
  Eigen::MatrixXd out(z0.rows(), z0.cols());
  const Eigen::Index n = z0.rows(), blocks = (n + kIntegrateBlock - 1) / kIntegrateBlock;
  std::atomic<bool> stop{false};
#pragma omp parallel for schedule(dynamic, 1)
  for (Eigen::Index b = 0; b < blocks; ++b) {
    const Eigen::Index lo = b * kIntegrateBlock, len = std::min(kIntegrateBlock, n - lo);
    Eigen::MatrixXd z = z0.middleRows(lo, len);
    std::vector<double> buf;
    for (int i = 0; i < steps && !stop.load(std::memory_order_relaxed); ++i) {
      if (control.cancelled()) {
        stop = true;
        break;
      }
      const auto s = static_cast<std::size_t>(i);
      switch (solver) {
        case Solver::Euler: z += h * vel(z, at0[s], buf); break;
        case Solver::Heun: {
          const Eigen::MatrixXd k1 = vel(z, at0[s], buf);
          const Eigen::MatrixXd k2 = vel(z + h * k1, at1[s], buf);
          z += (0.5 * h) * (k1 + k2);
          break;
        }
        case Solver::Rk4: {
          const Eigen::MatrixXd k1 = vel(z, at0[s], buf);
          const Eigen::MatrixXd k2 = vel(z + (0.5 * h) * k1, atHalf[s], buf);
          const Eigen::MatrixXd k3 = vel(z + (0.5 * h) * k2, atHalf[s], buf);
          const Eigen::MatrixXd k4 = vel(z + h * k3, at1[s], buf);
          z += (h / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
          break;
        }
      }
      if (frames) (*frames)[s + 1].middleRows(lo, len) = z;
    }
    out.middleRows(lo, len) = z;
  }
  control.checkCancelled();  // exceptions cannot leave the parallel region: re-raise here
  return out;
}

}  // namespace latentlab::flows
