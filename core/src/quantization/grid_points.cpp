// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Latent point clouds of the "FSQ vs VQ grid" page: synthetic ones and whitened image-patch PCA
// components.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/quantization/grid_lab.h"
#include "latentlab/quantization/patch_pca.h"

namespace latentlab::quantization {
namespace {

// Fewer patches than the page's smallest N would leave too few points for any codebook.
constexpr Eigen::Index kMinPatches = 100;

}  // namespace

RowMatrixXd makeGridPoints(GridData data, int dims, int n, std::uint64_t seed) {
  if (data == GridData::ImagePatches)
    throw ParamError("data", "image-patch points need an image (makePatchPoints)");
  Rng rng(seed);
  RowMatrixXd x(n, dims);
  if (data == GridData::Gaussian) {
    const double sd[3] = {1.0, 0.6, 0.8};
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < dims; ++j) x(i, j) = sd[j] * rng.normal();
  } else if (data == GridData::Mixture) {
    constexpr int kBlobs = 5;
    RowMatrixXd centre(kBlobs, dims);
    for (Eigen::Index i = 0; i < centre.size(); ++i) centre.data()[i] = 3.0 * rng.uniform() - 1.5;
    for (int i = 0; i < n; ++i) {
      const auto b = std::min<Eigen::Index>(kBlobs - 1, static_cast<Eigen::Index>(rng.uniform() * kBlobs));
      for (int j = 0; j < dims; ++j) x(i, j) = centre(b, j) + 0.25 * rng.normal();
    }
  } else {
    for (int i = 0; i < n; ++i) {
      const double a = 2.0 * std::numbers::pi * rng.uniform();
      const double rad = 1.2 + 0.1 * rng.normal();
      x(i, 0) = rad * std::cos(a);
      x(i, 1) = rad * std::sin(a);
      if (dims == 3) x(i, 2) = 0.3 * rng.normal();
    }
  }
  return x;
}

RowMatrixXd makePatchPoints(const ImageData& image, int dims, int n, std::uint64_t seed,
                            std::vector<std::string>* notes) {
  if (dims < 1 || n < 1) throw ParamError("points", "need at least one point and one dimension");
  const Patches patches = extractPatches(image, kGridPatch);
  const Eigen::Index count = patches.x.rows();
  if (count < kMinPatches) {
    std::string message("the image gives only ");
    message += std::to_string(count);
    message += " patches of 4×4 pixels; the grid page needs at least ";
    message += std::to_string(kMinPatches);
    message += " (an image of at least 40×40 pixels)";
    throw ParamError("data", message);
  }
  const PcaModel pca = fitPca(patches.x, dims);
  Eigen::MatrixXd y = pcaEncode(pca, patches.x);
  for (int j = 0; j < dims; ++j) {
    const double sd = std::sqrt(std::max(0.0, pca.variances(j)));
    // A flat component (a one-colour image) has nothing to whiten: leave it at zero.
    if (sd > 1e-12) y.col(j) /= sd;
  }
  const Eigen::Index m = std::min<Eigen::Index>(n, count);
  if (m < n && notes) {
    std::string note("the image gives ");
    note += std::to_string(count);
    note += " patches, so N = ";
    note += std::to_string(count);
    note += " instead of ";
    note += std::to_string(n);
    notes->push_back(std::move(note));
  }
  // Partial Fisher–Yates: m distinct patches, deterministic in seed.
  Rng rng(seed);
  std::vector<Eigen::Index> perm(static_cast<std::size_t>(count));
  for (Eigen::Index i = 0; i < count; ++i) perm[static_cast<std::size_t>(i)] = i;
  RowMatrixXd x(m, dims);
  for (Eigen::Index i = 0; i < m; ++i) {
    const Eigen::Index j =
        std::min(count - 1, i + static_cast<Eigen::Index>(rng.uniform() * static_cast<double>(count - i)));
    std::swap(perm[static_cast<std::size_t>(i)], perm[static_cast<std::size_t>(j)]);
    x.row(i) = y.row(perm[static_cast<std::size_t>(i)]);
  }
  return x;
}

}  // namespace latentlab::quantization
