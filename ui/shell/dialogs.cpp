// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/shell/dialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtGlobal>
#include <optional>
#include <utility>

#include "latentlab/common/versions.h"
#include "ui/shell/scenario_io.h"

namespace latentlab::ui {
namespace {

// lupdate files these strings under the "ShellDialogs" context.
struct Tr {
  Q_DECLARE_TR_FUNCTIONS(ShellDialogs)
};

/// `base` with its size set to `value` in `unit` ("px" or a physical unit) and its dpi to `dpi`.
FigureOptions sized(FigureOptions base, const QSizeF& value, const QString& unit, int dpi) {
  base.dpi = dpi;
  if (unit == QLatin1String("px")) {
    base.size = QSize(qRound(value.width()), qRound(value.height()));
    base.points = QSizeF();
    base.unit.clear();
  } else {
    base.points = value * pointsPerUnit(unit);
    base.unit = unit;
  }
  return base;
}

QDoubleSpinBox* sizeSpin(QWidget* parent) {
  auto* spin = new QDoubleSpinBox(parent);
  spin->setKeyboardTracking(false);
  spin->setMinimumWidth(90);
  return spin;
}

/// Component and licence of each row of packaging/third-party.md (compiled in): one list for the
/// About box and the package.
QString thirdPartyRows() {
  initResources();
  QFile file(QStringLiteral(":/licenses/third-party.md"));
  if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
  QString rows;
  bool header = true;
  for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
    if (!line.startsWith(QLatin1Char('|')) || line.startsWith(QLatin1String("| ---"))) continue;
    const QStringList cells = line.split(QLatin1Char('|'), Qt::SkipEmptyParts);
    if (cells.size() < 4) continue;
    if (std::exchange(header, false)) continue;
    rows +=
        QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
            .arg(cells.front().trimmed().toHtmlEscaped(), cells.back().trimmed().toHtmlEscaped());
  }
  return rows;
}

}  // namespace

QString aboutText() {
  return Tr::tr(
             "<h3>LatentLab %1</h3>"
             "<p>An interactive lab for the mathematics of modern deep learning: smooth Top-k, "
             "attention rank, efficient attention, quantization, flows and side-tuning.</p>"
             "<p>Built with Qt %2 (running %3), Eigen %4 and OpenCV %5.</p>"
             "<p>LatentLab's sources are under the MIT licence. This binary links Qt Charts, "
             "which is under the GNU GPL version 3, so it is distributed under the terms of the "
             "GPL version 3. <a href=\"%6\">%6</a></p>"
             "<p>Third-party components:</p>")
             .arg(QStringLiteral(LATENTLAB_VERSION), QStringLiteral(QT_VERSION_STR),
                  QString::fromLatin1(qVersion()),
                  QString::fromStdString(latentlab::eigenVersion()),
                  QString::fromStdString(latentlab::opencvVersion()),
                  QStringLiteral(LATENTLAB_HOMEPAGE)) +
         QStringLiteral("<table cellpadding=\"2\">%1</table>").arg(thirdPartyRows());
}

