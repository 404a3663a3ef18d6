// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/topk/topk_figure.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/common/chart_view.h"
#include "ui/common/core_text.h"
#include "ui/common/figure_label.h"
#include "ui/common/figure_mode.h"
#include "ui/common/figure_stack.h"
#include "ui/common/figure_table.h"
#include "ui/common/heatmap_view.h"

namespace latentlab::ui {

using topk::Method;
using topk::TopkView;

QColor methodColor(Method m) {
  // Tableau-10 plus two, fixed per method so a method keeps its colour on every chart.
  static const QColor kColors[] = {
      QColor(0x8c, 0x56, 0x4b), QColor(0x7f, 0x7f, 0x7f), QColor(0x1f, 0x77, 0xb4),
      QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
      QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf), QColor(0xe3, 0x77, 0xc2),
      QColor(0x39, 0x3b, 0x79), QColor(0xad, 0x49, 0x4a)};
  return kColors[static_cast<int>(m)];
}

QString methodName(Method m) { return coreText(topk::methodLabel(m)); }

QString methodShortName(Method m) {
  static const char* const kShort[] = {
      QT_TRANSLATE_NOOP("latentlab::ui::TopkFigure", "Su iteration"),
      QT_TRANSLATE_NOOP("latentlab::ui::TopkFigure", "SE iteration"),
      QT_TRANSLATE_NOOP("latentlab::ui::TopkFigure", "GradTopK"),
      QT_TRANSLATE_NOOP("latentlab::ui::TopkFigure", "Thre-exp"),
      QT_TRANSLATE_NOOP("latentlab::ui::TopkFigure", "Thre-sigmoid"),
      QT_TRANSLATE_NOOP("latentlab::ui::TopkFigure", "Thre-Laplace"),
      QT_TRANSLATE_NOOP("latentlab::ui::TopkFigure", "Thre-clip"),
      QT_TRANSLATE_NOOP("latentlab::ui::TopkFigure", "Thre-entmax"),
      QT_TRANSLATE_NOOP("latentlab::ui::TopkFigure", "OT"),
      QT_TRANSLATE_NOOP("latentlab::ui::TopkFigure", "Gumbel"),
      QT_TRANSLATE_NOOP("latentlab::ui::TopkFigure", "Gauss")};
  static_assert(std::size(kShort) == topk::kAllMethods.size());
  return TopkFigure::tr(kShort[static_cast<int>(m)]);
}

TopkFigure::TopkFigure(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  m_title = makeFigureTitle(this);
  layout->addWidget(m_title);
  m_stack = new FigureStack(this);
  layout->addWidget(m_stack, 1);
  // Order follows topk::TopkView.
  m_stack->addWidget(buildOverview());
  m_stack->addWidget(buildBars(m_bars));
  m_stack->addWidget(buildResponse(m_response));
  m_stack->addWidget(buildTemperature(m_temperature));
  m_stack->addWidget(buildGradient(m_gradient));
  m_stack->addWidget(buildThreshold(m_threshold));
  m_stack->addWidget(buildStability(m_stability));
  m_stack->addWidget(buildGallery());
  m_stack->addWidget(buildProperties());
  m_stack->addWidget(buildSpeed());
}

