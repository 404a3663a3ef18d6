// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>

class QWidget;

namespace latentlab::ui {

/// A page's figure is built for the screen (hover read-outs, "click a cell…" hints, scroll bars)
/// or for an exported file, which carries no instructions for a mouse.
enum class FigureMode { Screen, Export };

/// Marks a figure root; figures are Screen unless marked.
void setFigureMode(QWidget* figure, FigureMode mode);
/// Whether `widget` belongs to a figure marked Export (looks at it and its parents).
bool isExportFigure(const QWidget* widget);
/// A widget that only means something under a mouse (a hover read-out, a "click to…" line):
/// applyExportMode() hides it.
void markScreenOnly(QWidget* widget);
bool isScreenOnly(const QWidget* widget);
/// `hint` on screen, an empty string in an exported figure: for a hint inside a longer text.
QString screenHint(const QWidget* widget, const QString& hint);
/// Hides the screen-only widgets under `figure` and turns its scroll bars off.
void applyExportMode(QWidget* figure);

}  // namespace latentlab::ui
