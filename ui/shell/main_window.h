// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMainWindow>
#include <QString>

#include "ui/common/figure_export.h"
#include "ui/shell/theme.h"

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QStackedWidget;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace latentlab::ui {

class ArticlePanel;
class Page;
class ParamHistory;

/// The application window. It knows no topic: pages come from pageRegistry(), are created on first
/// show, stay alive when hidden (paused through Page::setActive) and lend their controls() to the
/// parameter dock while current.
///
/// The public functions below never open dialogs, so tests drive them directly; the menu actions
/// wrap them with file pickers and message boxes.
class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Makes page `id` current (creating it on first use). False for an unknown id.
  bool showPage(const QString& id);
  /// The page with `id`, created if needed; nullptr for an unknown id.
  Page* page(const QString& id);
  Page* currentPage() const;
  QString currentPageId() const;
  QDockWidget* parameterDock() const { return m_paramDock; }
  /// The Article panel's dock (tabbed with the parameters) and its panel.
  QDockWidget* articleDock() const { return m_articleDock; }
  ArticlePanel* articlePanel() const { return m_article; }

  /// Reads a scenario, switches to its page and applies it. On any error the page keeps its
  /// previous state, the status bar shows the message in red and `error` receives it (naming the
  /// key, e.g. "k must be between 0 and n = 4, got 7 (key 'k')").
  bool openScenario(const QString& path, QString* error = nullptr);
  /// Saves the current page's scenario (with the app version).
  bool saveScenario(const QString& path, QString* error = nullptr);

  void setTheme(Theme theme);  // applies and persists; checks the matching View action

  /// View ▸ Language: applies `code` ("en", "zh_CN"; empty follows the system again) and
  /// remembers it. Every widget's text is set when it is built, so the window is rebuilt: a new
  /// MainWindow in that language takes over each open page's scenario, the current page, the
  /// geometry and the docks, and this window hides and deletes itself later (it must have been
  /// made with new). Returns the new window, or nullptr when the language stays the same or
  /// `code` is unknown. The undo history starts afresh.
  MainWindow* setLanguage(const QString& code);
  Theme theme() const { return m_theme; }
  /// Docks back to their default places, both visible.
  void resetLayout();

  /// Geometry, dock state and the current page into QSettings (also done on close).
  void saveSettings() const;

  /// The red (error) or plain text on the status bar's left side, for tests.
  QString statusMessage() const;
  /// "recomputed in 3.2 ms" for the current page, for tests.
  QString computeTimeText() const;

 protected:
  void closeEvent(QCloseEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void addPagePresetsButton(Page* page);
  void buildNavigator();
  void buildStatusBar();
  void buildMenus();
  void buildFileMenu();
  void buildEditMenu();
  void buildViewMenu();
  void buildLanguageMenu(QMenu* view);
  void buildDeviceMenu(QMenu* view);
  /// The status bar's device label, and a note when the current page fell back to the CPU.
  void showDevice();
  void restoreSettings();
  void connectPage(Page* page);
  void showError(const QString& message);
  void showInfo(const QString& message);
  void setBusyIndicator(bool busy);
  void selectNavigatorItem(const QString& id);
  void fitParameterDock(QWidget* controls);

  // Menu actions: dialogs live only here.
  void openScenarioDialog();
  void openScenarioInteractive(const QString& path);
  void saveScenarioDialog();
  void exportFigureDialog();
  void exportDataDialog();
  void exportScreenshotDialog();
  void showAbout();

  QTreeWidget* m_navigator = nullptr;
  QDockWidget* m_navDock = nullptr;
  QDockWidget* m_paramDock = nullptr;
  QDockWidget* m_articleDock = nullptr;
  ArticlePanel* m_article = nullptr;
  QStackedWidget* m_stack = nullptr;
  QHash<QString, Page*> m_pages;
  ParamHistory* m_history = nullptr;  // undo/redo of each page's parameters
  Page* m_current = nullptr;
  QHash<Page*, QString> m_lastTime;  // per page, so switching pages shows that page's time

  QLabel* m_message = nullptr;
  QLabel* m_timeLabel = nullptr;
  QLabel* m_deviceLabel = nullptr;
  QProgressBar* m_progress = nullptr;
  QToolButton* m_cancel = nullptr;

  QActionGroup* m_themeGroup = nullptr;
  QActionGroup* m_languageGroup = nullptr;
  QActionGroup* m_deviceGroup = nullptr;
  QMenu* m_presetMenu = nullptr;
  Theme m_theme = Theme::System;
  QByteArray m_defaultState;
  FigureOptions m_figureOptions;  // the export dialog starts from the last choice
  QString m_lastDir;
};

}  // namespace latentlab::ui
