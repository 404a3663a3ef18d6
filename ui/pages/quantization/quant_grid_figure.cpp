// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/quantization/quant_grid_figure.h"

#include <QGridLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "ui/common/chart_view.h"
#include "ui/common/figure_label.h"
#include "ui/common/figure_stack.h"
#include "ui/common/heatmap_view.h"
#include "ui/common/palette.h"
#include "ui/pages/quantization/quant_grid_plane.h"
#include "ui/pages/quantization/quant_grid_sweep_panel.h"

namespace latentlab::ui {

using namespace quantization;

namespace {

const QColor kFsqColor = hueColor(Hue::Fsq);
const QColor kVqColor = hueColor(Hue::Vq);
const QColor kNaiveColor(0xd6, 0x27, 0x28);

QString axisName(int dim) { return QuantGridFigure::tr("x%1").arg(dim + 1); }

QImage labelImage(const Eigen::MatrixXi& labels) {
  QImage img(static_cast<int>(labels.cols()), static_cast<int>(labels.rows()),
             QImage::Format_RGB32);
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) img.setPixel(x, y, codeColor(labels(y, x), false).rgb());
  return img;
}

QString pct(double f) { return QString::number(100.0 * f, 'f', 1) + QStringLiteral("%"); }

PlaneData makeFsqPlane(const GridLabParams& p, const GridLabResult& r) {
  PlaneData d;
  const Fsq fsq(r.levels, p.bound);
  const int a = r.planeA, b = r.planeB;
  const bool bounded = p.space == GridSpace::Bounded;
  const QString sliceNote =
      r.dims == 3 ? QuantGridFigure::tr(", cells at x%1 = %2").arg(3 - a - b + 1).arg(p.slice)
                  : QString();
  d.title =
      QuantGridFigure::tr("FSQ %1 = %2 codes%3")
          .arg(r.dims == 3
                   ? QStringLiteral("%1×%2×%3").arg(r.levels[0]).arg(r.levels[1]).arg(r.levels[2])
                   : QStringLiteral("%1×%2").arg(r.levels[0]).arg(r.levels[1]))
          .arg(fsq.codebookSize())
          .arg(sliceNote);
  const int ha = r.levels[static_cast<std::size_t>(a)] / 2,
            hb = r.levels[static_cast<std::size_t>(b)] / 2;
  const int ta = r.levels[static_cast<std::size_t>(a)] - 1 - ha,
            tb = r.levels[static_cast<std::size_t>(b)] - 1 - hb;
  const double inf = std::numeric_limits<double>::infinity();
  auto edge = [&](int dim, int q, bool upper) {
    const int half = r.levels[static_cast<std::size_t>(dim)] / 2;
    const int top = r.levels[static_cast<std::size_t>(dim)] - 1 - half;
    if (bounded) return q + (upper ? 0.5 : -0.5);
    if (!upper && q == -half) return -inf;
    if (upper && q == top) return inf;
    return r.fsqBoundaries[static_cast<std::size_t>(dim)]
                          [static_cast<std::size_t>(q + half - (upper ? 0 : 1))];
  };
  if (bounded) {
    d.xTitle = QuantGridFigure::tr("bounded b%1(α·x%1)").arg(a + 1);
    d.yTitle = QuantGridFigure::tr("bounded b%1(α·x%1)").arg(b + 1);
    d.xMin = -ha - 0.6;
    d.xMax = ta + 0.6;
    d.yMin = -hb - 0.6;
    d.yMax = tb + 0.6;
    for (int q = -ha; q < ta; ++q) d.xLines.push_back(q + 0.5);
    for (int q = -hb; q < tb; ++q) d.yLines.push_back(q + 0.5);
    const int s = kGridImageSize;
    std::vector<int> base(static_cast<std::size_t>(r.dims), 0);
    for (int c = 0; c < r.dims; ++c)
      if (c != a && c != b) base[static_cast<std::size_t>(c)] = fsq.level(c, p.alpha * p.slice);
    Eigen::MatrixXi labels(s, s);
    for (int y = 0; y < s; ++y)
      for (int x = 0; x < s; ++x) {
        std::vector<int> q = base;
        const double vx = d.xMin + (x + 0.5) / s * (d.xMax - d.xMin);
        const double vy = d.yMax - (y + 0.5) / s * (d.yMax - d.yMin);
        q[static_cast<std::size_t>(a)] = std::clamp(static_cast<int>(std::nearbyint(vx)), -ha, ta);
        q[static_cast<std::size_t>(b)] = std::clamp(static_cast<int>(std::nearbyint(vy)), -hb, tb);
        labels(y, x) = static_cast<int>(fsq.levelsToIndex(q));
      }
    d.cells = labelImage(labels);
    for (Eigen::Index i = 0; i < r.bounded.rows(); ++i)
      d.points.emplace_back(r.bounded(i, a), r.bounded(i, b));
  } else {
    d.xTitle = QuantGridFigure::tr("latent %1").arg(axisName(a));
    d.yTitle = QuantGridFigure::tr("latent %1").arg(axisName(b));
    d.xMin = r.xMin;
    d.xMax = r.xMax;
    d.yMin = r.yMin;
    d.yMax = r.yMax;
    d.xLines = r.fsqBoundaries[static_cast<std::size_t>(a)];
    d.yLines = r.fsqBoundaries[static_cast<std::size_t>(b)];
    d.cells = labelImage(r.fsqCells);
    for (Eigen::Index i = 0; i < r.points.rows(); ++i)
      d.points.emplace_back(r.points(i, a), r.points(i, b));
  }
  for (std::size_t i = 0; i < r.fsqIndex.size(); ++i)
    d.pointColors.push_back(codeColor(r.fsqIndex[i], true));
  for (std::size_t i = 0; i < r.precision.aliased.size(); ++i)
    if (r.precision.aliased[i]) d.flagged.push_back(d.points[i]);
  for (std::int64_t code : r.precision.aliasedCodes) {
    const std::vector<int> q = fsq.indexToLevels(code);
    const int qa = q[static_cast<std::size_t>(a)], qb = q[static_cast<std::size_t>(b)];
    // Outer cells are unbounded in raw space: clip them to the plot box (QRectF cannot hold ±inf).
    auto cx = [&](double v) { return std::clamp(v, d.xMin, d.xMax); };
    auto cy = [&](double v) { return std::clamp(v, d.yMin, d.yMax); };
    d.flaggedCells.emplace_back(QPointF(cx(edge(a, qa, false)), cy(edge(b, qb, false))),
                                QPointF(cx(edge(a, qa, true)), cy(edge(b, qb, true))));
  }
  return d;
}

PlaneData makeVqPlane(const GridLabParams& p, const GridLabResult& r) {
  PlaneData d;
  const int a = r.planeA, b = r.planeB;
  const bool lloyd = p.vqMethod == VqMethod::Lloyd;
  const int total = lloyd ? p.iterations : p.emaSteps;
  const int shown =
      r.historyStep.empty() ? total : r.historyStep[static_cast<std::size_t>(r.shownIndex)];
  // While stepping through the history the title says which codebook is drawn.
  const QString how =
      shown < total ? (lloyd ? QuantGridFigure::tr("k-means, it. %1 of %2").arg(shown).arg(total)
                             : QuantGridFigure::tr("EMA, step %1 of %2").arg(shown).arg(total))
                    : (lloyd ? QuantGridFigure::tr("k-means, %1 it.").arg(total)
                             : QuantGridFigure::tr("EMA, %1 steps").arg(total));
  d.title = QuantGridFigure::tr("VQ Voronoi, K = %1 (%2)").arg(r.codebook.rows()).arg(how);
  d.xTitle = QuantGridFigure::tr("latent %1").arg(axisName(a));
  d.yTitle = QuantGridFigure::tr("latent %1").arg(axisName(b));
  d.xMin = r.xMin;
  d.xMax = r.xMax;
  d.yMin = r.yMin;
  d.yMax = r.yMax;
  if (r.partial) {  // k-means is running: the points, uncoloured, on the final axes
    d.title = QuantGridFigure::tr("VQ Voronoi (%1): training…")
                  .arg(lloyd ? QuantGridFigure::tr("k-means") : QuantGridFigure::tr("EMA"));
    for (Eigen::Index i = 0; i < r.points.rows(); ++i)
      d.points.emplace_back(r.points(i, a), r.points(i, b));
    return d;
  }
  d.cells = labelImage(r.voronoi);
  for (Eigen::Index i = 0; i < r.points.rows(); ++i) {
    d.points.emplace_back(r.points(i, a), r.points(i, b));
    d.pointColors.push_back(codeColor(r.vqIndex[static_cast<std::size_t>(i)], true));
  }
  for (Eigen::Index j = 0; j < r.codebook.rows(); ++j) {
    d.codes.emplace_back(r.codebook(j, a), r.codebook(j, b));
    d.codeDead.push_back(r.vqCounts[static_cast<std::size_t>(j)] == 0);
  }
  return d;
}

std::vector<QPointF> sortedCounts(std::vector<std::int64_t> counts) {
  std::sort(counts.begin(), counts.end(), std::greater<>());
  std::vector<QPointF> out;
  for (std::size_t i = 0; i < counts.size(); ++i)
    out.emplace_back(static_cast<double>(i + 1), static_cast<double>(counts[i]));
  return out;
}

QWidget* vbox(QWidget* parent, std::initializer_list<std::pair<QWidget*, int>> items) {
  auto* w = new QWidget(parent);
  auto* l = new QVBoxLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  for (auto [item, stretch] : items) {
    item->setParent(w);
    l->addWidget(item, stretch);
  }
  w->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  return w;
}

QWidget* grid2(QWidget* parent, QWidget* a, QWidget* b) {
  auto* w = new QWidget(parent);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  g->addWidget(a, 0, 0);
  g->addWidget(b, 0, 1);
  g->setColumnStretch(0, 1);
  g->setColumnStretch(1, 1);
  a->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  return w;
}

}  // namespace

