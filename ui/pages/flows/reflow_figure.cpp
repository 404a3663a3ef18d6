// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/flows/reflow_figure.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "ui/common/chart_view.h"
#include "ui/common/color_map.h"
#include "ui/common/figure_stack.h"
#include "ui/common/heatmap_view.h"
#include "ui/pages/flows/reflow_canvas.h"

namespace latentlab::ui {

using flows::ReflowLabParams;
using flows::ReflowLabResult;
using flows::ReflowView;

namespace {

// Overlay colours chosen to read on the viridis field and on the dark empty field alike.
const QColor kParticle(0xff, 0x7f, 0x0e);
const QColor kPath(255, 255, 255, 150);
const QColor kArrow(0xf7, 0xb6, 0xd2);
const QColor kTarget(0xe3, 0x1a, 0x1c, 190);
const QColor kSegment(0x9e, 0xda, 0xe5, 170);
const QColor kSolver[3] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                           QColor(0x2c, 0xa0, 0x2c)};

QLabel* makeLabel(QWidget* parent, bool wrap = true) {
  auto* l = new QLabel(parent);
  l->setWordWrap(wrap);
  l->setTextFormat(Qt::RichText);
  l->setTextInteractionFlags(Qt::TextSelectableByMouse);
  // A wrapping label asks for height-for-width, which makes grid layouts ignore row stretch;
  // a fixed allowance of lines keeps the panels equal.
  QSizePolicy sp = l->sizePolicy();
  sp.setHeightForWidth(false);
  l->setSizePolicy(sp);
  l->setMinimumHeight(2 * l->fontMetrics().lineSpacing() + 4);
  return l;
}

QString num(double v, int prec = 3) { return QString::number(v, 'g', prec); }

// Two equal columns, each a widget over a label.
QWidget* twoColumns(QWidget* parent, QWidget* a, QLabel* la, QWidget* b, QLabel* lb) {
  auto* w = new QWidget(parent);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  g->addWidget(a, 0, 0);
  g->addWidget(b, 0, 1);
  if (la) g->addWidget(la, 1, 0);
  if (lb) g->addWidget(lb, 1, 1);
  g->setRowStretch(0, 1);
  g->setColumnStretch(0, 1);
  g->setColumnStretch(1, 1);
  return w;
}

}  // namespace

ReflowFigure::ReflowFigure(QWidget* parent) : QWidget(parent) {
  auto* v = new QVBoxLayout(this);
  m_title = makeLabel(this, false);
  m_title->setMinimumHeight(0);
  m_title->setAlignment(Qt::AlignCenter);
  QFont f = m_title->font();
  f.setBold(true);
  m_title->setFont(f);
  v->addWidget(m_title);
  m_stack = new FigureStack(this);
  v->addWidget(m_stack, 1);

  auto clicked = [this](QPointF pt) {
    if (onCanvasClicked) onCanvasClicked(pt);
  };
  auto dragged = [this](QPointF pt) {
    if (onCanvasDragged) onCanvasDragged(pt);
  };
  // Flow.
  auto* flow = new QWidget(m_stack);
  auto* fg = new QGridLayout(flow);
  m_flow = new ReflowCanvas(flow);
  m_flow->onClicked = clicked;
  m_flow->onDragged = dragged;
  m_flow->setToolTip(tr("Click or drag to add drawn target points (target p1: drawn points)"));
  m_bar = new ColorBar(flow);
  m_flowInfo = makeLabel(flow);
  fg->addWidget(m_flow, 0, 0);
  fg->addWidget(m_bar, 0, 1);
  fg->addWidget(m_flowInfo, 1, 0, 1, 2);
  fg->setRowStretch(0, 1);
  fg->setColumnStretch(0, 1);
  m_stack->addWidget(flow);
  // Pairs.
  m_pairsLeft = new ReflowCanvas(m_stack);
  m_pairsRight = new ReflowCanvas(m_stack);
  m_pairsRight->onClicked = clicked;
  m_pairsRight->onDragged = dragged;
  m_pairsInfo = makeLabel(m_stack);
  auto* pairs = new QWidget(m_stack);
  auto* pv = new QVBoxLayout(pairs);
  pv->setContentsMargins(0, 0, 0, 0);
  pv->addWidget(twoColumns(pairs, m_pairsLeft, nullptr, m_pairsRight, nullptr), 1);
  pv->addWidget(m_pairsInfo);
  m_stack->addWidget(pairs);
  // Compare.
  for (int i = 0; i < 2; ++i) {
    m_cmp[i] = new ReflowCanvas(m_stack);
    m_cmpInfo[i] = makeLabel(m_stack);
    m_cmpInfo[i]->setMinimumHeight(4 * m_cmpInfo[i]->fontMetrics().lineSpacing() + 4);
  }
  m_stack->addWidget(twoColumns(m_stack, m_cmp[0], m_cmpInfo[0], m_cmp[1], m_cmpInfo[1]));
  // Quality.
  auto* quality = new QWidget(m_stack);
  auto* qv = new QVBoxLayout(quality);
  qv->setContentsMargins(0, 0, 0, 0);
  for (auto& c : m_quality) c = new ChartView(quality);
  qv->addWidget(twoColumns(quality, m_quality[0], nullptr, m_quality[1], nullptr), 1);
  m_qualityInfo = makeLabel(quality);
  qv->addWidget(m_qualityInfo);
  m_stack->addWidget(quality);
  // Rounds.
  auto* rounds = new QWidget(m_stack);
  auto* rv = new QVBoxLayout(rounds);
  rv->setContentsMargins(0, 0, 0, 0);
  m_rounds = new ChartView(rounds);
  m_roundsCost = new ChartView(rounds);
  rv->addWidget(twoColumns(rounds, m_rounds, nullptr, m_roundsCost, nullptr), 1);
  m_roundsInfo = makeLabel(rounds);
  rv->addWidget(m_roundsInfo);
  m_stack->addWidget(rounds);
}

