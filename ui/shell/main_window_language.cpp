// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// View ▸ Language: the menu and the rebuild of the window in another language.
#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <exception>
#include <vector>

#include "ui/common/page.h"
#include "ui/shell/language.h"
#include "ui/shell/main_window.h"

namespace latentlab::ui {

void MainWindow::buildLanguageMenu(QMenu* view) {
  QMenu* menu = view->addMenu(tr("&Language"));
  menu->setObjectName(QStringLiteral("menuLanguage"));
  m_languageGroup = new QActionGroup(this);
  m_languageGroup->setExclusive(true);
  const QString saved = savedLanguage();
  auto add = [&](const QString& code, const QString& label) {
    QAction* action = menu->addAction(label);
    action->setObjectName(QStringLiteral("actionLanguage_") +
                          (code.isEmpty() ? QStringLiteral("system") : code));
    action->setCheckable(true);
    action->setChecked(code == saved);
    action->setData(code);
    m_languageGroup->addAction(action);
    // The window may be replaced: nothing after setLanguage() touches `this`.
    connect(action, &QAction::triggered, this, [this, code] { setLanguage(code); });
  };
  add(QString(), tr("Follow the &system (%1)").arg(languageName(systemLanguage())));
  menu->addSeparator();
  for (const QString& code : languages()) add(code, languageName(code));
}

MainWindow* MainWindow::setLanguage(const QString& code) {
  const QString target = code.isEmpty() ? systemLanguage() : code;
  if (!code.isEmpty() && !languages().contains(code)) return nullptr;
  saveLanguage(code);
  for (QAction* action : m_languageGroup->actions())
    action->setChecked(action->data().toString() == code);
  if (target == currentLanguage()) return nullptr;

  std::vector<latentlab::Scenario> open;
  for (Page* p : m_pages) open.push_back(p->scenario());
  const QString current = currentPageId();
  saveSettings();  // geometry, docks and the current page, which the new window restores
  applyLanguage(target);

  auto* next = new MainWindow;
  next->setAttribute(Qt::WA_DeleteOnClose);
  for (const latentlab::Scenario& scenario : open) {
    try {
      next->page(QString::fromStdString(scenario.page))->applyScenario(scenario);
    } catch (const std::exception&) {  // valid here a moment ago (an input file may have gone)
    }
  }
  next->showPage(current);
  if (isVisible()) next->show();
  hide();
  deleteLater();
  return next;
}

}  // namespace latentlab::ui
