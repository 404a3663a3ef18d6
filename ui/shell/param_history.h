// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Undo and redo of parameter changes, one history per page.
#pragma once

#include <QHash>
#include <QObject>

#include "latentlab/common/params.h"

class QUndoGroup;
class QUndoStack;

namespace latentlab::ui {

class Page;

/// Records every accepted parameter change of the pages it tracks (from the form, a preset, a
/// scenario or Reset) as an undo step on that page's own QUndoStack. Changes of the same
/// parameters less than a second apart merge into one step, so a slider drag undoes at once.
class ParamHistory : public QObject {
  Q_OBJECT
 public:
  explicit ParamHistory(QObject* parent = nullptr);

  /// Starts a history for `page` from its current parameters.
  void track(Page* page);
  /// The page whose history the group's Undo/Redo actions act on.
  void setActive(Page* page);
  QUndoGroup* group() const { return m_group; }
  QUndoStack* stack(Page* page) const { return m_stacks.value(page); }

 private:
  void recordChange(Page* page);

  QUndoGroup* m_group;
  QHash<Page*, QUndoStack*> m_stacks;
  QHash<Page*, latentlab::ParamSet> m_last;  // each page's parameters after its last step
  bool m_applying = false;                   // an undo/redo is setting parameters
};

}  // namespace latentlab::ui
