// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Attention-rank figure: layout of every panel and dispatch to the fill functions.
#include "ui/pages/attention/attention_rank_figure.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/common/chart_view.h"
#include "ui/common/figure_label.h"
#include "ui/common/figure_mode.h"
#include "ui/common/figure_stack.h"
#include "ui/common/figure_table.h"
#include "ui/common/heatmap_view.h"
#include "ui/common/palette.h"

namespace latentlab::ui {

using attention::MaskKind;
using attention::RankView;

QColor maskColor(MaskKind kind) {
  switch (kind) {
    case MaskKind::Bidirectional:
      return hueColor(Hue::Bidirectional);
    case MaskKind::PrefixLM:
      return hueColor(Hue::PrefixLm);
    case MaskKind::Causal:
      return hueColor(Hue::Causal);
    case MaskKind::Backward:
      return hueColor(Hue::Backward);
  }
  return hueColor(Hue::Reference);
}

QString maskName(const attention::Mask& mask) {
  switch (mask.kind) {
    case MaskKind::Bidirectional:
      return AttentionRankFigure::tr("Bidirectional");
    case MaskKind::PrefixLM:
      return AttentionRankFigure::tr("Prefix-LM (m = %1)").arg(mask.prefix);
    case MaskKind::Causal:
      return AttentionRankFigure::tr("Causal (forward)");
    case MaskKind::Backward:
      return AttentionRankFigure::tr("Backward");
  }
  return {};
}

QString maskShortName(const attention::Mask& mask) {
  switch (mask.kind) {
    case MaskKind::Bidirectional:
      return AttentionRankFigure::tr("Bidirectional");
    case MaskKind::PrefixLM:
      return AttentionRankFigure::tr("Prefix m = %1").arg(mask.prefix);
    case MaskKind::Causal:
      return AttentionRankFigure::tr("Causal");
    case MaskKind::Backward:
      return AttentionRankFigure::tr("Backward");
  }
  return {};
}

namespace {

QTableWidget* makeTable(QWidget* parent) { return new FigureTable(parent); }

void expand(std::initializer_list<QWidget*> cells) {
  for (QWidget* c : cells) c->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

}  // namespace

AttentionRankFigure::AttentionRankFigure(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  m_title = makeFigureTitle(this);
  layout->addWidget(m_title);
  m_stack = new FigureStack(this);
  layout->addWidget(m_stack, 1);
  // Order follows attention::RankView.
  m_stack->addWidget(buildOverview());
  m_stack->addWidget(buildHeatmaps());
  m_stack->addWidget(buildSpectra());
  m_stack->addWidget(buildMetrics());
  m_stack->addWidget(buildSweeps());
  m_stack->addWidget(buildDepth());
  m_stack->addWidget(buildHeads());
}

QWidget* AttentionRankFigure::buildOverview() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  for (int i = 0; i < 4; ++i) {
    m_ovHeat[static_cast<std::size_t>(i)] = new HeatmapView(w);
    g->addWidget(m_ovHeat[static_cast<std::size_t>(i)], 0, i);
    g->setColumnStretch(i, 1);
    expand({m_ovHeat[static_cast<std::size_t>(i)]});
  }
  m_ovSpectra = new ChartView(w);
  g->addWidget(m_ovSpectra, 1, 0, 1, 2);
  m_ovMetrics = makeTable(w);
  g->addWidget(m_ovMetrics, 1, 2, 1, 2);
  // The claim spans the figure's width under the spectra and the table: at half the width it
  // would need twice the lines, more than a small export has.
  m_ovClaims = makeFigureLabel(w, 3);
  g->addWidget(m_ovClaims, 2, 0, 1, 4);
  expand({m_ovSpectra});
  g->setRowStretch(0, 1);
  g->setRowStretch(1, 1);
  return w;
}

QWidget* AttentionRankFigure::buildHeatmaps() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  for (int i = 0; i < 4; ++i) {
    m_heat[static_cast<std::size_t>(i)] = new HeatmapView(w);
    g->addWidget(m_heat[static_cast<std::size_t>(i)], i / 2, i % 2);
    expand({m_heat[static_cast<std::size_t>(i)]});
  }
  for (int i = 0; i < 2; ++i) {
    g->setRowStretch(i, 1);
    g->setColumnStretch(i, 1);
  }
  m_heatNote = makeFigureLabel(w);
  g->addWidget(m_heatNote, 2, 0, 1, 2);
  return w;
}

