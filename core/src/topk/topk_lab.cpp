// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// computeTopkLab: everything the Smooth Top-k page shows (after kexue.fm/archives/10373), built
// from computeSoftTopk calls. Serial on purpose: at the defaults it is under 1 ms, and the UI
// already runs it off the GUI thread. On an OpenCL device (RunControl::device) every call of a
// method with a device path (thre_*, iter_su) runs there; one that cannot makes the whole page
// fall back to the CPU, so a result never mixes devices silently.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

#include "latentlab/topk/topk_lab.h"
#include "soft_topk_opencl.h"

namespace latentlab::topk {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kSweepPoints = 121;
constexpr int kTauPoints = 61;
constexpr int kLambdaPoints = 201;
constexpr int kUPoints = 241;
constexpr double kTauMin = 1e-3;  // equalise search range = the τ field's range
constexpr double kTauMax = 1e4;
constexpr int kEqualiseGrid = 36;  // 5 points per decade over [1e-3, 1e4]
// The curves (response, τ sweep, equalise search) evaluate each method ~200 times. Exact
// gumbel/gauss expectations cost a quadrature over ~range(z)·128 nodes per call (seconds per curve
// at n = 20), so the curves estimate them by Monte Carlo with at most this many samples (a fixed
// seed keeps them reproducible). Gumbel up to
// kGumbelEnumerateN entries stays exact: enumeration is cheaper than sampling there. Single
// evaluations (bars, focus, properties) always use the user's setting.
constexpr int kCurveMcSamples = 512;
constexpr int kGumbelEnumerateN = 8;
constexpr double kMonotoneTol = 1e-12;

std::size_t idx(Method m) { return static_cast<std::size_t>(m); }

// On the device path a method that has one must have run there: a per-call fallback (recorded
// in deviceUse) becomes a DeviceError, and computeTopkLab recomputes the page on the CPU.
SoftTopkResult requireDevice(SoftTopkResult r, Method m, const RunControl& control) {
  if (control.device != "cpu" && !control.device.empty() && detail::hasDevicePath(m) &&
      r.deviceUse.device != control.device)
    throw DeviceError(r.deviceUse.fallback.empty() ? "a Top-k call did not run on " + control.device
                                                   : r.deviceUse.fallback);
  return r;
}

// One evaluator per computation: a reusable SoftTopkParams (no per-call reallocation of x) and a
// RunControl that forwards cancellation only, since progress fractions are computeTopkLab's.
class Evaluator {
 public:
  Evaluator(const TopkLabParams& p, const RunControl& control) : m_control{control.cancelOnly()} {
    m_sp.x = p.x;
    m_sp.k = p.k;
    m_sp.tau = p.tau;
    m_sp.method = p.method;
    m_sp.alpha = p.alpha;
    m_sp.epsilon = p.epsilon;
    m_sp.seed = p.seed;
    m_mcSamples = p.mcSamples;
    m_sp.expectation = m_mcSamples == 0 ? Expectation::Exact : Expectation::MonteCarlo;
    m_sp.mcSamples = std::max(1, m_mcSamples);
  }
  SoftTopkParams& params() { return m_sp; }
  const RunControl& control() const { return m_control; }
  // Curve mode: cheap expectations (see kCurveMcSamples).
  void setCurve(bool curve) { m_curve = curve; }
  // Whether `m` is estimated by Monte Carlo in the current mode.
  bool monteCarlo(Method m) const {
    if (m != Method::GumbelExpect && m != Method::GaussPerturbed) return false;
    if (m_mcSamples > 0) return true;
    return m_curve && !(m == Method::GumbelExpect && m_sp.x.size() <= kGumbelEnumerateN);
  }
  SoftTopkResult run(Method m, double tau, bool jacobian = false) {
    const bool mc = monteCarlo(m);
    m_sp.expectation = mc ? Expectation::MonteCarlo : Expectation::Exact;
    m_sp.mcSamples =
        !mc       ? 1
        : m_curve ? std::min(kCurveMcSamples, m_mcSamples > 0 ? m_mcSamples : kCurveMcSamples)
                  : m_mcSamples;
    m_sp.method = m;
    m_sp.tau = tau;
    m_sp.wantJacobian = jacobian;
    m_sp.traceSolver = false;
    return requireDevice(computeSoftTopk(m_sp, m_control), m, m_control);
  }
  Eigen::VectorXd p(Method m, double tau) { return run(m, tau).p; }

