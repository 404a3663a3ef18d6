// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Fokker–Planck page's computation: grid solver, SDE and σ-SDE particles on the same seed,
// closed forms and the (WF) check, cached as snapshots for the time slider; the particles on an
// OpenCL device when the run control names one (fp_lab_device.cpp).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>

#include "fp_opencl.h"
#include "latentlab/common/concurrently.h"
#include "latentlab/flows/fp_lab.h"

namespace latentlab::flows {
namespace {

constexpr int kShown = 1500;      // particles kept per frame for scatter plots
constexpr int kTrajPoints = 400;  // points per drawn trajectory
constexpr int kResidualDts = 13;  // Δt = 1e-4 … 1e-1, four per decade, for the residual view
constexpr int kResidualParticles = 2000;  // particles the residual averages over (noise-free)

struct Mixture {
  std::vector<Gaussian> parts;
  std::vector<double> weights;
};

Mixture initialMixture(const FpLabParams& p, double h) {
  const Eigen::Vector2d m(p.m0x, p.dim == FpDim::Two ? p.m0y : 0.0);
  switch (p.initial) {
    case FpInitial::Gaussian:
      return {{Gaussian{m, p.v0}}, {1.0}};
    case FpInitial::TwoBump:
      return {{Gaussian{m, p.v0}, Gaussian{-m, p.v0}}, {0.5, 0.5}};
    case FpInitial::PointMass:
      // A point mass as a Gaussian a quarter cell wide: the grid sees (almost) one cell.
      return {{Gaussian{m, 0.0625 * h * h}}, {1.0}};
  }
  return {};
}

struct Moments {
  Eigen::Vector2d mean = Eigen::Vector2d::Zero();
  double var = 0.0;   // of coordinate 1
  double varY = std::numeric_limits<double>::quiet_NaN();  // of coordinate 2 (2-D)
};

Moments gridMoments(const FpGrid& grid, const std::vector<double>& p) {
  const int n = grid.n();
  double s = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
  for (int j = 0; j < (grid.dim() == 2 ? n : 1); ++j)
    for (int i = 0; i < n; ++i) {
      const double w = p[j * n + i];
      const double x = grid.center(i), y = grid.dim() == 2 ? grid.center(j) : 0.0;
      s += w;
      sx += w * x;
      sy += w * y;
      sxx += w * x * x;
      syy += w * y * y;
    }
  Moments m;
  if (s <= 0) return m;
  m.mean = Eigen::Vector2d(sx / s, sy / s);
  m.var = sxx / s - m.mean[0] * m.mean[0];
  if (grid.dim() == 2) m.varY = syy / s - m.mean[1] * m.mean[1];
  return m;
}

// Closed form on the grid's cells at time t; false when there is none.
bool closedForm(const FpLabParams& p, const Drift& d, const Mixture& mix, double t, FpGrid& out) {
  if (d.linear()) {
    std::vector<Gaussian> parts;
    for (const auto& g : mix.parts) parts.push_back(*evolveGaussian(d, g, t));
    out.setMixture(parts, mix.weights);
    return true;
  }
  // Double well: only the stationary law exp(−2U/g²)/Z is known.
  if (d.g <= 0.0) return false;
  auto& q = out.density();
  const int n = out.n();
  double s = 0.0;
  for (int j = 0; j < (out.dim() == 2 ? n : 1); ++j)
    for (int i = 0; i < n; ++i) {
      const double x = out.center(i), y = out.dim() == 2 ? out.center(j) : 0.0;
      const double u = (x * x - 1.0) * (x * x - 1.0) + y * y;
      q[j * n + i] = std::exp(-2.0 * u / (d.g * d.g));
      s += q[j * n + i];
    }
  for (double& v : q) v /= s * out.cellVolume();
  (void)p;
  return true;
}

// Trajectories as matrices and the left side of (WF) from the frames computed so far.
void finishResult(FpLabResult& r, const std::vector<std::vector<double>>& trajA,
                  const std::vector<std::vector<double>>& trajB) {
  const int rows = static_cast<int>(r.trajTimes.size());
  const int dim = r.dim;
  r.trajSde.clear();
  r.trajSigma.clear();
  for (std::size_t k = 0; k < trajA.size(); ++k) {
    r.trajSde.push_back(Eigen::Map<const Eigen::Matrix<double, -1, -1, Eigen::RowMajor>>(
        trajA[k].data(), rows, dim));
    r.trajSigma.push_back(Eigen::Map<const Eigen::Matrix<double, -1, -1, Eigen::RowMajor>>(
        trajB[k].data(), rows, dim));
  }
  // Left side of (WF): d/dt E φ by central differences between frames (one-sided at the ends).
  const auto& sn = r.snapshots;
  const int fcount = static_cast<int>(sn.size());
  r.wfLhs.clear();
  for (int i = 0; i < fcount; ++i) {
    const int a = std::max(0, i - 1), b = std::min(fcount - 1, i + 1);
    r.wfLhs.push_back(b > a ? (sn[b].phiMean - sn[a].phiMean) / (sn[b].t - sn[a].t) : 0.0);
  }
}

Eigen::MatrixXd shown(const ParticleCloud& c) {
  const int rows = std::min(c.count(), kShown);
  Eigen::MatrixXd m(rows, c.dim());
  for (int k = 0; k < rows; ++k)
    for (int a = 0; a < c.dim(); ++a) m(k, a) = c.positions()[k * c.dim() + a];
  return m;
}

}  // namespace

void testFunction(FpPhi phi, double k, double x, double& f, double& df, double& d2f) {
  switch (phi) {
    case FpPhi::X:
      f = x, df = 1.0, d2f = 0.0;
      return;
    case FpPhi::X2:
      f = x * x, df = 2.0 * x, d2f = 2.0;
      return;
    case FpPhi::CosKx:
      f = std::cos(k * x), df = -k * std::sin(k * x), d2f = -k * k * std::cos(k * x);
      return;
    case FpPhi::Bump: {
      // exp(−(x − c)²/2) centred at c = k
      const double u = x - k, e = std::exp(-0.5 * u * u);
      f = e, df = -u * e, d2f = (u * u - 1.0) * e;
      return;
    }
  }
}

namespace {

// The whole computation with the particles on `device` (nullptr: the CPU).
FpLabResult computeOn(const FpLabParams& p, const RunControl& control, const DeviceInfo* device) {
  const auto t0 = std::chrono::steady_clock::now();
  validate(p);
  const Drift d = driftOf(p);
  const int dim = d.dim;
  FpGrid grid(dim, p.gridN, -p.box, p.box, d);
  FpGrid closedGrid(dim, p.gridN, -p.box, p.box, d);
  const Mixture mix = initialMixture(p, grid.h());
  grid.setMixture(mix.parts, mix.weights);

  FpLabResult r;
  if (device) r.deviceUse.device = device->id;  // what partial results say
  r.dim = dim;
  r.n = p.gridN;
  r.lo = grid.lo();
  r.hi = grid.hi();
  r.h = grid.h();
  r.stableDt = grid.stableDt(0.0, p.tEnd);
  const double dtMax = p.dt > 0.0 ? p.dt : p.cfl * r.stableDt;
  const int frames = p.snapshots;
  const double frameDt = p.tEnd / frames;
  // Whole steps per frame so snapshots land exactly on the requested times.
  const int perFrame = std::max(1, static_cast<int>(std::ceil(frameDt / dtMax - 1e-12)));
  r.dt = frameDt / perFrame;
  r.steps = perFrame * frames;
  r.sigmaUsed = std::min(p.sigma, d.noise(0.0));
  r.sgFallback = p.scheme == FluxScheme::ScharfetterGummel && d.noise(0.0) == 0.0;
  r.initial = grid.density();

  ParticleCloud sde(dim, p.particles, p.seed), sig(dim, p.particles, p.seed);
  sde.sampleMixture(mix.parts, mix.weights);
  sig.sampleMixture(mix.parts, mix.weights);

  const int paths = std::min(p.trajectories, p.particles);
  const int trajEvery = std::max(1, r.steps / kTrajPoints);
  std::vector<std::vector<double>> trajA(paths), trajB(paths);
  // A point of every drawn path of one cloud (`paths`: trajA for the SDE, trajB for the σ-family).
  auto recordCloud = [&](std::vector<std::vector<double>>& out, const ParticleCloud& cloud) {
    for (int k = 0; k < paths; ++k)
      for (int a = 0; a < dim; ++a) out[k].push_back(cloud.positions()[k * dim + a]);
  };
  auto record = [&](double t) {
    r.trajTimes.push_back(t);
    recordCloud(trajA, sde);
    recordCloud(trajB, sig);
  };

  const double mass0 = grid.mass();
  double minP = std::numeric_limits<double>::infinity();
  auto snapshot = [&](double t) {
    FpSnapshot s;
    s.t = t;
    s.pde = grid.density();
    s.mass = grid.mass();
    const double vol = grid.cellVolume();
    s.histSde = histogram(grid, sde.positions(), sde.count());
    s.histSigma = histogram(grid, sig.positions(), sig.count());
    s.shownSde = shown(sde);
    s.shownSigma = shown(sig);
    s.tvSde = totalVariation(s.histSde, s.pde, vol);
    s.tvSigma = totalVariation(s.histSigma, s.pde, vol);
    s.noiseFloor = mcNoiseFloor(s.pde, vol, p.particles);
    const Moments pm = gridMoments(grid, s.pde);
    s.meanPde = pm.mean;
    s.varPde = pm.var;
    s.meanSde = Eigen::Vector2d(sde.mean(0), dim == 2 ? sde.mean(1) : 0.0);
    s.meanSigma = Eigen::Vector2d(sig.mean(0), dim == 2 ? sig.mean(1) : 0.0);
    s.varSde = sde.variance(0);
    s.varSigma = sig.variance(0);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    s.varPdeY = pm.varY;
    s.varSdeY = dim == 2 ? sde.variance(1) : nan;
    s.varSigmaY = dim == 2 ? sig.variance(1) : nan;
    s.tvPdeClosed = nan;
    s.meanClosed = Eigen::Vector2d::Constant(nan);
    s.varClosed = nan;
    s.varClosedY = nan;
    if (closedForm(p, d, mix, t, closedGrid)) {
      r.hasClosedForm = true;
      r.stationaryClosedForm = !d.linear();
      s.closed = closedGrid.density();
      s.tvPdeClosed = totalVariation(s.pde, s.closed, vol);
      if (d.linear()) {
        // Mixture moments from the evolved components (exact, not from the cells).
        Eigen::Vector2d m = Eigen::Vector2d::Zero();
        double second = 0.0, secondY = 0.0;
        for (std::size_t c = 0; c < mix.parts.size(); ++c) {
          const Gaussian gt = *evolveGaussian(d, mix.parts[c], t);
          m += mix.weights[c] * gt.mean;
          second += mix.weights[c] * (gt.var + gt.mean[0] * gt.mean[0]);
          secondY += mix.weights[c] * (gt.var + gt.mean[1] * gt.mean[1]);
        }
        s.meanClosed = m;
        s.varClosed = second - m[0] * m[0];
        if (dim == 2) s.varClosedY = secondY - m[1] * m[1];
      } else {
        const Moments cm = gridMoments(closedGrid, s.closed);
        s.meanClosed = cm.mean;
        s.varClosed = cm.var;
        s.varClosedY = cm.varY;
      }
    }
    // (WF) right side from the SDE particles: E[f·∇φ + ½g²Δφ], φ acting on coordinate 1.
    double sumF = 0.0, sumR = 0.0, f[2];
    const double g = d.noise(t);
    for (int k = 0; k < sde.count(); ++k) {
      const double* x = &sde.positions()[k * dim];
      double phi, dphi, d2phi;
      testFunction(p.phi, p.k, x[0], phi, dphi, d2phi);
      d.eval(x, t, f);
      sumF += phi;
      sumR += f[0] * dphi + 0.5 * g * g * d2phi;
    }
    s.phiMean = sumF / sde.count();
    s.phiRhs = sumR / sde.count();
    // Residual vs Δt over the first particles; the noise is averaged in closed form.
    const auto headEnd = static_cast<std::ptrdiff_t>(std::min(sde.count(), kResidualParticles));
    const std::vector<double> head(sde.positions().begin(),
                                   sde.positions().begin() + headEnd * dim);
    s.wfParticles = Eigen::Map<const Eigen::Matrix<double, -1, -1, Eigen::RowMajor>>(
        head.data(), static_cast<Eigen::Index>(headEnd), dim);
    r.residualParticles = static_cast<int>(headEnd);
    double lap = 0.0;
    for (int k = 0; k < static_cast<int>(head.size()) / dim; ++k) {
      double phi, dphi, d2phi;
      testFunction(p.phi, p.k, head[static_cast<std::size_t>(k) * dim], phi, dphi, d2phi);
      lap += d2phi;
    }
    s.itoTerm = 0.5 * g * g * lap / (static_cast<double>(head.size()) / dim);
    for (double h : r.residualDt)
      s.wfResidual.push_back(wfStepResidual(d, p.phi, p.k, head, dim, t, h));
    for (double v : s.pde) minP = std::min(minP, v);
    r.edgeMass = std::max(r.edgeMass, grid.edgeMass());
    r.massDrift = std::max(r.massDrift, std::abs(s.mass - mass0) / mass0);
    r.snapshots.push_back(std::move(s));
  };

  for (int i = 0; i < kResidualDts; ++i) r.residualDt.push_back(std::pow(10.0, -4.0 + 0.25 * i));
  // The frames so far, for the page to show while the rest is computed.
  auto publish = [&] {
    FpLabResult part = r;
    part.partial = true;
    part.minDensity = minP;
    finishResult(part, trajA, trajB);
    control.partial(std::make_shared<const FpLabResult>(std::move(part)));
  };
  snapshot(0.0);
  record(0.0);
  // A linear drift keeps a single Gaussian Gaussian: its score is known in closed form.
  r.closedFormScore = p.score == FpScore::ClosedForm && d.linear() && mix.parts.size() == 1;
  const bool needScore = !r.closedFormScore &&
                         (r.sigmaUsed < d.noise(p.tEnd) || r.sigmaUsed < d.noise(0.0));
  // No noise in the σ-family (σ = 0, or g = 0 throughout): the probability-flow ODE, integrated
  // with a Runge–Kutta method instead of Euler's first order.
  r.sigmaIsOde = std::min(p.sigma, d.noise(0.0)) == 0.0 && std::min(p.sigma, d.noise(p.tEnd)) == 0.0;
  r.odeIntegrator = p.odeIntegrator;
  const Gaussian* start = r.closedFormScore ? &mix.parts.front() : nullptr;
  std::vector<double> keptX, keptY;  // the grid's score at the start of the step (ODE stages)
  if (control.partialDue()) publish();  // the first frame: p₀ on the grid and the particles
  // The σ-family's step: an SDE (closed-form or grid score) or the probability-flow ODE.
  auto sigmaSdeStep = [&](double t) {
    if (r.closedFormScore) {
      const Gaussian law = *evolveGaussian(d, mix.parts.front(), t);
      sig.step(d, p.sigma, nullptr, t, r.dt, &law);
    } else {
      sig.step(d, p.sigma, &grid, t, r.dt);
    }
  };
  auto sigmaOdeStep = [&](double t, int begin, int end) {
    Gaussian laws[3];  // the closed-form marginal at t, t + Δt/2, t + Δt
    if (start)
      for (const Stage st : {Stage::Start, Stage::Middle, Stage::End})
        laws[static_cast<int>(st)] = *evolveGaussian(d, *start, stageTime(st, t, r.dt));
    sig.odeStep(d, p.odeIntegrator, t, r.dt, [&](const double* x, Stage stage, double* out) {
      if (start) {
        const Gaussian& law = laws[static_cast<int>(stage)];
        for (int a = 0; a < dim; ++a) out[a] = -(x[a] - law.mean[a]) / law.var;
      } else if (stage == Stage::Start || p.odeIntegrator == Solver::Euler) {
        grid.scoreWith(keptX, keptY, x, out);
      } else if (stage == Stage::End) {
        grid.score(x, out);
      } else {
        double a[2], b[2];
        grid.scoreWith(keptX, keptY, x, a);
        grid.score(x, b);
        for (int i = 0; i < dim; ++i) out[i] = 0.5 * (a[i] + b[i]);
      }
    }, begin, end);
  };
  auto endOfStep = [&](int step) {  // frames and partial results after `step` + 1 steps
    if ((step + 1) % perFrame == 0) {
      snapshot(p.tEnd * ((step + 1) / perFrame) / frames);
      if (control.partialDue()) publish();
    }
    if (step % 16 == 0) control.progress(static_cast<double>(step) / r.steps);
  };
  if (device) {
    detail::stepFpOnDevice({p, d, r, grid, sde, sig, start, needScore, perFrame, trajEvery, paths,
                            keptX, keptY, sigmaSdeStep, sigmaOdeStep, record, endOfStep},
                           control, *device);
  } else if (!needScore) {
    // Grid and particles are independent here (the defaults): a frame's steps run on two cores,
    // meeting once per frame (once per step, a thread the GUI preempted kept the other spinning).
    // One side steps the grid and the σ-family, the other the SDE cloud; the probability-flow
    // ODE draws no noise, so its particles split between the sides to balance them: per step a
    // grid cell costs about 0.85 of an ODE particle and an SDE particle 1.15 (perf, defaults).
    // The grid's side keeps at least the drawn paths, which it records. Each side writes only
    // its own state, so the numbers are those of one thread
    // (FpLab.TheConcurrentStepGivesTheSerialNumbers).
    const int n = sig.count();
    const double cells = std::pow(static_cast<double>(p.gridN), dim);
    const int split =
        r.sigmaIsOde
            ? std::clamp(static_cast<int>(std::lround((2.15 * n - 0.85 * cells) / 2.0)), paths, n)
            : n;
    for (int frame = 0; frame < frames; ++frame) {
      const int first = frame * perFrame, last = first + perFrame;
      runConcurrently(
          [&] {
            for (int step = first; step < last; ++step) {
              control.checkCancelled();
              const double t = step * r.dt;
              grid.step(p.scheme, t, r.dt);
              if (r.sigmaIsOde)
                sigmaOdeStep(t, 0, split);
              else
                sigmaSdeStep(t);
              if ((step + 1) % trajEvery == 0) {
                r.trajTimes.push_back((step + 1) * r.dt);
                recordCloud(trajB, sig);
              }
            }
          },
          [&] {
            for (int step = first; step < last; ++step) {
              control.checkCancelled();
              sde.step(d, d.noise(step * r.dt), nullptr, step * r.dt, r.dt);
              if (split < n) sigmaOdeStep(step * r.dt, split, n);
              if ((step + 1) % trajEvery == 0) recordCloud(trajA, sde);
            }
          });
      endOfStep(last - 1);
    }
  } else {
    for (int step = 0; step < r.steps; ++step) {
      control.checkCancelled();
      const double t = step * r.dt;
      // The σ-family reads the grid's score: before the grid steps (SDE, ODE start) and after
      // it (ODE stages at t + Δt).
      grid.updateScore();
      if (r.sigmaIsOde) {
        keptX = grid.scoreX();
        keptY = grid.scoreY();
      } else {
        sigmaSdeStep(t);
      }
      sde.step(d, d.noise(t), nullptr, t, r.dt);
      grid.step(p.scheme, t, r.dt);
      if (r.sigmaIsOde) {
        if (p.odeIntegrator != Solver::Euler) grid.updateScore();
        sigmaOdeStep(t, 0, sig.count());
      }
      if ((step + 1) % trajEvery == 0) record((step + 1) * r.dt);
      endOfStep(step);
    }
  }
  r.minDensity = minP;
  finishResult(r, trajA, trajB);
  control.progress(1.0);
  r.elapsedMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace

FpLabResult computeFpLab(const FpLabParams& p, const RunControl& control) {
  DeviceUse use;
  FpLabResult r = runOnDevice(
      control, use, [&](const DeviceInfo& info) { return computeOn(p, control, &info); },
      [&] { return computeOn(p, control, nullptr); });
  r.deviceUse = std::move(use);
  return r;
}

}  // namespace latentlab::flows
