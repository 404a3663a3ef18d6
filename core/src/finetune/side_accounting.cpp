// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Adam and the analytic accounting (tape bytes, trainable counts).
#include <cmath>

#include "latentlab/common/adam.h"
#include "latentlab/finetune/side_model.h"

namespace latentlab::finetune {
namespace {

std::int64_t blockParams(const Dims& d) { return 4LL * d.h * d.inner() + 2LL * d.h * d.f; }

}  // namespace

void adamStep(const std::vector<Tensor*>& params, double lr, int t) {
  const AdamStep step = AdamStep::at(t, lr);
  for (Tensor* p : params) {
    if (p->m.size() != p->w.size()) {
      p->m = Mat::Zero(p->w.rows(), p->w.cols());
      p->v = Mat::Zero(p->w.rows(), p->w.cols());
    }
    adamUpdate(p->w, p->g, p->m, p->v, step);
  }
}

std::int64_t analyticTapeBytes(TuneMethod method, const ModelConfig& cfg) {
  const std::int64_t s = cfg.seq, L = cfg.layers, C = cfg.classes;
  const Dims& d = cfg.backbone;
  const Dims side = cfg.side();
  auto trainableBlock = [s](const Dims& x) {
    return s * (2LL * x.h + 4LL * x.inner() + x.f + 2) + static_cast<std::int64_t>(x.heads) * s * s;
  };
  const std::int64_t frozen = s * (2LL * d.h + 3LL * d.inner() + 2) + d.heads * s * s;
  const std::int64_t head = d.h + 1 + C;
  std::int64_t floats = 0, mask = 0;
  switch (method) {
    case TuneMethod::Full: floats = L * trainableBlock(d) + head; break;
    case TuneMethod::Probe: floats = head; break;
    case TuneMethod::Adapter:
      floats = L * (frozen + 2 * s * (d.h + cfg.adapterM)) + head;
      mask = L * s * d.f;
      break;
    case TuneMethod::Lora:
      floats = L * (frozen + 2 * s * cfg.loraRank) + head;
      mask = L * s * d.f;
      break;
    case TuneMethod::Lst: {
      const std::int64_t k = cfg.sideLayers;
      floats = k * trainableBlock(side) + k * s * (d.h + side.h) + s * d.h + side.h + 1 + C;
      break;
    }
  }
  return cfg.batch * (floats * Tape::kBytesPerFloat + mask);
}

std::int64_t analyticTrainable(TuneMethod method, const ModelConfig& cfg) {
  const Dims& d = cfg.backbone;
  const Dims side = cfg.side();
  const std::int64_t L = cfg.layers, C = cfg.classes;
  const std::int64_t backbone =
      static_cast<std::int64_t>(cfg.vocab() + cfg.seq) * d.h + L * blockParams(d);
  const std::int64_t head = d.h * C + C;
  switch (method) {
    case TuneMethod::Full: return backbone + head;
    case TuneMethod::Probe: return head;
    case TuneMethod::Adapter:
      return L * 2 * (2LL * d.h * cfg.adapterM + cfg.adapterM + d.h) + head;
    case TuneMethod::Lora:
      return L * 2 * (static_cast<std::int64_t>(d.h) * cfg.loraRank +
                      static_cast<std::int64_t>(cfg.loraRank) * d.inner()) +
             head;
    case TuneMethod::Lst: {
      const std::int64_t k = cfg.sideLayers;
      return k * blockParams(side) + (k + 1) * (static_cast<std::int64_t>(d.h) * side.h + side.h) +
             k + side.h * C + C;
    }
  }
  return 0;
}

}  // namespace latentlab::finetune
