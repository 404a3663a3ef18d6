// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// MainWindow's menus and the dialogs behind them; the testable work is in main_window.cpp.
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QUndoGroup>

#include "ui/common/figure_export.h"
#include "ui/common/page.h"
#include "ui/shell/dialogs.h"
#include "ui/shell/main_window.h"
#include "ui/shell/page_registry.h"
#include "ui/shell/param_history.h"
#include "ui/shell/scenario_io.h"

namespace latentlab::ui {
namespace {

QAction* makeAction(QMenu* menu, const QString& objectName, const QString& text,
                    const QKeySequence& shortcut) {
  QAction* action = menu->addAction(text);
  action->setObjectName(objectName);
  if (!shortcut.isEmpty()) action->setShortcut(shortcut);
  return action;
}

/// Appends `suffix` when the user typed a name without one (the filter names the format).
QString withSuffix(QString path, const QString& selectedFilter, const QString& fallback) {
  if (!QFileInfo(path).suffix().isEmpty()) return path;
  const int star = selectedFilter.indexOf(QLatin1String("*."));
  const QString suffix =
      star >= 0
          ? selectedFilter.mid(star + 2, selectedFilter.indexOf(QLatin1Char(')'), star) - star - 2)
          : fallback;
  return path + QLatin1Char('.') + suffix;
}

}  // namespace

void MainWindow::buildMenus() {
  m_lastDir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  buildFileMenu();
  buildEditMenu();
  buildViewMenu();

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* about = makeAction(help, QStringLiteral("actionAbout"), tr("&About LatentLab…"),
                              QKeySequence::HelpContents);
  about->setMenuRole(QAction::AboutRole);
  connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::buildFileMenu() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  connect(makeAction(file, QStringLiteral("actionOpenScenario"), tr("&Open scenario…"),
                     QKeySequence::Open),
          &QAction::triggered, this, &MainWindow::openScenarioDialog);
  connect(makeAction(file, QStringLiteral("actionSaveScenario"), tr("&Save scenario…"),
                     QKeySequence::Save),
          &QAction::triggered, this, &MainWindow::saveScenarioDialog);

  m_presetMenu = file->addMenu(tr("&Presets"));
  m_presetMenu->setObjectName(QStringLiteral("presetMenu"));
  // One submenu per page, in the navigator's order; the entries drop the page's name.
  const QStringList presets = presetPaths();
  for (const PageInfo& info : pageRegistry()) {
    QMenu* sub = nullptr;
    for (const QString& path : presets) {
      if (!QFileInfo(path).completeBaseName().startsWith(info.id + QLatin1Char('-'))) continue;
      if (!sub) {
        sub = m_presetMenu->addMenu(QIcon(info.iconPath), info.title);
        sub->setObjectName(QStringLiteral("presetMenu_") + info.id);
      }
      const QString title = presetTitle(path);
      QAction* action = sub->addAction(title.mid(info.title.size() + 2));  // after "Page: "
      action->setData(path);
      action->setToolTip(title);
      connect(action, &QAction::triggered, this, [this, path] { openScenarioInteractive(path); });
    }
  }
  m_presetMenu->setEnabled(!m_presetMenu->isEmpty());

  file->addSeparator();
  connect(makeAction(file, QStringLiteral("actionExportFigure"), tr("Export &figure…"),
                     QKeySequence(Qt::CTRL | Qt::Key_E)),
          &QAction::triggered, this, &MainWindow::exportFigureDialog);
  connect(makeAction(file, QStringLiteral("actionExportData"), tr("Export &data…"),
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)),
          &QAction::triggered, this, &MainWindow::exportDataDialog);
  // Ctrl+Shift+S is "Save As" on most desktops; F12 is the usual screenshot key in apps.
  connect(makeAction(file, QStringLiteral("actionScreenshot"), tr("Export window &screenshot…"),
                     QKeySequence(Qt::Key_F12)),
          &QAction::triggered, this, &MainWindow::exportScreenshotDialog);
  file->addSeparator();
  QAction* quit = makeAction(file, QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit);
  // Some platforms (Windows, the offscreen one) bind no key to Quit; Ctrl+Q is what users expect.
  if (quit->shortcut().isEmpty()) quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
  quit->setMenuRole(QAction::QuitRole);
  connect(quit, &QAction::triggered, this, &QMainWindow::close);
}

