// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/figure_label.h"

#include <QLabel>
#include <QResizeEvent>
#include <algorithm>

namespace latentlab::ui {
namespace {

/// A wrapping label whose minimum height is what its text needs at its current width (never
/// less than `lines` lines). It does not ask for height-for-width — that makes grid layouts
/// ignore row stretch, so chart quadrants would no longer be equal — but a layout still never
/// squeezes it below its text: a narrow export wraps the note onto more lines instead of
/// cutting its last ones.
class FigureLabel : public QLabel {
 public:
  FigureLabel(QWidget* parent, int lines) : QLabel(parent), m_lines(lines) {}
  QSize minimumSizeHint() const override {
    const QSize base = QLabel::minimumSizeHint();
    const int floor = m_lines * fontMetrics().lineSpacing() + 4;
    // Before a layout has given the label its width there is nothing to measure against.
    const int need = text().isEmpty() || !m_placed ? 0 : heightForWidth(width());
    return {base.width(), std::max(floor, need)};
  }

 protected:
  void resizeEvent(QResizeEvent* event) override {
    QLabel::resizeEvent(event);
    m_placed = true;
    if (event->size().width() != event->oldSize().width()) updateGeometry();
  }

 private:
  int m_lines;
  bool m_placed = false;
};

}  // namespace

QLabel* makeFigureLabel(QWidget* parent, int lines) {
  auto* l = new FigureLabel(parent, lines);
  l->setWordWrap(true);
  l->setTextFormat(Qt::RichText);
  l->setTextInteractionFlags(Qt::TextSelectableByMouse);
  QSizePolicy sp = l->sizePolicy();
  sp.setHeightForWidth(false);
  l->setSizePolicy(sp);
  return l;
}

QLabel* makeFigureTitle(QWidget* parent) {
  auto* l = new QLabel(parent);
  QFont f = l->font();
  f.setBold(true);
  f.setPointSizeF(f.pointSizeF() * 1.15);
  l->setFont(f);
  // A long title ("Memory accountant — L = 12, h = 768, …") wraps on a narrow figure.
  l->setWordWrap(true);
  return l;
}

}  // namespace latentlab::ui
