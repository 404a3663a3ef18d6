// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Dense>
#include <string>

namespace latentlab {

/// Reads a NumPy .npy array (format versions 1–3) holding a 2-D float32 or float64 matrix in C
/// order, little- or big-endian ('<f4', '<f8', '>f4', '>f8'). A 1-D array of length n reads as
/// n×1. Every failure throws ParamError(key, message) naming what is wrong and what is allowed:
/// bad magic, unsupported dtype ("int64 is not supported: save as float32 or float64"),
/// Fortran order, more than 2 dimensions, a truncated payload, NaN or Inf entries.
Eigen::MatrixXd parseNpy(const std::string& bytes, const std::string& key);

/// parseNpy on a file's content; ParamError(key, …) when it cannot be read (limit 512 MiB).
Eigen::MatrixXd loadNpy(const std::string& path, const std::string& key);

/// Serialises a matrix as a version-1.0 '<f8' C-order .npy (for tests and data exports).
std::string toNpy(const Eigen::Ref<const Eigen::MatrixXd>& m);

}  // namespace latentlab
