// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <atomic>
#include <memory>

#include "latentlab/flows/fp_lab.h"
#include "ui/common/page.h"

class QLabel;
class QPushButton;
class QSlider;
class QHBoxLayout;
class QTimer;

namespace latentlab::ui {

/// Fokker–Planck (kexue.fm/archives/9461): particles (SDE and σ-SDE on one seed) against the
/// finite-volume grid solution and the closed forms, with a time slider over cached frames.
/// The frame and the view are cheap: the job hands back the cached simulation when nothing else
/// changed, so moving the slider only refills the figure. Frames stream in while the simulation
/// runs (the slider grows); moving the slider or switching views meanwhile does not restart it.
class FokkerPlanckPage : public Page {
  Q_OBJECT
 public:
  explicit FokkerPlanckPage(QWidget* parent = nullptr);
  ~FokkerPlanckPage() override;

  QString id() const override { return QStringLiteral("fokker_planck"); }
  QString title() const override { return tr("Fokker–Planck"); }
  std::vector<latentlab::FieldSpec> fields() const override;
  QString source() const override;
  QList<DataTable> exportData() const override;
  /// Grid, step, integrator (SDE: Euler–Maruyama; σ-family: the ODE integrator when σ = 0),
  /// score, shown frame (clamped) and the weak form's particle count.
  QList<DataValue> exportValues() const override;
  /// The particles step on the chosen OpenCL device (FpLabResult::deviceUse).
  bool usesDevice() const override { return true; }
  latentlab::DeviceUse computedOn() const override {
    return m_result ? m_result->deviceUse : latentlab::DeviceUse{};
  }

  const flows::FpLabResult* result() const { return m_result.get(); }
  /// How many times the simulation itself ran (frame/view changes reuse the cache).
  int simulationRuns() const { return m_runs->load(); }
  /// Play/pause and step of the time slider.
  void setPlaying(bool playing);
  bool isPlaying() const;
  void stepFrame();

 protected:
  void validateParams(const latentlab::ParamSet& merged) const override;
  RecomputeController::Job makeJob() const override;
  void applyResult(const std::any& result) override;
  /// The frames computed so far: the time slider grows as they land.
  void applyPartial(const std::any& snapshot) override;
  QWidget* createFigure(QWidget* parent) const override;
  void fillFigure(QWidget* figure) const override;
  std::vector<std::pair<QString, std::string>> sections() const override;
  std::vector<std::string> captionKeys() const override;
  void paramsUpdated() override;
  bool isCheap(const std::string& key) const override;
  bool isViewOnly(const std::string& key) const override;

 private:
  flows::FpLabParams labParams() const;
  int shownFrame() const;
  void buildToolbar(QHBoxLayout* row);
  void syncToolbar();

  std::shared_ptr<const flows::FpLabResult> m_result;
  latentlab::ParamSet m_resultKey;  // params of m_result without frame and view
  std::shared_ptr<std::atomic<int>> m_runs = std::make_shared<std::atomic<int>>(0);
  QSlider* m_slider = nullptr;
  QPushButton* m_play = nullptr;
  QPushButton* m_step = nullptr;
  QLabel* m_time = nullptr;
  QTimer* m_timer = nullptr;
};

}  // namespace latentlab::ui
