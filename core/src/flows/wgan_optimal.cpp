// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// 1-D reference critics for Su's critic loss (kexue.fm/archives/9668), by quadrature.
#include <cmath>
#include <numbers>

#include "latentlab/flows/wgan_flow.h"

namespace latentlab::flows {
namespace {

double normalPdf(double x, double m, double s) {
  const double z = (x - m) / s;
  return std::exp(-0.5 * z * z) / (s * std::sqrt(2.0 * std::numbers::pi));
}

double normalCdf(double x, double m, double s) {
  return 0.5 * std::erfc(-(x - m) / (s * std::numbers::sqrt2));
}

// Interpolant law at time t for independent Gaussian endpoints.
void interpolantMoments(double t, double m0, double s0, double m1, double s1, double& m,
                        double& s) {
  m = (1.0 - t) * m0 + t * m1;
  s = std::sqrt((1.0 - t) * (1.0 - t) * s0 * s0 + t * t * s1 * s1);
}

}  // namespace

OptimalCritic1d optimalCritic1d(double x, double m0, double s0, double m1, double s1,
                                int tNodes) {
  double rho = 0.0;
  for (int i = 0; i < tNodes; ++i) {
    const double t = (i + 0.5) / tNodes;
    double m, s;
    interpolantMoments(t, m0, s0, m1, s1, m, s);
    rho += normalPdf(x, m, s);
  }
  rho /= tNodes;
  return {rho, (normalCdf(x, m0, s0) - normalCdf(x, m1, s1)) / rho};
}

double optimalDistance1d(double m0, double s0, double m1, double s1, int xNodes, int tNodes) {
  const double lo = std::min(m0 - 10 * s0, m1 - 10 * s1);
  const double hi = std::max(m0 + 10 * s0, m1 + 10 * s1);
  const double h = (hi - lo) / (xNodes - 1);
  double sum = 0.0;
  for (int i = 0; i < xNodes; ++i) {
    const double x = lo + i * h;
    const OptimalCritic1d c = optimalCritic1d(x, m0, s0, m1, s1, tNodes);
    // (F0 − F1)² / ρ̄ = slope² · ρ̄; guard the far tails where ρ̄ underflows.
    const double v = c.rhoBar > 1e-300 ? c.slope * c.slope * c.rhoBar : 0.0;
    sum += (i == 0 || i == xNodes - 1) ? 0.5 * v : v;
  }
  return sum * h;
}

RffCritic fitRffCriticGaussian1d(const RffFeatures& features, double m0, double s0, double m1,
                                 double s1, double lambda, double delta, int tNodes) {
  const int m = features.size();
  const double scale = 2.0 / m;
  const Eigen::VectorXd w = features.omega.col(0);
  const Eigen::VectorXd& b = features.bias;
  // E cos(ωx + b) under N(μ, σ²) = cos(ωμ + b) e^{−σ²ω²/2}.
  auto ecos = [](double om, double bb, double mu, double sd) {
    return std::cos(om * mu + bb) * std::exp(-0.5 * sd * sd * om * om);
  };
  Eigen::VectorXd dmu(m);
  for (int j = 0; j < m; ++j)
    dmu(j) = std::sqrt(scale) * (ecos(w(j), b(j), m1, s1) - ecos(w(j), b(j), m0, s0));
  Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(m, m);
  for (int i = 0; i < tNodes; ++i) {
    const double t = (i + 0.5) / tNodes;
    double mt, st;
    interpolantMoments(t, m0, s0, m1, s1, mt, st);
    for (int j = 0; j < m; ++j)
      for (int k = 0; k <= j; ++k) {
        // sin A sin B = ½[cos(A − B) − cos(A + B)].
        const double e = 0.5 * (ecos(w(j) - w(k), b(j) - b(k), mt, st) -
                                ecos(w(j) + w(k), b(j) + b(k), mt, st));
        gram(j, k) += scale * w(j) * w(k) * e / tNodes;
      }
  }
  gram = Eigen::MatrixXd(gram.selfadjointView<Eigen::Lower>());
  gram.diagonal().array() += delta;
  return RffCritic{features, gram.ldlt().solve(dmu) / lambda};
}

}  // namespace latentlab::flows
