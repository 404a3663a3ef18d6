// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The ReFlow page's computation: presets, the exact 1-RF flow, and reflow
// rounds with RFF ridge, MLP or NW kernel velocities (Liu et al. 2023) for the compare, quality and
// rounds views. The exact 1-RF particles, the density and the arrows run on RunControl::device
// when it names an OpenCL device (reflow_opencl.cpp); the reflow rounds stay on the CPU.
#include <algorithm>
#include <chrono>
#include <memory>
#include <cmath>
#include <numbers>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/flows/reflow_lab.h"
#include "latentlab/flows/reflow_models.h"
#include "reflow_opencl.h"

namespace latentlab::flows {
namespace {

constexpr double kTriangleD = 10.0;  // RF tutorial: D = 10, variance 0.3
constexpr int kDensityGrid = 96;
constexpr int kQualityParticles = 400;  // NLL-vs-steps sample size
constexpr int kPairSegments = 40;
constexpr int kReferenceSteps = 64;  // RK4 reference path for Ŝ (N ≥ 64)
constexpr int kPairSteps = 32;       // RK4 steps that turn z0 into the reflow pair's z1
constexpr double kNllFloor = 0.05;   // std floor so point targets can be scored

Mixture equalPoints(const Eigen::MatrixXd& pts, double std) {
  Mixture m;
  m.means = pts;
  m.stds = Eigen::VectorXd::Constant(pts.rows(), std);
  m.weights = Eigen::VectorXd::Constant(pts.rows(), 1.0 / static_cast<double>(pts.rows()));
  return m;
}

Eigen::MatrixXd triangle(bool source) {
  const double a = kTriangleD * std::sqrt(3.0) / 2.0, b = kTriangleD / 2.0;
  const double s = source ? 1.0 : -1.0;  // p0 points down, p1 up
  Eigen::MatrixXd m(3, 2);
  m << -a, s * b, a, s * b, 0.0, -s * a;
  return m;
}

Eigen::MatrixXd moons(int n, std::uint64_t seed) {
  Rng rng(seed);
  Eigen::MatrixXd p(n, 2);
  for (int i = 0; i < n; ++i) {
    const double th = std::numbers::pi * rng.uniform();
    const bool upper = i % 2 == 0;
    const double x = upper ? std::cos(th) : 1.0 - std::cos(th);
    const double y = upper ? std::sin(th) : 0.5 - std::sin(th);
    // Centre (the shape's centre is (0.5, 0.25)) and scale by 2.
    p(i, 0) = 2.0 * (x + 0.05 * rng.normal() - 0.5);
    p(i, 1) = 2.0 * (y + 0.05 * rng.normal() - 0.25);
  }
  return p;
}

Eigen::MatrixXd checkerboard(int n, std::uint64_t seed) {
  Rng rng(seed);
  Eigen::MatrixXd p(n, 2);
  for (int i = 0; i < n; ++i) {
    // Uniform over the 8 black cells of a 4 × 4 board on [−2, 2]²: pick a cell, then a point.
    const int cell = static_cast<int>(rng.uniform() * 8.0);
    const int row = cell / 2, col = 2 * (cell % 2) + (row % 2);
    p(i, 0) = -2.0 + col + rng.uniform();
    p(i, 1) = -2.0 + row + rng.uniform();
  }
  return p;
}

double canvasBox(const Mixture& a, const Mixture& b) {
  double r = 2.5;
  for (const Mixture* m : {&a, &b})
    for (int k = 0; k < m->components(); ++k)
      r = std::max(r, m->means.row(k).cwiseAbs().maxCoeff() + 2.5 * m->stds[k]);
  return 1.1 * r;
}

FlowSummary summarise(const VelocityFn& v, const ReflowLabParams& p, const Mixture& target,
                      const Eigen::MatrixXd& z0, const Eigen::MatrixXd& reference,
                      const RunControl& control) {
  FlowSummary s;
  s.z0 = z0;
  const int nt = std::min<int>(p.trajectories, static_cast<int>(z0.rows()));
  std::vector<Eigen::MatrixXd> paths(static_cast<std::size_t>(nt),
                                     Eigen::MatrixXd(p.steps + 1, z0.cols()));
  for (int j = 0; j < nt; ++j) paths[static_cast<std::size_t>(j)].row(0) = z0.row(j);
  s.z1 = integrate(
      v, z0, p.steps, p.solver,
      [&](int i, const Eigen::MatrixXd& z) {
        for (int j = 0; j < nt; ++j) paths[static_cast<std::size_t>(j)].row(i) = z.row(j);
      },
      control);
  s.paths = std::move(paths);
  const Straightness st = measureStraightness(v, z0, kReferenceSteps, control);
  s.straightness = st.straightness;
  s.cost = st.cost;
  s.nll = target.nll(s.z1, kNllFloor);
  s.sw2 = slicedW2(s.z1, reference);
  return s;
}

}  // namespace

Eigen::MatrixXd sampleImageDensity(const quantization::ImageData& image, int n, ImageMass mass,
                                   std::uint64_t seed) {
  if (image.empty()) throw ParamError("image", "the image is empty");
  const int h = image.height(), w = image.width();
  Eigen::MatrixXd grey = image.planes[0].cast<double>();
  if (image.channels() >= 3)
    grey = 0.299 * image.planes[0].cast<double>() + 0.587 * image.planes[1].cast<double>() +
           0.114 * image.planes[2].cast<double>();
  // Row-major cumulative weights, so pixel k is (row k / w, column k % w).
  std::vector<double> cdf(static_cast<std::size_t>(h) * static_cast<std::size_t>(w));
  double acc = 0.0;
  for (int r = 0; r < h; ++r)
    for (int c = 0; c < w; ++c) {
      const double g = std::clamp(grey(r, c), 0.0, 1.0);
      acc += mass == ImageMass::Dark ? 1.0 - g : g;
      cdf[static_cast<std::size_t>(r) * static_cast<std::size_t>(w) + static_cast<std::size_t>(c)] =
          acc;
    }
  if (!(acc > 0.0))
    throw ParamError("image", mass == ImageMass::Dark
                                  ? "the image has no dark pixels to carry the mass (all white)"
                                  : "the image has no bright pixels to carry the mass (all black)");
  Rng rng(seed);
  const double scale = 4.0 / std::max(h, w);
  Eigen::MatrixXd pts(n, 2);
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform() * acc;
    const auto k = static_cast<std::size_t>(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
    const auto idx = std::min(k, cdf.size() - 1);
    const double row = static_cast<double>(idx / static_cast<std::size_t>(w));
    const double col = static_cast<double>(idx % static_cast<std::size_t>(w));
    pts(i, 0) = (col + rng.uniform() - 0.5 * w) * scale;
    pts(i, 1) = (0.5 * h - row - rng.uniform()) * scale;
  }
  return pts;
}

Mixture sourceMixture(const ReflowLabParams& p) {
  if (p.source == SourcePreset::Triangle) return equalPoints(triangle(true), std::sqrt(0.3));
  return equalPoints(Eigen::MatrixXd::Zero(1, 2), p.sourceStd);
}

Mixture targetMixture(const ReflowLabParams& p) {
  switch (p.target) {
    case TargetPreset::EightGaussians: {
      Eigen::MatrixXd m(8, 2);
      for (int k = 0; k < 8; ++k) {
        const double a = 2.0 * std::numbers::pi * k / 8.0;
        m(k, 0) = 2.0 * std::cos(a);
        m(k, 1) = 2.0 * std::sin(a);
      }
      return equalPoints(m, p.targetStd);
    }
    case TargetPreset::Triangle: return equalPoints(triangle(false), std::sqrt(0.3));
    case TargetPreset::Moons: return equalPoints(moons(p.targetPoints, p.seed + 7), p.kernelWidth);
    case TargetPreset::Checkerboard:
      return equalPoints(checkerboard(p.targetPoints, p.seed + 7), p.kernelWidth);
    case TargetPreset::Image:
      if (!p.image) throw ParamError("target", "no image loaded: open an image for this target");
      return equalPoints(sampleImageDensity(*p.image, p.targetPoints, p.imageMass, p.seed + 7),
                         p.kernelWidth);
    case TargetPreset::Drawn: {
      const Eigen::Index n = static_cast<Eigen::Index>(p.drawn.size() / 2);
      if (n < 1) throw ParamError("drawn", "draw at least one target point");
      Eigen::MatrixXd m(n, 2);
      for (Eigen::Index i = 0; i < n; ++i) {
        m(i, 0) = p.drawn[static_cast<std::size_t>(2 * i)];
        m(i, 1) = p.drawn[static_cast<std::size_t>(2 * i + 1)];
      }
      return equalPoints(m, p.kernelWidth);
    }
  }
  throw ParamError("target", "unknown target preset");
}

const Eigen::MatrixXd& ReflowLabResult::snapshot() const {
  static const Eigen::MatrixXd kEmpty;
  if (!frames || frames->empty()) return kEmpty;
  const auto i = static_cast<std::size_t>(
      std::clamp(snapshotIndex, 0, static_cast<int>(frames->size()) - 1));
  return (*frames)[i];
}

#ifndef LATENTLAB_HAVE_OPENCL
namespace detail {
Eigen::MatrixXd integrateOnOpenCl(const MixtureVelocity&, const Eigen::MatrixXd&, int, Solver,
                                  std::vector<Eigen::MatrixXd>*, const RunControl&,
                                  const DeviceInfo&, DeviceReal) {
  throw DeviceError("this build has no OpenCL backend");
}
Eigen::MatrixXd velocityOnOpenCl(const MixtureVelocity&, const Eigen::MatrixXd&, double,
                                 const DeviceInfo&, DeviceReal) {
  throw DeviceError("this build has no OpenCL backend");
}
Eigen::VectorXd densityOnOpenCl(const MixtureVelocity&, const Eigen::MatrixXd&, double,
                                const DeviceInfo&, DeviceReal) {
  throw DeviceError("this build has no OpenCL backend");
}
}  // namespace detail
#endif

namespace {

// The flow on `device` (nullptr: the CPU). float32 particles on the device: the page's exports
// agree with the CPU's double to 1e-4 (tests/core/flows/reflow_opencl_test.cpp).
void flowOn(const ReflowLabParams& p, ReflowLabResult& r, const RunControl& control,
            const DeviceInfo* device) {
  const Mixture p0 = sourceMixture(p), p1 = targetMixture(p);
  const MixtureVelocity exact(p0, p1);
  r.box = canvasBox(p0, p1);
  r.targetSamples = p1.sample(std::min(p.particles, 4000), p.seed + 1);
  // Exact 1-RF from z0 with the page solver; every frame is kept for the time slider.
  const Eigen::MatrixXd z0 = p0.sample(p.particles, p.seed);
  // Independent random pairs: their straight segments cross, the ODE paths do not.
  const int np = std::min(kPairSegments, p.particles);
  r.pairs0 = z0.topRows(np);
  r.pairs1 = r.targetSamples.topRows(np);
  const Eigen::Index ni = std::min(z0.rows(), r.targetSamples.rows());
  r.independentCost =
      (r.targetSamples.topRows(ni) - z0.topRows(ni)).rowwise().squaredNorm().mean();
  const int nt = std::min(p.trajectories, p.particles);
  const auto integ = [&](const Eigen::MatrixXd& from, std::vector<Eigen::MatrixXd>* out) {
    if (device)
      detail::integrateOnOpenCl(exact, from, p.steps, p.solver, out, control, *device);
    else
      exact.integrate(from, p.steps, p.solver, out, control, p.precision);
  };
  const auto setFrames = [&](ReflowLabResult& out,
                             std::shared_ptr<std::vector<Eigen::MatrixXd>> frames) {
    out.paths.assign(static_cast<std::size_t>(nt), Eigen::MatrixXd(p.steps + 1, 2));
    for (int i = 0; i <= p.steps; ++i)
      for (int j = 0; j < nt; ++j)
        out.paths[static_cast<std::size_t>(j)].row(i) =
            (*frames)[static_cast<std::size_t>(i)].row(j);
    out.frames = std::move(frames);
  };
  auto frames = std::make_shared<std::vector<Eigen::MatrixXd>>();
  const Eigen::Index head = kReflowPreviewParticles;
  // float32 particles (the CPU's when chosen, a device's always): their largest position error,
  // every frame of the first ones, against the same particles in double on the CPU.
  const auto measureFloat32 = [&](ReflowLabResult& out) {
    if (!device && p.precision == Arithmetic::Float64) return;
    const Eigen::Index m = std::min(head, z0.rows());
    std::vector<Eigen::MatrixXd> ref;
    exact.integrate(z0.topRows(m), p.steps, p.solver, &ref, control);
    double e = 0.0;
    for (std::size_t i = 0; i < ref.size(); ++i)
      e = std::max(e, ((*out.frames)[i].topRows(m) - ref[i]).cwiseAbs().maxCoeff());
    out.float32Error = e;
    out.float32ErrorParticles = static_cast<int>(m);
  };
  if (!control.partialDue() || z0.rows() <= head || nt > head) {
    integ(z0, frames.get());
    setFrames(r, std::move(frames));
    measureFloat32(r);
    return;
  }
  // The first particles alone, shown at once; then the rest, appended frame by frame.
  auto first = std::make_shared<std::vector<Eigen::MatrixXd>>();
  integ(z0.topRows(head), first.get());
  control.checkCancelled();
  {
    ReflowLabResult preview = r;
    setFrames(preview, first);
    computeReflowField(p, preview, control.cancelOnly());
    preview.partial = true;
    control.partial(std::move(preview));
  }
  std::vector<Eigen::MatrixXd> rest;
  integ(z0.bottomRows(z0.rows() - head), &rest);
  control.checkCancelled();
  frames->resize(rest.size());
  for (std::size_t i = 0; i < rest.size(); ++i) {
    (*frames)[i].resize(z0.rows(), z0.cols());
    (*frames)[i] << (*first)[i], rest[i];
  }
  setFrames(r, std::move(frames));
  measureFloat32(r);
}

}  // namespace

void computeReflowFlow(const ReflowLabParams& p, ReflowLabResult& r, const RunControl& control) {
  validate(p);
  DeviceUse use;
  r = runOnDevice(
      control, use,
      [&](const DeviceInfo& info) {
        ReflowLabResult out = r;
        flowOn(p, out, control, &info);
        return out;
      },
      [&] {
        ReflowLabResult out = r;
        flowOn(p, out, control, nullptr);
        return out;
      });
  r.deviceUse = std::move(use);
}

void computeReflowField(const ReflowLabParams& p, ReflowLabResult& r, const RunControl& control) {
  validate(p);
  const MixtureVelocity exact(sourceMixture(p), targetMixture(p));
  r.snapshotIndex = static_cast<int>(std::lround(p.time * p.steps));
  r.snapshotTime = static_cast<double>(r.snapshotIndex) / p.steps;
  // ρ_t on a grid (row 0 at the top, y = +box) and v on the arrow lattice.
  const int g = kDensityGrid;
  Eigen::MatrixXd grid(g * g, 2);
  for (int i = 0; i < g; ++i)
    for (int j = 0; j < g; ++j) {
      grid(i * g + j, 0) = -r.box + (j + 0.5) * 2.0 * r.box / g;
      grid(i * g + j, 1) = r.box - (i + 0.5) * 2.0 * r.box / g;
    }
  // fp64 on the device when it has it: ρ_t spans many decades on the grid, and float32's exp
  // underflows (to 0) where the CPU's double still resolves the tails.
  const auto real = [](const DeviceInfo& info) {
    return info.fp64 ? detail::DeviceReal::Float64 : detail::DeviceReal::Float32;
  };
  const Eigen::VectorXd dens = runOnDevice(
      control, r.fieldDeviceUse,
      [&](const DeviceInfo& info) {
        return detail::densityOnOpenCl(exact, grid, r.snapshotTime, info, real(info));
      },
      [&] { return exact.density(grid, r.snapshotTime); });
  r.density = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
      dens.data(), g, g);
  r.arrowBase.resize(0, 2);
  r.arrowVel.resize(0, 2);
  if (p.arrows > 0) {
    const int a = p.arrows;
    r.arrowBase.resize(a * a, 2);
    for (int i = 0; i < a; ++i)
      for (int j = 0; j < a; ++j) {
        r.arrowBase(i * a + j, 0) = -r.box + (j + 0.5) * 2.0 * r.box / a;
        r.arrowBase(i * a + j, 1) = -r.box + (i + 0.5) * 2.0 * r.box / a;
      }
    DeviceUse arrowUse;
    r.arrowVel = runOnDevice(
        control, arrowUse,
        [&](const DeviceInfo& info) {
          return detail::velocityOnOpenCl(exact, r.arrowBase, r.snapshotTime, info, real(info));
        },
        [&] { return exact(r.arrowBase, r.snapshotTime); });
    if (arrowUse.device != r.fieldDeviceUse.device) r.fieldDeviceUse = arrowUse;
  }
}

