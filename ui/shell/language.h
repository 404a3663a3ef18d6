// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>
#include <QStringList>

namespace latentlab::ui {

/// The interface languages LatentLab ships: "en" (the source strings) and "zh_CN".
QStringList languages();
/// A language's name in itself, for the View ▸ Language menu: "English", "简体中文".
QString languageName(const QString& code);
/// "zh_CN" when the system locale (LC_ALL, LC_MESSAGES, LANG) asks for Chinese, else "en".
QString systemLanguage();

/// Installs the translators for `code` (LatentLab's own strings, and Qt's for standard dialogs;
/// "en" removes them) and, for Chinese, puts a CJK font behind the application font so every
/// figure has the glyphs. Numbers and mathematical symbols are not localised. Widgets built
/// before the call keep their text: MainWindow rebuilds itself (MainWindow::setLanguage). False
/// for a code not in languages().
bool applyLanguage(const QString& code);
/// The language applied last ("en" before any call).
QString currentLanguage();

/// The choice made in View ▸ Language (QSettings), empty when the user follows the system.
QString savedLanguage();
void saveLanguage(const QString& code);  // empty: follow the system again

/// The language to start in: `requested` (from --language) when given, else the saved choice,
/// else the system's.
QString startupLanguage(const QString& requested = {});

}  // namespace latentlab::ui
