// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Optimal-transport soft top-k of Xie et al. 2020 (arXiv:2002.06504), log-domain Sinkhorn with the
// official conventions: anchors (0, 1), s = −z so the k largest are selected, cost divided by max
// C.
#include <algorithm>
#include <cmath>
#include <string>

#include "latentlab/common/logmath.h"
#include "soft_topk_internal.h"

namespace latentlab::topk::detail {

void runOtSinkhorn(const Problem& pr, SoftTopkResult& r, const RunControl& control) {
  const int n = pr.n;
  const double eps = pr.params.epsilon;
  const Eigen::ArrayXd s = -pr.z.array();
  Eigen::ArrayXd c0 = s.square();          // cost to anchor 0: the selected column
  Eigen::ArrayXd c1 = (s - 1.0).square();  // cost to anchor 1
  if (pr.params.otNormaliseCost) {
    // C0 and C1 cannot both vanish, so the maximum is > 0.
    const double cMax = std::max(c0.maxCoeff(), c1.maxCoeff());
    c0 /= cMax;
    c1 /= cMax;
  }
  const double logMu = -std::log(static_cast<double>(n));
  const double logNu0 = std::log(static_cast<double>(pr.k) / n);
  const double logNu1 = std::log(static_cast<double>(n - pr.k) / n);
  const double mu = 1.0 / n;
  Eigen::ArrayXd f = Eigen::ArrayXd::Zero(n);
  Eigen::ArrayXd t0(n), t1(n);
  double g0 = 0.0, g1 = 0.0, rowError = 0.0;
  int it = 0;
  bool converged = false;
  while (it < pr.params.sinkhornMaxIter) {
    control.checkCancelled();
    ++it;
    for (int i = 0; i < n; ++i)
      f[i] = eps * logMu - eps * logAddExp((g0 - c0[i]) / eps, (g1 - c1[i]) / eps);
    t0 = (f - c0) / eps;
    t1 = (f - c1) / eps;
    g0 = eps * logNu0 - eps * logSumExp(t0);
    g1 = eps * logNu1 - eps * logSumExp(t1);
    // Columns are exact right after the g-update; only the rows measure convergence.
    rowError = 0.0;
    for (int i = 0; i < n; ++i)
      rowError += std::abs(std::exp(t0[i] + g0 / eps) + std::exp(t1[i] + g1 / eps) - mu);
    if (rowError <= 1e-12) {
      converged = true;
      break;
    }
  }
  r.p = (static_cast<double>(n) * (t0 + g0 / eps).exp()).matrix();
  r.iterations = it;
  if (!converged)
    r.note = "not converged after " + std::to_string(it) + " iterations (row marginal error " +
             std::to_string(rowError) + ")";
  if (pr.params.wantJacobian) {
    // No closed form is implemented: central differences through the whole Sinkhorn solve,
    // including the dependence of max C on x. The step follows the temperature.
    r.jacobian = fdJacobian(pr.params, 1e-5 * pr.tau, control);
    r.jacobianKind = JacobianKind::FiniteDifference;
  }
}

}  // namespace latentlab::topk::detail
