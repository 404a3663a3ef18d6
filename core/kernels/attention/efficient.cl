// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// float32 kernels of the Efficient attention page (docs/theory/efficient_attention.md): the masked
// row softmax of exact attention and of Transformer-VQ's cache logits, Performer's feature maps
// and causal chunked prefix sums, Transformer-VQ's nearest-code search and cache sums. Matrices
// are column-major (Eigen's layout): entry (i, j) of a matrix with leading dimension ld is
// a[i + j * ld]. One work item per row keeps each row's max and sum in key order, like the CPU.

// Row softmax in place over `cols` columns of a (rows × cols, ld), logits scale·a(i, j) + bias_j
// (bias only when has_bias: Transformer-VQ's log counts, −∞ for unused codes). Causal masks key
// j > row_offset + i (this block's first query is row_offset); masked entries become 0.
__kernel void softmax_rows(const int rows, const int cols, const int ld, const float scale,
                           const int row_offset, const int causal, const int has_bias,
                           __global const float* bias, __global float* a) {
  const int i = get_global_id(0);
  if (i >= rows) return;
  const int end = causal ? min(cols, row_offset + i + 1) : cols;
  float mx = -INFINITY;
  for (int j = 0; j < end; ++j) {
    const float x = scale * a[i + j * ld] + (has_bias ? bias[j] : 0.0f);
    mx = fmax(mx, x);
  }
  float sum = 0.0f;
  for (int j = 0; j < end; ++j) {
    const float e = exp(scale * a[i + j * ld] + (has_bias ? bias[j] : 0.0f) - mx);
    a[i + j * ld] = e;
    sum += e;
  }
  const float inv = 1.0f / sum;
  for (int j = 0; j < end; ++j) a[i + j * ld] *= inv;
  for (int j = end; j < cols; ++j) a[i + j * ld] = 0.0f;
}

// out_i = factor · ‖x_i‖² for the n rows of x (n × d, ld n).
__kernel void row_sq_norms(const int n, const int d, const float factor, __global const float* x,
                           __global float* out) {
  const int i = get_global_id(0);
  if (i >= n) return;
  float s = 0.0f;
  for (int j = 0; j < d; ++j) s += x[i + j * n] * x[i + j * n];
  out[i] = factor * s;
}

// Performer query features from the projection p = √s·Q·Ωᵀ (n × m): kind 0 positive
// exp(p − row max), 1 hyperbolic exp(±p − row max over both halves), 2 trigonometric
// (sin p, cos p). phi is n × m′ (m′ = m or 2m). The row max cancels in the normalisation.
__kernel void performer_query(const int n, const int m, const int kind, __global const float* p,
                              __global float* phi) {
  const int i = get_global_id(0);
  if (i >= n) return;
  if (kind == 2) {
    for (int j = 0; j < m; ++j) {
      const float x = p[i + j * n];
      phi[i + j * n] = sin(x);
      phi[i + (m + j) * n] = cos(x);
    }
    return;
  }
  float mx = -INFINITY;
  for (int j = 0; j < m; ++j) mx = fmax(mx, kind == 1 ? fabs(p[i + j * n]) : p[i + j * n]);
  for (int j = 0; j < m; ++j) {
    const float x = p[i + j * n];
    phi[i + j * n] = exp(x - mx);
    if (kind == 1) phi[i + (m + j) * n] = exp(-x - mx);
  }
}

// Performer key logits before the global stabiliser: positive p − h, hyperbolic (p − h, −p − h),
// trigonometric (sin p, cos p) with h_i = s‖k_i‖²/2. row_max_i is the row's largest logit (h_i for
// trigonometric, whose weight is exp(h_i − max h)); performer_key_finish applies the global max.
__kernel void performer_key_logits(const int n, const int m, const int kind,
                                   __global const float* p, __global const float* h,
                                   __global float* phi, __global float* row_max) {
  const int i = get_global_id(0);
  if (i >= n) return;
  const float hi = h[i];
  float mx = -INFINITY;
  for (int j = 0; j < m; ++j) {
    const float x = p[i + j * n];
    if (kind == 2) {
      phi[i + j * n] = sin(x);
      phi[i + (m + j) * n] = cos(x);
    } else {
      phi[i + j * n] = x - hi;
      mx = fmax(mx, x - hi);
      if (kind == 1) {
        phi[i + (m + j) * n] = -x - hi;
        mx = fmax(mx, -x - hi);
      }
    }
  }
  row_max[i] = kind == 2 ? hi : mx;
}

// out[0] = max of x[0 … n): one work group of 256 (launched with global = local = 256).
__kernel void max_reduce(const int n, __global const float* x, __global float* out) {
  __local float part[256];
  const int t = get_local_id(0);
  float mx = -INFINITY;
  for (int i = t; i < n; i += 256) mx = fmax(mx, x[i]);
  part[t] = mx;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int w = 128; w > 0; w >>= 1) {
    if (t < w) part[t] = fmax(part[t], part[t + w]);
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  if (t == 0) out[0] = part[0];
}

