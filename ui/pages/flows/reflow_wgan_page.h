// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QPointF>
#include <memory>
#include <vector>

#include "latentlab/flows/wgan_lab.h"
#include "ui/common/page.h"

class QLabel;
class QPushButton;
class QRadioButton;
class QHBoxLayout;
class QTimer;

namespace latentlab::ui {

/// ReFlow → WGAN-GP (kexue.fm/archives/9668): particles moved along ∇D of a critic trained with the
/// 0-centred gradient penalty, its variants, and charts over rounds. The job computes every round
/// up to `rounds`; the "round" parameter (step / play / reset) scrubs the cached rounds without
/// recomputing.
class ReflowWganPage : public Page {
  Q_OBJECT
 public:
  explicit ReflowWganPage(QWidget* parent = nullptr);
  ~ReflowWganPage() override;

  QString id() const override { return QStringLiteral("reflow_wgan"); }
  QString title() const override { return tr("ReFlow → WGAN-GP"); }
  std::vector<latentlab::FieldSpec> fields() const override;
  QString source() const override;
  QList<DataTable> exportData() const override;
  QList<DataValue> exportValues() const override;

  /// The last applied result (null before the first compute).
  std::shared_ptr<const flows::WganLabResult> result() const { return m_result; }
  /// Step the shown round by `delta` (clamped to 0..rounds).
  void stepRound(int delta);
  void setPlaying(bool playing);
  bool isPlaying() const;
  /// Appends drawn target points (data coordinates, from a canvas stroke) and selects the drawn
  /// target; starts a fresh set when another target was selected.
  void addDrawnPoints(const std::vector<QPointF>& points);
  /// Empties the drawn points; a drawn target falls back to the 8 Gaussians until the next stroke.
  void clearDrawnPoints();

 protected:
  void validateParams(const latentlab::ParamSet& merged) const override;
  RecomputeController::Job makeJob() const override;
  void applyResult(const std::any& result) override;
  /// The rounds computed so far: the figure follows the run round by round.
  void applyPartial(const std::any& snapshot) override;
  bool isViewOnly(const std::string& key) const override;
  QWidget* createFigure(QWidget* parent) const override;
  void fillFigure(QWidget* figure) const override;
  std::vector<std::pair<QString, std::string>> sections() const override;
  std::vector<std::string> captionKeys() const override;
  void paramsUpdated() override;

 private:
  flows::WganLabParams labParams() const;
  void buildToolbar(QHBoxLayout* row);
  void syncToolbar();

  std::shared_ptr<const flows::WganLabResult> m_result;
  QPushButton* m_play = nullptr;
  QLabel* m_roundLabel = nullptr;
  QTimer* m_timer = nullptr;
  QRadioButton* m_moveParticles = nullptr;  // the "mover" field as radio buttons
  QRadioButton* m_moveGenerator = nullptr;
};

}  // namespace latentlab::ui