QString ReflowFigure::viewTitle() const { return m_title->text(); }

void ReflowFigure::show(const ReflowLabParams& p, const ReflowLabResult& r) {
  m_stack->setCurrentIndex(static_cast<int>(p.view));
  switch (p.view) {
    case ReflowView::Flow:
      fillFlow(p, r);
      break;
    case ReflowView::Pairs:
      fillPairs(p, r);
      break;
    case ReflowView::Compare:
      fillCompare(p, r);
      break;
    case ReflowView::Quality:
      fillQuality(p, r);
      break;
    case ReflowView::Rounds:
      fillRounds(p, r);
      break;
  }
}

void ReflowFigure::fillFlow(const ReflowLabParams& p, const ReflowLabResult& r) {
  m_title->setText(tr("Exact 1-RF velocity: ρ_t, v(x, t) and particles at t = %1")
                       .arg(r.snapshotTime, 0, 'f', 2));
  // Log scale: narrow modes peak far above the bridges between them, which a linear map hides.
  ColorMapping map = ColorMapping::fit(r.density, ColorMapKind::Viridis, ColorScale::Log);
  map.lo = std::max(map.hi * 1e-4, 1e-300);
  m_flow->clear();
  m_flow->setBox(r.box);
  // ρ_t underflows to exactly 0 far from narrow modes (log scale: no colour); show it as the floor.
  m_flow->setDensity(colorize(r.density.cwiseMax(map.lo), map));
  m_flow->addPaths(r.paths, kPath, 1.0);
  m_flow->addPoints(r.snapshot(), kParticle, 1.4);
  if (p.arrows > 0) m_flow->addArrows(r.arrowBase, r.arrowVel, 2.0 * r.box / p.arrows, kArrow);
  m_flow->update();
  m_bar->setMapping(map);
  m_bar->setLabel(tr("ρ_t"));
  m_flowInfo->setText(
      tr("%1 particles, %2 × %3 steps (%4 evaluations). White: %5 trajectories t = 0 → 1; "
         "orange: particles at t = %6; pink: v(x, t) on a %7 × %7 lattice (longest arrow = 0.9 "
         "cells). Heat map: ρ_t in closed form. %8")
          .arg(r.partial ? tr("The first %1 of %2").arg(r.snapshot().rows()).arg(p.particles)
                         : QString::number(p.particles))
          .arg(p.steps)
          .arg(QString::fromLatin1(p.solver == flows::Solver::Euler  ? "Euler"
                                   : p.solver == flows::Solver::Heun ? "Heun"
                                                                     : "RK4"))
          .arg(p.steps * flows::evaluationsPerStep(p.solver))
          .arg(r.paths.size())
          .arg(r.snapshotTime, 0, 'f', 2)
          .arg(p.arrows)
          .arg(r.partial ? tr("Integrating the other particles…")
                         : tr("Computed in %1 ms.").arg(r.elapsedMs, 0, 'f', 1)) +
      (std::isfinite(r.float32Error)
           ? tr("<br><b>float32</b> particles: within %1 of float64 (largest position "
                "difference, first %2 particles, every frame).")
                 .arg(num(r.float32Error))
                 .arg(r.float32ErrorParticles)
           : QString()));
}

