// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The five methods (full, probe, Adapter, LoRA, LST of Sung et al. 2022 (LST)) on one backbone,
// with hand-written backward.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "latentlab/finetune/side_model.h"

namespace latentlab::finetune {
namespace {

Tensor normalTensor(std::string name, int rows, int cols, double stddev, Rng& rng) {
  Tensor t;
  t.name = std::move(name);
  t.w.resize(rows, cols);
  for (Eigen::Index j = 0; j < t.w.cols(); ++j)
    for (Eigen::Index i = 0; i < t.w.rows(); ++i) t.w(i, j) = stddev * rng.normal();
  return t;
}

Tensor fanInTensor(std::string name, int rows, int cols, Rng& rng) {
  return normalTensor(std::move(name), rows, cols, 1.0 / std::sqrt(static_cast<double>(rows)), rng);
}

Tensor zeroTensor(std::string name, int rows, int cols) {
  Tensor t;
  t.name = std::move(name);
  t.w = Mat::Zero(rows, cols);
  return t;
}

BlockWeights randomBlock(const Dims& d, Rng& rng) {
  BlockWeights b;
  b.wq = fanInTensor("wq", d.h, d.inner(), rng);
  b.wk = fanInTensor("wk", d.h, d.inner(), rng);
  b.wv = fanInTensor("wv", d.h, d.inner(), rng);
  b.wo = fanInTensor("wo", d.inner(), d.h, rng);
  b.w1 = fanInTensor("w1", d.h, d.f, rng);
  b.w2 = fanInTensor("w2", d.f, d.h, rng);
  return b;
}

// Indices of the `keep` largest scores, in ascending index order (keeps the layout stable).
std::vector<int> topIndices(const Eigen::VectorXd& score, int keep) {
  std::vector<int> idx(static_cast<std::size_t>(score.size()));
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return score(a) > score(b); });
  idx.resize(static_cast<std::size_t>(keep));
  std::sort(idx.begin(), idx.end());
  return idx;
}

Mat slice(const Mat& m, const std::vector<int>& rows, const std::vector<int>& cols) {
  Mat out(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(cols.size()));
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (std::size_t j = 0; j < cols.size(); ++j) out(i, j) = m(rows[i], cols[j]);
  return out;
}

// Side block j copied from the pruned backbone layer (Fisher or magnitude pruning, after Sung et
// al. 2022 (LST)).
BlockWeights prunedBlock(const BlockWeights& w, const BlockWeights& score, const Dims& full,
                         const Dims& side, const std::vector<int>& residual) {
  std::vector<int> qkv;
  const Mat qkvScore = score.wq.w + score.wk.w + score.wv.w;
  for (int hd = 0; hd < full.heads; ++hd) {
    const Eigen::VectorXd s = qkvScore.middleCols(hd * full.dk, full.dk).colwise().sum();
    for (int c : topIndices(s, side.dk)) qkv.push_back(hd * full.dk + c);
  }
  const Eigen::VectorXd ffn =
      score.w1.w.colwise().sum().transpose() + score.w2.w.rowwise().sum();
  const std::vector<int> units = topIndices(ffn, side.f);
  BlockWeights b;
  b.wq = Tensor{"wq", slice(w.wq.w, residual, qkv), {}, {}, {}, false};
  b.wk = Tensor{"wk", slice(w.wk.w, residual, qkv), {}, {}, {}, false};
  b.wv = Tensor{"wv", slice(w.wv.w, residual, qkv), {}, {}, {}, false};
  b.wo = Tensor{"wo", slice(w.wo.w, qkv, residual), {}, {}, {}, false};
  b.w1 = Tensor{"w1", slice(w.w1.w, residual, units), {}, {}, {}, false};
  b.w2 = Tensor{"w2", slice(w.w2.w, units, residual), {}, {}, {}, false};
  return b;
}

void setTrainable(const std::vector<Tensor*>& ts, bool on) {
  for (Tensor* t : ts) t->trainable = on;
}

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

std::string_view tuneMethodId(TuneMethod m) {
  switch (m) {
    case TuneMethod::Full: return "full";
    case TuneMethod::Probe: return "probe";
    case TuneMethod::Adapter: return "adapter";
    case TuneMethod::Lora: return "lora";
    case TuneMethod::Lst: return "lst";
  }
  return "?";
}

