// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Exported figures fit their size: every page's figure laid out as an export at 1600×1000 and
// 1000×700 has no panel outside the figure or over another, no cut label, no large blank area.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTextDocument>
#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

#include "ui/common/chart_view.h"
#include "ui/common/figure_export.h"
#include "ui/common/figure_size.h"
#include "ui/common/figure_table.h"
#include "ui/common/heatmap_view.h"
#include "ui/common/page.h"
#include "ui/shell/page_registry.h"

static void PrintTo(const QSize& s, std::ostream* os) { *os << s.width() << "x" << s.height(); }
static void PrintTo(const QString& s, std::ostream* os) { *os << s.toStdString(); }

namespace latentlab::ui {
namespace {

TEST(HeatmapTicks, NumberedRowsGetRoundLabels) {
  // 256 rows needing 26 cells between labels: 1, 50, 100, … (indices 0, 49, 99, …).
  const std::vector<int> ticks = heatmapTickIndices(256, 26, true);
  ASSERT_GE(ticks.size(), 3u);
  EXPECT_EQ(ticks[0], 0);
  for (std::size_t i = 1; i < ticks.size(); ++i) {
    EXPECT_EQ((ticks[i] + 1) % 50, 0) << ticks[i];
    EXPECT_GE(ticks[i] - ticks[i - 1], 26);
  }
  // Every label fits when there is room for all; custom labels keep their plain stride.
  EXPECT_EQ(heatmapTickIndices(4, 1, true), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(heatmapTickIndices(7, 3, false), (std::vector<int>{0, 3, 6}));
}

TEST(FigureTable, ColumnsFitTheirTextAndTheTableIsAsTallAsItsRows) {
  QWidget holder;
  holder.setAttribute(Qt::WA_DontShowOnScreen, true);
  auto* table = new FigureTable(&holder);
  table->setColumnCount(3);
  table->setRowCount(4);
  table->setHorizontalHeaderLabels({"short", "a much longer header", "n"});
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 3; ++c)
      table->setItem(r, c, new QTableWidgetItem(c == 0 ? QStringLiteral("22290352128") : "x"));
  table->setGeometry(0, 0, 600, 400);
  holder.resize(600, 400);
  holder.show();
  QCoreApplication::processEvents();
  QCoreApplication::processEvents();
  int total = 0;
  for (int c = 0; c < 3; ++c) {
    const int w = table->columnWidth(c);
    total += w;
    EXPECT_GE(w, table->horizontalHeader()->sectionSizeHint(c)) << c;
    EXPECT_GE(w, static_cast<QAbstractItemView*>(table)->sizeHintForColumn(c)) << c;
  }
  EXPECT_EQ(total, table->viewport()->width());  // the spare width is shared out, none left
  // It asks for the height of its rows (four short ones here) and spreads them over the height
  // it is given: no blank band under the last row.
  EXPECT_LT(table->sizeHint().height(), 200);
  int rows = 0;
  for (int r = 0; r < 4; ++r) rows += table->rowHeight(r);
  EXPECT_NEAR(rows, table->viewport()->height(), 4);
}

// ---- every page's export layout ----

bool insideAny(const QWidget* w, const std::vector<const QWidget*>& roots) {
  for (const QWidget* r : roots)
    if (r != w && r->isAncestorOf(w)) return true;
  return false;
}

/// The leaves of the figure: charts, maps, tables, labels with text and custom-painted panels
/// (widgets without children), each once, never one inside another.
std::vector<const QWidget*> panels(const QWidget* fig) {
  std::vector<const QWidget*> atoms;
  for (const QWidget* w : fig->findChildren<QWidget*>()) {
    if (!w->isVisibleTo(fig) || w->width() <= 0 || w->height() <= 0) continue;
    const bool compound = qobject_cast<const ChartView*>(w) || qobject_cast<const QTableWidget*>(w);
    const auto* label = qobject_cast<const QLabel*>(w);
    if (label && label->text().isEmpty() && label->pixmap().isNull()) continue;
    if (compound || label || w->findChildren<QWidget*>().isEmpty()) atoms.push_back(w);
  }
  std::vector<const QWidget*> out;
  for (const QWidget* w : atoms)
    if (!insideAny(w, atoms)) out.push_back(w);
  return out;
}

QRect inFigure(const QWidget* w, const QWidget* fig) {
  return QRect(w->mapTo(fig, QPoint(0, 0)), w->size());
}

/// A label's text fits its rectangle (word-wrapped labels: their height for that width).
bool labelFits(const QLabel* label, QString* why) {
  const QRect r = label->contentsRect();
  if (label->wordWrap()) {
    const int need = label->heightForWidth(label->width());
    if (need > label->height() + 2) {
      *why = QStringLiteral("needs %1 px of height, has %2").arg(need).arg(label->height());
      return false;
    }
    return true;
  }
  QTextDocument doc;
  doc.setDefaultFont(label->font());
  if (Qt::mightBeRichText(label->text()))
    doc.setHtml(label->text());
  else
    doc.setPlainText(label->text());
  doc.setDocumentMargin(0);
  const double need = doc.idealWidth();
  if (need > r.width() + 2) {
    *why = QStringLiteral("needs %1 px of width, has %2").arg(need).arg(r.width());
    return false;
  }
  return true;
}

/// The largest axis-parallel rectangle of background in `img`, as a fraction of its area,
/// measured on a grid of `cell`-pixel blocks (a block is blank when every pixel is background).
double largestBlankFraction(const QImage& img, int cell) {
  const QRgb bg = img.pixel(0, 0);
  const int cols = img.width() / cell, rows = img.height() / cell;
  std::vector<int> height(static_cast<std::size_t>(cols), 0);
  long best = 0;
  for (int by = 0; by < rows; ++by) {
    for (int bx = 0; bx < cols; ++bx) {
      bool blank = true;
      for (int y = by * cell; blank && y < (by + 1) * cell; ++y)
        for (int x = bx * cell; blank && x < (bx + 1) * cell; ++x) blank = img.pixel(x, y) == bg;
      auto& h = height[static_cast<std::size_t>(bx)];
      h = blank ? h + 1 : 0;
    }
    // Largest rectangle in the histogram of blank heights.
    std::vector<int> stack;
    for (int i = 0; i <= cols; ++i) {
      const int h = i < cols ? height[static_cast<std::size_t>(i)] : 0;
      while (!stack.empty() && height[static_cast<std::size_t>(stack.back())] >= h) {
        const int top = height[static_cast<std::size_t>(stack.back())];
        stack.pop_back();
        const int left = stack.empty() ? 0 : stack.back() + 1;
        best = std::max(best, static_cast<long>(top) * (i - left));
      }
      if (i < cols) stack.push_back(i);
    }
  }
  return static_cast<double>(best) / (static_cast<double>(rows) * cols);
}

/// "page" or "page/view": a page at its defaults, or showing one of its views.
class FigureLayout : public ::testing::TestWithParam<QString> {};

TEST_P(FigureLayout, FitsOnScreenSizesAndInADoubleColumn) {
  const QStringList id = GetParam().split('/');
  const PageInfo* info = findPage(id[0]);
  ASSERT_NE(info, nullptr);
  const std::unique_ptr<Page> page(info->factory());
  if (id.size() > 1) page->setParams({{"view", id[1].toStdString()}});
  page->computeNow();
  // Two screen sizes, and for each page's first view a report's double column (170 x 110 mm,
  // laid out at 643 x 416 px).
  QStringList sizes = {QStringLiteral("1600x1000"), QStringLiteral("1000x700")};
  if (id.size() == 1) sizes << QStringLiteral("170x110mm");
  for (const QString& size : sizes) {
    SCOPED_TRACE((GetParam() + " at " + size).toStdString());
    FigureOptions o;
    ASSERT_TRUE(parseFigureSize(size, o).isEmpty());
    // The very frame an export paints: the figure and its caption line.
    const std::unique_ptr<QWidget> fig = prepareFigure(*page, layoutSize(o), o);
    // Chart scenes lay out their text on a later turn of the event loop than widgets do.
    for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();
    // The figure fits the size asked for: a larger minimum would be scaled down to fit, which
    // shrinks its text and leaves a blank band.
    EXPECT_EQ(fig->size(), layoutSize(o));
    if (std::getenv("DBG"))
      for (QWidget* w : fig->findChildren<QWidget*>())
        if (w->isVisibleTo(fig.get()))
          fprintf(stderr, "%s geo %d,%d %dx%d min %dx%d\n", w->metaObject()->className(),
                  w->mapTo(fig.get(), QPoint()).x(), w->mapTo(fig.get(), QPoint()).y(), w->width(),
                  w->height(), w->minimumSizeHint().width(), w->minimumSizeHint().height());
    const QRect whole = fig->rect();
    const std::vector<const QWidget*> parts = panels(fig.get());
    ASSERT_FALSE(parts.empty());
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const QRect a = inFigure(parts[i], fig.get());
      const QString name =
          parts[i]->metaObject()->className() +
          (parts[i]->objectName().isEmpty() ? QString() : "#" + parts[i]->objectName());
      EXPECT_TRUE(whole.adjusted(-1, -1, 1, 1).contains(a))
          << name.toStdString() << " at " << a.x() << "," << a.y() << " " << a.width() << "x"
          << a.height() << " outside the figure";
      for (std::size_t j = i + 1; j < parts.size(); ++j) {
        const QRect b = inFigure(parts[j], fig.get());
        const QRect both = a.intersected(b);
        EXPECT_TRUE(both.width() <= 2 || both.height() <= 2)
            << name.toStdString() << " overlaps " << parts[j]->metaObject()->className();
      }
      if (const auto* chart = qobject_cast<const ChartView*>(parts[i])) {
        if (std::getenv("DBG2") && !chart->elidedTexts().isEmpty())
          for (QGraphicsItem* it : chart->findChild<QGraphicsView*>()->scene()->items())
            if (auto* t = dynamic_cast<QGraphicsTextItem*>(it))
              fprintf(stderr, "T '%s' vis %d pos %g,%g br %gx%g\n", qPrintable(t->toPlainText()),
                      t->isVisible(), t->scenePos().x(), t->scenePos().y(),
                      t->boundingRect().width(), t->boundingRect().height());
        EXPECT_TRUE(chart->elidedTexts().isEmpty())
            << "chart text cut in '" << chart->title().toStdString()
            << "': " << chart->elidedTexts().join(" | ").toStdString();
      }
      if (const auto* map = qobject_cast<const HeatmapView*>(parts[i])) {
        EXPECT_TRUE(map->titleFits()) << "heat map title cut at width " << map->width();
      }
      if (const auto* table = qobject_cast<const FigureTable*>(parts[i]);
          table && table->rowCount()) {
        const int last = table->rowCount() - 1;
        EXPECT_LE(table->rowViewportPosition(last) + table->rowHeight(last),
                  table->viewport()->height() + 1)
            << "the table's last row is cut: " << table->rowCount() << " rows";
      }
      if (const auto* table = qobject_cast<const QTableWidget*>(parts[i])) {
        // Cells wrap at spaces: a column is cut when one of its words is wider than it.
        const QFontMetrics fm(table->font());
        for (int c = 0; c < table->columnCount(); ++c) {
          if (table->isColumnHidden(c)) continue;
          for (int r = 0; r < table->rowCount(); ++r) {
            const QTableWidgetItem* it = table->item(r, c);
            if (!it) continue;
            for (const QString& word : it->text().split(' '))
              EXPECT_LE(fm.horizontalAdvance(word), table->columnWidth(c) - 4)
                  << "table cell cut: '" << word.toStdString() << "' in column "
                  << table->horizontalHeaderItem(c)->text().toStdString();
          }
        }
      }
      if (const auto* label = qobject_cast<const QLabel*>(parts[i])) {
        QString why;
        EXPECT_TRUE(labelFits(label, &why))
            << "label cut (" << why.toStdString() << "): " << label->text().left(80).toStdString();
      }
    }
    const QImage img = renderFigure(*page, o);
    if (const char* dir = std::getenv("LATENTLAB_UI_SNAPSHOTS"))
      img.save(QDir(dir).filePath(
          QStringLiteral("layout-%1-%2.png").arg(QString(GetParam()).replace('/', '-'), size)));
    EXPECT_LE(largestBlankFraction(img, 8), 0.20);
  }
}

QStringList pageIds() {
  QStringList ids;
  for (const PageInfo& info : pageRegistry()) ids << info.id;
  return ids;
}

/// Every other view of every page ("topk/bars", …).
QStringList pageViews() {
  QStringList out;
  for (const PageInfo& info : pageRegistry()) {
    const std::unique_ptr<Page> page(info.factory());
    const auto fields = page->fields();
    const FieldSpec* view = findField(fields, "view");
    if (!view) continue;
    const std::string current = std::get<std::string>(page->params().at("view"));
    for (const std::string& v : view->choices)
      if (v != current) out << info.id + '/' + QString::fromStdString(v);
  }
  return out;
}

std::string caseName(const ::testing::TestParamInfo<QString>& p) {
  return QString(p.param).replace('/', '_').toStdString();
}

INSTANTIATE_TEST_SUITE_P(EveryPage, FigureLayout, ::testing::ValuesIn(pageIds()), caseName);
INSTANTIATE_TEST_SUITE_P(EveryView, FigureLayout, ::testing::ValuesIn(pageViews()), caseName);

}  // namespace
}  // namespace latentlab::ui
