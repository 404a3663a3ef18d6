// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/flows/reflow_page.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <initializer_list>
#include <utility>

#include "latentlab/quantization/image_embed.h"

#include "ui/common/image_dialog.h"
#include "ui/common/param_form.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/flows/reflow_figure.h"

namespace latentlab::ui {

namespace {

constexpr int kPlayIntervalMs = 60;
constexpr double kStrokeSpacing = 0.1;  // data units between points added by a drag
constexpr std::size_t kMaxDrawn = 512;  // the drawn field's maximum length

ParamSet without(ParamSet set, std::initializer_list<const char*> keys) {
  for (const char* k : keys) set.erase(k);
  return set;
}

// The exact flow depends on neither the shown time, the arrows, the view nor the reflow fit.
ParamSet flowKeyOf(const ParamSet& set) {
  return without(set, {"time", "arrows", "view", "pairs", "rounds", "velocity", "rff_features",
                       "rff_lengthscale", "rff_ridge", "mlp_hidden", "mlp_iterations", "mlp_lr",
                       "nw_bandwidth"});
}
// Rounds are seeded per k, so more cached rounds serve a smaller "rounds" too; they always run
// in double, whatever the particles' arithmetic.
ParamSet roundsKeyOf(const ParamSet& set) {
  return without(set, {"time", "arrows", "view", "rounds", "precision"});
}

bool isHeavy(flows::ReflowView v) {
  return v == flows::ReflowView::Compare || v == flows::ReflowView::Quality ||
         v == flows::ReflowView::Rounds;
}

struct ReflowPageResult {
  flows::ReflowLabResult result;
  ParamSet flowKey, roundsKey;
};

}  // namespace

ReflowPage::ReflowPage(QWidget* parent) : Page(parent) {
  m_timer = new QTimer(this);
  m_timer->setInterval(kPlayIntervalMs);
  connect(m_timer, &QTimer::timeout, this, [this] {
    if (shownFrame() >= labParams().steps) {
      setPlaying(false);
      return;
    }
    showFrame(shownFrame() + 1);
  });
  buildToolbar(installViewTabs("view")->actions());
  connect(this, &Page::paramsChanged, this, &ReflowPage::syncToolbar);
  form()->setFieldVisible("time", false);  // the time slider owns it
  syncToolbar();
  paramsUpdated();
}

ReflowPage::~ReflowPage() = default;

std::vector<FieldSpec> ReflowPage::fields() const { return specsOf(flows::reflowLabFields()); }

QString ReflowPage::source() const {
  return tr(
      "Su Jianlin, “Diffusion models (17): building an ODE, part 3 — ReFlow” (2023), "
      "kexue.fm/archives/9497; Liu et al. 2022, arXiv:2209.03003");
}

std::vector<std::string> ReflowPage::captionKeys() const {
  return {"source", "target", "solver", "steps", "precision", "rounds"};
}

std::vector<std::pair<QString, std::string>> ReflowPage::sections() const {
  return {{tr("Distributions"), "source"},
          {tr("Flow"), "particles"},
          {tr("Reflow rounds"), "pairs"},
          {tr("Display"), "seed"}};
}

flows::ReflowLabParams ReflowPage::labParams() const {
  auto p = fromParamSet(params(), flows::reflowLabFields());
  p.image = m_image.image;
  return p;
}

void ReflowPage::validateParams(const ParamSet& merged) const {
  const auto p = fromParamSet(merged, flows::reflowLabFields());
  flows::validate(p);
  if (p.target != flows::TargetPreset::Image) return;
  if (!m_image) throw ParamError("target", "no image loaded: use \"Open image…\" first");
  flows::sampleImageDensity(*m_image.image, 1, p.imageMass, p.seed);  // the chosen mass exists
}

std::vector<ScenarioInput> ReflowPage::inputs() const {
  if (labParams().target != flows::TargetPreset::Image || !m_image) return {};
  return {m_image.record};
}

std::function<void()> ReflowPage::useInputs(const std::vector<ScenarioInput>& inputs) {
  LoadedImage image = imageForScenario(inputs, m_image, id());
  if (!image) return {};
  ++m_imageGeneration;
  return [this, previous = std::exchange(m_image, std::move(image))] {
    m_image = previous;
    ++m_imageGeneration;
  };
}

bool ReflowPage::openImageFile(const QString& path) {
  try {
    // The density needs no more than 256 px a side (so the image always fits in a scenario,
    // see quantization::kEmbeddedImageSide); loadImage downscales larger images.
    LoadedImage image = openLoadedImage(path, quantization::kEmbeddedImageSide);
    auto p = labParams();
    p.image = image.image;
    flows::sampleImageDensity(*image.image, 1, p.imageMass, p.seed);  // has mass for this option
    m_image = std::move(image);
    ++m_imageGeneration;
    if (p.target == flows::TargetPreset::Image)
      controller()->request(makeJob(), false);  // same param value: ask for the run ourselves
    else
      setParam("target", std::string("image"));
    return true;
  } catch (const std::exception& e) {  // ParamError, or bad_alloc on a huge file
    emit computeFailed(tr("Image not loaded, keeping the previous target: %1")
                           .arg(QString::fromStdString(e.what())));
    return false;
  }
}

RecomputeController::Job ReflowPage::makeJob() const {
  ParamSet all = params();
  all["image_generation"] = static_cast<double>(m_imageGeneration);  // a new picture: new flow
  ParamSet flowKey = flowKeyOf(all), roundsKey = roundsKeyOf(all);
  const bool flowOk = m_result && !m_result->partial && flowKey == m_flowKey;
  const bool roundsOk = flowOk && roundsKey == m_roundsKey;
  std::optional<flows::ReflowLabResult> cached;
  if (flowOk) cached = *m_result;  // cheap: the frames are shared, not copied
  return [p = labParams(), flowKey = std::move(flowKey), roundsKey = std::move(roundsKey),
          cached = std::move(cached), roundsOk, runs = m_flowRuns](const RunControl& control) {
    const auto start = std::chrono::steady_clock::now();
    // Another device was chosen: the flow (and the rounds on it) are computed afresh there.
    const bool reuse = cached && askedFor(cached->deviceUse, control.device);
    ReflowPageResult out{reuse ? *cached : flows::ReflowLabResult{}, flowKey, roundsKey};
    flows::ReflowLabResult& r = out.result;
    if (!reuse) {
      // The flow views show the first particles at once; the heavy views wait for their rounds.
      RunControl flowControl = control;
      if (isHeavy(p.view)) flowControl.onPartial = {};
      flows::computeReflowFlow(p, r, flowControl);
      ++*runs;
    }
    if (!roundsOk || !reuse) {
      r.rounds.clear();
      r.qualitySteps.clear();
      r.qualityNll.clear();
    }
    flows::computeReflowField(p, r);
    control.checkCancelled();
    if (isHeavy(p.view)) {
      const std::size_t need =
          static_cast<std::size_t>(p.view == flows::ReflowView::Rounds ? p.rounds : 2);
      const bool quality = p.view == flows::ReflowView::Quality;
      if (r.rounds.size() < need || (quality && r.qualityNll.empty()))
        flows::computeReflowRounds(p, r, control);
      else if (p.view == flows::ReflowView::Rounds)
        r.rounds.resize(need);
    }
    control.progress(1.0);
    r.elapsedMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return std::any(std::move(out));
  };
}

void ReflowPage::applyResult(const std::any& result) {
  const auto& r = std::any_cast<const ReflowPageResult&>(result);
  m_result = r.result;
  m_flowKey = r.flowKey;
  m_roundsKey = r.roundsKey;
  markHasResult();
  syncToolbar();
  fillFigure(screenFigure());
}

void ReflowPage::applyPartial(const std::any& snapshot) {
  const auto* preview = std::any_cast<flows::ReflowLabResult>(&snapshot);
  if (!preview || isHeavy(labParams().view)) return;
  m_result = *preview;  // never reused as a cached flow: makeJob checks `partial`
  markHasResult();
  fillFigure(screenFigure());
}

QWidget* ReflowPage::createFigure(QWidget* parent) const {
  auto* fig = new ReflowFigure(parent);
  // Built by a const method, but canvas clicks and drags change this page's drawn points.
  auto* self = const_cast<ReflowPage*>(this);
  fig->onCanvasClicked = [self](QPointF pt) { self->addDrawnPoint(pt); };
  fig->onCanvasDragged = [self](QPointF pt) { self->dragDrawnPoint(pt); };
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
    const bool image = p.target == flows::TargetPreset::Image;
    f->setFieldVisible("kernel_width", points || image);
    f->setFieldVisible("target_points", p.target == flows::TargetPreset::Moons ||
                                            p.target == flows::TargetPreset::Checkerboard || image);
    f->setFieldVisible("image_mass", image);
    f->setFieldVisible("drawn", p.target == flows::TargetPreset::Drawn);
    const bool rff = p.velocity == flows::ReflowVelocity::Rff;
    const bool mlp = p.velocity == flows::ReflowVelocity::Mlp;
    for (const char* k : {"rff_features", "rff_lengthscale", "rff_ridge"})
      f->setFieldVisible(k, rff);
    for (const char* k : {"mlp_hidden", "mlp_iterations", "mlp_lr"}) f->setFieldVisible(k, mlp);
    f->setFieldVisible("nw_bandwidth", p.velocity == flows::ReflowVelocity::Kernel);
  }
}

