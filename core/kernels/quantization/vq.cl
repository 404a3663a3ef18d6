// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Nearest-code search after the GEMM G = C X^T (docs/theory/fsq.md, the OpenCL device path): per
// point row v_j = ||c_j||^2 - 2 x.c_j, the argmin with ties to the lower code (as the CPU's strict
// <) and the distance max(0, v + ||x||^2). Each float v_j is within e_j = gamma (||c_j||^2 +
// 2 ||x|| ||c_j||) of its exact value; `margin` = min over j != best of (v_j - e_j) minus
// (v_best + e_best). margin > 0 proves the float winner is the exact winner; otherwise the host
// searches the row again in double.

__kernel void row_norms(const int k, const int d, __global const float* c, __global float* norm) {
  const int j = get_global_id(0);
  if (j >= k) return;
  float s = 0.0f;
  for (int i = 0; i < d; ++i) {
    const float v = c[(size_t)j * d + i];
    s += v * v;
  }
  norm[j] = s;
}

#define WG 64

// One work-group per point row; g holds `rows` rows of k values (CLBlast's column-major K x rows).
__kernel __attribute__((reqd_work_group_size(WG, 1, 1))) void argmin_rows(
    const int rows, const int k, const int d, const int rowOffset, const float gamma,
    __global const float* g, __global const float* cnorm, __global const float* x,
    __global int* index, __global float* distance, __global float* margin) {
  __local float lb[WG], l1[WG], l2[WG];
  __local int li[WG], l1i[WG];
  const int r = get_group_id(0);
  const int lid = get_local_id(0);
  const size_t row = (size_t)rowOffset + r;
  float xn = 0.0f;
  if (r < rows)
    for (int i = 0; i < d; ++i) xn += x[row * d + i] * x[row * d + i];
  const float xlen = sqrt(xn);
  // Best v (index bi); smallest lower bound v - e (index ai) and the second smallest.
  float b = INFINITY, a = INFINITY, a2 = INFINITY;
  int bi = k, ai = k;  // k = none yet: any real code wins a tie against it
  if (r < rows) {
    __global const float* gr = g + (size_t)r * k;
    for (int j = lid; j < k; j += WG) {
      const float v = cnorm[j] - 2.0f * gr[j];
      const float lo = v - gamma * (cnorm[j] + 2.0f * xlen * sqrt(cnorm[j]));
      if (v < b) {
        b = v;
        bi = j;
      }
      if (lo < a) {
        a2 = a;
        a = lo;
        ai = j;
      } else if (lo < a2) {
        a2 = lo;
      }
    }
  }
  lb[lid] = b;
  li[lid] = bi;
  l1[lid] = a;
  l1i[lid] = ai;
  l2[lid] = a2;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int step = WG / 2; step > 0; step >>= 1) {
    if (lid < step) {
      const int o = lid + step;
      if (lb[o] < lb[lid] || (lb[o] == lb[lid] && li[o] < li[lid])) {
        lb[lid] = lb[o];
        li[lid] = li[o];
      }
      if (l1[o] < l1[lid] || (l1[o] == l1[lid] && l1i[o] < l1i[lid])) {
        l2[lid] = fmin(l2[o], l1[lid]);
        l1[lid] = l1[o];
        l1i[lid] = l1i[o];
      } else {
        l2[lid] = fmin(l2[lid], l1[o]);
      }
    }
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  if (lid == 0 && r < rows) {
    const int best = li[0] >= k ? 0 : li[0];
    const float rival = l1i[0] == li[0] ? l2[0] : l1[0];
    const float up = lb[0] + gamma * (cnorm[best] + 2.0f * xlen * sqrt(cnorm[best]));
    index[row] = best;
    distance[row] = fmax(0.0f, lb[0] + xn);
    margin[row] = rival - up;
  }
}
