// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

// The axes of ChartView: ranges that fit the data, round ticks, and tick counts that fit the
// axis' length. Used only by ui/common/chart_view.cpp; split from it to keep each file short.

#include <QFont>
#include <QFontMetrics>
#include <QString>
#include <cmath>
#include <limits>
#include <utility>

#include "ui/common/chart_view.h"

QT_BEGIN_NAMESPACE
class QAbstractAxis;
QT_END_NAMESPACE

namespace latentlab::ui::chart_axes {

struct Bounds {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  bool valid() const { return lo <= hi; }
};

/// A value or log axis for `type`, its labels never elided.
QAbstractAxis* makeAxis(ChartView::Axis type);
/// The width of the widest tick label a linear axis over [lo, hi] would show ("%g" numbers).
double widestLabel(const QFontMetrics& fm, double lo, double hi);
/// Sets the range and, on a value axis, ticks at round numbers, as many as `room` pixels hold
/// labels `labelExtent` pixels long (0: not laid out yet).
void setNiceRange(QAbstractAxis* axis, double lo, double hi, double room = 0,
                  double labelExtent = 0);
/// Range with a small margin around the data (or the fixed ends); log ranges snap to decades.
std::pair<double, double> fitRange(const Bounds& b, ChartView::Axis type, double fixLo,
                                   double fixHi);
/// `text` broken at spaces into lines no wider than `room` (as HTML), or as it is when it fits:
/// titles and axis titles wrap instead of Qt Charts eliding them.
QString wrappedText(const QString& text, const QFont& font, int room);

}  // namespace latentlab::ui::chart_axes
