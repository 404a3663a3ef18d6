// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Page base behaviour (through the demo page) and figure/data export.
#include <gtest/gtest.h>

#include <QApplication>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include "latentlab/common/scenario.h"
#include "tests/ui/test_page.h"
#include "ui/common/figure_export.h"
#include "ui/common/param_form.h"
#include "ui/common/pdf_page.h"

// Readable QString values in gtest failure messages (internal linkage: no clash across files).
static void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

namespace latentlab::ui {
namespace {

using testing::DemoPage;

double num(const latentlab::ParamSet& ps, const char* key) { return std::get<double>(ps.at(key)); }

int inkPixels(const QImage& img) {
  const QRgb bg = img.pixel(0, 0);
  int ink = 0;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) ink += img.pixel(x, y) != bg;
  return ink;
}

/// LATENTLAB_UI_SNAPSHOTS=/some/dir keeps exported files for a human look.
void keep(const QString& path, const QString& name) {
  const QString dir = qEnvironmentVariable("LATENTLAB_UI_SNAPSHOTS");
  if (!dir.isEmpty()) {
    QFile::remove(dir + '/' + name);
    QFile::copy(path, dir + '/' + name);
  }
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

FigureOptions figureOptions(QSize size, int dpi, bool printTheme) {
  FigureOptions o;
  o.size = size;
  o.dpi = dpi;
  o.printTheme = printTheme;
  return o;
}

/// The first page's /MediaBox of a PDF, in points.
QSizeF mediaBox(const QByteArray& pdf) {
  static const QRegularExpression box(
      QStringLiteral("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]"));
  const auto m = box.match(QString::fromLatin1(pdf));
  return m.hasMatch() ? QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble()) : QSizeF();
}

TEST(Page, StartsFromFieldDefaultsAndSeedOne) {
  DemoPage page;
  EXPECT_EQ(num(page.params(), "n"), 5.0);
  EXPECT_EQ(num(page.params(), "k"), 2.0);
  EXPECT_EQ(num(page.params(), "tau"), 1.0);
  EXPECT_EQ(page.seed(), 1u);
  EXPECT_FALSE(page.hasResult());
}

TEST(Page, SetParamsRejectsBadValuesAndKeepsState) {
  DemoPage page;
  int changed = 0;
  QObject::connect(&page, &Page::paramsChanged, [&] { ++changed; });
  EXPECT_THROW(page.setParams({{"k", 7.0}}), latentlab::ParamError);  // k > n
  EXPECT_THROW(page.setParams({{"tau", 2.0}, {"bogus", 1.0}}), latentlab::ParamError);
  EXPECT_THROW(page.setParams({{"tau", 2.0}, {"n", 0.0}}), latentlab::ParamError);  // n < 1
  EXPECT_EQ(num(page.params(), "tau"), 1.0);  // nothing half-applied
  EXPECT_EQ(changed, 0);
  try {
    page.setParam("k", 9.0);
    FAIL() << "k = 9 > n accepted";
  } catch (const latentlab::ParamError& e) {
    EXPECT_EQ(e.key(), "k");
    EXPECT_STREQ(e.what(), "k must be between 0 and n = 5, got 9");
  }
  page.setParams({{"n", 10.0}, {"k", 9.0}});
  EXPECT_EQ(num(page.params(), "k"), 9.0);
  EXPECT_EQ(changed, 1);
  ASSERT_TRUE(page.controller()->waitForIdle(5000));
  EXPECT_TRUE(page.hasResult());
  EXPECT_EQ(page.result().p.size(), 10u);
}

TEST(Page, ComputeNowAppliesAResult) {
  DemoPage page;
  double elapsed = -1.0;
  QObject::connect(&page, &Page::computed, [&](double ms) { elapsed = ms; });
  page.computeNow();
  EXPECT_TRUE(page.hasResult());
  EXPECT_GE(elapsed, 0.0);
  ASSERT_EQ(page.result().p.size(), 5u);
  double sum = 0.0;
  for (double p : page.result().p) sum += p;
  EXPECT_NEAR(sum, 1.0, 1e-12);
  EXPECT_GT(page.result().p[0], page.result().p[1]);
}

TEST(Page, FormEditsRecomputeAndInvalidEditsAreUndone) {
  DemoPage page;
  auto* form = page.controls()->findChild<ParamForm*>();
  ASSERT_NE(form, nullptr);
  auto* tauSpin = form->findChild<QDoubleSpinBox*>(QStringLiteral("tau_spin"));
  auto* kSpin = form->findChild<QSpinBox*>(QStringLiteral("k_spin"));
  ASSERT_TRUE(tauSpin && kSpin);
  tauSpin->setValue(2.0);
  EXPECT_EQ(num(page.params(), "tau"), 2.0);
  ASSERT_TRUE(page.controller()->waitForIdle(5000));
  EXPECT_DOUBLE_EQ(page.result().tau, 2.0);

  QString failure;
  QObject::connect(&page, &Page::computeFailed, [&](const QString& m) { failure = m; });
  kSpin->setValue(7);  // allowed by the field (≤ 32) but not by the page (k ≤ n = 5)
  EXPECT_EQ(failure, QStringLiteral("k must be between 0 and n = 5, got 7"));
  EXPECT_EQ(num(page.params(), "k"), 2.0);
  EXPECT_EQ(kSpin->value(), 2);  // the form shows the accepted value again

  page.setParam("k", 4.0);  // programmatic change reaches the form
  EXPECT_EQ(kSpin->value(), 4);
}

TEST(Page, ScenarioRoundTripAndWrongPage) {
  DemoPage a;
  a.setParams({{"n", 8.0}, {"tau", 0.25}});
  a.setSeed(7);
  const std::string json = latentlab::scenarioToJson(a.scenario());
  DemoPage b;
  b.applyScenario(latentlab::scenarioFromJson(json));
  EXPECT_EQ(b.params(), a.params());
  EXPECT_EQ(b.seed(), 7u);

  latentlab::Scenario other = a.scenario();
  other.page = "topk";
  try {
    b.applyScenario(other);
    FAIL() << "scenario of another page accepted";
  } catch (const latentlab::ParamError& e) {
    EXPECT_EQ(e.key(), "page");
    EXPECT_STREQ(e.what(), "scenario is for page 'topk', this is 'demo'");
  }
  latentlab::Scenario bad = a.scenario();
  bad.params["k"] = 99.0;
  EXPECT_THROW(b.applyScenario(bad), latentlab::ParamError);
  EXPECT_EQ(b.params(), a.params());
}

TEST(Page, HiddenPagePausesAndCatchesUp) {
  DemoPage page;
  page.setActive(false);
  page.setParam("n", 3.0);
  page.setParam("n", 4.0);
  EXPECT_FALSE(page.controller()->waitForIdle(80));
  EXPECT_EQ(page.appliedCount(), 0);
  page.setActive(true);
  ASSERT_TRUE(page.controller()->waitForIdle(5000));
  EXPECT_EQ(page.appliedCount(), 1);
  EXPECT_EQ(page.result().p.size(), 4u);
}

TEST(Page, MakeFigureIsNonBlank) {
  DemoPage page;
  page.computeNow();
  const QImage img = renderFigure(page, figureOptions({800, 900}, 96, true));
  EXPECT_EQ(img.size(), QSize(800, 900));
  EXPECT_EQ(QColor(img.pixel(1, 1)), QColor(Qt::white));
  EXPECT_GT(inkPixels(img), 800 * 900 / 10);
}

TEST(Page, PrintThemeOverridesADarkAppPalette) {
  DemoPage page;
  page.computeNow();
  const QPalette saved = QApplication::palette();
  QPalette dark = saved;
  dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
  dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
  QApplication::setPalette(dark);
  const QImage darkImg = renderFigure(page, figureOptions({600, 800}, 96, false));
  const QImage printImg = renderFigure(page, figureOptions({600, 800}, 96, true));
  QApplication::setPalette(saved);
  // (300, 100) lies inside the chart's plot area: the chart follows the palette it is given.
  EXPECT_EQ(QColor(darkImg.pixel(300, 100)), QColor(0x20, 0x22, 0x26));
  EXPECT_EQ(QColor(printImg.pixel(300, 100)), QColor(Qt::white));
  EXPECT_EQ(QColor(printImg.pixel(2, 798)), QColor(Qt::white));
}

// ---------------------------------------------------------------------------------------------

struct ExportFixture : ::testing::Test {
  QTemporaryDir dir;
  DemoPage page;
  void SetUp() override {
    ASSERT_TRUE(dir.isValid());
    page.setParams({{"n", 6.0}, {"tau", 0.5}});
    page.computeNow();
  }
  QString path(const char* name) const { return dir.filePath(QString::fromLatin1(name)); }
  QString json() const {
    return QString::fromStdString(latentlab::scenarioToJson(page.scenario()));
  }
};

TEST_F(ExportFixture, PngCarriesScenarioAndSize) {
  const FigureOptions opt = figureOptions({900, 700}, 144, true);
  exportFigure(page, path("fig.png"), opt);
  QImageReader reader(path("fig.png"));
  // PNG text travels compact (one line): Qt's PNG reader simplifies whitespace in text chunks.
  const QString stored = reader.text(QStringLiteral("latentlab-scenario"));
  EXPECT_FALSE(stored.contains('\n'));
  EXPECT_EQ(QJsonDocument::fromJson(stored.toUtf8()), QJsonDocument::fromJson(json().toUtf8()));
  EXPECT_EQ(latentlab::scenarioFromJson(stored.toStdString()).params, page.scenario().params);
  EXPECT_TRUE(reader.text(QStringLiteral("Software")).startsWith(QStringLiteral("LatentLab")));
  const QImage img = reader.read();
  ASSERT_FALSE(img.isNull());
  EXPECT_EQ(img.size(), QSize(900, 700));
  EXPECT_NEAR(img.dotsPerMeterX(), 144 / 0.0254, 1.0);
  EXPECT_GT(inkPixels(img), 900 * 700 / 10);
  keep(path("fig.png"), QStringLiteral("export_fig.png"));
}

TEST_F(ExportFixture, SvgIsValidXmlWithScenarioMetadata) {
  exportFigure(page, path("fig.svg"));
  keep(path("fig.svg"), QStringLiteral("export_fig.svg"));
  const QByteArray svg = readAll(path("fig.svg"));
  ASSERT_FALSE(svg.isEmpty());
  QXmlStreamReader xml(svg);
  QString scenario;
  bool inMetadata = false, sawSvg = false;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isStartElement() && xml.name() == QStringLiteral("svg")) sawSvg = true;
    if (xml.isStartElement() && xml.name() == QStringLiteral("metadata")) inMetadata = true;
    if (inMetadata && xml.isStartElement() && xml.name() == QStringLiteral("scenario"))
      scenario = xml.readElementText();
  }
  EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
  EXPECT_TRUE(sawSvg);
  EXPECT_EQ(scenario, json());
  if (QImageReader::supportedImageFormats().contains("svg")) {
    EXPECT_FALSE(QImage(path("fig.svg")).isNull());
  }
}

