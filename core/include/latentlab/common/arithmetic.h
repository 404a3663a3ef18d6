// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

namespace latentlab {

/// Arithmetic of a page's heavy kernels: float64 (double), or float32 with its rounding against
/// float64 measured and reported by the page (the efficient-attention outputs and timings, the
/// ReFlow particles). The rank, SVD and closed-form checks always run in double.
enum class Arithmetic { Float64, Float32 };

}  // namespace latentlab
