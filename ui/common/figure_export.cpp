// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/figure_export.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QVBoxLayout>
#include <QWidget>
#include <cmath>
#include <functional>
#include <memory>

#include "latentlab/common/scenario.h"
#include "ui/common/article_panel.h"
#include "ui/common/page.h"
#include "ui/common/pdf_page.h"

namespace latentlab::ui {
namespace {

#ifdef LATENTLAB_VERSION
const QString kSoftware = QStringLiteral("LatentLab " LATENTLAB_VERSION);
#else
const QString kSoftware = QStringLiteral("LatentLab");
#endif
constexpr int kReportTitleHeight = 56;

// lupdate files these strings under the "FigureExport" context.
struct Tr {
  Q_DECLARE_TR_FUNCTIONS(FigureExport)
};

[[noreturn]] void fail(const QString& path, const QString& reason) {
  throw ExportError(
      Tr::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason).toStdString());
}

void checkOptions(const FigureOptions& o, bool raster) {
  if (const QString error = checkFigureOptions(o, raster); !error.isEmpty())
    throw ExportError(error.toStdString());
}

}  // namespace

std::unique_ptr<QWidget> prepareFigure(const Page& page, const QSize& logical,
                                       const FigureOptions& o) {
  auto frame = std::make_unique<QWidget>();
  auto* layout = new QVBoxLayout(frame.get());
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  if (o.article) {  // the Article panel in a column to the right, about a third of the width
    auto* row = new QHBoxLayout;
    row->setSpacing(0);
    row->addWidget(page.makeFigure(frame.get(), FigureMode::Export), 7);
    auto* panel = new ArticlePanel(frame.get(), true);
    panel->setPage(const_cast<Page*>(&page));  // reads the page's article and current result
    row->addWidget(panel, 3);
    layout->addLayout(row, 1);
  } else {
    layout->addWidget(page.makeFigure(frame.get(), FigureMode::Export), 1);
  }
  if (o.caption) {
    auto* caption = new QLabel(page.figureCaption(), frame.get());
    caption->setObjectName(QStringLiteral("figureCaption"));
    caption->setWordWrap(true);
    caption->setTextFormat(Qt::PlainText);
    caption->setContentsMargins(8, 2, 8, 4);
    QFont f = caption->font();
    f.setPointSizeF(std::max(7.0, f.pointSizeF() * 0.9));
    caption->setFont(f);
    layout->addWidget(caption);
  }
  frame->setAttribute(Qt::WA_DontShowOnScreen, true);
  if (o.printTheme) applyPrintTheme(frame.get());
  frame->resize(logical);
  // Showing (never on screen) delivers the resize events and lays out children; chart scenes
  // settle through posted events, hence a few rounds.
  frame->show();
  for (int i = 0; i < 3; ++i) {
    QCoreApplication::sendPostedEvents();
    frame->layout()->activate();
  }
  return frame;
}

