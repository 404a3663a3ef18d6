// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The ReFlow → WGAN-GP toy (kexue.fm/archives/9668): target presets, metrics and the outer loop.
#include "latentlab/flows/wgan_lab.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <numbers>
#include <optional>
#include <tuple>
#include <utility>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/flows/reflow.h"
#include "latentlab/flows/wgan_flow.h"
#include "latentlab/flows/wgan_generator.h"

namespace latentlab::flows {
namespace {

constexpr int kGrid = 64;          // critic heat-map resolution
constexpr int kArrows = 15;        // arrow lattice per axis
constexpr int kShownInterp = 200;  // interpolants kept per snapshot
constexpr int kProjections = 64;   // SW2 directions
constexpr int kKdeSamples = 2000;  // reference set of the KDE NLL
constexpr double kKdeWidth = 0.1;

Eigen::MatrixXd gaussianCloud(int n, double sd, Rng& rng) {
  Eigen::MatrixXd x(n, 2);
  for (int i = 0; i < n; ++i)
    for (int k = 0; k < 2; ++k) x(i, k) = sd * rng.normal();
  return x;
}

double logSumExp(const Eigen::VectorXd& v) {
  const double m = v.maxCoeff();
  return m + std::log((v.array() - m).exp().sum());
}

// Mean −log p of the rows of x under an isotropic Gaussian mixture with equal weights.
double mixtureNll(const Eigen::MatrixXd& x, const Eigen::MatrixXd& centres, double sd) {
  const double logNorm = std::log(static_cast<double>(centres.rows())) +
                         std::log(2.0 * std::numbers::pi * sd * sd);
  double total = 0.0;
  Eigen::VectorXd e(centres.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    for (Eigen::Index k = 0; k < centres.rows(); ++k)
      e(k) = -(x.row(i) - centres.row(k)).squaredNorm() / (2.0 * sd * sd);
    total += logNorm - logSumExp(e);
  }
  return total / static_cast<double>(x.rows());
}

Eigen::MatrixXd eightCentres() {
  Eigen::MatrixXd c(8, 2);
  for (int k = 0; k < 8; ++k) {
    c(k, 0) = 2.0 * std::cos(2.0 * std::numbers::pi * k / 8.0);
    c(k, 1) = 2.0 * std::sin(2.0 * std::numbers::pi * k / 8.0);
  }
  return c;
}

constexpr double kTriangleD = 10.0;     // RF tutorial triangle: D = 10, variance 0.3
constexpr double kDrawnWidth = 0.05;    // std of each drawn point's bump

Eigen::MatrixXd drawnPoints(const std::vector<double>& drawn) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(drawn.size() / 2), 2);
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    m(i, 0) = drawn[static_cast<std::size_t>(2 * i)];
    m(i, 1) = drawn[static_cast<std::size_t>(2 * i + 1)];
  }
  return m;
}

// The presets that are isotropic equal-weight Gaussian mixtures: centres and common std.
struct TargetMixture {
  Eigen::MatrixXd centres;
  double sd;
};
std::optional<TargetMixture> targetMixture(WganTarget target, const std::vector<double>& drawn) {
  switch (target) {
    case WganTarget::EightGaussians: return TargetMixture{eightCentres(), 0.1};
    case WganTarget::EightGaussiansWide: return TargetMixture{eightCentres(), 0.2};
    case WganTarget::Triangle: {
      // The tutorial's p1 (pointing up), as in the ReFlow page.
      const double a = kTriangleD * std::sqrt(3.0) / 2.0, b = kTriangleD / 2.0;
      Eigen::MatrixXd c(3, 2);
      c << -a, -b, a, -b, 0.0, a;
      return TargetMixture{c, std::sqrt(0.3)};
    }
    case WganTarget::Drawn: return TargetMixture{drawnPoints(drawn), kDrawnWidth};
    default: return std::nullopt;
  }
}

double targetNll(WganTarget target, const std::vector<double>& drawn, const Eigen::MatrixXd& x,
                 const Eigen::MatrixXd& kde) {
  if (const auto m = targetMixture(target, drawn)) return mixtureNll(x, m->centres, m->sd);
  return mixtureNll(x, kde, kKdeWidth);  // empirical presets: KDE of a fixed reference set
}

