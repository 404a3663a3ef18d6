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
  /// Recomputes the column widths and the height after the cells changed.
  void fitContents();

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  int contentHeight() const;
  int naturalRowHeight(int row) const;
  void fitLater();
  bool m_fitPending = false;
};

}  // namespace latentlab::ui
