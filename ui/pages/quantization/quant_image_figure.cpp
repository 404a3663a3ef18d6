// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/quantization/quant_image_figure.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "ui/common/chart_view.h"
#include "ui/common/figure_label.h"
#include "ui/common/figure_mode.h"
#include "ui/common/figure_stack.h"
#include "ui/common/heatmap_view.h"
#include "ui/common/palette.h"

namespace latentlab::ui {

using namespace latentlab::quantization;

namespace {

// One colour per quantizer across every chart; both read on light and dark backgrounds.
QColor fsqColor() { return hueColor(Hue::Fsq); }
QColor vqColor() { return hueColor(Hue::Vq); }
QColor restartColor() { return QColor(60, 170, 90); }

QString psnrText(double v) {
  return std::isinf(v) ? QStringLiteral("∞") : QString::number(v, 'f', 2);
}

QString levelsText(const std::vector<int>& levels) {
  QStringList parts;
  for (int l : levels) parts << QString::number(l);
  return QStringLiteral("[") + parts.join(QStringLiteral(",")) + QStringLiteral("]");
}

}  // namespace

QImage toQImage(const ImageData& image) {
  if (image.empty()) return {};
  const int w = image.width(), h = image.height();
  const bool grey = image.channels() == 1;
  QImage out(w, h, grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  for (int r = 0; r < h; ++r) {
    uchar* line = out.scanLine(r);
    for (int c = 0; c < w; ++c)
      for (int ch = 0; ch < image.channels(); ++ch)
        line[c * image.channels() + ch] = to8Bit(image.planes[ch](r, c));
  }
  return out;
}

QuantImageFigure::QuantImageFigure(QWidget* parent) : QWidget(parent) {
  auto* l = new QVBoxLayout(this);
  l->setContentsMargins(6, 6, 6, 6);
  m_title = makeFigureTitle(this);
  l->addWidget(m_title);
  m_stack = new FigureStack(this);
  m_stack->addWidget(buildImages());
  m_stack->addWidget(buildRate());
  m_stack->addWidget(buildTraining());
  l->addWidget(m_stack, 1);
  m_footer = makeFigureLabel(this);
  m_footer->setMinimumHeight(3 * m_footer->fontMetrics().lineSpacing() + 4);
  m_footer->setText(tr(
      "<b>Reproduced</b> (FSQ paper metrics): codebook usage, same definition; PSNR/SSIM stand in "
      "for reconstruction quality. <b>Not reproducible</b> here: reconstruction and sampling FID, "
      "precision/recall and UViM task metrics (they need Inception and trained stage-II models); "
      "compression cost only as the zeroth-order entropy rate (an upper bound). With a linear PCA "
      "encoder VQ (k-means) should beat FSQ at every K: FSQ needs a strong learned encoder "
      "(Su, kexue.fm/archives/9826)."));
  l->addWidget(m_footer);
}

QWidget* QuantImageFigure::buildImages() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  m_original = new ImagePanel(w);
  m_fsq = new ImagePanel(w);
  m_vq = new ImagePanel(w);
  m_fsqError = new HeatmapView(w);
  m_vqError = new HeatmapView(w);
  for (HeatmapView* h : {m_fsqError, m_vqError}) {
    h->setSmooth(true);
    h->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  }
  m_metrics = makeFigureLabel(w);
  m_metrics->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  m_metrics->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  m_hover = makeFigureLabel(w);
  m_hover->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  m_hover->setText(tr("Hover a patch for its codes."));
  markScreenOnly(m_hover);
  // Room for the read-out's three lines right under the metrics, so it is never clipped.
  m_hover->setMinimumHeight(4 * m_hover->fontMetrics().lineSpacing());
  m_metrics->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  auto* left = new QVBoxLayout;
  left->addWidget(m_metrics);
  left->addWidget(m_hover);
  left->addStretch(1);
  g->addWidget(m_original, 0, 0);
  g->addWidget(m_fsq, 0, 1);
  g->addWidget(m_vq, 0, 2);
  g->addLayout(left, 1, 0);
  for (ImagePanel* panel : {m_original, m_fsq, m_vq}) {
    connect(panel, &ImagePanel::hovered, this, &QuantImageFigure::hoverPixel);
    connect(panel, &ImagePanel::left, this, [this] {
      for (ImagePanel* q : {m_original, m_fsq, m_vq}) q->setHighlight({});
    });
  }
  g->addWidget(m_fsqError, 1, 1);
  g->addWidget(m_vqError, 1, 2);
  for (int i = 0; i < 3; ++i) g->setColumnStretch(i, 1);
  for (int i = 0; i < 2; ++i) g->setRowStretch(i, 1);
  return w;
}

QWidget* QuantImageFigure::buildRate() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  m_psnr = new ChartView(w);
  m_psnr->setTitle(tr("PSNR vs codebook size (Fig. 3a analogue)"));
  m_psnr->setAxes(tr("log2 K"), ChartView::Axis::Linear, tr("PSNR (dB)"), ChartView::Axis::Linear);
  m_usage = new ChartView(w);
  m_usage->setTitle(tr("Codebook usage vs codebook size (Fig. 3c analogue)"));
  m_usage->setAxes(tr("log2 K"), ChartView::Axis::Linear, tr("codes used"),
                   ChartView::Axis::Linear);
  m_usage->setYRange(0.0, 1.05);
  m_rateNote = makeFigureLabel(w);
  for (QWidget* c : {static_cast<QWidget*>(m_psnr), static_cast<QWidget*>(m_usage)})
    c->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  g->addWidget(m_psnr, 0, 0);
  g->addWidget(m_usage, 0, 1);
  g->addWidget(m_rateNote, 1, 0, 1, 2);
  g->setColumnStretch(0, 1);
  g->setColumnStretch(1, 1);
  g->setRowStretch(0, 1);
  return w;
}

