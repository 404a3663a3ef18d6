// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QColor>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <memory>
#include <utility>
#include <vector>

#include "ui/common/data_table.h"

namespace latentlab::ui {

/// Thin wrapper over Qt Charts (the only place, with chart_view.cpp, that includes its headers).
/// Series are replaced in one call each (one replace() per update); axes are linear or log;
/// hovering shows the nearest point of any series ("series: x = …, y = …") in a read-out label.
class ChartView : public QWidget {
  Q_OBJECT
 public:
  enum class Axis { Linear, Log };
  enum class Style { Line, Scatter, Step, Dashed };

  explicit ChartView(QWidget* parent = nullptr);
  ~ChartView() override;

  void setTitle(const QString& title);
  QString title() const;
  void setAxes(const QString& xTitle, Axis xAxis, const QString& yTitle, Axis yAxis);
  /// Fixes an axis range; NaN bounds mean "fit the data" (the default).
  void setXRange(double lo, double hi);
  void setYRange(double lo, double hi);
  void setLegendVisible(bool visible);

  /// Creates or replaces the series called `name` (points with NaN/Inf, or ≤ 0 on a log axis,
  /// are dropped). An invalid colour picks the next palette colour for a new series.
  void setSeries(const QString& name, const std::vector<QPointF>& points, Style style = Style::Line,
                 QColor color = {}, double width = 2.0);
  void removeSeries(const QString& name);
  void clearSeries();
  /// Grouped bar chart: categories along x, one bar set per group (replaces all bar sets).
  /// `highlight[g][c]` true draws that bar in red (violations). Lines added with setSeries stay.
  /// `colors[g]` colours group g (default: the palette in order).
  void setBars(const QStringList& categories, const QStringList& groups,
               const std::vector<std::vector<double>>& values,
               const std::vector<std::vector<bool>>& highlight = {},
               const std::vector<QColor>& colors = {});
  /// Hides the y axis' tick labels (strips whose y has no meaning).
  void setYLabelsVisible(bool visible);
  /// A horizontal or vertical marker line with a label (λ, F = k, ...).
  void setMarker(const QString& name, Qt::Orientation orientation, double at, QColor color = {});
  void clearMarkers();

  int seriesCount() const;
  /// The y range shown (after fitting, capping and fixed bounds).
  std::pair<double, double> yRange() const;
  /// Points of a series as drawn: steps expanded and y clamped to the shown range.
  std::vector<QPointF> drawnPoints(const QString& name) const;
  /// Points of a series as shown (after dropping invalid ones); empty if no such series.
  std::vector<QPointF> seriesPoints(const QString& name) const;
  /// Texts Qt Charts had to shorten ("Prefix-LM (m…", "0.0…") in the current layout: a title,
  /// legend name or tick label without room. Empty when everything shows in full.
  QStringList elidedTexts() const;
  /// The line and scatter series, in the order they were added.
  QStringList seriesNames() const;
  /// The bar chart's values (one row per category: its index, then one column per bar set);
  /// empty without bars.
  std::vector<DataTable> barTables() const;
  /// The colour a series is drawn in; invalid if no such series.
  QColor seriesColor(const QString& name) const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

  /// Read-out for a position in this widget's coordinates: the nearest shown point of any series
  /// within a few dozen pixels ("name: x = …, y = …"), or empty.
  QString hoverTextAt(const QPointF& pos) const;
  /// The text the hover read-out label shows now (empty when hidden).
  QString readoutText() const;
  /// Where a data point of series `name` is drawn, in this widget's coordinates.
  QPointF pointPosition(const QString& name, const QPointF& value) const;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> d;
};

}  // namespace latentlab::ui
