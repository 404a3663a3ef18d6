// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include <gtest/gtest.h>

#include <QAbstractScrollArea>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QSet>
#include <QSlider>
#include <QSpinBox>
#include <cmath>

#include "ui/common/chart_view.h"
#include "ui/common/color_bar_painter.h"
#include "ui/common/color_map.h"
#include "ui/common/heatmap_view.h"
#include "ui/common/param_form.h"

// Readable QString values in gtest failure messages (internal linkage: no clash across files).
static void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

namespace latentlab::ui {
namespace {

using latentlab::FieldKind;
using latentlab::FieldSpec;
using latentlab::ParamValue;

void snapshotImage(const QImage& img, const QString& name) {
  // LATENTLAB_UI_SNAPSHOTS=/some/dir keeps the rendered images for a human look.
  const QString dir = qEnvironmentVariable("LATENTLAB_UI_SNAPSHOTS");
  if (!dir.isEmpty()) img.save(QDir(dir).filePath(name));
}

struct Emitted {
  std::string key;
  ParamValue value;
  bool interactive;
};

std::vector<FieldSpec> allKinds() {
  FieldSpec r{.key = "r", .label = "Real", .kind = FieldKind::Real, .min = -1, .max = 1};
  r.def = 0.5;
  FieldSpec t{.key = "t",
              .label = "Temperature",
              .kind = FieldKind::Real,
              .min = 1e-3,
              .max = 1e4,
              .logScale = true,
              .help = "softmax temperature"};
  t.def = 1.0;
  FieldSpec i{.key = "i", .label = "Count", .kind = FieldKind::Integer, .min = 0, .max = 10};
  i.def = 4.0;
  FieldSpec b{.key = "b", .label = "Flag", .kind = FieldKind::Bool};
  b.def = false;
  FieldSpec c{.key = "c",
              .label = "Method",
              .kind = FieldKind::Choice,
              .choices = {"alpha", "beta"},
              .choiceLabels = {"Alpha", "Beta label"}};
  c.def = std::string("alpha");
  FieldSpec v{.key = "v",
              .label = "Scores",
              .kind = FieldKind::Vector,
              .min = -100,
              .max = 100,
              .minSize = 1,
              .maxSize = 8};
  v.def = std::vector<double>{3, 2, 1, 4};
  return {r, t, i, b, c, v};
}

struct FormFixture : ::testing::Test {
  ParamForm form{allKinds(), {{QStringLiteral("Scores"), "v"}}};
  std::vector<Emitted> emitted;
  void SetUp() override {
    QObject::connect(&form, &ParamForm::valueChanged,
                     [this](const std::string& k, const ParamValue& v, bool i) {
                       emitted.push_back({k, v, i});
                     });
  }
  template <class W>
  W* child(const char* name) {
    W* w = form.findChild<W*>(QString::fromLatin1(name));
    EXPECT_NE(w, nullptr) << name;
    return w;
  }
};

TEST_F(FormFixture, BuildsAWidgetForEveryKindWithDefaults) {
  EXPECT_DOUBLE_EQ(child<QDoubleSpinBox>("r_spin")->value(), 0.5);
  EXPECT_EQ(child<QSlider>("r_slider")->value(), 750);
  EXPECT_EQ(child<QSpinBox>("i_spin")->value(), 4);
  EXPECT_FALSE(child<QCheckBox>("b")->isChecked());
  auto* combo = child<QComboBox>("c");
  ASSERT_EQ(combo->count(), 2);
  EXPECT_EQ(combo->itemText(1), QStringLiteral("Beta label"));
  EXPECT_EQ(child<QLineEdit>("v")->text(), QStringLiteral("3, 2, 1, 4"));
  EXPECT_EQ(child<QSlider>("t_slider")->toolTip(), QStringLiteral("softmax temperature"));
  EXPECT_TRUE(emitted.empty());
}

TEST_F(FormFixture, SetValuesDoesNotEmit) {
  form.setValues({{"r", -0.25},
                  {"i", 7.0},
                  {"b", true},
                  {"c", std::string("beta")},
                  {"v", std::vector<double>{1, 2}},
                  {"unknown", 1.0}});
  EXPECT_TRUE(emitted.empty());
  EXPECT_DOUBLE_EQ(child<QDoubleSpinBox>("r_spin")->value(), -0.25);
  EXPECT_EQ(child<QSlider>("r_slider")->value(), 375);
  EXPECT_EQ(child<QSpinBox>("i_spin")->value(), 7);
  EXPECT_TRUE(child<QCheckBox>("b")->isChecked());
  EXPECT_EQ(child<QComboBox>("c")->currentIndex(), 1);
  EXPECT_EQ(child<QLineEdit>("v")->text(), QStringLiteral("1, 2"));
}

TEST_F(FormFixture, SpinSliderCheckAndComboEmitValues) {
  child<QDoubleSpinBox>("r_spin")->setValue(0.25);
  ASSERT_EQ(emitted.size(), 1u);
  EXPECT_EQ(emitted[0].key, "r");
  EXPECT_DOUBLE_EQ(std::get<double>(emitted[0].value), 0.25);
  EXPECT_FALSE(emitted[0].interactive);
  EXPECT_EQ(child<QSlider>("r_slider")->value(), 625);

  auto* slider = child<QSlider>("i_slider");
  slider->setSliderDown(true);
  slider->setValue(9);
  ASSERT_EQ(emitted.size(), 2u);
  EXPECT_TRUE(emitted[1].interactive);
  EXPECT_DOUBLE_EQ(std::get<double>(emitted[1].value), 9.0);
  EXPECT_EQ(child<QSpinBox>("i_spin")->value(), 9);
  slider->setSliderDown(false);  // release: the final, full-quality value
  ASSERT_EQ(emitted.size(), 3u);
  EXPECT_FALSE(emitted[2].interactive);
  EXPECT_DOUBLE_EQ(std::get<double>(emitted[2].value), 9.0);

  child<QCheckBox>("b")->setChecked(true);
  ASSERT_EQ(emitted.size(), 4u);
  EXPECT_EQ(std::get<bool>(emitted[3].value), true);
  child<QComboBox>("c")->setCurrentIndex(1);
  ASSERT_EQ(emitted.size(), 5u);
  EXPECT_EQ(std::get<std::string>(emitted[4].value), "beta");
}

TEST_F(FormFixture, LogSliderReachesBothEnds) {
  auto* slider = child<QSlider>("t_slider");
  auto* spin = child<QDoubleSpinBox>("t_spin");
  slider->setValue(0);
  ASSERT_FALSE(emitted.empty());
  EXPECT_DOUBLE_EQ(std::get<double>(emitted.back().value), 1e-3);
  EXPECT_EQ(spin->text(), QStringLiteral("0.001"));
  slider->setValue(1000);
  EXPECT_DOUBLE_EQ(std::get<double>(emitted.back().value), 1e4);
  EXPECT_EQ(spin->text(), QStringLiteral("10000"));
  slider->setValue(500);  // geometric middle of 1e-3..1e4 is 10^0.5
  EXPECT_NEAR(std::get<double>(emitted.back().value), std::sqrt(10.0), 0.01);
  form.setValues({{"t", 1e-3}});
  EXPECT_EQ(slider->value(), 0);
  form.setValues({{"t", 1.0}});
  EXPECT_EQ(slider->value(), 429);  // log10(1e3)/log10(1e7) of the way
}

TEST_F(FormFixture, BadVectorTextEmitsNothingAndShowsTheError) {
  auto* line = child<QLineEdit>("v");
  line->setText(QStringLiteral("3, x, 1"));
  emit line->editingFinished();
  EXPECT_TRUE(emitted.empty());
  EXPECT_TRUE(line->styleSheet().contains(QStringLiteral("border")));
  EXPECT_TRUE(line->toolTip().contains(QStringLiteral("not a number")))
      << line->toolTip().toStdString();
  line->setText(QStringLiteral("5, 6"));
  emit line->editingFinished();
  ASSERT_EQ(emitted.size(), 1u);
  EXPECT_EQ(std::get<std::vector<double>>(emitted[0].value), (std::vector<double>{5, 6}));
  EXPECT_TRUE(line->styleSheet().isEmpty());
}

TEST_F(FormFixture, VisibilityAndRange) {
  form.resize(400, 600);
  form.show();
  auto* slider = child<QSlider>("i_slider");
  EXPECT_TRUE(slider->isVisible());
  form.setFieldVisible("i", false);
  EXPECT_FALSE(slider->isVisible());
  form.setFieldVisible("i", true);
  EXPECT_TRUE(slider->isVisible());
  form.setFieldRange("i", 0, 3);
  EXPECT_EQ(child<QSpinBox>("i_spin")->maximum(), 3);
  EXPECT_EQ(slider->maximum(), 3);
  EXPECT_TRUE(emitted.empty());
  form.hide();
}

TEST_F(FormFixture, RendersEveryRow) {
  form.resize(420, 420);
  const QImage img = form.grab().toImage();
  snapshotImage(img, QStringLiteral("param_form.png"));
  int ink = 0;
  const QRgb bg = img.pixel(1, 1);
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) ink += img.pixel(x, y) != bg;
  EXPECT_GT(ink, img.width() * img.height() / 20);
  EXPECT_EQ(form.findChildren<QLabel*>().size(), 6);  // one label per field
}

// ---------------------------------------------------------------------------------------------

TEST(ColorMapping, ViridisEndpointsAndCentre) {
  ColorMapping m;  // viridis, linear, [0, 1]
  EXPECT_EQ(m.color(0.0), QColor(0x44, 0x01, 0x54));
  EXPECT_EQ(m.color(1.0), QColor(0xfd, 0xe7, 0x25));
  EXPECT_EQ(m.color(0.5), QColor(0x21, 0x91, 0x8c));
  EXPECT_EQ(m.color(-5.0), m.color(0.0));  // clamps
  EXPECT_EQ(m.color(std::nan("")), QColor(128, 128, 128));
}

TEST(ColorMapping, DivergingIsWhiteAtZero) {
  Eigen::MatrixXd x(1, 2);
  x << -2.0, 1.0;
  const ColorMapping m = ColorMapping::fit(x, ColorMapKind::Diverging, ColorScale::Symmetric);
  EXPECT_DOUBLE_EQ(m.lo, -2.0);
  EXPECT_DOUBLE_EQ(m.hi, 2.0);
  EXPECT_EQ(m.color(0.0), QColor(Qt::white));
  EXPECT_EQ(m.color(-2.0), QColor(0x21, 0x66, 0xac));
  EXPECT_EQ(m.color(2.0), QColor(0xb2, 0x18, 0x2b));
  EXPECT_DOUBLE_EQ(m.normalise(1.0), 0.75);
}

TEST(ColorMapping, LogScaleAndNonPositiveValues) {
  Eigen::MatrixXd x(1, 4);
  x << 0.0, -1.0, 0.1, 10.0;
  const ColorMapping m = ColorMapping::fit(x, ColorMapKind::Grey, ColorScale::Log);
  EXPECT_DOUBLE_EQ(m.lo, 0.1);
  EXPECT_DOUBLE_EQ(m.hi, 10.0);
  EXPECT_NEAR(m.normalise(1.0), 0.5, 1e-12);
  EXPECT_TRUE(std::isnan(m.normalise(0.0)));
  EXPECT_EQ(m.color(-1.0), QColor(128, 128, 128));
  EXPECT_EQ(m.color(0.1), QColor(Qt::black));
  EXPECT_EQ(m.color(10.0), QColor(Qt::white));
}

TEST(ColorMapping, ColorizeKeepsLayoutAndTicksAreReadable) {
  Eigen::MatrixXd x(2, 3);
  x << 0, 1, 2, 3, 4, 5;
  const ColorMapping m = ColorMapping::fit(x, ColorMapKind::Viridis, ColorScale::Linear);
  const QImage img = colorize(x, m);
  ASSERT_EQ(img.size(), QSize(3, 2));
  EXPECT_EQ(QColor(img.pixel(0, 1)), m.color(3.0));
  EXPECT_EQ(QColor(img.pixel(2, 0)), m.color(2.0));

  const auto ticks = colorBarTicks(m);
  EXPECT_GE(ticks.size(), 5u);
  EXPECT_LE(ticks.size(), 7u);
  EXPECT_DOUBLE_EQ(ticks.front(), 0.0);
  EXPECT_DOUBLE_EQ(ticks.back(), 5.0);
  ColorMapping lg{ColorMapKind::Viridis, ColorScale::Log, 1e-3, 1e2};
  EXPECT_EQ(colorBarTicks(lg).size(), 6u);
  // A short bar asks for fewer: never more than asked, the top decade kept on a log bar.
  EXPECT_LE(colorBarTicks(m, 3).size(), 3u);
  EXPECT_GE(colorBarTicks(m, 3).size(), 2u);
  const auto fewLog = colorBarTicks(lg, 3);
  EXPECT_LE(fewLog.size(), 3u);
  EXPECT_DOUBLE_EQ(fewLog.back(), 1e2);
  EXPECT_EQ(colorBarTickLabel(1e-3), QStringLiteral("0.001"));
  EXPECT_EQ(colorBarTickLabel(0.123456), QStringLiteral("0.123"));
}

// colorize works the bounds out once per image; every pixel must still be color()'s colour.
TEST(ColorMapping, ColorizeMatchesColorOnEveryScale) {
  Eigen::MatrixXd x(4, 5);
  x << 1e-9, 2e-7, 0.0, -3.0, 0.5, 1.0, 7.0, 1e3, std::nan(""), 0.25, 3e-4, 0.9, 2.5, 12.0, 1e-2,
      0.333, 5e-5, 64.0, 0.7, 1.5;
  for (const ColorScale scale : {ColorScale::Linear, ColorScale::Log, ColorScale::Symmetric}) {
    const ColorMapping m = ColorMapping::fit(x, ColorMapKind::Viridis, scale);
    const QImage img = colorize(x, m);
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 5; ++j)
        EXPECT_EQ(QColor(img.pixel(j, i)), m.color(x(i, j))) << static_cast<int>(scale) << i << j;
  }
}

