// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QWidget>

#include "latentlab/quantization/grid_lab.h"
#include "latentlab/quantization/grid_sweep.h"

class QLabel;
class QStackedWidget;

namespace latentlab::ui {

class ChartView;
class GridSweepPanel;
class HeatmapView;
class PlaneView;

/// The "FSQ vs VQ grid" figure: one panel per GridView in a stack. The page shows
/// one instance and export makes another; show() fills the panel of params.view from plain data.
class QuantGridFigure : public QWidget {
  Q_OBJECT
 public:
  explicit QuantGridFigure(QWidget* parent = nullptr);
  /// `source` names the image of the "image patches" point cloud (shown in the title).
  /// `sweep` feeds the "Usage vs K" view (null while it is computed).
  void show(const quantization::GridLabParams& params, const quantization::GridLabResult& result,
            const QString& source = {}, const quantization::GridSweepResult* sweep = nullptr);

  /// The panels, for tests.
  PlaneView* fsqPlane() const { return m_fsq; }
  PlaneView* vqPlane() const { return m_vq; }
  QLabel* summary() const { return m_summary; }
  GridSweepPanel* sweepPanel() const { return m_sweep; }

 private:
  QWidget* buildOverview();
  QWidget* buildFsq();
  QWidget* buildVq();
  QWidget* buildUsage();
  void fillUsage(ChartView* chart, const quantization::GridLabParams& p,
                 const quantization::GridLabResult& r) const;
  void fillCurve(ChartView* chart, const quantization::GridLabParams& p,
                 const quantization::GridLabResult& r) const;
  QString summaryText(const quantization::GridLabParams& p,
                      const quantization::GridLabResult& r) const;

  QLabel* m_title = nullptr;
  QStackedWidget* m_stack = nullptr;
  // Overview.
  PlaneView* m_ovFsq = nullptr;
  PlaneView* m_ovVq = nullptr;
  ChartView* m_ovUsage = nullptr;
  QLabel* m_ovSummary = nullptr;
  // FSQ view.
  PlaneView* m_fsq = nullptr;
  HeatmapView* m_fsqGrid = nullptr;
  QLabel* m_fsqInfo = nullptr;
  // VQ view.
  PlaneView* m_vq = nullptr;
  ChartView* m_vqCurve = nullptr;
  QLabel* m_vqInfo = nullptr;
  // Usage view.
  ChartView* m_usage = nullptr;
  ChartView* m_curve = nullptr;
  QLabel* m_summary = nullptr;
  // Usage vs K view.
  GridSweepPanel* m_sweep = nullptr;
};

}  // namespace latentlab::ui