void computeReflowRounds(const ReflowLabParams& p, ReflowLabResult& r, const RunControl& control) {
  validate(p);
  r.rounds.clear();
  r.qualitySteps.clear();
  r.qualityNll.clear();
  const Mixture p0 = sourceMixture(p), p1 = targetMixture(p);
  const MixtureVelocity exact(p0, p1);
  const VelocityFn v1 = [&exact](const Eigen::MatrixXd& x, double t) { return exact(x, t); };
  const int nq = std::min(p.particles, kQualityParticles);
  const Eigen::MatrixXd zq = p0.sample(nq, p.seed + 2);
  const Eigen::MatrixXd reference = p1.sample(nq, p.seed + 3);
  r.targetEntropy = p1.nll(reference, kNllFloor);
  const bool quality = p.view == ReflowView::Quality;
  const int k = p.view == ReflowView::Rounds ? p.rounds : 2;
  const double fitShare = quality ? 0.7 : 1.0;  // progress spent on the rounds
  std::vector<VelocityFn> flows{v1};
  std::shared_ptr<const MlpVelocity> lastMlp;  // warm start of the next round
  r.rounds.push_back(summarise(v1, p, p1, zq, reference, control));
  for (int round = 2; round <= k; ++round) {
    const double lo = fitShare * (round - 2) / (k - 1), span = fitShare / (k - 1);
    RunControl sub = control;
    sub.onProgress = [&control, lo, span](double f) { control.progress(lo + 0.8 * span * f); };
    // Reflow (RF tutorial): fresh z0, integrate the previous flow accurately, fit on fixed pairs.
    const Eigen::MatrixXd a = p0.sample(p.pairs, p.seed + 10 + static_cast<std::uint64_t>(round));
    const Eigen::MatrixXd b = round == 2 ? exact.integrate(a, kPairSteps, Solver::Rk4, nullptr, control)
                                         : integrate(flows.back(), a, kPairSteps, Solver::Rk4, {},
                                                     control);
    const std::uint64_t fitSeed = p.seed + 100 + static_cast<std::uint64_t>(round);
    double fitLoss = 0.0;
    switch (p.velocity) {
      case ReflowVelocity::Rff: {
        RffOptions o;
        o.features = p.rffFeatures;
        o.lengthscale = p.rffLengthscale;
        o.ridge = p.rffRidge;
        o.seed = fitSeed;
        auto fit = std::make_shared<const RffVelocity>(RffVelocity::fit(a, b, o, sub));
        fitLoss = fit->trainingLoss();
        flows.push_back([fit](const Eigen::MatrixXd& x, double t) { return (*fit)(x, t); });
        break;
      }
      case ReflowVelocity::Mlp: {
        MlpOptions o;
        o.hidden = p.mlpHidden;
        o.iterations = p.mlpIterations;
        o.learningRate = p.mlpLr;
        o.seed = fitSeed;
        auto fit = std::make_shared<const MlpVelocity>(
            MlpVelocity::fit(a, b, o, sub, lastMlp.get()));
        fitLoss = fit->trainingLoss();
        lastMlp = fit;
        flows.push_back([fit](const Eigen::MatrixXd& x, double t) { return (*fit)(x, t); });
        break;
      }
      case ReflowVelocity::Kernel: {
        auto fit = std::make_shared<const KernelVelocity>(a, b, p.nwBandwidth);
        fitLoss = fit->residual(400, fitSeed);
        flows.push_back([fit](const Eigen::MatrixXd& x, double t) { return (*fit)(x, t); });
        break;
      }
    }
    r.rounds.push_back(summarise(flows.back(), p, p1, zq, reference, control));
    r.rounds.back().fitLoss = fitLoss;
    control.progress(fitShare * (round - 1) / (k - 1));
  }
  if (quality) {
    r.qualitySteps = {1, 2, 4, 8, 16, 32};
    for (int f = 0; f < 2; ++f) {
      std::vector<std::vector<double>> bySolver;
      for (Solver s : {Solver::Euler, Solver::Heun, Solver::Rk4}) {
        std::vector<double> nll;
        for (int n : r.qualitySteps)
          nll.push_back(p1.nll(integrate(flows[static_cast<std::size_t>(f)], zq, n, s, {}, control),
                               kNllFloor));
        bySolver.push_back(std::move(nll));
      }
      r.qualityNll.push_back(std::move(bySolver));
      control.progress(0.7 + 0.15 * (f + 1));
    }
  }
}

ReflowLabResult computeReflowLab(const ReflowLabParams& p, const RunControl& control) {
  const auto start = std::chrono::steady_clock::now();
  ReflowLabResult r;
  computeReflowFlow(p, r, control);
  computeReflowField(p, r, control.cancelOnly());
  control.checkCancelled();
  if (p.view == ReflowView::Compare || p.view == ReflowView::Quality ||
      p.view == ReflowView::Rounds)
    computeReflowRounds(p, r, control);
  control.progress(1.0);
  r.elapsedMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace latentlab::flows