// ---------------------------------------------------------------------------------------------

/// Pixels that differ from the colour at the corner, and distinct colours.
std::pair<int, int> inkAndColours(const QImage& img) {
  const QRgb bg = img.pixel(0, 0);
  int ink = 0;
  QSet<QRgb> colours;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) {
      const QRgb p = img.pixel(x, y);
      ink += p != bg;
      colours.insert(p);
    }
  return {ink, static_cast<int>(colours.size())};
}

int reddish(const QImage& img) {
  int n = 0;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) {
      const QColor c(img.pixel(x, y));
      n += c.red() > 190 && c.green() < 70 && c.blue() < 70;
    }
  return n;
}

QImage renderWidget(QWidget& w, QSize size) {
  w.resize(size);
  QCoreApplication::sendPostedEvents();  // chart layouts settle through posted events
  QImage img(size, QImage::Format_ARGB32_Premultiplied);
  img.fill(Qt::white);
  w.render(&img);
  return img;
}

void snapshot(const QImage& img, const QString& name) { snapshotImage(img, name); }

QPalette darkPalette() {
  QPalette p;
  p.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
  p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
  p.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1d));
  p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
  return p;
}

Eigen::MatrixXd sampleMatrix(int rows, int cols) {
  Eigen::MatrixXd m(rows, cols);
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j) m(i, j) = std::sin(0.7 * i) * std::cos(0.4 * j) + 0.1 * i;
  return m;
}

