// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The arrays behind the ReFlow → WGAN-GP figure.
#include <algorithm>

#include "ui/pages/flows/reflow_wgan_page.h"

namespace latentlab::ui {

QList<DataTable> ReflowWganPage::exportData() const {
  QList<DataTable> out;
  if (!m_result) return out;
  const auto& r = *m_result;
  const int round = std::clamp(labParams().round, 0, static_cast<int>(r.snapshots.size()) - 1);
  const auto& s = r.snapshots[static_cast<std::size_t>(round)];

  DataTable rounds{
      QStringLiteral("rounds"),
      {QStringLiteral("round"), QStringLiteral("distance"), QStringLiteral("sw2"),
       QStringLiteral("nll"), QStringLiteral("mean_grad"), QStringLiteral("critic_loss"),
       QStringLiteral("move_residual"), QStringLiteral("exact_cos"), QStringLiteral("exact_scale")},
      {}};
  for (std::size_t k = 0; k < r.snapshots.size(); ++k) {
    const auto& q = r.snapshots[k];
    rounds.rows.push_back({static_cast<double>(k), q.distance, q.sw2, q.nll, q.meanGrad,
                           q.criticLoss, q.moveResidual, q.exactCosine, q.exactScale});
  }
  out << rounds;

  auto points = [](const QString& name, const Eigen::MatrixXd& m) {
    DataTable t{name, {QStringLiteral("x"), QStringLiteral("y")}, {}};
    for (Eigen::Index i = 0; i < m.rows(); ++i) t.rows.push_back({m(i, 0), m(i, 1)});
    return t;
  };
  out << points(QStringLiteral("particles"), s.particles);
  out << points(QStringLiteral("real"), r.real);
  out << points(QStringLiteral("interpolants"), s.interpolants);

  DataTable field{QStringLiteral("critic_grid"),
                  {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("value")},
                  {}};
  const auto g = static_cast<Eigen::Index>(r.gridAxis.size());
  for (Eigen::Index row = 0; row < g; ++row)
    for (Eigen::Index c = 0; c < g; ++c)
      field.rows.push_back({r.gridAxis[static_cast<std::size_t>(c)],
                            r.gridAxis[static_cast<std::size_t>(g - 1 - row)], s.field(row, c)});
  out << field;

  DataTable arrows{QStringLiteral("arrows"),
                   {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("gx"),
                    QStringLiteral("gy"), QStringLiteral("vx_exact"), QStringLiteral("vy_exact")},
                   {}};
  const auto l = static_cast<Eigen::Index>(r.arrowAxis.size());
  for (Eigen::Index row = 0; row < l; ++row)
    for (Eigen::Index c = 0; c < l; ++c)
      arrows.rows.push_back({r.arrowAxis[static_cast<std::size_t>(c)],
                             r.arrowAxis[static_cast<std::size_t>(l - 1 - row)],
                             s.arrows(row * l + c, 0), s.arrows(row * l + c, 1),
                             s.exactArrows(row * l + c, 0), s.exactArrows(row * l + c, 1)});
  out << arrows;
  out << DataTable{
      QStringLiteral("summary"),
      {QStringLiteral("round"), QStringLiteral("real_nll"), QStringLiteral("elapsed_ms")},
      {{static_cast<double>(round), r.realNll, r.elapsedMs}}};
  return out;
}

QList<DataValue> ReflowWganPage::exportValues() const {
  QList<DataValue> v;
  if (!m_result) return v;
  const auto& r = *m_result;
  const auto& p = r.params;
  const int round = std::clamp(labParams().round, 0, static_cast<int>(r.snapshots.size()) - 1);
  v << DataValue{QStringLiteral("particles"), double(p.particles)}
    << DataValue{QStringLiteral("rounds"), double(r.snapshots.size()) - 1.0}
    << DataValue{QStringLiteral("round_shown"), double(round)}  // the requested round, clamped
    << DataValue{QStringLiteral("round_requested"), double(labParams().round)}
    << DataValue{QStringLiteral("critic_steps"), double(p.criticSteps)}
    << DataValue{QStringLiteral("view_box"), r.viewBox}  // widened to fit the target
    << DataValue{QStringLiteral("drawn_points"), double(p.drawn.size() / 2)}
    << DataValue{QStringLiteral("precision"), QStringLiteral("float64")};
  return v;
}

}  // namespace latentlab::ui
