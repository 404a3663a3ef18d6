// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>
#include <atomic>
#include <memory>
#include <optional>

#include "latentlab/quantization/image_lab.h"
#include "latentlab/quantization/tiny_autoencoder.h"
#include "ui/common/loaded_image.h"
#include "ui/common/page.h"

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace latentlab::ui {

/// Image reconstruction without a pretrained network: FSQ against VQ at equal code count on a
/// bundled sample or an image the user opens (toolbar, drag-and-drop), with PSNR/SSIM/bpp/usage
/// read-outs, error maps, the 2^4..2^16 rate–distortion sweep and export of the reconstructions
/// as images.
class QuantImagePage : public Page {
  Q_OBJECT
 public:
  explicit QuantImagePage(QWidget* parent = nullptr);
  ~QuantImagePage() override;

  QString id() const override { return QStringLiteral("quant_image"); }
  QString title() const override { return tr("Image reconstruction"); }
  std::vector<latentlab::FieldSpec> fields() const override;
  QString source() const override;
  QList<DataTable> exportData() const override;

  const std::optional<quantization::ImageLabResult>& result() const { return m_result; }
  /// The last tier C training run (live snapshot while it runs).
  const std::optional<quantization::TinyAeResult>& training() const { return m_train; }
  /// Holds or resumes a running training between two steps.
  void setPaused(bool paused);
  bool isPaused() const;
  /// Loads an image file and switches to it. On bad input emits computeFailed with the reason,
  /// keeps the previous image and returns false. No dialog (tests call it).
  bool openImageFile(const QString& path);
  /// Writes original.png, fsq.png, vq.png and the two error maps (grey, 0–255) into `dir`.
  /// Returns the files written; throws ParamError("path") when nothing can be written.
  QStringList exportReconstructions(const QString& dir) const;
  /// The command line's --export-images: exportReconstructions().
  QStringList exportImages(const QString& dir) const override { return exportReconstructions(dir); }
  void openFiles(const QStringList& paths) override {
    openWith(paths, 1, [this](const QStringList& p) { return openImageFile(p.front()); });
  }
  /// Name shown for the current image ("astronaut.png", or the opened file's name).
  QString imageName() const;
  /// The opened image while "image" is "loaded" (README, "Scenario files").
  std::vector<latentlab::ScenarioInput> inputs() const override;
  QString loadedSetting() const override { return QStringLiteral("image=loaded"); }
  QList<DataValue> exportValues() const override;
  bool usesDevice() const override { return true; }
  /// The cost preview's work model: VQ's assignment work, pixels × codes × (Lloyd iterations +
  /// 1) (the rate–distortion view sweeps the budgets; the training view's is steps × batch ×
  /// codes). The rates are per view, so each view's own constant factors drop out.
  double costUnits() const override;
  latentlab::DeviceUse computedOn() const override {
    return m_result ? m_result->deviceUse : latentlab::DeviceUse{};
  }

 protected:
  std::function<void()> useInputs(const std::vector<latentlab::ScenarioInput>& inputs) override;
  /// "loaded" needs an opened image: a scenario saying so never computes on a sample instead.
  void validateParams(const latentlab::ParamSet& merged) const override;
  RecomputeController::Job makeJob() const override;
  void applyResult(const std::any& result) override;
  /// Tier C: the curves and reconstructions so far of the training run.
  void applyPartial(const std::any& snapshot) override;
  QWidget* createFigure(QWidget* parent) const override;
  void fillFigure(QWidget* figure) const override;
  std::vector<std::pair<QString, std::string>> sections() const override;
  std::vector<std::string> captionKeys() const override;
  bool isCheap(const std::string& key) const override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  quantization::ImageLabParams labParams() const;
  std::shared_ptr<const quantization::ImageData> currentImage() const;
  std::shared_ptr<const quantization::ImageData> sample(int index) const;
  void buildToolbar(QHBoxLayout* row);
  void syncToolbar();

  std::optional<quantization::ImageLabResult> m_result;
  std::optional<quantization::TinyAeResult> m_train;
  mutable std::shared_ptr<std::atomic<bool>> m_pauseFlag;  // the training job polls it
  QPushButton* m_pause = nullptr;
  QPushButton* m_stop = nullptr;
  quantization::ImageLabParams m_resultParams;
  QString m_resultName;
  LoadedImage m_loaded;
  mutable std::shared_ptr<const quantization::ImageData> m_samples[2];
  QLabel* m_status = nullptr;
  QPushButton* m_open = nullptr;
  QPushButton* m_export = nullptr;
};

}  // namespace latentlab::ui
