// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <memory>

#include "latentlab/common/scenario.h"
#include "ui/common/page.h"
#include "ui/shell/dialogs.h"
#include "ui/shell/main_window.h"
#include "ui/shell/page_registry.h"
#include "ui/shell/scenario_io.h"
#include "ui/shell/theme.h"

namespace latentlab::ui {
namespace {

double number(const latentlab::ParamSet& set, const std::string& key) {
  return std::get<double>(set.at(key));
}

// Each test gets its own settings store and the System theme back afterwards. ctest runs tests
// as parallel processes: a store shared by name would be cleared by another test mid-run, so the
// name carries the test's name and the process id.
class MainWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_org = QCoreApplication::organizationName();
    QCoreApplication::setOrganizationName(
        QStringLiteral("LatentLabMainWindowTest-%1-%2")
            .arg(QString::fromUtf8(::testing::UnitTest::GetInstance()->current_test_info()->name()))
            .arg(QCoreApplication::applicationPid()));
    QSettings().clear();
    ASSERT_TRUE(m_dir.isValid());
  }
  void TearDown() override {
    {
      QSettings settings;
      const QString file = settings.fileName();
      settings.clear();
      settings.sync();
      QFile::remove(file);  // the per-test store leaves no file (nor its folder) behind
      QDir().rmdir(QFileInfo(file).absolutePath());
    }
    QCoreApplication::setOrganizationName(m_org);
    applyTheme(Theme::System);
  }
  QString write(const QString& name, const QByteArray& text) {
    const QString path = m_dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return path;
  }

  QTemporaryDir m_dir;
  QString m_org;
};

TEST_F(MainWindowTest, OpensWithTheFirstPageAndItsControlsInTheDock) {
  MainWindow window;
  window.show();
  ASSERT_NE(window.currentPage(), nullptr);
  EXPECT_EQ(window.currentPageId(), pageRegistry().front().id);
  EXPECT_EQ(window.parameterDock()->widget(), window.currentPage()->controls());
  EXPECT_FALSE(window.parameterDock()->objectName().isEmpty());
  EXPECT_FALSE(window.windowIcon().isNull());
}

TEST_F(MainWindowTest, EveryRegisteredPageBuildsAndBecomesCurrent) {
  MainWindow window;
  window.show();
  auto* stack = window.findChild<QStackedWidget*>(QStringLiteral("pageStack"));
  ASSERT_NE(stack, nullptr);
  for (const PageInfo& info : pageRegistry()) {
    ASSERT_TRUE(window.showPage(info.id)) << info.id.toStdString();
    Page* page = window.currentPage();
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(page->id(), info.id);
    EXPECT_EQ(stack->currentWidget(), page);
    EXPECT_EQ(window.parameterDock()->widget(), page->controls());
    EXPECT_TRUE(window.windowTitle().contains(page->title()));
  }
  EXPECT_FALSE(window.showPage(QStringLiteral("no-such-page")));
}

TEST_F(MainWindowTest, SelectingANavigatorItemSwitchesPage) {
  MainWindow window;
  auto* tree = window.findChild<QTreeWidget*>(QStringLiteral("pageNavigator"));
  ASSERT_NE(tree, nullptr);
  int pages = 0;
  for (int a = 0; a < tree->topLevelItemCount(); ++a) {
    QTreeWidgetItem* area = tree->topLevelItem(a);
    for (int i = 0; i < area->childCount(); ++i) {
      QTreeWidgetItem* item = area->child(i);
      tree->setCurrentItem(item);
      EXPECT_EQ(window.currentPageId(), item->data(0, Qt::UserRole).toString());
      ++pages;
    }
  }
  EXPECT_EQ(pages, static_cast<int>(pageRegistry().size()));
}

TEST_F(MainWindowTest, ThemeActionsChangeThePaletteAndPersist) {
  MainWindow window;
  auto* dark = window.findChild<QAction*>(QStringLiteral("actionTheme_dark"));
  auto* light = window.findChild<QAction*>(QStringLiteral("actionTheme_light"));
  ASSERT_NE(dark, nullptr);
  ASSERT_NE(light, nullptr);
  dark->trigger();
  EXPECT_EQ(window.theme(), Theme::Dark);
  EXPECT_TRUE(dark->isChecked());
  EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 100);
  EXPECT_EQ(loadThemeSetting(), Theme::Dark);
  light->trigger();
  EXPECT_FALSE(dark->isChecked());
  EXPECT_GT(QApplication::palette().color(QPalette::Window).lightness(), 200);
  EXPECT_EQ(loadThemeSetting(), Theme::Light);
}

