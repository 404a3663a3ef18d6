// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Deterministic synthetic data (Markov sources), MLM pre-training and Fisher importance (for the
// pruned initialisation of Sung et al. 2022, LST).
#include <algorithm>
#include <cmath>

#include "latentlab/finetune/side_data.h"

namespace latentlab::finetune {
namespace {

int sampleRow(const Mat& t, int state, Rng& rng) {
  const double u = rng.uniform();
  double acc = 0.0;
  for (Eigen::Index j = 0; j < t.cols(); ++j) {
    acc += t(state, j);
    if (u < acc) return static_cast<int>(j);
  }
  return static_cast<int>(t.cols() - 1);
}

void sampleChain(const Mat& t, int seq, Rng& rng, Eigen::Ref<Eigen::VectorXi> out) {
  const int symbols = static_cast<int>(t.rows());
  int state = std::min(symbols - 1, static_cast<int>(rng.uniform() * symbols));
  for (int i = 0; i < seq; ++i) {
    out(i) = state;
    state = sampleRow(t, state, rng);
  }
}

struct Masked {
  Eigen::MatrixXi input;
  Eigen::MatrixXi target;  // -1 where not masked
};

// 15 % of positions → [MASK]; at least one per batch so the loss is defined.
Masked maskTokens(const Eigen::MatrixXi& tokens, int maskId, Rng& rng) {
  Masked m{tokens, Eigen::MatrixXi::Constant(tokens.rows(), tokens.cols(), -1)};
  bool any = false;
  for (Eigen::Index n = 0; n < tokens.rows(); ++n)
    for (Eigen::Index t = 0; t < tokens.cols(); ++t)
      if (rng.uniform() < 0.15) {
        m.target(n, t) = tokens(n, t);
        m.input(n, t) = maskId;
        any = true;
      }
  if (!any) {
    m.target(0, 0) = tokens(0, 0);
    m.input(0, 0) = maskId;
  }
  return m;
}

// MLM loss of the backbone with gradients in every tensor of `b` (all set trainable).
double mlmLossAndGrad(Backbone& b, const ModelConfig& cfg, const Masked& batch, Tape& tape) {
  tape.clear();
  for (Tensor* t : b.all()) t->zeroGrad();
  b.mlm.zeroGrad();
  const int seq = cfg.seq;
  const Eigen::Index rows = batch.input.rows() * seq;
  Mat x(rows, cfg.backbone.h);
  for (Eigen::Index n = 0; n < batch.input.rows(); ++n)
    for (int t = 0; t < seq; ++t)
      x.row(n * seq + t) = b.emb.w.row(batch.input(n, t)) + b.pos.w.row(t);
  std::vector<BlockSlots> slots(b.blocks.size());
  for (std::size_t l = 0; l < b.blocks.size(); ++l)
    x = blockForward(b.blocks[l], cfg.backbone, seq, x, BlockMode::Trainable, {}, &tape,
                     &slots[l]);
  Mat u;
  Eigen::VectorXd rho;
  rmsNorm(x, u, rho);
  Mat probs = u * b.mlm.w;
  softmaxRows(probs);
  Mat dlogits = Mat::Zero(rows, probs.cols());
  double loss = 0.0;
  int count = 0;
  for (Eigen::Index r = 0; r < rows; ++r) {
    const int target = batch.target(r / seq, r % seq);
    if (target < 0) continue;
    loss -= std::log(probs(r, target));
    dlogits.row(r) = probs.row(r);
    dlogits(r, target) -= 1.0;
    ++count;
  }
  loss /= count;
  dlogits /= count;
  b.mlm.g += u.transpose() * dlogits;
  Mat dx = rmsNormBackward(dlogits * b.mlm.w.transpose(), u, rho);
  for (std::size_t l = b.blocks.size(); l-- > 0;)
    dx = blockBackward(b.blocks[l], cfg.backbone, seq, dx, BlockMode::Trainable, {}, tape,
                       slots[l]);
  for (Eigen::Index n = 0; n < batch.input.rows(); ++n)
    for (int t = 0; t < seq; ++t) {
      b.emb.g.row(batch.input(n, t)) += dx.row(n * seq + t);
      b.pos.g.row(t) += dx.row(n * seq + t);
    }
  return loss;
}

}  // namespace

std::vector<Mat> markovSources(int count, int symbols) {
  std::vector<Mat> out;
  for (int k = 0; k < count; ++k) {
    Rng rng(1000ULL + static_cast<std::uint64_t>(k));
    Mat t(symbols, symbols);
    for (int i = 0; i < symbols; ++i)
      for (int j = 0; j < symbols; ++j) t(i, j) = 3.0 * rng.normal();
    softmaxRows(t);
    out.push_back(std::move(t));
  }
  return out;
}

Batch makeTaskData(SideTask task, const ModelConfig& cfg, const std::vector<Mat>& sources,
                   int count, std::uint64_t seed) {
  Rng rng(seed);
  Batch out{Eigen::MatrixXi(count, cfg.seq), Eigen::VectorXi(count)};
  const int nSources = static_cast<int>(sources.size());
  for (int n = 0; n < count; ++n) {
    const int k = std::min(nSources - 1, static_cast<int>(rng.uniform() * nSources));
    if (task == SideTask::A) {
      Eigen::VectorXi row(cfg.seq);
      sampleChain(sources[static_cast<std::size_t>(k)], cfg.seq, rng, row);
      out.tokens.row(n) = row.transpose();
      out.labels(n) = k;
      continue;
    }
    // Task B: the query must occur at a position whose follower lies before the query itself.
    for (;;) {
      Eigen::VectorXi row(cfg.seq);
      sampleChain(sources[static_cast<std::size_t>(k)], cfg.seq, rng, row);
      const int q = std::min(cfg.symbols - 1, static_cast<int>(rng.uniform() * cfg.symbols));
      int first = -1;
      for (int t = 0; t + 2 < cfg.seq; ++t)
        if (row(t) == q) {
          first = t;
          break;
        }
      if (first < 0) continue;
      row(cfg.seq - 1) = q;
      out.tokens.row(n) = row.transpose();
      out.labels(n) = row(first + 1);
      break;
    }
  }
  return out;
}

Batch takeBatch(const Batch& data, const std::vector<int>& order, int start, int size) {
  Batch b{Eigen::MatrixXi(size, data.tokens.cols()), Eigen::VectorXi(size)};
  const int n = static_cast<int>(order.size());
  for (int i = 0; i < size; ++i) {
    const int row = order[static_cast<std::size_t>((start + i) % n)];
    b.tokens.row(i) = data.tokens.row(row);
    b.labels(i) = data.labels(row);
  }
  return b;
}

std::vector<double> pretrainBackbone(Backbone& backbone, const ModelConfig& cfg,
                                     const std::vector<Mat>& sources, int steps, double lr,
                                     std::uint64_t seed, const RunControl& control,
                                     const std::function<void(int)>& onStep) {
  Rng rng(seed);
  for (Tensor* t : backbone.all()) t->trainable = true;
  backbone.mlm.trainable = true;
  std::vector<Tensor*> params = backbone.all();
  params.push_back(&backbone.mlm);
  Tape tape;
  std::vector<double> losses;
  const int batch = std::max(cfg.batch, 16);
  for (int step = 1; step <= steps; ++step) {
    control.checkCancelled();
    Eigen::MatrixXi tokens(batch, cfg.seq);
    for (int n = 0; n < batch; ++n) {
      const auto k = static_cast<std::size_t>(
          std::min<int>(static_cast<int>(sources.size()) - 1,
                        static_cast<int>(rng.uniform() * static_cast<double>(sources.size()))));
      Eigen::VectorXi row(cfg.seq);
      sampleChain(sources[k], cfg.seq, rng, row);
      tokens.row(n) = row.transpose();
    }
    const Masked m = maskTokens(tokens, cfg.symbols, rng);
    losses.push_back(mlmLossAndGrad(backbone, cfg, m, tape));
    adamStep(params, lr, step);
    if (onStep) onStep(step);
  }
  for (Tensor* t : params) {
    t->trainable = false;
    t->g.resize(0, 0);
    t->m.resize(0, 0);
    t->v.resize(0, 0);
  }
  return losses;
}

Backbone mlmImportance(const Backbone& backbone, const ModelConfig& cfg,
                       const Eigen::MatrixXi& inputs, std::uint64_t seed) {
  Backbone work = backbone;
  for (Tensor* t : work.all()) t->trainable = true;
  work.mlm.trainable = true;
  Backbone importance = backbone;
  for (Tensor* t : importance.all()) t->w.setZero();
  Rng rng(seed);
  Tape tape;
  for (Eigen::Index n = 0; n < inputs.rows(); ++n) {
    const Masked m = maskTokens(inputs.row(n), cfg.symbols, rng);
    mlmLossAndGrad(work, cfg, m, tape);
    const auto src = work.all();
    const auto dst = importance.all();
    for (std::size_t i = 0; i < src.size(); ++i) dst[i]->w += src[i]->g.cwiseAbs2();
  }
  return importance;
}

}  // namespace latentlab::finetune
