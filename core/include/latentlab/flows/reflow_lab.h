// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/reflow.md §5–§7
// (straightness, reflow rounds, conventions).

#include <Eigen/Dense>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "latentlab/common/arithmetic.h"
#include "latentlab/common/device.h"
#include "latentlab/common/params.h"
#include "latentlab/common/run_control.h"
#include "latentlab/flows/reflow.h"
#include "latentlab/quantization/image_io.h"

namespace latentlab::flows {

enum class SourcePreset { Gaussian, Triangle };
/// Target presets (Drawn: the user's points, equal weights; Image: points
/// sampled from a loaded image's grey levels).
enum class TargetPreset { EightGaussians, Triangle, Moons, Checkerboard, Drawn, Image };
/// Which grey levels of an image target carry the probability mass.
enum class ImageMass { Dark, Bright };
/// What the page shows (views and charts).
enum class ReflowView { Flow, Pairs, Compare, Quality, Rounds };
/// How reflow rounds k ≥ 2 fit their velocity (1-RF always uses the exact v*).
enum class ReflowVelocity { Rff, Mlp, Kernel };

/// Every parameter of the ReFlow page; reflowLabFields() drives form, JSON and CLI.
struct ReflowLabParams {
  SourcePreset source = SourcePreset::Gaussian;
  double sourceStd = 1.0;  // s0 of N(0, s0² I)
  TargetPreset target = TargetPreset::EightGaussians;
  double targetStd = 0.1;     // std of the 8-Gaussians modes
  double kernelWidth = 0.05;  // s1 of point-set targets (moons, checkerboard, drawn)
  int targetPoints = 200;     // points drawn for moons / checkerboard / image
  std::vector<double> drawn{-1, -1, 1, -1, 0, 1.2};  // x0,y0,x1,y1,… of user points
  ImageMass imageMass = ImageMass::Dark;
  /// The image of the Image target (not a field: the page loads it; scenarios keep the rest).
  std::shared_ptr<const quantization::ImageData> image;
  int particles = 10000;
  int steps = 50;
  Solver solver = Solver::Euler;
  /// The exact 1-RF particles on the CPU in float64 or float32 (an OpenCL device steps them in
  /// float32 either way); the density, arrows and reflow rounds stay in double.
  Arithmetic precision = Arithmetic::Float64;
  double time = 1.0;  // t of the heat map, arrows and particle snapshot
  int trajectories = 48;
  int arrows = 16;  // lattice points per side
  int pairs = 4000;  // (z0, z1) pairs for a reflow round
  int rounds = 3;    // k = 1..rounds for the rounds chart
  int rffFeatures = 128;
  double rffLengthscale = 0.6;
  double rffRidge = 1e-4;
  ReflowVelocity velocity = ReflowVelocity::Rff;
  int mlpHidden = 64;        // 3 → 64 → 64 → 2
  int mlpIterations = 2000;  // Adam steps per round (batch 256)
  double mlpLr = 2e-3;
  double nwBandwidth = 0.15;  // h of the Nadaraya–Watson kernel
  std::uint64_t seed = 1;
  ReflowView view = ReflowView::Flow;
};

const std::vector<FieldBinding<ReflowLabParams>>& reflowLabFields();
/// Cross-field checks (drawn has an even length ≥ 2, finite); throws ParamError.
void validate(const ReflowLabParams& params);

/// n points with density ∝ grey level (Bright) or 1 − grey (Dark) of `image` (grey = the plane,
/// or 0.299 R + 0.587 G + 0.114 B): a pixel by inverse CDF, then a uniform point inside it,
/// seeded. The image is centred with its longer side on [−2, 2] (aspect kept, y up).
/// Throws ParamError("image") for an empty image or one without mass (e.g. all white, Dark).
Eigen::MatrixXd sampleImageDensity(const quantization::ImageData& image, int n, ImageMass mass,
                                   std::uint64_t seed);

/// The source and target mixtures of `params` (point-set targets get s1 = kernel_width).
Mixture sourceMixture(const ReflowLabParams& params);
Mixture targetMixture(const ReflowLabParams& params);

/// One flow's summary (1-RF or k-RF) at the page's solver and steps.
struct FlowSummary {
  Eigen::MatrixXd z0, z1;              // particles at t = 0 and at t = 1 (page solver, N steps)
  std::vector<Eigen::MatrixXd> paths;  // per trajectory: (N+1) × 2 positions
  double straightness = 0.0;           // Ŝ (RK4 reference path)
  double cost = 0.0;                   // E‖Z1 − Z0‖² of the coupling (reference path)
  double nll = 0.0;                    // −mean log p1(z1) (stds floored at 0.05)
  double sw2 = 0.0;                    // sliced W2² to fresh target samples
  double fitLoss = 0.0;                // regression residual of the fit (0 for the exact 1-RF)
};

struct ReflowLabResult {
  Eigen::MatrixXd targetSamples;  // for the overlay
  // Flow view (exact 1-RF), computeReflowFlow().
  double box = 3.0;  // the canvas is [−box, box]²
  /// Particle positions after every step, frames[i] at t = i/N (shared: the time slider and
  /// cached recomputes reuse them without copying).
  std::shared_ptr<const std::vector<Eigen::MatrixXd>> frames;
  std::vector<Eigen::MatrixXd> paths;   // trajectories (N+1) × 2
  Eigen::MatrixXd pairs0, pairs1;       // random independent pairs (straight segments cross)
  double independentCost = 0.0;         // E‖X1 − X0‖² for independent pairs
  // Field at the shown time, computeReflowField().
  int snapshotIndex = 0;          // frame nearest to params.time
  double snapshotTime = 0.0;      // = snapshotIndex / N: ρ_t, arrows and particles share it
  Eigen::MatrixXd density;        // G × G ρ_t (row 0 = top, y = +box)
  Eigen::MatrixXd arrowBase, arrowVel;  // lattice points and v(x, t) there
  // Compare / rounds / quality, computeReflowRounds() (only for those views).
  std::vector<FlowSummary> rounds;  // k = 1 (exact), 2, 3 … (fitted on reflow pairs)
  std::vector<int> qualitySteps;    // N values
  // [flow k][solver] → NLL at each N (flow 0 = 1-RF, 1 = 2-RF)
  std::vector<std::vector<std::vector<double>>> qualityNll;
  double targetEntropy = 0.0;  // NLL of true target samples (the ideal)
  double elapsedMs = 0.0;
  /// True for the preview computeReflowFlow hands to RunControl::partial(): the first
  /// kReflowPreviewParticles particles (every frame of them), the field and the pairs; the rest
  /// of the particles are still being integrated.
  bool partial = false;
  /// Where the exact 1-RF particles were integrated (computeReflowFlow), and where the density
  /// and arrows were evaluated (computeReflowField); the reflow rounds always run on the CPU.
  DeviceUse deviceUse;
  DeviceUse fieldDeviceUse;
  /// float32 particles only (NaN when they are double): the largest |z₃₂ − z₆₄| over every frame
  /// of the first kReflowPreviewParticles particles, z₆₄ integrated on the CPU in double.
  double float32Error = std::numeric_limits<double>::quiet_NaN();
  int float32ErrorParticles = 0;  // how many particles that check integrated again

