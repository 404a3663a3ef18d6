// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMouseEvent>
#include <QCoreApplication>
#include <QSet>
#include <QSignalSpy>
#include <QPushButton>
#include <QTabBar>
#include <QTemporaryDir>
#include <cmath>

#include "ui/common/figure_export.h"
#include "ui/common/view_tabs.h"
#include "ui/pages/quantization/quant_image_figure.h"
#include "ui/pages/quantization/quant_image_page.h"

using namespace latentlab;
using latentlab::ui::QuantImagePage;

namespace {

int distinctColours(const QImage& img) {
  QSet<QRgb> seen;
  for (int y = 0; y < img.height(); y += 7)
    for (int x = 0; x < img.width(); x += 7) seen.insert(img.pixel(x, y));
  return static_cast<int>(seen.size());
}

// Small settings keep the rate–distortion sweep quick in tests.
void makeQuick(QuantImagePage& page) {
  page.setParams({{"patch", 8.0}, {"lloyd_iterations", 2.0}});
}

}  // namespace

TEST(QuantImagePage, ComputesAndDrawsEveryViewOnTheBundledSample) {
  QuantImagePage page;
  makeQuick(page);
  const auto fields = page.fields();
  for (const auto& view : findField(fields, "view")->choices) {
    page.setParam("view", view);
    page.computeNow();
    ASSERT_TRUE(page.result().has_value());
    EXPECT_EQ(page.result()->original.width(), 512) << view;
    EXPECT_EQ(page.result()->original.channels(), 3) << view;
    const QImage img = ui::renderFigure(page, {QSize(1000, 700), 96, true});
    ASSERT_EQ(img.size(), QSize(1000, 700)) << view;
    EXPECT_GT(distinctColours(img), 40) << "figure for view " << view << " looks blank";
  }
  EXPECT_EQ(page.result()->rate.size(), 9u);
}

TEST(QuantImagePage, CoffeeSampleAndMetricsInExportData) {
  QuantImagePage page;
  page.setParams({{"image", std::string("coffee")}, {"patch", 8.0}});
  page.computeNow();
  EXPECT_EQ(page.imageName(), "coffee.png");
  EXPECT_EQ(page.result()->original.width(), 600);
  EXPECT_EQ(page.result()->original.height(), 400);
  const auto tables = page.exportData();
  ASSERT_GE(tables.size(), 2);
  EXPECT_EQ(tables[0].name, "metrics");
  ASSERT_EQ(tables[0].rows.size(), 2u);
  EXPECT_GT(tables[0].rows[0][2], 15.0);  // FSQ PSNR in dB
  EXPECT_GT(tables[0].rows[1][2], 15.0);  // VQ PSNR in dB
}

TEST(QuantImagePage, OpensAFileAndKeepsItOnABadOne) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  QImage grey(40, 24, QImage::Format_Grayscale8);
  for (int y = 0; y < 24; ++y)
    for (int x = 0; x < 40; ++x) grey.scanLine(y)[x] = static_cast<uchar>(6 * x);
  const QString good = dir.filePath("ramp.png");
  ASSERT_TRUE(grey.save(good));
  QuantImagePage page;
  ASSERT_TRUE(page.openImageFile(good));
  page.computeNow();
  EXPECT_EQ(page.imageName(), "ramp.png");
  EXPECT_EQ(page.result()->original.channels(), 1);
  EXPECT_EQ(page.result()->original.width(), 40);

  const QString bad = dir.filePath("broken.png");
  QFile f(bad);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write("not a png");
  f.close();
  QSignalSpy failed(&page, &ui::Page::computeFailed);
  EXPECT_FALSE(page.openImageFile(bad));
  ASSERT_EQ(failed.count(), 1);
  EXPECT_TRUE(failed.at(0).at(0).toString().contains("keeping the previous"));
  EXPECT_FALSE(page.openImageFile(dir.path()));  // a directory
  page.computeNow();
  EXPECT_EQ(page.imageName(), "ramp.png");
  EXPECT_EQ(page.result()->original.width(), 40);
}

TEST(QuantImagePage, ExportsReconstructionsAsImages) {
  QuantImagePage page;
  page.setParams({{"image", std::string("coffee")}, {"patch", 8.0}, {"budget", std::string("8")}});
  page.computeNow();
  QTemporaryDir dir;
  const QStringList files = page.exportReconstructions(dir.path());
  ASSERT_EQ(files.size(), 5);
  const QImage fsq(QDir(dir.path()).filePath("fsq.png"));
  ASSERT_FALSE(fsq.isNull());
  EXPECT_EQ(fsq.size(), QSize(600, 400));
  EXPECT_GT(distinctColours(fsq), 20);
  const QImage vq(QDir(dir.path()).filePath("vq.png"));
  EXPECT_EQ(vq.size(), QSize(600, 400));
}

TEST(QuantImagePage, ParameterChangeProducesAResultAsynchronously) {
  QuantImagePage page;
  page.setActive(true);
  QSignalSpy spy(&page, &ui::Page::computed);
  page.setParam("budget", std::string("8"));
  ASSERT_TRUE(page.controller()->waitForIdle(30000));
  ASSERT_GE(spy.count(), 1);
  EXPECT_EQ(page.result()->codes, 240);
  EXPECT_EQ(page.result()->levels, (std::vector<int>{8, 6, 5}));
}

