// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Dense>
#include <QColor>
#include <QImage>
#include <QWidget>
#include <functional>
#include <vector>

namespace latentlab::ui {

/// Square 2-D canvas on [−box, box]² for the ReFlow page: an optional density image under
/// points, polylines, straight segments and velocity arrows (short line segments with a head).
/// Clicking and dragging report points in data coordinates (drawn targets).
class ReflowCanvas : public QWidget {
  Q_OBJECT
 public:
  explicit ReflowCanvas(QWidget* parent = nullptr);

  void clear();
  void setTitle(const QString& title) { m_title = title; }
  void setBox(double box) { m_box = box; }
  /// Row 0 is the top of the box (y = +box).
  void setDensity(const QImage& image) { m_density = image; }
  void addPoints(const Eigen::MatrixXd& points, QColor color, double radius, int maxPoints = 4000);
  void addPaths(const std::vector<Eigen::MatrixXd>& paths, QColor color, double width);
  void addSegments(const Eigen::MatrixXd& from, const Eigen::MatrixXd& to, QColor color,
                   double width);
  /// Arrows from `base` along `vel` scaled so the longest is 0.9 lattice spacings.
  void addArrows(const Eigen::MatrixXd& base, const Eigen::MatrixXd& vel, double spacing,
                 QColor color);
  /// Data point under a widget position (for tests and clicks).
  QPointF toData(const QPointF& widgetPos) const;
  QPointF toWidget(const QPointF& dataPos) const;

  std::function<void(QPointF)> onClicked;
  /// While the left button is held after a press on the plot: every mouse move, in data units.
  std::function<void(QPointF)> onDragged;

  QSize sizeHint() const override { return {360, 360}; }
  QSize minimumSizeHint() const override { return {160, 160}; }

 protected:
  void paintEvent(QPaintEvent*) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  QRectF plotRect() const;
  struct Layer {
    enum Kind { Points, Paths, Segments } kind;
    std::vector<std::vector<QPointF>> lines;  // Points: one list; Paths: polylines; Segments: pairs
    QColor color;
    double size;
  };
  std::vector<Layer> m_layers;
  QImage m_density;
  QString m_title;
  double m_box = 3.0;
  bool m_dragging = false;
};

}  // namespace latentlab::ui
