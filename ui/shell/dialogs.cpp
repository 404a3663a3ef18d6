// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/shell/dialogs.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtGlobal>
#include <utility>

#include "latentlab/common/versions.h"
#include "ui/shell/scenario_io.h"

namespace latentlab::ui {
namespace {

// lupdate files these strings under the "ShellDialogs" context.
struct Tr {
  Q_DECLARE_TR_FUNCTIONS(ShellDialogs)
};

QSpinBox* sizeSpin(int value, QWidget* parent) {
  auto* spin = new QSpinBox(parent);
  spin->setRange(200, 8000);  // the range exportFigure accepts
  spin->setSingleStep(100);
  spin->setValue(value);
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

  auto* width = sizeSpin(initial.size.width(), &dialog);
  auto* height = sizeSpin(initial.size.height(), &dialog);
  auto* sizeRow = new QHBoxLayout;
  sizeRow->addWidget(width);
  sizeRow->addWidget(new QLabel(QStringLiteral("×"), &dialog));
  sizeRow->addWidget(height);
  sizeRow->addWidget(new QLabel(raster ? Tr::tr("pixels") : Tr::tr("points"), &dialog));

  auto* dpi = new QSpinBox(&dialog);
  dpi->setRange(72, 1200);
  dpi->setValue(initial.dpi);
  dpi->setSuffix(Tr::tr(" dpi"));
  dpi->setEnabled(suffix != QLatin1String("svg"));  // SVG is resolution-free

  auto* print = new QCheckBox(Tr::tr("Light print theme"), &dialog);
  print->setChecked(initial.printTheme);
  print->setToolTip(Tr::tr("Unchecked: the figure uses the window's current theme."));

  auto* form = new QFormLayout;
  form->addRow(Tr::tr("Size:"), sizeRow);
  form->addRow(Tr::tr("Resolution:"), dpi);
  form->addRow(QString(), print);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto* layout = new QVBoxLayout(&dialog);
  layout->addWidget(new QLabel(QFileInfo(path).fileName(), &dialog));
  layout->addLayout(form);
  layout->addWidget(buttons);

  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  FigureOptions options = initial;
  options.size = QSize(width->value(), height->value());
  options.dpi = dpi->value();
  options.printTheme = print->isChecked();
  return options;
}

}  // namespace latentlab::ui
