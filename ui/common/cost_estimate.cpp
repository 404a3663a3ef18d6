// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "ui/common/cost_estimate.h"

#include <QCoreApplication>
#include <cmath>
#include <iterator>

namespace latentlab::ui {
namespace {

struct CostWords {
  Q_DECLARE_TR_FUNCTIONS(CostEstimate)
};

constexpr std::size_t kMaxRunsPerKey = 32;  // beyond this, the smallest size is forgotten

}  // namespace

void CostEstimate::record(const std::string& key, double units, double ms) {
  if (!(units > 0.0) || !std::isfinite(units) || !(ms > 0.0) || !std::isfinite(ms)) return;
  auto& runs = m_runs[key];
  runs[units] = ms;
  if (runs.size() > kMaxRunsPerKey) runs.erase(runs.begin());
}

std::optional<CostPrediction> CostEstimate::predict(const std::string& key, double units) const {
  const auto it = m_runs.find(key);
  if (it == m_runs.end() || it->second.empty() || !(units > 0.0) || !std::isfinite(units))
    return std::nullopt;
  const auto& runs = it->second;
  const auto& [largest, largestMs] = *runs.rbegin();
  if (units >= largest) return CostPrediction{largestMs * units / largest, units > largest};
  const auto above = runs.lower_bound(units);  // exists: units < largest
  if (above == runs.begin()) return CostPrediction{above->second, false};
  const auto below = std::prev(above);
  const double t = std::log(units / below->first) / std::log(above->first / below->first);
  return CostPrediction{
      std::exp(std::log(below->second) + t * (std::log(above->second) - std::log(below->second))),
      false};
}

QString costText(const std::optional<CostPrediction>& p, const QString& where) {
  if (!p) return CostWords::tr("no estimate yet on %1").arg(where);
  const double ms = p->ms, s = ms / 1000.0;
  const QString amount = s < 1.0    ? CostWords::tr("%1 ms").arg(std::round(ms))
                         : s < 60.0 ? CostWords::tr("%1 s").arg(s, 0, 'f', s < 10.0 ? 1 : 0)
                                    : CostWords::tr("%1 min").arg(s / 60.0, 0, 'f', 1);
  return p->upperBound ? CostWords::tr("≲ %1 on %2").arg(amount, where)
                       : CostWords::tr("≈ %1 on %2").arg(amount, where);
}

}  // namespace latentlab::ui
