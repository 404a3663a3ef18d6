// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Fokker–Planck page's exported tables: read-outs per frame, the density at the shown frame,
// and the drawn trajectories.
#include <limits>

#include "ui/common/matrix_table.h"
#include "ui/pages/flows/fokker_planck_page.h"

namespace latentlab::ui {

QList<DataTable> FokkerPlanckPage::exportData() const {
  QList<DataTable> out;
  if (!m_result) return out;
  const flows::FpLabResult& r = *m_result;
  DataTable frames{QStringLiteral("frames"),
                   {"t", "mass", "tv_sde", "tv_sigma", "mc_floor", "tv_pde_closed", "mean_sde",
                    "mean_sigma", "mean_pde", "mean_closed", "var_sde", "var_sigma", "var_pde",
                    "var_closed", "phi_mean", "wf_lhs", "wf_rhs"},
                   {}};
  if (r.dim == 2)  // the second coordinate's moments (the columns above are coordinate 1's)
    frames.columns << "mean_sde_y"
                   << "mean_sigma_y"
                   << "mean_pde_y"
                   << "mean_closed_y"
                   << "var_sde_y"
                   << "var_sigma_y"
                   << "var_pde_y"
                   << "var_closed_y";
  for (std::size_t i = 0; i < r.snapshots.size(); ++i) {
    const auto& s = r.snapshots[i];
    frames.rows.push_back({s.t, s.mass, s.tvSde, s.tvSigma, s.noiseFloor, s.tvPdeClosed,
                           s.meanSde[0], s.meanSigma[0], s.meanPde[0], s.meanClosed[0], s.varSde,
                           s.varSigma, s.varPde, s.varClosed, s.phiMean, r.wfLhs[i], s.phiRhs});
    if (r.dim == 2)
      frames.rows.back().insert(frames.rows.back().end(),
                                {s.meanSde[1], s.meanSigma[1], s.meanPde[1], s.meanClosed[1],
                                 s.varSdeY, s.varSigmaY, s.varPdeY, s.varClosedY});
  }
  out.append(frames);

  const auto& s = r.snapshots[shownFrame()];
  DataTable density{QStringLiteral("density"),
                    {"x", "y", "pde", "hist_sde", "hist_sigma", "closed", "initial"},
                    {}};
  const int rows = r.dim == 2 ? r.n : 1;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (int j = 0; j < rows; ++j)
    for (int i = 0; i < r.n; ++i) {
      const std::size_t c = static_cast<std::size_t>(j) * r.n + i;
      density.rows.push_back({r.lo + (i + 0.5) * r.h, r.dim == 2 ? r.lo + (j + 0.5) * r.h : 0.0,
                              s.pde[c], s.histSde[c], s.histSigma[c],
                              s.closed.empty() ? nan : s.closed[c], r.initial[c]});
    }
  out.append(density);

  DataTable traj{QStringLiteral("trajectories"), {"t"}, {}};
  for (std::size_t k = 0; k < r.trajSde.size(); ++k)
    for (int a = 0; a < r.dim; ++a) {
      traj.columns << QStringLiteral("sde%1_x%2").arg(k + 1).arg(a + 1);
      traj.columns << QStringLiteral("sigma%1_x%2").arg(k + 1).arg(a + 1);
    }
  for (std::size_t i = 0; i < r.trajTimes.size(); ++i) {
    std::vector<double> row{r.trajTimes[i]};
    for (std::size_t k = 0; k < r.trajSde.size(); ++k)
      for (int a = 0; a < r.dim; ++a) {
        row.push_back(r.trajSde[k](static_cast<Eigen::Index>(i), a));
        row.push_back(r.trajSigma[k](static_cast<Eigen::Index>(i), a));
      }
    traj.rows.push_back(std::move(row));
  }
  out.append(traj);

  // Residual vs Δt of the shown frame (the "Residual vs Δt" view).
  DataTable residual{QStringLiteral("wf_residual"), {"dt", "residual", "residual_without_ito"}, {}};
  for (std::size_t i = 0; i < r.residualDt.size() && i < s.wfResidual.size(); ++i)
    residual.rows.push_back({r.residualDt[i], s.wfResidual[i], s.wfResidual[i] + s.itoTerm});
  out.append(residual);

  // The SDE particles the weak-form residual of the shown frame averages over.
  out.append(matrixTable(QStringLiteral("wf_particles"), QStringLiteral("particle"),
                         QStringLiteral("x"), s.wfParticles));
  return out;
}

QList<DataValue> FokkerPlanckPage::exportValues() const {
  QList<DataValue> v;
  if (!m_result) return v;
  const flows::FpLabResult& r = *m_result;
  const auto p = labParams();
  const int frame = shownFrame();
  v << DataValue{QStringLiteral("dim"), double(r.dim)}
    << DataValue{QStringLiteral("grid_n"), double(r.n)} << DataValue{QStringLiteral("h"), r.h}
    << DataValue{QStringLiteral("dt"), r.dt} << DataValue{QStringLiteral("stable_dt"), r.stableDt}
    << DataValue{QStringLiteral("steps"), double(r.steps)}
    << DataValue{QStringLiteral("particles"), double(p.particles)}
    << DataValue{QStringLiteral("sigma_used"), r.sigmaUsed}
    << DataValue{QStringLiteral("sde_integrator"), QStringLiteral("euler_maruyama")}
    << DataValue{QStringLiteral("sigma_integrator"),
                 r.sigmaIsOde ? QString::fromLatin1(flows::solverId(r.odeIntegrator))
                              : QStringLiteral("euler_maruyama")}
    << DataValue{QStringLiteral("sigma_score"),
                 r.closedFormScore ? QStringLiteral("closed_form") : QStringLiteral("grid")}
    << DataValue{QStringLiteral("flux_scheme"),
                 r.sgFallback ? QStringLiteral("muscl (sg fallback)")
                              : QString::fromStdString(formatValue(params().at("scheme")))}
    << DataValue{QStringLiteral("precision"), QStringLiteral("float64")}
    << DataValue{QStringLiteral("frame"), double(frame)}
    << DataValue{QStringLiteral("frame_requested"), double(p.frame)}
    << DataValue{QStringLiteral("t_shown"), r.snapshots[static_cast<std::size_t>(frame)].t}
    << DataValue{QStringLiteral("wf_particles"), double(r.residualParticles)}
    << DataValue{QStringLiteral("mass_drift"), r.massDrift}
    << DataValue{QStringLiteral("min_density"), r.minDensity}
    << DataValue{QStringLiteral("edge_mass"), r.edgeMass};
  return v;
}

}  // namespace latentlab::ui
