// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QColor>
#include <QWidget>

#include "latentlab/finetune/side_tuning.h"

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace latentlab::ui {

class ChartView;

/// One colour per method on every chart (readable on light and dark backgrounds).
QColor tuneMethodColor(finetune::TuneMethod m);
QString tuneMethodName(finetune::TuneMethod m);

/// Backbone + side network drawn per method; tensors that receive gradients are filled in the
/// method's colour, blocks the backward pass crosses (dX only) are outlined, the rest is grey.
class LstDiagram : public QWidget {
  Q_OBJECT
 public:
  explicit LstDiagram(QWidget* parent = nullptr);
  void setModel(const finetune::ModelConfig& config, const std::vector<double>& gates);
  QSize minimumSizeHint() const override { return {360, 260}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  finetune::ModelConfig m_config;
  std::vector<double> m_gates;
};

/// The Side-tuning run figure: a title and one panel per finetune::SideView.
class LstRunFigure : public QWidget {
  Q_OBJECT
 public:
  explicit LstRunFigure(QWidget* parent = nullptr);
  /// Shows `result` (final or a streamed snapshot) in the view of `params`.
  void show(const finetune::SideTuningParams& params, const finetune::SideTuningResult& result,
            const QString& status);

 private:
  void fillCurves(const finetune::SideTuningResult& r, bool vsTime);
  void fillMeasured(const finetune::SideTuningResult& r);
  void fillGates(const finetune::SideTuningResult& r);
  void fillReference(const finetune::SideTuningResult& r);

  QLabel* m_title = nullptr;
  QLabel* m_status = nullptr;
  QStackedWidget* m_stack = nullptr;
  ChartView* m_loss[2] = {nullptr, nullptr};  // vs step, vs time
  ChartView* m_acc[2] = {nullptr, nullptr};
  QLabel* m_curveNote[2] = {nullptr, nullptr};
  ChartView* m_timeBars = nullptr;
  ChartView* m_tapeBars = nullptr;
  ChartView* m_paramBars = nullptr;
  QTableWidget* m_table = nullptr;
  QLabel* m_ratios = nullptr;
  LstDiagram* m_diagram = nullptr;
  QLabel* m_diagramNote = nullptr;
  ChartView* m_gates = nullptr;
  QLabel* m_gatesNote = nullptr;
  ChartView* m_clue = nullptr;
  QTableWidget* m_accTable = nullptr;
};

}  // namespace latentlab::ui