TEST_F(ExportFixture, PdfIsWritten) {
  exportFigure(page, path("fig.pdf"), figureOptions({1200, 800}, 144, true));
  keep(path("fig.pdf"), QStringLiteral("export_fig.pdf"));
  const QByteArray pdf = readAll(path("fig.pdf"));
  EXPECT_TRUE(pdf.startsWith("%PDF-"));
  EXPECT_TRUE(pdf.trimmed().endsWith("%%EOF"));
  EXPECT_GT(pdf.size(), 2000);
}

TEST(FigureSize, ParsesPixelsAndPhysicalUnits) {
  FigureOptions o;
  EXPECT_TRUE(parseFigureSize(QStringLiteral("1200x800"), o).isEmpty());
  EXPECT_EQ(o.size, QSize(1200, 800));
  EXPECT_TRUE(o.points.isEmpty());
  EXPECT_TRUE(parseFigureSize(QStringLiteral("170x110mm"), o).isEmpty());
  EXPECT_NEAR(o.points.width(), 481.8898, 1e-3);
  EXPECT_NEAR(o.points.height(), 311.8110, 1e-3);
  EXPECT_EQ(describeFigureSize(o), QStringLiteral("170 × 110 mm"));
  EXPECT_TRUE(parseFigureSize(QStringLiteral("17x11cm"), o).isEmpty());
  EXPECT_NEAR(o.points.width(), 481.8898, 1e-3);
  EXPECT_TRUE(parseFigureSize(QStringLiteral("6.7x4.3in"), o).isEmpty());
  EXPECT_NEAR(o.points.width(), 482.4, 1e-9);
  EXPECT_TRUE(parseFigureSize(QStringLiteral("482x312pt"), o).isEmpty());
  EXPECT_EQ(o.points, QSizeF(482, 312));
  // A physical size's PNG is that size at the dpi; its layout is 96 per inch.
  o.dpi = 300;
  EXPECT_EQ(pixelSize(o), QSize(2008, 1300));
  EXPECT_EQ(layoutSize(o), QSize(643, 416));
  // Pixels: the page is the PNG printed at the dpi.
  EXPECT_TRUE(parseFigureSize(QStringLiteral("1600x1000"), o).isEmpty());
  o.dpi = 144;
  EXPECT_EQ(pagePoints(o), QSizeF(800, 500));
  EXPECT_EQ(layoutSize(o), QSize(1067, 667));

  const FigureOptions before = o;
  for (const char* bad : {"170x110", "10x10mm", "170x110km", "1.5x900", "3000x3000mm", "x", "",
                          "170mmx110mm", "-5x300"}) {
    const QString error = parseFigureSize(QString::fromLatin1(bad), o);
    EXPECT_FALSE(error.isEmpty()) << bad;
    EXPECT_EQ(o.size, before.size) << bad;  // a refused size leaves the options as they were
    EXPECT_EQ(o.points, before.points) << bad;
  }
  // Without a unit "170x110" is pixels, and a pixel side is 200..8000.
  EXPECT_TRUE(parseFigureSize(QStringLiteral("170x110"), o).contains(QStringLiteral("200")));
  // A physical size whose PNG would pass 8000 pixels is refused for PNG only.
  FigureOptions huge;
  EXPECT_TRUE(parseFigureSize(QStringLiteral("1000x500mm"), huge).isEmpty());
  huge.dpi = 600;
  EXPECT_FALSE(checkFigureOptions(huge, true).isEmpty());
  EXPECT_TRUE(checkFigureOptions(huge, false).isEmpty());
}

