// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/figure_table.h"

#include <QHeaderView>
#include <QResizeEvent>
#include <algorithm>
#include <vector>

namespace latentlab::ui {

FigureTable::FigureTable(QWidget* parent) : QTableWidget(parent) {
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setWordWrap(true);
  horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  // Pages fill cells one by one; the fit runs once, after the event loop's next turn (an
  // export's layout rounds deliver it too).
  const auto later = [this] { fitLater(); };
  // The row names' width decides the viewport's.
  connect(verticalHeader(), &QHeaderView::geometriesChanged, this, later);
  connect(model(), &QAbstractItemModel::dataChanged, this, later);
  connect(model(), &QAbstractItemModel::modelReset, this, later);
  connect(model(), &QAbstractItemModel::rowsInserted, this, later);
  connect(model(), &QAbstractItemModel::columnsInserted, this, later);
  connect(model(), &QAbstractItemModel::headerDataChanged, this, later);
}

int FigureTable::naturalRowHeight(int row) const {
  return std::max(verticalHeader()->sectionSizeHint(row),
                  static_cast<const QAbstractItemView*>(this)->sizeHintForRow(row));
}

int FigureTable::contentHeight() const {
  int h = 2 * frameWidth();
  if (horizontalHeader()->isVisible()) h += horizontalHeader()->sizeHint().height();
  for (int r = 0; r < rowCount(); ++r) h += naturalRowHeight(r);
  return h;
}

QSize FigureTable::sizeHint() const { return {QTableWidget::sizeHint().width(), contentHeight()}; }

QSize FigureTable::minimumSizeHint() const {
  // Two rows and the header at least, so a short layout still shows what the table is.
  const int rows = std::min(rowCount(), 2);
  int h = 2 * frameWidth() + rows * verticalHeader()->defaultSectionSize();
  if (horizontalHeader()->isVisible()) h += horizontalHeader()->sizeHint().height();
  return {QTableWidget::minimumSizeHint().width(), h};
}

void FigureTable::fitContents() {
  const int columns = columnCount();
  const int available = viewport()->width();
  std::vector<int> shown, want;
  int total = 0;
  for (int c = 0; c < columns; ++c) {
    if (isColumnHidden(c)) continue;
    // The cells' widest text (no wrapping) and the header's, plus a little air.
    const int w = std::max(sizeHintForColumn(c), horizontalHeader()->sectionSizeHint(c)) + 8;
    shown.push_back(c);
    want.push_back(w);
    total += w;
  }
  if (shown.empty()) return;
  const int count = static_cast<int>(shown.size());
  const double scale = total > 0 ? static_cast<double>(std::max(available, count)) / total : 1;
  int used = 0;
  for (int i = 0; i < count; ++i) {
    const auto at = static_cast<std::size_t>(i);
    const int w = i + 1 == count ? std::max(1, available - used)
                                 : std::max(1, static_cast<int>(want[at] * scale));
    horizontalHeader()->resizeSection(shown[at], w);
    used += w;
  }
  // Rows as tall as their text, and taller when the layout gives the table more height than
  // that: a short table fills its panel instead of leaving a blank band under its rows.
  std::vector<int> natural;
  int rowsTotal = 0;
  for (int r = 0; r < rowCount(); ++r) {
    natural.push_back(naturalRowHeight(r));
    rowsTotal += natural.back();
  }
  const int spare = viewport()->height() - rowsTotal;
  for (int r = 0; r < rowCount(); ++r) {
    const int h = natural[static_cast<std::size_t>(r)];
    const int extra = spare > 0 ? spare / std::max(1, rowCount()) : 0;
    verticalHeader()->resizeSection(r, h + extra);
  }
  updateGeometry();
}

void FigureTable::fitLater() {
  if (m_fitPending) return;
  m_fitPending = true;
  QMetaObject::invokeMethod(
      this,
      [this] {
        m_fitPending = false;
        fitContents();
      },
      Qt::QueuedConnection);
}

void FigureTable::resizeEvent(QResizeEvent* event) {
  QTableWidget::resizeEvent(event);
  // After the event: the viewport takes its new width once the scroll area has laid out.
  if (event->size() != event->oldSize()) fitLater();
}

}  // namespace latentlab::ui
