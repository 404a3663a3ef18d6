// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QPointF>
#include <memory>
#include <optional>
#include <vector>

#include "latentlab/flows/reflow_lab.h"
#include "ui/common/loaded_image.h"
#include "ui/common/page.h"

class QHBoxLayout;
class QLabel;
class QPushButton;
class QSlider;
class QTimer;

namespace latentlab::ui {

/// ReFlow (kexue.fm/archives/9497): exact velocity for mixture and point-set targets, Euler /
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
  QString source() const override;
  QList<DataTable> exportData() const override;

  const std::optional<flows::ReflowLabResult>& result() const { return m_result; }
  /// Adds a drawn target point (switches the target to "drawn") and starts a stroke (one undo
  /// step); the first click after another target replaces the default drawn points.
  void addDrawnPoint(QPointF point);
  /// Continues the stroke: adds a point once the pointer is kStrokeSpacing from the last one.
  void dragDrawnPoint(QPointF point);
  /// Removes the last stroke (click or drag); false when there is nothing to undo.
  bool undoDrawnStroke();
  void clearDrawnPoints();
  /// Time slider: shows cached frame `index` (0..N) without recomputing the flow.
  void showFrame(int index);
  int shownFrame() const;
  void setPlaying(bool playing);
  bool isPlaying() const;
  /// Loads an image as the target density (switches the target to "image"). A bad file emits
  /// computeFailed with the reason, keeps the previous target and returns false.
  bool openImageFile(const QString& path);
  void openFiles(const QStringList& paths) override {
    openWith(paths, 1, [this](const QStringList& p) { return openImageFile(p.front()); });
  }
  /// The opened image while the target is "image" (README, "Scenario files").
  std::vector<latentlab::ScenarioInput> inputs() const override;
  QString loadedSetting() const override { return QStringLiteral("target=image"); }
  QList<DataValue> exportValues() const override;
  bool usesDevice() const override { return true; }
  latentlab::DeviceUse computedOn() const override {
    return m_result ? m_result->deviceUse : latentlab::DeviceUse{};
  }
  /// How many flow computations ran (tests: time and view changes reuse the cached flow).
  int flowRuns() const { return *m_flowRuns; }

 protected:
  RecomputeController::Job makeJob() const override;
  std::function<void()> useInputs(const std::vector<latentlab::ScenarioInput>& inputs) override;
  void validateParams(const latentlab::ParamSet& merged) const override;
  void applyResult(const std::any& result) override;
  void applyPartial(const std::any& snapshot) override;
  QWidget* createFigure(QWidget* parent) const override;
  void fillFigure(QWidget* figure) const override;
  std::vector<std::pair<QString, std::string>> sections() const override;
  std::vector<std::string> captionKeys() const override;
  void paramsUpdated() override;
  bool isCheap(const std::string& key) const override;

 private:
  flows::ReflowLabParams labParams() const;
  void buildToolbar(QHBoxLayout* row);
  void syncToolbar();
  void setDrawn(std::vector<double> pts);

  std::optional<flows::ReflowLabResult> m_result;
  latentlab::ParamSet m_flowKey, m_roundsKey;  // params the cached parts were computed for
  std::shared_ptr<int> m_flowRuns = std::make_shared<int>(0);
  LoadedImage m_image;                      // the Image target's picture
  int m_imageGeneration = 0;                // bumped per loaded image: part of the flow cache key
  std::vector<std::vector<double>> m_undo;  // drawn points before each stroke
  QPointF m_lastDrawn;
  QSlider* m_slider = nullptr;
  QLabel* m_time = nullptr;
  QPushButton* m_play = nullptr;
  QPushButton* m_undoBtn = nullptr;
  QTimer* m_timer = nullptr;
};

}  // namespace latentlab::ui
