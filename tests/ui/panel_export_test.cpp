// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// One panel of a figure on its own: its image (PNG, SVG, PDF), its numbers (CSV), its menu.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QFile>
#include <QGraphicsView>
#include <QMenu>
#include <QTemporaryDir>
#include <QTimer>

#include "ui/common/chart_view.h"
#include "ui/common/figure_export.h"
#include "ui/common/heatmap_view.h"
#include "ui/common/panel_export.h"
#include "ui/pages/topk/topk_page.h"

namespace latentlab::ui {
namespace {

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

TEST(PanelExport, AChartExportsAloneAsImagesAndItsNumbersAsCsv) {
  QTemporaryDir dir;
  ChartView chart;
  chart.setAttribute(Qt::WA_DontShowOnScreen, true);
  chart.setTitle(QStringLiteral("response"));
  chart.setSeries(QStringLiteral("p1"), {{0, 0.25}, {1, 0.5}, {2, 0.75}});
  chart.setSeries(QStringLiteral("p2"), {{0, 1}, {1, 2}}, ChartView::Style::Dashed);
  chart.resize(400, 300);
  chart.show();
  QCoreApplication::processEvents();

  const QImage image = renderPanel(&chart);
  EXPECT_EQ(image.size(), QSize(800, 600));           // twice the on-screen size
  EXPECT_EQ(image.pixel(2, 2), qRgb(255, 255, 255));  // the print theme's white

  exportPanel(&chart, dir.filePath("c.svg"));
  EXPECT_TRUE(readAll(dir.filePath("c.svg")).contains("<svg"));
  exportPanel(&chart, dir.filePath("c.pdf"));
  EXPECT_TRUE(readAll(dir.filePath("c.pdf")).startsWith("%PDF"));
  exportPanel(&chart, dir.filePath("c.csv"));
  const QString csv = QString::fromUtf8(readAll(dir.filePath("c.csv")));
  EXPECT_TRUE(csv.contains(QStringLiteral("# p1\nx,y\n0,0.25\n1,0.5\n2,0.75\n")))
      << csv.toStdString();
  EXPECT_TRUE(csv.contains(QStringLiteral("# p2\nx,y\n0,1\n1,2\n"))) << csv.toStdString();
  EXPECT_THROW(exportPanel(&chart, dir.filePath("c.bmp")), ExportError);
}

TEST(PanelExport, AHeatMapExportsItsMatrix) {
  HeatmapView map;
  Eigen::MatrixXd m(2, 3);
  m << 1, 2, 3, 4, 5, 6;
  map.setMatrix(m, ColorMapping::fit(m, ColorMapKind::Viridis, ColorScale::Linear));
  const QList<DataTable> tables = panelData(&map);
  ASSERT_EQ(tables.size(), 1);
  ASSERT_EQ(tables[0].rows.size(), 2u);
  EXPECT_EQ(tables[0].rows[1], (std::vector<double>{1, 4, 5, 6}));  // row index, then the row
}

TEST(PanelExport, RightClickOnAPageChartOffersItsExports) {
  TopkPage page;
  page.computeNow();
  page.resize(1200, 800);
  page.setAttribute(Qt::WA_DontShowOnScreen, true);
  page.show();
  QCoreApplication::processEvents();
  ChartView* chart = page.findChild<ChartView*>();
  ASSERT_NE(chart, nullptr);
  EXPECT_EQ(chart->contextMenuPolicy(), Qt::CustomContextMenu);
  // A real right-click lands on the chart's graphics view; the menu pops up from the panel.
  QStringList actions;
  QTimer::singleShot(0, [&] {
    if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
      for (QAction* a : menu->actions()) actions << a->text();
      menu->close();
    }
  });
  QWidget* target = chart->findChild<QGraphicsView*>()->viewport();
  QContextMenuEvent event(QContextMenuEvent::Mouse, target->rect().center(),
                          target->mapToGlobal(target->rect().center()));
  QCoreApplication::sendEvent(target, &event);
  EXPECT_TRUE(actions.contains(QStringLiteral("Export panel as SVG…")))
      << actions.join(", ").toStdString();
  EXPECT_TRUE(actions.contains(QStringLiteral("Copy panel image")));
  EXPECT_TRUE(actions.contains(QStringLiteral("Export panel data as CSV…")));
}

}  // namespace
}  // namespace latentlab::ui
