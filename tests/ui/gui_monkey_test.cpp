// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// A seeded random user on the offscreen platform: clicks, drags, keys, slider moves, spin-box
// text, page switches and the dialogs buttons open (closed again by a watchdog, as a user who
// cancels). It asserts no crash, an event loop that keeps answering, and no page left computing
// forever. LATENTLAB_MONKEY_SEED and LATENTLAB_MONKEY_ACTIONS replay or lengthen a run; the seed
// is printed so a failure reproduces.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QTabBar>
#include <QTest>
#include <QTimer>
#include <random>

#include "ui/common/page.h"
#include "ui/shell/main_window.h"
#include "ui/shell/page_registry.h"

namespace latentlab::ui {
namespace {

int envInt(const char* name, int fallback) {
  bool ok = false;
  const int v = qEnvironmentVariableIntValue(name, &ok);
  return ok ? v : fallback;
}

// Widgets a user can reach now: visible, enabled, inside the window.
template <class W>
QList<W*> reachable(QWidget* root) {
  QList<W*> out;
  for (W* w : root->findChildren<W*>())
    if (w->isVisible() && w->isEnabled() && w->window() == root) out << w;
  return out;
}

// Buttons whose click would end the session rather than use it.
bool endsTheSession(const QAbstractButton* b) {
  const QString t = b->text().toLower();
  return t.contains(QLatin1String("quit")) || t.contains(QLatin1String("exit"));
}

class Monkey {
 public:
  Monkey(MainWindow& window, unsigned seed) : m_window(window), m_rng(seed) {}

  /// With LATENTLAB_MONKEY_VERBOSE set, each action is printed before it runs.
  void log(const QString& what, const QObject* target = nullptr) {
    if (!m_verbose) return;
    std::printf("  %s %s %s\n", qPrintable(m_window.currentPageId()), qPrintable(what),
                target ? qPrintable(target->metaObject()->className() + QStringLiteral(" ") +
                                    target->objectName() + QStringLiteral(" ") +
                                    target->property("text").toString())
                       : "");
    std::fflush(stdout);
  }

  void act() {
    switch (pick(8)) {
      case 0: {  // navigator: switch page
        const auto& pages = pageRegistry();
        const QString id = pages[pick(static_cast<int>(pages.size()))].id;
        log(QStringLiteral("show ") + id);
        m_window.showPage(id);
        break;
      }
      case 1:
        if (auto* s = any<QAbstractSlider>()) {  // drag a slider or step it with keys
          log(QStringLiteral("slider"), s->parentWidget());
          if (pick(2)) {
            const QPoint a(pick(std::max(1, s->width())), s->height() / 2);
            QTest::mousePress(s, Qt::LeftButton, {}, a);
            QTest::mouseMove(s, QPoint(pick(std::max(1, s->width())), s->height() / 2));
            QTest::mouseRelease(s, Qt::LeftButton, {}, QPoint(pick(std::max(1, s->width())), 1));
          } else {
            QTest::keyClick(s, pick(2) ? Qt::Key_PageUp : Qt::Key_Left);
          }
        }
        break;
      case 2:
        if (auto* b = any<QAbstractSpinBox>()) {  // type into a spin box, sometimes nonsense
          static const char* kTexts[] = {"0", "1", "-1", "1e9", "nan", "", "3.5", "abc", "1e-400"};
          const char* text = kTexts[pick(9)];
          log(QStringLiteral("type '") + QString::fromLatin1(text) + QStringLiteral("' into"),
              b->parentWidget());
          b->setFocus();
          QTest::keyClick(b, Qt::Key_A, Qt::ControlModifier);
          QTest::keyClicks(b, QString::fromLatin1(text));
          QTest::keyClick(b, pick(2) ? Qt::Key_Return : Qt::Key_Up);
        }
        break;
      case 3:
        if (auto* c = any<QComboBox>()) {
          log(QStringLiteral("combo"), c);
          if (c->count() > 0) c->setCurrentIndex(pick(c->count()));
        }
        break;
      case 4:
        if (auto* b = any<QAbstractButton>(); b && !endsTheSession(b))
          QTest::mouseClick(b, Qt::LeftButton);
        break;
      case 5:
        if (auto* t = any<QTabBar>(); t && t->count() > 0) {
          log(QStringLiteral("tab"), t);
          t->setCurrentIndex(pick(t->count()));
        }
        break;
      case 6: {  // click or drag somewhere on the current page's figure
        QWidget* page = m_window.currentPage();
        if (!page || page->width() < 2 || page->height() < 2) break;
        const QPoint a(pick(page->width()), pick(page->height()));
        QWidget* target = page->childAt(a) ? page->childAt(a) : page;
        const QPoint local = target->mapFrom(page, a);
        log(QStringLiteral("drag on"), target);
        QTest::mousePress(target, Qt::LeftButton, {}, local);
        QTest::mouseMove(target, local + QPoint(pick(21) - 10, pick(21) - 10));
        QTest::mouseRelease(target, Qt::LeftButton, {}, local);
        break;
      }
      default: {  // a key on whatever has focus, undo and friends included
        static const int kKeys[] = {Qt::Key_Z,  Qt::Key_Tab,  Qt::Key_Space, Qt::Key_Escape,
                                    Qt::Key_Up, Qt::Key_Down, Qt::Key_Delete};
        QWidget* focus = QApplication::focusWidget() ? QApplication::focusWidget() : &m_window;
        log(QStringLiteral("key on"), focus);
        QTest::keyClick(focus, static_cast<Qt::Key>(kKeys[pick(7)]),
                        pick(3) == 0 ? Qt::ControlModifier : Qt::NoModifier);
      }
    }
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rng); }
  template <class W>
  W* any() {
    const QList<W*> all = reachable<W>(&m_window);
    return all.isEmpty() ? nullptr : all[pick(static_cast<int>(all.size()))];
  }

