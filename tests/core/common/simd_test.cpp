// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// The Highway kernels on every instruction set this machine can run, against scalar references.
#include "latentlab/common/simd.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "latentlab/common/finite.h"
#include "latentlab/common/rng.h"
#include "latentlab/quantization/fsq.h"
#include "latentlab/topk/soft_topk.h"

namespace {

using namespace latentlab;

// Runs body once per runnable target with dispatch restricted to it, then restores dispatch.
template <class Body>
void onEveryTarget(Body body) {
  const auto targets = simd::runnableTargets();
  ASSERT_FALSE(targets.empty());
  for (const auto& t : targets) {
    ASSERT_TRUE(simd::restrictTarget(t)) << t;
    SCOPED_TRACE(t);
    body();
  }
  simd::restrictTarget("");
}

TEST(Simd, TheChosenTargetIsTheBestRunnableOne) {
  const auto targets = simd::runnableTargets();
  ASSERT_FALSE(targets.empty());
  EXPECT_EQ(simd::chosenTarget(), targets.front());
  EXPECT_FALSE(simd::restrictTarget("no such target"));
  EXPECT_EQ(simd::chosenTarget(), targets.front());
}

TEST(Simd, SoftmaxRowsMatchTheScalarFormulaOnEveryTarget) {
  // 150 rows (register blocks of four vectors, then blocks of 64 and a tail that is not a whole
  // vector) of a 160-row matrix, so the leading dimension differs from the row count; scale −0.7
  // checks the max of scale·A. 1100 columns pass the register blocks' 256 KiB strip limit.
  for (const std::size_t cols : {std::size_t{37}, std::size_t{1100}}) {
    const std::size_t ld = 160, rows = 150;
    Rng rng(3);
    std::vector<double> src(ld * cols);
    for (double& x : src) x = 4.0 * rng.normal();
    for (const double scale : {1.0, -0.7}) {
      // A masked entry (−∞) where the scale is positive, as the attention masks use it.
      src[5 * ld + 7] = scale > 0 ? -std::numeric_limits<double>::infinity() : 0.25;
      std::vector<double> want = src;
      for (std::size_t i = 0; i < rows; ++i) {
        double m = -HUGE_VAL, sum = 0.0;
        for (std::size_t j = 0; j < cols; ++j) m = std::max(m, scale * src[j * ld + i]);
        for (std::size_t j = 0; j < cols; ++j)
          sum += want[j * ld + i] = std::exp(scale * src[j * ld + i] - m);
        for (std::size_t j = 0; j < cols; ++j) want[j * ld + i] /= sum;
      }
      onEveryTarget([&] {
        std::vector<double> got = src;
        simd::softmaxRowsColMajor(got.data(), rows, cols, ld, scale);
        for (std::size_t i = 0; i < rows; ++i)
          for (std::size_t j = 0; j < cols; ++j)
            ASSERT_NEAR(got[j * ld + i], want[j * ld + i], 4e-16 + 1e-14 * want[j * ld + i])
                << i << "," << j << " scale " << scale;
        for (std::size_t j = 0; j < cols; ++j)  // rows past `rows` are not touched
          for (std::size_t i = rows; i < ld; ++i) ASSERT_EQ(got[j * ld + i], src[j * ld + i]);
        if (scale > 0) {
          EXPECT_EQ(got[5 * ld + 7], 0.0);  // exp(−∞) is an exact zero
        }
      });
    }
  }
}

TEST(Simd, FloatSoftmaxFlushesWeightsBelowTheNormalRangeToZeroOnEveryTarget) {
  // 70 rows × 3 columns: logits 0, −20 and −95 (exp(−95) ≈ 5e−42 is a subnormal float). The last
  // weight is exactly 0, the others are those of the two-term softmax, on every target.
  const std::size_t rows = 70, cols = 3;
  onEveryTarget([&] {
    std::vector<float> a(rows * cols);
    for (std::size_t i = 0; i < rows; ++i) {
      a[i] = 0.0f;
      a[rows + i] = -20.0f;
      a[2 * rows + i] = -95.0f;
    }
    simd::softmaxRowsColMajor(a.data(), rows, cols, rows, 1.0f);
    const double e = std::exp(-20.0);
    for (std::size_t i = 0; i < rows; ++i) {
      ASSERT_NEAR(a[i], 1.0 / (1.0 + e), 1e-7) << i;
      ASSERT_NEAR(a[rows + i], e / (1.0 + e), 1e-14) << i;
      ASSERT_EQ(a[2 * rows + i], 0.0f) << i;
    }
  });
}

TEST(Simd, ExpOfALargeBufferSplitOverThreadsEqualsSmallCalls) {
  // 300 001 values pass the 2^18 threshold of the OpenMP split; calls of 1000 values stay on one
  // thread. Every value is computed alone, so both give the same bits, in double and in float.
  Rng rng(3);
  std::vector<double> x(300001);
  for (double& v : x) v = 20.0 * rng.normal();
  std::vector<float> xf(x.begin(), x.end());
  std::vector<double> big = x, small = x;
  std::vector<float> bigF = xf, smallF = xf;
  simd::expInPlace(big.data(), big.size());
  simd::expInPlace(bigF.data(), bigF.size());
  for (std::size_t i = 0; i < x.size(); i += 1000) {
    simd::expInPlace(small.data() + i, std::min<std::size_t>(1000, x.size() - i));
    simd::expInPlace(smallF.data() + i, std::min<std::size_t>(1000, x.size() - i));
  }
  EXPECT_EQ(big, small);
  EXPECT_EQ(bigF, smallF);
  EXPECT_NEAR(big[12345], std::exp(x[12345]), 1e-15 * std::exp(x[12345]));
}

TEST(Simd, AllFiniteFindsOneBadValueAnywhereOnEveryTarget) {
  // 203 values: four accumulators' worth of whole vectors, single vectors and a scalar tail on
  // every target; one NaN, +∞ or −∞ at each position must be seen, and huge finite values not.
  onEveryTarget([&] {
    std::vector<double> x(203, 1e300);
    std::vector<float> xf(203, 3e38f);
    EXPECT_TRUE(simd::allFinite(x.data(), x.size()));
    EXPECT_TRUE(simd::allFinite(xf.data(), xf.size()));
    const double bad[] = {std::numeric_limits<double>::quiet_NaN(),
                          std::numeric_limits<double>::infinity(),
                          -std::numeric_limits<double>::infinity()};
    for (std::size_t i = 0; i < x.size(); ++i)
      for (const double b : bad) {
        x[i] = b;
        xf[i] = static_cast<float>(b);
        ASSERT_FALSE(simd::allFinite(x.data(), x.size())) << i << " " << b;
        ASSERT_FALSE(simd::allFinite(xf.data(), xf.size())) << i << " " << b;
        x[i] = 1e300;
        xf[i] = 3e38f;
      }
  });
  // latentlab::allFinite on a block with a stride: only the block's entries count.
  Eigen::MatrixXd m = Eigen::MatrixXd::Ones(40, 30);
  m(39, 5) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(latentlab::allFinite(m.topRows(39)));
  EXPECT_FALSE(latentlab::allFinite(m.bottomRows(2)));
  EXPECT_FALSE(latentlab::allFinite(m));
  const Eigen::Ref<const Eigen::MatrixXd> r = m.block(0, 3, 40, 4);
  EXPECT_FALSE(latentlab::allFinite(r));
  EXPECT_TRUE(latentlab::allFinite(m.block(0, 6, 40, 4)));
  EXPECT_FALSE(latentlab::allFinite((m.array() * 2.0).matrix()));  // the expression fallback
}

TEST(Simd, FsqLevelsEqualTheDoublePathOnEveryTarget) {
  // Levels 8, 5, 6 (three channels, so vectors of 4, 8 or 16 floats cut FSQ vectors across
  // lanes), a count that leaves a partial vector, every bound; and 64 levels, past the vector
  // path's 31 edges (binary search).
  for (const auto& levels : {std::vector<int>{8, 5, 6}, std::vector<int>{64, 3}})
    for (const auto bound : {quantization::FsqBound::Tanh, quantization::FsqBound::PaperTan,
                             quantization::FsqBound::SuSigmoid}) {
      const quantization::Fsq fsq(levels, bound);
      const std::size_t d = levels.size();
      Rng rng(5);
      std::vector<float> src(d * 1000 + d - 1);
      for (float& x : src) x = static_cast<float>(2.0 * rng.normal());
      onEveryTarget([&] {
        std::vector<float> got = src;
        fsq.quantizeInPlace(got.data(), got.size());
        for (std::size_t n = 0; n < src.size(); ++n) {
          const int i = static_cast<int>(n % d);
          const double want = fsq.codeValue(i, fsq.level(i, src[n]));
          ASSERT_EQ(got[n], static_cast<float>(want)) << n << " z = " << src[n];
        }
        std::vector<float> out(src.size(), -7.0f);  // out of place: the same values
        fsq.quantize(src.data(), out.data(), src.size());
        ASSERT_EQ(out, got);
      });
    }
}

TEST(Simd, ThresholdMapsAndSumsMatchTheScalarFunctionsOnEveryTarget) {
  using latentlab::topk::Method;
  const struct {
    simd::Threshold kind;
    Method method;
  } cases[] = {{simd::Threshold::Exp, Method::ThreExp},
               {simd::Threshold::Sigmoid, Method::ThreSigmoid},
               {simd::Threshold::Laplace, Method::ThreLaplace},
               {simd::Threshold::Entmax15, Method::ThreEntmax}};
  Rng rng(9);
  std::vector<double> z(1003);  // not a whole number of vectors
  for (double& x : z) x = 3.0 * rng.normal();
  z[0] = 0.4;  // u = 0 exactly at λ = 0.4: the saturated side
  const double lambda = 0.4;
  onEveryTarget([&] {
    for (const auto& c : cases) {
      std::vector<double> p(z.size()), d(z.size());
      simd::thresholdValues(c.kind, z.data(), z.size(), lambda, p.data(), d.data());
      double fs = 0.0, ds = 0.0;
      for (std::size_t i = 0; i < z.size(); ++i) {
        const double f = latentlab::topk::thresholdF(c.method, z[i] - lambda, 1.5);
        const double df = latentlab::topk::thresholdDF(c.method, z[i] - lambda, 1.5);
        ASSERT_NEAR(p[i], f, 1e-15 + 4e-16 * f) << static_cast<int>(c.kind) << " at " << i;
        ASSERT_NEAR(d[i], df, 1e-15 + 4e-16 * df) << static_cast<int>(c.kind) << " at " << i;
        fs += f;
        ds += df;
      }
      const auto sums = simd::thresholdSums(c.kind, z.data(), z.size(), lambda);
      EXPECT_NEAR(sums.f, fs, 1e-12 * fs);
      EXPECT_NEAR(sums.derivative, ds, 1e-12 * ds);
    }
  });
}

TEST(Simd, ClipSetsAndValuesMatchTheScalarLoopOnEveryTarget) {
  Rng rng(11);
  std::vector<double> z(517);
  for (double& x : z) x = rng.normal();
  onEveryTarget([&] {
    const double lambda = -0.2;
    const auto s = simd::clipSets(z.data(), z.size(), lambda);
    double sum = 0.0;
    std::size_t active = 0, upper = 0;
    for (const double x : z) {
      if (x - lambda >= 1.0)
        ++upper;
      else if (x - lambda > 0.0) {
        sum += x;
        ++active;
      }
    }
    EXPECT_EQ(s.active, active);
    EXPECT_EQ(s.upper, upper);
    EXPECT_NEAR(s.activeSum, sum, 1e-12 * std::abs(sum));
    // The map's values and derivatives, with entries exactly on the edges u = 0 and u = 1.
    std::vector<double> zz = z;
    zz[3] = lambda;
    zz[10] = lambda + 1.0;
    std::vector<double> p(zz.size(), -1.0), dp(zz.size(), -1.0);
    const std::size_t inside = simd::clipValues(zz.data(), zz.size(), lambda, p.data(), dp.data());
    std::size_t want = 0;
    for (std::size_t i = 0; i < zz.size(); ++i) {
      const double u = zz[i] - lambda;
      ASSERT_EQ(p[i], std::clamp(u, 0.0, 1.0)) << i;
      ASSERT_EQ(dp[i], u > 0.0 && u < 1.0 ? 1.0 : 0.0) << i;
      want += u > 0.0 && u < 1.0 ? 1 : 0;
    }
    EXPECT_EQ(dp[3], 0.0);
    EXPECT_EQ(dp[10], 0.0);
    EXPECT_EQ(inside, want);
  });
}

TEST(Simd, ArgminUpdateKeepsTheFirstSmallestCodeOnEveryTarget) {
  // 37 rows (a partial vector), 70 codes in a 40-row tile, codes starting at 100; column 5
  // repeats column 3 so ties must keep the lower code.
  const std::size_t rows = 37, ld = 40, cols = 70;
  Rng rng(13);
  std::vector<float> dist(ld * cols), norm(cols);
  for (float& v : dist) v = static_cast<float>(rng.normal());
  for (float& v : norm) v = static_cast<float>(std::abs(rng.normal()));
  for (std::size_t r = 0; r < ld; ++r) dist[5 * ld + r] = dist[3 * ld + r];
  norm[5] = norm[3];
  std::vector<float> want(rows, HUGE_VALF);
  std::vector<std::int32_t> wantIdx(rows, -1);
  for (std::size_t j = 0; j < cols; ++j)
    for (std::size_t r = 0; r < rows; ++r) {
      const float v = norm[j] - 2.0f * dist[j * ld + r];
      if (v < want[r]) {
        want[r] = v;
        wantIdx[r] = static_cast<std::int32_t>(100 + j);
      }
    }
  onEveryTarget([&] {
    std::vector<float> best(rows, HUGE_VALF);
    std::vector<std::int32_t> idx(rows, -1);
    simd::argminUpdate(dist.data(), rows, cols, ld, norm.data(), 100, best.data(), idx.data());
    EXPECT_EQ(idx, wantIdx);
    EXPECT_EQ(best, want);
    std::vector<double> dd(dist.begin(), dist.end()), dn(norm.begin(), norm.end());
    std::vector<double> bestD(rows, HUGE_VAL);
    std::vector<std::int64_t> idxD(rows, -1);
    simd::argminUpdate(dd.data(), rows, cols, ld, dn.data(), 100, bestD.data(), idxD.data());
    for (std::size_t r = 0; r < rows; ++r) EXPECT_EQ(idxD[r], wantIdx[r]) << r;
  });
}

}  // namespace
