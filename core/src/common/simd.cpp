// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Highway kernels compiled once per x86 target (foreach_target re-includes this file) and chosen
// at run time by HWY_DYNAMIC_DISPATCH; see latentlab/common/simd.h.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "latentlab/common/simd.h"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "common/simd.cpp"
#include <hwy/foreach_target.h>  // IWYU pragma: keep

#include <hwy/aligned_allocator.h>
#include <hwy/contrib/math/math-inl.h>
#include <hwy/highway.h>

HWY_BEFORE_NAMESPACE();
namespace latentlab::simd::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Rows per block of the column sweep: 64 values per column segment, so a block of a 4096-column
// double map (2 MiB) is read three times from cache instead of from memory.
constexpr std::size_t kBlockRows = 64;

template <class D>
HWY_INLINE void maxStep(D d, const hn::TFromD<D>* col, hn::TFromD<D>* mx, hn::TFromD<D> scale) {
  const auto x = hn::Mul(hn::LoadU(d, col), hn::Set(d, scale));
  hn::StoreU(hn::Max(hn::LoadU(d, mx), x), d, mx);
}

template <class D>
HWY_INLINE void expStep(D d, hn::TFromD<D>* col, const hn::TFromD<D>* mx, hn::TFromD<D>* sum,
                        hn::TFromD<D> scale) {
  const auto x = hn::Sub(hn::Mul(hn::LoadU(d, col), hn::Set(d, scale)), hn::LoadU(d, mx));
  const auto e = hn::Exp(d, x);  // exp(−∞) = 0
  hn::StoreU(e, d, col);
  hn::StoreU(hn::Add(hn::LoadU(d, sum), e), d, sum);
}

template <class D>
HWY_INLINE void scaleStep(D d, hn::TFromD<D>* col, const hn::TFromD<D>* inv) {
  hn::StoreU(hn::Mul(hn::LoadU(d, col), hn::LoadU(d, inv)), d, col);
}

template <class T>
void softmaxRowsColMajor(T* a, std::size_t rows, std::size_t cols, std::size_t ld, T scale) {
  const hn::ScalableTag<T> d;
  const hn::CappedTag<T, 1> d1;
  const std::size_t lanes = hn::Lanes(d);
  HWY_ALIGN T mx[kBlockRows], sum[kBlockRows];
  for (std::size_t r0 = 0; r0 < rows; r0 += kBlockRows) {
    const std::size_t n = std::min(kBlockRows, rows - r0);
    const std::size_t full = n - n % lanes;
    std::fill(mx, mx + n, -std::numeric_limits<T>::infinity());
    std::fill(sum, sum + n, T(0));
    for (std::size_t j = 0; j < cols; ++j) {
      const T* col = a + j * ld + r0;
      std::size_t i = 0;
      for (; i < full; i += lanes) maxStep(d, col + i, mx + i, scale);
      for (; i < n; ++i) maxStep(d1, col + i, mx + i, scale);
    }
    for (std::size_t j = 0; j < cols; ++j) {
      T* col = a + j * ld + r0;
      std::size_t i = 0;
      for (; i < full; i += lanes) expStep(d, col + i, mx + i, sum + i, scale);
      for (; i < n; ++i) expStep(d1, col + i, mx + i, sum + i, scale);
    }
    for (std::size_t i = 0; i < n; ++i) sum[i] = T(1) / sum[i];
    for (std::size_t j = 0; j < cols; ++j) {
      T* col = a + j * ld + r0;
      std::size_t i = 0;
      for (; i < full; i += lanes) scaleStep(d, col + i, sum + i);
      for (; i < n; ++i) scaleStep(d1, col + i, sum + i);
    }
  }
}

void SoftmaxRowsColMajorF64(double* a, std::size_t rows, std::size_t cols, std::size_t ld,
                            double scale) {
  softmaxRowsColMajor(a, rows, cols, ld, scale);
}
void SoftmaxRowsColMajorF32(float* a, std::size_t rows, std::size_t cols, std::size_t ld,
                            float scale) {
  softmaxRowsColMajor(a, rows, cols, ld, scale);
}

template <class D, class T>
HWY_INLINE void expStepInPlace(D d, T* x) {
  hn::StoreU(hn::Exp(d, hn::LoadU(d, x)), d, x);
}

