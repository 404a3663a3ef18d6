// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Attention-rank figure's mixed-heads panel: one heat map per forward/backward head with its
// mask and exact log det (each head triangular, so full rank).
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "ui/common/figure_label.h"
#include "ui/common/heatmap_view.h"
#include "ui/pages/attention/attention_rank_figure.h"

namespace latentlab::ui {

QWidget* AttentionRankFigure::buildHeads() {
  auto* w = new QWidget(this);
  auto* l = new QVBoxLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  auto* grid = new QWidget(w);
  m_headsGrid = new QGridLayout(grid);
  m_headsGrid->setContentsMargins(0, 0, 0, 0);
  for (auto& h : m_headMaps) {
    h = new HeatmapView(grid);
    h->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    h->setVisible(false);
  }
  m_headsNote = makeFigureLabel(w, 3);
  l->addWidget(grid, 1);
  l->addWidget(m_headsNote);
  return w;
}

void AttentionRankFigure::fillHeads(const attention::AttentionRankParams& p,
                                    const attention::AttentionRankResult& r) const {
  const int heads = std::min<int>(kMaxHeads, static_cast<int>(r.mixed.maps.size()));
  // Near-square grid, wider than tall: 4 heads → 2×2, 6 → 3×2, 16 → 4×4.
  const int cols = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(heads)))));
  for (int h = 0; h < kMaxHeads; ++h) {
    HeatmapView* view = m_headMaps[static_cast<std::size_t>(h)];
    m_headsGrid->removeWidget(view);
    view->setVisible(h < heads);
  }
  for (int c = 0; c < kMaxHeads; ++c) {
    m_headsGrid->setColumnStretch(c, c < cols ? 1 : 0);
    m_headsGrid->setRowStretch(c, c < (heads + cols - 1) / cols ? 1 : 0);
  }
  for (int h = 0; h < heads; ++h) {
    HeatmapView* view = m_headMaps[static_cast<std::size_t>(h)];
    m_headsGrid->addWidget(view, h / cols, h % cols);
    const auto hu = static_cast<std::size_t>(h);
    const attention::Mask mask = attention::mixedHeadMask(h, p.heads);
    Eigen::MatrixXd shown = r.mixed.maps[hu];
    for (Eigen::Index i = 0; i < shown.rows(); ++i)
      for (Eigen::Index j = 0; j < shown.cols(); ++j)
        if (!attention::maskAllows(mask, i, j)) shown(i, j) = std::nan("");
    view->setMatrix(shown, ColorMapping::fit(shown, ColorMapKind::Viridis,
                                             p.logColour ? ColorScale::Log : ColorScale::Linear));
    view->setAxisTitles(tr("query i"), tr("key j"));
    view->setTitle(tr("Head %1, %2: log det %3")
                       .arg(h + 1)
                       .arg(r.mixed.forward[hu] ? tr("forward") : tr("backward"))
                       .arg(r.mixed.logDet[hu], 0, 'g', 6));
  }
  double minDiag = 1.0;
  for (double v : r.mixed.minDiagonal) minDiag = std::min(minDiag, v);
  const QString block = r.n > attention::kHeadMapLimit
                            ? tr(" Maps show the first %1 queries and keys of n = %2.")
                                  .arg(attention::kHeadMapLimit)
                                  .arg(r.n)
                            : QString();
  m_headsNote->setText(
      tr("Forward/backward-mixed design: heads 1…%1 are causal (lower triangular), heads "
         "%2…%3 backward (upper triangular), %4. Each head is triangular with a positive diagonal "
         "(smallest A<sub>ii</sub> over all heads %5), so each has full rank n = %6; log det is "
         "exact by the diagonal formula Σ ln A<sub>ii</sub>.%7")
          .arg(p.heads / 2 + p.heads % 2)
          .arg(p.heads / 2 + p.heads % 2 + 1)
          .arg(p.heads)
          .arg(p.source == attention::QkSource::Gaussian
                   ? tr("each with its own Q, K (seed + 1 + h)")
                   : tr("all on the same Q, K (they differ by their mask)"))
          .arg(minDiag, 0, 'g', 3)
          .arg(r.n)
          .arg(block));
}

}  // namespace latentlab::ui
