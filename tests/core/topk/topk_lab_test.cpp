// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
#include "latentlab/topk/topk_lab.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <limits>

using namespace latentlab;
using namespace latentlab::topk;

namespace {

std::size_t idx(Method m) { return static_cast<std::size_t>(m); }
std::size_t prop(Property p) { return static_cast<std::size_t>(p); }

std::string keyOfError(const TopkLabParams& p) {
  try {
    validate(p);
  } catch (const ParamError& e) {
    return e.key();
  }
  return "<no error>";
}

std::string keyOfSetError(const ParamSet& s) {
  try {
    fromParamSet(s, topkLabFields());
  } catch (const ParamError& e) {
    return e.key();
  }
  return "<no error>";
}

TopkLabParams only(std::vector<double> x, int k, double tau, Method m) {
  TopkLabParams p;
  p.x = std::move(x);
  p.k = k;
  p.tau = tau;
  p.method = m;
  p.shown.fill(false);
  p.shown[idx(m)] = true;
  return p;
}

const MethodOutcome* outcomeOf(const TopkLabResult& r, Method m) {
  for (const auto& o : r.outcomes)
    if (o.method == m) return &o;
  return nullptr;
}

Eigen::VectorXd direct(const CounterExample& c, Method m, int k, std::vector<double> x) {
  SoftTopkParams sp;
  sp.x = std::move(x);
  sp.k = k;
  sp.tau = c.tau;
  sp.method = m;
  return computeSoftTopk(sp).p;
}

}  // namespace

TEST(TopkLabFields, EveryKeyPresentWithStructDefaults) {
  const auto& table = topkLabFields();
  EXPECT_EQ(&table, &topkLabFields()) << "the table must be built once";
  std::vector<std::string> keys = {"x",         "k",          "tau",  "method",      "alpha",
                                   "epsilon",   "mc_samples", "seed", "sweep_index", "sweep_min",
                                   "sweep_max", "equalise",   "view", "gallery"};
  for (Method m : kAllMethods) keys.push_back("show_" + std::string(methodId(m)));
  const auto specs = specsOf(table);
  EXPECT_EQ(specs.size(), keys.size());
  for (const auto& key : keys) {
    const FieldSpec* s = findField(specs, key);
    ASSERT_NE(s, nullptr) << key;
    EXPECT_FALSE(s->label.empty()) << key;
    EXPECT_FALSE(s->help.empty()) << key;
  }
  const TopkLabParams d;
  const ParamSet defaults = toParamSet(d, table);
  for (const auto& s : specs) EXPECT_EQ(s.def, defaults.at(s.key)) << s.key;
  EXPECT_EQ(std::get<std::vector<double>>(findField(specs, "x")->def),
            (std::vector<double>{3, 2, 1, 4}));
  EXPECT_EQ(std::get<double>(findField(specs, "k")->def), 2.0);
  EXPECT_EQ(std::get<std::string>(findField(specs, "method")->def), "grad_topk");
  EXPECT_EQ(std::get<std::string>(findField(specs, "view")->def), "overview");
  EXPECT_TRUE(std::get<bool>(findField(specs, "show_grad_topk")->def));
  EXPECT_TRUE(std::get<bool>(findField(specs, "show_iter_su")->def));
  EXPECT_FALSE(std::get<bool>(findField(specs, "show_ot_sinkhorn")->def));
  const FieldSpec* method = findField(specs, "method");
  ASSERT_EQ(method->choices.size(), kAllMethods.size());
  EXPECT_EQ(method->choices[idx(Method::ThreLaplace)], "thre_laplace");
  EXPECT_EQ(method->choiceLabels.size(), kAllMethods.size());
  EXPECT_TRUE(findField(specs, "tau")->logScale);
  EXPECT_EQ(findField(specs, "gallery")->max, static_cast<double>(counterExamples().size() - 1));
}

