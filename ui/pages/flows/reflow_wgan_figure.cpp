// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The ReFlow → WGAN-GP figure: critic plane and charts over rounds.
#include "ui/pages/flows/reflow_wgan_figure.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "ui/common/chart_view.h"
#include "ui/common/figure_label.h"
#include "ui/common/figure_stack.h"
#include "ui/common/heatmap_view.h"
#include "ui/pages/flows/reflow_wgan_canvas.h"

namespace latentlab::ui {

using flows::WganVariant;

namespace {

QString num(double v) { return QString::number(v, 'g', 3); }

QString swatch(QColor c, const QString& text) {
  return QStringLiteral("<span style='color:%1'>&#9679;</span>&nbsp;%2").arg(c.name(), text);
}

QColor chartColor(int i) {
  static const QColor kColors[] = {{0x1f, 0x77, 0xb4},
                                   {0xff, 0x7f, 0x0e},
                                   {0x2c, 0xa0, 0x2c},
                                   {0x94, 0x67, 0xbd},
                                   {0xd6, 0x27, 0x28}};
  return kColors[i % 5];
}

}  // namespace

ReflowWganFigure::ReflowWganFigure(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  m_title = makeFigureTitle(this);
  layout->addWidget(m_title);
  m_stack = new FigureStack(this);
  layout->addWidget(m_stack, 1);
  m_stack->addWidget(buildField());  // order follows flows::WganView
  m_stack->addWidget(buildCharts());
}

QWidget* ReflowWganFigure::buildField() {
  auto* w = new QWidget(this);
  m_fieldGrid = new QGridLayout(w);
  m_fieldGrid->setContentsMargins(0, 0, 0, 0);
  m_canvas = new ReflowWganCanvas(w);
  m_colorBar = new ColorBar(w);
  m_legend = makeFigureLabel(w, 3);
  m_fieldNote = makeFigureLabel(w, 5);
  for (QLabel* l : {m_legend, m_fieldNote}) l->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  m_fieldChart = new ChartView(w);
  m_fieldChart->setLegendVisible(false);
  arrangeField(false);
  return w;
}

void ReflowWganFigure::arrangeField(bool wide) {
  // The critic's map is square. A wide figure puts the legend and the note beside it, so no
  // band of the figure is left blank; a tall or square one stacks them under it.
  QGridLayout* g = m_fieldGrid;
  for (QWidget* c : {static_cast<QWidget*>(m_canvas), static_cast<QWidget*>(m_colorBar),
                     static_cast<QWidget*>(m_legend), static_cast<QWidget*>(m_fieldNote),
                     static_cast<QWidget*>(m_fieldChart)})
    g->removeWidget(c);
  for (int i = 0; i < 3; ++i) {
    g->setRowStretch(i, 0);
    g->setColumnStretch(i, 0);
  }
  g->addWidget(m_canvas, 0, 0, wide ? 3 : 1, 1);
  g->addWidget(m_colorBar, 0, 1, wide ? 3 : 1, 1);
  if (wide) {
    g->addWidget(m_legend, 0, 2);
    g->addWidget(m_fieldNote, 1, 2);
    g->addWidget(m_fieldChart, 2, 2);  // the run so far, under the text
    g->setRowStretch(2, 1);
    g->setColumnStretch(0, 3);
    g->setColumnStretch(2, 2);
  } else {
    g->addWidget(m_legend, 1, 0, 1, 2);
    g->addWidget(m_fieldNote, 2, 0, 1, 2);
    g->setRowStretch(0, 1);
    g->setColumnStretch(0, 1);
  }
  m_wideField = wide;
}

void ReflowWganFigure::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  const bool wide = width() > height() * 1.3;
  if (wide != m_wideField) arrangeField(wide);
  // Beside the text the map's column is only as wide as the square it draws (plus its y-axis
  // labels): the text takes the rest.
  const int square = height() - m_title->sizeHint().height() - 20;
  m_canvas->setMaximumWidth(wide ? std::max(200, square + 60) : QWIDGETSIZE_MAX);
  // The run's chart joins the text only where the column has room for both.
  m_fieldChart->setVisible(wide && height() >= 560);
}

