// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Memory-model vectors (exact integers) and parameter counts of Sung et al. 2022 (LST).
#include <gtest/gtest.h>

#include <cmath>

#include "latentlab/finetune/memory_model.h"

using namespace latentlab::finetune;

namespace {

Architecture t5base() { return presetArchitecture(ModelPreset::T5Base); }

}  // namespace

TEST(MemoryModel, BackboneCountsOfSection24) {
  EXPECT_EQ(backboneParams(t5base()), 222903552);
  EXPECT_EQ(backboneParams(presetArchitecture(ModelPreset::T5Large)), 737668096);
  EXPECT_EQ(backboneParams(presetArchitecture(ModelPreset::T53B)), 2851598336);
  // Published totals of the other presets (HF configs): BERT-base with pooler, GPT-2, LLaMA-7B.
  EXPECT_EQ(backboneParams(presetArchitecture(ModelPreset::BertBase)), 109482240);
  EXPECT_EQ(backboneParams(presetArchitecture(ModelPreset::Gpt2Small)), 124439808);
  EXPECT_EQ(backboneParams(presetArchitecture(ModelPreset::Gpt2Medium)), 354823168);
  EXPECT_EQ(backboneParams(presetArchitecture(ModelPreset::Llama7B)), 6738415616);
  EXPECT_EQ(backboneParams(presetArchitecture(ModelPreset::T5Small)), 60506624);
}

TEST(MemoryModel, TrainableCountsOfSection24) {
  MemoryLabParams p = paperSetup();
  EXPECT_EQ(methodMemory(p, Method::Lst).trainable, 3878712);
  EXPECT_EQ(methodMemory(p, Method::Adapter).trainable, 3625728);
  EXPECT_EQ(methodMemory(p, Method::Prompt).trainable, 76800);
  EXPECT_EQ(methodMemory(p, Method::BitFit).trainable, 202752);
  EXPECT_EQ(methodMemory(p, Method::Lora).trainable, 3538944 + 202752);
  EXPECT_EQ(normGainParams(t5base()), 47616);
  p.loraBitfit = false;
  EXPECT_EQ(methodMemory(p, Method::Lora).trainable, 3538944);
  p.lstDrop = LstDrop::None;
  EXPECT_EQ(methodMemory(p, Method::Lst).trainable, 5097240);
  p.lstDrop = LstDrop::Paper;
  p.model = ModelPreset::T5Large;
  EXPECT_EQ(methodMemory(p, Method::Lst).trainable, 9057328);
  p.model = ModelPreset::T53B;
  EXPECT_EQ(methodMemory(p, Method::Lst).trainable, 2494896);
  EXPECT_EQ(methodMemory(p, Method::Full).trainable, 2851598336);
}

TEST(MemoryModel, PaperPercentagesReproduced) {
  // Sung et al. 2022 (LST): computed % of the backbone, to the printed three decimals (±0.0005).
  const MemoryLabParams p = paperSetup();
  EXPECT_NEAR(methodMemory(p, Method::Lst).trainablePercent, 1.740, 5e-4);
  EXPECT_NEAR(methodMemory(p, Method::Adapter).trainablePercent, 1.627, 5e-4);
  EXPECT_NEAR(methodMemory(p, Method::Prompt).trainablePercent, 0.034, 5e-4);
  EXPECT_NEAR(methodMemory(p, Method::Lora).trainablePercent, 1.679, 5e-4);
  EXPECT_NEAR(methodMemory(p, Method::BitFit).trainablePercent, 0.091, 5e-4);
  // The paper's printed values (two decimals) where our count confirms them.
  for (const ParamCheck& c : paramChecks()) {
    if (std::isnan(c.paperPercent) || c.paperUncertain) continue;
    EXPECT_NEAR(c.percent, c.paperPercent, 0.005 + 1e-12) << c.configuration;
  }
}

TEST(MemoryModel, BlockVectorsOfSection46) {
  const Architecture a = t5base();
  EXPECT_EQ(blockElementsTrainable(a, 128, 100, true), 216268800);
  EXPECT_EQ(blockMaskBytes(a, 128, 100, true), 78643200);
  EXPECT_EQ(blockElementsFrozen(a, 128, 100, true), 127795200);
  EXPECT_EQ(blockElementsTrainable(a, 128, 100, false), 196608000);
  EXPECT_EQ(blockMaskBytes(a, 128, 100, false), 0);
  Architecture side = a;
  side.width = 96;
  side.ffn = 384;
  side.headDim = 8;
  EXPECT_EQ(blockElementsTrainable(side, 128, 100, true), 61440000);
  EXPECT_EQ(blockMaskBytes(side, 128, 100, true), 27033600);
}