namespace {

/// Paints the figure into `target` (device coordinates of the painter). The painter must resolve
/// fonts at 96 dpi (images, and SVG/PDF generators set to 96): fonts then scale with the geometry.
void paintFigure(QWidget* fig, QPainter& p, const QRectF& target) {
  const double scale = std::min(target.width() / fig->width(), target.height() / fig->height());
  p.save();
  p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
  p.translate(target.topLeft());
  p.scale(scale, scale);
  fig->render(&p, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
  p.restore();
}

void writeBytes(const QString& path, const QByteArray& bytes) {
  writeAtomically(path, [&](QIODevice& dev) {
    return dev.write(bytes) == bytes.size() ? QString() : dev.errorString();
  });
}

QString scenarioJson(const Page& page) {
  return QString::fromStdString(latentlab::scenarioToJson(page.scenario()));
}

/// The same JSON without whitespace outside strings. Done on the text, not through QJsonDocument,
/// which would round 64-bit seeds to doubles.
QString compactJson(const QString& json) {
  QString out;
  out.reserve(json.size());
  bool inString = false, escaped = false;
  for (const QChar c : json) {
    if (inString) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c.isSpace()) {
      continue;
    }
    out += c;
  }
  return out;
}

QString svgWithMetadata(QString svg, const QString& json, const FigureOptions& o) {
  // The generator ran at 96 dpi (see paintFigure); the physical size is pagePoints(o).
  const auto mm = [](double pt) { return QString::number(pt * 25.4 / 72.0, 'f', 3) + "mm"; };
  const QSizeF page = pagePoints(o);
  static const QRegularExpression sizeAttrs(
      QStringLiteral("width=\"[0-9.]+mm\" height=\"[0-9.]+mm\""));
  svg.replace(
      sizeAttrs,
      QStringLiteral("width=\"%1\" height=\"%2\"").arg(mm(page.width()), mm(page.height())));
  // QSvgGenerator only offers <title>/<desc>; tools look for machine data in <metadata>.
  const qsizetype start = svg.indexOf(QStringLiteral("<svg"));
  const qsizetype end = start < 0 ? -1 : svg.indexOf('>', start);
  if (end < 0) return svg;
  const QString meta =
      QStringLiteral(
          "\n<metadata><latentlab:scenario xmlns:latentlab=\"urn:latentlab:scenario\">%1"
          "</latentlab:scenario></metadata>")
          .arg(json.toHtmlEscaped());
  svg.insert(end + 1, meta);
  return svg;
}

QString csvCell(const QString& s) {
  if (!s.contains(',') && !s.contains('"') && !s.contains('\n')) return s;
  return '"' + QString(s).replace('"', QStringLiteral("\"\"")) + '"';
}

}  // namespace

void writeAtomically(const QString& path, const std::function<QString(QIODevice&)>& write) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) fail(path, file.errorString());
  QString error = write(file);
  // A writer that failed because the device did (disk full) only says "Unknown error"; the
  // device knows the operating system's reason.
  if (!error.isEmpty() && file.error() != QFileDevice::NoError) error = file.errorString();
  if (!error.isEmpty()) {
    file.cancelWriting();
    fail(path, error);
  }
  if (!file.commit()) fail(path, file.errorString());
}

void writePngAtomically(const QImage& image, const QString& path) {
  writeAtomically(path, [&](QIODevice& dev) {
    QImageWriter writer(&dev, "png");
    writer.setText(QStringLiteral("Software"), kSoftware);
    return writer.write(image) ? QString() : writer.errorString();
  });
}

void applyPrintTheme(QWidget* figure) {
  QPalette pal;
  const QColor white(Qt::white), black(Qt::black), light(0xf0, 0xf0, 0xf0), mid(0xa0, 0xa0, 0xa0);
  pal.setColor(QPalette::Window, white);
  pal.setColor(QPalette::WindowText, black);
  pal.setColor(QPalette::Base, white);
  pal.setColor(QPalette::AlternateBase, light);
  pal.setColor(QPalette::Text, black);
  pal.setColor(QPalette::BrightText, Qt::red);
  pal.setColor(QPalette::Button, light);
  pal.setColor(QPalette::ButtonText, black);
  pal.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
  pal.setColor(QPalette::ToolTipText, black);
  pal.setColor(QPalette::PlaceholderText, mid);
  pal.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
  pal.setColor(QPalette::HighlightedText, white);
  pal.setColor(QPalette::Light, white);
  pal.setColor(QPalette::Midlight, QColor(0xe3, 0xe3, 0xe3));
  pal.setColor(QPalette::Mid, mid);
  pal.setColor(QPalette::Dark, QColor(0x80, 0x80, 0x80));
  pal.setColor(QPalette::Shadow, QColor(0x40, 0x40, 0x40));
  pal.setColor(QPalette::Link, QColor(0x00, 0x55, 0xaa));
  // Set on every widget, not just the root: children with their own palette (a dark-themed
  // chart) would otherwise keep it. Each ChartView restyles on the PaletteChange event.
  figure->setPalette(pal);
  figure->setAutoFillBackground(true);
  for (QWidget* child : figure->findChildren<QWidget*>()) child->setPalette(pal);
}

