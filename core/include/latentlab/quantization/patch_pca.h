// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/fsq.md §11 (patch PCA
// encoder).

#include <Eigen/Dense>

#include "latentlab/quantization/image_io.h"

namespace latentlab::quantization {

/// Non-overlapping P×P patches (stride P) as rows of X (N × P²C). The image is
/// padded to a multiple of P by repeating its last row/column, so 1×1 and 1×N images work; the
/// layout remembers the original size so reassembly crops the padding away.
struct PatchLayout {
  int patch = 8;
  int channels = 1;
  int width = 0;   // original image size
  int height = 0;
  int gridRows = 0;  // patches down
  int gridCols = 0;  // patches across
};
struct Patches {
  Eigen::MatrixXd x;  // row r·gridCols + c holds patch (r, c): channel-major, then row, then column
  PatchLayout layout;
};
Patches extractPatches(const ImageData& image, int patch);

/// Inverse of extractPatches: writes each row back, crops and clamps to [0, 1].
ImageData reassemblePatches(const Eigen::MatrixXd& x, const PatchLayout& layout);

/// Patch PCA: μ = mean row, S = (X−μ)ᵀ(X−μ)/N, the top-d eigenvectors U_d
/// (descending eigenvalues). Latent y = U_dᵀ(x − μ).
struct PcaModel {
  Eigen::RowVectorXd mean;     // 1 × D
  Eigen::MatrixXd components;  // D × d, columns by descending variance
  Eigen::VectorXd variances;   // d eigenvalues λ_i ≥ 0, descending
};
PcaModel fitPca(const Eigen::MatrixXd& x, int dims);
Eigen::MatrixXd pcaEncode(const PcaModel& model, const Eigen::MatrixXd& x);  // N × d
Eigen::MatrixXd pcaDecode(const PcaModel& model, const Eigen::MatrixXd& y);  // N × D

}  // namespace latentlab::quantization
