// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Finite-volume Fokker–Planck solver and the grid metrics (TV, noise floor, …).
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "latentlab/common/errors.h"
#include "latentlab/flows/fokker_planck.h"

namespace latentlab::flows {
namespace {

double mcLimiter(double a, double b) {
  if (a * b <= 0.0) return 0.0;
  const double m = std::min({2.0 * std::abs(a), 2.0 * std::abs(b), 0.5 * std::abs(a + b)});
  return a > 0 ? m : -m;
}

// B(z) = z/(e^z − 1), with its Taylor start near 0 (expm1 keeps it accurate).
double bernoulli(double z) {
  if (std::abs(z) < 1e-8) return 1.0 - 0.5 * z;
  return z / std::expm1(z);
}

// Fluxes at the n − 1 interior faces of one line of cells (stride apart); s scales F.
void lineFluxes(const double* p, std::ptrdiff_t stride, int n, const double* f, double s,
                double dc, double h, FluxScheme scheme, double* flux) {
  auto at = [&](int i) { return p[i * stride]; };
  if (scheme == FluxScheme::ScharfetterGummel && dc > 0.0) {
    for (int i = 0; i + 1 < n; ++i) {
      const double pe = s * f[i] * h / dc;
      flux[i] = dc / h * (bernoulli(-pe) * at(i) - bernoulli(pe) * at(i + 1));
    }
    return;
  }
  const bool muscl = scheme != FluxScheme::Upwind;
  auto slope = [&](int i) {
    if (!muscl || i == 0 || i == n - 1) return 0.0;
    return mcLimiter(at(i) - at(i - 1), at(i + 1) - at(i));
  };
  double sl = slope(0);
  for (int i = 0; i + 1 < n; ++i) {
    const double sr = slope(i + 1);
    const double pl = at(i) + 0.5 * sl, pr = at(i + 1) - 0.5 * sr;
    const double v = s * f[i];
    flux[i] = std::max(v, 0.0) * pl + std::min(v, 0.0) * pr - dc * (at(i + 1) - at(i)) / h;
    sl = sr;
  }
}

double normalCdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

}  // namespace

FpGrid::FpGrid(int dim, int n, double lo, double hi, const Drift& drift)
    : m_dim(dim), m_n(n), m_lo(lo), m_hi(hi), m_h((hi - lo) / n), m_drift(drift) {
  if (dim != 1 && dim != 2) throw ParamError("dim", "dimension must be 1 or 2");
  if (n < 4) throw ParamError("grid_n", "grid needs at least 4 cells per axis");
  if (!(hi > lo)) throw ParamError("box", "box must have positive width");
  m_drift.dim = dim;
  const std::size_t cells = dim == 1 ? n : static_cast<std::size_t>(n) * n;
  m_p.assign(cells, 0.0);
  const int rows = dim == 1 ? 1 : n;
  m_fx.resize(static_cast<std::size_t>(rows) * (n - 1));
  double x[2], f[2];
  for (int j = 0; j < rows; ++j)
    for (int i = 0; i + 1 < n; ++i) {
      x[0] = lo + (i + 1) * m_h;
      x[1] = center(j);
      m_drift.base(x, f);
      m_fx[j * (n - 1) + i] = f[0];
    }
  if (dim == 2) {
    m_fy.resize(static_cast<std::size_t>(n) * (n - 1));
    for (int i = 0; i < n; ++i)
      for (int j = 0; j + 1 < n; ++j) {
        x[0] = center(i);
        x[1] = lo + (j + 1) * m_h;
        m_drift.base(x, f);
        m_fy[i * (n - 1) + j] = f[1];
      }
  }
}

void FpGrid::setMixture(const std::vector<Gaussian>& parts, const std::vector<double>& weights) {
  std::fill(m_p.begin(), m_p.end(), 0.0);
  std::vector<double> ax(m_n), ay(m_n);
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const double sd = std::sqrt(parts[k].var);
    auto cellMass = [&](int i, double mu) {
      return normalCdf((m_lo + (i + 1) * m_h - mu) / sd) - normalCdf((m_lo + i * m_h - mu) / sd);
    };
    for (int i = 0; i < m_n; ++i) ax[i] = cellMass(i, parts[k].mean[0]);
    for (int i = 0; i < m_n; ++i) ay[i] = m_dim == 2 ? cellMass(i, parts[k].mean[1]) : 1.0;
    const double vol = cellVolume();
    for (int j = 0; j < (m_dim == 2 ? m_n : 1); ++j)
      for (int i = 0; i < m_n; ++i) m_p[j * m_n + i] += weights[k] * ax[i] * ay[j] / vol;
  }
}

