// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// FSQ against reference vectors (atanh/(1 + ε) form; the first is the Colab's own example) and
// properties: L levels per channel, z = 0 → q = 0, index round trip, naive tanh bound, range.
#include "latentlab/quantization/fsq.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "latentlab/common/errors.h"

using namespace latentlab;
using namespace latentlab::quantization;

namespace {

struct Row {
  std::vector<int> levels;
  std::vector<double> z, b;
  std::vector<int> q;
  std::vector<double> code;
  std::int64_t idx;
};

const std::vector<Row>& table61() {
  static const std::vector<Row> rows = {
      {{3, 5, 4}, {0.25, 0.6, -7}, {0.245164, 1.075173, -2.001495}, {0, 1, -2}, {0, 0.5, -1}, 10},
      {{8, 5, 5, 5}, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, 500},
      {{8, 5, 5, 5}, {0.3, -0.4, 1.2, -2.5}, {0.959918, -0.760658, 1.668977, -1.975202},
       {1, -1, 2, -2}, {0.25, -0.5, 1, -1}, 173},
      {{8, 5, 5, 5}, {-10, 10, -10, 10}, {-4.003500, 2.002000, -2.002000, 2.002000},
       {-4, 2, -2, 2}, {-1, 1, -1, 1}, 832},
      {{8, 6, 5}, {0.1, 0.2, -0.3}, {0.337277, 0.456223, -0.583208}, {0, 0, -1}, {0, 0, -0.5}, 76},
      {{8, 6, 5}, {1, -1, 0.5}, {2.357646, -2.158214, 0.925159}, {2, -2, 1},
       {0.5, -0.666667, 0.5}, 158},
      {{7, 5, 5, 5, 5}, {0.05, -0.2, 0.33, 0.9, -1.7},
       {0.150025, -0.395145, 0.637679, 1.434028, -1.872689}, {0, 0, 1, 1, -2},
       {0, 0, 0.5, 0.5, -1}, 647},
      {{8, 8, 8, 6, 5}, {0.7, -0.7, 0, 2, -0.05}, {1.909572, -2.270075, 0, 1.942099, -0.100017},
       {2, -2, 0, 2, 0}, {0.5, -0.5, 0, 0.666667, 0}, 8982},
      {{8, 8, 8, 5, 5, 5}, {-0.12, 0.45, 1.5, -0.8, 0.26, 3},
       {-0.416999, 1.365782, 2.751204, -1.329402, 0.509100, 1.992100}, {0, 1, 3, -1, 1, 2},
       {0, 0.25, 0.75, -0.5, 0.5, 1}, 59884},
  };
  return rows;
}

}  // namespace

TEST(Fsq, Spec61TableBoundLevelCodeIndex) {
  for (const Row& row : table61()) {
    const Fsq fsq(row.levels);
    Eigen::MatrixXd z(1, fsq.dim());
    for (int i = 0; i < fsq.dim(); ++i) {
      const auto c = static_cast<std::size_t>(i);
      z(0, i) = row.z[c];
      EXPECT_NEAR(fsq.boundValue(i, row.z[c]), row.b[c], 1e-6) << "channel " << i;
      EXPECT_EQ(fsq.level(i, row.z[c]), row.q[c]) << "channel " << i;
    }
    const Eigen::MatrixXd code = fsq.quantize(z);
    for (int i = 0; i < fsq.dim(); ++i) EXPECT_NEAR(code(0, i), row.code[static_cast<std::size_t>(i)], 1e-6);
    EXPECT_EQ(fsq.quantizeIndices(z)[0], row.idx);
    EXPECT_EQ(fsq.levelsToIndex(row.q), row.idx);
  }
}

TEST(Fsq, PaperTanGivesSameLevelsAndItsOwnBound) {
  const Fsq paper({3, 5, 4}, FsqBound::PaperTan);
  const double z[3] = {0.25, 0.6, -7}, b[3] = {0.244674, 1.073025, -1.998495};
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(paper.boundValue(i, z[i]), b[i], 1e-6);
  for (const Row& row : table61()) {
    const Fsq f(row.levels, FsqBound::PaperTan);
    for (int i = 0; i < f.dim(); ++i)
      EXPECT_EQ(f.level(i, row.z[static_cast<std::size_t>(i)]), row.q[static_cast<std::size_t>(i)]);
  }
}

