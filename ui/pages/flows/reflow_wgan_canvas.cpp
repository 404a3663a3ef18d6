// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Critic heat map with contours, arrows and point clouds, painted with QPainter.
#include "ui/pages/flows/reflow_wgan_canvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <array>
#include <cmath>

namespace latentlab::ui {

QColor wganParticleColor() { return {0xff, 0x7f, 0x0e}; }     // orange
QColor wganRealColor() { return {0x2c, 0xa0, 0x2c}; }         // green
QColor wganInterpolantColor() { return {0x9a, 0x9a, 0x9a}; }  // mid grey
QColor wganExactColor(bool viridis) {
  return viridis ? QColor(0xff, 0x8a, 0xe2) : QColor(0x8e, 0x24, 0xaa);  // pink / purple
}

ReflowWganCanvas::ReflowWganCanvas(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ReflowWganCanvas::setContent(Content content) {
  m_content = std::move(content);
  update();
}

namespace {

// Marching squares on the cell-centred grid: one segment per crossed cell (saddles split
// arbitrarily, which is invisible at this resolution).
void drawContours(QPainter& p, const Eigen::MatrixXd& f, const QRectF& rect, double level) {
  const int rows = static_cast<int>(f.rows()), cols = static_cast<int>(f.cols());
  const double cw = rect.width() / cols, ch = rect.height() / rows;
  auto pos = [&](double r, double c) {
    return QPointF(rect.left() + (c + 0.5) * cw, rect.top() + (r + 0.5) * ch);
  };
  for (int r = 0; r + 1 < rows; ++r)
    for (int c = 0; c + 1 < cols; ++c) {
      const std::array<double, 4> v{f(r, c), f(r, c + 1), f(r + 1, c + 1), f(r + 1, c)};
      const std::array<std::array<double, 2>, 4> corner{
          {{double(r), double(c)}, {double(r), c + 1.0}, {r + 1.0, c + 1.0}, {r + 1.0, double(c)}}};
      QPointF hits[4];
      int n = 0;
      for (int e = 0; e < 4; ++e) {
        const double a = v[e] - level, b = v[(e + 1) % 4] - level;
        if ((a < 0) == (b < 0)) continue;
        const double s = a / (a - b);
        const auto& ca = corner[e];
        const auto& cb = corner[(e + 1) % 4];
        hits[n++] = pos(ca[0] + s * (cb[0] - ca[0]), ca[1] + s * (cb[1] - ca[1]));
      }
      if (n >= 2) p.drawLine(hits[0], hits[1]);
      if (n == 4) p.drawLine(hits[2], hits[3]);
    }
}

}  // namespace

namespace {
constexpr double kStrokeSpacing = 0.08;  // data units between successive stroke points
}  // namespace

QRectF ReflowWganCanvas::plotRect() const {
  const QFontMetrics fm(font());
  const double left = fm.horizontalAdvance(QStringLiteral("−10.0")) + 8;
  const double bottom = fm.height() + 6;
  const double side = std::max(10.0, std::min(width() - left - 8, height() - bottom - 8));
  return {width() - 8 - side, 4, side, side};  // next to the colour bar
}

QPointF ReflowWganCanvas::toData(QPointF px) const {
  const QRectF rect = plotRect();
  const double b = m_content.box;
  return {-b + (px.x() - rect.left()) / rect.width() * 2 * b,
          b - (px.y() - rect.top()) / rect.height() * 2 * b};
}

QPointF ReflowWganCanvas::toPixel(QPointF d) const {
  const QRectF rect = plotRect();
  const double b = m_content.box;
  return {rect.left() + (d.x() + b) / (2 * b) * rect.width(),
          rect.top() + (b - d.y()) / (2 * b) * rect.height()};
}

void ReflowWganCanvas::addStrokePoint(QPointF pixel) {
  if (!plotRect().contains(pixel)) return;
  const QPointF d = toData(pixel);
  if (!m_stroke.empty()) {
    const QPointF last = m_stroke.back();
    if (std::hypot(d.x() - last.x(), d.y() - last.y()) < kStrokeSpacing) return;
  }
  m_stroke.push_back(d);
  update();
}

void ReflowWganCanvas::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && onStroke && plotRect().contains(event->position())) {
    m_drawing = true;
    m_stroke.clear();
    addStrokePoint(event->position());
  }
  QWidget::mousePressEvent(event);
}

void ReflowWganCanvas::mouseMoveEvent(QMouseEvent* event) {
  if (m_drawing) addStrokePoint(event->position());
  QWidget::mouseMoveEvent(event);
}

void ReflowWganCanvas::mouseReleaseEvent(QMouseEvent* event) {
  if (m_drawing && event->button() == Qt::LeftButton) {
    m_drawing = false;
    // One recompute per stroke, not per point: the page gets the whole stroke at once.
    const std::vector<QPointF> stroke = std::move(m_stroke);
    m_stroke.clear();
    if (!stroke.empty() && onStroke) onStroke(stroke);
    update();
  }
  QWidget::mouseReleaseEvent(event);
}

