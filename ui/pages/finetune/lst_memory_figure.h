// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QColor>
#include <QWidget>

#include "latentlab/finetune/memory_model.h"

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace latentlab::ui {

class ChartView;
class StackedBarsWidget;

/// Colour of a fine-tuning method, the same in every chart of the page.
QColor memoryMethodColor(finetune::Method m);
QString memoryMethodName(finetune::Method m);

/// The Memory accountant's figure: a title and one panel per finetune::MemoryView.
class LstMemoryFigure : public QWidget {
  Q_OBJECT
 public:
  explicit LstMemoryFigure(QWidget* parent = nullptr);
  void show(const finetune::MemoryLabParams& p, const finetune::MemoryLabResult& r);

 private:
  QWidget* buildStack();
  QWidget* buildParams();
  QWidget* buildSweep();
  QWidget* buildPaper();
  QWidget* buildClue();
  void fillStack(const finetune::MemoryLabParams& p, const finetune::MemoryLabResult& r) const;
  void fillParams(const finetune::MemoryLabResult& r) const;
  void fillSweep(const finetune::MemoryLabParams& p, const finetune::MemoryLabResult& r) const;
  void fillPaper(const finetune::MemoryLabResult& r) const;
  void fillClue() const;

  QLabel* m_title = nullptr;
  QStackedWidget* m_stack = nullptr;
  StackedBarsWidget* m_bars = nullptr;
  QTableWidget* m_terms = nullptr;
  QLabel* m_stackNote = nullptr;
  ChartView* m_percent = nullptr;
  QTableWidget* m_checks = nullptr;
  ChartView* m_sweep = nullptr;
  QLabel* m_sweepNote = nullptr;
  ChartView* m_scatter = nullptr;
  QTableWidget* m_deviation = nullptr;
  QLabel* m_paperNote = nullptr;
  ChartView* m_clue = nullptr;
  QTableWidget* m_clueTable = nullptr;
  QLabel* m_clueNote = nullptr;
};

}  // namespace latentlab::ui
