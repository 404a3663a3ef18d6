// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Lloyd's centroid step and the EMA codebook update in double, shared by the CPU path (vq.cpp)
// and the device path's host fallback on devices without fp64 (vq_device.cpp), so both give the
// same codebook bit for bit.
#pragma once

#include <vector>

#include "latentlab/quantization/vq.h"

namespace latentlab::quantization::detail {

/// Each code with points becomes the mean of its points, summed in row order; a code without
/// points keeps its value. The cluster mean minimises the within-cluster squared error, so the
/// distortion cannot rise.
void updateCentroids(const RowMatrixXd& x, const std::vector<int>& assignment,
                     RowMatrixXd& codebook);

/// The EMA codebook update of one batch (van den Oord et al. 2017, VQ-VAE appendix), in double:
/// n_j and s_j are the batch's count and row sum (rows in order) of code j, N ← γN + (1−γ)n,
/// m ← γm + (1−γ)s, and e_j = m_j / Ñ_j with Laplace smoothing Ñ_j = (N_j + ε)/(ΣN + Kε)·ΣN
/// (Ñ_j = N_j when ε = 0); a code with Ñ_j ≤ 0 keeps its value. The CPU step and the device
/// step's host path (no fp64) both run this, so they agree bit for bit.
void emaUpdate(const RowMatrixXd& batch, const std::vector<int>& assignment, double decay,
               double smoothing, Eigen::VectorXd& counts, RowMatrixXd& sums,
               RowMatrixXd& codebook);

}  // namespace latentlab::quantization::detail
