// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QObject>
#include <QString>

namespace latentlab::ui {

/// The device new computations run on: "cpu" or an OpenCL id from latentlab::listDevices().
/// One choice for the whole window (View ▸ Device) and the command line (--device); the
/// RecomputeController reads it on the GUI thread when a job is requested and hands it to the
/// job's RunControl, so a job keeps the device it started with.
class DeviceChoice : public QObject {
  Q_OBJECT

 public:
  static DeviceChoice& instance();

  QString current() const { return m_current; }
  /// Chooses `id`; false (and no change) when no such device exists.
  bool choose(const QString& id);
  /// The device saved in the settings, when it still exists; else "cpu".
  static QString saved();
  /// Remembers `id` for the next start.
  static void save(const QString& id);
  /// "NAME (id)" for menus and the status bar.
  static QString describe(const QString& id);

 signals:
  void changed(const QString& id);

 private:
  DeviceChoice() = default;
  QString m_current = QStringLiteral("cpu");
};

}  // namespace latentlab::ui