TEST_F(MainWindowTest, StatusBarShowsComputeTimeAndErrors) {
  MainWindow window;
  Page* page = window.currentPage();
  ASSERT_NE(page, nullptr);
  emit page->computeFailed(QStringLiteral("something broke"));
  EXPECT_EQ(window.statusMessage(), QStringLiteral("something broke"));
  emit page->computed(3.2);
  EXPECT_EQ(window.computeTimeText(), QStringLiteral("recomputed in 3.2 ms"));
  EXPECT_TRUE(window.statusMessage().isEmpty());  // a good result clears the error
}

TEST_F(MainWindowTest, BusyPagesShowProgressAndCancel) {
  MainWindow window;
  window.show();
  Page* page = window.currentPage();
  auto* progress = window.findChild<QProgressBar*>(QStringLiteral("busyProgress"));
  auto* cancel = window.findChild<QToolButton*>(QStringLiteral("cancelButton"));
  ASSERT_NE(progress, nullptr);
  ASSERT_NE(cancel, nullptr);
  emit page->busyChanged(true);
  EXPECT_FALSE(progress->isHidden());
  EXPECT_FALSE(cancel->isHidden());
  emit page->progressChanged(0.5);
  EXPECT_EQ(progress->value(), progress->maximum() / 2);
  cancel->click();  // cancels the page's controller; nothing is running, so nothing breaks
  emit page->busyChanged(false);
  EXPECT_TRUE(progress->isHidden());
  EXPECT_TRUE(cancel->isHidden());
}

TEST_F(MainWindowTest, DroppingAScenarioFileOpensIt) {
  MainWindow window;
  window.show();
  const QString path = write(QStringLiteral("drop.json"),
                             R"({"version": 1, "page": "topk", "params": {"k": 1, "tau": 0.5}})");
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(path)});
  QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  enter.setAccepted(false);
  QApplication::sendEvent(&window, &enter);
  EXPECT_TRUE(enter.isAccepted());
  QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&window, &drop);
  EXPECT_EQ(number(window.currentPage()->params(), "k"), 1.0);
  EXPECT_EQ(number(window.currentPage()->params(), "tau"), 0.5);

  QMimeData text;
  text.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("picture.png")))});
  QDragEnterEvent other(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
  other.setAccepted(false);
  QApplication::sendEvent(&window, &other);
  EXPECT_FALSE(other.isAccepted());
}

TEST_F(MainWindowTest, MalformedScenariosKeepThePreviousParamsAndNameTheKey) {
  MainWindow window;
  ASSERT_TRUE(window.showPage(QStringLiteral("topk")));
  Page* page = window.currentPage();
  page->setParams({{"k", 3.0}, {"tau", 0.5}});
  const latentlab::ParamSet before = page->params();

  struct Case {
    QByteArray text;
    QString key;
  };
  const Case cases[] = {
      {"{ this is not json", QStringLiteral("json")},
      {R"({"version": 1, "page": "topk", "params": {"bogus": 1}})", QStringLiteral("bogus")},
      {R"({"version": 1, "page": "topk", "params": {"k": 7}})", QStringLiteral("'k'")},
      {R"({"version": 1, "page": "nope", "params": {}})", QStringLiteral("page")},
      {R"({"version": 99, "page": "topk"})", QStringLiteral("version")},
  };
  for (const Case& c : cases) {
    QString error;
    EXPECT_FALSE(window.openScenario(write(QStringLiteral("bad.json"), c.text), &error))
        << c.text.toStdString();
    EXPECT_TRUE(error.contains(c.key)) << error.toStdString();
    EXPECT_TRUE(window.statusMessage().contains(error)) << window.statusMessage().toStdString();
    EXPECT_EQ(page->params(), before) << c.text.toStdString();
  }
  QString error;
  EXPECT_FALSE(window.openScenario(m_dir.filePath(QStringLiteral("missing.json")), &error));
  EXPECT_FALSE(error.isEmpty());
  EXPECT_EQ(page->params(), before);
}

