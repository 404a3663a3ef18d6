// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The export dialog's size presets and units, driven as a user would.
#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <functional>

#include "ui/shell/dialogs.h"

namespace latentlab::ui {
namespace {

/// Runs `drive` on the dialog once it is shown, then presses OK (accept) or Cancel.
std::optional<FigureOptions> runDialog(const QString& path, const FigureOptions& initial,
                                       const std::function<void(QDialog&)>& drive) {
  QTimer::singleShot(0, [&] {
    auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
    ASSERT_NE(dialog, nullptr);
    drive(*dialog);
    dialog->accept();
  });
  return askFigureOptions(nullptr, path, initial);
}

QString readout(QDialog& d) { return d.findChild<QLabel*>(QStringLiteral("sizeReadout"))->text(); }

TEST(ExportDialog, AJournalPresetGivesItsPhysicalPage) {
  QString shown;
  const auto options = runDialog(QStringLiteral("fig.pdf"), FigureOptions{}, [&](QDialog& d) {
    auto* preset = d.findChild<QComboBox*>(QStringLiteral("sizePreset"));
    ASSERT_NE(preset, nullptr);
    preset->setCurrentIndex(
        preset->findText(QStringLiteral("Journal, double column"), Qt::MatchStartsWith));
    shown = readout(d);
    if (const QString dir = qEnvironmentVariable("LATENTLAB_UI_SNAPSHOTS"); !dir.isEmpty())
      d.grab().save(dir + QStringLiteral("/export_dialog.png"));  // for a human look
    // Then the user types a narrower width, in the preset's unit.
    const auto spins = d.findChildren<QDoubleSpinBox*>();
    ASSERT_EQ(spins.size(), 2);
    spins[0]->setValue(120);
  });
  ASSERT_TRUE(options.has_value());
  EXPECT_NEAR(options->points.width(), 120 * 72 / 25.4, 1e-9);
  EXPECT_NEAR(options->points.height(), 311.81, 0.01);
  EXPECT_EQ(options->unit, QStringLiteral("mm"));
  EXPECT_TRUE(shown.contains(QStringLiteral("170.0 × 110.0 mm"))) << shown.toStdString();
}

TEST(ExportDialog, ChangingTheUnitKeepsTheFigureSize) {
  FigureOptions initial;  // 1600 × 1000 px at 144 dpi: an 800 × 500 pt page
  QString pngReadout;
  const auto options = runDialog(QStringLiteral("fig.png"), initial, [&](QDialog& d) {
    auto* unit = d.findChild<QComboBox*>(QStringLiteral("sizeUnit"));
    ASSERT_NE(unit, nullptr);
    unit->setCurrentText(QStringLiteral("in"));
    pngReadout = readout(d);
  });
  ASSERT_TRUE(options.has_value());
  EXPECT_NEAR(options->points.width(), 800, 1e-9);
  EXPECT_NEAR(options->points.height(), 500, 1e-9);
  EXPECT_EQ(pixelSize(*options), QSize(1600, 1000));
  EXPECT_TRUE(pngReadout.contains(QStringLiteral("1600 × 1000 px at 144 dpi")))
      << pngReadout.toStdString();
}

TEST(ExportDialog, AnOversizedPngSaysWhyAndOkDoesNotAccept) {
  FigureOptions initial;
  initial.points = QSizeF(2000, 2000);  // ≈ 706 mm: at 1200 dpi far over 8000 pixels
  initial.unit = QStringLiteral("pt");
  initial.dpi = 1200;
  QTimer::singleShot(0, [&] {
    auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(readout(*dialog).contains(QStringLiteral("lower the dpi")))
        << readout(*dialog).toStdString();
    auto* box = dialog->findChild<QDialogButtonBox*>();
    box->button(QDialogButtonBox::Ok)->click();
    EXPECT_TRUE(dialog->isVisible());  // refused: still open
    dialog->reject();
  });
  EXPECT_FALSE(askFigureOptions(nullptr, QStringLiteral("big.png"), initial).has_value());
}

TEST(ExportDialog, TheCaptionAndArticleBoxesSetTheirOptions) {
  const auto options = runDialog(QStringLiteral("fig.pdf"), FigureOptions{}, [](QDialog& d) {
    auto* caption = d.findChild<QCheckBox*>(QStringLiteral("figureCaption"));
    auto* article = d.findChild<QCheckBox*>(QStringLiteral("figureArticle"));
    ASSERT_NE(caption, nullptr);
    ASSERT_NE(article, nullptr);
    EXPECT_TRUE(caption->isChecked());
    EXPECT_FALSE(article->isChecked()) << "the Article column is asked for, not a default";
    caption->setChecked(false);
    article->setChecked(true);
  });
  ASSERT_TRUE(options.has_value());
  EXPECT_FALSE(options->caption);
  EXPECT_TRUE(options->article);
}

}  // namespace
}  // namespace latentlab::ui