TEST(Fsq, SingleChannelShiftWidthAndBound) {
  const Fsq f8({8}), f6({6}), f5({5}), f3({3});
  EXPECT_NEAR(f8.shift(0), 0.143695352, 1e-9);
  EXPECT_NEAR(f8.halfWidth(0), 3.5035, 1e-12);
  EXPECT_NEAR(f8.boundValue(0, 0.2), 0.658861275, 1e-9);
  EXPECT_EQ(f8.level(0, 0.2), 1);  // catches a missing shift (would give 0)
  EXPECT_NEAR(f8.boundValue(0, -0.2), -0.697055144, 1e-9);
  EXPECT_EQ(f8.level(0, -0.2), -1);
  EXPECT_NEAR(f8.boundValue(0, 0.0), 0.0, 1e-12);
  EXPECT_NEAR(f6.shift(0), 0.202524438, 1e-9);
  EXPECT_NEAR(f6.halfWidth(0), 2.5025, 1e-12);
  EXPECT_NEAR(f6.boundValue(0, 0.0), 0.0, 1e-12);
  EXPECT_NEAR(f5.boundValue(0, 0.3), 0.583207850, 1e-9);
  EXPECT_EQ(f5.level(0, 0.3), 1);
  EXPECT_NEAR(f3.boundValue(0, 0.26), 0.254549828, 1e-9);
  EXPECT_EQ(f3.level(0, 0.26), 0);
}

TEST(Fsq, SteDerivativeVectors) {
  const Fsq f5({5}), f8({8});
  EXPECT_NEAR(f5.steDerivative(0, 0.0), 1.001000000, 1e-9);
  EXPECT_NEAR(f8.steDerivative(0, 0.0), 0.858035696, 1e-9);
  EXPECT_NEAR(f8.steDerivative(0, 1.0), 0.293161869, 1e-9);
  EXPECT_NEAR(f5.steDerivative(0, 2.0), 0.070721476, 1e-9);
  // It is the derivative of the pre-round path b/⌊L/2⌋ (finite difference).
  const double h = 1e-6;
  for (double z : {-1.3, 0.2, 0.9}) {
    const double fd = (f8.boundValue(0, z + h) - f8.boundValue(0, z - h)) / (2 * h) / 4.0;
    EXPECT_NEAR(f8.steDerivative(0, z), fd, 1e-7);
  }
}

TEST(Fsq, CellBoundariesAndCentres) {
  const std::vector<double> b5 = {-0.971245, -0.255146, 0.255146, 0.971245};
  const std::vector<double> b8 = {-1.422951, -0.792490, -0.437278, -0.143695,
                                  0.149887,  0.505099,  1.135561};
  const std::vector<double> b4 = {-1.149720, -0.346199, 0.457322};
  const std::vector<double> b3 = {-0.548640, 0.548640};
  const std::vector<std::pair<int, const std::vector<double>*>> cases = {
      {5, &b5}, {8, &b8}, {4, &b4}, {3, &b3}};
  for (const auto& [l, want] : cases) {
    const auto got = Fsq({l}).cellBoundaries(0);
    ASSERT_EQ(got.size(), want->size()) << "L = " << l;
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], (*want)[i], 1e-6) << l;
  }
  const Fsq f5({5});
  const double centres[5] = {-3.800701, -0.548640, 0, 0.548640, 3.800701};
  for (int q = -2; q <= 2; ++q) EXPECT_NEAR(f5.inverseBound(0, q), centres[q + 2], 1e-6);
}

TEST(Fsq, IndexRoundTripVectors) {
  const Fsq f({3, 4});
  const double want[12][2] = {{-1, -1}, {0, -1}, {1, -1}, {-1, -0.5}, {0, -0.5}, {1, -0.5},
                              {-1, 0},  {0, 0},  {1, 0},  {-1, 0.5},  {0, 0.5},  {1, 0.5}};
  for (int i = 0; i < 12; ++i) {
    const Eigen::VectorXd c = f.indexToCode(i);
    EXPECT_DOUBLE_EQ(c(0), want[i][0]) << i;
    EXPECT_DOUBLE_EQ(c(1), want[i][1]) << i;
  }
  const Fsq g({8, 5, 5, 5});
  EXPECT_EQ(g.basis(), (std::vector<std::int64_t>{1, 8, 40, 200}));
  auto code = [&](std::int64_t i) {
    const Eigen::VectorXd v = g.indexToCode(i);
    return std::vector<double>(v.data(), v.data() + v.size());
  };
  EXPECT_EQ(code(0), (std::vector<double>{-1, -1, -1, -1}));
  EXPECT_EQ(code(1), (std::vector<double>{-0.75, -1, -1, -1}));
  EXPECT_EQ(code(7), (std::vector<double>{0.75, -1, -1, -1}));
  EXPECT_EQ(code(8), (std::vector<double>{-1, -0.5, -1, -1}));
  EXPECT_EQ(code(499), (std::vector<double>{-0.25, 0, 0, 0}));
  EXPECT_EQ(g.indexToLevels(499), (std::vector<int>{-1, 0, 0, 0}));  // level indices (3,2,2,2)
  EXPECT_EQ(code(500), (std::vector<double>{0, 0, 0, 0}));
  EXPECT_EQ(code(999), (std::vector<double>{0.75, 1, 1, 1}));
}