TEST(HeatmapView, RendersNonBlankWithLabelsAndColourBar) {
  HeatmapView view;
  view.setTitle(QStringLiteral("attention"));
  view.setAxisTitles(QStringLiteral("query"), QStringLiteral("key"));
  view.setColumnLabels({"the", "cat", "sat", "on", "the", "mat"});
  view.setShowValues(true);
  const Eigen::MatrixXd m = sampleMatrix(6, 6);
  view.setMatrix(m, ColorMapping::fit(m, ColorMapKind::Diverging, ColorScale::Symmetric));
  const QImage img = renderWidget(view, {520, 420});
  snapshot(img, QStringLiteral("heatmap_light.png"));
  const auto [ink, colours] = inkAndColours(img);
  EXPECT_GT(ink, img.width() * img.height() / 5);
  EXPECT_GT(colours, 30);

  // Viridis has no saturated red, so red pixels can only come from the marked-cell outline.
  view.setMatrix(m, ColorMapping::fit(m, ColorMapKind::Viridis, ColorScale::Linear));
  EXPECT_EQ(reddish(renderWidget(view, {520, 420})), 0) << "no marked cells, no red outline";
  Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic> marked =
      Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>::Constant(6, 6, false);
  marked(1, 2) = true;
  view.setMarked(marked);
  EXPECT_GT(reddish(renderWidget(view, {520, 420})), 20);

  view.setPalette(darkPalette());
  const QImage dark = renderWidget(view, {520, 420});
  snapshot(dark, QStringLiteral("heatmap_dark.png"));
  EXPECT_EQ(QColor(dark.pixel(2, 2)), QColor(0x20, 0x22, 0x26));
}