TEST_F(ExportFixture, PhysicalSizesGiveExactPdfAndSvgPages) {
  FigureOptions o;
  ASSERT_TRUE(parseFigureSize(QStringLiteral("170x110mm"), o).isEmpty());
  for (int dpi : {96, 300}) {  // the dpi never changes a physical page
    o.dpi = dpi;
    exportFigure(page, path("mm.pdf"), o);
    const QByteArray pdf = readAll(path("mm.pdf"));
    const QSizeF box = mediaBox(pdf);
    EXPECT_NEAR(box.width(), 481.89, 0.01) << dpi;
    EXPECT_NEAR(box.height(), 311.81, 0.01) << dpi;
    // The rewritten box kept every byte offset: startxref still points at the xref table.
    const qsizetype at = pdf.lastIndexOf("startxref");
    ASSERT_GT(at, 0);
    const qsizetype xref = pdf.mid(at + 9, 24).trimmed().split('\n').front().toLongLong();
    EXPECT_EQ(pdf.mid(xref, 4), QByteArray("xref")) << dpi;
  }
  exportFigure(page, path("mm.svg"), o);
  const QString svg = QString::fromUtf8(readAll(path("mm.svg")));
  EXPECT_TRUE(svg.contains(QStringLiteral("width=\"170.000mm\" height=\"110.000mm\"")))
      << svg.left(400).toStdString();
  exportFigure(page, path("mm.png"), o);
  const QImage png(path("mm.png"));
  EXPECT_EQ(png.size(), QSize(2008, 1299));
  EXPECT_EQ(png.dotsPerMeterX(), qRound(300 / 0.0254));
  // A pixel size's PDF page is the PNG printed at the dpi.
  exportFigure(page, path("px.pdf"), figureOptions({1600, 1000}, 144, true));
  const QSizeF px = mediaBox(readAll(path("px.pdf")));
  EXPECT_NEAR(px.width(), 800, 0.01);
  EXPECT_NEAR(px.height(), 500, 0.01);
}

