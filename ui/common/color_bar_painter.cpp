// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/color_bar_painter.h"

#include <QLinearGradient>
#include <algorithm>
#include <cmath>

namespace latentlab::ui {
namespace {

constexpr int kStripWidth = 16;
constexpr int kTickLength = 4;
constexpr int kGap = 3;

std::vector<double> logTicks(double lo, double hi) {
  if (!(lo > 0.0) || !(hi > lo)) return {lo};
  const int a = static_cast<int>(std::ceil(std::log10(lo) - 1e-9));
  const int b = static_cast<int>(std::floor(std::log10(hi) + 1e-9));
  std::vector<double> out;
  if (b - a + 1 >= 3) {
    const int stride = (b - a) / 6 + 1;  // keep at most 7 decades labelled
    for (int e = a; e <= b; e += stride) out.push_back(std::pow(10.0, e));
    return out;
  }
  // Short range: 1-2-5 within each decade.
  for (int e = a - 1; e <= b; ++e)
    for (double m : {1.0, 2.0, 5.0}) {
      const double v = m * std::pow(10.0, e);
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push_back(v);
    }
  if (out.size() < 3) out = {lo, std::sqrt(lo * hi), hi};
  return out;
}

}  // namespace

std::vector<double> niceLinearTicks(double lo, double hi, int most) {
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return {lo};
  const double mag = std::pow(10.0, std::floor(std::log10(hi - lo)));
  auto ticksFor = [lo, hi](double step) {
    std::vector<double> out;
    const double eps = step * 1e-9;
    for (double v = std::ceil((lo - eps) / step) * step; v <= hi + eps; v += step)
      out.push_back(std::abs(v) < eps ? 0.0 : v);
    return out;
  };
  if (most < 5) {  // coarse: from the finest step down, the first that fits (steps grow)
    for (double m : {0.5, 1.0, 2.0, 5.0, 10.0, 20.0}) {
      std::vector<double> t = ticksFor(m * mag);
      if (t.size() >= 2 && static_cast<int>(t.size()) <= std::max(most, 2)) return t;
    }
    return {lo, hi};
  }
  // Largest 1-2-5 step giving 5 to 7 ticks; otherwise the count nearest to 6.
  std::vector<double> best;
  for (double m : {5.0, 2.0, 1.0, 0.5, 0.2, 0.1, 0.05}) {
    std::vector<double> t = ticksFor(m * mag);
    if (t.size() >= 5 && t.size() <= 7) return t;
    const auto dist = [](std::size_t n) { return n > 6 ? n - 6 : 6 - n; };
    if (best.empty() || dist(t.size()) < dist(best.size())) best = std::move(t);
  }
  return best.size() >= 2 ? best : std::vector<double>{lo, hi};
}

std::vector<double> colorBarTicks(const ColorMapping& m, int most) {
  most = std::max(2, most);
  switch (m.scale) {
    case ColorScale::Linear:
      return niceLinearTicks(m.lo, m.hi, most);
    case ColorScale::Log: {
      std::vector<double> t = logTicks(m.lo, m.hi);
      // Every other decade until they fit, keeping the top one.
      while (static_cast<int>(t.size()) > most) {
        std::vector<double> kept;
        for (std::size_t i = t.size() % 2 == 0 ? 1 : 0; i < t.size(); i += 2) kept.push_back(t[i]);
        t = std::move(kept);
      }
      return t;
    }
    case ColorScale::Symmetric: {
      const double a = std::max(std::abs(m.lo), std::abs(m.hi));
      return niceLinearTicks(-a, a, most);
    }
  }
  return {};
}

QString colorBarTickLabel(double v) { return QString::asprintf("%.3g", v); }

int colorBarWidth(const ColorMapping& mapping, const QString& label, const QFontMetrics& fm) {
  int labelW = 0;
  for (double v : colorBarTicks(mapping))
    labelW = std::max(labelW, fm.horizontalAdvance(colorBarTickLabel(v)));
  return kStripWidth + kTickLength + kGap + labelW + (label.isEmpty() ? 0 : fm.height() + 2 * kGap);
}

void paintColorBar(QPainter& p, const QRect& rect, const ColorMapping& mapping,
                   const QString& label, const QColor& text, const QFontMetrics& fm) {
  if (rect.height() < 4 || rect.width() < kStripWidth) return;
  const QRect strip(rect.left(), rect.top(), kStripWidth, rect.height());
  // A gradient (not hundreds of 1-px rectangles) keeps SVG/PDF output small and smooth.
  ColorMapping unit = mapping;
  unit.scale = ColorScale::Linear;
  unit.lo = 0.0;
  unit.hi = 1.0;
  QLinearGradient grad(strip.bottomLeft(), strip.topLeft());
  constexpr int kStops = 64;
  for (int i = 0; i <= kStops; ++i) {
    const double t = static_cast<double>(i) / kStops;
    grad.setColorAt(t, unit.color(t));
  }
  p.save();
  p.fillRect(strip, grad);
  QColor frame = text;
  frame.setAlphaF(0.5);
  p.setPen(QPen(frame, 1.0));
  p.setBrush(Qt::NoBrush);
  p.drawRect(QRectF(strip).adjusted(0.5, 0.5, -0.5, -0.5));

  p.setPen(text);
  const int x0 = strip.right() + 1;
  // One label per 1.4 text lines of bar at most, so that a short bar's labels never overlap.
  const int most = static_cast<int>(strip.height() / (1.4 * fm.height()));
  for (double v : colorBarTicks(mapping, most)) {
    const double t = mapping.normalise(v);
    if (std::isnan(t)) continue;
    const double y = strip.bottom() - t * (strip.height() - 1);
    p.drawLine(QPointF(x0, y), QPointF(x0 + kTickLength, y));
    p.drawText(QRectF(x0 + kTickLength + kGap, y - fm.height(), rect.width(), 2 * fm.height()),
               Qt::AlignLeft | Qt::AlignVCenter, colorBarTickLabel(v));
  }
  if (!label.isEmpty()) {
    p.translate(rect.right() - fm.height(), strip.center().y());
    p.rotate(90);
    p.drawText(QRect(-strip.height() / 2, -fm.height(), strip.height(), fm.height()),
               Qt::AlignCenter, label);
  }
  p.restore();
}

}  // namespace latentlab::ui
