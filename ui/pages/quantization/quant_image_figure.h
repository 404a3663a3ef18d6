// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QImage>
#include <QRect>
#include <QWidget>
#include <optional>

#include "latentlab/quantization/image_lab.h"
#include "latentlab/quantization/tiny_autoencoder.h"

class QLabel;
class QStackedWidget;

namespace latentlab::ui {

class ChartView;
class HeatmapView;

/// ImageData (normalised planes) → an 8-bit QImage: Grayscale8 for one plane, RGB888 for three.
QImage toQImage(const quantization::ImageData& image);

/// Shows a colour or grey image scaled to fit (smooth), keeping its aspect ratio, under a caption.
class ImagePanel : public QWidget {
  Q_OBJECT
 public:
  explicit ImagePanel(QWidget* parent = nullptr);
  void setImage(const QImage& image, const QString& caption);
  const QImage& image() const { return m_image; }
  /// The image pixel under a widget position (nullopt outside the drawn image).
  std::optional<QPoint> imagePixelAt(const QPoint& pos) const;
  /// Outlines a rectangle in image pixels (empty: none), e.g. the hovered patch.
  void setHighlight(const QRect& imageRect);
  QSize sizeHint() const override { return {260, 260}; }
  // 110: a 170 x 110 mm export holds the images, the metrics under the original and the note.
  QSize minimumSizeHint() const override { return {110, 110}; }

 signals:
  void hovered(const QPoint& imagePixel);
  void left();

 protected:
  void paintEvent(QPaintEvent*) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  QRect imageTarget() const;

  QImage m_image;
  QString m_caption;
  QRect m_highlight;
};

/// The Image reconstruction figure: a title, one panel per view (images + error maps for tiers
/// A and B, rate–distortion charts), and a footer saying what the demo reproduces of
/// Mentzer et al. 2023 (FSQ).
class QuantImageFigure : public QWidget {
  Q_OBJECT
 public:
  explicit QuantImageFigure(QWidget* parent = nullptr);
  /// Shows params.view from `result` (tiers A/B, rate–distortion) or `training` (tier C);
  /// either may be null when that kind of run has not happened yet.
  void show(const quantization::ImageLabParams& params, const quantization::ImageLabResult* result,
            const quantization::TinyAeResult* training, const QString& imageName);

  // For tests: the parts of the images view.
  ImagePanel* originalPanel() const { return m_original; }
  ImagePanel* fsqPanel() const { return m_fsq; }
  ImagePanel* vqPanel() const { return m_vq; }
  ChartView* psnrChart() const { return m_psnr; }
  ChartView* lossChart() const { return m_loss; }
  QLabel* hoverLabel() const { return m_hover; }
  /// The hover read-out for an image pixel (what moving the mouse over a patch shows).
  void hoverPixel(const QPoint& pixel);
  int currentPanel() const;

 private:
  QWidget* buildImages();
  QWidget* buildRate();
  QWidget* buildTraining();
  void showTraining(const quantization::ImageLabParams& params,
                    const quantization::TinyAeResult* training);
  void showImages(const quantization::ImageLabParams& params,
                  const quantization::ImageLabResult& result);
  void showRate(const quantization::ImageLabResult& result);

  QLabel* m_title = nullptr;
  QStackedWidget* m_stack = nullptr;
  ImagePanel* m_original = nullptr;
  ImagePanel* m_fsq = nullptr;
  ImagePanel* m_vq = nullptr;
  HeatmapView* m_fsqError = nullptr;
  HeatmapView* m_vqError = nullptr;
  QLabel* m_metrics = nullptr;
  ChartView* m_psnr = nullptr;
  ChartView* m_usage = nullptr;
  QLabel* m_rateNote = nullptr;
  ChartView* m_loss = nullptr;
  ChartView* m_trainUsage = nullptr;
  QLabel* m_trainNote = nullptr;
  QLabel* m_footer = nullptr;
  QLabel* m_hover = nullptr;
  // The shown tier-A result, for the hover read-out (owned by the page, refreshed by show()).
  const quantization::ImageLabResult* m_hoverResult = nullptr;
};

}  // namespace latentlab::ui