template <class T>
void ExpInPlaceImpl(T* x, std::size_t n) {
  const hn::ScalableTag<T> d;
  const hn::CappedTag<T, 1> d1;
  const std::size_t lanes = hn::Lanes(d);
  std::size_t i = 0;
  for (; i + lanes <= n; i += lanes) expStepInPlace(d, x + i);
  for (; i < n; ++i) expStepInPlace(d1, x + i);
}

void ExpInPlaceF64(double* x, std::size_t n) { ExpInPlaceImpl(x, n); }
void ExpInPlaceF32(float* x, std::size_t n) { ExpInPlaceImpl(x, n); }

// Threshold Top-k (Su, kexue.fm/archives/10373): p = f(u), d = f′(u) at u = z − λ, from one
// exponential e = exp(−|u|): exp: p = e (u < 0) or 1; sigmoid: 1/(1 + e) or e/(1 + e),
// d = e/(1 + e)²; Laplace: 1 − e/2 or e/2, d = e/2; entmax at α = 3/2 (no exponential):
// p = max(0, 1 + u/2)² below 0 and 1 above, d = √p = 1 + u/2 where 0 < p < 1.
template <int kKind, class D, class V>
HWY_INLINE void thresholdStep(D d, const double* z, double lambda, V& p, V& df) {
  const auto one = hn::Set(d, 1.0);
  const auto u = hn::Sub(hn::LoadU(d, z), hn::Set(d, lambda));
  const auto up = hn::Ge(u, hn::Zero(d));
  if constexpr (kKind == 3) {  // entmax, α = 3/2: no exponential
    const auto base = hn::Max(hn::Zero(d), hn::MulAdd(hn::Set(d, 0.5), u, one));
    p = hn::IfThenElse(up, one, hn::Mul(base, base));
    df = hn::IfThenElseZero(hn::AndNot(up, hn::Gt(p, hn::Zero(d))), base);
    return;
  }
  const auto e = hn::Exp(d, hn::Neg(hn::Abs(u)));
  if constexpr (kKind == 0) {
    p = hn::IfThenElse(up, one, e);
    df = hn::IfThenZeroElse(up, e);
  } else if constexpr (kKind == 1) {
    const auto inv = hn::Div(one, hn::Add(one, e));
    p = hn::IfThenElse(up, inv, hn::Mul(e, inv));
    df = hn::Mul(e, hn::Mul(inv, inv));
  } else {
    const auto half = hn::Mul(hn::Set(d, 0.5), e);
    p = hn::IfThenElse(up, hn::Sub(one, half), half);
    df = half;
  }
}

template <int kKind>
void thresholdPass(const double* z, std::size_t n, double lambda, double* p, double* df,
                   double* sums) {
  const hn::ScalableTag<double> d;
  const hn::CappedTag<double, 1> d1;
  const std::size_t lanes = hn::Lanes(d);
  auto fs = hn::Zero(d), ds = hn::Zero(d);
  double fTail = 0.0, dTail = 0.0;
  std::size_t i = 0;
  for (; i + lanes <= n; i += lanes) {
    hn::Vec<decltype(d)> pv, dv;
    thresholdStep<kKind>(d, z + i, lambda, pv, dv);
    if (p) {
      hn::StoreU(pv, d, p + i);
      hn::StoreU(dv, d, df + i);
    } else {
      fs = hn::Add(fs, pv);
      ds = hn::Add(ds, dv);
    }
  }
  for (; i < n; ++i) {
    hn::Vec<decltype(d1)> pv, dv;
    thresholdStep<kKind>(d1, z + i, lambda, pv, dv);
    if (p) {
      hn::StoreU(pv, d1, p + i);
      hn::StoreU(dv, d1, df + i);
    } else {
      fTail += hn::GetLane(pv);
      dTail += hn::GetLane(dv);
    }
  }
  if (!p) {
    sums[0] = hn::GetLane(hn::SumOfLanes(d, fs)) + fTail;
    sums[1] = hn::GetLane(hn::SumOfLanes(d, ds)) + dTail;
  }
}

