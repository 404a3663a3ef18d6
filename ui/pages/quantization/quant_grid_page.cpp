// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/pages/quantization/quant_grid_page.h"

#include <limits>

#include "ui/common/param_form.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/quantization/quant_grid_figure.h"

namespace latentlab::ui {

using namespace quantization;

QuantGridPage::QuantGridPage(QWidget* parent) : Page(parent) {
  installViewTabs("view");
  paramsUpdated();
}

QuantGridPage::~QuantGridPage() = default;

std::vector<FieldSpec> QuantGridPage::fields() const { return specsOf(gridLabFields()); }

std::vector<std::pair<QString, std::string>> QuantGridPage::sections() const {
  return {{tr("Points"), "data"},
          {tr("FSQ"), "level1"},
          {tr("VQ"), "match_k"},
          {tr("Precision"), "precision"},
          {tr("Display and seed"), "plane"}};
}

GridLabParams QuantGridPage::labParams() const { return fromParamSet(params(), gridLabFields()); }

void QuantGridPage::validateParams(const ParamSet& merged) const {
  validate(fromParamSet(merged, gridLabFields()));
}

RecomputeController::Job QuantGridPage::makeJob() const {
  return [p = labParams()](const RunControl& control) { return std::any(computeGridLab(p, control)); };
}

void QuantGridPage::applyResult(const std::any& result) {
  m_result = std::any_cast<GridLabResult>(result);
  markHasResult();
  fillFigure(screenFigure());
}

QWidget* QuantGridPage::createFigure(QWidget* parent) const { return new QuantGridFigure(parent); }

void QuantGridPage::fillFigure(QWidget* figure) const {
  auto* fig = qobject_cast<QuantGridFigure*>(figure);
  if (!fig || !m_result) return;
  fig->show(labParams(), *m_result);
}

void QuantGridPage::paramsUpdated() {
  ParamForm* f = form();
  if (!f) return;
  const GridLabParams p = labParams();
  const bool three = p.dims == 3;
  f->setFieldVisible("level3", three);
  f->setFieldVisible("plane", three);
  f->setFieldVisible("slice", three);
  f->setFieldVisible("codebook_size", !p.matchK);
  const bool ema = p.vqMethod == VqMethod::Ema;
  f->setFieldVisible("iterations", !ema);
  f->setFieldVisible("ema_steps", ema);
  f->setFieldVisible("restart", ema);
}

bool QuantGridPage::isCheap(const std::string& key) const {
  // Point count and training length scale the work; the rest stays interactive at N ≤ 20000.
  return key != "points" && key != "ema_steps" && key != "iterations";
}

QList<DataTable> QuantGridPage::exportData() const {
  QList<DataTable> out;
  if (!m_result) return out;
  const GridLabResult& r = *m_result;
  DataTable pts{QStringLiteral("points"), {}, {}};
  for (int j = 0; j < r.dims; ++j) pts.columns << QStringLiteral("x%1").arg(j + 1);
  pts.columns << QStringLiteral("fsq_index") << QStringLiteral("vq_index")
              << QStringLiteral("naive_index") << QStringLiteral("aliased");
  for (Eigen::Index i = 0; i < r.points.rows(); ++i) {
    const auto s = static_cast<std::size_t>(i);
    std::vector<double> row(r.points.row(i).data(), r.points.row(i).data() + r.dims);
    row.push_back(static_cast<double>(r.fsqIndex[s]));
    row.push_back(static_cast<double>(r.vqIndex[s]));
    row.push_back(static_cast<double>(r.precision.naiveIndex[s]));
    row.push_back(r.precision.aliased[s] ? 1.0 : 0.0);
    pts.rows.push_back(std::move(row));
  }
  out << pts;
  DataTable cb{QStringLiteral("vq_codebook"), {QStringLiteral("code")}, {}};
  for (int j = 0; j < r.dims; ++j) cb.columns << QStringLiteral("x%1").arg(j + 1);
  cb.columns << QStringLiteral("count");
  for (Eigen::Index k = 0; k < r.codebook.rows(); ++k) {
    std::vector<double> row{static_cast<double>(k)};
    for (int j = 0; j < r.dims; ++j) row.push_back(r.codebook(k, j));
    row.push_back(static_cast<double>(r.vqCounts[static_cast<std::size_t>(k)]));
    cb.rows.push_back(std::move(row));
  }
  out << cb;
  DataTable fc{QStringLiteral("fsq_counts"), {QStringLiteral("code"), QStringLiteral("count")}, {}};
  for (std::size_t k = 0; k < r.fsqCounts.size(); ++k)
    fc.rows.push_back({static_cast<double>(k), static_cast<double>(r.fsqCounts[k])});
  out << fc;
  DataTable curve{QStringLiteral("vq_curve"), {QStringLiteral("step"), QStringLiteral("rel_mse")}, {}};
  for (std::size_t i = 0; i < r.vqCurve.size(); ++i) curve.rows.push_back({static_cast<double>(i), r.vqCurve[i]});
  out << curve;
  DataTable sum{QStringLiteral("summary"),
                {QStringLiteral("method"), QStringLiteral("K"), QStringLiteral("used"),
                 QStringLiteral("usage"), QStringLiteral("entropy_bits"), QStringLiteral("perplexity"),
                 QStringLiteral("rel_mse")},
                {}};
  auto add = [&](double id, const UsageStats& s, double mse) {
    sum.rows.push_back({id, static_cast<double>(s.codebookSize), static_cast<double>(s.used), s.usage,
                        s.entropyBits, s.perplexity, mse});
  };
  add(0, r.fsqStats, r.fsqRelMse);  // 0 = FSQ, 1 = VQ, 2 = FSQ through the float index path
  add(1, r.vqStats, r.vqRelMse);
  add(2, r.naiveStats, std::numeric_limits<double>::quiet_NaN());
  out << sum;
  return out;
}

}  // namespace latentlab::ui
