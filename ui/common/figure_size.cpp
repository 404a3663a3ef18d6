// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/figure_size.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace latentlab::ui {
namespace {

constexpr int kMinPixels = 200, kMaxPixels = 8000;

// lupdate files these strings under the "FigureSize" context.
struct Tr {
  Q_DECLARE_TR_FUNCTIONS(FigureSize)
};

QSize rounded(const QSizeF& s) {
  return {static_cast<int>(std::lround(s.width())), static_cast<int>(std::lround(s.height()))};
}

QString number(double v) { return QString::number(v, 'g', 6); }

}  // namespace

double pointsPerUnit(const QString& unit) {
  if (unit == QLatin1String("pt")) return 1.0;
  if (unit == QLatin1String("in")) return 72.0;
  if (unit == QLatin1String("cm")) return 72.0 / 2.54;
  if (unit == QLatin1String("mm")) return 72.0 / 25.4;
  return 0.0;
}

QSizeF pagePoints(const FigureOptions& o) {
  if (!o.points.isEmpty()) return o.points;
  return QSizeF(o.size) * (72.0 / o.dpi);
}

QSize pixelSize(const FigureOptions& o) {
  if (o.points.isEmpty()) return o.size;
  return rounded(o.points * (o.dpi / 72.0));
}

QSize layoutSize(const FigureOptions& o) {
  if (!o.points.isEmpty()) return rounded(o.points * (kLayoutDpi / 72.0));
  // Below 96 dpi a pixel size lays out 1:1, so a 72-dpi PNG is not laid out larger than it is.
  const double scale = std::clamp(o.dpi / kLayoutDpi, 1.0, 8.0);
  return rounded(QSizeF(o.size) / scale);
}

QString checkFigureOptions(const FigureOptions& o, bool raster) {
  if (o.dpi < 36 || o.dpi > 1200) return Tr::tr("dpi %1 is out of range (36 to 1200)").arg(o.dpi);
  if (!o.points.isEmpty()) {
    const double w = o.points.width(), h = o.points.height();
    if (!(w >= kMinSidePoints && w <= kMaxSidePoints && h >= kMinSidePoints && h <= kMaxSidePoints))
      return Tr::tr(
                 "figure size %1 x %2 pt is out of range (%3 to %4 points, about 53 mm to 2.1 m, "
                 "each)")
          .arg(number(w), number(h), number(kMinSidePoints), number(kMaxSidePoints));
    const QSize px = pixelSize(o);
    if (raster && (px.width() > kMaxPixels || px.height() > kMaxPixels))
      return Tr::tr(
                 "figure size %1 at %2 dpi is %3 x %4 pixels, more than %5 per side; lower the "
                 "dpi")
          .arg(describeFigureSize(o))
          .arg(o.dpi)
          .arg(px.width())
          .arg(px.height())
          .arg(kMaxPixels);
    return {};
  }
  if (o.size.width() < kMinPixels || o.size.height() < kMinPixels || o.size.width() > kMaxPixels ||
      o.size.height() > kMaxPixels)
    return Tr::tr("figure size %1 x %2 is out of range (200 to 8000 pixels each)")
        .arg(o.size.width())
        .arg(o.size.height());
  return {};
}

QString parseFigureSize(const QString& text, FigureOptions& options) {
  static const QRegularExpression kPattern(QStringLiteral(
      "^\\s*(\\d{1,5}(?:\\.\\d{1,4})?)\\s*[xX×]\\s*(\\d{1,5}(?:\\.\\d{1,4})?)\\s*(px|mm|cm|in|pt)?"
      "\\s*$"));
  const auto match = kPattern.match(text);
  const QString usage =
      Tr::tr(
          "a size is WxH in pixels (1600x1000) or with a unit: 170x110mm, 17x11cm, 6.7x4.3in, "
          "482x312pt; got '%1'")
          .arg(text);
  if (!match.hasMatch()) return usage;
  const double w = match.captured(1).toDouble(), h = match.captured(2).toDouble();
  const QString unit = match.captured(3);
  FigureOptions out = options;
  if (unit.isEmpty() || unit == QLatin1String("px")) {
    if (w != std::floor(w) || h != std::floor(h))
      return Tr::tr("a size in pixels is whole numbers, got '%1'").arg(text);
    out.size = QSize(static_cast<int>(w), static_cast<int>(h));
    out.points = QSizeF();
    out.unit.clear();
  } else {
    out.points = QSizeF(w, h) * pointsPerUnit(unit);
    out.unit = unit;
  }
  if (QString error = checkFigureOptions(out, false); !error.isEmpty()) return error;
  options = out;
  return {};
}

QString describeFigureSize(const FigureOptions& o) {
  if (o.points.isEmpty())
    return QStringLiteral("%1 × %2 px").arg(o.size.width()).arg(o.size.height());
  const QString unit = pointsPerUnit(o.unit) > 0 ? o.unit : QStringLiteral("pt");
  const QSizeF v = o.points / pointsPerUnit(unit);
  return QStringLiteral("%1 × %2 %3").arg(number(v.width()), number(v.height()), unit);
}

}  // namespace latentlab::ui
