// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// ThreTopK (Su, kexue.fm/archives/10373, §一般思路): p = f(z − λ) with Σ f(z_i − λ) = k. Closed
// forms for exp (§解析求解) and Laplace (§二者兼之), breakpoint bisection + active-set solve for
// clip, safeguarded Newton for sigmoid (§通用结果) and entmax. J = (diag d − d dᵀ/S)/τ, d = f′(z −
// λ).
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "latentlab/common/errors.h"
#include "latentlab/common/logmath.h"
#include "latentlab/common/simd.h"
#include "soft_topk_internal.h"
#include "soft_topk_solver.h"

namespace latentlab::topk {

double thresholdF(Method m, double u, double alpha) {
  switch (m) {
    case Method::ThreExp:
      return u >= 0.0 ? 1.0 : std::exp(u);
    case Method::ThreSigmoid:
      return sigmoid(u);
    case Method::ThreLaplace:
      return u >= 0.0 ? 1.0 - 0.5 * std::exp(-u) : 0.5 * std::exp(u);
    case Method::ThreClip:
      return std::clamp(u, 0.0, 1.0);
    case Method::ThreEntmax: {
      if (u >= 0.0) return 1.0;
      const double base = 1.0 + (alpha - 1.0) * u;
      return base <= 0.0 ? 0.0 : std::pow(base, 1.0 / (alpha - 1.0));
    }
    default:
      break;
  }
  throw ParamError("method", std::string(methodId(m)) + " is not a threshold (thre_*) method");
}

double thresholdDF(Method m, double u, double alpha) {
  switch (m) {
    case Method::ThreExp:
      return u < 0.0 ? std::exp(u) : 0.0;  // 0 on the saturated side
    case Method::ThreSigmoid:
      return sigmoid(u) * sigmoid(-u);
    case Method::ThreLaplace:
      return 0.5 * std::exp(-std::abs(u));
    case Method::ThreClip:
      return (u > 0.0 && u < 1.0) ? 1.0 : 0.0;
    case Method::ThreEntmax: {
      const double f = thresholdF(m, u, alpha);
      return (f > 0.0 && f < 1.0) ? std::pow(f, 2.0 - alpha) : 0.0;
    }
    default:
      break;
  }
  throw ParamError("method", std::string(methodId(m)) + " is not a threshold (thre_*) method");
}

namespace detail {
namespace {

// λ is valid for m saturated entries when zs[m−1] ≥ λ ≥ zs[m] (ends open).
double bracketViolation(const std::vector<double>& zs, int m, double lam) {
  const int n = static_cast<int>(zs.size());
  double v = 0.0;
  if (m > 0) v = std::max(v, lam - zs[static_cast<std::size_t>(m - 1)]);
  if (m < n) v = std::max(v, zs[static_cast<std::size_t>(m)] - lam);
  return v;
}

// Tries m = first..last in order and keeps the first λ(m) that passes the bracket test; if
// rounding rejects every m, the least violating one.
template <class LambdaOf>
ClosedForm scanSegments(const std::vector<double>& zs, int last, LambdaOf lambdaOf,
                        SoftTopkResult& r, bool trace) {
  ClosedForm best{std::numeric_limits<double>::quiet_NaN(), -1};
  double bestViolation = std::numeric_limits<double>::infinity();
  for (int m = 0; m <= last; ++m) {
    const double lam = lambdaOf(m);
    if (trace) r.lambdaTrace.push_back(lam);
    const double v = bracketViolation(zs, m, lam);
    if (v < bestViolation) {
      bestViolation = v;
      best = {lam, m};
    }
    if (v <= 0.0) break;
  }
  const int n = static_cast<int>(zs.size());
  r.bracket = {
      best.m < n ? zs[static_cast<std::size_t>(best.m)] : -std::numeric_limits<double>::infinity(),
      best.m > 0 ? zs[static_cast<std::size_t>(best.m - 1)]
                 : std::numeric_limits<double>::infinity()};
  return best;
}

// logmath.h's logSumExp (max shift, −∞ for no terms) with the vectorised exponential: the
// closed forms below call it on up to n finite scores, where the scalar exp was half the time.
double vectorisedLogSumExp(std::vector<double> v) {
  if (v.empty()) return kNegInf;
  const double mx = *std::max_element(v.begin(), v.end());
  for (double& x : v) x -= mx;
  simd::expInPlace(v.data(), v.size());
  double sum = 0.0;
  for (const double x : v) sum += x;
  return mx + std::log(sum);
}

// The t largest scores in descending order, and log Σ e^{z_i} over the others (−∞ when there
// are none). The closed forms below only read the order of the largest few, so the rest are
// selected (nth_element) and enter through one shifted log-sum-exp instead of an O(n log n) sort.
struct TopSorted {
  std::vector<double> top;
  double logRest = kNegInf;
};

TopSorted topSorted(const Eigen::VectorXd& z, int t) {
  TopSorted out;
  std::vector<double> zs(z.data(), z.data() + z.size());
  const auto end = zs.begin() + t;
  if (end < zs.end()) std::nth_element(zs.begin(), end - 1, zs.end(), std::greater<>());
  std::sort(zs.begin(), end, std::greater<>());
  out.logRest = vectorisedLogSumExp(std::vector<double>(end, zs.end()));
  zs.resize(static_cast<std::size_t>(t));
  out.top = std::move(zs);
  return out;
}

// exp (§解析求解): λ = log Σ_{i≥m} e^{zs_i} − log(k − m) (0-based), m = 0..k−1, from the equation.
// Only the k largest scores need their order: m < k and the bracket reads zs[0..k−1].
ClosedForm solveExp(const Problem& pr, SoftTopkResult& r) {
  const int k = pr.k;
  const TopSorted ts = topSorted(pr.z, k);
  const std::vector<double>& zs = ts.top;
  std::vector<double> suffix(static_cast<std::size_t>(k) + 1, kNegInf);
  suffix[static_cast<std::size_t>(k)] = ts.logRest;
  for (int i = k - 1; i >= 0; --i)
    suffix[static_cast<std::size_t>(i)] =
        logAddExp(suffix[static_cast<std::size_t>(i) + 1], zs[static_cast<std::size_t>(i)]);
  return scanSegments(
      zs, k - 1,
      [&](int m) {
        return suffix[static_cast<std::size_t>(m)] - std::log(static_cast<double>(k - m));
      },
      r, pr.params.traceSolver);
}

// Laplace's λ for m saturated entries from l1 = log S1, l2 = log S2 and a = k − m: the root of
// S1 t² + 2a t − S2 = 0, t = e^λ, in the form without cancellation for each sign of a, in logs.
double laplaceLambdaImpl(double l1, double l2, double a) {
  if (a == 0.0) return 0.5 * (l2 - l1);
  const double logA = std::log(std::abs(a));
  const double logRoot = 0.5 * logAddExp(2.0 * logA, l1 + l2);  // log √(a² + S1·S2)
  if (a > 0.0) return l2 - logAddExp(logA, logRoot);
  return logAddExp(logA, logRoot) - l1;
}

// S1 = Σ_{i<m} e^{−zs_i}, S2 = Σ_{i≥m} e^{zs_i}, a = k − m, S1 t² + 2a t − S2 = 0, t = e^λ;
// the root is taken in the form without cancellation for each sign of a, all in logs, m = 0..n.
ClosedForm solveLaplace(const Problem& pr, SoftTopkResult& r) {
  // A saturated entry (z_i ≥ λ) has p_i ≥ ½, so at most 2k of them: only the 2k + 1 largest
  // scores need their order (the bracket of m = 2k reads zs[2k]).
  const int n = pr.n, t = std::min(n, 2 * pr.k + 1), last = std::min(n, 2 * pr.k);
  const TopSorted ts = topSorted(pr.z, t);
  const std::vector<double>& zs = ts.top;
  std::vector<double> logS1(static_cast<std::size_t>(t) + 1, kNegInf);
  std::vector<double> logS2(static_cast<std::size_t>(t) + 1, kNegInf);
  for (int i = 0; i < t; ++i)
    logS1[static_cast<std::size_t>(i) + 1] =
        logAddExp(logS1[static_cast<std::size_t>(i)], -zs[static_cast<std::size_t>(i)]);
  logS2[static_cast<std::size_t>(t)] = ts.logRest;
  for (int i = t - 1; i >= 0; --i)
    logS2[static_cast<std::size_t>(i)] =
        logAddExp(logS2[static_cast<std::size_t>(i) + 1], zs[static_cast<std::size_t>(i)]);
  auto lambdaOf = [&](int m) {
    return laplaceLambdaImpl(logS1[static_cast<std::size_t>(m)], logS2[static_cast<std::size_t>(m)],
                         static_cast<double>(pr.k - m));
  };
  return scanSegments(zs, last, lambdaOf, r, pr.params.traceSolver);
}

// Safeguarded Newton (soft_topk_solver.h) with the CPU's vectorised sums.
SolveOut safeguardedNewton(const Problem& pr, Method m, double lo, double hi, SoftTopkResult& r,
                           const RunControl& control) {
  const double alpha = pr.params.alpha;
  const auto n = static_cast<std::size_t>(pr.n);
  return newtonSolve(
      pr.k, pr.params.maxIter, lo, hi, newtonTolerance(pr.k), pr.params.traceSolver ? &r : nullptr,
      control, [&](double lam) {
        if (m == Method::ThreSigmoid || m == Method::ThreExp || m == Method::ThreLaplace) {
          // Vectorised, one exp per score; d only steers Newton.
          const auto kind = m == Method::ThreSigmoid ? simd::Threshold::Sigmoid
                            : m == Method::ThreExp   ? simd::Threshold::Exp
                                                     : simd::Threshold::Laplace;
          const auto sums = simd::thresholdSums(kind, pr.z.data(), n, lam);
          return FSums{sums.f, sums.derivative};
        }
        if (m == Method::ThreEntmax && alpha == 1.5) {  // α = 3/2: products, no pow
          const auto sums = simd::thresholdSums(simd::Threshold::Entmax15, pr.z.data(), n, lam);
          return FSums{sums.f, sums.derivative};
        }
        FSums s;
        for (int i = 0; i < pr.n; ++i) {
          const double u = pr.z[i] - lam;
          s.f += thresholdF(m, u, alpha);
          s.d += thresholdDF(m, u, alpha);
        }
        return s;
      });
}

}  // namespace

// exp and Laplace at large k: the sort-based scan needs the k (2k + 1) largest scores in order,
// an O(n log n) sort at k = n/2. Instead the vectorised Newton iteration locates λ, the saturated
// set S = {z_i ≥ λ} is read off it, and the closed form λ(|S|) is evaluated once with O(n)
// log-sum-exps over S and its complement; the result is kept only if it passes the same bracket
// test (min S ≥ λ ≥ max of the rest). Empty when it does not (λ on a score): the scan decides.
std::optional<ClosedForm> closedFormFromNewton(const Problem& pr, Method m, SoftTopkResult& r,
                                               const RunControl& control) {
  const double k = pr.k;
  const auto [lo, hi] = closedFormBracket(m, pr.z.minCoeff(), pr.z.maxCoeff(), pr.n, pr.k);
  SoftTopkResult scratch;  // Newton's own trace and iterations are not the method's
  const SolveOut s = safeguardedNewton(pr, m, lo, hi, scratch, control);
  if (!s.converged) return std::nullopt;
  // The two sides of λ: S = {z_i ≥ λ} (its −z for log S1) and the rest (its z for log S2).
  std::vector<double> minusSaturated, rest;
  double minS = std::numeric_limits<double>::infinity(), maxU = kNegInf;
  for (Eigen::Index i = 0; i < pr.z.size(); ++i) {
    if (pr.z[i] >= s.lambda) {
      minusSaturated.push_back(-pr.z[i]);
      minS = std::min(minS, pr.z[i]);
    } else {
      rest.push_back(pr.z[i]);
      maxU = std::max(maxU, pr.z[i]);
    }
  }
  const int sat = static_cast<int>(minusSaturated.size());
  if (m == Method::ThreExp && sat >= pr.k) return std::nullopt;
  const double l2 = vectorisedLogSumExp(std::move(rest));
  const double lam =
      m == Method::ThreExp
          ? l2 - std::log(k - sat)
          : laplaceLambda(vectorisedLogSumExp(std::move(minusSaturated)), l2, k - sat);
  if (!(lam <= minS && lam >= maxU)) return std::nullopt;
  r.bracket = {maxU, minS};
  return ClosedForm{lam, sat};
}

ClosedForm closedFormScan(const Problem& pr, SoftTopkResult& r) {
  return pr.params.method == Method::ThreExp ? solveExp(pr, r) : solveLaplace(pr, r);
}

double laplaceLambda(double l1, double l2, double a) { return laplaceLambdaImpl(l1, l2, a); }

void runThreshold(const Problem& pr, SoftTopkResult& r, const RunControl& control) {
  const Method m = pr.params.method;
  const double alpha = pr.params.alpha;
  const double n = pr.n, k = pr.k;
  double lam = 0.0;
  switch (m) {
    case Method::ThreExp:
    case Method::ThreLaplace: {
      // Above a few hundred the selection and sort of the largest scores costs more than the
      // Newton detour (and the solver trace, when asked for, is the scan's).
      std::optional<ClosedForm> fast;
      if (pr.k > 256 && !pr.params.traceSolver) fast = closedFormFromNewton(pr, m, r, control);
      const ClosedForm cf = fast                   ? *fast
                            : m == Method::ThreExp ? solveExp(pr, r)
                                                   : solveLaplace(pr, r);
      lam = cf.lambda;
      r.saturated = cf.m;
      break;
    }
    case Method::ThreSigmoid:
    case Method::ThreEntmax: {
      // Sigmoid: the article's bracket [min z − σ⁻¹(k/n), max z − σ⁻¹(k/n)]. Entmax: f = 1 for
      // u ≥ 0 and 0 for u ≤ −1/(α−1), so F(min z) = n and F(max z + 1/(α−1)) = 0.
      const double lo = m == Method::ThreSigmoid ? pr.z.minCoeff() - logit(k / n) : pr.z.minCoeff();
      const double hi = m == Method::ThreSigmoid ? pr.z.maxCoeff() - logit(k / n)
                                                 : pr.z.maxCoeff() + 1.0 / (alpha - 1.0);
      r.bracket = {lo, hi};
      const SolveOut s = safeguardedNewton(pr, m, lo, hi, r, control);
      lam = s.lambda;
      r.iterations = s.iterations;
      if (!s.converged)
        r.note = "solver stopped at maxIter = " + std::to_string(pr.params.maxIter) +
                 " before |Σp − k| ≤ 1e-13·max(1,k)";
      break;
    }
    case Method::ThreClip:
      lam = solveClip(pr, r, control);
      break;
    default:
      throw ParamError("method", "not a threshold method");
  }
  r.lambda = lam;
  r.p.resize(pr.n);
  Eigen::VectorXd d(pr.n);
  std::size_t clipActive = 0;
  if (m == Method::ThreExp || m == Method::ThreSigmoid || m == Method::ThreLaplace) {
    const auto kind = m == Method::ThreExp       ? simd::Threshold::Exp
                      : m == Method::ThreSigmoid ? simd::Threshold::Sigmoid
                                                 : simd::Threshold::Laplace;
    simd::thresholdValues(kind, pr.z.data(), static_cast<std::size_t>(pr.n), lam, r.p.data(),
                          d.data());
  } else if (m == Method::ThreEntmax && alpha == 1.5) {
    simd::thresholdValues(simd::Threshold::Entmax15, pr.z.data(), static_cast<std::size_t>(pr.n),
                          lam, r.p.data(), d.data());
  } else if (m == Method::ThreClip) {
    clipActive = simd::clipValues(pr.z.data(), static_cast<std::size_t>(pr.n), lam, r.p.data(),
                                  d.data());
  } else {
    for (int i = 0; i < pr.n; ++i) {
      const double u = pr.z[i] - lam;
      r.p[i] = thresholdF(m, u, alpha);
      d[i] = thresholdDF(m, u, alpha);
    }
  }
  const int active = m == Method::ThreClip
                         ? static_cast<int>(clipActive)
                         : static_cast<int>((r.p.array() > 0.0 && r.p.array() < 1.0).count());
  if ((m == Method::ThreClip || m == Method::ThreEntmax) && active == 0) {
    r.lambdaUnique = false;
    r.note = "λ not unique: no entry strictly inside (0, 1); p is unique";
  }
  if (pr.params.wantJacobian) {
    r.jacobian = thresholdJacobian(d, pr.tau);
    r.jacobianKind = JacobianKind::Analytic;
  }
}

}  // namespace detail
}  // namespace latentlab::topk
