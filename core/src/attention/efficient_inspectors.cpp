// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Efficient attention page's inspectors: the Transformer-VQ cache at a cursor
// and one kernel entry's MSE (Choromanski et al. 2021 (Performer), Lemma 2) against its empirical
// distribution.
#include <algorithm>
#include <cmath>
#include <string>

#include "latentlab/attention/efficient_lab.h"
#include "latentlab/common/errors.h"

namespace latentlab::attention {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

VqCacheState vqCacheState(const std::vector<int>& codes, const Eigen::Ref<const MatrixXd>& v,
                          int codebookSize, Index keys) {
  if (codebookSize < 1) throw ParamError("codebook_size", "codebook size S must be at least 1");
  if (static_cast<Index>(codes.size()) != v.rows())
    throw ParamError("v", "V needs one row per key");
  keys = std::clamp<Index>(keys, 0, v.rows());
  VqCacheState st{VectorXd::Zero(codebookSize), MatrixXd::Zero(codebookSize, v.cols())};
  for (Index j = 0; j < keys; ++j) {
    const int c = codes[static_cast<std::size_t>(j)];
    if (c < 0 || c >= codebookSize)
      throw ParamError("codebook", "a key's code is outside the codebook");
    st.counts(c) += 1.0;
    st.means.row(c) += v.row(j);
  }
  // Means, not raw sums, as the official cache stores them (transformer_vq, nn/attn.py).
  for (int s = 0; s < codebookSize; ++s)
    if (st.counts(s) > 0) st.means.row(s) /= st.counts(s);
  return st;
}

Lemma2Cell lemma2Cell(const AttentionInputs& in, int i, int j, int m, double scale,
                      std::uint64_t seed, const RunControl& control) {
  if (i < 0 || i >= in.q.rows())
    throw ParamError(
        "cell_i", "query row i must be between 0 and n − 1 = " + std::to_string(in.q.rows() - 1));
  if (j < 0 || j >= in.k.rows())
    throw ParamError(
        "cell_j", "key column j must be between 0 and n − 1 = " + std::to_string(in.k.rows() - 1));
  const double root = std::sqrt(scale);
  const MatrixXd x = root * in.q.row(i), y = root * in.k.row(j);
  const VectorXd xv = x.row(0).transpose(), yv = y.row(0).transpose();
  Lemma2Cell c;
  c.kernel = std::exp(xv.dot(yv));
  c.normXPlusY = (xv + yv).squaredNorm();
  c.normXMinusY = (xv - yv).squaredNorm();
  constexpr FeatureKind kinds[3] = {FeatureKind::Positive, FeatureKind::Hyperbolic,
                                    FeatureKind::Trigonometric};
  MatrixXd est(kLemmaDraws, 3);
  for (int r = 0; r < kLemmaDraws; ++r) {
    if ((r & 255) == 0) {
      control.checkCancelled();
      control.progress(0.3 + 0.6 * r / kLemmaDraws);
    }
    // Lemma 2 is the iid case: one fresh N(0, I) projection per draw.
    const MatrixXd omega = randomProjection(m, static_cast<int>(xv.size()), Projection::Iid,
                                            seed + static_cast<std::uint64_t>(r));
    for (int k = 0; k < 3; ++k)
      est(r, k) =
          kernelFeatures(x, omega, kinds[k]).row(0).dot(kernelFeatures(y, omega, kinds[k]).row(0));
  }
  for (int k = 0; k < 3; ++k) {
    c.analyticMse[k] = lemma2Mse(xv, yv, m, kinds[k]);
    c.empiricalMean[k] = est.col(k).mean();
    c.empiricalMse[k] = (est.col(k).array() - c.kernel).square().mean();
    c.negativeDraws[k] = static_cast<int>((est.col(k).array() < 0.0).count());
  }
  // Shared bins of est/SM over ±4 analytic standard deviations of the widest kind (clipped to
  // the data), so all three histograms compare on one axis.
  const MatrixXd rel = est / c.kernel;
  double sd = 0.0;
  for (int k = 0; k < 3; ++k) sd = std::max(sd, std::sqrt(c.analyticMse[k]) / c.kernel);
  const double lo = std::max(rel.minCoeff(), 1.0 - 4.0 * sd);
  const double hi = std::min(rel.maxCoeff(), 1.0 + 4.0 * sd);
  const double width = (hi > lo ? hi - lo : 1.0) / kLemmaBins;
  for (int b = 0; b <= kLemmaBins; ++b) c.binEdges.push_back(lo + b * width);
  c.density = MatrixXd::Zero(kLemmaBins, 3);
  for (int r = 0; r < kLemmaDraws; ++r)
    for (int k = 0; k < 3; ++k) {
      const double t = (rel(r, k) - lo) / width;
      if (t >= 0.0 && t <= kLemmaBins)
        c.density(std::min(kLemmaBins - 1, static_cast<int>(t)), k) += 1.0;
    }
  c.density /= kLemmaDraws * width;  // density: outside-range draws simply drop out
  return c;
}

}  // namespace latentlab::attention