TEST(TopkLabFields, RoundTripThroughParamSet) {
  TopkLabParams p;
  p.x = {1, -2, 5};
  p.k = 1;
  p.tau = 0.25;
  p.method = Method::ThreEntmax;
  p.shown.fill(false);
  p.shown[idx(Method::OtSinkhorn)] = true;
  p.alpha = 2.5;
  p.epsilon = 0.5;
  p.mcSamples = 500;
  p.seed = 12345;
  p.sweepIndex = 3;
  p.sweepMin = -1;
  p.sweepMax = 2;
  p.equalise = true;
  p.view = TopkView::Stability;
  p.gallery = 4;
  const auto& t = topkLabFields();
  const TopkLabParams b = fromParamSet(toParamSet(p, t), t);
  EXPECT_EQ(b.x, p.x);
  EXPECT_EQ(b.k, 1);
  EXPECT_EQ(b.tau, 0.25);
  EXPECT_EQ(b.method, Method::ThreEntmax);
  EXPECT_EQ(b.shown, p.shown);
  EXPECT_EQ(b.alpha, 2.5);
  EXPECT_EQ(b.epsilon, 0.5);
  EXPECT_EQ(b.mcSamples, 500);
  EXPECT_EQ(b.seed, 12345u);
  EXPECT_EQ(b.sweepIndex, 3);
  EXPECT_EQ(b.sweepMin, -1.0);
  EXPECT_EQ(b.sweepMax, 2.0);
  EXPECT_TRUE(b.equalise);
  EXPECT_EQ(b.view, TopkView::Stability);
  EXPECT_EQ(b.gallery, 4);
  EXPECT_NO_THROW(validate(b));
}

TEST(TopkLabFields, BadValuesNameTheKey) {
  TopkLabParams p;
  p.k = 7;
  EXPECT_EQ(keyOfError(p), "k");
  try {
    validate(p);
  } catch (const ParamError& e) {
    EXPECT_STREQ(e.what(), "k must be between 0 and n = 4, got 7");
  }
  p = {};
  p.sweepIndex = 5;
  EXPECT_EQ(keyOfError(p), "sweep_index");
  p = {};
  p.sweepMin = 3;
  p.sweepMax = 3;
  EXPECT_EQ(keyOfError(p), "sweep_min");
  p = {};
  p.x = {1, std::numeric_limits<double>::quiet_NaN(), 2};
  EXPECT_EQ(keyOfError(p), "x[1]");
  p = {};
  p.tau = 0;
  EXPECT_EQ(keyOfError(p), "tau");
  p = {};
  p.x = {1};
  EXPECT_EQ(keyOfError(p), "x");
  EXPECT_THROW(computeTopkLab(p), ParamError);
  EXPECT_EQ(keyOfError(TopkLabParams{}), "<no error>");

  EXPECT_EQ(keyOfSetError({{"tau", 0.0}}), "tau");
  EXPECT_EQ(keyOfSetError({{"method", std::string("softsort")}}), "method");
  EXPECT_EQ(keyOfSetError({{"view", std::string("nope")}}), "view");
  EXPECT_EQ(keyOfSetError({{"alpha", 1.0}}), "alpha");
  EXPECT_EQ(keyOfSetError({{"show_grad_topk", 2.0}}), "show_grad_topk");
  EXPECT_EQ(keyOfSetError({{"mc_samples", 2e6}}), "mc_samples");
}

