// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The numbers behind the FSQ vs VQ grid figure, for CSV/JSON export.
#include <limits>

#include "latentlab/quantization/fsq.h"
#include "ui/pages/quantization/quant_grid_page.h"

namespace latentlab::ui {

using namespace quantization;

QList<DataTable> QuantGridPage::exportData() const {
  QList<DataTable> out;
  if (!m_result || m_result->partial) return out;  // the FSQ half of a run still computing
  const GridLabResult& r = *m_result;
  DataTable pts{QStringLiteral("points"), {}, {}};
  for (int j = 0; j < r.dims; ++j) pts.columns << QStringLiteral("x%1").arg(j + 1);
  // FSQ's view of each point: the bounded value b_i(αx_i) and the code vector ẑ it rounds to.
  for (int j = 0; j < r.dims; ++j) pts.columns << QStringLiteral("bounded%1").arg(j + 1);
  for (int j = 0; j < r.dims; ++j) pts.columns << QStringLiteral("fsq_code%1").arg(j + 1);
  pts.columns << QStringLiteral("fsq_index") << QStringLiteral("vq_index")
              << QStringLiteral("naive_index") << QStringLiteral("aliased");
  const Fsq fsq(r.levels, labParams().bound);
  for (Eigen::Index i = 0; i < r.points.rows(); ++i) {
    const auto s = static_cast<std::size_t>(i);
    std::vector<double> row(r.points.row(i).data(), r.points.row(i).data() + r.dims);
    for (int j = 0; j < r.dims; ++j) row.push_back(r.bounded(i, j));
    const Eigen::VectorXd code = fsq.indexToCode(r.fsqIndex[s]);
    row.insert(row.end(), code.data(), code.data() + code.size());
    row.push_back(static_cast<double>(r.fsqIndex[s]));
    row.push_back(static_cast<double>(r.vqIndex[s]));
    row.push_back(static_cast<double>(r.precision.naiveIndex[s]));
    row.push_back(r.precision.aliased[s] ? 1.0 : 0.0);
    pts.rows.push_back(std::move(row));
  }
  out << pts;
  DataTable cb{QStringLiteral("vq_codebook"), {QStringLiteral("code")}, {}};
  for (int j = 0; j < r.dims; ++j) cb.columns << QStringLiteral("x%1").arg(j + 1);
  cb.columns << QStringLiteral("count");
  for (Eigen::Index k = 0; k < r.codebook.rows(); ++k) {
    std::vector<double> row{static_cast<double>(k)};
    for (int j = 0; j < r.dims; ++j) row.push_back(r.codebook(k, j));
    row.push_back(static_cast<double>(r.vqCounts[static_cast<std::size_t>(k)]));
    cb.rows.push_back(std::move(row));
  }
  out << cb;
  DataTable fc{QStringLiteral("fsq_counts"), {QStringLiteral("code"), QStringLiteral("count")}, {}};
  for (std::size_t k = 0; k < r.fsqCounts.size(); ++k)
    fc.rows.push_back({static_cast<double>(k), static_cast<double>(r.fsqCounts[k])});
  out << fc;
  DataTable curve{
      QStringLiteral("vq_curve"), {QStringLiteral("step"), QStringLiteral("rel_mse")}, {}};
  for (std::size_t i = 0; i < r.vqCurve.size(); ++i)
    curve.rows.push_back({static_cast<double>(i), r.vqCurve[i]});
  out << curve;
  DataTable sum{QStringLiteral("summary"),
                {QStringLiteral("method"), QStringLiteral("K"), QStringLiteral("used"),
                 QStringLiteral("usage"), QStringLiteral("entropy_bits"),
                 QStringLiteral("perplexity"), QStringLiteral("rel_mse")},
                {}};
  auto add = [&](double id, const UsageStats& s, double mse) {
    sum.rows.push_back({id, static_cast<double>(s.codebookSize), static_cast<double>(s.used),
                        s.usage, s.entropyBits, s.perplexity, mse});
  };
  add(0, r.fsqStats, r.fsqRelMse);  // 0 = FSQ, 1 = VQ, 2 = FSQ through the float index path
  add(1, r.vqStats, r.vqRelMse);
  add(2, r.naiveStats, std::numeric_limits<double>::quiet_NaN());
  out << sum;
  if (m_sweep) {
    DataTable sw{
        QStringLiteral("usage_vs_k"),
        {QStringLiteral("log2_target"), QStringLiteral("fsq_codes"), QStringLiteral("vq_codes"),
         QStringLiteral("fsq_usage"), QStringLiteral("fsq_heldout_usage"),
         QStringLiteral("vq_usage"), QStringLiteral("vq_heldout_usage"),
         QStringLiteral("fsq_snr_db"), QStringLiteral("vq_snr_db")},
        {}};
    for (const GridSweepPoint& pt : m_sweep->points)
      sw.rows.push_back({static_cast<double>(pt.log2Target), static_cast<double>(pt.fsqCodes),
                         static_cast<double>(pt.vqCodes), pt.fsqUsage, pt.fsqHeldOutUsage,
                         pt.vqUsage, pt.vqHeldOutUsage, pt.fsqSnrDb, pt.vqSnrDb});
    out << sw;
  }
  return out;
}

QList<DataValue> QuantGridPage::exportValues() const {
  QList<DataValue> v;
  if (!m_result || m_result->partial) return v;
  const GridLabResult& r = *m_result;
  const GridLabParams p = labParams();
  v << DataValue{QStringLiteral("points"), double(r.points.rows())}  // image data may give fewer
    << DataValue{QStringLiteral("dims"), double(r.dims)}
    << DataValue{QStringLiteral("fsq_codes"), double(r.fsqStats.codebookSize)}
    << DataValue{QStringLiteral("vq_codes"), double(r.codebook.rows())}
    << DataValue{QStringLiteral("vq_method"),
                 p.vqMethod == VqMethod::Lloyd ? QStringLiteral("lloyd") : QStringLiteral("ema")}
    << DataValue{QStringLiteral("vq_steps_total"),
                 double(r.historyStep.empty() ? 0 : r.historyStep.back())}
    << DataValue{QStringLiteral("vq_step_shown"),
                 double(r.historyStep.empty() ? 0 : r.historyStep[std::size_t(r.shownIndex)])}
    << DataValue{QStringLiteral("vq_restarts"), double(r.vqRestarts)}
    << DataValue{QStringLiteral("precision"),
                 QString::fromStdString(formatValue(params().at("precision")))};
  if (p.data == GridData::ImagePatches) v << DataValue{QStringLiteral("image"), m_resultImageName};
  QStringList notes;
  for (const auto& n : r.notes) notes << QString::fromStdString(n);
  if (!notes.isEmpty()) v << DataValue{QStringLiteral("notes"), notes.join(QStringLiteral("; "))};
  return v;
}

}  // namespace latentlab::ui
