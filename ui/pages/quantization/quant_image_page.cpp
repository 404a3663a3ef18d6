// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/quantization/quant_image_page.h"

#include <QBoxLayout>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>
#include <limits>
#include <utility>

#include "ui/common/image_dialog.h"
#include "ui/common/param_form.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/quantization/quant_image_figure.h"

namespace latentlab::ui {

using namespace latentlab::quantization;

namespace {

constexpr const char* kSampleFiles[] = {"astronaut.png", "coffee.png"};

}  // namespace

QuantImagePage::QuantImagePage(QWidget* parent) : Page(parent) {
  setAcceptDrops(true);
  connect(this, &Page::busyChanged, this, [this](bool busy) {
    m_pause->setEnabled(busy);
    m_stop->setEnabled(busy);
    if (!busy) setPaused(false);
  });
  buildToolbar(installViewTabs("view")->actions());
  // The status line sits under the shared tab strip (index 0), above the figure.
  m_status = new QLabel(this);
  m_status->setWordWrap(true);
  m_status->setContentsMargins(4, 0, 4, 0);
  if (auto* box = qobject_cast<QBoxLayout*>(layout())) box->insertWidget(1, m_status);
  connect(this, &Page::paramsChanged, this, &QuantImagePage::syncToolbar);
  syncToolbar();
}

QuantImagePage::~QuantImagePage() = default;

std::vector<FieldSpec> QuantImagePage::fields() const { return specsOf(imageLabFields()); }

QString QuantImagePage::source() const {
  return tr(
      "Su Jianlin, “Embarrassingly simple FSQ: rounding beats VQ-VAE” (2023), "
      "kexue.fm/archives/9826; Mentzer et al. 2023, arXiv:2309.15505");
}

std::vector<std::string> QuantImagePage::captionKeys() const {
  return {"image", "budget", "patch", "decoder"};
}

std::vector<std::pair<QString, std::string>> QuantImagePage::sections() const {
  return {{tr("Image"), "image"},
          {tr("Quantizers"), "budget"},
          {tr("Training (tier C)"), "train_steps"}};
}

bool QuantImagePage::isCheap(const std::string& key) const {
  // Every change re-fits k-means on thousands of patches: debounce all of them.
  (void)key;
  return false;
}

ImageLabParams QuantImagePage::labParams() const {
  return fromParamSet(params(), imageLabFields());
}

std::shared_ptr<const ImageData> QuantImagePage::sample(int index) const {
  auto& slot = m_samples[index];
  if (!slot) {
    // Bundled samples live in the Qt resource; core decodes the bytes so it stays Qt-free.
    QFile f(QStringLiteral(":/images/") + QLatin1String(kSampleFiles[index]));
    if (!f.open(QIODevice::ReadOnly))
      throw ParamError("image",
                       std::string("bundled sample ") + kSampleFiles[index] + " is missing");
    const QByteArray bytes = f.readAll();
    slot = std::make_shared<const ImageData>(
        decodeImage(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), kSampleFiles[index]));
  }
  return slot;
}

std::shared_ptr<const ImageData> QuantImagePage::currentImage() const {
  const ImageSource source = labParams().source;
  if (source == ImageSource::Loaded) {
    if (!m_loaded) throw ParamError("image", "no image opened: use \"Open image…\" (--open) first");
    return m_loaded.image;
  }
  return sample(source == ImageSource::Coffee ? 1 : 0);
}

QString QuantImagePage::imageName() const {
  const ImageSource source = labParams().source;
  if (source == ImageSource::Loaded) return m_loaded ? m_loaded.name : QString();
  return QLatin1String(kSampleFiles[source == ImageSource::Coffee ? 1 : 0]);
}

std::vector<ScenarioInput> QuantImagePage::inputs() const {
  if (labParams().source != ImageSource::Loaded || !m_loaded) return {};
  return {m_loaded.record};
}

std::function<void()> QuantImagePage::useInputs(const std::vector<ScenarioInput>& inputs) {
  LoadedImage image = imageForScenario(inputs, m_loaded, id());
  if (!image) return {};
  return [this, previous = std::exchange(m_loaded, std::move(image))] { m_loaded = previous; };
}

void QuantImagePage::validateParams(const ParamSet& merged) const {
  const ImageLabParams p = fromParamSet(merged, imageLabFields());
  validate(p);
  if (p.source == ImageSource::Loaded && !m_loaded)
    throw ParamError("image",
                     "image 'loaded' needs an opened image: use \"Open image…\" "
                     "(--open FILE), or a scenario that embeds or names its image");
}

double QuantImagePage::costUnits() const {
  const ImageLabParams p = labParams();
  const double codes = std::ldexp(1.0, p.budgetBits);
  if (p.view == ImageView::Training)
    return static_cast<double>(p.trainSteps) * p.trainBatch * codes;
  const auto image = currentImage();
  if (!image) return std::numeric_limits<double>::quiet_NaN();
  const double pixels = static_cast<double>(image->width()) * image->height();
  // The sweep's budgets 2^4 … 2^16 cost about what its largest does.
  const double k = p.view == ImageView::RateDistortion ? std::ldexp(1.0, 16) : codes;
  return pixels * k * (p.lloydIterations + 1);
}

