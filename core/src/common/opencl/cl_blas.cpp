// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "common/opencl/cl_blas.h"

#include <clblast.h>

#include <string>

namespace latentlab::opencl {

namespace {

clblast::Transpose transpose(Op op) {
  return op == Op::None ? clblast::Transpose::kNo : clblast::Transpose::kYes;
}

}  // namespace

template <class T>
void gemmAt(Device& device, Op opA, Op opB, std::size_t m, std::size_t n, std::size_t k, T alpha,
            const Buffer& a, std::size_t aOffset, std::size_t lda, const Buffer& b,
            std::size_t bOffset, std::size_t ldb, T beta, Buffer& c, std::size_t cOffset,
            std::size_t ldc) {
  if (m == 0 || n == 0) return;
  const auto status = clblast::Gemm<T>(clblast::Layout::kColMajor, transpose(opA), transpose(opB),
                                       m, n, k, alpha, a.get(), aOffset, lda, b.get(), bOffset,
                                       ldb, beta, c.get(), cOffset, ldc, device.queuePtr());
  if (status != clblast::StatusCode::kSuccess)
    throw DeviceError("CLBlast GEMM failed on " + device.info().name + ": status " +
                      std::to_string(static_cast<int>(status)));
}

template <class T>
void gemm(Device& device, Op opA, Op opB, std::size_t m, std::size_t n, std::size_t k, T alpha,
          const Buffer& a, std::size_t lda, const Buffer& b, std::size_t ldb, T beta, Buffer& c,
          std::size_t ldc) {
  gemmAt<T>(device, opA, opB, m, n, k, alpha, a, 0, lda, b, 0, ldb, beta, c, 0, ldc);
}

template void gemm<float>(Device&, Op, Op, std::size_t, std::size_t, std::size_t, float,
                          const Buffer&, std::size_t, const Buffer&, std::size_t, float, Buffer&,
                          std::size_t);
template void gemm<double>(Device&, Op, Op, std::size_t, std::size_t, std::size_t, double,
                           const Buffer&, std::size_t, const Buffer&, std::size_t, double, Buffer&,
                           std::size_t);
template void gemmAt<float>(Device&, Op, Op, std::size_t, std::size_t, std::size_t, float,
                            const Buffer&, std::size_t, std::size_t, const Buffer&, std::size_t,
                            std::size_t, float, Buffer&, std::size_t, std::size_t);
template void gemmAt<double>(Device&, Op, Op, std::size_t, std::size_t, std::size_t, double,
                             const Buffer&, std::size_t, std::size_t, const Buffer&, std::size_t,
                             std::size_t, double, Buffer&, std::size_t, std::size_t);

}  // namespace latentlab::opencl
