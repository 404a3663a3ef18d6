// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>
#include <optional>

#include "ui/common/figure_export.h"

class QWidget;

namespace latentlab::ui {

/// The About box text (rich text): app version, the versions of Qt, Eigen and OpenCV, the licence
/// and the third-party components with theirs (packaging/third-party.md).
QString aboutText();

/// Asks for the figure's pixel size, DPI and print theme before an export to `path`; the format
/// (from the extension) decides which fields matter. nullopt when the user cancels.
std::optional<FigureOptions> askFigureOptions(QWidget* parent, const QString& path,
                                              const FigureOptions& initial = {});

}  // namespace latentlab::ui
