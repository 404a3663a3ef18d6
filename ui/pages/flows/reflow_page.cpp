// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/flows/reflow_page.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabBar>
#include <cmath>

#include "ui/common/param_form.h"
#include "ui/pages/flows/reflow_figure.h"

namespace latentlab::ui {

namespace {

const FieldSpec& viewSpec() {
  static const FieldSpec spec = *findField(specsOf(flows::reflowLabFields()), "view");
  return spec;
}

}  // namespace

ReflowPage::ReflowPage(QWidget* parent) : Page(parent) {
  QWidget* bar = buildToolbar();
  screenFigure();  // creates the page layout with the figure
  if (auto* box = qobject_cast<QBoxLayout*>(layout())) box->insertWidget(0, bar);
  connect(this, &Page::paramsChanged, this, &ReflowPage::syncToolbar);
  syncToolbar();
  form()->setFieldVisible("view", false);  // the tab bar chooses the view
  paramsUpdated();
}

ReflowPage::~ReflowPage() = default;

std::vector<FieldSpec> ReflowPage::fields() const { return specsOf(flows::reflowLabFields()); }

std::vector<std::pair<QString, std::string>> ReflowPage::sections() const {
  return {{tr("Distributions"), "source"},
          {tr("Flow"), "particles"},
          {tr("Reflow (RFF ridge)"), "pairs"},
          {tr("Display"), "seed"}};
}

flows::ReflowLabParams ReflowPage::labParams() const {
  return fromParamSet(params(), flows::reflowLabFields());
}

void ReflowPage::validateParams(const ParamSet& merged) const {
  flows::validate(fromParamSet(merged, flows::reflowLabFields()));
}

RecomputeController::Job ReflowPage::makeJob() const {
  return [p = labParams()](const RunControl& control) {
    return std::any(flows::computeReflowLab(p, control));
  };
}

void ReflowPage::applyResult(const std::any& result) {
  m_result = std::any_cast<flows::ReflowLabResult>(result);
  markHasResult();
  fillFigure(screenFigure());
}

QWidget* ReflowPage::createFigure(QWidget* parent) const {
  auto* fig = new ReflowFigure(parent);
  // Built by a const method, but canvas clicks change this page's drawn points.
  auto* self = const_cast<ReflowPage*>(this);
  fig->onCanvasClicked = [self](QPointF pt) { self->addDrawnPoint(pt); };
  return fig;
}

void ReflowPage::fillFigure(QWidget* figure) const {
  auto* fig = qobject_cast<ReflowFigure*>(figure);
  if (!fig || !m_result) return;
  fig->show(labParams(), *m_result);
}

void ReflowPage::paramsUpdated() {
  const auto p = labParams();
  if (ParamForm* f = form()) {
    f->setFieldVisible("source_std", p.source == flows::SourcePreset::Gaussian);
    f->setFieldVisible("target_std", p.target == flows::TargetPreset::EightGaussians);
    const bool points = p.target == flows::TargetPreset::Moons ||
                        p.target == flows::TargetPreset::Checkerboard ||
                        p.target == flows::TargetPreset::Drawn;
    f->setFieldVisible("kernel_width", points);
    f->setFieldVisible("target_points", p.target == flows::TargetPreset::Moons ||
                                            p.target == flows::TargetPreset::Checkerboard);
    f->setFieldVisible("drawn", p.target == flows::TargetPreset::Drawn);
  }
}

bool ReflowPage::isCheap(const std::string& key) const {
  // The compare, quality and rounds views fit RFF velocities: no live preview while dragging.
  const auto view = labParams().view;
  const bool heavy = view == flows::ReflowView::Compare || view == flows::ReflowView::Quality ||
                     view == flows::ReflowView::Rounds;
  return !heavy && key != "particles" && key != "target_points";
}

void ReflowPage::addDrawnPoint(QPointF point) {
  const auto p = labParams();
  std::vector<double> pts;
  if (p.target == flows::TargetPreset::Drawn) pts = p.drawn;
  if (pts.size() + 2 > 512) return;  // the field's maximum: ignore further clicks
  // Two decimals keep the vector readable and editable in the form.
  pts.push_back(std::round(point.x() * 100) / 100);
  pts.push_back(std::round(point.y() * 100) / 100);
  try {
    setParams({{"drawn", pts}, {"target", std::string("drawn")}});
  } catch (const ParamError& e) {
    emit computeFailed(QString::fromStdString(e.what()));
  }
}

void ReflowPage::clearDrawnPoints() {
  // The field needs one point at least: keep a single point at the origin.
  try {
    setParams({{"drawn", std::vector<double>{0.0, 0.0}}, {"target", std::string("drawn")}});
  } catch (const ParamError& e) {
    emit computeFailed(QString::fromStdString(e.what()));
  }
}

QWidget* ReflowPage::buildToolbar() {
  auto* bar = new QWidget(this);
  auto* row = new QHBoxLayout(bar);
  row->setContentsMargins(4, 4, 4, 0);
  m_tabs = new QTabBar(bar);
  m_tabs->setExpanding(false);
  m_tabs->setDrawBase(false);
  const FieldSpec& vs = viewSpec();
  for (std::size_t i = 0; i < vs.choices.size(); ++i)
    m_tabs->addTab(QCoreApplication::translate(
        "fields", (i < vs.choiceLabels.size() ? vs.choiceLabels[i] : vs.choices[i]).c_str()));
  connect(m_tabs, &QTabBar::currentChanged, this, [this](int i) {
    if (i < 0) return;
    try {
      setParam("view", viewSpec().choices.at(static_cast<std::size_t>(i)));
    } catch (const ParamError& e) {
      emit computeFailed(QString::fromStdString(e.what()));
    }
  });
  row->addWidget(m_tabs, 1);
  auto* hint = new QLabel(tr("Click the canvas to draw target points"), bar);
  row->addWidget(hint);
  auto* clearBtn = new QPushButton(tr("Clear drawn"), bar);
  clearBtn->setToolTip(tr("Start a new drawn target with one point at the origin"));
  connect(clearBtn, &QPushButton::clicked, this, &ReflowPage::clearDrawnPoints);
  row->addWidget(clearBtn);
  return bar;
}

void ReflowPage::syncToolbar() {
  const auto& choices = viewSpec().choices;
  const std::string view = std::get<std::string>(params().at("view"));
  const auto it = std::find(choices.begin(), choices.end(), view);
  QSignalBlocker block(m_tabs);
  m_tabs->setCurrentIndex(static_cast<int>(it - choices.begin()));
}

}  // namespace latentlab::ui