RecomputeController::Job QuantImagePage::makeJob() const {
  const ImageLabParams p = labParams();
  if (p.view == ImageView::Training) {
    m_pauseFlag = std::make_shared<std::atomic<bool>>(false);
    TinyAeParams ae;
    ae.budgetBits = p.budgetBits;
    ae.patch = p.patch;
    ae.steps = p.trainSteps;
    ae.batch = p.trainBatch;
    ae.learningRate = p.learningRate;
    ae.commitment = p.commitment;
    ae.seed = p.seed;
    ae.reportEvery = std::max(1, p.trainSteps / 100);
    return [ae, image = currentImage(), pause = m_pauseFlag](const RunControl& control) {
      TinyAeHooks hooks;
      hooks.pause = pause.get();
      hooks.onPartial = [&control](const TinyAeResult& snapshot) {
        if (control.partialDue()) control.partial(snapshot);
      };
      return std::any(trainTinyAutoencoders(*image, ae, control, hooks));
    };
  }
  return [p, image = currentImage()](const RunControl& control) {
    return std::any(computeImageLab(*image, p, control));
  };
}

void QuantImagePage::applyPartial(const std::any& snapshot) {
  if (const auto* lab = std::any_cast<ImageLabResult>(&snapshot)) {  // FSQ before VQ
    m_result = *lab;
    m_resultParams = labParams();
    m_resultName = imageName();
    markHasResult();
    fillFigure(screenFigure());
    return;
  }
  const auto* snap = std::any_cast<TinyAeResult>(&snapshot);
  if (!snap || labParams().view != ImageView::Training) return;
  m_train = *snap;
  m_resultParams = labParams();
  m_resultName = imageName();
  fillFigure(screenFigure());
}

void QuantImagePage::setPaused(bool paused) {
  if (m_pauseFlag) *m_pauseFlag = paused;
  const QSignalBlocker block(m_pause);
  m_pause->setChecked(paused);
  m_pause->setText(paused ? tr("Resume") : tr("Pause"));
}

bool QuantImagePage::isPaused() const { return m_pauseFlag && m_pauseFlag->load(); }

void QuantImagePage::applyResult(const std::any& result) {
  if (const auto* train = std::any_cast<TinyAeResult>(&result)) {
    m_train = *train;
  } else {
    m_result = std::any_cast<ImageLabResult>(result);
  }
  m_resultParams = labParams();
  m_resultName = imageName();
  markHasResult();
  fillFigure(screenFigure());
  syncToolbar();
}

QWidget* QuantImagePage::createFigure(QWidget* parent) const {
  return new QuantImageFigure(parent);
}

void QuantImagePage::fillFigure(QWidget* figure) const {
  auto* fig = qobject_cast<QuantImageFigure*>(figure);
  if (!fig) return;
  fig->show(m_resultParams, m_result ? &*m_result : nullptr, m_train ? &*m_train : nullptr,
            m_resultName);
}

bool QuantImagePage::openImageFile(const QString& path) {
  try {
    m_loaded = openLoadedImage(path);
    if (labParams().source == ImageSource::Loaded)
      controller()->request(makeJob(), false);  // same param value: ask for the run ourselves
    else
      setParam("image", std::string("loaded"));
    syncToolbar();
    return true;
  } catch (const std::exception& e) {  // ParamError, or bad_alloc on a huge file
    emit computeFailed(
        tr("Image not loaded, keeping the previous one: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
}

void QuantImagePage::dragEnterEvent(QDragEnterEvent* event) {
  const QMimeData* mime = event->mimeData();
  if (mime->hasUrls() && !mime->urls().isEmpty() && mime->urls().front().isLocalFile())
    event->acceptProposedAction();
}

void QuantImagePage::dropEvent(QDropEvent* event) {
  const auto urls = event->mimeData()->urls();
  if (urls.isEmpty() || !urls.front().isLocalFile()) return;
  openImageFile(urls.front().toLocalFile());
  event->acceptProposedAction();
}

void QuantImagePage::buildToolbar(QHBoxLayout* row) {
  m_open = new QPushButton(tr("Open image…"), this);
  m_open->setToolTip(
      tr("PNG, JPEG, BMP, TIFF or WebP, 8- or 16-bit, grey, RGB or RGBA; you can "
         "also drop a file on the page"));
  connect(m_open, &QPushButton::clicked, this, [this] {
    const QString path = askImageFile(this);
    if (!path.isEmpty()) openImageFile(path);
  });
  row->addWidget(m_open);
  m_export = new QPushButton(tr("Export images…"), this);
  m_export->setToolTip(tr("Save the original, both reconstructions and the error maps as PNG"));
  connect(m_export, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export reconstructions to"));
    if (dir.isEmpty()) return;
    try {
      exportReconstructions(dir);
    } catch (const ParamError& e) {
      emit computeFailed(QString::fromStdString(e.what()));
    }
  });
  row->addWidget(m_export);
  m_pause = new QPushButton(tr("Pause"), this);
  m_pause->setCheckable(true);
  m_pause->setEnabled(false);
  m_pause->setToolTip(tr("Hold the tier C training between two steps"));
  connect(m_pause, &QPushButton::toggled, this, &QuantImagePage::setPaused);
  row->addWidget(m_pause);
  m_stop = new QPushButton(tr("Stop"), this);
  m_stop->setEnabled(false);
  m_stop->setToolTip(tr("Cancel the running computation; the last result stays on screen"));
  connect(m_stop, &QPushButton::clicked, this, [this] { controller()->cancel(); });
  row->addWidget(m_stop);
}

void QuantImagePage::syncToolbar() {
  QString text = tr("Image: %1").arg(imageName());
  if (m_result && !m_result->original.notice.empty())
    text += QStringLiteral(" — ") + QString::fromStdString(m_result->original.notice);
  text += tr(". Images over %1 px on the long side are downscaled.").arg(kMaxImageSide);
  m_status->setText(text);
  m_export->setEnabled(m_result.has_value());
}

}  // namespace latentlab::ui