 private:
  SoftTopkParams m_sp;
  RunControl m_control;
  int m_mcSamples = 0;
  bool m_curve = false;
};

Eigen::VectorXd toVec(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

std::vector<double> logSpace(double lo, double hi, int n) {
  std::vector<double> out(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i)
    out[static_cast<std::size_t>(i)] =
        std::exp(std::log(lo) + (std::log(hi) - std::log(lo)) * i / (n - 1));
  out.front() = lo;  // exact ends: exp(log(hi)) may miss hi by an ulp
  out.back() = hi;
  return out;
}

std::vector<double> linSpace(double lo, double hi, int n) {
  std::vector<double> out(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out[static_cast<std::size_t>(i)] = lo + (hi - lo) * i / (n - 1);
  return out;
}

// NaN-propagating max |a − b|: a broken output must never read as "agrees".
double maxAbsDiff(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  if (a.size() != b.size()) return kNaN;
  if (!a.allFinite() || !b.allFinite()) return kInf;
  return a.size() == 0 ? 0.0 : (a - b).cwiseAbs().maxCoeff();
}

double l1(const Eigen::VectorXd& p, const Eigen::VectorXd& hard) { return (p - hard).lpNorm<1>(); }

bool weaklyMonotone(const Eigen::VectorXd& x, const Eigen::VectorXd& p) {
  for (Eigen::Index i = 0; i < x.size(); ++i)
    for (Eigen::Index j = 0; j < x.size(); ++j)
      if (x[i] > x[j] && !(p[i] >= p[j] - kMonotoneTol)) return false;
  return true;
}

// How the focus method's Jacobian trace is obtained along the curves.
enum class TraceMode { ClosedForm, Jacobian, FiniteDifference, None };

TraceMode traceMode(const Evaluator& ev, Method m, JacobianKind focusKind) {
  if (m == Method::GradTopk) return TraceMode::ClosedForm;  // J_ii = p_i(1 − p_i)/τ (GradTopK)
  // Finite differences of a fixed-seed Monte Carlo estimate are zero almost surely, so Monte Carlo
  // curves use the method's score-function estimator instead.
  if (ev.monteCarlo(m)) return TraceMode::Jacobian;
  switch (focusKind) {
    case JacobianKind::Analytic:
    case JacobianKind::MonteCarlo:
      return TraceMode::Jacobian;
    // A full FD Jacobian costs the same 2n calls as its diagonal, but allocates n×n per point.
    case JacobianKind::FiniteDifference:
      return TraceMode::FiniteDifference;
    case JacobianKind::None:
      break;
  }
  return TraceMode::None;
}

double focusTrace(Evaluator& ev, Method m, double tau, TraceMode mode, SoftTopkResult* out) {
  if (mode == TraceMode::Jacobian) {
    SoftTopkResult r = ev.run(m, tau, true);
    const double t = r.jacobian.size() > 0 ? r.jacobian.trace() : kNaN;
    if (out) *out = std::move(r);
    return t;
  }
  SoftTopkResult r = ev.run(m, tau);
  double trace = kNaN;
  if (mode == TraceMode::ClosedForm) {
    trace = (r.p.array() * (1.0 - r.p.array())).sum() / tau;
  } else if (mode == TraceMode::FiniteDifference) {
    auto& x = ev.params().x;
    trace = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double xi = x[i];
      const double h = 1e-6 * std::max(1.0, std::abs(xi));
      x[i] = xi + h;
      const double up = ev.run(m, tau).p[static_cast<Eigen::Index>(i)];
      x[i] = xi - h;
      const double down = ev.run(m, tau).p[static_cast<Eigen::Index>(i)];
      x[i] = xi;
      trace += (up - down) / (2.0 * h);
    }
  }
  if (out) *out = std::move(r);
  return trace;
}

// τ_m with ‖ST_m(x; τ_m) − T_k‖₁ = target: scan a log grid, take the sign change nearest the
// user's τ (L1 need not be monotone in τ, e.g. iter_se), then bisect in log τ. Unreachable targets
// clamp to the grid point with the closest L1.
double equaliseTau(Evaluator& ev, Method m, double tau, double target,
                   const Eigen::VectorXd& hard) {
  if (!std::isfinite(target) || target == 0.0) return tau;
  const std::vector<double> grid = logSpace(kTauMin, kTauMax, kEqualiseGrid);
  std::vector<double> g(grid.size());
  for (std::size_t i = 0; i < grid.size(); ++i) {
    ev.control().checkCancelled();
    g[i] = l1(ev.p(m, grid[i]), hard) - target;
  }
  int best = -1;
  double bestDist = kInf;
  for (std::size_t i = 0; i + 1 < grid.size(); ++i) {
    if (!(std::isfinite(g[i]) && std::isfinite(g[i + 1])) || (g[i] > 0) == (g[i + 1] > 0)) continue;
    const double dist = std::abs(0.5 * (std::log(grid[i]) + std::log(grid[i + 1])) - std::log(tau));
    if (dist < bestDist) bestDist = dist, best = static_cast<int>(i);
  }
  if (best < 0) {
    double bestErr = kInf;
    double tauBest = tau;
    for (std::size_t i = 0; i < grid.size(); ++i)
      if (std::abs(g[i]) < bestErr) bestErr = std::abs(g[i]), tauBest = grid[i];
    return tauBest;
  }
  double lo = std::log(grid[static_cast<std::size_t>(best)]);
  double hi = std::log(grid[static_cast<std::size_t>(best) + 1]);
  const bool loAbove = g[static_cast<std::size_t>(best)] > 0;
  for (int it = 0; it < 80 && hi - lo > 1e-15; ++it) {
    ev.control().checkCancelled();
    const double mid = 0.5 * (lo + hi);
    const double gm = l1(ev.p(m, std::exp(mid)), hard) - target;
    if (std::abs(gm) <= 1e-13 * std::max(1.0, target)) return std::exp(mid);
    ((gm > 0) == loAbove ? lo : hi) = mid;
  }
  return std::exp(0.5 * (lo + hi));
}

// Stability table: on [0..9] and fixed grids, so it never depends on params and is computed
// once per process (a function-local static is initialised thread-safely).
struct StabilityTable {
  std::vector<int> k;
  std::vector<double> tau;
  Eigen::MatrixXd naiveError;
  Eigen::MatrixXd dpError;
};

const StabilityTable& stabilityTable() {
  static const StabilityTable table = [] {
    StabilityTable t;
    for (int k = 1; k <= 9; ++k) t.k.push_back(k);
    t.tau = {3, 1, 0.5, 0.3, 0.2, 0.1, 0.05, 0.03, 0.02, 0.01};  // descending; naive table + more
    Eigen::VectorXd x(10);
    std::iota(x.data(), x.data() + 10, 0.0);
    const auto nk = static_cast<Eigen::Index>(t.k.size());
    const auto nt = static_cast<Eigen::Index>(t.tau.size());
    t.naiveError.resize(nk, nt);
    t.dpError.resize(nk, nt);
    SoftTopkParams sp;
    sp.x.assign(x.data(), x.data() + 10);
    sp.method = Method::GradTopk;
    for (Eigen::Index a = 0; a < nk; ++a)
      for (Eigen::Index b = 0; b < nt; ++b) {
        sp.k = t.k[static_cast<std::size_t>(a)];
        sp.tau = t.tau[static_cast<std::size_t>(b)];
        const Eigen::VectorXd dp = computeSoftTopk(sp).p;
        t.naiveError(a, b) = maxAbsDiff(gradTopkNaive(x, sp.k, sp.tau), dp);
        t.dpError(a, b) = maxAbsDiff(dp, gradTopkBruteForce(x, sp.k, sp.tau));
      }
    return t;
  }();
  return table;
}

using PropertyRow = std::array<bool, static_cast<int>(Property::Count)>;

// Property matrix: the invariants, checked live on the current input at the method's τ.
PropertyRow checkProperties(Evaluator& ev, const MethodOutcome& o, const Eigen::VectorXd& x,
                            int k) {
  PropertyRow row{};
  const Eigen::VectorXd& p = o.result.p;
  const auto n = static_cast<int>(x.size());
  auto& sp = ev.params();
  const std::vector<double> x0 = sp.x;
  const int k0 = sp.k;
  auto at = [&](Property q) -> bool& { return row[static_cast<std::size_t>(q)]; };

  at(Property::SumK) = std::abs(p.sum() - k) <= 1e-9 * std::max(1, k);
  at(Property::Box) = ((p.array() >= -1e-12) && (p.array() <= 1.0 + 1e-12)).all();
  at(Property::Monotone) = weaklyMonotone(x, p);

  for (auto& v : sp.x) v += 10.0;
  at(Property::Shift) = maxAbsDiff(ev.p(o.method, o.tauUsed), p) <= 1e-9;

  for (std::size_t i = 0; i < sp.x.size(); ++i) sp.x[i] = -x0[i];
  sp.k = n - k;
  const Eigen::VectorXd mirrored = ev.p(o.method, o.tauUsed);
  at(Property::Complement) =
      mirrored.size() == n && maxAbsDiff(p, (1.0 - mirrored.array()).matrix()) <= 1e-9;

  sp.x = x0;
  sp.k = 1;
  const Eigen::VectorXd p1 = k == 1 ? p : ev.p(o.method, o.tauUsed);
  at(Property::SoftmaxAtK1) = maxAbsDiff(p1, softmax(x, o.tauUsed)) <= 1e-12;
  sp.k = k0;
  return row;
}


// The page on the device named by control.device ("cpu": the CPU).
TopkLabResult computeLab(const TopkLabParams& params, const RunControl& control) {
  TopkLabResult res;
  const Eigen::VectorXd x = toVec(params.x);
  const auto n = static_cast<Eigen::Index>(x.size());
  const int k = params.k;
  const double tau = params.tau;
  const Method focusM = params.method;
  res.x = x;
  res.hard = hardTopk(x, k);
  Evaluator ev(params, control);

  std::vector<Method> shown;
  for (Method m : kAllMethods)
    if (params.shown[idx(m)]) shown.push_back(m);
  const auto nShown = static_cast<Eigen::Index>(shown.size());

  // Outcomes (bars), optionally at matched temperatures ("equalise temperatures").
  double target = kNaN;
  if (params.equalise) {
    ev.setCurve(true);
    target = l1(ev.p(Method::GradTopk, tau), res.hard);
  }
  for (Method m : shown) {
    control.checkCancelled();
    MethodOutcome o{m, tau, {}, 0.0, false};
    if (params.equalise && m != Method::GradTopk) {
      ev.setCurve(true);
      o.tauUsed = equaliseTau(ev, m, tau, target, res.hard);
    }
    ev.setCurve(false);
    o.result = ev.run(m, o.tauUsed);
    o.l1ToHard = l1(o.result.p, res.hard);
    o.monotone = weaklyMonotone(x, o.result.p);
    res.outcomes.push_back(std::move(o));
  }
  control.progress(0.1);

  // Focus method: Jacobian, solver trace, and a finite-difference check of the Jacobian.
  control.checkCancelled();
  ev.setCurve(false);
  {
    SoftTopkParams fp = ev.params();
    fp.x = params.x;
    fp.expectation = params.mcSamples == 0 ? Expectation::Exact : Expectation::MonteCarlo;
    fp.mcSamples = std::max(1, params.mcSamples);
    fp.method = focusM;
    fp.tau = tau;
    fp.wantJacobian = true;
    fp.traceSolver = true;
    res.focus = requireDevice(computeSoftTopk(fp, ev.control()), focusM, ev.control());
    fp.wantJacobian = false;
    fp.traceSolver = false;
    // A Jacobian that is already finite differences is not computed twice (seconds for exact
    // expectations at n = 64). Finite differences of a fixed-seed Monte Carlo estimate are zero
    // almost surely, so that case reports NaN instead of a misleading zero matrix.
    if (res.focus.jacobianKind == JacobianKind::FiniteDifference)
      res.focusFdJacobian = res.focus.jacobian;
    else if (fp.expectation == Expectation::MonteCarlo && ev.monteCarlo(focusM))
      res.focusFdJacobian = Eigen::MatrixXd::Constant(n, n, kNaN);
    else
      res.focusFdJacobian = finiteDifferenceJacobian(fp);
    res.jacobianFdError = res.focus.jacobianKind == JacobianKind::Analytic &&
                                  res.focus.jacobian.size() == res.focusFdJacobian.size()
                              ? (res.focus.jacobian - res.focusFdJacobian).cwiseAbs().maxCoeff()
                              : kNaN;
  }
  control.progress(0.15);

  // Response: sweep x_j; the other entries stay fixed.
  ev.setCurve(true);
  const TraceMode traceKind = traceMode(ev, focusM, res.focus.jacobianKind);
  const auto j = static_cast<std::size_t>(params.sweepIndex - 1);
  res.sweepValues = linSpace(params.sweepMin, params.sweepMax, kSweepPoints);
  res.responseFocus.resize(kSweepPoints, n);
  res.responseByMethod.resize(kSweepPoints, nShown);
  res.responseHard.resize(kSweepPoints);
  res.traceVsSweep.resize(kSweepPoints);
  for (int s = 0; s < kSweepPoints; ++s) {
    control.checkCancelled();
    const double v = res.sweepValues[static_cast<std::size_t>(s)];
    ev.params().x = params.x;
    ev.params().x[j] = v;
    Eigen::VectorXd xs = x;
    xs[static_cast<Eigen::Index>(j)] = v;
    res.responseHard[static_cast<std::size_t>(s)] = hardTopk(xs, k)[static_cast<Eigen::Index>(j)];
    SoftTopkResult fr;
    res.traceVsSweep[static_cast<std::size_t>(s)] = focusTrace(ev, focusM, tau, traceKind, &fr);
    res.responseFocus.row(s) = fr.p.transpose();
    for (Eigen::Index c = 0; c < nShown; ++c) {
      const MethodOutcome& o = res.outcomes[static_cast<std::size_t>(c)];
      const bool same = o.method == focusM && o.tauUsed == tau;
      res.responseByMethod(s, c) = same ? fr.p[static_cast<Eigen::Index>(j)]
                                        : ev.p(o.method, o.tauUsed)[static_cast<Eigen::Index>(j)];
    }
    control.progress(0.15 + 0.35 * (s + 1) / kSweepPoints);
  }
  ev.params().x = params.x;

  // Temperature, trace J and the smooth top-k sum over one log τ grid.
  res.tauGrid = logSpace(1e-3, 1e2, kTauPoints);
  res.tauFocus.resize(kTauPoints, n);
  res.l1ByMethod.resize(kTauPoints, nShown);
  res.traceVsTau.resize(kTauPoints);
  res.smoothSum.resize(kTauPoints);
  for (int t = 0; t < kTauPoints; ++t) {
    control.checkCancelled();
    const double tg = res.tauGrid[static_cast<std::size_t>(t)];
    SoftTopkResult fr;
    res.traceVsTau[static_cast<std::size_t>(t)] = focusTrace(ev, focusM, tg, traceKind, &fr);
    res.tauFocus.row(t) = fr.p.transpose();
    double smooth = focusM == Method::GradTopk ? fr.smoothSum : kNaN;
    for (Eigen::Index c = 0; c < nShown; ++c) {
      const Method m = shown[static_cast<std::size_t>(c)];
      if (m == focusM) {
        res.l1ByMethod(t, c) = l1(fr.p, res.hard);
        continue;
      }
      const SoftTopkResult r = ev.run(m, tg);
      res.l1ByMethod(t, c) = l1(r.p, res.hard);
      if (m == Method::GradTopk) smooth = r.smoothSum;
    }
    if (focusM != Method::GradTopk && !params.shown[idx(Method::GradTopk)])
      smooth = ev.run(Method::GradTopk, tg).smoothSum;
    res.smoothSum[static_cast<std::size_t>(t)] = smooth;
    control.progress(0.5 + 0.3 * (t + 1) / kTauPoints);
  }

  // Threshold solver: F(λ) for a thre_* focus, and f, f′ of every threshold family.
  control.checkCancelled();
  res.thresholdMethod = isThreshold(focusM) ? focusM : Method::ThreSigmoid;
  if (res.thresholdMethod == focusM) {
    res.threshold = res.focus;
  } else {
    SoftTopkParams tp = ev.params();
    tp.x = params.x;  // the sweeps move one entry of the evaluator's copy
    tp.method = res.thresholdMethod;
    tp.tau = tau;
    tp.wantJacobian = false;
    tp.traceSolver = true;
    res.threshold = requireDevice(computeSoftTopk(tp, ev.control()), tp.method, ev.control());
  }
  {
    const Method thm = res.thresholdMethod;
    const Eigen::VectorXd z = x / tau;
    double lo = z.minCoeff() - 4.0;
    double hi = z.maxCoeff() + 4.0;
    auto widen = [&](double v) {
      if (std::isfinite(v)) lo = std::min(lo, v - 0.5), hi = std::max(hi, v + 0.5);
    };
    widen(res.threshold.lambda);
    widen(res.threshold.bracket[0]);
    widen(res.threshold.bracket[1]);
    for (double v : res.threshold.lambdaTrace) widen(v);
    res.lambdaGrid = linSpace(lo, hi, kLambdaPoints);
    res.fOfLambda.reserve(kLambdaPoints);
    for (double lam : res.lambdaGrid) {
      double f = 0.0;
      for (Eigen::Index i = 0; i < n; ++i) f += thresholdF(thm, z[i] - lam, params.alpha);
      res.fOfLambda.push_back(f);
    }
  }
  static constexpr std::array kFamilies = {Method::ThreExp, Method::ThreSigmoid,
                                           Method::ThreLaplace, Method::ThreClip,
                                           Method::ThreEntmax};
  res.uGrid = linSpace(-6.0, 6.0, kUPoints);
  res.fCurves.resize(kUPoints, static_cast<Eigen::Index>(kFamilies.size()));
  res.dfCurves.resizeLike(res.fCurves);
  for (int r = 0; r < kUPoints; ++r)
    for (std::size_t c = 0; c < kFamilies.size(); ++c) {
      const double u = res.uGrid[static_cast<std::size_t>(r)];
      res.fCurves(r, static_cast<Eigen::Index>(c)) = thresholdF(kFamilies[c], u, params.alpha);
      res.dfCurves(r, static_cast<Eigen::Index>(c)) = thresholdDF(kFamilies[c], u, params.alpha);
    }
  control.progress(0.82);

  // Stability.
  control.checkCancelled();
  const StabilityTable& st = stabilityTable();
  res.stabilityK = st.k;
  res.stabilityTau = st.tau;
  res.naiveError = st.naiveError;
  res.dpError = st.dpError;
  {
    Eigen::VectorXd sorted = x;
    std::sort(sorted.data(), sorted.data() + n, std::greater<>());
    res.hardSum = sorted.head(k).sum();
    res.logBinom = std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0);
  }
  control.progress(0.85);

  // Properties, live.
  ev.setCurve(false);
  for (Eigen::Index c = 0; c < nShown; ++c) {
    control.checkCancelled();
    res.properties.push_back(checkProperties(ev, res.outcomes[static_cast<std::size_t>(c)], x, k));
    control.progress(0.85 + 0.15 * (c + 1) / std::max<Eigen::Index>(1, nShown));
  }
  control.progress(1.0);
  return res;
}

}  // namespace

TopkLabResult computeTopkLab(const TopkLabParams& params, const RunControl& control) {
  const auto start = std::chrono::steady_clock::now();
  validate(params);
  control.checkCancelled();
  // The finite-difference check of the Jacobian (finiteDifferenceJacobian), the stability table,
  // F(λ) on the plot grid and the f, f′ curves are CPU work on either path.
  DeviceUse use;
  TopkLabResult res = runOnDevice(
      control, use,
      [&](const DeviceInfo& info) {
        RunControl rc = control;
        rc.device = info.id;
        return computeLab(params, rc);
      },
      [&] {
        RunControl rc = control;
        rc.device = "cpu";
        return computeLab(params, rc);
      });
  res.deviceUse = std::move(use);
  res.elapsedMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return res;
}

}  // namespace latentlab::topk
