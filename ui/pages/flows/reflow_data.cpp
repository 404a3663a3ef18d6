// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The arrays behind the ReFlow figures, for CSV/JSON export.
#include "ui/pages/flows/reflow_page.h"

#include <cmath>

namespace latentlab::ui {

namespace {

DataTable pointsTable(const QString& name, const Eigen::MatrixXd& m) {
  DataTable t{name, QStringList{"x", "y"}, {}};
  for (Eigen::Index i = 0; i < m.rows(); ++i) t.rows.push_back({m(i, 0), m(i, 1)});
  return t;
}

DataTable pathsTable(const QString& name, const std::vector<Eigen::MatrixXd>& paths) {
  DataTable t{name, QStringList{"path", "step", "x", "y"}, {}};
  for (std::size_t j = 0; j < paths.size(); ++j)
    for (Eigen::Index i = 0; i < paths[j].rows(); ++i)
      t.rows.push_back(
          {static_cast<double>(j), static_cast<double>(i), paths[j](i, 0), paths[j](i, 1)});
  return t;
}

}  // namespace

QList<DataTable> ReflowPage::exportData() const {
  QList<DataTable> tables;
  if (!m_result) return tables;
  const auto& r = *m_result;
  tables << pointsTable(QStringLiteral("particles_t"), r.snapshot());
  tables << pointsTable(QStringLiteral("target_samples"), r.targetSamples);
  tables << pathsTable(QStringLiteral("trajectories"), r.paths);
  DataTable dens{QStringLiteral("density"), QStringList{"x", "y", "rho"}, {}};
  const Eigen::Index g = r.density.rows();
  for (Eigen::Index i = 0; i < g; ++i)
    for (Eigen::Index j = 0; j < g; ++j)
      dens.rows.push_back({-r.box + (static_cast<double>(j) + 0.5) * 2.0 * r.box / g,
                           r.box - (static_cast<double>(i) + 0.5) * 2.0 * r.box / g,
                           r.density(i, j)});
  tables << dens;
  DataTable arrows{QStringLiteral("velocity"), QStringList{"x", "y", "vx", "vy"}, {}};
  for (Eigen::Index i = 0; i < r.arrowBase.rows(); ++i)
    arrows.rows.push_back(
        {r.arrowBase(i, 0), r.arrowBase(i, 1), r.arrowVel(i, 0), r.arrowVel(i, 1)});
  tables << arrows;
  DataTable pairs{QStringLiteral("pairs"), QStringList{"x0", "y0", "x1", "y1"}, {}};
  for (Eigen::Index i = 0; i < r.pairs0.rows(); ++i)
    pairs.rows.push_back({r.pairs0(i, 0), r.pairs0(i, 1), r.pairs1(i, 0), r.pairs1(i, 1)});
  tables << pairs;
  if (!r.rounds.empty()) {
    DataTable rounds{QStringLiteral("rounds"),
                     QStringList{"k", "straightness", "cost", "nll", "sw2", "fit_loss"},
                     {}};
    for (std::size_t k = 0; k < r.rounds.size(); ++k) {
      const auto& s = r.rounds[k];
      rounds.rows.push_back(
          {static_cast<double>(k + 1), s.straightness, s.cost, s.nll, s.sw2, s.fitLoss});
    }
    tables << rounds;
  }
  if (!r.qualityNll.empty()) {
    DataTable q{QStringLiteral("quality"),
                QStringList{"flow_k", "steps", "nll_euler", "nll_heun", "nll_rk4"},
                {}};
    for (std::size_t f = 0; f < r.qualityNll.size(); ++f)
      for (std::size_t i = 0; i < r.qualitySteps.size(); ++i)
        q.rows.push_back({static_cast<double>(f + 1), static_cast<double>(r.qualitySteps[i]),
                          r.qualityNll[f][0][i], r.qualityNll[f][1][i], r.qualityNll[f][2][i]});
    tables << q;
  }
  return tables;
}

QList<DataValue> ReflowPage::exportValues() const {
  QList<DataValue> v;
  if (!m_result) return v;
  const auto& r = *m_result;
  const auto p = labParams();
  v << DataValue{QStringLiteral("particles"), double(p.particles)}
    << DataValue{QStringLiteral("steps"), double(p.steps)}
    << DataValue{QStringLiteral("dt"), 1.0 / p.steps}
    << DataValue{QStringLiteral("integrator"), QString::fromLatin1(flows::solverId(p.solver))}
    << DataValue{QStringLiteral("time_requested"), p.time}
    << DataValue{QStringLiteral("time_shown"), r.snapshotTime}  // the frame nearest to it
    << DataValue{QStringLiteral("frame_shown"), double(r.snapshotIndex)}
    << DataValue{QStringLiteral("target_samples"), double(r.targetSamples.rows())}
    << DataValue{QStringLiteral("box"), r.box}
    // On a device the particles are float32 (the density and arrows stay double).
    << DataValue{QStringLiteral("precision"), std::isfinite(r.float32Error)
                                                  ? QStringLiteral("float32")
                                                  : QStringLiteral("float64")};
  if (std::isfinite(r.float32Error))
    v << DataValue{QStringLiteral("float32_max_position_error"), r.float32Error}
      << DataValue{QStringLiteral("float32_error_particles"),
                   double(r.float32ErrorParticles)};
  if (!r.rounds.empty()) {
    v << DataValue{QStringLiteral("rounds"), double(r.rounds.size())}
      << DataValue{QStringLiteral("pairs"), double(p.pairs)}
      << DataValue{QStringLiteral("pair_integrator"), QStringLiteral("rk4, 32 steps")};
  }
  if (m_image && p.target == flows::TargetPreset::Image)
    v << DataValue{QStringLiteral("image"), m_image.name}
      << DataValue{QStringLiteral("image_width"), double(m_image.image->width())}
      << DataValue{QStringLiteral("image_height"), double(m_image.image->height())};
  return v;
}

}  // namespace latentlab::ui