double FpGrid::mass() const {
  double s = 0.0;
  for (double v : m_p) s += v;
  return s * cellVolume();
}

double FpGrid::edgeMass() const {
  double s = 0.0;
  for (int j = 0; j < (m_dim == 2 ? m_n : 1); ++j)
    for (int i = 0; i < m_n; ++i) {
      const bool edge = i < 2 || i >= m_n - 2 || (m_dim == 2 && (j < 2 || j >= m_n - 2));
      if (edge) s += m_p[j * m_n + i];
    }
  return s * cellVolume();
}

double FpGrid::stableDt(double t0, double t1) const {
  double fmax = 0.0;
  for (double v : m_fx) fmax = std::max(fmax, std::abs(v));
  for (double v : m_fy) fmax = std::max(fmax, std::abs(v));
  // s(t) and g_t are monotone in t for every preset, so the ends bound them.
  const double s = std::max(std::abs(m_drift.scale(t0)), std::abs(m_drift.scale(t1)));
  const double g = std::max(m_drift.noise(t0), m_drift.noise(t1));
  const double perAxis = 2.0 * s * fmax / m_h + g * g / (m_h * m_h);
  const double rate = m_dim * perAxis;
  return rate > 0.0 ? 1.0 / rate : std::numeric_limits<double>::infinity();
}

void FpGrid::rhs(FluxScheme scheme, double t, const std::vector<double>& p,
                 std::vector<double>& out) {
  const int n = m_n;
  const double s = m_drift.scale(t);
  const double g = m_drift.noise(t);
  const double dc = 0.5 * g * g;
  if (scheme == FluxScheme::ScharfetterGummel && dc == 0.0) scheme = FluxScheme::MusclMc;
  out.assign(p.size(), 0.0);
  m_flux.resize(n);
  const int rows = m_dim == 2 ? n : 1;
  for (int j = 0; j < rows; ++j) {
    lineFluxes(p.data() + j * n, 1, n, m_fx.data() + j * (n - 1), s, dc, m_h, scheme,
               m_flux.data());
    double* o = out.data() + j * n;
    // Zero flux on the outer faces: the sum telescopes, so mass is conserved to round-off.
    for (int i = 0; i + 1 < n; ++i) {
      o[i] -= m_flux[i] / m_h;
      o[i + 1] += m_flux[i] / m_h;
    }
  }
  if (m_dim == 2)
    for (int i = 0; i < n; ++i) {
      lineFluxes(p.data() + i, n, n, m_fy.data() + i * (n - 1), s, dc, m_h, scheme,
                 m_flux.data());
      for (int j = 0; j + 1 < n; ++j) {
        out[j * n + i] -= m_flux[j] / m_h;
        out[(j + 1) * n + i] += m_flux[j] / m_h;
      }
    }
}

void FpGrid::step(FluxScheme scheme, double t, double dt) {
  if (!(dt > 0.0) || !std::isfinite(dt)) throw ParamError("dt", "time step must be positive");
  rhs(scheme, t, m_p, m_k1);
  if (scheme != FluxScheme::MusclMc) {
    for (std::size_t i = 0; i < m_p.size(); ++i) m_p[i] += dt * m_k1[i];
    return;
  }
  // SSP-RK2: p¹ = p + Δt L(p), p ← ½p + ½(p¹ + Δt L(p¹)).
  m_tmp.resize(m_p.size());
  for (std::size_t i = 0; i < m_p.size(); ++i) m_tmp[i] = m_p[i] + dt * m_k1[i];
  rhs(scheme, t + dt, m_tmp, m_k2);
  for (std::size_t i = 0; i < m_p.size(); ++i)
    m_p[i] = 0.5 * m_p[i] + 0.5 * (m_tmp[i] + dt * m_k2[i]);
}