QWidget* TopkFigure::buildOverview() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  auto* bars = new QWidget(w);
  auto* bl = new QVBoxLayout(bars);
  bl->setContentsMargins(0, 0, 0, 0);
  m_ovBars.chart = new ChartView(bars);
  m_ovBars.zline = nullptr;
  m_ovBars.summary = nullptr;
  bl->addWidget(m_ovBars.chart);
  m_ovResponse.focus = new ChartView(w);
  m_ovResponse.methods = nullptr;
  m_ovTemperature.focus = nullptr;
  m_ovTemperature.l1 = new ChartView(w);
  auto* jac = new QWidget(w);
  auto* jl = new QVBoxLayout(jac);
  jl->setContentsMargins(0, 0, 0, 0);
  m_ovJacobian = new HeatmapView(jac);
  m_ovBadge = makeFigureLabel(jac);
  jl->addWidget(m_ovJacobian, 1);
  jl->addWidget(m_ovBadge);
  g->addWidget(bars, 0, 0);
  g->addWidget(m_ovResponse.focus, 0, 1);
  g->addWidget(m_ovTemperature.l1, 1, 0);
  g->addWidget(jac, 1, 1);
  for (int i = 0; i < 2; ++i) {
    g->setRowStretch(i, 1);
    g->setColumnStretch(i, 1);
  }
  // Equal quadrants: the cells must all be willing to grow, or the stretch is ignored.
  for (QWidget* cell : {bars, static_cast<QWidget*>(m_ovResponse.focus),
                        static_cast<QWidget*>(m_ovTemperature.l1), jac})
    cell->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  return w;
}

QWidget* TopkFigure::buildBars(Bars& b) {
  auto* w = new QWidget(this);
  auto* l = new QVBoxLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  b.chart = new ChartView(w);
  // Its legend is the table's colour swatches (fillBars): the chart needs no room for one.
  b.chart->setLegendVisible(false);
  b.chart->setMinimumHeight(130);
  b.zline = new ChartView(w);
  b.zline->setMinimumHeight(130);  // title, a strip of plot and tick labels
  b.zline->setMaximumHeight(240);
  b.zline->setYLabelsVisible(false);
  b.summary = makeFigureLabel(w);
  l->addWidget(b.chart, 3);
  l->addWidget(b.zline, 1);
  l->addWidget(b.summary);
  return w;
}

QWidget* TopkFigure::buildResponse(Response& r) {
  auto* w = new QWidget(this);
  auto* l = new QGridLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  r.focus = new ChartView(w);
  r.methods = new ChartView(w);
  l->addWidget(r.focus, 0, 0);
  l->addWidget(r.methods, 0, 1);
  return w;
}

QWidget* TopkFigure::buildTemperature(Temperature& t) {
  auto* w = new QWidget(this);
  auto* l = new QGridLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  t.focus = new ChartView(w);
  t.l1 = new ChartView(w);
  l->addWidget(t.focus, 0, 0);
  l->addWidget(t.l1, 0, 1);
  return w;
}

QWidget* TopkFigure::buildGradient(Gradient& gr) {
  auto* w = new QWidget(this);
  auto* l = new QGridLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  auto* jac = new QWidget(w);
  auto* jl = new QVBoxLayout(jac);
  jl->setContentsMargins(0, 0, 0, 0);
  gr.jacobian = new HeatmapView(jac);
  gr.badge = makeFigureLabel(jac);
  jl->addWidget(gr.jacobian, 1);
  jl->addWidget(gr.badge);
  gr.traceTau = new ChartView(w);
  gr.traceSweep = new ChartView(w);
  l->addWidget(jac, 0, 0, 2, 1);
  l->addWidget(gr.traceTau, 0, 1);
  l->addWidget(gr.traceSweep, 1, 1);
  l->setColumnStretch(0, 1);
  l->setColumnStretch(1, 1);
  return w;
}

QWidget* TopkFigure::buildThreshold(Threshold& t) {
  auto* w = new QWidget(this);
  auto* l = new QGridLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  t.solver = new ChartView(w);
  t.functions = new ChartView(w);
  t.info = makeFigureLabel(w);
  l->addWidget(t.solver, 0, 0);
  l->addWidget(t.functions, 0, 1);
  l->addWidget(t.info, 1, 0, 1, 2);
  l->setRowStretch(0, 1);
  return w;
}

QWidget* TopkFigure::buildStability(Stability& s) {
  auto* w = new QWidget(this);
  auto* l = new QGridLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  s.naive = new HeatmapView(w);
  s.dp = new HeatmapView(w);
  s.smoothSum = new ChartView(w);
  l->addWidget(s.naive, 0, 0);
  l->addWidget(s.dp, 0, 1);
  l->addWidget(s.smoothSum, 1, 0, 1, 2);
  return w;
}

