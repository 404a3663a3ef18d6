// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <Eigen/Dense>

#include "ui/common/data_table.h"

namespace latentlab::ui {

/// A matrix as an exported table: column `index` (0-based row number), then `prefix`1…`prefix`c.
inline DataTable matrixTable(const QString& name, const QString& index, const QString& prefix,
                             const Eigen::Ref<const Eigen::MatrixXd>& m) {
  DataTable t{name, {index}, {}};
  for (Eigen::Index c = 0; c < m.cols(); ++c) t.columns << prefix + QString::number(c + 1);
  t.rows.reserve(static_cast<std::size_t>(m.rows()));
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    std::vector<double> row{static_cast<double>(r)};
    for (Eigen::Index c = 0; c < m.cols(); ++c) row.push_back(m(r, c));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace latentlab::ui
