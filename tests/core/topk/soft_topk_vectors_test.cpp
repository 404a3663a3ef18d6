// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Reference values at x = [3,2,1,4] and a 5-vector y (values rounded to ~12 significant digits).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "soft_topk_test_util.h"

namespace latentlab::topk {
namespace {

using testing::kX;
using testing::kY;
using testing::printedTol;
using testing::run;
using testing::vecNear;

struct Row {
  int k;
  double tau;
  std::vector<double> p;
  double extra = std::nan("");  // λ or τ·log Z_k
  int m = -1;
};

// Tolerances against the 30–40-digit references: 1e-10 absolute, 1e-9 for iterative solvers
// at τ ≤ 0.1.
double solverTol(double tau) { return tau <= 0.1 ? 1e-9 : 1e-10; }

TEST(SoftTopkVectors, GradTopkMainVector) {
  const std::vector<Row> rows = {
      {1,
       0.1,
       {4.53978686089e-5, 2.06106004621e-9, 9.35719813341e-14, 0.99995460007},
       4.0000045401},
      {1, 0.5, {0.117058913239, 0.0158422011785, 0.00214400878358, 0.864954876799}, 4.07253896948},
      {1, 1, {0.23688281809, 0.087144318742, 0.0320586032801, 0.643914259888}, 4.44018969856},
      {1, 2, {0.276004344707, 0.167405097278, 0.101536324092, 0.455054233923}, 5.5746773434},
      {1, 10, {0.261182592155, 0.236327782322, 0.213838220366, 0.288651405157}, 16.4253552946},
      {2, 0.1, {0.99995460007, 4.53999295753e-5, 2.06115361819e-9, 0.999999997939}, 7.0000045403},
      {2, 0.5, {0.868923302183, 0.131076697817, 0.0179862099621, 0.982013790038}, 7.08054077821},
      {2, 1, {0.694413304627, 0.305586695373, 0.119202922022, 0.880797077978}, 7.53453397549},
      {2, 2, {0.5890980892, 0.4109019108, 0.26894142137, 0.73105857863}, 8.98706271632},
      {2, 10, {0.516721798443, 0.483278201557, 0.450166002688, 0.549833997312}, 23.0008171761},
      {3, 0.1, {0.999999997939, 0.999954602131, 4.53999297625e-5, 1.0}, 9.0000045401},
      {3, 0.5, {0.984157798821, 0.882941086761, 0.135045123201, 0.997855991216}, 9.07253896948},
      {3, 1, {0.912855681258, 0.76311718191, 0.356085740112, 0.96794139672}, 9.44018969856},
      {3, 2, {0.832594902722, 0.723995655293, 0.544945766077, 0.898463675908}, 10.5746773434},
      {3, 10, {0.763672217678, 0.738817407845, 0.711348594843, 0.786161779634}, 21.4253552946},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE("k=" + std::to_string(row.k) + " tau=" + std::to_string(row.tau));
    const SoftTopkResult r = run(Method::GradTopk, kX, row.k, row.tau);
    EXPECT_TRUE(vecNear(r.p, row.p, 1e-10));
    EXPECT_NEAR(r.smoothSum, row.extra, printedTol(row.extra));
    EXPECT_TRUE(r.valid);
    EXPECT_LE(r.sumError, 1e-12 * row.k);
  }
  // Check: the k=2, τ=1 row has p₄ = σ(2) and p₃ = σ(−2) exactly.
  const SoftTopkResult r = run(Method::GradTopk, kX, 2, 1.0);
  EXPECT_NEAR(r.p[3], 1.0 / (1.0 + std::exp(-2.0)), 1e-15);
  EXPECT_NEAR(r.p[2], 1.0 / (1.0 + std::exp(2.0)), 1e-15);
}

TEST(SoftTopkVectors, ThreExpMainVector) {
  const std::vector<Row> rows = {
      {1,
       0.1,
       {4.53978686089e-5, 2.06106004621e-9, 9.35719813341e-14, 0.99995460007},
       40.000045401,
       0},
      {1, 1, {0.23688281809, 0.087144318742, 0.0320586032801, 0.643914259888}, 4.44018969856, 0},
      {2, 0.1, {0.99995460007, 4.53978686089e-5, 2.06106004621e-9, 1.0}, 30.000045401, 1},
      {2, 0.5, {0.866813332197, 0.117310427826, 0.0158762399765, 1.0}, 6.1429316285, 1},
      {2, 1, {0.665240955775, 0.244728471055, 0.0900305731704, 1.0}, 3.40760596444, 1},
      {2, 2, {0.552008689413, 0.334810194557, 0.203072648183, 0.910108467847}, 2.09419149114, 0},
      {2, 10, {0.52236518431, 0.472655564643, 0.427676440732, 0.577302810315}, 0.949388348895, 0},
      {3, 0.1, {1.0, 0.999954602131, 4.53978687024e-5, 1.0}, 20.0000453989, 2},
      {3, 0.5, {1.0, 0.880797077978, 0.119202922022, 1.0}, 4.12692801104, 2},
      {3, 1, {1.0, 0.73105857863, 0.26894142137, 1.0}, 2.31326168752, 2},
      {3, 2, {1.0, 0.622459331202, 0.377540668798, 1.0}, 1.47407698418, 2},
      {3, 10, {0.783547776465, 0.708983346965, 0.641514661098, 0.865954215472}, 0.543923240787, 0},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE("k=" + std::to_string(row.k) + " tau=" + std::to_string(row.tau));
    const SoftTopkResult r = run(Method::ThreExp, kX, row.k, row.tau);
    EXPECT_TRUE(vecNear(r.p, row.p, 1e-10));
    EXPECT_NEAR(r.lambda, row.extra, printedTol(row.extra));
    EXPECT_EQ(r.saturated, row.m);
    EXPECT_EQ(r.iterations, 0);  // closed form
  }
}

TEST(SoftTopkVectors, ThreExpIsNotTheOffByOneListing) {
  // The stored listing returns [1, 0.7311, 0.2689, 1] (sum 3) on [3,2,1,4], k=2, unlike the
  // equation of kexue.fm/archives/10373, §解析求解.
  const SoftTopkResult r = run(Method::ThreExp, kX, 2, 1.0);
  EXPECT_NEAR(r.p.sum(), 2.0, 1e-14);
  EXPECT_GT(std::abs(r.p[1] - 0.7311), 0.4);
}

TEST(SoftTopkVectors, ThreSigmoidMainVector) {
  const std::vector<Row> rows = {
      {1,
       0.1,
       {0.00669269797148, 3.05895188992e-7, 1.38876243429e-11, 0.993306996119},
       35.0000230074},
      {1, 0.5, {0.245562135533, 0.0421917495396, 0.00592623147471, 0.706319883453}, 7.12242290845},
      {1, 1, {0.290284958136, 0.130789009185, 0.0524509386221, 0.526475094057}, 3.89400048519},
      {1, 2, {0.283812700838, 0.193780930488, 0.127235372599, 0.395170996075}, 2.42562720726},
      {1, 10, {0.258891976704, 0.240172229899, 0.222399860268, 0.278535933129}, 1.35173549876},
      {2, 0.1, {0.993307149076, 0.00669285092428, 3.05902226926e-7, 0.999999694098}, 25},
      {2, 0.5, {0.73105857863, 0.26894142137, 0.0474258731776, 0.952574126822}, 5},
      {2, 1, {0.622459331202, 0.377540668798, 0.182425523806, 0.817574476194}, 2.5},
      {2, 2, {0.562176500886, 0.437823499114, 0.320821300825, 0.679178699175}, 1.25},
      {2, 10, {0.512497396484, 0.487502603516, 0.462570154656, 0.537429845344}, 0.25},
      {3, 0.1, {0.999999694105, 0.993307302029, 0.00669300388056, 0.999999999986}, 14.9999769926},
      {3, 0.5, {0.95780825046, 0.754437864467, 0.293680116547, 0.994073768525}, 2.87757709155},
      {3, 1, {0.869210990815, 0.709715041864, 0.473524905943, 0.947549061378}, 1.10599951481},
      {3, 2, {0.806219069512, 0.716187299162, 0.604829003925, 0.872764627401}, 0.0743727927422},
      {3, 10, {0.759827770101, 0.741108023296, 0.721464066871, 0.777600139732}, -0.85173549876},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE("k=" + std::to_string(row.k) + " tau=" + std::to_string(row.tau));
    const SoftTopkResult r = run(Method::ThreSigmoid, kX, row.k, row.tau);
    EXPECT_TRUE(vecNear(r.p, row.p, solverTol(row.tau)));
    EXPECT_NEAR(r.lambda, row.extra, printedTol(row.extra, solverTol(row.tau)));
    EXPECT_LE(r.sumError, 1e-12 * row.k);  // |Σp − k| ≤ 1e-12·k
    EXPECT_GT(r.iterations, 0);
    EXPECT_TRUE(r.note.empty()) << r.note;
  }
}

TEST(SoftTopkVectors, ThreLaplaceMainVector) {
  const std::vector<Row> rows = {
      {1,
       0.1,
       {0.00336889702309, 1.52947688226e-7, 6.94381430277e-12, 0.996630950022},
       35.0000227005,
       1},
      {1,
       0.5,
       {0.171253049481, 0.0231765799566, 0.00313660901289, 0.802433761549},
       7.07146581425,
       1},
      {1, 1, {0.247350192569, 0.0909950506158, 0.0334752083699, 0.628179548446}, 3.70380298222, 1},
      {1, 2, {0.276004344707, 0.167405097278, 0.101536324092, 0.455054233923}, 2.09419149114, 0},
      {1, 10, {0.261182592155, 0.236327782322, 0.213838220366, 0.288651405157}, 0.949388348895, 0},
      {2, 0.1, {0.9966310265, 0.00336897349954, 1.52951160251e-7, 0.999999847049}, 25, 2},
      {2, 0.5, {0.816060279414, 0.183939720586, 0.0248935341839, 0.975106465816}, 5, 2},
      {2, 1, {0.696734670144, 0.303265329856, 0.111565080074, 0.888434919926}, 2.5, 2},
      {2, 2, {0.610599608464, 0.389400391536, 0.236183276371, 0.763816723629}, 1.25, 2},
      {2, 10, {0.52438528775, 0.47561471225, 0.430353988213, 0.569646011787}, 0.25, 2},
      {3,
       0.1,
       {0.999999847052, 0.996631102977, 0.00336904997773, 0.999999999993},
       14.9999772995,
       3},
      {3, 0.5, {0.976823420043, 0.828746950519, 0.197566238451, 0.996863390987}, 2.92853418575, 3},
      {3, 1, {0.909004949384, 0.752649807431, 0.371820451554, 0.96652479163}, 1.29619701778, 3},
      {3, 2, {0.832594902722, 0.723995655293, 0.544945766077, 0.898463675908}, 0.405808508862, 4},
      {3, 10, {0.763672217678, 0.738817407845, 0.711348594843, 0.786161779634}, -0.449388348895, 4},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE("k=" + std::to_string(row.k) + " tau=" + std::to_string(row.tau));
    const SoftTopkResult r = run(Method::ThreLaplace, kX, row.k, row.tau);
    EXPECT_TRUE(vecNear(r.p, row.p, 1e-10));
    EXPECT_NEAR(r.lambda, row.extra, printedTol(row.extra));
    EXPECT_EQ(r.saturated, row.m);
  }
}

TEST(SoftTopkVectors, ThreClipMainVector) {
  struct ClipRow {
    int k;
    double tau;
    std::vector<double> p;
    double lambda;  // NaN: not unique
  };
  const double nu = std::nan("");
  const std::vector<ClipRow> rows = {
      {1, 0.5, {0, 0, 0, 1}, nu},       {1, 1, {0, 0, 0, 1}, nu},
      {1, 2, {0.25, 0, 0, 0.75}, 1.25}, {1, 10, {0.3, 0.2, 0.1, 0.4}, 0},
      {2, 0.5, {1, 0, 0, 1}, nu},       {2, 1, {1, 0, 0, 1}, nu},
      {2, 2, {0.75, 0.25, 0, 1}, 0.75}, {2, 10, {0.55, 0.45, 0.35, 0.65}, -0.25},
      {3, 0.5, {1, 1, 0, 1}, nu},       {3, 1, {1, 1, 0, 1}, nu},
      {3, 2, {1, 0.75, 0.25, 1}, 0.25}, {3, 10, {0.8, 0.7, 0.6, 0.9}, -0.5},
  };
  for (const ClipRow& row : rows) {
    SCOPED_TRACE("k=" + std::to_string(row.k) + " tau=" + std::to_string(row.tau));
    const SoftTopkResult r = run(Method::ThreClip, kX, row.k, row.tau);
    EXPECT_TRUE(vecNear(r.p, row.p, 1e-12));
    if (std::isnan(row.lambda)) {
      EXPECT_FALSE(r.lambdaUnique);
      EXPECT_FALSE(r.note.empty());
    } else {
      EXPECT_TRUE(r.lambdaUnique);
      EXPECT_NEAR(r.lambda, row.lambda, 1e-12);
    }
  }
}

TEST(SoftTopkVectors, ThreEntmaxAlpha15) {
  // Entmax-style ThreTopK (Entmax-α as in kexue.fm/archives/10145): x = [3,2,1,4], k = 2, α = 1.5.
  auto p = testing::makeParams(Method::ThreEntmax, kX, 2, 1.0);
  p.alpha = 1.5;
  SoftTopkResult r = computeSoftTopk(p);
  EXPECT_TRUE(vecNear(r.p, {0.830718913883, 0.169281086117, 0, 1}, 1e-10));
  EXPECT_NEAR(r.lambda, 3.1771243444677, 1e-10);
  p.tau = 2.0;
  r = computeSoftTopk(p);
  EXPECT_TRUE(vecNear(r.p, {0.6241975291, 7.0 / 24.0, 0.084135804233, 1}, 1e-10));
  EXPECT_NEAR(r.lambda, 1.9198765502654, 1e-10);
  EXPECT_TRUE(r.lambdaUnique);
}

TEST(SoftTopkVectors, IterSuMainVector) {
  const std::vector<Row> rows = {
      {2, 0.1, {0.999999954636, 4.54411648125e-5, 2.06302573333e-9, 0.999954602136}},
      {2, 0.5, {0.88367005014, 0.176380242344, 0.0245698817051, 0.91537982581}},
      {2, 1, {0.655042193503, 0.313585212959, 0.122946630334, 0.908425963205}},
      {2, 2, {0.577402127454, 0.388973803109, 0.247657357519, 0.785966711918}},
      {2, 10, {0.520144527986, 0.477445392911, 0.437227880937, 0.565182198166}},
      {3, 0.1, {1.00004536905, 0.999909136109, 4.54164366805e-5, 1.0000000784}},
      {3, 0.5, {1.05225081209, 0.726059340591, 0.130427517716, 1.09126232961}},
      {3, 1, {0.971664596646, 0.629101114141, 0.281770252765, 1.11746403645}},
      {3, 2, {0.86740095857, 0.646930600321, 0.437705803744, 1.04796263737}},
      {3, 10, {0.776502739169, 0.722838169149, 0.670126823005, 0.830532268677}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE("k=" + std::to_string(row.k) + " tau=" + std::to_string(row.tau));
    const SoftTopkResult r = run(Method::IterSu, kX, row.k, row.tau);
    EXPECT_TRUE(vecNear(r.p, row.p, 1e-10));
    EXPECT_EQ(r.iterations, row.k);
  }
}

TEST(SoftTopkVectors, IterSeMainVector) {
  const std::vector<Row> rows = {
      {2, 0.1, {0.500022697904, 2.27020258477e-5, 1.03067038108e-9, 1.49995459904}},
      {2, 0.5, {0.55152056433, 0.081380550087, 0.0111371137646, 1.35596177182}},
      {2, 1, {0.584089470403, 0.239937666429, 0.0916600642911, 1.08431279888}},
      {2, 2, {0.570553389306, 0.372856052679, 0.236007034777, 0.820583523238}},
      {2, 10, {0.519543491376, 0.4779668831, 0.43892122171, 0.563568403814}},
      {3, 0.1, {0.499977293851, 2.26979030725e-5, 1.03048320312e-9, 2.50000000722}},
      {3, 1, {1.28990025369, 0.714445189646, 0.300276162511, 0.695378394148}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE("k=" + std::to_string(row.k) + " tau=" + std::to_string(row.tau));
    const SoftTopkResult r = run(Method::IterSe, kX, row.k, row.tau);
    EXPECT_TRUE(vecNear(r.p, row.p, 1e-10));
    // Once some p > 1 the weights 1 − p go negative and, at k = 3, τ = 0.1, so does the
    // normaliser S: the formal value is kept but flagged.
    const bool negativeS = row.k == 3 && row.tau == 0.1;
    EXPECT_EQ(r.valid, !negativeS) << r.note;
    if (negativeS) {
      EXPECT_NE(r.note.find("invalid (S ≤ 0)"), std::string::npos) << r.note;
    }
  }
}

TEST(SoftTopkVectors, GumbelMainVector) {
  const std::vector<Row> rows = {
      {2, 0.5, {0.868949169457, 0.119444800249, 0.0161950017961, 0.995411028498}},
      {2, 1, {0.695700250992, 0.274665606126, 0.103042459704, 0.926591683178}},
      {2, 2, {0.593166547785, 0.38993331201, 0.245447110519, 0.771453029687}},
      {3, 1, {0.948214008896, 0.757392997154, 0.300469153586, 0.993923840364}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE("k=" + std::to_string(row.k) + " tau=" + std::to_string(row.tau));
    const SoftTopkResult r = run(Method::GumbelExpect, kX, row.k, row.tau);
    EXPECT_TRUE(vecNear(r.p, row.p, 1e-10));
  }
  // GradTopK differs for k ≥ 2 (its law is conditioned on the subset size; Kool et al.'s is not).
  EXPECT_GT(
      testing::maxAbs(run(Method::GumbelExpect, kX, 2, 1.0).p, run(Method::GradTopk, kX, 2, 1.0).p),
      0.03);
}

TEST(SoftTopkVectors, GaussPerturbedMainVector) {
  const std::vector<Row> rows = {
      {1, 0.5, {0.07833760941, 0.001324993323, 2.510674706e-6, 0.9203348866}},
      {2, 0.5, {0.9206485164, 0.07935148358, 0.001331892182, 0.9986681078}},
      {1, 1, {0.222284052, 0.0464487485, 0.005965351602, 0.7253018479}},
      {2, 1, {0.7455150929, 0.2544849071, 0.05468358764, 0.9453164124}},
      {1, 2, {0.2813575696, 0.138147006, 0.06063386917, 0.5198615553}},
      {2, 2, {0.6170393753, 0.3829606247, 0.2052367353, 0.7947632647}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE("k=" + std::to_string(row.k) + " sigma=" + std::to_string(row.tau));
    const SoftTopkResult r = run(Method::GaussPerturbed, kX, row.k, row.tau);
    EXPECT_TRUE(vecNear(r.p, row.p, 1e-9));  // 10 significant digits printed
  }
}

TEST(SoftTopkVectors, OtSinkhornLargestK) {
  struct OtRow {
    int k;
    double eps;
    std::vector<double> p;
  };
  const std::vector<OtRow> rows = {
      {1, 0.01, {0.0179831376364, 6.14310586845e-6, 2.06079509355e-9, 0.982010717197}},
      {2, 0.01, {0.982013790038, 0.0179862099621, 6.14417460221e-6, 0.999993855825}},
      {2, 0.05, {0.689974481128, 0.310025518872, 0.0831726964939, 0.916827303506}},
      {2, 0.1, {0.598687660112, 0.401312339888, 0.231475216501, 0.768524783499}},
      {2, 0.5, {0.519989340156, 0.480010659844, 0.440286350733, 0.559713649267}},
      {3, 0.1, {0.844416571545, 0.709192164506, 0.522850031607, 0.923541232341}},
  };
  for (const OtRow& row : rows) {
    SCOPED_TRACE("k=" + std::to_string(row.k) + " eps=" + std::to_string(row.eps));
    auto p = testing::makeParams(Method::OtSinkhorn, kX, row.k, 1.0);
    p.epsilon = row.eps;
    const SoftTopkResult r = computeSoftTopk(p);
    EXPECT_TRUE(vecNear(r.p, row.p, 1e-9));
    EXPECT_TRUE(r.note.empty()) << r.note;  // converged
    EXPECT_LE(r.sumError, 1e-12 * row.k);
  }
}

TEST(SoftTopkVectors, OtSinkhornOfficialSmallestConventionAndShift) {
  // Official smallest-k on s = x equals largest-k on −x (Cmax = 16, ε = 0.1).
  auto p = testing::makeParams(Method::OtSinkhorn, {-3, -2, -1, -4}, 2, 1.0);
  p.epsilon = 0.1;
  EXPECT_TRUE(vecNear(computeSoftTopk(p).p,
                      {0.348645135334, 0.651354864666, 0.867035759802, 0.132964240198}, 1e-9));
  // x + 10: Cmax becomes 225, so the output moves (not shift invariant).
  p.x = {13, 12, 11, 14};
  EXPECT_TRUE(vecNear(computeSoftTopk(p).p, {0.5111, 0.4889, 0.4667, 0.5333}, 1e-4));
}

TEST(SoftTopkVectors, OtSinkhornReportsTheIterationCap) {
  auto p = testing::makeParams(Method::OtSinkhorn, kX, 2, 1.0);
  p.epsilon = 0.01;
  p.sinkhornMaxIter = 2;
  const SoftTopkResult r = computeSoftTopk(p);
  EXPECT_EQ(r.iterations, 2);
  EXPECT_TRUE(r.valid);
  EXPECT_NE(r.note.find("not converged after 2 iterations"), std::string::npos) << r.note;
}

TEST(SoftTopkVectors, SecondVector) {
  struct YRow {
    int k;
    double tau;
    Method m;
    std::vector<double> p;
    double lambda = std::nan("");
    int sat = -1;
  };
  const std::vector<YRow> rows = {
      {2,
       0.5,
       Method::GradTopk,
       {0.238314298134, 0.008276254657, 0.949289288253, 0.0899987678143, 0.714121391141}},
      {2,
       0.5,
       Method::ThreExp,
       {0.211802946507, 0.00706855691216, 1.0, 0.0779179495993, 0.703210546982},
       2.5520989341714},
      {2,
       0.5,
       Method::ThreSigmoid,
       {0.32092397796, 0.0155269573807, 0.90469117065, 0.148106637865, 0.610751256144},
       1.7495288167606},
      {2,
       0.5,
       Method::ThreLaplace,
       {0.250238281165, 0.00835126971172, 0.950260339729, 0.0920575190346, 0.69909259036},
       1.6921945098357,
       2},
      {2,
       0.5,
       Method::IterSu,
       {0.315629952632, 0.0118833195954, 0.845300861241, 0.126930269655, 0.700255596877}},
      {2,
       0.5,
       Method::GumbelExpect,
       {0.218692925635, 0.00735319544063, 0.982074222739, 0.0808523169181, 0.711027339267}},
      {2,
       1,
       Method::GradTopk,
       {0.348636260714, 0.0710289991855, 0.795518899985, 0.223188767273, 0.561627072842}},
      {2,
       1,
       Method::ThreExp,
       {0.276906063325, 0.0505861754799, 1.0, 0.167952017267, 0.504555743927},
       1.7840769518782},
      {2,
       1,
       Method::ThreSigmoid,
       {0.376989232273, 0.0995399097904, 0.730596845444, 0.268480188741, 0.524393823752},
       1.0023471768787},
      {2,
       1,
       Method::ThreLaplace,
       {0.328421149057, 0.0599971328831, 0.830149367063, 0.199197496201, 0.582234854796},
       0.92031132262365,
       2},
      {2, 1, Method::ThreClip, {0.2, 0, 1, 0, 0.8}, 0.3},
      {2,
       1,
       Method::IterSu,
       {0.362306521305, 0.0763822696435, 0.778159835565, 0.238232396939, 0.544918976547}},
      {3,
       1,
       Method::GradTopk,
       {0.649756776399, 0.169289014638, 0.914159832837, 0.469997443046, 0.79679693308}},
      {3,
       1,
       Method::ThreExp,
       {0.558904578934, 0.102102658089, 1.0, 0.338992762977, 1.0},
       1.0817765199794},
      {3,
       1,
       Method::ThreSigmoid,
       {0.626148496436, 0.234285108232, 0.882438644341, 0.503932141046, 0.753195609945},
       -0.015728888448521},
      {3,
       1,
       Method::ThreLaplace,
       {0.666310363328, 0.136866345232, 0.92554377793, 0.454412268959, 0.816867244551},
       0.095603231029449,
       3},
      {3, 1, Method::ThreClip, {0.75, 0, 1, 0.25, 1}, -0.25},
      {3,
       1,
       Method::GumbelExpect,
       {0.639036515079, 0.135900087891, 0.968556839911, 0.421743363805, 0.834763193315}},
      {3,
       0.5,
       Method::IterSe,
       {-0.140630125853, -0.00636661770108, 3.32324193065, -0.0636582107905, -0.112586976303}},
  };
  for (const YRow& row : rows) {
    SCOPED_TRACE(std::string(methodId(row.m)) + " k=" + std::to_string(row.k) +
                 " tau=" + std::to_string(row.tau));
    const SoftTopkResult r = run(row.m, kY, row.k, row.tau);
    EXPECT_TRUE(vecNear(r.p, row.p, 1e-10));
    if (!std::isnan(row.lambda)) {
      EXPECT_NEAR(r.lambda, row.lambda, 1e-10);
    }
    if (row.sat >= 0) {
      EXPECT_EQ(r.saturated, row.sat);
    }
  }
  // The iter_se row is a finding: entries < 0 and > 1, so the box test fails.
  const SoftTopkResult se = run(Method::IterSe, kY, 3, 0.5);
  EXPECT_FALSE(se.inBox);
  EXPECT_FALSE(se.valid);
}

}  // namespace
}  // namespace latentlab::topk
