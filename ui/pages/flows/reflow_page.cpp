// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/flows/reflow_page.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <cmath>

#include "ui/common/param_form.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/flows/reflow_figure.h"

namespace latentlab::ui {

ReflowPage::ReflowPage(QWidget* parent) : Page(parent) {
  buildToolbar(installViewTabs("view")->actions());
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

void ReflowPage::buildToolbar(QHBoxLayout* row) {
  auto* hint = new QLabel(tr("Click the canvas to draw target points"), this);
  row->addWidget(hint);
  auto* clearBtn = new QPushButton(tr("Clear drawn"), this);
  clearBtn->setToolTip(tr("Start a new drawn target with one point at the origin"));
  connect(clearBtn, &QPushButton::clicked, this, &ReflowPage::clearDrawnPoints);
  row->addWidget(clearBtn);
}

}  // namespace latentlab::ui
