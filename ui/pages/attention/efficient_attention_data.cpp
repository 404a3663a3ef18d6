// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The arrays behind the Efficient attention figures, for CSV/JSON export.
#include "ui/pages/attention/efficient_attention_page.h"

#include <algorithm>
#include <cmath>

#include "ui/common/matrix_table.h"

namespace latentlab::ui {

QList<DataTable> EfficientAttentionPage::exportData() const {
  QList<DataTable> tables;
  if (!m_result || m_result->partial) return tables;  // the analogy's numbers are still coming
  const auto& r = *m_result;
  const auto p = labParams();

  DataTable summary{QStringLiteral("summary"),
                    {"n", "d", "dv", "sigma", "causal", "m", "codebook_size", "performer_error_a",
                     "performer_error_o", "vq_error_a", "vq_error_o", "vq_linear_vs_quadratic",
                     "key_vq_error", "codes_used", "negative_entries", "rewrite_diff_regular",
                     "rewrite_diff_chi", "softmax_step_diff", "hard_vq_error_o", "float32",
                     "float32_error_exact_o", "float32_error_performer_o"},
                    {}};
  summary.rows.push_back({double(p.n), double(p.d), double(p.dv), p.sigma, p.causal ? 1.0 : 0.0,
                          double(p.m), double(p.codebookSize), r.performerErrorA, r.performerErrorO,
                          r.vqErrorA, r.vqErrorO, r.vqLinearVsQuadratic, r.keyVqError,
                          double(r.codesUsed), double(r.negativeEntries), r.rewriteDiffRegular,
                          r.rewriteDiffChi, r.softmaxStepDiff, r.hardErrorO,
                          p.precision == attention::Arithmetic::Float32 ? 1.0 : 0.0,
                          r.float32ErrorExact, r.float32ErrorPerformer});
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
    DataTable t{QStringLiteral("error_vs_m"),
                {"m", "projection", "median_o", "min_o", "max_o", "median_a", "min_a", "max_a"},
                {}};
    for (std::size_t ci = 0; ci < r.featureCurves.size(); ++ci) {
      const auto& c = r.featureCurves[ci];
      for (std::size_t i = 0; i < r.mGrid.size(); ++i)
        t.rows.push_back({double(r.mGrid[i]), double(static_cast<int>(c.projection)), c.medianO[i],
                          c.lowO[i], c.highO[i], c.medianA[i], c.lowA[i], c.highA[i]});
    }
    tables << t;
  }
  if (p.view == attention::EfficientView::Cache && !r.codes.empty()) {
    const int l = std::max(1, p.block);
    const auto end = std::min<Eigen::Index>(r.values.rows(), Eigen::Index(p.cacheBlock + 1) * l);
    const auto st = attention::vqCacheState(r.codes, r.values, int(r.codebook.rows()), end);
    DataTable t{QStringLiteral("vq_cache"), {"code", "count"}, {}};
    for (Eigen::Index c = 0; c < st.means.cols(); ++c) t.columns << QStringLiteral("mean%1").arg(c);
    for (Eigen::Index s = 0; s < st.counts.size(); ++s) {
      std::vector<double> row{double(s), st.counts(s)};
      for (Eigen::Index c = 0; c < st.means.cols(); ++c) row.push_back(st.means(s, c));
      t.rows.push_back(std::move(row));
    }
    tables << t;
  }
  if (p.view == attention::EfficientView::Lemma && r.lemma.kernel > 0) {
    const auto& c = r.lemma;
    DataTable t{
        QStringLiteral("lemma2"),
        {"kind", "kernel", "analytic_mse", "empirical_mse", "empirical_mean", "negative_draws"},
        {}};
    for (int k = 0; k < 3; ++k)
      t.rows.push_back({double(k), c.kernel, c.analyticMse[k], c.empiricalMse[k],
                        c.empiricalMean[k], double(c.negativeDraws[k])});
    tables << t;
    DataTable h{QStringLiteral("lemma2_histogram"),
                {"bin_lo", "bin_hi", "positive", "hyperbolic", "trig"},
                {}};
    for (Eigen::Index b = 0; b < c.density.rows(); ++b)
      h.rows.push_back({c.binEdges[std::size_t(b)], c.binEdges[std::size_t(b) + 1], c.density(b, 0),
                        c.density(b, 1), c.density(b, 2)});
    tables << h;
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

  // The inputs behind every view: Q, K, V, Performer's Ω, the Transformer-VQ codebook and codes.
  tables << matrixTable(QStringLiteral("q"), QStringLiteral("row"), QStringLiteral("q"), r.queries);
  tables << matrixTable(QStringLiteral("k"), QStringLiteral("row"), QStringLiteral("k"), r.keys);
  tables << matrixTable(QStringLiteral("v"), QStringLiteral("row"), QStringLiteral("v"), r.values);
  tables << matrixTable(QStringLiteral("performer_omega"), QStringLiteral("feature"),
                        QStringLiteral("w"), r.omega);
  tables << matrixTable(QStringLiteral("vq_codebook"), QStringLiteral("code"), QStringLiteral("c"),
                        r.codebook);
  DataTable keyCodes{QStringLiteral("vq_codes"), {"key", "code"}, {}};
  for (std::size_t i = 0; i < r.codes.size(); ++i)
    keyCodes.rows.push_back({double(i), double(r.codes[i])});
  tables << keyCodes;

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
    if (m_timing->deviceMs.size() > 0) {  // the same methods on the OpenCL device, float32
      DataTable d{QStringLiteral("timing_device"), {"n", "exact_ms", "performer_ms", "vq_ms"}, {}};
      for (std::size_t i = 0; i < m_timing->sizes.size(); ++i) {
        const auto c = static_cast<Eigen::Index>(i);
        d.rows.push_back({double(m_timing->sizes[i]), m_timing->deviceMs(0, c),
                          m_timing->deviceMs(1, c), m_timing->deviceMs(2, c)});
      }
      tables << d;
      tables << DataTable{QStringLiteral("crossover_device"),
                          {"performer_n", "transformer_vq_n"},
                          {{m_timing->devicePerformerCrossover, m_timing->deviceVqCrossover}}};
    }
    tables << DataTable{
        QStringLiteral("crossover"),
        {"performer_n", "transformer_vq_n", "ms_per_gflop"},
        {{m_timing->performerCrossover, m_timing->vqCrossover, m_timing->msPerGflop}}};
  }
  return tables;
}

