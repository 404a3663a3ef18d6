// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The quantization device paths against the CPU on every OpenCL device: FSQ indices and codes,
// the nearest-code search (float32 and host re-checked), Lloyd, and the image page itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "latentlab/common/rng.h"
#include "latentlab/quantization/fsq.h"
#include "latentlab/quantization/image_lab.h"
#include "latentlab/quantization/vq.h"
#include "tests/core/device_ids.h"
#include "tests/core/quantization/gaussian_rows.h"

namespace latentlab::quantization {
namespace {

RunControl on(const std::string& id) { return latentlab::testing::runOn(id); }

using test_data::gaussian;

double rel(double a, double b) { return std::abs(a - b) / std::max(std::abs(b), 1e-300); }

TEST(QuantOpenCl, FsqIndicesEqualTheCpuEvenOnCellEdges) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const Fsq fsq({8, 5, 5, 5});
  Eigen::MatrixXd z = gaussian(4000, 4, 11, 1.5);
  // Values on a cell edge and a hair either side: float32 cannot tell them apart, so these rows
  // exercise the host's double re-check.
  int row = 0;
  for (int i = 0; i < fsq.dim(); ++i)
    for (const double b : fsq.cellBoundaries(i))
      for (const double eps : {0.0, 1e-12, -1e-12}) z(row++, i) = b + eps;
  for (const auto& id : ids) {
    DeviceUse use;
    EXPECT_EQ(fsq.quantizeIndices(z, on(id), use), fsq.quantizeIndices(z)) << id;
    EXPECT_EQ(use.device, id) << use.fallback;
  }
}

TEST(QuantOpenCl, FsqInPlaceIsBitIdenticalWithIndices) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const Fsq fsq({8, 8, 8, 5, 5, 5});
  const RowMatrixXd zd = gaussian(6000, 6, 12, 1.2);
  const RowMatrixXf zf = zd.cast<float>();
  RowMatrixXf cpu = zf;
  fsq.quantizeInPlace(cpu.data(), static_cast<std::size_t>(cpu.size()));
  const auto want = fsq.quantizeIndices(Eigen::MatrixXd(zf.cast<double>()));
  for (const auto& id : ids) {
    RowMatrixXf dev = zf;
    std::vector<std::int32_t> index;
    DeviceUse use;
    fsq.quantizeInPlace(dev.data(), static_cast<std::size_t>(dev.size()), on(id), use, &index);
    EXPECT_EQ(use.device, id) << use.fallback;
    EXPECT_EQ((dev - cpu).cwiseAbs().maxCoeff(), 0.0f) << id;
    ASSERT_EQ(index.size(), want.size());
    for (std::size_t r = 0; r < want.size(); ++r)
      ASSERT_EQ(index[r], want[r]) << id << " row " << r;
  }
}

TEST(QuantOpenCl, FloatSearchMatchesTheDoubleSearch) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const RowMatrixXd x = gaussian(2000, 16, 13), c = gaussian(300, 16, 14);
  const NearestResult ref = nearestCodes(x, c);
  for (const auto& id : ids) {
    DeviceUse use;
    const NearestResult dev =
        nearestCodes(RowMatrixXf(x.cast<float>()), RowMatrixXf(c.cast<float>()), on(id), use);
    EXPECT_EQ(use.device, id) << use.fallback;
    double worst = 0.0;
    int flips = 0;
    for (std::size_t r = 0; r < ref.index.size(); ++r) {
      const auto i = static_cast<Eigen::Index>(r);
      // float32 distances of unit-variance data in d = 16: 1e-5 relative covers the expansion's
      // rounding (relative to ‖x‖² + ‖c‖², here the same order as the distance).
      worst = std::max(worst, rel(dev.distance2(i), ref.distance2(i)));
      if (dev.index[r] != ref.index[r]) {
        ++flips;  // only a near tie may flip: both codes within the float32 error
        const double other = (x.row(i) - c.row(dev.index[r])).squaredNorm();
        EXPECT_LE(rel(other, ref.distance2(i)), 1e-5) << id << " row " << r;
      }
    }
    EXPECT_LE(worst, 1e-5) << id;
    EXPECT_LE(flips, 2) << id;
    std::printf("[ parity ] %s float search: max rel distance error %.3g, %d near-tie flips\n",
                id.c_str(), worst, flips);
  }
}

TEST(QuantOpenCl, RecheckedSearchEqualsTheCpuWithTies) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  RowMatrixXd c = gaussian(257, 8, 15);
  c.row(7) = c.row(3);  // duplicate codes: the lower index must win
  c.row(200) = c.row(50);
  RowMatrixXd x = gaussian(1500, 8, 16);
  for (int i = 0; i < 100; ++i) {
    x.row(i) = c.row(i % 257);                                 // exactly on a code
    x.row(100 + i) = 0.5 * (c.row(i) + c.row((i + 1) % 257));  // halfway between two
  }
  const NearestResult ref = nearestCodes(x, c);
  for (const auto& id : ids) {
    DeviceUse use;
    const NearestResult dev = nearestCodes(x, c, on(id), use);
    EXPECT_EQ(use.device, id) << use.fallback;
    EXPECT_EQ(dev.index, ref.index) << id;
    double worst = 0.0;
    for (Eigen::Index r = 0; r < x.rows(); ++r)
      worst = std::max(
          worst, std::abs(dev.distance2(r) - ref.distance2(r)) / (1.0 + x.row(r).squaredNorm()));
    EXPECT_LE(worst, 1e-12) << id;  // both in double, expanded form
  }
}

