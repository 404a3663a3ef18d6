// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/figure_table.h"

#include <QHeaderView>
#include <QRegularExpression>
#include <QResizeEvent>
#include <algorithm>
#include <cmath>
#include <vector>

#include "ui/common/figure_mode.h"

namespace latentlab::ui {
namespace {

constexpr double kSmallestPoints = 7.0;  // the type never shrinks below this to fit

}  // namespace

double FigureTable::smallestScale() const {
  return m_basePoints > 0 ? std::min(1.0, kSmallestPoints / m_basePoints) : 1.0;
}

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
  connect(model(), &QAbstractItemModel::modelReset, this, [this] {
    resetType();
    fitLater();
  });
  connect(model(), &QAbstractItemModel::rowsInserted, this, later);
  connect(model(), &QAbstractItemModel::columnsInserted, this, later);
  connect(model(), &QAbstractItemModel::headerDataChanged, this, later);
}

FigureTable::~FigureTable() {
  // ~QTableWidget clears its model, which emits modelReset: by then this is no FigureTable any
  // more (UBSan caught the call), so the connections go first.
  disconnect(model(), nullptr, this, nullptr);
  disconnect(verticalHeader(), nullptr, this, nullptr);
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
  // On screen two rows and the header at least, so a short layout still shows what the table
  // is (it scrolls). An exported figure cannot scroll: every row, one line each in the 7-pt type
  // the table may shrink to.
  int h = 2 * frameWidth();
  if (isExportFigure(this)) {
    QFont small = font();
    small.setPointSizeF(std::min(small.pointSizeF(), kSmallestPoints));
    h += rowCount() * (QFontMetrics(small).height() + 5);  // a row's margins do not scale
    // Already at the smallest type (wrapped cells): the rows as they are.
    if (m_basePoints > 0 && m_scale <= smallestScale() + 0.01) return {120, contentHeight()};
  } else {
    h += std::min(rowCount(), 2) * verticalHeader()->defaultSectionSize();
  }
  if (horizontalHeader()->isVisible()) h += horizontalHeader()->sizeHint().height();
  return {120, h};  // not the columns' width: see sizeHint()
}

int FigureTable::widestWord(int column) const {
  const QFontMetrics fm(font());
  int widest = 0;
  const auto measure = [&](const QString& text) {
    for (const QString& word : text.split(QRegularExpression(QStringLiteral("\\s+"))))
      widest = std::max(widest, fm.horizontalAdvance(word));
  };
  if (const QTableWidgetItem* h = horizontalHeaderItem(column)) measure(h->text());
  for (int r = 0; r < rowCount(); ++r)
    if (const QTableWidgetItem* it = item(r, column)) measure(it->text());
  return widest;
}

void FigureTable::fitContents() {
  m_fittedViewport = viewport()->size();
  const int columns = columnCount();
  const int available = viewport()->width();
  constexpr int kPad = 10;  // cell margins: they do not scale with the type
  std::vector<int> shown, want, least;
  int total = 0, totalLeast = 0;
  const auto measure = [&] {
    shown.clear();
    want.clear();
    least.clear();
    total = totalLeast = 0;
    for (int c = 0; c < columns; ++c) {
      if (isColumnHidden(c)) continue;
      // The cells' widest line (unwrapped) and the header's; at the least the widest word,
      // below which a cell would be cut rather than wrapped.
      const int w = std::max(sizeHintForColumn(c), horizontalHeader()->sectionSizeHint(c)) + kPad;
      shown.push_back(c);
      want.push_back(w);
      least.push_back(std::min(w, widestWord(c) + kPad));
      total += w;
      totalLeast += least.back();
    }
  };
  measure();
  if (shown.empty()) return;
  // Even wrapped the words do not fit: a smaller type (down to 7 pt), so numbers are not cut
  // to "79.…". Only ever smaller here — the row names narrow with the type and widen the
  // viewport, so growing back would oscillate; new cells start again from the full size
  // (resetType).
  if (m_basePoints <= 0) m_basePoints = font().pointSizeF();
  const int pads = kPad * static_cast<int>(shown.size());
  if (m_basePoints > 0 && totalLeast > pads) {
    const double textAtBase = (totalLeast - pads) / m_scale;
    const double floor = smallestScale();
    const double wanted = std::clamp((available - pads) / textAtBase, floor, 1.0);
    if (wanted < m_scale - 0.01) {
      m_scale = wanted;
      QFont f = font();
      f.setPointSizeF(m_basePoints * m_scale);
      setFont(f);
      measure();
    }
  }
  const int count = static_cast<int>(shown.size());
  std::vector<double> widths(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const auto at = static_cast<std::size_t>(i);
    if (total <= available)  // room to spare: shared out in proportion
      widths[at] = want[at] * static_cast<double>(available) / total;
    else if (totalLeast < total && totalLeast <= available)  // some cells wrap
      widths[at] = least[at] + (want[at] - least[at]) *
                                   static_cast<double>(available - totalLeast) /
                                   (total - totalLeast);
    else
      widths[at] = least[at] * static_cast<double>(available) / std::max(1, totalLeast);
  }
  int used = 0;
  for (int i = 0; i < count; ++i) {
    const auto at = static_cast<std::size_t>(i);
    const int w =
        i + 1 == count ? std::max(1, available - used) : std::max(1, static_cast<int>(widths[at]));
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
  // Rows taller than the table: a smaller type again (to 7 pt; wrapped cells may unwrap too),
  // so a figure never loses its last row. Each pass shrinks, so this ends.
  const double floor = smallestScale();
  if (spare < 0 && m_scale > floor + 0.01 && viewport()->height() > 0) {
    m_scale = std::max(
        floor,
        m_scale * std::clamp(static_cast<double>(viewport()->height()) / rowsTotal, 0.8, 0.97));
    QFont f = font();
    f.setPointSizeF(m_basePoints * m_scale);
    setFont(f);
    fitContents();
    return;
  }
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

void FigureTable::updateGeometries() {
  QTableWidget::updateGeometries();
  // The viewport changes with the row names' width (a smaller type narrows them) without the
  // table itself being resized: fit to the viewport it has now.
  if (viewport()->size() != m_fittedViewport) fitLater();
}

void FigureTable::resetType() {
  if (m_scale >= 1.0) return;
  m_scale = 1.0;
  QFont f = font();
  f.setPointSizeF(m_basePoints);
  setFont(f);
  fitLater();
}

void FigureTable::resizeEvent(QResizeEvent* event) {
  QTableWidget::resizeEvent(event);
  // After the event: the viewport takes its new width once the scroll area has laid out.
  if (event->size() != event->oldSize()) fitLater();
}

}  // namespace latentlab::ui