TEST(TopkLab, DefaultsFillEveryArrayConsistently) {
  const TopkLabParams p;
  const TopkLabResult r = computeTopkLab(p);
  const Eigen::Index n = 4;
  ASSERT_EQ(r.x.size(), n);
  EXPECT_EQ(r.hard, (Eigen::VectorXd(4) << 1, 0, 0, 1).finished());
  ASSERT_EQ(r.outcomes.size(), 5u);
  const Method order[] = {Method::IterSu, Method::GradTopk, Method::ThreExp, Method::ThreSigmoid,
                          Method::ThreLaplace};
  for (std::size_t i = 0; i < 5; ++i) {
    const MethodOutcome& o = r.outcomes[i];
    EXPECT_EQ(o.method, order[i]);
    EXPECT_EQ(o.tauUsed, 1.0);
    SoftTopkParams sp;
    sp.method = o.method;
    const SoftTopkResult d = computeSoftTopk(sp);
    ASSERT_EQ(o.result.p.size(), n);
    EXPECT_LT((o.result.p - d.p).cwiseAbs().maxCoeff(), 1e-15) << methodId(o.method);
    EXPECT_NEAR(o.l1ToHard, (d.p - r.hard).lpNorm<1>(), 1e-15);
    EXPECT_EQ(o.result.jacobian.size(), 0);
  }
  EXPECT_NEAR(outcomeOf(r, Method::GradTopk)->l1ToHard, 0.84958, 1e-5);  // L1 error to T₂ at τ = 1
  EXPECT_NEAR(outcomeOf(r, Method::ThreExp)->l1ToHard, 0.66952, 1e-5);
  EXPECT_NEAR(outcomeOf(r, Method::IterSu)->l1ToHard, 0.87306, 1e-5);
  EXPECT_TRUE(outcomeOf(r, Method::GradTopk)->monotone);

  ASSERT_EQ(r.focus.jacobian.rows(), n);
  ASSERT_EQ(r.focusFdJacobian.rows(), n);
  EXPECT_EQ(r.focus.jacobianKind, JacobianKind::Analytic);
  EXPECT_LT(r.jacobianFdError, 1e-6);
  EXPECT_GT(r.jacobianFdError, 0.0);  // FD is never exact; 0 would mean J was compared with itself

  EXPECT_EQ(r.sweepValues.size(), 121u);
  EXPECT_EQ(r.sweepValues.front(), -2.0);
  EXPECT_EQ(r.sweepValues.back(), 7.0);
  EXPECT_EQ(r.responseFocus.rows(), 121);
  EXPECT_EQ(r.responseFocus.cols(), n);
  EXPECT_EQ(r.responseByMethod.rows(), 121);
  EXPECT_EQ(r.responseByMethod.cols(), 5);
  EXPECT_EQ(r.responseHard.size(), 121u);
  EXPECT_EQ(r.traceVsSweep.size(), 121u);
  EXPECT_EQ(r.responseHard.front(), 0.0);  // x₁ = −2 is not in the top 2 of [−2, 2, 1, 4]
  EXPECT_EQ(r.responseHard.back(), 1.0);
  EXPECT_TRUE(r.responseFocus.allFinite());
  for (int s = 0; s < 121; ++s) EXPECT_NEAR(r.responseFocus.row(s).sum(), 2.0, 1e-12);
  for (int s = 1; s < 121; ++s)  // GradTopK is strictly monotone in its own input
    EXPECT_GT(r.responseByMethod(s, 1), r.responseByMethod(s - 1, 1));

  EXPECT_EQ(r.tauGrid.size(), 61u);
  EXPECT_NEAR(r.tauGrid.front(), 1e-3, 1e-15);
  EXPECT_NEAR(r.tauGrid.back(), 1e2, 1e-10);
  EXPECT_EQ(r.tauFocus.rows(), 61);
  EXPECT_EQ(r.tauFocus.cols(), n);
  EXPECT_EQ(r.l1ByMethod.rows(), 61);
  EXPECT_EQ(r.l1ByMethod.cols(), 5);
  EXPECT_EQ(r.traceVsTau.size(), 61u);
  EXPECT_EQ(r.smoothSum.size(), 61u);
  // 61 points over 5 decades is 12 per decade, so τ = 1 is grid point 36.
  EXPECT_NEAR(r.tauGrid[36], 1.0, 1e-12);
  EXPECT_NEAR(r.l1ByMethod(36, 1), 0.84958, 1e-5);
  // trace J = ½‖J‖₁ = k − Σp² for GradTopK at τ = 1 (J is a covariance over τ).
  EXPECT_NEAR(r.traceVsTau[36], 0.634394104775, 1e-9);
  EXPECT_NEAR(r.focus.jacobian.trace(), 0.634394104775, 1e-9);
  EXPECT_LT(r.traceVsTau.front(), 1e-100);  // the hard limit has no gradient

  // The focus (grad_topk) has no λ, so the solver view shows thre_sigmoid: λ = 2.5 (x is symmetric
  // about 2.5).
  EXPECT_EQ(r.thresholdMethod, Method::ThreSigmoid);
  EXPECT_NEAR(r.threshold.lambda, 2.5, 1e-9);
  EXPECT_FALSE(r.threshold.lambdaTrace.empty());
  EXPECT_EQ(r.lambdaGrid.size(), 201u);
  EXPECT_EQ(r.fOfLambda.size(), 201u);
  EXPECT_EQ(r.uGrid.size(), 241u);
  EXPECT_EQ(r.fCurves.rows(), 241);
  EXPECT_EQ(r.fCurves.cols(), 5);
  EXPECT_EQ(r.dfCurves.rows(), 241);
  EXPECT_NEAR(r.fCurves(120, 1), 0.5, 1e-15);  // σ(0)
  EXPECT_NEAR(r.fCurves(120, 0), 1.0, 1e-15);  // min(1, e⁰)

  EXPECT_EQ(r.stabilityK.size(), 9u);
  EXPECT_EQ(r.naiveError.rows(), 9);
  EXPECT_EQ(r.naiveError.cols(), static_cast<Eigen::Index>(r.stabilityTau.size()));
  EXPECT_EQ(r.dpError.rows(), 9);
  EXPECT_EQ(r.hardSum, 7.0);
  EXPECT_NEAR(r.logBinom, std::log(6.0), 1e-14);

  EXPECT_EQ(r.properties.size(), 5u);
  for (const auto& row : r.properties[1]) EXPECT_TRUE(row);  // grad_topk: every property
  EXPECT_GT(r.elapsedMs, 0.0);
}

