// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/computing_overlay.h"

#include <QEvent>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace latentlab::ui {

ComputingOverlay::ComputingOverlay(QWidget* figure) : QWidget(figure) {
  setObjectName(QStringLiteral("computingOverlay"));
  setAttribute(Qt::WA_TransparentForMouseEvents);
  setAttribute(Qt::WA_NoSystemBackground);
  setFocusPolicy(Qt::NoFocus);
  figure->installEventFilter(this);
  setGeometry(figure->rect());
  hide();
}

void ComputingOverlay::setMode(Mode mode) {
  if (mode == m_mode) return;
  m_mode = mode;
  update();
}

void ComputingOverlay::setProgress(double fraction) {
  const double f = std::isfinite(fraction) ? fraction : -1.0;
  if (f == m_progress) return;
  m_progress = f;
  update();
}

void ComputingOverlay::setDetail(const QString& detail) {
  if (detail == m_detail) return;
  m_detail = detail;
  update();
}

QString ComputingOverlay::text() const {
  const QString base =
      m_progress <= 0.0
          ? tr("Computing…")
          : tr("Computing… %1 %")
                .arg(static_cast<int>(std::floor(100.0 * std::min(m_progress, 1.0))));
  return m_detail.isEmpty() ? base : tr("%1 · %2").arg(base, m_detail);
}

bool ComputingOverlay::eventFilter(QObject* watched, QEvent* event) {
  if (watched == parent() && (event->type() == QEvent::Resize || event->type() == QEvent::Show)) {
    setGeometry(parentWidget()->rect());
    raise();
  }
  return QWidget::eventFilter(watched, event);
}

void ComputingOverlay::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QColor base = palette().color(QPalette::Window);
  QFont font = p.font();
  font.setBold(true);
  p.setFont(font);
  const QFontMetrics fm(font);
  const QString label = text();
  const QSize box(fm.horizontalAdvance(label) + 2 * fm.height(), 2 * fm.height());
  QRect badge;
  if (m_mode == Mode::Stale) {
    // A veil, so the old picture is visibly not the answer to the new parameters.
    QColor veil = base;
    veil.setAlpha(150);
    p.fillRect(rect(), veil);
    badge = QRect(QPoint(0, 0), box);
    badge.moveCenter(rect().center());
  } else {
    badge = QRect(QPoint(width() - box.width() - 8, 8), box);
  }
  QPainterPath path;
  path.addRoundedRect(badge, fm.height() / 2.0, fm.height() / 2.0);
  QColor fill = palette().color(QPalette::ToolTipBase);
  fill.setAlpha(230);
  p.fillPath(path, fill);
  p.setPen(palette().color(QPalette::Mid));
  p.drawPath(path);
  p.setPen(palette().color(QPalette::ToolTipText));
  p.drawText(badge, Qt::AlignCenter, label);
}

}  // namespace latentlab::ui
