// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/fsq.md §11 (the image page's
// pipeline).

#include <Eigen/Dense>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "latentlab/common/device.h"
#include "latentlab/common/params.h"
#include "latentlab/common/run_control.h"
#include "latentlab/quantization/fsq_decoder.h"
#include "latentlab/quantization/image_io.h"
#include "latentlab/quantization/image_metrics.h"
#include "latentlab/quantization/vq.h"

namespace latentlab::quantization {

/// Which view the Image reconstruction page shows (and exports).
enum class ImageView {
  PatchPca,        // tier A: original | FSQ | VQ and their error maps
  Colour,          // tier B: per-pixel colour quantization, same layout
  RateDistortion,  // PSNR and usage vs log2 K over 2^4..2^16 (FSQ paper Fig. 3a/3c analogues)
  Training,        // tier C: tiny STE autoencoders, live loss and usage curves
};

/// Bundled sample images; Loaded = the image the user opened (the page passes it in).
enum class ImageSource { Astronaut, Coffee, Loaded };


/// Every parameter of the Image reconstruction page.
struct ImageLabParams {
  ImageSource source = ImageSource::Astronaut;  // which image (Loaded: the page's own)
  int budgetBits = 10;            // log2 target |C|, one of fsqPresets() (10 → [8,5,5,5])
  int patch = 4;                  // patch side P in pixels, 2..16 (P = 4: 16384 patches at 512²)
  double alpha = 0.8;             // FSQ bound gain α on whitened latents, 0.05..4
  FsqDecoder decoder = FsqDecoder::Centroid;  // FSQ decoder
  int lloydIterations = 8;        // VQ k-means iterations after k-means++ seeding, 1..50
  std::uint64_t seed = 1;         // k-means++ and sampling seed
  ImageView view = ImageView::PatchPca;
  // Tier C, the Training view.
  // 600 steps train the three models in about 0.5 s on 2 cores and already show the collapse
  // (usage FSQ 34 %, VQ 8 %, VQ with restarts 86 %); the 1500-step run is a preset.
  int trainSteps = 600;           // Adam steps per model, 10..20000
  int trainBatch = 128;           // patches per mini-batch, 8..4096
  double learningRate = 3e-3;     // Adam step size, 1e-5..0.1 (log)
  double commitment = 0.25;       // VQ commitment weight β, 0..2
};

const std::vector<FieldBinding<ImageLabParams>>& imageLabFields();
void validate(const ImageLabParams& params);

/// One quantizer's reconstruction and its read-outs.
struct Reconstruction {
  ImageData image;
  Eigen::MatrixXd error;  // |original − reconstruction| on 0..255, channel mean
  double psnr = 0.0;
  double ssim = 0.0;
  double bpp = 0.0;        // fixed-rate T·log2 K / (H·W)
  double entropyBpp = 0.0; // zeroth-order T·H / (H·W)
  UsageStats usage;
};

/// Lloyd iterations per rate–distortion point: min(lloyd_iterations, this) keeps the nine-point
/// sweep a few seconds (k-means++ does most of the work). The point at the current budget can
/// therefore differ from the headline VQ PSNR, which uses every iteration; the export says so.
inline constexpr int kRateLloydIterations = 4;

/// One point of the rate–distortion sweep.
struct RatePoint {
  int log2Target = 0;
  int codes = 0;    // ∏L, used for both FSQ and VQ (equal code count)
  int vqCodes = 0;  // K actually fitted (≤ number of patches / 4)
  double fsqBpp = 0.0;  // fixed rate at FSQ's K
  double vqBpp = 0.0;   // fixed rate at VQ's K (lower where K is capped)
  double fsqPsnr = 0.0, vqPsnr = 0.0;
  double fsqUsage = 0.0, vqUsage = 0.0;
  int lloydIterations = 0;  // Lloyd iterations the point's VQ used
};

struct ImageLabResult {
  ImageData original;
  std::vector<int> levels;  // FSQ levels at the chosen budget
  int codes = 0;            // ∏L
  int vqCodes = 0;          // VQ K (= codes unless capped by the number of patches)
  int patches = 0;          // N at stride P
  Reconstruction fsq;       // tier A or B, by view
  Reconstruction vq;
  std::vector<RatePoint> rate;  // filled for the RateDistortion view
  // Tier A only, for the hover read-out: the patch grid and each patch's codes.
  int patchSize = 0, gridRows = 0, gridCols = 0;  // patch (r, c) is row r·gridCols + c
  std::vector<std::int64_t> fsqPatchIndex;        // FSQ index per patch
  std::vector<int> vqPatchIndex;                  // VQ code per patch
  RowMatrixXd vqCodebook;                         // K×d codewords in the PCA latent
  std::vector<std::string> notes;  // downscale notice, capped K, etc.
  double elapsedMs = 0.0;
  /// Where the FSQ, nearest-code and Lloyd steps ran (control.device; the first fallback, if
  /// any step fell back). Patches, PCA, k-means++ and the metrics always run on the CPU.
  DeviceUse deviceUse;
  /// A snapshot of a computation in progress (RunControl::partial). Tier A, live: first only
  /// the original (FSQ and VQ images empty), then FSQ without its SSIM (NaN) while VQ (its image
  /// still empty) is fitted; or the rate–distortion points so far.
  bool partial = false;
};

/// Tier A: patches → PCA (d = len(levels)) → FSQ with bound gain α and the chosen decoder
/// (centroid: mean of the patches in each cell; analytic inverse bound; linear least squares) vs
/// k-means++ + Lloyd VQ with K = ∏L in the same latent, decoded x̂ = μ + U_d ĉ.
ImageLabResult computeTierA(const ImageData& image, const ImageLabParams& params,
                            const RunControl& control = {});
/// Tier B: per-pixel colour. FSQ = uniform grid with the budget's bits split over the
/// channels (e.g. 3-3-2 for 2^8), VQ = k-means palette of the same K on ≤ 50k sampled pixels.
ImageLabResult computeTierB(const ImageData& image, const ImageLabParams& params,
                            const RunControl& control = {});
/// What the hover read-out says about the patch under an image pixel.
struct PatchCodeInfo {
  int row = 0, col = 0;            // patch position in the grid
  std::int64_t fsqIndex = 0;       // FSQ code index
  std::vector<int> digits;         // level digits k_i = q_i + ⌊L_i/2⌋ ∈ [0, L_i)
  std::vector<double> fsqCode;     // renormalised codeword ẑ_i = q_i/⌊L_i/2⌋
  int vqIndex = 0;
  std::vector<double> vqCode;      // VQ codeword in the PCA latent
};
/// The patch codes of tier-A pixel (x, y); nullopt outside the image or for a result without
/// per-patch codes (tier B, rate sweep points).
std::optional<PatchCodeInfo> patchCodeAt(const ImageLabResult& result, int x, int y);

/// The page's computation for params.view (tier A for PatchPca and Training, B for Colour,
/// tier A plus the 2^4..2^16 sweep for RateDistortion).
ImageLabResult computeImageLab(const ImageData& image, const ImageLabParams& params,
                               const RunControl& control = {});

}  // namespace latentlab::quantization
