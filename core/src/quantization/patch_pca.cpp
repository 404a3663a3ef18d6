// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Patch extraction/reassembly and the patch-PCA encoder.
#include "latentlab/quantization/patch_pca.h"

#include <algorithm>
#include <Eigen/Eigenvalues>

#include "latentlab/common/errors.h"

namespace latentlab::quantization {

Patches extractPatches(const ImageData& image, int patch) {
  if (image.empty()) throw ParamError("image", "there is no image to cut into patches");
  if (patch < 1 || patch > 64)
    throw ParamError("patch", "patch size must be between 1 and 64, got " + std::to_string(patch));
  Patches out;
  PatchLayout& L = out.layout;
  L.patch = patch;
  L.channels = image.channels();
  L.width = image.width();
  L.height = image.height();
  L.gridRows = (L.height + patch - 1) / patch;
  L.gridCols = (L.width + patch - 1) / patch;
  const int dim = patch * patch * L.channels;
  out.x.resize(static_cast<Eigen::Index>(L.gridRows) * L.gridCols, dim);
  for (int gr = 0; gr < L.gridRows; ++gr)
    for (int gc = 0; gc < L.gridCols; ++gc) {
      const Eigen::Index row = static_cast<Eigen::Index>(gr) * L.gridCols + gc;
      int k = 0;
      for (int ch = 0; ch < L.channels; ++ch)
        for (int r = 0; r < patch; ++r)
          for (int c = 0; c < patch; ++c) {
            // Edge replication pads the last partial patch without inventing new values.
            const int y = std::min(gr * patch + r, L.height - 1);
            const int x = std::min(gc * patch + c, L.width - 1);
            out.x(row, k++) = image.planes[ch](y, x);
          }
    }
  return out;
}

ImageData reassemblePatches(const Eigen::MatrixXd& x, const PatchLayout& L) {
  const int p = L.patch;
  if (x.rows() != static_cast<Eigen::Index>(L.gridRows) * L.gridCols ||
      x.cols() != static_cast<Eigen::Index>(p) * p * L.channels)
    throw ParamError("patches", "patch matrix does not match its layout");
  std::vector<Eigen::MatrixXf> planes(L.channels, Eigen::MatrixXf(L.height, L.width));
  for (int gr = 0; gr < L.gridRows; ++gr)
    for (int gc = 0; gc < L.gridCols; ++gc) {
      const Eigen::Index row = static_cast<Eigen::Index>(gr) * L.gridCols + gc;
      int k = 0;
      for (int ch = 0; ch < L.channels; ++ch)
        for (int r = 0; r < p; ++r)
          for (int c = 0; c < p; ++c, ++k) {
            const int y = gr * p + r, xx = gc * p + c;
            if (y < L.height && xx < L.width)
              planes[ch](y, xx) = static_cast<float>(std::clamp(x(row, k), 0.0, 1.0));
          }
    }
  return imageFromPlanes(std::move(planes));
}

PcaModel fitPca(const Eigen::MatrixXd& x, int dims) {
  if (x.rows() < 1) throw ParamError("patches", "PCA needs at least one patch");
  if (dims < 1 || dims > x.cols())
    throw ParamError("dims", "PCA dimension must be between 1 and " + std::to_string(x.cols()) +
                                 ", got " + std::to_string(dims));
  PcaModel m;
  m.mean = x.colwise().mean();
  const Eigen::MatrixXd centred = x.rowwise() - m.mean;
  // S = CᵀC/N as a rank update (SYRK) rather than a GEMM: half the flops, and Eigen runs it on
  // this thread. Its OpenMP GEMM splits the N-long inner dimension into ~64 blocks with a
  // busy-wait barrier after each; on a loaded machine those spins made this one product take
  // half of tier A's wall time. The solver reads only the lower triangle.
  Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(x.cols(), x.cols());
  cov.selfadjointView<Eigen::Lower>().rankUpdate(centred.transpose(),
                                                 1.0 / static_cast<double>(x.rows()));
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
  const Eigen::Index D = x.cols();
  m.components.resize(D, dims);
  m.variances.resize(dims);
  // Eigen returns ascending eigenvalues: take them from the end.
  for (int i = 0; i < dims; ++i) {
    m.components.col(i) = eig.eigenvectors().col(D - 1 - i);
    m.variances(i) = std::max(0.0, eig.eigenvalues()(D - 1 - i));
  }
  return m;
}

// Encode and decode are thin products (d ≤ 16): the coefficient-wise lazyProduct keeps them on
// this thread, where Eigen's threaded GEMM would only add barrier spins (see fitPca).
Eigen::MatrixXd pcaEncode(const PcaModel& model, const Eigen::MatrixXd& x) {
  const Eigen::MatrixXd centred = x.rowwise() - model.mean;
  return centred.lazyProduct(model.components);
}

Eigen::MatrixXd pcaDecode(const PcaModel& model, const Eigen::MatrixXd& y) {
  Eigen::MatrixXd out = y.lazyProduct(model.components.transpose());
  return out.rowwise() + model.mean;
}

}  // namespace latentlab::quantization
