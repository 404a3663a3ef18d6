// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QColor>
#include <QFontMetrics>
#include <QPainter>
#include <QRect>
#include <QString>
#include <vector>

#include "ui/common/color_map.h"

namespace latentlab::ui {

/// "Nice" 1-2-5 tick values inside [lo, hi]: 5 to 7 of them when possible (also used by charts).
/// With `most` below 5 (a short axis), the finest 1-2-5 step giving at most `most` ticks (at
/// least 2).
std::vector<double> niceLinearTicks(double lo, double hi, int most = 7);
/// Tick values for a colour bar: "nice" steps for linear and symmetric scales (5–7 ticks, 0
/// included when in range), decades (or 1-2-5 steps on a short range) for log scales.
/// At most `most` ticks (a short bar takes fewer, so that its labels never overlap).
std::vector<double> colorBarTicks(const ColorMapping& mapping, int most = 7);
/// Tick label text (%.3g: readable and short).
QString colorBarTickLabel(double v);
/// Width a bar with its tick labels and optional rotated label needs.
int colorBarWidth(const ColorMapping& mapping, const QString& label, const QFontMetrics& fm);
/// Paints the gradient strip at the left of `rect` (full height), ticks and labels to its right,
/// in `text` colour so it follows the widget palette. Shared by HeatmapView and ColorBar so the
/// screen and export paths draw the same thing.
void paintColorBar(QPainter& p, const QRect& rect, const ColorMapping& mapping,
                   const QString& label, const QColor& text, const QFontMetrics& fm);

}  // namespace latentlab::ui