QImage renderFigure(const Page& page, const FigureOptions& options) {
  checkOptions(options, true);
  const auto fig = prepareFigure(page, layoutSize(options), options);
  QImage image(pixelSize(options), QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  const int dpm = static_cast<int>(std::lround(options.dpi / 0.0254));
  // Dots per meter are set after painting: QPainter would resolve fonts at the image's dpi.
  QPainter p(&image);
  paintFigure(fig.get(), p, QRectF(QPointF(0, 0), image.size()));
  p.end();
  image.setDotsPerMeterX(dpm);
  image.setDotsPerMeterY(dpm);
  return image;
}

void exportFigure(const Page& page, const QString& path, const FigureOptions& options) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix != "png" && suffix != "svg" && suffix != "pdf")
    throw ExportError(Tr::tr("unsupported figure format '.%1' (use .png, .svg or .pdf)")
                          .arg(suffix)
                          .toStdString());
  checkOptions(options, suffix == "png");
  const QString json = scenarioJson(page);

  if (suffix == "png") {
    const QImage image = renderFigure(page, options);
    writeAtomically(path, [&](QIODevice& dev) {
      QImageWriter writer(&dev, "png");
      // Compact: Qt's PNG reader splits text chunks on blank lines and simplifies whitespace.
      writer.setText(QStringLiteral("latentlab-scenario"), compactJson(json));
      writer.setText(QStringLiteral("Software"), kSoftware);
      writer.setText(QStringLiteral("Title"), page.title());
      return writer.write(image) ? QString() : writer.errorString();
    });
    return;
  }

  const auto fig = prepareFigure(page, layoutSize(options), options);
  if (suffix == "svg") {
    const QSize viewBox = layoutSize(options);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator gen;
    gen.setOutputDevice(&buffer);
    gen.setSize(viewBox);
    gen.setViewBox(QRect(QPoint(0, 0), viewBox));
    gen.setResolution(static_cast<int>(kLayoutDpi));  // see paintFigure(); width/height fixed below
    gen.setTitle(page.title());
    gen.setDescription(json);
    QPainter p;
    if (!p.begin(&gen)) fail(path, Tr::tr("cannot start the SVG painter"));
    paintFigure(fig.get(), p, QRectF(QPointF(0, 0), viewBox));
    p.end();
    const QByteArray svg =
        svgWithMetadata(QString::fromUtf8(buffer.data()), json, options).toUtf8();
    writeBytes(path, svg);
    return;
  }

  QByteArray pdf;
  const QString error = paintPdf(
      pagePoints(options), page.title(), kSoftware,
      [&](QPdfWriter& writer, QPainter& p) {
        paintFigure(fig.get(), p, QRectF(0, 0, writer.width(), writer.height()));
        return QString();
      },
      pdf);
  if (!error.isEmpty()) fail(path, error);
  writeBytes(path, pdf);
}

QByteArray csvBytes(const QList<DataTable>& tables, const QList<DataValue>& values) {
  QString out;
  for (const DataTable& t : tables) {
    out += QStringLiteral("# ") + t.name + '\n';
    QStringList header;
    for (const QString& c : t.columns) header << csvCell(c);
    out += header.join(',') + '\n';
    for (const auto& row : t.rows) {
      QStringList cells;
      for (double v : row) cells << (std::isfinite(v) ? QString::asprintf("%.17g", v) : QString());
      out += cells.join(',') + '\n';
    }
    out += '\n';
  }
  if (!values.isEmpty()) {
    out += QStringLiteral("# values\nkey,value\n");
    for (const DataValue& v : values) {
      const double* number = std::get_if<double>(&v.value);
      const QString text = !number                  ? std::get<QString>(v.value)
                           : std::isfinite(*number) ? QString::asprintf("%.17g", *number)
                                                    : QString();
      out += csvCell(v.key) + ',' + csvCell(text) + '\n';
    }
    out += '\n';
  }
  return out.toUtf8();
}

