// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/panel_export.h"

#include <QBuffer>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageWriter>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QTableWidget>
#include <utility>
#include <vector>

#include "ui/common/chart_view.h"
#include "ui/common/figure_export.h"
#include "ui/common/figure_mode.h"
#include "ui/common/heatmap_view.h"
#include "ui/common/matrix_table.h"
#include "ui/common/pdf_page.h"

namespace latentlab::ui {
namespace {

// lupdate files these strings under the "PanelExport" context.
struct Tr {
  Q_DECLARE_TR_FUNCTIONS(PanelExport)
};

QString panelName(const QWidget* panel) {
  if (const auto* chart = qobject_cast<const ChartView*>(panel))
    if (!chart->title().isEmpty()) return chart->title();
  return Tr::tr("panel");
}

/// Paints the panel in the print theme, then gives every widget its own palette back: the
/// window never repaints in between, so nothing flickers.
void paintPrinted(QWidget* panel, QPainter& p, double scale) {
  std::vector<std::pair<QWidget*, QPalette>> kept;
  kept.emplace_back(panel, panel->palette());
  const bool filled = panel->autoFillBackground();
  for (QWidget* w : panel->findChildren<QWidget*>()) kept.emplace_back(w, w->palette());
  applyPrintTheme(panel);
  // A hover read-out open under the mouse that right-clicked stays out of the file.
  std::vector<QWidget*> hidden;
  for (QWidget* w : panel->findChildren<QWidget*>())
    if (w->isVisible() && isScreenOnly(w)) {
      w->hide();
      hidden.push_back(w);
    }
  p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
  p.scale(scale, scale);
  panel->render(&p, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
  for (QWidget* w : hidden) w->show();
  for (auto& [w, pal] : kept) w->setPalette(pal);
  panel->setAutoFillBackground(filled);
}

void writeFile(const QString& path, const QByteArray& bytes) {
  writeAtomically(path, [&](QIODevice& dev) {
    return dev.write(bytes) == bytes.size() ? QString() : dev.errorString();
  });
}

}  // namespace

QList<DataTable> panelData(const QWidget* panel) {
  QList<DataTable> out;
  if (const auto* chart = qobject_cast<const ChartView*>(panel)) {
    for (DataTable& t : chart->barTables()) out << std::move(t);
    for (const QString& name : chart->seriesNames()) {
      DataTable t{name, {QStringLiteral("x"), QStringLiteral("y")}, {}};
      for (const QPointF& q : chart->seriesPoints(name)) t.rows.push_back({q.x(), q.y()});
      out << std::move(t);
    }
  } else if (const auto* map = qobject_cast<const HeatmapView*>(panel)) {
    out << matrixTable(Tr::tr("matrix"), QStringLiteral("row"), QStringLiteral("col"),
                       map->matrix());
  }
  return out;
}

QImage renderPanel(QWidget* panel) {
  QImage image(panel->size() * 2, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter p(&image);
  paintPrinted(panel, p, 2.0);
  p.end();
  const int dpm = static_cast<int>(2 * kLayoutDpi / 0.0254);
  image.setDotsPerMeterX(dpm);
  image.setDotsPerMeterY(dpm);
  return image;
}

void exportPanel(QWidget* panel, const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == "png") {
    writePngAtomically(renderPanel(panel), path);
  } else if (suffix == "svg") {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator gen;
    gen.setOutputDevice(&buffer);
    gen.setSize(panel->size());
    gen.setViewBox(panel->rect());
    gen.setResolution(static_cast<int>(kLayoutDpi));
    gen.setTitle(panelName(panel));
    QPainter p;
    if (!p.begin(&gen)) throw ExportError(Tr::tr("cannot start the SVG painter").toStdString());
    paintPrinted(panel, p, 1.0);
    p.end();
    writeFile(path, buffer.data());
  } else if (suffix == "pdf") {
    QByteArray pdf;
    const QSizeF points = QSizeF(panel->size()) * (72.0 / kLayoutDpi);
    const QString error = paintPdf(
        points, panelName(panel), QStringLiteral("LatentLab"),
        [&](QPdfWriter& writer, QPainter& p) {
          paintPrinted(panel, p, writer.width() / static_cast<double>(panel->width()));
          return QString();
        },
        pdf);
    if (!error.isEmpty()) throw ExportError(error.toStdString());
    writeFile(path, pdf);
  } else if (suffix == "csv") {
    const QList<DataTable> tables = panelData(panel);
    if (tables.isEmpty())
      throw ExportError(Tr::tr("this panel has no numbers to export").toStdString());
    writeFile(path, csvBytes(tables));
  } else {
    throw ExportError(Tr::tr("unsupported format '.%1' (use .png, .svg, .pdf or .csv)")
                          .arg(suffix)
                          .toStdString());
  }
}

void enablePanelExport(QWidget* figure) {
  QList<QWidget*> panels;
  for (auto* w : figure->findChildren<ChartView*>()) panels << w;
  for (auto* w : figure->findChildren<HeatmapView*>()) panels << w;
  for (auto* w : figure->findChildren<QTableWidget*>()) panels << w;
  for (QWidget* panel : panels) {
    panel->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(panel, &QWidget::customContextMenuRequested, panel, [panel](QPoint at) {
      QMenu menu(panel);
      const auto saveAs = [panel](const QString& title, const QString& filter,
                                  const QString& suffix) {
        const QString path = QFileDialog::getSaveFileName(
            panel, title, panelName(panel).section(' ', 0, 2) + '.' + suffix, filter);
        if (path.isEmpty()) return;
        try {
          exportPanel(panel, path);
        } catch (const ExportError& e) {
          QMessageBox::warning(panel, title, QString::fromStdString(e.what()));
        }
      };
      menu.addAction(Tr::tr("Export panel as PNG…"), panel, [=] {
        saveAs(Tr::tr("Export panel as PNG"), Tr::tr("PNG image (*.png)"), QStringLiteral("png"));
      });
      menu.addAction(Tr::tr("Export panel as SVG…"), panel, [=] {
        saveAs(Tr::tr("Export panel as SVG"), Tr::tr("SVG image (*.svg)"), QStringLiteral("svg"));
      });
      menu.addAction(Tr::tr("Export panel as PDF…"), panel, [=] {
        saveAs(Tr::tr("Export panel as PDF"), Tr::tr("PDF document (*.pdf)"),
               QStringLiteral("pdf"));
      });
      menu.addAction(Tr::tr("Copy panel image"), panel,
                     [panel] { QGuiApplication::clipboard()->setImage(renderPanel(panel)); });
      QAction* data = menu.addAction(Tr::tr("Export panel data as CSV…"), panel, [=] {
        saveAs(Tr::tr("Export panel data"), Tr::tr("CSV table (*.csv)"), QStringLiteral("csv"));
      });
      data->setEnabled(!panelData(panel).isEmpty());
      menu.exec(panel->mapToGlobal(at));
    });
  }
}

}  // namespace latentlab::ui
