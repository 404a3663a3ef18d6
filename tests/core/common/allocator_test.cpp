// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// tuneAllocator keeps multi-megabyte buffers in the heap instead of fresh mmaps.
#include "latentlab/common/allocator.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

TEST(Allocator, A24MegabyteBufferComesFromTheHeapNotAFreshMapping) {
#if defined(__GLIBC__)
  if (kSanitized) GTEST_SKIP() << "the sanitizer runtimes replace glibc's malloc";
  latentlab::tuneAllocator();
  // 24 MB: above the default 128 kB threshold and most dynamic raises of it by earlier frees.
  const std::size_t size = std::size_t{24} << 20;
  const auto before = mallinfo2().hblkhd;  // bytes in mmapped chunks
  void* p = std::malloc(size);
  ASSERT_NE(p, nullptr);
  std::memset(p, 1, size);
  const auto during = mallinfo2().hblkhd;
  std::free(p);
  EXPECT_LT(during - before, size) << "the buffer was mmapped: tuneAllocator had no effect";
#else
  GTEST_SKIP() << "tuneAllocator only tunes glibc's malloc";
#endif
}

}  // namespace