QList<DataValue> EfficientAttentionPage::exportValues() const {
  QList<DataValue> v;
  if (!m_result || m_result->partial) return v;
  const auto p = labParams();
  const auto& r = *m_result;
  v << DataValue{QStringLiteral("n"), double(p.n)} << DataValue{QStringLiteral("d"), double(p.d)}
    << DataValue{QStringLiteral("dv"), double(p.dv)}
    << DataValue{QStringLiteral("m"), double(r.omega.rows())}
    << DataValue{QStringLiteral("codebook_size"), double(r.codebook.rows())}
    << DataValue{QStringLiteral("kmeans_iterations"), double(p.kmeansIters)}
    << DataValue{QStringLiteral("maps_shown"), double(r.shown)}  // maps: top-left block
    << DataValue{QStringLiteral("scale"), 1.0 / std::sqrt(double(p.d))}
    // The device kernels are float32 (docs/theory/efficient_attention.md, §13).
    << DataValue{QStringLiteral("precision"), r.deviceUse.device == "cpu"
                                                  ? QStringLiteral("float64")
                                                  : QStringLiteral("float32")};
  if (m_timing)
    v << DataValue{QStringLiteral("timing_d"), double(m_timing->params.d)}
      << DataValue{QStringLiteral("timing_m"), double(m_timing->params.m)}
      << DataValue{QStringLiteral("timing_codebook_size"), double(m_timing->params.codebookSize)};
  return v;
}

}  // namespace latentlab::ui
