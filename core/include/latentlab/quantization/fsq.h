// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/fsq.md §2–§7 (the FSQ
// quantizer, even levels, straight-through, indices).

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

#include "latentlab/common/device.h"
#include "latentlab/common/run_control.h"

namespace latentlab::quantization {

/// Which bounding function f the FSQ forward pass uses before rounding (Mentzer et al. 2023 (FSQ),
/// §3.1 and App. A.1; lucidrains/vector-quantize-pytorch; Su, kexue.fm/archives/9826).
enum class FsqBound {
  Tanh,        // lucidrains' atanh form: b = tanh(z + s)·h − o, h = (L−1)(1+ε)/2, s = atanh(o/h)
  PaperTan,    // paper/Colab literal (App. A.1): h = (L−1)(1−ε)/2, s = tan(o/h)
  SuSigmoid,   // Su, kexue.fm/archives/9826: b = (L−1)σ(z) − ⌊L/2⌋, level k = rint((L−1)σ(z))
};

/// ε of the bound (Mentzer et al. 2023 (FSQ), App. A.1): keeps the outer levels reachable but never
/// exceeded.
inline constexpr double kFsqEpsilon = 1e-3;

/// Finite scalar quantizer with per-channel levels L_i ≥ 3 (Mentzer et al. 2023 (FSQ), §3.1). The
/// implicit codebook (∏L codes) is never materialised: codes are generated from indices on demand.
/// Throws ParamError("levels", …) for an empty list, L_i < 3, L_i > 1000 or ∏L ≥ 2^31.
class Fsq {
 public:
  explicit Fsq(std::vector<int> levels, FsqBound bound = FsqBound::Tanh);

  const std::vector<int>& levels() const { return m_levels; }
  FsqBound bound() const { return m_bound; }
  int dim() const { return static_cast<int>(m_levels.size()); }
  /// |C| = ∏ L_i.
  std::int64_t codebookSize() const { return m_size; }
  /// Mixed-radix basis (FSQ Colab): basis_0 = 1, basis_i = ∏_{j<i} L_j.
  const std::vector<std::int64_t>& basis() const { return m_basis; }

  /// Per-channel bound constants of channel i: h_i, o_i, s_i (Tanh/PaperTan only).
  double halfWidth(int i) const { return m_h[static_cast<std::size_t>(i)]; }
  double offset(int i) const { return m_o[static_cast<std::size_t>(i)]; }
  double shift(int i) const { return m_s[static_cast<std::size_t>(i)]; }

  /// Bounded value b_i(z) of channel i: tanh(z + s_i)·h_i − o_i (Tanh, PaperTan) or
  /// (L−1)σ(z) − ⌊L/2⌋ (SuSigmoid). Rounding b gives the centred level q_i.
  double boundValue(int i, double z) const;
  /// Centred integer level q_i = rint(b_i(z)) (round-half-to-even, as NumPy), clamped to the valid
  /// range [−⌊L/2⌋, L−1−⌊L/2⌋] (it never leaves it for finite z; NaN maps to 0).
  int level(int i, double z) const;
  /// Renormalised code value ẑ_i = q_i / ⌊L_i/2⌋.
  double codeValue(int i, int q) const;
  /// Straight-through derivative ∂ẑ_i/∂z_i of the pre-round path:
  /// h_i(1 − tanh²(z + s_i))/⌊L_i/2⌋ (Tanh/PaperTan); (L−1)σ(z)(1−σ(z))/⌊L_i/2⌋ (SuSigmoid).
  double steDerivative(int i, double z) const;
  /// Inverse bound: the z of a (possibly fractional) centred level value v, i.e.
  /// atanh((v + o)/h) − s (Tanh), so v = q gives a cell centre and v = q + ½ a cell boundary.
  /// Returns ±inf when v is outside the bound's range.
  double inverseBound(int i, double v) const;
  /// The L_i − 1 cell boundaries of channel i in z-space, ascending.
  std::vector<double> cellBoundaries(int i) const;

  /// Index of a vector of centred levels q: Σ (q_i + ⌊L_i/2⌋)·basis_i, in int64.
  /// Throws ParamError("levels", …) when a level is out of range.
  std::int64_t levelsToIndex(const std::vector<int>& q) const;
  /// Centred levels of an index: q_i = ⌊index / basis_i⌋ mod L_i − ⌊L_i/2⌋.
  /// Throws ParamError("index", …) unless 0 ≤ index < ∏L.
  std::vector<int> indexToLevels(std::int64_t index) const;
  /// Code vector ẑ of an index: ẑ_i = q_i/⌊L_i/2⌋.
  Eigen::VectorXd indexToCode(std::int64_t index) const;

  /// Quantize the rows of z (N×d, d = dim()): index per row, computed in integers.
  /// Throws ParamError("z", …) when the column count differs from dim().
  std::vector<std::int64_t> quantizeIndices(const Eigen::MatrixXd& z) const;
  /// Quantize the rows of z to code values ẑ (N×d).
  Eigen::MatrixXd quantize(const Eigen::MatrixXd& z) const;
  /// In-place float32 throughput path (used by the benchmark): ẑ for a flat row-major N×d buffer.
  /// The level comes from comparisons with cellBoundaries (latentlab/common/simd.h, vectorised
  /// and dispatched per CPU), so it is the level of the exact bound, as level() computes in double.
  void quantizeInPlace(float* data, std::size_t count) const;
  /// The same from `in` into `out` (count floats each, not overlapping unless in == out).
  void quantize(const float* in, float* out, std::size_t count) const;

  /// quantizeIndices on rc.device (runOnDevice; `use` says where it ran). The device compares
  /// float32 values with the float cell edges; rows with a value within float rounding of an edge
  /// are redone here in double, so the indices equal quantizeIndices(z) exactly.
  std::vector<std::int64_t> quantizeIndices(const Eigen::MatrixXd& z, const RunControl& rc,
                                            DeviceUse& use) const;
  /// quantizeInPlace on rc.device (row-major rows of dim() floats, count a multiple of dim()),
  /// bit-identical to the CPU; `indices`, when given, receives each row's index.
  /// Throws ParamError("z", …) when count is not a multiple of dim().
  void quantizeInPlace(float* data, std::size_t count, const RunControl& rc, DeviceUse& use,
                       std::vector<std::int32_t>* indices = nullptr) const;

 private:
  std::vector<int> m_levels;
  FsqBound m_bound;
  std::vector<std::int64_t> m_basis;
  std::int64_t m_size = 1;
  std::vector<double> m_h, m_o, m_s;
};

/// The paper's level presets (Table 1 and App. A.4.1; 2^12 uses Table 1's
/// [7,5,5,5,5]): log2 target ∈ {4, 6, 8, 9, 10, 11, 12, 14, 16}.
struct FsqPreset {
  int log2Target;
  std::vector<int> levels;
};
const std::vector<FsqPreset>& fsqPresets();
/// The preset levels for log2 |C| = bits; throws ParamError("bits", …) for an unknown target.
std::vector<int> fsqPresetLevels(int bits);

std::string fsqBoundId(FsqBound bound);  // "tanh", "paper_tan", "su_sigmoid"

}  // namespace latentlab::quantization