void ReflowFigure::fillPairs(const ReflowLabParams&, const ReflowLabResult& r) {
  m_title->setText(tr("Random pairs cross; the ReFlow ODE paths do not"));
  const int n = static_cast<int>(r.pairs0.rows());
  for (ReflowCanvas* c : {m_pairsLeft, m_pairsRight}) {
    c->clear();
    c->setBox(r.box);
    c->addPoints(r.targetSamples, kTarget, 1.2, 1500);
  }
  m_pairsLeft->setTitle(tr("%1 random pairs (x0, x1), straight").arg(n));
  m_pairsLeft->addSegments(r.pairs0, r.pairs1, kSegment, 1.2);
  m_pairsLeft->addPoints(r.pairs0, kParticle, 2.5);
  m_pairsRight->setTitle(tr("ODE paths from the same x0"));
  std::vector<Eigen::MatrixXd> paths(
      r.paths.begin(),
      r.paths.begin() + std::min<std::size_t>(r.paths.size(), static_cast<std::size_t>(n)));
  m_pairsRight->addPaths(paths, kSegment, 1.2);
  m_pairsRight->addPoints(r.pairs0.topRows(static_cast<Eigen::Index>(paths.size())), kParticle,
                          2.5);
  m_pairsLeft->update();
  m_pairsRight->update();
  m_pairsInfo->setText(tr("Independent coupling cost E‖X1 − X0‖² = %1. The velocity field is "
                          "the conditional mean E[x1 − x0 | x_t] (Su, kexue.fm/archives/9497), "
                          "a function of (x, t), so its paths cannot cross. Red: target samples.")
                           .arg(num(r.independentCost)));
}

QString ReflowFigure::velocityName(flows::ReflowVelocity v) {
  switch (v) {
    case flows::ReflowVelocity::Mlp:
      return tr("MLP");
    case flows::ReflowVelocity::Kernel:
      return tr("NW kernel");
    case flows::ReflowVelocity::Rff:
      break;
  }
  return tr("RFF ridge");
}

void ReflowFigure::fillCompare(const ReflowLabParams& p, const ReflowLabResult& r) {
  m_title->setText(tr("1-RF (exact) vs 2-RF (%1 on reflow pairs), same z0 and solver, N = %2")
                       .arg(velocityName(p.velocity))
                       .arg(p.steps));
  for (int i = 0; i < 2; ++i) {
    ReflowCanvas* c = m_cmp[i];
    c->clear();
    c->setBox(r.box);
    c->addPoints(r.targetSamples, kTarget, 1.2, 1500);
    if (static_cast<int>(r.rounds.size()) <= i) {
      c->setTitle(tr("(computing…)"));
      c->update();
      m_cmpInfo[i]->setText(QString());
      continue;
    }
    const auto& s = r.rounds[static_cast<std::size_t>(i)];
    c->setTitle(i == 0 ? tr("1-RF trajectories") : tr("2-RF trajectories"));
    c->addPaths(s.paths, kPath, 1.0);
    c->addPoints(s.z1, kParticle, 1.6);
    c->update();
    QString text = tr("Straightness Ŝ = %1, Ŝ / E‖Z1−Z0‖² = %2<br>Transport cost E‖Z1−Z0‖² = "
                      "%3 (independent %4)<br>Quality: target NLL %5 (ideal %6), SW2² %7")
                       .arg(num(s.straightness))
                       .arg(num(s.cost > 0 ? s.straightness / s.cost : 0.0))
                       .arg(num(s.cost))
                       .arg(num(r.independentCost))
                       .arg(num(s.nll))
                       .arg(num(r.targetEntropy))
                       .arg(num(s.sw2));
    if (i == 1) text += tr("<br>%1 fit residual %2").arg(velocityName(p.velocity), num(s.fitLoss));
    m_cmpInfo[i]->setText(text);
  }
}

