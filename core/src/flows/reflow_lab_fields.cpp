// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The ReFlow page's field table (form, JSON, CLI) and its cross-field validation.
#include <cmath>
#include <string>

#include "latentlab/flows/reflow_lab.h"

namespace latentlab::flows {
namespace {

constexpr double kMaxSeed = 2147483647.0;  // 2^31 − 1, as on the other pages

std::vector<FieldBinding<ReflowLabParams>> buildTable() {
  using P = ReflowLabParams;
  std::vector<FieldBinding<P>> t;
  t.push_back(bindField(FieldSpec{.key = "source",
                                  .label = "Source p0",
                                  .kind = FieldKind::Choice,
                                  .choices = {"gaussian", "triangle"},
                                  .choiceLabels = {"N(0, s0² I)", "Tutorial triangle"},
                                  .help = "Noise distribution at t = 0"},
                        &P::source));
  t.push_back(bindField(FieldSpec{.key = "source_std",
                                  .label = "s0",
                                  .min = 0.1,
                                  .max = 5.0,
                                  .help = "Standard deviation of the Gaussian source"},
                        &P::sourceStd));
  t.push_back(bindField(
      FieldSpec{.key = "target",
                .label = "Target p1",
                .kind = FieldKind::Choice,
                .choices = {"eight_gaussians", "triangle", "moons", "checkerboard", "drawn",
                            "image"},
                .choiceLabels = {"8 Gaussians", "Tutorial triangle", "Two moons", "Checkerboard",
                                 "Drawn points", "Image density"},
                .help = "Data distribution at t = 1"},
      &P::target));
  t.push_back(bindField(FieldSpec{.key = "target_std",
                                  .label = "Mode std",
                                  .min = 0.02,
                                  .max = 1.0,
                                  .help = "Std of each of the 8 Gaussians (0.1, option 0.2)"},
                        &P::targetStd));
  t.push_back(bindField(FieldSpec{.key = "kernel_width",
                                  .label = "Kernel width s1",
                                  .min = 0.0,
                                  .max = 1.0,
                                  .help = "Point-set targets: each point becomes N(y, s1² I); 0 "
                                          "memorises the points exactly"},
                        &P::kernelWidth));
  t.push_back(bindField(FieldSpec{.key = "target_points",
                                  .label = "Target points",
                                  .kind = FieldKind::Integer,
                                  .min = 10,
                                  .max = 2000,
                                  .help = "Points drawn for the moons, checkerboard and image "
                                          "targets"},
                        &P::targetPoints));
  t.push_back(bindField(FieldSpec{.key = "image_mass",
                                  .label = "Image mass",
                                  .kind = FieldKind::Choice,
                                  .choices = {"dark", "bright"},
                                  .choiceLabels = {"Dark = mass", "Bright = mass"},
                                  .help = "Image target: grey levels as probability, dark or "
                                          "bright pixels carrying the mass"},
                        &P::imageMass));
  t.push_back(bindField(FieldSpec{.key = "drawn",
                                  .label = "Drawn points",
                                  .kind = FieldKind::Vector,
                                  .min = -10,
                                  .max = 10,
                                  .minSize = 2,
                                  .maxSize = 512,
                                  .help = "Drawn target: x1, y1, x2, y2, … (click the canvas to "
                                          "add points)"},
                        &P::drawn));
  t.push_back(bindField(FieldSpec{.key = "particles",
                                  .label = "Particles",
                                  .kind = FieldKind::Integer,
                                  .min = 100,
                                  .max = 200000,
                                  .logScale = true,
                                  .help = "Particles integrated from t = 0 to 1"},
                        &P::particles));
  t.push_back(bindField(FieldSpec{.key = "steps",
                                  .label = "Steps N",
                                  .kind = FieldKind::Integer,
                                  .min = 1,
                                  .max = 200,
                                  .help = "Solver steps, h = 1/N"},
                        &P::steps));
  t.push_back(bindField(FieldSpec{.key = "solver",
                                  .label = "Solver",
                                  .kind = FieldKind::Choice,
                                  .choices = {"euler", "heun", "rk4"},
                                  .choiceLabels = {"Euler", "Heun", "RK4"},
                                  .help = "ODE integrator (1, 2 or 4 evaluations per step)"},
                        &P::solver));
  t.push_back(bindField(
      arithmeticField("Precision of the particles on the CPU (a GPU steps them in float32); "
                      "float32 reports its largest position error against float64"),
      &P::precision));
  t.push_back(bindField(FieldSpec{.key = "time",
                                  .label = "Time t",
                                  .min = 0.0,
                                  .max = 1.0,
                                  .help = "Time of the heat map ρ_t, the arrows and the particles"},
                        &P::time));
  t.push_back(bindField(FieldSpec{.key = "trajectories",
                                  .label = "Trajectories",
                                  .kind = FieldKind::Integer,
                                  .min = 0,
                                  .max = 400,
                                  .help = "Paths drawn from t = 0 to 1"},
                        &P::trajectories));
  t.push_back(bindField(FieldSpec{.key = "arrows",
                                  .label = "Arrow lattice",
                                  .kind = FieldKind::Integer,
                                  .min = 0,
                                  .max = 40,
                                  .help = "Velocity arrows per side of the lattice (0: none)"},
                        &P::arrows));
  t.push_back(bindField(FieldSpec{.key = "pairs",
                                  .label = "Reflow pairs",
                                  .kind = FieldKind::Integer,
                                  .min = 200,
                                  .max = 50000,
                                  .logScale = true,
                                  .help = "(z0, z1) pairs simulated for each reflow round"},
                        &P::pairs));
  t.push_back(bindField(FieldSpec{.key = "rounds",
                                  .label = "Reflow rounds",
                                  .kind = FieldKind::Integer,
                                  .min = 2,
                                  .max = 5,
                                  .help = "k-rectified flows k = 1..rounds (rounds chart)"},
                        &P::rounds));
  t.push_back(bindField(
      FieldSpec{.key = "velocity",
                .label = "Velocity k ≥ 2",
                .kind = FieldKind::Choice,
                .choices = {"rff", "mlp", "kernel"},
                .choiceLabels = {"RFF ridge", "MLP (Adam)", "NW kernel"},
                .help = "How reflow rounds fit v on the pairs; 1-RF is exact"},
      &P::velocity));
  t.push_back(bindField(FieldSpec{.key = "rff_features",
                                  .label = "RFF features M",
                                  .kind = FieldKind::Integer,
                                  .min = 16,
                                  .max = 1024,
                                  .help = "Random Fourier features of the ridge velocity"},
                        &P::rffFeatures));
  t.push_back(bindField(FieldSpec{.key = "rff_lengthscale",
                                  .label = "RFF length ℓ",
                                  .min = 0.05,
                                  .max = 5.0,
                                  .logScale = true,
                                  .help = "Length scale of the features in x-units"},
                        &P::rffLengthscale));
  t.push_back(bindField(FieldSpec{.key = "rff_ridge",
                                  .label = "Ridge δ",
                                  .min = 1e-8,
                                  .max = 1.0,
                                  .logScale = true,
                                  .help = "Ridge added to E[ψψᵀ]"},
                        &P::rffRidge));
  t.push_back(bindField(FieldSpec{.key = "mlp_hidden",
                                  .label = "MLP width",
                                  .kind = FieldKind::Integer,
                                  .min = 4,
                                  .max = 256,
                                  .help = "Hidden units of both layers of [x; t] → H → H → 2"},
                        &P::mlpHidden));
  t.push_back(bindField(FieldSpec{.key = "mlp_iterations",
                                  .label = "MLP iterations",
                                  .kind = FieldKind::Integer,
                                  .min = 10,
                                  .max = 50000,
                                  .logScale = true,
                                  .help = "Adam steps per reflow round (batch 256)"},
                        &P::mlpIterations));
  t.push_back(bindField(FieldSpec{.key = "mlp_lr",
                                  .label = "MLP learning rate",
                                  .min = 1e-5,
                                  .max = 0.1,
                                  .logScale = true,
                                  .help = "Adam step size"},
                        &P::mlpLr));
  t.push_back(bindField(FieldSpec{.key = "nw_bandwidth",
                                  .label = "Kernel width h",
                                  .min = 0.01,
                                  .max = 5.0,
                                  .logScale = true,
                                  .help = "Nadaraya–Watson bandwidth: v = Σ K_h(x − x_t^i)(x1^i − "
                                          "x0^i) / Σ K_h(x − x_t^i)"},
                        &P::nwBandwidth));
  t.push_back(bindField(FieldSpec{.key = "seed",
                                  .label = "Seed",
                                  .kind = FieldKind::Integer,
                                  .min = 0,
                                  .max = kMaxSeed,
                                  .slider = false,
                                  .help = "Seed of particles, targets, pairs and features"},
                        &P::seed));
  t.push_back(bindField(
      FieldSpec{.key = "view",
                .label = "View",
                .kind = FieldKind::Choice,
                .choices = {"flow", "pairs", "compare", "quality", "rounds"},
                .choiceLabels = {"Flow", "Crossing pairs", "1-RF vs 2-RF", "Quality vs NFE",
                                 "Reflow rounds"},
                .help = "Which figure the page shows and exports"},
      &P::view));
  return t;
}

}  // namespace

const std::vector<FieldBinding<ReflowLabParams>>& reflowLabFields() {
  static const std::vector<FieldBinding<ReflowLabParams>> table = buildTable();
  return table;
}

void validate(const ReflowLabParams& p) {
  if (static_cast<int>(p.view) < 0 || p.view > ReflowView::Rounds)
    throw ParamError("view", "view is not a known view id");
  for (const auto& b : reflowLabFields()) checkValue(b.spec, b.get(p));
  if (p.drawn.size() % 2 != 0)
    throw ParamError("drawn", "drawn needs x, y pairs (an even number of entries), got " +
                                  std::to_string(p.drawn.size()));
}

}  // namespace latentlab::flows
