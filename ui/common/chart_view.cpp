// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/chart_view.h"

#include "ui/common/chart_view_impl.h"

namespace latentlab::ui {

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

}  // namespace latentlab::ui
