// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/efficient_attention.md §9
// (conventions) and §10 (what the page shows).

#include <Eigen/Dense>
#include <cstdint>
#include <limits>
#include <vector>

#include "latentlab/attention/performer.h"
#include "latentlab/attention/transformer_vq.h"
#include "latentlab/common/arithmetic.h"
#include "latentlab/common/device.h"
#include "latentlab/common/params.h"
#include "latentlab/common/run_control.h"

namespace latentlab::attention {

/// Arithmetic of the exact and Performer outputs (and of the timing view): float64, or float32
/// with its rounding against float64 reported (docs/theory/efficient_attention.md §12).
using latentlab::Arithmetic;

/// Which figure the Efficient attention page shows and exports.
enum class EfficientView {
  Maps,      // A, Performer Â, Transformer-VQ Â, |A − Â| heat maps with e_A / e_O read-outs
  Features,  // e_O vs m (log-log), median and spread over redraws, m^{−1/2} guide
  Codebook,  // e_O, e_A and key VQ error vs S; quadratic vs linear agreement
  Cache,     // Transformer-VQ cache (per-code counts, mean values) at a block cursor
  Lemma,     // analytic Lemma-2 MSE of one kernel entry vs its empirical histogram
  Analogy,   // soft assignments over ω vs one-hot VQ, exact and inexact steps, τ → 0
  Timing,    // exact vs Performer vs Transformer-VQ time vs n, FLOP model, crossover
};

/// Every parameter of the page; efficientLabFields() drives the form, JSON and the CLI.
/// Data: Q, K ∼ N(0, σ²) entries (n×d), V ∼ N(0, 1) (n×d_v), from `seed`; logits s·QKᵀ with
/// s = 1/√d (Choromanski et al. 2021 (Performer), §2.3).
struct EfficientLabParams {
  int n = 256;                                   // sequence length, 8..4096
  int d = 16;                                    // head dimension of Q, K, 1..128
  int dv = 8;                                    // value dimension, 1..128
  double sigma = 0.35;                           // std of Q, K entries, 0.01..3
  bool causal = false;                           // causal mask (prefix sums / block cache)
  FeatureKind feature = FeatureKind::Positive;   // Performer feature map
  Projection projection = Projection::Orthogonal;  // iid / orthogonal (χ norms) / regular
  int m = 64;                                    // random features, 1..1024 (log slider)
  std::uint64_t featureSeed = 1;                 // redraw seed of Ω
  int redraws = 8;                               // draws per m for the e_O vs m spread, 2..64
  CodebookKind codebook = CodebookKind::KMeans;  // Transformer-VQ codebook over the keys
  int codebookSize = 32;                         // S, 1..min(n, 1024)
  int kmeansIters = 10;                          // Lloyd iterations, 0..100
  int block = 16;                                // causal block length l, 1..n
  bool windowBias = false;                       // causal VQ: Toeplitz window bias b(t), t < l
  double biasStrength = 0.5;                     // β of b(t) = β·e^{−2t/l} (Lingle 2023), 0..8
  int cacheBlock = 0;                            // cache inspector cursor: blocks 0..b cached
  int cellI = 0, cellJ = 1;                      // kernel entry (i, j) of the Lemma-2 view
  bool logColour = false;                        // log colour scale on the maps
  double softTau = 0.1;                          // soft-assignment temperature τ, 1e-4..10
  int keyIndex = 0;                              // key inspected in the analogy view, 0..n−1
  std::uint64_t seed = 1;                        // seed of Q, K, V and the codebook init
  Arithmetic precision = Arithmetic::Float64;    // outputs and timings: float64 or float32
  EfficientView view = EfficientView::Maps;      // figure shown / exported
};

/// Field table (keys: n, d, dv, sigma, causal, feature, projection, m, feature_seed, redraws,
/// codebook, codebook_size, kmeans_iters, block, window_bias, bias_strength, cache_block, cell_i,
/// cell_j, log_colour, soft_tau, key_index, seed, precision, view).
const std::vector<FieldBinding<EfficientLabParams>>& efficientLabFields();
/// Cross-field checks (S ≤ n, block ≤ n, key_index < n, cache_block < ⌈n/l⌉, cell_i/j < n);
/// throws ParamError naming the key.
void validate(const EfficientLabParams& params);

/// Largest n whose maps are drawn: beyond it the heat maps show the top-left block.
inline constexpr int kMapLimit = 256;

/// Samples drawn for the Lemma-2 histogram (iid ω, one draw = m fresh features).
inline constexpr int kLemmaDraws = 4000;
inline constexpr int kLemmaBins = 40;

/// One curve family of the error-vs-m view: e_O and e_A over `redraws` draws per m.
struct FeatureSweepCurve {
  Projection projection = Projection::Iid;
  Eigen::MatrixXd errorsO, errorsA;          // rows: m, cols: draws (seeds featureSeed + r)
  std::vector<double> medianO, lowO, highO;  // median, min, max per m
  std::vector<double> medianA, lowA, highA;
};

/// Lemma-2 view: the raw estimate φ(x)ᵀφ(y) of SM(x, y) = exp(xᵀy) for x = q_i·√s, y = k_j·√s
/// over kLemmaDraws iid draws of m features, per feature kind (index: FeatureKind).
struct Lemma2Cell {
  double kernel = 0.0;                         // SM(x, y)
  double normXPlusY = 0.0, normXMinusY = 0.0;  // ‖x + y‖², ‖x − y‖²
  double analyticMse[3] = {0, 0, 0};           // lemma2Mse
  double empiricalMse[3] = {0, 0, 0};          // mean (est − SM)² over the draws
  double empiricalMean[3] = {0, 0, 0};         // mean estimate
  int negativeDraws[3] = {0, 0, 0};            // estimates < 0 (only trigonometric can be)
  std::vector<double> binEdges;                // kLemmaBins + 1 edges of est/SM
  Eigen::MatrixXd density;                     // kLemmaBins × 3: histogram density of est/SM
};

/// Counts and mean values U_s / count_s of the Transformer-VQ cache holding keys [0, keys)
/// (as the official Transformer-VQ code, nn/attn.py, stores counts and means, not raw sums). means
/// rows of unused codes are 0.
struct VqCacheState {
  Eigen::VectorXd counts;  // S
  Eigen::MatrixXd means;   // S × d_v
};
VqCacheState vqCacheState(const std::vector<int>& codes, const Eigen::Ref<const Eigen::MatrixXd>& v,
                          int codebookSize, Eigen::Index keys);

struct EfficientLabResult {
  int shown = 0;              // rows/cols of the maps below: min(n, kMapLimit)
  Eigen::MatrixXd exactMap;   // A (shown×shown block of rows normalised over all n keys)
  Eigen::MatrixXd performerMap;  // Performer Â, same block
  Eigen::MatrixXd vqMap;         // softmax(s·QK̂ᵀ), same block
  Eigen::MatrixXd performerAbsError;  // |A − Â_Performer|
  double performerErrorA = 0, performerErrorO = 0;  // e_A (first `shown` rows), e_O
  double vqErrorA = 0, vqErrorO = 0;
  double vqLinearVsQuadratic = 0;  // max |linear cached form − quadratic on K̂| (with B if on)
  double keyVqError = 0;           // ‖K − K̂‖²_F / ‖K‖²_F
  double minDenominator = 0;       // smallest Performer normaliser φ(q)ᵀΣφ(k) / its row max
  int negativeEntries = 0;         // Â entries < 0 in the shown block (trigonometric features)
  int codesUsed = 0;               // codes with at least one key
  // float32 only (NaN in float64): ‖O₃₂ − O₆₄‖_F/‖O₆₄‖_F of the exact and the Performer output.
  double float32ErrorExact = std::numeric_limits<double>::quiet_NaN();
  double float32ErrorPerformer = std::numeric_limits<double>::quiet_NaN();