TEST(PdfPage, ExactMediaBoxKeepsTheByteCount) {
  QByteArray pdf("a /MediaBox [0 0 482.000000 312.000000] b /MediaBox [0 0 482.000000 312.000000]");
  const qsizetype size = pdf.size();
  EXPECT_EQ(setExactMediaBox(pdf, QSizeF(481.8898, 311.811)), 2);
  EXPECT_EQ(pdf.size(), size);
  EXPECT_TRUE(pdf.startsWith("a /MediaBox [0 0 481.889800 311.811000] b")) << pdf.constData();
  QByteArray crossing("/MediaBox [0 0 100.000000 100.000000]");
  EXPECT_EQ(setExactMediaBox(crossing, QSizeF(99.6, 99.5)), 1);
  EXPECT_EQ(crossing, QByteArray("/MediaBox [0 0 99.6000000 99.5000000]"));
  QByteArray none("no box");
  EXPECT_EQ(setExactMediaBox(none, QSizeF(1, 1)), 0);
}

TEST_F(ExportFixture, ReportHasOnePagePerPage) {
  DemoPage second;
  second.computeNow();
  exportReportPdf({&page, &second}, path("report.pdf"), figureOptions({1000, 800}, 96, true));
  keep(path("report.pdf"), QStringLiteral("export_report.pdf"));
  const QByteArray pdf = readAll(path("report.pdf"));
  ASSERT_TRUE(pdf.startsWith("%PDF-"));
  const QRegularExpression pageObj(QStringLiteral("/Type\\s*/Page[^s]"));
  EXPECT_EQ(QString::fromLatin1(pdf).count(pageObj), 2);
}

