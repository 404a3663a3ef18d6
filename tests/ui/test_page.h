// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QStringList>
#include <QThread>
#include <QVBoxLayout>
#include <atomic>
#include <cmath>
#include <limits>

#include "latentlab/common/errors.h"
#include "ui/common/chart_view.h"
#include "ui/common/heatmap_view.h"
#include "ui/common/page.h"

namespace latentlab::ui::testing {

/// A small, real page for the common-widget tests: params n (Integer), k (Integer, ≤ n) and tau
/// (Real, log scale); computes p_i = softmax((n − i) / tau) and the outer product p pᵀ, shown in
/// a ChartView and a HeatmapView. No Q_OBJECT: it adds no signals or slots.
class DemoPage : public Page {
 public:
  struct Result {
    std::vector<double> p;
    Eigen::MatrixXd outer;
    double tau = 1.0;
  };

  QString id() const override { return QStringLiteral("demo"); }
  QString title() const override { return QStringLiteral("Demo page"); }
  QString source() const override { return QStringLiteral("A demo source (2026)"); }
  std::vector<std::string> captionKeys() const override { return {"n", "tau"}; }

  std::vector<latentlab::FieldSpec> fields() const override {
    using latentlab::FieldKind;
    latentlab::FieldSpec n{
        .key = "n", .label = "Count", .kind = FieldKind::Integer, .min = 1, .max = 32};
    n.def = 5.0;
    latentlab::FieldSpec k{
        .key = "k", .label = "k", .kind = FieldKind::Integer, .min = 0, .max = 32};
    k.def = 2.0;
    latentlab::FieldSpec tau{.key = "tau",
                             .label = "Temperature",
                             .kind = FieldKind::Real,
                             .min = 1e-3,
                             .max = 1e4,
                             .logScale = true};
    tau.def = 1.0;
    return {n, k, tau};
  }

  QList<DataTable> exportData() const override {
    DataTable t{QStringLiteral("probs"), {QStringLiteral("i"), QStringLiteral("p")}, {}};
    for (std::size_t i = 0; i < m_result.p.size(); ++i)
      t.rows.push_back({double(i), m_result.p[i]});
    // One missing value, so exports show how NaN is written.
    t.rows.push_back({double(m_result.p.size()), std::numeric_limits<double>::quiet_NaN()});
    return {t};
  }

  const Result& result() const { return m_result; }
  int appliedCount() const { return m_applied; }
  /// When set, jobs poll this many milliseconds of cancellable work first (cancel tests).
  std::atomic<int> slowMs{0};
  /// When set, jobs hand a partial result (the same p, tau = −1) to RunControl::partial before
  /// their slow part (live-update tests).
  std::atomic<bool> streams{false};
  int partialCount() const { return m_partials; }

 protected:
  void validateParams(const latentlab::ParamSet& merged) const override {
    const double n = std::get<double>(merged.at("n")), k = std::get<double>(merged.at("k"));
    if (k > n)
      throw latentlab::ParamError("k", "k must be between 0 and n = " + std::to_string(int(n)) +
                                           ", got " + std::to_string(int(k)));
  }

  RecomputeController::Job makeJob() const override {
    const latentlab::ParamSet ps = params();
    const int n = static_cast<int>(std::get<double>(ps.at("n")));
    const double tau = std::get<double>(ps.at("tau"));
    const int slow = slowMs.load();
    const bool partial = streams.load();
    return [n, tau, slow, partial](const latentlab::RunControl& rc) -> std::any {
      Result r;
      r.tau = tau;
      double z = 0.0;
      for (int i = 0; i < n; ++i) z += std::exp(-i / tau);  // max-shifted: x_0 = n is the largest
      for (int i = 0; i < n; ++i) r.p.push_back(std::exp(-i / tau) / z);
      Eigen::Map<const Eigen::VectorXd> v(r.p.data(), n);
      r.outer = v * v.transpose();
      if (partial && rc.partialDue()) {
        Result first = r;
        first.tau = -1.0;
        rc.partial(first);
      }
      for (int i = 0; i < slow; ++i) {
        rc.checkCancelled();
        if (i % 10 == 0) rc.progress(0.5 * i / slow);
        QThread::msleep(1);
      }
      rc.progress(1.0);
      return r;
    };
  }

  void applyPartial(const std::any& snapshot) override {
    m_result = std::any_cast<Result>(snapshot);
    markHasResult();
    ++m_partials;
    fillFigure(screenFigure());
  }

  void applyResult(const std::any& result) override {
    m_result = std::any_cast<Result>(result);
    markHasResult();
    ++m_applied;
    fillFigure(screenFigure());
  }

  QWidget* createFigure(QWidget* parent) const override {
    auto* fig = new QWidget(parent);
    auto* layout = new QVBoxLayout(fig);
    auto* chart = new ChartView(fig);
    chart->setObjectName(QStringLiteral("chart"));
    chart->setTitle(QStringLiteral("softmax"));
    chart->setAxes(QStringLiteral("index i"), ChartView::Axis::Linear, QStringLiteral("p_i"),
                   ChartView::Axis::Linear);
    auto* heat = new HeatmapView(fig);
    heat->setObjectName(QStringLiteral("heatmap"));
    heat->setTitle(QStringLiteral("p pᵀ"));
    layout->addWidget(chart);
    layout->addWidget(heat);
    return fig;
  }

  void fillFigure(QWidget* figure) const override {
    std::vector<QPointF> pts;
    for (std::size_t i = 0; i < m_result.p.size(); ++i) pts.emplace_back(double(i), m_result.p[i]);
    figure->findChild<ChartView*>(QStringLiteral("chart"))->setSeries(QStringLiteral("p"), pts);
    figure->findChild<HeatmapView*>(QStringLiteral("heatmap"))
        ->setMatrix(m_result.outer,
                    ColorMapping::fit(m_result.outer, ColorMapKind::Viridis, ColorScale::Linear));
  }

 private:
  Result m_result;
  int m_applied = 0;
  int m_partials = 0;
};

}  // namespace latentlab::ui::testing
