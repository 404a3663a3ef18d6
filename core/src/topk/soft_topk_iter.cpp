// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The two iterative constructions of kexue.fm/archives/10373, §迭代构造 (iter_su, iter_se), kept as
// counter-examples, with exact forward-mode Jacobians (all n directions at once, O(n²k)).
#include <cmath>
#include <string>

#include "soft_topk_internal.h"

namespace latentlab::topk::detail {

void runIterSu(const Problem& pr, SoftTopkResult& r, const RunControl& control) {
  // kexue.fm/archives/6620: z ← z − min z; p⁽ᵗ⁾ = p⁽ᵗ⁻¹⁾ + softmax((1 − p⁽ᵗ⁻¹⁾) ⊙ z), t = 1..k.
  const int n = pr.n;
  Eigen::Index argMin = 0;
  const double zMin = pr.z.minCoeff(&argMin);  // first minimum: ties to the lower index
  const Eigen::ArrayXd z = pr.z.array() - zMin;
  Eigen::ArrayXd p = Eigen::ArrayXd::Zero(n);
  const bool jac = pr.params.wantJacobian;
  Eigen::MatrixXd dP, dZ;
  if (jac) {
    // ∂(z_i − z_min)/∂x_j = (δ_ij − δ_{j,argmin})/τ.
    dP = Eigen::MatrixXd::Zero(n, n);
    dZ = Eigen::MatrixXd::Identity(n, n);
    dZ.col(argMin).array() -= 1.0;
    dZ /= pr.tau;
  }
  for (int t = 0; t < pr.k; ++t) {
    control.checkCancelled();
    const Eigen::ArrayXd y = (1.0 - p) * z;
    Eigen::ArrayXd s = (y - y.maxCoeff()).exp();
    s /= s.sum();
    if (jac) {
      // dy = −dp ⊙ z + (1−p) ⊙ dz; ds = s ⊙ (dy − ⟨s, dy⟩).
      Eigen::MatrixXd dY = (1.0 - p).matrix().asDiagonal() * dZ;
      dY.noalias() -= z.matrix().asDiagonal() * dP;
      const Eigen::RowVectorXd sdY = s.matrix().transpose() * dY;
      dY.rowwise() -= sdY;
      dP.noalias() += s.matrix().asDiagonal() * dY;
    }
    p += s;
  }
  r.p = p.matrix();
  r.iterations = pr.k;
  if (jac) {
    r.jacobian = std::move(dP);
    r.jacobianKind = JacobianKind::Analytic;
  }
}

void runIterSe(const Problem& pr, SoftTopkResult& r, const RunControl& control) {
  // p⁽ᵗ⁾ = p⁽ᵗ⁻¹⁾ + softmax(z; 1 − p⁽ᵗ⁻¹⁾) with the weighted softmax w_i e^{z_i}/Σ w_j
  // e^{z_j}. The weights ρ = 1 − p are carried separately: once an entry dominates, 1 − p_i is far
  // below eps (e^{−gap/τ}), and computing it as 1 − p would turn it into 0 and hide the method's
  // failure to converge to T_k (the τ → 0 limit [1.5, 0.5, 0, …] of kexue.fm/archives/10373,
  // §迭代构造).
  const int n = pr.n;
  const Eigen::ArrayXd e = (pr.z.array() - pr.z.maxCoeff()).exp();
  Eigen::ArrayXd p = Eigen::ArrayXd::Zero(n);
  Eigen::ArrayXd rho = Eigen::ArrayXd::Ones(n);
  Eigen::ArrayXd others(n);  // Σ_{j≠i} w_j from prefix and suffix sums, without S − w_i
  const bool jac = pr.params.wantJacobian;
  Eigen::MatrixXd dP;
  if (jac) dP = Eigen::MatrixXd::Zero(n, n);
  int t = 0;
  bool stopped = false;
  for (; t < pr.k; ++t) {
    control.checkCancelled();
    const Eigen::ArrayXd w = rho * e;
    double s = 0.0;
    for (int i = 0; i < n; ++i) {
      others[i] = s;
      s += w[i];
    }
    double tail = 0.0;
    for (int i = n - 1; i >= 0; --i) {
      others[i] += tail;
      tail += w[i];
    }
    if (!(s > 0.0)) {
      // Weights 1 − p turn negative once some p > 1 (k ≥ 3), and then S can be ≤ 0: the
      // iteration has lost its meaning, so the result is flagged. A negative S is still divided by
      // so p keeps the formal values of the reference table (k = 3 → 2.5 on the maximum); S = 0 (or
      // a non-finite S) is never divided by: the iteration stops there.
      if (r.valid) {
        r.valid = false;
        r.note =
            "invalid (S ≤ 0) in round " + std::to_string(t + 1) + " of " + std::to_string(pr.k);
      }
      if (s == 0.0 || !std::isfinite(s)) {
        r.note += "; stopped there, p holds the first " + std::to_string(t) + " rounds";
        stopped = true;
        break;
      }
    }
    const Eigen::ArrayXd q = w / s;
    if (jac) {
      // The e^{−max z} factor cancels in q, so dz = e_j/τ. dw = −dp ⊙ e + w ⊙ dz;
      // dq = (dw − q·Σdw)/S.
      Eigen::MatrixXd dW = (w / pr.tau).matrix().asDiagonal();
      dW.noalias() -= e.matrix().asDiagonal() * dP;
      const Eigen::RowVectorXd colSum = dW.colwise().sum();
      dW.noalias() -= q.matrix() * colSum;
      dP += dW / s;
    }
    for (int i = 0; i < n; ++i) {
      // ρ_i − q_i = ρ_i (S − e_i)/S with S − e_i = Σ_{j≠i} w_j − p_i e_i: no cancellation when
      // entry i dominates S (q_i ≈ ρ_i).
      if (std::abs(q[i]) > 0.5 * std::abs(rho[i]))
        rho[i] *= (others[i] - p[i] * e[i]) / s;
      else
        rho[i] -= q[i];
    }
    p += q;
  }
  r.p = p.matrix();
  r.iterations = t;
  if (jac && !stopped) {
    r.jacobian = std::move(dP);
    r.jacobianKind = JacobianKind::Analytic;
  }
}

}  // namespace latentlab::topk::detail