  // Features view: e_O and e_A vs m, [0] iid and [1] orthogonal (the chosen orthogonal kind, χ
  // norms when the projection is iid), same feature kind and seeds.
  std::vector<int> mGrid;
  std::vector<FeatureSweepCurve> featureCurves;

  // Cache view (Transformer-VQ inspector): the codes and values the cache is built from, so
  // moving the cursor needs only vqCacheState.
  std::vector<int> codes;    // code of every key (n)
  Eigen::MatrixXd values;    // V (n × d_v)
  Eigen::MatrixXd codebook;  // C (S × d)
  // The inputs every view is computed from (exported so a result can be checked elsewhere).
  Eigen::MatrixXd queries, keys;  // Q, K (n × d)
  Eigen::MatrixXd omega;          // Performer's projection Ω (m × d) at feature_seed

  // Lemma view (empty kernel = 0 when another view is shown).
  Lemma2Cell lemma;

  // Codebook view.
  std::vector<int> sGrid;  // 1, 2, 4, … ≤ min(n, 1024) (and n when n ≤ 1024)
  std::vector<double> sErrorO, sErrorA, sKeyError;  // e_O (linear form), e_A (shown rows), key
                                                   // VQ error, each vs S

  // Analogy view (Su, kexue.fm/archives/9862).
  Eigen::VectorXd keySoftOverFeatures;  // softmax_i(−‖y − ω_i‖²/2) for key key_index (m)
  Eigen::VectorXd keySoftOverCodes;     // p(y | k) at softTau over the codebook (S)
  int keyCode = 0;                      // hard code of that key
  double rewriteDiffRegular = 0;   // max |Su step 2 − FAVOR+| with equal-norm ω (≈1e-16)
  double rewriteDiffChi = 0;       // same with χ-norm ω (not exact)
  double softmaxStepDiff = 0;      // max |step 3 (softmax keys) − FAVOR+| (equal norms)
  std::vector<double> tauGrid;     // 1 … 1e-4
  std::vector<double> softHardDiff;  // max |soft VQ − hard VQ| per τ
  std::vector<double> softErrorO;    // e_O of soft VQ vs exact per τ
  double hardErrorO = 0;             // e_O of hard (bidirectional) VQ vs exact

