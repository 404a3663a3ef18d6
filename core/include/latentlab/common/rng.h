// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>

namespace latentlab {

/// The project RNG: xoshiro256** seeded through SplitMix64 (Blackman & Vigna). Every stochastic
/// step takes one explicitly; the stream depends only on the seed, so the same seed gives the same
/// numbers on every platform. Normals use Box–Muller (no cached state between calls is hidden:
/// the spare value lives in the object).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& s : m_s) s = splitMix64(seed);
  }

  /// Uniform 64-bit integer.
  std::uint64_t next() {
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
  }
  /// Uniform double in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform double in (0, 1): never 0, so log() of it is finite.
  double uniformOpen() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
  /// Standard normal N(0, 1).
  double normal() {
    if (m_hasSpare) {
      m_hasSpare = false;
      return m_spare;
    }
    const double r = std::sqrt(-2.0 * std::log(uniformOpen()));
    const double a = 2.0 * std::numbers::pi * uniform();
    m_spare = r * std::sin(a);
    m_hasSpare = true;
    return r * std::cos(a);
  }
  /// Standard Gumbel(0, 1): −log(−log U).
  double gumbel() { return -std::log(-std::log(uniformOpen())); }

  static std::uint64_t splitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t m_s[4];
  double m_spare = 0.0;
  bool m_hasSpare = false;
};

}  // namespace latentlab
