// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/figure_mode.h"

#include <QAbstractScrollArea>
#include <QVariant>
#include <QWidget>

namespace latentlab::ui {
namespace {
constexpr const char* kModeProperty = "latentlabFigureMode";
constexpr const char* kScreenOnlyProperty = "latentlabScreenOnly";
}  // namespace

void setFigureMode(QWidget* figure, FigureMode mode) {
  figure->setProperty(kModeProperty, mode == FigureMode::Export ? QStringLiteral("export")
                                                                : QStringLiteral("screen"));
}

bool isExportFigure(const QWidget* widget) {
  for (const QWidget* w = widget; w; w = w->parentWidget()) {
    const QVariant mode = w->property(kModeProperty);
    if (mode.isValid()) return mode.toString() == QLatin1String("export");
  }
  return false;
}

void markScreenOnly(QWidget* widget) { widget->setProperty(kScreenOnlyProperty, true); }

bool isScreenOnly(const QWidget* widget) { return widget->property(kScreenOnlyProperty).toBool(); }

QString screenHint(const QWidget* widget, const QString& hint) {
  return isExportFigure(widget) ? QString() : hint;
}

void applyExportMode(QWidget* figure) {
  for (QWidget* child : figure->findChildren<QWidget*>()) {
    if (isScreenOnly(child)) child->hide();
    if (auto* area = qobject_cast<QAbstractScrollArea*>(child)) {
      area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
      area->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }
  }
}

}  // namespace latentlab::ui
