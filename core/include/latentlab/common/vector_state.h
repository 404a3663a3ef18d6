// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The upper halves of the AVX registers. Code built for AVX or AVX-512 that returns without
// VZEROUPPER leaves them "dirty" (found on the GUI thread, source not pinned down), and from then on
// every legacy-SSE instruction on that thread — this project's baseline x86-64 code, which does
// not use AVX — pays a merge with the upper bits: Intel's optimisation manual, "Mixing AVX code
// with SSE code". A thread keeps the state until it is cleared, and a thread it creates (an
// OpenMP team) inherits it. On the recompute pool this made the Fokker–Planck page's defaults
// run 6× slower than the same job on the command line (3.4 s against 0.54 s, single thread,
// bit-identical results), so each job starts with the state cleared.

#include <cstdint>

namespace latentlab {

/// XINUSE bit of the upper halves of ymm0–15 (what VZEROUPPER clears).
inline constexpr std::uint64_t kXinuseAvxUpper = 1u << 2;

/// True when this CPU can run AVX (VZEROUPPER exists and the state can be dirty at all).
inline bool cpuHasAvx() {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  return __builtin_cpu_supports("avx");
#else
  return false;
#endif
}

/// Clears the upper halves of the vector registers (VZEROUPPER) where the CPU has AVX; the low
/// 128 bits, all that baseline code uses, are kept. Cheap: call it at the start of a job.
inline void clearUpperVectorState() {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (cpuHasAvx()) asm volatile("vzeroupper" ::: "memory");
#endif
}

/// XINUSE (XGETBV with ECX = 1): which register states hold non-initial values on this thread.
/// kXinuseAvxUpper is the upper halves of ymm0–15. Returns false where the CPU cannot say (no XGETBV1).
inline bool vectorStateInUse(std::uint64_t& mask) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (!cpuHasAvx()) return false;
  unsigned a = 0, b = 0, c = 0, d = 0;
  asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0xD), "c"(1));
  if (!(a & (1u << 2))) return false;  // CPUID.(EAX=0DH, ECX=1):EAX[2], XGETBV with ECX = 1
  unsigned lo = 0, hi = 0;
  asm volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(1));
  mask = (static_cast<std::uint64_t>(hi) << 32) | lo;
  return true;
#else
  (void)mask;
  return false;
#endif
}

}  // namespace latentlab
