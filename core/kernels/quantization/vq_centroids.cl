// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Lloyd's centroid step in double without atomics: the points arrive grouped by code (a stable
// counting sort, so each code's points keep their order), one work item sums one coordinate of
// one code in that order, exactly the additions of the CPU loop, and divides by the count. An
// empty cluster keeps its code (docs/theory/fsq.md, k-means).
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

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
