// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QImage>
#include <QList>
#include <QString>

#include "ui/common/data_table.h"

class QWidget;

namespace latentlab::ui {

/// One panel of a figure on its own: right-click a chart, heat map or table for its menu.

/// The numbers a panel shows: a chart's series (x, y per series) and bars, a heat map's matrix.
/// Empty for a panel without numbers (a table of text).
QList<DataTable> panelData(const QWidget* panel);
/// The panel alone, drawn with the light print theme at twice its on-screen size.
QImage renderPanel(QWidget* panel);
/// Writes the panel by extension: .png (renderPanel), .svg or .pdf (vector, its on-screen size
/// at 96 px per inch), .csv (panelData). Throws ExportError.
void exportPanel(QWidget* panel, const QString& path);
/// Gives every chart, heat map and table under `figure` the panel menu: export as PNG, SVG or
/// PDF, copy the image, export the data as CSV.
void enablePanelExport(QWidget* figure);

}  // namespace latentlab::ui
