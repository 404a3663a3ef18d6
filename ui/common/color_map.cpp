// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/color_map.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace latentlab::ui {
namespace {

// matplotlib's viridis (CC0, van der Walt & Smith), 33 entries sampled evenly from its 256-entry
// table; piecewise-linear interpolation between them stays within one 8-bit step of the original.
constexpr std::array<QRgb, 33> kViridis = {
    0x440154, 0x470d60, 0x48186a, 0x482374, 0x472d7b, 0x453781, 0x424086, 0x3e4989, 0x3b528b,
    0x375b8d, 0x33638d, 0x2f6b8e, 0x2c728e, 0x297a8e, 0x26828e, 0x23898e, 0x21918c, 0x1f978b,
    0x1f9f88, 0x21a685, 0x27ad81, 0x31b57b, 0x3dbc74, 0x4cc26c, 0x5cc863, 0x6ece58, 0x81d34d,
    0x95d840, 0xaadc32, 0xc0df25, 0xd5e21a, 0xeae51a, 0xfde725,
};

// Diverging blue–white–red (ColorBrewer RdBu ends, white centre) so 0 is exactly white.
constexpr std::array<QRgb, 5> kDiverging = {0x2166ac, 0x92c5de, 0xffffff, 0xf4a582, 0xb2182b};

constexpr QRgb kNanColor = 0x808080;

template <std::size_t N>
QRgb interpolate(const std::array<QRgb, N>& lut, double t) {
  t = std::clamp(t, 0.0, 1.0);
  const double pos = t * static_cast<double>(N - 1);
  const auto i = std::min(static_cast<std::size_t>(pos), N - 2);
  const double f = pos - static_cast<double>(i);
  const QRgb a = lut[i], b = lut[i + 1];
  // Round half up, as std::lround for these non-negative values, without a libm call per channel.
  auto mix = [f](int x, int y) { return static_cast<int>(x + (y - x) * f + 0.5); };
  return qRgb(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
}

QRgb rgbAt(ColorMapKind map, double t) {
  switch (map) {
    case ColorMapKind::Viridis:
      return interpolate(kViridis, t);
    case ColorMapKind::Diverging:
      return interpolate(kDiverging, t);
    case ColorMapKind::Grey: {
      const int g = static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * 255.0));
      return qRgb(g, g, g);
    }
  }
  return kNanColor;
}

// ColorMapping::normalise with the bounds (and their logarithms) worked out once, so colouring a
// whole matrix costs one log10 per value; the result is the same double as normalise's.
class Normaliser {
 public:
  explicit Normaliser(const ColorMapping& m) : m_log(m.scale == ColorScale::Log) {
    m_a = m.lo;
    m_b = m.hi;
    if (m.scale == ColorScale::Symmetric) {
      const double x = std::max(std::abs(m.lo), std::abs(m.hi));
      m_a = -x;
      m_b = x;
    }
    if (m_log) {
      // Log of a non-positive value has no position; the caller paints it as "no data".
      m_none = m_a <= 0.0 || m_b <= 0.0;
      if (!m_none) {
        m_a = std::log10(m_a);
        m_b = std::log10(m_b);
      }
    }
  }
  double operator()(double v) const {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    if (std::isnan(v)) return kNaN;
    if (m_log) {
      if (m_none || v <= 0.0) return kNaN;
      v = std::log10(v);
    }
    if (!(m_b > m_a)) return 0.5;  // constant data: one mid colour rather than a division by zero
    return std::clamp((v - m_a) / (m_b - m_a), 0.0, 1.0);
  }

 private:
  bool m_log;
  bool m_none = false;
  double m_a = 0.0, m_b = 1.0;
};

}  // namespace

double ColorMapping::normalise(double v) const { return Normaliser(*this)(v); }

QColor ColorMapping::color(double v) const {
  const double t = normalise(v);
  return QColor(std::isnan(t) ? kNanColor : rgbAt(map, t));
}

ColorMapping ColorMapping::fit(const Eigen::Ref<const Eigen::MatrixXd>& m, ColorMapKind map,
                               ColorScale scale) {
  ColorMapping out;
  out.map = map;
  out.scale = scale;
  double mn = std::numeric_limits<double>::infinity();
  double mx = -mn, absMax = 0.0;
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
      const double v = m(i, j);
      if (!std::isfinite(v)) continue;
      if (scale == ColorScale::Log && v <= 0.0) continue;
      mn = std::min(mn, v);
      mx = std::max(mx, v);
      absMax = std::max(absMax, std::abs(v));
    }
  }
  if (!(mn <= mx)) {  // no usable value
    out.lo = scale == ColorScale::Log ? 0.1 : (scale == ColorScale::Symmetric ? -1.0 : 0.0);
    out.hi = 1.0;
    return out;
  }
  if (scale == ColorScale::Symmetric) {
    const double a = absMax > 0.0 ? absMax : 1.0;
    out.lo = -a;
    out.hi = a;
  } else {
    out.lo = mn;
    out.hi = mx;
  }
  return out;
}

QImage colorize(const Eigen::Ref<const Eigen::MatrixXd>& m, const ColorMapping& mapping) {
  QImage img(static_cast<int>(m.cols()), static_cast<int>(m.rows()), QImage::Format_RGB32);
  const Normaliser normalise(mapping);
  for (int i = 0; i < img.height(); ++i) {
    auto* line = reinterpret_cast<QRgb*>(img.scanLine(i));
    for (int j = 0; j < img.width(); ++j) {
      const double t = normalise(m(i, j));
      line[j] = std::isnan(t) ? qRgb(128, 128, 128) : rgbAt(mapping.map, t) | 0xff000000u;
    }
  }
  return img;
}

}  // namespace latentlab::ui