TEST(TopkLab, ThresholdFocusFillsTheSolverView) {
  TopkLabParams p = only({3, 2, 1, 4}, 2, 1.0, Method::ThreSigmoid);
  const TopkLabResult r = computeTopkLab(p);
  ASSERT_EQ(r.lambdaGrid.size(), 201u);
  ASSERT_EQ(r.fOfLambda.size(), 201u);
  EXPECT_NEAR(r.focus.lambda, 2.5, 1e-9);  // exact by symmetry
  EXPECT_EQ(r.thresholdMethod, Method::ThreSigmoid);
  EXPECT_EQ(r.threshold.lambda, r.focus.lambda);
  EXPECT_LE(r.lambdaGrid.front(), 2.5);
  EXPECT_GE(r.lambdaGrid.back(), 2.5);
  EXPECT_GT(r.fOfLambda.front(), 2.0);  // F decreases from n to 0 through k
  EXPECT_LT(r.fOfLambda.back(), 2.0);
  for (std::size_t i = 1; i < r.fOfLambda.size(); ++i)
    EXPECT_LE(r.fOfLambda[i], r.fOfLambda[i - 1]);
  EXPECT_LT(r.jacobianFdError, 1e-6);
}

TEST(TopkLab, PropertiesAreLiveChecks) {
  // iter_su leaves the box here (unproven bound, kexue.fm/archives/10373, §迭代构造); its sum is
  // still k.
  TopkLabResult r = computeTopkLab(only({4, 3, 1, -5}, 2, 0.1, Method::IterSu));
  ASSERT_EQ(r.properties.size(), 1u);
  EXPECT_FALSE(r.properties[0][prop(Property::Box)]);
  EXPECT_TRUE(r.properties[0][prop(Property::SumK)]);
  EXPECT_TRUE(r.properties[0][prop(Property::Shift)]);

  r = computeTopkLab(only({3, 2, 1, 4}, 2, 0.1, Method::IterSe));
  EXPECT_TRUE(r.properties[0][prop(Property::SumK)]);
  EXPECT_FALSE(r.properties[0][prop(Property::Box)]);  // 1.49995 on the maximum

  r = computeTopkLab(only({3, 2, 1, 4}, 1, 1.0, Method::ThreExp));
  EXPECT_FALSE(r.properties[0][prop(Property::Complement)]);
  EXPECT_TRUE(r.properties[0][prop(Property::SoftmaxAtK1)]);
  r = computeTopkLab(only({3, 2, 1, 4}, 1, 1.0, Method::ThreSigmoid));
  EXPECT_TRUE(r.properties[0][prop(Property::Complement)]);
  EXPECT_FALSE(r.properties[0][prop(Property::SoftmaxAtK1)]);

  r = computeTopkLab(only({0.6, 0.8, -2.6}, 2, 1.0, Method::IterSu));
  EXPECT_FALSE(r.properties[0][prop(Property::Monotone)]);
  EXPECT_FALSE(r.outcomes[0].monotone);
  TopkLabParams ot = only({3, 2, 1, 4}, 2, 1.0, Method::OtSinkhorn);
  r = computeTopkLab(ot);
  EXPECT_FALSE(r.properties[0][prop(Property::Shift)]);
}

