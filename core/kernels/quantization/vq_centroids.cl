// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Lloyd's centroid step and the EMA codebook update (van den Oord et al. 2017, VQ-VAE appendix)
// in double without atomics: the points arrive grouped by code (a stable counting sort, so each
// code's points keep their order), one work item sums one coordinate of one code in that order,
// exactly the additions of the CPU loop. An empty cluster keeps its code (docs/theory/fsq.md,
// k-means and EMA).
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
// OpenCL C allows a*b + c to become one fma (FP_CONTRACT defaults to on, and pocl's LLVM does
// fuse); the CPU build rounds the product and the sum separately, so fusing would change the
// last bit of the EMA updates below.
#pragma OPENCL FP_CONTRACT OFF

__kernel void centroids(const int k, const int d, __global const double* x,
                        __global const int* order, __global const int* start,
                        __global double* codebook) {
  const int j = get_global_id(0);
  const int i = get_global_id(1);
  if (j >= k || i >= d) return;
  const int a = start[j], b = start[j + 1];
  if (b == a) return;
  double s = 0.0;
  for (int p = a; p < b; ++p) s += x[(size_t)order[p] * d + i];
  codebook[(size_t)j * d + i] = s / (double)(b - a);
}

// N_j <- decay N_j + (1 - decay) n_j, n_j = the batch's points of code j (an exact integer).
__kernel void ema_counts(const int k, const double decay, __global const int* start,
                         __global double* counts) {
  const int j = get_global_id(0);
  if (j >= k) return;
  counts[j] = decay * counts[j] + (1.0 - decay) * (double)(start[j + 1] - start[j]);
}

// m_ji <- decay m_ji + (1 - decay) s_ji with s_ji the sum of coordinate i over code j's points,
// then e_ji = m_ji / N~_j, Laplace-smoothed N~_j = (N_j + eps) / (total + k eps) * total (N_j
// when eps = 0), with total = sum_j N_j (summed on the host in the CPU's order). A code with
// N~_j <= 0 keeps e_j. Every operation is the CPU's, in its order.
__kernel void ema_codes(const int k, const int d, const double decay, const double smoothing,
                        const double total, __global const double* x, __global const int* order,
                        __global const int* start, __global const double* counts,
                        __global double* sums, __global double* codebook) {
  const int j = get_global_id(0);
  const int i = get_global_id(1);
  if (j >= k || i >= d) return;
  double s = 0.0;
  for (int p = start[j]; p < start[j + 1]; ++p) s += x[(size_t)order[p] * d + i];
  const size_t at = (size_t)j * d + i;
  const double m = decay * sums[at] + (1.0 - decay) * s;
  sums[at] = m;
  const double smoothed = smoothing > 0.0
                              ? (counts[j] + smoothing) / (total + (double)k * smoothing) * total
                              : counts[j];
  if (smoothed > 0.0) codebook[at] = m / smoothed;
}
