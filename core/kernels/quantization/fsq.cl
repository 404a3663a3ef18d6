// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// FSQ (Mentzer et al. 2023) on float32 rows, the level by comparison with the float cell edges
// exactly as latentlab::simd::fsqQuantize does (docs/theory/fsq.md): k = #{e : z >= e}, the code
// (lo + k) * inv and the mixed-radix index sum k_i * basis_i. near[r] marks rows with a value
// within a few float ulps of an edge (or NaN), whose level a double z might put in the other cell:
// the host redoes those rows in double.

__kernel void fsq_quantize(const int rows, const int d, __global const float* z,
                           __global const float* lo, __global const float* inv,
                           __global const float* edges, __global const int* start,
                           __global const int* levels, __global float* code,
                           __global int* index, __global uchar* near) {
  const int r = get_global_id(0);
  if (r >= rows) return;
  int idx = 0, basis = 1;
  uchar close = 0;
  for (int i = 0; i < d; ++i) {
    const float v = z[(size_t)r * d + i];
    int k = 0;
    for (int e = start[i]; e < start[i + 1]; ++e) {
      const float t = edges[e];
      k += v >= t ? 1 : 0;
      // 2^-20 relative: the float rounding of a double z (2^-24) with room to spare.
      if (fabs(v - t) <= 0x1p-20f * fmax(fabs(v), fabs(t))) close = 1;
    }
    if (isnan(v)) close = 1;
    code[(size_t)r * d + i] = (lo[i] + (float)k) * inv[i];
    idx += k * basis;
    basis *= levels[i];
  }
  index[r] = idx;
  near[r] = close;
}
