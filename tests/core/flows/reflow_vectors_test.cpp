// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Reference values (ReFlow velocity, flow map, integrators, straightness, cost).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "latentlab/common/errors.h"
#include "latentlab/flows/reflow.h"

using namespace latentlab;
using namespace latentlab::flows;

namespace {

Mixture gauss1d(std::vector<double> means, std::vector<double> stds, std::vector<double> w) {
  Mixture m;
  m.means = Eigen::Map<Eigen::VectorXd>(means.data(), static_cast<Eigen::Index>(means.size()));
  m.stds = Eigen::Map<Eigen::VectorXd>(stds.data(), static_cast<Eigen::Index>(stds.size()));
  m.weights = Eigen::Map<Eigen::VectorXd>(w.data(), static_cast<Eigen::Index>(w.size()));
  return m;
}

double v1(const MixtureVelocity& v, double x, double t) {
  return v(Eigen::MatrixXd::Constant(1, 1, x), t)(0, 0);
}

// z(T) for dz/dt = v(z, t) from t = 0 to T, RK4 with n steps: integrate the rescaled field
// dz/ds = T v(z, T s) over s ∈ [0, 1], which is the same RK4 on [0, T].
double flowTo(const MixtureVelocity& v, double z0, double T, int n) {
  const VelocityFn f = [&](const Eigen::MatrixXd& x, double s) { return (T * v(x, T * s)).eval(); };
  return integrate(f, Eigen::MatrixXd::Constant(1, 1, z0), n, Solver::Rk4)(0, 0);
}

const MixtureVelocity kTwoPoint(gauss1d({0}, {1}, {1}), gauss1d({-1, 1}, {0, 0}, {0.5, 0.5}));

}  // namespace

TEST(ReflowVectors, Row15TwoPointVelocity) {
  const double x[] = {0.3, 0.5, -0.2, 1.0, 0.0, 2.0, 0.9};
  const double t[] = {0.25, 0.5, 0.8, 0.1, 0.5, 0.5, 0.9};
  const double expected[] = {-0.2232682821, 0.5231883119, -3.9966464987, -0.9746295943,
                             0.0,           -2.0013414005, 1.0000000000};
  for (int i = 0; i < 7; ++i) {
    EXPECT_NEAR(v1(kTwoPoint, x[i], t[i]), expected[i], 1e-9) << "x=" << x[i] << " t=" << t[i];
    // The 1-D closed form agrees as well.
    const double a = 1.0, closed = (a * std::tanh(a * t[i] * x[i] / ((1 - t[i]) * (1 - t[i]))) -
                                    x[i]) / (1 - t[i]);
    EXPECT_NEAR(v1(kTwoPoint, x[i], t[i]), closed, 1e-9);
  }
}

TEST(ReflowVectors, Row16TwoPointFlowMapIsQuantileMap) {
  const double z0[] = {-1.5, -0.3, 0.1, 0.5, 1.2};
  const double T[] = {0.5, 0.9, 0.99};
  const double expected[5][3] = {{-1.05688064, -1.01094669, -1.00109467},
                                 {-0.24386798, -0.82801960, -0.98280196},
                                 {0.08229988, 0.75926086, 0.97592609},
                                 {0.39799514, 0.87021922, 0.98702192},
                                 {0.87414281, 0.97383880, 0.99738388}};
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 3; ++j)
      EXPECT_NEAR(flowTo(kTwoPoint, z0[i], T[j], 4000), expected[i][j], 1e-7)
          << "z0=" << z0[i] << " t=" << T[j];
}

TEST(ReflowVectors, Row17GmmVelocityDensityAndContinuity) {
  const MixtureVelocity v(gauss1d({0}, {1}, {1}), gauss1d({-2, 1.5}, {0.4, 0.6}, {0.3, 0.7}));
  const double x[] = {0, 1, -1.5, 2}, t[] = {0.3, 0.5, 0.7, 0.9};
  const double ev[] = {0.71614944, 1.26153783, -1.88832422, 1.98275862};
  const double er[] = {0.436237, 0.437094, 0.283119, 0.252406};
  auto rho = [&](double xx, double tt) {
    return v.density(Eigen::MatrixXd::Constant(1, 1, xx), tt)[0];
  };
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(v1(v, x[i], t[i]), ev[i], 1e-8);
    EXPECT_NEAR(rho(x[i], t[i]), er[i], 1e-6);
    const double h = 1e-4;
    const double dt = (rho(x[i], t[i] + h) - rho(x[i], t[i] - h)) / (2 * h);
    const double dx = (rho(x[i] + h, t[i]) * v1(v, x[i] + h, t[i]) -
                       rho(x[i] - h, t[i]) * v1(v, x[i] - h, t[i])) / (2 * h);
    EXPECT_LT(std::abs(dt + dx), 1e-6) << "continuity residual at x=" << x[i];
  }
}