QuantGridFigure::QuantGridFigure(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  m_title = makeFigureTitle(this);
  layout->addWidget(m_title);
  m_stack = new FigureStack(this);
  layout->addWidget(m_stack, 1);
  // Order follows quantization::GridView.
  m_stack->addWidget(buildOverview());
  m_stack->addWidget(buildFsq());
  m_stack->addWidget(buildVq());
  m_stack->addWidget(buildUsage());
  m_sweep = new GridSweepPanel(this);
  m_stack->addWidget(m_sweep);
}

QWidget* QuantGridFigure::buildOverview() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  m_ovFsq = new PlaneView(w);
  m_ovVq = new PlaneView(w);
  m_ovUsage = new ChartView(w);
  m_ovSummary = makeFigureLabel(w, 6);
  g->addWidget(m_ovFsq, 0, 0);
  g->addWidget(m_ovVq, 0, 1);
  g->addWidget(m_ovUsage, 1, 0);
  g->addWidget(m_ovSummary, 1, 1);
  g->setRowStretch(0, 3);
  g->setRowStretch(1, 2);
  g->setColumnStretch(0, 1);
  g->setColumnStretch(1, 1);
  m_ovUsage->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  m_ovSummary->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  m_ovSummary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  return w;
}

QWidget* QuantGridFigure::buildFsq() {
  m_fsq = new PlaneView;
  m_fsqGrid = new HeatmapView;
  m_fsqInfo = makeFigureLabel(nullptr, 3);
  return vbox(this, {{grid2(nullptr, m_fsq, m_fsqGrid), 1}, {m_fsqInfo, 0}});
}

