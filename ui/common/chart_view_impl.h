// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// ChartView's private state and its fitting and styling of Qt Charts, shared by chart_view.cpp
// (building the chart: series, bars, markers) and chart_view_read.cpp (what tests and the hover
// read-out read back). Include it from those two files only.
#pragma once

#include "ui/common/chart_view.h"

#include <QEvent>
#include <QGraphicsLayout>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "ui/common/chart_axes.h"
#include "ui/common/chart_legend.h"
#include "ui/common/color_bar_painter.h"
#include "ui/common/figure_mode.h"

namespace latentlab::ui {
namespace chart_view_detail {

using chart_axes::Bounds;
using chart_axes::fitRange;
using chart_axes::makeAxis;
using chart_axes::setNiceRange;
using chart_axes::widestLabel;
using chart_axes::wrappedText;

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kHoverRadius = 40.0;  // px: farther than this, no read-out
inline constexpr double kBarWidth = 0.8;      // fraction of a category the bar group covers
inline constexpr double kInf = std::numeric_limits<double>::infinity();
// Tableau 10: distinguishable on light and dark backgrounds.
inline constexpr std::array<QRgb, 10> kPalette = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                                  0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
inline const QColor kViolation(0xd6, 0x27, 0x28);

}  // namespace chart_view_detail

using namespace chart_view_detail;  // NOLINT: a private header of two files

struct ChartView::Impl {
  struct Entry {
    QString name;
    QXYSeries* series = nullptr;
    Style style = Style::Line;
    std::vector<QPointF> raw, shown;
    bool clamped = false;  // drawn points differ from `shown` (clamped to the y range)
  };
  struct Marker {
    QLineSeries* series = nullptr;
    Qt::Orientation orientation = Qt::Horizontal;
    double at = 0.0;
    bool paletteColor = false;  // no colour given: follows the text colour of the theme
  };

  QChartView* view = nullptr;
  QChart* chart = nullptr;
  QLabel* readout = nullptr;
  ChartLegend* legend = nullptr;  // under the plot; Qt Charts' own legend stays hidden
  QString title;                  // as set; the chart shows it broken onto two lines if needed
  Axis xType = Axis::Linear, yType = Axis::Linear;
  QString xTitle, yTitle;
  double xLo = kNaN, xHi = kNaN, yLo = kNaN, yHi = kNaN;
  bool legendWanted = true;
  bool yLabels = true;
  QAbstractAxis* axisX = nullptr;
  QAbstractAxis* axisY = nullptr;
  QBarCategoryAxis* categoryAxis = nullptr;
  QBarSeries* bars = nullptr;  // with categoryAxis and violations: created on first setBars
  bool hasBars = false;
  QScatterSeries* violations = nullptr;
  std::vector<std::vector<double>> barValues;
  std::vector<Entry> entries;
  std::vector<Marker> markers;
  int nextColor = 0;
  ChartView* owner = nullptr;
  bool fitPending = false;  // refit() asked; ensureFitted() does it

  std::vector<QPointF> filter(const std::vector<QPointF>& pts) const {
    std::vector<QPointF> out;
    out.reserve(pts.size());
    for (const QPointF& p : pts) {
      if (!std::isfinite(p.x()) || !std::isfinite(p.y())) continue;
      if (xType == Axis::Log && p.x() <= 0.0) continue;
      if (yType == Axis::Log && p.y() <= 0.0) continue;
      out.push_back(p);
    }
    return out;
  }

  void attach(QAbstractSeries* s) {
    // Attaching re-initialises the axis range from the series (Qt's domain). Dynamic ticks at the
    // last fit's interval over such a range can mean millions of tick items (a fit to a partial
    // result's tiny range, then a marker: the window froze), so ticks are fixed while attaching.
    // Then the last fit's range and ticks come back at once: the fit itself waits for the end of
    // the refill, and a paint queued before it (a streamed result refills between two paints)
    // showed Qt's data range with five fixed ticks ("1.50081", "20.8") until the next frame.
    struct Kept {
      QValueAxis* axis;
      double lo, hi, anchor, interval;
      bool dynamic;
    };
    std::vector<Kept> kept;
    for (QAbstractAxis* a : {axisX, axisY})
      if (auto* v = qobject_cast<QValueAxis*>(a)) {
        kept.push_back({v, v->min(), v->max(), v->tickAnchor(), v->tickInterval(),
                        v->tickType() == QValueAxis::TicksDynamic});
        v->setTickType(QValueAxis::TicksFixed);
      }
    chart->addSeries(s);
    s->attachAxis(axisX);
    s->attachAxis(axisY);
    for (const Kept& k : kept) {
      k.axis->setRange(k.lo, k.hi);
      if (k.dynamic) {
        k.axis->setTickAnchor(k.anchor);
        k.axis->setTickInterval(k.interval);
        k.axis->setTickType(QValueAxis::TicksDynamic);
      }
    }
    refit();
  }

