// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/finetune/lst_memory_page.h"

#include <QCoreApplication>

#include "ui/common/param_form.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/finetune/lst_memory_figure.h"

namespace latentlab::ui {

LstMemoryPage::LstMemoryPage(QWidget* parent) : Page(parent) {
  installViewTabs("view");
  paramsUpdated();
}

LstMemoryPage::~LstMemoryPage() = default;

std::vector<FieldSpec> LstMemoryPage::fields() const {
  return specsOf(finetune::memoryLabFields());
}

QString LstMemoryPage::source() const {
  return tr(
      "Su Jianlin, “Ladder Side-Tuning: a ladder over the wall for pre-trained models” (2022), "
      "kexue.fm/archives/9138; Sung et al. 2022, arXiv:2206.06522");
}

std::vector<std::string> LstMemoryPage::captionKeys() const {
  return {"model", "seq_len", "batch", "dtype", "lst_r"};
}

std::vector<std::pair<QString, std::string>> LstMemoryPage::sections() const {
  return {{tr("Backbone"), "model"},
          {tr("Workload"), "seq_len"},
          {tr("Methods"), "adapter_dim"},
          {tr("Overhead and sweep"), "overhead_gb"}};
}

finetune::MemoryLabParams LstMemoryPage::labParams() const {
  return fromParamSet(params(), finetune::memoryLabFields());
}

void LstMemoryPage::validateParams(const ParamSet& merged) const {
  finetune::validate(fromParamSet(merged, finetune::memoryLabFields()));
}

RecomputeController::Job LstMemoryPage::makeJob() const {
  return [p = labParams()](const RunControl& control) {
    return std::any(finetune::computeMemoryLab(p, control));
  };
}

void LstMemoryPage::applyResult(const std::any& result) {
  m_result = std::any_cast<finetune::MemoryLabResult>(result);
  markHasResult();
  fillFigure(screenFigure());
}

QWidget* LstMemoryPage::createFigure(QWidget* parent) const { return new LstMemoryFigure(parent); }

void LstMemoryPage::fillFigure(QWidget* figure) const {
  auto* fig = qobject_cast<LstMemoryFigure*>(figure);
  if (!fig || !m_result) return;
  fig->show(labParams(), *m_result);
}

void LstMemoryPage::paramsUpdated() {
  ParamForm* f = form();
  if (!f) return;
  const auto p = labParams();
  const bool custom = p.model == finetune::ModelPreset::Custom;
  for (const char* key : {"family", "layers", "width", "ffn", "heads", "head_dim", "vocab"})
    f->setFieldVisible(key, custom);
  f->setFieldVisible("lst_layers", p.lstDrop == finetune::LstDrop::Custom);
  f->setFieldVisible("overhead_gb", !p.fitOverhead);
  const auto arch = finetune::architectureOf(p);
  f->setFieldRange("lst_r", 1, static_cast<double>(arch.headDim));
}

QList<DataTable> LstMemoryPage::exportData() const {
  QList<DataTable> tables;
  if (!m_result) return tables;
  const auto& r = *m_result;
  DataTable mem{
      QStringLiteral("memory_bytes"),
      {"method_index", "trainable", "new_params", "trainable_percent", "activation_elements",
       "weights", "gradients", "optimizer", "activations", "masks", "overhead", "total"},
      {}};
  for (const auto& m : r.methods)
    mem.rows.push_back({static_cast<double>(m.method), static_cast<double>(m.trainable),
                        static_cast<double>(m.newParams), m.trainablePercent,
                        static_cast<double>(m.activationElements), m.weights, m.gradients,
                        m.optimizer, m.activations, m.masks, m.overhead, m.total()});
  tables << mem;
  DataTable sweep{QStringLiteral("sweep_bytes"), {"x"}, {}};
  for (finetune::Method m : finetune::kAllMethods)
    sweep.columns << QString::fromStdString(finetune::methodLabel(m));
  for (std::size_t j = 0; j < r.sweepX.size(); ++j) {
    std::vector<double> row{r.sweepX[j]};
    for (const auto& col : r.sweepTotal) row.push_back(col[j]);
    sweep.rows.push_back(std::move(row));
  }
  tables << sweep;
  DataTable paper{QStringLiteral("paper_vs_model"),
                  {"method_index", "paper_gb", "model_gb", "model_plus_c0_gb", "deviation_percent",
                   "paper_delta_vs_full", "model_delta_vs_full"},
                  {}};
  const auto& c = r.paper;
  for (std::size_t i = 0; i < c.methods.size(); ++i)
    paper.rows.push_back({static_cast<double>(c.methods[i]), c.paperGb[i], c.modelGb[i],
                          c.modelGb[i] + c.overheadGb, c.deviationPercent[i], c.deltaPaperGb[i],
                          c.deltaModelGb[i]});
  tables << paper;
  DataTable checks{QStringLiteral("param_checks"),
                   {"row", "trainable", "backbone", "percent", "paper_percent"},
                   {}};
  for (std::size_t i = 0; i < r.checks.size(); ++i)
    checks.rows.push_back({static_cast<double>(i), static_cast<double>(r.checks[i].trainable),
                           static_cast<double>(r.checks[i].backbone), r.checks[i].percent,
                           r.checks[i].paperPercent});
  tables << checks;
  DataTable clue{QStringLiteral("clue"), {"model_index"}, {}};
  for (const auto& t : finetune::clueTasks()) clue.columns << QString::fromStdString(t);
  for (std::size_t i = 0; i < finetune::clueResults().size(); ++i) {
    std::vector<double> row{static_cast<double>(i)};
    for (double v : finetune::clueResults()[i].scores) row.push_back(v);
    clue.rows.push_back(std::move(row));
  }
  tables << clue;
  return tables;
}

}  // namespace latentlab::ui
