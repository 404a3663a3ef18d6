// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/fsq.md §9 and §12 (usage and
// perplexity; conventions).

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

#include "latentlab/common/device.h"
#include "latentlab/common/params.h"
#include "latentlab/common/run_control.h"
#include "latentlab/quantization/fsq.h"
#include "latentlab/quantization/image_io.h"
#include "latentlab/quantization/precision.h"
#include "latentlab/quantization/vq.h"

namespace latentlab::quantization {

/// Latent point clouds of the grid page: synthetic, or whitened PCA components of an
/// image's patches (the page passes the image in).
enum class GridData { Gaussian, Mixture, Ring, ImagePatches };
/// Which coordinates the FSQ panel draws: raw z-space (non-uniform cells) or
/// bounded space b(αx) (a uniform grid).
enum class GridSpace { Raw, Bounded };
enum class VqMethod { Lloyd, Ema };
/// Which two coordinates a 3-D cloud is projected on (the third is sliced for the cell images).
enum class GridPlane { X1X2, X1X3, X2X3 };
enum class GridView { Overview, Fsq, Vq, Usage, Sweep };

/// shownStep at or above this shows the final codebook (the field's maximum and default).
inline constexpr int kGridLastStep = 5000;
/// Patch side used for the "image patches" point cloud (P = 4: 16384 patches at 512²).
inline constexpr int kGridPatch = 4;

/// Every parameter of the "FSQ vs VQ grid" page; one field table (gridLabFields) drives the form,
/// JSON and the CLI.
struct GridLabParams {
  GridData data = GridData::Gaussian;  // point cloud
  int dims = 2;                        // latent dimension d, 2 or 3
  int points = 2000;                   // N, 100..20000
  int level1 = 8;                      // FSQ levels per dimension, 3..32 (warn below 5)
  int level2 = 8;
  int level3 = 5;                      // used when dims = 3
  FsqBound bound = FsqBound::Tanh;     // bounding function
  double alpha = 1.0;                  // bound gain: FSQ sees z = α·x, 0.05..10
  GridSpace space = GridSpace::Raw;    // FSQ panel coordinates
  bool matchK = true;                  // VQ codebook size = ∏L (equal-K comparison)
  int codebookSize = 64;               // VQ K when matchK is off, 2..4096 (≤ N)
  VqMethod vqMethod = VqMethod::Lloyd; // batch k-means or online EMA
  VqInit vqInit = VqInit::KmeansPlusPlus;
  int iterations = 15;                 // Lloyd iterations, 0..200
  int emaSteps = 300;                  // EMA steps (batches of 256, γ = 0.99), 1..5000
  bool restart = true;                 // EMA dead-code restart (N_j < threshold, every 10 steps)
  double restartThreshold = 0.1;       // EMA count below which a code restarts, 0.001..10 (log)
  int shownStep = kGridLastStep;       // view only: Lloyd iteration / EMA step shown, 0..5000
  Precision precision = Precision::Fp32;  // FSQ index path emulated in this format
  GridPlane plane = GridPlane::X1X2;   // 3-D: projection plane
  double slice = 0.0;                  // 3-D: value of the third coordinate for the cell images
  std::uint64_t seed = 1;              // data, init and EMA batches
  GridView view = GridView::Overview;  // which figure is shown / exported
};

/// Field keys: data, dims, points, level1, level2, level3, bound, alpha, space, match_k,
/// codebook_size, vq_method, vq_init, iterations, ema_steps, restart, restart_threshold,
/// precision, plane, slice, seed, view, shown_step.
const std::vector<FieldBinding<GridLabParams>>& gridLabFields();
/// Cross-field checks (VQ K ≤ N for data-based inits, ∏L ≤ 2^20); throws ParamError.
void validate(const GridLabParams& params);

struct GridLabResult {
  int dims = 2;
  RowMatrixXd points;             // N×d latent points x
  std::vector<int> levels;        // FSQ levels (d entries)
  int planeA = 0, planeB = 1;     // plotted coordinates
  double xMin = 0, xMax = 0, yMin = 0, yMax = 0;  // plot box in x-space (raw)

