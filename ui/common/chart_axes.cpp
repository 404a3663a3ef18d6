// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/chart_axes.h"

#include <QtCharts/QLogValueAxis>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <vector>

#include "ui/common/color_bar_painter.h"

namespace latentlab::ui::chart_axes {
namespace {

constexpr double kMaxLogSpan = 1e-16;  // smallest lo/hi a log axis shows

}  // namespace

QAbstractAxis* makeAxis(ChartView::Axis type) {
  QAbstractAxis* axis = nullptr;
  if (type == ChartView::Axis::Log) {
    auto* a = new QLogValueAxis;
    a->setBase(10.0);
    a->setLabelFormat(QStringLiteral("%g"));
    a->setMinorTickCount(-1);  // automatic minor ticks between decades
    axis = a;
  } else {
    auto* a = new QValueAxis;
    a->setLabelFormat(QStringLiteral("%g"));
    a->setTickType(QValueAxis::TicksDynamic);  // 1-2-5 steps from setNiceRange()
    axis = a;
  }
  // Qt lays out the label margin for the labels it had and elides wider new ones ("1.…") until
  // the chart's next geometry change, which a streamed run never makes: never elide a number.
  axis->setTruncateLabels(false);
  return axis;
}

/// The width of the widest tick label a linear axis over [lo, hi] would show ("%g" numbers).
double widestLabel(const QFontMetrics& fm, double lo, double hi) {
  double widest = 0;
  for (double t : niceLinearTicks(lo, hi))
    widest = std::max<double>(widest, fm.horizontalAdvance(QString::number(t, 'g', 6)));
  return widest;
}

/// Sets the range and, on a value axis, ticks at round numbers: with the data range kept tight,
/// fixed tick counts would label 0.912132-style values.
void setNiceRange(QAbstractAxis* axis, double lo, double hi, double room, double labelExtent) {
  // Every change below relayouts the axis' tick labels (rich-text items, the costliest part of a
  // refill), so a refit to what the axis already shows changes nothing.
  if (auto* l = qobject_cast<QLogValueAxis*>(axis)) {
    // Qt finds the labelled powers as ceil/floor of ln(x)/ln(base); for 10^-4 that quotient is
    // −3.9999999999999996, so the end decade went unlabelled. Step the ends out by ulps until the
    // quotient reaches the whole power.
    const double lnBase = std::log(10.0);
    // Only the low end: stepping the top out adds a tick count Qt then fills with stray minor
    // ticks.
    const double kLo = std::round(std::log10(lo));
    if (std::abs(std::log10(lo) - kLo) < 1e-9)
      for (int i = 0; i < 8 && std::log(lo) / lnBase > kLo; ++i) lo = std::nextafter(lo, 0.0);
    // A label per decade crowds past ~8 decades: label every second one, and drop minor ticks.
    const double decades = std::log10(hi / lo);
    double base = decades > 8.5 ? 100.0 : 10.0;
    // A narrow plot labels every second or third decade: "0.0010.010.1" is no label at all.
    // `room` is the axis' length in pixels once laid out (0 before), `labelExtent` a label's.
    while (room > 0 && labelExtent > 0 && base < 1e3 &&
           (decades / std::log10(base) + 1) * labelExtent > room)
      base *= 10.0;
    const int minor = decades > 6.5 || base > 10.0 ? 0 : -1;  // thinned: no minor ticks
    if (l->min() == lo && l->max() == hi && l->base() == base && l->minorTickCount() == minor)
      return;
    l->setRange(lo, hi);
    l->setBase(base);
    l->setMinorTickCount(minor);
  } else if (auto* v = qobject_cast<QValueAxis*>(axis)) {
    // A short axis gets fewer, coarser ticks: "0 50100150200250" is no label at all. Here `room`
    // comes from the widget's size, never from the plot area, which moves with the labels
    // themselves and would refit forever.
    const int most =
        room > 0 && labelExtent > 0 ? std::clamp(static_cast<int>(room / labelExtent), 2, 7) : 7;
    const std::vector<double> ticks = niceLinearTicks(lo, hi, most);
    const bool nice = ticks.size() >= 2;
    if (v->min() == lo && v->max() == hi &&
        (!nice || (v->tickType() == QValueAxis::TicksDynamic && v->tickAnchor() == ticks[0] &&
                   v->tickInterval() == ticks[1] - ticks[0])))
      return;
    // Dynamic ticks are anchor + k·interval across the range, laid out on every change: the new
    // range with the old interval (or the reverse) can ask for millions of tick items — a range
    // of 10^6 after one of 1 froze the window and ate memory (found by the GUI monkey test). Hold
    // the ticks fixed while the range moves, then switch to the new range's own interval.
    v->setTickType(QValueAxis::TicksFixed);
    v->setRange(lo, hi);
    if (nice) {
      v->setTickAnchor(ticks[0]);
      v->setTickInterval(ticks[1] - ticks[0]);
      v->setTickType(QValueAxis::TicksDynamic);
    }
  } else {
    axis->setRange(lo, hi);
  }
}

/// Range with a small margin around the data; log ranges snap out to whole decades so the log
/// axis (labels only at powers of ten) always shows at least two labels.
std::pair<double, double> fitRange(const Bounds& b, ChartView::Axis type, double fixLo,
                                   double fixHi) {
  const bool log = type == ChartView::Axis::Log;
  double lo = log ? 1.0 : 0.0, hi = log ? 10.0 : 1.0;
  if (b.valid()) {
    lo = b.lo;
    hi = b.hi;
    if (log) {
      lo = std::pow(10.0, std::floor(std::log10(lo)));
      hi = std::pow(10.0, std::ceil(std::log10(hi)));
      if (hi <= lo) hi = lo * 10.0;
      // Beyond 16 decades below the top, doubles carry no information a reader can use, and the
      // labels would be squeezed to nothing.
      lo = std::max(lo, hi * kMaxLogSpan);
    } else {
      double span = hi - lo;
      if (span <= 0.0) span = std::max(std::abs(lo) * 0.2, 1.0);
      const double pad = 0.04 * span;
      lo = (hi == lo ? lo - span / 2 : lo - pad);
      hi = (b.hi == b.lo ? b.hi + span / 2 : hi + pad);
      // Non-negative data (probabilities, bars) keeps 0 as its floor instead of a stray −0.03.
      if (b.lo >= 0.0) lo = std::max(lo, 0.0);
      if (b.hi <= 0.0) hi = std::min(hi, 0.0);
    }
  }
  const bool okLo = std::isfinite(fixLo) && (!log || fixLo > 0.0);
  const bool okHi = std::isfinite(fixHi) && (!log || fixHi > 0.0);
  if (okLo) lo = fixLo;
  if (okHi) hi = fixHi;
  if (!(hi > lo)) hi = log ? lo * 10.0 : lo + 1.0;
  return {lo, hi};
}

/// `text` broken at spaces into lines no wider than `room` (as HTML), or as it is when it fits.
QString wrappedText(const QString& text, const QFont& font, int room) {
  const QFontMetrics fm(font);
  if (room <= 0 || fm.horizontalAdvance(text) <= room) return text;
  QStringList lines;
  QString line;
  for (const QString& word : text.split(' ')) {
    const QString next = line.isEmpty() ? word : line + ' ' + word;
    if (!line.isEmpty() && fm.horizontalAdvance(next) > room) {
      lines << line.toHtmlEscaped();
      line = word;
    } else {
      line = next;
    }
  }
  lines << line.toHtmlEscaped();
  return lines.join(QStringLiteral("<br>"));
}

}  // namespace latentlab::ui::chart_axes