TEST_F(MainWindowTest, SavedScenariosRoundTrip) {
  MainWindow window;
  ASSERT_TRUE(window.showPage(QStringLiteral("topk")));
  Page* page = window.currentPage();
  page->setParams({{"k", 3.0}, {"tau", 0.25}, {"x", std::vector<double>{5, 1, 4, 2, 3}}});
  page->setSeed(42);
  const latentlab::ParamSet saved = page->params();
  const QString path = m_dir.filePath(QStringLiteral("round.json"));
  QString error;
  ASSERT_TRUE(window.saveScenario(path, &error)) << error.toStdString();

  const latentlab::Scenario onDisk = readScenario(path);
  EXPECT_EQ(onDisk.page, "topk");
  EXPECT_EQ(onDisk.appVersion, LATENTLAB_VERSION);

  page->resetParams();
  EXPECT_NE(page->params(), saved);
  ASSERT_TRUE(window.openScenario(path, &error)) << error.toStdString();
  EXPECT_EQ(window.currentPage(), page);
  EXPECT_EQ(page->params(), saved);
  EXPECT_EQ(page->seed(), 42u);
  EXPECT_EQ(number(page->params(), "k"), 3.0);
}

TEST_F(MainWindowTest, NavigatorNamesAreNeverCutOnALaptopWindow) {
  MainWindow window;
  window.show();
  window.resize(1280, 800);
  QCoreApplication::processEvents();
  auto* nav = window.findChild<QTreeWidget*>(QStringLiteral("pageNavigator"));
  ASSERT_NE(nav, nullptr);
  const int viewport = nav->viewport()->width();
  for (QTreeWidgetItemIterator it(nav); *it; ++it) {
    const QRect rect = nav->visualItemRect(*it);
    const int text = nav->fontMetrics().horizontalAdvance((*it)->text(0));
    // The row, from its left edge, has room for the icon and the whole name.
    EXPECT_GE(viewport - rect.left(), nav->iconSize().width() + text)
        << (*it)->text(0).toStdString();
    if ((*it)->parent()) {  // a page (not an area heading) names itself in its tooltip
      EXPECT_TRUE((*it)->toolTip(0).contains((*it)->text(0)));
    }
  }
}

TEST_F(MainWindowTest, UndoRedoAndResetArePerPage) {
  MainWindow window;
  auto* undo = window.findChild<QAction*>(QStringLiteral("actionUndo"));
  auto* redo = window.findChild<QAction*>(QStringLiteral("actionRedo"));
  auto* reset = window.findChild<QAction*>(QStringLiteral("actionResetPage"));
  ASSERT_TRUE(undo && redo && reset);
  EXPECT_EQ(undo->shortcut(), QKeySequence(QKeySequence::Undo));
  EXPECT_TRUE(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));

  ASSERT_TRUE(window.showPage(QStringLiteral("topk")));
  Page* topk = window.currentPage();
  const double k0 = number(topk->params(), "k");
  EXPECT_FALSE(undo->isEnabled());
  // A drag: many values of one parameter in quick succession are one step.
  for (double tau : {0.9, 0.8, 0.7, 0.6}) topk->setParam("tau", tau);
  topk->setParam("k", k0 + 1);
  ASSERT_TRUE(window.showPage(QStringLiteral("attention_rank")));
  Page* rank = window.currentPage();
  const double tau0 = number(rank->params(), "tau");
  rank->setParam("tau", tau0 / 2);
  EXPECT_EQ(undo->text(), QStringLiteral("&Undo change τ (inverse temperature)"));
  // Undo acts on the current page only.
  undo->trigger();
  EXPECT_EQ(number(rank->params(), "tau"), tau0);
  EXPECT_EQ(number(topk->params(), "k"), k0 + 1);
  EXPECT_FALSE(undo->isEnabled());
  redo->trigger();
  EXPECT_EQ(number(rank->params(), "tau"), tau0 / 2);

  ASSERT_TRUE(window.showPage(QStringLiteral("topk")));
  undo->trigger();  // the k step
  EXPECT_EQ(number(topk->params(), "k"), k0);
  EXPECT_EQ(number(topk->params(), "tau"), 0.6);
  undo->trigger();  // the whole drag at once
  EXPECT_EQ(number(topk->params(), "tau"), 1.0);
  EXPECT_FALSE(undo->isEnabled());
  redo->trigger();
  EXPECT_EQ(number(topk->params(), "tau"), 0.6);

  // Reset page is one undoable step back to the defaults.
  reset->trigger();
  EXPECT_EQ(number(topk->params(), "tau"), 1.0);
  undo->trigger();
  EXPECT_EQ(number(topk->params(), "tau"), 0.6);
}

