// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Exact mixture velocity and density (E[x1 − x0 | x_t] in closed form), vectorised over particles.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <numbers>
#include <vector>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/common/simd.h"
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

template <class Real>
using MatX = Eigen::Matrix<Real, Eigen::Dynamic, Eigen::Dynamic>;
template <class Real>
using ArrX = Eigen::Array<Real, Eigen::Dynamic, 1>;

// Per-pair coefficients at time t: v = Σ_p w_p (A_p + β_p x), with A_p = (μ − a) − β_p m_p.
// Computed in double; the float32 particles use them rounded once to float (castTerms).
template <class Real>
struct PairTermsT {
  MatX<Real> m;         // P × d centres m_jk
  ArrX<Real> halfInvC;  // P: 1/(2 c_jk)
  ArrX<Real> logc;      // P: log α + log π − (d/2) log c
  ArrX<Real> beta;      // P
  MatX<Real> offset;    // P × d: (μ − a) − β m
};
using PairTerms = PairTermsT<double>;

PairTerms pairTerms(const Mixture& s, const Mixture& q, double t, bool normalised) {
  const int J = s.components(), K = q.components(), d = s.dim();
  const double sa = s.weights.sum(), qa = q.weights.sum();
  PairTerms pt;
  pt.m.resize(J * K, d);
  pt.halfInvC.resize(J * K);
  pt.logc.resize(J * K);
  pt.beta.resize(J * K);
  pt.offset.resize(J * K, d);
  for (int j = 0; j < J; ++j)
    for (int k = 0; k < K; ++k) {
      const int p = j * K + k;
      const double s0 = s.stds[j] * s.stds[j], s1 = q.stds[k] * q.stds[k];
      const double c = (1 - t) * (1 - t) * s0 + t * t * s1;
      pt.m.row(p) = (1 - t) * s.means.row(j) + t * q.means.row(k);
      pt.halfInvC[p] = 0.5 / c;
      pt.logc[p] = std::log(s.weights[j] / sa) + std::log(q.weights[k] / qa) -
                   0.5 * d * std::log(normalised ? 2.0 * std::numbers::pi * c : c);
      pt.beta[p] = (t * s1 - (1 - t) * s0) / c;
      pt.offset.row(p) = (q.means.row(k) - s.means.row(j)) - pt.beta[p] * pt.m.row(p);
    }
  return pt;
}

PairTermsT<float> castTerms(const PairTerms& pt) {
  return {pt.m.cast<float>(), pt.halfInvC.cast<float>(), pt.logc.cast<float>(),
          pt.beta.cast<float>(), pt.offset.cast<float>()};
}

// N × P log-weights: logc_p − ‖x − m_p‖² / (2 c_p). Differences, not ‖x‖² − 2x·m + ‖m‖²,
// because c_p is tiny near t = 1 for point targets and the expanded form cancels badly there.
template <class Real>
Eigen::Array<Real, Eigen::Dynamic, Eigen::Dynamic> logWeights(const MatX<Real>& x,
                                                              const PairTermsT<Real>& pt) {
  const Eigen::Index n = x.rows(), P = pt.m.rows();
  Eigen::Array<Real, Eigen::Dynamic, Eigen::Dynamic> l(n, P);
  for (Eigen::Index p = 0; p < P; ++p) {
    ArrX<Real> d2 = (x.col(0).array() - pt.m(p, 0)).square();
    for (Eigen::Index c = 1; c < x.cols(); ++c) d2 += (x.col(c).array() - pt.m(p, c)).square();
    l.col(p) = pt.logc[p] - d2 * pt.halfInvC[p];
  }
  return l;
}

// v* for one block of particles: softmax over pairs (log-sum-exp), then the weighted sum.
template <class Real>
MatX<Real> velocityBlock(const MatX<Real>& x, const PairTermsT<Real>& pt) {
  auto w = logWeights(x, pt);
  // The row softmax vectorised across the particles (latentlab/common/simd.h): each row's max and
  // sum over the pairs in order, as before, with Highway's exp.
  simd::softmaxRowsColMajor(w.data(), static_cast<std::size_t>(w.rows()),
                            static_cast<std::size_t>(w.cols()), static_cast<std::size_t>(w.rows()),
                            Real(1));
  const MatX<Real> wm = w.matrix();
  MatX<Real> v = wm * pt.offset;
  const ArrX<Real> b = (wm * pt.beta.matrix()).array();
  v.array() += x.array().colwise() * b;
  return v;
}

constexpr Eigen::Index kBlock = 2048;  // rows per OpenMP task; each row is independent

// The velocity of every row of x, in blocks of rows computed independently (the same operations
// per row whatever the block), so the result is bit-identical for any thread count.
template <class Real>
MatX<Real> velocityRows(const MatX<Real>& x, const PairTermsT<Real>& pt) {
  const Eigen::Index n = x.rows();
  if (n <= kBlock) return velocityBlock(x, pt);
  MatX<Real> v(n, x.cols());
  const Eigen::Index blocks = (n + kBlock - 1) / kBlock;
#pragma omp parallel for schedule(static)
  for (Eigen::Index b = 0; b < blocks; ++b) {
    const Eigen::Index lo = b * kBlock, len = std::min(kBlock, n - lo);
    v.middleRows(lo, len) = velocityBlock<Real>(x.middleRows(lo, len), pt);
  }
  return v;
}

}  // namespace

