// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Smooth Top-k on the device (Su, kexue.fm/archives/10373; docs/theory/topk.md): the threshold
// sums F(λ) = Σ f(z_i − λ), F′ and the outputs p = f(z − λ), d = f′(z − λ); the clip sets; the
// two sides of λ for the exp/Laplace closed forms; and the steps of Su's iteration. Every
// reduction writes one partial per work-group; the host adds the few partials in double, so a
// solver iteration is one launch. REAL is float or double (-DREAL=...), LOCAL the group size.
#ifdef USE_FP64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif

// Method codes, as topk::Method's threshold members (soft_topk_opencl.cpp maps them).
#define M_EXP 0
#define M_SIGMOID 1
#define M_LAPLACE 2
#define M_CLIP 3
#define M_ENTMAX 4

// f(u) and f′(u) of the threshold families, as thresholdF / thresholdDF in soft_topk_threshold.cpp.
inline void thresholdFD(const int method, const REAL u, const REAL alpha, REAL* f, REAL* d) {
  if (method == M_EXP) {
    const REAL e = exp(fmin(u, (REAL)0));
    *f = u >= (REAL)0 ? (REAL)1 : e;
    *d = u < (REAL)0 ? e : (REAL)0;
  } else if (method == M_SIGMOID) {
    // σ(u) without overflow: e = e^{−|u|}.
    const REAL e = exp(-fabs(u));
    const REAL s = u >= (REAL)0 ? (REAL)1 / ((REAL)1 + e) : e / ((REAL)1 + e);
    *f = s;
    *d = e / (((REAL)1 + e) * ((REAL)1 + e));
  } else if (method == M_LAPLACE) {
    const REAL h = (REAL)0.5 * exp(-fabs(u));
    *f = u >= (REAL)0 ? (REAL)1 - h : h;
    *d = h;
  } else if (method == M_CLIP) {
    *f = clamp(u, (REAL)0, (REAL)1);
    *d = (u > (REAL)0 && u < (REAL)1) ? (REAL)1 : (REAL)0;
  } else {
    REAL v = (REAL)0;
    if (u >= (REAL)0) {
      v = (REAL)1;
    } else {
      const REAL base = (REAL)1 + (alpha - (REAL)1) * u;
      v = base <= (REAL)0 ? (REAL)0 : pow(base, (REAL)1 / (alpha - (REAL)1));
    }
    *f = v;
    *d = (v > (REAL)0 && v < (REAL)1) ? pow(v, (REAL)2 - alpha) : (REAL)0;
  }
}

// Tree reduction of one value per work item; the result is in s[0] of every group.
inline void groupSum(__local REAL* s) {
  const int l = get_local_id(0);
  for (int w = LOCAL / 2; w > 0; w >>= 1) {
    barrier(CLK_LOCAL_MEM_FENCE);
    if (l < w) s[l] += s[l + w];
  }
  barrier(CLK_LOCAL_MEM_FENCE);
}

inline void groupMax(__local REAL* s) {
  const int l = get_local_id(0);
  for (int w = LOCAL / 2; w > 0; w >>= 1) {
    barrier(CLK_LOCAL_MEM_FENCE);
    if (l < w) s[l] = fmax(s[l], s[l + w]);
  }
  barrier(CLK_LOCAL_MEM_FENCE);
}

inline void groupMin(__local REAL* s) {
  const int l = get_local_id(0);
  for (int w = LOCAL / 2; w > 0; w >>= 1) {
    barrier(CLK_LOCAL_MEM_FENCE);
    if (l < w) s[l] = fmin(s[l], s[l + w]);
  }
  barrier(CLK_LOCAL_MEM_FENCE);
}

inline void groupSumInt(__local int* s) {
  const int l = get_local_id(0);
  for (int w = LOCAL / 2; w > 0; w >>= 1) {
    barrier(CLK_LOCAL_MEM_FENCE);
    if (l < w) s[l] += s[l + w];
  }
  barrier(CLK_LOCAL_MEM_FENCE);
}

// partial[2g] = Σ f(z_i − λ), partial[2g + 1] = Σ f′(z_i − λ) over group g's grid-stride share.
__kernel void thre_sums(const int n, __global const REAL* z, const REAL lam, const int method,
                        const REAL alpha, __global REAL* partial) {
  __local REAL sf[LOCAL], sd[LOCAL];
  REAL f = (REAL)0, d = (REAL)0;
  for (int i = get_global_id(0); i < n; i += get_global_size(0)) {
    REAL fi, di;
    thresholdFD(method, z[i] - lam, alpha, &fi, &di);
    f += fi;
    d += di;
  }
  const int l = get_local_id(0);
  sf[l] = f;
  sd[l] = d;
  groupSum(sf);
  groupSum(sd);
  if (l == 0) {
    partial[2 * get_group_id(0)] = sf[0];
    partial[2 * get_group_id(0) + 1] = sd[0];
  }
}

__kernel void thre_values(const int n, __global const REAL* z, const REAL lam, const int method,
                          const REAL alpha, __global REAL* p, __global REAL* d) {
  const int i = get_global_id(0);
  if (i >= n) return;
  REAL fi, di;
  thresholdFD(method, z[i] - lam, alpha, &fi, &di);
  p[i] = fi;
  d[i] = di;
}

