// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/flows/reflow_canvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace latentlab::ui {

ReflowCanvas::ReflowCanvas(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setMouseTracking(false);
}

void ReflowCanvas::clear() {
  m_layers.clear();
  m_density = QImage();
  m_title.clear();
}

void ReflowCanvas::addPoints(const Eigen::MatrixXd& points, QColor color, double radius,
                             int maxPoints) {
  Layer l{Layer::Points, {{}}, color, radius};
  // Draw at most maxPoints, evenly strided, so 10⁵ particles stay fast to paint.
  const Eigen::Index n = points.rows();
  const Eigen::Index stride = std::max<Eigen::Index>(1, n / std::max(1, maxPoints));
  for (Eigen::Index i = 0; i < n; i += stride) l.lines[0].emplace_back(points(i, 0), points(i, 1));
  m_layers.push_back(std::move(l));
}

void ReflowCanvas::addPaths(const std::vector<Eigen::MatrixXd>& paths, QColor color, double width) {
  Layer l{Layer::Paths, {}, color, width};
  for (const auto& p : paths) {
    std::vector<QPointF> line;
    for (Eigen::Index i = 0; i < p.rows(); ++i) line.emplace_back(p(i, 0), p(i, 1));
    l.lines.push_back(std::move(line));
  }
  m_layers.push_back(std::move(l));
}

void ReflowCanvas::addSegments(const Eigen::MatrixXd& from, const Eigen::MatrixXd& to, QColor color,
                               double width) {
  Layer l{Layer::Segments, {}, color, width};
  for (Eigen::Index i = 0; i < std::min(from.rows(), to.rows()); ++i)
    l.lines.push_back({QPointF(from(i, 0), from(i, 1)), QPointF(to(i, 0), to(i, 1))});
  m_layers.push_back(std::move(l));
}

void ReflowCanvas::addArrows(const Eigen::MatrixXd& base, const Eigen::MatrixXd& vel,
                             double spacing, QColor color) {
  if (base.rows() == 0) return;
  const double vmax = vel.rowwise().norm().maxCoeff();
  const double scale = vmax > 0 ? 0.9 * spacing / vmax : 0.0;
  Layer l{Layer::Segments, {}, color, 1.3};
  for (Eigen::Index i = 0; i < base.rows(); ++i) {
    const QPointF a(base(i, 0), base(i, 1));
    const QPointF d(vel(i, 0) * scale, vel(i, 1) * scale);
    const QPointF b = a + d;
    l.lines.push_back({a, b});
    // Arrow head: two short strokes at ±25° back from the tip.
    const double len = std::hypot(d.x(), d.y());
    if (len < 1e-9) continue;
    const double ang = std::atan2(d.y(), d.x()), hl = 0.35 * len;
    for (double s : {2.7, -2.7})
      l.lines.push_back({b, b + QPointF(hl * std::cos(ang + s), hl * std::sin(ang + s))});
  }
  m_layers.push_back(std::move(l));
}

QRectF ReflowCanvas::plotRect() const {
  const QFontMetrics fm(font());
  const double top = m_title.isEmpty() ? 4 : fm.height() + 6;
  const double left = fm.horizontalAdvance(QStringLiteral("−10")) + 8, bottom = fm.height() + 6;
  const double side = std::max(10.0, std::min(width() - left - 6, height() - top - bottom));
  const double x = left + (width() - left - 6 - side) / 2;
  return {x, top, side, side};
}

QPointF ReflowCanvas::toWidget(const QPointF& p) const {
  const QRectF r = plotRect();
  return {r.left() + (p.x() + m_box) / (2 * m_box) * r.width(),
          r.top() + (m_box - p.y()) / (2 * m_box) * r.height()};
}

QPointF ReflowCanvas::toData(const QPointF& w) const {
  const QRectF r = plotRect();
  return {(w.x() - r.left()) / r.width() * 2 * m_box - m_box,
          m_box - (w.y() - r.top()) / r.height() * 2 * m_box};
}

void ReflowCanvas::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF r = plotRect();
  const QColor text = palette().color(QPalette::WindowText);
  if (!m_title.isEmpty()) {
    p.setPen(text);
    p.drawText(QRectF(0, 0, width(), r.top()), Qt::AlignCenter, m_title);
  }
  if (!m_density.isNull()) {
    p.drawImage(r, m_density);
  } else {
    p.fillRect(r, QColor(0x20, 0x20, 0x30));  // dark field so the overlay colours read the same
  }
  p.setClipRect(r);
  for (const Layer& l : m_layers) {
    if (l.kind == Layer::Points) {
      p.setPen(Qt::NoPen);
      p.setBrush(l.color);
      for (const QPointF& q : l.lines[0]) p.drawEllipse(toWidget(q), l.size, l.size);
      continue;
    }
    p.setPen(QPen(l.color, l.size));
    p.setBrush(Qt::NoBrush);
    for (const auto& line : l.lines) {
      if (line.size() < 2) continue;
      QPainterPath path(toWidget(line[0]));
      for (std::size_t i = 1; i < line.size(); ++i) path.lineTo(toWidget(line[i]));
      p.drawPath(path);
    }
  }
  p.setClipping(false);
  p.setPen(text);
  p.setBrush(Qt::NoBrush);
  p.drawRect(r);
  // Integer ticks (every 2 or 5 units when the box is wide).
  const double stepTick = m_box > 12 ? 5.0 : (m_box > 5 ? 2.0 : 1.0);
  const QFontMetrics fm(font());
  for (double v = std::ceil(-m_box / stepTick) * stepTick; v <= m_box; v += stepTick) {
    const QPointF bx = toWidget({v, -m_box}), ly = toWidget({-m_box, v});
    const QString s = QString::number(v).replace(QLatin1Char('-'), QChar(0x2212));
    p.drawLine(bx, bx + QPointF(0, 4));
    p.drawText(QRectF(bx.x() - 20, bx.y() + 4, 40, fm.height()), Qt::AlignHCenter, s);
    p.drawLine(ly, ly - QPointF(4, 0));
    p.drawText(QRectF(0, ly.y() - fm.height() / 2.0, ly.x() - 6, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, s);
  }
}

void ReflowCanvas::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && plotRect().contains(event->position())) {
    m_dragging = true;
    if (onClicked) onClicked(toData(event->position()));
  }
  QWidget::mousePressEvent(event);
}

void ReflowCanvas::mouseMoveEvent(QMouseEvent* event) {
  // A drag that leaves the plot stops adding points there but resumes when it comes back.
  if (m_dragging && onDragged && (event->buttons() & Qt::LeftButton) &&
      plotRect().contains(event->position()))
    onDragged(toData(event->position()));
  QWidget::mouseMoveEvent(event);
}

void ReflowCanvas::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton) m_dragging = false;
  QWidget::mouseReleaseEvent(event);
}

}  // namespace latentlab::ui
