// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// View ▸ Device: where the pages with a device path compute (the CPU or an OpenCL device), and
// the status bar's note of the device the shown result came from.
#include <QAction>
#include <QActionGroup>
#include <QLabel>
#include <QMenu>

#include "latentlab/common/device.h"
#include "ui/common/device_choice.h"
#include "ui/common/page.h"
#include "ui/shell/main_window.h"

namespace latentlab::ui {

namespace {

QString menuLabel(const latentlab::DeviceInfo& d) {
  const QString name = QString::fromStdString(d.name);
  if (d.kind == latentlab::DeviceKind::Cpu) return MainWindow::tr("&CPU — %1").arg(name);
  QString label = MainWindow::tr("OpenCL — %1 (%2)").arg(name, QString::fromStdString(d.id));
  if (d.isPocl) label += MainWindow::tr(", runs on the CPU");
  return label;
}

}  // namespace

void MainWindow::buildDeviceMenu(QMenu* view) {
  QMenu* menu = view->addMenu(tr("&Device"));
  menu->setObjectName(QStringLiteral("menuDevice"));
  m_deviceGroup = new QActionGroup(this);
  m_deviceGroup->setExclusive(true);
  DeviceChoice& choice = DeviceChoice::instance();
  for (const latentlab::DeviceInfo& d : latentlab::listDevices()) {
    const QString id = QString::fromStdString(d.id);
    QAction* action = menu->addAction(menuLabel(d));
    action->setObjectName(QStringLiteral("actionDevice_") + id);
    action->setCheckable(true);
    action->setChecked(id == choice.current());
    action->setData(id);
    action->setToolTip(tr("%1 MiB of memory, double precision %2")
                           .arg(d.memoryBytes >> 20)
                           .arg(d.fp64 ? tr("available") : tr("not available")));
    m_deviceGroup->addAction(action);
    connect(action, &QAction::triggered, this, [id] {
      if (DeviceChoice::instance().choose(id)) DeviceChoice::save(id);
    });
  }
  if (latentlab::listDevices().size() == 1) {
    menu->addSeparator();
    QAction* none = menu->addAction(latentlab::openClBuilt()
                                        ? tr("No OpenCL device found (install a GPU driver's "
                                             "OpenCL ICD, or pocl-opencl-icd)")
                                        : tr("This build has no OpenCL backend"));
    none->setEnabled(false);
  }
  connect(&choice, &DeviceChoice::changed, this, [this](const QString& id) {
    for (QAction* action : m_deviceGroup->actions())
      action->setChecked(action->data().toString() == id);
    for (Page* p : m_pages)
      if (p->usesDevice()) p->recompute();
    showDevice();
  });
}

void MainWindow::showDevice() {
  const QString chosen = DeviceChoice::instance().current();
  const bool usesDevice = m_current && m_current->usesDevice();
  const QString where = usesDevice && m_current->hasResult()
                            ? QString::fromStdString(m_current->computedOn().device)
                            : (usesDevice ? chosen : QStringLiteral("cpu"));
  const auto info = latentlab::findDevice(where.toStdString());
  const QString name = info ? QString::fromStdString(info->name) : where;
  m_deviceLabel->setText(where == QLatin1String("cpu") ? tr("CPU") : tr("OpenCL: %1").arg(name));
  m_deviceLabel->setToolTip(
      usesDevice ? tr("This page computes on %1 (View ▸ Device)").arg(DeviceChoice::describe(where))
                 : tr("This page computes on the CPU; the device chosen in View ▸ Device (%1) "
                      "applies to the attention, quantization, Top-k and flow pages")
                       .arg(DeviceChoice::describe(chosen)));
  if (usesDevice && m_current->hasResult()) {
    const latentlab::DeviceUse use = m_current->computedOn();
    if (!use.fallback.empty())
      showInfo(tr("Computed on the CPU instead of %1: %2")
                   .arg(DeviceChoice::describe(QString::fromStdString(use.requested)),
                        QString::fromStdString(use.fallback)));
  }
}

}  // namespace latentlab::ui