// The exact ReFlow velocity at t = 0 from the ReFlow core (MixtureVelocity, v* = E[x1 − x0 | x_t]):
// source = one isotropic Gaussian fitted to the cloud, target = the preset's mixture (8 Gaussians,
// triangle, drawn) or this
// round's real batch as point masses. At t = 0 the weights depend on the source component only,
// so v*(x, 0) = E[x1] − x whatever the source's shape — the fit just keeps c_jk > 0.
MixtureVelocity exactVelocity(WganTarget target, const std::vector<double>& drawn,
                              const Eigen::MatrixXd& x0, const Eigen::MatrixXd& x1) {
  Mixture source;
  source.means = x0.colwise().mean();
  const double var = (x0.rowwise() - x0.colwise().mean()).squaredNorm() / (2.0 * x0.rows());
  source.stds = Eigen::VectorXd::Constant(1, std::max(std::sqrt(var), 1e-3));
  source.weights = Eigen::VectorXd::Ones(1);
  Mixture data;
  if (const auto m = targetMixture(target, drawn)) {
    data.means = m->centres;
    data.stds = Eigen::VectorXd::Constant(m->centres.rows(), m->sd);
  } else {
    data.means = x1;
    data.stds = Eigen::VectorXd::Zero(x1.rows());
  }
  data.weights = Eigen::VectorXd::Constant(data.means.rows(), 1.0 / data.means.rows());
  return MixtureVelocity(std::move(source), std::move(data));
}

// Mean cosine and least-squares scale s (F ≈ s·V) between two fields sampled at the same points.
std::pair<double, double> agreement(const Eigen::MatrixXd& f, const Eigen::MatrixXd& v) {
  double cosSum = 0.0, dot = 0.0, vv = 0.0;
  int counted = 0;
  for (Eigen::Index i = 0; i < f.rows(); ++i) {
    const double d = f.row(i).dot(v.row(i)), nf = f.row(i).norm(), nv = v.row(i).norm();
    dot += d;
    vv += nv * nv;
    if (nf > 1e-12 && nv > 1e-12) {
      cosSum += d / (nf * nv);
      ++counted;
    }
  }
  return {counted > 0 ? cosSum / counted : 0.0, vv > 0.0 ? dot / vv : 0.0};
}

// The critic of one round, whichever variant: scalar D (RFF or MLP) or a free field v.
struct RoundCritic {
  std::optional<RffCritic> rff;
  std::optional<MlpCritic> mlp;
  std::optional<RffFreeField> free;
  Eigen::VectorXd value(const Eigen::MatrixXd& x) const {
    if (rff) return rff->value(x);
    if (mlp) return mlp->value(x);
    return free->value(x, 0.0).rowwise().norm();  // no scalar critic: ‖v‖
  }
  Eigen::MatrixXd field(const Eigen::MatrixXd& x) const {
    if (rff) return rff->gradient(x);
    if (mlp) return mlp->gradient(x);
    return free->value(x, 0.0);  // the t = 0 slice for the time-dependent field
  }
};

}  // namespace

double targetExtent(WganTarget target, const std::vector<double>& drawn) {
  if (target == WganTarget::Triangle) return 11.5;
  if (target == WganTarget::Drawn && !drawn.empty()) {
    double r = 0.0;
    for (double v : drawn) r = std::max(r, std::abs(v));
    return std::max(3.0, r + 0.5);
  }
  return 3.0;
}

Eigen::MatrixXd sampleTarget(WganTarget target, int n, std::uint64_t seed,
                             const std::vector<double>& drawn) {
  if (target == WganTarget::Drawn && drawn.size() < 2)
    throw ParamError("drawn", "the drawn target needs one point at least: click the canvas");
  Rng rng(seed);
  Eigen::MatrixXd x(n, 2);
  const auto mixture = targetMixture(target, drawn);
  for (int i = 0; i < n; ++i) {
    switch (target) {
      case WganTarget::EightGaussians:
      case WganTarget::EightGaussiansWide:
      case WganTarget::Triangle:
      case WganTarget::Drawn: {
        const auto k = static_cast<Eigen::Index>(
            rng.next() % static_cast<std::uint64_t>(mixture->centres.rows()));
        x(i, 0) = mixture->centres(k, 0) + mixture->sd * rng.normal();
        x(i, 1) = mixture->centres(k, 1) + mixture->sd * rng.normal();
        break;
      }
      case WganTarget::TwoMoons: {
        // Moons: upper (cos θ, sin θ), lower (1 − cos θ, 0.5 − sin θ), noise 0.05, centred, × 2.
        const double th = std::numbers::pi * rng.uniform();
        const bool upper = rng.uniform() < 0.5;
        const double px = upper ? std::cos(th) : 1.0 - std::cos(th);
        const double py = upper ? std::sin(th) : 0.5 - std::sin(th);
        x(i, 0) = 2.0 * (px + 0.05 * rng.normal() - 0.5);
        x(i, 1) = 2.0 * (py + 0.05 * rng.normal() - 0.25);
        break;
      }
      case WganTarget::Checkerboard: {
        // Uniform in the 8 cells (i + j even) of a 4 × 4 board on [−2, 2]².
        const int cell = static_cast<int>(rng.next() % 8);
        const int row = cell / 2;
        const int col = 2 * (cell % 2) + (row % 2);
        x(i, 0) = -2.0 + col + rng.uniform();
        x(i, 1) = -2.0 + row + rng.uniform();
        break;
      }
    }
  }
  return x;
}