QWidget* QuantGridFigure::buildVq() {
  m_vq = new PlaneView;
  m_vqCurve = new ChartView;
  m_vqInfo = makeFigureLabel(nullptr, 3);
  return vbox(this, {{grid2(nullptr, m_vq, m_vqCurve), 1}, {m_vqInfo, 0}});
}

QWidget* QuantGridFigure::buildUsage() {
  m_usage = new ChartView;
  m_curve = new ChartView;
  m_summary = makeFigureLabel(nullptr, 6);
  return vbox(this, {{grid2(nullptr, m_usage, m_curve), 1}, {m_summary, 0}});
}

void QuantGridFigure::fillUsage(ChartView* chart, const GridLabParams& p,
                                const GridLabResult& r) const {
  chart->clearSeries();
  chart->setTitle(tr("Code usage, sorted (log y)"));
  chart->setAxes(tr("code rank"), ChartView::Axis::Linear, tr("points"), ChartView::Axis::Log);
  chart->setSeries(tr("FSQ"), sortedCounts(r.fsqCounts), ChartView::Style::Step, kFsqColor);
  if (!r.partial)
    chart->setSeries(tr("VQ"), sortedCounts(r.vqCounts), ChartView::Style::Step, kVqColor);
  if (p.precision != Precision::Fp32) {
    std::vector<std::int64_t> naive(static_cast<std::size_t>(r.fsqStats.codebookSize), 0);
    for (std::int64_t i : r.precision.naiveIndex) ++naive[static_cast<std::size_t>(i)];
    chart->setSeries(tr("FSQ %1 index").arg(QString::fromStdString(precisionId(p.precision))),
                     sortedCounts(naive), ChartView::Style::Dashed, kNaiveColor);
  }
}