TEST(TopkLab, StabilityTableShowsTheNaiveRecursionFailing) {
  const TopkLabResult r = computeTopkLab(TopkLabParams{});
  auto col = [&](double tau) {
    for (std::size_t i = 0; i < r.stabilityTau.size(); ++i)
      if (r.stabilityTau[i] == tau) return static_cast<Eigen::Index>(i);
    ADD_FAILURE() << "τ = " << tau << " missing";
    return Eigen::Index{0};
  };
  for (double tau : {1.0, 0.3, 0.1, 0.03}) col(tau);
  for (std::size_t i = 1; i < r.stabilityTau.size(); ++i)
    EXPECT_LT(r.stabilityTau[i], r.stabilityTau[i - 1]);
  EXPECT_GT(r.naiveError(5 - 1, col(0.1)), 1.0);    // the listing's measured error: 4.0
  EXPECT_LT(r.naiveError(2 - 1, col(1.0)), 1e-12);  // 2.6e-15
  EXPECT_GT(r.naiveError(8 - 1, col(0.3)), 1.0);    // 6.99
  EXPECT_LT(r.dpError.maxCoeff(), 1e-12);
  EXPECT_TRUE(r.dpError.allFinite());
}

TEST(TopkLab, SmoothSumStaysWithinItsBounds) {
  TopkLabParams p;
  p.x = {0.5, -1.2, 2.0, 0.0, 1.1};
  p.k = 3;
  const TopkLabResult r = computeTopkLab(p);
  EXPECT_NEAR(r.hardSum, 3.6, 1e-15);
  EXPECT_NEAR(r.logBinom, std::log(10.0), 1e-14);
  for (std::size_t t = 0; t < r.tauGrid.size(); ++t) {
    const double tau = r.tauGrid[t];
    EXPECT_GE(r.smoothSum[t], r.hardSum - 1e-12 * (1 + tau)) << tau;
    EXPECT_LE(r.smoothSum[t], r.hardSum + tau * r.logBinom + 1e-12 * (1 + tau)) << tau;
  }
  // As τ → ∞, τ·log Z_k(x/τ) → τ·log C(n, k) + (k/n)·Σx (every k-subset equally likely).
  EXPECT_NEAR(r.smoothSum.back(), 100 * std::log(10.0) + 0.6 * 2.4, 0.05);
  EXPECT_NEAR(r.smoothSum.front(), 3.6, 1e-9);  // and → the hard sum as τ → 0
}

TEST(TopkLab, EqualiseMatchesGradTopkL1) {
  TopkLabParams p;
  p.equalise = true;
  p.shown[idx(Method::ThreClip)] = true;
  const TopkLabResult r = computeTopkLab(p);
  const double target = outcomeOf(r, Method::GradTopk)->l1ToHard;
  EXPECT_NEAR(target, 0.84958, 1e-5);
  int moved = 0;
  for (const auto& o : r.outcomes) {
    EXPECT_NEAR(o.l1ToHard, target, 1e-6) << methodId(o.method);
    EXPECT_GE(o.tauUsed, 1e-3);
    EXPECT_LE(o.tauUsed, 1e4);
    if (o.method != Method::GradTopk && std::abs(o.tauUsed - 1.0) > 1e-3) ++moved;
  }
  EXPECT_GE(moved, 4);
  // thre_sigmoid is softer at equal τ (error ~ e^{−gap/(2τ)}), so it needs a smaller τ.
  EXPECT_LT(outcomeOf(r, Method::ThreSigmoid)->tauUsed, 1.0);
  EXPECT_GT(outcomeOf(r, Method::ThreExp)->tauUsed, 1.0);
}

TEST(TopkLab, CancellationThrows) {
  std::atomic<bool> stop{true};
  RunControl rc;
  rc.cancel = &stop;
  EXPECT_THROW(computeTopkLab(TopkLabParams{}, rc), Cancelled);

  // Cancelling mid-way (from the progress callback) also stops it.
  std::atomic<bool> later{false};
  RunControl rc2;
  rc2.cancel = &later;
  double last = 0.0;
  rc2.onProgress = [&](double f) {
    last = f;
    if (f >= 0.3) later = true;
  };
  EXPECT_THROW(computeTopkLab(TopkLabParams{}, rc2), Cancelled);
  EXPECT_LT(last, 0.6);
}

TEST(TopkLab, ProgressReachesOneAndIsMonotone) {
  RunControl rc;
  std::vector<double> seen;
  rc.onProgress = [&](double f) { seen.push_back(f); };
  computeTopkLab(TopkLabParams{}, rc);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back(), 1.0);
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i], seen[i - 1]);
}

