// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Scenarios saved from pages that opened files (File ▸ Save scenario's writeScenario) carry those
// files, and opening them in another window state computes on exactly the recorded data.
#include <gtest/gtest.h>

#include <QImage>
#include <QTemporaryDir>
#include <cmath>
#include <fstream>

#include "latentlab/common/npy.h"
#include "ui/pages/attention/attention_rank_page.h"
#include "ui/pages/quantization/quant_grid_page.h"
#include "ui/pages/quantization/quant_image_page.h"
#include "ui/shell/scenario_io.h"

using namespace latentlab;

namespace {

Eigen::MatrixXd wave(int n, int d, double shift) {
  Eigen::MatrixXd m(n, d);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < d; ++j) m(i, j) = std::sin(1.1 * i + 0.6 * j + shift);
  return m;
}

void writeNpy(const QString& path, const Eigen::MatrixXd& m) {
  std::ofstream(path.toStdString(), std::ios::binary) << toNpy(m);
}

// Every number of two pages' exports, table by table.
void expectSameTables(const QList<ui::DataTable>& a, const QList<ui::DataTable>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (qsizetype i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_EQ(a[i].columns, b[i].columns) << a[i].name.toStdString();
    ASSERT_EQ(a[i].rows.size(), b[i].rows.size()) << a[i].name.toStdString();
    for (std::size_t r = 0; r < a[i].rows.size(); ++r)
      for (std::size_t c = 0; c < a[i].rows[r].size(); ++c) {
        const double x = a[i].rows[r][c], y = b[i].rows[r][c];
        if (!(std::isnan(x) && std::isnan(y))) {
          ASSERT_EQ(x, y) << a[i].name.toStdString() << "[" << r << "][" << c << "]";
        }
      }
  }
}

}  // namespace

TEST(ScenarioInputsPage, SavedQkReopenAsTheRecordedMatricesEvenOverOtherLoadedOnes) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  writeNpy(dir.filePath("q.npy"), wave(37, 5, 0.0));
  writeNpy(dir.filePath("k.npy"), wave(37, 5, 0.3));
  ui::AttentionRankPage saved;
  saved.loadNpy(dir.filePath("q.npy"), dir.filePath("k.npy"));
  saved.setParam("prefix", 12.0);
  saved.computeNow();
  ui::writeScenario(saved, dir.filePath("s.json"));
  const Scenario s = ui::readScenario(dir.filePath("s.json"));
  ASSERT_EQ(s.inputs.size(), 2u);
  EXPECT_EQ(s.inputs[0].name, "q.npy");
  EXPECT_EQ(s.inputs[0].shape, (std::vector<int>{37, 5}));

  // Another window state with different matrices loaded: the scenario's own data wins.
  writeNpy(dir.filePath("q2.npy"), wave(20, 3, 1.0));
  writeNpy(dir.filePath("k2.npy"), wave(20, 3, 2.0));
  ui::AttentionRankPage other;
  other.loadNpy(dir.filePath("q2.npy"), dir.filePath("k2.npy"));
  other.applyScenario(s);
  other.computeNow();
  EXPECT_EQ(other.result()->n, 37);
  expectSameTables(saved.exportData(), other.exportData());
  EXPECT_EQ(other.scenario().inputs[1].sha256, s.inputs[1].sha256);

  // A scenario that fails its params leaves the page's own matrices in place.
  Scenario bad = s;
  bad.params["prefix"] = 5000.0;  // out of range
  ui::AttentionRankPage third;
  third.loadNpy(dir.filePath("q2.npy"), dir.filePath("k2.npy"));
  EXPECT_THROW(third.applyScenario(bad), ParamError);
  third.computeNow();
  EXPECT_EQ(third.result()->n, 20);
  EXPECT_EQ(third.inputs()[0].name, "q2.npy");
}

TEST(ScenarioInputsPage, ASavedOpenedImageReplaysWithoutItsFile) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  QImage img(72, 40, QImage::Format_RGB888);
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x)
      img.setPixelColor(x, y, QColor((5 * x) % 256, (7 * y) % 256, (x * y) % 256));
  ASSERT_TRUE(img.save(dir.filePath("mine.png")));
  ui::QuantImagePage saved;
  ASSERT_TRUE(saved.openImageFile(dir.filePath("mine.png")));
  saved.setParam("budget", std::string("8"));
  saved.computeNow();
  ui::writeScenario(saved, dir.filePath("s.json"));
  QFile::remove(dir.filePath("mine.png"));  // the scenario alone must be enough
  ui::QuantImagePage other;
  other.applyScenario(ui::readScenario(dir.filePath("s.json")));
  other.computeNow();
  EXPECT_EQ(other.imageName(), "mine.png");
  EXPECT_EQ(other.result()->original.width(), 72);
  expectSameTables(saved.exportData(), other.exportData());
}

// quant_grid's image patches come from an opened image or the bundled sample; a scenario saved
// with the sample goes back to it even where another image is open.
TEST(ScenarioInputsPage, GridPatchesOfTheSampleReplayOverAnOpenedImage) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  ui::QuantGridPage saved;
  saved.setParams({{"data", std::string("patches")}, {"points", 500.0}});
  saved.computeNow();
  const Scenario s = saved.scenario();
  ASSERT_EQ(s.inputs.size(), 1u);
  EXPECT_EQ(s.inputs[0].name, "astronaut.png");
  EXPECT_TRUE(s.inputs[0].data.empty());  // built in: named, not embedded

  QImage img(64, 64, QImage::Format_RGB888);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x) img.setPixelColor(x, y, QColor(4 * x, 4 * y, (x * y) % 256));
  ASSERT_TRUE(img.save(dir.filePath("other.png")));
  ui::QuantGridPage other;
  ASSERT_TRUE(other.openImageFile(dir.filePath("other.png")));
  other.applyScenario(s);
  other.computeNow();
  EXPECT_EQ(other.imageName(), "astronaut.png");
  expectSameTables(saved.exportData(), other.exportData());
}
