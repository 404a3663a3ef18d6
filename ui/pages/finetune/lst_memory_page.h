// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <optional>

#include "latentlab/finetune/memory_model.h"
#include "ui/common/page.h"

namespace latentlab::ui {

/// Memory accountant (Sung et al. 2022 (LST); Su, kexue.fm/archives/9138):
/// the analytic training-memory model of full fine-tuning, Adapter, LoRA, BitFit, prompt tuning
/// and Ladder Side-Tuning, its parameter counts against the paper, a memory sweep over s or b,
/// the paper's published figures beside the model, and Su's CLUE table.
class LstMemoryPage : public Page {
  Q_OBJECT
 public:
  explicit LstMemoryPage(QWidget* parent = nullptr);
  ~LstMemoryPage() override;

  QString id() const override { return QStringLiteral("lst_memory"); }
  QString title() const override { return tr("Memory accountant"); }
  std::vector<latentlab::FieldSpec> fields() const override;
  QString source() const override;
  QList<DataTable> exportData() const override;
  const std::optional<finetune::MemoryLabResult>& result() const { return m_result; }

 protected:
  void validateParams(const latentlab::ParamSet& merged) const override;
  RecomputeController::Job makeJob() const override;
  void applyResult(const std::any& result) override;
  QWidget* createFigure(QWidget* parent) const override;
  void fillFigure(QWidget* figure) const override;
  std::vector<std::pair<QString, std::string>> sections() const override;
  std::vector<std::string> captionKeys() const override;
  void paramsUpdated() override;

 private:
  finetune::MemoryLabParams labParams() const;

  std::optional<finetune::MemoryLabResult> m_result;
};

}  // namespace latentlab::ui
