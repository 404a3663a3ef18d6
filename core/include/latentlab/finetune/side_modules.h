// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/lst.md §3 and §5 (what
// backward keeps; the side blocks).

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

namespace latentlab::finetune {

using Mat = Eigen::MatrixXd;
using Mask = Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic>;

/// One parameter tensor with its gradient and Adam moments (moments sized lazily on first step).
struct Tensor {
  std::string name;
  Mat w;
  Mat g;
  Mat m;
  Mat v;
  bool trainable = false;

  void zeroGrad() { g.setZero(w.rows(), w.cols()); }
  Eigen::Index size() const { return w.size(); }
};

/// The per-step tape: forward ops push exactly the tensors their backward reads, and
/// backward reads them only from here, so the byte count is what the code really keeps.
/// Floats are counted at 4 bytes (fp32 accounting) although the arithmetic is double.
class Tape {
 public:
  static constexpr int kBytesPerFloat = 4;
  int push(Mat m) {
    m_floats += m.size();
    m_mats.push_back(std::move(m));
    return static_cast<int>(m_mats.size()) - 1;
  }
  int pushMask(Mask m) {
    m_maskBytes += m.size();
    m_masks.push_back(std::move(m));
    return static_cast<int>(m_masks.size()) - 1;
  }
  const Mat& mat(int slot) const { return m_mats.at(static_cast<std::size_t>(slot)); }
  const Mask& mask(int slot) const { return m_masks.at(static_cast<std::size_t>(slot)); }
  std::int64_t floats() const { return m_floats; }
  std::int64_t maskBytes() const { return m_maskBytes; }
  std::int64_t bytes() const { return m_floats * kBytesPerFloat + m_maskBytes; }
  void clear() {
    m_mats.clear();
    m_masks.clear();
    m_floats = 0;
    m_maskBytes = 0;
  }

 private:
  std::vector<Mat> m_mats;
  std::vector<Mask> m_masks;
  std::int64_t m_floats = 0;
  std::int64_t m_maskBytes = 0;
};

/// Width of one pre-norm encoder block: residual h, FFN f, `heads` heads of size dk.
struct Dims {
  int h = 32;
  int f = 64;
  int heads = 2;
  int dk = 16;
  int inner() const { return heads * dk; }
};

/// Weights of one block (no biases): W_q, W_k, W_v (h×inner), W_o (inner×h),
/// W_1 (h×f), W_2 (f×h).
struct BlockWeights {
  Tensor wq, wk, wv, wo, w1, w2;
  std::vector<Tensor*> all() { return {&wq, &wk, &wv, &wo, &w1, &w2}; }
  std::vector<const Tensor*> all() const { return {&wq, &wk, &wv, &wo, &w1, &w2}; }
};

/// Bottleneck adapter y ← y + W_up·ReLU(W_down·y + b_d) + b_u, W_up starts at 0.
struct AdapterWeights {
  Tensor down, bd, up, bu;
  std::vector<Tensor*> all() { return {&down, &bd, &up, &bu}; }
};

/// LoRA on W_q and W_v in factored form Y = uW + (uA)B·scale, B starts at 0 (Su,
/// kexue.fm/archives/9590).
struct LoraWeights {
  Tensor aq, bq, av, bv;
  double scale = 1.0;  // α/ρ
  std::vector<Tensor*> all() { return {&aq, &bq, &av, &bv}; }
};

/// How a block takes part in backward: Off keeps nothing (no-grad forward);
/// FrozenOnPath keeps what dX needs (u, ρ, Q, K, V, P and a ReLU mask); Trainable also keeps
/// Ctx and the ReLU output for the weight gradients.
enum class BlockMode { Off, FrozenOnPath, Trainable };

/// Tape slots of one block's forward, for its backward.
struct BlockSlots {
  int u1 = -1, rho1 = -1, q = -1, k = -1, v = -1, p = -1, ctx = -1, u2 = -1, rho2 = -1;
  int hidden = -1, mask = -1;
  int zq = -1, zv = -1;                 // LoRA: uA for q and v
  int ad1In = -1, ad1Act = -1;          // adapter after attention: input y and ReLU output
  int ad2In = -1, ad2Act = -1;          // adapter after FFN
};

/// Optional extras inside a block.
struct BlockExtras {
  AdapterWeights* adapterAttn = nullptr;
  AdapterWeights* adapterFfn = nullptr;
  LoraWeights* lora = nullptr;
};

/// RMSNorm without gain, row-wise: ρ_t = sqrt(mean(x_t²) + ε), u_t = x_t/ρ_t.
constexpr double kRmsEps = 1e-6;
void rmsNorm(const Mat& x, Mat& u, Eigen::VectorXd& rho);
/// dx_t = (du_t − u_t·mean(du_t ∘ u_t)) / ρ_t; needs u and ρ only.
Mat rmsNormBackward(const Mat& du, const Mat& u, const Eigen::VectorXd& rho);

/// One pre-norm block on rows stacked as (batch·seq)×h:
/// u = RMSNorm(x), x += softmax(QKᵀ/√d_k)V·W_o [+adapter], u₂ = RMSNorm(x),
/// x += ReLU(u₂W₁)W₂ [+adapter]. Pushes what `mode` needs onto `tape` (null when Off).
Mat blockForward(const BlockWeights& w, const Dims& d, int seq, const Mat& x, BlockMode mode,
                 const BlockExtras& extras, Tape* tape, BlockSlots* slots);
/// Backward of blockForward from the tape: accumulates gradients into trainable
/// tensors (block weights when Trainable, extras always) and returns dL/dx.
Mat blockBackward(BlockWeights& w, const Dims& d, int seq, const Mat& dOut, BlockMode mode,
                  const BlockExtras& extras, const Tape& tape, const BlockSlots& slots);

/// Classification head: mean-pool over each sequence → RMSNorm → Linear(·→C) + bias.
struct HeadWeights {
  Tensor w, b;
  std::vector<Tensor*> all() { return {&w, &b}; }
};
struct HeadSlots {
  int u = -1, rho = -1, probs = -1;
};
/// Returns the mean cross-entropy over the batch; `logits` receives batch×C. Pushes u, ρ and the
/// softmax (h + 1 + C floats per sample) when `tape` is given.
double headForward(const HeadWeights& w, int seq, const Mat& x, const Eigen::VectorXi& labels,
                   Mat& logits, Tape* tape, HeadSlots* slots);
/// dlogits = (softmax − onehot)/batch; accumulates head gradients and returns dL/dx (rows).
Mat headBackward(HeadWeights& w, int seq, const Eigen::VectorXi& labels, const Tape& tape,
                 const HeadSlots& slots);

/// Row-wise softmax in place.
void softmaxRows(Mat& m);

}  // namespace latentlab::finetune
