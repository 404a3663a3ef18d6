// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>
#include <memory>

#include "latentlab/quantization/grid_lab.h"
#include "latentlab/quantization/grid_sweep.h"
#include "ui/common/loaded_image.h"
#include "ui/common/page.h"

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QTimer;

namespace latentlab::ui {

/// "FSQ vs VQ grid": latent points with the FSQ grid and the VQ Voronoi cells,
/// code-usage histograms with usage/entropy/perplexity, and the bf16/fp16 index-aliasing toggle.
/// Points can come from an image's patches (bundled sample or the user's file); the VQ training
/// history steps and plays without retraining (shown_step is a view setting).
class QuantGridPage : public Page {
  Q_OBJECT
 public:
  explicit QuantGridPage(QWidget* parent = nullptr);
  ~QuantGridPage() override;

  QString id() const override { return QStringLiteral("quant_grid"); }
  QString title() const override { return tr("FSQ vs VQ grid"); }
  std::vector<latentlab::FieldSpec> fields() const override;
  QString source() const override;
  QList<DataTable> exportData() const override;

  /// The last applied result (null before the first compute).
  const std::shared_ptr<const quantization::GridLabResult>& result() const { return m_result; }
  /// The utilisation sweep of the "Usage vs K" view (null until that view was computed).
  const std::shared_ptr<const quantization::GridSweepResult>& sweep() const { return m_sweep; }
  /// Loads the image of the "image patches" points and switches to them. A bad file (unreadable,
  /// or fewer than 100 patches) emits computeFailed, keeps the previous image and points, and
  /// returns false. An empty path goes back to the bundled sample. No dialog (tests call it).
  bool openImageFile(const QString& path);
  void openFiles(const QStringList& paths) override {
    openWith(paths, 1, [this](const QStringList& p) { return openImageFile(p.front()); });
  }
  /// "astronaut.png" (bundled) or the opened file's name.
  QString imageName() const;
  /// With "image patches" points: the opened image, or the bundled sample's record (name and
  /// SHA-256, no data), so a replay knows which of the two the points came from.
  std::vector<latentlab::ScenarioInput> inputs() const override;
  QString loadedSetting() const override { return QStringLiteral("data=patches"); }
  QList<DataValue> exportValues() const override;
  /// Play/pause through the VQ training history.
  void setPlaying(bool playing);
  bool isPlaying() const;
  /// Results applied from the last run by showVqStep instead of a full recompute (tests).
  int replayCount() const { return m_replays; }
  /// The VQ part (training, curve, shown step) runs on the chosen device.
  bool usesDevice() const override { return true; }
  latentlab::DeviceUse computedOn() const override {
    return m_result ? m_result->deviceUse : latentlab::DeviceUse{};
  }

 protected:
  std::function<void()> useInputs(const std::vector<latentlab::ScenarioInput>& inputs) override;
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
  quantization::GridLabParams labParams() const;
  std::shared_ptr<const quantization::ImageData> currentImage() const;
  /// The bundled sample and its record, decoded on first use.
  const LoadedImage& sampleImage() const;
  void buildToolbar(QHBoxLayout* row);
  void syncToolbar();
  void stepPlay();
  void showStep(int value);

  std::shared_ptr<const quantization::GridLabResult> m_result;
  std::shared_ptr<const quantization::GridSweepResult> m_sweep;  // for m_result's training
  latentlab::ParamSet m_resultKey;  // params of m_result's training, view-only keys removed
  std::shared_ptr<const quantization::ImageData> m_resultImage;
  QString m_resultImageName;
  LoadedImage m_loaded;
  QString m_loadedPath;
  mutable LoadedImage m_sample;  // the bundled image, decoded on first use
  int m_replays = 0;
  QLineEdit* m_path = nullptr;
  QPushButton* m_open = nullptr;
  QSlider* m_step = nullptr;
  QLabel* m_stepLabel = nullptr;
  QPushButton* m_play = nullptr;
  QTimer* m_playTimer = nullptr;
};

}  // namespace latentlab::ui
