// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QColor>
#include <QWidget>

#include "latentlab/attention/efficient_lab.h"

class QLabel;
class QStackedWidget;

namespace latentlab::ui {

class ChartView;
class HeatmapView;

/// One colour per method on every chart of the page; all read on light and dark backgrounds.
enum class EfficientMethod { Exact, Performer, TransformerVq, SoftVq };
QColor efficientColor(EfficientMethod m);

/// The Efficient attention figure: a title and one panel per attention::EfficientView in a stack.
/// show() fills the panel of params.view from plain data (screen, export and CLI alike).
class EfficientAttentionFigure : public QWidget {
  Q_OBJECT
 public:
  explicit EfficientAttentionFigure(QWidget* parent = nullptr);

  /// `timing` may be null (not measured yet): the timing view then shows the FLOP model for
  /// `timingParams` alone.
  void show(const attention::EfficientLabParams& p, const attention::EfficientLabResult& r,
            const attention::TimingResult* timing, const attention::TimingParams& timingParams);

  /// The Performer Â heat map (tests click it).
  HeatmapView* performerMap() const { return m_performer; }

 signals:
  /// A cell (query i, key j) of the Performer Â map was clicked (the Lemma-2 view inspects it).
  void performerCellClicked(int i, int j);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QWidget* buildMaps();
  QWidget* buildChartWithNote(ChartView*& chart, QLabel*& note);
  QWidget* buildAnalogy();
  QWidget* buildFeatures();
  QWidget* buildCache();
  QWidget* buildLemma();
  void fillMaps(const attention::EfficientLabParams& p, const attention::EfficientLabResult& r);
  void fillFeatures(const attention::EfficientLabParams& p, const attention::EfficientLabResult& r);
  void fillCodebook(const attention::EfficientLabParams& p, const attention::EfficientLabResult& r);
  void fillCache(const attention::EfficientLabParams& p, const attention::EfficientLabResult& r);
  void fillLemma(const attention::EfficientLabParams& p, const attention::EfficientLabResult& r);
  void fillAnalogy(const attention::EfficientLabParams& p, const attention::EfficientLabResult& r);
  void fillTiming(const attention::TimingResult* timing, const attention::TimingParams& tp);

  QLabel* m_title = nullptr;
  QStackedWidget* m_stack = nullptr;
  HeatmapView* m_exact = nullptr;
  HeatmapView* m_performer = nullptr;
  HeatmapView* m_vq = nullptr;
  HeatmapView* m_error = nullptr;
  QLabel* m_mapsNote = nullptr;
  ChartView* m_featuresA = nullptr;  // e_A vs m
  ChartView* m_featuresO = nullptr;  // e_O vs m
  QLabel* m_featuresNote = nullptr;
  ChartView* m_cacheCounts = nullptr;
  HeatmapView* m_cacheMeans = nullptr;
  QLabel* m_cacheNote = nullptr;
  ChartView* m_lemma = nullptr;
  QLabel* m_lemmaNote = nullptr;
  ChartView* m_codebook = nullptr;
  QLabel* m_codebookNote = nullptr;
  ChartView* m_softFeatures = nullptr;
  ChartView* m_softCodes = nullptr;
  ChartView* m_tau = nullptr;
  QLabel* m_analogyNote = nullptr;
  ChartView* m_timing = nullptr;
  QLabel* m_timingNote = nullptr;
};

}  // namespace latentlab::ui