std::string_view tuneMethodLabel(TuneMethod m) {
  switch (m) {
    case TuneMethod::Full: return "Full FT";
    case TuneMethod::Probe: return "Linear probe";
    case TuneMethod::Adapter: return "Adapter";
    case TuneMethod::Lora: return "LoRA";
    case TuneMethod::Lst: return "LST";
  }
  return "?";
}

ModelConfig ciConfig() { return ModelConfig{}; }

ModelConfig demoConfig() {
  ModelConfig c;
  c.layers = 4;
  c.backbone = Dims{128, 512, 4, 32};
  c.seq = 32;
  c.batch = 32;
  c.symbols = 16;
  c.classes = 8;
  c.sources = 8;
  c.reduction = 8;
  c.sideLayers = 4;
  c.adapterM = 16;
  c.loraRank = 8;
  c.loraAlpha = 8.0;
  return c;
}

std::vector<Tensor*> Backbone::all() {
  std::vector<Tensor*> out{&emb, &pos};
  for (auto& b : blocks)
    for (Tensor* t : b.all()) out.push_back(t);
  return out;
}

std::vector<const Tensor*> Backbone::all() const {
  std::vector<const Tensor*> out{&emb, &pos};
  for (const auto& b : blocks)
    for (const Tensor* t : b.all()) out.push_back(t);
  return out;
}

std::int64_t Backbone::parameterCount() const {
  std::int64_t n = 0;
  for (const Tensor* t : all()) n += t->size();
  return n;
}

Backbone initBackbone(const ModelConfig& cfg, Rng& rng) {
  Backbone b;
  b.emb = normalTensor("emb", cfg.vocab(), cfg.backbone.h, 1.0, rng);
  b.pos = normalTensor("pos", cfg.seq, cfg.backbone.h, 0.5, rng);
  for (int l = 0; l < cfg.layers; ++l) b.blocks.push_back(randomBlock(cfg.backbone, rng));
  b.mlm = fanInTensor("mlm", cfg.backbone.h, cfg.symbols, rng);
  return b;
}

MethodModel::MethodModel(TuneMethod method, const ModelConfig& cfg, const Backbone& backbone,
                         SideInit init, const Backbone* importance, Rng& rng)
    : m_method(method), m_cfg(cfg), m_backbone(backbone) {
  setTrainable(m_backbone.all(), method == TuneMethod::Full);
  m_backbone.mlm.trainable = false;
  const Dims& d = cfg.backbone;
  const Dims side = cfg.side();
  const int headIn = method == TuneMethod::Lst ? side.h : d.h;
  m_head.w = fanInTensor("head.w", headIn, cfg.classes, rng);
  m_head.b = zeroTensor("head.b", 1, cfg.classes);
  if (method == TuneMethod::Adapter) {
    for (int i = 0; i < 2 * cfg.layers; ++i) {
      AdapterWeights a;
      a.down = fanInTensor("adapter.down", d.h, cfg.adapterM, rng);
      a.bd = zeroTensor("adapter.bd", 1, cfg.adapterM);
      a.up = zeroTensor("adapter.up", cfg.adapterM, d.h);
      a.bu = zeroTensor("adapter.bu", 1, d.h);
      m_adapters.push_back(std::move(a));
    }
  }
  if (method == TuneMethod::Lora) {
    for (int l = 0; l < cfg.layers; ++l) {
      LoraWeights w;
      w.aq = fanInTensor("lora.aq", d.h, cfg.loraRank, rng);
      w.bq = zeroTensor("lora.bq", cfg.loraRank, d.inner());
      w.av = fanInTensor("lora.av", d.h, cfg.loraRank, rng);
      w.bv = zeroTensor("lora.bv", cfg.loraRank, d.inner());
      w.scale = cfg.loraAlpha / cfg.loraRank;
      m_lora.push_back(std::move(w));
    }
  }
  if (method == TuneMethod::Lst) {
    std::vector<int> residual;
    if (init != SideInit::Random) {
      const Backbone& score = importance ? *importance : backbone;
      residual = topIndices(score.emb.w.cwiseAbs().colwise().sum().transpose(), side.h);
    }
    for (int j = 0; j < cfg.sideLayers; ++j) {
      if (init == SideInit::Random) {
        m_side.push_back(randomBlock(side, rng));
      } else {
        const int l = cfg.keptLayer(j);
        BlockWeights score = importance ? importance->blocks[static_cast<std::size_t>(l)]
                                        : backbone.blocks[static_cast<std::size_t>(l)];
        for (Tensor* t : score.all()) t->w = t->w.cwiseAbs();
        m_side.push_back(prunedBlock(backbone.blocks[static_cast<std::size_t>(l)], score, d, side,
                                     residual));
      }
    }
    for (int j = 0; j <= cfg.sideLayers; ++j) {
      m_down.push_back(fanInTensor("ladder.down", d.h, side.h, rng));
      m_downBias.push_back(zeroTensor("ladder.b", 1, side.h));
    }
    m_alpha = zeroTensor("gate.alpha", 1, cfg.sideLayers);
  }
  setTrainable(trainable(), true);
  for (Tensor* t : trainable()) t->zeroGrad();
}

