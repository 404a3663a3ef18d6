// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Fills the chart panels of the Efficient attention figure: error vs m, vs S, analogy, timing.
#include <QCoreApplication>
#include <QGridLayout>
#include <QLabel>
#include <cmath>

#include "ui/common/chart_view.h"
#include "ui/common/figure_label.h"
#include "ui/common/figure_mode.h"
#include "ui/pages/attention/efficient_attention_figure.h"

namespace latentlab::ui {

namespace {

QString num(double v) { return QString::number(v, 'g', 3); }

template <class X>
std::vector<QPointF> zipped(const std::vector<X>& xs, const std::vector<double>& ys) {
  std::vector<QPointF> pts;
  for (std::size_t i = 0; i < xs.size() && i < ys.size(); ++i)
    pts.emplace_back(static_cast<double>(xs[i]), ys[i]);
  return pts;
}

std::vector<QPointF> indexed(const Eigen::VectorXd& v) {
  std::vector<QPointF> pts;
  for (Eigen::Index i = 0; i < v.size(); ++i) pts.emplace_back(static_cast<double>(i), v[i]);
  return pts;
}

QColor lighter(QColor c) {
  c.setAlpha(150);
  return c;
}

}  // namespace

QWidget* EfficientAttentionFigure::buildFeatures() {
  auto* w = new QWidget(this);
  auto* g = new QGridLayout(w);
  g->setContentsMargins(0, 0, 0, 0);
  m_featuresA = new ChartView(w);
  m_featuresO = new ChartView(w);
  m_featuresNote = makeFigureLabel(w, 3);
  g->addWidget(m_featuresA, 0, 0);
  g->addWidget(m_featuresO, 0, 1);
  g->addWidget(m_featuresNote, 1, 0, 1, 2);
  g->setRowStretch(0, 1);
  // One legend (on the right chart) serves both: the left chart gets the plot width it saves.
  g->setColumnStretch(0, 2);
  g->setColumnStretch(1, 3);
  m_featuresA->setLegendVisible(false);
  return w;
}

namespace {

QString projectionName(attention::Projection p) {
  switch (p) {
    case attention::Projection::Iid:
      return QCoreApplication::translate("EfficientAttentionFigure", "iid");
    case attention::Projection::Orthogonal:
      return QCoreApplication::translate("EfficientAttentionFigure", "orthogonal");
    case attention::Projection::OrthogonalRegular:
      return QCoreApplication::translate("EfficientAttentionFigure", "orthogonal ‖ω‖ = √d");
  }
  return {};
}

// iid in the Performer blue, orthogonal in purple: the overlay reads on light and dark themes.
QColor projectionColor(std::size_t curve) {
  return curve == 0 ? efficientColor(EfficientMethod::Performer) : QColor(0x94, 0x67, 0xbd);
}

}  // namespace

void EfficientAttentionFigure::fillFeatures(const attention::EfficientLabParams& p,
                                            const attention::EfficientLabResult& r) {
  const bool outputChart[2] = {false, true};
  ChartView* charts[2] = {m_featuresA, m_featuresO};
  for (int k = 0; k < 2; ++k) {
    ChartView* c = charts[k];
    const bool out = outputChart[k];
    c->clearSeries();
    c->clearMarkers();
    c->setTitle(out ? tr("Output error e_O vs m") : tr("Attention-map error e_A vs m"));
    c->setAxes(tr("random features m"), ChartView::Axis::Log,
               out ? tr("e_O = ‖Ô − O‖ / ‖O‖") : tr("e_A = ‖Â − A‖ / ‖A‖"), ChartView::Axis::Log);
    for (std::size_t ci = 0; ci < r.featureCurves.size(); ++ci) {
      const auto& curve = r.featureCurves[ci];
      const QString name = projectionName(curve.projection);
      const QColor col = projectionColor(ci);
      c->setSeries(tr("%1 median").arg(name), zipped(r.mGrid, out ? curve.medianO : curve.medianA),
                   ChartView::Style::Line, col, 2.5);
      c->setSeries(tr("%1 min").arg(name), zipped(r.mGrid, out ? curve.lowO : curve.lowA),
                   ChartView::Style::Dashed, lighter(col), 1.2);
      c->setSeries(tr("%1 max").arg(name), zipped(r.mGrid, out ? curve.highO : curve.highA),
                   ChartView::Style::Dashed, lighter(col), 1.2);
    }
    if (!r.mGrid.empty() && !r.featureCurves.empty()) {
      // m^{−1/2} guide through the iid median at the middle of the grid.
      const auto& med = out ? r.featureCurves[0].medianO : r.featureCurves[0].medianA;
      const std::size_t mid = r.mGrid.size() / 2;
      const double a = med[mid] * std::sqrt(static_cast<double>(r.mGrid[mid]));
      std::vector<QPointF> guide;
      for (int m : r.mGrid) guide.emplace_back(m, a / std::sqrt(static_cast<double>(m)));
      c->setSeries(tr("∝ m^(−1/2)"), guide, ChartView::Style::Dashed,
                   efficientColor(EfficientMethod::Exact), 1.5);
    }
    c->setXRange(2.0, 2048.0);
    c->setMarker(tr("m = %1").arg(p.m), Qt::Vertical, p.m);
  }
  const bool sharp = p.sigma > 0.6;
  const QString kind =
      p.feature == attention::FeatureKind::Positive
          ? tr("positive")
          : (p.feature == attention::FeatureKind::Hyperbolic ? tr("hyperbolic (2m)")
                                                             : tr("trigonometric"));
  m_featuresNote->setText(
      tr("Median (solid) and min/max (dashed) over %1 feature draws (seeds %2…%3) of %4 features, "
         "iid against orthogonal projections on the same seeds. Lemma 2 predicts e ∝ "
         "m<sup>−1/2</sup> once ‖q‖, ‖k‖ are small (about 2× per 4× m), and orthogonal ≤ iid%5.")
          .arg(p.redraws)
          .arg(p.featureSeed)
          .arg(p.featureSeed + static_cast<std::uint64_t>(p.redraws) - 1)
          .arg(kind)
          .arg(sharp ? tr("; with σ = %1 attention is sharp and the fall is much slower "
                          "(pre-asymptotic)")
                           .arg(num(p.sigma))
                     : QString()));
}

void EfficientAttentionFigure::fillCodebook(const attention::EfficientLabParams& p,
                                            const attention::EfficientLabResult& r) {
  ChartView* c = m_codebook;
  c->clearSeries();
  c->clearMarkers();
  c->setTitle(tr("Transformer-VQ error vs codebook size S"));
  c->setAxes(tr("codebook size S"), ChartView::Axis::Log, tr("relative error"),
             ChartView::Axis::Linear);
  c->setSeries(tr("output e_O"), zipped(r.sGrid, r.sErrorO), ChartView::Style::Line,
               efficientColor(EfficientMethod::TransformerVq), 2.5);
  c->setSeries(tr("map e_A"), zipped(r.sGrid, r.sErrorA), ChartView::Style::Dashed,
               efficientColor(EfficientMethod::TransformerVq), 2.0);
  c->setSeries(tr("key VQ error"), zipped(r.sGrid, r.sKeyError), ChartView::Style::Line,
               efficientColor(EfficientMethod::Exact), 1.5);
  c->setYRange(0.0, std::nan(""));
  c->setMarker(tr("S = %1").arg(p.codebookSize), Qt::Vertical, p.codebookSize);
  m_codebookNote->setText(
      tr("%1 codebook%2, %3. At S = %4 (current): e<sub>O</sub> = %5, linear cached form vs "
         "quadratic form on K̂: max |Δ| = %6. With S = n every key is its own code and the error "
         "is 0.")
          .arg(p.codebook == attention::CodebookKind::KMeans
                   ? tr("k-means (%1 iterations)").arg(p.kmeansIters)
                   : tr("Random-key"))
          .arg(p.n > 1024 ? tr(" (S up to 1024)") : QString())
          .arg(p.causal ? tr("causal, block l = %1").arg(p.block) : tr("bidirectional"))
          .arg(p.codebookSize)
          .arg(num(r.vqErrorO), num(r.vqLinearVsQuadratic)));
}

void EfficientAttentionFigure::fillAnalogy(const attention::EfficientLabParams& p,
                                           const attention::EfficientLabResult& r) {
  m_softFeatures->clearSeries();
  m_softFeatures->setTitle(tr("Performer key k%1 as soft assignment over ω").arg(p.keyIndex));
  m_softFeatures->setAxes(tr("feature i"), ChartView::Axis::Linear, tr("softmax(−‖k − ω_i‖²/2)"),
                          ChartView::Axis::Linear);
  m_softFeatures->setSeries(tr("soft"), indexed(r.keySoftOverFeatures), ChartView::Style::Step,
                            efficientColor(EfficientMethod::Performer));
  m_softFeatures->setLegendVisible(false);

  m_softCodes->clearSeries();
  m_softCodes->setTitle(tr("Key k%1 over the VQ codebook").arg(p.keyIndex));
  m_softCodes->setAxes(tr("code y"), ChartView::Axis::Linear, tr("p(y | k)"),
                       ChartView::Axis::Linear);
  Eigen::VectorXd hard = Eigen::VectorXd::Zero(r.keySoftOverCodes.size());
  if (r.keyCode < hard.size()) hard[r.keyCode] = 1.0;
  m_softCodes->setSeries(tr("soft, τ = %1").arg(num(p.softTau)), indexed(r.keySoftOverCodes),
                         ChartView::Style::Step, efficientColor(EfficientMethod::SoftVq));
  m_softCodes->setSeries(tr("hard (VQ)"), indexed(hard), ChartView::Style::Step,
                         efficientColor(EfficientMethod::TransformerVq), 1.5);
  m_softCodes->setYRange(0.0, 1.05);

  m_tau->clearSeries();
  m_tau->clearMarkers();
  m_tau->setTitle(tr("Soft VQ → hard VQ as τ → 0"));
  m_tau->setAxes(tr("temperature τ"), ChartView::Axis::Log, tr("error"), ChartView::Axis::Log);
  m_tau->setSeries(tr("max |soft − hard|"), zipped(r.tauGrid, r.softHardDiff),
                   ChartView::Style::Line, efficientColor(EfficientMethod::SoftVq), 2.5);
  m_tau->setSeries(tr("soft e_O"), zipped(r.tauGrid, r.softErrorO), ChartView::Style::Dashed,
                   efficientColor(EfficientMethod::SoftVq), 2.0);
  std::vector<QPointF> hardLine;
  for (double t : r.tauGrid) hardLine.emplace_back(t, r.hardErrorO);
  m_tau->setSeries(tr("hard e_O"), hardLine, ChartView::Style::Dashed,
                   efficientColor(EfficientMethod::TransformerVq), 1.5);
  m_tau->setMarker(tr("τ = %1").arg(num(p.softTau)), Qt::Vertical, p.softTau);

  auto verdict = [](double diff, double tol) {
    return diff < tol ? tr("<b>exact</b>") : tr("<b>not exact</b>");
  };
  m_analogyNote->setText(
      tr("<b>Performer as a soft Transformer-VQ</b> (Su, kexue.fm/archives/9862), bidirectional "
         "output, m = %1:"
         "<br>Step 2, drop ‖ω<sub>i</sub>‖²/2 and write k̃<sub>i</sub> = e<sup>−‖k − "
         "ω<sub>i</sub>‖²/2</sup>: with equal norms ‖ω‖ = √d max |Δ| = %2 (%3); with χ norms "
         "max |Δ| = %4 (%5).<br>Step 3, replace k̃ by softmax<sub>i</sub>(−‖k − ω<sub>i</sub>‖²/2): "
         "max |Δ| = %6 (%7): the normaliser depends on k and re-weights keys, so this step is an "
         "analogy.<br>Correspondence: ω<sub>i</sub> ↔ codes c<sub>y</sub> (random, fixed, not "
         "cluster centres), e<sup>q·ω</sup> ↔ exp(QCᵀ), soft assignment ↔ one-hot Δ. With "
         "p(y|k) = softmax(−‖k − c<sub>y</sub>‖²/(2τ)) the GMM reading tends to Transformer-VQ "
         "as τ → 0 (left chart).")
          .arg(p.m)
          .arg(num(r.rewriteDiffRegular), verdict(r.rewriteDiffRegular, 1e-12),
               num(r.rewriteDiffChi), verdict(r.rewriteDiffChi, 1e-12), num(r.softmaxStepDiff),
               verdict(r.softmaxStepDiff, 1e-12)));
}

namespace {

// The Timing note's sentence on the device rows (empty when the CPU was chosen).
template <class Cross>
QString timingDeviceNote(const attention::TimingResult& t, Cross cross) {
  if (t.deviceMs.size() == 0) return {};
  if (!t.deviceUse.fallback.empty())
    return EfficientAttentionFigure::tr(" The device was not timed: %1.")
        .arg(QString::fromStdString(t.deviceUse.fallback));
  return EfficientAttentionFigure::tr(
             " Light lines: the same methods on %1 in float32, inputs uploaded and outputs read "
             "back in every call; crossover there: Performer %2, Transformer-VQ %3.")
      .arg(QString::fromStdString(t.deviceUse.device), cross(t.devicePerformerCrossover),
           cross(t.deviceVqCrossover));
}

}  // namespace

void EfficientAttentionFigure::fillTiming(const attention::TimingResult* timing,
                                          const attention::TimingParams& tp) {
  ChartView* c = m_timing;
  c->clearSeries();
  c->clearMarkers();
  const QString names[] = {tr("exact"), tr("Performer"), tr("Transformer-VQ")};
  const EfficientMethod methods[] = {EfficientMethod::Exact, EfficientMethod::Performer,
                                     EfficientMethod::TransformerVq};
  if (!timing) {
    // Not measured yet: the FLOP model alone, so the view is never empty.
    c->setTitle(isExportFigure(c)
                    ? tr("FLOP model vs n (not measured on this machine)")
                    : tr("FLOP model vs n (press “Measure timing” for this machine)"));
    c->setAxes(tr("sequence length n"), ChartView::Axis::Log, tr("GFLOP (model)"),
               ChartView::Axis::Log);
    for (int k = 0; k < 3; ++k) {
      std::vector<QPointF> pts;
      for (int n : tp.sizes)
        pts.emplace_back(
            n, 1e-9 * attention::flopModel(k, n, tp.d, tp.m, std::min(tp.codebookSize, n)));
      c->setSeries(names[k], pts, ChartView::Style::Dashed, efficientColor(methods[k]));
    }
    m_timingNote->setText(
        tr("Model at d = d<sub>v</sub> = %1, m = %2, S = %3: exact 4n²d + n², Performer "
           "8nmd + 2nm, Transformer-VQ 6nSd + nS. Nothing measured yet.")
            .arg(tp.d)
            .arg(tp.m)
            .arg(tp.codebookSize));
    return;
  }
  c->setTitle(timing->params.float32
                  ? tr("Measured time vs n on this machine (float32), with the FLOP model")
                  : tr("Measured time vs n on this machine (float64), with the FLOP model"));
  c->setAxes(tr("sequence length n"), ChartView::Axis::Log, tr("time (ms)"), ChartView::Axis::Log);
  for (int k = 0; k < 3; ++k) {
    std::vector<QPointF> meas, model;
    for (std::size_t i = 0; i < timing->sizes.size(); ++i) {
      const auto ii = static_cast<Eigen::Index>(i);
      meas.emplace_back(timing->sizes[i], timing->medianMs(k, ii));
      model.emplace_back(timing->sizes[i], timing->flops(k, ii) * 1e-9 * timing->msPerGflop);
    }
    c->setSeries(names[k], meas, ChartView::Style::Line, efficientColor(methods[k]), 2.5);
    c->setSeries(names[k] + tr(" model"), model, ChartView::Style::Dashed,
                 efficientColor(methods[k]), 1.5);
    // The same method on the OpenCL device: a lighter line in its colour.
    std::vector<QPointF> dev;
    for (std::size_t i = 0; i < timing->sizes.size() && timing->deviceMs.size() > 0; ++i) {
      const double ms = timing->deviceMs(k, static_cast<Eigen::Index>(i));
      if (std::isfinite(ms)) dev.emplace_back(timing->sizes[i], ms);
    }
    if (!dev.empty())
      c->setSeries(names[k] + tr(" (OpenCL)"), dev, ChartView::Style::Line,
                   efficientColor(methods[k]).lighter(150), 2.0);
  }
  if (std::isfinite(timing->performerCrossover))
    c->setMarker(tr("Performer wins"), Qt::Vertical, timing->performerCrossover,
                 efficientColor(EfficientMethod::Performer));
  if (std::isfinite(timing->vqCrossover))
    c->setMarker(tr("VQ wins"), Qt::Vertical, timing->vqCrossover,
                 efficientColor(EfficientMethod::TransformerVq));
  auto cross = [](double n) {
    return std::isfinite(n) ? tr("n ≈ %1").arg(std::round(n)) : tr("not within the sizes");
  };
  m_timingNote->setText(
      tr("Medians, d = d<sub>v</sub> = %1, m = %2, S = %3 (codebook given, assignment "
         "timed), bidirectional. Measured crossover: Performer %4, Transformer-VQ %5. Dashed: "
         "FLOP model at %6 ms/GFLOP (the exact run at the largest n).")
          .arg(timing->params.d)
          .arg(timing->params.m)
          .arg(timing->params.codebookSize)
          .arg(cross(timing->performerCrossover), cross(timing->vqCrossover),
               num(timing->msPerGflop)) +
      timingDeviceNote(*timing, cross));
}

}  // namespace latentlab::ui
