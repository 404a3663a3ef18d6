// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/flows/fokker_planck_page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>
#include <algorithm>

#include "ui/common/param_form.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/flows/fokker_planck_figure.h"

namespace latentlab::ui {

namespace {

constexpr int kPlayIntervalMs = 90;

// The simulation depends on every field except these two view parameters.
ParamSet simulationKey(ParamSet set) {
  set.erase("frame");
  set.erase("view");
  return set;
}

struct FpPageResult {
  std::shared_ptr<const flows::FpLabResult> result;
  ParamSet key;
};

}  // namespace

FokkerPlanckPage::FokkerPlanckPage(QWidget* parent) : Page(parent) {
  m_timer = new QTimer(this);
  m_timer->setInterval(kPlayIntervalMs);
  connect(m_timer, &QTimer::timeout, this, [this] {
    if (!m_result || shownFrame() >= static_cast<int>(m_result->snapshots.size()) - 1) {
      setPlaying(false);
      return;
    }
    stepFrame();
  });
  // The shared view tabs own the "view" field; the time controls go into their actions row.
  buildToolbar(installViewTabs("view")->actions());
  connect(this, &Page::paramsChanged, this, &FokkerPlanckPage::syncToolbar);
  form()->setFieldVisible("frame", false);  // the time slider chooses the frame
  syncToolbar();
  paramsUpdated();
}

FokkerPlanckPage::~FokkerPlanckPage() = default;

std::vector<FieldSpec> FokkerPlanckPage::fields() const { return specsOf(flows::fpLabFields()); }

QString FokkerPlanckPage::source() const {
  return tr(
      "Su Jianlin, “Deriving the continuity and Fokker–Planck equations with test functions” "
      "(2023), kexue.fm/archives/9461");
}

std::vector<std::string> FokkerPlanckPage::captionKeys() const {
  return {"dim", "drift", "g", "t_end", "particles", "grid_n"};
}

std::vector<std::pair<QString, std::string>> FokkerPlanckPage::sections() const {
  return {{tr("Dynamics"), "dim"},
          {tr("Initial density"), "initial"},
          {tr("Particles and grid"), "particles"},
          {tr("Test function (WF)"), "phi"}};
}

flows::FpLabParams FokkerPlanckPage::labParams() const {
  return fromParamSet(params(), flows::fpLabFields());
}

int FokkerPlanckPage::shownFrame() const {
  if (!m_result) return 0;
  return std::clamp(labParams().frame, 0, static_cast<int>(m_result->snapshots.size()) - 1);
}

void FokkerPlanckPage::validateParams(const ParamSet& merged) const {
  flows::validate(fromParamSet(merged, flows::fpLabFields()));
}

RecomputeController::Job FokkerPlanckPage::makeJob() const {
  ParamSet key = simulationKey(params());
  std::shared_ptr<const flows::FpLabResult> cached;
  if (m_result && !m_result->partial && key == m_resultKey) cached = m_result;
  return [p = labParams(), key = std::move(key), cached, runs = m_runs](const RunControl& control) {
    // A frame or view change: hand the cached frames back; nothing is recomputed (unless another
    // device was chosen).
    if (cached && askedFor(cached->deviceUse, control.device))
      return std::any(FpPageResult{cached, key});
    auto r = std::make_shared<const flows::FpLabResult>(flows::computeFpLab(p, control));
    ++*runs;
    return std::any(FpPageResult{std::move(r), key});
  };
}

void FokkerPlanckPage::applyResult(const std::any& result) {
  const auto& r = std::any_cast<const FpPageResult&>(result);
  m_result = r.result;
  m_resultKey = r.key;
  markHasResult();
  syncToolbar();
  fillFigure(screenFigure());
}

void FokkerPlanckPage::applyPartial(const std::any& snapshot) {
  const auto* part = std::any_cast<std::shared_ptr<const flows::FpLabResult>>(&snapshot);
  if (!part || !*part) return;
  m_result = *part;
  m_resultKey = simulationKey(params());
  markHasResult();
  syncToolbar();
  fillFigure(screenFigure());
}

QWidget* FokkerPlanckPage::createFigure(QWidget* parent) const {
  return new FokkerPlanckFigure(parent);
}

void FokkerPlanckPage::fillFigure(QWidget* figure) const {
  auto* fig = qobject_cast<FokkerPlanckFigure*>(figure);
  if (!fig || !m_result) return;
  fig->show(labParams(), *m_result, shownFrame());
}

void FokkerPlanckPage::paramsUpdated() {
  const auto p = labParams();
  if (ParamForm* f = form()) {
    using flows::DriftPreset;
    const bool linearOu = p.drift == DriftPreset::OU || p.drift == DriftPreset::RotatingOU;
    f->setFieldVisible("theta", linearOu);
    f->setFieldVisible("omega", p.drift == DriftPreset::RotatingOU && p.dim == flows::FpDim::Two);
    f->setFieldVisible("beta_min", p.drift == DriftPreset::VpSchedule);
    f->setFieldVisible("beta_max", p.drift == DriftPreset::VpSchedule);
    f->setFieldVisible("m0y", p.dim == flows::FpDim::Two);
    f->setFieldVisible("k", p.phi == flows::FpPhi::CosKx || p.phi == flows::FpPhi::Bump);
    // The σ-family is an ODE without noise: σ = 0, or no diffusion at all (VP always diffuses).
    const bool noNoise =
        p.drift == DriftPreset::None || (p.g == 0.0 && p.drift != DriftPreset::VpSchedule);
    f->setFieldVisible("ode_integrator", p.sigma == 0.0 || noNoise);
  }
}

bool FokkerPlanckPage::isCheap(const std::string& key) const {
  // Only the view parameters are cheap; everything else reruns the simulation.
  return key == "frame" || key == "view";
}

bool FokkerPlanckPage::isViewOnly(const std::string& key) const { return isCheap(key); }

void FokkerPlanckPage::buildToolbar(QHBoxLayout* row) {
  QWidget* bar = this;
  m_play = new QPushButton(tr("Play"), bar);
  m_play->setToolTip(tr("Play the cached frames from the current one"));
  connect(m_play, &QPushButton::clicked, this, [this] { setPlaying(!isPlaying()); });
  row->addWidget(m_play);
  m_step = new QPushButton(tr("Step"), bar);
  m_step->setToolTip(tr("Next cached frame"));
  connect(m_step, &QPushButton::clicked, this, [this] {
    setPlaying(false);
    stepFrame();
  });
  row->addWidget(m_step);
  m_slider = new QSlider(Qt::Horizontal, bar);
  m_slider->setMinimumWidth(220);
  m_slider->setToolTip(tr("Time: cached frame shown (no recompute)"));
  connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
    if (v != labParams().frame) setParam("frame", static_cast<double>(v));
  });
  row->addWidget(m_slider, 4);  // most of the row: the actions strip starts with a stretch
  m_time = new QLabel(bar);
  m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(QStringLiteral("t = 10.000")));
  row->addWidget(m_time);
}

void FokkerPlanckPage::syncToolbar() {
  const int last = m_result ? static_cast<int>(m_result->snapshots.size()) - 1 : 0;
  QSignalBlocker block(m_slider);
  m_slider->setRange(0, last);
  m_slider->setValue(shownFrame());
  m_time->setText(m_result
                      ? QStringLiteral("t = %1").arg(m_result->snapshots[shownFrame()].t, 0, 'f', 3)
                      : QString());
}

void FokkerPlanckPage::setPlaying(bool playing) {
  if (playing) {
    // From the end, play restarts at the first frame.
    if (m_result && shownFrame() >= static_cast<int>(m_result->snapshots.size()) - 1)
      setParam("frame", 0.0);
    m_timer->start();
  } else {
    m_timer->stop();
  }
  m_play->setText(playing ? tr("Pause") : tr("Play"));
}

bool FokkerPlanckPage::isPlaying() const { return m_timer->isActive(); }

void FokkerPlanckPage::stepFrame() {
  if (!m_result) return;
  const int last = static_cast<int>(m_result->snapshots.size()) - 1;
  setParam("frame", static_cast<double>(std::min(shownFrame() + 1, last)));
}

}  // namespace latentlab::ui