TEST(MemoryModel, WholeModelVectorsOfSection46) {
  const MemoryLabParams p = paperSetup();
  const MethodMemory full = methodMemory(p, Method::Full);
  EXPECT_EQ(full.activationElements, 2935171200);
  EXPECT_EQ(full.maskBytes, 968731200);
  EXPECT_EQ(full.activations + full.masks, 12709416000.0);
  EXPECT_EQ(full.staticBytes(), 3566456832.0);
  const MethodMemory lst = methodMemory(p, Method::Lst);
  EXPECT_EQ(lst.activationElements, 733279200);
  EXPECT_EQ(lst.maskBytes, 249361200);
  EXPECT_EQ(lst.activations + lst.masks, 3182478000.0);
}

TEST(MemoryModel, ValidationTableOfSection26) {
  // Activations in 10⁹ B, printed to three decimals (LoRA derived here 8.8848; table 8.884).
  const MemoryLabParams p = paperSetup();
  auto act = [&](Method m) {
    const auto r = methodMemory(p, m);
    return (r.activations + r.masks) / 1e9;
  };
  EXPECT_NEAR(act(Method::Adapter), 9.377, 6e-4);
  EXPECT_NEAR(act(Method::Lora), 8.884, 1.2e-3);
  EXPECT_NEAR(act(Method::BitFit), 8.291, 6e-4);
  EXPECT_NEAR(act(Method::Prompt), 8.776, 6e-4);
  // Static bytes: the formula M_w = (P_backbone + P_new)·β_w; the table left P_new out, so LST
  // and Adapter are above its 0.938 / 0.935 by 4·P_new.
  EXPECT_EQ(methodMemory(p, Method::BitFit).staticBytes(), 891614208.0 + 4 * 202752 + 12 * 202752);
  EXPECT_EQ(methodMemory(p, Method::Lst).staticBytes(), 891614208.0 + 16.0 * 3878712);
  EXPECT_EQ(methodMemory(p, Method::Prompt).staticBytes(), 891614208.0 + 16.0 * 76800);
}

TEST(MemoryModel, OptimizerAndPrecision) {
  MemoryLabParams p = paperSetup();
  const double train = 3878712.0;
  p.optimizer = Optimizer::Sgd;
  EXPECT_EQ(methodMemory(p, Method::Lst).optimizer, 0.0);
  p.optimizer = Optimizer::Momentum;
  EXPECT_EQ(methodMemory(p, Method::Lst).optimizer, 4.0 * train);
  p.optimizer = Optimizer::AdamW;
  p.dtype = DType::Mixed;
  const MethodMemory full = methodMemory(p, Method::Full);
  // ZeRO's 16 bytes per parameter for mixed-precision Adam: 2 + 4 (master) + 2 + 8.
  EXPECT_EQ(full.staticBytes(), 16.0 * 222903552);
  EXPECT_EQ(full.activations, 2.0 * 2935171200);
  EXPECT_EQ(full.masks, 968731200.0);
}

TEST(MemoryModel, SaveFrozenInputsMakesFrozenBlocksKeepEverything) {
  MemoryLabParams p = paperSetup();
  const auto off = methodMemory(p, Method::BitFit).activationElements;
  p.saveFrozenInputs = true;
  const auto on = methodMemory(p, Method::BitFit).activationElements;
  // The same tensors as full fine-tuning.
  EXPECT_EQ(on, methodMemory(p, Method::Full).activationElements);
  EXPECT_GT(on, off);
}

TEST(MemoryModel, NormGainActivationsAddOneTensorPerNorm) {
  MemoryLabParams p = paperSetup();
  const auto base = methodMemory(p, Method::Adapter).activationElements;
  p.normGradActs = true;
  const auto with = methodMemory(p, Method::Adapter).activationElements;
  // 24 encoder norms of s·b·h plus 36 decoder norms of t·b·h.
  EXPECT_EQ(with - base, 24LL * 128 * 100 * 768 + 36LL * 3 * 100 * 768);
}