QWidget* ReflowWganFigure::buildCharts() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  for (int i = 0; i < 5; ++i) {
    m_charts[static_cast<std::size_t>(i)] = new ChartView(w);
    m_charts[static_cast<std::size_t>(i)]->setSizePolicy(QSizePolicy::Expanding,
                                                         QSizePolicy::Expanding);
    g->addWidget(m_charts[static_cast<std::size_t>(i)], i / 3, i % 3);
  }
  m_chartsNote = makeFigureLabel(w, 8);
  m_chartsNote->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  m_chartsNote->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  g->addWidget(m_chartsNote, 1, 2);
  for (int i = 0; i < 3; ++i) g->setColumnStretch(i, 1);
  for (int i = 0; i < 2; ++i) g->setRowStretch(i, 1);
  return w;
}

QString ReflowWganFigure::expectedBehaviour(WganVariant variant) {
  switch (variant) {
    case WganVariant::Gradient:
      return tr(
          "<b>Expected:</b> D is high (red) on the data and low (blue) on the "
          "particle cloud; the arrows ∇D point from the cloud to the data and fade to zero "
          "as the cloud matches it (0-centred penalty: the update is stationary at p0 = p1). "
          "With 8 Gaussians at the defaults SW2 falls from ≈ 0.9 to ≈ 0.15 in 60 rounds and "
          "every mode fills — no mode collapse. The residual NLL gap reflects the critic's "
          "smoothness ℓ against the mode width.");
    case WganVariant::FreeField:
      return tr(
          "<b>Expected:</b> a least-squares field v = Bᵀφ(x) without the gradient "
          "constraint also carries the cloud to the data; there is no scalar critic, so "
          "the heat map shows ‖v‖. Compare with the gradient variant: similar transport, "
          "but v is not a conservative field.");
    case WganVariant::TimeZero:
      return tr(
          "<b>Expected:</b> the exact ReFlow velocity at t = 0 with an "
          "independent coupling is v*(x, 0) = E[x1] − x, so every particle is pulled to "
          "the data mean: the cloud collapses to the centre even though the data are a "
          "ring. The heat map shows ‖v(x, 0)‖.");
    case WganVariant::WganGp:
      return tr(
          "<b>Expected:</b> the 1-centred penalty (‖∇D‖ − 1)² keeps the arrows at "
          "unit length; a warm-started critic sits at |∇D| ≈ 1 and moves every particle "
          "at the same speed, so particles overshoot and mean ‖∇D‖ does not fall to 0 "
          "(re-initialising the critic each round is the fair comparison toggle).");
  }
  return {};
}

QString ReflowWganFigure::generatorNote() {
  return tr(
      "<b>Generator (Su, kexue.fm/archives/9668):</b> the samples are G(z) = W2 tanh(W1 z + "
      "b1) + b2 for fresh z ~ N(0, I) each round; the critic's field moves G's parameters by "
      "K_g Adam steps toward G(z) + ε∇D(G(z)) (K_g = 1 is one WGAN generator step on −D). A "
      "small generator is smoother than free particles: modes fill more slowly and thin "
      "bridges between them remain, since one tanh layer cannot cut the latent plane "
      "sharply.");
}

void ReflowWganFigure::show(const flows::WganLabParams& p, const flows::WganLabResult& r) {
  if (r.snapshots.empty()) return;
  const int round = std::clamp(p.round, 0, static_cast<int>(r.snapshots.size()) - 1);
  const int view = static_cast<int>(p.view);
  m_stack->setCurrentIndex(view);
  if (p.view == flows::WganView::Field)
    fillField(p, r, round);
  else
    fillCharts(p, r, round);
}

