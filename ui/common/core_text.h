// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QCoreApplication>
#include <QString>
#include <string>
#include <string_view>

namespace latentlab::ui {

/// A fixed text of the Qt-free core (a method, property or counter-example name) in the current
/// language. ui/i18n/core_strings.cpp lists them for translators under the "core" context (the
/// test I18n.CoreStringsFileIsCurrent keeps that list complete).
inline QString coreText(std::string_view text) {
  const std::string s(text);
  return QCoreApplication::translate("core", s.c_str());
}

}  // namespace latentlab::ui
