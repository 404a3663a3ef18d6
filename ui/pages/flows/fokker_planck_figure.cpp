// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/flows/fokker_planck_figure.h"

#include <QGridLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "ui/common/chart_view.h"
#include "ui/common/figure_label.h"
#include "ui/common/figure_stack.h"
#include "ui/pages/flows/fokker_planck_canvas.h"

namespace latentlab::ui {

using flows::FpLabParams;
using flows::FpLabResult;
using flows::FpSnapshot;

namespace {

const QColor kPde(0x1f, 0x77, 0xb4);
const QColor kSde(0xff, 0x7f, 0x0e);
const QColor kSigma(0xe3, 0x77, 0xc2);
const QColor kClosed(0x2c, 0xa0, 0x2c);
const QColor kInitial(0x99, 0x99, 0x99);
const QColor kFloor(0x94, 0x67, 0xbd);
const QColor kPath(0xd6, 0x27, 0x28);

ChartView* makeChart(QWidget* parent) {
  auto* c = new ChartView(parent);
  c->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  return c;
}

QString num(double v, int prec = 4) {
  return std::isfinite(v) ? QString::number(v, 'g', prec) : QStringLiteral("—");
}

int trajRowsAt(const FpLabResult& r, double t) {
  const auto it = std::upper_bound(r.trajTimes.begin(), r.trajTimes.end(), t + 1e-12);
  return static_cast<int>(it - r.trajTimes.begin());
}

std::vector<QPointF> cellCurve(const FpLabResult& r, const std::vector<double>& v) {
  std::vector<QPointF> pts;
  for (int i = 0; i < r.n; ++i) pts.emplace_back(r.lo + (i + 0.5) * r.h, v[i]);
  return pts;
}

// Read-out of one family at a frame: TV with the Monte-Carlo floor, mean/var vs closed form, mass.
// The σ = 0 family's integrator as the figure names it.
QString integratorName(const FpLabResult& r) {
  switch (r.odeIntegrator) {
    case flows::Solver::Euler:
      return FokkerPlanckFigure::tr("Euler, 1st order");
    case flows::Solver::Heun:
      return FokkerPlanckFigure::tr("Heun, 2nd order");
    case flows::Solver::Rk4:
      return FokkerPlanckFigure::tr("RK4, 4th order");
  }
  return {};
}

QString readout(const FpLabResult& r, const FpSnapshot& s, bool sigmaFamily, int particles) {
  const double tv = sigmaFamily ? s.tvSigma : s.tvSde;
  const Eigen::Vector2d m = sigmaFamily ? s.meanSigma : s.meanSde;
  const double v = sigmaFamily ? s.varSigma : s.varSde;
  QString mean = r.dim == 2 ? QStringLiteral("(%1, %2)").arg(num(m[0]), num(m[1])) : num(m[0]);
  QString meanC = r.dim == 2
                      ? QStringLiteral("(%1, %2)").arg(num(s.meanClosed[0]), num(s.meanClosed[1]))
                      : num(s.meanClosed[0]);
  const QString closedName = r.stationaryClosedForm ? FokkerPlanckFigure::tr("stationary")
                                                    : FokkerPlanckFigure::tr("closed form");
  return FokkerPlanckFigure::tr(
             "TV(histogram, PDE) = <b>%1</b> (Monte-Carlo floor %2 for N = %3) · "
             "mean %4, var x₁ %5 · PDE: mean %6, var %7 · %8: mean %9, var %10 · "
             "PDE mass %11")
      .arg(num(tv, 3), num(s.noiseFloor, 3), QString::number(particles), mean, num(v),
           r.dim == 2 ? QStringLiteral("(%1, %2)").arg(num(s.meanPde[0]), num(s.meanPde[1]))
                      : num(s.meanPde[0]),
           num(s.varPde), closedName, r.hasClosedForm ? meanC : QStringLiteral("—"))
      .arg(num(s.varClosed), QString::number(s.mass, 'f', 12));
}

}  // namespace

FokkerPlanckFigure::FokkerPlanckFigure(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  m_title = makeFigureTitle(this);
  m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  layout->addWidget(m_title);
  m_stack = new FigureStack(this);
  m_stack->addWidget(buildDensity());
  m_stack->addWidget(buildCompare());
  m_stack->addWidget(buildMetrics());
  m_stack->addWidget(buildWeakForm());
  m_stack->addWidget(buildResidual());
  layout->addWidget(m_stack, 1);
}

QWidget* FokkerPlanckFigure::buildDensity() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  m_canvas = new FpDensityCanvas(w);
  m_curves = makeChart(w);
  m_paths = makeChart(w);
  m_densityReadout = makeFigureLabel(w, 3);
  // One chart row (the stack's minimum height is the tallest panel's): the density (canvas in
  // 2-D, curves in 1-D, same cell) beside the paths.
  g->addWidget(m_canvas, 0, 0);
  g->addWidget(m_curves, 0, 0);
  g->addWidget(m_paths, 0, 1);
  g->addWidget(m_densityReadout, 1, 0, 1, 2);
  // The square 2-D canvas is limited by its width: give it the larger share.
  g->setColumnStretch(0, 3);
  g->setColumnStretch(1, 2);
  g->setRowStretch(0, 1);
  return w;
}

