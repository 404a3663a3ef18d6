// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Exported figures against on-screen ones: no mouse hints, a caption line, one colour per
// quantizer and fine-tuning method across pages, every marker in a legend.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <memory>

#include "tests/ui/test_page.h"
#include "ui/common/chart_legend.h"
#include "ui/common/chart_view.h"
#include "ui/common/figure_export.h"
#include "ui/common/palette.h"
#include "ui/pages/attention/attention_rank_page.h"
#include "ui/pages/attention/efficient_attention_page.h"
#include "ui/pages/quantization/quant_grid_page.h"
#include "ui/pages/quantization/quant_grid_plane.h"
#include "ui/pages/quantization/quant_image_page.h"
#include "ui/pages/topk/topk_page.h"
#include "ui/shell/page_registry.h"

namespace latentlab::ui {
namespace {

/// The text of every label a figure shows (hidden ones left out).
QString shownText(QWidget* figure) {
  QString all;
  for (auto* label : figure->findChildren<QLabel*>())
    if (label->isVisibleTo(figure)) all += label->text() + '\n';
  return all;
}

/// Builds `page`'s figure in `mode`, laid out (not on screen) at a window's size.
std::unique_ptr<QWidget> figure(const Page& page, FigureMode mode) {
  std::unique_ptr<QWidget> fig(page.makeFigure(nullptr, mode));
  fig->setAttribute(Qt::WA_DontShowOnScreen, true);
  fig->resize(1400, 900);
  fig->show();
  QCoreApplication::processEvents();
  return fig;
}

bool mentionsTheMouse(const QString& text) {
  for (const char* word : {"Hover", "hover", "Click", "click", "toolbar", "Press"})
    if (text.contains(QLatin1String(word))) return true;
  return false;
}

struct HintCase {
  const char* name;
  std::function<std::unique_ptr<Page>()> make;
};

TEST(FigureMode, ExportedFiguresCarryNoMouseHintsThatTheScreenShows) {
  const std::vector<HintCase> cases = {
      {"topk gallery",
       [] {
         auto p = std::make_unique<TopkPage>();
         p->setParams({{"view", std::string("gallery")}});
         return std::unique_ptr<Page>(std::move(p));
       }},
      {"topk speed",
       [] {
         auto p = std::make_unique<TopkPage>();
         p->setParams({{"view", std::string("speed")}});
         return std::unique_ptr<Page>(std::move(p));
       }},
      {"attention_rank overview", [] { return std::unique_ptr<Page>(new AttentionRankPage); }},
      {"attention_rank heatmaps",
       [] {
         auto p = std::make_unique<AttentionRankPage>();
         p->setParams({{"n", 32.0}, {"view", std::string("heatmaps")}});
         return std::unique_ptr<Page>(std::move(p));
       }},
      {"efficient_attention maps",
       [] { return std::unique_ptr<Page>(new EfficientAttentionPage); }},
      {"quant_image", [] {
         auto p = std::make_unique<QuantImagePage>();
         p->setParams({{"patch", 8.0}, {"budget", std::string("8")}, {"lloyd_iterations", 2.0}});
         return std::unique_ptr<Page>(std::move(p));
       }}};
  for (const HintCase& c : cases) {
    SCOPED_TRACE(c.name);
    const auto page = c.make();
    page->computeNow();
    const auto screen = figure(*page, FigureMode::Screen);
    const auto exported = figure(*page, FigureMode::Export);
    // The hint is there on screen (so the check below looks at the right text)…
    EXPECT_TRUE(mentionsTheMouse(shownText(screen.get()))) << shownText(screen.get()).toStdString();
    // …and gone from the export, which still shows the figure's other text.
    const QString text = shownText(exported.get());
    EXPECT_FALSE(mentionsTheMouse(text)) << text.toStdString();
    EXPECT_GT(text.size(), 20);
  }
}

TEST(FigureMode, CaptionNamesTheSourceAndTheKeyParameters) {
  testing::DemoPage page;
  page.setParams({{"n", 7.0}, {"tau", 0.5}});
  EXPECT_EQ(page.figureCaption(),
            QStringLiteral("A demo source (2026) · Count = 7, Temperature = 0.5"));
  TopkPage topk;
  topk.setParams({{"tau", 4.0}});
  const QString caption = topk.figureCaption();
  EXPECT_TRUE(caption.contains(QStringLiteral("kexue.fm/archives/10373"))) << caption.toStdString();
  // The form's label "τ (temperature)" is shortened to its symbol; a choice shows its label.
  EXPECT_TRUE(caption.contains(QStringLiteral("τ = 4"))) << caption.toStdString();
  EXPECT_FALSE(caption.contains(QStringLiteral("(temperature)"))) << caption.toStdString();
  for (const PageInfo& info : pageRegistry()) {
    const std::unique_ptr<Page> p(info.factory());
    EXPECT_FALSE(p->source().isEmpty()) << info.id.toStdString();
    EXPECT_TRUE(p->figureCaption().contains(QStringLiteral(" = "))) << info.id.toStdString();
  }
}

TEST(FigureMode, ExportedSvgCarriesTheCaptionUnlessTurnedOff) {
  QTemporaryDir dir;
  TopkPage page;
  page.computeNow();
  const auto svgText = [&](bool caption) {
    FigureOptions o;
    o.size = {1000, 700};
    o.caption = caption;
    const QString path = dir.filePath(caption ? "with.svg" : "without.svg");
    exportFigure(page, path, o);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
  };
  EXPECT_TRUE(svgText(true).contains(QStringLiteral("kexue.fm/archives/10373")));
  EXPECT_FALSE(svgText(false).contains(QStringLiteral("kexue.fm/archives/10373")));
}

TEST(FigureMode, FsqAndVqKeepOneColourAcrossPages) {
  const auto colourOf = [](const Page& page, const QString& series) {
    const auto fig = figure(page, FigureMode::Export);
    for (auto* chart : fig->findChildren<ChartView*>())
      if (const QColor c = chart->seriesColor(series); c.isValid()) return c;
    return QColor();
  };
  QuantGridPage grid;
  grid.computeNow();
  QuantImagePage image;
  image.setParams({{"patch", 8.0},
                   {"budget", std::string("8")},
                   {"lloyd_iterations", 2.0},
                   {"view", std::string("rate_distortion")}});
  image.computeNow();
  for (const auto& [name, hue] : {std::pair{"FSQ", Hue::Fsq}, std::pair{"VQ", Hue::Vq}}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(colourOf(grid, name), hueColor(hue));
    EXPECT_EQ(colourOf(image, name), hueColor(hue));
  }
  EXPECT_NE(hueColor(Hue::Fsq), hueColor(Hue::Vq));
}

TEST(FigureMode, LegendSwatchesShowTheLineStyleAndNamesAreNeverCut) {
  ChartView chart;
  chart.setAttribute(Qt::WA_DontShowOnScreen, true);
  const QColor blue(0x1f, 0x77, 0xb4);
  chart.setSeries(QStringLiteral("causal"), {{0, 1}, {1, 2}}, ChartView::Style::Line, blue);
  chart.setSeries(QStringLiteral("causal + residual (a long name for a narrow chart)"),
                  {{0, 2}, {1, 3}}, ChartView::Style::Dashed, blue);
  chart.setSeries(QStringLiteral("points"), {{0.5, 1.5}}, ChartView::Style::Scatter, blue);
  chart.resize(260, 240);
  chart.show();
  QCoreApplication::processEvents();
  const auto* legend = chart.findChild<ChartLegend*>(QStringLiteral("chartLegend"));
  ASSERT_NE(legend, nullptr);
  ASSERT_TRUE(legend->isVisible());
  const auto& entries = legend->entries();
  ASSERT_EQ(entries.size(), 3u);
  // One colour, three swatches a reader tells apart: solid, dashed, a dot.
  EXPECT_EQ(entries[0].pen.style(), Qt::SolidLine);
  EXPECT_NE(entries[1].pen.style(), Qt::SolidLine);
  EXPECT_EQ(entries[2].swatch, ChartLegend::Swatch::Dot);
  // The names wrap into rows: the legend is as tall as they need and Qt shortens nothing.
  EXPECT_GE(legend->height(), legend->heightForWidth(legend->width()));
  EXPECT_GT(legend->heightForWidth(legend->width()), legend->fontMetrics().height() * 2);
  EXPECT_TRUE(chart.elidedTexts().isEmpty()) << chart.elidedTexts().join(", ").toStdString();
}

TEST(FigureMode, EveryCodewordMarkerHasALegendEntry) {
  QuantGridPage page;
  page.setParams({{"precision", std::string("bf16")}});
  page.computeNow();
  const auto fig = figure(page, FigureMode::Export);
  QStringList texts;
  for (auto* plane : fig->findChildren<PlaneView*>())
    if (plane->isVisibleTo(fig.get())) texts += plane->legendTexts();
  EXPECT_TRUE(texts.contains(QStringLiteral("codeword"))) << texts.join(", ").toStdString();
  EXPECT_TRUE(texts.contains(QStringLiteral("aliased point"))) << texts.join(", ").toStdString();
}

}  // namespace
}  // namespace latentlab::ui