  MainWindow& m_window;
  std::mt19937 m_rng;
  bool m_verbose = !qEnvironmentVariableIsEmpty("LATENTLAB_MONKEY_VERBOSE");
};

TEST(GuiMonkey, RandomActionsOnEveryPageNeitherCrashNorHang) {
  const unsigned seed = static_cast<unsigned>(envInt("LATENTLAB_MONKEY_SEED", 20261201));
  const int actions = envInt("LATENTLAB_MONKEY_ACTIONS", 2000);
  std::printf("GuiMonkey: seed %u, %d actions (LATENTLAB_MONKEY_SEED=%u to replay)\n", seed,
              actions, seed);
  const QString org = QCoreApplication::organizationName();
  QCoreApplication::setOrganizationName(
      QStringLiteral("LatentLabMonkey-%1").arg(QCoreApplication::applicationPid()));
  QSettings().clear();
  {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    // The user who cancels: any dialog or menu that opens is closed again within 30 ms.
    QTimer watchdog;
    QObject::connect(&watchdog, &QTimer::timeout, [] {
      if (QWidget* popup = QApplication::activePopupWidget()) popup->close();
      if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget()))
        dialog->reject();
      else if (QWidget* modal = QApplication::activeModalWidget())
        modal->close();
    });
    watchdog.start(30);
    Monkey monkey(window, seed);
    qint64 slowest = 0;
    for (int i = 0; i < actions; ++i) {
      monkey.act();
      // The event loop must answer: a zero-timer posted now fires once pending work is done.
      bool answered = false;
      QTimer::singleShot(0, &window, [&answered] { answered = true; });
      QElapsedTimer t;
      t.start();
      while (!answered && t.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
      slowest = std::max(slowest, t.elapsed());
      ASSERT_TRUE(answered) << "the event loop did not answer within 10 s after action " << i
                            << " (seed " << seed << ")";
      ASSERT_TRUE(window.isVisible()) << "the window closed at action " << i;
    }
    std::printf("GuiMonkey: slowest event-loop answer %lld ms\n", static_cast<long long>(slowest));
    // No figure left computing forever: on every page, a reset to the defaults cancels whatever
    // the monkey left running and the page settles on the default result. (The bound is for a
    // job that ignores its cancel flag, not a speed check: the slowest default takes ~30 s.)
    for (const PageInfo& info : pageRegistry()) {
      window.showPage(info.id);
      Page* page = window.currentPage();
      page->resetParams();
      EXPECT_TRUE(page->controller()->waitForIdle(300000))
          << info.id.toStdString() << " still computing (seed " << seed << ")";
      EXPECT_TRUE(page->hasResult()) << info.id.toStdString();
    }
    watchdog.stop();
  }
  QSettings().clear();
  QCoreApplication::setOrganizationName(org);
}

}  // namespace
}  // namespace latentlab::ui
