// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/chart_legend.h"

#include <QPainter>
#include <QResizeEvent>
#include <algorithm>
#include <cmath>

namespace latentlab::ui {
namespace {
constexpr double kSwatch = 28.0;   // a dashed pen shows three dashes over this length
constexpr double kGap = 6.0;       // swatch to name
constexpr double kSpacing = 16.0;  // between entries
constexpr int kMargin = 2;
}  // namespace

ChartLegend::ChartLegend(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ChartLegend::setEntries(std::vector<Entry> entries) {
  m_entries = std::move(entries);
  updateGeometry();
  update();
}

double ChartLegend::entryWidth(const Entry& e) const {
  return kSwatch + kGap + fontMetrics().horizontalAdvance(e.name) + kSpacing;
}

void ChartLegend::setColumn(bool column) {
  if (column == m_column) return;
  m_column = column;
  setSizePolicy(column ? QSizePolicy::Fixed : QSizePolicy::Preferred,
                column ? QSizePolicy::Preferred : QSizePolicy::Fixed);
  updateGeometry();
  update();
}

int ChartLegend::columnWidth() const {
  double w = 0;
  for (const Entry& e : m_entries) w = std::max(w, entryWidth(e) - kSpacing);
  return static_cast<int>(std::ceil(w)) + 2 * kMargin + 4;
}

std::vector<std::vector<std::size_t>> ChartLegend::rows(int width) const {
  std::vector<std::vector<std::size_t>> out;
  if (m_column) {
    for (std::size_t i = 0; i < m_entries.size(); ++i) out.push_back({i});
    return out;
  }
  double used = 0;
  for (std::size_t i = 0; i < m_entries.size(); ++i) {
    const double w = entryWidth(m_entries[i]);
    if (out.empty() || (used + w - kSpacing > width - 2 * kMargin && !out.back().empty())) {
      out.emplace_back();
      used = 0;
    }
    out.back().push_back(i);
    used += w;
  }
  return out;
}

int ChartLegend::heightForWidth(int width) const {
  if (m_entries.empty()) return 0;
  const auto n = static_cast<int>(rows(width).size());
  return n * fontMetrics().height() + (n - 1) * 2 + 2 * kMargin;
}

QSize ChartLegend::sizeHint() const {
  if (m_column) return {columnWidth(), heightForWidth(columnWidth())};
  double total = 0;
  for (const Entry& e : m_entries) total += entryWidth(e);
  const int w = static_cast<int>(total);
  return {w, heightForWidth(width() > 0 ? width() : w)};
}

QSize ChartLegend::minimumSizeHint() const {
  if (m_column) return sizeHint();
  // As tall as its rows at the width it has: a layout never squeezes a row away.
  return {0, heightForWidth(width() > 0 ? width() : sizeHint().width())};
}

void ChartLegend::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (event->size().width() != event->oldSize().width()) updateGeometry();
}

void ChartLegend::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QFontMetricsF fm(font());
  const double lineH = fm.height();
  // A column sits in the middle of the plot's height; rows start at the top.
  double y =
      m_column ? std::max<double>(kMargin, (height() - heightForWidth(width())) / 2.0) : kMargin;
  for (const auto& row : rows(width())) {
    double total = 0;
    for (std::size_t i : row) total += entryWidth(m_entries[i]);
    total -= kSpacing;
    double x = m_column ? kMargin : std::max<double>(kMargin, (width() - total) / 2);
    const double cy = y + lineH / 2;
    for (std::size_t i : row) {
      const Entry& e = m_entries[i];
      switch (e.swatch) {
        case Swatch::Line: {
          QPen pen = e.pen;
          pen.setWidthF(std::min(pen.widthF(), 3.0));
          p.setPen(pen);
          p.drawLine(QPointF(x + 1, cy), QPointF(x + kSwatch - 1, cy));
          break;
        }
        case Swatch::Dot: {
          p.setPen(e.pen);
          p.setBrush(e.brush);
          const double r = std::min(5.0, lineH / 3);
          p.drawEllipse(QPointF(x + kSwatch / 2, cy), r, r);
          break;
        }
        case Swatch::Box: {
          p.setPen(e.pen);
          p.setBrush(e.brush);
          const double s = std::min(12.0, lineH * 0.75);
          p.drawRect(QRectF(x + (kSwatch - s) / 2, cy - s / 2, s, s));
          break;
        }
      }
      p.setPen(palette().color(QPalette::WindowText));
      const double textW = fm.horizontalAdvance(e.name);
      p.drawText(QRectF(x + kSwatch + kGap, y, textW + 2, lineH), Qt::AlignVCenter, e.name);
      x += entryWidth(e);
    }
    y += lineH + 2;
  }
}

}  // namespace latentlab::ui
