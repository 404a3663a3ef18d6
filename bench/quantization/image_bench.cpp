// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The whole tier-A pipeline (patches, PCA, FSQ + centroid decoder, k-means++ + Lloyd VQ, PSNR,
// SSIM) on the 512×512 astronaut sample, plus tier B and the loader on their own.
#include <benchmark/benchmark.h>

#include <any>

#include "latentlab/quantization/image_lab.h"

namespace {

using namespace latentlab::quantization;

const ImageData& astronaut() {
  static const ImageData kImage = loadImage(LATENTLAB_IMAGE_DIR "/astronaut.png");
  return kImage;
}

void BM_ImageTierA(benchmark::State& state) {
  ImageLabParams p;
  p.budgetBits = static_cast<int>(state.range(0));
  p.patch = static_cast<int>(state.range(1));
  const ImageData& img = astronaut();
  for (auto _ : state) benchmark::DoNotOptimize(computeTierA(img, p).vq.psnr);
  state.SetLabel("2^" + std::to_string(p.budgetBits) + " P=" + std::to_string(p.patch));
}
BENCHMARK(BM_ImageTierA)->Args({10, 4})->Args({8, 8})->Args({12, 4})->Unit(benchmark::kMillisecond);

// Until the page's first frame: computeImageLab at the defaults up to its first partial result
// (FSQ done, VQ's k-means not started), stopped there.
void BM_ImageTierAFirstPartial(benchmark::State& state) {
  struct Stop {};
  const ImageLabParams p;
  const ImageData& img = astronaut();
  latentlab::RunControl control;
  control.onPartial = [](std::any) { throw Stop{}; };
  for (auto _ : state) {
    try {
      benchmark::DoNotOptimize(computeImageLab(img, p, control).fsq.psnr);
    } catch (const Stop&) {
    }
    control.m_sentPartial = false;
  }
}
BENCHMARK(BM_ImageTierAFirstPartial)->Unit(benchmark::kMillisecond);

void BM_ImageTierB(benchmark::State& state) {
  ImageLabParams p;
  p.budgetBits = 8;
  p.view = ImageView::Colour;
  const ImageData& img = astronaut();
  for (auto _ : state) benchmark::DoNotOptimize(computeTierB(img, p).vq.psnr);
}
BENCHMARK(BM_ImageTierB)->Unit(benchmark::kMillisecond);

void BM_ImageLoad(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(loadImage(LATENTLAB_IMAGE_DIR "/astronaut.png").width());
}
BENCHMARK(BM_ImageLoad)->Unit(benchmark::kMillisecond);

}  // namespace
