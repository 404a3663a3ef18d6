// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The analytic training-memory model: parameter counts per family
// and method, saved-activation element counts, and the static/optimizer bytes. Integer arithmetic
// throughout so the reference vectors come out exactly.
#include <algorithm>
#include <cmath>

#include "latentlab/finetune/memory_model.h"

namespace latentlab::finetune {
namespace {

using I = std::int64_t;

constexpr I kRelBuckets = 32;  // T5 relative-attention buckets (one table per stack)

bool biased(const Architecture& a) { return a.family == Family::Bert || a.family == Family::Gpt2; }
bool layerNorm(const Architecture& a) { return biased(a); }  // LayerNorm: gain + bias
I normParams(const Architecture& a, I width) { return layerNorm(a) ? 2 * width : width; }
I ffnMatrices(const Architecture& a) { return a.gatedFfn() ? 3 : 2; }

I attentionParams(const Architecture& a) {
  return 4 * a.width * a.inner() + (biased(a) ? 3 * a.inner() + a.width : 0);
}
I ffnParams(const Architecture& a) {
  return ffnMatrices(a) * a.width * a.ffn + (biased(a) ? a.ffn + a.width : 0);
}
I encoderBlockParams(const Architecture& a) {
  return attentionParams(a) + ffnParams(a) + 2 * normParams(a, a.width);
}
I decoderBlockParams(const Architecture& a) {
  return 2 * attentionParams(a) + ffnParams(a) + 3 * normParams(a, a.width);
}
I stacks(const Architecture& a) { return a.encoderDecoder() ? 2 : 1; }
I kOpt(Optimizer o) { return o == Optimizer::AdamW ? 2 : o == Optimizer::Momentum ? 1 : 0; }

// Side network shape: h/r, f/r, d_k/r (floored, at least 1) and a_s heads (official LST code).
Architecture sideArchitecture(const Architecture& a, int r, int sideHeads) {
  Architecture s = a;
  s.width = std::max<I>(1, a.width / r);
  s.ffn = std::max<I>(1, a.ffn / r);
  s.headDim = std::max<I>(1, a.headDim / r);
  s.heads = sideHeads > 0 ? sideHeads : a.heads;
  return s;
}

// T5 decoder block with t target tokens cross-attending to s source tokens.
I decoderElementsTrainable(const Architecture& a, I s, I t, I b, bool dropout) {
  const I h = a.width, in = a.inner(), f = a.ffn, d = dropout ? 1 : 0;
  return t * b * (3 * h + 4 * in) + t * b * (3 * h + 2 * in) + t * b * (3 * h + 2 * f) +
         2 * s * b * in + (1 + d) * a.heads * b * (t * t + t * s) +
         (a.gatedFfn() ? t * b * f : 0);
}
I decoderElementsFrozen(const Architecture& a, I s, I t, I b, bool dropout) {
  const I h = a.width, in = a.inner(), f = a.ffn, d = dropout ? 1 : 0;
  return t * b * (h + 3 * in) + t * b * (h + in) + t * b * (h + f) + 2 * s * b * in +
         (1 + d) * a.heads * b * (t * t + t * s) + (a.gatedFfn() ? t * b * f : 0);
}
I decoderMaskBytes(const Architecture& a, I s, I t, I b, bool dropout) {
  if (!dropout) return 0;
  return a.heads * t * t * b + a.heads * t * s * b + 3 * t * b * a.width + t * b * a.ffn;
}

struct Counts {
  I elements = 0;
  I masks = 0;
};

// The backbone on the gradient path, every block frozen except what the method adds.
Counts frozenOnPath(const MemoryLabParams& p, const Architecture& a, I s, I t, I b) {
  const I L = a.layers;
  Counts c;
  const bool keep = p.saveFrozenInputs;
  c.elements = L * (keep ? blockElementsTrainable(a, s, b, p.dropout)
                         : blockElementsFrozen(a, s, b, p.dropout));
  c.masks = L * blockMaskBytes(a, s, b, p.dropout);
  if (a.encoderDecoder()) {
    c.elements += L * (keep ? decoderElementsTrainable(a, s, t, b, p.dropout)
                            : decoderElementsFrozen(a, s, t, b, p.dropout));
    c.masks += L * decoderMaskBytes(a, s, t, b, p.dropout);
    if (keep) c.elements += s * b * a.width;  // encoder output feeding cross-attention K/V
  }
  return c;
}

}  // namespace

Architecture presetArchitecture(ModelPreset preset) {
  switch (preset) {
    case ModelPreset::T5Small:
      return {Family::T5, 6, 512, 2048, 8, 64, 32128, 0};
    case ModelPreset::T5Large:
      return {Family::T5, 24, 1024, 4096, 16, 64, 32128, 0};
    case ModelPreset::T53B:
      return {Family::T5, 24, 1024, 16384, 32, 128, 32128, 0};
    case ModelPreset::BertBase:
      return {Family::Bert, 12, 768, 3072, 12, 64, 30522, 512};
    case ModelPreset::Gpt2Small:
      return {Family::Gpt2, 12, 768, 3072, 12, 64, 50257, 1024};
    case ModelPreset::Gpt2Medium:
      return {Family::Gpt2, 24, 1024, 4096, 16, 64, 50257, 1024};
    case ModelPreset::Llama7B:
      return {Family::Llama, 32, 4096, 11008, 32, 128, 32000, 0};
    case ModelPreset::T5Base:
    case ModelPreset::Custom:
      break;
  }
  return {Family::T5, 12, 768, 3072, 12, 64, 32128, 0};
}

std::string methodLabel(Method m) {
  switch (m) {
    case Method::Full:
      return "Full fine-tuning";
    case Method::Adapter:
      return "Adapter";
    case Method::Lora:
      return "LoRA";
    case Method::BitFit:
      return "BitFit";
    case Method::Prompt:
      return "Prompt tuning";
    case Method::Lst:
      return "LST";
  }
  return "?";
}

std::int64_t backboneParams(const Architecture& a) {
  const I h = a.width, L = a.layers;
  I total = a.vocab * h + a.positions * h;
  switch (a.family) {
    case Family::T5:
      total += L * encoderBlockParams(a) + L * decoderBlockParams(a);
      total += 2 * (h + kRelBuckets * a.heads);  // final RMSNorm + relative bias, per stack
      break;
    case Family::Bert:
      total += 2 * h + normParams(a, h);  // token types + embedding LayerNorm
      total += L * encoderBlockParams(a) + h * h + h;  // pooler
      break;
    case Family::Gpt2:
      total += L * encoderBlockParams(a) + normParams(a, h);
      break;
    case Family::Llama:
      total += a.vocab * h;  // untied LM head
      total += L * encoderBlockParams(a) + normParams(a, h);
      break;
  }
  return total;
}

std::int64_t linearBiasParams(const Architecture& a) {
  const I attn = 3 * a.inner() + a.width;
  const I ffn = (a.gatedFfn() ? 2 * a.ffn : a.ffn) + a.width;
  I total = a.layers * (attn + ffn);
  if (a.encoderDecoder()) total += a.layers * (2 * attn + ffn);
  return total;
}

std::int64_t normGainParams(const Architecture& a) {
  const I L = a.layers;
  I norms = 2 * L + 1;                          // block norms + final (or embedding) norm
  if (a.encoderDecoder()) norms += 3 * L + 1;  // decoder: self, cross, FFN + final
  return norms * a.width;
}

std::int64_t blockElementsTrainable(const Architecture& a, I s, I b, bool dropout) {
  const I d = dropout ? 1 : 0;
  return s * b * (6 * a.width + 4 * a.inner() + 2 * a.ffn) + (1 + d) * a.heads * s * s * b +
         (a.gatedFfn() ? s * b * a.ffn : 0);  // gated FFN: the up-projection output too
}

std::int64_t blockElementsFrozen(const Architecture& a, I s, I b, bool dropout) {
  const I d = dropout ? 1 : 0;
  return s * b * (2 * a.width + 3 * a.inner() + a.ffn) + (1 + d) * a.heads * s * s * b +
         (a.gatedFfn() ? s * b * a.ffn : 0);
}

std::int64_t blockMaskBytes(const Architecture& a, I s, I b, bool dropout) {
  if (!dropout) return 0;
  return a.heads * s * s * b + 2 * s * b * a.width + s * b * a.ffn;
}

MethodMemory methodMemory(const MemoryLabParams& p, Method method, double overheadBytes) {
  const Architecture a = architectureOf(p);
  const I h = a.width, L = a.layers, S = stacks(a);
  const I s = p.seqLen, t = p.targetLen, b = p.batch;
  const I head = 2 * t * b * a.vocab;  // logits and log-softmax (LM head)
  const I bb = backboneParams(a);
  MethodMemory m;
  m.method = method;
  Counts c;
  auto term = [&m](const std::string& name, double v) { m.terms.emplace_back(name, v); };

  switch (method) {
    case Method::Full: {
      m.trainable = bb;
      c.elements = L * blockElementsTrainable(a, s, b, p.dropout);
      c.masks = L * blockMaskBytes(a, s, b, p.dropout);
      term("L·E_T (encoder-style blocks)", static_cast<double>(c.elements));
      if (a.encoderDecoder()) {
        const I dec = L * decoderElementsTrainable(a, s, t, b, p.dropout);
        c.elements += dec + s * b * h;
        c.masks += L * decoderMaskBytes(a, s, t, b, p.dropout);
        term("L·decoder blocks (trainable)", static_cast<double>(dec));
        term("encoder output s·b·h", static_cast<double>(s * b * h));
      }
      break;
    }
    case Method::Adapter:
    case Method::Lora:
    case Method::BitFit: {
      c = frozenOnPath(p, a, s, t, b);
      term(p.saveFrozenInputs ? "frozen blocks, inputs saved (E_T)" : "frozen blocks on path (E_G)",
           static_cast<double>(c.elements));
      const I blocks = L * S;
      if (method == Method::Adapter) {
        const I mm = p.adapterDim;
        const I perAdapter = 2 * h * mm + mm + h;
        m.newParams = 2 * blocks * perAdapter;
        m.trainable = m.newParams + normGainParams(a);  // the paper unfreezes the norms
        I extra = 2 * L * s * b * (h + 2 * mm);
        if (a.encoderDecoder()) extra += 2 * L * t * b * (h + 2 * mm);
        term("adapters s·b·(h + 2m) each", static_cast<double>(extra));
        if (p.normGradActs) {
          I norms = 2 * L * s * b * h;
          if (a.encoderDecoder()) norms += 3 * L * t * b * h;
          extra += norms;
          term("normalised tensors for norm gains", static_cast<double>(norms));
        }
        c.elements += extra;
      } else if (method == Method::Lora) {
        const I targets = p.loraTargets == LoraTargets::QV ? 2 : 4;
        const I modules = a.encoderDecoder() ? 3 * L : L;
        m.newParams = modules * targets * p.loraRank * (h + a.inner());
        const I bias = linearBiasParams(a);
        m.trainable = m.newParams + (p.loraBitfit ? bias : 0);
        if (p.loraBitfit && !biased(a)) m.newParams += bias;
        const I rho = p.loraRank;
        const bool keepX = p.saveFrozenInputs;
        const bool o = targets == 4;
        // Self-attention over n tokens: Z = XA per target, X shared by q/k/v unless kept already,
        // and the context feeding W_o when o is adapted.
        auto selfAttn = [&](I n) {
          return targets * n * b * rho + (keepX ? 0 : n * b * h + (o ? n * b * a.inner() : 0));
        };
        I extra = L * selfAttn(s);
        if (a.encoderDecoder()) {
          extra += L * selfAttn(t);
          // Cross-attention: q (and o) on t decoder tokens, k/v on the s encoder outputs, whose
          // X (the encoder output) is kept once for all layers.
          const I qo = o ? 2 : 1, kv = o ? 2 : 1;
          extra += L * (qo * t * b * rho + kv * s * b * rho +
                        (keepX ? 0 : t * b * h + (o ? t * b * a.inner() : 0)));
          if (!keepX) extra += s * b * h;
        }
        c.elements += extra;
        term("LoRA Z = XA and shared X", static_cast<double>(extra));
      } else {
        m.trainable = linearBiasParams(a);
        m.newParams = biased(a) ? 0 : m.trainable;  // T5/LLaMA get the biases added
      }
      break;
    }
    case Method::Prompt: {
      MemoryLabParams q = p;
      const I sp = s + p.promptTokens;
      const I bp = (b + p.promptAccumulation - 1) / p.promptAccumulation;
      m.trainable = m.newParams = static_cast<I>(p.promptTokens) * h;
      c = frozenOnPath(q, a, sp, t, bp);
      term("frozen blocks on path at s + p, micro-batch", static_cast<double>(c.elements));
      m.terms.emplace_back("prompt head (t·b·V·2)", static_cast<double>(2 * t * bp * a.vocab));
      c.elements += 2 * t * bp * a.vocab;
      m.activationElements = c.elements;
      m.maskBytes = c.masks;
      break;
    }
    case Method::Lst: {
      const Architecture side = sideArchitecture(a, p.lstReduction, p.lstSideHeads);
      const I k = static_cast<I>(lstKeptLayers(p).size());
      const I hs = side.width;
      I sideParams = k * encoderBlockParams(side) + S * (k + 1) * (h * hs + hs) + S * L +
                     S * normParams(side, hs) + hs * h + h;
      if (a.encoderDecoder()) sideParams += k * decoderBlockParams(side) + S * kRelBuckets * side.heads;
      m.trainable = m.newParams = sideParams;
      const I blocks = k * blockElementsTrainable(side, s, b, p.dropout);
      c.masks = k * blockMaskBytes(side, s, b, p.dropout);
      I ladders = (k + 1) * s * b * h, gates = 2 * k * s * b * hs;
      I decBlocks = 0;
      if (a.encoderDecoder()) {
        decBlocks = k * decoderElementsTrainable(side, s, t, b, p.dropout);
        c.masks += k * decoderMaskBytes(side, s, t, b, p.dropout);
        ladders += (k + 1) * t * b * h;
        gates += 2 * k * t * b * hs;
      }
      c.elements = blocks + decBlocks + ladders + gates + s * b * hs;
      term("k·E_T side blocks", static_cast<double>(blocks + decBlocks));
      term("(k+1) ladder inputs s·b·h", static_cast<double>(ladders));
      term("2k gate operands s·b·h/r", static_cast<double>(gates));
      term("side encoder output s·b·h/r", static_cast<double>(s * b * hs));
      break;
    }
  }
  if (method != Method::Prompt) {
    c.elements += head;
    term("LM head 2·t·b·V", static_cast<double>(head));
    m.activationElements = c.elements;
    m.maskBytes = c.masks;
  }

  const bool mixed = p.dtype == DType::Mixed;
  const double bw = mixed ? 2.0 : 4.0, ba = mixed ? 2.0 : 4.0, bo = 4.0;
  const double weightsCount = static_cast<double>(bb + m.newParams);
  const double train = static_cast<double>(m.trainable);
  m.trainablePercent = 100.0 * train / static_cast<double>(bb);
  m.weights = weightsCount * bw + (mixed ? 4.0 * train : 0.0);  // fp32 master of what trains
  m.gradients = train * bw;
  m.optimizer = static_cast<double>(kOpt(p.optimizer)) * train * bo;
  m.activations = static_cast<double>(m.activationElements) * ba;
  m.masks = static_cast<double>(m.maskBytes);
  m.overhead = overheadBytes;
  term("P_train", train);
  term("M_w = (P_backbone + P_new)·β_w", m.weights);
  term("M_g = P_train·β_w", m.gradients);
  term("M_opt = k_opt·P_train·β_o", m.optimizer);
  term("activations (elements·β_a)", m.activations);
  term("dropout masks (bytes)", m.masks);
  return m;
}

}  // namespace latentlab::finetune
