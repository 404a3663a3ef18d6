// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QColor>
#include <QWidget>
#include <array>

#include "latentlab/attention/attention_rank.h"

class QGridLayout;
class QLabel;
class QStackedWidget;
class QTableWidget;

namespace latentlab::ui {

class ChartView;
class HeatmapView;

/// Colour of each mask, the same on every chart of the page (reads on light and dark).
QColor maskColor(attention::MaskKind kind);
/// "Bidirectional", "Prefix-LM (m = 64)", "Causal (forward)", "Backward".
QString maskName(const attention::Mask& mask);
/// Heat-map title sized: "Causal", "Prefix m = 64".
QString maskShortName(const attention::Mask& mask);

/// The Attention-rank page's figure: one panel per RankView in a stack; show() fills the panel
/// of params.view from plain result data. The page shows one instance and export makes another.
class AttentionRankFigure : public QWidget {
  Q_OBJECT
 public:
  explicit AttentionRankFigure(QWidget* parent = nullptr);

  void show(const attention::AttentionRankParams& params,
            const attention::AttentionRankResult& result, const attention::RankSweepResult* sweep,
            const attention::DepthResult* depth);

  /// For tests: the panels' widgets.
  ChartView* spectraChart() const { return m_spectra; }
  QTableWidget* metricsTable() const { return m_metrics; }
  const std::array<HeatmapView*, 4>& heatmaps() const { return m_heat; }

 private:
  QWidget* buildOverview();
  QWidget* buildHeatmaps();
  QWidget* buildSpectra();
  QWidget* buildMetrics();
  QWidget* buildSweeps();
  QWidget* buildDepth();
  QWidget* buildHeads();

  void fillHeatmaps(const std::array<HeatmapView*, 4>& views,
                    const attention::AttentionRankParams& p,
                    const attention::AttentionRankResult& r) const;
  void fillSpectra(ChartView* chart, const attention::AttentionRankResult& r) const;
  void fillMetrics(QTableWidget* table, const attention::AttentionRankParams& p,
                   const attention::AttentionRankResult& r, bool compact) const;
  void fillClaims(QLabel* label, const attention::AttentionRankResult& r) const;
  void fillSweeps(const attention::AttentionRankParams& p, const attention::AttentionRankResult& r,
                  const attention::RankSweepResult* sweep) const;
  void fillDepth(const attention::AttentionRankParams& p,
                 const attention::DepthResult* depth) const;
  void fillHeads(const attention::AttentionRankParams& p,
                 const attention::AttentionRankResult& r) const;

  QLabel* m_title = nullptr;
  QStackedWidget* m_stack = nullptr;
  // Overview: small copies of the heat maps, spectra and metrics, plus the claims text.
  std::array<HeatmapView*, 4> m_ovHeat{};
  ChartView* m_ovSpectra = nullptr;
  QTableWidget* m_ovMetrics = nullptr;
  QLabel* m_ovClaims = nullptr;
  std::array<HeatmapView*, 4> m_heat{};
  QLabel* m_heatNote = nullptr;
  ChartView* m_spectra = nullptr;
  QLabel* m_spectraNote = nullptr;
  QTableWidget* m_metrics = nullptr;
  QLabel* m_metricsNote = nullptr;
  ChartView* m_sweepRank = nullptr;
  ChartView* m_sweepErank = nullptr;
  QLabel* m_sweepNote = nullptr;
  ChartView* m_depthR = nullptr;
  ChartView* m_depthRatio = nullptr;
  QLabel* m_depthNote = nullptr;
  // Mixed heads: one heat map per head (up to 16), laid out in a near-square grid.
  static constexpr int kMaxHeads = 16;
  std::array<HeatmapView*, kMaxHeads> m_headMaps{};
  QGridLayout* m_headsGrid = nullptr;
  QLabel* m_headsNote = nullptr;
};

}  // namespace latentlab::ui