TEST_F(MainWindowTest, BundledPresetsOpen) {
  const QStringList presets = presetPaths();
  ASSERT_GE(presets.size(), 4);
  MainWindow window;
  for (const QString& path : presets) {
    QString error;
    EXPECT_TRUE(window.openScenario(path, &error))
        << path.toStdString() << ": " << error.toStdString();
    EXPECT_FALSE(presetTitle(path).isEmpty());
  }
  auto* menu = window.findChild<QMenu*>(QStringLiteral("presetMenu"));
  ASSERT_NE(menu, nullptr);
  // Grouped per page: every top-level entry is a page's submenu, and together they hold every
  // preset once; test fixtures (tests/fixtures/scenarios) are not among them.
  qsizetype entries = 0;
  for (QAction* top : menu->actions()) {
    ASSERT_NE(top->menu(), nullptr) << top->text().toStdString();
    for (QAction* action : top->menu()->actions()) {
      ++entries;
      EXPECT_TRUE(presets.contains(action->data().toString()));
      EXPECT_FALSE(action->text().isEmpty());
      EXPECT_NE(action->text(), QStringLiteral("ci")) << action->data().toString().toStdString();
    }
  }
  EXPECT_EQ(entries, presets.size());
  EXPECT_EQ(menu->actions().size(), static_cast<qsizetype>(pageRegistry().size()));
  for (const QString& path : presets) EXPECT_FALSE(path.endsWith(QStringLiteral("-ci.json")));
}

TEST_F(MainWindowTest, GeometryDocksAndLastPagePersist) {
  const QString lastId = pageRegistry().back().id;
  QSize size;
  {
    MainWindow window;
    window.show();
    // Inside the offscreen platform's 800×600 screen: restoreGeometry() clamps to the screen.
    window.resize(760, 560);
    size = window.size();
    window.parameterDock()->hide();
    ASSERT_TRUE(window.showPage(lastId));
    window.close();  // saves on close
  }
  EXPECT_EQ(QSettings().value(QStringLiteral("window/lastPage")).toString(), lastId);
  MainWindow restored;
  EXPECT_EQ(restored.size(), size);
  EXPECT_EQ(restored.currentPageId(), lastId);
  restored.show();
  EXPECT_FALSE(restored.parameterDock()->isVisible());
  restored.resetLayout();
  EXPECT_TRUE(restored.parameterDock()->isVisible());
}

TEST_F(MainWindowTest, ShortcutsAreSetOnEveryAction) {
  MainWindow window;
  for (const char* name :
       {"actionOpenScenario", "actionSaveScenario", "actionExportFigure", "actionExportData",
        "actionScreenshot", "actionQuit", "actionResetLayout", "actionAbout"}) {
    auto* action = window.findChild<QAction*>(QString::fromLatin1(name));
    ASSERT_NE(action, nullptr) << name;
    EXPECT_FALSE(action->shortcut().isEmpty()) << name;
  }
  EXPECT_TRUE(aboutText().contains(QString::fromLatin1(qVersion())));
  EXPECT_TRUE(aboutText().contains(QStringLiteral(LATENTLAB_VERSION)));
}

}  // namespace
}  // namespace latentlab::ui

namespace latentlab::ui {
namespace {

TEST(MainWindowPresets, EachPageHasItsPresetsNextToItsViews) {
  MainWindow window;
  ASSERT_TRUE(window.showPage(QStringLiteral("quant_grid")));
  auto* button = window.currentPage()->findChild<QToolButton*>(QStringLiteral("pagePresets"));
  ASSERT_NE(button, nullptr);
  auto* fileSub = window.findChild<QMenu*>(QStringLiteral("presetMenu_quant_grid"));
  ASSERT_NE(fileSub, nullptr);
  // The same entries as File ▸ Presets ▸ FSQ vs VQ grid, and only this page's.
  EXPECT_EQ(button->menu(), fileSub);
  EXPECT_FALSE(fileSub->actions().isEmpty());
  for (QAction* a : fileSub->actions())
    EXPECT_TRUE(QFileInfo(a->data().toString()).fileName().startsWith("quant_grid-"));
}

}  // namespace
}  // namespace latentlab::ui
