// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The grid page's step/play through the VQ history and its image-patch points.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

#include "latentlab/common/rng.h"
#include "latentlab/quantization/grid_lab.h"
#include "ui/common/chart_view.h"
#include "ui/pages/quantization/quant_grid_figure.h"
#include "ui/pages/quantization/quant_grid_page.h"
#include "ui/pages/quantization/quant_grid_sweep_panel.h"

using namespace latentlab;
using latentlab::ui::QuantGridPage;

namespace {

// A 64×48 image of seeded noise on a gradient: 192 patches of 4×4.
QString writeTexture(const QTemporaryDir& dir) {
  Rng rng(5);
  QImage img(64, 48, QImage::Format_RGB888);
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) {
      const int noise = static_cast<int>(40.0 * rng.uniform());
      img.setPixel(x, y, qRgb(3 * x + noise, 4 * y, 100 + noise));
    }
  const QString path = QDir(dir.path()).filePath(QStringLiteral("texture.png"));
  EXPECT_TRUE(img.save(path));
  return path;
}

}  // namespace

TEST(QuantGridHistoryPage, ShownStepReplaysTheLastRunWithoutRetraining) {
  QuantGridPage page;
  page.computeNow();
  const auto full = page.result();
  ASSERT_TRUE(full);
  ASSERT_EQ(full->history.size(), 16u);
  const int before = page.replayCount();
  page.setParam("shown_step", 4.0);
  page.computeNow();
  EXPECT_EQ(page.replayCount(), before + 1);
  EXPECT_EQ(page.result()->points, full->points);  // the same run
  EXPECT_EQ(page.result()->codebook, full->history[4]);
  EXPECT_EQ(page.result()->shownIndex, 4);
  // The slider follows the param; a training change retrains.
  auto* slider = page.findChild<QSlider*>(QStringLiteral("gridStep"));
  ASSERT_NE(slider, nullptr);
  EXPECT_EQ(slider->maximum(), 15);
  EXPECT_EQ(slider->value(), 4);
  page.setParam("iterations", 5.0);
  page.computeNow();
  EXPECT_EQ(page.replayCount(), before + 1);
  EXPECT_EQ(page.result()->history.size(), 6u);
  EXPECT_EQ(page.findChild<QSlider*>(QStringLiteral("gridStep"))->maximum(), 5);
}

TEST(QuantGridHistoryPage, SliderEndMeansTheFinalCodebookAndPlayRunsToIt) {
  QuantGridPage page;
  page.setParams({{"iterations", 3.0}, {"shown_step", 1.0}});
  page.computeNow();
  auto* slider = page.findChild<QSlider*>(QStringLiteral("gridStep"));
  ASSERT_NE(slider, nullptr);
  slider->setValue(slider->maximum());
  EXPECT_EQ(std::get<double>(page.params().at("shown_step")), quantization::kGridLastStep);
  page.setPlaying(true);  // at the end: starts again from the init
  EXPECT_TRUE(page.isPlaying());
  EXPECT_EQ(slider->value(), 0);
  // Each tick advances one iteration; after the last one play stops by itself.
  for (int i = 0; i < 50 && page.isPlaying(); ++i) QTest::qWait(40);
  EXPECT_FALSE(page.isPlaying());
  EXPECT_EQ(slider->value(), slider->maximum());
  EXPECT_EQ(std::get<double>(page.params().at("shown_step")), quantization::kGridLastStep);
}

