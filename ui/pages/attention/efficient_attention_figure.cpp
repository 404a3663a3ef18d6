// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Efficient attention figure: layout, title and the heat-map panel.
#include "ui/pages/attention/efficient_attention_figure.h"

#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "ui/common/chart_view.h"
#include "ui/common/figure_label.h"
#include "ui/common/figure_mode.h"
#include "ui/common/figure_stack.h"
#include "ui/common/heatmap_view.h"
#include "ui/common/palette.h"

namespace latentlab::ui {

using attention::EfficientView;

QColor efficientColor(EfficientMethod m) {
  switch (m) {
    case EfficientMethod::Exact:
      return hueColor(Hue::ExactAttention);
    case EfficientMethod::Performer:
      return hueColor(Hue::Performer);
    case EfficientMethod::TransformerVq:
      return hueColor(Hue::TransformerVq);
    case EfficientMethod::SoftVq:
      return hueColor(Hue::SoftVq);
  }
  return {};
}

namespace {

QString num(double v) { return QString::number(v, 'g', 3); }

}  // namespace

EfficientAttentionFigure::EfficientAttentionFigure(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  m_title = makeFigureTitle(this);
  layout->addWidget(m_title);
  m_stack = new FigureStack(this);
  layout->addWidget(m_stack, 1);
  // Order follows attention::EfficientView.
  m_stack->addWidget(buildMaps());
  m_stack->addWidget(buildFeatures());
  m_stack->addWidget(buildChartWithNote(m_codebook, m_codebookNote));
  m_stack->addWidget(buildCache());
  m_stack->addWidget(buildLemma());
  m_stack->addWidget(buildAnalogy());
  m_stack->addWidget(buildChartWithNote(m_timing, m_timingNote));
}

QWidget* EfficientAttentionFigure::buildMaps() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  m_exact = new HeatmapView(w);
  m_performer = new HeatmapView(w);
  m_vq = new HeatmapView(w);
  m_error = new HeatmapView(w);
  m_mapsNote = makeFigureLabel(w, 3);
  g->addWidget(m_exact, 0, 0);
  g->addWidget(m_performer, 0, 1);
  g->addWidget(m_vq, 1, 0);
  g->addWidget(m_error, 1, 1);
  g->addWidget(m_mapsNote, 2, 0, 1, 2);
  for (int i = 0; i < 2; ++i) {
    g->setRowStretch(i, 1);
    g->setColumnStretch(i, 1);
  }
  for (HeatmapView* h : {m_exact, m_performer, m_vq, m_error})
    h->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  // Clicks on Â pick the Lemma-2 cell; a filter keeps the shared HeatmapView unchanged.
  m_performer->installEventFilter(this);
  m_performer->setCursor(Qt::PointingHandCursor);
  return w;
}

bool EfficientAttentionFigure::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_performer && event->type() == QEvent::MouseButtonRelease) {
    const auto* me = static_cast<QMouseEvent*>(event);
    if (me->button() == Qt::LeftButton) {
      const QPoint cell = m_performer->cellAt(me->position().toPoint());
      if (cell.x() >= 0 && cell.y() >= 0) emit performerCellClicked(cell.y(), cell.x());
    }
  }
  return QWidget::eventFilter(watched, event);
}

QWidget* EfficientAttentionFigure::buildChartWithNote(ChartView*& chart, QLabel*& note) {
  auto* w = new QWidget(this);
  auto* l = new QVBoxLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  chart = new ChartView(w);
  note = makeFigureLabel(w, 3);
  l->addWidget(chart, 1);
  l->addWidget(note);
  return w;
}

QWidget* EfficientAttentionFigure::buildAnalogy() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  m_softFeatures = new ChartView(w);
  m_softCodes = new ChartView(w);
  m_tau = new ChartView(w);
  m_analogyNote = makeFigureLabel(w, 8);
  m_analogyNote->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  g->addWidget(m_softFeatures, 0, 0);
  g->addWidget(m_softCodes, 0, 1);
  g->addWidget(m_tau, 1, 0);
  g->addWidget(m_analogyNote, 1, 1);
  for (int i = 0; i < 2; ++i) {
    g->setRowStretch(i, 1);
    g->setColumnStretch(i, 1);
  }
  for (QWidget* cell :
       std::initializer_list<QWidget*>{m_softFeatures, m_softCodes, m_tau, m_analogyNote})
    cell->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  return w;
}

void EfficientAttentionFigure::show(const attention::EfficientLabParams& p,
                                    const attention::EfficientLabResult& r,
                                    const attention::TimingResult* timing,
                                    const attention::TimingParams& timingParams) {
  m_stack->setCurrentIndex(static_cast<int>(p.view));
  m_title->setText(tr("Efficient attention — n = %1, d = %2, σ = %3, %4, m = %5, S = %6")
                       .arg(p.n)
                       .arg(p.d)
                       .arg(num(p.sigma))
                       .arg(p.causal ? tr("causal") : tr("bidirectional"))
                       .arg(p.m)
                       .arg(p.codebookSize) +
                   (p.precision == attention::Arithmetic::Float32 ? tr(", float32") : QString()));
  switch (p.view) {
    case EfficientView::Maps:
      fillMaps(p, r);
      break;
    case EfficientView::Features:
      fillFeatures(p, r);
      break;
    case EfficientView::Codebook:
      fillCodebook(p, r);
      break;
    case EfficientView::Cache:
      fillCache(p, r);
      break;
    case EfficientView::Lemma:
      fillLemma(p, r);
      break;
    case EfficientView::Analogy:
      fillAnalogy(p, r);
      break;
    case EfficientView::Timing:
      fillTiming(timing, timingParams);
      break;
  }
}

