// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QWidget>
#include <functional>

#include "latentlab/flows/reflow_lab.h"

class QLabel;
class QStackedWidget;

namespace latentlab::ui {

class ChartView;
class ColorBar;
class ReflowCanvas;

/// The ReFlow page's figure: title + one panel per view (flow, crossing pairs, 1-RF vs 2-RF,
/// quality vs NFE, reflow rounds), filled from plain result data.
class ReflowFigure : public QWidget {
  Q_OBJECT
 public:
  explicit ReflowFigure(QWidget* parent = nullptr);
  void show(const flows::ReflowLabParams& p, const flows::ReflowLabResult& r);
  /// Called with the data point when the user clicks a canvas (the page adds a drawn point).
  std::function<void(QPointF)> onCanvasClicked;
  /// Called for every mouse move of a drag that started on a canvas (drawn strokes).
  std::function<void(QPointF)> onCanvasDragged;
  /// "RFF ridge", "MLP", "NW kernel" (translated).
  static QString velocityName(flows::ReflowVelocity v);
  QString viewTitle() const;

 private:
  void fillFlow(const flows::ReflowLabParams& p, const flows::ReflowLabResult& r);
  void fillPairs(const flows::ReflowLabParams& p, const flows::ReflowLabResult& r);
  void fillCompare(const flows::ReflowLabParams& p, const flows::ReflowLabResult& r);
  void fillQuality(const flows::ReflowLabParams& p, const flows::ReflowLabResult& r);
  void fillRounds(const flows::ReflowLabParams& p, const flows::ReflowLabResult& r);

  QLabel* m_title = nullptr;
  QStackedWidget* m_stack = nullptr;
  ReflowCanvas* m_flow = nullptr;
  ColorBar* m_bar = nullptr;
  QLabel* m_flowInfo = nullptr;
  ReflowCanvas* m_pairsLeft = nullptr;
  ReflowCanvas* m_pairsRight = nullptr;
  QLabel* m_pairsInfo = nullptr;
  ReflowCanvas* m_cmp[2] = {nullptr, nullptr};
  QLabel* m_cmpInfo[2] = {nullptr, nullptr};
  ChartView* m_quality[2] = {nullptr, nullptr};
  QLabel* m_qualityInfo = nullptr;
  ChartView* m_rounds = nullptr;
  ChartView* m_roundsCost = nullptr;
  QLabel* m_roundsInfo = nullptr;
};

}  // namespace latentlab::ui