std::vector<Tensor*> MethodModel::trainable() {
  std::vector<Tensor*> out = m_head.all();
  switch (m_method) {
    case TuneMethod::Full:
      for (Tensor* t : m_backbone.all()) out.push_back(t);
      break;
    case TuneMethod::Probe: break;
    case TuneMethod::Adapter:
      for (auto& a : m_adapters)
        for (Tensor* t : a.all()) out.push_back(t);
      break;
    case TuneMethod::Lora:
      for (auto& l : m_lora)
        for (Tensor* t : l.all()) out.push_back(t);
      break;
    case TuneMethod::Lst:
      for (auto& b : m_side)
        for (Tensor* t : b.all()) out.push_back(t);
      for (auto& t : m_down) out.push_back(&t);
      for (auto& t : m_downBias) out.push_back(&t);
      out.push_back(&m_alpha);
      break;
  }
  return out;
}

std::int64_t MethodModel::trainableCount() const {
  std::int64_t n = 0;
  for (Tensor* t : const_cast<MethodModel*>(this)->trainable()) n += t->size();
  return n;
}

std::int64_t MethodModel::weightCount() const {
  const std::int64_t extra =
      m_method == TuneMethod::Full ? trainableCount() - m_backbone.parameterCount()
                                   : trainableCount();
  return m_backbone.parameterCount() + extra;
}

std::vector<double> MethodModel::gates() const {
  std::vector<double> out;
  for (Eigen::Index j = 0; j < m_alpha.w.size(); ++j)
    out.push_back(sigmoid(m_alpha.w(0, j) / m_cfg.gateT));
  return out;
}

Mat MethodModel::embed(const Eigen::MatrixXi& tokens) const {
  const int seq = m_cfg.seq;
  Mat x(tokens.rows() * seq, m_cfg.backbone.h);
  for (Eigen::Index n = 0; n < tokens.rows(); ++n)
    for (int t = 0; t < seq; ++t)
      x.row(n * seq + t) = m_backbone.emb.w.row(tokens(n, t)) + m_backbone.pos.w.row(t);
  return x;
}

double MethodModel::run(const Batch& batch, Tape* tape, Mat* logits) {
  const int seq = m_cfg.seq;
  const int layers = m_cfg.layers;
  m_slots.assign(static_cast<std::size_t>(layers), BlockSlots{});
  Mat x = embed(batch.tokens);
  Mat out;
  if (m_method != TuneMethod::Lst) {
    const BlockMode mode = m_method == TuneMethod::Full    ? BlockMode::Trainable
                           : m_method == TuneMethod::Probe ? BlockMode::Off
                                                           : BlockMode::FrozenOnPath;
    for (int l = 0; l < layers; ++l) {
      BlockExtras ex;
      if (m_method == TuneMethod::Adapter) {
        ex.adapterAttn = &m_adapters[static_cast<std::size_t>(2 * l)];
        ex.adapterFfn = &m_adapters[static_cast<std::size_t>(2 * l + 1)];
      }
      if (m_method == TuneMethod::Lora) ex.lora = &m_lora[static_cast<std::size_t>(l)];
      x = blockForward(m_backbone.blocks[static_cast<std::size_t>(l)], m_cfg.backbone, seq, x,
                       mode, ex, tape, &m_slots[static_cast<std::size_t>(l)]);
    }
    out = std::move(x);
  } else {
    // The backbone runs without tape; only its outputs feeding the ladders are kept (Sung et al.
    // 2022 (LST)).
    const int k = m_cfg.sideLayers;
    m_sideSlots.assign(static_cast<std::size_t>(k), BlockSlots{});
    m_ladderIn.assign(static_cast<std::size_t>(k), -1);
    m_gateDiff.assign(static_cast<std::size_t>(k), -1);
    Mat z = x * m_down[0].w;
    z.rowwise() += m_downBias[0].w.row(0);
    if (tape) m_embIn = tape->push(x);
    int j = 0;
    for (int l = 0; l < layers && j < k; ++l) {
      x = blockForward(m_backbone.blocks[static_cast<std::size_t>(l)], m_cfg.backbone, seq, x,
                       BlockMode::Off, {}, nullptr, nullptr);
      if (m_cfg.keptLayer(j) != l) continue;
      const auto ju = static_cast<std::size_t>(j);
      Mat w = x * m_down[ju + 1].w;
      w.rowwise() += m_downBias[ju + 1].w.row(0);
      const double mu = sigmoid(m_alpha.w(0, j) / m_cfg.gateT);
      const Mat u = mu * z + (1.0 - mu) * w;
      if (tape) {
        m_ladderIn[ju] = tape->push(x);
        m_gateDiff[ju] = tape->push(z - w);
      }
      z = blockForward(m_side[ju], m_cfg.side(), seq, u, BlockMode::Trainable, {}, tape,
                       &m_sideSlots[ju]);
      ++j;
    }
    out = std::move(z);
  }
  Mat lg;
  const double loss = headForward(m_head, seq, out, batch.labels, lg, tape, &m_headSlots);
  if (logits) *logits = std::move(lg);
  return loss;
}

