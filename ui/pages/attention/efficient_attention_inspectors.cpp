// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The inspector panels of the Efficient attention figure: the Transformer-VQ cache at a block
// cursor and the MSE of one kernel entry (Choromanski et al. 2021 (Performer), Lemma 2) against its
// histogram.
#include <QGridLayout>
#include <QLabel>
#include <algorithm>
#include <cmath>

#include "ui/common/chart_view.h"
#include "ui/common/figure_label.h"
#include "ui/common/heatmap_view.h"
#include "ui/pages/attention/efficient_attention_figure.h"

namespace latentlab::ui {

namespace {

QString num(double v) { return QString::number(v, 'g', 3); }

// Largest S drawn as labelled bars; beyond it the counts are a step line over the code index.
constexpr int kMaxBarCodes = 24;  // Qt elides two-digit category labels beyond about this

QColor kindColor(int kind) {
  switch (kind) {
    case 0:
      return efficientColor(EfficientMethod::Performer);  // positive
    case 1:
      return {0x94, 0x67, 0xbd};  // hyperbolic: purple
    default:
      return {0xd6, 0x27, 0x28};  // trigonometric: red
  }
}

}  // namespace

QWidget* EfficientAttentionFigure::buildCache() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  m_cacheCounts = new ChartView(w);
  m_cacheMeans = new HeatmapView(w);
  m_cacheMeans->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  m_cacheNote = makeFigureLabel(w, 4);
  // Stacked, codes along x in both, so a code's count sits above its mean-value column.
  g->addWidget(m_cacheCounts, 0, 0);
  g->addWidget(m_cacheMeans, 1, 0);
  g->addWidget(m_cacheNote, 2, 0);
  g->setRowStretch(0, 3);
  g->setRowStretch(1, 2);
  return w;
}

QWidget* EfficientAttentionFigure::buildLemma() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  m_lemma = new ChartView(w);
  m_lemmaNote = makeFigureLabel(w, 4);
  m_lemmaNote->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  // The note (a short table and its reading) under the chart: beside it, it left the lower two
  // thirds of its column blank.
  g->addWidget(m_lemma, 0, 0);
  g->addWidget(m_lemmaNote, 1, 0);
  g->setRowStretch(0, 1);
  return w;
}

