// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/fsq.md §8–§9 (nearest code,
// k-means, EMA; collapse and usage).

#include <Eigen/Dense>
#include <cstdint>
#include <vector>

#include "latentlab/common/device.h"
#include "latentlab/common/rng.h"
#include "latentlab/common/run_control.h"

namespace latentlab::quantization {

/// Row-major float matrix: one point / codeword per row (cache-friendly for the tiled search).
using RowMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMatrixXd = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Result of a nearest-code search.
struct NearestResult {
  std::vector<int> index;        // argmin_j ‖x_n − e_j‖² per row
  Eigen::VectorXd distance2;     // that squared distance, clamped ≥ 0
};

/// Nearest codeword of every row of x (N×d) among the rows of codebook (K×d):
/// ‖x‖² − 2 x·e + ‖e‖², computed tile by tile (a GEMM of a row tile × all codes, K-tiles for
/// large K) so no N×K matrix is ever stored. Ties go to the lower index. Parallel over row tiles
/// (OpenMP). Throws ParamError("codebook", …) for K = 0 or a dimension mismatch.
NearestResult nearestCodes(const RowMatrixXd& x, const RowMatrixXd& codebook,
                           const RunControl& control = {});
/// Float version (benchmark and large runs).
NearestResult nearestCodes(const RowMatrixXf& x, const RowMatrixXf& codebook,
                           const RunControl& control = {});

/// The same searches on rc.device (runOnDevice: falls back to the CPU on a DeviceError; `use`
/// says where it ran). The device computes the distances in float32 (CLBlast GEMM of chunks of
/// points, then a per-row argmin, ties to the lower code). The float overload returns the device's
/// float32 result; the double overload re-checks on the host, with the CPU search in double, every
/// row whose best and second-best codes are closer than the float32 rounding bound, so its
/// indices equal nearestCodes(x, codebook) and its distances are recomputed in double.
NearestResult nearestCodes(const RowMatrixXf& x, const RowMatrixXf& codebook,
                           const RunControl& rc, DeviceUse& use);
NearestResult nearestCodes(const RowMatrixXd& x, const RowMatrixXd& codebook,
                           const RunControl& rc, DeviceUse& use);

/// k-means++ seeding (Arthur & Vassilvitskii 2007): first centre uniform, each next
/// one with probability ∝ D²(x). K ≤ N required (ParamError("codebook_size", …) otherwise).
RowMatrixXd kmeansPlusPlus(const RowMatrixXd& x, int k, std::uint64_t seed,
                           const RunControl& control = {});

/// Codebook initialisations of the online VQ: k-means++, data rows, or tiny N(0, 0.02²).
enum class VqInit { KmeansPlusPlus, DataRows, Tiny };
/// Initial codebook: k-means++, K distinct random data rows, or N(0, 0.02²) ("tiny").
RowMatrixXd initCodebook(const RowMatrixXd& x, int k, VqInit init, std::uint64_t seed,
                         const RunControl& control = {});

/// Lloyd iterations from `codebook`: assign, then move each code to its cluster
/// mean (empty clusters keep their code). distortion[t] = mean ‖x − e_k(x)‖² before step t+1,
/// and the last entry is after the final step, so it is non-increasing.
struct LloydResult {
  RowMatrixXd codebook;
  std::vector<int> assignment;     // final assignment
  std::vector<double> distortion;  // iterations + 1 entries
};
/// When `history` is given it receives the codebook before every update and the final one
/// (iterations + 1 entries, history[t] pairs with distortion[t]).
LloydResult lloyd(const RowMatrixXd& x, RowMatrixXd codebook, int iterations,
                  const RunControl& control = {}, std::vector<RowMatrixXd>* history = nullptr);
/// lloyd on rc.device: the assignment by the double nearestCodes overload above (equal to the
/// CPU's), the centroid sums in double on the device in the CPU's order (host double without
/// fp64), so the result equals lloyd(x, codebook, iterations), `history` included (appended to
/// once, after the run, so a fallback to the CPU cannot leave a device run's entries behind).
LloydResult lloyd(const RowMatrixXd& x, RowMatrixXd codebook, int iterations,
                  const RunControl& rc, DeviceUse& use,
                  std::vector<RowMatrixXd>* history = nullptr);

/// Online EMA codebook (van den Oord et al. 2017, VQ-VAE appendix) with optional dead-code
/// restart (Dhariwal et al. 2020, Jukebox).
struct EmaOptions {
  double decay = 0.99;           // γ
  double smoothing = 1e-5;       // Laplace ε; 0 disables smoothing
  bool restart = false;          // dead-code restart
  double restartThreshold = 0.1; // restart codes with EMA count N_j below this
  int restartEvery = 10;         // check every this many steps
};
class EmaCodebook {
 public:
  /// Starts with counts N_j = 1 and sums m_j = e_j (so e_j is unchanged by the first smoothing).
  EmaCodebook(RowMatrixXd codebook, EmaOptions options);
  /// Start from explicit EMA state (for the one-step EMA test).
  EmaCodebook(RowMatrixXd codebook, Eigen::VectorXd counts, RowMatrixXd sums, EmaOptions options);
  /// One step on a batch: assign, N ← γN + (1−γ)n, m ← γm + (1−γ)s, e = m/Ñ; every restartEvery
  /// steps (when enabled) codes with N_j < threshold take a random batch row (N_j = 1, m_j = e_j).
  /// Returns the batch assignment. `rng` draws the restart rows.
  std::vector<int> step(const RowMatrixXd& batch, Rng& rng);
  /// The same step on rc.device (runOnDevice; `use` says where it ran): the assignment by the
  /// double nearestCodes overload (equal to the CPU's), the count, sum and codeword updates in
  /// double on the device, each code's batch rows summed in the CPU's order (on the host, with
  /// the CPU's update, when the device has no fp64), so the state after each step equals the
  /// CPU step's bit for bit. The state is uploaded and read back every step; the restarts draw
  /// from `rng` on the host. A DeviceError leaves the state untouched and runs the CPU step.
  std::vector<int> step(const RowMatrixXd& batch, Rng& rng, const RunControl& rc, DeviceUse& use);
  const RowMatrixXd& codebook() const { return m_codebook; }
  const Eigen::VectorXd& counts() const { return m_counts; }
  const RowMatrixXd& sums() const { return m_sums; }
  int steps() const { return m_steps; }
  int restarts() const { return m_restarts; }  // total codes restarted

