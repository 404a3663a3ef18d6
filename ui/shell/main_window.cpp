// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/shell/main_window.h"

#include <QScrollArea>
#include <QStyle>

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QResizeEvent>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include "ui/common/article_panel.h"
#include "ui/common/page.h"
#include "ui/common/recompute_controller.h"
#include "ui/common/view_tabs.h"
#include "ui/shell/page_registry.h"
#include "ui/shell/param_history.h"
#include "ui/shell/scenario_io.h"

namespace latentlab::ui {
namespace {

constexpr auto kGeometryKey = "window/geometry";
constexpr auto kStateKey = "window/state";
constexpr auto kLastPageKey = "window/lastPage";
// Dock layouts saved before the Article dock existed (version 0) are not restored: the default
// puts the Article tab behind the parameters.
constexpr int kStateVersion = 1;
constexpr int kIdRole = Qt::UserRole;

bool isScenarioUrl(const QUrl& url) {
  return url.isLocalFile() &&
         url.toLocalFile().endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  initResources();
  setObjectName(QStringLiteral("mainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
  setAcceptDrops(true);
  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

  m_history = new ParamHistory(this);
  m_stack = new QStackedWidget(this);
  m_stack->setObjectName(QStringLiteral("pageStack"));
  setCentralWidget(m_stack);

  buildNavigator();
  m_paramDock = new QDockWidget(tr("Parameters"), this);
  m_paramDock->setObjectName(QStringLiteral("parameterDock"));
  m_paramDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
  addDockWidget(Qt::RightDockWidgetArea, m_paramDock);
  // The article each page illustrates, tabbed with the parameters (View menu shows or hides it).
  m_articleDock = new QDockWidget(tr("Article"), this);
  m_articleDock->setObjectName(QStringLiteral("articleDock"));
  m_articleDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
  m_article = new ArticlePanel;
  auto* articleScroll = new QScrollArea;
  articleScroll->setWidgetResizable(true);
  articleScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  articleScroll->setWidget(m_article);
  m_articleDock->setWidget(articleScroll);
  addDockWidget(Qt::RightDockWidgetArea, m_articleDock);
  tabifyDockWidget(m_paramDock, m_articleDock);
  m_paramDock->raise();
  connect(m_article, &ArticlePanel::stepRequested, this,
          [this](const QString& path) { openScenario(path); });

  buildStatusBar();
  buildMenus();
  resize(1400, 900);
  resizeDocks({m_navDock, m_paramDock}, {200, 360}, Qt::Horizontal);
  // Taken before restoring settings: "Reset layout" returns here.
  m_defaultState = saveState(kStateVersion);

  m_theme = loadThemeSetting();
  applyTheme(m_theme);
  for (QAction* action : m_themeGroup->actions())
    action->setChecked(action->data().toString() == themeId(m_theme));
  restoreSettings();
}

MainWindow::~MainWindow() {
  // Pages go first, while the controls they lent are still in the dock, so a page that deletes
  // its own controls and one that leaves them to Qt's parent both end cleanly.
  m_paramDock->setWidget(nullptr);
  const auto pages = m_pages.values();
  m_pages.clear();
  m_current = nullptr;
  for (Page* page : pages) delete page;
}

void MainWindow::buildNavigator() {
  m_navigator = new QTreeWidget(this);
  m_navigator->setObjectName(QStringLiteral("pageNavigator"));
  m_navigator->setHeaderHidden(true);
  m_navigator->setRootIsDecorated(false);
  m_navigator->setIconSize(QSize(20, 20));
  m_navigator->setUniformRowHeights(true);

  QHash<QString, QTreeWidgetItem*> areas;
  for (const PageInfo& info : pageRegistry()) {
    QTreeWidgetItem*& area = areas[info.area];
    if (!area) {
      area = new QTreeWidgetItem(m_navigator, {info.area});
      area->setFlags(Qt::ItemIsEnabled);  // a heading, not a page
      area->setIcon(0, QIcon(info.iconPath));
      QFont font = area->font(0);
      font.setBold(true);
      area->setFont(0, font);
    }
    auto* item = new QTreeWidgetItem(area, {info.title});
    item->setIcon(0, QIcon(info.iconPath));
    item->setData(0, kIdRole, info.id);
    item->setToolTip(0, QStringLiteral("%1 (%2)").arg(info.title, info.id));
  }
  m_navigator->expandAll();
  m_navigator->setItemsExpandable(false);
  // Page names never elide: on a laptop window (1280×800) the dock would otherwise shrink to
  // "Smooth…", "Attenti…". The widest name sets the navigator's minimum width.
  int widest = 0;
  for (QTreeWidgetItemIterator it(m_navigator); *it; ++it) {
    const int depth = (*it)->parent() ? 1 : 0;
    widest = std::max(widest, depth * m_navigator->indentation() + m_navigator->iconSize().width() +
                                  QFontMetrics((*it)->font(0)).horizontalAdvance((*it)->text(0)));
  }
  const int padding = 16;  // the item's icon–text gap and margins in common styles
  m_navigator->setMinimumWidth(widest + padding + 2 * m_navigator->frameWidth() +
                               style()->pixelMetric(QStyle::PM_ScrollBarExtent));
  connect(m_navigator, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
    if (item && !item->data(0, kIdRole).toString().isEmpty())
      showPage(item->data(0, kIdRole).toString());
  });

  m_navDock = new QDockWidget(tr("Pages"), this);
  m_navDock->setObjectName(QStringLiteral("navigatorDock"));
  m_navDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
  m_navDock->setWidget(m_navigator);
  addDockWidget(Qt::LeftDockWidgetArea, m_navDock);
}

void MainWindow::buildStatusBar() {
  m_message = new QLabel(this);
  m_message->setObjectName(QStringLiteral("statusMessage"));
  m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
  statusBar()->addWidget(m_message, 1);

  m_progress = new QProgressBar(this);
  m_progress->setObjectName(QStringLiteral("busyProgress"));
  m_progress->setMaximumWidth(160);
  m_progress->setTextVisible(false);
  m_progress->hide();
  statusBar()->addPermanentWidget(m_progress);

  m_cancel = new QToolButton(this);
  m_cancel->setObjectName(QStringLiteral("cancelButton"));
  m_cancel->setText(tr("Cancel"));
  m_cancel->setToolTip(tr("Stop the running computation"));
  m_cancel->hide();
  connect(m_cancel, &QToolButton::clicked, this, [this] {
    if (m_current) m_current->controller()->cancel();
  });
  statusBar()->addPermanentWidget(m_cancel);

  m_timeLabel = new QLabel(this);
  m_timeLabel->setObjectName(QStringLiteral("computeTime"));
  statusBar()->addPermanentWidget(m_timeLabel);

  m_deviceLabel = new QLabel(this);
  m_deviceLabel->setObjectName(QStringLiteral("computeDevice"));
  statusBar()->addPermanentWidget(m_deviceLabel);
}

Page* MainWindow::page(const QString& id) {
  if (Page* existing = m_pages.value(id)) return existing;
  const PageInfo* info = findPage(id);
  if (!info) return nullptr;
  Page* created = info->factory();
  m_stack->addWidget(created);
  created->setActive(false);  // showPage() activates it
  m_pages.insert(id, created);
  connectPage(created);
  m_history->track(created);
  return created;
}

void MainWindow::connectPage(Page* p) {
  connect(p, &Page::computed, this, [this, p](double elapsedMs) {
    const QString text = tr("recomputed in %1 ms").arg(elapsedMs, 0, 'f', elapsedMs < 10 ? 1 : 0);
    m_lastTime.insert(p, text);
    if (p != m_current) return;
    m_timeLabel->setText(text);
    if (m_message->property("error").toBool()) showInfo(QString());
    showDevice();
  });
  connect(p, &Page::computeFailed, this, [this, p](const QString& message) {
    if (p == m_current) showError(message);
  });
  connect(p, &Page::busyChanged, this, [this, p](bool busy) {
    if (p == m_current) setBusyIndicator(busy);
  });
  connect(p, &Page::progressChanged, this, [this, p](double fraction) {
    if (p != m_current) return;
    m_progress->setRange(0, 1000);
    m_progress->setValue(qBound(0, qRound(fraction * 1000), 1000));
  });
}

// Widens the parameter dock when a page's form needs more room than it has (never past 40% of the
// window), so no field is cut off behind a horizontal scroll bar. A wider dock is kept.
void MainWindow::fitParameterDock(QWidget* controls) {
  auto* area = qobject_cast<QScrollArea*>(controls);
  if (!area || !area->widget()) return;
  const int chrome = style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 12;
  // Never narrower than the form's minimum (the dock has no sideways scroll bar), as wide as
  // its preferred size when the window has room: up to 2/5 of it.
  const int least = area->widget()->minimumSizeHint().width() + chrome;
  area->setMinimumWidth(least);
  const int target =
      std::max(least, std::min(area->widget()->sizeHint().width() + chrome, width() * 2 / 5));
  if (m_paramDock->width() < target) resizeDocks({m_paramDock}, {target}, Qt::Horizontal);
}

void MainWindow::addPagePresetsButton(Page* page) {
  // The page's own presets, one click from its views: the File ▸ Presets submenu, shared.
  auto* tabs = page->findChild<ViewTabs*>();
  if (!tabs || tabs->findChild<QToolButton*>(QStringLiteral("pagePresets"))) return;
  QMenu* menu = m_presetMenu->findChild<QMenu*>(QStringLiteral("presetMenu_") + page->id());
  if (!menu) return;
  auto* button = new QToolButton(tabs);
  button->setObjectName(QStringLiteral("pagePresets"));
  button->setText(tr("Presets"));
  button->setToolTip(tr("Scenarios saved for this page (also under File ▸ Presets)"));
  button->setPopupMode(QToolButton::InstantPopup);
  button->setMenu(menu);
  tabs->actions()->addWidget(button);
}

bool MainWindow::showPage(const QString& id) {
  Page* next = page(id);
  if (!next) return false;
  if (next != m_current) {
    if (m_current) m_current->setActive(false);
    m_current = next;
    m_history->setActive(next);
    m_stack->setCurrentWidget(next);
    m_paramDock->setWidget(next->controls());
    addPagePresetsButton(next);
    fitParameterDock(next->controls());
    // Only "Parameters": the dock shares a tab bar with "Article", where a page name elided both
    // tabs at 1280 × 800 ("Parameters: ReFlow → WGA…", "Ar…"); the window title names the page.
    m_article->setPage(next);
    setWindowTitle(tr("%1 — LatentLab").arg(next->title()));
    m_timeLabel->setText(m_lastTime.value(next));
    showInfo(QString());
    showDevice();
    next->setActive(true);
    setBusyIndicator(next->controller()->isBusy());
  }
  selectNavigatorItem(id);
  return true;
}

Page* MainWindow::currentPage() const { return m_current; }

QString MainWindow::currentPageId() const { return m_current ? m_current->id() : QString(); }

void MainWindow::selectNavigatorItem(const QString& id) {
  for (int a = 0; a < m_navigator->topLevelItemCount(); ++a) {
    QTreeWidgetItem* area = m_navigator->topLevelItem(a);
    for (int i = 0; i < area->childCount(); ++i) {
      QTreeWidgetItem* item = area->child(i);
      if (item->data(0, kIdRole).toString() == id && m_navigator->currentItem() != item) {
        const QSignalBlocker block(m_navigator);
        m_navigator->setCurrentItem(item);
      }
    }
  }
}

void MainWindow::setBusyIndicator(bool busy) {
  if (busy && !m_progress->isVisible()) m_progress->setRange(0, 0);  // indeterminate until told
  m_progress->setVisible(busy);
  m_cancel->setVisible(busy);
}

void MainWindow::showError(const QString& message) {
  m_message->setProperty("error", true);
  m_message->setStyleSheet(QStringLiteral("color: #d32f2f; font-weight: bold;"));
  m_message->setText(message);
  m_message->setToolTip(message);
}

void MainWindow::showInfo(const QString& message) {
  m_message->setProperty("error", false);
  m_message->setStyleSheet(QString());
  m_message->setText(message);
  m_message->setToolTip(message);
}

QString MainWindow::statusMessage() const { return m_message->text(); }

QString MainWindow::computeTimeText() const { return m_timeLabel->text(); }

bool MainWindow::openScenario(const QString& path, QString* error) {
  const QString name = QFileInfo(path).fileName();
  QString message;
  try {
    const latentlab::Scenario scenario = readScenario(path);
    const QString id = QString::fromStdString(scenario.page);
    page(id)->applyScenario(scenario);  // all or nothing
    showPage(id);
    showInfo(tr("Opened %1").arg(name));
    return true;
  } catch (const latentlab::ParamError& e) {
    message = describeParamError(e);
  } catch (const std::exception& e) {
    message = QString::fromUtf8(e.what()).simplified();
  }
  showError(tr("%1: %2").arg(name, message));
  if (error) *error = message;
  return false;
}

bool MainWindow::saveScenario(const QString& path, QString* error) {
  QString message = tr("no page is open");
  if (m_current) {
    try {
      writeScenario(*m_current, path);
      showInfo(tr("Saved %1").arg(QFileInfo(path).fileName()));
      return true;
    } catch (const latentlab::ParamError& e) {
      message = describeParamError(e);
    } catch (const std::exception& e) {
      message = QString::fromUtf8(e.what()).simplified();
    }
  }
  showError(message);
  if (error) *error = message;
  return false;
}

void MainWindow::setTheme(Theme theme) {
  m_theme = theme;
  applyTheme(theme);
  saveThemeSetting(theme);
  for (QAction* action : m_themeGroup->actions())
    action->setChecked(action->data().toString() == themeId(theme));
}

void MainWindow::resetLayout() {
  restoreState(m_defaultState, kStateVersion);
  m_navDock->show();
  m_paramDock->show();
}

void MainWindow::saveSettings() const {
  QSettings settings;
  settings.setValue(kGeometryKey, saveGeometry());
  settings.setValue(kStateKey, saveState(kStateVersion));
  settings.setValue(kLastPageKey, currentPageId());
}

void MainWindow::restoreSettings() {
  QSettings settings;
  restoreGeometry(settings.value(kGeometryKey).toByteArray());
  restoreState(settings.value(kStateKey).toByteArray(), kStateVersion);
  const QString last = settings.value(kLastPageKey).toString();
  if (findPage(last))
    showPage(last);
  else if (!pageRegistry().empty())
    showPage(pageRegistry().front().id);
}

void MainWindow::resizeEvent(QResizeEvent* event) {
  QMainWindow::resizeEvent(event);
  // A window made larger (a laptop's window maximised, --size) gives the form its room back.
  if (m_current && event->size().width() > event->oldSize().width())
    fitParameterDock(m_current->controls());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  saveSettings();
  QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const QMimeData* mime = event->mimeData();
  if (mime->hasUrls() && !mime->urls().isEmpty() && isScenarioUrl(mime->urls().front()))
    event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (urls.isEmpty() || !isScenarioUrl(urls.front())) return;
  event->acceptProposedAction();
  openScenarioInteractive(urls.front().toLocalFile());
}

}  // namespace latentlab::ui
