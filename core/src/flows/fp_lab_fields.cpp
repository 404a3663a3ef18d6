// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Fokker–Planck page's field table (form, JSON, CLI) and its cross-field validation.
#include <cmath>
#include <sstream>
#include <string>

#include "latentlab/flows/fp_lab.h"

namespace latentlab::flows {
namespace {

using P = FpLabParams;

template <class M>
FieldBinding<P> real(std::string key, std::string label, double lo, double hi, M P::*member,
                     std::string help, bool log = false, bool slider = true) {
  return bindField(FieldSpec{.key = std::move(key),
                             .label = std::move(label),
                             .kind = FieldKind::Real,
                             .min = lo,
                             .max = hi,
                             .logScale = log,
                             .slider = slider,
                             .help = std::move(help)},
                   member);
}

template <class M>
FieldBinding<P> integer(std::string key, std::string label, double lo, double hi, M P::*member,
                        std::string help, bool log = false, bool slider = true) {
  return bindField(FieldSpec{.key = std::move(key),
                             .label = std::move(label),
                             .kind = FieldKind::Integer,
                             .min = lo,
                             .max = hi,
                             .logScale = log,
                             .slider = slider,
                             .help = std::move(help)},
                   member);
}

template <class E>
FieldBinding<P> choice(std::string key, std::string label, std::vector<std::string> ids,
                       std::vector<std::string> labels, E P::*member, std::string help) {
  return bindField(FieldSpec{.key = std::move(key),
                             .label = std::move(label),
                             .kind = FieldKind::Choice,
                             .choices = std::move(ids),
                             .choiceLabels = std::move(labels),
                             .help = std::move(help)},
                   member);
}

std::vector<FieldBinding<P>> buildTable() {
  std::vector<FieldBinding<P>> t;
  t.push_back(choice("dim", "Dimension", {"1d", "2d"}, {"1-D", "2-D"}, &P::dim,
                     "1-D: curves; 2-D: density heat map with particles"));
  t.push_back(choice("drift", "Drift",
                     {"ou", "rotating_ou", "double_well", "vp", "pure_diffusion", "none"},
                     {"Ornstein–Uhlenbeck", "Rotating OU", "Double well", "VP schedule",
                      "Pure diffusion", "None (f = 0, g = 0)"},
                     &P::drift, "Drift preset f_t(x)"));
  t.push_back(real("theta", "θ", 0.05, 5.0, &P::theta, "OU rate: f = −θx (rotating: −θI + ωJ)"));
  t.push_back(real("omega", "ω", -10.0, 10.0, &P::omega, "Rotation rate of the 2-D rotating OU"));
  t.push_back(real("beta_min", "β_min", 0.01, 5.0, &P::betaMin, "VP: β(t) = β_min + (β_max − β_min)t"));
  t.push_back(real("beta_max", "β_max", 0.1, 30.0, &P::betaMax, "VP: β at t = 1"));
  t.push_back(real("g", "Noise g", 0.0, 3.0, &P::g, "Diffusion coefficient Dc = g²/2"));
  t.push_back(real("sigma", "σ (right family)", 0.0, 3.0, &P::sigma,
                   "σ-SDE noise, clipped to [0, g]; σ = 0 is the probability-flow ODE"));
  t.push_back(choice("score", "Score ∇log p", {"closed_form", "grid"},
                     {"Closed form (Gaussian cases)", "Grid estimate"}, &P::score,
                     "Score of the σ-family: −(x − m(t))/v(t) of the Gaussian marginal when the "
                     "drift is linear and p_0 is one Gaussian (OU, rotating OU, VP, pure "
                     "diffusion), else the grid's central differences"));
  t.push_back(choice("ode_integrator", "ODE integrator", {"euler", "heun", "rk4"},
                     {"Euler (1st order)", "Heun (2nd order)", "RK4 (4th order)"},
                     &P::odeIntegrator,
                     "Integrator of the σ-family when it has no noise (σ = 0: the probability-flow "
                     "ODE); σ > 0 uses Euler–Maruyama"));
  t.push_back(choice("initial", "Initial density", {"gaussian", "two_bump", "point_mass"},
                     {"Gaussian N(m0, v0)", "Two bumps ±m0", "Point mass at m0"}, &P::initial,
                     "p_0; a point mass is a Gaussian a quarter cell wide"));
  t.push_back(real("m0x", "m0 x", -4.0, 4.0, &P::m0x, "Initial mean, first coordinate"));
  t.push_back(real("m0y", "m0 y", -4.0, 4.0, &P::m0y, "Initial mean, second coordinate (2-D)"));
  t.push_back(real("v0", "v0", 0.01, 4.0, &P::v0, "Initial variance per axis", true));
  t.push_back(integer("particles", "Particles N", 100, 100000, &P::particles,
                      "Particles per family (SDE and σ-SDE)", true));
  t.push_back(integer("grid_n", "Grid cells n", 64, 256, &P::gridN, "Cells per axis"));
  t.push_back(real("box", "Box half-width", 1.0, 12.0, &P::box, "Grid box [−L, L]^d"));
  t.push_back(choice("scheme", "Flux scheme", {"muscl", "sg", "upwind"},
                     {"MUSCL-MC + SSP-RK2", "Scharfetter–Gummel", "1st-order upwind"},
                     &P::scheme,
                     "Upwind is kept only to show numerical diffusion ≈ |f|h/2"));
  t.push_back(real("cfl", "CFL safety C", 0.05, 1.0, &P::cfl,
                   "Δt = C / Σ_axes(2 max|f|/h + 2Dc/h²); 0.45 for MUSCL, 0.9 for SG"));
  t.push_back(real("dt", "Fixed Δt (0 = auto)", 0.0, 0.1, &P::dt,
                   "Fixed time step; must not exceed the CFL bound", false, false));
  t.push_back(real("t_end", "Final time T", 0.05, 10.0, &P::tEnd, "Simulated time"));
  t.push_back(integer("snapshots", "Frames", 2, 100, &P::snapshots,
                      "Cached frames for the time slider"));
  t.push_back(integer("trajectories", "Trajectories", 0, 20, &P::trajectories,
                      "Particle paths drawn over the density"));
  t.push_back(choice("phi", "Test function φ", {"x", "x2", "cos", "bump"},
                     {"x", "x²", "cos kx", "Gaussian bump at k"}, &P::phi,
                     "φ for the (WF) check, on the first coordinate"));
  t.push_back(real("k", "k", -4.0, 4.0, &P::k, "cos kx frequency, or the bump's centre"));
  t.push_back(integer("seed", "Seed", 0, 2147483647.0, &P::seed,
                      "Seed of the particles (both families share it)", false, false));
  t.push_back(integer("frame", "Frame", 0, 100, &P::frame,
                      "Time slider: cached frame shown (past the last: the last)"));
  t.push_back(choice("view", "View", {"density", "compare", "metrics", "weak_form", "residual"},
                     {"Density", "SDE vs σ-SDE", "Read-outs", "Test-function check",
                      "Residual vs Δt"},
                     &P::view,
                     "Which figure the page shows and exports"));
  return t;
}

std::string fmt(double v) {
  std::ostringstream s;
  s.precision(4);
  s << v;
  return s.str();
}

}  // namespace

const std::vector<FieldBinding<FpLabParams>>& fpLabFields() {
  static const std::vector<FieldBinding<FpLabParams>> table = buildTable();
  return table;
}

Drift driftOf(const FpLabParams& p) {
  Drift d;
  d.preset = p.drift;
  d.dim = p.dim == FpDim::Two ? 2 : 1;
  d.theta = p.theta;
  d.omega = p.omega;
  d.betaMin = p.betaMin;
  d.betaMax = p.betaMax;
  d.g = p.g;
  return d;
}

void validate(const FpLabParams& p) {
  // Range, NaN and Inf checks of every field first (direct struct callers skip fromParamSet).
  for (const auto& b : fpLabFields()) checkValue(b.spec, b.get(p));
  if (p.betaMax < p.betaMin)
    throw ParamError("beta_max", "β_max must be at least β_min = " + fmt(p.betaMin) +
                                     ", got " + fmt(p.betaMax));
  const Drift d = driftOf(p);
  const FpGrid grid(d.dim, p.gridN, -p.box, p.box, d);
  const double bound = grid.stableDt(0.0, p.tEnd);
  if (p.dt > 0.0 && p.dt > bound)
    throw ParamError("dt", "Δt = " + fmt(p.dt) + " is unstable: the CFL bound for this grid and "
                           "drift is " + fmt(bound) + "; lower Δt or set it to 0 (auto)");
  if (p.dt > p.tEnd)
    throw ParamError("dt", "Δt must not exceed the final time T = " + fmt(p.tEnd));
}

}  // namespace latentlab::flows
