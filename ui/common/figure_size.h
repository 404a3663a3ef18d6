// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// A figure's size, in pixels or in a physical unit, and what each means for PNG, SVG and PDF.
#pragma once

#include <QSize>
#include <QSizeF>
#include <QString>

namespace latentlab::ui {

/// How big an exported figure is.
///
/// - Pixel size (`points` empty): a PNG is `size` pixels with `dpi` written into it; SVG and PDF
///   pages are the same physical size, `size / dpi` inches (1600×1000 at 144 dpi: 800×500 pt).
/// - Physical size (`points` set, in PostScript points, 72 per inch): SVG and PDF pages are
///   exactly `points`; a PNG is `points / 72 × dpi` pixels. `size` is ignored.
///
/// Either way the figure lays out at 96 layout pixels per inch of paper, so text keeps its point
/// size on the page.
struct FigureOptions {
  QSize size{1600, 1000};  // pixels, 200..8000 each
  int dpi = 144;           // PNG resolution (and the pixel size's inches); 72..1200
  bool printTheme = true;  // light print palette (default) instead of the app theme
  QSizeF points{};         // physical size in points (150..6000 each), or empty for `size`
  QString unit{};          // the unit `points` was given in ("mm", "cm", "in", "pt"), for display
  bool caption = true;     // a caption line under the figure: its source and key parameters
  bool article = false;    // the page's Article panel (claim, formulas, live numbers) beside it
};

constexpr double kLayoutDpi = 96.0;        // figures lay out in logical pixels at this density
constexpr double kMinSidePoints = 150.0;   // ≈ 53 mm: the narrowest figure that still lays out
constexpr double kMaxSidePoints = 6000.0;  // ≈ 2.1 m

/// The SVG/PDF page in points.
QSizeF pagePoints(const FigureOptions& options);
/// The PNG's pixels.
QSize pixelSize(const FigureOptions& options);
/// The size the figure's widgets are laid out at (96 per inch of `pagePoints`, at least 1:1 with
/// the pixels of a pixel size below 96 dpi, as before units existed).
QSize layoutSize(const FigureOptions& options);
/// An error text for options exportFigure refuses, or an empty string. `raster`: a PNG is asked
/// for, whose pixel count must also stay within 8000 per side.
QString checkFigureOptions(const FigureOptions& options, bool raster);

/// Parses "1600x1000" (pixels) or a physical size "170x110mm", "17x11cm", "6.7x4.3in",
/// "482x312pt" into `options` (size or points). Returns an error text, or an empty string.
QString parseFigureSize(const QString& text, FigureOptions& options);
/// The size as the user gave it: "1600 × 1000 px", "170 × 110 mm".
QString describeFigureSize(const FigureOptions& options);

/// Points per one of `unit` ("mm", "cm", "in", "pt"); 0 for anything else.
double pointsPerUnit(const QString& unit);

}  // namespace latentlab::ui
