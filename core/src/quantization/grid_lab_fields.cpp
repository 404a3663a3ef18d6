// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The "FSQ vs VQ grid" page's field table (form, JSON, CLI) and its cross-field validation.
#include <string>

#include "latentlab/quantization/grid_lab.h"

namespace latentlab::quantization {
namespace {

constexpr double kMaxSeed = 2147483647.0;  // 2^31 − 1: fits every spin box and a double exactly

FieldSpec intField(std::string key, std::string label, double lo, double hi, std::string help) {
  return FieldSpec{.key = std::move(key),
                   .label = std::move(label),
                   .kind = FieldKind::Integer,
                   .min = lo,
                   .max = hi,
                   .help = std::move(help)};
}

FieldSpec choiceField(std::string key, std::string label, std::vector<std::string> ids,
                      std::vector<std::string> labels, std::string help) {
  return FieldSpec{.key = std::move(key),
                   .label = std::move(label),
                   .kind = FieldKind::Choice,
                   .choices = std::move(ids),
                   .choiceLabels = std::move(labels),
                   .help = std::move(help)};
}

FieldSpec boolField(std::string key, std::string label, std::string help) {
  return FieldSpec{.key = std::move(key),
                   .label = std::move(label),
                   .kind = FieldKind::Bool,
                   .help = std::move(help)};
}

std::vector<FieldBinding<GridLabParams>> buildTable() {
  using P = GridLabParams;
  std::vector<FieldBinding<P>> t;
  t.push_back(bindField(choiceField("data", "Points", {"gaussian", "mixture", "ring", "patches"},
                                    {"Gaussian", "Mixture of 5", "Ring", "Image patches"},
                                    "Synthetic cloud, or whitened PCA components of 4×4 patches "
                                    "of an image (bundled sample or your own)"),
                        &P::data));
  t.push_back(bindField(intField("dims", "Dimensions d", 2, 3, "Latent dimension: 2 or 3"),
                        &P::dims));
  t.push_back(bindField(intField("points", "Points N", 100, 20000, "Number of latent points"),
                        &P::points));
  const std::string lh = "FSQ levels of dimension ";
  t.push_back(bindField(intField("level1", "Levels L1", 3, 32, lh + "1 (3..32; below 5 is worse)"),
                        &P::level1));
  t.push_back(bindField(intField("level2", "Levels L2", 3, 32, lh + "2 (3..32; below 5 is worse)"),
                        &P::level2));
  t.push_back(bindField(intField("level3", "Levels L3", 3, 32, lh + "3, when d = 3"), &P::level3));
  t.push_back(bindField(choiceField("bound", "Bound", {"tanh", "paper_tan", "su_sigmoid"},
                                    {"tanh (canonical)", "paper-literal tan", "Su sigmoid"},
                                    "Bounding function before rounding (FSQ paper; Su, "
                                    "kexue.fm/archives/9826)"),
                        &P::bound));
  t.push_back(bindField(FieldSpec{.key = "alpha",
                                  .label = "Bound gain α",
                                  .kind = FieldKind::Real,
                                  .min = 0.05,
                                  .max = 10.0,
                                  .logScale = true,
                                  .help = "FSQ quantizes z = α·x: small α uses few central cells"},
                        &P::alpha));
  t.push_back(bindField(choiceField("space", "FSQ space", {"raw", "bounded"},
                                    {"Raw z-space", "Bounded space"},
                                    "Raw: non-uniform cells; bounded: the uniform grid"),
                        &P::space));
  t.push_back(bindField(boolField("match_k", "VQ K = FSQ K", "Give VQ as many codes as FSQ (∏L)"),
                        &P::matchK));
  t.push_back(bindField(
      intField("codebook_size", "VQ codebook size", 2, 4096, "VQ codes K when not matched (≤ N)"),
      &P::codebookSize));
  t.push_back(bindField(choiceField("vq_method", "VQ training", {"lloyd", "ema"},
                                    {"k-means (Lloyd)", "Online EMA"},
                                    "Batch Lloyd iterations or online EMA codebook"),
                        &P::vqMethod));
  t.push_back(bindField(choiceField("vq_init", "VQ init", {"kmeanspp", "data_rows", "tiny"},
                                    {"k-means++", "Random data rows", "Tiny N(0, 0.02²)"},
                                    "Initial codebook; tiny init shows EMA collapse"),
                        &P::vqInit));
  t.push_back(bindField(intField("iterations", "Lloyd iterations", 0, 200,
                                 "Lloyd iterations after the init"),
                        &P::iterations));
  t.push_back(bindField(intField("ema_steps", "EMA steps", 1, 5000,
                                 "Online EMA steps (batches of 256, γ = 0.99)"),
                        &P::emaSteps));
  t.push_back(bindField(boolField("restart", "Dead-code restart",
                                  "EMA: codes whose count falls below the threshold restart at a "
                                  "batch point (checked every 10 steps)"),
                        &P::restart));
  t.push_back(bindField(FieldSpec{.key = "restart_threshold",
                                  .label = "Restart threshold",
                                  .kind = FieldKind::Real,
                                  .min = 0.001,
                                  .max = 10.0,
                                  .logScale = true,
                                  .help = "EMA count N_j below which a code is dead"},
                        &P::restartThreshold));
  t.push_back(bindField(choiceField("precision", "FSQ precision", {"fp32", "bf16", "fp16"},
                                    {"fp32", "bf16", "fp16"},
                                    "Emulate a float index path in this format "
                                    "(vector-quantize-pytorch issue #114)"),
                        &P::precision));
  t.push_back(bindField(choiceField("plane", "Plane (3-D)", {"x1x2", "x1x3", "x2x3"},
                                    {"x1–x2", "x1–x3", "x2–x3"},
                                    "3-D: coordinates drawn; the third one is sliced"),
                        &P::plane));
  t.push_back(bindField(FieldSpec{.key = "slice",
                                  .label = "Slice (3-D)",
                                  .kind = FieldKind::Real,
                                  .min = -5.0,
                                  .max = 5.0,
                                  .help = "3-D: third coordinate of the cell images"},
                        &P::slice));
  t.push_back(bindField(FieldSpec{.key = "seed",
                                  .label = "Seed",
                                  .kind = FieldKind::Integer,
                                  .min = 0,
                                  .max = kMaxSeed,
                                  .slider = false,
                                  .help = "Seed of the points, the VQ init and the EMA batches"},
                        &P::seed));
  t.push_back(bindField(choiceField("view", "View", {"overview", "fsq", "vq", "usage", "sweep"},
                                    {"Overview", "FSQ grid", "VQ Voronoi", "Usage",
                                     "Usage vs K"},
                                    "Which figure the page shows and exports"),
                        &P::view));
  t.push_back(bindField(intField("shown_step", "Shown iteration", 0, kGridLastStep,
                                 "VQ codebook after this many Lloyd iterations or EMA steps "
                                 "(the last one when larger); a view setting, no retraining"),
                        &P::shownStep));
  return t;
}

}  // namespace

const std::vector<FieldBinding<GridLabParams>>& gridLabFields() {
  static const std::vector<FieldBinding<GridLabParams>> table = buildTable();
  return table;
}

void validate(const GridLabParams& params) {
  for (const auto& b : gridLabFields()) checkValue(b.spec, b.get(params));
  std::int64_t k = std::int64_t{params.level1} * params.level2;
  if (params.dims == 3) k *= params.level3;
  const std::int64_t vqK = params.matchK ? k : params.codebookSize;
  if (vqK > 4096)
    throw ParamError(params.matchK ? "match_k" : "codebook_size",
                     "VQ codebook size " + std::to_string(vqK) +
                         " is above 4096; use fewer levels or turn off VQ K = FSQ K");
  if (params.vqInit != VqInit::Tiny && vqK > params.points)
    throw ParamError(params.matchK ? "points" : "codebook_size",
                     "VQ needs at least K = " + std::to_string(vqK) +
                         " points for this init, got N = " + std::to_string(params.points));
}

}  // namespace latentlab::quantization
