// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Perturbed top-k expectations (Kool et al. 2019; Berthet et al. 2020): exact by enumeration or
// 1-D quadrature with a Poisson-binomial DP, or Monte Carlo with an explicit seed.
#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <string>
#include <vector>

#include "latentlab/common/logmath.h"
#include "latentlab/common/rng.h"
#include "soft_topk_internal.h"

namespace latentlab::topk::detail {
namespace {

constexpr int kEnumerateMaxN = 8;
constexpr double kQuadratureMaxCost = 1e9;  // nodes·n·k; above it Monte Carlo is used
constexpr int kQuadratureMaxN = 2000;
// Lattice step of the quadrature nodes (binary, so t = m·h is exact); anchoring the nodes to a
// fixed lattice keeps the rule unchanged under the tiny moves of a finite-difference Jacobian.
constexpr double kStep = 1.0 / 128.0;

// Support of the noise density that matters: Gumbel g ∈ [−6, 40], Gauss z ∈ [−10, 10].
struct NoiseLaw {
  double left, right;
  double pdf(Noise n, double v) const {
    if (n == Noise::Gumbel) return std::exp(-v - std::exp(-v));
    return std::exp(-0.5 * v * v) / std::sqrt(2.0 * std::numbers::pi);
  }
  // P(noise > v): 1 − exp(−e^{−v}) and Φ(−v), both without cancellation.
  double sf(Noise n, double v) const {
    if (n == Noise::Gumbel) return -std::expm1(-std::exp(-v));
    return 0.5 * std::erfc(v / std::numbers::sqrt2);
  }
};
NoiseLaw lawOf(Noise n) { return n == Noise::Gumbel ? NoiseLaw{6.0, 40.0} : NoiseLaw{10.0, 10.0}; }

// Lattice ranges [a, b] (node indices, b − a even) covering ⋃_i [u_i − left, u_i + right].
std::vector<std::pair<long long, long long>> nodeRanges(const Eigen::Ref<const Eigen::VectorXd>& u,
                                                        const NoiseLaw& law) {
  std::vector<std::pair<long long, long long>> iv;
  iv.reserve(static_cast<std::size_t>(u.size()));
  for (int i = 0; i < u.size(); ++i)
    iv.emplace_back(static_cast<long long>(std::floor((u[i] - law.left) / kStep)),
                    static_cast<long long>(std::ceil((u[i] + law.right) / kStep)));
  std::sort(iv.begin(), iv.end());
  std::vector<std::pair<long long, long long>> merged;
  for (const auto& r : iv) {
    if (!merged.empty() && r.first <= merged.back().second + 2)
      merged.back().second = std::max(merged.back().second, r.second);
    else
      merged.push_back(r);
  }
  for (auto& r : merged)
    if ((r.second - r.first) % 2 != 0) ++r.second;  // Simpson needs an even number of panels
  return merged;
}

// Gumbel: ψ(g) = −(log f_G)′(g) = 1 − e^{−g}; Gauss: ψ(z) = z. E[T(u + ε) ψ(ε_j)] = ∂E[T]/∂u_j.
double score(Noise n, double e) { return n == Noise::Gumbel ? 1.0 - std::exp(-e) : e; }

// Monte Carlo mean of T_k(z + noise) and, if asked, the score-function Jacobian
// J = E[(T − p)(ψ − ψ̄·1)ᵀ]/τ. Centring T (Σ_i T_i = k every sample) makes the columns sum to 0
// exactly; centring ψ over the coordinates of each sample makes the rows sum to 0 exactly. Both
// keep the estimator unbiased, because the true J has zero row and column sums (Σp = k, shift).
void monteCarlo(const Problem& pr, Noise noise, SoftTopkResult& r, const RunControl& control) {
  const int n = pr.n, k = pr.k, samples = pr.params.mcSamples;
  Rng rng(pr.params.seed);
  Eigen::VectorXd count = Eigen::VectorXd::Zero(n);
  Eigen::VectorXd e(n), v(n), psiSum;
  Eigen::MatrixXd cross;  // column i: Σ_s T_si ψ_s
  const bool jac = pr.params.wantJacobian;
  if (jac) {
    cross = Eigen::MatrixXd::Zero(n, n);
    psiSum = Eigen::VectorXd::Zero(n);
  }
  std::vector<int> idx;
  for (int s = 0; s < samples; ++s) {
    control.checkCancelled();
    for (int i = 0; i < n; ++i) e[i] = noise == Noise::Gumbel ? rng.gumbel() : rng.normal();
    v = pr.z + e;
    selectTopk(v, k, idx);
    for (int j = 0; j < k; ++j) count[idx[static_cast<std::size_t>(j)]] += 1.0;
    if (jac) {
      for (int i = 0; i < n; ++i) e[i] = score(noise, e[i]);
      e.array() -= e.mean();
      psiSum += e;
      for (int j = 0; j < k; ++j) cross.col(idx[static_cast<std::size_t>(j)]) += e;
    }
  }
  r.p = count / samples;
  r.iterations = samples;
  if (jac) {
    // Σ_s (T_s − p̂) ψ_sᵀ = Σ_s T_s ψ_sᵀ − p̂ (Σ_s ψ_s)ᵀ, over N − 1 for an unbiased covariance.
    Eigen::MatrixXd cov = cross.transpose() - r.p * psiSum.transpose();
    r.jacobian = cov / (std::max(1, samples - 1) * pr.tau);
    r.jacobianKind = JacobianKind::MonteCarlo;
  }
}

void runPerturbed(const Problem& pr, Noise noise, SoftTopkResult& r, const RunControl& control) {
  const std::string mc = "Monte Carlo, " + std::to_string(pr.params.mcSamples) + " samples, seed " +
                         std::to_string(pr.params.seed);
  if (pr.params.expectation == Expectation::MonteCarlo) {
    monteCarlo(pr, noise, r, control);
    r.note = mc;
    return;
  }
  if (noise == Noise::Gumbel && pr.n <= kEnumerateMaxN) {
    r.p = gumbelEnumerate(pr.z, pr.k);
    r.note = "exact (enumeration of ordered k-tuples)";
  } else {
    const double cost = perturbedQuadratureCost(pr.z, pr.k, noise);
    if (pr.n > kQuadratureMaxN || cost > kQuadratureMaxCost) {
      // Exact quadrature is O(n·k·nodes): too slow here, so say so and estimate instead.
      monteCarlo(pr, noise, r, control);
      r.note = "exact quadrature too expensive (n·k·nodes = " + std::to_string(cost) +
               "); fell back to " + mc;
      return;
    }
    r.p = perturbedQuadrature(pr.z, pr.k, noise, control);
    r.note = "exact (Simpson quadrature, Poisson-binomial DP)";
  }
  if (pr.params.wantJacobian) {
    r.jacobian = fdJacobian(pr.params, 1e-5 * pr.tau, control);
    r.jacobianKind = JacobianKind::FiniteDifference;
  }
}

}  // namespace

Eigen::VectorXd gumbelEnumerate(const Eigen::Ref<const Eigen::VectorXd>& u, int k) {
  const int n = static_cast<int>(u.size());
  Eigen::VectorXd p = Eigen::VectorXd::Zero(n);
  if (k <= 0) return p;
  if (k >= n) return Eigen::VectorXd::Ones(n);
  const Eigen::VectorXd lw = u.array() - u.maxCoeff();  // log weights
  std::vector<int> chosen;
  std::vector<char> used(static_cast<std::size_t>(n), 0);
  std::vector<double> rest;
  // P(i₁..i_k) = Π_t w_{i_t}/Σ_{j unused} w_j, in logs; every denominator is recomputed from the
  // remaining weights (a running subtraction would lose all precision at small τ).
  std::function<void(double)> visit = [&](double logP) {
    if (static_cast<int>(chosen.size()) == k) {
      const double pr = std::exp(logP);
      for (int i : chosen) p[i] += pr;
      return;
    }
    rest.clear();
    for (int j = 0; j < n; ++j)
      if (!used[static_cast<std::size_t>(j)]) rest.push_back(lw[j]);
    const double logDen = logSumExp(rest);
    for (int j = 0; j < n; ++j) {
      if (used[static_cast<std::size_t>(j)]) continue;
      used[static_cast<std::size_t>(j)] = 1;
      chosen.push_back(j);
      visit(logP + lw[j] - logDen);
      chosen.pop_back();
      used[static_cast<std::size_t>(j)] = 0;
    }
  };
  visit(0.0);
  // Sums of exact probabilities; only rounding can push an entry past 1.
  return p.cwiseMax(0.0).cwiseMin(1.0);
}

double perturbedQuadratureCost(const Eigen::Ref<const Eigen::VectorXd>& u, int k, Noise noise) {
  double nodes = 0.0;
  for (const auto& r : nodeRanges(u, lawOf(noise)))
    nodes += static_cast<double>(r.second - r.first + 1);
  return nodes * static_cast<double>(u.size()) * std::max(1, k);
}

Eigen::VectorXd perturbedQuadrature(const Eigen::Ref<const Eigen::VectorXd>& u, int k, Noise noise,
                                    const RunControl& control) {
  const int n = static_cast<int>(u.size());
  if (k <= 0) return Eigen::VectorXd::Zero(n);
  if (k >= n) return Eigen::VectorXd::Ones(n);
  const NoiseLaw law = lawOf(noise);
  // With t = u_i + g the value of item i: P(i ∈ top-k) = ∫ pdf(t − u_i)·P(#{j≠i : u_j + ε_j > t}
  // ≤ k−1) dt. The beat probabilities q_j(t) = sf(t − u_j) do not depend on i, so one prefix DP
  // and one backward suffix sweep per node give every leave-one-out Poisson-binomial CDF.
  const std::size_t row = static_cast<std::size_t>(k);  // counts 0..k−1; more is dropped
  std::vector<double> prefix((static_cast<std::size_t>(n) + 1) * row);
  std::vector<double> suffix(row), cdf(row), q(static_cast<std::size_t>(n));
  Eigen::VectorXd p = Eigen::VectorXd::Zero(n);
  for (const auto& range : nodeRanges(u, law)) {
    for (long long m = range.first; m <= range.second; ++m) {
      if ((m - range.first) % 64 == 0) control.checkCancelled();
      const double t = static_cast<double>(m) * kStep;
      const long long pos = m - range.first;
      const double weight =
          kStep / 3.0 * (pos == 0 || m == range.second ? 1.0 : (pos % 2 == 1 ? 4.0 : 2.0));
      for (int j = 0; j < n; ++j) q[static_cast<std::size_t>(j)] = law.sf(noise, t - u[j]);
      std::fill(prefix.begin(), prefix.begin() + static_cast<std::ptrdiff_t>(row), 0.0);
      prefix[0] = 1.0;
      for (int j = 0; j < n; ++j) {
        const double* a = prefix.data() + static_cast<std::size_t>(j) * row;
        double* b = prefix.data() + static_cast<std::size_t>(j + 1) * row;
        const double qj = q[static_cast<std::size_t>(j)];
        b[0] = a[0] * (1.0 - qj);
        for (std::size_t c = 1; c < row; ++c) b[c] = a[c] * (1.0 - qj) + a[c - 1] * qj;
      }
      std::fill(suffix.begin(), suffix.end(), 0.0);
      suffix[0] = 1.0;
      for (int i = n - 1; i >= 0; --i) {
        const double dens = law.pdf(noise, t - u[i]);
        if (dens > 0.0) {
          double acc = 0.0;  // cdf[b] = P(suffix count ≤ b)
          for (std::size_t b = 0; b < row; ++b) cdf[b] = (acc += suffix[b]);
          const double* a = prefix.data() + static_cast<std::size_t>(i) * row;
          double pb = 0.0;
          for (std::size_t c = 0; c < row; ++c) pb += a[c] * cdf[row - 1 - c];
          p[i] += weight * dens * pb;
        }
        const double qi = q[static_cast<std::size_t>(i)];
        for (std::size_t c = row - 1; c >= 1; --c)
          suffix[c] = suffix[c] * (1.0 - qi) + suffix[c - 1] * qi;
        suffix[0] *= 1.0 - qi;
      }
    }
  }
  return p.cwiseMax(0.0).cwiseMin(1.0);  // quadrature error must not leave the box
}

void runGumbel(const Problem& pr, SoftTopkResult& r, const RunControl& control) {
  runPerturbed(pr, Noise::Gumbel, r, control);
}

void runGauss(const Problem& pr, SoftTopkResult& r, const RunControl& control) {
  // y_σ(x) = E[T_k(x + σZ)] = E[T_k(x/σ + Z)] with σ = τ (T_k is scale invariant).
  runPerturbed(pr, Noise::Gauss, r, control);
}

}  // namespace latentlab::topk::detail
