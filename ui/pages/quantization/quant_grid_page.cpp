// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/quantization/quant_grid_page.h"

#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QTimer>
#include <algorithm>

#include "latentlab/common/scenario_inputs.h"

#include "ui/common/image_dialog.h"
#include "ui/common/param_form.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/quantization/quant_grid_figure.h"

namespace latentlab::ui {

using namespace quantization;

namespace {

constexpr const char* kSampleFile = "astronaut.png";
constexpr int kPlayIntervalMs = 120;

// What one job hands to applyResult: the result and what it was computed from.
struct GridRun {
  std::shared_ptr<const GridLabResult> result;
  std::shared_ptr<const GridSweepResult> sweep;  // only when the Usage vs K view asked for it
  ParamSet key;
  std::shared_ptr<const ImageData> image;
  bool replay = false;
};

// Keys that only change what is drawn: a change of these alone replays the last result.
ParamSet trainingKey(ParamSet params) {
  for (const char* key : {"view", "space", "shown_step"}) params.erase(key);
  return params;
}

}  // namespace

QuantGridPage::QuantGridPage(QWidget* parent) : Page(parent) {
  m_playTimer = new QTimer(this);
  m_playTimer->setInterval(kPlayIntervalMs);
  connect(m_playTimer, &QTimer::timeout, this, &QuantGridPage::stepPlay);
  buildToolbar(installViewTabs("view")->actions());
  form()->setFieldVisible("shown_step", false);  // the slider above the figure owns it
  connect(this, &Page::paramsChanged, this, &QuantGridPage::syncToolbar);
  paramsUpdated();
  syncToolbar();
}

QuantGridPage::~QuantGridPage() = default;

std::vector<FieldSpec> QuantGridPage::fields() const { return specsOf(gridLabFields()); }

QString QuantGridPage::source() const {
  return tr(
      "Su Jianlin, “Embarrassingly simple FSQ: rounding beats VQ-VAE” (2023), "
      "kexue.fm/archives/9826; Mentzer et al. 2023, arXiv:2309.15505");
}

std::vector<std::string> QuantGridPage::captionKeys() const {
  return {"data", "dims", "level1", "level2", "codebook_size", "vq_method"};
}

std::vector<std::pair<QString, std::string>> QuantGridPage::sections() const {
  return {{tr("Points"), "data"},
          {tr("FSQ"), "level1"},
          {tr("VQ"), "match_k"},
          {tr("Precision"), "precision"},
          {tr("Display and seed"), "plane"}};
}

GridLabParams QuantGridPage::labParams() const { return fromParamSet(params(), gridLabFields()); }

void QuantGridPage::validateParams(const ParamSet& merged) const {
  validate(fromParamSet(merged, gridLabFields()));
}

std::shared_ptr<const ImageData> QuantGridPage::currentImage() const {
  return m_loaded ? m_loaded.image : sampleImage().image;
}

const LoadedImage& QuantGridPage::sampleImage() const {
  if (!m_sample) {
    // The bundled sample lives in the Qt resource; core decodes the bytes so it stays Qt-free.
    QFile f(QStringLiteral(":/images/") + QLatin1String(kSampleFile));
    if (!f.open(QIODevice::ReadOnly))
      throw ParamError("data", std::string("bundled sample ") + kSampleFile + " is missing");
    const QByteArray bytes = f.readAll();
    m_sample.image = std::make_shared<const ImageData>(
        decodeImage(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), kSampleFile));
    m_sample.record = memoryInput("image", kSampleFile, bytes.toStdString());
    m_sample.record.note = "bundled sample";
    m_sample.name = QString::fromLatin1(kSampleFile);
  }
  return m_sample;
}

QString QuantGridPage::imageName() const {
  return m_loaded ? m_loaded.name : QString::fromLatin1(kSampleFile);
}

std::vector<ScenarioInput> QuantGridPage::inputs() const {
  if (labParams().data != GridData::ImagePatches) return {};
  return {m_loaded ? m_loaded.record : sampleImage().record};
}

std::function<void()> QuantGridPage::useInputs(const std::vector<ScenarioInput>& inputs) {
  const ScenarioInput* in = findInput(inputs, "image");
  LoadedImage image;
  if (in) {
    // The bundled sample's fingerprint: go back to it (no file was opened when it was saved).
    if (!(m_loaded && m_loaded.record.sha256 == in->sha256) &&
        in->sha256 == sampleImage().record.sha256)
      image = LoadedImage{};
    else
      image = imageForScenario(inputs, m_loaded, id());
  } else if (!inputs.empty()) {
    imageForScenario(inputs, m_loaded, id());  // throws: not an image
  } else {
    return {};  // a scenario from before inputs were recorded: keep what is open
  }
  // A file opened here keeps its path; an image from the scenario shows its recorded name.
  const QString path = image && m_loaded && image.record.sha256 == m_loaded.record.sha256
                           ? m_loadedPath
                           : image.name;
  auto undo = [this, previous = m_loaded, previousPath = m_loadedPath] {
    m_loaded = previous;
    m_loadedPath = previousPath;
  };
  m_loaded = std::move(image);
  m_loadedPath = path;
  return undo;
}