// "Opened file" without one used to compute on the astronaut while saying "loaded": a scenario
// replayed that way silently used another image. It is refused now, and the page keeps its image.
TEST(QuantImagePage, OpenedFileChoiceWithoutAFileIsRefused) {
  QuantImagePage page;
  try {
    page.setParams({{"image", std::string("loaded")}, {"patch", 8.0}});
    FAIL() << "'loaded' without an image was accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "image");
    EXPECT_NE(std::string(e.what()).find("needs an opened image"), std::string::npos);
  }
  page.computeNow();
  EXPECT_EQ(page.imageName(), "astronaut.png");
  EXPECT_EQ(page.result()->original.width(), 512);
  EXPECT_TRUE(page.inputs().empty());
}

TEST(QuantImagePage, TrainingViewStreamsAndFinishes) {
  QuantImagePage page;
  page.setParams({{"patch", 8.0}, {"train_steps", 200.0}, {"budget", std::string("8")}});
  page.setParam("view", std::string("training"));
  page.computeNow();
  ASSERT_TRUE(page.training().has_value());
  const auto& t = *page.training();
  EXPECT_TRUE(t.finished);
  ASSERT_EQ(t.curves.size(), 3u);
  EXPECT_EQ(t.curves[0].step.back(), 200);
  const auto tables = page.exportData();
  ASSERT_EQ(tables.size(), 2);
  EXPECT_EQ(tables[0].name, "training");
  EXPECT_EQ(tables[0].rows.size(), 3u * 100u);  // a point every 2 steps for three models
  const QImage img = ui::renderFigure(page, {QSize(1000, 700), 96, true});
  EXPECT_GT(distinctColours(img), 12);

  // In the background: pause holds the run, resume lets it finish.
  page.setActive(true);
  QSignalSpy spy(&page, &ui::Page::computed);
  page.setParam("train_steps", 300.0);
  page.setPaused(true);
  EXPECT_TRUE(page.isPaused());
  page.setPaused(false);
  ASSERT_TRUE(page.controller()->waitForIdle(60000));
  ASSERT_GE(spy.count(), 1);
  EXPECT_EQ(page.training()->curves[0].step.back(), 300);
}

TEST(QuantImagePage, SharedViewTabsDriveTheViewBothWays) {
  QuantImagePage page;
  // One tab strip, the shared one: no page-made QTabBar next to it.
  const auto tabs = page.findChildren<ui::ViewTabs*>();
  ASSERT_EQ(tabs.size(), 1);
  EXPECT_EQ(page.findChildren<QTabBar*>().size(), 1);
  QTabBar* bar = tabs.front()->tabBar();
  ASSERT_EQ(bar->count(), 4);
  bar->setCurrentIndex(1);
  EXPECT_EQ(std::get<std::string>(page.params().at("view")), "colour");
  page.setParam("view", std::string("rate_distortion"));
  EXPECT_EQ(bar->currentIndex(), 2);
  // The page's own buttons sit in the strip's action row.
  const auto buttons = tabs.front()->findChildren<QPushButton*>();
  EXPECT_EQ(buttons.size(), 4);  // open, export, pause, stop
}

TEST(QuantImagePage, HoverShowsThePatchCodesAndOutlinesIt) {
  QuantImagePage page;
  page.setParams({{"patch", 8.0}, {"budget", std::string("8")}, {"lloyd_iterations", 2.0}});
  page.computeNow();
  std::unique_ptr<QWidget> widget(page.makeFigure());
  auto* fig = qobject_cast<ui::QuantImageFigure*>(widget.get());
  ASSERT_NE(fig, nullptr);
  fig->resize(1200, 800);
  widget->show();
  QCoreApplication::processEvents();
  // A real mouse move over the middle of the FSQ panel: the centre pixel (256, 256) of the
  // 512×512 sample is patch (32, 32) at P = 8.
  ui::ImagePanel* panel = fig->fsqPanel();
  const auto pixel = panel->imagePixelAt(panel->rect().center());
  ASSERT_TRUE(pixel.has_value());
  QMouseEvent move(QEvent::MouseMove, QPointF(panel->rect().center()),
                   panel->mapToGlobal(QPointF(panel->rect().center())), Qt::NoButton,
                   Qt::NoButton, Qt::NoModifier);
  QCoreApplication::sendEvent(panel, &move);
  const QString text = fig->hoverLabel()->text();
  const auto& r = *page.result();
  const auto info = quantization::patchCodeAt(r, pixel->x(), pixel->y());
  ASSERT_TRUE(info.has_value());
  EXPECT_TRUE(text.contains(QStringLiteral("row %1, col %2").arg(info->row).arg(info->col)))
      << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("index %1").arg(info->fsqIndex))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("VQ</b> code %1").arg(info->vqIndex)))
      << text.toStdString();
  // Tier B quantizes pixels: no patch read-out there.
  page.setParam("view", std::string("colour"));
  page.computeNow();
  std::unique_ptr<QWidget> colour(page.makeFigure());
  auto* cfig = qobject_cast<ui::QuantImageFigure*>(colour.get());
  cfig->hoverPixel(QPoint(10, 10));
  EXPECT_TRUE(cfig->hoverLabel()->text().isEmpty());
}