  // FSQ on z = αx.
  std::vector<std::int64_t> fsqIndex;    // per point (exact integer path)
  RowMatrixXd bounded;                   // N×d bounded values b_i(αx_i) (bounded-space view)
  std::vector<std::vector<double>> fsqBoundaries;  // per dimension, in x-space (z/α)
  std::vector<std::int64_t> fsqCounts;   // per code (∏L)
  UsageStats fsqStats;
  double fsqRelMse = 0;                  // centroid decoder, MSE / total variance
  Eigen::MatrixXd fsqUsageGrid;          // L_a × L_b counts on the plotted plane (summed)
  Eigen::MatrixXi fsqCells;              // label image: FSQ code of each pixel (rows: y, top first)

  // VQ at K codes.
  RowMatrixXd codebook;                  // K×d
  std::vector<int> vqIndex;              // per point
  std::vector<std::int64_t> vqCounts;    // per code
  UsageStats vqStats;
  double vqRelMse = 0;                   // codeword decoder, MSE / total variance
  std::vector<double> vqCurve;           // rel. MSE per Lloyd iteration / per 10 EMA steps
  int vqRestarts = 0;
  Eigen::MatrixXi voronoi;               // label image: nearest code of each pixel

  // Training history (step/play): the codebook after historyStep[i] Lloyd iterations
  // or EMA steps; the VQ fields above describe history[shownIndex].
  std::vector<RowMatrixXd> history;
  std::vector<int> historyStep;          // ascending, first 0, last = iterations / EMA steps
  int shownIndex = 0;
  double slice = 0.0;                    // 3-D slice the label images were drawn at

  std::vector<std::string> notes;        // e.g. "image gives only 4096 patches: N = 4096"

  // Precision emulation (lucidrains/vector-quantize-pytorch issue #114).
  PrecisionFsqResult precision;
  UsageStats naiveStats;                 // usage of the naive float index path

  /// Where the VQ part (Lloyd or EMA training, the curve's and the shown step's nearest-code
  /// searches) ran: control.device, or the CPU with the reason after a fallback. FSQ, the points
  /// and the precision emulation stay on the CPU.
  DeviceUse deviceUse;

  double elapsedMs = 0.0;
  /// True for the snapshot computeGridLab hands to RunControl::partial() once the points, the FSQ
  /// half and the precision emulation are done: the VQ fields are still empty.
  bool partial = false;
};

/// Resolution of the label images (pixels per side).
inline constexpr int kGridImageSize = 160;

/// Everything the grid page shows: points, FSQ cells and usage, VQ codebook,
/// Voronoi labels and usage, precision aliasing. With a partial listener (the page) the FSQ half
/// comes first (`partial`), while k-means and the Voronoi image of VQ are computed.
/// The VQ part runs on control.device (one runOnDevice: a DeviceError anywhere in it reruns all of
/// it on the CPU, recorded in deviceUse); its numbers equal the CPU's exactly (the device overloads
/// of nearestCodes, lloyd and EmaCodebook::step in vq.h).
/// `image` is the source of GridData::ImagePatches (ParamError("data") when it is null).
GridLabResult computeGridLab(const GridLabParams& params, const ImageData* image,
                             const RunControl& control = {});
inline GridLabResult computeGridLab(const GridLabParams& params, const RunControl& control = {}) {
  return computeGridLab(params, nullptr, control);
}

/// Points the VQ fields of `r` (codebook, assignment, counts, usage, rel. MSE, Voronoi labels) at
/// the last history entry with historyStep ≤ step (step/play). Costs one nearest-code
/// search of the N points and the label pixels: a view change, not a retraining. The two searches
/// run on control.device; r.deviceUse takes this call's DeviceUse when it fell back or ran
/// elsewhere than the training.
void showVqStep(GridLabResult& r, int step, const RunControl& control = {});

/// The synthetic latent points (deterministic in seed): N×d.
RowMatrixXd makeGridPoints(GridData data, int dims, int n, std::uint64_t seed);

/// Image-patch latent points: stride-P patches (P = kGridPatch) → PCA → the top
/// `dims` components whitened, u_i = y_i/√λ_i; then min(n, #patches) distinct rows drawn with
/// `seed`. Throws ParamError("data") below 100 patches. `notes` gets a line when N is capped.
RowMatrixXd makePatchPoints(const ImageData& image, int dims, int n, std::uint64_t seed,
                            std::vector<std::string>* notes = nullptr);

}  // namespace latentlab::quantization
