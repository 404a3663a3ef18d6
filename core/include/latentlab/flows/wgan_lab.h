// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/reflow_wgan.md §7–§8 (the
// critics in the lab; conventions).

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

#include "latentlab/common/params.h"
#include "latentlab/common/run_control.h"

namespace latentlab::flows {

/// Variants (kexue.fm/archives/9668): Su critic (gradient field, t dropped), free vector field (t
/// dropped), the time-dependent field's t = 0 slice (collapses to the data mean), WGAN-GP
/// (1-centred penalty, MLP critic).
enum class WganVariant { Gradient, FreeField, TimeZero, WganGp };
enum class WganCritic { Rff, Mlp };                                  // RFF closed form / MLP
/// Target presets; Triangle is the RF tutorial's upward triangle (D = 10, variance 0.3),
/// Drawn the user's points (each drawn point a N(·, 0.05² I) bump, equal weights).
enum class WganTarget { EightGaussians, EightGaussiansWide, TwoMoons, Checkerboard, Triangle, Drawn };
/// What the critic's field moves: free particles x0 ← x0 + ε∇D(x0), or the parameters of x0 =
/// G_φ(z) by the (G-move) regression of Su, kexue.fm/archives/9668.
enum class WganMover { Particles, Generator };
enum class WganView { Field, Charts };

/// Every parameter of the ReFlow → WGAN-GP page (field table wganLabFields()).
struct WganLabParams {
  WganVariant variant = WganVariant::Gradient;
  WganCritic critic = WganCritic::Rff;  // Gradient variant only; WGAN-GP always uses the MLP
  WganTarget target = WganTarget::EightGaussians;
  WganMover mover = WganMover::Particles;
  int particles = 300;       // N, particles and real samples per round
  int rounds = 60;           // rounds computed by the job
  double initStd = 0.5;      // particles start from N(0, initStd² I)
  double epsilon = 0.3;      // particle step x0 ← x0 + ε ∇D(x0)
  double lambda = 1.0;       // penalty weight λ
  int features = 64;         // RFF M
  double lengthScale = 0.5;  // RFF ℓ
  double delta = 1e-4;       // ridge δ
  int hidden = 32;           // MLP width H
  double learningRate = 5e-3;  // Adam α
  int criticSteps = 20;      // Adam steps per round (n_critic)
  bool reinit = false;       // re-initialise the MLP critic every round
  int genHidden = 64;        // generator width H_g
  double genLearningRate = 1e-2;  // generator Adam α
  int genSteps = 5;          // K_g Adam steps on the (G-move) regression per round
  std::uint64_t seed = 1;
  std::vector<double> drawn{-1.5, -1.0, 1.5, -1.0, 0.0, 1.6};  // x0, y0, x1, y1, … (Drawn)
  double box = 3.0;          // the field view shows [−box, box]² (widened to fit the target)
  int round = 60;            // snapshot shown (clamped to rounds)
  bool showInterpolants = true;
  bool showArrows = true;
  bool showExact = false;    // overlay the exact ReFlow velocity v*(x, 0) = E[x1] − x
  WganView view = WganView::Field;
};

const std::vector<FieldBinding<WganLabParams>>& wganLabFields();
/// Single-field ranges plus enum checks; throws ParamError naming the key.
void validate(const WganLabParams& params);
/// The parameters that change what computeWganLab computes (not round, view, overlays).
bool sameComputation(const WganLabParams& a, const WganLabParams& b);

/// One cached round: the particles after `index` moves and the critic fitted against them.
struct WganSnapshot {
  Eigen::MatrixXd particles;     // N × 2: the particles, or G(z) for this round's z
  Eigen::MatrixXd interpolants;  // ≤ 200 × 2, the x_t where the penalty acts
  Eigen::MatrixXd field;         // G × G: D on the grid (row 0 = top, y = +box); ‖v‖ for the
                                 // free-field variants, which have no scalar critic
  Eigen::MatrixXd arrows;        // L² × 2: ∇D (or v) at the arrow lattice, row-major from top
  double distance;               // λ(mean D(x1) − mean D(x0)); mean ‖v(x_t)‖² for free fields
  double sw2;                    // sliced W2 to a held-out target batch
  double nll;                    // target NLL of the particles (exact GMM, else KDE h = 0.1)
  double meanGrad;               // mean ‖∇D‖ at the particles
  double criticLoss;             // (Su-critic) / WGAN-GP loss; regression loss for free fields
  Eigen::MatrixXd exactArrows;   // L² × 2: exact ReFlow v*(x, 0) at the arrow lattice
  // Agreement of the move field F with v*(·, 0) at the particles; F = λ∇D for scalar critics
  // (the field that approximates x1 − x0), F = v for the free fields.
  double exactCosine = 0.0;      // mean over particles of cos(F(x0), v*(x0, 0))
  double exactScale = 0.0;       // least-squares s in F ≈ s·v*(·, 0) at the particles
  double moveResidual = 0.0;     // generator only: RMS ‖G_new(z) − (x0 + ε∇D(x0))‖ after K_g steps
};

struct WganLabResult {
  WganLabParams params;                 // what was computed (round/view as requested)
  Eigen::MatrixXd real;                 // N × 2 held-out real samples (shown, and SW2 reference)
  double viewBox = 3.0;                 // half-width shown: max(box, the target's extent)
  std::vector<double> gridAxis;         // G cell centres from −viewBox to viewBox
  std::vector<double> arrowAxis;        // L lattice coordinates
  std::vector<WganSnapshot> snapshots;  // rounds + 1
  bool scalarCritic = true;             // false for the free-field variants
  double realNll = 0.0;                 // NLL of the held-out real samples (the floor)
  double elapsedMs = 0.0;
  bool partial = false;  // a snapshot of a run in progress: the rounds computed so far
};

/// Runs the outer loop: each round draws fresh real samples, pairs them with the particles by
/// a random permutation, fits the critic on x_t = (1−t)x0 + t x1 (t ~ U(0,1)), records the
/// metrics and moves x0 ← x0 + ε∇D(x0) — or, with WganMover::Generator, draws x0 = G_φ(z) from
/// fresh z ~ N(0, I) each round and takes K_g Adam steps on the (G-move) regression
/// ½‖G_φ(z) − sg[x0 + ε∇D(x0)]‖² (Su, kexue.fm/archives/9668). Deterministic in `seed`; polls
/// `control` every round; after a round, when control.partialDue(), hands it a
/// std::shared_ptr<const WganLabResult> of the rounds so far with `partial` set.
WganLabResult computeWganLab(const WganLabParams& params, const RunControl& control = {});

/// Samples n points of a target preset; `drawn` (x0, y0, x1, y1, …) feeds WganTarget::Drawn
/// and must then hold one point at least (ParamError "drawn").
Eigen::MatrixXd sampleTarget(WganTarget target, int n, std::uint64_t seed,
                             const std::vector<double>& drawn = {});
/// Half-width of the square that holds the target with a margin: 3 for the presets of radius ≈ 2,
/// 11.5 for the triangle, the drawn points' extent + 0.5 (the page widens its view to this).
double targetExtent(WganTarget target, const std::vector<double>& drawn = {});

}  // namespace latentlab::flows
