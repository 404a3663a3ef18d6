// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/shell/param_history.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUndoGroup>
#include <QUndoStack>
#include <set>
#include <string>

#include "latentlab/common/errors.h"
#include "ui/common/page.h"

namespace latentlab::ui {
namespace {

constexpr qint64 kMergeMs = 1000;

std::set<std::string> changedKeys(const latentlab::ParamSet& a, const latentlab::ParamSet& b) {
  std::set<std::string> keys;
  for (const auto& [k, v] : a)
    if (auto it = b.find(k); it == b.end() || !(it->second == v)) keys.insert(k);
  for (const auto& [k, v] : b)
    if (!a.count(k)) keys.insert(k);
  return keys;
}

class ParamChange : public QUndoCommand {
 public:
  ParamChange(Page* page, latentlab::ParamSet before, latentlab::ParamSet after, bool* applying)
      : m_page(page),
        m_before(std::move(before)),
        m_after(std::move(after)),
        m_keys(changedKeys(m_before, m_after)),
        m_applying(applying),
        m_time(QDateTime::currentMSecsSinceEpoch()) {
    // The form's labels ("τ (temperature)"), translated as the form translates them.
    QStringList names;
    for (const auto& k : m_keys) {
      QString name = QString::fromStdString(k);
      for (const auto& f : page->fields())
        if (f.key == k) name = QCoreApplication::translate("fields", f.label.c_str());
      names << name;
    }
    setText(QCoreApplication::translate("ParamHistory", "change %1").arg(names.join(", ")));
  }

  int id() const override { return 1; }
  bool mergeWith(const QUndoCommand* other) override {
    const auto* next = static_cast<const ParamChange*>(other);
    if (m_sealed || next->m_page != m_page || next->m_keys != m_keys ||
        next->m_time - m_time > kMergeMs)
      return false;
    m_after = next->m_after;
    m_time = next->m_time;
    setObsolete(changedKeys(m_before, m_after).empty());  // dragged back to where it started
    return true;
  }
  void undo() override {
    m_sealed = true;  // a step that was undone or redone is whole: later changes start a new one
    apply(m_before);
  }
  void redo() override {
    if (m_first) {  // pushed after the change happened
      m_first = false;
      return;
    }
    m_sealed = true;
    apply(m_after);
  }

 private:
  void apply(const latentlab::ParamSet& target) {
    latentlab::ParamSet changes;
    for (const auto& k : changedKeys(m_page->params(), target))
      if (auto it = target.find(k); it != target.end()) changes[k] = it->second;
    if (changes.empty()) return;
    *m_applying = true;
    try {
      m_page->setParams(changes);
    } catch (const latentlab::ParamError&) {
      // A step that no longer fits the page's inputs (another file opened since) is skipped.
    }
    *m_applying = false;
  }

  Page* m_page;
  latentlab::ParamSet m_before, m_after;
  std::set<std::string> m_keys;
  bool* m_applying;
  qint64 m_time;
  bool m_first = true;
  bool m_sealed = false;
};

}  // namespace

ParamHistory::ParamHistory(QObject* parent) : QObject(parent), m_group(new QUndoGroup(this)) {}

void ParamHistory::track(Page* page) {
  if (m_stacks.contains(page)) return;
  auto* stack = new QUndoStack(m_group);
  m_stacks.insert(page, stack);
  m_last.insert(page, page->params());
  connect(page, &Page::paramsChanged, this, [this, page] { recordChange(page); });
  connect(page, &QObject::destroyed, this, [this, page] {
    delete m_stacks.take(page);
    m_last.remove(page);
  });
}

void ParamHistory::setActive(Page* page) { m_group->setActiveStack(m_stacks.value(page)); }

void ParamHistory::recordChange(Page* page) {
  latentlab::ParamSet now = page->params();
  latentlab::ParamSet before = std::exchange(m_last[page], now);
  if (m_applying || changedKeys(before, now).empty()) return;
  if (QUndoStack* stack = m_stacks.value(page))
    stack->push(new ParamChange(page, std::move(before), std::move(now), &m_applying));
}

}  // namespace latentlab::ui