 private:
  /// The CPU step's assignment and update (the device step's fallback runs it too).
  std::vector<int> cpuUpdate(const RowMatrixXd& batch, const RunControl& control);
  /// Counts the step and, when one is due, restarts the dead codes (both step overloads).
  void finishStep(const RowMatrixXd& batch, Rng& rng);

  RowMatrixXd m_codebook;
  Eigen::VectorXd m_counts;
  RowMatrixXd m_sums;
  EmaOptions m_options;
  int m_steps = 0;
  int m_restarts = 0;
};

/// Code-usage metrics (usage as defined by Mentzer et al. 2023 (FSQ)) over a list of code indices
/// in [0, K).
struct UsageStats {
  std::int64_t codebookSize = 0;  // K
  std::int64_t used = 0;          // #{j : count_j ≥ 1}
  double usage = 0.0;             // used / K
  double entropyBits = 0.0;       // H = −Σ p log2 p
  double perplexity = 1.0;        // 2^H
  double normalisedEntropy = 0.0; // H / log2 K (0 when K = 1)
  std::int64_t dead = 0;          // K − used
};
/// Counts per code (size K); throws ParamError("index", …) for an index outside [0, K).
std::vector<std::int64_t> codeCounts(const std::vector<std::int64_t>& indices, std::int64_t k);
UsageStats usageStats(const std::vector<std::int64_t>& counts);
/// Convenience for int indices (VQ assignments).
UsageStats usageStatsOf(const std::vector<int>& indices, int k);

}  // namespace latentlab::quantization
