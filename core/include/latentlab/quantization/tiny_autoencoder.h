// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/fsq.md §11 (the trained
// tier).

#include <Eigen/Dense>
#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "latentlab/common/run_control.h"
#include "latentlab/quantization/fsq.h"
#include "latentlab/quantization/image_io.h"

namespace latentlab::quantization {

/// Which quantizer sits between the linear encoder and decoder.
enum class AeQuantizer {
  Fsq,        // STE through the FSQ bound, no auxiliary loss
  Vq,         // STE + commitment β‖z − sg[e]‖² + EMA codebook, tiny init, no restarts
  VqRestart,  // the same with dead-code restart (Jukebox, Dhariwal et al. 2020)
};
inline constexpr AeQuantizer kAllAeQuantizers[] = {AeQuantizer::Fsq, AeQuantizer::Vq,
                                                   AeQuantizer::VqRestart};

/// Tiny trained autoencoder (tier C): linear encoder z = W_e(x − μ) + b_e, quantizer, linear
/// decoder x̂ = W_d ẑ + b_d + μ, Adam on the mean squared error over patch mini-batches.
struct TinyAeParams {
  int budgetBits = 8;          // FSQ levels from fsqPresets(); VQ gets K = ∏L codes, same d
  int patch = 4;               // patch side P, 2..16
  int steps = 400;             // Adam steps per model, 1..20000
  int batch = 128;             // patches per mini-batch, 1..4096
  double learningRate = 3e-3;  // Adam step size
  double commitment = 0.25;    // VQ commitment weight β
  double emaDecay = 0.95;      // VQ EMA decay γ
  int reportEvery = 10;        // a curve point (and a live snapshot) every this many steps
  std::uint64_t seed = 1;      // weights, batches, codebook init and restarts
};

/// Weights of one model (encoder d×D, decoder D×d).
struct TinyAeWeights {
  Eigen::MatrixXd encoder;  // W_e, d × D
  Eigen::VectorXd encBias;  // b_e, d
  Eigen::MatrixXd decoder;  // W_d, D × d
  Eigen::VectorXd decBias;  // b_d, D
};

/// Loss ‖x − x̂‖² / (B·D) of centred patches x (B×D, rows) and its gradient with respect to every
/// weight, for an FSQ bottleneck. With `round` the forward pass rounds (ẑ = q/⌊L/2⌋) and the
/// encoder gradient is the straight-through one (∂ẑ/∂z = Fsq::steDerivative); without it the
/// forward pass uses the smooth bound b(z)/⌊L/2⌋, whose exact gradient is that same expression,
/// so finite differences of the smooth loss check the hand-written backprop.
struct AeLossGrad {
  double loss = 0.0;
  TinyAeWeights grad;
};
AeLossGrad fsqAeLossAndGradient(const TinyAeWeights& w, const Eigen::MatrixXd& x, const Fsq& fsq,
                                bool round);

/// One model's training history.
struct AeCurve {
  AeQuantizer quantizer = AeQuantizer::Fsq;
  std::vector<int> step;
  std::vector<double> loss;   // mini-batch MSE (per value, [0, 1] scale) at that step
  std::vector<double> usage;  // fraction of the K codes used by that batch window
  double finalPsnr = 0.0;     // on the whole image at the end
  double finalUsage = 0.0;    // codes used on all patches / K
  int restarts = 0;           // dead codes restarted (VqRestart)
};

struct TinyAeResult {
  std::vector<int> levels;
  int codes = 0;
  int patches = 0;
  int stepsDone = 0;  // of steps, per model (a live snapshot may be partial)
  std::vector<AeCurve> curves;  // in kAllAeQuantizers order; only started models
  bool finished = false;
};

/// Live hooks: a pause flag polled between steps and a snapshot callback (every reportEvery).
struct TinyAeHooks {
  const std::atomic<bool>* pause = nullptr;
  std::function<void(const TinyAeResult&)> onPartial;
};

/// Trains the three models (FSQ, VQ, VQ with restarts) one after the other on the image's patches.
/// Throws ParamError for bad params, Cancelled when cancelled.
TinyAeResult trainTinyAutoencoders(const ImageData& image, const TinyAeParams& params,
                                   const RunControl& control = {}, const TinyAeHooks& hooks = {});

}  // namespace latentlab::quantization