void ThresholdPass(int kind, const double* z, std::size_t n, double lambda, double* p, double* df,
                   double* sums) {
  if (kind == 0) thresholdPass<0>(z, n, lambda, p, df, sums);
  if (kind == 1) thresholdPass<1>(z, n, lambda, p, df, sums);
  if (kind == 2) thresholdPass<2>(z, n, lambda, p, df, sums);
  if (kind == 3) thresholdPass<3>(z, n, lambda, p, df, sums);
}

// Clip threshold sets at λ: Σ z over A = {0 < z − λ < 1}, |A| and |U| = #{z − λ ≥ 1}.
void ClipSets(const double* z, std::size_t n, double lambda, double* out) {
  const hn::ScalableTag<double> d;
  const std::size_t lanes = hn::Lanes(d);
  const auto lam = hn::Set(d, lambda), zero = hn::Zero(d), one = hn::Set(d, 1.0);
  auto sum = hn::Zero(d);
  std::size_t active = 0, upper = 0, i = 0;
  for (; i + lanes <= n; i += lanes) {
    const auto zi = hn::LoadU(d, z + i);
    const auto u = hn::Sub(zi, lam);
    const auto up = hn::Ge(u, one);
    const auto a = hn::AndNot(up, hn::Gt(u, zero));  // u > 0 and not u ≥ 1
    sum = hn::Add(sum, hn::IfThenElseZero(a, zi));
    active += hn::CountTrue(d, a);
    upper += hn::CountTrue(d, up);
  }
  double tail = 0.0;
  for (; i < n; ++i) {
    const double u = z[i] - lambda;
    if (u >= 1.0) {
      ++upper;
    } else if (u > 0.0) {
      tail += z[i];
      ++active;
    }
  }
  out[0] = hn::GetLane(hn::SumOfLanes(d, sum)) + tail;
  out[1] = static_cast<double>(active);
  out[2] = static_cast<double>(upper);
}

// The clip map at λ: p = min(max(z − λ, 0), 1), p′ = 1 on A = {0 < z − λ < 1} and 0 elsewhere;
// returns |A|. Branch-free: at k = n/2 about half the entries are in A.
std::size_t ClipValues(const double* z, std::size_t n, double lambda, double* p, double* dp) {
  const hn::ScalableTag<double> d;
  const std::size_t lanes = hn::Lanes(d);
  const auto lam = hn::Set(d, lambda), zero = hn::Zero(d), one = hn::Set(d, 1.0);
  std::size_t active = 0, i = 0;
  for (; i + lanes <= n; i += lanes) {
    const auto u = hn::Sub(hn::LoadU(d, z + i), lam);
    const auto a = hn::And(hn::Gt(u, zero), hn::Lt(u, one));
    hn::StoreU(hn::Min(hn::Max(u, zero), one), d, p + i);
    hn::StoreU(hn::IfThenElseZero(a, one), d, dp + i);
    active += hn::CountTrue(d, a);
  }
  for (; i < n; ++i) {
    const double u = z[i] - lambda;
    const bool a = u > 0.0 && u < 1.0;
    p[i] = std::min(std::max(u, 0.0), 1.0);
    dp[i] = a ? 1.0 : 0.0;
    active += a ? 1 : 0;
  }
  return active;
}

// Nearest-code search, the argmin after the GEMM: for a column-major rows × cols tile of x·cᵀ,
// v = ‖c_j‖² − 2·x·c_j per column j, kept where it is smaller than the best so far (strictly:
// ties keep the lower code). Vectorised across rows, the index in integer lanes of the same width.
template <class T, class I>
void argminUpdate(const T* dist, std::size_t rows, std::size_t cols, std::size_t ld,
                  const T* codeNorm, I firstCode, T* best, I* index) {
  const hn::ScalableTag<T> d;
  const hn::RebindToSigned<decltype(d)> di;
  const std::size_t lanes = hn::Lanes(d);
  const auto two = hn::Set(d, T(2));
  std::size_t r = 0;
  for (; r + lanes <= rows; r += lanes) {
    auto b = hn::LoadU(d, best + r);
    auto idx = hn::LoadU(di, index + r);
    for (std::size_t j = 0; j < cols; ++j) {
      const auto v = hn::NegMulAdd(two, hn::LoadU(d, dist + j * ld + r), hn::Set(d, codeNorm[j]));
      const auto better = hn::Lt(v, b);
      b = hn::IfThenElse(better, v, b);
      idx = hn::IfThenElse(hn::RebindMask(di, better), hn::Set(di, static_cast<I>(firstCode + j)),
                           idx);
    }
    hn::StoreU(b, d, best + r);
    hn::StoreU(idx, di, index + r);
  }
  for (; r < rows; ++r)
    for (std::size_t j = 0; j < cols; ++j) {
      const T v = codeNorm[j] - T(2) * dist[j * ld + r];
      if (v < best[r]) {
        best[r] = v;
        index[r] = static_cast<I>(firstCode + j);
      }
    }
}

