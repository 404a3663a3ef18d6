// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The arrays behind the Top-k figures, for CSV/JSON export.
#include "ui/pages/topk/topk_page.h"

namespace latentlab::ui {

using topk::Method;

namespace {

QString idOf(Method m) { return QString::fromLatin1(topk::methodId(m).data()); }

QString devicePrecision(const std::string& device) {
  const auto info = latentlab::findDevice(device);
  return !info || info->fp64 ? QStringLiteral("float64") : QStringLiteral("float32");
}

// Rows of `m` prefixed by the grid value.
std::vector<std::vector<double>> withGrid(const std::vector<double>& grid,
                                          const Eigen::MatrixXd& m) {
  std::vector<std::vector<double>> rows;
  for (std::size_t i = 0; i < grid.size() && static_cast<Eigen::Index>(i) < m.rows(); ++i) {
    std::vector<double> row{grid[i]};
    for (Eigen::Index c = 0; c < m.cols(); ++c) row.push_back(m(static_cast<Eigen::Index>(i), c));
    rows.push_back(std::move(row));
  }
  return rows;
}

void appendColumn(std::vector<std::vector<double>>& rows, const std::vector<double>& col) {
  for (std::size_t i = 0; i < rows.size() && i < col.size(); ++i) rows[i].push_back(col[i]);
}

/// Appends each column of `m` as "<prefix><name>", one per shown method.
void appendMethodColumns(DataTable& table, const Eigen::MatrixXd& m, const QString& prefix,
                         const QStringList& names) {
  for (Eigen::Index c = 0; c < m.cols(); ++c) {
    table.columns << prefix + names.value(static_cast<int>(c));
    appendColumn(table.rows, std::vector<double>(m.col(c).data(), m.col(c).data() + m.rows()));
  }
}

QStringList entryColumns(const QString& prefix, Eigen::Index n) {
  QStringList out;
  for (Eigen::Index i = 1; i <= n; ++i) out << QStringLiteral("%1%2").arg(prefix).arg(i);
  return out;
}

}  // namespace

QList<DataTable> TopkPage::exportData() const {
  QList<DataTable> tables;
  if (!m_result) return tables;
  const auto& r = *m_result;
  const Eigen::Index n = r.x.size();
  QStringList methodCols;
  for (const auto& o : r.outcomes) methodCols << idOf(o.method);

  DataTable masks{QStringLiteral("masks"), QStringList{"entry", "x", "hard"} + methodCols, {}};
  for (Eigen::Index i = 0; i < n; ++i) {
    std::vector<double> row{static_cast<double>(i + 1), r.x[i], r.hard[i]};
    for (const auto& o : r.outcomes) row.push_back(o.result.p[i]);
    masks.rows.push_back(std::move(row));
  }
  tables << masks;

  DataTable diag{QStringLiteral("diagnostics"),
                 {"method_index", "tau_used", "sum", "sum_error", "lambda", "iterations",
                  "l1_to_hard", "valid", "in_box", "monotone"},
                 {}};
  for (const auto& o : r.outcomes)
    diag.rows.push_back(
        {static_cast<double>(o.method), o.tauUsed, o.result.p.sum(), o.result.sumError,
         o.result.lambda, static_cast<double>(o.result.iterations), o.l1ToHard,
         o.result.valid ? 1.0 : 0.0, o.result.inBox ? 1.0 : 0.0, o.monotone ? 1.0 : 0.0});
  tables << diag;

  DataTable response{QStringLiteral("response"),
                     QStringList{"x_j"} + entryColumns("focus_p", r.responseFocus.cols()),
                     {}};
  response.rows = withGrid(r.sweepValues, r.responseFocus);
  appendMethodColumns(response, r.responseByMethod, QStringLiteral("p_j_"), methodCols);
  response.columns << QStringLiteral("hard") << QStringLiteral("trace_j");
  appendColumn(response.rows, r.responseHard);
  appendColumn(response.rows, r.traceVsSweep);
  tables << response;

  DataTable temperature{QStringLiteral("temperature"),
                        QStringList{"tau"} + entryColumns("focus_p", r.tauFocus.cols()),
                        {}};
  temperature.rows = withGrid(r.tauGrid, r.tauFocus);
  appendMethodColumns(temperature, r.l1ByMethod, QStringLiteral("l1_"), methodCols);
  temperature.columns << QStringLiteral("trace_j") << QStringLiteral("smooth_sum");
  appendColumn(temperature.rows, r.traceVsTau);
  appendColumn(temperature.rows, r.smoothSum);
  tables << temperature;

  DataTable jac{QStringLiteral("jacobian"), QStringList{"i"} + entryColumns("dx", n), {}};
  for (Eigen::Index i = 0; i < r.focus.jacobian.rows(); ++i) {
    std::vector<double> row{static_cast<double>(i + 1)};
    for (Eigen::Index j = 0; j < r.focus.jacobian.cols(); ++j)
      row.push_back(r.focus.jacobian(i, j));
    jac.rows.push_back(std::move(row));
  }
  tables << jac;

  if (!r.lambdaGrid.empty()) {
    DataTable thr{QStringLiteral("threshold"), {"lambda", "F"}, {}};
    for (std::size_t i = 0; i < r.lambdaGrid.size(); ++i)
      thr.rows.push_back({r.lambdaGrid[i], r.fOfLambda[i]});
    tables << thr;
  }
  DataTable fn{QStringLiteral("threshold_functions"),
               {"u", "f_exp", "f_sigmoid", "f_laplace", "f_clip", "f_entmax"},
               {}};
  fn.rows = withGrid(r.uGrid, r.fCurves);
  appendMethodColumns(fn, r.dfCurves, QStringLiteral("df_"),
                      {"exp", "sigmoid", "laplace", "clip", "entmax"});
  tables << fn;

  DataTable stab{QStringLiteral("stability"), {"k", "tau", "naive_error", "dp_error"}, {}};
  for (std::size_t a = 0; a < r.stabilityK.size(); ++a)
    for (std::size_t b = 0; b < r.stabilityTau.size(); ++b)
      stab.rows.push_back({static_cast<double>(r.stabilityK[a]), r.stabilityTau[b],
                           r.naiveError(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)),
                           r.dpError(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b))});
  tables << stab;

  DataTable props{QStringLiteral("properties"), {"method_index"}, {}};
  for (int c = 0; c < static_cast<int>(topk::Property::Count); ++c)
    props.columns << QString::fromStdString(topk::propertyLabel(static_cast<topk::Property>(c)));
  for (std::size_t m = 0; m < r.properties.size() && m < r.outcomes.size(); ++m) {
    std::vector<double> row{static_cast<double>(r.outcomes[m].method)};
    for (bool ok : r.properties[m]) row.push_back(ok ? 1.0 : 0.0);
    props.rows.push_back(std::move(row));
  }
  tables << props;

  if (m_speed) {
    // Rows: n; columns: the methods. The device table's NaN cells are methods without a device
    // path.
    const auto msTable = [&](const char* name, const Eigen::MatrixXd& ms) {
      DataTable t{QString::fromLatin1(name), {"n"}, {}};
      for (Method m : m_speed->methods) t.columns << idOf(m);
      for (std::size_t s = 0; s < m_speed->sizes.size(); ++s) {
        std::vector<double> row{static_cast<double>(m_speed->sizes[s])};
        for (Eigen::Index m = 0; m < ms.rows(); ++m)
          row.push_back(ms(m, static_cast<Eigen::Index>(s)));
        t.rows.push_back(std::move(row));
      }
      return t;
    };
    tables << msTable("speed_ms", m_speed->medianMs);
    if (m_speed->deviceMs.size() > 0) tables << msTable("speed_device_ms", m_speed->deviceMs);
  }
  return tables;
}

QList<DataValue> TopkPage::exportValues() const {
  QList<DataValue> v;
  if (!m_result) return v;
  const auto p = labParams();
  const auto& f = m_result->focus;
  v << DataValue{QStringLiteral("n"), double(m_result->x.size())}
    << DataValue{QStringLiteral("k"), double(p.k)}
    << DataValue{QStringLiteral("focus_method"), idOf(p.method)}
    << DataValue{QStringLiteral("focus_iterations"), double(f.iterations)}
    << DataValue{QStringLiteral("focus_sum_error"), f.sumError}
    << DataValue{QStringLiteral("mc_samples"), double(p.mcSamples)}  // 0: exact expectations
    << DataValue{QStringLiteral("response_mc_samples_max"), 512.0}   // curves of gumbel/gauss
    << DataValue{QStringLiteral("jacobian_fd_error"), m_result->jacobianFdError}
    // The device path is double where the device has fp64, else float32.
    << DataValue{QStringLiteral("precision"), devicePrecision(m_result->deviceUse.device)};
  return v;
}

}  // namespace latentlab::ui
