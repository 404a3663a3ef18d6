// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The numbers and images behind the Image reconstruction figure.
#include <QDir>
#include <QImage>
#include <cmath>

#include "ui/common/figure_export.h"
#include "ui/pages/quantization/quant_image_figure.h"
#include "ui/pages/quantization/quant_image_page.h"

namespace latentlab::ui {

using namespace latentlab::quantization;

QList<DataTable> QuantImagePage::exportData() const {
  QList<DataTable> out;
  if (m_train && m_resultParams.view == ImageView::Training) {
    DataTable t;
    t.name = QStringLiteral("training");
    // model: 0 = FSQ, 1 = VQ, 2 = VQ with dead-code restart.
    t.columns = {QStringLiteral("model"), QStringLiteral("step"), QStringLiteral("loss"),
                 QStringLiteral("usage")};
    for (const AeCurve& c : m_train->curves)
      for (std::size_t i = 0; i < c.step.size(); ++i)
        t.rows.push_back({static_cast<double>(c.quantizer), static_cast<double>(c.step[i]),
                          c.loss[i], c.usage[i]});
    out.push_back(t);
    DataTable f;
    f.name = QStringLiteral("training_final");
    f.columns = {QStringLiteral("model"), QStringLiteral("psnr_db"), QStringLiteral("usage"),
                 QStringLiteral("restarts")};
    for (const AeCurve& c : m_train->curves)
      f.rows.push_back({static_cast<double>(c.quantizer), c.finalPsnr, c.finalUsage,
                        static_cast<double>(c.restarts)});
    out.push_back(f);
    return out;
  }
  if (!m_result) return out;
  const ImageLabResult& r = *m_result;
  DataTable metrics;
  metrics.name = QStringLiteral("metrics");
  metrics.columns = {QStringLiteral("quantizer"), QStringLiteral("codes"), QStringLiteral("psnr_db"),
                     QStringLiteral("ssim"), QStringLiteral("bpp"), QStringLiteral("bpp_entropy"),
                     QStringLiteral("usage"), QStringLiteral("perplexity"),
                     QStringLiteral("codes_used")};
  // quantizer: 0 = FSQ, 1 = VQ (tables hold numbers only).
  int q = 0;
  for (const Reconstruction* rec : {&r.fsq, &r.vq}) {
    metrics.rows.push_back({static_cast<double>(q), static_cast<double>(q == 0 ? r.codes : r.vqCodes),
                            rec->psnr, rec->ssim, rec->bpp, rec->entropyBpp, rec->usage.usage,
                            rec->usage.perplexity, static_cast<double>(rec->usage.used)});
    ++q;
  }
  out.push_back(metrics);
  DataTable levels;
  levels.name = QStringLiteral("fsq_levels");
  levels.columns = {QStringLiteral("dimension"), QStringLiteral("levels")};
  for (std::size_t i = 0; i < r.levels.size(); ++i)
    levels.rows.push_back({static_cast<double>(i), static_cast<double>(r.levels[i])});
  out.push_back(levels);
  if (!r.rate.empty()) {
    DataTable rate;
    rate.name = QStringLiteral("rate_distortion");
    rate.columns = {QStringLiteral("log2_target"), QStringLiteral("codes"),
                    QStringLiteral("vq_codes"),    QStringLiteral("bpp"),
                    QStringLiteral("fsq_psnr_db"), QStringLiteral("vq_psnr_db"),
                    QStringLiteral("fsq_usage"),   QStringLiteral("vq_usage")};
    for (const auto& p : r.rate)
      rate.rows.push_back({static_cast<double>(p.log2Target), static_cast<double>(p.codes),
                           static_cast<double>(p.vqCodes), p.bpp, p.fsqPsnr, p.vqPsnr, p.fsqUsage,
                           p.vqUsage});
    out.push_back(rate);
  }
  return out;
}

QStringList QuantImagePage::exportReconstructions(const QString& dir) const {
  if (!m_result) throw ParamError("path", "nothing computed yet: there are no reconstructions");
  if (!QDir().mkpath(dir))
    throw ExportError("cannot create folder '" + dir.toStdString() + "'");
  const QDir d(dir);
  auto errorImage = [](const Eigen::MatrixXd& e) {
    QImage img(static_cast<int>(e.cols()), static_cast<int>(e.rows()), QImage::Format_Grayscale8);
    for (int r = 0; r < img.height(); ++r)
      for (int c = 0; c < img.width(); ++c)
        img.scanLine(r)[c] = static_cast<uchar>(std::lround(std::clamp(e(r, c), 0.0, 255.0)));
    return img;
  };
  const std::vector<std::pair<QString, QImage>> files = {
      {QStringLiteral("original.png"), toQImage(m_result->original)},
      {QStringLiteral("fsq.png"), toQImage(m_result->fsq.image)},
      {QStringLiteral("vq.png"), toQImage(m_result->vq.image)},
      {QStringLiteral("fsq_error.png"), errorImage(m_result->fsq.error)},
      {QStringLiteral("vq_error.png"), errorImage(m_result->vq.error)}};
  QStringList written;
  for (const auto& [name, image] : files) {
    const QString path = d.filePath(name);
    writePngAtomically(image, path);  // ExportError (exit 1) with the OS reason
    written << path;
  }
  return written;
}

}  // namespace latentlab::ui