TEST(Fsq, EveryPresetRoundTripsAndHasDistinctCodes) {
  const std::vector<std::int64_t> sizes = {15, 64, 240, 512, 1000, 1920, 4375, 15360, 64000};
  ASSERT_EQ(fsqPresets().size(), sizes.size());
  for (std::size_t p = 0; p < sizes.size(); ++p) {
    const Fsq f(fsqPresets()[p].levels);
    EXPECT_EQ(f.codebookSize(), sizes[p]);
    std::set<std::vector<int>> seen;
    for (std::int64_t i = 0; i < f.codebookSize(); ++i) {
      const auto q = f.indexToLevels(i);
      ASSERT_EQ(f.levelsToIndex(q), i);
      seen.insert(q);
    }
    EXPECT_EQ(static_cast<std::int64_t>(seen.size()), f.codebookSize());
  }
  EXPECT_EQ(fsqPresetLevels(12), (std::vector<int>{7, 5, 5, 5, 5}));
  EXPECT_THROW(fsqPresetLevels(13), ParamError);
}

TEST(Fsq, P1ExactlyLLevelsP2ZeroMapsToZero) {
  for (int l = 3; l <= 16; ++l) {
    const Fsq f({l});
    std::set<int> qs;
    for (int i = 0; i <= 40000; ++i) qs.insert(f.level(0, -20.0 + i * 1e-3));
    EXPECT_EQ(static_cast<int>(qs.size()), l) << "L = " << l;
    EXPECT_EQ(*qs.begin(), -(l / 2));
    EXPECT_EQ(*qs.rbegin(), l - 1 - l / 2);
    EXPECT_EQ(f.level(0, 0.0), 0) << "L = " << l;
  }
}

TEST(Fsq, P4NaiveTanhBoundGivesTooManyLevelsForEvenL) {
  for (auto [l, count] : {std::pair{4, 5}, std::pair{8, 9}}) {
    std::set<int> qs;
    for (int i = 0; i <= 40000; ++i)
      qs.insert(static_cast<int>(std::nearbyint((l / 2) * std::tanh(-20.0 + i * 1e-3))));
    EXPECT_EQ(static_cast<int>(qs.size()), count);
  }
}

TEST(Fsq, P5IndicesStayInRangeForHugeFloatInputs) {
  const Fsq f({8, 8, 8, 5, 5, 5});
  Eigen::MatrixXd z(4, 6);
  z << 1e6, -1e6, 3e5, -7e5, 1e6, -1e6,  //
      -1e6, 1e6, -3e5, 7e5, -1e6, 1e6,    //
      static_cast<float>(123456.7), 0, 0, 0, 0, 0,  //
      std::nan(""), 0, 0, 0, 0, 0;
  for (std::int64_t i : f.quantizeIndices(z)) {
    EXPECT_GE(i, 0);
    EXPECT_LT(i, f.codebookSize());
  }
}

TEST(Fsq, SuSigmoidVectors) {
  auto check = [](int l, std::vector<double> z, std::vector<double> pre, std::vector<int> k) {
    const Fsq f({l}, FsqBound::SuSigmoid);
    for (std::size_t i = 0; i < z.size(); ++i) {
      EXPECT_NEAR(f.boundValue(0, z[i]) + l / 2, pre[i], 1e-6) << l;
      EXPECT_EQ(f.level(0, z[i]) + l / 2, k[i]) << l;
    }
  };
  check(5, {0, 1, -2, 10}, {2, 2.924234, 0.476812, 3.999818}, {2, 3, 0, 4});
  check(4, {0.3, -0.3, 2, -5}, {1.723328, 1.276672, 2.642391, 0.020079}, {2, 1, 3, 0});
  check(8, {0.1, -1, 0.5, 3}, {3.674854, 1.882590, 4.357215, 6.668019}, {4, 2, 4, 7});
}

TEST(Fsq, InPlaceFloatPathMatchesDouble) {
  const Fsq f({8, 6, 5});
  std::vector<float> buf = {0.1f, 0.2f, -0.3f, 1.f, -1.f, 0.5f};
  f.quantizeInPlace(buf.data(), buf.size());
  const std::vector<float> want = {0.f, 0.f, -0.5f, 0.5f, -2.f / 3.f, 0.5f};
  for (std::size_t i = 0; i < buf.size(); ++i) EXPECT_NEAR(buf[i], want[i], 1e-6);
}

TEST(Fsq, BadInputThrowsParamErrorWithKey) {
  auto key = [](auto fn) {
    try {
      fn();
    } catch (const ParamError& e) {
      return e.key();
    }
    return std::string("<none>");
  };
  EXPECT_EQ(key([] { Fsq({}); }), "levels");
  EXPECT_EQ(key([] { Fsq({2, 5}); }), "levels");
  EXPECT_EQ(key([] { Fsq({1001}); }), "levels");
  EXPECT_EQ(key([] { Fsq({1000, 1000, 1000, 1000}); }), "levels");
  EXPECT_EQ(key([] { Fsq({5, 5}).indexToLevels(25); }), "index");
  EXPECT_EQ(key([] { Fsq({5, 5}).indexToLevels(-1); }), "index");
  EXPECT_EQ(key([] { Fsq({5, 5}).levelsToIndex({3, 0}); }), "levels");
  EXPECT_EQ(key([] { Fsq({5, 5}).quantizeIndices(Eigen::MatrixXd::Zero(2, 3)); }), "z");
}
