// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <QApplication>

#include "app/cli.h"
#include "latentlab/common/allocator.h"
#include "ui/common/device_choice.h"
#include "ui/shell/language.h"
#include "ui/shell/main_window.h"

int main(int argc, char** argv) {
  using namespace latentlab::app;
  latentlab::tuneAllocator();  // before the first large allocation
  const bool commandLine = isCommandLine(argc, argv);
  choosePlatform(commandLine);  // before QApplication picks a platform
  if (commandLine) quietQtMessages();
  QApplication app(argc, argv);
  configureApplication();
  if (commandLine) return runCli(QApplication::arguments());

  latentlab::ui::applyLanguage(latentlab::ui::startupLanguage());
  // The device chosen in View ▸ Device last time, when it is still there (else the CPU).
  latentlab::ui::DeviceChoice::instance().choose(latentlab::ui::DeviceChoice::saved());
  // On the heap: View ▸ Language replaces the window by one built in the new language.
  auto* window = new latentlab::ui::MainWindow;
  window->setAttribute(Qt::WA_DeleteOnClose);
  window->show();
  return QApplication::exec();
}
