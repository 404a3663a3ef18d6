// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Drift presets and closed forms (moments, EM discrete law, E[cos kx] for the (WF) check).
#include <cmath>

#include "latentlab/flows/fokker_planck.h"

namespace latentlab::flows {

double Drift::scale(double t) const {
  if (preset == DriftPreset::VpSchedule) return 0.5 * (betaMin + (betaMax - betaMin) * t);
  return 1.0;
}

double Drift::noise(double t) const {
  if (preset == DriftPreset::VpSchedule) return std::sqrt(betaMin + (betaMax - betaMin) * t);
  if (preset == DriftPreset::None) return 0.0;
  return g;
}

void Drift::base(const double* x, double* out) const {
  switch (preset) {
    case DriftPreset::OU:
      for (int k = 0; k < dim; ++k) out[k] = -theta * x[k];
      return;
    case DriftPreset::RotatingOU:
      if (dim == 1) {
        out[0] = -theta * x[0];
      } else {
        out[0] = -theta * x[0] - omega * x[1];
        out[1] = omega * x[0] - theta * x[1];
      }
      return;
    case DriftPreset::DoubleWell:
      // −∇U, U = (x² − 1)² + y²
      out[0] = -4.0 * x[0] * (x[0] * x[0] - 1.0);
      if (dim == 2) out[1] = -2.0 * x[1];
      return;
    case DriftPreset::VpSchedule:
      for (int k = 0; k < dim; ++k) out[k] = -x[k];
      return;
    case DriftPreset::PureDiffusion:
    case DriftPreset::None:
      for (int k = 0; k < dim; ++k) out[k] = 0.0;
      return;
  }
}

void Drift::eval(const double* x, double t, double* out) const {
  base(x, out);
  const double s = scale(t);
  if (s != 1.0)
    for (int k = 0; k < dim; ++k) out[k] *= s;
}

std::optional<Gaussian> evolveGaussian(const Drift& d, const Gaussian& s0, double t) {
  Gaussian out = s0;
  switch (d.preset) {
    case DriftPreset::OU:
    case DriftPreset::RotatingOU: {
      const double e = std::exp(-d.theta * t);
      const double e2 = e * e;
      out.var = s0.var * e2 + d.g * d.g / (2.0 * d.theta) * (1.0 - e2);
      if (d.preset == DriftPreset::RotatingOU && d.dim == 2) {
        // e^{At} = e^{−θt} R(ωt): rotation counter-clockwise.
        const double c = std::cos(d.omega * t), s = std::sin(d.omega * t);
        out.mean = e * Eigen::Vector2d(c * s0.mean[0] - s * s0.mean[1],
                                       s * s0.mean[0] + c * s0.mean[1]);
      } else {
        out.mean = e * s0.mean;
      }
      if (d.dim == 1) out.mean[1] = 0.0;
      return out;
    }
    case DriftPreset::VpSchedule: {
      const double b = d.betaMin * t + 0.5 * (d.betaMax - d.betaMin) * t * t;  // B(t) = ∫β
      out.mean = std::exp(-0.5 * b) * s0.mean;
      out.var = 1.0 - (1.0 - s0.var) * std::exp(-b);
      return out;
    }
    case DriftPreset::PureDiffusion:
      out.var = s0.var + d.g * d.g * t;
      return out;
    case DriftPreset::None:
      return out;
    case DriftPreset::DoubleWell:
      return std::nullopt;
  }
  return std::nullopt;
}

std::pair<double, double> emOuMoments(double m0, double v0, double theta, double g, double dt,
                                      int steps) {
  const double a = 1.0 - theta * dt;
  const double an = std::pow(a, steps);
  const double a2n = an * an;
  return {m0 * an, v0 * a2n + g * g * dt * (1.0 - a2n) / (1.0 - a * a)};
}

double pfOdeOuExact(double x0, double m0, double v0, double theta, double g, double t) {
  Drift d;
  d.theta = theta;
  d.g = g;
  const Gaussian gt = *evolveGaussian(d, Gaussian{Eigen::Vector2d(m0, 0.0), v0}, t);
  return gt.mean[0] + std::sqrt(gt.var / v0) * (x0 - m0);
}

double pfOdeOuRk4(double x0, double m0, double v0, double theta, double g, double t, int steps) {
  Drift d;
  d.theta = theta;
  d.g = g;
  const Gaussian start{Eigen::Vector2d(m0, 0.0), v0};
  // dx/dt = f − ½g²∇log p_t with ∇log p_t = −(x − m(t))/v(t) (kexue.fm/archives/9228).
  auto vel = [&](double x, double s) {
    const Gaussian gs = *evolveGaussian(d, start, s);
    return -theta * x + 0.5 * g * g * (x - gs.mean[0]) / gs.var;
  };
  const double dt = t / steps;
  double x = x0;
  for (int i = 0; i < steps; ++i) {
    const double s = i * dt;
    const double k1 = vel(x, s);
    const double k2 = vel(x + 0.5 * dt * k1, s + 0.5 * dt);
    const double k3 = vel(x + 0.5 * dt * k2, s + 0.5 * dt);
    const double k4 = vel(x + dt * k3, s + dt);
    x += dt / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
  }
  return x;
}

DoubleWellStationary::DoubleWellStationary(double gIn) : g(gIn) {
  // Composite Simpson on [−6, 6]; exp(−2U/g²) is below 1e−300 there for g ≤ 3.
  const int n = 24000;
  const double a = -6.0, h = 12.0 / n;
  double s = 0.0;
  for (int i = 0; i <= n; ++i) {
    const double x = a + i * h;
    const double u = (x * x - 1.0) * (x * x - 1.0);
    const double w = (i == 0 || i == n) ? 1.0 : (i % 2 ? 4.0 : 2.0);
    s += w * std::exp(-2.0 * u / (g * g));
  }
  z = s * h / 3.0;
}

double DoubleWellStationary::density(double x) const {
  const double u = (x * x - 1.0) * (x * x - 1.0);
  return std::exp(-2.0 * u / (g * g)) / z;
}

double DoubleWellStationary::secondMoment() const {
  const int n = 24000;
  const double a = -6.0, h = 12.0 / n;
  double s = 0.0;
  for (int i = 0; i <= n; ++i) {
    const double x = a + i * h;
    const double w = (i == 0 || i == n) ? 1.0 : (i % 2 ? 4.0 : 2.0);
    s += w * x * x * density(x);
  }
  return s * h / 3.0;
}

std::pair<double, double> wfCosOu(double k, double m, double v, double theta, double g) {
  const double damp = std::exp(-0.5 * k * k * v);
  const double eCos = std::cos(k * m) * damp;
  const double eXSin = (m * std::sin(k * m) + v * k * std::cos(k * m)) * damp;
  return {eCos, theta * k * eXSin - 0.5 * g * g * k * k * eCos};
}

}  // namespace latentlab::flows
