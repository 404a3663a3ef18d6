// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/quantization/quant_grid_plane.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace latentlab::ui {
namespace {

// About five round tick values across [lo, hi].
std::vector<double> ticks(double lo, double hi) {
  std::vector<double> out;
  const double span = hi - lo;
  if (!(span > 0)) return out;
  const double raw = span / 5.0, mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  for (double t = std::ceil(lo / step) * step; t <= hi + 1e-12; t += step)
    out.push_back(std::abs(t) < 1e-12 ? 0.0 : t);
  return out;
}

}  // namespace

QColor codeColor(long long code, bool strong) {
  const double hue = std::fmod(0.11 + 0.6180339887 * static_cast<double>(code), 1.0);
  return strong ? QColor::fromHsvF(static_cast<float>(hue), 0.85f, 0.72f)
                : QColor::fromHsvF(static_cast<float>(hue), 0.28f, 0.97f);
}

PlaneView::PlaneView(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void PlaneView::setData(PlaneData data) {
  m_data = std::move(data);
  update();
}

QRectF PlaneView::plotRect() const {
  const QFontMetrics fm(font());
  const double left = fm.horizontalAdvance(QStringLiteral("−00.0")) + fm.height() + 10;
  const double top = fm.height() * 1.6;
  const double bottom = fm.height() * (2.6 + 1.3 * static_cast<double>(legendRows().size())) + 6;
  return QRectF(left, top, std::max(10.0, width() - left - 12),
                std::max(10.0, height() - top - bottom));
}

std::vector<PlaneView::Mark> PlaneView::marks() const {
  std::vector<Mark> out;
  const auto dead = std::count(m_data.codeDead.begin(), m_data.codeDead.end(), true);
  if (static_cast<std::size_t>(dead) < m_data.codes.size()) out.push_back(Mark::Codeword);
  if (dead > 0) out.push_back(Mark::DeadCodeword);
  if (!m_data.flagged.empty()) out.push_back(Mark::AliasedPoint);
  if (!m_data.flaggedCells.empty()) out.push_back(Mark::AliasedCell);
  return out;
}

QStringList PlaneView::legendTexts() const {
  QStringList out;
  for (Mark m : marks()) {
    switch (m) {
      case Mark::Codeword:
        out << tr("codeword");
        break;
      case Mark::DeadCodeword:
        out << tr("dead codeword (no points)");
        break;
      case Mark::AliasedPoint:
        out << tr("aliased point");
        break;
      case Mark::AliasedCell:
        out << tr("aliased cell");
        break;
    }
  }
  return out;
}

std::vector<std::vector<std::size_t>> PlaneView::legendRows() const {
  // Entries flow into as many centred rows as the width needs; none is ever cut.
  const QStringList texts = legendTexts();
  const QFontMetricsF fm(font());
  std::vector<std::vector<std::size_t>> rows;
  double used = 0;
  for (qsizetype i = 0; i < texts.size(); ++i) {
    const double w = entryWidth(texts[i]);
    if (rows.empty() || used + w > width() - 8) {
      rows.emplace_back();
      used = 0;
    }
    rows.back().push_back(static_cast<std::size_t>(i));
    used += w;
  }
  return rows;
}

double PlaneView::entryWidth(const QString& text) const {
  const QFontMetricsF fm(font());
  return fm.height() * 1.8 + 6 + fm.horizontalAdvance(text);
}

void PlaneView::paintLegend(QPainter& p, double top) const {
  const std::vector<Mark> kinds = marks();
  const QStringList texts = legendTexts();
  const QFontMetricsF fm(font());
  const double swatch = fm.height() * 0.8, rowHeight = fm.height() * 1.3;
  const QColor red(0xe0, 0x20, 0x20), text = palette().color(QPalette::WindowText);
  for (const auto& row : legendRows()) {
    double total = 0;
    for (std::size_t i : row) total += entryWidth(texts[static_cast<qsizetype>(i)]);
    double x = std::max(4.0, (width() - total + fm.height()) / 2);
    const double cy = top + rowHeight / 2;
    for (std::size_t i : row) {
      const QRectF box(x, cy - swatch / 2, swatch, swatch);
      switch (kinds[i]) {
        case Mark::Codeword:
          p.setPen(QPen(QColor(0x20, 0x20, 0x20), 1.6));
          p.setBrush(Qt::white);
          p.drawRect(box.adjusted(2, 2, -2, -2));
          break;
        case Mark::DeadCodeword:
          p.setPen(QPen(red, 1.6));
          p.setBrush(Qt::NoBrush);
          p.drawRect(box.adjusted(2, 2, -2, -2));
          break;
        case Mark::AliasedPoint:
          p.setPen(QPen(red, 1.5));
          p.setBrush(Qt::NoBrush);
          p.drawEllipse(box.center(), swatch / 3, swatch / 3);
          break;
        case Mark::AliasedCell:
          p.setPen(QPen(red, 1.2));
          p.setBrush(Qt::NoBrush);
          p.drawRect(box);
          break;
      }
      p.setPen(text);
      const QString& t = texts[static_cast<qsizetype>(i)];
      p.drawText(QRectF(box.right() + 6, top, fm.horizontalAdvance(t) + 2, rowHeight),
                 Qt::AlignVCenter, t);
      x += entryWidth(t);
    }
    top += rowHeight;
  }
}

void PlaneView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QColor text = palette().color(QPalette::WindowText);
  const QRectF r = plotRect();
  const QFontMetrics fm(font());
  QFont bold = font();
  bold.setBold(true);
  p.setFont(bold);
  p.setPen(text);
  p.drawText(QRectF(0, 0, width(), fm.height() * 1.5), Qt::AlignCenter,
             fm.elidedText(m_data.title, Qt::ElideRight, width() - 4));
  p.setFont(font());
  const double dx = m_data.xMax - m_data.xMin, dy = m_data.yMax - m_data.yMin;
  if (!(dx > 0) || !(dy > 0)) return;
  auto map = [&](QPointF v) {
    return QPointF(r.left() + (v.x() - m_data.xMin) / dx * r.width(),
                   r.bottom() - (v.y() - m_data.yMin) / dy * r.height());
  };
  if (!m_data.cells.isNull()) {
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(r, m_data.cells);
  }
  p.save();
  p.setClipRect(r);
  const QColor gridColor(0x40, 0x40, 0x40, 150);
  p.setPen(QPen(gridColor, 1.0));
  for (double x : m_data.xLines)
    if (std::isfinite(x)) p.drawLine(map({x, m_data.yMin}), map({x, m_data.yMax}));
  for (double y : m_data.yLines)
    if (std::isfinite(y)) p.drawLine(map({m_data.xMin, y}), map({m_data.xMax, y}));
  const double rad = std::max(1.6, std::min(r.width(), r.height()) / 200.0);
  p.setPen(Qt::NoPen);
  for (std::size_t i = 0; i < m_data.points.size(); ++i) {
    p.setBrush(i < m_data.pointColors.size() ? m_data.pointColors[i] : QColor(0x80, 0x80, 0x80));
    p.drawEllipse(map(m_data.points[i]), rad, rad);
  }
  const QColor red(0xe0, 0x20, 0x20);
  p.setBrush(Qt::NoBrush);
  p.setPen(QPen(red, 1.2));
  for (const QRectF& c : m_data.flaggedCells) {
    const QPointF a = map({std::max(c.left(), m_data.xMin), std::max(c.top(), m_data.yMin)});
    const QPointF b = map({std::min(c.right(), m_data.xMax), std::min(c.bottom(), m_data.yMax)});
    p.drawRect(QRectF(a, b).normalized());
  }
  p.setPen(QPen(red, 1.5));
  for (const QPointF& f : m_data.flagged) p.drawEllipse(map(f), rad + 2.5, rad + 2.5);
  for (std::size_t j = 0; j < m_data.codes.size(); ++j) {
    const bool dead = j < m_data.codeDead.size() && m_data.codeDead[j];
    const QPointF c = map(m_data.codes[j]);
    p.setPen(QPen(dead ? red : QColor(0x20, 0x20, 0x20), 1.6));
    p.setBrush(dead ? QBrush(Qt::NoBrush) : QBrush(QColor(0xff, 0xff, 0xff)));
    p.drawRect(QRectF(c.x() - 3.5, c.y() - 3.5, 7, 7));
  }
  p.restore();
  p.setPen(QPen(text, 1.0));
  p.setBrush(Qt::NoBrush);
  p.drawRect(r);
  for (double t : ticks(m_data.xMin, m_data.xMax)) {
    const QPointF a = map({t, m_data.yMin});
    p.drawLine(a, a + QPointF(0, 4));
    p.drawText(QRectF(a.x() - 40, a.y() + 5, 80, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
               QString::number(t, 'g', 3).replace('-', QChar(0x2212)));
  }
  for (double t : ticks(m_data.yMin, m_data.yMax)) {
    const QPointF a = map({m_data.xMin, t});
    p.drawLine(a, a - QPointF(4, 0));
    p.drawText(
        QRectF(fm.height() + 2, a.y() - fm.height() / 2.0, a.x() - fm.height() - 8, fm.height()),
        Qt::AlignRight | Qt::AlignVCenter, QString::number(t, 'g', 3).replace('-', QChar(0x2212)));
  }
  p.drawText(QRectF(r.left(), r.bottom() + fm.height() + 6, r.width(), fm.height() + 2),
             Qt::AlignHCenter, m_data.xTitle);
  paintLegend(p, r.bottom() + 2.3 * fm.height() + 8);
  p.save();
  p.translate(2, r.center().y());
  p.rotate(-90);
  p.drawText(QRectF(-r.height() / 2, 0, r.height(), fm.height() + 2), Qt::AlignHCenter,
             m_data.yTitle);
  p.restore();
}

}  // namespace latentlab::ui
