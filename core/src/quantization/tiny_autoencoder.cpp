// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The tiny trained autoencoder: a linear autoencoder with an FSQ or VQ bottleneck, trained with the
// straight-through estimator and Adam, backprop written by hand.
#include "latentlab/quantization/tiny_autoencoder.h"

#include <chrono>
#include <cmath>
#include <thread>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/quantization/image_metrics.h"
#include "latentlab/quantization/patch_pca.h"
#include "latentlab/quantization/vq.h"

namespace latentlab::quantization {
namespace {

// Adam moments for one parameter block.
template <class M>
struct Adam {
  M m, v;
  void step(M& param, const M& grad, double lr, int t) {
    constexpr double kB1 = 0.9, kB2 = 0.999, kEps = 1e-8;
    if (m.size() == 0) {
      m = M::Zero(grad.rows(), grad.cols());
      v = M::Zero(grad.rows(), grad.cols());
    }
    m = kB1 * m + (1 - kB1) * grad;
    v = kB2 * v + (1 - kB2) * grad.cwiseProduct(grad);
    const double c1 = 1 - std::pow(kB1, t), c2 = 1 - std::pow(kB2, t);
    param.array() -= lr * (m.array() / c1) / ((v.array() / c2).sqrt() + kEps);
  }
};

TinyAeWeights initWeights(int dim, int d, Rng& rng) {
  TinyAeWeights w;
  w.encoder.resize(d, dim);
  w.decoder.resize(dim, d);
  // Glorot-style scales keep z of order one for [0, 1] patches.
  const double se = 1.0 / std::sqrt(static_cast<double>(dim));
  const double sd = 1.0 / std::sqrt(static_cast<double>(d));
  for (Eigen::Index i = 0; i < w.encoder.size(); ++i) w.encoder.data()[i] = se * rng.normal();
  for (Eigen::Index i = 0; i < w.decoder.size(); ++i) w.decoder.data()[i] = 0.1 * sd * rng.normal();
  w.encBias = Eigen::VectorXd::Zero(d);
  w.decBias = Eigen::VectorXd::Zero(dim);
  return w;
}

void checkParams(const TinyAeParams& p) {
  fsqPresetLevels(p.budgetBits);
  auto range = [](const char* key, double v, double lo, double hi) {
    if (!std::isfinite(v) || v < lo || v > hi)
      throw ParamError(key, std::string(key) + " must be between " + std::to_string(lo) + " and " +
                                std::to_string(hi));
  };
  range("patch", p.patch, 2, 16);
  range("train_steps", p.steps, 1, 20000);
  range("train_batch", p.batch, 1, 4096);
  range("learning_rate", p.learningRate, 1e-6, 1.0);
  range("commitment", p.commitment, 0.0, 10.0);
  range("ema_decay", p.emaDecay, 0.0, 0.9999);
  range("report_every", p.reportEvery, 1, 20000);
}

}  // namespace

AeLossGrad fsqAeLossAndGradient(const TinyAeWeights& w, const Eigen::MatrixXd& x, const Fsq& fsq,
                                bool round) {
  const Eigen::Index b = x.rows(), dim = x.cols(), d = fsq.dim();
  const Eigen::MatrixXd z = (x * w.encoder.transpose()).rowwise() + w.encBias.transpose();
  Eigen::MatrixXd code(b, d), ste(b, d);
  for (Eigen::Index r = 0; r < b; ++r)
    for (int i = 0; i < d; ++i) {
      const int half = fsq.levels()[static_cast<std::size_t>(i)] / 2;
      code(r, i) = round ? fsq.codeValue(i, fsq.level(i, z(r, i)))
                         : fsq.boundValue(i, z(r, i)) / half;
      ste(r, i) = fsq.steDerivative(i, z(r, i));
    }
  const Eigen::MatrixXd out = (code * w.decoder.transpose()).rowwise() + w.decBias.transpose();
  const Eigen::MatrixXd res = out - x;
  const double scale = 1.0 / static_cast<double>(b * dim);
  AeLossGrad g;
  g.loss = res.squaredNorm() * scale;
  const Eigen::MatrixXd gOut = 2.0 * scale * res;
  g.grad.decoder = gOut.transpose() * code;
  g.grad.decBias = gOut.colwise().sum().transpose();
  const Eigen::MatrixXd gz = (gOut * w.decoder).cwiseProduct(ste);
  g.grad.encoder = gz.transpose() * x;
  g.grad.encBias = gz.colwise().sum().transpose();
  return g;
}

TinyAeResult trainTinyAutoencoders(const ImageData& image, const TinyAeParams& params,
                                   const RunControl& control, const TinyAeHooks& hooks) {
  checkParams(params);
  const Patches patches = extractPatches(image, params.patch);
  const Eigen::RowVectorXd mean = patches.x.colwise().mean();
  const Eigen::MatrixXd centred = patches.x.rowwise() - mean;
  const Eigen::Index n = centred.rows(), dim = centred.cols();
  const Fsq fsq(fsqPresetLevels(params.budgetBits));
  const int d = fsq.dim();
  if (d > dim)
    throw ParamError("patch", "patch too small for " + std::to_string(d) + " latent dimensions");
  TinyAeResult result;
  result.levels = fsq.levels();
  result.codes = static_cast<int>(fsq.codebookSize());
  result.patches = static_cast<int>(n);
  const int k = result.codes;
  const int total = params.steps * 3;
  int globalStep = 0;

  for (AeQuantizer q : kAllAeQuantizers) {
    // Same seed for every model: the same initial weights and batches, only Q differs.
    Rng rng(params.seed);
    TinyAeWeights w = initWeights(static_cast<int>(dim), d, rng);
    Adam<Eigen::MatrixXd> aEnc, aDec;
    Adam<Eigen::VectorXd> aEncB, aDecB;
    EmaOptions ema;
    ema.decay = params.emaDecay;
    ema.restart = q == AeQuantizer::VqRestart;
    // "Tiny" init N(0, 0.02²): the setting where online VQ collapses without restarts.
    EmaCodebook codebook(initCodebook(RowMatrixXd::Zero(1, d), k, VqInit::Tiny,
                                      params.seed + 7),
                         ema);
    result.curves.push_back(AeCurve{q, {}, {}, {}, 0.0, 0.0, 0});
    AeCurve& curve = result.curves.back();
    std::vector<char> usedWindow(static_cast<std::size_t>(k), 0);
    double lossWindow = 0.0;
    int inWindow = 0;
    Eigen::MatrixXd batch(params.batch, dim);
    for (int t = 1; t <= params.steps; ++t, ++globalStep) {
      control.checkCancelled();
      while (hooks.pause && hooks.pause->load()) {
        control.checkCancelled();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      for (int r = 0; r < params.batch; ++r)
        batch.row(r) = centred.row(std::min<Eigen::Index>(
            n - 1, static_cast<Eigen::Index>(rng.uniform() * static_cast<double>(n))));
      AeLossGrad g;
      if (q == AeQuantizer::Fsq) {
        g = fsqAeLossAndGradient(w, batch, fsq, true);
        for (Eigen::Index r = 0; r < batch.rows(); ++r) {
          const Eigen::RowVectorXd z = batch.row(r) * w.encoder.transpose() + w.encBias.transpose();
          const auto idx = fsq.quantizeIndices(Eigen::MatrixXd(z));
          usedWindow[static_cast<std::size_t>(idx[0])] = 1;
        }
      } else {
        const Eigen::MatrixXd z = (batch * w.encoder.transpose()).rowwise() + w.encBias.transpose();
        const std::vector<int> assign = codebook.step(RowMatrixXd(z), rng);
        Eigen::MatrixXd code(batch.rows(), d);
        for (Eigen::Index r = 0; r < batch.rows(); ++r) {
          code.row(r) = codebook.codebook().row(assign[static_cast<std::size_t>(r)]);
          usedWindow[static_cast<std::size_t>(assign[static_cast<std::size_t>(r)])] = 1;
        }
        const Eigen::MatrixXd res =
            ((code * w.decoder.transpose()).rowwise() + w.decBias.transpose()) - batch;
        const double scale = 1.0 / static_cast<double>(batch.rows() * dim);
        g.loss = res.squaredNorm() * scale;
        const Eigen::MatrixXd gOut = 2.0 * scale * res;
        g.grad.decoder = gOut.transpose() * code;
        g.grad.decBias = gOut.colwise().sum().transpose();
        // STE copies ∂L/∂ẑ to z; the commitment term β‖z − sg[e]‖² (same 1/(B·D) scale) adds
        // 2β(z − e) and only moves the encoder.
        const Eigen::MatrixXd gz = gOut * w.decoder + 2.0 * params.commitment * scale * (z - code);
        g.grad.encoder = gz.transpose() * batch;
        g.grad.encBias = gz.colwise().sum().transpose();
      }
      aEnc.step(w.encoder, g.grad.encoder, params.learningRate, t);
      aEncB.step(w.encBias, g.grad.encBias, params.learningRate, t);
      aDec.step(w.decoder, g.grad.decoder, params.learningRate, t);
      aDecB.step(w.decBias, g.grad.decBias, params.learningRate, t);
      lossWindow += g.loss;
      ++inWindow;
      if (t % params.reportEvery == 0 || t == params.steps) {
        curve.step.push_back(t);
        curve.loss.push_back(lossWindow / inWindow);
        double used = 0;
        for (char u : usedWindow) used += u;
        curve.usage.push_back(used / k);
        std::fill(usedWindow.begin(), usedWindow.end(), 0);
        lossWindow = 0.0;
        inWindow = 0;
        curve.restarts = codebook.restarts();
        result.stepsDone = t;
        control.progress(static_cast<double>(globalStep + 1) / total);
        if (hooks.onPartial) hooks.onPartial(result);
      }
    }
    // Whole-image evaluation.
    const Eigen::MatrixXd z = (centred * w.encoder.transpose()).rowwise() + w.encBias.transpose();
    Eigen::MatrixXd code(n, d);
    std::vector<int> idx(static_cast<std::size_t>(n));
    if (q == AeQuantizer::Fsq) {
      code = fsq.quantize(z);
      const auto wide = fsq.quantizeIndices(z);
      for (Eigen::Index r = 0; r < n; ++r) idx[static_cast<std::size_t>(r)] = static_cast<int>(wide[r]);
    } else {
      const NearestResult nr = nearestCodes(RowMatrixXd(z), codebook.codebook());
      for (Eigen::Index r = 0; r < n; ++r) code.row(r) = codebook.codebook().row(nr.index[r]);
      idx = nr.index;
    }
    const Eigen::MatrixXd out =
        ((code * w.decoder.transpose()).rowwise() + w.decBias.transpose()).rowwise() + mean;
    curve.finalPsnr = psnr(image, reassemblePatches(out, patches.layout));
    curve.finalUsage = usageStatsOf(idx, k).usage;
  }
  result.finished = true;
  control.progress(1.0);
  if (hooks.onPartial) hooks.onPartial(result);
  return result;
}

}  // namespace latentlab::quantization
