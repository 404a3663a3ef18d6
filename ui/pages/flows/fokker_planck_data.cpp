// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Fokker–Planck page's exported tables: read-outs per frame, the density at the shown frame,
// and the drawn trajectories.
#include <limits>

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
  for (std::size_t i = 0; i < r.snapshots.size(); ++i) {
    const auto& s = r.snapshots[i];
    frames.rows.push_back({s.t, s.mass, s.tvSde, s.tvSigma, s.noiseFloor, s.tvPdeClosed,
                           s.meanSde[0], s.meanSigma[0], s.meanPde[0], s.meanClosed[0], s.varSde,
                           s.varSigma, s.varPde, s.varClosed, s.phiMean, r.wfLhs[i], s.phiRhs});
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
  return out;
}

}  // namespace latentlab::ui