void EfficientAttentionFigure::fillMaps(const attention::EfficientLabParams& p,
                                        const attention::EfficientLabResult& r) {
  // A shared scale set by A and Transformer-VQ (both true softmaxes), so colours compare across
  // the maps; trigonometric Performer entries can be negative or huge and clamp at its ends.
  const double hi = std::max(r.exactMap.maxCoeff(), r.vqMap.maxCoeff());
  const ColorScale scale = p.logColour ? ColorScale::Log : ColorScale::Linear;
  ColorMapping shared{ColorMapKind::Viridis, scale, 0.0, hi > 0 ? hi : 1.0};
  if (p.logColour) {
    // Log: the smallest positive weight of A and VQ, floored at 1e-6 of the top so that one
    // vanishing weight does not flatten the map (values below clamp to the bottom colour).
    double lo = hi;
    for (const Eigen::MatrixXd* m : {&r.exactMap, &r.vqMap})
      for (Eigen::Index k = 0; k < m->size(); ++k)
        if (m->data()[k] > 0) lo = std::min(lo, m->data()[k]);
    shared.lo = std::max(lo, 1e-6 * shared.hi);
    if (!(shared.hi > shared.lo)) shared.lo = 0.5 * shared.hi;
  }
  const bool clamped = r.performerMap.maxCoeff() > shared.hi;
  const QString block = r.shown < p.n ? tr(" (first %1 of %2)").arg(r.shown).arg(p.n) : QString();
  m_exact->setTitle(tr("Exact A = softmax(QKᵀ/√d)") + block);
  m_exact->setMatrix(r.exactMap, shared);
  if (r.negativeEntries > 0) {
    // Negative weights (trigonometric features) have no place on A's scale: a diverging map on
    // ±max A shows them in blue, where positive weights are red.
    const ColorMapping div{ColorMapKind::Diverging, ColorScale::Symmetric, -shared.hi, shared.hi};
    m_performer->setTitle(tr("Performer Â (m = %1): blue < 0").arg(p.m));
    m_performer->setMatrix(r.performerMap, div);
  } else {
    m_performer->setTitle(tr("Performer Â (m = %1)").arg(p.m) +
                          (clamped ? tr(", clamped to A's scale") : QString()));
    m_performer->setMatrix(r.performerMap, shared);
  }
  const bool biased = p.causal && p.windowBias;
  m_vq->setTitle(tr("Transformer-VQ softmax(QK̂ᵀ/√d%1) (S = %2)")
                     .arg(biased ? tr(" + B") : QString())
                     .arg(p.codebookSize));
  m_vq->setMatrix(r.vqMap, shared);
  ColorMapping err = ColorMapping::fit(r.performerAbsError, ColorMapKind::Viridis, scale);
  const bool errClamped = err.hi > shared.hi;
  err.hi = std::min(err.hi, shared.hi);
  if (p.logColour) err.lo = std::max(err.lo, 1e-6 * err.hi);
  if (!(err.hi > err.lo)) err.hi = err.lo + std::max(1e-12, std::abs(err.lo));
  m_error->setTitle(tr("|A − Â| Performer") + (errClamped ? tr(", clamped at max A") : QString()));
  m_error->setMatrix(r.performerAbsError, err);
  for (HeatmapView* h : {m_exact, m_performer, m_vq, m_error})
    h->setAxisTitles(tr("query i"), tr("key j"));
  QString trig;
  if (p.feature == attention::FeatureKind::Trigonometric)
    trig = tr(" Trigonometric features: %1 negative Â entries (blue), smallest normaliser %2 of "
              "the largest.")
               .arg(r.negativeEntries)
               .arg(num(r.minDenominator));
  const QString bias =
      biased ? tr(" Window bias b(t) = %1·e<sup>−2t/l</sup>, l = %2: errors against "
                  "softmax(QKᵀ/√d + B + M), linear cached form vs quadratic form with B")
                   .arg(num(p.biasStrength))
                   .arg(p.block)
             : tr(" Linear cached form vs quadratic form on K̂");
  QString f32;
  if (std::isfinite(r.float32ErrorExact))
    f32 = tr("<br><b>float32</b>: the exact output is within %1 and Performer's within %2 of "
             "float64 (relative Frobenius error).")
              .arg(num(r.float32ErrorExact), num(r.float32ErrorPerformer));
  m_mapsNote->setText(
      tr("<b>Performer</b>: e<sub>A</sub> = %1, e<sub>O</sub> = ‖ÂV − AV‖/‖AV‖ = %2.%3%11<br>"
         "<b>Transformer-VQ</b>: e<sub>A</sub> = %4, e<sub>O</sub> = %5, key VQ error %6, "
         "%7 of %8 codes used.%9: max |Δ| = %10.")
          .arg(num(r.performerErrorA), num(r.performerErrorO), trig, num(r.vqErrorA),
               num(r.vqErrorO), num(r.keyVqError))
          .arg(r.codesUsed)
          .arg(p.codebookSize)
          .arg(bias)
          .arg(num(r.vqLinearVsQuadratic))
          .arg(screenHint(m_mapsNote, tr(" Click a cell of Â for its Lemma-2 view."))) +
      f32);
}

}  // namespace latentlab::ui
