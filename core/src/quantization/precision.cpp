// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// bf16/fp16 rounding emulation and the naive-float FSQ index path
// (lucidrains/vector-quantize-pytorch issue #114).
#include "latentlab/quantization/precision.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <set>

#include "latentlab/common/errors.h"

namespace latentlab::quantization {
namespace {

float toBf16(float f) {
  if (std::isnan(f)) return f;
  std::uint32_t u = std::bit_cast<std::uint32_t>(f);
  // Round to nearest even on the 16 bits dropped (the usual fp32 → bf16 conversion).
  u += 0x7FFFu + ((u >> 16) & 1u);
  u &= 0xFFFF0000u;
  return std::bit_cast<float>(u);
}

double toFp16(double x) {
  if (std::isnan(x) || std::isinf(x) || x == 0.0) return x;
  const double a = std::fabs(x);
  // 11 significant bits; below 2^-14 the spacing is fixed at 2^-24 (subnormals).
  int e = 0;
  std::frexp(a, &e);  // a = m·2^e, m ∈ [0.5, 1)
  const int exp = std::max(e - 1, -14);
  const double ulp = std::ldexp(1.0, exp - 10);
  double r = std::nearbyint(a / ulp) * ulp;  // a/ulp is exact in double
  if (r > 65504.0) r = std::numeric_limits<double>::infinity();
  return std::copysign(r, x);
}

}  // namespace

std::string precisionId(Precision p) {
  switch (p) {
    case Precision::Fp32: return "fp32";
    case Precision::Bf16: return "bf16";
    case Precision::Fp16: return "fp16";
  }
  return "fp32";
}

double roundToPrecision(double x, Precision p) {
  switch (p) {
    case Precision::Fp32: return static_cast<float>(x);
    case Precision::Bf16: return toBf16(static_cast<float>(x));
    case Precision::Fp16: return toFp16(x);
  }
  return x;
}

PrecisionFsqResult emulateFsqPrecision(const Fsq& fsq, const Eigen::MatrixXd& z, Precision p) {
  PrecisionFsqResult out;
  out.precision = p;
  out.exactIndex = fsq.quantizeIndices(z);  // validates the shape
  const auto n = static_cast<std::size_t>(z.rows());
  out.naiveIndex.resize(n);
  out.aliased.assign(n, false);
  const auto r = [p](double v) { return roundToPrecision(v, p); };
  const std::int64_t size = fsq.codebookSize();
  std::set<std::int64_t> codes;
  for (std::size_t row = 0; row < n; ++row) {
    double acc = 0.0;
    for (int i = 0; i < fsq.dim(); ++i) {
      const double zi = r(z(static_cast<Eigen::Index>(row), i));
      const double b = r(fsq.boundValue(i, zi));
      const int half = fsq.levels()[static_cast<std::size_t>(i)] / 2;
      const int hi = fsq.levels()[static_cast<std::size_t>(i)] - 1 - half;
      const double q = std::clamp(std::nearbyint(b), static_cast<double>(-half),
                                  static_cast<double>(hi));
      const double code = r(q / half);
      const double shifted = r(r(code * half) + half);
      acc = r(acc + r(shifted * static_cast<double>(fsq.basis()[static_cast<std::size_t>(i)])));
    }
    std::int64_t idx = std::isfinite(acc) ? static_cast<std::int64_t>(acc) : size;  // trunc, as int()
    if (idx < 0 || idx >= size) {
      ++out.outOfRange;
      idx = std::clamp<std::int64_t>(idx, 0, size - 1);
    }
    out.naiveIndex[row] = idx;
    if (idx != out.exactIndex[row]) {
      out.aliased[row] = true;
      ++out.aliasedPoints;
      codes.insert(out.exactIndex[row]);
    }
  }
  out.aliasedCodes.assign(codes.begin(), codes.end());
  return out;
}

}  // namespace latentlab::quantization
