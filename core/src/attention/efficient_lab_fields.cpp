// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Efficient attention page's field table (form, JSON, CLI) and cross-field validation.
#include <string>

#include "latentlab/attention/efficient_lab.h"

namespace latentlab::attention {
namespace {

constexpr double kMaxSeed = 2147483647.0;  // 2^31 − 1: fits every spin box and a double exactly

FieldSpec integer(const char* key, const char* label, double lo, double hi, const char* help,
                  bool log = false, bool slider = true) {
  return FieldSpec{.key = key,
                   .label = label,
                   .kind = FieldKind::Integer,
                   .min = lo,
                   .max = hi,
                   .logScale = log,
                   .slider = slider,
                   .help = help};
}

std::vector<FieldBinding<EfficientLabParams>> buildTable() {
  using P = EfficientLabParams;
  std::vector<FieldBinding<P>> t;
  t.push_back(bindField(integer("n", "Sequence length n", 8, kDeviceMaxN,
                                "Tokens n (up to 4096 on the CPU, 32768 on an OpenCL device); "
                                "maps show the top-left 256×256 block when n > 256",
                                true),
                        &P::n));
  t.push_back(bindField(integer("d", "Head dimension d", 1, 128, "Columns of Q and K"), &P::d));
  t.push_back(bindField(integer("dv", "Value dimension d_v", 1, 128, "Columns of V"), &P::dv));
  t.push_back(bindField(
      FieldSpec{.key = "sigma",
                .label = "Q, K scale σ",
                .kind = FieldKind::Real,
                .min = 0.01,
                .max = 3.0,
                .logScale = true,
                .help = "Std of the Q and K entries: larger σ is sharper attention (lower "
                        "temperature), which needs exponentially more features (Performer paper, "
                        "Lemma 2)"},
      &P::sigma));
  t.push_back(bindField(FieldSpec{.key = "causal",
                                  .label = "Causal",
                                  .kind = FieldKind::Bool,
                                  .help = "Mask future keys: prefix sums for Performer, the block "
                                          "cache for Transformer-VQ"},
                        &P::causal));
  t.push_back(bindField(integer("seed", "Data seed", 0, kMaxSeed,
                                "Seed of Q, K, V and of the codebook initialisation", false,
                                false),
                        &P::seed));
  t.push_back(bindField(
      FieldSpec{.key = "feature",
                .label = "Performer features",
                .kind = FieldKind::Choice,
                .choices = {"positive", "hyperbolic", "trig"},
                .choiceLabels = {"Positive (FAVOR+)", "Hyperbolic (hyp+)", "Trigonometric"},
                .help = "Positive and hyperbolic (2m features, lower variance) "
                        "stay > 0; trigonometric ones can give negative weights "
                        "and near-zero normalisers (Performer paper, §2.3)"},
      &P::feature));
  t.push_back(bindField(FieldSpec{.key = "projection",
                                  .label = "Projection Ω",
                                  .kind = FieldKind::Choice,
                                  .choices = {"iid", "orthogonal", "regular"},
                                  .choiceLabels = {"iid Gaussian", "Orthogonal (χ norms)",
                                                   "Orthogonal, ‖ω‖ = √d"},
                                  .help = "How the random features ω_i are drawn (Performer "
                                          "paper, §2.4)"},
                        &P::projection));
  t.push_back(bindField(integer("m", "Random features m", 1, 1024,
                                "Performer's feature count, its 'rank'", true),
                        &P::m));
  t.push_back(bindField(integer("feature_seed", "Redraw seed", 0, kMaxSeed,
                                "Seed of the random features Ω (redraw)", false, false),
                        &P::featureSeed));
  t.push_back(bindField(integer("redraws", "Redraws per m", 2, 64,
                                "Feature draws per m in the error-vs-m view (median and spread)"),
                        &P::redraws));
  t.push_back(bindField(FieldSpec{.key = "codebook",
                                  .label = "Codebook",
                                  .kind = FieldKind::Choice,
                                  .choices = {"kmeans", "random"},
                                  .choiceLabels = {"k-means over keys", "Random keys"},
                                  .help = "Transformer-VQ codebook C from the keys"},
                        &P::codebook));
  t.push_back(bindField(integer("codebook_size", "Codebook size S", 1, 1024,
                                "Codes S (at most n)", true),
                        &P::codebookSize));
  t.push_back(bindField(integer("kmeans_iters", "k-means iterations", 0, 100,
                                "Lloyd iterations of the k-means codebook"),
                        &P::kmeansIters));
  t.push_back(bindField(integer("block", "Block length l", 1, 4096,
                                "Causal Transformer-VQ block length (at most n)", true),
                        &P::block));
  t.push_back(bindField(FieldSpec{.key = "window_bias",
                                  .label = "Window bias B",
                                  .kind = FieldKind::Bool,
                                  .help = "Causal Transformer-VQ with the local window bias of "
                                          "Lingle 2023, here b(t) = β·e^(−2t/l) for 0 ≤ t < l"},
                        &P::windowBias));
  t.push_back(bindField(FieldSpec{.key = "bias_strength",
                                  .label = "Bias strength β",
                                  .kind = FieldKind::Real,
                                  .min = 0.0,
                                  .max = 8.0,
                                  .help = "β of the window bias b(t) = β·e^(−2t/l)"},
                        &P::biasStrength));
  t.push_back(bindField(integer("cache_block", "Cache cursor (block)", 0, 4095,
                                "Cache inspector: blocks 0 … b of length l are in the cache"),
                        &P::cacheBlock));
  t.push_back(bindField(integer("cell_i", "Lemma-2 cell: query i", 0, 4095,
                                "Query row of the kernel entry in the Lemma-2 view", false, false),
                        &P::cellI));
  t.push_back(bindField(integer("cell_j", "Lemma-2 cell: key j", 0, 4095,
                                "Key column of the kernel entry in the Lemma-2 view", false, false),
                        &P::cellJ));
  t.push_back(bindField(FieldSpec{.key = "log_colour",
                                  .label = "Log colour scale",
                                  .kind = FieldKind::Bool,
                                  .help = "Colour the maps on a log scale (small weights visible)"},
                        &P::logColour));
  t.push_back(bindField(FieldSpec{.key = "soft_tau",
                                  .label = "Soft-assignment τ",
                                  .kind = FieldKind::Real,
                                  .min = 1e-4,
                                  .max = 10.0,
                                  .logScale = true,
                                  .help = "p(y|k) = softmax(−‖k − c_y‖²/(2τ)); τ → 0 is hard VQ"},
                        &P::softTau));
  t.push_back(bindField(integer("key_index", "Inspected key", 0, 4095,
                                "Key whose soft and hard assignments are drawn (0-based, < n)"),
                        &P::keyIndex));
  t.push_back(bindField(
      arithmeticField("Precision of the exact and Performer outputs and of the timings; "
                      "float32 reports its rounding against float64"),
      &P::precision));
  t.push_back(bindField(
      FieldSpec{.key = "view",
                .label = "View",
                .kind = FieldKind::Choice,
                .choices = {"maps", "features", "codebook", "cache", "lemma", "analogy", "timing"},
                .choiceLabels = {"Maps", "Error vs m", "Error vs S", "VQ cache", "Lemma 2",
                                 "Soft VQ analogy", "Timing"},
                .help = "Which figure the page shows and exports"},
      &P::view));
  return t;
}

}  // namespace

const std::vector<FieldBinding<EfficientLabParams>>& efficientLabFields() {
  static const std::vector<FieldBinding<EfficientLabParams>> table = buildTable();
  return table;
}

void validate(const EfficientLabParams& p) {
  if (static_cast<int>(p.view) < 0 || p.view > EfficientView::Timing)
    throw ParamError("view", "view is not a known view id");
  for (const auto& b : efficientLabFields()) checkValue(b.spec, b.get(p));
  const std::string ns = std::to_string(p.n);
  if (p.codebookSize > p.n)
    throw ParamError("codebook_size", "codebook size S must be between 1 and n = " + ns +
                                          ", got " + std::to_string(p.codebookSize));
  if (p.block > p.n)
    throw ParamError("block", "block length l must be between 1 and n = " + ns + ", got " +
                                  std::to_string(p.block));
  const int blocks = (p.n + p.block - 1) / p.block;
  if (p.cacheBlock >= blocks)
    throw ParamError("cache_block", "cache cursor must be between 0 and ⌈n/l⌉ − 1 = " +
                                        std::to_string(blocks - 1) + ", got " +
                                        std::to_string(p.cacheBlock));
  if (p.cellI >= p.n)
    throw ParamError("cell_i", "query row i must be between 0 and n − 1 = " +
                                   std::to_string(p.n - 1) + ", got " + std::to_string(p.cellI));
  if (p.cellJ >= p.n)
    throw ParamError("cell_j", "key column j must be between 0 and n − 1 = " +
                                   std::to_string(p.n - 1) + ", got " + std::to_string(p.cellJ));
  if (p.keyIndex >= p.n)
    throw ParamError("key_index", "inspected key must be between 0 and n − 1 = " +
                                      std::to_string(p.n - 1) + ", got " +
                                      std::to_string(p.keyIndex));
}

}  // namespace latentlab::attention
