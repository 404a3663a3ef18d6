// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Euler–Maruyama steps of the Fokker–Planck page's particles (docs/theory/fokker_planck.md
// §11, "On an OpenCL device"): the σ-family dx = [f_t − ½(g² − σ²)∇log p_t] dt + σ dw of Su,
// kexue.fm/archives/9228, with the score either absent (corr = 0) or the Gaussian marginal's
// −(x − m)/v in closed form; one work item per particle, particles as rows of DIM floats.
// The noise is counter based: Philox4x32-10 (Salmon, Moraes, Dror & Shaw, "Parallel random
// numbers: as easy as 1, 2, 3", SC'11) of the counter (particle, step, 0, 0) under the 64-bit
// seed as key, two words to two normals by Box–Muller. The host has the same integer function
// (core/src/flows/fp_opencl.h, philox4x32_10); the tests check the two agree bit for bit.

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

inline uint4 philox4x32_10(uint4 c, uint2 k) {
  for (int r = 0; r < 10; ++r) {
    if (r > 0) {
      k.x += PHILOX_W0;
      k.y += PHILOX_W1;
    }
    const uint hi0 = mul_hi(PHILOX_M0, c.x), lo0 = PHILOX_M0 * c.x;
    const uint hi1 = mul_hi(PHILOX_M1, c.z), lo1 = PHILOX_M1 * c.z;
    c = (uint4)(hi1 ^ c.y ^ k.x, lo1, hi0 ^ c.w ^ k.y, lo0);
  }
  return c;
}

// Two standard normals from two words: u1 = (w0 >> 9 + ½)·2⁻²³ ∈ (0, 1) and u2 = (w1 >> 9)·2⁻²³,
// both exact in float, r = √(−2 log u1), angle 2π u2.
inline float2 box_muller(const uint w0, const uint w1) {
  const float u1 = ((float)(w0 >> 9) + 0.5f) * 0x1.0p-23f;
  const float u2 = (float)(w1 >> 9) * 0x1.0p-23f;
  const float r = sqrt(-2.0f * log(u1));
  const float a = 6.28318530717958647692f * u2;
  return (float2)(r * cos(a), r * sin(a));
}

inline float2 step_normals(const uint particle, const uint step, const uint2 key) {
  const uint4 w = philox4x32_10((uint4)(particle, step, 0u, 0u), key);
  return box_muller(w.x, w.y);
}

// f_t(x) = s(t)·F(x) for every DriftPreset (core/src/flows/fp_closed_forms.cpp, Drift::base):
// 0 OU, 1 rotating OU, 2 double well, 3 VP schedule, 4 pure diffusion, 5 none.
inline void drift(const int preset, const float theta, const float omega, const float scale,
                  const float* x, float* f) {
  for (int a = 0; a < DIM; ++a) f[a] = 0.0f;
#if DIM == 1
  (void)omega;                            // in 1-D the rotating OU is plain OU
  if (preset == 0 || preset == 1) {
    f[0] = -theta * x[0];
  } else if (preset == 2) {
    f[0] = -4.0f * x[0] * (x[0] * x[0] - 1.0f);
  } else if (preset == 3) {
    f[0] = -x[0];
  }
#else
  if (preset == 0) {
    f[0] = -theta * x[0];
    f[1] = -theta * x[1];
  } else if (preset == 1) {
    f[0] = -theta * x[0] - omega * x[1];
    f[1] = omega * x[0] - theta * x[1];
  } else if (preset == 2) {
    f[0] = -4.0f * x[0] * (x[0] * x[0] - 1.0f);
    f[1] = -2.0f * x[1];
  } else if (preset == 3) {
    f[0] = -x[0];
    f[1] = -x[1];
  }
#endif
  for (int a = 0; a < DIM; ++a) f[a] *= scale;
}

// One step of every particle: x += (f_t(x) − corr·s(x))·dt + sq·ε, s = −(x − m)/v when
// gaussian_score, else 0. corr, sq = σ√dt, s(t) and the law (m, v) come from the host in double.
__kernel void fp_em_step(const int n, __global float* x, const int preset, const float theta,
                         const float omega, const float scale, const float dt, const float corr,
                         const float sq, const int gaussian_score, const float m0, const float m1,
                         const float var, const uint step, const uint key0, const uint key1) {
  const int i = get_global_id(0);
  if (i >= n) return;
  float xi[DIM], f[DIM];
  for (int a = 0; a < DIM; ++a) xi[a] = x[i * DIM + a];
  drift(preset, theta, omega, scale, xi, f);
  if (gaussian_score) {
    const float m[2] = {m0, m1};
    for (int a = 0; a < DIM; ++a) f[a] -= corr * (-(xi[a] - m[a]) / var);
  }
  float2 eps = (float2)(0.0f, 0.0f);
  if (sq != 0.0f) eps = step_normals((uint)i, step, (uint2)(key0, key1));
  const float e[2] = {eps.x, eps.y};
  for (int a = 0; a < DIM; ++a) x[i * DIM + a] = xi[a] + f[a] * dt + sq * e[a];
}

// The test's view of the generator: the four Philox words and the two normals of each
// (particle, step) counter, particle = first + i.
__kernel void fp_noise(const int n, const uint first, const uint step, const uint key0,
                       const uint key1, __global uint* words, __global float* normals) {
  const int i = get_global_id(0);
  if (i >= n) return;
  const uint4 w = philox4x32_10((uint4)(first + (uint)i, step, 0u, 0u), (uint2)(key0, key1));
  vstore4(w, i, words);
  vstore2(box_muller(w.x, w.y), i, normals);
}
