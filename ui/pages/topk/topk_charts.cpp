// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Fills the chart panels of the Top-k figure: bars, response, temperature, gradient.
#include <QLabel>
#include <cmath>

#include "ui/common/chart_view.h"
#include "ui/common/core_text.h"
#include "ui/common/heatmap_view.h"
#include "ui/pages/topk/topk_figure.h"

namespace latentlab::ui {

using topk::Method;

namespace {

std::vector<QPointF> column(const std::vector<double>& xs, const Eigen::MatrixXd& m, int col) {
  std::vector<QPointF> pts;
  if (col >= m.cols()) return pts;
  pts.reserve(xs.size());
  for (std::size_t i = 0; i < xs.size() && static_cast<Eigen::Index>(i) < m.rows(); ++i)
    pts.emplace_back(xs[i], m(static_cast<Eigen::Index>(i), col));
  return pts;
}

std::vector<QPointF> zipped(const std::vector<double>& xs, const std::vector<double>& ys) {
  std::vector<QPointF> pts;
  for (std::size_t i = 0; i < xs.size() && i < ys.size(); ++i) pts.emplace_back(xs[i], ys[i]);
  return pts;
}

QString num(double v) { return QString::number(v, 'g', 6); }

QStringList entryLabels(int n) {
  QStringList out;
  for (int i = 1; i <= n; ++i) out << QStringLiteral("x%1").arg(i);
  return out;
}

// Entries whose order breaks monotonicity: x_c > x_j but p_c < p_j.
std::vector<bool> monotoneBreaks(const Eigen::VectorXd& x, const Eigen::VectorXd& p) {
  std::vector<bool> bad(static_cast<std::size_t>(x.size()), false);
  for (Eigen::Index c = 0; c < x.size(); ++c)
    for (Eigen::Index j = 0; j < x.size(); ++j)
      if (x[c] > x[j] && p[c] < p[j] - 1e-12) bad[c] = bad[j] = true;
  return bad;
}

}  // namespace

void TopkFigure::fillBars(const Bars& b, const topk::TopkLabParams& p,
                          const topk::TopkLabResult& r) const {
  const int n = static_cast<int>(r.x.size());
  QStringList categories;
  for (int i = 0; i < n; ++i) categories << QStringLiteral("x%1 = %2").arg(i + 1).arg(num(r.x[i]));
  QStringList groups{tr("hard T_k")};
  std::vector<QColor> colors{kHardColor};
  std::vector<std::vector<double>> values{std::vector<double>(r.hard.data(), r.hard.data() + n)};
  std::vector<std::vector<bool>> highlight{std::vector<bool>(static_cast<std::size_t>(n), false)};
  double lo = 0.0, hi = 1.0;
  // The reference row carries hard T_k's swatch: with the methods' rows it is the bars' legend.
  QString rows = QStringLiteral(
                     "<tr><td><b style='color:%1'>■</b> %2</td><td>%3</td><td>%4</td><td>%5</td>"
                     "<td>—</td><td>0</td><td>%6</td></tr>")
                     .arg(kHardColor.name(), tr("hard T_k"), num(r.hard.sum()),
                          num(r.hard.minCoeff()), num(r.hard.maxCoeff()), tr("reference"));
  for (const auto& o : r.outcomes) {
    const Eigen::VectorXd& pv = o.result.p;
    QString name = methodShortName(o.method);
    colors.push_back(methodColor(o.method));
    if (p.equalise && std::abs(o.tauUsed - p.tau) > 1e-12 * p.tau)
      name += QStringLiteral(" (τ=%1)").arg(o.tauUsed, 0, 'g', 3);
    groups << name;
    values.emplace_back(pv.data(), pv.data() + n);
    std::vector<bool> bad = monotoneBreaks(r.x, pv);
    for (int i = 0; i < n; ++i) {
      if (pv[i] > 1 + 1e-12 || pv[i] < -1e-12) bad[i] = true;
      if (std::isfinite(pv[i])) lo = std::min(lo, pv[i]), hi = std::max(hi, pv[i]);
    }
    highlight.push_back(bad);
    const bool violation = std::find(bad.begin(), bad.end(), true) != bad.end() || !o.result.valid;
    const QString lambda = std::isnan(o.result.lambda)
                               ? QStringLiteral("—")
                               : QStringLiteral("%1 (τλ = %2)")
                                     .arg(num(o.result.lambda), num(o.tauUsed * o.result.lambda));
    rows += QStringLiteral(
                "<tr%1><td><b style='color:%2'>■</b> %3</td><td>%4</td><td>%5</td>"
                "<td>%6</td><td>%7</td><td>%8</td><td>%9</td></tr>")
                .arg(violation ? QStringLiteral(" style='color:#c62828'") : QString(),
                     methodColor(o.method).name(), methodName(o.method).toHtmlEscaped(),
                     num(pv.sum()), num(pv.minCoeff()), num(pv.maxCoeff()), lambda, num(o.l1ToHard),
                     QString::fromStdString(o.result.note).toHtmlEscaped());
  }
  b.chart->setTitle(tr("p per method against hard T_k (k = %1) — red: outside [0, 1] or order "
                       "broken")
                        .arg(p.k));
  // The categories ("x1 = 3") name the entries: no axis title, which a short chart would elide.
  b.chart->setAxes(QString(), ChartView::Axis::Linear, tr("p_i"), ChartView::Axis::Linear);
  b.chart->setBars(categories, groups, values, highlight, colors);
  b.chart->setYRange(std::min(0.0, lo - 0.05), std::max(1.05, hi + 0.05));
  if (b.summary)
    b.summary->setText(
        tr("<table cellspacing=2><tr><th align=left>method</th><th>Σp</th><th>min</th>"
           "<th>max</th><th>λ (z-units)</th><th>‖p − T_k‖₁</th><th>note</th></tr>%1</table>"
           "Hard T_k breaks ties by the lower index.")
            .arg(rows));
  if (!b.zline) return;
  // λ strip: scores on a line, each threshold method's λ (in x-units) as a vertical marker.
  b.zline->setTitle(tr("Scores and thresholds τ·λ (x-units)"));
  // No x title: the chart title names the axis ("… (x-units)"), and a short strip has no room.
  b.zline->setAxes(QString(), ChartView::Axis::Linear, QString(), ChartView::Axis::Linear);
  b.zline->clearSeries();
  b.zline->clearMarkers();
  std::vector<QPointF> pts;
  for (int i = 0; i < n; ++i) pts.emplace_back(r.x[i], 0.0);
  b.zline->setSeries(tr("scores x_i"), pts, ChartView::Style::Scatter, kHardColor);
  b.zline->setYRange(-1.0, 1.0);
  double xmin = r.x.minCoeff(), xmax = r.x.maxCoeff();
  for (const auto& o : r.outcomes) {
    if (!topk::isThreshold(o.method) || std::isnan(o.result.lambda)) continue;
    const double at = o.tauUsed * o.result.lambda;
    xmin = std::min(xmin, at), xmax = std::max(xmax, at);
    b.zline->setMarker(QStringLiteral("λ %1").arg(methodShortName(o.method)), Qt::Vertical, at,
                       methodColor(o.method));
  }
  const double pad = 0.08 * std::max(1e-9, xmax - xmin) + 1e-9;
  b.zline->setXRange(xmin - pad, xmax + pad);
}

void TopkFigure::fillResponse(const Response& v, const topk::TopkLabParams& p,
                              const topk::TopkLabResult& r) const {
  const int j = p.sweepIndex;
  const auto hard = zipped(r.sweepValues, r.responseHard);
  v.focus->setTitle(tr("%1: every p_i as x%2 moves").arg(methodName(p.method)).arg(j));
  v.focus->setAxes(tr("x%1").arg(j), ChartView::Axis::Linear, tr("p_i"), ChartView::Axis::Linear);
  v.focus->clearSeries();
  v.focus->clearMarkers();
  for (Eigen::Index i = 0; i < r.responseFocus.cols(); ++i)
    v.focus->setSeries(QStringLiteral("p%1").arg(i + 1),
                       column(r.sweepValues, r.responseFocus, static_cast<int>(i)));
  v.focus->setSeries(tr("hard T_k, entry %1").arg(j), hard, ChartView::Style::Step, kHardColor,
                     1.5);
  v.focus->setMarker(tr("current x%1").arg(j), Qt::Vertical, p.x[static_cast<std::size_t>(j - 1)]);
  if (!v.methods) return;
  v.methods->setTitle(tr("p%1 as x%1 moves, per method").arg(j));
  v.methods->setAxes(tr("x%1").arg(j), ChartView::Axis::Linear, tr("p%1").arg(j),
                     ChartView::Axis::Linear);
  v.methods->clearSeries();
  v.methods->clearMarkers();
  for (std::size_t m = 0; m < r.outcomes.size(); ++m)
    v.methods->setSeries(methodShortName(r.outcomes[m].method),
                         column(r.sweepValues, r.responseByMethod, static_cast<int>(m)),
                         ChartView::Style::Line, methodColor(r.outcomes[m].method));
  v.methods->setSeries(tr("hard T_k"), hard, ChartView::Style::Step, kHardColor, 1.5);
  v.methods->setMarker(tr("current x%1").arg(j), Qt::Vertical,
                       p.x[static_cast<std::size_t>(j - 1)]);
}

void TopkFigure::fillTemperature(const Temperature& v, const topk::TopkLabParams& p,
                                 const topk::TopkLabResult& r) const {
  if (v.focus) {
    v.focus->setTitle(tr("%1: p_i from T_k (small τ) to k/n (large τ)").arg(methodName(p.method)));
    v.focus->setAxes(tr("τ"), ChartView::Axis::Log, tr("p_i"), ChartView::Axis::Linear);
    v.focus->clearSeries();
    v.focus->clearMarkers();
    for (Eigen::Index i = 0; i < r.tauFocus.cols(); ++i)
      v.focus->setSeries(QStringLiteral("p%1").arg(i + 1),
                         column(r.tauGrid, r.tauFocus, static_cast<int>(i)));
    v.focus->setMarker(tr("current τ"), Qt::Vertical, p.tau);
  }
  v.l1->setTitle(tr("‖ST_k − T_k‖₁ against τ: decay e^(−gap/τ) or e^(−gap/2τ)"));
  v.l1->setAxes(tr("τ"), ChartView::Axis::Log, tr("‖ST − T‖₁"), ChartView::Axis::Log);
  v.l1->clearSeries();
  v.l1->clearMarkers();
  for (std::size_t m = 0; m < r.outcomes.size(); ++m)
    v.l1->setSeries(methodShortName(r.outcomes[m].method),
                    column(r.tauGrid, r.l1ByMethod, static_cast<int>(m)), ChartView::Style::Line,
                    methodColor(r.outcomes[m].method));
  v.l1->setMarker(tr("current τ"), Qt::Vertical, p.tau);
}

void TopkFigure::fillJacobian(HeatmapView* view, QLabel* badge, const topk::TopkLabParams& p,
                              const topk::TopkLabResult& r) const {
  const Eigen::MatrixXd& J = r.focus.jacobian;
  const QString kind = coreText(topk::jacobianKindLabel(r.focus.jacobianKind));
  view->setTitle(tr("Jacobian ∂p_i/∂x_j — %1 (%2)").arg(methodName(p.method), kind));
  view->setAxisTitles(tr("p_i"), tr("x_j"));
  const int n = static_cast<int>(J.rows());
  view->setRowLabels(entryLabels(n));
  view->setColumnLabels(entryLabels(n));
  view->setShowValues(n <= 8);
  if (J.size() > 0)
    view->setMatrix(J, ColorMapping::fit(J, ColorMapKind::Diverging, ColorScale::Symmetric));
  if (!badge) return;
  double asym = 0.0;
  if (J.size() > 0) asym = (J - J.transpose()).cwiseAbs().maxCoeff();
  const double trace = J.size() ? J.trace() : 0.0;
  const double halfL1 = J.size() ? 0.5 * J.cwiseAbs().sum() : 0.0;
  const QString fd =
      std::isnan(r.jacobianFdError)
          ? tr("itself estimated (%1)").arg(kind)
          : tr("max |analytic − finite difference| = %1").arg(num(r.jacobianFdError));
  badge->setText(tr("trace J = %1 · ½‖J‖₁ = %2 · %3 · %4")
                     .arg(num(trace), num(halfL1),
                          asym < 1e-9 ? tr("symmetric")
                                      : tr("not symmetric (max |J − Jᵀ| = %1)").arg(num(asym)),
                          fd));
}

void TopkFigure::fillGradient(const Gradient& v, const topk::TopkLabParams& p,
                              const topk::TopkLabResult& r) const {
  fillJacobian(v.jacobian, v.badge, p, r);
  v.traceTau->setTitle(tr("Gradient magnitude trace J against τ (vanishes as τ → 0)"));
  v.traceTau->setAxes(tr("τ"), ChartView::Axis::Log, tr("trace J"), ChartView::Axis::Log);
  v.traceTau->clearSeries();
  v.traceTau->clearMarkers();
  v.traceTau->setSeries(methodName(p.method), zipped(r.tauGrid, r.traceVsTau),
                        ChartView::Style::Line, methodColor(p.method));
  v.traceTau->setMarker(tr("current τ"), Qt::Vertical, p.tau);
  v.traceSweep->setTitle(tr("trace J as x%1 moves").arg(p.sweepIndex));
  v.traceSweep->setAxes(tr("x%1").arg(p.sweepIndex), ChartView::Axis::Linear, tr("trace J"),
                        ChartView::Axis::Linear);
  v.traceSweep->clearSeries();
  v.traceSweep->clearMarkers();
  v.traceSweep->setSeries(methodName(p.method), zipped(r.sweepValues, r.traceVsSweep),
                          ChartView::Style::Line, methodColor(p.method));
  v.traceSweep->setMarker(tr("current x%1").arg(p.sweepIndex), Qt::Vertical,
                          p.x[static_cast<std::size_t>(p.sweepIndex - 1)]);
}

}  // namespace latentlab::ui