std::optional<FigureOptions> askFigureOptions(QWidget* parent, const QString& path,
                                              const FigureOptions& initial) {
  QDialog dialog(parent);
  dialog.setWindowTitle(Tr::tr("Export figure"));
  const QString suffix = QFileInfo(path).suffix().toLower();
  const bool raster = suffix == QLatin1String("png");

  // Report sizes: a journal column is about 85 mm, a double column about 170 mm; a 16:9 slide is
  // 10 × 5.625 in (PowerPoint's and Beamer's widescreen default scaled to a 10 in width).
  struct SizePreset {
    QString label;
    double w, h;
    QString unit;
  };
  const QList<SizePreset> presets = {
      {Tr::tr("Custom"), 0, 0, QString()},
      {Tr::tr("Screen, 1600 × 1000 px"), 1600, 1000, QStringLiteral("px")},
      {Tr::tr("Journal, single column, 85 × 60 mm"), 85, 60, QStringLiteral("mm")},
      {Tr::tr("Journal, double column, 170 × 110 mm"), 170, 110, QStringLiteral("mm")},
      {Tr::tr("Slide 16:9, 10 × 5.625 in"), 10, 5.625, QStringLiteral("in")},
  };
  auto* preset = new QComboBox(&dialog);
  preset->setObjectName(QStringLiteral("sizePreset"));
  for (const SizePreset& p : presets) preset->addItem(p.label);

  const QStringList units = {QStringLiteral("px"), QStringLiteral("mm"), QStringLiteral("cm"),
                             QStringLiteral("in"), QStringLiteral("pt")};
  auto* unit = new QComboBox(&dialog);
  unit->setObjectName(QStringLiteral("sizeUnit"));
  unit->addItems(units);
  unit->setToolTip(
      Tr::tr("px: the PNG's pixels, and an SVG/PDF page as large as that PNG at the "
             "resolution below. mm, cm, in, pt (1/72 in): the page's exact size."));
  auto* width = sizeSpin(&dialog);
  auto* height = sizeSpin(&dialog);
  auto* dpi = new QSpinBox(&dialog);
  dpi->setRange(72, 1200);
  dpi->setValue(initial.dpi);
  dpi->setSuffix(Tr::tr(" dpi"));
  auto* readout = new QLabel(&dialog);
  readout->setObjectName(QStringLiteral("sizeReadout"));

  // What the spin boxes show is rounded to their decimals (800 pt is 11.11 in); until the user
  // types a value, the size set by a preset, a unit change or the caller is kept exactly.
  std::optional<FigureOptions> exact;
  QString shownUnit;  // the unit the spin boxes' values are in
  const auto current = [&] {
    if (exact) {
      FigureOptions o = *exact;
      o.dpi = dpi->value();
      return o;
    }
    return sized(initial, QSizeF(width->value(), height->value()), shownUnit, dpi->value());
  };
  const auto showValues = [&](const FigureOptions& o) {
    exact = o;
    const QString u = o.points.isEmpty() ? QStringLiteral("px") : o.unit;
    const QSignalBlocker b1(unit), b2(width), b3(height);
    unit->setCurrentText(pointsPerUnit(u) > 0 || u == QLatin1String("px") ? u : "pt");
    shownUnit = unit->currentText();
    const bool px = shownUnit == QLatin1String("px");
    for (QDoubleSpinBox* spin : {width, height}) {
      spin->setDecimals(px ? 0 : shownUnit == QLatin1String("in") ? 3 : 1);
      const double per = px ? 1.0 : pointsPerUnit(shownUnit);
      spin->setRange(px ? 200 : kMinSidePoints / per, px ? 8000 : kMaxSidePoints / per);
      spin->setSingleStep(px ? 100 : 10 / per * pointsPerUnit(QStringLiteral("mm")));
    }
    const QSizeF v = px ? QSizeF(o.size) : o.points / pointsPerUnit(shownUnit);
    width->setValue(v.width());
    height->setValue(v.height());
  };
  const auto refresh = [&] {
    const FigureOptions o = current();
    const QSizeF pt = pagePoints(o);
    const QSize px = pixelSize(o);
    const QString error = checkFigureOptions(o, raster);
    dpi->setEnabled(raster || o.points.isEmpty());  // a physical page does not depend on it
    readout->setText(!error.isEmpty() ? error
                     : raster         ? Tr::tr("PNG: %1 × %2 px at %3 dpi (%4 × %5 mm printed)")
                                    .arg(px.width())
                                    .arg(px.height())
                                    .arg(o.dpi)
                                    .arg(pt.width() * 25.4 / 72, 0, 'f', 1)
                                    .arg(pt.height() * 25.4 / 72, 0, 'f', 1)
                              : Tr::tr("Page: %1 × %2 mm (%3 × %4 pt); text keeps its point size")
                                    .arg(pt.width() * 25.4 / 72, 0, 'f', 1)
                                    .arg(pt.height() * 25.4 / 72, 0, 'f', 1)
                                    .arg(pt.width(), 0, 'f', 1)
                                    .arg(pt.height(), 0, 'f', 1));
  };
  showValues(initial);
  refresh();
  QObject::connect(unit, &QComboBox::currentTextChanged, &dialog, [&](const QString& u) {
    // Convert what is shown so the figure keeps its size in the new unit.
    const QSizeF pt = pagePoints(current());
    const QSizeF value =
        u == QLatin1String("px") ? pt * (dpi->value() / 72.0) : pt / pointsPerUnit(u);
    const FigureOptions o = sized(initial, value, u, dpi->value());
    showValues(o);
    preset->setCurrentIndex(0);
    refresh();
  });
  QObject::connect(preset, &QComboBox::currentIndexChanged, &dialog, [&](int i) {
    if (i <= 0) return;
    const SizePreset& p = presets[i];
    const FigureOptions o = sized(initial, QSizeF(p.w, p.h), p.unit, dpi->value());
    showValues(o);
    refresh();
  });
  for (QDoubleSpinBox* spin : {width, height})
    QObject::connect(spin, &QDoubleSpinBox::valueChanged, &dialog, [&] {
      exact.reset();
      const QSignalBlocker block(preset);
      preset->setCurrentIndex(0);
      refresh();
    });
  QObject::connect(dpi, &QSpinBox::valueChanged, &dialog, [&] { refresh(); });

  auto* sizeRow = new QHBoxLayout;
  sizeRow->addWidget(width);
  sizeRow->addWidget(new QLabel(QStringLiteral("×"), &dialog));
  sizeRow->addWidget(height);
  sizeRow->addWidget(unit);

  auto* print = new QCheckBox(Tr::tr("Light print theme"), &dialog);
  print->setChecked(initial.printTheme);
  print->setToolTip(Tr::tr("Unchecked: the figure uses the window's current theme."));
  auto* caption = new QCheckBox(Tr::tr("Caption line (source and key parameters)"), &dialog);
  caption->setObjectName(QStringLiteral("figureCaption"));
  caption->setChecked(initial.caption);
  caption->setToolTip(
      Tr::tr("A line under the figure naming the article it illustrates and the parameters "
             "that matter. The file's metadata keeps the full scenario either way."));

  auto* article = new QCheckBox(Tr::tr("Article panel beside the figure"), &dialog);
  article->setObjectName(QStringLiteral("figureArticle"));
  article->setChecked(initial.article);
  article->setToolTip(
      Tr::tr("The article's claim, its formulas and the numbers that confirm it, "
             "in a column to the right of the figure."));

  auto* form = new QFormLayout;
  form->addRow(Tr::tr("Preset:"), preset);
  form->addRow(Tr::tr("Size:"), sizeRow);
  form->addRow(Tr::tr("Resolution:"), dpi);
  form->addRow(QString(), readout);
  form->addRow(QString(), print);
  form->addRow(QString(), caption);
  form->addRow(QString(), article);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
    if (checkFigureOptions(current(), raster).isEmpty()) dialog.accept();
  });
  QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto* layout = new QVBoxLayout(&dialog);
  layout->addWidget(new QLabel(QFileInfo(path).fileName(), &dialog));
  layout->addLayout(form);
  layout->addWidget(buttons);

  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  FigureOptions options = current();
  options.printTheme = print->isChecked();
  options.caption = caption->isChecked();
  options.article = article->isChecked();
  return options;
}

}  // namespace latentlab::ui
