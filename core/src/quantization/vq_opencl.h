// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Nearest-code search, Lloyd's centroid step and the EMA update on an OpenCL device (core/kernels/quantization/
// vq.cl, vq_centroids.cl). Private to the core; only compiled when LATENTLAB_HAVE_OPENCL is
// defined.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "latentlab/common/run_control.h"

namespace latentlab::quantization::detail {

/// The points stay on the device across searches (Lloyd's iterations; an EMA step makes one per
/// batch): each run() uploads a codebook, computes G = C Xᵀ with CLBlast for a chunk of points at
/// a time (every chunk the same shape, the points padded with zero rows, so CLBlast builds one
/// kernel) and reduces each row.
class NearestSearchCl {
 public:
  /// x: n×d row-major floats. xd (optional, n×d doubles) is kept for centroids().
  NearestSearchCl(const std::string& deviceId, const float* x, std::size_t n, std::size_t d,
                  std::size_t k, const double* xd = nullptr);
  ~NearestSearchCl();
  NearestSearchCl(const NearestSearchCl&) = delete;
  NearestSearchCl& operator=(const NearestSearchCl&) = delete;

  /// Searches a k×d row-major float codebook; fills index, distance and gap.
  void run(const float* codebook, const RunControl& control);
  /// Whether centroids() can run (the device has fp64 and xd was given).
  bool hasCentroids() const;
  /// Lloyd's update in double on the device: each code with points moves to their mean.
  void centroids(const std::vector<int>& assignment, double* codebook);
  /// The EMA update in double on the device (needs hasCentroids()), in two halves because the
  /// smoothing needs ΣN, which the caller sums on the host in the CPU's order: emaCounts groups
  /// the points by code and updates the k counts N ← γN + (1−γ)n in place; emaCodes then updates
  /// the k×d sums m ← γm + (1−γ)s and the codebook e = m/Ñ (row-major, in place).
  void emaCounts(const std::vector<int>& assignment, double decay, double* counts);
  void emaCodes(double decay, double smoothing, double total, double* sums, double* codebook);

  std::vector<int> index;       // nearest code per point (ties: lower code)
  std::vector<float> distance;  // its squared distance in float32, clamped >= 0
  std::vector<float> gap;       // > 0: the float winner is provably the exact winner (vq.cl)

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

}  // namespace latentlab::quantization::detail
