// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// FSQ (Mentzer et al. 2023) in the atanh/(1 + ε) form of lucidrains/vector-quantize-pytorch,
// index ↔ code as in the reference Colab, and the level presets of the paper's Table 1 and
// App. A.4.1.
#include "latentlab/quantization/fsq.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "latentlab/common/errors.h"
#include "latentlab/common/simd.h"

#ifdef LATENTLAB_HAVE_OPENCL
#include "quantization/fsq_opencl.h"
#endif

namespace latentlab::quantization {
namespace {

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// The float channel constants of quantizeInPlace, shared by the CPU and the device.
simd::FsqChannels floatChannels(const Fsq& fsq) {
  simd::FsqChannels c;
  for (int i = 0; i < fsq.dim(); ++i) {
    const int half = fsq.levels()[static_cast<std::size_t>(i)] / 2;
    c.lo.push_back(static_cast<float>(-half));
    c.inv.push_back(1.0f / static_cast<float>(half));
    std::vector<float> edges;
    for (const double b : fsq.cellBoundaries(i)) {
      // The smallest float ≥ b, so that (float z ≥ edge) ⇔ (z ≥ b) exactly.
      float f = static_cast<float>(b);
      if (static_cast<double>(f) < b) f = std::nextafter(f, HUGE_VALF);
      edges.push_back(f);
    }
    c.boundaries.push_back(std::move(edges));
  }
  return c;
}

#ifndef LATENTLAB_HAVE_OPENCL
[[noreturn]] void noOpenCl() { throw DeviceError("this build has no OpenCL backend"); }
#endif

}  // namespace

Fsq::Fsq(std::vector<int> levels, FsqBound bound) : m_levels(std::move(levels)), m_bound(bound) {
  if (m_levels.empty()) throw ParamError("levels", "levels must list at least one channel");
  for (std::size_t i = 0; i < m_levels.size(); ++i) {
    const int l = m_levels[i];
    // L = 2 is degenerate with the offset scheme (lucidrains/vector-quantize-pytorch issue #237);
    // L ≥ 1001 breaks the (1 + ε) range argument (ε(L − 1) < 1 keeps q within the L levels).
    if (l < 3 || l > 1000)
      throw ParamError("levels", "every level count must be between 3 and 1000, got L" +
                                     std::to_string(i + 1) + " = " + std::to_string(l));
    m_basis.push_back(m_size);
    m_size *= l;
    if (m_size >= (std::int64_t{1} << 31))
      throw ParamError("levels", "the product of the levels must stay below 2^31");
    const bool even = l % 2 == 0;
    const double o = even ? 0.5 : 0.0;
    double h = 0.0, s = 0.0;
    if (bound == FsqBound::PaperTan) {
      h = (l - 1) * (1.0 - kFsqEpsilon) / 2.0;
      s = std::tan(o / h);  // the paper's literal typo (tan for atanh), kept for the toggle
    } else {
      h = (l - 1) * (1.0 + kFsqEpsilon) / 2.0;
      s = std::atanh(o / h);
    }
    if (bound == FsqBound::SuSigmoid) {
      h = (l - 1) / 2.0;
      s = 0.0;
    }
    m_h.push_back(h);
    m_o.push_back(o);
    m_s.push_back(s);
  }
}

double Fsq::boundValue(int i, double z) const {
  const auto c = static_cast<std::size_t>(i);
  if (m_bound == FsqBound::SuSigmoid) return (m_levels[c] - 1) * sigmoid(z) - m_levels[c] / 2;
  return std::tanh(z + m_s[c]) * m_h[c] - m_o[c];
}

int Fsq::level(int i, double z) const {
  const auto c = static_cast<std::size_t>(i);
  const double b = boundValue(i, z);
  if (std::isnan(b)) return 0;
  const int half = m_levels[c] / 2;
  // std::nearbyint keeps numpy/JAX round-half-to-even, std::round would not.
  const double q = std::nearbyint(b);
  return static_cast<int>(std::clamp(q, static_cast<double>(-half),
                                     static_cast<double>(m_levels[c] - 1 - half)));
}

double Fsq::codeValue(int i, int q) const {
  return static_cast<double>(q) / (m_levels[static_cast<std::size_t>(i)] / 2);
}

double Fsq::steDerivative(int i, double z) const {
  const auto c = static_cast<std::size_t>(i);
  const double half = m_levels[c] / 2;
  if (m_bound == FsqBound::SuSigmoid) {
    const double sg = sigmoid(z);
    return (m_levels[c] - 1) * sg * (1.0 - sg) / half;
  }
  const double t = std::tanh(z + m_s[c]);
  return m_h[c] * (1.0 - t * t) / half;
}

double Fsq::inverseBound(int i, double v) const {
  const auto c = static_cast<std::size_t>(i);
  const double inf = std::numeric_limits<double>::infinity();
  if (m_bound == FsqBound::SuSigmoid) {
    const double p = (v + m_levels[c] / 2) / (m_levels[c] - 1);
    if (p <= 0.0) return -inf;
    if (p >= 1.0) return inf;
    return std::log(p / (1.0 - p));
  }
  const double u = (v + m_o[c]) / m_h[c];
  if (u <= -1.0) return -inf;
  if (u >= 1.0) return inf;
  return std::atanh(u) - m_s[c];
}

std::vector<double> Fsq::cellBoundaries(int i) const {
  const int l = m_levels[static_cast<std::size_t>(i)];
  const int half = l / 2;
  std::vector<double> out;
  for (int q = -half; q < l - 1 - half; ++q) out.push_back(inverseBound(i, q + 0.5));
  return out;
}

std::int64_t Fsq::levelsToIndex(const std::vector<int>& q) const {
  if (q.size() != m_levels.size())
    throw ParamError("levels", "expected " + std::to_string(m_levels.size()) + " levels, got " +
                                   std::to_string(q.size()));
  std::int64_t index = 0;
  for (std::size_t i = 0; i < q.size(); ++i) {
    const int k = q[i] + m_levels[i] / 2;
    if (k < 0 || k >= m_levels[i])
      throw ParamError("levels", "level " + std::to_string(q[i]) + " of channel " +
                                     std::to_string(i + 1) + " is outside the valid range");
    index += k * m_basis[i];
  }
  return index;
}

std::vector<int> Fsq::indexToLevels(std::int64_t index) const {
  if (index < 0 || index >= m_size)
    throw ParamError("index", "index must be in [0, " + std::to_string(m_size) + "), got " +
                                  std::to_string(index));
  std::vector<int> q(m_levels.size());
  for (std::size_t i = 0; i < q.size(); ++i)
    q[i] = static_cast<int>((index / m_basis[i]) % m_levels[i]) - m_levels[i] / 2;
  return q;
}

Eigen::VectorXd Fsq::indexToCode(std::int64_t index) const {
  const std::vector<int> q = indexToLevels(index);
  Eigen::VectorXd out(dim());
  for (int i = 0; i < dim(); ++i) out(i) = codeValue(i, q[static_cast<std::size_t>(i)]);
  return out;
}

std::vector<std::int64_t> Fsq::quantizeIndices(const Eigen::MatrixXd& z) const {
  if (z.cols() != dim())
    throw ParamError("z", "expected " + std::to_string(dim()) + " columns, got " +
                              std::to_string(z.cols()));
  std::vector<std::int64_t> out(static_cast<std::size_t>(z.rows()));
  for (Eigen::Index r = 0; r < z.rows(); ++r) {
    std::int64_t index = 0;
    for (int i = 0; i < dim(); ++i) {
      const auto c = static_cast<std::size_t>(i);
      index += (level(i, z(r, i)) + m_levels[c] / 2) * m_basis[c];  // integers only
    }
    out[static_cast<std::size_t>(r)] = index;
  }
  return out;
}

Eigen::MatrixXd Fsq::quantize(const Eigen::MatrixXd& z) const {
  if (z.cols() != dim())
    throw ParamError("z", "expected " + std::to_string(dim()) + " columns, got " +
                              std::to_string(z.cols()));
  Eigen::MatrixXd out(z.rows(), z.cols());
  for (Eigen::Index r = 0; r < z.rows(); ++r)
    for (int i = 0; i < dim(); ++i) out(r, i) = codeValue(i, level(i, z(r, i)));
  return out;
}

void Fsq::quantizeInPlace(float* data, std::size_t count) const {
  simd::fsqQuantize(data, count, floatChannels(*this));
}

void Fsq::quantize(const float* in, float* out, std::size_t count) const {
  simd::fsqQuantize(in, out, count, floatChannels(*this));
}

std::vector<std::int64_t> Fsq::quantizeIndices(const Eigen::MatrixXd& z, const RunControl& rc,
                                               DeviceUse& use) const {
  if (z.cols() != dim())
    throw ParamError("z", "expected " + std::to_string(dim()) + " columns, got " +
                              std::to_string(z.cols()));
  return runOnDevice(
      rc, use,
      [&](const DeviceInfo& info) -> std::vector<std::int64_t> {
#ifdef LATENTLAB_HAVE_OPENCL
        using RowF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
        const RowF zf = z.cast<float>();
        const auto r = detail::fsqOpenCl(info.id, floatChannels(*this), m_levels, zf.data(),
                                         static_cast<std::size_t>(z.rows()), false);
        std::vector<std::int64_t> out(r.index.begin(), r.index.end());
        for (Eigen::Index row = 0; row < z.rows(); ++row) {
          if (!r.nearEdge[static_cast<std::size_t>(row)]) continue;
          std::int64_t index = 0;  // rounding to float may have crossed an edge: redo in double
          for (int i = 0; i < dim(); ++i) {
            const auto c = static_cast<std::size_t>(i);
            index += (level(i, z(row, i)) + m_levels[c] / 2) * m_basis[c];
          }
          out[static_cast<std::size_t>(row)] = index;
        }
        return out;
#else
        (void)info;
        noOpenCl();
#endif
      },
      [&] { return quantizeIndices(z); });
}

void Fsq::quantizeInPlace(float* data, std::size_t count, const RunControl& rc, DeviceUse& use,
                          std::vector<std::int32_t>* indices) const {
  const auto d = static_cast<std::size_t>(dim());
  if (count % d != 0)
    throw ParamError("z", "expected whole rows of " + std::to_string(d) + " values, got " +
                              std::to_string(count));
  const std::size_t rows = count / d;
  runOnDevice(
      rc, use,
      [&](const DeviceInfo& info) -> int {
#ifdef LATENTLAB_HAVE_OPENCL
        auto r = detail::fsqOpenCl(info.id, floatChannels(*this), m_levels, data, rows, true);
        std::copy(r.code.begin(), r.code.end(), data);
        if (indices) *indices = std::move(r.index);
        return 0;
#else
        (void)info;
        noOpenCl();
#endif
      },
      [&] {
        quantizeInPlace(data, count);
        if (indices) {
          // The level digit k_i = q_i + ⌊L_i/2⌋ from the code q_i/⌊L_i/2⌋, which is exact.
          indices->assign(rows, 0);
          for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t i = 0; i < d; ++i) {
              const int half = m_levels[i] / 2;
              const auto k = static_cast<std::int64_t>(std::lrint(data[r * d + i] * half)) + half;
              (*indices)[r] += static_cast<std::int32_t>(k * m_basis[i]);
            }
        }
        return 0;
      });
}

const std::vector<FsqPreset>& fsqPresets() {
  static const std::vector<FsqPreset> presets = {
      {4, {5, 3}},          {6, {8, 8}},          {8, {8, 6, 5}},
      {9, {8, 8, 8}},       {10, {8, 5, 5, 5}},   {11, {8, 8, 6, 5}},
      {12, {7, 5, 5, 5, 5}}, {14, {8, 8, 8, 6, 5}}, {16, {8, 8, 8, 5, 5, 5}}};
  return presets;
}

std::vector<int> fsqPresetLevels(int bits) {
  for (const auto& p : fsqPresets())
    if (p.log2Target == bits) return p.levels;
  throw ParamError("bits", "no FSQ preset for 2^" + std::to_string(bits) +
                               " codes; presets exist for 2^4, 6, 8, 9, 10, 11, 12, 14, 16");
}

std::string fsqBoundId(FsqBound bound) {
  switch (bound) {
    case FsqBound::Tanh: return "tanh";
    case FsqBound::PaperTan: return "paper_tan";
    case FsqBound::SuSigmoid: return "su_sigmoid";
  }
  return "tanh";
}

}  // namespace latentlab::quantization