  void pushPoints(Entry& e) {
    e.shown = filter(e.raw);
    e.series->replace(drawn(e, -kInf, kInf));  // one replace(): one repaint, no per-point signals
    e.clamped = false;
  }

  /// Points as drawn: steps expanded, y clamped to [ylo, yhi]. Clamping matters where an axis
  /// stops short of the data (a capped log axis): SVG output has no clip, so the curve would run
  /// past the plot; clamped, it runs along the edge instead.
  QList<QPointF> drawn(const Entry& e, double ylo, double yhi) const {
    QList<QPointF> list;
    list.reserve(static_cast<qsizetype>(e.shown.size() * (e.style == Style::Step ? 2 : 1)));
    auto clampY = [&](QPointF q) { return QPointF(q.x(), std::clamp(q.y(), ylo, yhi)); };
    for (std::size_t i = 0; i < e.shown.size(); ++i) {
      if (e.style == Style::Step && i > 0)
        list.append(clampY(QPointF(e.shown[i].x(), e.shown[i - 1].y())));
      list.append(clampY(e.shown[i]));
    }
    return list;
  }

  void clampToRange(double ylo, double yhi) {
    for (auto& e : entries) {
      const bool outside = std::any_of(e.shown.begin(), e.shown.end(), [&](const QPointF& q) {
        return q.y() < ylo || q.y() > yhi;
      });
      if (outside || e.clamped) e.series->replace(drawn(e, ylo, yhi));
      e.clamped = outside;
    }
  }

  void rebuildAxes() {
    for (QAbstractAxis* a : {axisX, axisY})
      if (a) {
        chart->removeAxis(a);
        delete a;
      }
    axisX = makeAxis(xType);
    axisY = makeAxis(yType);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    axisY->setLabelsVisible(yLabels);
    for (QAbstractSeries* s : chart->series()) {
      s->attachAxis(axisY);
      if (s != bars) s->attachAxis(axisX);
    }
    for (auto& e : entries) pushPoints(e);
  }

  /// Fits the axes once the current batch of changes is done: a figure refill sets a dozen
  /// series and markers one after another, and each fit relayouts Qt Charts' axes (two thirds of
  /// a Top-k refill). The fit runs from the event loop before the next paint (paint requests are
  /// posted at low priority), or at once when something reads the chart (ensureFitted).
  void refit() {
    if (fitPending) return;
    fitPending = true;
    QMetaObject::invokeMethod(
        owner, [this] { ensureFitted(); }, Qt::QueuedConnection);
  }

  void ensureFitted() {
    if (!fitPending) return;
    fitPending = false;
    fitNow();
  }

