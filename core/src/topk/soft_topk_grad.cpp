// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// GradTopK: the stable log-space elementary-symmetric DP, its exact Jacobian,
// the article's naive recursion (kept to show where it fails) and a brute-force reference.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "latentlab/common/errors.h"
#include "latentlab/common/logmath.h"
#include "soft_topk_internal.h"

namespace latentlab::topk {
namespace detail {
namespace {

// log Σ_t e^{a[t] + b[off − t]} over t in [lo, hi]; every index is valid and finite-or-−∞.
double logConvolve(const double* a, const double* b, int off, int lo, int hi) {
  double m = kNegInf;
  for (int t = lo; t <= hi; ++t) m = std::max(m, a[t] + b[off - t]);
  if (m == kNegInf) return kNegInf;
  double s = 0.0;
  for (int t = lo; t <= hi; ++t) s += std::exp(a[t] + b[off - t] - m);
  return m + std::log(s);
}

// One DP row step: row[t] ← LAE(row[t], w + row[t−1]) for t = top..1 (descending, in place, so
// row[t−1] is still the previous row). row[0] stays 0: e_0 = 1.
void addItem(double* row, double w, int top) {
  for (int t = top; t >= 1; --t) row[t] = logAddExp(row[t], w + row[t - 1]);
}

// Logits ℓ_i = w_i + a_i − c_i of GradTopK_K(v) (p_i = σ(ℓ_i)) and log e_K(e^{w}) for w = v − max
// v. The prefix table E is kept only at every b-th row (b ≈ √n) and recomputed block by block while
// the suffix row B sweeps backwards: time ≈ 2× the plain DP, memory O(√n·K) instead of O(nK).
double gradLogits(const Eigen::VectorXd& v, int kk, Eigen::VectorXd& logits,
                  const RunControl& control) {
  const int n = static_cast<int>(v.size());
  const double mx = v.maxCoeff();
  const Eigen::VectorXd w = v.array() - mx;
  const int row = kk + 1;
  const int b = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n)))));
  const int nCkpt = n / b + 1;
  const double cells = (static_cast<double>(nCkpt) + b) * row;
  if (cells > kGradTableLimit) {
    throw ParamError("k", "k = " + std::to_string(kk) +
                              " is too large for the GradTopK table at n = " + std::to_string(n) +
                              ": it needs " + std::to_string(cells) + " doubles, limit " +
                              std::to_string(kGradTableLimit));
  }
  std::vector<double> ckpt(static_cast<std::size_t>(nCkpt) * row, kNegInf);
  std::vector<double> cur(static_cast<std::size_t>(row), kNegInf);
  cur[0] = 0.0;
  std::copy(cur.begin(), cur.end(), ckpt.begin());
  for (int j = 1; j <= n; ++j) {
    control.checkCancelled();  // one relaxed load per O(k) row: cheap, and responsive at large k
    addItem(cur.data(), w[j - 1], std::min(j, kk));
    if (j % b == 0) {
      std::copy(cur.begin(), cur.end(), ckpt.begin() + static_cast<std::ptrdiff_t>(j / b) * row);
    }
  }
  const double logEk = cur[static_cast<std::size_t>(kk)];

  logits.resize(n);
  std::vector<double> buf(static_cast<std::size_t>(b) * row);
  std::vector<double> suffix(static_cast<std::size_t>(row), kNegInf);  // B[i+1]
  suffix[0] = 0.0;
  for (int c = (n - 1) / b; c >= 0; --c) {
    control.checkCancelled();
    const int s = c * b;  // buf holds E[s .. e−1]
    const int e = std::min(n, s + b);
    std::copy_n(ckpt.begin() + static_cast<std::ptrdiff_t>(c) * row, row, buf.begin());
    for (int j = s + 1; j < e; ++j) {
      control.checkCancelled();
      double* dst = buf.data() + static_cast<std::ptrdiff_t>(j - s) * row;
      std::copy_n(dst - row, row, dst);
      addItem(dst, w[j - 1], std::min(j, kk));
    }
    for (int i = e; i > s; --i) {  // 1-based item i
      control.checkCancelled();
      const double* ePrev = buf.data() + static_cast<std::ptrdiff_t>(i - 1 - s) * row;  // E[i−1]
      const int left = i - 1;   // items before i
      const int right = n - i;  // items after i
      // a_i = log e_{K−1}(w_{−i}), c_i = log e_K(w_{−i}); t counts items taken from the left.
      const double a = logConvolve(ePrev, suffix.data(), kk - 1, std::max(0, kk - 1 - right),
                                   std::min(kk - 1, left));
      const double cc =
          logConvolve(ePrev, suffix.data(), kk, std::max(0, kk - right), std::min(kk, left));
      logits[i - 1] = w[i - 1] + a - cc;
      addItem(suffix.data(), w[i - 1], std::min(kk, n - i + 1));
    }
  }
  return logEk + kk * mx;
}

}  // namespace

