// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <cmath>
#include <fstream>

#include "latentlab/attention/attention_rank.h"
#include "latentlab/common/npy.h"
#include "ui/common/figure_export.h"
#include "ui/pages/attention/attention_rank_page.h"

using namespace latentlab;
using latentlab::ui::AttentionRankPage;

namespace {

int distinctColours(const QImage& img) {
  QSet<QRgb> seen;
  for (int y = 0; y < img.height(); y += 7)
    for (int x = 0; x < img.width(); x += 7) seen.insert(img.pixel(x, y));
  return static_cast<int>(seen.size());
}

void writeFile(const QString& path, const std::string& bytes) {
  std::ofstream out(path.toStdString(), std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

const attention::MatrixMetrics& metricsOf(const attention::AttentionRankResult& r,
                                          attention::MaskKind k) {
  for (std::size_t i = 0; i < 4; ++i)
    if (r.masks[i].kind == k) return r.metrics[i];
  return r.metrics[0];
}

}  // namespace

TEST(AttentionRankPage, ComputesAndDrawsEveryView) {
  AttentionRankPage page;
  page.setParams({{"n", 48.0}, {"prefix", 12.0}});
  const auto fields = page.fields();
  const auto& spec = *findField(fields, "view");
  for (const auto& view : spec.choices) {
    page.setParam("view", view);
    page.computeNow();
    ASSERT_TRUE(page.result().has_value());
    const QImage img = ui::renderFigure(page, {QSize(900, 600), 96, true});
    ASSERT_EQ(img.size(), QSize(900, 600)) << view;
    EXPECT_GT(distinctColours(img), 12) << "figure for view " << view << " looks blank";
  }
  // The hidden page computed the sweep and the depth products for their views.
  EXPECT_TRUE(page.sweep().has_value());
  EXPECT_TRUE(page.depth().has_value());
}

TEST(AttentionRankPage, ResultMatchesCoreAtDefaults) {
  AttentionRankPage page;
  page.computeNow();
  const auto direct = attention::computeAttentionRank(attention::AttentionRankParams{});
  ASSERT_EQ(page.result()->n, 256);
  for (std::size_t m = 0; m < 4; ++m) {
    EXPECT_EQ(page.result()->matrices[m], direct.matrices[m]);
    EXPECT_EQ(page.result()->metrics[m].rankT, direct.metrics[m].rankT);
  }
}

TEST(AttentionRankPage, ParameterChangeProducesAResultAsynchronously) {
  AttentionRankPage page;
  page.setActive(true);
  QSignalSpy spy(&page, &ui::Page::computed);
  page.setParams({{"n", 32.0}, {"d", 4.0}, {"prefix", 8.0}});
  ASSERT_TRUE(page.controller()->waitForIdle(20000));
  ASSERT_GE(spy.count(), 1);
  EXPECT_EQ(page.result()->n, 32);
  EXPECT_EQ(page.result()->d, 4);
}

TEST(AttentionRankPage, BadValueIsRejectedAndStateKept) {
  AttentionRankPage page;
  const auto before = page.params();
  EXPECT_THROW(page.setParam("tau", std::nan("")), ParamError);
  try {
    page.setParam("source", std::string("npy"));
    FAIL() << "npy source without loaded files accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "source");
    EXPECT_NE(std::string(e.what()).find("--open Q K"), std::string::npos) << e.what();
  }
  EXPECT_EQ(page.params(), before);
}

TEST(AttentionRankPage, LoadsQkFromNpyAndRejectsBadFiles) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  Eigen::MatrixXd q(6, 2), k(6, 2);
  for (int i = 0; i < 6; ++i) {
    q(i, 0) = std::cos(i);
    q(i, 1) = std::sin(0.5 * i);
    k(i, 0) = 0.3 * i;
    k(i, 1) = -0.2 * i;
  }
  writeFile(dir.filePath("q.npy"), toNpy(q));
  writeFile(dir.filePath("k.npy"), toNpy(k));
  writeFile(dir.filePath("k_bad.npy"), toNpy(Eigen::MatrixXd::Ones(5, 2)));
  Eigen::MatrixXd qn = q;
  qn(2, 1) = std::nan("");
  // toNpy writes NaN as is; the loader must refuse it.
  writeFile(dir.filePath("q_nan.npy"), toNpy(qn));

  AttentionRankPage page;
  const auto before = page.params();
  try {
    page.loadNpy(dir.filePath("q.npy"), dir.filePath("k_bad.npy"));
    FAIL() << "K of another shape accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "k_file");
  }
  EXPECT_THROW(page.loadNpy(dir.filePath("q_nan.npy"), dir.filePath("k.npy")), ParamError);
  EXPECT_EQ(page.params(), before);

  page.loadNpy(dir.filePath("q.npy"), dir.filePath("k.npy"));
  EXPECT_EQ(std::get<std::string>(page.params().at("source")), "npy");
  page.computeNow();
  ASSERT_TRUE(page.result().has_value());
  EXPECT_EQ(page.result()->n, 6);
  EXPECT_EQ(page.result()->d, 2);
  const Eigen::MatrixXd expected = attention::attentionMatrix(q, k, 1.0, {});
  EXPECT_LT((page.result()->matrices[0] - expected).cwiseAbs().maxCoeff(), 1e-15);
}

TEST(AttentionRankPage, QualificationCasesShowWhatTheySay) {
  AttentionRankPage page;
  ASSERT_EQ(AttentionRankPage::caseCount(), 5);
  page.loadCase(1);  // circle at τ = 64: bidirectional erank 15.999 of 16
  page.computeNow();
  EXPECT_NEAR(metricsOf(*page.result(), attention::MaskKind::Bidirectional).erank, 15.9991, 1e-4);
  page.loadCase(2);  // n = d = 64: erank(A_bi) > erank(A_c)
  page.computeNow();
  EXPECT_NEAR(metricsOf(*page.result(), attention::MaskKind::Bidirectional).erank, 40.5968, 1e-4);
  EXPECT_NEAR(metricsOf(*page.result(), attention::MaskKind::Causal).erank, 32.1859, 1e-4);
  page.loadCase(3);  // σ_min of the causal matrix at noise level, strict rank < n
  page.computeNow();
  const auto& c = metricsOf(*page.result(), attention::MaskKind::Causal);
  EXPECT_TRUE(c.unreliable);
  EXPECT_LT(c.rankT, 64);
  EXPECT_NEAR(c.logDet, -217.685663, 1e-6);
  page.loadCase(4);  // causal pure stack still collapses
  page.computeNow();
  ASSERT_TRUE(page.depth().has_value());
  for (const auto& dc : page.depth()->cases)
    if (dc.mask == attention::MaskKind::Causal && !dc.residual) {
      EXPECT_NEAR(dc.r[6], 2.192e-1, 2e-4);
      EXPECT_LT(dc.r.back(), dc.r.front());
    }
  page.loadCase(0);
  EXPECT_EQ(page.params(), AttentionRankPage().params());
}

TEST(AttentionRankPage, SweepRunsInTheBackgroundWithProgress) {
  AttentionRankPage page;
  page.setParams({{"n", 64.0}, {"d", 4.0}, {"prefix", 16.0}, {"sweep_axis", std::string("tau")}});
  page.show();
  page.setActive(true);
  QSignalSpy progress(page.sweepController(), &ui::RecomputeController::progress);
  page.setParam("view", std::string("sweeps"));
  ASSERT_TRUE(page.controller()->waitForIdle(20000));
  ASSERT_TRUE(page.sweepController()->waitForIdle(60000));
  ASSERT_TRUE(page.sweep().has_value());
  EXPECT_EQ(page.sweep()->axis, attention::SweepAxis::Tau);
  EXPECT_EQ(page.sweep()->x.size(), 17u);
  EXPECT_GE(progress.count(), 1);
  bool hasSweep = false;
  for (const auto& t : page.exportData()) hasSweep |= t.name == QStringLiteral("sweep");
  EXPECT_TRUE(hasSweep);
}

TEST(AttentionRankPage, SweepCanBeCancelled) {
  AttentionRankPage page;
  page.setParams({{"n", 2048.0}, {"sweep_axis", std::string("n")}});
  page.runSweep();
  page.sweepController()->cancel();
  ASSERT_TRUE(page.sweepController()->waitForIdle(60000));
  EXPECT_FALSE(page.sweep().has_value());
}

TEST(AttentionRankPage, ScenarioRoundTrips) {
  AttentionRankPage a;
  a.setParams({{"n", 40.0}, {"tau", 3.5}, {"source", std::string("circle")}, {"prefix", 5.0}});
  const Scenario s = a.scenario();
  AttentionRankPage b;
  b.applyScenario(scenarioFromJson(scenarioToJson(s)));
  EXPECT_EQ(b.params(), a.params());
}

TEST(AttentionRankPage, ExportDataTablesAreRectangular) {
  AttentionRankPage page;
  page.setParams({{"n", 24.0}, {"prefix", 6.0}, {"view", std::string("depth")}, {"depth", 5.0}});
  page.computeNow();
  QStringList names;
  for (const auto& t : page.exportData()) {
    names << t.name;
    ASSERT_FALSE(t.rows.empty()) << t.name.toStdString();
    for (const auto& row : t.rows)
      ASSERT_EQ(row.size(), static_cast<std::size_t>(t.columns.size())) << t.name.toStdString();
  }
  for (const char* want :
       {"singular_values", "metrics", "mixed_heads", "attention_causal", "depth"})
    EXPECT_TRUE(names.contains(QString::fromLatin1(want))) << want;
}

TEST(AttentionRankPage, MetricsTableShowsEveryMask) {
  AttentionRankPage page;
  page.setParams({{"n", 16.0}, {"prefix", 4.0}, {"view", std::string("metrics")}});
  page.computeNow();
  std::unique_ptr<QWidget> fig(page.makeFigure());
  auto* table = fig->findChildren<QTableWidget*>().value(0);
  ASSERT_NE(table, nullptr);
  // The metrics panel's table (not the overview's) is filled in this view: 5 rows, 11 columns.
  bool found = false;
  for (auto* t : fig->findChildren<QTableWidget*>())
    if (t->rowCount() == 5 && t->columnCount() == 11 && t->item(2, 3)) {
      found = true;
      EXPECT_FALSE(t->item(2, 3)->text().contains(QStringLiteral("∞")));  // causal log det finite
    }
  EXPECT_TRUE(found);
}

TEST(AttentionRankPage, LoadsQkFromCsvAndRejectsBadText) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  writeFile(dir.filePath("q.csv"), "0.5, -1\n0.25, 2\n1, 0\n");
  writeFile(dir.filePath("k.txt"), "1 0\n0 1\n-1 0.5\n");
  writeFile(dir.filePath("k_text.csv"), "1,0\n0,one\n1,1\n");
  AttentionRankPage page;
  const auto before = page.params();
  try {
    page.loadNpy(dir.filePath("q.csv"), dir.filePath("k_text.csv"));
    FAIL() << "non-numeric K accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "k_file");
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
  }
  EXPECT_EQ(page.params(), before);
  page.loadNpy(dir.filePath("q.csv"), dir.filePath("k.txt"));
  page.computeNow();
  ASSERT_TRUE(page.result().has_value());
  EXPECT_EQ(page.result()->n, 3);
  Eigen::MatrixXd q(3, 2), k(3, 2);
  q << 0.5, -1, 0.25, 2, 1, 0;
  k << 1, 0, 0, 1, -1, 0.5;
  const Eigen::MatrixXd expected = attention::attentionMatrix(q, k, 1.0, {});
  EXPECT_LT((page.result()->matrices[0] - expected).cwiseAbs().maxCoeff(), 1e-15);
}

TEST(AttentionRankPage, HeadsViewExportsEveryHeadMap) {
  AttentionRankPage page;
  page.setParams({{"n", 16.0}, {"heads", 3.0}, {"view", std::string("heads")}});
  page.computeNow();
  const auto tables = page.exportData();
  bool found = false;
  for (const auto& t : tables) {
    if (t.name != QStringLiteral("mixed_head_maps")) continue;
    found = true;
    EXPECT_EQ(t.rows.size(), 3u * 16u * 16u);
  }
  EXPECT_TRUE(found);
  const QImage img = ui::renderFigure(page, {QSize(900, 600), 96, true});
  EXPECT_EQ(img.size(), QSize(900, 600));
}
