// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <optional>

#include "latentlab/quantization/grid_lab.h"
#include "ui/common/page.h"

namespace latentlab::ui {

/// "FSQ vs VQ grid" (spec §7.1–7.3): latent points with the FSQ grid and the VQ Voronoi cells,
/// code-usage histograms with usage/entropy/perplexity, and the bf16/fp16 index-aliasing toggle.
class QuantGridPage : public Page {
  Q_OBJECT
 public:
  explicit QuantGridPage(QWidget* parent = nullptr);
  ~QuantGridPage() override;

  QString id() const override { return QStringLiteral("quant_grid"); }
  QString title() const override { return tr("FSQ vs VQ grid"); }
  std::vector<latentlab::FieldSpec> fields() const override;
  QList<DataTable> exportData() const override;

  /// The last applied result (empty before the first compute).
  const std::optional<quantization::GridLabResult>& result() const { return m_result; }

 protected:
  void validateParams(const latentlab::ParamSet& merged) const override;
  RecomputeController::Job makeJob() const override;
  void applyResult(const std::any& result) override;
  QWidget* createFigure(QWidget* parent) const override;
  void fillFigure(QWidget* figure) const override;
  std::vector<std::pair<QString, std::string>> sections() const override;
  void paramsUpdated() override;
  bool isCheap(const std::string& key) const override;

 private:
  quantization::GridLabParams labParams() const;
  std::optional<quantization::GridLabResult> m_result;
};

}  // namespace latentlab::ui
