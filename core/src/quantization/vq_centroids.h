// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Lloyd's centroid step in double, shared by the CPU path (vq.cpp) and the device path's host
// fallback on devices without fp64 (vq_device.cpp), so both give the same codebook bit for bit.
#pragma once

#include <vector>

#include "latentlab/quantization/vq.h"

namespace latentlab::quantization::detail {

/// Each code with points becomes the mean of its points, summed in row order; a code without
/// points keeps its value. The cluster mean minimises the within-cluster squared error, so the
/// distortion cannot rise.
void updateCentroids(const RowMatrixXd& x, const std::vector<int>& assignment,
                     RowMatrixXd& codebook);

}  // namespace latentlab::quantization::detail
