// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QString>
#include <QStringList>
#include <variant>
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

/// One named value behind a figure: a number (n = 37, dt = 0.01) or a name (integrator "heun").
/// JSON export writes {"values": {key: value}}, CSV a "# values" block of key,value rows.
struct DataValue {
  QString key;
  std::variant<double, QString> value;
};

}  // namespace latentlab::ui
