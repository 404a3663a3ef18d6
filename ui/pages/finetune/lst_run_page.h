// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>
#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "latentlab/finetune/side_tuning.h"
#include "ui/common/page.h"

class QPushButton;
class QProgressBar;

namespace latentlab::ui {

/// Side-tuning run (after Sung et al. 2022 (LST)): a frozen,
/// briefly pre-trained backbone and five methods trained with hand-written backprop; live loss
/// and accuracy curves, measured time / tape bytes / trainable parameters, a gradient diagram,
/// gate traces and Su's CLUE table. Runs in the background with progress, pause and cancel.
class LstRunPage : public Page {
  Q_OBJECT
 public:
  explicit LstRunPage(QWidget* parent = nullptr);
  ~LstRunPage() override;

  QString id() const override { return QStringLiteral("lst_run"); }
  QString title() const override { return tr("Side-tuning run"); }
  std::vector<latentlab::FieldSpec> fields() const override;
  QString source() const override;
  QList<DataTable> exportData() const override;
  QList<DataValue> exportValues() const override;

  /// The last finished run (empty before the first one).
  const std::optional<finetune::SideTuningResult>& result() const { return m_result; }
  /// The newest streamed snapshot of the run in progress (empty when none).
  const std::optional<finetune::SideTuningResult>& live() const { return m_live; }
  void setPaused(bool paused);
  bool isPaused() const;
  /// Stops the running training; the last streamed curves stay on screen.
  void cancelRun();
  /// Trains again with the current params (even when they produced the shown result).
  void rerun();

 protected:
  void validateParams(const latentlab::ParamSet& merged) const override;
  RecomputeController::Job makeJob() const override;
  void applyResult(const std::any& result) override;
  /// The curves so far of the run in progress (≈ 16 per second).
  void applyPartial(const std::any& snapshot) override;
  QWidget* createFigure(QWidget* parent) const override;
  void fillFigure(QWidget* figure) const override;
  std::vector<std::pair<QString, std::string>> sections() const override;
  std::vector<std::string> captionKeys() const override;
  bool isCheap(const std::string& key) const override;
  bool isViewOnly(const std::string& key) const override;

 private:
  finetune::SideTuningParams runParams() const;
  std::string trainingKey() const;  // params without the view
  void buildToolbar(ViewTabs* tabs);
  void setBusyUi(bool busy);
  QString statusText() const;

  std::optional<finetune::SideTuningResult> m_result;
  std::string m_resultKey;
  std::optional<finetune::SideTuningResult> m_live;        // the newest snapshot of the run
  mutable std::string m_liveKey;                           // training params of m_live's run
  mutable std::shared_ptr<std::atomic<bool>> m_pauseFlag;  // the running job polls it
  mutable bool m_forceRun = false;
  mutable bool m_cancelled = false;
  QPushButton* m_pause = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_run = nullptr;
  QProgressBar* m_progress = nullptr;
};

}  // namespace latentlab::ui