void EfficientAttentionFigure::fillCache(const attention::EfficientLabParams& p,
                                         const attention::EfficientLabResult& r) {
  const int n = static_cast<int>(r.codes.size());
  const int l = std::max(1, p.block);
  const int blocks = (n + l - 1) / l;
  const int b = std::clamp(p.cacheBlock, 0, std::max(0, blocks - 1));
  const int begin = b * l, end = std::min(n, (b + 1) * l);
  const int S = static_cast<int>(r.codebook.rows());
  const auto now = attention::vqCacheState(r.codes, r.values, S, end);
  const auto before = attention::vqCacheState(r.codes, r.values, S, begin);

  ChartView* c = m_cacheCounts;
  c->clearSeries();
  c->clearMarkers();
  c->setTitle(tr("Keys per code after block %1 (keys 0…%2)").arg(b).arg(end - 1));
  if (S <= kMaxBarCodes) {
    QStringList cats;
    std::vector<double> counts;
    std::vector<bool> added;
    for (int s = 0; s < S; ++s) {
      cats << QString::number(s);
      counts.push_back(now.counts(s));
      added.push_back(now.counts(s) > before.counts(s));
    }
    c->setAxes(tr("code s (red: gained keys in block %1)").arg(b), ChartView::Axis::Linear,
               tr("count"), ChartView::Axis::Linear);
    c->setXRange(std::nan(""), std::nan(""));
    c->setBars(cats, {tr("count")}, {counts}, {added},
               {efficientColor(EfficientMethod::TransformerVq)});
    c->setLegendVisible(false);
  } else {
    // Steps centred on the codes (s − ½ … s + ½) so they line up with the map's columns.
    std::vector<QPointF> pts, prev;
    for (int s = 0; s <= S; ++s) {
      const int code = std::min(s, S - 1);
      pts.emplace_back(s - 0.5, now.counts(code));
      prev.emplace_back(s - 0.5, before.counts(code));
    }
    c->setBars({}, {}, {});
    c->setAxes(tr("code s"), ChartView::Axis::Linear, tr("count"), ChartView::Axis::Linear);
    c->setSeries(tr("after block %1").arg(b), pts, ChartView::Style::Step,
                 efficientColor(EfficientMethod::TransformerVq), 2.0);
    c->setSeries(tr("before block %1").arg(b), prev, ChartView::Style::Step,
                 efficientColor(EfficientMethod::Exact), 1.2);
    c->setXRange(-0.5, S - 0.5);
    c->setLegendVisible(true);
  }
  c->setYRange(0.0, std::nan(""));

  m_cacheMeans->setTitle(tr("Mean values U_s / count_s (d_v × S; grey: no key yet)"));
  Eigen::MatrixXd meansT = now.means.transpose();
  for (int s = 0; s < S; ++s)
    if (now.counts(s) == 0) meansT.col(s).setConstant(std::nan(""));
  ColorMapping map = ColorMapping::fit(meansT, ColorMapKind::Diverging, ColorScale::Symmetric);
  if (!(map.hi > 0)) {
    map.lo = -1.0;
    map.hi = 1.0;
  }
  m_cacheMeans->setMatrix(meansT, map);
  m_cacheMeans->setAxisTitles(tr("value dim"), tr("code s"));
  QStringList codeLabels;  // 0-based like the bar chart's categories
  for (int s = 0; s < S; ++s) codeLabels << QString::number(s);
  m_cacheMeans->setColumnLabels(codeLabels);
  // Outlines only while cells are wide enough to show them; the bars carry the same marks.
  Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic> changed =
      Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>::Constant(meansT.rows(), S, false);
  if (S <= kMaxBarCodes)
    for (int s = 0; s < S; ++s) changed.col(s).setConstant(now.counts(s) > before.counts(s));
  m_cacheMeans->setMarked(changed);

  const double d = p.d, dv = p.dv, nn = n;
  const double quad = 2.0 * nn * nn * (d + dv);
  // Causal: each query also scores its recent window w, one block (two with the window bias).
  const int window = p.causal ? (p.windowBias ? 2 * l : l) : 0;
  const double lin = 2.0 * nn * S * (d + dv) + 2.0 * nn * window * (d + dv);
  const int used = static_cast<int>((now.counts.array() > 0).count());
  m_cacheNote->setText(
      tr("Cursor: block %1 of %2 (l = %3) adds keys %4…%5; the cache now holds %6 keys in %7 of "
         "%8 codes%15. %9<br>Linear cached form vs quadratic form: "
         "max |Δ| = %10. Op count (multiply-adds × 2): quadratic 2n²(d + d<sub>v</sub>) = %11, "
         "linear 2nS(d + d<sub>v</sub>)%12 = %13, ratio %14×.")
          .arg(b)
          .arg(blocks)
          .arg(l)
          .arg(begin)
          .arg(end - 1)
          .arg(end)
          .arg(used)
          .arg(S)
          .arg(p.causal ? (p.windowBias ? tr("Block %1 reads this cache (the bias window keeps "
                                             "one more block exact).")
                                              .arg(b + 2)
                                        : tr("Block %1 reads this cache.").arg(b + 1))
                        : tr("Bidirectional: every query reads the full cache (last block)."))
          .arg(num(r.vqLinearVsQuadratic))
          .arg(num(quad))
          .arg(p.causal ? tr(" + 2nw(d + d<sub>v</sub>) with window w = %1").arg(window)
                        : QString())
          .arg(num(lin))
          .arg(num(quad / lin))
          .arg(S <= kMaxBarCodes ? tr(" (red: codes that gained keys)")
                                 : tr(" (grey line: counts before the block)")));
}

