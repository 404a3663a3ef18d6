// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The (WF) residual of one Euler–Maruyama step with the step's noise averaged out in closed form
// (kexue.fm/archives/9461): what is left is EM's O(Δt) error, free of Monte-Carlo noise.
#include <cmath>

#include "latentlab/flows/fp_lab.h"

namespace latentlab::flows {

double gaussianExpectation(FpPhi phi, double k, double mean, double var) {
  switch (phi) {
    case FpPhi::X: return mean;
    case FpPhi::X2: return mean * mean + var;
    case FpPhi::CosKx: return std::cos(k * mean) * std::exp(-0.5 * k * k * var);
    case FpPhi::Bump: {
      // ∫ e^{−(y−k)²/2} N(y; mean, var) dy: a Gaussian convolution, width² 1 + var.
      const double u = mean - k, w = 1.0 + var;
      return std::exp(-0.5 * u * u / w) / std::sqrt(w);
    }
  }
  return 0.0;
}

double wfStepResidual(const Drift& drift, FpPhi phi, double k, const std::vector<double>& x,
                      int dim, double t, double dt) {
  const double g = drift.noise(t);
  const int count = static_cast<int>(x.size()) / dim;
  double sum = 0.0, f[2];
  for (int i = 0; i < count; ++i) {
    const double* xi = &x[static_cast<std::size_t>(i) * dim];
    drift.eval(xi, t, f);
    double v, dv, d2v;
    testFunction(phi, k, xi[0], v, dv, d2v);
    // EM: x₁ ← x₁ + f₁Δt + g√Δt ε, so x₁' ~ N(x₁ + f₁Δt, g²Δt) given x.
    const double after = gaussianExpectation(phi, k, xi[0] + f[0] * dt, g * g * dt);
    sum += (after - v) / dt - (f[0] * dv + 0.5 * g * g * d2v);
  }
  return count > 0 ? sum / count : 0.0;
}

}  // namespace latentlab::flows