GradTopkValue gradTopkDp(const Eigen::Ref<const Eigen::VectorXd>& u, int k,
                         const RunControl& control) {
  const int n = static_cast<int>(u.size());
  GradTopkValue out;
  if (k <= 0) {
    out.p = Eigen::VectorXd::Zero(n);
    out.logZ = 0.0;
    return out;
  }
  if (k >= n) {
    out.p = Eigen::VectorXd::Ones(n);
    out.logZ = u.sum();
    return out;
  }
  // ST_k(u) = 1 − ST_{n−k}(−u) and e_k(e^u) = e^{Σu}·e_{n−k}(e^{−u}); 1 − σ(ℓ) = σ(−ℓ) keeps
  // full precision, so the complement costs nothing in accuracy.
  const bool complement = k > n - k;
  Eigen::VectorXd logits;
  if (complement) {
    const Eigen::VectorXd neg = -u;
    out.logZ = u.sum() + gradLogits(neg, n - k, logits, control);
  } else {
    out.logZ = gradLogits(u, k, logits, control);
  }
  out.p.resize(n);
  for (int i = 0; i < n; ++i) out.p[i] = sigmoid(complement ? -logits[i] : logits[i]);
  return out;
}

void runGradTopk(const Problem& pr, SoftTopkResult& r, const RunControl& control) {
  const GradTopkValue v = gradTopkDp(pr.z, pr.k, control);
  r.p = v.p;
  r.smoothSum = pr.tau * v.logZ;
  if (!pr.params.wantJacobian) return;
  // J = Cov_S(1_S)/τ; the pair inclusion π_ij = p_j·q⁽ʲ⁾_i with q⁽ʲ⁾ = GradTopK_{k−1} of u
  // without entry j. O(n²k); avoids the cancelling closed form (w_j p_i − w_i p_j)/(w_j − w_i).
  const int n = pr.n;
  Eigen::MatrixXd jac(n, n);
  Eigen::VectorXd rest(n - 1);
  for (int j = 0; j < n; ++j) {
    control.checkCancelled();
    for (int i = 0, m = 0; i < n; ++i)
      if (i != j) rest[m++] = pr.z[i];
    const Eigen::VectorXd q = gradTopkDp(rest, pr.k - 1, control).p;
    const double pj = v.p[j];
    for (int i = 0, m = 0; i < n; ++i) {
      if (i == j) {
        jac(i, j) = pj * (1.0 - pj) / pr.tau;
      } else {
        jac(i, j) = pj * (q[m++] - v.p[i]) / pr.tau;
      }
    }
    control.progress(static_cast<double>(j + 1) / n);
  }
  r.jacobian = std::move(jac);
  r.jacobianKind = JacobianKind::Analytic;
}

}  // namespace detail

Eigen::VectorXd gradTopkNaive(const Eigen::Ref<const Eigen::VectorXd>& x, int k, double tau) {
  const int n = static_cast<int>(x.size());
  if (k <= 0 || n == 0) return Eigen::VectorXd::Zero(n);
  // The article's listing, on purpose without any safeguard beyond its own clamp: log Z_{1,i} =
  // u_i, log Z_{k,i} = u_i + log(max(e^{log Z_{k−1}} − e^{log Z_{k−1,i}}, 1e-12)), log Z_k =
  // LSE_i(log Z_{k,i}) − log k, output e^{log Z_{k,i} − log Z_k}.
  const Eigen::VectorXd u = x / tau;
  Eigen::VectorXd lzs = u;
  double lz = logSumExp(lzs);
  for (int i = 2; i <= k; ++i) {
    Eigen::VectorXd next(n);
    for (int j = 0; j < n; ++j) {
      const double diff = std::exp(lz) - std::exp(lzs[j]);
      next[j] = u[j] + std::log(std::max(diff, 1e-12));
    }
    lzs = next;
    lz = logSumExp(lzs) - std::log(static_cast<double>(i));
  }
  return (lzs.array() - lz).exp().matrix();
}

Eigen::VectorXd gradTopkBruteForce(const Eigen::Ref<const Eigen::VectorXd>& x, int k, double tau) {
  const int n = static_cast<int>(x.size());
  if (n > 20)
    throw ParamError(
        "x", "brute-force GradTopK enumerates C(n, k) subsets; n ≤ 20, got " + std::to_string(n));
  if (k < 0 || k > n)
    throw ParamError(
        "k", "k must be between 0 and n = " + std::to_string(n) + ", got " + std::to_string(k));
  Eigen::VectorXd p = Eigen::VectorXd::Zero(n);
  if (k == 0) return p;
  std::vector<long double> u(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) u[static_cast<std::size_t>(i)] = static_cast<long double>(x[i]) / tau;
  // The largest subset sum (the top-k sum) is the shift that keeps every exponent ≤ 0.
  std::vector<long double> sorted = u;
  std::sort(sorted.begin(), sorted.end(), std::greater<>());
  const long double shift = std::accumulate(sorted.begin(), sorted.begin() + k, 0.0L);
  std::vector<int> comb(static_cast<std::size_t>(k));
  std::iota(comb.begin(), comb.end(), 0);
  std::vector<long double> num(static_cast<std::size_t>(n), 0.0L);
  long double z = 0.0L;
  while (true) {
    long double s = 0.0L;
    for (int i : comb) s += u[static_cast<std::size_t>(i)];
    const long double e = std::exp(s - shift);
    z += e;
    for (int i : comb) num[static_cast<std::size_t>(i)] += e;
    int t = k - 1;  // next combination in lexicographic order
    while (t >= 0 && comb[static_cast<std::size_t>(t)] == n - k + t) --t;
    if (t < 0) break;
    ++comb[static_cast<std::size_t>(t)];
    for (int q = t + 1; q < k; ++q)
      comb[static_cast<std::size_t>(q)] = comb[static_cast<std::size_t>(q - 1)] + 1;
  }
  for (int i = 0; i < n; ++i) p[i] = static_cast<double>(num[static_cast<std::size_t>(i)] / z);
  return p;
}

}  // namespace latentlab::topk
