// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QWidget>

#include "latentlab/quantization/grid_sweep.h"

class QLabel;

namespace latentlab::ui {

class ChartView;

/// The grid page's "Usage vs K" panel: usage against log2 K for FSQ and VQ, fitted and
/// held out (the analogue of the paper's Fig. 3c), SNR against log2 K (Fig. 3a's analogue) and the
/// note on what this can and cannot reproduce.
class GridSweepPanel : public QWidget {
  Q_OBJECT
 public:
  explicit GridSweepPanel(QWidget* parent = nullptr);
  /// `sweep` null: the sweep is still running (or was cancelled); the charts are cleared.
  void show(const quantization::GridLabParams& params, const quantization::GridSweepResult* sweep);

  ChartView* usageChart() const { return m_usage; }
  ChartView* snrChart() const { return m_snr; }
  QLabel* note() const { return m_note; }

 private:
  ChartView* m_usage = nullptr;
  ChartView* m_snr = nullptr;
  QLabel* m_note = nullptr;
};

}  // namespace latentlab::ui
