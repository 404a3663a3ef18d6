// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The ReFlow → WGAN-GP page's field table (form, JSON, CLI) and validation.
#include <cmath>
#include <string>

#include "latentlab/flows/wgan_lab.h"

namespace latentlab::flows {
namespace {

constexpr double kMaxSeed = 2147483647.0;
constexpr double kMaxRounds = 300.0;

FieldSpec real(std::string key, std::string label, double lo, double hi, bool log,
               std::string help) {
  return FieldSpec{.key = std::move(key),
                   .label = std::move(label),
                   .kind = FieldKind::Real,
                   .min = lo,
                   .max = hi,
                   .logScale = log,
                   .help = std::move(help)};
}

FieldSpec integer(std::string key, std::string label, double lo, double hi, std::string help) {
  return FieldSpec{.key = std::move(key),
                   .label = std::move(label),
                   .kind = FieldKind::Integer,
                   .min = lo,
                   .max = hi,
                   .help = std::move(help)};
}

FieldSpec boolean(std::string key, std::string label, std::string help) {
  return FieldSpec{
      .key = std::move(key), .label = std::move(label), .kind = FieldKind::Bool, .help = std::move(help)};
}

std::vector<FieldBinding<WganLabParams>> buildTable() {
  using P = WganLabParams;
  std::vector<FieldBinding<P>> t;
  t.push_back(bindField(
      FieldSpec{.key = "variant",
                .label = "Variant",
                .kind = FieldKind::Choice,
                .choices = {"gradient", "free_field", "t0_slice", "wgan_gp"},
                .choiceLabels = {"Gradient field, t dropped (Su)", "Free vector field, t dropped",
                                 "t = 0 slice", "WGAN-GP (1-centred, MLP)"},
                .help = "Variants: Su's 0-centred critic (kexue.fm/archives/9668); an RFF "
                        "least-squares field without the gradient constraint; the time-dependent "
                        "field at t = 0 (collapses to the data mean); WGAN-GP's 1-centred penalty "
                        "with the MLP critic"},
      &P::variant));
  t.push_back(bindField(
      FieldSpec{.key = "critic",
                .label = "Critic",
                .kind = FieldKind::Choice,
                .choices = {"rff", "mlp"},
                .choiceLabels = {"RFF closed form", "MLP by Adam"},
                .help = "Gradient variant: random Fourier features solved in closed form, or a "
                        "one-hidden-layer tanh MLP trained by Adam"},
      &P::critic));
  t.push_back(bindField(
      FieldSpec{.key = "target",
                .label = "Target",
                .kind = FieldKind::Choice,
                .choices = {"8gauss", "8gauss_wide", "moons", "checkerboard", "triangle", "drawn"},
                .choiceLabels = {"8 Gaussians (std 0.1)", "8 Gaussians (std 0.2)", "Two moons",
                                 "Checkerboard", "Tutorial triangle", "Drawn points"},
                .help = "Real data. The tutorial triangle (D = 10, variance 0.3) "
                        "is 10 units out: the view widens to fit it, and a smoother critic "
                        "(ℓ ≈ 2) suits its scale. Drawn: click and drag on the canvas"},
      &P::target));
  t.push_back(bindField(FieldSpec{.key = "drawn",
                                  .label = "Drawn points",
                                  .kind = FieldKind::Vector,
                                  .min = -10,
                                  .max = 10,
                                  .minSize = 0,
                                  .maxSize = 2000,
                                  .help = "Drawn target: x1, y1, x2, y2, … (click and drag on the "
                                          "canvas to add points; each is a N(·, 0.05² I) bump)"},
                        &P::drawn));
  t.push_back(bindField(
      FieldSpec{.key = "mover",
                .label = "Move",
                .kind = FieldKind::Choice,
                .choices = {"particles", "generator"},
                .choiceLabels = {"Particles", "Generator G(z)"},
                .help = "What ∇D moves: free particles x0 ← x0 + ε∇D(x0), or a one-hidden-layer "
                        "generator x0 = G(z) trained on the (G-move) regression toward "
                        "x0 + ε∇D(x0) (Su, kexue.fm/archives/9668)"},
      &P::mover));
  t.push_back(bindField(integer("particles", "Particles N", 10, 5000,
                                "Particles, and real samples drawn per round"),
                        &P::particles));
  t.push_back(bindField(integer("rounds", "Rounds", 1, kMaxRounds,
                                "Rounds computed (critic fit + particle move each)"),
                        &P::rounds));
  t.push_back(bindField(real("init_std", "Initial std", 0.05, 3.0, false,
                             "Particles start from N(0, std² I)"),
                        &P::initStd));
  t.push_back(bindField(real("epsilon", "Step ε", 0.0, 2.0, false,
                             "Particle step x0 ← x0 + ε∇D(x0); ε and λ trade off one-for-one"),
                        &P::epsilon));
  t.push_back(bindField(real("lambda", "Penalty weight λ", 1e-3, 100.0, true,
                             "Weight of the gradient penalty (Su: 1 with the ½; WGAN-GP: 10)"),
                        &P::lambda));
  t.push_back(bindField(integer("features", "RFF features M", 4, 512,
                                "Random Fourier features of the closed-form critic / free fields"),
                        &P::features));
  t.push_back(bindField(real("length_scale", "RFF length ℓ", 0.05, 5.0, true,
                             "ω ~ N(0, I/ℓ²): smoothness of the RFF critic"),
                        &P::lengthScale));
  t.push_back(bindField(real("delta", "Ridge δ", 1e-8, 1.0, true,
                             "Ridge added to G before the LDLT solve"),
                        &P::delta));
  t.push_back(bindField(integer("hidden", "MLP width H", 2, 256, "Hidden tanh units of the MLP"),
                        &P::hidden));
  t.push_back(bindField(real("learning_rate", "Adam lr", 1e-5, 1.0, true,
                             "Adam step size (β1 = 0, β2 = 0.9 as in WGAN-GP)"),
                        &P::learningRate));
  t.push_back(bindField(integer("critic_steps", "Critic steps", 1, 1000,
                                "Adam steps on the critic per round (n_critic)"),
                        &P::criticSteps));
  t.push_back(bindField(boolean("reinit", "Re-init critic each round",
                                "Start the MLP critic afresh every round instead of warm start"),
                        &P::reinit));
  t.push_back(bindField(integer("gen_hidden", "Generator width", 2, 256,
                                "Hidden tanh units of G(z) = W2 tanh(W1 z + b1) + b2, z ~ N(0, I₂)"),
                        &P::genHidden));
  t.push_back(bindField(real("gen_learning_rate", "Generator lr", 1e-5, 1.0, true,
                             "Adam step size of the generator (β1 = 0.9, β2 = 0.999)"),
                        &P::genLearningRate));
  t.push_back(bindField(integer("gen_steps", "Generator steps K_g", 1, 200,
                                "Adam steps per round on ½‖G(z) − sg[G(z) + ε∇D(G(z))]‖² "
                                "(K_g = 1 is one WGAN generator step on −D)"),
                        &P::genSteps));
  auto seed = integer("seed", "Seed", 0, kMaxSeed, "Seed of every random draw (same seed, same run)");
  seed.slider = false;
  t.push_back(bindField(seed, &P::seed));
  t.push_back(bindField(real("box", "View half-width", 1.0, 10.0, false,
                             "The field view shows [−box, box]²"),
                        &P::box));
  t.push_back(bindField(integer("round", "Round shown", 0, kMaxRounds,
                                "Cached round to show (0 = start; clamped to the rounds computed)"),
                        &P::round));
  t.push_back(bindField(boolean("show_interpolants", "Show interpolants",
                                "Draw the x_t where the penalty acts"),
                        &P::showInterpolants));
  t.push_back(bindField(boolean("show_arrows", "Show ∇D arrows", "Draw the critic's field"),
                        &P::showArrows));
  t.push_back(bindField(boolean("show_exact", "Show exact v*(x, 0)",
                                "Overlay the exact ReFlow velocity at t = 0 (= E[x1] − x) "
                                "in a second arrow colour"),
                        &P::showExact));
  t.push_back(bindField(FieldSpec{.key = "view",
                                  .label = "View",
                                  .kind = FieldKind::Choice,
                                  .choices = {"field", "charts"},
                                  .choiceLabels = {"Critic field", "Charts over rounds"},
                                  .help = "Which figure the page shows and exports"},
                        &P::view));
  return t;
}

}  // namespace

const std::vector<FieldBinding<WganLabParams>>& wganLabFields() {
  static const std::vector<FieldBinding<WganLabParams>> table = buildTable();
  return table;
}

void validate(const WganLabParams& params) {
  if (static_cast<int>(params.variant) < 0 || params.variant > WganVariant::WganGp)
    throw ParamError("variant", "variant is not a known variant id");
  if (static_cast<int>(params.critic) < 0 || params.critic > WganCritic::Mlp)
    throw ParamError("critic", "critic must be rff or mlp");
  if (static_cast<int>(params.target) < 0 || params.target > WganTarget::Drawn)
    throw ParamError("target", "target is not a known preset id");
  if (static_cast<int>(params.mover) < 0 || params.mover > WganMover::Generator)
    throw ParamError("mover", "mover must be particles or generator");
  if (static_cast<int>(params.view) < 0 || params.view > WganView::Charts)
    throw ParamError("view", "view is not a known view id");
  // Ranges (and NaN) come from the table, so the form, JSON and this check never disagree.
  for (const auto& b : wganLabFields()) checkValue(b.spec, b.get(params));
  if (params.drawn.size() % 2 != 0)
    throw ParamError("drawn", std::string("drawn needs x, y pairs (an even number of entries), got ") +
                                  std::to_string(params.drawn.size()));
  if (params.target == WganTarget::Drawn && params.drawn.empty())
    throw ParamError("drawn", "the drawn target needs one point at least: click the canvas");
}

bool sameComputation(const WganLabParams& a, const WganLabParams& b) {
  return a.variant == b.variant && a.critic == b.critic && a.target == b.target &&
         a.particles == b.particles && a.rounds == b.rounds && a.initStd == b.initStd &&
         a.epsilon == b.epsilon && a.lambda == b.lambda && a.features == b.features &&
         a.lengthScale == b.lengthScale && a.delta == b.delta && a.hidden == b.hidden &&
         a.learningRate == b.learningRate && a.criticSteps == b.criticSteps &&
         a.reinit == b.reinit && a.seed == b.seed && a.box == b.box && a.mover == b.mover &&
         a.genHidden == b.genHidden && a.genLearningRate == b.genLearningRate &&
         a.genSteps == b.genSteps && a.drawn == b.drawn;
}

}  // namespace latentlab::flows
