// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

class QLabel;
class QWidget;

namespace latentlab::ui {

/// A rich-text, word-wrapped, selectable label for figure captions, badges and tables of numbers.
/// Wrapping labels normally ask for height-for-width, which makes grid layouts ignore row stretch;
/// this one reserves `lines` lines instead, so chart cells keep equal sizes.
QLabel* makeFigureLabel(QWidget* parent, int lines = 2);

/// The bold, slightly larger title line above a page's figure.
QLabel* makeFigureTitle(QWidget* parent);

}  // namespace latentlab::ui
