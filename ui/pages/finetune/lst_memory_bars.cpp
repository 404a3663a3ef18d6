// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/finetune/lst_memory_bars.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace latentlab::ui {
namespace {

// 1-2-5 tick step giving at most ~6 ticks up to `hi`.
double niceStep(double hi) {
  if (!(hi > 0.0)) return 1.0;
  const double raw = hi / 6.0;
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p >= raw) return m * p;
  return 10.0 * p;
}

}  // namespace

StackedBarsWidget::StackedBarsWidget(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void StackedBarsWidget::setTitle(const QString& title) {
  m_title = title;
  update();
}

void StackedBarsWidget::setUnit(const QString& unit) {
  m_unit = unit;
  update();
}

void StackedBarsWidget::setData(const QStringList& categories, const QStringList& segments,
                                const std::vector<QColor>& colors,
                                const std::vector<std::vector<double>>& values) {
  m_categories = categories;
  m_segments = segments;
  m_colors = colors;
  m_values = values;
  update();
}

double StackedBarsWidget::yMax() const {
  double hi = 0.0;
  for (const auto& row : m_values) {
    double sum = 0.0;
    for (double v : row) sum += std::max(0.0, v);
    hi = std::max(hi, sum);
  }
  const double step = niceStep(hi * 1.08);
  return std::max(step, std::ceil(hi * 1.08 / step) * step);
}

QRectF StackedBarsWidget::plotRect() const {
  const QFontMetricsF fm(font());
  const double line = fm.lineSpacing();
  const double left = fm.horizontalAdvance(QStringLiteral("0000.0")) + line * 1.6;
  // Title, legend row, then the totals above the bars.
  const double top = line * (m_title.isEmpty() ? 1.2 : 2.4) + line * 1.6;
  return QRectF(left, top, std::max(10.0, width() - left - 10.0),
                std::max(10.0, height() - top - line * 1.8));
}

QRectF StackedBarsWidget::segmentRect(int c, int s) const {
  const QRectF plot = plotRect();
  const int n = static_cast<int>(m_categories.size());
  if (n == 0 || c < 0 || c >= static_cast<int>(m_values.size())) return {};
  const double slot = plot.width() / n, bar = slot * 0.6, hi = yMax();
  const auto& row = m_values[static_cast<std::size_t>(c)];
  double below = 0.0;
  for (int i = 0; i < s && i < static_cast<int>(row.size()); ++i) below += std::max(0.0, row[i]);
  const double v = s < static_cast<int>(row.size()) ? std::max(0.0, row[s]) : 0.0;
  const double y0 = plot.bottom() - below / hi * plot.height();
  const double y1 = plot.bottom() - (below + v) / hi * plot.height();
  return QRectF(plot.left() + slot * c + (slot - bar) / 2, y1, bar, y0 - y1);
}

std::pair<int, int> StackedBarsWidget::hitTest(const QPointF& pos) const {
  for (int c = 0; c < static_cast<int>(m_values.size()); ++c)
    for (int s = 0; s < static_cast<int>(m_segments.size()); ++s)
      if (segmentRect(c, s).contains(pos)) return {c, s};
  return {-1, -1};
}

bool StackedBarsWidget::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(e);
    const auto [c, s] = hitTest(help->pos());
    if (c >= 0) {
      const double v = m_values[static_cast<std::size_t>(c)][static_cast<std::size_t>(s)];
      QToolTip::showText(
          help->globalPos(),
          tr("%1 — %2: %3 %4").arg(m_categories[c], m_segments[s]).arg(v, 0, 'f', 3).arg(m_unit));
    } else {
      QToolTip::hideText();
    }
    return true;
  }
  return QWidget::event(e);
}

void StackedBarsWidget::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing, true);
  const QPalette pal = palette();
  const QColor text = pal.color(QPalette::WindowText);
  p.fillRect(rect(), pal.color(QPalette::Window));
  const QFontMetricsF fm(font());
  const double line = fm.lineSpacing();
  double y = 2.0;
  if (!m_title.isEmpty()) {
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(text);
    p.drawText(QRectF(0, y, width(), line * 1.2), Qt::AlignHCenter | Qt::AlignVCenter, m_title);
    p.setFont(font());
    y += line * 1.2;
  }
  // Legend: one swatch per segment, centred.
  double legendWidth = 0.0;
  for (const QString& s : m_segments) legendWidth += line + 4 + fm.horizontalAdvance(s) + line;
  double x = std::max(4.0, (width() - legendWidth) / 2);
  for (int s = 0; s < static_cast<int>(m_segments.size()); ++s) {
    p.fillRect(QRectF(x, y + line * 0.2, line * 0.8, line * 0.8),
               s < static_cast<int>(m_colors.size()) ? m_colors[s] : text);
    p.setPen(text);
    p.drawText(QPointF(x + line + 2, y + fm.ascent() + 0.1 * line), m_segments[s]);
    x += line + 4 + fm.horizontalAdvance(m_segments[s]) + line;
  }

  const QRectF plot = plotRect();
  const double hi = yMax(), step = niceStep(hi);
  QColor grid = text;
  grid.setAlphaF(0.15);
  for (double v = 0.0; v <= hi + step * 1e-9; v += step) {
    const double py = plot.bottom() - v / hi * plot.height();
    p.setPen(grid);
    p.drawLine(QPointF(plot.left(), py), QPointF(plot.right(), py));
    p.setPen(text);
    p.drawText(QRectF(0, py - line / 2, plot.left() - 6, line), Qt::AlignRight | Qt::AlignVCenter,
               QString::number(v, 'g', 6));
  }
  p.save();
  p.translate(line * 0.2, plot.center().y());
  p.rotate(-90);
  QFont unitFont = font();  // a short plot sets the unit smaller rather than cutting it
  const double need = QFontMetricsF(unitFont).horizontalAdvance(m_unit);
  if (need > plot.height() - 4)
    unitFont.setPointSizeF(unitFont.pointSizeF() * std::max(0.6, (plot.height() - 4) / need));
  p.setFont(unitFont);
  p.drawText(QRectF(-plot.height() / 2, 0, plot.height(), line), Qt::AlignCenter, m_unit);
  p.setFont(font());
  p.restore();

  const int n = static_cast<int>(m_categories.size());
  for (int c = 0; c < n && c < static_cast<int>(m_values.size()); ++c) {
    double total = 0.0;
    for (int s = 0; s < static_cast<int>(m_segments.size()); ++s) {
      const QRectF r = segmentRect(c, s);
      if (r.height() <= 0.0) continue;
      p.fillRect(r, s < static_cast<int>(m_colors.size()) ? m_colors[s] : text);
      total += std::max(0.0, m_values[c][s]);
    }
    const QRectF top = segmentRect(c, static_cast<int>(m_segments.size()) - 1);
    p.setPen(text);
    p.drawText(QRectF(top.center().x() - 60, top.top() - line * 1.2, 120, line), Qt::AlignCenter,
               QString::number(total, 'f', total < 10 ? 2 : 1));
    const double slot = plot.width() / n;
    p.drawText(QRectF(plot.left() + slot * c, plot.bottom() + 2, slot, line * 1.5),
               Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_categories[c]);
  }
  QColor axis = text;
  axis.setAlphaF(0.6);
  p.setPen(axis);
  p.drawLine(plot.bottomLeft(), plot.bottomRight());
}

}  // namespace latentlab::ui