void QuantGridFigure::fillCurve(ChartView* chart, const GridLabParams& p,
                                const GridLabResult& r) const {
  chart->clearSeries();
  chart->clearMarkers();
  const bool lloyd = p.vqMethod == VqMethod::Lloyd;
  chart->setTitle(tr("Relative MSE (MSE / total variance)"));
  chart->setAxes(lloyd ? tr("Lloyd iteration") : tr("EMA step"), ChartView::Axis::Linear,
                 tr("rel. MSE"), ChartView::Axis::Linear);
  std::vector<QPointF> pts;
  for (std::size_t i = 0; i < r.vqCurve.size(); ++i) {
    const double x = lloyd ? static_cast<double>(i)
                           : std::min<double>(10.0 * static_cast<double>(i + 1), p.emaSteps);
    pts.emplace_back(x, r.vqCurve[i]);
  }
  chart->setSeries(tr("VQ"), pts,
                   pts.size() > 1 ? ChartView::Style::Line : ChartView::Style::Scatter, kVqColor);
  const double x0 = pts.empty() ? 0.0 : pts.front().x(), x1 = pts.empty() ? 1.0 : pts.back().x();
  chart->setSeries(tr("FSQ (centroids)"), {{x0, r.fsqRelMse}, {std::max(x1, x0 + 1), r.fsqRelMse}},
                   ChartView::Style::Dashed, kFsqColor);
  chart->setYRange(0.0, std::numeric_limits<double>::quiet_NaN());
  if (!r.historyStep.empty() && r.shownIndex + 1 < static_cast<int>(r.historyStep.size()))
    chart->setMarker(tr("shown"), Qt::Vertical,
                     r.historyStep[static_cast<std::size_t>(r.shownIndex)], QColor(120, 120, 120));
}

QString QuantGridFigure::summaryText(const GridLabParams& p, const GridLabResult& r) const {
  auto stats = [&](const QString& name, const UsageStats& s, double mse) {
    return tr("<b>%1</b>: K = %2, used %3 (%4), dead %5, H = %6 bits of %7, perplexity %8, "
              "rel. MSE %9")
        .arg(name)
        .arg(s.codebookSize)
        .arg(s.used)
        .arg(pct(s.usage))
        .arg(s.dead)
        .arg(s.entropyBits, 0, 'f', 2)
        .arg(std::log2(static_cast<double>(s.codebookSize)), 0, 'f', 2)
        .arg(s.perplexity, 0, 'f', 1)
        .arg(mse, 0, 'f', 4);
  };
  QStringList lines;
  lines << stats(tr("FSQ"), r.fsqStats, r.fsqRelMse)
        << (r.partial ? tr("<b>VQ</b>: training…") : stats(tr("VQ"), r.vqStats, r.vqRelMse));
  if (p.vqMethod == VqMethod::Ema && !r.partial)
    lines << tr("EMA dead-code restarts (whole run, threshold %1): %2")
                 .arg(p.restart ? QString::number(p.restartThreshold) : tr("off"))
                 .arg(r.vqRestarts);
  for (const std::string& note : r.notes) lines << QString::fromStdString(note);
  if (p.precision == Precision::Fp32) {
    lines << tr("Index path in fp32: no aliasing (our indices are always integer).");
  } else {
    lines << tr("<b>%1 float index path</b>: %2 of %3 points land on a wrong code, %4 codes "
                "aliased (red); usage %5 → %6 (our integer path is unaffected).")
                 .arg(QString::fromStdString(precisionId(p.precision)))
                 .arg(r.precision.aliasedPoints)
                 .arg(r.points.rows())
                 .arg(r.precision.aliasedCodes.size())
                 .arg(r.fsqStats.used)
                 .arg(r.naiveStats.used);
  }
  bool small = false, even = false;
  for (int l : r.levels) {
    small = small || l < 5;
    even = even || l % 2 == 0;
  }
  if (small)
    lines << tr(
        "Warning: levels below 5 give worse results in the FSQ paper "
        "(Mentzer et al. 2023).");
  if (even && p.bound != FsqBound::SuSigmoid)
    lines << tr(
        "Even L: the tanh bound is asymmetric (levels −L/2 … L/2 − 1); Su's sigmoid is symmetric.");
  return lines.join(QStringLiteral("<br>"));
}

