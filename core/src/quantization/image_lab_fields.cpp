// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Image reconstruction page's field table (form, JSON, CLI) and its validation.
#include <cmath>
#include <string>

#include "latentlab/quantization/fsq.h"
#include "latentlab/quantization/image_lab.h"

namespace latentlab::quantization {
namespace {

constexpr double kMaxSeed = 2147483647.0;  // 2^31 − 1: fits every spin box and a double exactly

std::string levelsText(const std::vector<int>& levels) {
  std::string s = "[";
  for (std::size_t i = 0; i < levels.size(); ++i) {
    if (i > 0) s.push_back(',');
    s.append(std::to_string(levels[i]));
  }
  s.push_back(']');
  return s;
}

// The budget is an int member but a choice in the UI: only the paper's presets are valid.
FieldBinding<ImageLabParams> budgetField() {
  FieldBinding<ImageLabParams> b;
  std::vector<std::string> ids, labels;
  for (const auto& p : fsqPresets()) {
    ids.push_back(std::to_string(p.log2Target));
    labels.push_back("2^" + std::to_string(p.log2Target) + " codes " + levelsText(p.levels));
  }
  b.spec = FieldSpec{.key = "budget",
                     .label = "Bit budget (codes)",
                     .kind = FieldKind::Choice,
                     .choices = ids,
                     .choiceLabels = labels,
                     .help = "Target codebook size 2^b with the FSQ paper's levels (Table 1, "
                             "App. A.4.1); VQ gets the same number of codes ∏L"};
  b.get = [](const ImageLabParams& p) { return ParamValue(std::to_string(p.budgetBits)); };
  b.set = [](ImageLabParams& p, const ParamValue& v) {
    p.budgetBits = std::stoi(std::get<std::string>(v));
  };
  b.spec.def = b.get(ImageLabParams{});
  return b;
}

std::vector<FieldBinding<ImageLabParams>> buildTable() {
  using P = ImageLabParams;
  std::vector<FieldBinding<P>> t;
  t.push_back(bindField(
      FieldSpec{.key = "image",
                .label = "Image",
                .kind = FieldKind::Choice,
                .choices = {"astronaut", "coffee", "loaded"},
                .choiceLabels = {"Astronaut (sample)", "Coffee (sample)", "Opened file"},
                .help = "Bundled sample, or the file opened with the toolbar / drag-and-drop"},
      &P::source));
  t.push_back(budgetField());
  t.push_back(bindField(FieldSpec{.key = "patch",
                                  .label = "Patch size P",
                                  .kind = FieldKind::Integer,
                                  .min = 2,
                                  .max = 16,
                                  .help = "Side of the square patches (tier A): P = 4 gives "
                                          "16384 patches on a 512×512 image, P = 8 gives 4096"},
                        &P::patch));
  t.push_back(bindField(FieldSpec{.key = "alpha",
                                  .label = "Bound gain α",
                                  .kind = FieldKind::Real,
                                  .min = 0.05,
                                  .max = 4.0,
                                  .logScale = true,
                                  .help = "FSQ input z = α·y/√λ on whitened PCA latents: "
                                          "small α uses few levels, large α saturates"},
                        &P::alpha));
  t.push_back(bindField(
      FieldSpec{.key = "decoder",
                .label = "FSQ decoder",
                .kind = FieldKind::Choice,
                .choices = {"analytic", "centroid", "ls"},
                .choiceLabels = {"Analytic inverse bound", "Centroid (cell mean)",
                                 "Linear least squares"},
                .help = "How FSQ codes become patches: the bound's inverse at the "
                        "cell centre, the mean patch of each cell (MSE-optimal), or x̂ = Wẑ + b "
                        "fitted in closed form"},
      &P::decoder));
  t.push_back(bindField(FieldSpec{.key = "lloyd_iterations",
                                  .label = "Lloyd iterations",
                                  .kind = FieldKind::Integer,
                                  .min = 1,
                                  .max = 50,
                                  .help = "k-means steps after k-means++ seeding (VQ)"},
                        &P::lloydIterations));
  t.push_back(bindField(FieldSpec{.key = "seed",
                                  .label = "Seed",
                                  .kind = FieldKind::Integer,
                                  .min = 0,
                                  .max = kMaxSeed,
                                  .slider = false,
                                  .help = "Seed of k-means++ and of the pixel sample (tier B)"},
                        &P::seed));
  t.push_back(bindField(
      FieldSpec{.key = "view",
                .label = "View",
                .kind = FieldKind::Choice,
                .choices = {"patch_pca", "colour", "rate_distortion", "training"},
                .choiceLabels = {"Patch PCA (tier A)", "Colour (tier B)", "Rate–distortion",
                                 "Training (tier C)"},
                .help = "Which comparison to show and export"},
      &P::view));
  t.push_back(bindField(FieldSpec{.key = "train_steps",
                                  .label = "Training steps",
                                  .kind = FieldKind::Integer,
                                  .min = 10,
                                  .max = 20000,
                                  .logScale = true,
                                  .help = "Adam steps per model in the tier C training run"},
                        &P::trainSteps));
  t.push_back(bindField(FieldSpec{.key = "train_batch",
                                  .label = "Batch (patches)",
                                  .kind = FieldKind::Integer,
                                  .min = 8,
                                  .max = 4096,
                                  .logScale = true,
                                  .help = "Patches per mini-batch (tier C)"},
                        &P::trainBatch));
  t.push_back(bindField(FieldSpec{.key = "learning_rate",
                                  .label = "Learning rate",
                                  .kind = FieldKind::Real,
                                  .min = 1e-5,
                                  .max = 0.1,
                                  .logScale = true,
                                  .help = "Adam step size (tier C)"},
                        &P::learningRate));
  t.push_back(bindField(FieldSpec{.key = "commitment",
                                  .label = "Commitment β",
                                  .kind = FieldKind::Real,
                                  .min = 0.0,
                                  .max = 2.0,
                                  .help = "VQ commitment weight: β‖z − sg[e]‖² pulls the encoder "
                                          "towards its codes (tier C, VQ only)"},
                        &P::commitment));
  return t;
}

}  // namespace

const std::vector<FieldBinding<ImageLabParams>>& imageLabFields() {
  static const auto kTable = buildTable();
  return kTable;
}

void validate(const ImageLabParams& p) {
  fsqPresetLevels(p.budgetBits);  // throws for a budget without preset levels
  if (p.patch < 2 || p.patch > 16)
    throw ParamError("patch", "patch size must be between 2 and 16, got " +
                                  std::to_string(p.patch));
  if (!std::isfinite(p.alpha) || p.alpha < 0.05 || p.alpha > 4.0)
    throw ParamError("alpha", "bound gain α must be between 0.05 and 4");
  if (p.lloydIterations < 1 || p.lloydIterations > 50)
    throw ParamError("lloyd_iterations", "Lloyd iterations must be between 1 and 50, got " +
                                             std::to_string(p.lloydIterations));
}

}  // namespace latentlab::quantization
