// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/attention_rank.md §3–§5 (why
// causal is full rank; the rank measures) and §9 (conventions).

#include <Eigen/Dense>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "latentlab/attention/attention_matrix.h"
#include "latentlab/common/params.h"
#include "latentlab/common/run_control.h"

namespace latentlab::attention {

/// Where Q and K come from.
enum class QkSource {
  Gaussian,  // SplitMix64 normals, Q row-major first, then K
  Circle,  // q_i = k_i = (cos θ_i, sin θ_i), θ_i = 2πi/n, d = 2, S = τ·cos(θ_i − θ_j)
  Zeros,  // Q = K = 0: uniform rows
  Npy,    // matrices loaded from .npy files (LoadedQk), n and d taken from the files
};

/// Which figure the page shows and exports.
enum class RankView { Overview, Heatmaps, Spectra, Metrics, Sweeps, Depth, Heads };

/// Heads view: each mixed head's map is kept as its top-left block of at most this size.
inline constexpr int kHeadMapLimit = 256;
/// Sweep axis: n, d or τ.
enum class SweepAxis { N, D, Tau };
/// SVD engine: Auto = JacobiSVD for n ≤ kJacobiMaxN, LAPACK's divide-and-conquer (dgesdd)
/// above; Eigen's BDCSVD stays selectable as a LAPACK-free cross-check.
enum class SvdEngine { Auto, Jacobi, Bdc, Lapack };

/// Auto uses two-sided Jacobi up to this n. Accuracy allows 256, but one Jacobi SVD of a 256×256
/// matrix costs hundreds of ms; dgesdd (through OpenCV, with the OpenBLAS build of LAPACK that
/// scripts/deps.sh installs) takes about 3.4 ms, Eigen's BDCSVD about 8.5 ms. Pick "jacobi" to
/// use Jacobi at every n.
inline constexpr int kJacobiMaxN = 64;

/// The four masks every view compares, in this order.
inline constexpr std::array<MaskKind, 4> kRankMasks = {MaskKind::Bidirectional, MaskKind::PrefixLM,
                                                       MaskKind::Causal, MaskKind::Backward};

/// Q and K loaded from files; shared read-only between the page and worker threads.
struct LoadedQk {
  Eigen::MatrixXd q, k;  // n×d each, finite
  std::string qName, kName;
};

/// Loads Q and K from .npy files (latentlab::loadNpy) or, for paths ending in .csv, .txt or
/// .tsv, from text (loadMatrixText), and checks them with checkLoadedQk.
/// Throws ParamError with key "q_file" or "k_file".
std::shared_ptr<const LoadedQk> loadQk(const std::string& qPath, const std::string& kPath);
/// A matrix as text: one row per line, numbers separated by commas and/or whitespace, blank
/// lines skipped. ParamError(key, …) naming the line for a non-numeric token, an empty field
/// ("1,,2", trailing comma), NaN/Inf, rows of different lengths, or no numbers at all.
Eigen::MatrixXd parseMatrixText(const std::string& text, const std::string& key);
/// parseMatrixText on a file's content; ParamError(key, …) when it cannot be read or is over
/// 64 MiB, 65,536 rows or 2^23 numbers.
Eigen::MatrixXd loadMatrixText(const std::string& path, const std::string& key);
/// True for paths ending in .csv, .txt or .tsv (any case): loadQk reads them as text.
bool isTextMatrixPath(const std::string& path);

/// Q and K must have the same shape (n, d), 2 ≤ n ≤ 2048, finite entries; throws ParamError.
void checkLoadedQk(const Eigen::MatrixXd& q, const Eigen::MatrixXd& k);

/// SplitMix64 normal stream: u = (z >> 11)·2⁻⁵³ and
/// normal = sqrt(−2 ln(1 − u₁))·cos(2π u₂), two uniforms per normal (no spare kept).
class SplitMixNormal {
 public:
  explicit SplitMixNormal(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t nextU64();
  double uniform();
  double normal();

 private:
  std::uint64_t m_state;
};

/// Every parameter of the Attention-rank page; one field table drives form, JSON and CLI.
struct AttentionRankParams {
  QkSource source = QkSource::Gaussian;
  int n = 256;                 // sequence length, 2..2048 (from the files for npy)
  int d = 8;                   // head size, 1..2048, clamped to n (2 for the circle; files for npy)
  double tau = 1.0;            // inverse temperature τ, log 0.01..100
  std::uint64_t seed = 7;      // SplitMix64 seed of the Gaussian source
  int prefix = 64;             // prefix-LM prefix length m, 0..2048, clamped to n
  int heads = 4;               // forward/backward-mixed design: H heads (H/2 forward), 2..16
  bool autoTolerance = false;  // t = n·ε (the LAPACK/NumPy convention)
  double tolerance = 1e-3;     // relative t, log 1e-14..1e-1; 1e-3 as in the seeded sweep
  SvdEngine svd = SvdEngine::Auto;
  bool logColour = false;  // heat maps: log10 colour scale
  SweepAxis sweepAxis = SweepAxis::N;
  int depth = 24;  // depth panel: layers L, 1..24
  RankView view = RankView::Overview;
  std::shared_ptr<const LoadedQk> loaded;  // source npy only; not a field (files are not params)
};

/// Field keys: source, n, d, tau, seed, prefix, heads, auto_tolerance, tolerance, svd,
/// log_colour, sweep_axis, depth, view.
const std::vector<FieldBinding<AttentionRankParams>>& attentionRankFields();
/// Field ranges and the npy source's need for loaded matrices; throws ParamError. d and prefix
/// above n are clamped to n, not rejected.
void validate(const AttentionRankParams& params);

/// Q and K of the chosen source (throws ParamError for npy without loaded matrices).
struct QkPair {
  Eigen::MatrixXd q, k;
  bool divideBySqrtD = true;  // false for the circle (τ is the full multiplier)
};
QkPair makeQk(const AttentionRankParams& params);

/// Relative tolerance actually used: n·ε when automatic, else params.tolerance.
double effectiveTolerance(const AttentionRankParams& params, int n);

/// Metrics (spectrum to entropy, rank-1 distance at L = 1, Taylor bound) of one attention matrix.
struct MatrixMetrics {
  Eigen::VectorXd sigma;     // singular values, descending
  int rankT = 0;             // numerical rank #{σ_i > t·σ₁}
  double erank = 1.0;        // effective rank exp(−Σ p ln p), p = σ/Σσ
  double stableRank = 1.0;   // stable rank ‖A‖_F²/σ₁²
  double logDet = 0.0;       // Σ ln A_ii (triangular, exact) or Σ ln σ_i (−∞ if σ = 0)
  bool logDetExact = false;  // true when by the diagonal formula
  double sigmaMin = 0.0;     // σ_n
  double kappa = 0.0;        // σ₁/σ_n (∞ when σ_n = 0)
  bool unreliable = false;   // σ_min < n·ε·σ₁
  double sigmaMinInverse =
      std::numeric_limits<double>::quiet_NaN();  // triangular: 1/‖A⁻¹‖₂
                                                 // by ≤ 40 power steps on A⁻ᵀA⁻¹ (≈ 5 digits)
  double entropy = 0.0;     // mean_i H_i / ln(#allowed keys of row i) (rows with 1 key: 0)
  double sigmaRatio = 0.0;  // at L = 1: σ₂/σ₁
  double collapse = 0.0;    // one layer: r(A·X) with X = Q
  // Taylor bound (bidirectional only; 0 otherwise): smallest p with e^R·tail(R, p) ≤ t·σ₁ and
  // N_p = C(d+p, p); certificateP = −1 when no p ≤ 400 certifies (bound vacuous).
  int certificateP = -1;
  double certificateN = 0.0;
};

/// SVD singular values (descending) with the chosen engine.
Eigen::VectorXd singularValues(const Eigen::Ref<const Eigen::MatrixXd>& a, SvdEngine engine);
/// Numerical, effective and stable rank from a descending spectrum.
int numericalRank(const Eigen::VectorXd& sigma, double tolerance);
double effectiveRank(const Eigen::VectorXd& sigma);
double stableRank(const Eigen::VectorXd& sigma);
/// Collapse residual r(X) = ‖X − 1μᵀ‖_F/‖X‖_F, μ = column means (0 for X = 0).
double collapseResidual(const Eigen::Ref<const Eigen::MatrixXd>& x);
/// e^R·Σ_{k>p} R^k/k!, the Taylor bound on σ_{N_p+1}(A_bi); +∞ when it overflows.
double taylorBound(double r, int p);
/// C(d+p, p) as a double.
double binomialCount(int d, int p);

/// Computes every metric of `a`; `logits` are its masked logits (for the exact log det and R).
MatrixMetrics computeMetrics(const Eigen::Ref<const Eigen::MatrixXd>& a,
                             const Eigen::Ref<const Eigen::MatrixXd>& logits, const Mask& mask,
                             const Eigen::Ref<const Eigen::MatrixXd>& x, int d, double tolerance,
                             SvdEngine engine);

/// One point of the Taylor certificate curve: index N_p + 1 and the bound.
struct CertificatePoint {
  int p;
  double index;
  double bound;
};

/// The forward/backward-mixed design: head h uses Q, K from seed + 1 + h (Gaussian and
/// npy-free sources only) and mask mixedHeadMask(h, H); exact log det per head by the diagonal.
struct MixedHeads {
  std::vector<double> logDet;  // per head, finite ⇒ full rank
  std::vector<bool> forward;   // per head: causal (true) or backward
  std::vector<double> minDiagonal;  // per head: min_i A_ii (> 0 for a triangular full-rank head)
  // Heads view only (empty otherwise): top-left min(n, kHeadMapLimit) block of each head's A_h
  // (rows normalised over all n keys).
  std::vector<Eigen::MatrixXd> maps;
};

struct AttentionRankResult {
  int n = 0, d = 0;
  double tolerance = 0.0;  // t used
  double maxLogit = 0.0;   // R = max |S|
  std::array<Mask, 4> masks;
  std::array<Eigen::MatrixXd, 4> matrices;  // kRankMasks order
  std::array<MatrixMetrics, 4> metrics;
  std::vector<CertificatePoint> certificate;  // Taylor curve while N_p + 1 ≤ n
  MixedHeads mixed;
  double elapsedMs = 0.0;
  // False in the snapshot handed to RunControl::partial() once the four matrices exist and
  // before their SVDs: masks, matrices, n, d, tolerance and maxLogit are final, the rest empty.
  bool metricsReady = true;
};

/// Everything of the overview, heat-map, spectrum and metrics views. With a partial listener
/// (the page), the four matrices are handed over first (metricsReady = false), so the heat maps
/// appear before the four SVDs that take most of the time at n = 256.
AttentionRankResult computeAttentionRank(const AttentionRankParams& params,
                                         const RunControl& control = {});

/// Sweep: rank_t and erank of the four masks along n, d or τ, other params
/// fixed. n: 8…min(2048, max(512, n)) log-spaced; d: 1…min(n, 256); τ: 0.01…100 log-spaced.
struct RankSweepResult {
  SweepAxis axis = SweepAxis::N;
  std::vector<double> x;                     // swept values
  std::array<std::vector<double>, 4> rank;   // rank_t per mask (kRankMasks order)
  std::array<std::vector<double>, 4> erank;  // erank per mask
  // Inputs the sweep was computed for, so the page can tell when it is stale.
  AttentionRankParams params;
};
RankSweepResult computeRankSweep(const AttentionRankParams& params, const RunControl& control = {});
/// True when `a` and `b` give the same sweep (same source, sizes, τ, seed, prefix, t, axis).
bool sameSweepInputs(const AttentionRankParams& a, const AttentionRankParams& b);

/// Depth panel (Dong et al. 2021): X₀ = Q; X_{l+1} = softmax(τ·X_l X_lᵀ/√d [mask]) X_l, or
/// X_l + that with residuals; P_L = A_L⋯A_1 (with residuals the layer map is I + A_l).
struct DepthCase {
  MaskKind mask;
  bool residual;
  std::vector<double> r;                // r(X_l), l = 0..L
  std::vector<double> sigmaRatio;       // σ₂/σ₁ of P_l, l = 1..L
  std::vector<double> productResidual;  // ‖P_l − 1π̂ᵀ‖_F (π̂: column means), l = 1..L
  std::vector<double> toFirstToken;     // causal only: ‖P_l − 1e₁ᵀ‖_F (the causal limit)
};
struct DepthResult {
  std::vector<DepthCase> cases;  // bidirectional/causal × pure/residual
};
DepthResult computeDepth(const AttentionRankParams& params, const RunControl& control = {});

}  // namespace latentlab::attention
