// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// Elementwise and reduction kernels with run-time instruction-set dispatch (Google Highway,
// HWY_DYNAMIC_DISPATCH): one binary runs the AVX-512 code where the CPU has it, AVX2 or SSE4
// elsewhere, and a portable 128-bit emulation on a baseline x86-64 (SSE2) machine. The
// exponential and tanh are Highway's vectorised ones (hwy/contrib/math: exp within 1 ulp, tanh
// within 4 ulp of the exact value); sums run in the same order as a scalar loop.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace latentlab::simd {

/// The instruction set the dispatcher runs on this machine ("AVX3", "AVX2", "SSE4", "EMU128", …).
std::string chosenTarget();

/// Every instruction set compiled into this binary that this CPU can run, best first.
std::vector<std::string> runnableTargets();

/// Restricts dispatch to the named target (one of runnableTargets()) until called with an empty
/// name; lets tests check that every compiled target gives the same numbers. Returns false for
/// a name this machine cannot run, and dispatches to the best target again.
bool restrictTarget(const std::string& name);

/// Row softmax of scale·A for a column-major rows × cols block with leading dimension ld, in
/// place: A_ij ← exp(scale·A_ij − max_l scale·A_il) / Σ_l exp(scale·A_il − max_l scale·A_il).
/// Entries of −∞ (masked, with scale > 0) become exactly 0, and in float so do weights below the
/// smallest normal float (subnormal floats made the softmax and the GEMMs after it so slow that
/// float32 ReFlow particles ran slower than double).
/// Every row needs one finite entry.
/// Rows are processed in register blocks of four vectors (or blocks of 64 that stay in cache for
/// very wide maps), vectorised across rows, so each row's max and sum are taken over j in order,
/// as the scalar loop does.
void softmaxRowsColMajor(double* a, std::size_t rows, std::size_t cols, std::size_t ld,
                         double scale);
void softmaxRowsColMajor(float* a, std::size_t rows, std::size_t cols, std::size_t ld, float scale);

/// x_i ← exp(x_i) for n contiguous values (exp(x) = 0 below −1000 in double, −104 in float);
/// from 2^18 values on, split over the OpenMP threads (the same bits as one thread).
void expInPlace(double* x, std::size_t n);
void expInPlace(float* x, std::size_t n);

/// True when every one of n contiguous values is finite (no NaN, no ±∞).
bool allFinite(const double* x, std::size_t n);
bool allFinite(const float* x, std::size_t n);

/// Threshold Top-k maps f (Su, kexue.fm/archives/10373): three with an exponential inside, and
/// entmax at α = 3/2, f(u) = max(0, 1 + u/2)² for u < 0.
enum class Threshold { Exp = 0, Sigmoid = 1, Laplace = 2, Entmax15 = 3 };

/// p_i = f(z_i − λ) and derivative_i = f′(z_i − λ) for n scores (exp: min(e^u, 1); sigmoid;
/// Laplace: 1 − e^{−u}/2 above 0, e^u/2 below), each from one exponential exp(−|u|).
void thresholdValues(Threshold kind, const double* z, std::size_t n, double lambda, double* p,
                     double* derivative);

/// Σ f(z_i − λ) and Σ f′(z_i − λ), summed in vector lanes (the Newton iteration's F and F′).
struct ThresholdSums {
  double f = 0.0, derivative = 0.0;
};
ThresholdSums thresholdSums(Threshold kind, const double* z, std::size_t n, double lambda);

/// The clip threshold's sets at λ: Σ z_i over A = {0 < z_i − λ < 1}, |A| and
/// |U| = #{z_i − λ ≥ 1}, in one vectorised, branch-free pass.
struct ClipSets {
  double activeSum = 0.0;
  std::size_t active = 0, upper = 0;
};
ClipSets clipSets(const double* z, std::size_t n, double lambda);
/// The clip map's values p_i = clip(z_i − λ, 0, 1) and derivatives (1 strictly inside (0, 1),
/// else 0) for n scores; returns how many are strictly inside.
std::size_t clipValues(const double* z, std::size_t n, double lambda, double* p,
                       double* derivative);

/// Nearest-code search after the GEMM: for column j of a column-major rows × cols tile of
/// x·cᵀ (leading dimension ld), v_r = codeNorm_j − 2·tile(r, j); where v_r < best_r (strictly,
/// so ties keep the lower code) best_r = v_r and index_r = firstCode + j. Vectorised across rows.
void argminUpdate(const float* dist, std::size_t rows, std::size_t cols, std::size_t ld,
                  const float* codeNorm, std::int32_t firstCode, float* best, std::int32_t* index);
void argminUpdate(const double* dist, std::size_t rows, std::size_t cols, std::size_t ld,
                  const double* codeNorm, std::int64_t firstCode, double* best,
                  std::int64_t* index);

/// FSQ's rounding of interleaved vectors of `channels` floats (Mentzer et al. 2023, "Finite
/// Scalar Quantization"), done by comparisons: the bound f is increasing, so the level of z is
/// lo + #{boundaries b : z ≥ b}, where the boundaries are the cell edges f⁻¹(q + ½) in z-space
/// (Fsq::cellBoundaries, ascending, rounded up to float so that the float comparison equals the
/// exact one). The result is level·inv. No tanh or exp per element, and no rounding error of
/// one either: the level is that of the exact bound (a NaN input gets the lowest level).
struct FsqChannels {
  std::vector<float> lo, inv;                  // lowest level and 1/⌊L/2⌋ per channel
  std::vector<std::vector<float>> boundaries;  // L − 1 ascending cell edges per channel
};

/// FSQ quantization of `count` interleaved floats in place (count need not be a multiple of the
/// channel count; the last partial vector is quantized channel by channel). Vectorised for up to
/// 31 cell edges per channel, a binary search per value beyond.
void fsqQuantize(float* data, std::size_t count, const FsqChannels& channels);
/// The same from `in` into `out` (count floats each; in == out is the in-place form, other
/// overlaps are not allowed): one pass that reads and writes the bytes a memcpy would.
void fsqQuantize(const float* in, float* out, std::size_t count, const FsqChannels& channels);

}  // namespace latentlab::simd
