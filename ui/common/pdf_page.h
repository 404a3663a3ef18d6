// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// PDFs whose pages are exactly the size asked for.
#pragma once

#include <QByteArray>
#include <QSizeF>
#include <QString>
#include <functional>

class QPainter;
class QPdfWriter;

namespace latentlab::ui {

/// Paints a PDF in memory: pages of `points` (PostScript points), device pixels at 96 per inch,
/// no margins. `paint` draws (calling QPdfWriter::newPage between pages) and returns an error text
/// or an empty string. On success `out` holds the file with every page's MediaBox set exactly to
/// `points` (see setExactMediaBox) and the result is empty; otherwise it is the error.
QString paintPdf(const QSizeF& points, const QString& title, const QString& creator,
                 const std::function<QString(QPdfWriter&, QPainter&)>& paint, QByteArray& out);

/// Qt's PDF engine writes whole points into each page's MediaBox (170 mm becomes 482 pt, not
/// 481.89). This rewrites every "/MediaBox [0 0 W H]" with `points`, digit for digit in the same
/// number of bytes, so the cross-reference table's offsets stay valid. Returns how many boxes it
/// rewrote (0: none found, or one whose length it could not keep; `pdf` is then unchanged).
int setExactMediaBox(QByteArray& pdf, const QSizeF& points);

}  // namespace latentlab::ui
