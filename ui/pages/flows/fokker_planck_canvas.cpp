// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/flows/fokker_planck_canvas.h"

#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "ui/common/color_bar_painter.h"

namespace latentlab::ui {

FpDensityCanvas::FpDensityCanvas(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void FpDensityCanvas::setTitle(const QString& title) {
  m_title = title;
  update();
}

void FpDensityCanvas::setDensity(const std::vector<double>& density, int n, double lo, double hi,
                                 const ColorMapping& mapping) {
  // Row 0 of the image is the top: flip so that y grows upwards.
  Eigen::MatrixXd m(n, n);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) m(n - 1 - j, i) = density[static_cast<std::size_t>(j) * n + i];
  m_image = colorize(m, mapping);
  m_mapping = mapping;
  m_lo = lo;
  m_hi = hi;
  update();
}

void FpDensityCanvas::setParticles(const Eigen::MatrixXd& xy, QColor color) {
  m_particles = xy;
  m_particleColor = color;
  update();
}

void FpDensityCanvas::setTrajectories(const std::vector<Eigen::MatrixXd>& paths, int rows,
                                      QColor color) {
  m_paths = paths;
  m_pathRows = rows;
  m_pathColor = color;
  update();
}

void FpDensityCanvas::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QColor text = palette().color(QPalette::WindowText);
  const QFontMetrics fm = fontMetrics();
  int top = 4;
  if (!m_title.isEmpty()) {
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    p.setPen(text);
    p.drawText(QRect(0, 0, width(), fm.height() + 4), Qt::AlignCenter, m_title);
    p.setFont(font());
    top += fm.height() + 4;
  }
  const int barW = colorBarWidth(m_mapping, tr("density"), fm);
  const int left = fm.horizontalAdvance(QStringLiteral("−10.0")) + 8;
  const int bottom = 2 * fm.height() + 6;
  const int side = std::max(20, std::min(width() - left - barW - 16, height() - top - bottom));
  const QRect plot(left, top, side, side);
  if (!m_image.isNull()) p.drawImage(plot, m_image);
  p.setPen(text);
  p.setBrush(Qt::NoBrush);
  p.drawRect(plot);
  auto toPx = [&](double x, double y) {
    return QPointF(plot.left() + (x - m_lo) / (m_hi - m_lo) * plot.width(),
                   plot.bottom() - (y - m_lo) / (m_hi - m_lo) * plot.height());
  };
  // Axis ticks: nice values in [lo, hi] on both axes.
  for (double v : niceLinearTicks(m_lo, m_hi)) {
    const QPointF bx = toPx(v, m_lo), ly = toPx(m_lo, v);
    p.drawLine(bx, bx + QPointF(0, 4));
    p.drawLine(ly, ly - QPointF(4, 0));
    const QString s = colorBarTickLabel(v);
    p.drawText(QRectF(bx.x() - 30, plot.bottom() + 5, 60, fm.height()), Qt::AlignHCenter, s);
    p.drawText(QRectF(0, ly.y() - fm.height() / 2.0, left - 6, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, s);
  }
  p.drawText(QRect(plot.left(), plot.bottom() + 5 + fm.height(), plot.width(), fm.height()),
             Qt::AlignHCenter, tr("x₁ (vertical: x₂)"));
  p.save();
  p.setClipRect(plot);
  // Particles: small dots with a thin dark/light rim so they read on viridis' ends.
  p.setPen(Qt::NoPen);
  QColor dot = m_particleColor;
  dot.setAlpha(150);  // the density must stay visible under a dense cloud
  p.setBrush(dot);
  auto at = [this, &toPx](Eigen::Index k) {
    return toPx(m_particles(k, 0), m_particles.cols() > 1 ? m_particles(k, 1) : 0.0);
  };
  if (p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster) {
    // On screen and in PNGs one antialiased dot is drawn once and stamped at every particle:
    // 1500 ellipses, each tessellated, were most of the GUI thread's time while frames stream
    // in. SVG and PDF keep one vector circle per particle.
    const qreal dpr = p.device()->devicePixelRatioF();
    QImage sprite(QSize(8, 8) * dpr, QImage::Format_ARGB32_Premultiplied);
    sprite.setDevicePixelRatio(dpr);
    sprite.fill(Qt::transparent);
    {
      QPainter sp(&sprite);
      sp.setRenderHint(QPainter::Antialiasing);
      sp.setPen(Qt::NoPen);
      sp.setBrush(dot);
      sp.drawEllipse(QPointF(4.0, 4.0), 1.6, 1.6);
    }
    for (Eigen::Index k = 0; k < m_particles.rows(); ++k)
      p.drawImage(at(k) - QPointF(4.0, 4.0), sprite);
  } else {
    for (Eigen::Index k = 0; k < m_particles.rows(); ++k) p.drawEllipse(at(k), 1.6, 1.6);
  }
  p.setBrush(Qt::NoBrush);
  for (const auto& path : m_paths) {
    const int rows = std::min<int>(m_pathRows, static_cast<int>(path.rows()));
    if (rows < 1 || path.cols() < 2) continue;
    QPainterPath pp;
    pp.moveTo(toPx(path(0, 0), path(0, 1)));
    for (int r = 1; r < rows; ++r) pp.lineTo(toPx(path(r, 0), path(r, 1)));
    p.setPen(QPen(QColor(255, 255, 255, 200), 3.0));
    p.drawPath(pp);
    p.setPen(QPen(m_pathColor, 1.6));
    p.drawPath(pp);
    p.setPen(Qt::NoPen);
    p.setBrush(m_pathColor);
    p.drawEllipse(toPx(path(rows - 1, 0), path(rows - 1, 1)), 3.5, 3.5);
    p.setBrush(Qt::NoBrush);
  }
  p.restore();
  if (!m_image.isNull())
    paintColorBar(p, QRect(plot.right() + 10, plot.top(), barW, plot.height()), m_mapping,
                  tr("density"), text, fm);
}

}  // namespace latentlab::ui
