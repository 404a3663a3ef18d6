// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "latentlab/common/allocator.h"

// <cstdlib> first: it defines __GLIBC__ (through <features.h>). Without it the test below was
// always false and tuneAllocator compiled to an empty function.
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace latentlab {

void tuneAllocator() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
}

}  // namespace latentlab
