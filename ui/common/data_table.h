// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace latentlab::ui {

/// One named table of numbers behind a figure ("bars", "response", ...). Export writes every
/// table of a page: CSV as blocks ("# name" line, header line, rows, blank line), JSON as
/// {"tables": [{"name", "columns", "rows"}]}. NaN is written as an empty CSV cell / JSON null.
struct DataTable {
  QString name;
  QStringList columns;
  std::vector<std::vector<double>> rows;  // each row has columns.size() entries
};

}  // namespace latentlab::ui