void QuantGridFigure::show(const GridLabParams& p, const GridLabResult& r, const QString& source,
                           const GridSweepResult* sweep) {
  const auto view = static_cast<int>(p.view);
  m_stack->setCurrentIndex(view);
  static const char* const kTitles[] = {
      QT_TR_NOOP("FSQ grid vs VQ Voronoi cells"), QT_TR_NOOP("FSQ grid and its usage"),
      QT_TR_NOOP("VQ Voronoi cells and training"), QT_TR_NOOP("Code usage and distortion"),
      QT_TR_NOOP("Codebook usage and distortion vs K")};
  QString title = tr(kTitles[view]) + tr(" — %1 points, α = %2").arg(r.points.rows()).arg(p.alpha);
  if (p.data == GridData::ImagePatches)
    title +=
        tr(" — whitened PCA of 4×4 patches of %1").arg(source.isEmpty() ? tr("an image") : source);
  m_title->setText(title);
  switch (p.view) {
    case GridView::Overview:
      m_ovFsq->setData(makeFsqPlane(p, r));
      m_ovVq->setData(makeVqPlane(p, r));
      fillUsage(m_ovUsage, p, r);
      m_ovSummary->setText(summaryText(p, r));
      break;
    case GridView::Fsq: {
      m_fsq->setData(makeFsqPlane(p, r));
      const Eigen::Index la = r.fsqUsageGrid.rows(), lb = r.fsqUsageGrid.cols();
      Eigen::MatrixXd m(lb, la);
      for (Eigen::Index row = 0; row < lb; ++row)
        for (Eigen::Index col = 0; col < la; ++col) m(row, col) = r.fsqUsageGrid(col, lb - 1 - row);
      QStringList rows, cols;
      for (Eigen::Index q = lb - 1; q >= 0; --q) rows << QString::number(q - lb / 2);
      for (Eigen::Index q = 0; q < la; ++q) cols << QString::number(q - la / 2);
      m_fsqGrid->setTitle(tr("Points per cell (L%1 × L%2)").arg(r.planeA + 1).arg(r.planeB + 1));
      m_fsqGrid->setMatrix(m, ColorMapping::fit(m, ColorMapKind::Viridis, ColorScale::Linear));
      m_fsqGrid->setRowLabels(rows);
      m_fsqGrid->setColumnLabels(cols);
      m_fsqGrid->setAxisTitles(tr("level q%1").arg(r.planeB + 1),
                               tr("level q%1").arg(r.planeA + 1));
      m_fsqGrid->setShowValues(true);
      m_fsqInfo->setText(summaryText(p, r));
      break;
    }
    case GridView::Vq:
      m_vq->setData(makeVqPlane(p, r));
      fillCurve(m_vqCurve, p, r);
      m_vqInfo->setText(summaryText(p, r));
      break;
    case GridView::Usage:
      fillUsage(m_usage, p, r);
      fillCurve(m_curve, p, r);
      m_summary->setText(summaryText(p, r));
      break;
    case GridView::Sweep:
      m_sweep->show(p, sweep);
      break;
  }
}

}  // namespace latentlab::ui
