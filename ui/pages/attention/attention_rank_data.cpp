// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The arrays behind the Attention-rank figures, for CSV/JSON export.
#include "ui/pages/attention/attention_rank_page.h"

namespace latentlab::ui {

namespace {

// Attention matrices are exported up to this n; 4·2048² numbers would make a 300 MB CSV.
constexpr int kMaxExportedMatrixN = 512;

QString maskKey(attention::MaskKind k) { return QString::fromStdString(attention::maskId(k)); }

}  // namespace

QList<DataTable> AttentionRankPage::exportData() const {
  QList<DataTable> tables;
  // A snapshot without its SVDs (the page is still computing) has nothing to export yet.
  if (!m_result || !m_result->metricsReady) return tables;
  const auto& r = *m_result;

  DataTable spectra{QStringLiteral("singular_values"), {QStringLiteral("index")}, {}};
  for (const auto& m : r.masks) spectra.columns << QStringLiteral("sigma_") + maskKey(m.kind);
  for (int i = 0; i < r.n; ++i) {
    std::vector<double> row{static_cast<double>(i + 1)};
    for (const auto& mm : r.metrics) row.push_back(mm.sigma(i));
    spectra.rows.push_back(std::move(row));
  }
  tables << spectra;

  // One row per mask; mask codes: 0 bidirectional, 1 prefix, 2 causal, 3 backward.
  DataTable metrics{QStringLiteral("metrics"),
                    {"mask", "prefix_m", "tolerance", "rank_t", "erank", "stable_rank", "log_det",
                     "log_det_exact", "sigma_max", "sigma_min", "kappa", "unreliable",
                     "sigma_min_inverse", "entropy", "sigma2_over_sigma1", "collapse_r_AX",
                     "certificate_p", "certificate_N_p", "max_logit_R"},
                    {}};
  for (std::size_t m = 0; m < 4; ++m) {
    const auto& mm = r.metrics[m];
    metrics.rows.push_back({static_cast<double>(m), static_cast<double>(r.masks[m].prefix),
                            r.tolerance, static_cast<double>(mm.rankT), mm.erank, mm.stableRank,
                            mm.logDet, mm.logDetExact ? 1.0 : 0.0, mm.sigma(0), mm.sigmaMin,
                            mm.kappa, mm.unreliable ? 1.0 : 0.0, mm.sigmaMinInverse, mm.entropy,
                            mm.sigmaRatio, mm.collapse, static_cast<double>(mm.certificateP),
                            mm.certificateN, r.maxLogit});
  }
  tables << metrics;

  DataTable cert{QStringLiteral("taylor_certificate"), {"p", "index_N_p_plus_1", "bound"}, {}};
  for (const auto& c : r.certificate)
    cert.rows.push_back({static_cast<double>(c.p), c.index, c.bound});
  tables << cert;

  DataTable mixed{QStringLiteral("mixed_heads"), {"head", "forward", "log_det"}, {}};
  for (std::size_t h = 0; h < r.mixed.logDet.size(); ++h)
    mixed.rows.push_back(
        {static_cast<double>(h), r.mixed.forward[h] ? 1.0 : 0.0, r.mixed.logDet[h]});
  tables << mixed;
  if (!r.mixed.maps.empty()) {
    // Heads view: every head's shown block, long format (head, query, key, weight).
    DataTable maps{QStringLiteral("mixed_head_maps"), {"head", "query", "key", "weight"}, {}};
    for (std::size_t h = 0; h < r.mixed.maps.size(); ++h) {
      const Eigen::MatrixXd& a = r.mixed.maps[h];
      for (Eigen::Index i = 0; i < a.rows(); ++i)
        for (Eigen::Index j = 0; j < a.cols(); ++j)
          maps.rows.push_back(
              {static_cast<double>(h), static_cast<double>(i), static_cast<double>(j), a(i, j)});
    }
    tables << maps;
  }

  if (r.n <= kMaxExportedMatrixN) {
    for (std::size_t m = 0; m < 4; ++m) {
      DataTable a{QStringLiteral("attention_") + maskKey(r.masks[m].kind), {"row"}, {}};
      for (int j = 0; j < r.n; ++j) a.columns << QStringLiteral("k%1").arg(j);
      for (int i = 0; i < r.n; ++i) {
        std::vector<double> row{static_cast<double>(i)};
        for (int j = 0; j < r.n; ++j) row.push_back(r.matrices[m](i, j));
        a.rows.push_back(std::move(row));
      }
      tables << a;
    }
  }

  if (m_sweep) {
    const auto& s = *m_sweep;
    const QString axis = s.axis == attention::SweepAxis::N   ? QStringLiteral("n")
                         : s.axis == attention::SweepAxis::D ? QStringLiteral("d")
                                                             : QStringLiteral("tau");
    DataTable t{QStringLiteral("sweep"), {axis}, {}};
    for (auto k : attention::kRankMasks) t.columns << QStringLiteral("rank_") + maskKey(k);
    for (auto k : attention::kRankMasks) t.columns << QStringLiteral("erank_") + maskKey(k);
    for (std::size_t i = 0; i < s.x.size(); ++i) {
      std::vector<double> row{s.x[i]};
      for (const auto& v : s.rank) row.push_back(v[i]);
      for (const auto& v : s.erank) row.push_back(v[i]);
      t.rows.push_back(std::move(row));
    }
    tables << t;
  }

  if (m_depth) {
    DataTable t{QStringLiteral("depth"), {"layer"}, {}};
    for (const auto& c : m_depth->cases) {
      const QString name = maskKey(c.mask) + (c.residual ? QStringLiteral("_residual") : QString());
      t.columns << QStringLiteral("r_") + name << QStringLiteral("sigma2_over_sigma1_") + name
                << QStringLiteral("product_residual_") + name;
    }
    const std::size_t layers = m_depth->cases.empty() ? 0 : m_depth->cases[0].r.size();
    for (std::size_t l = 0; l < layers; ++l) {
      std::vector<double> row{static_cast<double>(l)};
      for (const auto& c : m_depth->cases) {
        const double nan = std::nan("");
        row.push_back(c.r[l]);
        row.push_back(l == 0 ? nan : c.sigmaRatio[l - 1]);
        row.push_back(l == 0 ? nan : c.productResidual[l - 1]);
      }
      t.rows.push_back(std::move(row));
    }
    tables << t;
  }
  return tables;
}

QList<DataValue> AttentionRankPage::exportValues() const {
  QList<DataValue> v;
  if (!m_result || !m_result->metricsReady) return v;
  const auto& r = *m_result;
  const auto p = labParams();
  // The sizes actually used: the files' n × d for loaded matrices, d clamped to n otherwise.
  v << DataValue{QStringLiteral("n"), double(r.n)} << DataValue{QStringLiteral("d"), double(r.d)};
  if (p.source == attention::QkSource::Npy && m_loaded) {
    v << DataValue{QStringLiteral("q_file"), QString::fromStdString(m_records[0].name)}
      << DataValue{QStringLiteral("k_file"), QString::fromStdString(m_records[1].name)}
      << DataValue{QStringLiteral("q_sha256"), QString::fromStdString(m_records[0].sha256)}
      << DataValue{QStringLiteral("k_sha256"), QString::fromStdString(m_records[1].sha256)};
  }
  v << DataValue{QStringLiteral("prefix_used"), double(r.masks[1].prefix)}
    << DataValue{QStringLiteral("tolerance_used"), r.tolerance}
    << DataValue{QStringLiteral("svd"),
                 p.svd == attention::SvdEngine::Jacobi ||
                         (p.svd == attention::SvdEngine::Auto && r.n <= attention::kJacobiMaxN)
                     ? QStringLiteral("jacobi")
                 : p.svd == attention::SvdEngine::Bdc ? QStringLiteral("bdc")
                                                      : QStringLiteral("lapack dgesdd")}
    << DataValue{QStringLiteral("attention_matrices_exported"),
                 r.n <= kMaxExportedMatrixN ? 1.0 : 0.0}
    << DataValue{QStringLiteral("precision"), QStringLiteral("float64")};
  if (m_depth) v << DataValue{QStringLiteral("depth"), double(p.depth)};
  return v;
}

}  // namespace latentlab::ui