QWidget* QuantImageFigure::buildTraining() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  m_loss = new ChartView(w);
  m_loss->setTitle(tr("Training loss (mini-batch MSE)"));
  m_loss->setAxes(tr("step"), ChartView::Axis::Linear, tr("MSE"), ChartView::Axis::Log);
  m_trainUsage = new ChartView(w);
  m_trainUsage->setTitle(tr("Codebook usage during training"));
  m_trainUsage->setAxes(tr("step"), ChartView::Axis::Linear, tr("fraction of codes used"),
                        ChartView::Axis::Linear);
  m_trainUsage->setYRange(0.0, 1.05);
  m_trainNote = makeFigureLabel(w);
  for (QWidget* c : {static_cast<QWidget*>(m_loss), static_cast<QWidget*>(m_trainUsage)})
    c->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  g->addWidget(m_loss, 0, 0);
  g->addWidget(m_trainUsage, 0, 1);
  g->addWidget(m_trainNote, 1, 0, 1, 2);
  g->setColumnStretch(0, 1);
  g->setColumnStretch(1, 1);
  g->setRowStretch(0, 1);
  return w;
}

void QuantImageFigure::showTraining(const ImageLabParams& params, const TinyAeResult* t) {
  m_stack->setCurrentIndex(2);
  m_loss->clearSeries();
  m_trainUsage->clearSeries();
  if (!t) {
    m_trainNote->setText(tr("No training run yet."));
    return;
  }
  m_title->setText(tr("Tiny autoencoder trained with the straight-through estimator (tier C) — "
                      "K = %1, %2 patches, step %3 of %4%5")
                       .arg(t->codes)
                       .arg(t->patches)
                       .arg(t->stepsDone)
                       .arg(params.trainSteps)
                       .arg(t->finished ? QString() : tr(" (running)")));
  QString note = tr("Linear encoder and decoder, Adam, batch %1. FSQ: STE only, no auxiliary "
                    "loss. VQ: STE + commitment β = %2 + EMA codebook from a tiny init.")
                     .arg(params.trainBatch)
                     .arg(params.commitment);
  for (const AeCurve& c : t->curves) {
    QString name;
    QColor colour;
    switch (c.quantizer) {
      case AeQuantizer::Fsq:
        name = tr("FSQ");
        colour = fsqColor();
        break;
      case AeQuantizer::Vq:
        name = tr("VQ");
        colour = vqColor();
        break;
      case AeQuantizer::VqRestart:
        name = tr("VQ + restart");
        colour = restartColor();
        break;
    }
    std::vector<QPointF> loss, usage;
    for (std::size_t i = 0; i < c.step.size(); ++i) {
      loss.emplace_back(c.step[i], c.loss[i]);
      usage.emplace_back(c.step[i], c.usage[i]);
    }
    m_loss->setSeries(name, loss, ChartView::Style::Line, colour);
    m_trainUsage->setSeries(name, usage, ChartView::Style::Line, colour);
    if (c.finalPsnr > 0.0)
      note += tr(" %1: %2 dB, usage %3%%4.")
                  .arg(name, psnrText(c.finalPsnr))
                  .arg(100.0 * c.finalUsage, 0, 'f', 1)
                  .arg(c.quantizer == AeQuantizer::VqRestart ? tr(", %1 restarts").arg(c.restarts)
                                                             : QString());
  }
  m_trainNote->setText(note);
}

int QuantImageFigure::currentPanel() const { return m_stack->currentIndex(); }

