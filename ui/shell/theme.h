// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QPalette>
#include <QString>
#include <optional>

namespace latentlab::ui {

/// The window's colour scheme. System follows the platform palette; Light and Dark override it.
enum class Theme { System, Light, Dark };

/// Sets the Fusion style (the same look on every platform, and one that honours palettes) and the
/// palette of `theme` on the application. Must be called on the GUI thread with a QApplication.
void applyTheme(Theme theme);
/// The palette applyTheme() installs for Light or Dark (System: the platform palette).
QPalette themePalette(Theme theme);

/// Stable ids for settings: "system", "light", "dark".
QString themeId(Theme theme);
std::optional<Theme> themeFromId(const QString& id);

/// The theme stored in QSettings ("view/theme"), System when absent or unknown.
Theme loadThemeSetting();
void saveThemeSetting(Theme theme);

}  // namespace latentlab::ui
