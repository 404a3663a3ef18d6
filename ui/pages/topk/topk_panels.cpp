// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Fills the remaining Top-k panels: threshold solver, stability, gallery, properties, speed.
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>
#include <cmath>

#include "ui/common/chart_view.h"
#include "ui/common/core_text.h"
#include "ui/common/figure_mode.h"
#include "ui/common/heatmap_view.h"
#include "ui/pages/topk/topk_figure.h"

namespace latentlab::ui {

using topk::Method;

namespace {

QString num(double v) { return QString::number(v, 'g', 6); }

std::vector<QPointF> zipped(const std::vector<double>& xs, const std::vector<double>& ys) {
  std::vector<QPointF> pts;
  for (std::size_t i = 0; i < xs.size() && i < ys.size(); ++i) pts.emplace_back(xs[i], ys[i]);
  return pts;
}

constexpr Method kThresholdColumns[] = {Method::ThreExp, Method::ThreSigmoid, Method::ThreLaplace,
                                        Method::ThreClip, Method::ThreEntmax};

}  // namespace

void TopkFigure::fillThreshold(const Threshold& v, const topk::TopkLabParams& p,
                               const topk::TopkLabResult& r) const {
  v.solver->clearSeries();
  v.solver->clearMarkers();
  v.solver->setAxes(tr("λ (z-units)"), ChartView::Axis::Linear, tr("F(λ) = Σ f(z_i − λ)"),
                    ChartView::Axis::Linear);
  const Method m = r.thresholdMethod;
  const auto& f = r.threshold;
  v.solver->setTitle(m == p.method ? tr("%1: solving F(λ) = k").arg(methodName(m))
                                   : tr("%1: solving F(λ) = k (focus %2 has no λ)")
                                         .arg(methodName(m), methodShortName(p.method)));
  v.solver->setSeries(tr("F(λ)"), zipped(r.lambdaGrid, r.fOfLambda), ChartView::Style::Line,
                      methodColor(m));
  // Iterates on the curve: F at each λ_t, from the core's threshold function.
  std::vector<QPointF> its;
  for (double lam : f.lambdaTrace) {
    double F = 0.0;
    for (Eigen::Index i = 0; i < r.x.size(); ++i)
      F += topk::thresholdF(m, r.x[i] / p.tau - lam, p.alpha);
    its.emplace_back(lam, F);
  }
  if (!its.empty())
    v.solver->setSeries(tr("solver iterates"), its, ChartView::Style::Scatter,
                        QColor(0xd6, 0x27, 0x28));
  v.solver->setMarker(tr("F = k"), Qt::Horizontal, p.k);  // no colour: follows the theme text
  if (std::isfinite(f.bracket[0]) && std::isfinite(f.bracket[1])) {
    v.solver->setMarker(tr("bracket low"), Qt::Vertical, f.bracket[0], QColor(0x99, 0x99, 0x99));
    v.solver->setMarker(tr("bracket high"), Qt::Vertical, f.bracket[1], QColor(0x99, 0x99, 0x99));
  }
  if (std::isfinite(f.lambda)) v.solver->setMarker(tr("λ*"), Qt::Vertical, f.lambda);
  QString info = tr("%1: λ = %2 (z-units), τλ = %3 (x-units), %4 iterations, |Σp − k| = %5")
                     .arg(methodName(m), num(f.lambda), num(p.tau * f.lambda))
                     .arg(f.iterations)
                     .arg(num(f.sumError));
  if (f.saturated >= 0) info += tr(", m = %1 saturated entries").arg(f.saturated);
  if (!f.lambdaUnique) info += tr(", λ not unique (p is)");
  if (std::isfinite(f.bracket[0]))
    info += tr(". Initial bracket [%1, %2].").arg(num(f.bracket[0]), num(f.bracket[1]));
  v.info->setText(info);
  v.functions->setTitle(
      tr("Threshold functions f(u) (solid) and f′(u) (dashed), entmax α = %1").arg(p.alpha));
  v.functions->setAxes(tr("u"), ChartView::Axis::Linear, tr("f, f′"), ChartView::Axis::Linear);
  v.functions->clearSeries();
  v.functions->clearMarkers();
  for (int c = 0; c < static_cast<int>(std::size(kThresholdColumns)) && c < r.fCurves.cols(); ++c) {
    const Method fm = kThresholdColumns[c];
    std::vector<QPointF> fv, dfv;
    for (std::size_t i = 0; i < r.uGrid.size(); ++i) {
      fv.emplace_back(r.uGrid[i], r.fCurves(static_cast<Eigen::Index>(i), c));
      dfv.emplace_back(r.uGrid[i], r.dfCurves(static_cast<Eigen::Index>(i), c));
    }
    v.functions->setSeries(methodShortName(fm), fv, ChartView::Style::Line, methodColor(fm));
    v.functions->setSeries(methodShortName(fm) + QStringLiteral(" f′"), dfv,
                           ChartView::Style::Dashed, methodColor(fm), 1.5);
  }
}

void TopkFigure::fillStability(const Stability& v, const topk::TopkLabParams& p,
                               const topk::TopkLabResult& r) const {
  QStringList ks, taus;
  for (int k : r.stabilityK) ks << QStringLiteral("k=%1").arg(k);
  for (double t : r.stabilityTau) taus << QStringLiteral("τ=%1").arg(t, 0, 'g', 3);
  auto show = [&](HeatmapView* view, const Eigen::MatrixXd& err, const QString& title) {
    // Errors span 1e-16..1e1; show log10 with overflow cells marked red.
    Eigen::MatrixXd shown = err.unaryExpr([](double e) {
      return std::isfinite(e) ? std::max(e, 1e-17) : std::numeric_limits<double>::quiet_NaN();
    });
    Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic> marked =
        err.unaryExpr([](double e) { return !std::isfinite(e) || e > 1e-6; });
    view->setTitle(title);
    view->setAxisTitles(tr("k"), tr("τ"));
    view->setRowLabels(ks);
    view->setColumnLabels(taus);
    view->setShowValues(true);
    view->setValueFormatter([](double e) {
      if (std::isnan(e)) return tr("ovf");
      if (e <= 1e-17) return QStringLiteral("0");
      return QString::asprintf(e >= 0.01 ? "%.2g" : "%.0e", e);
    });
    ColorMapping map{ColorMapKind::Viridis, ColorScale::Log, 1e-17, 10.0};
    view->setMatrix(shown, map);
    view->setMarked(marked);
  };
  if (r.naiveError.size())
    show(v.naive, r.naiveError,
         tr("Article's recursion: max error (red > 1e-6)"));  // overflow cells read "ovf"
  if (r.dpError.size()) show(v.dp, r.dpError, tr("Log-space DP: max error against enumeration"));
  // The excess over the hard sum shows the bound at every τ; the sum itself grows with τ and
  // would flatten the interesting part.
  v.smoothSum->setTitle(tr("Smooth top-k sum minus the hard sum %1: 0 ≤ τ·log Z_k(x/τ) − Σ ≤ "
                           "τ·log C(n, k)")
                            .arg(num(r.hardSum)));
  v.smoothSum->setAxes(tr("τ"), ChartView::Axis::Log, tr("excess"), ChartView::Axis::Log);
  v.smoothSum->clearSeries();
  v.smoothSum->clearMarkers();
  std::vector<double> excess, bound;
  for (std::size_t i = 0; i < r.tauGrid.size() && i < r.smoothSum.size(); ++i) {
    excess.push_back(r.smoothSum[i] - r.hardSum);
    bound.push_back(r.tauGrid[i] * r.logBinom);
  }
  v.smoothSum->setSeries(tr("τ·log Z_k − Σ"), zipped(r.tauGrid, excess), ChartView::Style::Line,
                         methodColor(Method::GradTopk));
  v.smoothSum->setSeries(tr("bound τ·log C(n, k)"), zipped(r.tauGrid, bound),
                         ChartView::Style::Dashed, QColor(0x77, 0x77, 0x77));
  v.smoothSum->setMarker(tr("current τ"), Qt::Vertical, p.tau);
}

void TopkFigure::fillGallery(const topk::TopkLabParams& p) const {
  const int count = m_gallery->count();
  if (count > 0) m_gallery->setCurrentRow(std::clamp(p.gallery, 0, count - 1));
}

void TopkFigure::fillProperties(const topk::TopkLabParams& p, const topk::TopkLabResult& r) const {
  const int cols = static_cast<int>(topk::Property::Count);
  m_properties->clear();
  m_properties->setRowCount(static_cast<int>(r.outcomes.size()));
  m_properties->setColumnCount(cols);
  QStringList headers, rows;
  for (int c = 0; c < cols; ++c)
    headers << coreText(topk::propertyLabel(static_cast<topk::Property>(c)));
  for (const auto& o : r.outcomes) rows << methodName(o.method);
  m_properties->setHorizontalHeaderLabels(headers);
  m_properties->setVerticalHeaderLabels(rows);
  for (std::size_t m = 0; m < r.properties.size() && m < r.outcomes.size(); ++m)
    for (int c = 0; c < cols; ++c) {
      const bool ok = r.properties[m][static_cast<std::size_t>(c)];
      auto* item = new QTableWidgetItem(ok ? tr("✓ holds") : tr("✗ fails"));
      item->setTextAlignment(Qt::AlignCenter);
      item->setBackground(ok ? QColor(0xc8, 0xe6, 0xc9) : QColor(0xff, 0xcd, 0xd2));
      item->setForeground(QColor(0x10, 0x10, 0x10));
      m_properties->setItem(static_cast<int>(m), c, item);
    }
  m_propertiesNote->setText(
      tr("Checked live on x and k = %1, τ = %2: Σp = k to 1e-9; p in [0, 1]; "
         "weakly monotone; ST(x + 10) = ST(x); ST_k(x) = 1 − ST_(n−k)(−x); equals softmax(x/τ) "
         "at k = 1.")
          .arg(p.k)
          .arg(p.tau));
}

void TopkFigure::fillSpeed(const topk::SpeedResult* speed) const {
  m_speed->setTitle(tr("Time per call against n (median, this machine)"));
  m_speed->setAxes(tr("n"), ChartView::Axis::Log, tr("ms"), ChartView::Axis::Log);
  m_speed->clearSeries();
  m_speed->clearMarkers();
  if (!speed || speed->medianMs.size() == 0) {
    m_speedNote->setText(isExportFigure(m_speedNote)
                             ? tr("Not measured: the timing runs on request in the app.")
                             : tr("Press “Measure speed” to time every shown method for n = "
                                  "10² … 10⁶ in the background (random Gaussian scores, k = 16)."));
    return;
  }
  double anchor = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t m = 0; m < speed->methods.size(); ++m) {
    std::vector<QPointF> pts;
    for (std::size_t s = 0; s < speed->sizes.size(); ++s) {
      const double ms = speed->medianMs(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(s));
      if (std::isfinite(ms)) pts.emplace_back(speed->sizes[s], ms);
      if (s == 0 && std::isfinite(ms) && !(ms >= anchor)) anchor = ms;
    }
    m_speed->setSeries(methodShortName(speed->methods[m]), pts, ChartView::Style::Line,
                       methodColor(speed->methods[m]));
    // The same method on the OpenCL device: dashed, in the method's colour.
    std::vector<QPointF> dev;
    for (std::size_t s = 0; s < speed->sizes.size() && speed->deviceMs.size() > 0; ++s) {
      const double ms = speed->deviceMs(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(s));
      if (std::isfinite(ms)) dev.emplace_back(speed->sizes[s], ms);
    }
    if (!dev.empty())
      m_speed->setSeries(tr("%1 (OpenCL)").arg(methodShortName(speed->methods[m])), dev,
                         ChartView::Style::Dashed, methodColor(speed->methods[m]));
  }
  if (std::isfinite(anchor) && !speed->sizes.empty()) {
    // Guides through the fastest first point: O(n), O(n log n), O(n·k) with k = 16.
    const double n0 = speed->sizes.front();
    std::vector<QPointF> on, onlog, onk;
    for (int n : speed->sizes) {
      on.emplace_back(n, anchor * n / n0);
      onlog.emplace_back(n, anchor * n * std::log(n) / (n0 * std::log(n0)));
      onk.emplace_back(n, anchor * 16.0 * n / n0);
    }
    const QColor guide(0x9e, 0x9e, 0x9e);
    m_speed->setSeries(tr("O(n) guide"), on, ChartView::Style::Dashed, guide, 1.0);
    m_speed->setSeries(tr("O(n log n) guide"), onlog, ChartView::Style::Dashed, guide.darker(130),
                       1.0);
    m_speed->setSeries(tr("O(n·k) guide, k = 16"), onk, ChartView::Style::Dashed, guide.darker(160),
                       1.0);
  }
  QString where;
  if (speed->deviceMs.size() > 0)
    where = speed->deviceUse.fallback.empty()
                ? tr(" Solid: the CPU; dashed: the same method on %1 (the thresholds and Su's "
                     "iteration have a device path, the others run on the CPU only).")
                      .arg(QString::fromStdString(speed->deviceUse.device))
                : tr(" The device was not timed: %1.")
                      .arg(QString::fromStdString(speed->deviceUse.fallback));
  m_speedNote->setText(
      tr("Medians of repeated calls; missing points were skipped as too slow. "
         "Guides start at the fastest method's first point.") +
      where);
}

}  // namespace latentlab::ui
