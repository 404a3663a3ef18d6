// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#pragma once
// The mathematics, its sources and the conventions chosen: docs/theory/reflow.md §4 (ODE solvers).

namespace latentlab::flows {

/// ODE integrators of the flow pages (ReFlow trajectories, Fokker–Planck probability-flow
/// particles): explicit Euler (order 1), Heun (the explicit trapezoid, order 2) and the classical
/// Runge–Kutta method (order 4); Hairer, Nørsett & Wanner, "Solving ODEs I", §II.1.
enum class Solver { Euler, Heun, Rk4 };

/// Where a stage evaluates the velocity within a step from t to t + h.
enum class Stage { Start, Middle, End };  // t, t + h/2, t + h

/// One step of `solver` for dz/dt = v(z, t): `v(state, stage)` returns the velocity at that
/// state and the stage's time. Heun: k1 = v(z, t), k2 = v(z + h k1, t + h), z + h/2 (k1 + k2).
/// RK4: k1 at t, k2 = v(z + h/2 k1, t + h/2), k3 = v(z + h/2 k2, t + h/2), k4 = v(z + h k3, t + h),
/// z + h/6 (k1 + 2k2 + 2k3 + k4). State is anything with + and scalar * (Eigen matrices).
template <class State, class Velocity>
State solverStep(Solver solver, const State& z, double step, const Velocity& v) {
  // The step and the constants in the state's own precision (float32 particles stay in float).
  using Real = typename State::Scalar;
  const Real h = static_cast<Real>(step), half = Real(0.5), two = Real(2);
  switch (solver) {
    case Solver::Euler:
      break;
    case Solver::Heun: {
      const State k1 = v(z, Stage::Start);
      const State k2 = v(State(z + h * k1), Stage::End);
      return z + (half * h) * (k1 + k2);
    }
    case Solver::Rk4: {
      const State k1 = v(z, Stage::Start);
      const State k2 = v(State(z + (half * h) * k1), Stage::Middle);
      const State k3 = v(State(z + (half * h) * k2), Stage::Middle);
      const State k4 = v(State(z + h * k3), Stage::End);
      return z + (h / Real(6)) * (k1 + two * k2 + two * k3 + k4);
    }
  }
  return z + h * v(z, Stage::Start);
}

/// Time of `stage` in the step from t to t + h.
inline double stageTime(Stage stage, double t, double h) {
  return stage == Stage::Start ? t : stage == Stage::Middle ? t + 0.5 * h : t + h;
}

/// "euler", "heun", "rk4" (the field ids).
inline const char* solverId(Solver s) {
  return s == Solver::Euler ? "euler" : s == Solver::Heun ? "heun" : "rk4";
}

}  // namespace latentlab::flows
