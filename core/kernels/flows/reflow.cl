// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The exact ReFlow velocity of a Gaussian-mixture source and target (docs/theory/reflow.md §3):
// v*(x, t) = Σ_p w_p (A_p + β_p x), w = softmax_p(log c_p − ‖x − m_p‖²/(2 c_p)), one work item
// per particle, the softmax online (one pass over the pairs, rescaled when the maximum grows).
// The per-pair coefficients come from the host (MixtureVelocity::pairTable), one table per stage
// time, each row [m (DIM), 1/(2c), log-weight, β, A (DIM)]. Euler, Heun and RK4 steps as
// ode_solver.h; particles are rows of DIM values. REAL is float or double.
#ifdef USE_FP64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif

#define STRIDE (2 * DIM + 3)

inline void velocity(const REAL* x, __global const REAL* table, const int pairs, REAL* v) {
  REAL mx = -INFINITY, s = (REAL)0, b = (REAL)0;
  REAL acc[DIM];
  for (int c = 0; c < DIM; ++c) acc[c] = (REAL)0;
  for (int p = 0; p < pairs; ++p) {
    __global const REAL* q = table + p * STRIDE;
    REAL d2 = (REAL)0;
    for (int c = 0; c < DIM; ++c) {
      const REAL e = x[c] - q[c];
      d2 += e * e;
    }
    const REAL l = q[DIM + 1] - d2 * q[DIM];
    if (l > mx) {
      const REAL r = exp(mx - l);  // 0 on the first pair
      s *= r;
      b *= r;
      for (int c = 0; c < DIM; ++c) acc[c] *= r;
      mx = l;
    }
    const REAL w = exp(l - mx);
    s += w;
    b += w * q[DIM + 2];
    for (int c = 0; c < DIM; ++c) acc[c] += w * q[DIM + 3 + c];
  }
  for (int c = 0; c < DIM; ++c) v[c] = (acc[c] + b * x[c]) / s;
}

// v*(x, t) at n points (rows of x), one table.
__kernel void reflow_velocity(const int n, __global const REAL* x, __global const REAL* table,
                              const int pairs, __global REAL* v) {
  const int i = get_global_id(0);
  if (i >= n) return;
  REAL xi[DIM], vi[DIM];
  for (int c = 0; c < DIM; ++c) xi[c] = x[i * DIM + c];
  velocity(xi, table, pairs, vi);
  for (int c = 0; c < DIM; ++c) v[i * DIM + c] = vi[c];
}

// One solver step (0 Euler, 1 Heun, 2 RK4) of every particle: reads z at z[in + row·DIM], writes
// z + h·(…) at z[out + row·DIM] (in = out: in place; else the next frame). t0, tHalf, t1 index
// the tables of the step's start, middle and end times.
__kernel void reflow_step(const int n, __global REAL* z, const int in, const int out,
                          __global const REAL* tables, const int pairs, const int t0,
                          const int tHalf, const int t1, const REAL h, const int solver) {
  const int i = get_global_id(0);
  if (i >= n) return;
  REAL x[DIM], k1[DIM], y[DIM];
  for (int c = 0; c < DIM; ++c) x[c] = z[in + i * DIM + c];
  velocity(x, tables + t0, pairs, k1);
  if (solver == 0) {
    for (int c = 0; c < DIM; ++c) z[out + i * DIM + c] = x[c] + h * k1[c];
  } else if (solver == 1) {
    REAL k2[DIM];
    for (int c = 0; c < DIM; ++c) y[c] = x[c] + h * k1[c];
    velocity(y, tables + t1, pairs, k2);
    for (int c = 0; c < DIM; ++c) z[out + i * DIM + c] = x[c] + ((REAL)0.5 * h) * (k1[c] + k2[c]);
  } else {
    REAL k2[DIM], k3[DIM], k4[DIM];
    for (int c = 0; c < DIM; ++c) y[c] = x[c] + ((REAL)0.5 * h) * k1[c];
    velocity(y, tables + tHalf, pairs, k2);
    for (int c = 0; c < DIM; ++c) y[c] = x[c] + ((REAL)0.5 * h) * k2[c];
    velocity(y, tables + tHalf, pairs, k3);
    for (int c = 0; c < DIM; ++c) y[c] = x[c] + h * k3[c];
    velocity(y, tables + t1, pairs, k4);
    for (int c = 0; c < DIM; ++c)
      z[out + i * DIM + c] =
          x[c] + (h / (REAL)6) * (k1[c] + (REAL)2 * k2[c] + (REAL)2 * k3[c] + k4[c]);
  }
}

// ρ_t(x) = Σ_p exp(log-weight_p − ‖x − m_p‖²/(2 c_p)) with the normalised table, max-shifted.
__kernel void reflow_density(const int n, __global const REAL* x, __global const REAL* table,
                             const int pairs, __global REAL* rho) {
  const int i = get_global_id(0);
  if (i >= n) return;
  REAL mx = -INFINITY, s = (REAL)0;
  for (int p = 0; p < pairs; ++p) {
    __global const REAL* q = table + p * STRIDE;
    REAL d2 = (REAL)0;
    for (int c = 0; c < DIM; ++c) {
      const REAL e = x[i * DIM + c] - q[c];
      d2 += e * e;
    }
    const REAL l = q[DIM + 1] - d2 * q[DIM];
    if (l > mx) {
      s *= exp(mx - l);
      mx = l;
    }
    s += exp(l - mx);
  }
  rho[i] = exp(mx + log(s));
}