void ArgminUpdateF32(const float* dist, std::size_t rows, std::size_t cols, std::size_t ld,
                     const float* codeNorm, std::int32_t firstCode, float* best,
                     std::int32_t* index) {
  argminUpdate(dist, rows, cols, ld, codeNorm, firstCode, best, index);
}
void ArgminUpdateF64(const double* dist, std::size_t rows, std::size_t cols, std::size_t ld,
                     const double* codeNorm, std::int64_t firstCode, double* best,
                     std::int64_t* index) {
  argminUpdate(dist, rows, cols, ld, codeNorm, firstCode, best, index);
}

// t holds 2 + edges tiles of `period` floats (lo, inv, then one per cell edge), each the channel
// constants repeated so that tile[p] belongs to channel p mod channels; missing edges are +∞.
// Reads `in` and writes `out` (the same buffer for the in-place form).
template <class D>
HWY_INLINE void fsqStep(D d, const float* in, float* out, const float* t, std::size_t period,
                        std::size_t edges) {
  const auto z = hn::LoadU(d, in);
  const auto one = hn::Set(d, 1.0f);
  auto level = hn::LoadU(d, t);
  for (std::size_t k = 0; k < edges; ++k)
    level = hn::Add(level, hn::IfThenElseZero(hn::Ge(z, hn::LoadU(d, t + (2 + k) * period)), one));
  hn::StoreU(hn::Mul(level, hn::LoadU(d, t + period)), d, out);
}

// The same count for exactly 7 edges (L ≤ 8, every preset) by binary search: 3 comparisons and
// 4 selects instead of 7 comparisons, #{k : z ≥ e_k} ≥ 4 ⇔ z ≥ e3 and so on down. One lane
// position j of the period at a time over the whole buffer, so that its 9 constants stay in
// registers and the loop body loads and stores only z.
template <class D>
HWY_INLINE void fsqColumn7(D d, const float* in, float* out, std::size_t whole, const float* t,
                           std::size_t period) {
  const auto lo = hn::LoadU(d, t), inv = hn::LoadU(d, t + period);
  const auto e0 = hn::LoadU(d, t + 2 * period), e1 = hn::LoadU(d, t + 3 * period);
  const auto e2 = hn::LoadU(d, t + 4 * period), e3 = hn::LoadU(d, t + 5 * period);
  const auto e4 = hn::LoadU(d, t + 6 * period), e5 = hn::LoadU(d, t + 7 * period);
  const auto e6 = hn::LoadU(d, t + 8 * period);
  const auto lo4 = hn::Add(lo, hn::Set(d, 4.0f)), two = hn::Set(d, 2.0f), one = hn::Set(d, 1.0f);
  for (std::size_t pos = 0; pos < whole; pos += period) {
    const auto z = hn::LoadU(d, in + pos);
    const auto m4 = hn::Ge(z, e3);
    const auto m2 = hn::Ge(z, hn::IfThenElse(m4, e5, e1));
    const auto m1 =
        hn::Ge(z, hn::IfThenElse(m4, hn::IfThenElse(m2, e6, e4), hn::IfThenElse(m2, e2, e0)));
    // Blends of sums, which AVX-512 compilers turn into masked adds.
    auto level = hn::IfThenElse(m4, lo4, lo);
    level = hn::IfThenElse(m2, hn::Add(level, two), level);
    level = hn::IfThenElse(m1, hn::Add(level, one), level);
    hn::StoreU(hn::Mul(level, inv), d, out + pos);
  }
}

