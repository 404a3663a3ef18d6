// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// FSQ's rounding by comparisons with the cell edges (latentlab/common/simd.h, fsqQuantize),
// compiled once per x86 target like common/simd.cpp and chosen at run time.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "latentlab/common/simd.h"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "common/simd_fsq.cpp"
#include <hwy/foreach_target.h>  // IWYU pragma: keep

#include <hwy/aligned_allocator.h>
#include <hwy/highway.h>

HWY_BEFORE_NAMESPACE();
namespace latentlab::simd::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

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

HWY_EXPORT(FsqQuantize);

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
