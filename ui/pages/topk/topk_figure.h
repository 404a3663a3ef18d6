// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QColor>
#include <QWidget>
#include <functional>

#include "latentlab/topk/topk_lab.h"

class QLabel;
class QStackedWidget;
class QTableWidget;
class QListWidget;

namespace latentlab::ui {

class ChartView;
class HeatmapView;

/// Hard T_k and the raw scores: a mid grey that reads on light and dark backgrounds.
inline const QColor kHardColor{0x80, 0x80, 0x80};

/// Colour of a method, the same in every chart of the page.
QColor methodColor(topk::Method m);
QString methodName(topk::Method m);       // full label, for tables and titles
QString methodShortName(topk::Method m);  // legend-sized label

/// The Top-k page's figure: one panel per TopkView in a stack. The page shows one instance and
/// export makes another; show() fills the panel of params.view from plain data.
class TopkFigure : public QWidget {
  Q_OBJECT
 public:
  explicit TopkFigure(QWidget* parent = nullptr);

  void show(const topk::TopkLabParams& params, const topk::TopkLabResult& result,
            const topk::SpeedResult* speed);
  /// Gallery clicks (index into topk::counterExamples()).
  std::function<void(int)> onGalleryActivated;

 private:
  struct Bars {
    ChartView* chart;
    ChartView* zline;
    QLabel* summary;
  };
  struct Response {
    ChartView* focus;
    ChartView* methods;
  };
  struct Temperature {
    ChartView* focus;
    ChartView* l1;
  };
  struct Gradient {
    HeatmapView* jacobian;
    QLabel* badge;
    ChartView* traceTau;
    ChartView* traceSweep;
  };
  struct Threshold {
    ChartView* solver;
    ChartView* functions;
    QLabel* info;
  };
  struct Stability {
    HeatmapView* naive;
    HeatmapView* dp;
    ChartView* smoothSum;
  };

  QWidget* buildOverview();
  QWidget* buildBars(Bars& b);
  QWidget* buildResponse(Response& r);
  QWidget* buildTemperature(Temperature& t);
  QWidget* buildGradient(Gradient& g);
  QWidget* buildThreshold(Threshold& t);
  QWidget* buildStability(Stability& s);
  QWidget* buildGallery();
  QWidget* buildProperties();
  QWidget* buildSpeed();

  void fillBars(const Bars& b, const topk::TopkLabParams& p, const topk::TopkLabResult& r) const;
  void fillResponse(const Response& v, const topk::TopkLabParams& p,
                    const topk::TopkLabResult& r) const;
  void fillTemperature(const Temperature& v, const topk::TopkLabParams& p,
                       const topk::TopkLabResult& r) const;
  void fillJacobian(HeatmapView* view, QLabel* badge, const topk::TopkLabParams& p,
                    const topk::TopkLabResult& r) const;
  void fillGradient(const Gradient& v, const topk::TopkLabParams& p,
                    const topk::TopkLabResult& r) const;
  void fillThreshold(const Threshold& v, const topk::TopkLabParams& p,
                     const topk::TopkLabResult& r) const;
  void fillStability(const Stability& v, const topk::TopkLabParams& p,
                     const topk::TopkLabResult& r) const;
  void fillGallery(const topk::TopkLabParams& p) const;
  void fillProperties(const topk::TopkLabParams& p, const topk::TopkLabResult& r) const;
  void fillSpeed(const topk::SpeedResult* speed) const;

  QLabel* m_title = nullptr;
  QStackedWidget* m_stack = nullptr;
  // Overview re-uses small copies of the main views.
  Bars m_ovBars{};
  Response m_ovResponse{};
  Temperature m_ovTemperature{};
  HeatmapView* m_ovJacobian = nullptr;
  QLabel* m_ovBadge = nullptr;
  Bars m_bars{};
  Response m_response{};
  Temperature m_temperature{};
  Gradient m_gradient{};
  Threshold m_threshold{};
  Stability m_stability{};
  QListWidget* m_gallery = nullptr;
  QTableWidget* m_properties = nullptr;
  QLabel* m_propertiesNote = nullptr;
  ChartView* m_speed = nullptr;
  QLabel* m_speedNote = nullptr;
};

}  // namespace latentlab::ui
