// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/shell/scenario_io.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "ui/common/page.h"
#include "ui/shell/page_registry.h"

// Q_INIT_RESOURCE declares qInitResources_resources() where it is used: global scope.
static void initLatentLabResources() { Q_INIT_RESOURCE(resources); }

namespace latentlab::ui {
namespace {

std::string readResource(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    throw ParamError("file", "cannot open '" + path.toStdString() + "'");
  if (file.size() > static_cast<qint64>(latentlab::kMaxScenarioBytes))
    throw ParamError("file", "'" + path.toStdString() + "' is too large for a scenario");
  return file.readAll().toStdString();
}

}  // namespace

void initResources() {
  static const bool kDone = (initLatentLabResources(), true);
  (void)kDone;
}

latentlab::Scenario readScenario(const QString& path) {
  initResources();
  // Core's reader handles real files; resources only exist inside Qt's file engine.
  const std::string text = path.startsWith(QLatin1Char(':'))
                               ? readResource(path)
                               : latentlab::readTextFile(QFile::encodeName(path).toStdString(),
                                                          latentlab::kMaxScenarioBytes);
  latentlab::Scenario scenario = latentlab::scenarioFromJson(text);
  if (!findPage(QString::fromStdString(scenario.page)))
    throw ParamError("page", "unknown page '" + scenario.page + "'");
  return scenario;
}

void writeScenario(const Page& page, const QString& path) {
  latentlab::Scenario scenario = page.scenario();
  scenario.appVersion = LATENTLAB_VERSION;
  const QByteArray text = QByteArray::fromStdString(latentlab::scenarioToJson(scenario));
  // QSaveFile: a failed write never leaves a truncated scenario behind.
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
    throw ParamError(
        "file", "cannot write '" + path.toStdString() + "': " + file.errorString().toStdString());
}

QString describeParamError(const latentlab::ParamError& error) {
  const QString what = QString::fromStdString(error.what()).simplified();
  if (error.key().empty() || error.key() == "file") return what;
  return QStringLiteral("%1 (key '%2')").arg(what, QString::fromStdString(error.key()));
}

QStringList presetPaths() {
  initResources();
  QStringList out;
  const QDir dir(QStringLiteral(":/scenarios"));
  for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
    out << dir.filePath(name);
  return out;
}

QString presetTitle(const QString& path) {
  QString name = QFileInfo(path).completeBaseName();
  QString pageTitle;
  for (const PageInfo& info : pageRegistry()) {
    if (name.startsWith(info.id + QLatin1Char('-'))) {
      name = name.mid(info.id.size() + 1);
      pageTitle = info.title;
      break;
    }
  }
  name.replace(QLatin1Char('-'), QLatin1Char(' '));
  return pageTitle.isEmpty() ? name : QStringLiteral("%1: %2").arg(pageTitle, name);
}

}  // namespace latentlab::ui
