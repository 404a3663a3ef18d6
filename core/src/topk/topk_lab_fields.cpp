// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Top-k page's field table (form, JSON, CLI) and its cross-field validation.
#include <cmath>
#include <string>

#include "latentlab/topk/topk_lab.h"

namespace latentlab::topk {
namespace {

constexpr double kMaxSeed = 2147483647.0;  // 2^31 − 1: fits every spin box and a double exactly

std::vector<std::string> methodIds() {
  std::vector<std::string> out;
  for (Method m : kAllMethods) out.emplace_back(methodId(m));
  return out;
}

std::vector<std::string> methodLabels() {
  std::vector<std::string> out;
  for (Method m : kAllMethods) out.emplace_back(methodLabel(m));
  return out;
}

// shown is an array, which bindField cannot address, so each show_<id> gets its own lambdas.
FieldBinding<TopkLabParams> showField(std::size_t index) {
  const Method m = kAllMethods[index];
  FieldBinding<TopkLabParams> b;
  b.spec = FieldSpec{.key = "show_" + std::string(methodId(m)),
                     .label = "Show " + std::string(methodLabel(m)),
                     .kind = FieldKind::Bool,
                     .help = "Draw " + std::string(methodLabel(m)) +
                             " in the bars, response, L1 and property views"};
  b.get = [index](const TopkLabParams& p) { return ParamValue(p.shown[index]); };
  b.set = [index](TopkLabParams& p, const ParamValue& v) { p.shown[index] = std::get<bool>(v); };
  b.spec.def = b.get(TopkLabParams{});
  return b;
}

std::vector<FieldBinding<TopkLabParams>> buildTable() {
  using P = TopkLabParams;
  std::vector<FieldBinding<P>> t;
  t.push_back(bindField(
      FieldSpec{.key = "x",
                .label = "Scores x",
                .kind = FieldKind::Vector,
                .min = -1e6,
                .max = 1e6,
                .minSize = 2,
                .maxSize = 64,
                .help = "Input scores x (2 to 64 entries); every method works on z = x/τ"},
      &P::x));
  t.push_back(bindField(FieldSpec{.key = "k",
                                  .label = "k",
                                  .kind = FieldKind::Integer,
                                  .min = 0,
                                  .max = 64,
                                  .help = "How many entries to select, 0..n"},
                        &P::k));
  t.push_back(bindField(
      FieldSpec{.key = "tau",
                .label = "τ (temperature)",
                .kind = FieldKind::Real,
                .min = 1e-3,
                .max = 1e4,
                .logScale = true,
                .help = "Temperature in x-units: τ → 0 gives hard Top-k, τ → ∞ gives k/n"},
      &P::tau));
  t.push_back(bindField(
      FieldSpec{.key = "method",
                .label = "Focus method",
                .kind = FieldKind::Choice,
                .choices = methodIds(),
                .choiceLabels = methodLabels(),
                .help = "Method whose Jacobian, threshold solver and response curves are shown"},
      &P::method));
  for (std::size_t i = 0; i < kAllMethods.size(); ++i) t.push_back(showField(i));
  t.push_back(
      bindField(FieldSpec{.key = "alpha",
                          .label = "Entmax α",
                          .kind = FieldKind::Real,
                          .min = 1.01,
                          .max = 4.0,
                          .help = "α of thre_entmax: α → 1 is thre_exp, α = 2 is thre_clip"},
                &P::alpha));
  t.push_back(bindField(
      FieldSpec{.key = "epsilon",
                .label = "OT ε",
                .kind = FieldKind::Real,
                .min = 1e-3,
                .max = 10.0,
                .logScale = true,
                .help = "Entropic regularisation of ot_sinkhorn, on the max-normalised cost"},
      &P::epsilon));
  t.push_back(bindField(
      FieldSpec{.key = "mc_samples",
                .label = "Monte Carlo samples",
                .kind = FieldKind::Integer,
                .min = 0,
                .max = 1e6,
                .help = "Samples for gumbel_expect and gauss_perturbed; 0 = exact expectation"},
      &P::mcSamples));
  t.push_back(
      bindField(FieldSpec{.key = "seed",
                          .label = "Seed",
                          .kind = FieldKind::Integer,
                          .min = 0,
                          .max = kMaxSeed,
                          .slider = false,
                          .help = "Seed of the Monte Carlo estimates (same seed, same numbers)"},
                &P::seed));
  t.push_back(bindField(FieldSpec{.key = "sweep_index",
                                  .label = "Swept entry j",
                                  .kind = FieldKind::Integer,
                                  .min = 1,
                                  .max = 64,
                                  .help = "Response view: which x_j is swept (1-based, at most n)"},
                        &P::sweepIndex));
  t.push_back(bindField(FieldSpec{.key = "sweep_min",
                                  .label = "Sweep from",
                                  .kind = FieldKind::Real,
                                  .min = -1e4,
                                  .max = 1e4,
                                  .slider = false,
                                  .help = "Response view: first value of x_j (x-units)"},
                        &P::sweepMin));
  t.push_back(
      bindField(FieldSpec{.key = "sweep_max",
                          .label = "Sweep to",
                          .kind = FieldKind::Real,
                          .min = -1e4,
                          .max = 1e4,
                          .slider = false,
                          .help = "Response view: last value of x_j (x-units), above the first"},
                &P::sweepMax));
  t.push_back(bindField(
      FieldSpec{.key = "equalise",
                .label = "Match temperatures",
                .kind = FieldKind::Bool,
                .help = "Give each shown method its own τ so that its L1 error to T_k equals "
                        "GradTopK's at τ"},
      &P::equalise));
  t.push_back(bindField(
      FieldSpec{
          .key = "view",
          .label = "View",
          .kind = FieldKind::Choice,
          .choices = {"overview", "bars", "response", "temperature", "gradient", "threshold",
                      "stability", "gallery", "properties", "speed"},
          .choiceLabels = {"Overview", "Bars", "Response", "Temperature", "Gradient", "Threshold",
                           "Stability", "Counter-examples", "Properties", "Speed"},
          .help = "Which figure the page shows and exports"},
      &P::view));
  t.push_back(bindField(FieldSpec{.key = "gallery",
                                  .label = "Counter-example",
                                  .kind = FieldKind::Integer,
                                  .min = 0,
                                  .max = static_cast<double>(counterExamples().size()) - 1.0,
                                  .help = "Gallery entry selected (0-based)"},
                        &P::gallery));
  return t;
}

}  // namespace

TopkLabParams::TopkLabParams() {
  for (Method m : {Method::GradTopk, Method::ThreExp, Method::ThreSigmoid, Method::ThreLaplace,
                   Method::IterSu})
    shown[static_cast<std::size_t>(m)] = true;
}

const std::vector<FieldBinding<TopkLabParams>>& topkLabFields() {
  static const std::vector<FieldBinding<TopkLabParams>> table = buildTable();
  return table;
}

void validate(const TopkLabParams& params) {
  if (static_cast<std::size_t>(params.method) >= kAllMethods.size())
    throw ParamError("method", "method is not a known method id");
  if (static_cast<int>(params.view) < 0 || params.view > TopkView::Speed)
    throw ParamError("view", "view is not a known view id");
  // Single-field ranges come from the table, so the form, JSON and this check never disagree.
  for (const auto& b : topkLabFields()) checkValue(b.spec, b.get(params));

  const int n = static_cast<int>(params.x.size());
  const std::string ns = std::to_string(n);
  if (params.k < 0 || params.k > n)
    throw ParamError("k",
                     "k must be between 0 and n = " + ns + ", got " + std::to_string(params.k));
  if (params.sweepIndex < 1 || params.sweepIndex > n)
    throw ParamError("sweep_index", "sweep_index must be between 1 and n = " + ns + ", got " +
                                        std::to_string(params.sweepIndex));
  if (!(params.sweepMin < params.sweepMax))
    throw ParamError("sweep_min", "sweep_min must be below sweep_max");
}

}  // namespace latentlab::topk