void ReflowWganFigure::fillField(const flows::WganLabParams& p, const flows::WganLabResult& r,
                                 int round) {
  const auto& s = r.snapshots[static_cast<std::size_t>(round)];
  std::vector<QPointF> sw2;
  for (std::size_t k = 0; k < r.snapshots.size(); ++k)
    sw2.emplace_back(static_cast<double>(k), r.snapshots[k].sw2);
  m_fieldChart->clearSeries();
  m_fieldChart->clearMarkers();
  m_fieldChart->setTitle(tr("Sliced W2 to data"));
  m_fieldChart->setAxes(tr("round"), ChartView::Axis::Linear, tr("SW2"), ChartView::Axis::Log);
  m_fieldChart->setSeries(tr("SW2"), sw2, ChartView::Style::Line, chartColor(1));
  m_fieldChart->setMarker(tr("round"), Qt::Vertical, static_cast<double>(round));
  m_title->setText(r.scalarCritic
                       ? tr("Critic D and ∇D — round %1 of %2").arg(round).arg(r.params.rounds)
                       : tr("Field ‖v‖ and v — round %1 of %2").arg(round).arg(r.params.rounds));
  ReflowWganCanvas::Content c;
  c.field = s.field;
  c.mapping = r.scalarCritic
                  ? ColorMapping::fit(s.field.array() - s.field.mean(), ColorMapKind::Diverging,
                                      ColorScale::Symmetric)
                  : ColorMapping::fit(s.field, ColorMapKind::Viridis, ColorScale::Linear);
  // D is defined up to a constant: centre it so white marks the mean level.
  if (r.scalarCritic) c.field = (s.field.array() - s.field.mean()).matrix();
  if (!(c.mapping.hi > c.mapping.lo)) {
    c.mapping.lo -= 1e-12;
    c.mapping.hi += 1e-12;
  }
  c.box = r.viewBox;
  double scale = 0.0;  // one arrow scale for the whole run
  for (const auto& snap : r.snapshots) {
    scale = std::max(scale, snap.arrows.rowwise().norm().maxCoeff());
    // v* shares the scale so the two fields' lengths compare directly.
    if (p.showExact) scale = std::max(scale, snap.exactArrows.rowwise().norm().maxCoeff());
  }
  if (p.showArrows) c.arrows = s.arrows;
  if (p.showExact) c.exactArrows = s.exactArrows;
  c.arrowScale = scale;
  if (p.showInterpolants) c.interpolants = s.interpolants;
  c.real = r.real;
  c.particles = s.particles;
  m_canvas->setContent(std::move(c));
  m_colorBar->setMapping(m_canvas->content().mapping);
  m_colorBar->setLabel(r.scalarCritic ? tr("D − mean D") : tr("‖v‖"));
  const bool gen = r.params.mover == flows::WganMover::Generator;
  QStringList items{
      swatch(wganParticleColor(), gen ? tr("generator samples G(z)") : tr("particles")),
      swatch(wganRealColor(), tr("real samples"))};
  if (p.showInterpolants) items << swatch(wganInterpolantColor(), tr("interpolants x_t"));
  if (p.showArrows) items << (r.scalarCritic ? tr("arrows: ∇D") : tr("arrows: v"));
  const bool viridis = !r.scalarCritic;
  if (p.showExact)
    items << QStringLiteral("<span style='color:%1'>&#10230;</span>&nbsp;%2")
                 .arg(wganExactColor(viridis).name(), tr("exact v*(x, 0) = E[x1] − x"));
  const QString agreement =
      (r.scalarCritic ? tr("cos(λ∇D, v*(·,0)) %1 · scale %2") : tr("cos(v, v*(·,0)) %1 · scale %2"))
          .arg(num(s.exactCosine), num(s.exactScale));
  m_legend->setText(items.join(QStringLiteral(" &nbsp; ")) + QStringLiteral("<br>") +
                    (r.scalarCritic
                         ? tr("distance %1 · SW2 %2 · NLL %3 (real %4) · mean ‖∇D‖ %5 · loss %6")
                         : tr("mean ‖v(x_t)‖² %1 · SW2 %2 · NLL %3 (real %4) · mean ‖v‖ %5 · "
                              "regression loss %6"))
                        .arg(num(s.distance), num(s.sw2), num(s.nll), num(r.realNll),
                             num(s.meanGrad), num(s.criticLoss)) +
                    (gen && round < static_cast<int>(r.snapshots.size()) - 1
                         ? tr(" · G-move residual %1").arg(num(s.moveResidual))
                         : QString()) +
                    QStringLiteral("<br>") + agreement);
  m_fieldNote->setText(
      expectedBehaviour(r.params.variant) +
      (r.params.target == flows::WganTarget::Triangle
           ? QStringLiteral("<br>") +
                 tr("<b>Triangle:</b> the tutorial's modes sit 10 units out, so the view widens "
                    "to ±11.5. At ℓ = 0.5 the critic is too wiggly for that scale and particles "
                    "stream along ridges; ℓ ≈ 2 carries them onto the three modes.")
           : QString()) +
      (gen ? QStringLiteral("<br>") + generatorNote() : QString()) +
      (p.showExact
           ? QStringLiteral("<br>") +
                 tr("<b>v*(x, 0):</b> the exact ReFlow velocity at t = 0 sends every point to the "
                    "data mean. Su's field λ∇D approximates the time-averaged velocity instead "
                    "(Su, kexue.fm/archives/9668): with the 8 Gaussians, while the cloud sits "
                    "inside the ring, the two point in opposite directions (cosine near −1 at "
                    "round 0); the t = 0 slice variant learns v* itself (positive cosine, noisy at "
                    "small N).")
           : QString()));
}

