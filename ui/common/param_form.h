// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once

#include <QWidget>
#include <map>
#include <memory>
#include <vector>

#include "latentlab/common/params.h"

namespace latentlab::ui {

/// Builds controls from a FieldSpec table: Real/Integer → labelled slider + spin box pair
/// (log-scale slider when spec.logScale), Bool → check box, Choice → combo box, Vector → editable
/// vector field (comma-separated line edit with validation, red border and tooltip on bad input).
/// Emits valueChanged(key, value, interactive): interactive = true while a slider is being dragged,
/// false on release, spin box edit, combo, check box and vector edit.
class ParamForm : public QWidget {
  Q_OBJECT
 public:
  /// `sections`: titled groups, each starting at the field with that key (optional).
  explicit ParamForm(std::vector<latentlab::FieldSpec> specs,
                     std::vector<std::pair<QString, std::string>> sections = {},
                     QWidget* parent = nullptr);
  ~ParamForm() override;

  /// Pushes values into the widgets with their signals blocked (no echo). Unknown keys ignored.
  void setValues(const latentlab::ParamSet& values);
  /// Shows or hides the row of one field (e.g. α only for entmax).
  void setFieldVisible(const std::string& key, bool visible);
  /// Changes the range of a Real/Integer field at run time (e.g. k ≤ n).
  void setFieldRange(const std::string& key, double min, double max);
  const std::vector<latentlab::FieldSpec>& specs() const;

 signals:
  void valueChanged(const std::string& key, const latentlab::ParamValue& value, bool interactive);

 private:
  struct Impl;
  std::unique_ptr<Impl> d;
};

}  // namespace latentlab::ui
