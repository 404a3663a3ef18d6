// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Column-major GEMM on an OpenCL device through CLBlast, C = alpha op(A) op(B) + beta C, in the
// layout Eigen uses, so host matrices upload without a transpose.
#pragma once

#include <cstddef>

#include "common/opencl/cl_runtime.h"

namespace latentlab::opencl {

enum class Op { None, Transpose };

template <class T>
void gemm(Device& device, Op opA, Op opB, std::size_t m, std::size_t n, std::size_t k, T alpha,
          const Buffer& a, std::size_t lda, const Buffer& b, std::size_t ldb, T beta, Buffer& c,
          std::size_t ldc);

/// The same with element offsets into the buffers (a row block of a tiled product).
template <class T>
void gemmAt(Device& device, Op opA, Op opB, std::size_t m, std::size_t n, std::size_t k, T alpha,
            const Buffer& a, std::size_t aOffset, std::size_t lda, const Buffer& b,
            std::size_t bOffset, std::size_t ldb, T beta, Buffer& c, std::size_t cOffset,
            std::size_t ldc);

}  // namespace latentlab::opencl