TEST(HeatmapView, CrowdedLabelsAndSmoothImages) {
  HeatmapView view;
  QStringList cols;
  for (int j = 0; j < 48; ++j) cols << QStringLiteral("tok%1").arg(j);
  view.setColumnLabels(cols);
  view.setAxisTitles(QStringLiteral("query"), QStringLiteral("key"));
  const Eigen::MatrixXd m = sampleMatrix(48, 48).cwiseAbs().array() + 1e-3;
  view.setMatrix(m, ColorMapping::fit(m, ColorMapKind::Viridis, ColorScale::Log));
  const QImage crowded = renderWidget(view, {520, 420});
  snapshot(crowded, QStringLiteral("heatmap_crowded.png"));
  EXPECT_GT(inkAndColours(crowded).second, 50);
  view.setSmooth(true);
  view.setColumnLabels({});
  const QImage smooth = renderWidget(view, {520, 420});
  snapshot(smooth, QStringLiteral("heatmap_smooth.png"));
  EXPECT_GT(inkAndColours(smooth).second, inkAndColours(crowded).second);  // interpolated
}

TEST(HeatmapView, HoverReportsCellAndExactValue) {
  HeatmapView view;
  Eigen::MatrixXd m = sampleMatrix(4, 5);
  m(2, 3) = 0.123456789;
  view.setMatrix(m, ColorMapping::fit(m, ColorMapKind::Viridis, ColorScale::Linear));
  view.resize(400, 300);
  QPoint target(-1, -1);
  for (int y = 0; y < 300 && target.x() < 0; ++y)
    for (int x = 0; x < 400; ++x)
      if (view.cellAt({x, y}) == QPoint(3, 2)) {
        target = {x + 3, y + 3};
        break;
      }
  ASSERT_GE(target.x(), 0);
  int row = -1, col = -1;
  double value = 0.0;
  QObject::connect(&view, &HeatmapView::hovered, [&](int r, int c, double v) {
    row = r;
    col = c;
    value = v;
  });
  QMouseEvent move(QEvent::MouseMove, QPointF(target), view.mapToGlobal(QPointF(target)),
                   Qt::NoButton, Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(&view, &move);
  EXPECT_EQ(row, 2);
  EXPECT_EQ(col, 3);
  EXPECT_DOUBLE_EQ(value, 0.123456789);
  EXPECT_EQ(view.readout(), QStringLiteral("row 3, col 4: 0.123457"));
  EXPECT_EQ(view.cellAt({0, 0}), QPoint(-1, -1));
}

TEST(ChartView, RendersNonBlankOffscreen) {
  ChartView chart;
  chart.setTitle(QStringLiteral("softmax response"));
  chart.setAxes(QStringLiteral("temperature τ"), ChartView::Axis::Log, QStringLiteral("weight"),
                ChartView::Axis::Linear);
  std::vector<QPointF> a, b;
  for (int i = 0; i <= 40; ++i) {
    const double t = std::pow(10.0, -2.0 + i * 0.1);
    a.emplace_back(t, 1.0 / (1.0 + std::exp(-1.0 / t)));
    b.emplace_back(t, 1.0 / (1.0 + std::exp(-0.3 / t)));
  }
  chart.setSeries(QStringLiteral("gap 1"), a);
  chart.setSeries(QStringLiteral("gap 0.3"), b, ChartView::Style::Dashed);
  chart.setMarker(QStringLiteral("τ = 1"), Qt::Vertical, 1.0);
  const QImage img = renderWidget(chart, {560, 380});
  snapshot(img, QStringLiteral("chart_light.png"));
  const auto [ink, colours] = inkAndColours(img);
  EXPECT_GT(ink, 2000);
  EXPECT_GT(colours, 10);

  chart.setPalette(darkPalette());
  const QImage dark = renderWidget(chart, {560, 380});
  snapshot(dark, QStringLiteral("chart_dark.png"));
  EXPECT_EQ(QColor(dark.pixel(3, 3)), QColor(0x20, 0x22, 0x26));
}

TEST(ChartView, ReplaceKeepsOneSeriesAndLogAxisDropsNonPositive) {
  ChartView chart;
  chart.setSeries(QStringLiteral("s"), {{0, 1}, {1, 2}});
  chart.setSeries(QStringLiteral("s"), {{0, 3}, {1, 4}, {2, 5}}, ChartView::Style::Step);
  EXPECT_EQ(chart.seriesCount(), 1);
  EXPECT_EQ(chart.seriesPoints(QStringLiteral("s")).size(), 3u);
  EXPECT_TRUE(chart.seriesPoints(QStringLiteral("none")).empty());

  const double nan = std::nan("");
  chart.setSeries(QStringLiteral("s"), {{1, -1}, {2, 0}, {3, 1}, {4, 10}, {5, nan}});
  EXPECT_EQ(chart.seriesPoints(QStringLiteral("s")).size(), 4u);
  chart.setAxes(QStringLiteral("x"), ChartView::Axis::Linear, QStringLiteral("y"),
                ChartView::Axis::Log);
  EXPECT_EQ(chart.seriesPoints(QStringLiteral("s")).size(), 2u);
  chart.setAxes(QStringLiteral("x"), ChartView::Axis::Linear, QStringLiteral("y"),
                ChartView::Axis::Linear);
  EXPECT_EQ(chart.seriesPoints(QStringLiteral("s")).size(), 4u);
  chart.setSeries(QStringLiteral("t"), {{0, 0}}, ChartView::Style::Scatter);
  EXPECT_EQ(chart.seriesCount(), 2);
  chart.removeSeries(QStringLiteral("s"));
  EXPECT_EQ(chart.seriesCount(), 1);
  chart.clearSeries();
  EXPECT_EQ(chart.seriesCount(), 0);
}

// Graphics items in a chart's scene (tick labels and grid lines among them); −1 without a scene.
qsizetype sceneItemCount(const ChartView& chart) {
  const auto* view = chart.findChild<QGraphicsView*>();
  return view && view->scene() ? view->scene()->items().size() : qsizetype{-1};
}

TEST(ChartView, RangeJumpsKeepTheTickCountSmall) {
  // The old tick interval on a new range asked Qt Charts for millions of tick items (a range of
  // 10^6 after one of 1 froze the window and used gigabytes): the GUI monkey test found it.
  ChartView chart;
  chart.resize(480, 320);
  const auto itemCount = [&chart] { return sceneItemCount(chart); };
  chart.setSeries(QStringLiteral("s"), {{0, 0}, {1, 1}});
  (void)renderWidget(chart, {480, 320});
  const qsizetype small = itemCount();
  ASSERT_GT(small, 0);
  for (const double scale : {1e6, 1.0, 1e-6, 1e9, 1.0}) {
    chart.setSeries(QStringLiteral("s"), {{0, 0}, {scale, scale}});
    (void)renderWidget(chart, {480, 320});
    EXPECT_LT(itemCount(), 4 * small + 100) << "range 0.." << scale;
  }
}

TEST(ChartView, AMarkerAddedAfterATinyRangeKeepsTheTickCountSmall) {
  // Fits wait for the event loop; a series or marker attached before that re-initialises the
  // axis range while the last fit's interval (here 1e-7) still holds. That froze the window when
  // a streamed partial result with a tiny range was followed by a marker far away.
  ChartView chart;
  chart.resize(480, 320);
  const auto itemCount = [&chart] { return sceneItemCount(chart); };
  chart.setSeries(QStringLiteral("s"), {{0, 0}, {1e-6, 1e-6}});
  (void)renderWidget(chart, {480, 320});
  const qsizetype small = itemCount();
  ASSERT_GT(small, 0);
  chart.setMarker(QStringLiteral("far"), Qt::Vertical, 1e6);
  chart.setSeries(QStringLiteral("wide"), {{0, 0}, {1e6, 1e6}});
  EXPECT_LT(itemCount(), 4 * small + 100) << "before the fit";
  (void)renderWidget(chart, {480, 320});
  EXPECT_LT(itemCount(), 4 * small + 100) << "after the fit";
  EXPECT_GE(chart.yRange().second, 1e6);
}

TEST(ChartView, HoverShowsNearestPoint) {
  ChartView chart;
  chart.setSeries(QStringLiteral("a"), {{0, 0}, {1, 1}, {2, 4}, {3, 9}});
  chart.setSeries(QStringLiteral("b"), {{0, 9}, {1, 4}, {2, 1}, {3, 0}}, ChartView::Style::Scatter);
  chart.resize(500, 360);
  chart.show();
  for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();
  const QPointF onB = chart.pointPosition(QStringLiteral("b"), {1, 4});
  ASSERT_TRUE(std::isfinite(onB.x()));
  EXPECT_EQ(chart.hoverTextAt(onB + QPointF(3, -2)), QStringLiteral("b: x = 1, y = 4"));
  const QPointF onA = chart.pointPosition(QStringLiteral("a"), {3, 9});
  EXPECT_EQ(chart.hoverTextAt(onA), QStringLiteral("a: x = 3, y = 9"));
  EXPECT_TRUE(chart.hoverTextAt({-500, -500}).isEmpty());

  // A real mouse move on the chart's viewport shows the read-out label.
  auto* area =
      chart.findChild<QAbstractScrollArea*>();  // the QChartView, without Qt Charts headers
  ASSERT_NE(area, nullptr);
  QWidget* viewport = area->viewport();
  const QPointF local = viewport->mapFrom(&chart, onA);
  QMouseEvent move(QEvent::MouseMove, local, viewport->mapToGlobal(local), Qt::NoButton,
                   Qt::NoButton, Qt::NoModifier);
  QApplication::sendEvent(viewport, &move);
  EXPECT_EQ(chart.readoutText(), QStringLiteral("a: x = 3, y = 9"));
  chart.hide();
}

TEST(ChartView, HighlightedBarsShowRed) {
  ChartView chart;
  chart.setAxes(QStringLiteral("i"), ChartView::Axis::Linear, QStringLiteral("value"),
                ChartView::Axis::Linear);
  chart.setBars({"1", "2", "3", "4"}, {"soft top-k"}, {{0.9, 0.8, 0.2, 0.1}});
  const int before = reddish(renderWidget(chart, {500, 340}));
  chart.setBars({"1", "2", "3", "4"}, {"soft top-k"}, {{0.9, 0.8, 0.2, 0.1}},
                {{false, true, false, false}});
  chart.setMarker(QStringLiteral("λ"), Qt::Horizontal, 0.5, Qt::darkGreen);
  const QImage img = renderWidget(chart, {500, 340});
  snapshot(img, QStringLiteral("chart_bars.png"));
  EXPECT_GT(reddish(img), before + 50);
}

}  // namespace
}  // namespace latentlab::ui

TEST(ChartView, LogAxisStopsSixteenDecadesDownAndClampsTheCurveToIt) {
  latentlab::ui::ChartView chart;
  chart.resize(500, 350);
  chart.setAxes("τ", latentlab::ui::ChartView::Axis::Log, "error",
                latentlab::ui::ChartView::Axis::Log);
  std::vector<QPointF> pts;
  for (int i = 0; i <= 300; ++i) pts.emplace_back(1.0 + i, std::pow(10.0, -i));  // 1 … 1e-300
  chart.setSeries("error", pts);
  const auto [lo, hi] = chart.yRange();
  EXPECT_DOUBLE_EQ(hi, 1.0);
  EXPECT_GE(lo, 1e-16 * hi * (1 - 1e-12)) << "hundreds of decades would squeeze the labels";
  EXPECT_EQ(chart.seriesPoints("error").size(), pts.size());                 // the data is kept
  for (const QPointF& q : chart.drawnPoints("error")) EXPECT_GE(q.y(), lo);  // drawn inside
  EXPECT_EQ(chart.drawnPoints("error").back().y(), lo);
}