TEST(QuantOpenCl, LloydEqualsTheCpuIncludingAnEmptyCluster) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const RowMatrixXd x = gaussian(3000, 5, 17);
  RowMatrixXd init = kmeansPlusPlus(x, 64, 3);
  init.row(10).setConstant(1e3);  // far from every point: stays empty, keeps its code
  const LloydResult ref = lloyd(x, init, 6);
  for (const auto& id : ids) {
    DeviceUse use;
    const LloydResult dev = lloyd(x, init, 6, on(id), use);
    EXPECT_EQ(use.device, id) << use.fallback;
    EXPECT_EQ(dev.assignment, ref.assignment) << id;
    EXPECT_EQ((dev.codebook - ref.codebook).cwiseAbs().maxCoeff(), 0.0) << id;
    EXPECT_EQ(dev.codebook(10, 0), 1e3);
    ASSERT_EQ(dev.distortion.size(), ref.distortion.size());
    for (std::size_t t = 0; t < ref.distortion.size(); ++t)
      EXPECT_LE(rel(dev.distortion[t], ref.distortion[t]), 1e-12) << id << " step " << t;
  }
}

void expectClose(double dev, double cpu, const std::string& what, double& worst) {
  const double e = std::abs(dev - cpu) / std::max(std::abs(cpu), 1e-12);
  worst = std::max(worst, e);
  EXPECT_LE(e, 1e-4) << what << ": " << dev << " vs " << cpu;
}

void expectSameRecon(const Reconstruction& d, const Reconstruction& c, const std::string& what,
                     double& worst) {
  expectClose(d.psnr, c.psnr, what + " psnr", worst);
  expectClose(d.ssim, c.ssim, what + " ssim", worst);
  expectClose(d.bpp, c.bpp, what + " bpp", worst);
  expectClose(d.entropyBpp, c.entropyBpp, what + " entropy bpp", worst);
  EXPECT_EQ(d.usage.used, c.usage.used) << what;
  expectClose(d.usage.perplexity, c.usage.perplexity, what + " perplexity", worst);
  expectClose(d.usage.entropyBits, c.usage.entropyBits, what + " entropy", worst);
  ASSERT_EQ(d.image.planes.size(), c.image.planes.size()) << what;
  for (std::size_t p = 0; p < c.image.planes.size(); ++p) {
    const double e = (d.image.planes[p] - c.image.planes[p]).cwiseAbs().maxCoeff();
    worst = std::max(worst, e);  // pixels are 0..1: absolute = relative to full scale
    EXPECT_LE(e, 1e-4) << what << " plane " << p;
  }
  const double e = (d.error - c.error).cwiseAbs().maxCoeff() / 255.0;
  worst = std::max(worst, e);
  EXPECT_LE(e, 1e-4) << what << " error map";
}

ImageData astronaut() {
  return loadImage(std::string(LATENTLAB_QUANT_IMAGE_DIR) + "/astronaut.png");
}

// The page at its defaults (tier A) and in the Colour view (tier B) on the bundled astronaut.
TEST(QuantOpenCl, ImagePageDefaultsEqualTheCpu) {
  const auto ids = testing::openClDeviceIds();
  LATENTLAB_REQUIRE_OPENCL_DEVICES(ids);
  const ImageData image = astronaut();
  for (const ImageView view : {ImageView::PatchPca, ImageView::Colour}) {
    ImageLabParams params;
    params.view = view;
    const ImageLabResult cpu = computeImageLab(image, params, on("cpu"));
    EXPECT_EQ(cpu.deviceUse.device, "cpu");
    for (const auto& id : ids) {
      const ImageLabResult dev = computeImageLab(image, params, on(id));
      const std::string what = id + (view == ImageView::Colour ? " colour" : " patch");
      EXPECT_EQ(dev.deviceUse.device, id) << dev.deviceUse.fallback;
      EXPECT_EQ(dev.fsqPatchIndex, cpu.fsqPatchIndex) << what;
      EXPECT_EQ(dev.vqPatchIndex, cpu.vqPatchIndex) << what;
      EXPECT_EQ(dev.vqCodes, cpu.vqCodes);
      double worst = 0.0;
      expectSameRecon(dev.fsq, cpu.fsq, what + " fsq", worst);
      expectSameRecon(dev.vq, cpu.vq, what + " vq", worst);
      if (cpu.vqCodebook.size() > 0) {
        const double e = (dev.vqCodebook - cpu.vqCodebook).cwiseAbs().maxCoeff() /
                         cpu.vqCodebook.cwiseAbs().maxCoeff();
        worst = std::max(worst, e);
        EXPECT_LE(e, 1e-4) << what << " codebook";
      }
      std::printf("[ parity ] %s: max rel error over the exported numbers %.3g\n", what.c_str(),
                  worst);
    }
  }
}

TEST(QuantOpenCl, UnknownDeviceFallsBackToTheCpu) {
  std::vector<Eigen::MatrixXf> planes(3, Eigen::MatrixXf::Constant(32, 32, 0.25f));
  for (int r = 0; r < 32; ++r) planes[1].row(r).setConstant(static_cast<float>(r) / 31.0f);
  const ImageData image = imageFromPlanes(std::move(planes));
  ImageLabParams params;
  params.budgetBits = 6;
  const ImageLabResult dev = computeImageLab(image, params, on("opencl:97:97"));
  const ImageLabResult cpu = computeImageLab(image, params, on("cpu"));
  EXPECT_EQ(dev.deviceUse.device, "cpu");
  EXPECT_EQ(dev.deviceUse.requested, "opencl:97:97");
  EXPECT_NE(dev.deviceUse.fallback.find("no device with id"), std::string::npos)
      << dev.deviceUse.fallback;
  EXPECT_EQ(dev.vqPatchIndex, cpu.vqPatchIndex);
  EXPECT_DOUBLE_EQ(dev.vq.psnr, cpu.vq.psnr);
}

}  // namespace
}  // namespace latentlab::quantization
