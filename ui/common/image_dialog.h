// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>

class QWidget;

namespace latentlab::ui {

/// The "Open image" file dialog with the formats the core loader reads (PNG, JPEG, BMP, TIFF,
/// WebP); returns the chosen path, or an empty string when the user cancels.
QString askImageFile(QWidget* parent);

}  // namespace latentlab::ui
