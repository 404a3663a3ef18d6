// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QTableWidget>

namespace latentlab::ui {

/// A read-only table for a figure: it asks for the height of its rows (no scroll bar in an
/// export) and spreads its rows out over whatever height the layout gives it;
/// columns are as wide as their cells and headers, the spare width shared out, and when the
/// width is short every column gives up the same fraction.
class FigureTable : public QTableWidget {
  Q_OBJECT
 public:
  explicit FigureTable(QWidget* parent = nullptr);
  ~FigureTable() override;
  /// Recomputes the column widths and the height after the cells changed.
  void fitContents();

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void updateGeometries() override;

 private:
  int contentHeight() const;
  int naturalRowHeight(int row) const;
  int widestWord(int column) const;
  void fitLater();
  void resetType();              // back to the full type size
  double smallestScale() const;  // m_scale at 7 pt, the smallest type a figure table uses
  bool m_fitPending = false;
  double m_basePoints = 0;  // the type size before any shrinking
  double m_scale = 1.0;     // the type size used, as a fraction of it
  QSize m_fittedViewport;   // the viewport the last fit measured
};

}  // namespace latentlab::ui