TEST(QuantGridHistoryPage, ImagePatchesFromTheSampleAndFromAFile) {
  QuantGridPage page;
  page.setParam("data", std::string("patches"));
  page.computeNow();
  ASSERT_TRUE(page.result());
  EXPECT_EQ(page.imageName(), QStringLiteral("astronaut.png"));
  EXPECT_EQ(page.result()->points.rows(), 2000);  // 16384 patches in the sample, N = 2000 drawn
  const auto samplePoints = page.result()->points;

  QTemporaryDir dir;
  const QString good = writeTexture(dir);
  QSignalSpy failed(&page, &ui::Page::computeFailed);
  ASSERT_TRUE(page.openImageFile(good));
  page.computeNow();
  EXPECT_EQ(page.imageName(), QStringLiteral("texture.png"));
  EXPECT_EQ(page.result()->points.rows(), 192);  // capped at the file's patch count
  EXPECT_EQ(page.findChild<QLineEdit*>(QStringLiteral("gridImagePath"))->text(), good);
  const auto filePoints = page.result()->points;

  // A corrupt file and a directory: a message, and the previous image and points stay.
  const QString bad = QDir(dir.path()).filePath(QStringLiteral("broken.png"));
  {
    QFile f(bad);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("not a png at all");
  }
  EXPECT_FALSE(page.openImageFile(bad));
  EXPECT_FALSE(page.openImageFile(dir.path()));
  EXPECT_EQ(failed.count(), 2);
  EXPECT_EQ(page.imageName(), QStringLiteral("texture.png"));
  EXPECT_EQ(page.findChild<QLineEdit*>(QStringLiteral("gridImagePath"))->text(), good);
  page.computeNow();
  EXPECT_EQ(page.result()->points, filePoints);

  // A too-small image is refused the same way (fewer than 100 patches).
  QImage small(16, 16, QImage::Format_RGB888);
  small.fill(Qt::gray);
  const QString tiny = QDir(dir.path()).filePath(QStringLiteral("tiny.png"));
  ASSERT_TRUE(small.save(tiny));
  EXPECT_FALSE(page.openImageFile(tiny));
  EXPECT_EQ(failed.count(), 3);

  // An empty path goes back to the bundled sample.
  ASSERT_TRUE(page.openImageFile(QString()));
  page.computeNow();
  EXPECT_EQ(page.result()->points, samplePoints);
}

TEST(QuantGridHistoryPage, UsageVsKViewComputesTheSweepOnceAndDrawsIt) {
  QuantGridPage page;
  page.setParam("points", 600.0);
  page.computeNow();
  EXPECT_FALSE(page.sweep());  // other views do not pay for the sweep
  page.setParam("view", std::string("sweep"));
  page.computeNow();
  ASSERT_TRUE(page.sweep());
  EXPECT_EQ(page.sweep()->points.size(), 7u);
  EXPECT_EQ(page.sweep()->fitPoints, 300);
  const auto sweep = page.sweep();
  // A view-only change keeps the same sweep; a training change drops it.
  page.setParam("shown_step", 2.0);
  page.computeNow();
  EXPECT_EQ(page.sweep(), sweep);
  page.setParam("alpha", 0.5);
  page.computeNow();
  ASSERT_TRUE(page.sweep());
  EXPECT_NE(page.sweep(), sweep);
  // The figure draws the six curves and the reproducibility note.
  std::unique_ptr<QWidget> fig(page.makeFigure());
  auto* grid = qobject_cast<ui::QuantGridFigure*>(fig.get());
  ASSERT_NE(grid, nullptr);
  EXPECT_EQ(grid->sweepPanel()->usageChart()->seriesCount(), 4);
  EXPECT_EQ(grid->sweepPanel()->snrChart()->seriesCount(), 2);
  EXPECT_TRUE(grid->sweepPanel()->note()->text().contains(QStringLiteral("Not reproduced")));
}

TEST(QuantGridHistoryPage, SweepIsInTheExportedData) {
  QuantGridPage page;
  page.setParams({{"points", 400.0}, {"view", std::string("sweep")}});
  page.computeNow();
  const auto tables = page.exportData();
  ASSERT_EQ(tables.size(), 6);
  EXPECT_EQ(tables.back().name, QStringLiteral("usage_vs_k"));
  ASSERT_EQ(tables.back().rows.size(), 7u);
  EXPECT_EQ(tables.back().rows.front()[0], 4.0);
  EXPECT_EQ(tables.back().rows.front()[1], 15.0);  // [5, 3]
}