void FpGrid::updateScore(double floor) {
  const int n = m_n;
  const int rows = m_dim == 2 ? n : 1;
  m_sx.assign(m_p.size(), 0.0);
  m_sy.assign(m_dim == 2 ? m_p.size() : 0, 0.0);
  auto at = [&](int i, int j) { return m_p[j * n + i]; };
  for (int j = 0; j < rows; ++j)
    for (int i = 0; i < n; ++i) {
      const double pc = at(i, j);
      if (pc < floor) continue;  // no reliable score where there is (almost) no mass
      const int il = std::max(i - 1, 0), ir = std::min(i + 1, n - 1);
      m_sx[j * n + i] = (at(ir, j) - at(il, j)) / ((ir - il) * m_h * pc);
      if (m_dim == 2) {
        const int jl = std::max(j - 1, 0), jr = std::min(j + 1, n - 1);
        m_sy[j * n + i] = (at(i, jr) - at(i, jl)) / ((jr - jl) * m_h * pc);
      }
    }
}

void FpGrid::score(const double* x, double* out, double) const { scoreWith(m_sx, m_sy, x, out); }

void FpGrid::scoreWith(const std::vector<double>& sx, const std::vector<double>& sy,
                       const double* x, double* out) const {
  const int n = m_n;
  auto locate = [&](double v, int& i0, double& w) {
    const double u = std::clamp((v - m_lo) / m_h - 0.5, 0.0, n - 1.0);
    i0 = std::min(static_cast<int>(u), n - 2);
    w = u - i0;
  };
  int i0, j0 = 0;
  double wx, wy = 0.0;
  locate(x[0], i0, wx);
  if (m_dim == 1) {
    out[0] = (1 - wx) * sx[i0] + wx * sx[i0 + 1];
    return;
  }
  locate(x[1], j0, wy);
  auto bil = [&](const std::vector<double>& s) {
    return (1 - wy) * ((1 - wx) * s[j0 * n + i0] + wx * s[j0 * n + i0 + 1]) +
           wy * ((1 - wx) * s[(j0 + 1) * n + i0] + wx * s[(j0 + 1) * n + i0 + 1]);
  };
  out[0] = bil(sx);
  out[1] = bil(sy);
}

double totalVariation(const std::vector<double>& p, const std::vector<double>& q, double vol) {
  double s = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) s += std::abs(p[i] - q[i]);
  return 0.5 * s * vol;
}

double mcNoiseFloor(const std::vector<double>& p, double vol, double n) {
  double s = 0.0;
  for (double v : p) {
    const double pi = std::clamp(v * vol, 0.0, 1.0);
    s += std::sqrt(2.0 * pi * (1.0 - pi) / (std::numbers::pi * n));
  }
  return 0.5 * s;
}

std::vector<double> histogram(const FpGrid& grid, const std::vector<double>& x, int count) {
  const int n = grid.n(), d = grid.dim();
  std::vector<double> out(grid.density().size(), 0.0);
  const double w = 1.0 / (count * grid.cellVolume());
  for (int k = 0; k < count; ++k) {
    const double u = (x[k * d] - grid.lo()) / grid.h();
    if (!(u >= 0.0 && u < n)) continue;
    int j = 0;
    if (d == 2) {
      const double v = (x[k * d + 1] - grid.lo()) / grid.h();
      if (!(v >= 0.0 && v < n)) continue;
      j = static_cast<int>(v);
    }
    out[j * n + static_cast<int>(u)] += w;
  }
  return out;
}

}  // namespace latentlab::flows
