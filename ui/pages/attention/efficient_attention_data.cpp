// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The arrays behind the Efficient attention figures, for CSV/JSON export.
#include "ui/pages/attention/efficient_attention_page.h"

namespace latentlab::ui {

QList<DataTable> EfficientAttentionPage::exportData() const {
  QList<DataTable> tables;
  if (!m_result) return tables;
  const auto& r = *m_result;
  const auto p = labParams();

  DataTable summary{QStringLiteral("summary"),
                    {"n", "d", "dv", "sigma", "causal", "m", "codebook_size", "performer_error_a",
                     "performer_error_o", "vq_error_a", "vq_error_o", "vq_linear_vs_quadratic",
                     "key_vq_error", "codes_used", "negative_entries", "rewrite_diff_regular",
                     "rewrite_diff_chi", "softmax_step_diff", "hard_vq_error_o"},
                    {}};
  summary.rows.push_back({double(p.n), double(p.d), double(p.dv), p.sigma, p.causal ? 1.0 : 0.0,
                          double(p.m), double(p.codebookSize), r.performerErrorA, r.performerErrorO,
                          r.vqErrorA, r.vqErrorO, r.vqLinearVsQuadratic, r.keyVqError,
                          double(r.codesUsed), double(r.negativeEntries), r.rewriteDiffRegular,
                          r.rewriteDiffChi, r.softmaxStepDiff, r.hardErrorO});
  tables << summary;

  DataTable maps{QStringLiteral("maps"),
                 {"query", "key", "exact", "performer", "transformer_vq", "abs_error_performer"},
                 {}};
  for (Eigen::Index i = 0; i < r.exactMap.rows(); ++i)
    for (Eigen::Index j = 0; j < r.exactMap.cols(); ++j)
      maps.rows.push_back({double(i), double(j), r.exactMap(i, j), r.performerMap(i, j),
                           r.vqMap(i, j), r.performerAbsError(i, j)});
  tables << maps;

  if (!r.mGrid.empty()) {
    DataTable t{QStringLiteral("error_vs_m"), {"m", "median", "min", "max"}, {}};
    for (Eigen::Index c = 0; c < r.featureErrors.cols(); ++c)
      t.columns << QStringLiteral("draw%1").arg(c + 1);
    for (std::size_t i = 0; i < r.mGrid.size(); ++i) {
      std::vector<double> row{double(r.mGrid[i]), r.featureMedian[i], r.featureLow[i],
                              r.featureHigh[i]};
      for (Eigen::Index c = 0; c < r.featureErrors.cols(); ++c)
        row.push_back(r.featureErrors(static_cast<Eigen::Index>(i), c));
      t.rows.push_back(std::move(row));
    }
    tables << t;
  }
  if (!r.sGrid.empty()) {
    DataTable t{QStringLiteral("error_vs_s"), {"S", "error_o", "error_a", "key_vq_error"}, {}};
    for (std::size_t i = 0; i < r.sGrid.size(); ++i)
      t.rows.push_back({double(r.sGrid[i]), r.sErrorO[i], r.sErrorA[i], r.sKeyError[i]});
    tables << t;
  }
  DataTable key{QStringLiteral("analogy_features"), {"feature", "soft_assignment"}, {}};
  for (Eigen::Index i = 0; i < r.keySoftOverFeatures.size(); ++i)
    key.rows.push_back({double(i), r.keySoftOverFeatures[i]});
  tables << key;
  DataTable codes{QStringLiteral("analogy_codes"), {"code", "soft", "hard"}, {}};
  for (Eigen::Index i = 0; i < r.keySoftOverCodes.size(); ++i)
    codes.rows.push_back({double(i), r.keySoftOverCodes[i], i == r.keyCode ? 1.0 : 0.0});
  tables << codes;
  DataTable tau{QStringLiteral("analogy_tau"), {"tau", "max_soft_minus_hard", "soft_error_o"}, {}};
  for (std::size_t i = 0; i < r.tauGrid.size(); ++i)
    tau.rows.push_back({r.tauGrid[i], r.softHardDiff[i], r.softErrorO[i]});
  tables << tau;

  if (m_timing) {
    DataTable t{
        QStringLiteral("timing"),
        {"n", "exact_ms", "performer_ms", "vq_ms", "exact_flops", "performer_flops", "vq_flops"},
        {}};
    for (std::size_t i = 0; i < m_timing->sizes.size(); ++i) {
      const auto c = static_cast<Eigen::Index>(i);
      t.rows.push_back({double(m_timing->sizes[i]), m_timing->medianMs(0, c),
                        m_timing->medianMs(1, c), m_timing->medianMs(2, c), m_timing->flops(0, c),
                        m_timing->flops(1, c), m_timing->flops(2, c)});
    }
    tables << t;
    tables << DataTable{
        QStringLiteral("crossover"),
        {"performer_n", "transformer_vq_n", "ms_per_gflop"},
        {{m_timing->performerCrossover, m_timing->vqCrossover, m_timing->msPerGflop}}};
  }
  return tables;
}

}  // namespace latentlab::ui
