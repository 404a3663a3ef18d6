// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// What a ChartView shows, read back (tests, the data export, the hover read-out), and its events.
#include "ui/common/chart_view.h"

#include "ui/common/chart_view_impl.h"

namespace latentlab::ui {

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
