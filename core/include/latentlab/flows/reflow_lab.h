// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

#include "latentlab/common/params.h"
#include "latentlab/common/run_control.h"
#include "latentlab/flows/reflow.h"

namespace latentlab::flows {

enum class SourcePreset { Gaussian, Triangle };
/// Target presets of spec flows.md §5.3 (Drawn: the user's points, equal weights).
enum class TargetPreset { EightGaussians, Triangle, Moons, Checkerboard, Drawn };
/// What the page shows (spec §5.2 views and charts).
enum class ReflowView { Flow, Pairs, Compare, Quality, Rounds };

/// Every parameter of the ReFlow page; reflowLabFields() drives form, JSON and CLI.
struct ReflowLabParams {
  SourcePreset source = SourcePreset::Gaussian;
  double sourceStd = 1.0;  // s0 of N(0, s0² I)
  TargetPreset target = TargetPreset::EightGaussians;
  double targetStd = 0.1;     // std of the 8-Gaussians modes
  double kernelWidth = 0.05;  // s1 of point-set targets (moons, checkerboard, drawn)
  int targetPoints = 200;     // points drawn for moons / checkerboard
  std::vector<double> drawn{-1, -1, 1, -1, 0, 1.2};  // x0,y0,x1,y1,… of user points
  int particles = 10000;
  int steps = 50;
  Solver solver = Solver::Euler;
  double time = 1.0;  // t of the heat map, arrows and particle snapshot
  int trajectories = 48;
  int arrows = 16;  // lattice points per side
  int pairs = 4000;  // (z0, z1) pairs for a reflow round
  int rounds = 3;    // k = 1..rounds for the rounds chart
  int rffFeatures = 128;
  double rffLengthscale = 0.6;
  double rffRidge = 1e-4;
  std::uint64_t seed = 1;
  ReflowView view = ReflowView::Flow;
};

const std::vector<FieldBinding<ReflowLabParams>>& reflowLabFields();
/// Cross-field checks (drawn has an even length ≥ 2, finite); throws ParamError.
void validate(const ReflowLabParams& params);

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
  double fitLoss = 0.0;                // RFF regression residual (0 for the exact 1-RF)
};

struct ReflowLabResult {
  Eigen::MatrixXd targetSamples;  // for the overlay
  // Flow view (exact 1-RF).
  double box = 3.0;               // the canvas is [−box, box]²
  Eigen::MatrixXd density;        // G × G ρ_t (row 0 = top, y = +box)
  Eigen::MatrixXd snapshot;       // particles at the step nearest to t
  double snapshotTime = 0.0;
  std::vector<Eigen::MatrixXd> paths;  // trajectories (N+1) × 2
  Eigen::MatrixXd arrowBase, arrowVel;  // lattice points and v(x, t) there
  Eigen::MatrixXd pairs0, pairs1;       // random independent pairs (straight segments cross)
  double independentCost = 0.0;         // E‖X1 − X0‖² for independent pairs
  // Compare / rounds / quality (computed only for those views).
  std::vector<FlowSummary> rounds;  // k = 1 (exact), 2, 3 … (RFF fitted on pairs)
  std::vector<int> qualitySteps;    // N values
  // [flow k][solver] → NLL at each N (flow 0 = 1-RF, 1 = 2-RF)
  std::vector<std::vector<std::vector<double>>> qualityNll;
  double targetEntropy = 0.0;  // NLL of true target samples (the ideal)
  double elapsedMs = 0.0;
};

/// Everything the ReFlow page shows. The Flow and Pairs views are cheap (< 16 ms at defaults);
/// Compare, Quality and Rounds fit RFF velocities on reflow pairs and report progress.
ReflowLabResult computeReflowLab(const ReflowLabParams& params, const RunControl& control = {});

}  // namespace latentlab::flows
