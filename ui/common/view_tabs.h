// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QWidget>
#include <functional>
#include <string>

class QHBoxLayout;
class QTabBar;

namespace latentlab::ui {

class Page;

/// The strip above a page's figure: one tab per choice of the page's Choice field `key` (the
/// view), kept in sync with the params both ways, and a second, right-aligned row for the page's
/// own buttons and combos (actions()). Build it with Page::installViewTabs().
class ViewTabs : public QWidget {
  Q_OBJECT
 public:
  ViewTabs(Page* page, std::string key);

  QHBoxLayout* actions() const { return m_actions; }
  QTabBar* tabBar() const { return m_tabs; }
  /// Selects the tab of the page's current value (signals blocked: no echo).
  void sync();

 private:
  Page* m_page;
  std::string m_key;
  QTabBar* m_tabs;
  QHBoxLayout* m_actions;
};

}  // namespace latentlab::ui
