// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// ImagePanel: an image scaled to fit under a caption, with the hovered pixel reported and an
// optional highlight rectangle (the image page's patch read-out).
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "ui/pages/quantization/quant_image_figure.h"

namespace latentlab::ui {

ImagePanel::ImagePanel(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setMouseTracking(true);  // hover read-out without a button pressed
}

void ImagePanel::setImage(const QImage& image, const QString& caption) {
  m_image = image;
  m_caption = caption;
  update();
}

QRect ImagePanel::imageTarget() const {
  if (m_image.isNull()) return {};
  const int captionH = fontMetrics().lineSpacing() + 4;
  const QRect area(0, captionH, width(), height() - captionH);
  const QSize s = m_image.size().scaled(area.size(), Qt::KeepAspectRatio);
  if (s.isEmpty()) return {};
  return {area.x() + (area.width() - s.width()) / 2, area.y() + (area.height() - s.height()) / 2,
          s.width(), s.height()};
}

std::optional<QPoint> ImagePanel::imagePixelAt(const QPoint& pos) const {
  const QRect t = imageTarget();
  if (t.isEmpty() || !t.contains(pos)) return std::nullopt;
  const int x =
      static_cast<int>(static_cast<double>(pos.x() - t.x()) * m_image.width() / t.width());
  const int y =
      static_cast<int>(static_cast<double>(pos.y() - t.y()) * m_image.height() / t.height());
  return QPoint(std::clamp(x, 0, m_image.width() - 1), std::clamp(y, 0, m_image.height() - 1));
}

void ImagePanel::setHighlight(const QRect& imageRect) {
  if (imageRect == m_highlight) return;
  m_highlight = imageRect;
  update();
}

void ImagePanel::mouseMoveEvent(QMouseEvent* event) {
  if (const auto pixel = imagePixelAt(event->position().toPoint()))
    emit hovered(*pixel);
  else
    emit left();
}

void ImagePanel::leaveEvent(QEvent*) { emit left(); }

void ImagePanel::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::SmoothPixmapTransform);
  const int captionH = fontMetrics().lineSpacing() + 4;
  p.setPen(palette().color(QPalette::WindowText));
  // A caption wider than the image is set smaller (to 70 %) before it is shortened.
  QFont small = font();
  const double need = QFontMetricsF(small).horizontalAdvance(m_caption);
  if (need > width() - 4)
    small.setPointSizeF(small.pointSizeF() * std::max(0.7, 0.95 * (width() - 4) / need));
  p.setFont(small);
  p.drawText(QRect(0, 0, width(), captionH), Qt::AlignCenter,
             QFontMetrics(small).elidedText(m_caption, Qt::ElideRight, width()));
  p.setFont(font());
  const QRect target = imageTarget();
  if (target.isEmpty()) return;
  p.drawImage(target, m_image);
  if (!m_highlight.isEmpty()) {
    // Image pixels → widget pixels; at least 4 px so a 2-pixel patch stays visible.
    const double sx = static_cast<double>(target.width()) / m_image.width();
    const double sy = static_cast<double>(target.height()) / m_image.height();
    const QRectF r(target.x() + m_highlight.x() * sx, target.y() + m_highlight.y() * sy,
                   std::max(4.0, m_highlight.width() * sx),
                   std::max(4.0, m_highlight.height() * sy));
    p.setPen(QPen(Qt::yellow, 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
  }
}

}  // namespace latentlab::ui
