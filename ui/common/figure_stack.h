// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QStackedWidget>

namespace latentlab::ui {

/// The views of a figure, one shown at a time. Unlike QStackedWidget, whose minimum is the
/// largest of every view's, it asks only for the view shown: the five charts of a hidden view
/// no longer force a 1000 × 700 export of the map view to be drawn larger and scaled down.
class FigureStack : public QStackedWidget {
 public:
  explicit FigureStack(QWidget* parent = nullptr) : QStackedWidget(parent) {
    connect(this, &QStackedWidget::currentChanged, this, [this] { updateGeometry(); });
  }
  QSize minimumSizeHint() const override {
    const QWidget* w = currentWidget();
    return w ? w->minimumSizeHint().expandedTo(w->minimumSize()) : QSize(0, 0);
  }
  QSize sizeHint() const override {
    const QWidget* w = currentWidget();
    return w ? w->sizeHint() : QSize(0, 0);
  }
};

}  // namespace latentlab::ui