QWidget* FokkerPlanckFigure::buildCompare() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  int col = 0;
  for (Column* c : {&m_left, &m_right}) {
    c->canvas = new FpDensityCanvas(w);
    c->curves = makeChart(w);
    c->paths = makeChart(w);
    c->readout = makeFigureLabel(w, 4);
    g->addWidget(c->canvas, 0, col);
    g->addWidget(c->curves, 0, col);  // 1-D: same cell as the 2-D canvas
    g->addWidget(c->paths, 1, col);
    g->addWidget(c->readout, 2, col);
    g->setColumnStretch(col, 1);
    ++col;
  }
  for (int r = 0; r < 2; ++r) g->setRowStretch(r, 1);
  return w;
}

QWidget* FokkerPlanckFigure::buildMetrics() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  m_tv = makeChart(w);
  m_mean = makeChart(w);
  m_var = makeChart(w);
  m_mass = makeChart(w);
  g->addWidget(m_tv, 0, 0);
  g->addWidget(m_mean, 0, 1);
  g->addWidget(m_var, 1, 0);
  g->addWidget(m_mass, 1, 1);
  for (int i = 0; i < 2; ++i) {
    g->setRowStretch(i, 1);
    g->setColumnStretch(i, 1);
  }
  return w;
}

QWidget* FokkerPlanckFigure::buildWeakForm() {
  auto* w = new QWidget(this);
  auto* l = new QVBoxLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  m_wf = makeChart(w);
  m_wfMean = makeChart(w);
  m_wfNote = makeFigureLabel(w, 3);
  l->addWidget(m_wf, 3);
  l->addWidget(m_wfMean, 2);
  l->addWidget(m_wfNote);
  return w;
}

void FokkerPlanckFigure::show(const FpLabParams& p, const FpLabResult& r, int frame) {
  if (r.snapshots.empty()) return;
  frame = std::clamp(frame, 0, static_cast<int>(r.snapshots.size()) - 1);
  const double t = r.snapshots[frame].t;
  static const char* const kViews[] = {
      QT_TR_NOOP("Fokker–Planck: grid solution and particles"),
      QT_TR_NOOP("SDE (σ = g) vs σ-SDE on the same seed"), QT_TR_NOOP("Read-outs over time"),
      QT_TR_NOOP("Test-function check (WF)"), QT_TR_NOOP("Residual vs Δt (WF)")};
  const int view = static_cast<int>(p.view);
  m_title->setText(tr("%1 — t = %2 (frame %3/%4)")
                       .arg(tr(kViews[view]), QString::number(t, 'f', 3), QString::number(frame),
                            QString::number(r.snapshots.size() - 1)));
  m_title->setToolTip(tr("Δt = %1 (CFL bound %2), %3 steps")
                          .arg(num(r.dt, 3), num(r.stableDt, 3), QString::number(r.steps)));
  m_stack->setCurrentIndex(view);
  switch (p.view) {
    case flows::FpView::Density:
      fillDensity(p, r, frame);
      break;
    case flows::FpView::Compare:
      fillColumn(m_left, false, p, r, frame);
      fillColumn(m_right, true, p, r, frame);
      break;
    case flows::FpView::Metrics:
      fillMetrics(r, frame);
      break;
    case flows::FpView::WeakForm:
      fillWeakForm(p, r, frame);
      break;
    case flows::FpView::Residual:
      fillResidual(p, r, frame);
      break;
  }
}

