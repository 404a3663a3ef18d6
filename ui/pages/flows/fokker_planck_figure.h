// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QWidget>

#include "latentlab/flows/fp_lab.h"

class QLabel;
class QStackedWidget;

namespace latentlab::ui {

class ChartView;
class FpDensityCanvas;

/// The Fokker–Planck figure: a title and one panel per view, filled from a
/// cached frame of FpLabResult. Changing the frame only refills; nothing is recomputed.
class FokkerPlanckFigure : public QWidget {
  Q_OBJECT
 public:
  explicit FokkerPlanckFigure(QWidget* parent = nullptr);
  void show(const flows::FpLabParams& params, const flows::FpLabResult& result, int frame);

 private:
  struct Column {  // one family (SDE or σ-SDE) in the compare view
    FpDensityCanvas* canvas = nullptr;
    ChartView* curves = nullptr;  // 1-D: histogram vs PDE
    ChartView* paths = nullptr;   // 1-D: x(t)
    QLabel* readout = nullptr;
  };
  QWidget* buildDensity();
  QWidget* buildCompare();
  QWidget* buildMetrics();
  QWidget* buildWeakForm();
  QWidget* buildResidual();  // fokker_planck_residual.cpp
  void fillDensity(const flows::FpLabParams& p, const flows::FpLabResult& r, int frame);
  void fillColumn(Column& c, bool sigmaFamily, const flows::FpLabParams& p,
                  const flows::FpLabResult& r, int frame);
  void fillMetrics(const flows::FpLabResult& r, int frame);
  void fillWeakForm(const flows::FpLabParams& p, const flows::FpLabResult& r, int frame);
  void fillResidual(const flows::FpLabParams& p, const flows::FpLabResult& r, int frame);

  QLabel* m_title = nullptr;
  QStackedWidget* m_stack = nullptr;
  FpDensityCanvas* m_canvas = nullptr;
  ChartView* m_curves = nullptr;
  ChartView* m_paths = nullptr;
  QLabel* m_densityReadout = nullptr;
  Column m_left, m_right;
  ChartView* m_tv = nullptr;
  ChartView* m_mean = nullptr;
  ChartView* m_var = nullptr;
  ChartView* m_mass = nullptr;
  ChartView* m_wf = nullptr;
  ChartView* m_wfMean = nullptr;
  QLabel* m_wfNote = nullptr;
  ChartView* m_residual = nullptr;
  QLabel* m_residualNote = nullptr;
};

}  // namespace latentlab::ui
