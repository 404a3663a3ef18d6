// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// ODE integrators, straightness and sliced W2 (straightness: Liu et al. 2023).
#include <algorithm>
#include <cmath>
#include <numbers>

#include "latentlab/common/errors.h"
#include "latentlab/common/rng.h"
#include "latentlab/flows/reflow.h"

namespace latentlab::flows {

int evaluationsPerStep(Solver s) {
  switch (s) {
    case Solver::Euler: return 1;
    case Solver::Heun: return 2;
    case Solver::Rk4: return 4;
  }
  return 1;
}

Eigen::MatrixXd integrate(const VelocityFn& v, const Eigen::MatrixXd& z0, int steps, Solver solver,
                          const std::function<void(int, const Eigen::MatrixXd&)>& onStep,
                          const RunControl& control) {
  if (steps < 1)
    throw ParamError("steps", "steps must be at least 1, got " + std::to_string(steps));
  if (!z0.allFinite()) throw ParamError("z0", "starting points contain NaN or infinity");
  const double h = 1.0 / steps;
  Eigen::MatrixXd z = z0;
  for (int i = 0; i < steps; ++i) {
    control.checkCancelled();
    const double t = i * h;
    z = solverStep(solver, z, h, [&](const Eigen::MatrixXd& x, Stage stage) {
      return v(x, stageTime(stage, t, h));
    });
    if (onStep) onStep(i + 1, z);
  }
  return z;
}

Straightness measureStraightness(const VelocityFn& v, const Eigen::MatrixXd& z0, int steps,
                                 const RunControl& control) {
  std::vector<Eigen::MatrixXd> path{z0};
  path.reserve(static_cast<std::size_t>(steps) + 1);
  Straightness s;
  s.z1 = integrate(v, z0, steps, Solver::Rk4,
                   [&](int, const Eigen::MatrixXd& z) { path.push_back(z); }, control);
  const Eigen::MatrixXd disp = s.z1 - z0;
  const double n = static_cast<double>(z0.rows());
  double acc = 0.0;
  for (int i = 0; i <= steps; ++i) {
    control.checkCancelled();
    const double w = (i == 0 || i == steps) ? 0.5 : 1.0;
    const Eigen::MatrixXd vi = v(path[static_cast<std::size_t>(i)], static_cast<double>(i) / steps);
    acc += w * (disp - vi).rowwise().squaredNorm().sum() / n;
  }
  s.straightness = acc / steps;
  s.cost = disp.rowwise().squaredNorm().sum() / n;
  return s;
}

double slicedW2(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, int directions) {
  if (a.rows() != b.rows() || a.cols() != b.cols() || a.rows() == 0)
    throw ParamError("points", "sliced W2 needs two non-empty point sets of equal size");
  const int d = static_cast<int>(a.cols());
  Rng rng(12345);  // fixed directions: the metric itself must be deterministic
  double total = 0.0;
  for (int l = 0; l < directions; ++l) {
    Eigen::VectorXd u(d);
    if (d == 2) {
      const double th = std::numbers::pi * l / directions;
      u << std::cos(th), std::sin(th);
    } else {
      for (int c = 0; c < d; ++c) u[c] = rng.normal();
      u.normalize();
    }
    Eigen::VectorXd pa = a * u, pb = b * u;
    std::sort(pa.begin(), pa.end());
    std::sort(pb.begin(), pb.end());
    total += (pa - pb).squaredNorm() / static_cast<double>(a.rows());
  }
  return total / directions;
}

}  // namespace latentlab::flows