double MethodModel::lossAndGrad(const Batch& batch, Tape& tape) {
  tape.clear();
  for (Tensor* t : trainable()) t->zeroGrad();
  const auto t0 = std::chrono::steady_clock::now();
  const double loss = run(batch, &tape, nullptr);
  m_lastForwardMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  const int seq = m_cfg.seq;
  Mat dx = headBackward(m_head, seq, batch.labels, tape, m_headSlots);
  if (m_method == TuneMethod::Probe) return loss;
  if (m_method == TuneMethod::Lst) {
    for (int j = m_cfg.sideLayers - 1; j >= 0; --j) {
      const auto ju = static_cast<std::size_t>(j);
      const Mat du = blockBackward(m_side[ju], m_cfg.side(), seq, dx, BlockMode::Trainable, {},
                                   tape, m_sideSlots[ju]);
      const double mu = sigmoid(m_alpha.w(0, j) / m_cfg.gateT);
      m_alpha.g(0, j) += du.cwiseProduct(tape.mat(m_gateDiff[ju])).sum() * mu * (1.0 - mu) /
                         m_cfg.gateT;
      const Mat dw = (1.0 - mu) * du;
      m_down[ju + 1].g += tape.mat(m_ladderIn[ju]).transpose() * dw;
      m_downBias[ju + 1].g += dw.colwise().sum();
      dx = mu * du;
    }
    m_down[0].g += tape.mat(m_embIn).transpose() * dx;
    m_downBias[0].g += dx.colwise().sum();
    return loss;
  }
  const BlockMode mode =
      m_method == TuneMethod::Full ? BlockMode::Trainable : BlockMode::FrozenOnPath;
  for (int l = m_cfg.layers - 1; l >= 0; --l) {
    BlockExtras ex;
    if (m_method == TuneMethod::Adapter) {
      ex.adapterAttn = &m_adapters[static_cast<std::size_t>(2 * l)];
      ex.adapterFfn = &m_adapters[static_cast<std::size_t>(2 * l + 1)];
    }
    if (m_method == TuneMethod::Lora) ex.lora = &m_lora[static_cast<std::size_t>(l)];
    dx = blockBackward(m_backbone.blocks[static_cast<std::size_t>(l)], m_cfg.backbone, seq, dx,
                       mode, ex, tape, m_slots[static_cast<std::size_t>(l)]);
  }
  if (m_method == TuneMethod::Full) {
    for (Eigen::Index n = 0; n < batch.tokens.rows(); ++n)
      for (int t = 0; t < seq; ++t) {
        m_backbone.emb.g.row(batch.tokens(n, t)) += dx.row(n * seq + t);
        m_backbone.pos.g.row(t) += dx.row(n * seq + t);
      }
  }
  return loss;
}

double MethodModel::evaluate(const Batch& batch, Eigen::VectorXi* predicted) {
  Mat logits;
  const double loss = run(batch, nullptr, &logits);
  if (predicted) {
    predicted->resize(logits.rows());
    for (Eigen::Index n = 0; n < logits.rows(); ++n) logits.row(n).maxCoeff(&(*predicted)(n));
  }
  return loss;
}

}  // namespace latentlab::finetune