void FokkerPlanckFigure::fillDensity(const FpLabParams& p, const FpLabResult& r, int frame) {
  const FpSnapshot& s = r.snapshots[frame];
  const bool two = r.dim == 2;
  m_canvas->setVisible(two);
  m_curves->setVisible(!two);
  const int rows = trajRowsAt(r, s.t);
  if (two) {
    const double top = *std::max_element(s.pde.begin(), s.pde.end());
    m_canvas->setTitle(
        tr("PDE density, SDE particles (orange), %1 paths (red)").arg(r.trajSde.size()));
    m_canvas->setDensity(
        s.pde, r.n, r.lo, r.hi,
        ColorMapping{ColorMapKind::Viridis, ColorScale::Linear, 0.0, top > 0 ? top : 1.0});
    m_canvas->setParticles(s.shownSde, kSde);
    m_canvas->setTrajectories(r.trajSde, rows, kPath);
  } else {
    m_curves->clearSeries();
    m_curves->setTitle(tr("Density at t = %1").arg(s.t, 0, 'f', 3));
    m_curves->setAxes(QStringLiteral("x"), ChartView::Axis::Linear, tr("p(x)"),
                      ChartView::Axis::Linear);
    m_curves->setSeries(tr("initial"), cellCurve(r, r.initial), ChartView::Style::Dashed, kInitial,
                        1.5);
    m_curves->setSeries(tr("histogram"), cellCurve(r, s.histSde), ChartView::Style::Step, kSde,
                        1.5);
    if (!s.closed.empty())
      m_curves->setSeries(r.stationaryClosedForm ? tr("stationary") : tr("closed form"),
                          cellCurve(r, s.closed), ChartView::Style::Dashed, kClosed, 2.0);
    m_curves->setSeries(tr("PDE"), cellCurve(r, s.pde), ChartView::Style::Line, kPde, 2.0);
  }
  m_paths->clearSeries();
  m_paths->setTitle(two ? tr("SDE paths: x₁ over time") : tr("SDE particle paths"));
  m_paths->setAxes(QStringLiteral("t"), ChartView::Axis::Linear,
                   two ? QStringLiteral("x₁") : QStringLiteral("x"), ChartView::Axis::Linear);
  m_paths->setXRange(0.0, p.tEnd);
  for (std::size_t k = 0; k < r.trajSde.size(); ++k) {
    std::vector<QPointF> pts;
    for (int i = 0; i < rows; ++i) pts.emplace_back(r.trajTimes[i], r.trajSde[k](i, 0));
    m_paths->setSeries(tr("path %1").arg(k + 1), pts, ChartView::Style::Line, {}, 1.2);
  }
  m_paths->setLegendVisible(false);
  m_densityReadout->setText(readout(r, s, false, p.particles) +
                            tr(" · Δt = %1 (CFL bound %2), %3 steps")
                                .arg(num(r.dt, 3), num(r.stableDt, 3), QString::number(r.steps)) +
                            (r.edgeMass > 1e-6 ? tr(" · <b>box too small</b>: %1 of the mass "
                                                    "in the outer cells")
                                                     .arg(num(r.edgeMass, 2))
                                               : QString()));
}

