// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The numbers behind the Side-tuning run figure (every view), as export tables.
#include "ui/pages/finetune/lst_run_page.h"

namespace latentlab::ui {

QList<DataTable> LstRunPage::exportData() const {
  QList<DataTable> out;
  const auto* r = m_result ? &*m_result : (m_live ? &*m_live : nullptr);
  if (!r) return out;
  const QString methodCol = QStringLiteral("method (0 full, 1 probe, 2 adapter, 3 lora, 4 lst)");
  DataTable curves{
      QStringLiteral("curves"),
      {methodCol, QStringLiteral("seed"), QStringLiteral("step"), QStringLiteral("seconds"),
       QStringLiteral("train_loss"), QStringLiteral("val_loss"), QStringLiteral("val_acc")},
      {}};
  DataTable gates{QStringLiteral("gates"),
                  {QStringLiteral("seed"), QStringLiteral("step"), QStringLiteral("side_layer"),
                   QStringLiteral("backbone_layer"), QStringLiteral("mu")},
                  {}};
  for (const auto& run : r->runs) {
    for (std::size_t i = 0; i < run.curve.size(); ++i) {
      const auto& pt = run.curve[i];
      curves.rows.push_back({static_cast<double>(run.method), static_cast<double>(run.seed),
                             static_cast<double>(pt.step), pt.seconds, pt.trainLoss, pt.valLoss,
                             pt.valAcc});
      if (i < run.gates.size())
        for (std::size_t j = 0; j < run.gates[i].size(); ++j)
          gates.rows.push_back({static_cast<double>(run.seed), static_cast<double>(pt.step),
                                static_cast<double>(j + 1),
                                static_cast<double>(r->config.keptLayer(static_cast<int>(j)) + 1),
                                run.gates[i][j]});
    }
  }
  DataTable measured{
      QStringLiteral("measured"),
      {methodCol, QStringLiteral("runs"), QStringLiteral("trainable"),
       QStringLiteral("trainable_percent"), QStringLiteral("tape_bytes"),
       QStringLiteral("tape_bytes_spec"), QStringLiteral("static_bytes"),
       QStringLiteral("forward_ms"), QStringLiteral("backward_ms"), QStringLiteral("acc_mean"),
       QStringLiteral("acc_std"), QStringLiteral("backbone_unchanged")},
      {}};
  for (const auto& s : r->summary)
    measured.rows.push_back(
        {static_cast<double>(s.method), static_cast<double>(s.runs),
         static_cast<double>(s.trainable), s.trainablePercent, static_cast<double>(s.tapeBytes),
         static_cast<double>(s.analyticTapeBytes), static_cast<double>(s.staticBytes), s.forwardMs,
         s.backwardMs, s.accMean, s.accStd, s.backboneUnchanged ? 1.0 : 0.0});
  DataTable pretrain{
      QStringLiteral("pretrain"), {QStringLiteral("step"), QStringLiteral("mlm_loss")}, {}};
  for (std::size_t i = 0; i < r->pretrainLoss.size(); ++i)
    pretrain.rows.push_back({static_cast<double>(i + 1), r->pretrainLoss[i]});
  DataTable clue{QStringLiteral("su_clue"),
                 {QStringLiteral("task_index"), QStringLiteral("mrc"), QStringLiteral("bert_base"),
                  QStringLiteral("roberta_base"), QStringLiteral("roberta_base_lst"),
                  QStringLiteral("roberta_large_lst")},
                 {}};
  const auto& rows = finetune::suClueResults();
  for (std::size_t i = 0; i < rows.size(); ++i)
    clue.rows.push_back({static_cast<double>(i), rows[i].mrc ? 1.0 : 0.0, rows[i].bertBase,
                         rows[i].robertaBase, rows[i].robertaBaseLst, rows[i].robertaLargeLst});
  out << curves << measured << gates << pretrain << clue;
  return out;
}

QList<DataValue> LstRunPage::exportValues() const {
  QList<DataValue> v;
  const auto* r = m_result ? &*m_result : (m_live ? &*m_live : nullptr);
  if (!r) return v;
  const auto& c = r->config;
  // The model actually trained: r = 0 and k = 0 in the params mean the preset's values.
  v << DataValue{QStringLiteral("layers"), double(c.layers)}
    << DataValue{QStringLiteral("reduction_used"), double(c.reduction)}
    << DataValue{QStringLiteral("side_layers_used"), double(c.sideLayers)}
    << DataValue{QStringLiteral("seq"), double(c.seq)}
    << DataValue{QStringLiteral("batch"), double(c.batch)}
    << DataValue{QStringLiteral("backbone_params"), double(r->backboneParams)}
    << DataValue{QStringLiteral("pretrain_steps_run"), double(r->pretrainLoss.size())}
    << DataValue{QStringLiteral("finished"), r->finished ? 1.0 : 0.0}
    << DataValue{QStringLiteral("optimizer"), QStringLiteral("adam")}
    << DataValue{QStringLiteral("precision"), QStringLiteral("float64")};
  return v;
}

}  // namespace latentlab::ui
