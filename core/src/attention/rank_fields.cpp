// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Attention-rank page's field table (form, JSON, CLI), its validation and its Q/K sources.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "latentlab/attention/attention_rank.h"
#include "latentlab/common/npy.h"

namespace latentlab::attention {
namespace {

constexpr double kMaxSeed = 2147483647.0;  // 2^31 − 1, as on the Top-k page

std::vector<FieldBinding<AttentionRankParams>> buildTable() {
  using P = AttentionRankParams;
  std::vector<FieldBinding<P>> t;
  t.push_back(bindField(
      FieldSpec{.key = "source",
                .label = "Q, K source",
                .kind = FieldKind::Choice,
                .choices = {"gaussian", "circle", "zeros", "npy"},
                .choiceLabels = {"Gaussian (SplitMix64 seed)", "Circle (d = 2)", "Zeros",
                                 "Loaded .npy files"},
                .help = "Where Q and K come from. Circle: q_i = k_i = (cos θ_i, sin θ_i), logits "
                        "τ·cos(θ_i − θ_j). npy: the files loaded with “Load Q/K…” (not saved in "
                        "scenarios)"},
      &P::source));
  t.push_back(bindField(FieldSpec{.key = "n",
                                  .label = "n (tokens)",
                                  .kind = FieldKind::Integer,
                                  .min = 2,
                                  .max = 2048,
                                  .logScale = true,
                                  .help = "Sequence length; above 512 a recompute takes a while"},
                        &P::n));
  t.push_back(bindField(FieldSpec{.key = "d",
                                  .label = "d (head size)",
                                  .kind = FieldKind::Integer,
                                  .min = 1,
                                  .max = 2048,
                                  .logScale = true,
                                  .help = "Key/query dimension per head, 1..n (the circle uses 2)"},
                        &P::d));
  t.push_back(
      bindField(FieldSpec{.key = "tau",
                          .label = "τ (inverse temperature)",
                          .kind = FieldKind::Real,
                          .min = 0.01,
                          .max = 100.0,
                          .logScale = true,
                          .help = "Logit multiplier: S = τ·QKᵀ/√d; large τ = sharp attention"},
                &P::tau));
  t.push_back(bindField(FieldSpec{.key = "seed",
                                  .label = "Seed",
                                  .kind = FieldKind::Integer,
                                  .min = 0,
                                  .max = kMaxSeed,
                                  .slider = false,
                                  .help = "SplitMix64 seed of the Gaussian Q and K"},
                        &P::seed));
  t.push_back(bindField(FieldSpec{.key = "prefix",
                                  .label = "Prefix length m",
                                  .kind = FieldKind::Integer,
                                  .min = 0,
                                  .max = 2048,
                                  .help = "Prefix-LM: the first m tokens see each other, 0..n"},
                        &P::prefix));
  t.push_back(
      bindField(FieldSpec{.key = "heads",
                          .label = "Mixed heads H",
                          .kind = FieldKind::Integer,
                          .min = 2,
                          .max = 16,
                          .help = "Forward/backward-mixed design: H heads, the first H/2 forward"},
                &P::heads));
  t.push_back(bindField(FieldSpec{.key = "auto_tolerance",
                                  .label = "Tolerance t = n·ε",
                                  .kind = FieldKind::Bool,
                                  .help = "Use the LAPACK/NumPy tolerance n·ε for rank_t"},
                        &P::autoTolerance));
  t.push_back(bindField(FieldSpec{.key = "tolerance",
                                  .label = "Tolerance t",
                                  .kind = FieldKind::Real,
                                  .min = 1e-14,
                                  .max = 0.1,
                                  .logScale = true,
                                  .help = "rank_t counts σ_i > t·σ₁ (when t = n·ε is off)"},
                        &P::tolerance));
  t.push_back(bindField(
      FieldSpec{.key = "svd",
                .label = "SVD engine",
                .kind = FieldKind::Choice,
                .choices = {"auto", "jacobi", "bdc", "lapack"},
                .choiceLabels = {"Auto", "Jacobi (accurate)", "Eigen BDC", "LAPACK dgesdd (fast)"},
                .help = "Auto: Jacobi up to n = 64, LAPACK dgesdd above"},
      &P::svd));
  t.push_back(bindField(FieldSpec{.key = "log_colour",
                                  .label = "Log colour scale",
                                  .kind = FieldKind::Bool,
                                  .help = "Heat maps: colour by log10 of the attention weight"},
                        &P::logColour));
  t.push_back(bindField(FieldSpec{.key = "sweep_axis",
                                  .label = "Sweep along",
                                  .kind = FieldKind::Choice,
                                  .choices = {"n", "d", "tau"},
                                  .choiceLabels = {"n", "d", "τ"},
                                  .help = "Sweeps view: the swept parameter (others fixed)"},
                        &P::sweepAxis));
  t.push_back(bindField(FieldSpec{.key = "depth",
                                  .label = "Depth L",
                                  .kind = FieldKind::Integer,
                                  .min = 1,
                                  .max = 24,
                                  .help = "Depth view: number of stacked attention layers"},
                        &P::depth));
  t.push_back(bindField(FieldSpec{.key = "view",
                                  .label = "View",
                                  .kind = FieldKind::Choice,
                                  .choices = {"overview", "heatmaps", "spectra", "metrics",
                                              "sweeps", "depth", "heads"},
                                  .choiceLabels = {"Overview", "Heat maps", "Spectra", "Metrics",
                                                   "Sweeps", "Depth", "Mixed heads"},
                                  .help = "Which figure the page shows and exports"},
                        &P::view));
  return t;
}

}  // namespace

const std::vector<FieldBinding<AttentionRankParams>>& attentionRankFields() {
  static const std::vector<FieldBinding<AttentionRankParams>> table = buildTable();
  return table;
}

void validate(const AttentionRankParams& params) {
  for (const auto& b : attentionRankFields()) checkValue(b.spec, b.get(params));
  if (params.source == QkSource::Npy) {
    if (!params.loaded)
      throw ParamError("source",
                       "source 'npy' needs Q and K loaded from files first "
                       "(“Load Q/K from files…” on the page, --open Q K on the command line)");
    return;  // n and d come from the files
  }
  // d and the prefix above n are clamped to n (makeQk, computeAttentionRank), so moving the n
  // slider below them never rejects the change.
}

std::uint64_t SplitMixNormal::nextU64() {
  std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

double SplitMixNormal::uniform() { return static_cast<double>(nextU64() >> 11) * 0x1.0p-53; }

double SplitMixNormal::normal() {
  const double u1 = uniform();
  const double u2 = uniform();
  return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

QkPair makeQk(const AttentionRankParams& params) {
  QkPair out;
  const int d = std::min(params.d, params.n);
  switch (params.source) {
    case QkSource::Gaussian: {
      SplitMixNormal g(params.seed);
      out.q.resize(params.n, d);
      out.k.resize(params.n, d);
      // Q row-major first, then K, so the reference seeded numbers reproduce.
      for (int i = 0; i < params.n; ++i)
        for (int j = 0; j < d; ++j) out.q(i, j) = g.normal();
      for (int i = 0; i < params.n; ++i)
        for (int j = 0; j < d; ++j) out.k(i, j) = g.normal();
      break;
    }
    case QkSource::Circle: {
      out.q.resize(params.n, 2);
      for (int i = 0; i < params.n; ++i) {
        const double th = 2.0 * std::numbers::pi * i / params.n;
        out.q(i, 0) = std::cos(th);
        out.q(i, 1) = std::sin(th);
      }
      out.k = out.q;
      out.divideBySqrtD = false;
      break;
    }
    case QkSource::Zeros:
      out.q = Eigen::MatrixXd::Zero(params.n, d);
      out.k = out.q;
      break;
    case QkSource::Npy:
      if (!params.loaded)
        throw ParamError("source",
                         "source 'npy' needs Q and K loaded from files first (--open Q K)");
      out.q = params.loaded->q;
      out.k = params.loaded->k;
      break;
  }
  return out;
}

double effectiveTolerance(const AttentionRankParams& params, int n) {
  return params.autoTolerance ? n * std::numeric_limits<double>::epsilon() : params.tolerance;
}

}  // namespace latentlab::attention

namespace latentlab::attention {

std::shared_ptr<const LoadedQk> loadQk(const std::string& qPath, const std::string& kPath) {
  auto out = std::make_shared<LoadedQk>();
  out->q = isTextMatrixPath(qPath) ? loadMatrixText(qPath, "q_file") : loadNpy(qPath, "q_file");
  out->k = isTextMatrixPath(kPath) ? loadMatrixText(kPath, "k_file") : loadNpy(kPath, "k_file");
  checkLoadedQk(out->q, out->k);
  out->qName = qPath;
  out->kName = kPath;
  return out;
}

void checkLoadedQk(const Eigen::MatrixXd& q, const Eigen::MatrixXd& k) {
  if (q.rows() < 2 || q.rows() > 2048)
    throw ParamError(
        "q_file", "Q must have between 2 and 2048 rows (tokens), got " + std::to_string(q.rows()));
  if (q.rows() != k.rows() || q.cols() != k.cols())
    throw ParamError("k_file", "K must have the shape of Q (" + std::to_string(q.rows()) + ", " +
                                   std::to_string(q.cols()) + "), got (" +
                                   std::to_string(k.rows()) + ", " + std::to_string(k.cols()) +
                                   ")");
  if (!q.allFinite()) throw ParamError("q_file", "Q contains NaN or Inf");
  if (!k.allFinite()) throw ParamError("k_file", "K contains NaN or Inf");
}

}  // namespace latentlab::attention