TEST(ReflowVectors, Row18IntegratorOrders) {
  // Gauss → Gauss, m = 2, s = 0.7, z0 = −1.3: exact Z1 = m + s z0 = 1.09.
  const MixtureVelocity v(gauss1d({0}, {1}, {1}), gauss1d({2}, {0.7}, {1}));
  const VelocityFn f = [&](const Eigen::MatrixXd& x, double t) { return v(x, t); };
  const Eigen::MatrixXd z0 = Eigen::MatrixXd::Constant(1, 1, -1.3);
  EXPECT_NEAR(integrate(f, z0, 1, Solver::Euler)(0, 0), 2.0, 1e-12);
  const double expected[3][3] = {{1.880e-2, 9.448e-3, 4.736e-3},
                                 {4.030e-5, 1.042e-5, 2.649e-6},
                                 {7.04e-10, 4.70e-11, 3.03e-12}};
  const double order[3] = {1, 2, 4};
  const Solver solvers[3] = {Solver::Euler, Solver::Heun, Solver::Rk4};
  for (int s = 0; s < 3; ++s) {
    double err[3];
    for (int k = 0; k < 3; ++k) {
      err[k] = std::abs(integrate(f, z0, 64 << k, solvers[s])(0, 0) - 1.09);
      // Three significant digits as printed in the reference (RK4 at N = 256 nears round-off).
      EXPECT_NEAR(err[k], expected[s][k], (s == 2 && k == 2 ? 0.1 : 0.01) * expected[s][k]);
    }
    for (int k = 0; k < 2; ++k) {
      const double p = std::log2(err[k] / err[k + 1]);
      EXPECT_GT(p, 0.9 * order[s]);
      EXPECT_LT(p, 1.1 * order[s]);
    }
  }
}

TEST(ReflowVectors, Row19And20StraightnessAndCost) {
  const double sList[] = {0.5, 0.7, 1.0, 2.0};
  const double sExpected[] = {0.2146018366, 0.3004425712, 0.4292036732, 0.8584073464};
  Eigen::MatrixXd z0(5, 1);
  z0 << -1.5, -0.3, 0.1, 0.5, 1.2;
  for (int i = 0; i < 4; ++i) {
    const double s = sList[i], m = 2.0;
    const MixtureVelocity v(gauss1d({0}, {1}, {1}), gauss1d({m}, {s}, {1}));
    const VelocityFn f = [&](const Eigen::MatrixXd& x, double t) { return v(x, t); };
    const Straightness st = measureStraightness(f, z0, 400);  // needs N ≥ 200
    const double ez2 = z0.squaredNorm() / 5.0, ez = z0.sum() / 5.0;
    EXPECT_NEAR(st.straightness / ez2, sExpected[i], 2e-5) << "s=" << s;
    // Rectified coupling (z0, m + s z0): E(Z1 − Z0)² = m² + 2m(s−1)E z0 + (s−1)² E z0².
    EXPECT_NEAR(st.cost, m * m + 2 * m * (s - 1) * ez + (s - 1) * (s - 1) * ez2, 1e-8);
  }
  // Row 20 in closed form for standard-normal z0: 1-RF 4.09 against independent 5.49.
  EXPECT_NEAR(2.0 * 2.0 + (1 - 0.7) * (1 - 0.7), 4.09, 1e-12);
}

TEST(ReflowVectors, TwoRfOnRectifiedPairsIsNearlyStraight) {
  // 2-RF: pairs (z0, m + s z0) give v₂ = m + (s−1)(x − tm)/((1−t) + ts), straight paths.
  const double m = 2.0, s = 0.7;
  const Mixture p0 = gauss1d({0}, {1}, {1});
  const Eigen::MatrixXd a = p0.sample(4000, 3);
  const Eigen::MatrixXd b = (m + s * a.array()).matrix();
  RffOptions o;
  o.features = 128;
  o.lengthscale = 1.5;
  o.timeLengthscale = 1.0;
  o.ridge = 1e-6;
  const RffVelocity rff = RffVelocity::fit(a, b, o);
  // Probe on the rectified paths x_t = (1−t) z + t (m + s z), where the pairs put data.
  for (double z : {-1.0, 0.0, 1.0})
    for (double t : {0.0, 0.5, 1.0}) {
      const double x = (1 - t) * z + t * (m + s * z);
      const double exact = m + (s - 1) * (x - t * m) / ((1 - t) + t * s);
      EXPECT_NEAR(rff(Eigen::MatrixXd::Constant(1, 1, x), t)(0, 0), exact, 0.05);
    }
  const VelocityFn f = [&](const Eigen::MatrixXd& x, double t) { return rff(x, t); };
  const Straightness st = measureStraightness(f, p0.sample(500, 4), 64);
  EXPECT_LT(st.straightness, 0.01);  // the 1-RF has ≈ 0.30
  const Eigen::MatrixXd one = integrate(f, Eigen::MatrixXd::Constant(1, 1, -1.3), 1, Solver::Euler);
  EXPECT_NEAR(one(0, 0), 1.09, 0.05);  // one Euler step nearly exact
}

TEST(ReflowVectors, BadInputsThrowParamError) {
  const VelocityFn f = [](const Eigen::MatrixXd& x, double) { return x; };
  Eigen::MatrixXd z = Eigen::MatrixXd::Zero(3, 2);
  z(1, 1) = std::nan("");
  try {
    integrate(f, z, 4, Solver::Euler);
    FAIL() << "NaN start accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "z0");
  }
  EXPECT_THROW(integrate(f, Eigen::MatrixXd::Zero(3, 2), 0, Solver::Rk4), ParamError);
  Mixture bad = gauss1d({std::nan("")}, {1}, {1});
  try {
    MixtureVelocity(gauss1d({0}, {1}, {1}), bad);
    FAIL() << "NaN mean accepted";
  } catch (const ParamError& e) {
    EXPECT_EQ(e.key(), "target");
  }
  EXPECT_THROW(MixtureVelocity(gauss1d({0}, {-1}, {1}), gauss1d({0}, {1}, {1})), ParamError);
  EXPECT_THROW(RffVelocity::fit(z, z, RffOptions{}), ParamError);
}
