// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <memory>
#include <optional>

#include "latentlab/attention/attention_rank.h"
#include "ui/common/page.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QHBoxLayout;

namespace latentlab::ui {

/// Attention rank (Su, kexue.fm/archives/9529 and 9547; Dong et al. 2021 for depth): the
/// bidirectional, prefix-LM, causal and backward attention matrices of one Q, K; their spectra
/// and metrics; sweeps along n, d, τ in the background; depth products; and the honest
/// qualifications (low τ, d ≈ n, tiny σ_min, depth collapse), each one click away.
class AttentionRankPage : public Page {
  Q_OBJECT
 public:
  explicit AttentionRankPage(QWidget* parent = nullptr);
  ~AttentionRankPage() override;

  QString id() const override { return QStringLiteral("attention_rank"); }
  QString title() const override { return tr("Attention rank"); }
  std::vector<latentlab::FieldSpec> fields() const override;
  QString source() const override;
  QList<DataTable> exportData() const override;

  const std::optional<attention::AttentionRankResult>& result() const { return m_result; }
  const std::optional<attention::RankSweepResult>& sweep() const { return m_sweep; }
  const std::optional<attention::DepthResult>& depth() const { return m_depth; }

  /// Loads Q and K from .npy or text files (.csv, .txt, .tsv; attention::loadQk) and switches the
  /// source to "npy" (loaded matrices). Throws ParamError (key "q_file"/"k_file") and keeps the
  /// previous state when a file is wrong.
  void loadNpy(const QString& qPath, const QString& kPath);
  /// --open Q K: loadNpy on the two files (its ParamErrors name q_file / k_file).
  void openFiles(const QStringList& paths) override {
    openWith(paths, 2, [this](const QStringList& p) {
      loadNpy(p[0], p[1]);
      return true;
    });
  }
  /// Uses already-loaded matrices (tests, drag and drop later); same checks as loadNpy. `records`
  /// describe the files they came from (q, k); without them the matrices' .npy bytes stand in.
  void setLoadedQk(std::shared_ptr<const attention::LoadedQk> loaded,
                   std::vector<latentlab::ScenarioInput> records = {});
  /// Q and K while the source is "npy": file names, sizes, SHA-256 and the matrices (≤ 4 MiB).
  std::vector<latentlab::ScenarioInput> inputs() const override;
  QString loadedSetting() const override { return QStringLiteral("source=npy"); }
  QList<DataValue> exportValues() const override;
  /// Starts the sweep of the current params on the sweep controller (background, cancellable).
  void runSweep();
  RecomputeController* sweepController() const { return m_sweepController; }
  /// Loads one of the one-click cases: 0 = the main claim (defaults), 1..4 = the qualifications:
  /// low τ, d ≈ n, tiny σ_min, depth. The same params are in resources/scenarios/attention_rank-*.
  void loadCase(int index);
  static int caseCount();

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
  attention::AttentionRankParams labParams() const;
  void buildToolbar(QHBoxLayout* row);
  void syncToolbar();
  void sweepIdle();

  std::shared_ptr<const attention::LoadedQk> m_loaded;
  std::vector<latentlab::ScenarioInput> m_records;  // q, k: what a scenario keeps of m_loaded
  std::optional<attention::AttentionRankResult> m_result;
  std::optional<attention::RankSweepResult> m_sweep;
  std::optional<attention::DepthResult> m_depth;
  RecomputeController* m_sweepController = nullptr;
  QComboBox* m_cases = nullptr;
  QPushButton* m_load = nullptr;
  QLabel* m_loadedLabel = nullptr;
  QPushButton* m_sweepButton = nullptr;
  QProgressBar* m_sweepProgress = nullptr;
};

}  // namespace latentlab::ui