void QuantImageFigure::show(const ImageLabParams& params, const ImageLabResult* resultPtr,
                            const TinyAeResult* training, const QString& imageName) {
  if (params.view == ImageView::Training) {
    showTraining(params, training);
    return;
  }
  m_hoverResult = nullptr;
  if (!resultPtr) return;
  const ImageLabResult& result = *resultPtr;
  const QString size = tr("%1×%2").arg(result.original.width()).arg(result.original.height());
  if (params.view == ImageView::RateDistortion) {
    m_title->setText(tr("Rate–distortion, patch PCA (tier A) — %1, %2, P = %3, α = %4")
                         .arg(imageName, size)
                         .arg(params.patch)
                         .arg(params.alpha));
    m_stack->setCurrentIndex(1);
    showRate(result);
    return;
  }
  const QString tier =
      params.view == ImageView::Colour ? tr("Per-pixel colour (tier B)") : tr("Patch PCA (tier A)");
  m_title->setText(tr("%1 — %2, %3, K = %4").arg(tier, imageName, size).arg(result.codes));
  m_stack->setCurrentIndex(0);
  showImages(params, result);
  // Tier A has one code per patch; tier B quantizes pixels, so its hover has nothing to say.
  m_hoverResult = result.fsqPatchIndex.empty() ? nullptr : &result;
  m_hover->setText(m_hoverResult ? tr("Hover a patch for its codes.") : QString());
  for (ImagePanel* q : {m_original, m_fsq, m_vq}) q->setHighlight({});
}

void QuantImageFigure::hoverPixel(const QPoint& pixel) {
  const auto info = m_hoverResult ? patchCodeAt(*m_hoverResult, pixel.x(), pixel.y())
                                  : std::optional<PatchCodeInfo>{};
  if (!info) return;
  const auto join = [](const auto& values, int decimals) {
    QStringList parts;
    for (const auto v : values) parts << QString::number(v, 'f', decimals);
    return parts.join(QStringLiteral(", "));
  };
  m_hover->setText(tr("<b>Patch</b> row %1, col %2<br><b>FSQ</b> index %3, digits (%4), "
                      "ẑ = (%5)<br><b>VQ</b> code %6, e = (%7)")
                       .arg(info->row)
                       .arg(info->col)
                       .arg(info->fsqIndex)
                       .arg(join(info->digits, 0), join(info->fsqCode, 3))
                       .arg(info->vqIndex)
                       .arg(join(info->vqCode, 3)));
  const int p = m_hoverResult->patchSize;
  const QRect patch(info->col * p, info->row * p, p, p);
  for (ImagePanel* q : {m_original, m_fsq, m_vq}) q->setHighlight(patch);
}

