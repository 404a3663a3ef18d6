// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/image_dialog.h"

#include <QCoreApplication>
#include <QFileDialog>

namespace latentlab::ui {

QString askImageFile(QWidget* parent) {
  return QFileDialog::getOpenFileName(
      parent, QCoreApplication::translate("ImageDialog", "Open image"), {},
      QCoreApplication::translate(
          "ImageDialog", "Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp);;All files (*)"));
}

}  // namespace latentlab::ui