void ReflowWganCanvas::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const Content& c = m_content;
  const QFontMetrics fm(font());
  const QRectF rect = plotRect();
  if (c.field.size() == 0) return;

  const QImage img = colorize(c.field, c.mapping);
  p.drawImage(rect, img.scaled(img.width() * 4, img.height() * 4, Qt::IgnoreAspectRatio,
                               Qt::SmoothTransformation));
  // Iso-contours of the critic: dark translucent lines at evenly spaced levels.
  if (c.contourLevels > 0) {
    p.setPen(QPen(QColor(0, 0, 0, 110), 1.0));
    for (int k = 1; k <= c.contourLevels; ++k) {
      const double level =
          c.mapping.lo + (c.mapping.hi - c.mapping.lo) * k / (c.contourLevels + 1.0);
      drawContours(p, c.field, rect, level);
    }
  }
  auto toPx = [&](double x, double y) {
    return QPointF(rect.left() + (x + c.box) / (2 * c.box) * rect.width(),
                   rect.top() + (c.box - y) / (2 * c.box) * rect.height());
  };
  p.save();
  p.setClipRect(rect);
  auto dots = [&](const Eigen::MatrixXd& pts, QColor fill, double radius, bool outline) {
    p.setPen(outline ? QPen(QColor(0x30, 0x30, 0x30), 0.6) : Qt::NoPen);
    p.setBrush(fill);
    for (Eigen::Index i = 0; i < pts.rows(); ++i)
      p.drawEllipse(toPx(pts(i, 0), pts(i, 1)), radius, radius);
  };
  dots(c.interpolants, wganInterpolantColor(), 1.6, false);
  dots(c.real, wganRealColor(), 2.2, false);
  dots(c.particles, wganParticleColor(), 2.6, true);
  // The stroke being drawn: real-sample green with a dark rim, so it reads as new data.
  p.setPen(QPen(QColor(0x10, 0x10, 0x10), 0.8));
  p.setBrush(wganRealColor());
  for (const QPointF& d : m_stroke) p.drawEllipse(toPixel(d), 3.0, 3.0);

  // Arrows: one global scale per run, so they visibly fade as the critic flattens.
  auto drawArrows = [&](const Eigen::MatrixXd& arrows, const QColor& ink) {
    const int lattice = static_cast<int>(std::lround(std::sqrt(double(arrows.rows()))));
    if (lattice <= 0 || !(c.arrowScale > 0)) return;
    const double spacing = rect.width() / lattice;
    p.setPen(QPen(ink, 1.3));
    p.setBrush(ink);
    for (int r = 0; r < lattice; ++r)
      for (int col = 0; col < lattice; ++col) {
        const Eigen::Index i = r * lattice + col;
        const QPointF o(rect.left() + (col + 0.5) * spacing, rect.top() + (r + 0.5) * spacing);
        const double gx = arrows(i, 0), gy = arrows(i, 1);
        const double len = std::hypot(gx, gy) / c.arrowScale * 0.9 * spacing;
        if (len < 1.0) {
          p.drawPoint(o);
          continue;
        }
        const double ux = gx / std::hypot(gx, gy), uy = -gy / std::hypot(gx, gy);
        const QPointF tip = o + QPointF(ux * len, uy * len);
        p.drawLine(o, tip);
        const double head = std::min(5.0, 0.4 * len);
        QPainterPath h;
        h.moveTo(tip);
        h.lineTo(tip - QPointF(ux * head - uy * head * 0.5, uy * head + ux * head * 0.5));
        h.lineTo(tip - QPointF(ux * head + uy * head * 0.5, uy * head - ux * head * 0.5));
        h.closeSubpath();
        p.drawPath(h);
      }
  };
  // Dark arrows read on the light diverging map; the viridis map (‖v‖) is dark, so white there.
  const bool viridis = c.mapping.map == ColorMapKind::Viridis;
  drawArrows(c.exactArrows, wganExactColor(viridis));
  drawArrows(c.arrows, viridis ? QColor(Qt::white) : QColor(0x20, 0x20, 0x20));
  p.restore();

  // Frame and axis ticks in the theme's text colour.
  p.setPen(palette().color(QPalette::WindowText));
  p.setBrush(Qt::NoBrush);
  p.drawRect(rect);
  // Round tick values (1, 2 or 5 × 10^k, about five across) rather than box/2 = 5.75.
  const double raw = c.box / 2.0;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double step = raw / mag >= 5 ? 5 * mag : raw / mag >= 2 ? 2 * mag : mag;
  for (double k = std::ceil(-c.box / step); k * step <= c.box + 1e-9; k += 1.0) {
    const double v = k * step;
    const QString t = QString::number(v, 'g', 3);
    const QPointF px = toPx(v, -c.box), py = toPx(-c.box, v);
    p.drawLine(QPointF(px.x(), rect.bottom()), QPointF(px.x(), rect.bottom() + 3));
    // Keep the last label inside the widget (the frame ends 8 px from the right edge).
    const double lx = std::min(px.x() - 30, width() - 60.0);
    p.drawText(QRectF(lx, rect.bottom() + 3, 60, fm.height()),
               px.x() - 30 > lx ? Qt::AlignRight : Qt::AlignHCenter, t);
    p.drawLine(QPointF(rect.left() - 3, py.y()), QPointF(rect.left(), py.y()));
    p.drawText(QRectF(0, py.y() - fm.height() / 2.0, rect.left() - 5, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, t);
  }
}

}  // namespace latentlab::ui
