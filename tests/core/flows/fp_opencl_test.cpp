// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Fokker–Planck particles on OpenCL devices (core/src/flows/fp_opencl.cpp): the
// counter-based noise against the host's bit for bit, the float32 Euler–Maruyama steps against a
// double reference on the same noise for every drift, the device cloud's law against the exact
// discrete law of Euler–Maruyama for OU, and the page's computation on each device against its
// CPU run (docs/theory/fokker_planck.md §11, "On an OpenCL device").
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "flows/fp_opencl.h"
#include "latentlab/flows/fp_lab.h"
#include "tests/core/device_ids.h"
#ifdef LATENTLAB_HAVE_OPENCL
#include "common/opencl/cl_runtime.h"
#include "kernels/flows/fp_particles.cl.h"
#endif

namespace latentlab::flows {
namespace {

#ifdef LATENTLAB_HAVE_OPENCL
#define FP_REQUIRE_DEVICES(ids) LATENTLAB_REQUIRE_OPENCL_DEVICES(ids)
#else
#define FP_REQUIRE_DEVICES(ids) \
  GTEST_SKIP() << "this build has no OpenCL backend: the device test did not run"
#endif

using detail::counterNormals;
using detail::FpDeviceCloud;

// ParticleCloud::step's arithmetic in double with the device's counter-based noise.
void referenceStep(const Drift& d, double sigma, double t, double dt, std::uint32_t step,
                   std::uint64_t seed, const Gaussian* law, std::vector<double>& x) {
  const double g = d.noise(t), sig = std::min(sigma, g);
  const double corr = 0.5 * (g * g - sig * sig), sq = sig * std::sqrt(dt);
  const bool score = corr > 0.0 && law != nullptr;
  const int n = static_cast<int>(x.size()) / d.dim;
  for (int k = 0; k < n; ++k) {
    double* xk = &x[static_cast<std::size_t>(k * d.dim)];
    double f[2], s[2] = {0.0, 0.0};
    d.eval(xk, t, f);
    if (score)
      for (int a = 0; a < d.dim; ++a) s[a] = -(xk[a] - law->mean[a]) / law->var;
    const auto eps = sq != 0.0 ? counterNormals(seed, static_cast<std::uint32_t>(k), step)
                               : std::array<double, 2>{0.0, 0.0};
    for (int a = 0; a < d.dim; ++a)
      xk[a] += (f[a] - corr * s[a]) * dt + sq * eps[static_cast<std::size_t>(a)];
  }
}

double maxAbsDiff(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return INFINITY;
  double e = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) e = std::max(e, std::abs(a[i] - b[i]));
  return e;
}

// Random123's known answers (Salmon et al., SC'11; the library's kat_vectors file).
TEST(FpOpenCl, PhiloxGivesTheKnownAnswers) {
  using W4 = std::array<std::uint32_t, 4>;
  EXPECT_EQ(detail::philox4x32_10({0, 0, 0, 0}, {0, 0}),
            (W4{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
  EXPECT_EQ(detail::philox4x32_10({~0u, ~0u, ~0u, ~0u}, {~0u, ~0u}),
            (W4{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
  EXPECT_EQ(detail::philox4x32_10({0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
                                  {0xa4093822, 0x299f31d0}),
            (W4{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

TEST(FpOpenCl, TheKernelsNoiseIsTheHostsBitForBit) {
  const auto ids = testing::openClDeviceIds();
  FP_REQUIRE_DEVICES(ids);
#ifdef LATENTLAB_HAVE_OPENCL
  constexpr std::size_t n = 4096;
  for (const auto& id : ids) {
    opencl::Device& dev = opencl::Device::get(id);
    for (const std::uint64_t seed : {1ULL, 0x9e3779b97f4a7c15ULL})
      for (const std::uint32_t step : {0u, 7u, 99999u}) {
        const std::uint32_t first = step * 3;  // particle counters first .. first + n − 1
        opencl::Buffer words = dev.alloc(4 * n * sizeof(cl_uint));
        opencl::Buffer normals = dev.alloc(2 * n * sizeof(float));
        opencl::Kernel k = dev.kernel(kernels::flows_fp_particles, "fp_noise", "-DDIM=2");
        const auto key = detail::philoxKey(seed);
        k.args(cl_int(n), cl_uint(first), cl_uint(step), cl_uint(key[0]), cl_uint(key[1]), words,
               normals);
        dev.launch1d(k, n);
        const auto w = dev.download<cl_uint>(words, 4 * n);
        const auto z = dev.download<float>(normals, 2 * n);
        int wordMismatches = 0;
        double normalErr = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
          const std::uint32_t particle = first + static_cast<std::uint32_t>(i);
          const auto hw = detail::philox4x32_10({particle, step, 0u, 0u}, key);
          for (std::size_t j = 0; j < 4; ++j) wordMismatches += w[4 * i + j] != hw[j];
          const auto hz = counterNormals(seed, particle, step);
          for (std::size_t a = 0; a < 2; ++a)
            normalErr = std::max(normalErr, std::abs(z[2 * i + a] - hz[a]));
        }
        std::printf("%s seed %llx step %u: %d word mismatches, normals max |float − double| %.3g\n",
                    id.c_str(), static_cast<unsigned long long>(seed), step, wordMismatches,
                    normalErr);
        EXPECT_EQ(wordMismatches, 0) << id;
        // Same u1, u2 on both sides; float log, sqrt, cos, sin (a few ulp) on |ε| ≤ 5.6.
        EXPECT_LE(normalErr, 1e-5) << id;
      }
    // The step kernel draws the same noise: pure diffusion from 0 over dt = 1 is x = ε.
    Drift d;
    d.preset = DriftPreset::PureDiffusion;
    d.dim = 2;
    FpDeviceCloud cloud(*findDevice(id), 2, std::vector<double>(2 * n, 0.0), 42);
    cloud.step(d, d.g, 0.0, 1.0, 5);
    std::vector<double> got, ref(2 * n, 0.0);
    cloud.positions(got);
    referenceStep(d, d.g, 0.0, 1.0, 5, 42, nullptr, ref);
    EXPECT_LE(maxAbsDiff(got, ref), 1e-5) << id;
  }
#endif
}

const DriftPreset kPresets[] = {
    DriftPreset::OU,         DriftPreset::RotatingOU,    DriftPreset::DoubleWell,
    DriftPreset::VpSchedule, DriftPreset::PureDiffusion, DriftPreset::None};

TEST(FpOpenCl, StepsFollowADoubleReferenceOnTheSameNoise) {
  const auto ids = testing::openClDeviceIds();
  FP_REQUIRE_DEVICES(ids);
  constexpr int n = 4096, steps = 100;
  constexpr double dt = 0.01;
  constexpr std::uint64_t seed = 2024;
  for (const auto& id : ids) {
    const DeviceInfo info = *findDevice(id);
    double worst = 0.0;
    for (const int dim : {1, 2})
      for (const DriftPreset preset : kPresets)
        for (const bool closedForm : {false, true}) {
          Drift d;
          d.preset = preset;
          d.dim = dim;
          if (closedForm && !d.linear()) continue;  // no Gaussian law for the double well
          // σ = g: Euler–Maruyama on the SDE; closed form: σ = ½ with the Gaussian law's score.
          const double sigma = closedForm ? 0.5 : INFINITY;
          const Gaussian start{Eigen::Vector2d(0.8, -0.5), 0.5};
          ParticleCloud init(dim, n, seed);
          init.sampleMixture({start}, {1.0});
          std::vector<double> ref = init.positions(), got;
          FpDeviceCloud cloud(info, dim, ref, seed);
          for (int s = 0; s < steps; ++s) {
            const double t = s * dt;
            const auto law = evolveGaussian(d, start, t);
            const Gaussian* l = closedForm ? &*law : nullptr;
            cloud.step(d, sigma, t, dt, static_cast<std::uint32_t>(s), l);
            referenceStep(d, sigma, t, dt, static_cast<std::uint32_t>(s), seed, l, ref);
          }
          cloud.positions(got);
          const double e = maxAbsDiff(got, ref);
          worst = std::max(worst, e);
          std::printf("%s dim %d preset %d %s: max |float32 − double| %.3g\n", id.c_str(), dim,
                      static_cast<int>(preset), closedForm ? "sigma=0.5 closed form" : "sigma=g",
                      e);
          EXPECT_LE(e, 5e-5) << id << " dim " << dim << " preset " << static_cast<int>(preset)
                             << (closedForm ? " closed form" : " sigma = g");
          // Only the first two particles back: the head of the same buffer.
          std::vector<double> head;
          cloud.positions(head, 2);
          ASSERT_EQ(head.size(), static_cast<std::size_t>(2 * dim));
          for (std::size_t i = 0; i < head.size(); ++i) EXPECT_EQ(head[i], got[i]);
        }
    std::printf("%s worst over every drift, dim and sigma: %.3g\n", id.c_str(), worst);
  }
}

TEST(FpOpenCl, OuMomentsMatchTheExactEulerMaruyamaLaw) {
  const auto ids = testing::openClDeviceIds();
  FP_REQUIRE_DEVICES(ids);
  constexpr std::size_t n = 200000;
  constexpr int steps = 150;
  constexpr double dt = 0.01, m0 = 2.0, v0 = 0.25;
  Drift d;
  d.preset = DriftPreset::OU;
  d.dim = 2;
  const auto [mean, var] = emOuMoments(m0, v0, d.theta, d.g, dt, steps);
  const auto [meanY, varY] = emOuMoments(-1.0, v0, d.theta, d.g, dt, steps);
  for (const auto& id : ids) {
    ParticleCloud init(2, n, 7);
    init.sampleMixture({Gaussian{Eigen::Vector2d(m0, -1.0), v0}}, {1.0});
    FpDeviceCloud cloud(*findDevice(id), 2, init.positions(), 7);
    for (int s = 0; s < steps; ++s) cloud.step(d, d.g, s * dt, dt, static_cast<std::uint32_t>(s));
    ParticleCloud out(2, n, 7);
    cloud.positions(out.positions());
    double cov = 0.0;
    const double mx = out.mean(0), my = out.mean(1);
    for (std::size_t k = 0; k < n; ++k)
      cov += (out.positions()[2 * k] - mx) * (out.positions()[2 * k + 1] - my);
    cov /= static_cast<double>(n - 1);
    // Standard errors: of the mean √(v/N), of a Gaussian variance v√(2/N), of the covariance
    // √(v vY / N); four of them.
    std::printf(
        "%s OU at T: mean %.5f (EM %.5f), var %.5f (EM %.5f), mean y %.5f (%.5f), "
        "var y %.5f (%.5f), cov %.2g\n",
        id.c_str(), out.mean(0), mean, out.variance(0), var, out.mean(1), meanY, out.variance(1),
        varY, cov);
    EXPECT_NEAR(out.mean(0), mean, 4.0 * std::sqrt(var / n)) << id;
    EXPECT_NEAR(out.variance(0), var, 4.0 * var * std::sqrt(2.0 / n)) << id;
    EXPECT_NEAR(out.mean(1), meanY, 4.0 * std::sqrt(varY / n)) << id;
    EXPECT_NEAR(out.variance(1), varY, 4.0 * varY * std::sqrt(2.0 / n)) << id;
    EXPECT_NEAR(cov, 0.0, 4.0 * std::sqrt(var * varY / n)) << id;
  }
}

// The page's configurations: σ-ODE on the CPU (defaults), both clouds on the device (σ = ½, closed
// form, 1-D) and the σ-SDE on the CPU reading the grid's score.
std::vector<FpLabParams> pageCases() {
  FpLabParams a;  // 2-D rotating OU, σ = 0: the probability-flow ODE stays on the CPU
  a.particles = 20000;
  a.snapshots = 20;
  FpLabParams b = a;
  b.dim = FpDim::One;
  b.drift = DriftPreset::OU;
  b.sigma = 0.5;
  FpLabParams c = a;
  c.sigma = 0.5;
  c.score = FpScore::Grid;
  return {a, b, c};
}

TEST(FpOpenCl, ThePageOnEachDeviceMatchesItsCpuRun) {
  const auto ids = testing::openClDeviceIds();
  FP_REQUIRE_DEVICES(ids);
  for (const FpLabParams& p : pageCases()) {
    const FpLabResult ref = computeFpLab(p);
    EXPECT_EQ(ref.deviceUse.device, "cpu");
    for (const auto& id : ids) {
      RunControl rc;
      rc.device = id;
      const FpLabResult got = computeFpLab(p, rc);
      EXPECT_EQ(got.deviceUse.device, id) << got.deviceUse.fallback;
      EXPECT_TRUE(got.deviceUse.fallback.empty());
      ASSERT_EQ(got.snapshots.size(), ref.snapshots.size());
      ASSERT_EQ(got.trajTimes, ref.trajTimes);
      // The σ-ODE and the σ-SDE with the grid's score stay on the CPU (no case here has σ ≥ g).
      const bool sigmaOnCpu = got.sigmaIsOde || !got.closedFormScore;
      EXPECT_EQ(sigmaOnCpu, p.sigma == 0.0 || p.score == FpScore::Grid);
      double worstSde = 0.0, worstSigma = 0.0;  // |ΔTV| / floor
      for (std::size_t i = 0; i < ref.snapshots.size(); ++i) {
        const FpSnapshot& g = got.snapshots[i];
        const FpSnapshot& c = ref.snapshots[i];
        EXPECT_EQ(g.pde, c.pde) << "the grid runs on the host either way";
        worstSde = std::max(worstSde, std::abs(g.tvSde - c.tvSde) / c.noiseFloor);
        worstSigma = std::max(worstSigma, std::abs(g.tvSigma - c.tvSigma) / c.noiseFloor);
        if (sigmaOnCpu) {
          EXPECT_EQ(g.shownSigma, c.shownSigma) << "σ-family on the CPU, frame " << i;
        }
      }
      std::printf(
          "%s dim %d sigma %.2f score %d: |TV_device − TV_cpu| <= %.2f (SDE), %.2f "
          "(sigma) noise floors; final TV %.4f vs %.4f, floor %.4f\n",
          id.c_str(), got.dim, p.sigma, static_cast<int>(p.score), worstSde, worstSigma,
          got.snapshots.back().tvSde, ref.snapshots.back().tvSde, ref.snapshots.back().noiseFloor);
      EXPECT_LE(worstSde, 3.0) << id;
      EXPECT_LE(worstSigma, 3.0) << id;
      ASSERT_EQ(got.trajSde.size(), ref.trajSde.size());
      for (std::size_t k = 0; k < ref.trajSde.size(); ++k) {
        EXPECT_EQ(got.trajSde[k].row(0), ref.trajSde[k].row(0)) << "same start";
        EXPECT_NE(got.trajSde[k].row(1), ref.trajSde[k].row(1)) << "a different noise path";
        if (sigmaOnCpu) {
          EXPECT_EQ(got.trajSigma[k], ref.trajSigma[k]);
        }
      }
    }
  }
}

TEST(FpOpenCl, AnUnknownDeviceFallsBackToTheCpuAndSaysWhy) {
  FpLabParams p;
  p.particles = 1000;
  p.snapshots = 4;
  p.tEnd = 0.2;
  RunControl rc;
  rc.device = "opencl:97:97";
  const FpLabResult got = computeFpLab(p, rc);
  EXPECT_EQ(got.deviceUse.device, "cpu");
  EXPECT_EQ(got.deviceUse.requested, "opencl:97:97");
  EXPECT_NE(got.deviceUse.fallback.find("no device with id opencl:97:97"), std::string::npos)
      << got.deviceUse.fallback;
  const FpLabResult cpu = computeFpLab(p);
  ASSERT_EQ(got.snapshots.size(), cpu.snapshots.size());
  EXPECT_EQ(got.snapshots.back().histSde, cpu.snapshots.back().histSde);
  EXPECT_EQ(got.trajSde, cpu.trajSde);
}

}  // namespace
}  // namespace latentlab::flows
