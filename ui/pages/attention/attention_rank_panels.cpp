// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Fills the Attention-rank panels from plain result data.
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <cmath>
#include <limits>

#include "ui/common/chart_view.h"
#include "ui/common/figure_mode.h"
#include "ui/common/heatmap_view.h"
#include "ui/pages/attention/attention_rank_figure.h"

namespace latentlab::ui {

using attention::MaskKind;
using attention::SweepAxis;

namespace {

const QColor kGuide(0x80, 0x80, 0x80);

QString num(double v, int digits = 4) {
  if (std::isinf(v)) return v < 0 ? QStringLiteral("−∞") : QStringLiteral("∞");
  if (std::isnan(v)) return QStringLiteral("—");
  return QString::number(v, 'g', digits).replace(QLatin1Char('-'), QChar(0x2212));
}

std::vector<QPointF> zipped(const std::vector<double>& x, const std::vector<double>& y,
                            double x0 = 0.0) {
  std::vector<QPointF> pts;
  for (std::size_t i = 0; i < y.size(); ++i)
    pts.emplace_back(x.empty() ? x0 + static_cast<double>(i) : x[i], y[i]);
  return pts;
}

QTableWidgetItem* cell(const QString& text, bool warn = false) {
  auto* item = new QTableWidgetItem(text);
  item->setTextAlignment(Qt::AlignCenter);
  if (warn) {
    // Light red with dark text reads in both themes (as the Top-k property matrix does).
    item->setBackground(QColor(0xff, 0xcd, 0xd2));
    item->setForeground(QColor(0x10, 0x10, 0x10));
  }
  return item;
}

}  // namespace

void AttentionRankFigure::fillHeatmaps(const std::array<HeatmapView*, 4>& views,
                                       const attention::AttentionRankParams& p,
                                       const attention::AttentionRankResult& r) const {
  for (std::size_t m = 0; m < 4; ++m) {
    Eigen::MatrixXd shown = r.matrices[m];
    for (Eigen::Index i = 0; i < shown.rows(); ++i)
      for (Eigen::Index j = 0; j < shown.cols(); ++j)
        if (!attention::maskAllows(r.masks[m], i, j)) shown(i, j) = std::nan("");
    const ColorMapping mapping = ColorMapping::fit(
        shown, ColorMapKind::Viridis, p.logColour ? ColorScale::Log : ColorScale::Linear);
    views[m]->setMatrix(shown, mapping);
    views[m]->setAxisTitles(tr("query i"), tr("key j"));
    views[m]->setTitle(
        tr("%1 · rank_t %2")
            .arg(maskShortName(r.masks[m]))
            .arg(r.metricsReady ? QString::number(r.metrics[m].rankT) : QStringLiteral("…")));
  }
}

void AttentionRankFigure::fillSpectra(ChartView* chart,
                                      const attention::AttentionRankResult& r) const {
  chart->setTitle(tr("Singular values σ_i (log scale), t = %1").arg(num(r.tolerance, 3)));
  chart->setAxes(tr("index i"), ChartView::Axis::Linear, tr("σ_i"), ChartView::Axis::Log);
  chart->clearSeries();
  chart->clearMarkers();
  if (!r.metricsReady) {  // the SVDs are running: empty axes of the final extent, said so
    chart->setTitle(tr("Singular values σ_i (log scale): computing the SVDs…"));
    chart->setYRange(1e-18, 2.0);
    chart->setXRange(0.0, static_cast<double>(r.n) + 1.0);
    return;
  }
  double lowest = 1.0;
  std::vector<QPointF> ranks;
  for (std::size_t m = 0; m < 4; ++m) {
    const Eigen::VectorXd& s = r.metrics[m].sigma;
    std::vector<QPointF> pts;
    for (Eigen::Index i = 0; i < s.size(); ++i) {
      pts.emplace_back(static_cast<double>(i + 1), s(i));
      if (s(i) > 0.0) lowest = std::min(lowest, s(i));
    }
    chart->setSeries(maskName(r.masks[m]), pts, ChartView::Style::Line, maskColor(r.masks[m].kind));
    const int k = r.metrics[m].rankT;
    if (k >= 1) ranks.emplace_back(k, s(k - 1));
  }
  chart->setSeries(tr("rank_t"), ranks, ChartView::Style::Scatter, kGuide);
  std::vector<QPointF> cert;
  // Bounds above σ₁ say nothing (and would be clamped to the top edge).
  for (const auto& c : r.certificate)
    if (std::isfinite(c.bound) && c.bound < r.metrics[0].sigma(0))
      cert.emplace_back(c.index, c.bound);
  if (!cert.empty()) chart->setSeries(tr("Taylor"), cert, ChartView::Style::Dashed, kGuide, 1.5);
  const double cut = r.tolerance * r.metrics[0].sigma(0);
  chart->setMarker(tr("t·σ₁"), Qt::Horizontal, cut);
  chart->setYRange(std::max(std::min(lowest, cut) * 0.5, 1e-18), 2.0);
  chart->setXRange(0.0, static_cast<double>(r.n) + 1.0);
}

void AttentionRankFigure::fillMetrics(QTableWidget* table, const attention::AttentionRankParams& p,
                                      const attention::AttentionRankResult& r, bool compact) const {
  const QStringList headers = {tr("rank_t"), tr("erank"), tr("stable rank"), tr("log det"),
                               tr("σ_min"),  tr("κ"),     tr("1/‖A⁻¹‖₂"),    tr("entropy"),
                               tr("σ₂/σ₁"),  tr("r(AX)"), tr("N_p (Taylor)")};
  table->clear();
  table->setColumnCount(static_cast<int>(headers.size()));
  table->setRowCount(5);
  table->setHorizontalHeaderLabels(headers);
  QStringList rows;
  for (std::size_t m = 0; m < 4; ++m) rows << maskName(r.masks[m]);
  rows << tr("Mixed, %1 heads").arg(p.heads);
  table->setVerticalHeaderLabels(rows);
  // The overview keeps the four columns of the claim: rank, erank, log det, σ_min.
  for (int c = 0; c < table->columnCount(); ++c)
    table->setColumnHidden(c, compact && c != 0 && c != 1 && c != 3 && c != 4);
  if (!r.metricsReady) {  // the SVDs are running
    for (int row = 0; row < table->rowCount(); ++row)
      for (int c = 0; c < table->columnCount(); ++c)
        table->setItem(row, c, cell(QStringLiteral("…")));
    return;
  }
  for (std::size_t m = 0; m < 4; ++m) {
    const auto& mm = r.metrics[m];
    const int row = static_cast<int>(m);
    table->setItem(row, 0, cell(QStringLiteral("%1/%2").arg(mm.rankT).arg(r.n)));
    table->setItem(row, 1, cell(num(mm.erank)));
    table->setItem(row, 2, cell(num(mm.stableRank)));
    const QString how = compact ? QString() : mm.logDetExact ? tr(" (Σ ln A_ii)") : tr(" (LU)");
    table->setItem(row, 3, cell(num(mm.logDet, 6) + how, std::isinf(mm.logDet)));
    table->setItem(
        row, 4,
        cell(num(mm.sigmaMin, 3) + (mm.unreliable ? tr(" unreliable") : QString()), mm.unreliable));
    table->setItem(row, 5, cell(num(mm.kappa, 3)));
    table->setItem(row, 6, cell(num(mm.sigmaMinInverse, 3)));
    table->setItem(row, 7, cell(num(mm.entropy, 3)));
    table->setItem(row, 8, cell(num(mm.sigmaRatio, 3)));
    table->setItem(row, 9, cell(num(mm.collapse, 3)));
    QString cert = QStringLiteral("—");
    if (r.masks[m].kind == MaskKind::Bidirectional)
      cert = mm.certificateP < 0
                 ? tr("vacuous")
                 : tr("%1 (p = %2)").arg(num(mm.certificateN, 3)).arg(mm.certificateP);
    table->setItem(row, 10, cell(cert));
  }
  // The forward/backward-mixed design, every head triangular.
  double worst = std::numeric_limits<double>::infinity();
  bool finite = true;
  for (double v : r.mixed.logDet) {
    worst = std::min(worst, v);
    finite = finite && std::isfinite(v);
  }
  table->setItem(4, 0, cell(finite ? tr("%1/%1 per head").arg(r.n) : tr("singular head")));
  table->setItem(4, 3, cell(tr("min %1").arg(num(worst, 6)), !finite));
  for (int c : {1, 2, 4, 5, 6, 7, 8, 9, 10}) table->setItem(4, c, cell(QStringLiteral("—")));
}

void AttentionRankFigure::fillClaims(QLabel* label, const attention::AttentionRankResult& r) const {
  if (!r.metricsReady) {
    label->setText(
        tr("<b>Claim (Su, kexue.fm/archives/9529):</b> causal and backward attention "
           "are triangular with a positive diagonal, so they are full rank, always. "
           "Computing the singular values that measure it…"));
    return;
  }
  const auto& bi = r.metrics[0];
  const auto& causal = r.metrics[2];
  QString text = tr("<b>Claim (Su, kexue.fm/archives/9529):</b> causal and backward attention are "
                    "triangular with a positive diagonal, so log det = Σ ln A_ii = %1 is finite: "
                    "full rank, always. Bidirectional attention here: rank_t %2 of %3, erank %4 "
                    "(causal %5).")
                     .arg(num(causal.logDet, 6))
                     .arg(bi.rankT)
                     .arg(r.n)
                     .arg(num(bi.erank))
                     .arg(num(causal.erank));
  text += tr("<br><b>Honest qualifications:</b> 1. at low temperature (large τ) even d = 2 "
             "bidirectional is nearly full rank; 2. with d ≈ n, erank(A_bi) can exceed "
             "erank(A_c)%1; 3. σ_min(A_c) can be ≲ 1e-15, so its strict numerical rank is &lt; n "
             "(here σ_min = %2 by SVD, %4 as 1/‖A⁻¹‖₂%3); 4. causal pure-attention stacks still "
             "collapse across depth.%5")
              .arg(bi.erank > causal.erank ? tr(" (it does here)") : QString())
              .arg(num(causal.sigmaMin, 3))
              .arg(causal.unreliable ? tr(", below the reliability floor") : QString())
              .arg(num(causal.sigmaMinInverse, 3))
              .arg(screenHint(label, tr(" The toolbar's buttons load each case.")));
  label->setText(text);
}

void AttentionRankFigure::fillSweeps(const attention::AttentionRankParams& p,
                                     const attention::AttentionRankResult& r,
                                     const attention::RankSweepResult* sweep) const {
  const SweepAxis axis = sweep ? sweep->axis : p.sweepAxis;
  const QString xName = axis == SweepAxis::N ? tr("n") : axis == SweepAxis::D ? tr("d") : tr("τ");
  for (ChartView* c : {m_sweepRank, m_sweepErank}) {
    c->setAxes(xName, ChartView::Axis::Log, c == m_sweepRank ? tr("rank_t") : tr("erank"),
               ChartView::Axis::Log);
    c->clearSeries();
    c->clearMarkers();
  }
  m_sweepRank->setTitle(tr("Numerical rank rank_t against %1").arg(xName));
  m_sweepErank->setTitle(tr("Effective rank against %1").arg(xName));
  if (!sweep) {
    // Until the background sweep lands, show the current setting as one point per mask.
    const double x = axis == SweepAxis::N ? r.n : axis == SweepAxis::D ? r.d : p.tau;
    for (std::size_t m = 0; m < 4; ++m) {
      m_sweepRank->setSeries(maskName(r.masks[m]), {QPointF(x, r.metrics[m].rankT)},
                             ChartView::Style::Scatter, maskColor(r.masks[m].kind));
      m_sweepErank->setSeries(maskName(r.masks[m]), {QPointF(x, r.metrics[m].erank)},
                              ChartView::Style::Scatter, maskColor(r.masks[m].kind));
    }
    m_sweepNote->setText(tr("The sweep along %1 runs in the background (progress in the "
                            "toolbar) and appears here when done; the dots are the current "
                            "setting.")
                             .arg(xName));
    return;
  }
  for (std::size_t m = 0; m < 4; ++m) {
    const attention::Mask mask{attention::kRankMasks[m], sweep->params.prefix};
    m_sweepRank->setSeries(maskName(mask), zipped(sweep->x, sweep->rank[m]), ChartView::Style::Line,
                           maskColor(mask.kind));
    m_sweepErank->setSeries(maskName(mask), zipped(sweep->x, sweep->erank[m]),
                            ChartView::Style::Line, maskColor(mask.kind));
  }
  if (axis == SweepAxis::N) {
    for (ChartView* c : {m_sweepRank, m_sweepErank}) {
      c->setSeries(tr("= n"), zipped(sweep->x, sweep->x), ChartView::Style::Dashed, kGuide, 1.0);
      c->setMarker(tr("BERT-base n = 512"), Qt::Vertical, 512.0);
    }
  } else if (axis == SweepAxis::D) {
    for (ChartView* c : {m_sweepRank, m_sweepErank})
      c->setMarker(tr("BERT-base d = 64"), Qt::Vertical, 64.0);
  } else {
    for (ChartView* c : {m_sweepRank, m_sweepErank})
      c->setMarker(tr("current τ"), Qt::Vertical, p.tau);
  }
  QString fallback;
  if (axis != p.sweepAxis)
    fallback = tr(" The loaded files or the circle fix n and d, so this sweep runs along τ.");
  m_sweepNote->setText(
      tr("Other parameters fixed (n = %1, d = %2, τ = %3; the prefix scales with n). For n ≫ d "
         "(BERT-base: d = 64, n = 512; Su, kexue.fm/archives/9547) the bidirectional rank grows "
         "sublinearly in n while the causal rank stays near n.%4")
          .arg(sweep->params.n)
          .arg(sweep->params.d)
          .arg(num(sweep->params.tau))
          .arg(fallback));
}

void AttentionRankFigure::fillDepth(const attention::AttentionRankParams& p,
                                    const attention::DepthResult* depth) const {
  m_depthR->setTitle(tr("Collapse residual r(X_l) = ‖X − 1μᵀ‖_F / ‖X‖_F"));
  m_depthR->setAxes(tr("layer l"), ChartView::Axis::Linear, tr("r(X_l)"), ChartView::Axis::Log);
  m_depthRatio->setTitle(tr("σ₂/σ₁ of the product A_l⋯A_1"));
  m_depthRatio->setAxes(tr("layers L"), ChartView::Axis::Linear, tr("σ₂/σ₁"), ChartView::Axis::Log);
  for (ChartView* c : {m_depthR, m_depthRatio}) {
    c->clearSeries();
    c->clearMarkers();
  }
  if (!depth) {
    m_depthNote->setText(tr("The depth products are computed with the Depth view."));
    return;
  }
  QString summary;
  for (const auto& dc : depth->cases) {
    const QString name = (dc.mask == MaskKind::Causal ? tr("causal") : tr("bidirectional")) +
                         (dc.residual ? tr(" + residual") : QString());
    const auto style = dc.residual ? ChartView::Style::Dashed : ChartView::Style::Line;
    m_depthR->setSeries(name, zipped({}, dc.r, 0.0), style, maskColor(dc.mask));
    m_depthRatio->setSeries(name, zipped({}, dc.sigmaRatio, 1.0), style, maskColor(dc.mask));
    summary += tr("%1: r(X_%2) = %3. ").arg(name).arg(p.depth).arg(num(dc.r.back(), 3));
  }
  m_depthR->setYRange(1e-16, 2.0);
  m_depthRatio->setYRange(1e-16, 2.0);
  m_depthNote->setText(
      tr("X₀ = Q; X_{l+1} = softmax(τ·X_l X_lᵀ/√d + mask) X_l, plus X_l with residuals (identity "
         "weights). Full rank per layer does not stop rank collapse: causal stacks "
         "collapse too, only exponentially instead of doubly exponentially; residuals prevent it "
         "(Dong et al. 2021). %1")
          .arg(summary));
}

}  // namespace latentlab::ui
