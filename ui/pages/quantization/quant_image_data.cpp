// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The numbers and images behind the Image reconstruction figure.
#include <QDir>
#include <QImage>
#include <algorithm>
#include <cmath>

#include "ui/common/figure_export.h"
#include "ui/common/matrix_table.h"
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
  metrics.columns = {
      QStringLiteral("quantizer"), QStringLiteral("codes"),      QStringLiteral("psnr_db"),
      QStringLiteral("ssim"),      QStringLiteral("bpp"),        QStringLiteral("bpp_entropy"),
      QStringLiteral("usage"),     QStringLiteral("perplexity"), QStringLiteral("codes_used")};
  // quantizer: 0 = FSQ, 1 = VQ (tables hold numbers only).
  int q = 0;
  for (const Reconstruction* rec : {&r.fsq, &r.vq}) {
    metrics.rows.push_back({static_cast<double>(q),
                            static_cast<double>(q == 0 ? r.codes : r.vqCodes), rec->psnr, rec->ssim,
                            rec->bpp, rec->entropyBpp, rec->usage.usage, rec->usage.perplexity,
                            static_cast<double>(rec->usage.used)});
    ++q;
  }
  out.push_back(metrics);
  DataTable levels;
  levels.name = QStringLiteral("fsq_levels");
  levels.columns = {QStringLiteral("dimension"), QStringLiteral("levels")};
  for (std::size_t i = 0; i < r.levels.size(); ++i)
    levels.rows.push_back({static_cast<double>(i), static_cast<double>(r.levels[i])});
  out.push_back(levels);
  if (!r.fsqPatchIndex.empty()) {
    // Tier A's token grid: patch (row, col) of the gridRows × gridCols grid and its two codes.
    DataTable tokens{QStringLiteral("tokens"), {"row", "col", "fsq_index", "vq_index"}, {}};
    for (int row = 0; row < r.gridRows; ++row)
      for (int col = 0; col < r.gridCols; ++col) {
        const auto k = static_cast<std::size_t>(row) * static_cast<std::size_t>(r.gridCols) +
                       static_cast<std::size_t>(col);
        if (k >= r.fsqPatchIndex.size() || k >= r.vqPatchIndex.size()) continue;
        tokens.rows.push_back({static_cast<double>(row), static_cast<double>(col),
                               static_cast<double>(r.fsqPatchIndex[k]),
                               static_cast<double>(r.vqPatchIndex[k])});
      }
    out.push_back(tokens);
    out.push_back(matrixTable(QStringLiteral("vq_codebook"), QStringLiteral("code"),
                              QStringLiteral("latent"), r.vqCodebook));
  }
  if (!r.rate.empty()) {
    // Each quantizer's rate at its own K (VQ's is capped at patches / 4), and the Lloyd
    // iterations each point used (the sweep uses at most kRateLloydIterations).
    DataTable rate{QStringLiteral("rate_distortion"),
                   {"log2_target", "codes", "vq_codes", "fsq_bpp", "vq_bpp", "fsq_psnr_db",
                    "vq_psnr_db", "fsq_usage", "vq_usage", "vq_lloyd_iterations"},
                   {}};
    for (const auto& p : r.rate)
      rate.rows.push_back({static_cast<double>(p.log2Target), static_cast<double>(p.codes),
                           static_cast<double>(p.vqCodes), p.fsqBpp, p.vqBpp, p.fsqPsnr, p.vqPsnr,
                           p.fsqUsage, p.vqUsage, static_cast<double>(p.lloydIterations)});
    out.push_back(rate);
  }
  return out;
}

QList<DataValue> QuantImagePage::exportValues() const {
  QList<DataValue> v;
  const ImageLabParams& p = m_resultParams;
  v << DataValue{QStringLiteral("image"), m_resultName};
  if (m_train && p.view == ImageView::Training) {
    v << DataValue{QStringLiteral("train_steps"), double(p.trainSteps)}
      << DataValue{QStringLiteral("train_batch"), double(p.trainBatch)};
    return v;
  }
  if (!m_result) return v;
  const ImageLabResult& r = *m_result;
  const bool tierB = p.view == ImageView::Colour;
  v << DataValue{QStringLiteral("width"), double(r.original.width())}
    << DataValue{QStringLiteral("height"), double(r.original.height())}
    << DataValue{QStringLiteral("channels"), double(r.original.channels())}
    << DataValue{QStringLiteral("tier"),
                 tierB ? QStringLiteral("B colour") : QStringLiteral("A patch PCA")}
    << DataValue{tierB ? QStringLiteral("pixels") : QStringLiteral("patches"), double(r.patches)}
    << DataValue{QStringLiteral("fsq_codes"), double(r.codes)}
    << DataValue{QStringLiteral("vq_codes"), double(r.vqCodes)}
    << DataValue{QStringLiteral("vq_codes_capped"), r.vqCodes < r.codes ? 1.0 : 0.0}
    << DataValue{QStringLiteral("lloyd_iterations"), double(p.lloydIterations)};
  if (!tierB)
    v << DataValue{QStringLiteral("patch"), double(r.patchSize)}
      << DataValue{QStringLiteral("grid_rows"), double(r.gridRows)}
      << DataValue{QStringLiteral("grid_cols"), double(r.gridCols)}
      << DataValue{QStringLiteral("latent_dims"), double(r.levels.size())};
  if (!r.rate.empty())
    v << DataValue{QStringLiteral("rate_lloyd_iterations"),
                   double(std::min(p.lloydIterations, kRateLloydIterations))};
  v << DataValue{QStringLiteral("eight_bit_rounding"),
                 QStringLiteral("round(clamp(v, 0, 1) * 255) in double, for metrics and PNGs")};
  QStringList notes;
  for (const auto& n : r.notes) notes << QString::fromStdString(n);
  if (!notes.isEmpty()) v << DataValue{QStringLiteral("notes"), notes.join(QStringLiteral("; "))};
  return v;
}

QStringList QuantImagePage::exportReconstructions(const QString& dir) const {
  if (!m_result) throw ParamError("path", "nothing computed yet: there are no reconstructions");
  if (m_result->partial)
    throw ParamError("path", "the reconstructions are still being computed; try again when done");
  if (!QDir().mkpath(dir)) throw ExportError("cannot create folder '" + dir.toStdString() + "'");
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