void EfficientAttentionFigure::fillLemma(const attention::EfficientLabParams& p,
                                         const attention::EfficientLabResult& r) {
  const auto& c = r.lemma;
  ChartView* ch = m_lemma;
  ch->clearSeries();
  ch->clearMarkers();
  ch->setTitle(tr("Estimate of SM(q%1, k%2) over %3 iid draws of m = %4 features")
                   .arg(p.cellI)
                   .arg(p.cellJ)
                   .arg(attention::kLemmaDraws)
                   .arg(p.m));
  ch->setAxes(tr("estimate / SM"), ChartView::Axis::Linear, tr("density"), ChartView::Axis::Linear);
  const QString names[3] = {tr("positive"), tr("hyperbolic"), tr("trig")};
  if (c.binEdges.size() >= 2 && c.kernel > 0) {
    for (int k = 0; k < 3; ++k) {
      std::vector<QPointF> hist, gauss;
      for (Eigen::Index b = 0; b < c.density.rows(); ++b)
        hist.emplace_back(c.binEdges[static_cast<std::size_t>(b)], c.density(b, k));
      hist.emplace_back(c.binEdges.back(), c.density(c.density.rows() - 1, k));
      // Lemma 2 gives the variance; the curve is the normal with that variance, for scale.
      const double sd = std::sqrt(c.analyticMse[k]) / c.kernel;
      const double lo = c.binEdges.front(), hi = c.binEdges.back();
      for (int t = 0; t <= 120; ++t) {
        const double x = lo + (hi - lo) * t / 120.0;
        const double z = (x - 1.0) / sd;
        gauss.emplace_back(x, std::exp(-0.5 * z * z) / (sd * std::sqrt(2.0 * M_PI)));
      }
      ch->setSeries(names[k], hist, ChartView::Style::Step, kindColor(k), 2.0);
      ch->setSeries(tr("%1, Lemma 2").arg(names[k]), gauss, ChartView::Style::Dashed, kindColor(k),
                    1.2);
    }
    ch->setMarker(tr("exact"), Qt::Vertical, 1.0, efficientColor(EfficientMethod::Exact));
  }
  ch->setYRange(0.0, std::nan(""));

  QString rows;
  for (int k = 0; k < 3; ++k) {
    const double sm2 = c.kernel * c.kernel;
    rows += tr("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td>"
               "<td align=right>%4</td><td align=right>%5</td></tr>")
                .arg(names[k], num(c.analyticMse[k] / sm2), num(c.empiricalMse[k] / sm2),
                     num(c.empiricalMean[k] / c.kernel))
                .arg(c.negativeDraws[k]);
  }
  m_lemmaNote->setText(
      tr("<b>Lemma 2</b> (Choromanski et al. 2021), x = q<sub>%1</sub>/d<sup>1/4</sup>, y = "
         "k<sub>%2</sub>/d<sup>1/4</sup>: SM = e<sup>xᵀy</sup> = %3, ‖x+y‖² = %4, ‖x−y‖² = %5."
         "<table cellspacing=6><tr><th></th><th>Lemma 2</th><th>draws</th><th>mean/SM</th>"
         "<th>&lt; 0</th></tr>%6</table>"
         "Columns: relative MSE = MSE/SM² by Lemma 2 and over the draws, the mean estimate, draws "
         "below 0. Positive: (e<sup>‖x+y‖²</sup> − 1)/m, small where SM is small; "
         "trig: e<sup>‖x+y‖²</sup>SM<sup>−4</sup>(1 − e<sup>−‖x−y‖²</sup>)²/(2m), huge there. "
         "Large ‖x+y‖² gives heavy tails: one rare draw can move the sample MSE a lot.")
          .arg(p.cellI)
          .arg(p.cellJ)
          .arg(num(c.kernel), num(c.normXPlusY), num(c.normXMinusY), rows));
}

}  // namespace latentlab::ui
