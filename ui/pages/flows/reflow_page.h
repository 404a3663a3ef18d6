// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QPointF>
#include <optional>

#include "latentlab/flows/reflow_lab.h"
#include "ui/common/page.h"

class QHBoxLayout;

namespace latentlab::ui {

/// ReFlow (spec flows.md §2, §5.2): exact velocity for mixture and point-set targets, Euler /
/// Heun / RK4 trajectories over ρ_t with velocity arrows, crossing random pairs, and reflow
/// rounds with an RFF ridge velocity (1-RF vs 2-RF, quality vs NFE, straightness per round).
class ReflowPage : public Page {
  Q_OBJECT
 public:
  explicit ReflowPage(QWidget* parent = nullptr);
  ~ReflowPage() override;

  QString id() const override { return QStringLiteral("reflow"); }
  QString title() const override { return tr("ReFlow"); }
  std::vector<latentlab::FieldSpec> fields() const override;
  QList<DataTable> exportData() const override;

  const std::optional<flows::ReflowLabResult>& result() const { return m_result; }
  /// Adds a drawn target point (switches the target to "drawn"); the first click after another
  /// target replaces the default drawn points.
  void addDrawnPoint(QPointF point);
  void clearDrawnPoints();

 protected:
  RecomputeController::Job makeJob() const override;
  void validateParams(const latentlab::ParamSet& merged) const override;
  void applyResult(const std::any& result) override;
  QWidget* createFigure(QWidget* parent) const override;
  void fillFigure(QWidget* figure) const override;
  std::vector<std::pair<QString, std::string>> sections() const override;
  void paramsUpdated() override;
  bool isCheap(const std::string& key) const override;

 private:
  flows::ReflowLabParams labParams() const;
  void buildToolbar(QHBoxLayout* row);

  std::optional<flows::ReflowLabResult> m_result;
};

}  // namespace latentlab::ui
