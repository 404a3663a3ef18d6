// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Dense>
#include <QWidget>
#include <functional>
#include <memory>
#include <vector>

#include "ui/common/color_map.h"

namespace latentlab::ui {

/// The indices that get a tick label when at least `minStep` cells must separate two labels.
/// Numbered rows (1-based, no custom labels) are labelled at 1 and at round multiples — 1, 50,
/// 100, … — rather than at 1, 27, 53, …; custom labels every `minStep`-th from the first.
std::vector<int> heatmapTickIndices(int count, int minStep, bool numbered);

class ColorBar;

/// Paints a matrix as an image (nearest-neighbour for token grids, smooth for images) with a title,
/// optional row/column tick labels, a ColorBar with numeric ticks beside it, and a hover read-out
/// (tooltip and hovered() signal) of row, column and the exact value. Optional cell text prints
/// values inside cells when they are large enough.
class HeatmapView : public QWidget {
  Q_OBJECT
 public:
  explicit HeatmapView(QWidget* parent = nullptr);
  ~HeatmapView() override;

  void setTitle(const QString& title);
  /// Sets data and colouring; mapping's range is kept as given (use ColorMapping::fit).
  void setMatrix(const Eigen::MatrixXd& m, const ColorMapping& mapping);
  void setSmooth(bool smooth);                      // false (default): nearest
  void setRowLabels(const QStringList& labels);     // empty: 1..rows
  void setColumnLabels(const QStringList& labels);  // empty: 1..cols
  void setAxisTitles(const QString& rows, const QString& cols);
  void setShowValues(bool show);  // numbers inside cells if they fit
  /// Text of a cell value (default "%.3g"); cells whose text does not fit stay blank.
  void setValueFormatter(std::function<QString(double)> format);
  /// Marks cells (drawn with a red outline), e.g. overflow or failure cells; same size as matrix.
  void setMarked(const Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>& marked);
  const Eigen::MatrixXd& matrix() const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

  /// The cell under a widget position as (x = column, y = row), or (-1, -1) outside the matrix.
  QPoint cellAt(const QPoint& pos) const;
  /// Read-out text for a cell: "row r, col c: value" (labels when set, value with %.6g).
  QString hoverText(int row, int col) const;
  /// Read-out of the cell under the mouse, empty when none.
  QString readout() const;
  /// Whether the title shows in full at the current width (it may be set a little smaller).
  bool titleFits() const;

 signals:
  void hovered(int row, int col, double value);

 protected:
  void paintEvent(QPaintEvent*) override;
  void mouseMoveEvent(QMouseEvent*) override;
  void leaveEvent(QEvent*) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> d;
};

/// Vertical colour bar with numeric ticks (linear, log or symmetric scale).
class ColorBar : public QWidget {
  Q_OBJECT
 public:
  explicit ColorBar(QWidget* parent = nullptr);
  void setMapping(const ColorMapping& mapping);
  void setLabel(const QString& label);
  QSize sizeHint() const override;

 protected:
  void paintEvent(QPaintEvent*) override;

 private:
  ColorMapping m_mapping;
  QString m_label;
};

}  // namespace latentlab::ui
