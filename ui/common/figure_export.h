// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>
#include <functional>
#include <memory>
#include <stdexcept>

#include "ui/common/data_table.h"
#include "ui/common/figure_size.h"

class QIODevice;

namespace latentlab::ui {

class Page;

/// Export errors carry a message for the user ("cannot write /x.png: permission denied").
class ExportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The page's figure laid out for export at `logical` size (layout pixels): built in export mode,
/// in a frame with the caption line under it when options.caption, print theme when asked.
/// Shown off screen, events delivered; renderFigure and exportFigure paint it.
std::unique_ptr<QWidget> prepareFigure(const Page& page, const QSize& logical,
                                       const FigureOptions& options);
/// Renders the page's current figure (Page::makeFigure) into an image of pixelSize(options).
QImage renderFigure(const Page& page, const FigureOptions& options = {});
/// Writes the figure by extension: .png (scenario JSON in a "latentlab-scenario" text chunk),
/// .svg (scenario JSON in <metadata>), .pdf. Throws ExportError.
void exportFigure(const Page& page, const QString& path, const FigureOptions& options = {});
/// Writes the page's exportData() by extension: .csv (blocks per table) or .json (scenario +
/// tables). Throws ExportError.
void exportData(const Page& page, const QString& path);
/// Tables as CSV blocks ("# name", header, rows, blank line; NaN empty), then a "# values" block.
QByteArray csvBytes(const QList<DataTable>& tables, const QList<DataValue>& values = {});
/// Every page's default figure as one multi-page PDF (one page per Page, titled).
void exportReportPdf(const QList<const Page*>& pages, const QString& path,
                     const FigureOptions& options = {});
/// Writes a file through QSaveFile: `write` fills the device and returns an error text or an
/// empty string; the target appears, complete, only after a successful commit, and a failure
/// leaves any previous file untouched. Throws ExportError with the operating system's reason.
void writeAtomically(const QString& path, const std::function<QString(QIODevice&)>& write);
/// A plain PNG (no scenario chunk) written atomically, as --export-images writes its images.
void writePngAtomically(const QImage& image, const QString& path);
/// Window screenshot to PNG.
void exportWidgetPng(QWidget* widget, const QString& path);

/// Applies the light print palette/style to a figure widget tree (used by export).
void applyPrintTheme(QWidget* figure);

}  // namespace latentlab::ui