TEST(TopkLab, MeasureSpeedFillsTheMatrix) {
  SpeedParams sp;
  sp.methods = {Method::GradTopk, Method::ThreExp};
  sp.sizes = {100, 1000};
  sp.budgetMsPerCell = 5.0;
  int calls = 0;
  RunControl rc;
  rc.onProgress = [&](double) { ++calls; };
  const SpeedResult r = measureSpeed(sp, rc);
  ASSERT_EQ(r.medianMs.rows(), 2);
  ASSERT_EQ(r.medianMs.cols(), 2);
  EXPECT_EQ(r.sizes, sp.sizes);
  EXPECT_EQ(calls, 4);
  for (Eigen::Index i = 0; i < 4; ++i) {
    EXPECT_TRUE(std::isfinite(r.medianMs(i)));
    EXPECT_GT(r.medianMs(i), 0.0);
  }
  sp.methods = {Method::GumbelExpect};
  sp.sizes = {5000};
  EXPECT_TRUE(std::isnan(measureSpeed(sp).medianMs(0, 0)));  // exact expectation: skipped

  std::atomic<bool> stop{true};
  RunControl cancel;
  cancel.cancel = &stop;
  EXPECT_THROW(measureSpeed(sp, cancel), Cancelled);
}

TEST(TopkLabGallery, EveryCounterExampleReproducesItsClaim) {
  const auto& list = counterExamples();
  ASSERT_EQ(list.size(), 12u);
  for (const auto& c : list) {
    EXPECT_FALSE(c.title.empty());
    EXPECT_NE(c.explanation.find("§"), std::string::npos) << c.title;
    TopkLabParams p = only(c.x, c.k, c.tau, c.method);
    p.sweepIndex = 1;
    EXPECT_NO_THROW(validate(p)) << c.title;
  }
  auto p = [&](std::size_t i) { return direct(list[i], list[i].method, list[i].k, list[i].x); };
  EXPECT_GT(p(0).maxCoeff(), 1.0);
  const Eigen::VectorXd twice = p(1);
  EXPECT_EQ((twice.array() > 1.0).count(), 2);
  const Eigen::VectorXd nm = p(2);
  EXPECT_LT(nm[1], nm[0]);  // x₂ > x₁ but p₂ < p₁
  const Eigen::VectorXd se = p(3);
  EXPECT_NEAR(se.maxCoeff(), 1.5, 1e-3);
  EXPECT_NEAR(se[0], 0.5, 1e-3);
  const Eigen::VectorXd neg = p(4);
  EXPECT_LT(neg.minCoeff(), -0.1);
  const Eigen::VectorXd se3 = p(5);
  EXPECT_LT(se3[3], se3[1]);  // x₄ = 4 > x₂ = 2 but p₄ < p₂
  // The article's recursion against the DP on the same input.
  const auto& rec = list[6];
  const Eigen::VectorXd xr = Eigen::Map<const Eigen::VectorXd>(rec.x.data(), 4);
  EXPECT_GT((gradTopkNaive(xr, rec.k, rec.tau) - p(6)).cwiseAbs().maxCoeff(), 1e-3);
  EXPECT_LT((gradTopkBruteForce(xr, rec.k, rec.tau) - p(6)).cwiseAbs().maxCoeff(), 1e-12);
  const Eigen::VectorXd lap = p(7);
  EXPECT_GT((lap - softmax(Eigen::Map<const Eigen::VectorXd>(list[7].x.data(), 4), 1.0))
                .cwiseAbs()
                .maxCoeff(),
            0.01);
  SoftTopkParams lapN;
  lapN.x = list[8].x;
  lapN.k = list[8].k;
  lapN.tau = list[8].tau;
  lapN.method = Method::ThreLaplace;
  const SoftTopkResult lapR = computeSoftTopk(lapN);
  EXPECT_EQ(lapR.saturated, 4);
  EXPECT_NEAR(lapR.lambda, 0.405808508862, 1e-9);
  EXPECT_LT(lapR.lambda, 0.5);  // below min z
  // thre_exp complement failure: ST₁(x) vs 1 − ST₃(−x).
  const Eigen::VectorXd e1 = p(9);
  const Eigen::VectorXd e3 = direct(list[9], Method::ThreExp, 3, {-3, -2, -1, -4});
  EXPECT_GT((e1 - (1.0 - e3.array()).matrix()).cwiseAbs().maxCoeff(), 0.05);
  // OT: x + 10 against x.
  const Eigen::VectorXd shifted = p(10);
  const Eigen::VectorXd base = direct(list[10], Method::OtSinkhorn, 2, {3, 2, 1, 4});
  EXPECT_GT((shifted - base).cwiseAbs().maxCoeff(), 0.05);
  const Eigen::VectorXd gum = p(11);
  const Eigen::VectorXd grad = direct(list[11], Method::GradTopk, 2, list[11].x);
  EXPECT_GT((gum - grad).cwiseAbs().maxCoeff(), 0.03);
  for (Property q : {Property::SumK, Property::Box, Property::Monotone, Property::Shift,
                     Property::Complement, Property::SoftmaxAtK1})
    EXPECT_NE(propertyLabel(q), "?");
}