  /// Particles at the shown time (empty before computeReflowFlow).
  const Eigen::MatrixXd& snapshot() const;
};

/// Everything the ReFlow page shows: computeReflowFlow + computeReflowField, and for the
/// compare, quality and rounds views computeReflowRounds. The Flow and Pairs views are cheap
/// (< 16 ms at defaults); the others fit velocities on reflow pairs and report progress.
ReflowLabResult computeReflowLab(const ReflowLabParams& params, const RunControl& control = {});

/// The exact 1-RF flow from z0 ~ p0 (seed) with the page solver and N steps: all frames, the
/// trajectories, target samples, box and the crossing random pairs. Depends on neither time,
/// arrows nor the reflow fields, so the page reuses it when only those change.
/// With a partial listener (the page) and more particles than kReflowPreviewParticles, those
/// come first as a preview with the field computed; the final frames are the same numbers either
/// way (every particle's path is computed by the same operations whatever the batch).
/// The particles run on control.device when it names an OpenCL device (float32 there, resident
/// in device memory for every step), recorded in result.deviceUse; on the CPU in params.precision.
/// float32 particles get result.float32Error against a double run of the first ones.
void computeReflowFlow(const ReflowLabParams& params, ReflowLabResult& result,
                       const RunControl& control = {});
inline constexpr int kReflowPreviewParticles = 1024;
/// ρ_t on the grid and v*(x, t) on the arrow lattice at the frame nearest to params.time
/// (needs result.frames and result.box from computeReflowFlow). A few hundred microseconds.
/// On control.device when it names an OpenCL device (fp64 there when available).
void computeReflowField(const ReflowLabParams& params, ReflowLabResult& result,
                        const RunControl& control = {});
/// Reflow rounds (Liu et al.) with the chosen velocity (RFF ridge, MLP or NW kernel) and, for the
/// quality view, NLL vs N per solver; `rounds` needed: 2 for compare and quality, params.rounds
/// for the rounds view. Rounds are seeded per k, so k = 1..m agree whatever the total.
void computeReflowRounds(const ReflowLabParams& params, ReflowLabResult& result,
                         const RunControl& control = {});

}  // namespace latentlab::flows