QWidget* AttentionRankFigure::buildSpectra() {
  auto* w = new QWidget(this);
  auto* l = new QVBoxLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  m_spectra = new ChartView(w);
  m_spectraNote = makeFigureLabel(w, 3);
  l->addWidget(m_spectra, 1);
  l->addWidget(m_spectraNote);
  return w;
}

QWidget* AttentionRankFigure::buildMetrics() {
  auto* w = new QWidget(this);
  auto* l = new QVBoxLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  m_metrics = makeTable(w);
  m_metricsNote = makeFigureLabel(w, 6);
  l->addWidget(m_metrics, 1);
  l->addWidget(m_metricsNote);
  return w;
}

QWidget* AttentionRankFigure::buildSweeps() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  m_sweepRank = new ChartView(w);
  m_sweepErank = new ChartView(w);
  m_sweepNote = makeFigureLabel(w, 3);
  g->addWidget(m_sweepRank, 0, 0);
  g->addWidget(m_sweepErank, 0, 1);
  g->addWidget(m_sweepNote, 1, 0, 1, 2);
  g->setRowStretch(0, 1);
  g->setColumnStretch(0, 1);
  g->setColumnStretch(1, 1);
  expand({m_sweepRank, m_sweepErank});
  return w;
}

QWidget* AttentionRankFigure::buildDepth() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  m_depthR = new ChartView(w);
  m_depthRatio = new ChartView(w);
  m_depthNote = makeFigureLabel(w, 3);
  g->addWidget(m_depthR, 0, 0);
  g->addWidget(m_depthRatio, 0, 1);
  g->addWidget(m_depthNote, 1, 0, 1, 2);
  g->setRowStretch(0, 1);
  g->setColumnStretch(0, 1);
  g->setColumnStretch(1, 1);
  expand({m_depthR, m_depthRatio});
  return w;
}

void AttentionRankFigure::show(const attention::AttentionRankParams& p,
                               const attention::AttentionRankResult& r,
                               const attention::RankSweepResult* sweep,
                               const attention::DepthResult* depth) {
  m_stack->setCurrentIndex(static_cast<int>(p.view));
  QString source;
  switch (p.source) {
    case attention::QkSource::Gaussian:
      source = tr("Gaussian Q, K (seed %1)").arg(p.seed);
      break;
    case attention::QkSource::Circle:
      source = tr("circle Q = K");
      break;
    case attention::QkSource::Zeros:
      source = tr("Q = K = 0");
      break;
    case attention::QkSource::Npy:
      source = tr("Q, K from files");
      break;
  }
  m_title->setText(tr("Attention rank — %1, n = %2, d = %3, τ = %4, t = %5")
                       .arg(source)
                       .arg(r.n)
                       .arg(r.d)
                       .arg(p.tau, 0, 'g', 4)
                       .arg(r.tolerance, 0, 'g', 3));
  switch (p.view) {
    case RankView::Overview:
      fillHeatmaps(m_ovHeat, p, r);
      fillSpectra(m_ovSpectra, r);
      fillMetrics(m_ovMetrics, p, r, true);
      fillClaims(m_ovClaims, r);
      break;
    case RankView::Heatmaps:
      fillHeatmaps(m_heat, p, r);
      m_heatNote->setText(
          tr("Rows are queries i, columns keys j; each row sums to 1. Grey cells are masked "
             "(M(i, j) = 0)%1.%2")
              .arg(
                  p.logColour ? tr(", or weights that underflow to 0 on the log scale") : QString(),
                  screenHint(m_heatNote, tr(" Hover a cell for its exact weight."))));
      break;
    case RankView::Spectra:
      fillSpectra(m_spectra, r);
      m_spectraNote->setText(
          tr("Singular values σ_i of each matrix. Dots: rank_t, the last σ_i above "
             "t·σ₁. Dashed grey: the Taylor certificate — σ_{N_p+1}(A_bi) ≤ e^R·Σ_{k>p} "
             "R^k/k! "
             "with N_p = C(d+p, p), R = max|S| = %1.")
              .arg(r.maxLogit, 0, 'g', 4));
      break;
    case RankView::Metrics:
      fillMetrics(m_metrics, p, r, false);
      fillClaims(m_metricsNote, r);
      break;
    case RankView::Sweeps:
      fillSweeps(p, r, sweep);
      break;
    case RankView::Depth:
      fillDepth(p, depth);
      break;
    case RankView::Heads:
      fillHeads(p, r);
      break;
  }
}

}  // namespace latentlab::ui
