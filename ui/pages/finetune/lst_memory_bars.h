// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QColor>
#include <QStringList>
#include <QWidget>
#include <vector>

namespace latentlab::ui {

/// Stacked bars painted directly (ChartView only groups bars): one bar per category, one segment
/// per component, the total above each bar, a legend row on top and a hover tool tip per segment.
/// Colours must read on light and dark backgrounds; text follows the palette.
class StackedBarsWidget : public QWidget {
  Q_OBJECT
 public:
  explicit StackedBarsWidget(QWidget* parent = nullptr);

  void setTitle(const QString& title);
  void setUnit(const QString& unit);  // y-axis title, e.g. "GB (10⁹ B)"
  /// values[c][s]: category c, segment s (≥ 0).
  void setData(const QStringList& categories, const QStringList& segments,
               const std::vector<QColor>& colors, const std::vector<std::vector<double>>& values);

  /// Category and segment under a point (−1 when none), for the tool tip and tests.
  std::pair<int, int> hitTest(const QPointF& pos) const;
  QSize sizeHint() const override { return {520, 320}; }
  // 150: a 170 x 110 mm export holds the bars, every row of the table and the note.
  QSize minimumSizeHint() const override { return {260, 150}; }

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool event(QEvent* event) override;

 private:
  QRectF plotRect() const;
  QRectF segmentRect(int category, int segment) const;
  double yMax() const;

  QString m_title, m_unit;
  QStringList m_categories, m_segments;
  std::vector<QColor> m_colors;
  std::vector<std::vector<double>> m_values;
};

}  // namespace latentlab::ui
