// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/view_tabs.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QTabBar>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/common/page.h"

namespace latentlab::ui {

ViewTabs::ViewTabs(Page* page, std::string key)
    : QWidget(page), m_page(page), m_key(std::move(key)) {
  auto* rows = new QVBoxLayout(this);
  rows->setContentsMargins(4, 4, 4, 0);
  rows->setSpacing(2);
  m_tabs = new QTabBar(this);
  m_tabs->setExpanding(false);
  m_tabs->setDrawBase(false);
  const std::vector<FieldSpec> fields = page->fields();
  const FieldSpec* spec = findField(fields, m_key);
  if (spec)
    for (std::size_t i = 0; i < spec->choices.size(); ++i)
      m_tabs->addTab(QCoreApplication::translate(
          "fields",
          (i < spec->choiceLabels.size() ? spec->choiceLabels[i] : spec->choices[i]).c_str()));
  rows->addWidget(m_tabs);
  // Inputs and actions on a second row, so every view's tab stays visible.
  m_actions = new QHBoxLayout;
  m_actions->addStretch(1);
  rows->addLayout(m_actions);

  const std::vector<std::string> choices = spec ? spec->choices : std::vector<std::string>{};
  connect(m_tabs, &QTabBar::currentChanged, this, [this, choices](int i) {
    if (i < 0 || i >= static_cast<int>(choices.size())) return;
    try {
      m_page->setParam(m_key, choices[static_cast<std::size_t>(i)]);
    } catch (const ParamError& e) {
      emit m_page->computeFailed(QString::fromStdString(e.what()));
    }
  });
  connect(page, &Page::paramsChanged, this, &ViewTabs::sync);
  sync();
}

void ViewTabs::sync() {
  const std::vector<FieldSpec> fields = m_page->fields();
  const FieldSpec* spec = findField(fields, m_key);
  const ParamSet params = m_page->params();
  const auto it = params.find(m_key);
  if (!spec || it == params.end()) return;
  const auto* value = std::get_if<std::string>(&it->second);
  if (!value) return;
  const auto pos = std::find(spec->choices.begin(), spec->choices.end(), *value);
  const QSignalBlocker block(m_tabs);
  m_tabs->setCurrentIndex(static_cast<int>(pos - spec->choices.begin()));
}

}  // namespace latentlab::ui