WganLabResult computeWganLab(const WganLabParams& params, const RunControl& control) {
  validate(params);
  const auto start = std::chrono::steady_clock::now();
  const WganLabParams& p = params;
  const int n = p.particles;
  Rng rng(p.seed);
  WganLabResult out;
  out.params = p;
  out.scalarCritic = p.variant == WganVariant::Gradient || p.variant == WganVariant::WganGp;
  out.real = sampleTarget(p.target, n, rng.next(), p.drawn);
  const Eigen::MatrixXd kde = sampleTarget(p.target, kKdeSamples, rng.next(), p.drawn);
  out.realNll = targetNll(p.target, p.drawn, out.real, kde);

  // Lattices for the heat map (cell centres) and the arrows, rows from the top (y = +box).
  out.viewBox = std::max(p.box, targetExtent(p.target, p.drawn));
  const double box = out.viewBox;
  Eigen::MatrixXd grid(kGrid * kGrid, 2), lattice(kArrows * kArrows, 2);
  for (int i = 0; i < kGrid; ++i)
    out.gridAxis.push_back(-box + (i + 0.5) * 2.0 * box / kGrid);
  for (int i = 0; i < kArrows; ++i)
    out.arrowAxis.push_back(-box + (i + 0.5) * 2.0 * box / kArrows);
  for (int r = 0; r < kGrid; ++r)
    for (int c = 0; c < kGrid; ++c) grid.row(r * kGrid + c) << out.gridAxis[c], out.gridAxis[kGrid - 1 - r];
  for (int r = 0; r < kArrows; ++r)
    for (int c = 0; c < kArrows; ++c)
      lattice.row(r * kArrows + c) << out.arrowAxis[c], out.arrowAxis[kArrows - 1 - r];
  // The heat map's lattice as its two axes: x by column, y by row from the top.
  Eigen::VectorXd gridX(kGrid), gridY(kGrid);
  for (int i = 0; i < kGrid; ++i) {
    gridX(i) = out.gridAxis[i];
    gridY(i) = out.gridAxis[kGrid - 1 - i];
  }

  Eigen::MatrixXd x0 = gaussianCloud(n, p.initStd, rng);
  const bool useGenerator = p.mover == WganMover::Generator;
  std::optional<MlpGenerator> gen;
  std::optional<GeneratorAdam> genAdam;
  if (useGenerator) {
    gen = MlpGenerator::init(2, p.genHidden, 2, p.initStd, rng);
    genAdam.emplace(*gen, p.genLearningRate);
  }
  const bool useMlp = p.variant == WganVariant::WganGp ||
                      (p.variant == WganVariant::Gradient && p.critic == WganCritic::Mlp);
  const int inputs = p.variant == WganVariant::TimeZero ? 3 : 2;
  const RffFeatures features = RffFeatures::draw(inputs, p.features, p.lengthScale, rng);
  const PenaltyCentre centre =
      p.variant == WganVariant::WganGp ? PenaltyCentre::One : PenaltyCentre::Zero;
  // WGAN-GP's Adam (β1 = 0, β2 = 0.9, Gulrajani et al. 2017); warm-started across rounds.
  std::optional<MlpCritic> mlp;
  std::optional<MlpAdam> adam;
  const std::uint64_t sw2Seed = rng.next();

  for (int round = 0; round <= p.rounds; ++round) {
    control.checkCancelled();
    Eigen::MatrixXd z;
    if (useGenerator) {
      z = gaussianCloud(n, 1.0, rng);  // fresh latent batch every round
      x0 = (*gen)(z);
    }
    Eigen::MatrixXd x1 = sampleTarget(p.target, n, rng.next(), p.drawn);
    // Random pairing (independent coupling), then t ~ U(0, 1) per pair.
    for (int i = n - 1; i > 0; --i) x1.row(i).swap(x1.row(static_cast<int>(rng.next() % (i + 1))));
    Eigen::VectorXd t(n);
    for (int i = 0; i < n; ++i) t(i) = rng.uniform();
    const Eigen::MatrixXd xt = (1.0 - t.array()).matrix().asDiagonal() * x0 + t.asDiagonal() * x1;

    RoundCritic critic;
    WganSnapshot snap;
    if (useMlp) {
      if (!mlp || p.reinit) {
        mlp = MlpCritic::init(2, p.hidden, rng);
        adam.emplace(*mlp, p.learningRate, 0.0, 0.9);
      }
      MlpCritic grad;
      for (int s = 0; s < p.criticSteps; ++s) {
        mlpCriticLoss(*mlp, x0, x1, xt, p.lambda, centre, &grad);
        adam->step(*mlp, grad);
      }
      critic.mlp = *mlp;
      snap.criticLoss = mlpCriticLoss(*mlp, x0, x1, xt, p.lambda, centre);
      snap.distance = p.lambda * (mlp->value(x1).mean() - mlp->value(x0).mean());
    } else if (p.variant == WganVariant::Gradient) {
      critic.rff = fitRffCritic(features, x0, x1, xt, p.lambda, p.delta);
      const Eigen::MatrixXd g = critic.rff->gradient(xt);
      const double d1 = critic.rff->value(x1).mean(), d0 = critic.rff->value(x0).mean();
      snap.criticLoss = p.lambda * 0.5 * g.rowwise().squaredNorm().mean() - d1 + d0;
      snap.distance = p.lambda * (d1 - d0);
    } else {
      critic.free = fitRffFreeField(features, xt, t, x1 - x0, p.delta);
      const Eigen::MatrixXd v = critic.free->value(xt, t);
      snap.criticLoss = 0.5 * (v - (x1 - x0)).rowwise().squaredNorm().mean();
      snap.distance = v.rowwise().squaredNorm().mean();
    }
    const Eigen::MatrixXd move = critic.field(x0);
    const MixtureVelocity exact = exactVelocity(p.target, p.drawn, x0, x1);
    snap.exactArrows = exact(lattice, 0.0);
    std::tie(snap.exactCosine, snap.exactScale) =
        agreement(out.scalarCritic ? (p.lambda * move).eval() : move, exact(x0, 0.0));
    snap.particles = x0;
    snap.interpolants = xt.topRows(std::min(n, kShownInterp));
    const Eigen::VectorXd values =
        critic.rff ? critic.rff->valueOnLattice(gridX, gridY) : critic.value(grid);
    snap.field = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic,
                                                Eigen::RowMajor>>(values.data(), kGrid, kGrid);
    snap.arrows = critic.field(lattice);
    snap.meanGrad = move.rowwise().norm().mean();
    snap.sw2 = slicedW2Seeded(x0, out.real, kProjections, sw2Seed);
    snap.nll = targetNll(p.target, p.drawn, x0, kde);
    if (round < p.rounds && useGenerator) {
      // (G-move): regress G(z) onto the moved samples, targets held fixed (stop-gradient).
      const Eigen::MatrixXd targets = x0 + p.epsilon * move;
      MlpGenerator grad;
      for (int s = 0; s < p.genSteps; ++s) {
        generatorMoveLoss(*gen, z, targets, &grad);
        genAdam->step(*gen, grad);
      }
      snap.moveResidual = std::sqrt(2.0 * generatorMoveLoss(*gen, z, targets));
    } else if (round < p.rounds) {
      x0 += p.epsilon * move;
    }
    out.snapshots.push_back(std::move(snap));
    control.progress(static_cast<double>(round + 1) / (p.rounds + 1));
    if (round < p.rounds && control.partialDue()) {
      // The rounds so far, for the page to show while the rest is computed.
      auto part = std::make_shared<WganLabResult>(out);
      part->partial = true;
      control.partial(std::shared_ptr<const WganLabResult>(std::move(part)));
    }
  }
  out.elapsedMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace latentlab::flows
