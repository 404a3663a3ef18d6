// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// A laptop's 1280×800 window: every page fits it, its form fits the dock, no panel is cut off.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QScrollArea>
#include <QSettings>

#include "ui/common/page.h"
#include "ui/shell/main_window.h"
#include "ui/shell/page_registry.h"

namespace latentlab::ui {
namespace {

TEST(LaptopWindow, EveryPageFitsWithNoPanelCutAndNoSidewaysScrollBar) {
  // Settings of its own: a remembered window size or dock width must not decide the test.
  const QString org = QCoreApplication::organizationName();
  QCoreApplication::setOrganizationName(
      QStringLiteral("LatentLabLaptopWindowTest-%1").arg(QCoreApplication::applicationPid()));
  QSettings().clear();
  {
    MainWindow window;
    window.show();
    window.resize(1280, 800);
    for (const PageInfo& info : pageRegistry()) {
      SCOPED_TRACE(info.id.toStdString());
      ASSERT_TRUE(window.showPage(info.id));
      Page* page = window.currentPage();
      page->computeNow();
      for (int i = 0; i < 4; ++i) QCoreApplication::processEvents();
      EXPECT_EQ(window.width(), 1280);  // no page asks for a window wider than a laptop's
      // The parameter dock never scrolls sideways: the form fits it.
      auto* controls = qobject_cast<QScrollArea*>(page->controls());
      ASSERT_NE(controls, nullptr);
      EXPECT_LE(controls->widget()->minimumSizeHint().width(), controls->viewport()->width());
      // No panel of the page runs past the window's central area, where it would be cut off.
      QWidget* central = window.centralWidget();
      const QRect area(central->mapTo(&window, QPoint(0, 0)), central->size());
      for (QWidget* w : page->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(page) || w->isWindow()) continue;
        const QRect r(w->mapTo(&window, QPoint(0, 0)), w->size());
        EXPECT_LE(r.right(), area.right() + 1) << w->metaObject()->className();
        EXPECT_LE(r.bottom(), area.bottom() + 1) << w->metaObject()->className();
      }
    }
  }
  QSettings().clear();
  QCoreApplication::setOrganizationName(org);
}

}  // namespace
}  // namespace latentlab::ui