  double elapsedMs = 0.0;
  /// Where the maps, outputs and codes were computed (RunControl::device; float32 on an OpenCL
  /// device, whatever `precision` says, with the float32 columns still against the CPU's double).
  DeviceUse deviceUse;
  /// A snapshot handed to RunControl::partial(): the maps, their errors and the cache inputs
  /// are final; the analogy numbers and the sweeps of the slower views are still to come.
  bool partial = false;
};

/// The CPU computes n ≤ kCpuMaxN; with an OpenCL device chosen, n goes up to kDeviceMaxN (the
/// field's maximum). Exact attention costs 4n²d: at n = 32768, d = 64 that is 275 GFLOP, seconds
/// on a GPU, minutes on two CPU cores.
inline constexpr int kCpuMaxN = 4096;
inline constexpr int kDeviceMaxN = 32768;

/// The FLOP model of one computeEfficientLab run's kernels (exact attention on K and on K̂,
/// Performer, Transformer-VQ; flopModel below): the work units of the page's cost preview.
double efficientLabFlops(const EfficientLabParams& p);

/// Everything the page shows. The e_O-vs-m and error-vs-S sweeps are computed only for their
/// views (empty otherwise), so the default Maps view stays interactive. When the Maps or Cache
/// view is shown and a partial result is due, a snapshot with `partial = true` goes to
/// control.partial() as soon as the maps are done, before the analogy's rewrite checks and soft
/// assignments. n > kCpuMaxN needs control.device to be an OpenCL device (ParamError "n" on the
/// CPU, also after a device fallback, saying why). Throws ParamError, Cancelled.
EfficientLabResult computeEfficientLab(const EfficientLabParams& params,
                                       const RunControl& control = {});

/// Seeded Gaussian inputs of the lab: Q, K with entries N(0, σ²), V with N(0, 1).
struct AttentionInputs {
  Eigen::MatrixXd q, k, v;
};
AttentionInputs makeInputs(int n, int d, int dv, double sigma, std::uint64_t seed);

/// Lemma-2 cell (Choromanski et al. 2021 (Performer)): x = √scale·q_i, y = √scale·k_j, kLemmaDraws
/// iid projections of m rows (seeds seed, seed + 1, …), the raw estimate φ(x)ᵀφ(y) per feature
/// kind,
/// its mean, MSE and histogram of est/SM against lemma2Mse. Throws ParamError("cell_i"/"cell_j")
/// for rows outside Q/K; Cancelled.
Lemma2Cell lemma2Cell(const AttentionInputs& in, int i, int j, int m, double scale,
                      std::uint64_t seed, const RunControl& control = {});

/// Timing view: median wall time per call of exact (tiled output), Performer (m features,
/// positive, orthogonal) and Transformer-VQ (S codes, random-key codebook given, assignment
/// included) at each n, d = d_v, bidirectional, measured on this machine.
struct TimingParams {
  std::vector<int> sizes{256, 512, 1024, 2048, 4096, 8192};
  int d = 64;
  int m = 256;
  int codebookSize = 512;
  double budgetMsPerCell = 200.0;  // stop repeating a cell after this much time
  std::uint64_t seed = 1;
  bool float32 = false;  // time the float32 exact and Performer kernels
};
struct TimingResult {
  TimingParams params;  // what was measured
  std::vector<int> sizes;
  // rows: 0 exact, 1 Performer, 2 Transformer-VQ; cols: sizes.
  Eigen::MatrixXd medianMs;
  Eigen::MatrixXd flops;       // FLOP model per method and n (see flopModel)
  double msPerGflop = 0.0;     // machine rate fitted on exact at the largest n
  double performerCrossover = 0.0;  // measured n where Performer gets faster (NaN: none)
  double vqCrossover = 0.0;         // same for Transformer-VQ
  /// With control.device an OpenCL device: the same three methods timed there in float32
  /// (inputs uploaded and the output read back in each call; one untimed warm-up call per
  /// method builds the kernels), beside the CPU rows. Empty when the CPU was chosen; NaN cells
  /// after a device failure, which deviceUse then explains.
  Eigen::MatrixXd deviceMs;
  double devicePerformerCrossover = std::numeric_limits<double>::quiet_NaN();
  double deviceVqCrossover = std::numeric_limits<double>::quiet_NaN();
  DeviceUse deviceUse;
};
/// FLOP model: exact 4n²d (two GEMMs) + n² exps; Performer 4nmd + 4nmd_v + 2nm;
/// Transformer-VQ 4nSd (assignment + QCᵀ) + 2nSd_v + nS.
double flopModel(int method, double n, double d, double m, double s);
TimingResult measureTiming(const TimingParams& params, const RunControl& control = {});
/// The n where the curve `other` first drops below `exact` (log-log interpolation between the
/// bracketing sizes), or NaN when it never does; sizes ascending.
double crossover(const std::vector<int>& sizes, const Eigen::VectorXd& exact,
                 const Eigen::VectorXd& other);

}  // namespace latentlab::attention