void FsqQuantize(const float* in, float* out, std::size_t count, const FsqChannels& c) {
  const hn::ScalableTag<float> d;
  const hn::CappedTag<float, 1> d1;
  const std::size_t lanes = hn::Lanes(d), channels = c.lo.size();
  const std::size_t period = channels * lanes;  // whole vectors and whole FSQ vectors
  std::size_t edges = 0;
  for (const auto& b : c.boundaries) edges = std::max(edges, b.size());
  if (edges < 7) edges = 7;  // padded with +∞: the binary search below needs exactly 7
  auto tile = hwy::AllocateAligned<float>((2 + edges) * period);
  for (std::size_t p = 0; p < period; ++p) {
    const std::size_t ch = p % channels;
    tile[p] = c.lo[ch];
    tile[period + p] = c.inv[ch];
    for (std::size_t k = 0; k < edges; ++k)
      tile[(2 + k) * period + p] = k < c.boundaries[ch].size() ? c.boundaries[ch][k] : HUGE_VALF;
  }
  std::size_t pos = 0;
  if (edges == 7) {
    pos = count / period * period;
    for (std::size_t j = 0; j < period; j += lanes)
      fsqColumn7(d, in + j, out + j, pos, &tile[j], period);
  }
  for (; pos + period <= count; pos += period)
    for (std::size_t j = 0; j < period; j += lanes)
      fsqStep(d, in + pos + j, out + pos + j, &tile[j], period, edges);
  for (std::size_t j = 0; pos + j < count; ++j)
    fsqStep(d1, in + pos + j, out + pos + j, &tile[j], period, edges);
}

}  // namespace latentlab::simd::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace latentlab::simd {

HWY_EXPORT(SoftmaxRowsColMajorF64);
HWY_EXPORT(SoftmaxRowsColMajorF32);
HWY_EXPORT(FsqQuantize);
HWY_EXPORT(ExpInPlaceF64);
HWY_EXPORT(ExpInPlaceF32);
HWY_EXPORT(ThresholdPass);
HWY_EXPORT(ClipSets);
HWY_EXPORT(ClipValues);
HWY_EXPORT(ArgminUpdateF32);
HWY_EXPORT(ArgminUpdateF64);

namespace {
std::vector<std::int64_t> runnableTargetBits() {
  std::vector<std::int64_t> out;
  for (std::int64_t t = hwy::SupportedTargets() & HWY_TARGETS; t != 0; t &= t - 1)
    out.push_back(t & -t);  // lowest bit first: Highway numbers better targets lower
  return out;
}
}  // namespace

std::string chosenTarget() {
  const auto bits = runnableTargetBits();
  return bits.empty() ? "none" : hwy::TargetName(bits.front());
}

std::vector<std::string> runnableTargets() {
  std::vector<std::string> names;
  for (const std::int64_t t : runnableTargetBits()) names.emplace_back(hwy::TargetName(t));
  return names;
}

bool restrictTarget(const std::string& name) {
  hwy::SetSupportedTargetsForTest(0);  // every target again, then at most the one named
  if (name.empty()) return true;
  for (const std::int64_t t : runnableTargetBits())
    if (name == hwy::TargetName(t)) {
      hwy::SetSupportedTargetsForTest(t);
      return true;
    }
  return false;
}

void softmaxRowsColMajor(double* a, std::size_t rows, std::size_t cols, std::size_t ld,
                         double scale) {
  HWY_DYNAMIC_DISPATCH(SoftmaxRowsColMajorF64)(a, rows, cols, ld, scale);
}
void softmaxRowsColMajor(float* a, std::size_t rows, std::size_t cols, std::size_t ld,
                         float scale) {
  HWY_DYNAMIC_DISPATCH(SoftmaxRowsColMajorF32)(a, rows, cols, ld, scale);
}

namespace {
// Large buffers (a Performer feature matrix at n = 16384 holds 10⁶ values) are split over the
// OpenMP threads: every value is computed alone, so the split changes no bit. Inside another
// parallel region the loop runs on the calling thread.
template <class T, class Kernel>
void expChunks(T* x, std::size_t n, Kernel kernel) {
  constexpr std::size_t kChunk = std::size_t{1} << 15;
  const auto chunks = static_cast<std::int64_t>((n + kChunk - 1) / kChunk);
#pragma omp parallel for schedule(static) if (n >= (std::size_t{1} << 18))
  for (std::int64_t c = 0; c < chunks; ++c) {
    const std::size_t from = static_cast<std::size_t>(c) * kChunk;
    kernel(x + from, std::min(kChunk, n - from));
  }
}
}  // namespace