bool ReflowPage::isCheap(const std::string& key) const {
  // The time slider, view tabs and arrows reuse the cached flow.
  if (key == "time" || key == "view" || key == "arrows") return true;
  // The compare, quality and rounds views fit velocities: no live preview while dragging.
  return !isHeavy(labParams().view) && key != "particles" && key != "target_points";
}

int ReflowPage::shownFrame() const {
  const auto p = labParams();
  return static_cast<int>(std::lround(p.time * p.steps));
}

void ReflowPage::showFrame(int index) {
  const int steps = labParams().steps;
  const int i = std::clamp(index, 0, steps);
  try {
    setParam("time", static_cast<double>(i) / steps);
  } catch (const ParamError& e) {
    emit computeFailed(QString::fromStdString(e.what()));
  }
}

void ReflowPage::setPlaying(bool playing) {
  if (playing) {
    if (shownFrame() >= labParams().steps) showFrame(0);  // from the end, restart
    m_timer->start();
  } else {
    m_timer->stop();
  }
  m_play->setText(playing ? tr("Pause") : tr("Play"));
}

bool ReflowPage::isPlaying() const { return m_timer->isActive(); }

void ReflowPage::setDrawn(std::vector<double> pts) {
  try {
    setParams({{"drawn", std::move(pts)}, {"target", std::string("drawn")}});
  } catch (const ParamError& e) {
    emit computeFailed(QString::fromStdString(e.what()));
  }
}

