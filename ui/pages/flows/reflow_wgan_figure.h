// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QWidget>
#include <array>

#include "latentlab/flows/wgan_lab.h"

class QGridLayout;
class QLabel;
class QStackedWidget;

namespace latentlab::ui {

class ChartView;
class ColorBar;
class ReflowWganCanvas;

/// The ReFlow → WGAN-GP figure: a title and one panel per flows::WganView.
/// show() fills the panel of params.view for the snapshot params.round (clamped).
class ReflowWganFigure : public QWidget {
  Q_OBJECT
 public:
  explicit ReflowWganFigure(QWidget* parent = nullptr);

  void show(const flows::WganLabParams& p, const flows::WganLabResult& r);
  /// The expected behaviour of the variant (rich text), shown under each view.
  static QString expectedBehaviour(flows::WganVariant variant);
  /// What to expect when a generator, not free particles, is moved (rich text).
  static QString generatorNote();

  ReflowWganCanvas* canvas() const { return m_canvas; }
  ChartView* chart(int i) const { return m_charts.at(static_cast<std::size_t>(i)); }

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  QWidget* buildField();
  void arrangeField(bool wide);
  QWidget* buildCharts();
  void fillField(const flows::WganLabParams& p, const flows::WganLabResult& r, int round);
  void fillCharts(const flows::WganLabParams& p, const flows::WganLabResult& r, int round);

  QLabel* m_title = nullptr;
  QStackedWidget* m_stack = nullptr;
  ReflowWganCanvas* m_canvas = nullptr;
  ColorBar* m_colorBar = nullptr;
  QLabel* m_legend = nullptr;
  QLabel* m_fieldNote = nullptr;
  QGridLayout* m_fieldGrid = nullptr;
  ChartView* m_fieldChart = nullptr;  // SW2 over rounds beside a wide figure's map
  bool m_wideField = false;
  std::array<ChartView*, 5> m_charts{};
  QLabel* m_chartsNote = nullptr;
};

}  // namespace latentlab::ui