void FokkerPlanckFigure::fillColumn(Column& c, bool sigmaFamily, const FpLabParams& p,
                                    const FpLabResult& r, int frame) {
  const FpSnapshot& s = r.snapshots[frame];
  const bool two = r.dim == 2;
  const int rows = trajRowsAt(r, s.t);
  const QString name =
      sigmaFamily ? (r.sigmaIsOde ? tr("σ = 0: probability-flow ODE (%1)").arg(integratorName(r))
                                  : tr("σ-SDE, σ = %1 (Euler–Maruyama)").arg(num(r.sigmaUsed, 3)))
                  : tr("SDE (Euler–Maruyama, σ = g)");
  const QColor col = sigmaFamily ? kSigma : kSde;
  const auto& paths = sigmaFamily ? r.trajSigma : r.trajSde;
  c.canvas->setVisible(two);
  c.curves->setVisible(!two);
  if (two) {
    const double top = *std::max_element(s.pde.begin(), s.pde.end());
    c.canvas->setTitle(name);
    c.canvas->setDensity(
        s.pde, r.n, r.lo, r.hi,
        ColorMapping{ColorMapKind::Viridis, ColorScale::Linear, 0.0, top > 0 ? top : 1.0});
    c.canvas->setParticles(sigmaFamily ? s.shownSigma : s.shownSde, col);
    c.canvas->setTrajectories(paths, rows, kPath);
  } else {
    c.curves->clearSeries();
    c.curves->setTitle(
        tr("Histogram (%1) vs PDE (blue)").arg(sigmaFamily ? tr("pink") : tr("orange")));
    c.curves->setLegendVisible(false);  // a legend here squeezes the y axis into "…" labels
    c.curves->setAxes(QStringLiteral("x"), ChartView::Axis::Linear, tr("p(x)"),
                      ChartView::Axis::Linear);
    c.curves->setSeries(tr("histogram"), cellCurve(r, sigmaFamily ? s.histSigma : s.histSde),
                        ChartView::Style::Step, col, 1.5);
    c.curves->setSeries(tr("PDE"), cellCurve(r, s.pde), ChartView::Style::Line, kPde, 2.0);
  }
  c.paths->clearSeries();
  c.paths->setTitle(two ? tr("%1: x₁ of each path").arg(name) : name);
  c.paths->setAxes(QStringLiteral("t"), ChartView::Axis::Linear,
                   two ? QStringLiteral("x₁") : QStringLiteral("x"), ChartView::Axis::Linear);
  c.paths->setXRange(0.0, p.tEnd);
  for (std::size_t k = 0; k < paths.size(); ++k) {
    std::vector<QPointF> pts;
    for (int i = 0; i < rows; ++i) pts.emplace_back(r.trajTimes[i], paths[k](i, 0));
    c.paths->setSeries(tr("path %1").arg(k + 1), pts, ChartView::Style::Line, {}, 1.2);
  }
  c.paths->setLegendVisible(false);
  QString text = readout(r, s, sigmaFamily, p.particles);
  // Which score drives the σ-family (only matters when σ < g).
  if (sigmaFamily && r.sigmaUsed < p.g)
    text += r.closedFormScore ? tr(" · score: closed form −(x − m(t))/v(t)")
                              : tr(" · score: grid estimate");
  c.readout->setText(text);
}

