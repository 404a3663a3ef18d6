// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/flows/reflow_wgan_page.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QTimer>
#include <algorithm>
#include <cmath>

#include "ui/common/param_form.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/flows/reflow_wgan_canvas.h"
#include "ui/pages/flows/reflow_wgan_figure.h"

namespace latentlab::ui {

ReflowWganPage::ReflowWganPage(QWidget* parent) : Page(parent) {
  m_timer = new QTimer(this);
  m_timer->setInterval(150);
  connect(m_timer, &QTimer::timeout, this, [this] {
    const auto p = labParams();
    if (p.round >= p.rounds) {
      setPlaying(false);
      return;
    }
    stepRound(1);
  });
  buildToolbar(installViewTabs("view")->actions());
  connect(this, &Page::paramsChanged, this, &ReflowWganPage::syncToolbar);
  syncToolbar();
  paramsUpdated();
}

ReflowWganPage::~ReflowWganPage() = default;

std::vector<FieldSpec> ReflowWganPage::fields() const { return specsOf(flows::wganLabFields()); }

QString ReflowWganPage::source() const {
  return tr(
      "Su Jianlin, “Diffusion models (20): from ReFlow to WGAN-GP” (2023), kexue.fm/archives/9668; "
      "Gulrajani et al. 2017, arXiv:1704.00028");
}

std::vector<std::string> ReflowWganPage::captionKeys() const {
  return {"variant", "critic", "target", "mover"};
}

std::vector<std::pair<QString, std::string>> ReflowWganPage::sections() const {
  return {{tr("Set-up"), "variant"},    {tr("RFF critic"), "features"},
          {tr("MLP critic"), "hidden"}, {tr("Generator"), "gen_hidden"},
          {tr("Run"), "seed"},          {tr("Display"), "box"}};
}

flows::WganLabParams ReflowWganPage::labParams() const {
  return fromParamSet(params(), flows::wganLabFields());
}

void ReflowWganPage::validateParams(const ParamSet& merged) const {
  flows::validate(fromParamSet(merged, flows::wganLabFields()));
}

RecomputeController::Job ReflowWganPage::makeJob() const {
  // Scrubbing rounds or switching views reuses the cached run instead of recomputing it.
  return [p = labParams(), cached = m_result](const RunControl& control) {
    if (cached && !cached->partial && flows::sameComputation(cached->params, p))
      return std::any(cached);
    return std::any(std::shared_ptr<const flows::WganLabResult>(
        std::make_shared<flows::WganLabResult>(flows::computeWganLab(p, control))));
  };
}

void ReflowWganPage::applyResult(const std::any& result) {
  m_result = std::any_cast<std::shared_ptr<const flows::WganLabResult>>(result);
  markHasResult();
  fillFigure(screenFigure());
  syncToolbar();
}

void ReflowWganPage::applyPartial(const std::any& snapshot) {
  const auto* part = std::any_cast<std::shared_ptr<const flows::WganLabResult>>(&snapshot);
  if (!part || !*part) return;
  m_result = *part;
  markHasResult();
  fillFigure(screenFigure());
  syncToolbar();
}

bool ReflowWganPage::isViewOnly(const std::string& key) const {
  // What sameComputation() leaves out: the shown round, the view and the overlays.
  return key == "round" || key == "view" || key == "show_interpolants" || key == "show_arrows" ||
         key == "show_exact";
}

QWidget* ReflowWganPage::createFigure(QWidget* parent) const {
  auto* fig = new ReflowWganFigure(parent);
  // Built by a const method, but strokes on the canvas change this page's drawn points.
  auto* self = const_cast<ReflowWganPage*>(this);
  fig->canvas()->onStroke = [self](const std::vector<QPointF>& pts) { self->addDrawnPoints(pts); };
  fig->canvas()->setToolTip(tr("Click and drag to draw target points"));
  return fig;
}

void ReflowWganPage::addDrawnPoints(const std::vector<QPointF>& points) {
  const auto p = labParams();
  std::vector<double> pts;
  if (p.target == flows::WganTarget::Drawn) pts = p.drawn;
  constexpr std::size_t kMaxEntries = 2000;  // the field's maximum: later points are ignored
  for (const QPointF& q : points) {
    if (pts.size() + 2 > kMaxEntries) break;
    // Two decimals keep the vector readable in the form; the field's range is [−10, 10].
    pts.push_back(std::clamp(std::round(q.x() * 100) / 100, -10.0, 10.0));
    pts.push_back(std::clamp(std::round(q.y() * 100) / 100, -10.0, 10.0));
  }
  try {
    setParams({{"drawn", pts}, {"target", std::string("drawn")}});
  } catch (const ParamError& e) {
    emit computeFailed(QString::fromStdString(e.what()));
  }
}

void ReflowWganPage::clearDrawnPoints() {
  ParamSet changes{{"drawn", std::vector<double>{}}};
  if (labParams().target == flows::WganTarget::Drawn) changes["target"] = std::string("8gauss");
  try {
    setParams(changes);
  } catch (const ParamError& e) {
    emit computeFailed(QString::fromStdString(e.what()));
  }
}

void ReflowWganPage::fillFigure(QWidget* figure) const {
  auto* fig = qobject_cast<ReflowWganFigure*>(figure);
  if (!fig || !m_result) return;
  fig->show(labParams(), *m_result);
}

void ReflowWganPage::paramsUpdated() {
  const auto p = labParams();
  if (ParamForm* f = form()) {
    f->setFieldRange("round", 0, p.rounds);
    const bool mlp =
        p.variant == flows::WganVariant::WganGp ||
        (p.variant == flows::WganVariant::Gradient && p.critic == flows::WganCritic::Mlp);
    f->setFieldVisible("critic", p.variant == flows::WganVariant::Gradient);
    for (const char* key : {"hidden", "learning_rate", "critic_steps", "reinit"})
      f->setFieldVisible(key, mlp);
    for (const char* key : {"features", "length_scale", "delta"}) f->setFieldVisible(key, !mlp);
    const bool gen = p.mover == flows::WganMover::Generator;
    for (const char* key : {"gen_hidden", "gen_learning_rate", "gen_steps"})
      f->setFieldVisible(key, gen);
    f->setFieldVisible("mover", false);  // the radio buttons above the figure own it
    f->setFieldVisible("drawn", p.target == flows::WganTarget::Drawn);
  }
}

void ReflowWganPage::stepRound(int delta) {
  const auto p = labParams();
  const int next = std::clamp(std::min(p.round, p.rounds) + delta, 0, p.rounds);
  try {
    setParam("round", static_cast<double>(next));
  } catch (const ParamError& e) {
    emit computeFailed(QString::fromStdString(e.what()));
  }
}

void ReflowWganPage::setPlaying(bool playing) {
  if (playing) {
    const auto p = labParams();
    if (p.round >= p.rounds) setParam("round", 0.0);  // play again from the start
    m_timer->start();
  } else {
    m_timer->stop();
  }
  m_play->setText(playing ? tr("Pause") : tr("Play"));
}

bool ReflowWganPage::isPlaying() const { return m_timer->isActive(); }

void ReflowWganPage::buildToolbar(QHBoxLayout* row) {
  auto* reset = new QPushButton(tr("Reset"), this);
  reset->setToolTip(tr("Show round 0 (the starting cloud)"));
  connect(reset, &QPushButton::clicked, this, [this] {
    setPlaying(false);
    setParam("round", 0.0);
  });
  auto* back = new QPushButton(tr("◀ Step"), this);
  connect(back, &QPushButton::clicked, this, [this] { stepRound(-1); });
  m_play = new QPushButton(tr("Play"), this);
  m_play->setToolTip(tr("Scrub through the computed rounds"));
  connect(m_play, &QPushButton::clicked, this, [this] { setPlaying(!isPlaying()); });
  auto* forward = new QPushButton(tr("Step ▶"), this);
  connect(forward, &QPushButton::clicked, this, [this] { stepRound(1); });
  m_roundLabel = new QLabel(this);
  for (QWidget* w : std::initializer_list<QWidget*>{reset, back, m_play, forward, m_roundLabel})
    row->addWidget(w);
  auto* clear = new QPushButton(tr("Clear drawn"), this);
  clear->setToolTip(tr("Remove the drawn target points (click and drag on the canvas to draw)"));
  connect(clear, &QPushButton::clicked, this, &ReflowWganPage::clearDrawnPoints);
  row->addWidget(clear);
  // What ∇D moves: free particles or the generator's parameters.
  row->addSpacing(12);
  row->addWidget(new QLabel(tr("Move:"), this));
  m_moveParticles = new QRadioButton(tr("particles"), this);
  m_moveParticles->setToolTip(tr("Free particles x0 ← x0 + ε∇D(x0)"));
  m_moveGenerator = new QRadioButton(tr("generator G(z)"), this);
  m_moveGenerator->setToolTip(
      tr("A one-hidden-layer generator trained toward G(z) + ε∇D(G(z)) "
         "(Su, kexue.fm/archives/9668)"));
  auto* group = new QButtonGroup(this);
  group->addButton(m_moveParticles);
  group->addButton(m_moveGenerator);
  row->addWidget(m_moveParticles);
  row->addWidget(m_moveGenerator);
  connect(group, &QButtonGroup::buttonClicked, this, [this](QAbstractButton* b) {
    try {
      setParam("mover", std::string(b == m_moveGenerator ? "generator" : "particles"));
    } catch (const ParamError& e) {
      emit computeFailed(QString::fromStdString(e.what()));
    }
  });
}

void ReflowWganPage::syncToolbar() {
  const auto p = labParams();
  // While rounds stream in, the figure shows the newest one computed: the label says the same.
  int shown = std::min(p.round, p.rounds);
  if (m_result && m_result->partial && !m_result->snapshots.empty())
    shown = std::min(shown, static_cast<int>(m_result->snapshots.size()) - 1);
  m_roundLabel->setText(tr("round %1 / %2").arg(shown).arg(p.rounds));
  const bool gen = p.mover == flows::WganMover::Generator;
  const QSignalBlocker b1(m_moveParticles), b2(m_moveGenerator);
  m_moveParticles->setChecked(!gen);
  m_moveGenerator->setChecked(gen);
}

}  // namespace latentlab::ui