  void fitNow() {
    Bounds bx, by;
    for (const auto& e : entries)
      for (const QPointF& p : e.shown) {
        bx.add(p.x());
        by.add(p.y());
      }
    for (const auto& group : barValues)
      for (double v : group)
        if (yType == Axis::Linear || v > 0.0) by.add(v);
    if (hasBars && yType == Axis::Linear) by.add(0.0);
    for (const auto& m : markers) {
      const bool log = (m.orientation == Qt::Horizontal ? yType : xType) == Axis::Log;
      if (!log || m.at > 0.0) (m.orientation == Qt::Horizontal ? by : bx).add(m.at);
    }
    auto [x0, x1] = fitRange(bx, xType, xLo, xHi);
    if (hasBars) {  // lines over bars use category index as x
      x0 = -0.5;
      x1 = static_cast<double>(categoryAxis->count()) - 0.5;
    }
    auto [y0, y1] = fitRange(by, yType, yLo, yHi);
    const QFontMetrics fm(owner->font());
    const QRectF plot = chart->plotArea();
    // Log axes: the plot's own length (their refit on plotAreaChanged settles: decade labels
    // only thin out). Linear axes: the view's size less the axis furniture, fixed per size.
    const bool logX = xType == Axis::Log, logY = yType == Axis::Log;
    const double roomX = logX ? plot.width() : view->width() - 6.0 * fm.height();
    const double roomY = logY ? plot.height() : view->height() - 6.0 * fm.height();
    const double labelX = logX ? fm.horizontalAdvance(QStringLiteral("0.0001")) + 8
                               : widestLabel(fm, x0, x1) + 1.5 * fm.height();
    setNiceRange(axisX, x0, x1, roomX, labelX);
    setNiceRange(axisY, y0, y1, roomY, logY ? fm.height() + 2 : 2.0 * fm.height());
    clampToRange(y0, y1);
    axisX->setVisible(!hasBars);
    for (auto& m : markers) {
      const QList<QPointF> pts = m.orientation == Qt::Horizontal
                                     ? QList<QPointF>{{x0, m.at}, {x1, m.at}}
                                     : QList<QPointF>{{m.at, y0}, {m.at, y1}};
      m.series->replace(pts);
    }
    syncLegend();
  }

  /// Qt Charts elides a title wider than the chart ("… — red..."): it is wrapped onto lines
  /// that fit the plot's width instead.
  void fitTitle() {
    QFont bold = owner->font();
    bold.setBold(true);
    const bool beside = !legend->isHidden() && legend->isColumn();
    const int room = owner->width() - (beside ? legend->columnWidth() : 0) - 16;
    const QString shown = wrappedText(title, bold, room);
    if (chart->title() != shown) chart->setTitle(shown);
  }

  /// Qt gives an axis title one line and shortens it to the plot's side: a long one is set a
  /// little smaller first (not below three quarters of the text size).
  void fitAxisTitle(QAbstractAxis* axis, const QString& text, double room) {
    if (!axis || room <= 20) return;
    QFont f = owner->font();
    const double need = QFontMetricsF(f).horizontalAdvance(text);
    if (need > room) f.setPointSizeF(f.pointSizeF() * std::max(0.75, 0.97 * room / need));
    if (axis->titleFont() != f) axis->setTitleFont(f);
    // Still too long at three quarters: two lines rather than Qt's "...".
    const QString shown = wrappedText(text, f, static_cast<int>(room));
    if (axis->titleText() != shown) axis->setTitleText(shown);
  }

  void fitAxisTitles() {
    fitAxisTitle(axisX, xTitle, chart->plotArea().width() - 4);
    fitAxisTitle(axisY, yTitle, chart->plotArea().height() - 4);
    // A chart too short for its title lines, tick labels, the x title and a plot of four lines
    // gets no x title: Qt would shorten it to "...". Decided from the view's height, which the
    // titles do not move, so it settles.
    if (axisX && !xTitle.isEmpty()) {
      const int lines =
          chart->title().isEmpty() ? 0 : chart->title().count(QLatin1String("<br>")) + 1;
      const double line = QFontMetricsF(owner->font()).height();
      const bool room = view->height() >= (1.3 * lines + 6.5) * line;
      if (axisX->isTitleVisible() != room) axisX->setTitleVisible(room);
    }
  }

  /// Our legend under the plot lists what the chart draws: bar sets, series, marker lines and
  /// the violation marks, each with the series' own pen or fill.
  void syncLegend() {
    std::vector<ChartLegend::Entry> out;
    if (bars && hasBars)
      for (QBarSet* set : bars->barSets())
        out.push_back({set->label(), ChartLegend::Swatch::Box, QPen(Qt::NoPen), set->color()});
    for (const auto& e : entries) {
      if (auto* sc = qobject_cast<QScatterSeries*>(e.series))
        out.push_back(
            {e.name, ChartLegend::Swatch::Dot, QPen(sc->borderColor(), 1.0), sc->color()});
      else
        out.push_back({e.name, ChartLegend::Swatch::Line, e.series->pen(), {}});
    }
    for (const auto& m : markers)
      out.push_back({m.series->name(), ChartLegend::Swatch::Line, m.series->pen(), {}});
    if (violations && violations->count() > 0)
      out.push_back(
          {violations->name(), ChartLegend::Swatch::Box, QPen(kViolation.darker(150)), kViolation});
    const bool show = legendWanted && out.size() >= 2;
    legend->setEntries(std::move(out));
    legend->setVisible(show);
    chart->legend()->setVisible(false);
    placeLegend();
  }