// The clip map's sets at λ: partial[g] = Σ z_i over A = {0 < z_i − λ < 1}; counts[2g] = |A|,
// counts[2g + 1] = |U| with U = {z_i − λ ≥ 1}.
__kernel void clip_sets(const int n, __global const REAL* z, const REAL lam,
                        __global REAL* partial, __global int* counts) {
  __local REAL ss[LOCAL];
  __local int sa[LOCAL], su[LOCAL];
  REAL s = (REAL)0;
  int a = 0, u = 0;
  for (int i = get_global_id(0); i < n; i += get_global_size(0)) {
    const REAL v = z[i] - lam;
    if (v >= (REAL)1) {
      ++u;
    } else if (v > (REAL)0) {
      s += z[i];
      ++a;
    }
  }
  const int l = get_local_id(0);
  ss[l] = s;
  sa[l] = a;
  su[l] = u;
  groupSum(ss);
  groupSumInt(sa);
  groupSumInt(su);
  if (l == 0) {
    partial[get_group_id(0)] = ss[0];
    counts[2 * get_group_id(0)] = sa[0];
    counts[2 * get_group_id(0) + 1] = su[0];
  }
}

// The two sides of λ, first pass: partial[2g] = min over S = {z_i ≥ λ}, partial[2g + 1] = max
// over the rest (±INFINITY when empty), counts[g] = |S|.
__kernel void split_extremes(const int n, __global const REAL* z, const REAL lam,
                             __global REAL* partial, __global int* counts) {
  __local REAL smin[LOCAL], smax[LOCAL];
  __local int sc[LOCAL];
  REAL mn = INFINITY, mx = -INFINITY;
  int c = 0;
  for (int i = get_global_id(0); i < n; i += get_global_size(0)) {
    const REAL v = z[i];
    if (v >= lam) {
      mn = fmin(mn, v);
      ++c;
    } else {
      mx = fmax(mx, v);
    }
  }
  const int l = get_local_id(0);
  smin[l] = mn;
  smax[l] = mx;
  sc[l] = c;
  groupMin(smin);
  groupMax(smax);
  groupSumInt(sc);
  if (l == 0) {
    partial[2 * get_group_id(0)] = smin[0];
    partial[2 * get_group_id(0) + 1] = smax[0];
    counts[get_group_id(0)] = sc[0];
  }
}

// Second pass, max-shifted: partial[2g] = Σ_S e^{−(z_i − minS)}, partial[2g + 1] =
// Σ_rest e^{z_i − maxU}, so log S1 = −minS + log Σ… and log S2 = maxU + log Σ….
__kernel void split_sums(const int n, __global const REAL* z, const REAL lam, const REAL minS,
                         const REAL maxU, __global REAL* partial) {
  __local REAL s1[LOCAL], s2[LOCAL];
  REAL a = (REAL)0, b = (REAL)0;
  for (int i = get_global_id(0); i < n; i += get_global_size(0)) {
    const REAL v = z[i];
    if (v >= lam)
      a += exp(minS - v);
    else
      b += exp(v - maxU);
  }
  const int l = get_local_id(0);
  s1[l] = a;
  s2[l] = b;
  groupSum(s1);
  groupSum(s2);
  if (l == 0) {
    partial[2 * get_group_id(0)] = s1[0];
    partial[2 * get_group_id(0) + 1] = s2[0];
  }
}

// Su's iteration (kexue.fm/archives/6620), y = (1 − p) ⊙ z: partial[g] = max y over the group.
__kernel void su_max(const int n, __global const REAL* z, __global const REAL* p,
                     __global REAL* partial) {
  __local REAL s[LOCAL];
  REAL m = -INFINITY;
  for (int i = get_global_id(0); i < n; i += get_global_size(0))
    m = fmax(m, ((REAL)1 - p[i]) * z[i]);
  s[get_local_id(0)] = m;
  groupMax(s);
  if (get_local_id(0) == 0) partial[get_group_id(0)] = s[0];
}

// partial[g] = Σ e^{y_i − max y}; the same exponentials become s after the host's sum.
__kernel void su_sum(const int n, __global const REAL* z, __global const REAL* p, const REAL ymax,
                     __global REAL* e, __global REAL* partial) {
  __local REAL s[LOCAL];
  REAL acc = (REAL)0;
  for (int i = get_global_id(0); i < n; i += get_global_size(0)) {
    const REAL v = exp(((REAL)1 - p[i]) * z[i] - ymax);
    e[i] = v;
    acc += v;
  }
  s[get_local_id(0)] = acc;
  groupSum(s);
  if (get_local_id(0) == 0) partial[get_group_id(0)] = s[0];
}

// p += e / Σe (e becomes the step's softmax s, kept for the host's Jacobian recursion).
__kernel void su_update(const int n, __global REAL* p, __global REAL* e, const REAL inv) {
  const int i = get_global_id(0);
  if (i >= n) return;
  const REAL s = e[i] * inv;
  e[i] = s;
  p[i] += s;
}
