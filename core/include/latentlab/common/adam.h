// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <cmath>

namespace latentlab {

/// Adam's hyper-parameters and the bias corrections of step t (Kingma & Ba 2015, Algorithm 1):
/// c1 = 1 − β1^t, c2 = 1 − β2^t.
struct AdamStep {
  double lr, beta1, beta2, eps, c1, c2;
  static AdamStep at(int t, double lr, double beta1 = 0.9, double beta2 = 0.999,
                     double eps = 1e-8) {
    return {lr, beta1, beta2, eps, 1.0 - std::pow(beta1, t), 1.0 - std::pow(beta2, t)};
  }
};

/// One Adam update of an Eigen block p with gradient g and moments m, v:
/// m ← β1 m + (1 − β1) g,  v ← β2 v + (1 − β2) g²,  p ← p − lr · (m / c1) / (√(v / c2) + ε).
template <class P, class G, class M, class V>
void adamUpdate(P& p, const G& g, M& m, V& v, const AdamStep& s) {
  m = s.beta1 * m + (1.0 - s.beta1) * g;
  v = s.beta2 * v + (1.0 - s.beta2) * g.cwiseAbs2();
  p.array() -= s.lr * (m.array() / s.c1) / ((v.array() / s.c2).sqrt() + s.eps);
}

}  // namespace latentlab
