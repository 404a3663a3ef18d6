// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/shell/theme.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace latentlab::ui {
namespace {

constexpr auto kThemeKey = "view/theme";

QPalette lightPalette() {
  QPalette p;
  const QColor window(0xf3, 0xf3, 0xf3);
  const QColor text(0x1e, 0x1e, 0x1e);
  const QColor highlight(0x2f, 0x6f, 0xc8);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, Qt::white);
  p.setColor(QPalette::AlternateBase, QColor(0xea, 0xee, 0xf3));
  p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe6));
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, QColor(0xe8, 0xe8, 0xe8));
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, Qt::red);
  p.setColor(QPalette::Light, Qt::white);
  p.setColor(QPalette::Midlight, QColor(0xe0, 0xe0, 0xe0));
  p.setColor(QPalette::Mid, QColor(0xb8, 0xb8, 0xb8));
  p.setColor(QPalette::Dark, QColor(0x9a, 0x9a, 0x9a));
  p.setColor(QPalette::Shadow, QColor(0x60, 0x60, 0x60));
  p.setColor(QPalette::Highlight, highlight);
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, highlight);
  p.setColor(QPalette::LinkVisited, QColor(0x7a, 0x4f, 0xb0));
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
    p.setColor(QPalette::Disabled, role, QColor(0x9a, 0x9a, 0x9a));
  return p;
}

QPalette darkPalette() {
  QPalette p;
  const QColor window(0x2b, 0x2d, 0x30);
  const QColor base(0x1e, 0x1f, 0x22);
  const QColor text(0xe6, 0xe6, 0xe6);
  const QColor highlight(0x3d, 0x8b, 0xe0);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, QColor(0x33, 0x36, 0x3a));
  p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8c, 0x8c));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, QColor(0x3a, 0x3d, 0x41));
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
  p.setColor(QPalette::Light, QColor(0x50, 0x53, 0x57));
  p.setColor(QPalette::Midlight, QColor(0x44, 0x47, 0x4b));
  p.setColor(QPalette::Mid, QColor(0x30, 0x32, 0x35));
  p.setColor(QPalette::Dark, QColor(0x19, 0x1a, 0x1c));
  p.setColor(QPalette::Shadow, Qt::black);
  p.setColor(QPalette::Highlight, highlight);
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x6c, 0xb2, 0xff));
  p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x8c, 0xf0));
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
    p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7a, 0x7a));
  p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x33, 0x35, 0x38));
  return p;
}

}  // namespace

QPalette themePalette(Theme theme) {
  switch (theme) {
    case Theme::Light:
      return lightPalette();
    case Theme::Dark:
      return darkPalette();
    case Theme::System:
      break;
  }
  // An empty palette resolves against the platform theme's palette inside QApplication.
  return QPalette();
}

void applyTheme(Theme theme) {
  // Fusion draws from the palette everywhere; native styles ignore parts of a dark palette.
  if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
  QApplication::setPalette(themePalette(theme));
}

QString themeId(Theme theme) {
  switch (theme) {
    case Theme::Light:
      return QStringLiteral("light");
    case Theme::Dark:
      return QStringLiteral("dark");
    case Theme::System:
      break;
  }
  return QStringLiteral("system");
}

std::optional<Theme> themeFromId(const QString& id) {
  for (Theme t : {Theme::System, Theme::Light, Theme::Dark})
    if (themeId(t) == id) return t;
  return std::nullopt;
}

Theme loadThemeSetting() {
  return themeFromId(QSettings().value(kThemeKey).toString()).value_or(Theme::System);
}

void saveThemeSetting(Theme theme) { QSettings().setValue(kThemeKey, themeId(theme)); }

}  // namespace latentlab::ui
