// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/device_choice.h"

#include <QSettings>

#include "latentlab/common/device.h"

namespace latentlab::ui {

namespace {
const QString kSettingsKey = QStringLiteral("compute/device");
}

DeviceChoice& DeviceChoice::instance() {
  static DeviceChoice choice;
  return choice;
}

bool DeviceChoice::choose(const QString& id) {
  if (!latentlab::findDevice(id.toStdString())) return false;
  if (id == m_current) return true;
  m_current = id;
  emit changed(id);
  return true;
}

QString DeviceChoice::saved() {
  const QString id = QSettings().value(kSettingsKey, QStringLiteral("cpu")).toString();
  return latentlab::findDevice(id.toStdString()) ? id : QStringLiteral("cpu");
}

void DeviceChoice::save(const QString& id) { QSettings().setValue(kSettingsKey, id); }

QString DeviceChoice::describe(const QString& id) {
  const auto info = latentlab::findDevice(id.toStdString());
  if (!info) return id;
  return QStringLiteral("%1 (%2)").arg(QString::fromStdString(info->name), id);
}

}  // namespace latentlab::ui
