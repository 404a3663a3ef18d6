// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

namespace latentlab {

/// Keeps the multi-megabyte temporaries of a recompute (image planes, attention matrices, SSIM
/// blurs) inside the heap instead of mapping and unmapping them on every call. With glibc's
/// defaults each 2 MB buffer of a 512×512 image is a fresh mmap whose pages the kernel zeroes
/// again on every recompute: page faults were 43 % of tier A's time (docs/benchmarks.md,
/// "Live pages"). Raises the mmap threshold to 32 MB (glibc's maximum on 64-bit) and the trim
/// threshold to 256 MB, so up to that much freed memory stays with the process for the next
/// recompute. Call once, first thing in main(). No effect outside glibc.
void tuneAllocator();

}  // namespace latentlab
