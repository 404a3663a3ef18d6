// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace latentlab {

inline constexpr double kNegInf = -std::numeric_limits<double>::infinity();

/// log(eᵃ + eᵇ) = max + log1p(e^{−|a−b|}).
/// −∞ is the log of 0 and is handled: logAddExp(−∞, b) = b, logAddExp(−∞, −∞) = −∞.
inline double logAddExp(double a, double b) {
  if (a == kNegInf) return b;
  if (b == kNegInf) return a;
  const double m = std::max(a, b);
  return m + std::log1p(std::exp(-std::abs(a - b)));
}

/// log Σᵢ e^{vᵢ} with max shift; −∞ for an empty range or one of all −∞. +∞ if any
/// entry is +∞.
inline double logSumExp(const double* v, std::size_t n) {
  double m = kNegInf;
  for (std::size_t i = 0; i < n; ++i) m = std::max(m, v[i]);
  if (m == kNegInf || std::isinf(m)) return m;
  double s = 0.0;
  for (std::size_t i = 0; i < n; ++i) s += std::exp(v[i] - m);
  return m + std::log(s);
}

/// log Σ e^{vᵢ} over any container with data()/size() (std::vector, Eigen vectors).
template <class Range>
double logSumExp(const Range& r) {
  return logSumExp(r.data(), static_cast<std::size_t>(r.size()));
}

/// σ(u) = 1/(1+e^{−u}), evaluated as e^u/(1+e^u) for u < 0 so it never overflows.
inline double sigmoid(double u) {
  if (u >= 0.0) return 1.0 / (1.0 + std::exp(-u));
  const double e = std::exp(u);
  return e / (1.0 + e);
}

/// log σ(u) = −log(1 + e^{−u}), stable for both signs: u − log1p(eᵘ) for u < 0.
inline double logSigmoid(double u) {
  if (u >= 0.0) return -std::log1p(std::exp(-u));
  return u - std::log1p(std::exp(u));
}

/// σ⁻¹(q) = log(q/(1−q)) for q in (0, 1).
inline double logit(double q) { return std::log(q) - std::log1p(-q); }

}  // namespace latentlab