void QuantImageFigure::showImages(const ImageLabParams& params, const ImageLabResult& r) {
  m_original->setImage(toQImage(r.original), tr("Original"));
  // Tier A names its FSQ decoder; tier B has only the grid's cell centres.
  QString decoder;
  if (params.view != ImageView::Colour) {
    switch (params.decoder) {
      case FsqDecoder::Analytic:
        decoder = tr(", analytic");
        break;
      case FsqDecoder::Centroid:
        decoder = tr(", centroids");
        break;
      case FsqDecoder::LeastSquares:
        decoder = tr(", least squares");
        break;
    }
  }
  // A partial result has the original only (FSQ being computed), or FSQ only (VQ's k-means
  // running).
  const bool fsqDone = !r.fsq.image.empty();
  m_fsq->setImage(
      fsqDone ? toQImage(r.fsq.image) : QImage(),
      fsqDone ? tr("FSQ %1%2 — %3 dB").arg(levelsText(r.levels), decoder, psnrText(r.fsq.psnr))
              : tr("FSQ %1%2 — computing…").arg(levelsText(r.levels), decoder));
  const bool vqDone = !r.vq.image.empty();
  m_vq->setImage(vqDone ? toQImage(r.vq.image) : QImage(),
                 vqDone ? tr("VQ K = %1 — %2 dB").arg(r.vqCodes).arg(psnrText(r.vq.psnr))
                 : r.vqCodes > 0 ? tr("VQ K = %1 — k-means running…").arg(r.vqCodes)
                                 : tr("VQ — waiting for FSQ…"));
  // One scale for both error maps so they compare at a glance.
  const double hi =
      std::max({1.0, fsqDone ? r.fsq.error.maxCoeff() : 0.0, vqDone ? r.vq.error.maxCoeff() : 0.0});
  const ColorMapping mapping{ColorMapKind::Viridis, ColorScale::Linear, 0.0, hi};
  m_fsqError->setMatrix(r.fsq.error, mapping);
  m_fsqError->setTitle(tr("|error| FSQ (0–255)"));
  m_vqError->setMatrix(r.vq.error, mapping);
  m_vqError->setTitle(tr("|error| VQ (0–255)"));
  auto row = [](const QString& name, const QString& a, const QString& b) {
    return QStringLiteral(
               "<tr><td>%1</td><td align='right'>&nbsp;%2</td><td "
               "align='right'>&nbsp;%3</td></tr>")
        .arg(name, a, b);
  };
  QString html = QStringLiteral(
      "<table><tr><td></td><td align='right'><b>FSQ</b></td><td "
      "align='right'><b>VQ</b></td></tr>");
  if (!fsqDone) {
    m_metrics->setText(tr("FSQ: quantizing %1 codes… VQ: waiting for FSQ.").arg(r.codes));
    return;
  }
  if (!vqDone) {
    m_metrics->setText(
        tr("FSQ: PSNR %1 dB, SSIM %2, usage %3%. VQ: fitting K = %4 codes…")
            .arg(psnrText(r.fsq.psnr))
            .arg(std::isnan(r.fsq.ssim) ? QStringLiteral("…") : QString::number(r.fsq.ssim, 'f', 4))
            .arg(100.0 * r.fsq.usage.usage, 0, 'f', 1)
            .arg(r.vqCodes));
    return;
  }
  html += row(tr("codes K"), QString::number(r.codes), QString::number(r.vqCodes));
  html += row(tr("PSNR (dB)"), psnrText(r.fsq.psnr), psnrText(r.vq.psnr));
  html += row(tr("SSIM"), QString::number(r.fsq.ssim, 'f', 4), QString::number(r.vq.ssim, 'f', 4));
  html +=
      row(tr("bpp (fixed)"), QString::number(r.fsq.bpp, 'f', 3), QString::number(r.vq.bpp, 'f', 3));
  html += row(tr("bpp (entropy)"), QString::number(r.fsq.entropyBpp, 'f', 3),
              QString::number(r.vq.entropyBpp, 'f', 3));
  html += row(tr("usage"), tr("%1%").arg(100.0 * r.fsq.usage.usage, 0, 'f', 1),
              tr("%1%").arg(100.0 * r.vq.usage.usage, 0, 'f', 1));
  html += row(tr("perplexity"), QString::number(r.fsq.usage.perplexity, 'f', 1),
              QString::number(r.vq.usage.perplexity, 'f', 1));
  html += QStringLiteral("</table>");
  const QString unit = params.view == ImageView::Colour ? tr("pixels") : tr("patches");
  html += tr("<br>%1 %2; %3 ms").arg(r.patches).arg(unit).arg(r.elapsedMs, 0, 'f', 0);
  for (const auto& n : r.notes) html += QStringLiteral("<br>") + QString::fromStdString(n);
  m_metrics->setText(html);
}

void QuantImageFigure::showRate(const ImageLabResult& r) {
  std::vector<QPointF> fsqPsnr, vqPsnr, fsqUse, vqUse;
  int lastVq = 0;
  for (const auto& p : r.rate) {
    const double x = std::log2(static_cast<double>(p.codes));
    // A lossless point (∞ dB) cannot be drawn; the chart keeps the finite ones.
    fsqPsnr.emplace_back(x, p.fsqPsnr);
    fsqUse.emplace_back(x, p.fsqUsage);
    // Past the cap VQ keeps the same K: one point per distinct K, not a vertical stack.
    if (p.vqCodes == lastVq) continue;
    lastVq = p.vqCodes;
    vqPsnr.emplace_back(std::log2(static_cast<double>(p.vqCodes)), p.vqPsnr);
    vqUse.emplace_back(std::log2(static_cast<double>(p.vqCodes)), p.vqUsage);
  }
  m_psnr->setSeries(tr("FSQ"), fsqPsnr, ChartView::Style::Line, fsqColor());
  m_psnr->setSeries(tr("VQ"), vqPsnr, ChartView::Style::Line, vqColor());
  m_usage->setSeries(tr("FSQ"), fsqUse, ChartView::Style::Line, fsqColor());
  m_usage->setSeries(tr("VQ"), vqUse, ChartView::Style::Line, vqColor());
  const int iterations = r.rate.empty() ? 0 : r.rate.front().lloydIterations;
  QString note = tr("Budgets 2^4…2^16 with the FSQ paper's levels; VQ = k-means++ and %1 Lloyd "
                    "iteration(s) per point (the headline uses all of them) in the same PCA "
                    "latent, K capped at patches/4, so its rate is that of the capped K. FSQ "
                    "usage is bounded by patches/K at large K.")
                     .arg(iterations);
  for (const auto& n : r.notes) note += QStringLiteral(" ") + QString::fromStdString(n) + '.';
  m_rateNote->setText(note);
}

}  // namespace latentlab::ui