// Key features from performer_key_logits: exp(logit − global max) (positive, hyperbolic) or the
// row weight exp(h_i − max h) times (sin, cos) (trigonometric). phi is n × m′.
__kernel void performer_key_finish(const int n, const int mp, const int kind,
                                   __global const float* h, __global const float* gmax,
                                   __global float* phi) {
  const int i = get_global_id(0);
  if (i >= n) return;
  const float g = gmax[0];
  if (kind == 2) {
    const float w = exp(h[i] - g);
    for (int j = 0; j < mp; ++j) phi[i + j * n] *= w;
    return;
  }
  for (int j = 0; j < mp; ++j) phi[i + j * n] = exp(phi[i + j * n] - g);
}

// Causal Performer in chunks of length c: state_b = Σ_{j in chunk b} φ(k_j) w_jᵀ with w = [V, 1]
// (n × dw), stored chunk after chunk, each mp × dw column-major. Work item (a, col, chunk).
__kernel void chunk_states(const int n, const int mp, const int dw, const int c,
                           __global const float* phik, __global const float* w,
                           __global float* states) {
  const int a = get_global_id(0), col = get_global_id(1), b = get_global_id(2);
  if (a >= mp || col >= dw) return;
  const int j0 = b * c, j1 = min(n, j0 + c);
  float s = 0.0f;
  for (int j = j0; j < j1; ++j) s += phik[j + a * n] * w[j + col * n];
  states[(size_t)b * mp * dw + a + col * mp] = s;
}

// Exclusive prefix sum over the chunks, in place: chunk b then holds Σ of the chunks before it.
__kernel void prefix_states(const int entries, const int chunks, __global float* states) {
  const int e = get_global_id(0);
  if (e >= entries) return;
  float run = 0.0f;
  for (int b = 0; b < chunks; ++b) {
    const float t = states[(size_t)b * entries + e];
    states[(size_t)b * entries + e] = run;
    run += t;
  }
}

// In-chunk scores dots(i, t) = φ(q_i)·φ(k_j) for key j = chunk start + t ≤ i, else 0 (n × c).
__kernel void chunk_dots(const int n, const int mp, const int c, __global const float* phiq,
                         __global const float* phik, __global float* dots) {
  const int i = get_global_id(0), t = get_global_id(1);
  if (i >= n || t >= c) return;
  const int j = (i / c) * c + t;
  float s = 0.0f;
  if (j <= i)
    for (int a = 0; a < mp; ++a) s += phiq[i + a * n] * phik[j + a * n];
  dots[i + t * n] = s;
}

// out(i, col) = φ(q_i)ᵀ state_{chunk(i)}[:, col] + Σ_t dots(i, t) w(chunk start + t, col): the
// numerators (col < dv) and the normaliser (col = dv) of o_i (n × dw).
__kernel void chunk_output(const int n, const int mp, const int dw, const int c,
                           __global const float* phiq, __global const float* states,
                           __global const float* dots, __global const float* w,
                           __global float* out) {
  const int i = get_global_id(0), col = get_global_id(1);
  if (i >= n || col >= dw) return;
  const int b = i / c;
  __global const float* st = states + (size_t)b * mp * dw + col * mp;
  float s = 0.0f;
  for (int a = 0; a < mp; ++a) s += phiq[i + a * n] * st[a];
  for (int t = 0; t <= i - b * c; ++t) s += dots[i + t * n] * w[b * c + t + col * n];
  out[i + col * n] = s;
}

// Nearest code of each key from dot = −2·C·Kᵀ (s × n): argmin_c max(dot + ‖k‖² + ‖c‖², 0), ties to
// the lowest c (the CPU's arithmetic and order).
__kernel void argmin_codes(const int n, const int s, __global const float* dot,
                           __global const float* kn, __global const float* cn,
                           __global int* codes) {
  const int i = get_global_id(0);
  if (i >= n) return;
  __global const float* col = dot + (size_t)i * s;
  int best = 0;
  float best_value = fmax(col[0] + kn[i] + cn[0], 0.0f);
  for (int c = 1; c < s; ++c) {
    const float v = fmax(col[c] + kn[i] + cn[c], 0.0f);
    if (v < best_value) {
      best_value = v;
      best = c;
    }
  }
  codes[i] = best;
}

// Transformer-VQ cache over all n keys: counts_c and sums(c, col) = Σ_{code_j = c} v(j, col), keys
// in order (no atomics, so the sums are reproducible). Then means = sums / count and the logit
// bias log count (−∞ for unused codes). Work item (code, col); col = dv is the count.
__kernel void vq_cache(const int n, const int s, const int dv, __global const int* codes,
                       __global const float* v, __global float* counts, __global float* means,
                       __global float* log_counts) {
  const int c = get_global_id(0), col = get_global_id(1);
  if (c >= s || col > dv) return;
  float sum = 0.0f, count = 0.0f;
  for (int j = 0; j < n; ++j)
    if (codes[j] == c) {
      count += 1.0f;
      if (col < dv) sum += v[j + col * n];
    }
  if (col < dv) {
    means[c + col * s] = count > 0.0f ? sum / count : 0.0f;
  } else {
    counts[c] = count;
    log_counts[c] = count > 0.0f ? log(count) : -INFINITY;
  }
}