  /// Beside the plot when the chart is wide and the names are short enough (a column of at most
  /// half the width, no taller than the chart), under it otherwise: under a short chart
  /// the rows would take the height its plot needs.
  void placeLegend() {
    const int w = owner->width(), h = owner->height();
    const int lines = static_cast<int>(legend->entries().size());
    bool column = w > 1.4 * h && legend->columnWidth() <= 0.5 * w &&
                  lines * (owner->fontMetrics().height() + 2) <= h - 20;
    if (column && hasBars && categoryAxis && categoryAxis->count() > 0) {
      // Bars need their category names upright under them: keep the width for those.
      const QFontMetrics fm(categoryAxis->labelsFont());
      int longest = 0;
      for (const QString& c : categoryAxis->categories())
        longest = std::max(longest, fm.horizontalAdvance(c));
      const int plot = w - legend->columnWidth() - 70;  // the y axis, its title and margins
      column = plot >= categoryAxis->count() * (longest + 22);
    }
    legend->setColumn(column);
    auto* box = static_cast<QBoxLayout*>(owner->layout());
    box->setDirection(column ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    fitTitle();  // a legend beside the plot narrows the title's room
  }

  void style(const QPalette& pal, const QFont& font) {
    const QColor bg = pal.color(QPalette::Window), text = pal.color(QPalette::WindowText);
    QColor grid = text, axisLine = text;
    grid.setAlphaF(0.15);
    axisLine.setAlphaF(0.6);
    chart->setBackgroundBrush(bg);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    QFont titleFont = font;
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->legend()->setLabelColor(text);
    chart->legend()->setFont(font);
    view->setBackgroundBrush(bg);
    for (QAbstractAxis* a : chart->axes()) {
      a->setLabelsColor(text);
      a->setLabelsFont(font);
      a->setTitleBrush(text);
      a->setTitleFont(font);
      a->setGridLineColor(grid);
      QColor minor = text;
      minor.setAlphaF(0.06);
      a->setMinorGridLinePen(QPen(minor, 1.0));
      a->setLinePenColor(axisLine);
    }
    for (auto& m : markers) {
      if (!m.paletteColor) continue;
      QPen pen = m.series->pen();
      pen.setColor(text);
      m.series->setPen(pen);
    }
    if (axisX) axisX->setTitleText(xTitle);
    if (axisY) axisY->setTitleText(yTitle);
    fitAxisTitles();
    if (categoryAxis) categoryAxis->setTitleText(xTitle);
  }

  // Qt elides category labels that do not fit their slot ("Ada..."): turn them upright instead.
  void fitCategoryLabels(int width) {
    if (!categoryAxis || categoryAxis->count() == 0) return;
    const QFontMetrics fm(categoryAxis->labelsFont());
    int longest = 0;
    for (const QString& c : categoryAxis->categories())
      longest = std::max(longest, fm.horizontalAdvance(c));
    // The plot area once laid out; before that, 90 px for the y axis, its title and margins.
    const double plot = chart->plotArea().width() > 0 ? chart->plotArea().width() : width - 90;
    const double slot = plot / categoryAxis->count();
    // Qt keeps 2 label paddings (5 px) per slot and its text items add a 4 px margin each side.
    const int angle = longest + 22 > slot ? -90 : 0;  // a tilted label is truncated too
    if (categoryAxis->labelsAngle() != angle) categoryAxis->setLabelsAngle(angle);
  }

  void placeReadout(int width) {
    readout->move(width - readout->width() - 8, 6);  // top-right corner, over the chart
  }

  QColor takeColor() {
    return QColor(kPalette[static_cast<std::size_t>(nextColor++) % kPalette.size()]);
  }

  Entry* find(const QString& name) {
    for (auto& e : entries)
      if (e.name == name) return &e;
    return nullptr;
  }
};

}  // namespace latentlab::ui