void ReflowWganFigure::fillCharts(const flows::WganLabParams& p, const flows::WganLabResult& r,
                                  int round) {
  m_title->setText(tr("Over rounds (marker: round %1)").arg(round));
  const bool scalar = r.scalarCritic;
  struct Series {
    QString title, y;
    double flows::WganSnapshot::*member;
  };
  const Series series[] = {
      {scalar ? tr("Distance read-out") : tr("Mean ‖v(x_t)‖²"), tr("distance"),
       &flows::WganSnapshot::distance},
      {tr("Sliced W2 to data"), tr("SW2"), &flows::WganSnapshot::sw2},
      {tr("Target NLL"), tr("NLL"), &flows::WganSnapshot::nll},
      {scalar ? tr("Mean ‖∇D‖ at particles") : tr("Mean ‖v‖ at particles"), tr("‖∇D‖"),
       &flows::WganSnapshot::meanGrad},
      {scalar ? tr("Critic loss") : tr("Regression loss"), tr("loss"),
       &flows::WganSnapshot::criticLoss},
  };
  for (int i = 0; i < 5; ++i) {
    ChartView* chart = m_charts[static_cast<std::size_t>(i)];
    std::vector<QPointF> pts;
    bool positive = true;
    for (std::size_t k = 0; k < r.snapshots.size(); ++k) {
      const double v = r.snapshots[k].*(series[i].member);
      positive = positive && v > 0;
      pts.emplace_back(static_cast<double>(k), v);
    }
    chart->clearSeries();
    chart->clearMarkers();
    chart->setTitle(series[i].title);
    // Distances and norms span decades; losses and NLL can be negative.
    const bool log = positive && (i == 0 || i == 1 || i == 3);
    chart->setAxes(tr("round"), ChartView::Axis::Linear, series[i].y,
                   log ? ChartView::Axis::Log : ChartView::Axis::Linear);
    chart->setLegendVisible(false);
    chart->setSeries(series[i].y, pts, ChartView::Style::Line, chartColor(i));
    if (i == 2) {
      std::vector<QPointF> floor{{0.0, r.realNll},
                                 {static_cast<double>(r.snapshots.size() - 1), r.realNll}};
      chart->setSeries(tr("real samples"), floor, ChartView::Style::Dashed, wganRealColor());
    }
    if (!log) {
      // Pad the range to whole tenths so the ticks land on round numbers (no −4e-16 at 0).
      double lo = 0.0, hi = 0.0;
      for (const auto& q : pts) {
        lo = std::min(lo, q.y());
        hi = std::max(hi, q.y());
      }
      if (i == 2) lo = std::min(lo, r.realNll);
      const double step = std::pow(10.0, std::floor(std::log10(std::max(hi - lo, 1e-12)))) / 2;
      chart->setYRange(std::floor(lo / step) * step, std::ceil(hi / step) * step);
    }
    chart->setMarker(tr("round"), Qt::Vertical, static_cast<double>(round));
  }
  m_chartsNote->setText(expectedBehaviour(r.params.variant) + QStringLiteral("<br>") +
                        (r.params.mover == flows::WganMover::Generator
                             ? tr("<b>Generator:</b> the samples are G(z) for fresh z each "
                                  "round (see the critic field's note).") +
                                   QStringLiteral("<br>")
                             : QString()) +
                        tr("NLL: exact mixture for the Gaussian presets, KDE (h = 0.1) of 2000 "
                           "reference samples otherwise; dashed: the real samples' NLL."));
  (void)p;
}

}  // namespace latentlab::ui
