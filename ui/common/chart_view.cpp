// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
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
namespace {

using chart_axes::Bounds;
using chart_axes::fitRange;
using chart_axes::makeAxis;
using chart_axes::setNiceRange;
using chart_axes::widestLabel;
using chart_axes::wrappedText;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kHoverRadius = 40.0;  // px: farther than this, no read-out
constexpr double kBarWidth = 0.8;      // fraction of a category the bar group covers
// Tableau 10: distinguishable on light and dark backgrounds.
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::array<QRgb, 10> kPalette = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                           0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
const QColor kViolation(0xd6, 0x27, 0x28);

}  // namespace

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

ChartView::ChartView(QWidget* parent) : QWidget(parent), d(std::make_unique<Impl>()) {
  d->chart = new QChart;
  d->chart->setBackgroundRoundness(0);
  d->chart->setMargins(QMargins(4, 4, 4, 4));
  d->chart->layout()->setContentsMargins(0, 0, 0, 0);
  d->chart->legend()->setAlignment(Qt::AlignBottom);
  // The PDF engine applies the legend's child clip wrongly (items vanish); nothing overflows it.
  d->chart->legend()->setFlag(QGraphicsItem::ItemClipsChildrenToShape, false);
  for (QGraphicsItem* child : d->chart->legend()->childItems())
    child->setFlag(QGraphicsItem::ItemClipsChildrenToShape, false);
  d->chart->setAnimationOptions(QChart::NoAnimation);  // live updates must not lag behind
  d->view = new QChartView(d->chart, this);
  d->view->setRenderHint(QPainter::Antialiasing, true);
  d->view->setFrameShape(QFrame::NoFrame);
  d->view->viewport()->installEventFilter(this);
  d->view->viewport()->setMouseTracking(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(d->view);
  d->legend = new ChartLegend(this);
  d->legend->setObjectName(QStringLiteral("chartLegend"));
  d->legend->hide();
  layout->addWidget(d->legend);
  d->readout = new QLabel(this);
  d->readout->setObjectName(QStringLiteral("chartReadout"));
  markScreenOnly(d->readout);  // exports never show a hover read-out
  d->readout->setAttribute(Qt::WA_TransparentForMouseEvents);
  d->readout->setAutoFillBackground(true);
  d->readout->setFrameShape(QFrame::StyledPanel);
  d->readout->setMargin(3);
  d->readout->hide();
  d->owner = this;
  d->rebuildAxes();
  d->style(palette(), font());
  d->fitNow();
  connect(d->chart, &QChart::plotAreaChanged, this, [this] {
    d->fitCategoryLabels(width());
    d->fitAxisTitles();
    // Log axes thin their decade labels to the plot's new length.
    if (d->xType == Axis::Log || d->yType == Axis::Log) d->refit();
  });
}

ChartView::~ChartView() = default;

void ChartView::setTitle(const QString& title) {
  d->title = title;
  d->fitTitle();
}

void ChartView::setAxes(const QString& xTitle, Axis xAxis, const QString& yTitle, Axis yAxis) {
  d->xTitle = xTitle;
  d->yTitle = yTitle;
  if (xAxis != d->xType || yAxis != d->yType) {
    d->xType = xAxis;
    d->yType = yAxis;
    d->rebuildAxes();  // QValueAxis and QLogValueAxis are different classes: recreate
  }
  d->style(palette(), font());
  d->refit();
}

void ChartView::setXRange(double lo, double hi) {
  d->xLo = lo;
  d->xHi = hi;
  d->refit();
}

void ChartView::setYLabelsVisible(bool visible) {
  d->yLabels = visible;
  if (d->axisY) d->axisY->setLabelsVisible(visible);
}

void ChartView::setYRange(double lo, double hi) {
  d->yLo = lo;
  d->yHi = hi;
  d->refit();
}

void ChartView::setLegendVisible(bool visible) {
  d->legendWanted = visible;
  d->refit();
}

void ChartView::setSeries(const QString& name, const std::vector<QPointF>& points, Style style,
                          QColor color, double width) {
  Impl::Entry* e = d->find(name);
  const bool wantScatter = style == Style::Scatter;
  if (e && (qobject_cast<QScatterSeries*>(e->series) != nullptr) != wantScatter) {
    // Line and scatter are different series classes: swap the object, keep the colour.
    if (!color.isValid()) color = e->series->color();
    d->chart->removeSeries(e->series);
    delete e->series;
    e->series = nullptr;
  }
  if (!e) {
    d->entries.push_back({name, nullptr, style, {}, {}});
    e = &d->entries.back();
  }
  if (!color.isValid()) color = e->series ? e->series->color() : d->takeColor();
  if (!e->series) {
    e->series = wantScatter ? static_cast<QXYSeries*>(new QScatterSeries) : new QLineSeries;
    e->series->setName(name);
    d->attach(e->series);
  }
  e->style = style;
  if (auto* sc = qobject_cast<QScatterSeries*>(e->series)) {
    sc->setMarkerSize(std::max(6.0, 3.0 * width));
    sc->setColor(color);
    sc->setBorderColor(color.darker(130));
  } else {
    QPen pen(color, width);
    pen.setCapStyle(Qt::RoundCap);
    // Short dashes with flat ends: the legend's swatch (about 14 px) then shows two dashes and a
    // gap, not one dash that reads as a shorter solid line.
    if (style == Style::Dashed) {
      pen.setCapStyle(Qt::FlatCap);
      pen.setDashPattern({2.5, 2.0});
    }
    e->series->setPen(pen);
  }
  e->raw = points;
  d->pushPoints(*e);
  d->refit();
}

void ChartView::removeSeries(const QString& name) {
  for (auto it = d->entries.begin(); it != d->entries.end(); ++it) {
    if (it->name != name) continue;
    d->chart->removeSeries(it->series);
    delete it->series;
    d->entries.erase(it);
    break;
  }
  d->refit();
}

void ChartView::clearSeries() {
  for (auto& e : d->entries) {
    d->chart->removeSeries(e.series);
    delete e.series;
  }
  d->entries.clear();
  d->nextColor = 0;
  setBars({}, {}, {});
}

void ChartView::setBars(const QStringList& categories, const QStringList& groups,
                        const std::vector<std::vector<double>>& values,
                        const std::vector<std::vector<bool>>& highlight,
                        const std::vector<QColor>& colors) {
  if (!d->bars) {
    // Created once and reused: removing series or axes leaves their graphics items to a
    // deferred delete, which a render before the next event-loop turn would still draw.
    d->categoryAxis = new QBarCategoryAxis;
    // Category names are the bars' only labels: upright ones (fitCategoryLabels) take the room
    // they need rather than being cut to "cmr…" on a short chart.
    d->categoryAxis->setTruncateLabels(false);
    d->chart->addAxis(d->categoryAxis, Qt::AlignBottom);
    d->bars = new QBarSeries;
    d->bars->setBarWidth(kBarWidth);
    d->chart->addSeries(d->bars);
    if (auto* v = qobject_cast<QValueAxis*>(d->axisY)) v->setTickType(QValueAxis::TicksFixed);
    d->bars->attachAxis(d->categoryAxis);
    d->bars->attachAxis(d->axisY);
    connect(d->bars, &QBarSeries::hovered, this, [this](bool on, int index, QBarSet* set) {
      const QString cat = index < d->categoryAxis->count() ? d->categoryAxis->at(index) : QString();
      d->readout->setText(
          on ? tr("%1: %2 = %3").arg(set->label(), cat, QString::number(set->at(index), 'g', 6))
             : QString());
      d->readout->setVisible(on);
      d->readout->adjustSize();
      d->placeReadout(width());
    });
    d->violations = new QScatterSeries;
    d->violations->setName(tr("violation"));
    d->violations->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    d->violations->setMarkerSize(12.0);
    d->violations->setColor(kViolation);
    d->violations->setBorderColor(kViolation.darker(150));
    d->attach(d->violations);
  }
  d->bars->clear();
  d->categoryAxis->clear();
  d->barValues.clear();
  d->hasBars = !categories.isEmpty() && !values.empty();
  QList<QPointF> marks;
  if (d->hasBars) {
    d->categoryAxis->append(categories);
    const auto nGroups = static_cast<int>(values.size());
    for (int g = 0; g < nGroups; ++g) {
      auto* set = new QBarSet(g < groups.size() ? groups[g] : QString::number(g + 1));
      const auto gi = static_cast<std::size_t>(g);
      set->setColor(gi < colors.size() && colors[gi].isValid()
                        ? colors[gi]
                        : QColor(kPalette[gi % kPalette.size()]));
      set->setBorderColor(Qt::transparent);
      for (std::size_t c = 0; c < values[g].size(); ++c) {
        const double v = std::isfinite(values[g][c]) ? values[g][c] : 0.0;
        set->append(v);
        if (g < static_cast<int>(highlight.size()) && c < highlight[g].size() && highlight[g][c]) {
          // QBarSet colours whole sets only, so violations get a red marker on the bar top.
          const double x = static_cast<double>(c) - kBarWidth / 2 + (g + 0.5) * kBarWidth / nGroups;
          marks.append(QPointF(x, v));
        }
      }
      d->bars->append(set);
      d->barValues.push_back(values[g]);
    }
  }
  d->violations->replace(marks);
  d->categoryAxis->setVisible(d->hasBars);
  for (QLegendMarker* m : d->chart->legend()->markers(d->violations))
    m->setVisible(!marks.isEmpty());
  d->style(palette(), font());
  d->fitCategoryLabels(width());
  d->refit();
}

void ChartView::setMarker(const QString& name, Qt::Orientation orientation, double at,
                          QColor color) {
  Impl::Marker* m = nullptr;
  for (auto& x : d->markers)
    if (x.series->name() == name) m = &x;
  if (!m) {
    d->markers.push_back({new QLineSeries, orientation, at, false});
    m = &d->markers.back();
    m->series->setName(name);
    d->attach(m->series);
  }
  m->paletteColor = !color.isValid();
  if (!color.isValid()) color = palette().color(QPalette::WindowText);
  QPen pen(color, 1.5);
  pen.setStyle(Qt::DashLine);
  m->series->setPen(pen);
  m->orientation = orientation;
  m->at = at;
  d->refit();
}

void ChartView::clearMarkers() {
  for (auto& m : d->markers) {
    d->chart->removeSeries(m.series);
    delete m.series;
  }
  d->markers.clear();
  d->refit();
}

int ChartView::seriesCount() const { return static_cast<int>(d->entries.size()); }

std::pair<double, double> ChartView::yRange() const {
  d->ensureFitted();
  if (auto* v = qobject_cast<QValueAxis*>(d->axisY)) return {v->min(), v->max()};
  if (auto* l = qobject_cast<QLogValueAxis*>(d->axisY)) return {l->min(), l->max()};
  return {kNaN, kNaN};
}

std::vector<QPointF> ChartView::drawnPoints(const QString& name) const {
  d->ensureFitted();
  for (const auto& e : d->entries)
    if (e.name == name) {
      const QList<QPointF> pts = e.series->points();
      return {pts.begin(), pts.end()};
    }
  return {};
}

std::vector<QPointF> ChartView::seriesPoints(const QString& name) const {
  for (const auto& e : d->entries)
    if (e.name == name) return e.shown;
  return {};
}

QString ChartView::title() const { return d->title; }

QStringList ChartView::seriesNames() const {
  QStringList out;
  for (const auto& e : d->entries) out << e.name;
  return out;
}

std::vector<DataTable> ChartView::barTables() const {
  std::vector<DataTable> out;
  if (!d->bars || !d->hasBars) return out;
  DataTable t{d->title.isEmpty() ? tr("bars") : d->title, {tr("category")}, {}};
  for (QBarSet* set : d->bars->barSets()) t.columns << set->label();
  const qsizetype n = d->categoryAxis->count();
  for (qsizetype c = 0; c < n; ++c) {
    std::vector<double> row{static_cast<double>(c)};
    for (const auto& group : d->barValues)
      row.push_back(static_cast<std::size_t>(c) < group.size() ? group[static_cast<std::size_t>(c)]
                                                               : kNaN);
    t.rows.push_back(std::move(row));
  }
  out.push_back(std::move(t));
  return out;
}

QStringList ChartView::elidedTexts() const {
  // Qt Charts shortens a title, a legend name or a tick label that has no room with "..." or
  // "…"; its text items are the only place that shows it.
  QStringList out;
  if (!d->chart->scene()) return out;
  for (QGraphicsItem* item : d->chart->scene()->items()) {
    if (!item->isVisible()) continue;
    QString text;
    if (auto* t = dynamic_cast<QGraphicsTextItem*>(item))
      text = t->toPlainText();
    else if (auto* st = dynamic_cast<QGraphicsSimpleTextItem*>(item))
      text = st->text();
    // Qt elides at the end; a "…" inside a text ("keys 0…15") is the text's own.
    if (text.endsWith(QChar(0x2026)) || text.endsWith(QLatin1String("..."))) out << text;
  }
  return out;
}

QColor ChartView::seriesColor(const QString& name) const {
  for (const auto& e : d->entries)
    if (e.name == name) return e.series->color();
  return {};
}

// Modest hints: when a grid holds several views and space is short of the hints, Qt takes the
// shortfall equally from each and ignores stretch, so large hints would squash some views.
QSize ChartView::sizeHint() const { return {420, 260}; }
// Small enough for a 1000 × 700 export (667 × 467 layout pixels), and a 170 × 110 mm one
// (643 × 416), to hold two rows of panels and a note; legible still (a title, tick labels and a
// plot of about 100 × 60).
QSize ChartView::minimumSizeHint() const { return {200, 128}; }

QPointF ChartView::pointPosition(const QString& name, const QPointF& value) const {
  d->ensureFitted();
  for (const auto& e : d->entries) {
    if (e.name != name) continue;
    const QPointF scene = d->chart->mapToScene(d->chart->mapToPosition(value, e.series));
    return d->view->viewport()->mapTo(this, d->view->mapFromScene(scene));
  }
  return {kNaN, kNaN};
}

QString ChartView::hoverTextAt(const QPointF& pos) const {
  double best = kHoverRadius * kHoverRadius;
  const Impl::Entry* bestEntry = nullptr;
  QPointF bestPoint;
  for (const auto& e : d->entries) {
    for (const QPointF& p : e.shown) {
      const QPointF w = pointPosition(e.name, p) - pos;
      const double dist = w.x() * w.x() + w.y() * w.y();
      if (dist < best) {
        best = dist;
        bestEntry = &e;
        bestPoint = p;
      }
    }
  }
  if (!bestEntry) return {};
  return tr("%1: x = %2, y = %3")
      .arg(bestEntry->name, QString::number(bestPoint.x(), 'g', 6),
           QString::number(bestPoint.y(), 'g', 6));
}

QString ChartView::readoutText() const {
  return d->readout->isVisible() ? d->readout->text() : QString();
}

bool ChartView::eventFilter(QObject* watched, QEvent* event) {
  if (watched == d->view->viewport()) {
    if (event->type() == QEvent::MouseMove) {
      const auto* me = static_cast<QMouseEvent*>(event);
      const QString text = hoverTextAt(d->view->viewport()->mapTo(this, me->position()));
      d->readout->setText(text);
      d->readout->adjustSize();
      d->readout->setVisible(!text.isEmpty());
      d->readout->raise();
      d->placeReadout(width());
    } else if (event->type() == QEvent::Leave) {
      d->readout->hide();
    }
  }
  return QWidget::eventFilter(watched, event);
}

void ChartView::changeEvent(QEvent* event) {
  // Export switches the figure to the print palette; the chart must follow it.
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
    d->style(palette(), font());
  QWidget::changeEvent(event);
}

void ChartView::resizeEvent(QResizeEvent* event) {
  d->placeReadout(width());
  d->fitCategoryLabels(width());
  d->placeLegend();
  d->fitTitle();
  d->refit();  // linear ticks follow the size
  QWidget::resizeEvent(event);
}

}  // namespace latentlab::ui
