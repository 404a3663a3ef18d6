// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "latentlab/topk/soft_topk.h"

namespace latentlab::topk::testing {

inline const std::vector<double> kX{3, 2, 1, 4};                // the article's example (§问题描述)
inline const std::vector<double> kY{0.5, -1.2, 2.0, 0.0, 1.1};  // second test vector, n = 5

inline SoftTopkParams makeParams(Method m, std::vector<double> x, int k, double tau) {
  SoftTopkParams p;
  p.method = m;
  p.x = std::move(x);
  p.k = k;
  p.tau = tau;
  p.sinkhornMaxIter = 100000;  // generous: the tests check values, not the cap
  return p;
}

inline SoftTopkResult run(Method m, std::vector<double> x, int k, double tau) {
  return computeSoftTopk(makeParams(m, std::move(x), k, tau));
}

inline Eigen::VectorXd vec(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

/// Tolerance for a value printed with ~12 significant digits: 1e-10 absolute, or the rounding of
/// the last printed digit for large values.
inline double printedTol(double v, double tol = 1e-10) {
  return std::max(tol, 1e-11 * std::abs(v));
}

inline ::testing::AssertionResult vecNear(const Eigen::VectorXd& got,
                                          const std::vector<double>& want, double tol) {
  if (got.size() != static_cast<Eigen::Index>(want.size()))
    return ::testing::AssertionFailure() << "size " << got.size() << " != " << want.size();
  for (Eigen::Index i = 0; i < got.size(); ++i) {
    const double w = want[static_cast<std::size_t>(i)];
    if (!(std::abs(got[i] - w) <= tol))
      return ::testing::AssertionFailure()
             << "entry " << i << ": got " << got[i] << ", want " << w << " (|diff| "
             << std::abs(got[i] - w) << " > " << tol << ")";
  }
  return ::testing::AssertionSuccess();
}

inline double maxAbs(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  return (a - b).cwiseAbs().maxCoeff();
}

}  // namespace latentlab::topk::testing