void FokkerPlanckFigure::fillMetrics(const FpLabResult& r, int frame) {
  std::vector<QPointF> tvA, tvB, floor, tvC, mA, mB, mP, mC, vA, vB, vP, vC, mass;
  const double m0 = r.snapshots.front().mass;
  for (const auto& s : r.snapshots) {
    tvA.emplace_back(s.t, s.tvSde);
    tvB.emplace_back(s.t, s.tvSigma);
    floor.emplace_back(s.t, s.noiseFloor);
    tvC.emplace_back(s.t, s.tvPdeClosed);
    mA.emplace_back(s.t, s.meanSde[0]);
    mB.emplace_back(s.t, s.meanSigma[0]);
    mP.emplace_back(s.t, s.meanPde[0]);
    mC.emplace_back(s.t, s.meanClosed[0]);
    vA.emplace_back(s.t, s.varSde);
    vB.emplace_back(s.t, s.varSigma);
    vP.emplace_back(s.t, s.varPde);
    vC.emplace_back(s.t, s.varClosed);
    mass.emplace_back(s.t, (s.mass - m0) / m0);
  }
  const double t = r.snapshots[frame].t;
  auto prep = [&](ChartView* c, const QString& title, const QString& y, ChartView::Axis ya) {
    c->clearSeries();
    c->clearMarkers();
    c->setTitle(title);
    c->setAxes(QStringLiteral("t"), ChartView::Axis::Linear, y, ya);
    c->setMarker(tr("now"), Qt::Vertical, t);
  };
  prep(m_tv, tr("Total variation"), QStringLiteral("TV"), ChartView::Axis::Log);
  m_tv->setSeries(tr("SDE"), tvA, ChartView::Style::Line, kSde);
  m_tv->setSeries(tr("σ-SDE"), tvB, ChartView::Style::Line, kSigma);
  m_tv->setSeries(tr("MC floor"), floor, ChartView::Style::Dashed, kFloor);
  if (r.hasClosedForm)
    m_tv->setSeries(r.stationaryClosedForm ? tr("PDE–stationary") : tr("PDE–exact"), tvC,
                    ChartView::Style::Line, kClosed);
  prep(m_mean, tr("Mean of x₁"), tr("mean"), ChartView::Axis::Linear);
  m_mean->setSeries(tr("SDE"), mA, ChartView::Style::Line, kSde);
  m_mean->setSeries(tr("σ-SDE"), mB, ChartView::Style::Line, kSigma);
  m_mean->setSeries(tr("PDE"), mP, ChartView::Style::Line, kPde);
  if (r.hasClosedForm && !r.stationaryClosedForm)
    m_mean->setSeries(tr("exact"), mC, ChartView::Style::Dashed, kClosed);
  prep(m_var, tr("Variance of x₁"), tr("variance"), ChartView::Axis::Linear);
  m_var->setSeries(tr("SDE"), vA, ChartView::Style::Line, kSde);
  m_var->setSeries(tr("σ-SDE"), vB, ChartView::Style::Line, kSigma);
  m_var->setSeries(tr("PDE"), vP, ChartView::Style::Line, kPde);
  if (r.hasClosedForm && !r.stationaryClosedForm)
    m_var->setSeries(tr("exact"), vC, ChartView::Style::Dashed, kClosed);
  prep(m_mass, tr("Grid mass drift (max %1)").arg(num(r.massDrift, 2)), tr("Δmass/mass₀"),
       ChartView::Axis::Linear);
  m_mass->setSeries(tr("PDE"), mass, ChartView::Style::Line, kPde);
}

void FokkerPlanckFigure::fillWeakForm(const FpLabParams& p, const FpLabResult& r, int frame) {
  std::vector<QPointF> lhs, rhs, mean;
  for (std::size_t i = 0; i < r.snapshots.size(); ++i) {
    lhs.emplace_back(r.snapshots[i].t, r.wfLhs[i]);
    rhs.emplace_back(r.snapshots[i].t, r.snapshots[i].phiRhs);
    mean.emplace_back(r.snapshots[i].t, r.snapshots[i].phiMean);
  }
  static const char* const kPhi[] = {"x", "x²", "cos kx", "exp(−(x−k)²/2)"};
  const QString phi = QString::fromUtf8(kPhi[static_cast<int>(p.phi)]);
  const double t = r.snapshots[frame].t;
  m_wf->clearSeries();
  m_wf->clearMarkers();
  m_wf->setTitle(tr("φ = %1 on x₁: left vs right side").arg(phi));
  m_wf->setAxes(QStringLiteral("t"), ChartView::Axis::Linear, tr("rate"), ChartView::Axis::Linear);
  m_wf->setSeries(tr("d/dt E φ"), lhs, ChartView::Style::Line, kSde, 2.0);
  m_wf->setSeries(tr("E[f·∇φ + ½g²Δφ]"), rhs, ChartView::Style::Dashed, kPde, 2.0);
  m_wf->setMarker(tr("now"), Qt::Vertical, t);
  m_wfMean->clearSeries();
  m_wfMean->clearMarkers();
  m_wfMean->setTitle(tr("E φ over the SDE particles"));
  m_wfMean->setAxes(QStringLiteral("t"), ChartView::Axis::Linear, tr("E φ"),
                    ChartView::Axis::Linear);
  m_wfMean->setSeries(tr("E φ"), mean, ChartView::Style::Line, kSde, 2.0);
  m_wfMean->setMarker(tr("now"), Qt::Vertical, t);
  const auto& s = r.snapshots[frame];
  m_wfNote->setText(
      tr("At t = %1: left %2, right %3, residual %4. The left side is a central "
         "difference of E φ between frames; the right side is (WF) evaluated on "
         "the same particles, so both carry the same Monte-Carlo noise.")
          .arg(num(t), num(r.wfLhs[frame]), num(s.phiRhs), num(r.wfLhs[frame] - s.phiRhs, 2)));
}

}  // namespace latentlab::ui