double MixtureVelocity::clampTime(double t) const {
  if (m_pointTarget) t = std::min(t, 1.0 - 1e-6);
  return std::clamp(t, 0.0, 1.0);
}

Eigen::MatrixXd MixtureVelocity::operator()(const Eigen::MatrixXd& x, double t) const {
  return velocityRows(x, pairTerms(m_source, m_target, clampTime(t), false));
}

Eigen::MatrixXf MixtureVelocity::velocityF32(const Eigen::MatrixXf& x, double t) const {
  return velocityRows(x, castTerms(pairTerms(m_source, m_target, clampTime(t), false)));
}

Eigen::MatrixXd MixtureVelocity::pairTable(double t, bool normalised) const {
  const PairTerms pt = pairTerms(m_source, m_target, clampTime(t), normalised);
  const Eigen::Index P = pt.m.rows(), d = pt.m.cols();
  Eigen::MatrixXd table(P, 2 * d + 3);
  table.leftCols(d) = pt.m;
  table.col(d) = pt.halfInvC.matrix();
  table.col(d + 1) = pt.logc.matrix();
  table.col(d + 2) = pt.beta.matrix();
  table.rightCols(d) = pt.offset;
  return table;
}

Eigen::VectorXd MixtureVelocity::density(const Eigen::MatrixXd& x, double t) const {
  const PairTerms pt = pairTerms(m_source, m_target, clampTime(t), true);
  const Eigen::ArrayXXd l = logWeights<double>(x, pt);
  const Eigen::ArrayXd mx = l.rowwise().maxCoeff();
  return (mx + (l.colwise() - mx).exp().rowwise().sum().log()).exp().matrix();
}

}  // namespace latentlab::flows

namespace latentlab::flows {
namespace {

constexpr Eigen::Index kIntegrateBlock = 512;  // rows a task carries through all steps

// The pair terms depend on t only: one set per stage time, shared by every block.
template <class Real>
struct StageTerms {
  std::vector<PairTermsT<Real>> at0, atHalf, at1;
};

// Fixed blocks of rows carried through all steps in Real arithmetic (float32 particles: positions
// and velocities in float; frames and the result widened to double for the page).
template <class Real>
Eigen::MatrixXd integrateBlocks(const Eigen::MatrixXd& z0, int steps, Solver solver,
                                const StageTerms<Real>& terms,
                                std::vector<Eigen::MatrixXd>* frames, const RunControl& control) {
  const double h = 1.0 / steps;
  Eigen::MatrixXd out(z0.rows(), z0.cols());
  const Eigen::Index n = z0.rows(), blocks = (n + kIntegrateBlock - 1) / kIntegrateBlock;
  std::atomic<bool> stop{false};
#pragma omp parallel for schedule(dynamic, 1)
  for (Eigen::Index b = 0; b < blocks; ++b) {
    const Eigen::Index lo = b * kIntegrateBlock, len = std::min(kIntegrateBlock, n - lo);
    MatX<Real> z = z0.middleRows(lo, len).template cast<Real>();
    for (int i = 0; i < steps && !stop.load(std::memory_order_relaxed); ++i) {
      if (control.cancelled()) {
        stop = true;
        break;
      }
      const auto s = static_cast<std::size_t>(i);
      z = solverStep(solver, z, h, [&](const MatX<Real>& x, Stage stage) {
        return velocityBlock(x, stage == Stage::Start    ? terms.at0[s]
                                : stage == Stage::Middle ? terms.atHalf[s]
                                                         : terms.at1[s]);
      });
      if (frames) (*frames)[s + 1].middleRows(lo, len) = z.template cast<double>();
    }
    out.middleRows(lo, len) = z.template cast<double>();
  }
  control.checkCancelled();  // exceptions cannot leave the parallel region: re-raise here
  return out;
}

}  // namespace

Eigen::MatrixXd MixtureVelocity::integrate(const Eigen::MatrixXd& z0, int steps, Solver solver,
                                           std::vector<Eigen::MatrixXd>* frames,
                                           const RunControl& control,
                                           Arithmetic arithmetic) const {
  if (steps < 1)
    throw ParamError("steps", "steps must be at least 1, got " + std::to_string(steps));
  if (!z0.allFinite()) throw ParamError("z0", "starting points contain NaN or infinity");
  const double h = 1.0 / steps;
  StageTerms<double> terms;
  for (int i = 0; i < steps; ++i) {
    const auto at = [&](double t) { return pairTerms(m_source, m_target, clampTime(t), false); };
    terms.at0.push_back(at(i * h));
    if (solver == Solver::Rk4) terms.atHalf.push_back(at(i * h + 0.5 * h));
    if (solver != Solver::Euler) terms.at1.push_back(at(i * h + h));
  }
  if (frames) {
    frames->assign(static_cast<std::size_t>(steps) + 1, Eigen::MatrixXd(z0.rows(), z0.cols()));
    frames->front() = z0;
  }
  if (arithmetic == Arithmetic::Float64)
    return integrateBlocks(z0, steps, solver, terms, frames, control);
  const auto toFloat = [](const std::vector<PairTerms>& from) {
    std::vector<PairTermsT<float>> to;
    for (const PairTerms& pt : from) to.push_back(castTerms(pt));
    return to;
  };
  const StageTerms<float> single{toFloat(terms.at0), toFloat(terms.atHalf), toFloat(terms.at1)};
  return integrateBlocks(z0, steps, solver, single, frames, control);
}

}  // namespace latentlab::flows