QWidget* TopkFigure::buildGallery() {
  auto* w = new QWidget(this);
  auto* l = new QVBoxLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  auto* hint = makeFigureLabel(w);
  hint->setText(
      tr("Click an entry to load it: x, k, τ and the method are set and every view "
         "updates. Each entry names the article or paper it checks."));
  markScreenOnly(hint);
  m_gallery = new QListWidget(w);
  m_gallery->setWordWrap(true);
  m_gallery->setAlternatingRowColors(true);
  m_gallery->setSpacing(3);
  for (const auto& ce : topk::counterExamples()) {
    QString xs;
    for (double v : ce.x) xs += (xs.isEmpty() ? "" : ", ") + QString::number(v, 'g', 6);
    auto* item = new QListWidgetItem(tr("%1\n%2\nx = [%3], k = %4, τ = %5, %6")
                                         .arg(coreText(ce.title), coreText(ce.explanation), xs)
                                         .arg(ce.k)
                                         .arg(ce.tau)
                                         .arg(methodName(ce.method)),
                                     m_gallery);
    item->setToolTip(tr("Click to load this example"));
  }
  connect(m_gallery, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
    if (onGalleryActivated) onGalleryActivated(m_gallery->row(item));
  });
  l->addWidget(hint);
  l->addWidget(m_gallery, 1);
  return w;
}

QWidget* TopkFigure::buildProperties() {
  auto* w = new QWidget(this);
  auto* l = new QVBoxLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  m_properties = new FigureTable(w);
  m_propertiesNote = makeFigureLabel(w);
  l->addWidget(m_properties, 1);
  l->addWidget(m_propertiesNote);
  return w;
}

QWidget* TopkFigure::buildSpeed() {
  auto* w = new QWidget(this);
  auto* l = new QVBoxLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  m_speed = new ChartView(w);
  m_speedNote = makeFigureLabel(w);
  l->addWidget(m_speed, 1);
  l->addWidget(m_speedNote);
  return w;
}

void TopkFigure::show(const topk::TopkLabParams& p, const topk::TopkLabResult& r,
                      const topk::SpeedResult* speed) {
  const int view = static_cast<int>(p.view);
  m_stack->setCurrentIndex(view);
  QString xs;
  for (double v : p.x) xs += (xs.isEmpty() ? "" : ", ") + QString::number(v, 'g', 6);
  if (p.x.size() > 10) xs = tr("%1 scores").arg(p.x.size());
  m_title->setText(tr("Smooth Top-k — x = [%1], k = %2, τ = %3, focus: %4")
                       .arg(xs)
                       .arg(p.k)
                       .arg(p.tau, 0, 'g', 4)
                       .arg(methodName(p.method)));
  switch (p.view) {
    case TopkView::Overview:
      fillBars(m_ovBars, p, r);
      fillResponse(m_ovResponse, p, r);
      fillTemperature(m_ovTemperature, p, r);
      fillJacobian(m_ovJacobian, m_ovBadge, p, r);
      break;
    case TopkView::Bars:
      fillBars(m_bars, p, r);
      break;
    case TopkView::Response:
      fillResponse(m_response, p, r);
      break;
    case TopkView::Temperature:
      fillTemperature(m_temperature, p, r);
      break;
    case TopkView::Gradient:
      fillGradient(m_gradient, p, r);
      break;
    case TopkView::Threshold:
      fillThreshold(m_threshold, p, r);
      break;
    case TopkView::Stability:
      fillStability(m_stability, p, r);
      break;
    case TopkView::Gallery:
      fillGallery(p);
      break;
    case TopkView::Properties:
      fillProperties(p, r);
      break;
    case TopkView::Speed:
      fillSpeed(speed);
      break;
  }
}

}  // namespace latentlab::ui
