// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QPointer>
#include <optional>

#include "latentlab/topk/topk_lab.h"
#include "ui/common/page.h"

class QHBoxLayout;
class QComboBox;
class QPushButton;
class QProgressBar;

namespace latentlab::ui {

/// Smooth Top-k: bars against hard T_k, response curves, temperature sweep,
/// Jacobian, threshold solver, GradTopK stability, counter-example gallery, live property matrix
/// and a background speed measurement.
class TopkPage : public Page {
  Q_OBJECT
 public:
  explicit TopkPage(QWidget* parent = nullptr);
  ~TopkPage() override;

  QString id() const override { return QStringLiteral("topk"); }
  QString title() const override { return tr("Smooth Top-k"); }
  std::vector<latentlab::FieldSpec> fields() const override;
  QString source() const override;
  QList<DataTable> exportData() const override;
  QList<DataValue> exportValues() const override;
  bool usesDevice() const override { return true; }
  latentlab::DeviceUse computedOn() const override {
    return m_result ? m_result->deviceUse : latentlab::DeviceUse{};
  }

  /// The last applied result (empty before the first compute).
  const std::optional<topk::TopkLabResult>& result() const { return m_result; }
  const std::optional<topk::SpeedResult>& speed() const { return m_speed; }
  /// Loads counter-example `index` of topk::counterExamples() (gallery click).
  void loadCounterExample(int index);
  /// Replaces x by n Gaussian scores drawn with the page seed.
  void randomInput(int n);
  /// Starts the speed measurement in the background (progress and cancel via speedController()).
  void measureSpeed(const topk::SpeedParams& params);
  bool measureNow(int timeoutMs) override;
  bool hasMeasurement() const override { return true; }
  /// The Speed view's measurement for the shown methods (the button's and --measure's).
  topk::SpeedParams speedParams() const;
  RecomputeController* speedController() const { return m_speedController; }

 protected:
  void validateParams(const latentlab::ParamSet& merged) const override;
  RecomputeController::Job makeJob() const override;
  void applyResult(const std::any& result) override;
  QWidget* createFigure(QWidget* parent) const override;
  void fillFigure(QWidget* figure) const override;
  std::vector<std::pair<QString, std::string>> sections() const override;
  std::vector<std::string> captionKeys() const override;
  void paramsUpdated() override;
  bool isCheap(const std::string& key) const override;

 private:
  topk::TopkLabParams labParams() const;
  void buildToolbar(QHBoxLayout* row);

  std::optional<topk::TopkLabResult> m_result;
  std::optional<topk::SpeedResult> m_speed;
  RecomputeController* m_speedController = nullptr;
  QComboBox* m_presets = nullptr;
  QPushButton* m_measure = nullptr;
  QProgressBar* m_speedProgress = nullptr;
};

}  // namespace latentlab::ui