void ReflowFigure::fillQuality(const ReflowLabParams& p, const ReflowLabResult& r) {
  m_title->setText(tr("Quality vs function evaluations (target NLL, lower is better)"));
  const QString names[3] = {tr("Euler"), tr("Heun"), tr("RK4")};
  for (int f = 0; f < 2; ++f) {
    ChartView* c = m_quality[f];
    c->clearSeries();
    c->setTitle(f == 0 ? tr("1-RF (exact velocity)")
                       : tr("2-RF (%1)").arg(velocityName(p.velocity)));
    c->setAxes(tr("NFE"), ChartView::Axis::Log, tr("NLL (nats)"), ChartView::Axis::Linear);
    if (static_cast<int>(r.qualityNll.size()) <= f) continue;
    for (int s = 0; s < 3; ++s) {
      std::vector<QPointF> pts;
      const int e = flows::evaluationsPerStep(static_cast<flows::Solver>(s));
      for (std::size_t i = 0; i < r.qualitySteps.size(); ++i)
        pts.emplace_back(r.qualitySteps[i] * e,
                         r.qualityNll[static_cast<std::size_t>(f)][static_cast<std::size_t>(s)][i]);
      c->setSeries(names[s], pts, ChartView::Style::Line, kSolver[s]);
    }
    c->setSeries(tr("ideal"), {QPointF(1, r.targetEntropy), QPointF(256, r.targetEntropy)},
                 ChartView::Style::Dashed, QColor(0x7f, 0x7f, 0x7f));
  }
  m_qualityInfo->setText(tr("N = 1, 2, 4, … 32 steps; NFE = N × (1, 2, 4). One Euler step of "
                            "the 1-RF sends every sample to E[x1]; the straighter 2-RF is "
                            "far better at 1–2 evaluations, and its floor is the fit error of "
                            "the %1 velocity (it smears modes where the 1-RF map splits), not the "
                            "solver.")
                             .arg(velocityName(p.velocity)));
}

void ReflowFigure::fillRounds(const ReflowLabParams& p, const ReflowLabResult& r) {
  m_title->setText(tr("Reflow rounds k: straightness and transport cost"));
  std::vector<QPointF> s, rel, cost;
  for (std::size_t k = 0; k < r.rounds.size(); ++k) {
    const auto& f = r.rounds[k];
    s.emplace_back(static_cast<double>(k + 1), f.straightness);
    rel.emplace_back(static_cast<double>(k + 1), f.cost > 0 ? f.straightness / f.cost : 0.0);
    cost.emplace_back(static_cast<double>(k + 1), f.cost);
  }
  m_rounds->clearSeries();
  m_rounds->setTitle(tr("Straightness"));
  m_rounds->setAxes(tr("round k"), ChartView::Axis::Linear, tr("Ŝ"), ChartView::Axis::Linear);
  m_rounds->setSeries(tr("Ŝ"), s, ChartView::Style::Line, kSolver[0]);
  m_rounds->setSeries(tr("Ŝ / cost"), rel, ChartView::Style::Dashed, kSolver[1]);
  m_rounds->setYRange(0.0, std::nan(""));
  m_roundsCost->clearSeries();
  m_roundsCost->setTitle(tr("Transport cost E‖Z1−Z0‖²"));
  m_roundsCost->setAxes(tr("round k"), ChartView::Axis::Linear, tr("cost"),
                        ChartView::Axis::Linear);
  m_roundsCost->setSeries(tr("k-RF"), cost, ChartView::Style::Line, kSolver[2]);
  m_roundsCost->setSeries(
      tr("independent"),
      {QPointF(1, r.independentCost),
       QPointF(std::max<double>(2.0, static_cast<double>(r.rounds.size())), r.independentCost)},
      ChartView::Style::Dashed, QColor(0x7f, 0x7f, 0x7f));
  m_roundsCost->setYRange(0.0, std::nan(""));
  QString text = tr("k = 1 is the exact velocity; each later round draws fresh z0, integrates "
                    "the previous flow (RK4, 32 steps) and fits a %1 velocity on the pairs "
                    "(reflow as in Liu et al. 2023).")
                     .arg(velocityName(p.velocity));
  for (std::size_t k = 0; k < r.rounds.size(); ++k)
    text += tr(" k=%1: Ŝ %2, NLL %3.")
                .arg(k + 1)
                .arg(num(r.rounds[k].straightness))
                .arg(num(r.rounds[k].nll));
  m_roundsInfo->setText(text);
}

}  // namespace latentlab::ui
