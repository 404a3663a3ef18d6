// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/figure_label.h"

#include <QLabel>

namespace latentlab::ui {

QLabel* makeFigureLabel(QWidget* parent, int lines) {
  auto* l = new QLabel(parent);
  l->setWordWrap(true);
  l->setTextFormat(Qt::RichText);
  l->setTextInteractionFlags(Qt::TextSelectableByMouse);
  QSizePolicy sp = l->sizePolicy();
  sp.setHeightForWidth(false);
  l->setSizePolicy(sp);
  l->setMinimumHeight(lines * l->fontMetrics().lineSpacing() + 4);
  return l;
}

QLabel* makeFigureTitle(QWidget* parent) {
  auto* l = new QLabel(parent);
  QFont f = l->font();
  f.setBold(true);
  f.setPointSizeF(f.pointSizeF() * 1.15);
  l->setFont(f);
  return l;
}

}  // namespace latentlab::ui
