// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/shell/language.h"

#include <QApplication>
#include <QFont>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include "ui/shell/scenario_io.h"

namespace latentlab::ui {
namespace {

constexpr auto kLanguageKey = "view/language";

struct Installed {
  QTranslator own;  // :/i18n/latentlab_<code>.qm, compiled from resources/translations
  QTranslator qt;   // Qt's own dialogs and shortcuts, from the system's Qt translations
  QString code = QStringLiteral("en");
  QFont latinFont;  // the application font before a CJK family was put behind it
  bool haveLatinFont = false;
};

Installed& installed() {
  static Installed state;
  return state;
}

/// Chinese glyphs come from the declared dependency (fonts-wqy-microhei) or Noto CJK when the
/// user has it; naming them keeps exports the same on every machine instead of relying on
/// whatever fontconfig falls back to.
void setCjkFallback(bool on) {
  Installed& s = installed();
  if (!s.haveLatinFont) {
    s.latinFont = QApplication::font();
    s.haveLatinFont = true;
  }
  QFont font = s.latinFont;
  if (on)
    font.setFamilies({s.latinFont.family(), QStringLiteral("Noto Sans CJK SC"),
                      QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("WenQuanYi Zen Hei")});
  QApplication::setFont(font);
}

}  // namespace

QStringList languages() { return {QStringLiteral("en"), QStringLiteral("zh_CN")}; }

QString languageName(const QString& code) {
  if (code == QLatin1String("zh_CN")) return QStringLiteral("简体中文");
  return QStringLiteral("English");
}

QString systemLanguage() {
  const QLocale system = QLocale::system();
  for (const QString& name : system.uiLanguages())
    if (name.startsWith(QLatin1String("zh"), Qt::CaseInsensitive)) return QStringLiteral("zh_CN");
  return system.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool applyLanguage(const QString& code) {
  if (!languages().contains(code)) return false;
  Installed& s = installed();
  if (s.code == code) return true;
  QCoreApplication::removeTranslator(&s.own);
  QCoreApplication::removeTranslator(&s.qt);
  if (code != QLatin1String("en")) {
    initResources();
    if (s.own.load(QStringLiteral(":/i18n/latentlab_%1.qm").arg(code)))
      QCoreApplication::installTranslator(&s.own);
    if (s.qt.load(QStringLiteral("qtbase_%1").arg(code),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
      QCoreApplication::installTranslator(&s.qt);
  }
  if (qobject_cast<QApplication*>(QCoreApplication::instance()))
    setCjkFallback(code == QLatin1String("zh_CN"));
  s.code = code;
  return true;
}

QString currentLanguage() { return installed().code; }

QString savedLanguage() {
  const QString code = QSettings().value(kLanguageKey).toString();
  return languages().contains(code) ? code : QString();
}

void saveLanguage(const QString& code) {
  QSettings settings;
  if (code.isEmpty())
    settings.remove(kLanguageKey);
  else
    settings.setValue(kLanguageKey, code);
}

QString startupLanguage(const QString& requested) {
  if (!requested.isEmpty()) return requested;
  const QString saved = savedLanguage();
  return saved.isEmpty() ? systemLanguage() : saved;
}

}  // namespace latentlab::ui
