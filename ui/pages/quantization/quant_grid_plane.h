// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QWidget>
#include <vector>

namespace latentlab::ui {

/// Everything one latent-plane panel draws, as plain data (built from a GridLabResult).
struct PlaneData {
  QString title;
  QString xTitle, yTitle;
  double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
  QImage cells;                 // coloured cell labels over the box (top row = yMax)
  std::vector<double> xLines;   // vertical grid lines (FSQ cell boundaries)
  std::vector<double> yLines;   // horizontal grid lines
  std::vector<QPointF> points;  // latent points
  std::vector<QColor> pointColors;
  std::vector<QPointF> codes;        // codewords (VQ) drawn as markers
  std::vector<bool> codeDead;        // dead codes: hollow red
  std::vector<QPointF> flagged;      // aliased points, ringed red
  std::vector<QRectF> flaggedCells;  // aliased code cells, outlined red
};

/// Colour of code j, stable across panels: golden-ratio hues (light for cells, strong for points).
QColor codeColor(long long code, bool strong);

/// A 2-D latent plane: cell image, grid lines, points and codeword markers with numeric axes.
/// Painted with QPainter (the cell image is a label map, which Qt Charts cannot draw).
class PlaneView : public QWidget {
  Q_OBJECT
 public:
  explicit PlaneView(QWidget* parent = nullptr);
  void setData(PlaneData data);
  const PlaneData& data() const { return m_data; }
  QSize sizeHint() const override { return {420, 380}; }
  QSize minimumSizeHint() const override { return {220, 200}; }
  /// The legend's entries as drawn ("codeword", "dead codeword", …), for tests.
  QStringList legendTexts() const;

 protected:
  void paintEvent(QPaintEvent*) override;

 private:
  QRectF plotRect() const;
  /// The marker kinds present, for the legend line under the axis title.
  enum class Mark { Codeword, DeadCodeword, AliasedPoint, AliasedCell };
  std::vector<Mark> marks() const;
  std::vector<std::vector<std::size_t>> legendRows() const;  // entry indices per legend row
  double entryWidth(const QString& text) const;
  void paintLegend(QPainter& p, double top) const;
  PlaneData m_data;
};

}  // namespace latentlab::ui
