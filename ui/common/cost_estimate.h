// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The cost preview: how long a page's next run will take, predicted from its earlier runs on the
// same device and view, against the size of each run in the page's work model (e.g. a FLOP
// model).
#pragma once

#include <QString>
#include <map>
#include <optional>
#include <string>

namespace latentlab::ui {

struct CostPrediction {
  double ms = 0.0;
  /// Beyond the largest run so far: its time scaled by the size ratio. A run's time is a fixed
  /// overhead plus work, so this over-estimates (the preview says "≲").
  bool upperBound = false;
};

class CostEstimate {
 public:
  /// Records a finished run of `units` of work that took `ms` on `key` (device and view); runs
  /// without a positive, finite size or time are ignored.
  void record(const std::string& key, double units, double ms);
  /// Between two recorded sizes: log-log interpolation; beyond the largest: proportional (an
  /// upper bound); below the smallest: the smallest's time. Nothing before a run on `key`.
  std::optional<CostPrediction> predict(const std::string& key, double units) const;

 private:
  std::map<std::string, std::map<double, double>> m_runs;  // key → units → last time (ms)
};

/// "≈ 1.2 s on WHERE" ("≲" for an upper bound), "no estimate yet on WHERE" before any run.
QString costText(const std::optional<CostPrediction>& p, const QString& where);

}  // namespace latentlab::ui