TEST_F(ExportFixture, CsvBlocksWithFullPrecisionAndEmptyNaN) {
  exportData(page, path("data.csv"));
  const QStringList lines = QString::fromUtf8(readAll(path("data.csv"))).split('\n');
  ASSERT_GE(lines.size(), 9);
  EXPECT_EQ(lines[0], QStringLiteral("# probs"));
  EXPECT_EQ(lines[1], QStringLiteral("i,p"));
  const QStringList first = lines[2].split(',');
  ASSERT_EQ(first.size(), 2);
  EXPECT_EQ(first[1].toDouble(), page.result().p[0]);  // %.17g round-trips exactly
  EXPECT_EQ(lines[8], QStringLiteral("6,"));           // NaN → empty cell
  EXPECT_TRUE(lines[9].isEmpty());
}

TEST_F(ExportFixture, JsonHasScenarioTablesAndNull) {
  exportData(page, path("data.json"));
  QJsonParseError err{};
  const QJsonDocument doc = QJsonDocument::fromJson(readAll(path("data.json")), &err);
  ASSERT_EQ(err.error, QJsonParseError::NoError) << err.errorString().toStdString();
  const QJsonObject root = doc.object();
  EXPECT_EQ(root["format"].toString(), QStringLiteral("latentlab-data"));
  EXPECT_EQ(root["page"].toString(), QStringLiteral("demo"));
  EXPECT_EQ(root["scenario"].toObject()["params"].toObject()["n"].toDouble(), 6.0);
  const QJsonArray tables = root["tables"].toArray();
  ASSERT_EQ(tables.size(), 1);
  const QJsonObject t = tables[0].toObject();
  EXPECT_EQ(t["name"].toString(), QStringLiteral("probs"));
  EXPECT_EQ(t["columns"].toArray().size(), 2);
  const QJsonArray rows = t["rows"].toArray();
  ASSERT_EQ(rows.size(), 7);
  EXPECT_EQ(rows[0].toArray()[1].toDouble(), page.result().p[0]);
  EXPECT_TRUE(rows[6].toArray()[1].isNull());
}

TEST_F(ExportFixture, BadSuffixUnwritablePathAndBadSizeThrow) {
  try {
    exportFigure(page, path("fig.xyz"));
    FAIL() << "unknown suffix accepted";
  } catch (const ExportError& e) {
    EXPECT_STREQ(e.what(), "unsupported figure format '.xyz' (use .png, .svg or .pdf)");
  }
  EXPECT_THROW(exportData(page, path("data.txt")), ExportError);
  const QString bad = QStringLiteral("/nonexistent-latentlab-dir/fig.png");
  try {
    exportFigure(page, bad);
    FAIL() << "unwritable path accepted";
  } catch (const ExportError& e) {
    EXPECT_TRUE(QString::fromUtf8(e.what()).contains(bad)) << e.what();
  }
  EXPECT_THROW(exportData(page, QStringLiteral("/nonexistent-latentlab-dir/d.csv")), ExportError);
  EXPECT_THROW(exportFigure(page, path("tiny.png"), figureOptions({10, 10}, 96, true)),
               ExportError);
  EXPECT_FALSE(QFile::exists(path("tiny.png")));
}

TEST_F(ExportFixture, WidgetScreenshot) {
  QWidget* fig = page.makeFigure();
  fig->resize(400, 500);
  exportWidgetPng(fig, path("shot.png"));
  const QImage img(path("shot.png"));
  EXPECT_EQ(img.size(), QSize(400, 500) * fig->devicePixelRatio());
  delete fig;
}

}  // namespace
}  // namespace latentlab::ui
