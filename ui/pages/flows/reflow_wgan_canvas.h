// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Dense>
#include <QColor>
#include <QPointF>
#include <QWidget>
#include <functional>
#include <vector>

#include "ui/common/color_map.h"

namespace latentlab::ui {

/// Colours of the ReFlow → WGAN-GP overlays; all read on the blue–white–red critic map.
QColor wganParticleColor();
QColor wganRealColor();
QColor wganInterpolantColor();
/// Colour of the exact v*(x, 0) arrows on the critic map (diverging) or the ‖v‖ map (viridis).
QColor wganExactColor(bool viridis);

/// The critic plane: the critic heat map over [−box, box]² with iso-contours
/// (marching squares), ∇D arrows, interpolation points, real samples and particles. Click and drag
/// draws a stroke of target points, reported in data coordinates when the button is released.
class ReflowWganCanvas : public QWidget {
  Q_OBJECT
 public:
  explicit ReflowWganCanvas(QWidget* parent = nullptr);

  struct Content {
    Eigen::MatrixXd field;         // G × G, row 0 = top (y = +box)
    ColorMapping mapping;          // colouring of `field`
    double box = 3.0;
    Eigen::MatrixXd arrows;        // L² × 2 at the lattice (row-major from the top), may be empty
    Eigen::MatrixXd exactArrows;   // L² × 2 exact v*(x, 0) at the same lattice, may be empty
    double arrowScale = 1.0;       // the norm drawn as 0.9 lattice spacing (both arrow kinds)
    Eigen::MatrixXd interpolants;  // rows of points, may be empty
    Eigen::MatrixXd real;
    Eigen::MatrixXd particles;
    int contourLevels = 7;         // 0: none
  };
  void setContent(Content content);
  const Content& content() const { return m_content; }

  /// Called on release with the stroke's points (data coordinates, ≥ kStrokeSpacing apart).
  std::function<void(const std::vector<QPointF>&)> onStroke;
  /// The stroke being drawn (empty when the mouse is up).
  const std::vector<QPointF>& pendingStroke() const { return m_stroke; }
  QPointF toData(QPointF pixel) const;
  QPointF toPixel(QPointF data) const;
  QRectF plotRect() const;

  QSize sizeHint() const override { return {520, 520}; }
  QSize minimumSizeHint() const override { return {200, 200}; }

 protected:
  void paintEvent(QPaintEvent*) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  void addStrokePoint(QPointF pixel);

  Content m_content;
  std::vector<QPointF> m_stroke;  // data coordinates
  bool m_drawing = false;
};

}  // namespace latentlab::ui