TEST(TopkLab, ExpectationsExactInBarsAndSampledInCurves) {
  TopkLabParams p = only({3, 2, 1, 4}, 2, 1.0, Method::GaussPerturbed);
  const TopkLabResult r = computeTopkLab(p);
  SoftTopkParams sp;
  sp.method = Method::GaussPerturbed;
  sp.expectation = Expectation::Exact;
  const Eigen::VectorXd exact = computeSoftTopk(sp).p;
  EXPECT_LT((r.outcomes[0].result.p - exact).cwiseAbs().maxCoeff(), 1e-15);
  EXPECT_NEAR(exact[0], 0.7455150929, 1e-8);  // high-precision reference, σ = 1
  EXPECT_EQ(r.focus.jacobianKind, JacobianKind::FiniteDifference);
  EXPECT_TRUE(r.focusFdJacobian.isApprox(r.focus.jacobian));
  EXPECT_TRUE(std::isnan(r.jacobianFdError));
  // The τ curve uses the score-function estimator: close to the exact trace, and not the zero a
  // finite difference of a fixed-seed sample would give.
  const double trace = r.focus.jacobian.trace();
  EXPECT_GT(trace, 0.2);
  EXPECT_NEAR(r.traceVsTau[36], trace, 0.2);
  EXPECT_NEAR(r.l1ByMethod(36, 0), r.outcomes[0].l1ToHard, 0.15);
  for (int s = 0; s < 121; ++s) EXPECT_NEAR(r.responseFocus.row(s).sum(), 2.0, 1e-12);
}

TEST(TopkLab, FiniteDifferenceTraceMatchesTheJacobian) {
  const TopkLabResult r = computeTopkLab(only({3, 2, 1, 4}, 2, 1.0, Method::OtSinkhorn));
  EXPECT_EQ(r.focus.jacobianKind, JacobianKind::FiniteDifference);
  EXPECT_NEAR(r.traceVsTau[36], r.focus.jacobian.trace(), 1e-5);
  const TopkLabResult su = computeTopkLab(only({3, 2, 1, 4}, 2, 1.0, Method::IterSu));
  EXPECT_NEAR(su.traceVsTau[36], 0.650326742758, 1e-9);  // high-precision reference, analytic
  EXPECT_LT(su.jacobianFdError, 1e-6);
}

TEST(TopkLab, EdgeKAndDeterminism) {
  for (int k : {0, 4}) {
    TopkLabParams p;
    p.k = k;
    p.equalise = true;
    const TopkLabResult r = computeTopkLab(p);
    for (const auto& o : r.outcomes) {
      EXPECT_EQ(o.l1ToHard, 0.0) << methodId(o.method);
      EXPECT_EQ(o.tauUsed, 1.0);
    }
    EXPECT_EQ(r.hardSum, k == 0 ? 0.0 : 10.0);
    EXPECT_NEAR(r.logBinom, 0.0, 1e-14);
    EXPECT_TRUE(r.responseFocus.allFinite());
    for (const auto& row : r.properties) EXPECT_TRUE(row[prop(Property::SumK)]);
  }
  TopkLabParams p;
  p.mcSamples = 300;
  p.seed = 9;
  p.shown[idx(Method::GumbelExpect)] = true;
  const TopkLabResult a = computeTopkLab(p);
  const TopkLabResult b = computeTopkLab(p);
  EXPECT_EQ(a.outcomes.back().result.p, b.outcomes.back().result.p);
  EXPECT_EQ(a.responseByMethod, b.responseByMethod);
  EXPECT_EQ(a.l1ByMethod, b.l1ByMethod);
}
