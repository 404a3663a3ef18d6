// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QBrush>
#include <QPen>
#include <QString>
#include <QWidget>
#include <vector>

namespace latentlab::ui {

/// A chart's legend, drawn under its plot: entries flow into as many centred rows as the width
/// needs, so a name is never shortened (Qt Charts' own legend elides names once a narrow chart
/// runs out of room), and each swatch is drawn as the series is: a line segment long enough to
/// show its dashes, a dot, or a filled square.
class ChartLegend : public QWidget {
 public:
  enum class Swatch { Line, Dot, Box };
  struct Entry {
    QString name;
    Swatch swatch = Swatch::Line;
    QPen pen{};      // Line: the series' pen; Dot, Box: the outline
    QBrush brush{};  // Dot, Box: the fill
  };

  explicit ChartLegend(QWidget* parent = nullptr);
  void setEntries(std::vector<Entry> entries);
  /// One entry per line (a legend beside the plot) instead of rows under it.
  void setColumn(bool column);
  bool isColumn() const { return m_column; }
  /// The width a column of the entries takes.
  int columnWidth() const;
  const std::vector<Entry>& entries() const { return m_entries; }

  bool hasHeightForWidth() const override { return !m_column; }
  int heightForWidth(int width) const override;
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void paintEvent(QPaintEvent*) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  /// Entry indices per row at `width`.
  std::vector<std::vector<std::size_t>> rows(int width) const;
  double entryWidth(const Entry& e) const;

  std::vector<Entry> m_entries;
  bool m_column = false;
};

}  // namespace latentlab::ui