RecomputeController::Job QuantGridPage::makeJob() const {
  const GridLabParams p = labParams();
  ParamSet key = trainingKey(params());
  std::shared_ptr<const ImageData> image =
      p.data == GridData::ImagePatches ? currentImage() : nullptr;
  const bool wantSweep = p.view == GridView::Sweep;
  auto train = [p, wantSweep, key, image](const RunControl& control) {
    // Progress: the grid first (fast), then the sweep when the view needs it.
    RunControl gridControl = control;
    if (wantSweep) gridControl.onProgress = {};
    auto r = std::make_shared<const GridLabResult>(computeGridLab(p, image.get(), gridControl));
    std::shared_ptr<const GridSweepResult> s;
    if (wantSweep)
      s = std::make_shared<const GridSweepResult>(computeGridSweep(r->points, p, control));
    return std::any(GridRun{std::move(r), std::move(s), key, image, false});
  };
  if (m_result && !m_result->partial && key == m_resultKey && image == m_resultImage) {
    // Only the shown step (or the drawing) changed: re-point the VQ panels, no retraining. The
    // sweep depends on the points and the training settings only, so it is kept or made once.
    // Another device was chosen: train afresh there.
    return [full = m_result, sweep = m_sweep, wantSweep, p, key = std::move(key),
            image = std::move(image), train](const RunControl& control) {
      if (!askedFor(full->deviceUse, control.device)) return train(control);
      auto r = std::make_shared<GridLabResult>(*full);
      showVqStep(*r, p.shownStep, control);
      auto s = sweep;
      if (wantSweep && !s)
        s = std::make_shared<const GridSweepResult>(computeGridSweep(r->points, p, control));
      return std::any(GridRun{std::move(r), std::move(s), key, image, true});
    };
  }
  return train;
}

void QuantGridPage::applyResult(const std::any& result) {
  const auto& run = std::any_cast<const GridRun&>(result);
  m_result = run.result;
  m_sweep = run.sweep;
  m_resultKey = run.key;
  if (!run.replay || run.image != m_resultImage) m_resultImageName = imageName();
  m_resultImage = run.image;
  if (run.replay) ++m_replays;
  markHasResult();
  fillFigure(screenFigure());
  syncToolbar();
}

void QuantGridPage::applyPartial(const std::any& snapshot) {
  // The FSQ half: the overview and the FSQ view show it while VQ trains; the VQ, usage and
  // sweep views are built from VQ and wait for the complete result.
  const auto* fsqHalf = std::any_cast<std::shared_ptr<const GridLabResult>>(&snapshot);
  const GridView view = labParams().view;
  if (!fsqHalf || !*fsqHalf || (view != GridView::Overview && view != GridView::Fsq)) return;
  m_result = *fsqHalf;  // never replayed as a trained result: makeJob checks `partial`
  markHasResult();
  fillFigure(screenFigure());
}

QWidget* QuantGridPage::createFigure(QWidget* parent) const { return new QuantGridFigure(parent); }

void QuantGridPage::fillFigure(QWidget* figure) const {
  auto* fig = qobject_cast<QuantGridFigure*>(figure);
  if (!fig || !m_result) return;
  fig->show(labParams(), *m_result, m_resultImageName, m_sweep.get());
}

void QuantGridPage::paramsUpdated() {
  ParamForm* f = form();
  if (!f) return;
  const GridLabParams p = labParams();
  const bool three = p.dims == 3;
  f->setFieldVisible("level3", three);
  f->setFieldVisible("plane", three);
  f->setFieldVisible("slice", three);
  f->setFieldVisible("codebook_size", !p.matchK);
  const bool ema = p.vqMethod == VqMethod::Ema;
  f->setFieldVisible("iterations", !ema);
  f->setFieldVisible("ema_steps", ema);
  f->setFieldVisible("restart", ema);
  f->setFieldVisible("restart_threshold", ema && p.restart);
}

bool QuantGridPage::isCheap(const std::string& key) const {
  // Point count and training length scale the work; the rest stays interactive at N ≤ 20000.
  return key != "points" && key != "ema_steps" && key != "iterations" && key != "data";
}