void expInPlace(double* x, std::size_t n) {
  expChunks(x, n, [](double* p, std::size_t m) { HWY_DYNAMIC_DISPATCH(ExpInPlaceF64)(p, m); });
}
void expInPlace(float* x, std::size_t n) {
  expChunks(x, n, [](float* p, std::size_t m) { HWY_DYNAMIC_DISPATCH(ExpInPlaceF32)(p, m); });
}

void thresholdValues(Threshold kind, const double* z, std::size_t n, double lambda, double* p,
                     double* derivative) {
  HWY_DYNAMIC_DISPATCH(ThresholdPass)(static_cast<int>(kind), z, n, lambda, p, derivative, nullptr);
}

ThresholdSums thresholdSums(Threshold kind, const double* z, std::size_t n, double lambda) {
  double sums[2] = {0.0, 0.0};
  HWY_DYNAMIC_DISPATCH(ThresholdPass)(static_cast<int>(kind), z, n, lambda, nullptr, nullptr, sums);
  return {sums[0], sums[1]};
}

ClipSets clipSets(const double* z, std::size_t n, double lambda) {
  double out[3];
  HWY_DYNAMIC_DISPATCH(ClipSets)(z, n, lambda, out);
  return {out[0], static_cast<std::size_t>(out[1]), static_cast<std::size_t>(out[2])};
}

std::size_t clipValues(const double* z, std::size_t n, double lambda, double* p,
                       double* derivative) {
  return HWY_DYNAMIC_DISPATCH(ClipValues)(z, n, lambda, p, derivative);
}

void argminUpdate(const float* dist, std::size_t rows, std::size_t cols, std::size_t ld,
                  const float* codeNorm, std::int32_t firstCode, float* best, std::int32_t* index) {
  HWY_DYNAMIC_DISPATCH(ArgminUpdateF32)(dist, rows, cols, ld, codeNorm, firstCode, best, index);
}
void argminUpdate(const double* dist, std::size_t rows, std::size_t cols, std::size_t ld,
                  const double* codeNorm, std::int64_t firstCode, double* best,
                  std::int64_t* index) {
  HWY_DYNAMIC_DISPATCH(ArgminUpdateF64)(dist, rows, cols, ld, codeNorm, firstCode, best, index);
}

void fsqQuantize(const float* in, float* out, std::size_t count, const FsqChannels& channels) {
  const std::size_t d = channels.lo.size();
  if (d == 0 || count == 0) return;
  std::size_t edges = 0;
  for (const auto& b : channels.boundaries) edges = std::max(edges, b.size());
  if (edges <= 31) {
    // Large buffers are split over the OpenMP threads in whole FSQ vectors (the channel pattern
    // restarts at every chunk); each value's level does not depend on the split.
    const std::size_t chunk = (std::size_t{1} << 16) / d * d;
    const auto chunks = static_cast<std::int64_t>((count + chunk - 1) / chunk);
#pragma omp parallel for schedule(static) if (count >= (std::size_t{1} << 20))
    for (std::int64_t c = 0; c < chunks; ++c) {
      const std::size_t from = static_cast<std::size_t>(c) * chunk;
      HWY_DYNAMIC_DISPATCH(FsqQuantize)(in + from, out + from, std::min(chunk, count - from),
                                        channels);
    }
    return;
  }
  for (std::size_t n = 0; n < count; ++n) {  // many levels: a binary search per value
    const std::size_t i = n % d;
    const auto& b = channels.boundaries[i];
    const auto below = std::upper_bound(b.begin(), b.end(), in[n]) - b.begin();
    out[n] = (channels.lo[i] + static_cast<float>(below)) * channels.inv[i];
  }
}

void fsqQuantize(float* data, std::size_t count, const FsqChannels& channels) {
  fsqQuantize(data, data, count, channels);
}

}  // namespace latentlab::simd
#endif  // HWY_ONCE
