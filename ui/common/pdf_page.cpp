// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/pdf_page.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>

#include "ui/common/figure_size.h"

namespace latentlab::ui {
namespace {

/// `value` with as many decimals as make it exactly `width` characters long, or empty when even
/// no decimals do not fit.
QByteArray fixedWidth(double value, qsizetype width) {
  for (int decimals = 0; decimals <= 12; ++decimals) {
    const QByteArray text = QByteArray::number(value, 'f', decimals);
    if (text.size() == width) return text;
    if (text.size() + 1 == width && decimals == 0) return text + ' ';  // still valid syntax
    if (text.size() > width) break;
  }
  return {};
}

}  // namespace

int setExactMediaBox(QByteArray& pdf, const QSizeF& points) {
  static const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
  QByteArray patched = pdf;
  int count = 0;
  // Latin-1 keeps one character per byte, so match offsets are byte offsets.
  const QString text = QString::fromLatin1(pdf);
  for (auto it = box.globalMatch(text); it.hasNext();) {
    const auto m = it.next();
    const QByteArray w = fixedWidth(points.width(), m.capturedLength(1));
    const QByteArray h = fixedWidth(points.height(), m.capturedLength(2));
    if (w.isEmpty() || h.isEmpty()) return 0;
    patched.replace(m.capturedStart(1), w.size(), w);
    patched.replace(m.capturedStart(2), h.size(), h);
    ++count;
  }
  if (count > 0) pdf = patched;
  return count;
}

QString paintPdf(const QSizeF& points, const QString& title, const QString& creator,
                 const std::function<QString(QPdfWriter&, QPainter&)>& paint, QByteArray& out) {
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  QString error;
  {
    QPdfWriter writer(&buffer);
    writer.setResolution(static_cast<int>(kLayoutDpi));
    writer.setPageSize(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(title);
    writer.setCreator(creator);
    QPainter p;
    if (!p.begin(&writer))
      return QCoreApplication::translate("FigureExport", "cannot start the PDF painter");
    error = paint(writer, p);
    p.end();
  }
  if (!error.isEmpty()) return error;
  out = buffer.data();
  setExactMediaBox(out, points);
  return {};
}

}  // namespace latentlab::ui