bool QuantGridPage::openImageFile(const QString& path) {
  const QString trimmed = path.trimmed();
  try {
    if (trimmed.isEmpty()) {
      m_loaded = LoadedImage{};
      m_loadedPath.clear();
    } else {
      LoadedImage image = openLoadedImage(trimmed);
      // Refuse images with too few patches here, before the points change (cheap: one PCA).
      (void)makePatchPoints(*image.image, labParams().dims, 100, 1);
      m_loaded = std::move(image);
      m_loadedPath = trimmed;
    }
  } catch (const std::exception& e) {  // ParamError, or bad_alloc on a huge file
    m_path->setText(m_loaded ? m_loadedPath : QString());  // the image still in use
    emit computeFailed(tr("Image not loaded, keeping the previous points: %1")
                           .arg(QString::fromStdString(e.what())));
    return false;
  }
  if (labParams().data == GridData::ImagePatches)
    controller()->request(makeJob(), false);  // same param value: ask for the run ourselves
  else
    setParam("data", std::string("patches"));
  syncToolbar();
  return true;
}

void QuantGridPage::buildToolbar(QHBoxLayout* row) {
  m_path = new QLineEdit(this);
  m_path->setObjectName(QStringLiteral("gridImagePath"));
  m_path->setPlaceholderText(tr("Image path (empty: %1)").arg(kSampleFile));
  m_path->setToolTip(
      tr("Image for the \"Image patches\" points: PNG, JPEG, BMP, TIFF or WebP, "
         "at least 40×40 pixels. Empty: the bundled sample."));
  m_path->setMinimumWidth(180);
  connect(m_path, &QLineEdit::returnPressed, this, [this] { openImageFile(m_path->text()); });
  row->addWidget(m_path, 1);
  m_open = new QPushButton(tr("Image…"), this);
  m_open->setToolTip(tr("Choose the image whose patches give the latent points"));
  connect(m_open, &QPushButton::clicked, this, [this] {
    const QString path = askImageFile(this);
    if (!path.isEmpty()) openImageFile(path);
  });
  row->addWidget(m_open);
  m_play = new QPushButton(tr("Play"), this);
  m_play->setObjectName(QStringLiteral("gridPlay"));
  m_play->setCheckable(true);
  m_play->setToolTip(
      tr("Step through the VQ codebook after each Lloyd iteration or every 10 EMA "
         "steps (no retraining)"));
  connect(m_play, &QPushButton::toggled, this, &QuantGridPage::setPlaying);
  row->addWidget(m_play);
  m_step = new QSlider(Qt::Horizontal, this);
  m_step->setObjectName(QStringLiteral("gridStep"));
  m_step->setMinimumWidth(140);
  m_step->setToolTip(tr("VQ training history: the codebook shown"));
  connect(m_step, &QSlider::valueChanged, this, &QuantGridPage::showStep);
  row->addWidget(m_step);
  m_stepLabel = new QLabel(this);
  m_stepLabel->setMinimumWidth(m_stepLabel->fontMetrics().horizontalAdvance(tr("it. 5000/5000")));
  row->addWidget(m_stepLabel);
}

void QuantGridPage::showStep(int value) {
  // The slider's right end means "the final codebook", whatever the run length becomes.
  const int step = value >= m_step->maximum() ? kGridLastStep : value;
  if (labParams().shownStep == step) return;
  try {
    setParam("shown_step", static_cast<double>(step));
  } catch (const ParamError& e) {
    emit computeFailed(QString::fromStdString(e.what()));
  }
}

void QuantGridPage::setPlaying(bool playing) {
  if (playing && m_step->value() >= m_step->maximum()) {
    const QSignalBlocker block(m_step);
    m_step->setValue(0);
    showStep(0);  // play from the init
  }
  if (playing)
    m_playTimer->start();
  else
    m_playTimer->stop();
  const QSignalBlocker block(m_play);
  m_play->setChecked(playing);
  m_play->setText(playing ? tr("Pause") : tr("Play"));
}

bool QuantGridPage::isPlaying() const { return m_playTimer->isActive(); }

void QuantGridPage::stepPlay() {
  const int next = std::min(m_step->maximum(), m_step->value() + m_step->singleStep());
  m_step->setValue(next);
  if (next >= m_step->maximum()) setPlaying(false);
}

void QuantGridPage::syncToolbar() {
  const GridLabParams p = labParams();
  const bool lloyd = p.vqMethod == VqMethod::Lloyd;
  const int total = m_result && !m_result->historyStep.empty()
                        ? m_result->historyStep.back()
                        : (lloyd ? p.iterations : p.emaSteps);
  {
    const QSignalBlocker block(m_step);
    m_step->setRange(0, std::max(total, 1));
    m_step->setSingleStep(lloyd ? 1 : 10);
    m_step->setPageStep(lloyd ? 5 : 100);
    m_step->setValue(std::min(p.shownStep, m_step->maximum()));
  }
  const int shown = std::min(p.shownStep, total);
  m_stepLabel->setText(lloyd ? tr("it. %1/%2").arg(shown).arg(total)
                             : tr("step %1/%2").arg(shown).arg(total));
  if (!m_path->hasFocus()) m_path->setText(m_loaded ? m_loadedPath : QString());
}

}  // namespace latentlab::ui