void ReflowPage::addDrawnPoint(QPointF point) {
  const auto p = labParams();
  std::vector<double> pts;
  if (p.target == flows::TargetPreset::Drawn) pts = p.drawn;
  if (pts.size() + 2 > kMaxDrawn) return;  // the field's maximum: ignore further clicks
  m_undo.push_back(p.drawn);
  m_undoBtn->setEnabled(true);
  // Two decimals keep the vector readable and editable in the form.
  pts.push_back(std::round(point.x() * 100) / 100);
  pts.push_back(std::round(point.y() * 100) / 100);
  m_lastDrawn = point;
  setDrawn(std::move(pts));
}

void ReflowPage::dragDrawnPoint(QPointF point) {
  const auto p = labParams();
  if (p.target != flows::TargetPreset::Drawn || p.drawn.size() + 2 > kMaxDrawn) return;
  const QPointF d = point - m_lastDrawn;
  if (std::hypot(d.x(), d.y()) < kStrokeSpacing) return;
  std::vector<double> pts = p.drawn;
  pts.push_back(std::round(point.x() * 100) / 100);
  pts.push_back(std::round(point.y() * 100) / 100);
  m_lastDrawn = point;
  setDrawn(std::move(pts));
}

bool ReflowPage::undoDrawnStroke() {
  if (m_undo.empty()) return false;
  std::vector<double> pts = std::move(m_undo.back());
  m_undo.pop_back();
  m_undoBtn->setEnabled(!m_undo.empty());
  setDrawn(std::move(pts));
  return true;
}

void ReflowPage::clearDrawnPoints() {
  // The field needs one point at least: keep a single point at the origin.
  m_undo.push_back(labParams().drawn);
  m_undoBtn->setEnabled(true);
  setDrawn({0.0, 0.0});
}

void ReflowPage::buildToolbar(QHBoxLayout* row) {
  // How to draw is said by the canvas' tooltip and the target's name ("Drawn points"); a label
  // here pushed the row wider than a laptop window leaves the figure.
  auto* open = new QPushButton(tr("Open image…"), this);
  open->setToolTip(
      tr("Use an image's grey levels as the target density (PNG, JPEG, BMP, TIFF "
         "or WebP)"));
  connect(open, &QPushButton::clicked, this, [this] {
    const QString path = askImageFile(this);
    if (!path.isEmpty()) openImageFile(path);
  });
  row->addWidget(open);
  m_undoBtn = new QPushButton(tr("Undo"), this);
  m_undoBtn->setToolTip(tr("Remove the last drawn stroke"));
  m_undoBtn->setEnabled(false);
  connect(m_undoBtn, &QPushButton::clicked, this, [this] { undoDrawnStroke(); });
  row->addWidget(m_undoBtn);
  auto* clearBtn = new QPushButton(tr("Clear drawn"), this);
  clearBtn->setToolTip(tr("Start a new drawn target with one point at the origin"));
  connect(clearBtn, &QPushButton::clicked, this, &ReflowPage::clearDrawnPoints);
  row->addWidget(clearBtn);
  m_play = new QPushButton(tr("Play"), this);
  m_play->setToolTip(tr("Play the cached frames from the current one"));
  connect(m_play, &QPushButton::clicked, this, [this] { setPlaying(!isPlaying()); });
  row->addWidget(m_play);
  auto* step = new QPushButton(tr("Step"), this);
  step->setToolTip(tr("Next cached frame"));
  connect(step, &QPushButton::clicked, this, [this] {
    setPlaying(false);
    showFrame(shownFrame() + 1);
  });
  row->addWidget(step);
  m_slider = new QSlider(Qt::Horizontal, this);
  m_slider->setToolTip(tr("Time t: the cached frame shown (the flow is not recomputed)"));
  m_slider->setMinimumWidth(100);
  connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
    if (v != shownFrame()) showFrame(v);
  });
  row->addWidget(m_slider, 1);
  m_time = new QLabel(this);
  m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(QStringLiteral("t = 0.000")));
  row->addWidget(m_time);
}

void ReflowPage::syncToolbar() {
  if (!m_slider) return;
  const auto p = labParams();
  QSignalBlocker block(m_slider);
  m_slider->setRange(0, p.steps);
  m_slider->setValue(shownFrame());
  m_time->setText(
      QStringLiteral("t = %1").arg(static_cast<double>(shownFrame()) / p.steps, 0, 'f', 3));
}

}  // namespace latentlab::ui
