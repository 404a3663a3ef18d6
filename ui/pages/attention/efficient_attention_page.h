// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <optional>

#include "latentlab/attention/efficient_lab.h"
#include "ui/common/page.h"

class QHBoxLayout;
class QPushButton;
class QProgressBar;

namespace latentlab::ui {

/// Efficient attention (Su, kexue.fm/archives/9844 and 9862; Choromanski et al. 2021): exact
/// softmax attention against Performer FAVOR+ and Transformer-VQ, error vs m and vs S, the
/// "Performer is a soft Transformer-VQ" analogy, and a background timing run against n.
class EfficientAttentionPage : public Page {
  Q_OBJECT
 public:
  explicit EfficientAttentionPage(QWidget* parent = nullptr);
  ~EfficientAttentionPage() override;

  QString id() const override { return QStringLiteral("efficient_attention"); }
  QString title() const override { return tr("Efficient attention"); }
  std::vector<latentlab::FieldSpec> fields() const override;
  QString source() const override;
  QList<DataTable> exportData() const override;
  QList<DataValue> exportValues() const override;
  bool usesDevice() const override { return true; }
  /// The kernels' FLOP model (attention::efficientLabFlops) of the current params.
  double costUnits() const override;
  /// Whether the chosen device takes n above attention::kCpuMaxN (an OpenCL device).
  static bool deviceAllowsLargeN();
  latentlab::DeviceUse computedOn() const override {
    return m_result ? m_result->deviceUse : latentlab::DeviceUse{};
  }

  const std::optional<attention::EfficientLabResult>& result() const { return m_result; }
  const std::optional<attention::TimingResult>& timing() const { return m_timing; }
  /// Timing parameters the "Measure timing" button uses for the current params.
  attention::TimingParams timingParams() const;
  /// Starts the timing run in the background (progress and cancel via timingController()).
  void measureTiming(const attention::TimingParams& params);
  bool measureNow(int timeoutMs) override;
  bool hasMeasurement() const override { return true; }
  RecomputeController* timingController() const { return m_timingController; }

 protected:
  void validateParams(const latentlab::ParamSet& merged) const override;
  RecomputeController::Job makeJob() const override;
  void applyResult(const std::any& result) override;
  void applyPartial(const std::any& snapshot) override;
  QWidget* createFigure(QWidget* parent) const override;
  void fillFigure(QWidget* figure) const override;
  std::vector<std::pair<QString, std::string>> sections() const override;
  std::vector<std::string> captionKeys() const override;
  void paramsUpdated() override;
  bool isCheap(const std::string& key) const override;

 private:
  attention::EfficientLabParams labParams() const;
  void buildToolbar(QHBoxLayout* row);
  void timingIdle();

  std::optional<attention::EfficientLabResult> m_result;
  std::optional<attention::TimingResult> m_timing;
  RecomputeController* m_timingController = nullptr;
  QPushButton* m_measure = nullptr;
  QProgressBar* m_timingProgress = nullptr;
};

}  // namespace latentlab::ui
