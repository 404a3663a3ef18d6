// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Tiers A (patch PCA) and B (per-pixel colour) and the rate–distortion sweep: FSQ against VQ at
// equal code count on one image.
#include "latentlab/quantization/image_lab.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>

#include "latentlab/common/rng.h"
#include "latentlab/quantization/fsq.h"
#include "latentlab/quantization/patch_pca.h"

namespace latentlab::quantization {
namespace {

// Sub-steps only get the cancel flag: their own progress fractions would make ours jump back.
RunControl cancelOnly(const RunControl& control) { return control.cancelOnly(); }

// The result's DeviceUse over several device steps: the first step's, unless a later one fell
// back (a fallback is what the user needs to hear about).
void noteUse(DeviceUse& total, const DeviceUse& step, bool first) {
  if (first || (!step.fallback.empty() && total.fallback.empty())) total = step;
}

// withSsim = false leaves ssim NaN: the live FSQ half is shown before its SSIM, the costliest
// metric (five Gaussian blurs per channel), which follows with VQ.
Reconstruction finish(const ImageData& original, ImageData recon, long long tokens, int codes,
                      UsageStats usage, bool withSsim = true) {
  Reconstruction r;
  const long long pixels = static_cast<long long>(original.width()) * original.height();
  r.error = absErrorMap(original, recon);
  r.psnr = psnr(original, recon);
  r.ssim = withSsim ? ssim(original, recon) : std::numeric_limits<double>::quiet_NaN();
  r.bpp = bitsPerPixel(tokens, codes, pixels);
  r.entropyBpp = static_cast<double>(tokens) * usage.entropyBits / static_cast<double>(pixels);
  r.usage = usage;
  r.image = std::move(recon);
  return r;
}

// Fewest patches per code when fitting VQ: with K close to N every patch becomes its own code
// and the comparison says nothing about quantization (usage is bounded by N/K).
constexpr int kPatchesPerCode = 4;

// `live`: hand control.partial() the original at once, then the FSQ half (before its SSIM and
// before VQ, which takes most of the time).
ImageLabResult tierA(const ImageData& image, const ImageLabParams& params, int bits,
                     int lloydIterations, const RunControl& control, bool live = false) {
  ImageLabResult out;
  const RunControl sub = cancelOnly(control);
  if (live && control.partialDue()) {
    ImageLabResult first;
    first.partial = true;
    first.original = image;
    first.levels = fsqPresetLevels(bits);
    first.codes = static_cast<int>(Fsq(first.levels).codebookSize());
    first.patchSize = params.patch;
    control.partial(std::move(first));
  }
  const Patches patches = extractPatches(image, params.patch);
  const Eigen::Index n = patches.x.rows();
  out.patches = static_cast<int>(n);
  out.levels = fsqPresetLevels(bits);
  const Fsq fsq(out.levels);
  const int d = fsq.dim();
  out.codes = static_cast<int>(fsq.codebookSize());
  if (d > patches.x.cols())
    throw ParamError("patch", "patch size " + std::to_string(params.patch) + " gives only " +
                                  std::to_string(patches.x.cols()) + " values per patch, fewer "
                                  "than the " + std::to_string(d) + " latent dimensions of "
                                  "budget 2^" + std::to_string(bits) + "; use a larger patch");
  const PcaModel pca = fitPca(patches.x, d);
  const Eigen::MatrixXd y = pcaEncode(pca, patches.x);
  control.checkCancelled();

  // FSQ branch: z = α·y/√λ, centroid decoder in the latent.
  Eigen::VectorXd sd = pca.variances.cwiseSqrt();
  for (Eigen::Index i = 0; i < sd.size(); ++i)
    if (!(sd(i) > 1e-12)) sd(i) = 1.0;  // a flat component (all-black image): nothing to whiten
  Eigen::MatrixXd z = y;
  for (Eigen::Index i = 0; i < d; ++i) z.col(i) *= params.alpha / sd(i);
  DeviceUse use;
  const std::vector<std::int64_t> idx = fsq.quantizeIndices(z, sub, use);
  noteUse(out.deviceUse, use, true);
  std::vector<double> sums(static_cast<std::size_t>(out.codes) * d, 0.0);
  std::vector<int> counts(static_cast<std::size_t>(out.codes), 0);
  for (Eigen::Index r = 0; r < n; ++r) {
    const auto k = static_cast<std::size_t>(idx[static_cast<std::size_t>(r)]);
    counts[k] += 1;
    for (int i = 0; i < d; ++i) sums[k * d + i] += y(r, i);
  }
  Eigen::MatrixXd xFsq;
  if (params.decoder == FsqDecoder::Centroid) {
    // Every decoded patch falls in a cell with count ≥ 1, so the centroid always exists here.
    Eigen::MatrixXd yFsq(n, d);
    for (Eigen::Index r = 0; r < n; ++r) {
      const auto k = static_cast<std::size_t>(idx[static_cast<std::size_t>(r)]);
      for (int i = 0; i < d; ++i) yFsq(r, i) = sums[k * d + i] / counts[k];
    }
    xFsq = pcaDecode(pca, yFsq);
  } else if (params.decoder == FsqDecoder::Analytic) {
    xFsq = pcaDecode(pca, analyticDecode(fsq, idx, sd, params.alpha));
  } else {
    const Eigen::MatrixXd zhat = fsqCodes(fsq, idx);
    xFsq = applyLinearDecoder(fitLinearDecoder(zhat, patches.x), zhat);
  }
  std::vector<std::int64_t> fsqCounts(counts.begin(), counts.end());
  ImageData fsqImage = reassemblePatches(xFsq, patches.layout);
  out.fsq = live ? finish(image, fsqImage, n, out.codes, usageStats(fsqCounts), false)
                 : finish(image, std::move(fsqImage), n, out.codes, usageStats(fsqCounts));
  control.checkCancelled();
  out.patchSize = params.patch;
  out.gridRows = patches.layout.gridRows;
  out.gridCols = patches.layout.gridCols;
  out.original = image;

  // VQ branch: k-means++ + Lloyd in the same d-dim latent, K = ∏L.
  out.vqCodes = static_cast<int>(std::max<Eigen::Index>(
      1, std::min<Eigen::Index>(out.codes, n / kPatchesPerCode)));
  if (out.vqCodes < out.codes)
    out.notes.push_back("VQ codebook capped at " + std::to_string(out.vqCodes) + " codes (" +
                        std::to_string(n) + " patches / " + std::to_string(kPatchesPerCode) +
                        "); FSQ keeps " + std::to_string(out.codes));
  if (live) {
    ImageLabResult part = out;
    part.partial = true;
    control.partial(std::move(part));
  }
  const RowMatrixXd yr = y;
  RowMatrixXd init = kmeansPlusPlus(yr, out.vqCodes, params.seed, sub);
  const LloydResult km = lloyd(yr, std::move(init), lloydIterations, sub, use);
  noteUse(out.deviceUse, use, false);
  Eigen::MatrixXd yVq(n, d);
  for (Eigen::Index r = 0; r < n; ++r) yVq.row(r) = km.codebook.row(km.assignment[r]);
  // bpp at the capped K: that is the rate the VQ code actually spends.
  out.vq = finish(image, reassemblePatches(pcaDecode(pca, yVq), patches.layout), n, out.vqCodes,
                  usageStatsOf(km.assignment, out.vqCodes));
  if (live) out.fsq.ssim = ssim(image, fsqImage);
  out.fsqPatchIndex = idx;
  out.vqPatchIndex = km.assignment;
  out.vqCodebook = km.codebook;
  return out;
}

// Budget bits split over channels, the extra bits to G then R (8 → 3-3-2 as in classic palettes).
std::vector<int> colourLevels(int bits, int channels) {
  if (channels == 1) return {1 << std::min(bits, 8)};
  std::array<int, 3> b{bits / 3, bits / 3, bits / 3};
  int rest = bits - 3 * (bits / 3);
  if (rest > 0) { b[1] += 1; --rest; }
  if (rest > 0) b[0] += 1;
  std::vector<int> levels;
  for (int v : b) levels.push_back(1 << std::min(v, 8));
  return levels;
}

}  // namespace

ImageLabResult computeTierA(const ImageData& image, const ImageLabParams& params,
                            const RunControl& control) {
  validate(params);
  const auto t0 = std::chrono::steady_clock::now();
  ImageLabResult out = tierA(image, params, params.budgetBits, params.lloydIterations, control);
  out.elapsedMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

ImageLabResult computeTierB(const ImageData& image, const ImageLabParams& params,
                            const RunControl& control) {
  validate(params);
  if (image.empty()) throw ParamError("image", "there is no image to quantize");
  const auto t0 = std::chrono::steady_clock::now();
  const RunControl sub = cancelOnly(control);
  ImageLabResult out;
  out.original = image;
  const int ch = image.channels();
  const Eigen::Index n = static_cast<Eigen::Index>(image.width()) * image.height();
  out.patches = static_cast<int>(n);
  out.levels = colourLevels(params.budgetBits, ch);
  out.codes = 1;
  for (int l : out.levels) out.codes *= l;

  // FSQ: the input is already bounded to [0, 1], so the grid is L uniform levels per channel.
  std::vector<Eigen::MatrixXf> fsqPlanes(ch);
  std::vector<std::int64_t> fsqCounts(static_cast<std::size_t>(out.codes), 0);
  std::vector<std::int64_t> index(static_cast<std::size_t>(n), 0);
  std::int64_t basis = 1;
  for (int c = 0; c < ch; ++c) {
    const int levels = out.levels[static_cast<std::size_t>(c)];
    fsqPlanes[c].resize(image.height(), image.width());
    for (Eigen::Index i = 0; i < n; ++i) {
      const int k = static_cast<int>(std::lrint(image.planes[c].data()[i] * (levels - 1)));
      fsqPlanes[c].data()[i] = static_cast<float>(k) / static_cast<float>(levels - 1);
      index[static_cast<std::size_t>(i)] += k * basis;
    }
    basis *= levels;
  }
  for (auto k : index) fsqCounts[static_cast<std::size_t>(k)] += 1;
  out.fsq = finish(image, imageFromPlanes(std::move(fsqPlanes)), n, out.codes,
                   usageStats(fsqCounts));
  control.checkCancelled();

  // VQ: a k-means palette fitted on a seeded sample of pixels, then every pixel assigned.
  constexpr Eigen::Index kSample = 20000;
  constexpr int kMaxPalette = 1024;
  RowMatrixXd pixels(n, ch);
  for (int c = 0; c < ch; ++c)
    for (Eigen::Index i = 0; i < n; ++i) pixels(i, c) = image.planes[c].data()[i];
  RowMatrixXd sample = pixels;
  if (n > kSample) {
    Rng rng(params.seed);
    sample.resize(kSample, ch);
    for (Eigen::Index i = 0; i < kSample; ++i)
      sample.row(i) = pixels.row(std::min<Eigen::Index>(n - 1, static_cast<Eigen::Index>(
                                                                   rng.uniform() * n)));
  }
  out.vqCodes = static_cast<int>(std::max<Eigen::Index>(
      1, std::min<Eigen::Index>({out.codes, kMaxPalette, sample.rows() / kPatchesPerCode})));
  if (out.vqCodes < out.codes)
    out.notes.push_back("VQ palette capped at " + std::to_string(out.vqCodes) + " colours");
  RowMatrixXd init = kmeansPlusPlus(sample, out.vqCodes, params.seed, sub);
  DeviceUse use;
  const LloydResult km = lloyd(sample, std::move(init), params.lloydIterations, sub, use);
  noteUse(out.deviceUse, use, true);
  const NearestResult all = nearestCodes(pixels, km.codebook, sub, use);
  noteUse(out.deviceUse, use, false);
  std::vector<Eigen::MatrixXf> vqPlanes(ch, Eigen::MatrixXf(image.height(), image.width()));
  for (Eigen::Index i = 0; i < n; ++i)
    for (int c = 0; c < ch; ++c)
      vqPlanes[c].data()[i] = static_cast<float>(km.codebook(all.index[i], c));
  out.vq = finish(image, imageFromPlanes(std::move(vqPlanes)), n, out.vqCodes,
                  usageStatsOf(all.index, out.vqCodes));
  out.elapsedMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

ImageLabResult computeImageLab(const ImageData& image, const ImageLabParams& params,
                               const RunControl& control) {
  validate(params);
  if (image.empty()) throw ParamError("image", "there is no image to quantize");
  const auto t0 = std::chrono::steady_clock::now();
  ImageLabResult out;
  if (params.view == ImageView::Colour) {
    out = computeTierB(image, params, control);
  } else {
    out = tierA(image, params, params.budgetBits, params.lloydIterations, control, true);
    if (params.view == ImageView::RateDistortion) {
      const auto& presets = fsqPresets();
      for (std::size_t i = 0; i < presets.size(); ++i) {
        control.checkCancelled();
        control.progress(static_cast<double>(i) / presets.size());
        const int bits = presets[i].log2Target;
        const int iterations = std::min(params.lloydIterations, kRateLloydIterations);
        const ImageLabResult p = tierA(image, params, bits, iterations, control);
        noteUse(out.deviceUse, p.deviceUse, false);
        RatePoint rp;
        rp.log2Target = bits;
        rp.codes = p.codes;
        rp.vqCodes = p.vqCodes;
        rp.fsqBpp = p.fsq.bpp;
        rp.vqBpp = p.vq.bpp;  // at the K VQ really has: the capped K costs fewer bits
        rp.lloydIterations = iterations;
        rp.fsqPsnr = p.fsq.psnr;
        rp.vqPsnr = p.vq.psnr;
        rp.fsqUsage = p.fsq.usage.usage;
        rp.vqUsage = p.vq.usage.usage;
        out.rate.push_back(rp);
        if (control.partialDue()) {
          ImageLabResult part = out;
          part.partial = true;
          control.partial(std::move(part));
        }
      }
    }
  }
  if (!image.notice.empty()) out.notes.insert(out.notes.begin(), image.notice);
  control.progress(1.0);
  out.elapsedMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

std::optional<PatchCodeInfo> patchCodeAt(const ImageLabResult& r, int x, int y) {
  if (r.patchSize < 1 || r.fsqPatchIndex.empty() || x < 0 || y < 0 || x >= r.original.width() ||
      y >= r.original.height())
    return std::nullopt;
  PatchCodeInfo info;
  info.row = y / r.patchSize;
  info.col = x / r.patchSize;
  const auto k = static_cast<std::size_t>(info.row) * static_cast<std::size_t>(r.gridCols) +
                 static_cast<std::size_t>(info.col);
  if (info.row >= r.gridRows || info.col >= r.gridCols || k >= r.fsqPatchIndex.size() ||
      k >= r.vqPatchIndex.size())
    return std::nullopt;
  const Fsq fsq(r.levels);
  info.fsqIndex = r.fsqPatchIndex[k];
  const std::vector<int> q = fsq.indexToLevels(info.fsqIndex);
  for (int i = 0; i < fsq.dim(); ++i) {
    const int qi = q[static_cast<std::size_t>(i)];
    info.digits.push_back(qi + r.levels[static_cast<std::size_t>(i)] / 2);
    info.fsqCode.push_back(fsq.codeValue(i, qi));
  }
  info.vqIndex = r.vqPatchIndex[k];
  const auto row = r.vqCodebook.row(info.vqIndex);
  info.vqCode.assign(row.data(), row.data() + row.size());
  return info;
}

}  // namespace latentlab::quantization
