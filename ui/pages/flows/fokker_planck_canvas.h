// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Dense>
#include <QColor>
#include <QImage>
#include <QWidget>
#include <vector>

#include "ui/common/color_map.h"

namespace latentlab::ui {

/// A 2-D density on [lo, hi]² drawn as an image with a colour bar, with particles (dots) and a
/// few trajectories (polylines) on top. HeatmapView has no overlays, hence this small canvas.
class FpDensityCanvas : public QWidget {
  Q_OBJECT
 public:
  explicit FpDensityCanvas(QWidget* parent = nullptr);

  void setTitle(const QString& title);
  /// density: n × n cell averages, row j = y_j (drawn with y up).
  void setDensity(const std::vector<double>& density, int n, double lo, double hi,
                  const ColorMapping& mapping);
  void setParticles(const Eigen::MatrixXd& xy, QColor color);
  /// Each path: rows = time points, cols = (x, y); drawn up to `rows` points.
  void setTrajectories(const std::vector<Eigen::MatrixXd>& paths, int rows, QColor color);

  QSize sizeHint() const override { return {420, 380}; }
  QSize minimumSizeHint() const override { return {200, 150}; }

 protected:
  void paintEvent(QPaintEvent*) override;

 private:
  QString m_title;
  QImage m_image;
  ColorMapping m_mapping;
  double m_lo = -1.0, m_hi = 1.0;
  Eigen::MatrixXd m_particles;
  QColor m_particleColor;
  std::vector<Eigen::MatrixXd> m_paths;
  int m_pathRows = 0;
  QColor m_pathColor;
};

}  // namespace latentlab::ui
