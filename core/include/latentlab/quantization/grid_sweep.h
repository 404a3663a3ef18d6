// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <cstdint>
#include <vector>

#include "latentlab/common/run_control.h"
#include "latentlab/quantization/grid_lab.h"

namespace latentlab::quantization {

/// Code budgets of the grid page's utilisation sweep: log2 K = 4, 6, …, 16.
inline constexpr int kSweepMinBits = 4;
inline constexpr int kSweepMaxBits = 16;

/// One budget of the sweep. Usage is "fraction of codes used at least once" (FSQ paper), on the
/// half the codebook was fitted on and on the held-out half.
struct GridSweepPoint {
  int log2Target = 0;
  std::vector<int> levels;      // FSQ levels (d = the page's d)
  bool preset = false;          // the paper's tuple (Table 1 / App. A.4.1) for this d
  std::int64_t fsqCodes = 0;    // ∏L
  int vqCodes = 0;              // K fitted: min(∏L, fit half)
  double fsqUsage = 0, fsqHeldOutUsage = 0;
  double vqUsage = 0, vqHeldOutUsage = 0;
  double fsqSnrDb = 0, vqSnrDb = 0;  // −10·log10(rel. MSE) on the held-out half
};

struct GridSweepResult {
  std::vector<GridSweepPoint> points;
  int fitPoints = 0;
  int heldOutPoints = 0;
};

/// FSQ levels for log2 K = bits in d dimensions: the paper's preset when its length is d, else
/// an even split L_i ≈ 2^{bits/d} (the extra factor on the first dimensions; L_i ≥ 3, FSQ's
/// minimum, so ∏L can exceed 2^bits for tiny budgets).
std::vector<int> sweepLevels(int bits, int dims, bool* preset = nullptr);

/// Usage and distortion against log2 K (the analogue of Mentzer et al. 2023 (FSQ), Fig. 3a/3c) on
/// the page's points x (N×d). A seeded permutation splits x in halves: VQ (k-means++ and
/// p.iterations Lloyd steps, at least 1) and the FSQ centroid decoder are fitted on the first;
/// usage is counted on both; SNR = −10·log10(MSE / variance) is measured on the held-out half
/// (FSQ cells without fit points decode with the analytic inverse bound).
GridSweepResult computeGridSweep(const RowMatrixXd& x, const GridLabParams& p,
                                 const RunControl& control = {});

}  // namespace latentlab::quantization
