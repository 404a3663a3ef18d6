// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>
#include <QStringList>

namespace latentlab::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitIoError = 1;   // a file could not be read or written
inline constexpr int kExitBadInput = 2;  // usage error, bad scenario or parameter
inline constexpr int kExitUnfinished = 3;  // --window-screenshot: the page did not finish

/// True when the raw arguments hold anything besides Qt's own options (-style, -platform, ...):
/// the app then runs without a window (--list-pages, --scenario, --page, --set, --export,
/// --export-data, --size, --dpi, --report, --help, --version; unknown ones are reported).
bool isCommandLine(int argc, char** argv);

/// Chooses the offscreen Qt platform for command-line runs and when no display exists (DISPLAY
/// and WAYLAND_DISPLAY empty), unless QT_QPA_PLATFORM is set already. Call before QApplication.
void choosePlatform(bool commandLine);

/// Command-line runs keep Qt's own debug and warning chatter ("XDG_RUNTIME_DIR not set", ...)
/// off stderr, so a failure is exactly one "latentlab: ..." line. LATENTLAB_VERBOSE=1 keeps it.
/// Call before QApplication.
void quietQtMessages();

/// Organisation, application name and version (QSettings and the About box read them), style.
void configureApplication();

/// The command-line mode. `args` as QCoreApplication::arguments() gives them (program first);
/// needs a QApplication. Prints results on stdout and one-line errors ("latentlab: ...") on
/// stderr; returns kExitOk, kExitIoError, kExitBadInput or kExitUnfinished.
int runCli(const QStringList& args);

/// The --help text; it ends with where to report bugs.
QString usageText();

/// The --version text, GNU style: version, copyright, licence and warranty lines.
QString versionText();

}  // namespace latentlab::app
