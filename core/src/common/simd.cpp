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

// exp(x) of a softmax term, with float results below the smallest normal float (x < −87.3)
// flushed to 0. Such weights cannot change a sum that holds the max's exp(0) = 1, but subnormal
// floats are slow in the softmax and in the GEMMs after it: the float32 ReFlow flow at 10⁵
// particles took 345 ms with them, 201 ms without (double: 303 ms). Doubles keep exp as it is.
template <class D, class V>
HWY_INLINE V softmaxExp(D d, V x) {
  using T = hn::TFromD<D>;
  const auto e = hn::Exp(d, x);  // exp(−∞) = 0
  if constexpr (sizeof(T) == 4)
    return hn::IfThenZeroElse(hn::Lt(e, hn::Set(d, std::numeric_limits<float>::min())), e);
  else
    return e;
}

template <class D>
HWY_INLINE void expStep(D d, hn::TFromD<D>* col, const hn::TFromD<D>* mx, hn::TFromD<D>* sum,
                        hn::TFromD<D> scale) {
  const auto x = hn::Sub(hn::Mul(hn::LoadU(d, col), hn::Set(d, scale)), hn::LoadU(d, mx));
  const auto e = softmaxExp(d, x);
  hn::StoreU(e, d, col);
  hn::StoreU(hn::Add(hn::LoadU(d, sum), e), d, sum);
}

template <class D>
HWY_INLINE void scaleStep(D d, hn::TFromD<D>* col, const hn::TFromD<D>* inv) {
  hn::StoreU(hn::Mul(hn::LoadU(d, col), hn::LoadU(d, inv)), d, col);
}

// Four whole vectors of rows (32 doubles with AVX-512), their maxima and sums kept in registers
// across the columns: the same operations, in the same order per row, as the loop below, without
// loading and storing the running max and sum at every column.
template <class D>
HWY_INLINE void softmaxFourVectors(D d, hn::TFromD<D>* a, std::size_t cols, std::size_t ld,
                                   hn::TFromD<D> scale) {
  using T = hn::TFromD<D>;
  const std::size_t l = hn::Lanes(d);
  const auto s = hn::Set(d, scale);
  auto m0 = hn::Set(d, -std::numeric_limits<T>::infinity()), m1 = m0, m2 = m0, m3 = m0;
  for (std::size_t j = 0; j < cols; ++j) {
    const T* c = a + j * ld;
    m0 = hn::Max(m0, hn::Mul(hn::LoadU(d, c), s));
    m1 = hn::Max(m1, hn::Mul(hn::LoadU(d, c + l), s));
    m2 = hn::Max(m2, hn::Mul(hn::LoadU(d, c + 2 * l), s));
    m3 = hn::Max(m3, hn::Mul(hn::LoadU(d, c + 3 * l), s));
  }
  auto s0 = hn::Zero(d), s1 = s0, s2 = s0, s3 = s0;
  for (std::size_t j = 0; j < cols; ++j) {
    T* c = a + j * ld;
    const auto e0 = softmaxExp(d, hn::Sub(hn::Mul(hn::LoadU(d, c), s), m0));
    const auto e1 = softmaxExp(d, hn::Sub(hn::Mul(hn::LoadU(d, c + l), s), m1));
    const auto e2 = softmaxExp(d, hn::Sub(hn::Mul(hn::LoadU(d, c + 2 * l), s), m2));
    const auto e3 = softmaxExp(d, hn::Sub(hn::Mul(hn::LoadU(d, c + 3 * l), s), m3));
    hn::StoreU(e0, d, c);
    hn::StoreU(e1, d, c + l);
    hn::StoreU(e2, d, c + 2 * l);
    hn::StoreU(e3, d, c + 3 * l);
    s0 = hn::Add(s0, e0);
    s1 = hn::Add(s1, e1);
    s2 = hn::Add(s2, e2);
    s3 = hn::Add(s3, e3);
  }
  const auto one = hn::Set(d, T(1));
  const auto i0 = hn::Div(one, s0), i1 = hn::Div(one, s1), i2 = hn::Div(one, s2);
  const auto i3 = hn::Div(one, s3);
  for (std::size_t j = 0; j < cols; ++j) {
    T* c = a + j * ld;
    hn::StoreU(hn::Mul(hn::LoadU(d, c), i0), d, c);
    hn::StoreU(hn::Mul(hn::LoadU(d, c + l), i1), d, c + l);
    hn::StoreU(hn::Mul(hn::LoadU(d, c + 2 * l), i2), d, c + 2 * l);
    hn::StoreU(hn::Mul(hn::LoadU(d, c + 3 * l), i3), d, c + 3 * l);
  }
}