void MainWindow::buildEditMenu() {
  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = m_history->group()->createUndoAction(this, tr("&Undo"));
  undo->setObjectName(QStringLiteral("actionUndo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = m_history->group()->createRedoAction(this, tr("&Redo"));
  redo->setObjectName(QStringLiteral("actionRedo"));
  // Ctrl+Shift+Z everywhere, and the platform's own key (Ctrl+Y on Windows) too.
  QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
  for (const QKeySequence& key : QKeySequence::keyBindings(QKeySequence::Redo))
    if (!redoKeys.contains(key)) redoKeys << key;
  redo->setShortcuts(redoKeys);
  edit->addAction(undo);
  edit->addAction(redo);
  edit->addSeparator();
  connect(makeAction(edit, QStringLiteral("actionResetPage"), tr("Reset &page"), QKeySequence()),
          &QAction::triggered, this, [this] {
            if (Page* p = currentPage()) p->resetParams();  // one undo step, like any change
          });
}

void MainWindow::buildViewMenu() {
  QMenu* view = menuBar()->addMenu(tr("&View"));

  QMenu* pages = view->addMenu(tr("&Pages"));
  int index = 0;
  for (const PageInfo& info : pageRegistry()) {
    ++index;
    const QKeySequence key = index <= 9
                                 ? QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + index))
                                 : QKeySequence();
    QAction* action = makeAction(pages, QStringLiteral("actionPage_") + info.id, info.title, key);
    action->setIcon(QIcon(info.iconPath));
    const QString id = info.id;
    connect(action, &QAction::triggered, this, [this, id] { showPage(id); });
  }

  QMenu* themes = view->addMenu(tr("&Theme"));
  m_themeGroup = new QActionGroup(this);
  m_themeGroup->setExclusive(true);
  const std::pair<Theme, QString> kThemes[] = {
      {Theme::System, tr("&System")}, {Theme::Light, tr("&Light")}, {Theme::Dark, tr("&Dark")}};
  for (const auto& [theme, label] : kThemes) {
    const QString id = themeId(theme);
    QAction* action = themes->addAction(label);
    action->setObjectName(QStringLiteral("actionTheme_") + id);
    action->setCheckable(true);
    action->setData(id);
    m_themeGroup->addAction(action);
    connect(action, &QAction::triggered, this, [this, theme = theme] { setTheme(theme); });
  }

  buildLanguageMenu(view);
  buildDeviceMenu(view);

  view->addSeparator();
  view->addAction(m_navDock->toggleViewAction());
  view->addAction(m_paramDock->toggleViewAction());
  view->addAction(m_articleDock->toggleViewAction());
  connect(makeAction(view, QStringLiteral("actionResetLayout"), tr("&Reset layout"),
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)),
          &QAction::triggered, this, &MainWindow::resetLayout);
}

void MainWindow::openScenarioInteractive(const QString& path) {
  QString error;
  if (!openScenario(path, &error))
    QMessageBox::warning(this, tr("Cannot open scenario"),
                         tr("%1 was not applied; the page keeps its previous state.\n\n%2")
                             .arg(QFileInfo(path).fileName(), error));
}

void MainWindow::openScenarioDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), m_lastDir,
                                                    tr("LatentLab scenarios (*.json)"));
  if (path.isEmpty()) return;
  m_lastDir = QFileInfo(path).absolutePath();
  openScenarioInteractive(path);
}

void MainWindow::saveScenarioDialog() {
  if (!m_current) return;
  QString filter = tr("LatentLab scenarios (*.json)");
  const QString suggested = QDir(m_lastDir).filePath(m_current->id() + QStringLiteral(".json"));
  QString path =
      QFileDialog::getSaveFileName(this, tr("Save scenario"), suggested, filter, &filter);
  if (path.isEmpty()) return;
  path = withSuffix(path, filter, QStringLiteral("json"));
  m_lastDir = QFileInfo(path).absolutePath();
  QString error;
  if (!saveScenario(path, &error)) QMessageBox::warning(this, tr("Cannot save scenario"), error);
}

void MainWindow::exportFigureDialog() {
  if (!m_current) return;
  QString filter = tr("PNG image (*.png)");
  const QString filters = tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)");
  const QString suggested = QDir(m_lastDir).filePath(m_current->id() + QStringLiteral(".png"));
  QString path =
      QFileDialog::getSaveFileName(this, tr("Export figure"), suggested, filters, &filter);
  if (path.isEmpty()) return;
  path = withSuffix(path, filter, QStringLiteral("png"));
  m_lastDir = QFileInfo(path).absolutePath();
  const std::optional<FigureOptions> options = askFigureOptions(this, path, m_figureOptions);
  if (!options) return;
  m_figureOptions = *options;
  try {
    if (!m_current->hasResult()) m_current->computeNow();
    exportFigure(*m_current, path, *options);
    showInfo(tr("Exported %1").arg(QFileInfo(path).fileName()));
  } catch (const std::exception& e) {
    showError(QString::fromUtf8(e.what()).simplified());
    QMessageBox::warning(this, tr("Cannot export figure"), QString::fromUtf8(e.what()));
  }
}

void MainWindow::exportDataDialog() {
  if (!m_current) return;
  QString filter = tr("CSV table (*.csv)");
  const QString filters = tr("CSV table (*.csv);;JSON with scenario (*.json)");
  const QString suggested = QDir(m_lastDir).filePath(m_current->id() + QStringLiteral(".csv"));
  QString path = QFileDialog::getSaveFileName(this, tr("Export data"), suggested, filters, &filter);
  if (path.isEmpty()) return;
  path = withSuffix(path, filter, QStringLiteral("csv"));
  m_lastDir = QFileInfo(path).absolutePath();
  try {
    if (!m_current->hasResult()) m_current->computeNow();
    exportData(*m_current, path);
    showInfo(tr("Exported %1").arg(QFileInfo(path).fileName()));
  } catch (const std::exception& e) {
    showError(QString::fromUtf8(e.what()).simplified());
    QMessageBox::warning(this, tr("Cannot export data"), QString::fromUtf8(e.what()));
  }
}

void MainWindow::exportScreenshotDialog() {
  const QString suggested = QDir(m_lastDir).filePath(QStringLiteral("latentlab-window.png"));
  QString path = QFileDialog::getSaveFileName(this, tr("Export window screenshot"), suggested,
                                              tr("PNG image (*.png)"));
  if (path.isEmpty()) return;
  path = withSuffix(path, QString(), QStringLiteral("png"));
  m_lastDir = QFileInfo(path).absolutePath();
  try {
    exportWidgetPng(this, path);
    showInfo(tr("Exported %1").arg(QFileInfo(path).fileName()));
  } catch (const std::exception& e) {
    showError(QString::fromUtf8(e.what()).simplified());
    QMessageBox::warning(this, tr("Cannot export screenshot"), QString::fromUtf8(e.what()));
  }
}

void MainWindow::showAbout() { QMessageBox::about(this, tr("About LatentLab"), aboutText()); }

}  // namespace latentlab::ui
