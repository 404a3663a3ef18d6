// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Dense>
#include <QColor>
#include <QImage>

namespace latentlab::ui {

/// Perceptual (viridis), diverging (blue–white–red, centred on 0) and grey colour maps.
enum class ColorMapKind { Viridis, Diverging, Grey };
/// How values map to [0, 1] before colouring. Symmetric: [−a, a] with a = max |v| (diverging).
enum class ColorScale { Linear, Log, Symmetric };

struct ColorMapping {
  ColorMapKind map = ColorMapKind::Viridis;
  ColorScale scale = ColorScale::Linear;
  double lo = 0.0, hi = 1.0;  // value range (Symmetric: lo = −hi); Log needs lo > 0

  QColor color(double v) const;      // NaN → mid grey; out of range clamps
  double normalise(double v) const;  // position in [0, 1]
  /// Range from data: min/max (Linear), positive min/max (Log), ±max|v| (Symmetric).
  static ColorMapping fit(const Eigen::Ref<const Eigen::MatrixXd>& m, ColorMapKind map,
                          ColorScale scale);
};

/// Colours a matrix into an image of the same size (row i → image row i). Built off the GUI
/// thread is fine (QImage only).
QImage colorize(const Eigen::Ref<const Eigen::MatrixXd>& m, const ColorMapping& mapping);

}  // namespace latentlab::ui