namespace {

/// The page's values with the device that computed them: "device" (id) and "device_name", and
/// after a fallback "device_requested" and "device_fallback" (the reason).
QList<DataValue> valuesWithDevice(const Page& page) {
  QList<DataValue> values = page.exportValues();
  const latentlab::DeviceUse use = page.computedOn();
  values.append({QStringLiteral("device"), QString::fromStdString(use.device)});
  const auto info = latentlab::findDevice(use.device);
  values.append({QStringLiteral("device_name"),
                 QString::fromStdString(info ? info->name : use.device)});
  if (!use.fallback.empty()) {
    values.append({QStringLiteral("device_requested"), QString::fromStdString(use.requested)});
    values.append({QStringLiteral("device_fallback"), QString::fromStdString(use.fallback)});
  }
  return values;
}

}  // namespace

void exportData(const Page& page, const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  const QList<DataTable> tables = page.exportData();
  QByteArray bytes;
  if (suffix == "csv") {
    bytes = csvBytes(tables, valuesWithDevice(page));
  } else if (suffix == "json") {
    QJsonObject root;
    root[QStringLiteral("format")] = QStringLiteral("latentlab-data");
    root[QStringLiteral("page")] = page.id();
    // Spliced in as text below so 64-bit seeds keep every digit.
    root[QStringLiteral("scenario")] = QStringLiteral("@latentlab-scenario@");
    QJsonArray jt;
    for (const DataTable& t : tables) {
      QJsonArray rows;
      for (const auto& row : t.rows) {
        QJsonArray r;
        for (double v : row)
          r.append(std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null));
        rows.append(r);
      }
      jt.append(QJsonObject{{QStringLiteral("name"), t.name},
                            {QStringLiteral("columns"), QJsonArray::fromStringList(t.columns)},
                            {QStringLiteral("rows"), rows}});
    }
    root[QStringLiteral("tables")] = jt;
    const QList<DataValue> values = valuesWithDevice(page);
    if (!values.isEmpty()) {
      QJsonObject jv;
      for (const DataValue& v : values) {
        const double* number = std::get_if<double>(&v.value);
        jv[v.key] = !number                  ? QJsonValue(std::get<QString>(v.value))
                    : std::isfinite(*number) ? QJsonValue(*number)
                                             : QJsonValue(QJsonValue::Null);
      }
      root[QStringLiteral("values")] = jv;
    }
    bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    bytes.replace("\"@latentlab-scenario@\"", compactJson(scenarioJson(page)).toUtf8());
  } else {
    throw ExportError(
        Tr::tr("unsupported data format '.%1' (use .csv or .json)").arg(suffix).toStdString());
  }
  writeBytes(path, bytes);
}

void exportReportPdf(const QList<const Page*>& pages, const QString& path,
                     const FigureOptions& options) {
  checkOptions(options, false);
  if (pages.isEmpty()) throw ExportError(Tr::tr("the report has no pages").toStdString());
  QByteArray pdf;
  const auto paintPages = [&](QPdfWriter& writer, QPainter& p) {
    const QSize page(writer.width(), writer.height());  // layout pixels, 96 per inch
    const QSize figure(page.width(), page.height() - kReportTitleHeight);
    bool first = true;
    for (const Page* pg : pages) {
      if (!first) writer.newPage();
      first = false;
      QFont f = p.font();
      f.setPixelSize(22);
      f.setBold(true);
      p.setFont(f);
      p.setPen(Qt::black);
      p.drawText(QRect(0, 0, page.width(), kReportTitleHeight), Qt::AlignCenter, pg->title());
      const auto fig = prepareFigure(*pg, figure, options);
      paintFigure(fig.get(), p, QRectF(QPointF(0, kReportTitleHeight), figure));
    }
    return QString();
  };
  const QString error =
      paintPdf(pagePoints(options), Tr::tr("LatentLab report"), kSoftware, paintPages, pdf);
  if (!error.isEmpty()) fail(path, error);
  writeBytes(path, pdf);
}

void exportWidgetPng(QWidget* widget, const QString& path) {
  if (!widget) throw ExportError(Tr::tr("nothing to capture").toStdString());
  writePngAtomically(widget->grab().toImage(), path);
}

}  // namespace latentlab::ui