template <class T>
void softmaxRowsColMajor(T* a, std::size_t rows, std::size_t cols, std::size_t ld, T scale) {
  const hn::ScalableTag<T> d;
  const hn::CappedTag<T, 1> d1;
  const std::size_t lanes = hn::Lanes(d);
  HWY_ALIGN T mx[kBlockRows], sum[kBlockRows];
  std::size_t r0 = 0;
  // Register blocks while their strip of every column stays within 256 KiB (1024 double columns
  // with AVX-512): a 4096-column strip is read three times from farther away than the 64-row
  // blocks below (BM_ExactMap/4096 150 → 157 ms that way; /1024 4.1 → 3.5 ms this way).
  if (cols * 4 * lanes * sizeof(T) <= (std::size_t{256} << 10))
    for (; r0 + 4 * lanes <= rows; r0 += 4 * lanes) softmaxFourVectors(d, a + r0, cols, ld, scale);
  for (; r0 < rows; r0 += kBlockRows) {
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

// x·0 is ±0 for a finite x and NaN for ±∞ and NaN: the sum of x·0 is finite exactly when every
// x is. Four independent accumulators, so the adds do not wait on each other.
template <class T>
bool AllFiniteImpl(const T* x, std::size_t n) {
  const hn::ScalableTag<T> d;
  const std::size_t lanes = hn::Lanes(d);
  const auto zero = hn::Zero(d);
  auto a0 = zero, a1 = zero, a2 = zero, a3 = zero;
  std::size_t i = 0;
  for (; i + 4 * lanes <= n; i += 4 * lanes) {
    a0 = hn::MulAdd(hn::LoadU(d, x + i), zero, a0);
    a1 = hn::MulAdd(hn::LoadU(d, x + i + lanes), zero, a1);
    a2 = hn::MulAdd(hn::LoadU(d, x + i + 2 * lanes), zero, a2);
    a3 = hn::MulAdd(hn::LoadU(d, x + i + 3 * lanes), zero, a3);
  }
  for (; i + lanes <= n; i += lanes) a0 = hn::MulAdd(hn::LoadU(d, x + i), zero, a0);
  T tail = T(0);
  for (; i < n; ++i) tail += x[i] * T(0);
  const auto sum = hn::Add(hn::Add(a0, a1), hn::Add(a2, a3));
  return std::isfinite(hn::GetLane(hn::SumOfLanes(d, sum)) + tail);
}

bool AllFiniteF64(const double* x, std::size_t n) { return AllFiniteImpl(x, n); }
bool AllFiniteF32(const float* x, std::size_t n) { return AllFiniteImpl(x, n); }

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

}  // namespace latentlab::simd::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace latentlab::simd {

HWY_EXPORT(SoftmaxRowsColMajorF64);
HWY_EXPORT(SoftmaxRowsColMajorF32);
HWY_EXPORT(ExpInPlaceF64);
HWY_EXPORT(ExpInPlaceF32);
HWY_EXPORT(AllFiniteF64);
HWY_EXPORT(AllFiniteF32);
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
// Large buffers (a Performer feature matrix at n = 16384 holds 10⁶ values, a 1024² attention map
// as many logits) are split over the OpenMP threads; every value is handled alone, so the split
// changes no bit. Inside another parallel region the loop runs on the calling thread.
// body(from, length) returns false to report a chunk (allFinite); the result is the AND of all.
template <class Body>
bool overChunks(std::size_t n, Body body) {
  constexpr std::size_t chunk = std::size_t{1} << 15;
  const auto chunks = static_cast<std::int64_t>((n + chunk - 1) / chunk);
  bool all = true;
#pragma omp parallel for schedule(static) reduction(&& : all) if (n >= (std::size_t{1} << 18))
  for (std::int64_t c = 0; c < chunks; ++c) {
    const std::size_t from = static_cast<std::size_t>(c) * chunk;
    all = body(from, std::min(chunk, n - from)) && all;
  }
  return all;
}
}  // namespace

bool allFinite(const double* x, std::size_t n) {
  return overChunks(n, [x](std::size_t from, std::size_t m) {
    return HWY_DYNAMIC_DISPATCH(AllFiniteF64)(x + from, m);
  });
}
bool allFinite(const float* x, std::size_t n) {
  return overChunks(n, [x](std::size_t from, std::size_t m) {
    return HWY_DYNAMIC_DISPATCH(AllFiniteF32)(x + from, m);
  });
}

void expInPlace(double* x, std::size_t n) {
  overChunks(n, [x](std::size_t from, std::size_t m) {
    HWY_DYNAMIC_DISPATCH(ExpInPlaceF64)(x + from, m);
    return true;
  });
}
void expInPlace(float* x, std::size_t n) {
  overChunks(n, [x](std::size_t from, std::size_t m) {
    HWY_DYNAMIC_DISPATCH(ExpInPlaceF32)(x + from, m);
    return true;
  });
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

}  // namespace latentlab::simd
#endif  // HWY_ONCE
