// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Smooth Top-k on an OpenCL device: the scores stay in device memory, every λ the solver tries is
// one reduction launch (core/kernels/topk/soft_topk.cl) whose few per-group partials the host adds
// in double, and the solver logic is the CPU's own (soft_topk_solver.h), so both paths take the
// same steps. ThreTopK after Su, kexue.fm/archives/10373; Su's iteration after
// kexue.fm/archives/6620.
#include "soft_topk_opencl.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/opencl/cl_runtime.h"
#include "kernels/topk/soft_topk.cl.h"
#include "latentlab/common/errors.h"
#include "latentlab/common/logmath.h"
#include "soft_topk_solver.h"

namespace latentlab::topk::detail {
namespace {

constexpr int kLocal = 256;      // work-group size of every reduction (LOCAL in the kernels)
constexpr int kMaxGroups = 256;  // partials per reduction: few enough to add on the host
constexpr double kInf = std::numeric_limits<double>::infinity();

int methodCode(Method m) {
  switch (m) {
    case Method::ThreExp:
      return 0;
    case Method::ThreSigmoid:
      return 1;
    case Method::ThreLaplace:
      return 2;
    case Method::ThreClip:
      return 3;
    case Method::ThreEntmax:
      return 4;
    default:
      break;
  }
  throw ParamError("method", std::string(methodId(m)) + " has no device path");
}

// The scores z on the device in T (float or double) and the reductions over them.
template <class T>
class Scores {
 public:
  Scores(opencl::Device& dev, const Eigen::VectorXd& z)
      : m_dev(dev), m_n(static_cast<int>(z.size())) {
    const std::vector<T> zt(z.data(), z.data() + z.size());
    m_z = dev.upload(std::span<const T>(zt));
    m_groups = std::clamp((m_n + kLocal - 1) / kLocal, 1, kMaxGroups);
    m_partial = dev.alloc(2 * static_cast<std::size_t>(m_groups) * sizeof(T));
    m_counts = dev.alloc(2 * static_cast<std::size_t>(m_groups) * sizeof(cl_int));
    m_options =
        std::is_same_v<T, double> ? "-DREAL=double -DUSE_FP64 -DLOCAL=" : "-DREAL=float -DLOCAL=";
    m_options += std::to_string(kLocal);
  }

  opencl::Kernel kernel(const char* name) {
    return m_dev.kernel(latentlab::kernels::topk_soft_topk, name, m_options);
  }
  void reduce(const opencl::Kernel& k) {
    const std::size_t global = static_cast<std::size_t>(m_groups) * kLocal, local = kLocal;
    m_dev.launch(k, std::span(&global, 1), std::span(&local, 1));
  }
  void map(const opencl::Kernel& k) { m_dev.launch1d(k, static_cast<std::size_t>(m_n)); }
  std::vector<T> partials(std::size_t count) { return m_dev.download<T>(m_partial, count); }
  std::vector<cl_int> counts(std::size_t count) { return m_dev.download<cl_int>(m_counts, count); }

  FSums sums(int code, double lam, double alpha) {
    auto k = kernel("thre_sums");
    k.args(cl_int(m_n), m_z, T(lam), cl_int(code), T(alpha), m_partial);
    reduce(k);
    const auto v = partials(2 * static_cast<std::size_t>(m_groups));
    FSums s;
    for (int g = 0; g < m_groups; ++g) s.f += v[2 * g], s.d += v[2 * g + 1];
    return s;
  }

  struct ClipSets {
    double activeSum = 0.0;
    int active = 0, upper = 0;
  };
  ClipSets clipSets(double lam) {
    auto k = kernel("clip_sets");
    k.args(cl_int(m_n), m_z, T(lam), m_partial, m_counts);
    reduce(k);
    const auto v = partials(static_cast<std::size_t>(m_groups));
    const auto c = counts(2 * static_cast<std::size_t>(m_groups));
    ClipSets s;
    for (int g = 0; g < m_groups; ++g)
      s.activeSum += v[g], s.active += c[2 * g], s.upper += c[2 * g + 1];
    return s;
  }

  // The two sides of λ: S = {z_i ≥ λ} and the rest, with log Σ_S e^{−z} and log Σ_rest e^{z}.
  struct Split {
    double minS = kInf, maxU = -kInf, logS1 = -kInf, logS2 = -kInf;
    int saturated = 0;
  };
  Split split(double lam) {
    Split s;
    auto k1 = kernel("split_extremes");
    k1.args(cl_int(m_n), m_z, T(lam), m_partial, m_counts);
    reduce(k1);
    const auto e = partials(2 * static_cast<std::size_t>(m_groups));
    const auto c = counts(static_cast<std::size_t>(m_groups));
    for (int g = 0; g < m_groups; ++g) {
      s.minS = std::min(s.minS, double(e[2 * g]));
      s.maxU = std::max(s.maxU, double(e[2 * g + 1]));
      s.saturated += c[g];
    }
    // Empty sides shift by 0 and contribute no terms.
    const double shiftS = std::isfinite(s.minS) ? s.minS : 0.0;
    const double shiftU = std::isfinite(s.maxU) ? s.maxU : 0.0;
    auto k2 = kernel("split_sums");
    k2.args(cl_int(m_n), m_z, T(lam), T(shiftS), T(shiftU), m_partial);
    reduce(k2);
    const auto v = partials(2 * static_cast<std::size_t>(m_groups));
    double a = 0.0, b = 0.0;
    for (int g = 0; g < m_groups; ++g) a += v[2 * g], b += v[2 * g + 1];
    if (s.saturated > 0) s.logS1 = -shiftS + std::log(a);
    if (s.saturated < m_n) s.logS2 = shiftU + std::log(b);
    return s;
  }

  void values(int code, double lam, double alpha, Eigen::VectorXd& p, Eigen::VectorXd& d) {
    opencl::Buffer bp = m_dev.alloc(static_cast<std::size_t>(m_n) * sizeof(T));
    opencl::Buffer bd = m_dev.alloc(static_cast<std::size_t>(m_n) * sizeof(T));
    auto k = kernel("thre_values");
    k.args(cl_int(m_n), m_z, T(lam), cl_int(code), T(alpha), bp, bd);
    map(k);
    const auto hp = m_dev.download<T>(bp, static_cast<std::size_t>(m_n));
    const auto hd = m_dev.download<T>(bd, static_cast<std::size_t>(m_n));
    p = Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>>(hp.data(), m_n)
            .template cast<double>();
    d = Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>>(hd.data(), m_n)
            .template cast<double>();
  }

  opencl::Device& device() { return m_dev; }
  const opencl::Buffer& z() const { return m_z; }
  int n() const { return m_n; }
  int groups() const { return m_groups; }
  const opencl::Buffer& partialBuffer() const { return m_partial; }

 private:
  opencl::Device& m_dev;
  int m_n = 0;
  int m_groups = 1;
  opencl::Buffer m_z, m_partial, m_counts;
  std::string m_options;
};

// |F| tolerance: the CPU's in double; in float32 the sums themselves carry ~√n·eps_f·k of
// rounding, so the tolerance is that (the width test then ends the few remaining steps).
template <class T>
double tolerance(const Problem& pr) {
  if constexpr (std::is_same_v<T, double>) return newtonTolerance(pr.k);
  return std::max(newtonTolerance(pr.k),
                  4.0 * FLT_EPSILON * std::sqrt(double(pr.n)) * std::max(1.0, double(pr.k)));
}

// exp / Laplace: device Newton locates λ, the saturated set is read off it and the closed form
// λ(|S|) is evaluated from two device log-sum-exps (as closedFormFromNewton on the CPU). The
// sorted scan on the host decides when the solver trace is asked for (the trace is the scan's λ(m)
// sequence) or when the bracket test rejects the Newton-guided λ (λ on a score).
template <class T>
ClosedForm deviceClosedForm(Scores<T>& sc, const Problem& pr, Method m, SoftTopkResult& r,
                            const RunControl& control) {
  if (!pr.params.traceSolver) {
    const auto [lo, hi] = closedFormBracket(m, pr.z.minCoeff(), pr.z.maxCoeff(), pr.n, pr.k);
    const int code = methodCode(m);
    const SolveOut s = newtonSolve(pr.k, pr.params.maxIter, lo, hi, tolerance<T>(pr), nullptr,
                                   control, [&](double lam) { return sc.sums(code, lam, 0.0); });
    if (s.converged) {
      const auto sp = sc.split(s.lambda);
      const double k = pr.k;
      const int sat = sp.saturated;
      if (!(m == Method::ThreExp && sat >= pr.k)) {
        const double lam = m == Method::ThreExp ? sp.logS2 - std::log(k - sat)
                                                : laplaceLambda(sp.logS1, sp.logS2, k - sat);
        if (lam <= sp.minS && lam >= sp.maxU) {
          r.bracket = {sp.maxU, sp.minS};
          return ClosedForm{lam, sat};
        }
      }
    }
  }
  return closedFormScan(pr, r);
}

// clip: clipNewton of soft_topk_clip.cpp on the device's sets; empty on a plateau or without
// convergence, where the CPU's breakpoint selection (solveClip) decides on the host.
template <class T>
std::optional<double> deviceClipNewton(Scores<T>& sc, const Problem& pr, SoftTopkResult& r,
                                       const RunControl& control) {
  const double k = pr.k;
  double lo = pr.z.minCoeff() - 1.0, hi = pr.z.maxCoeff();
  double lam = 0.5 * (lo + hi);
  for (int it = 0; it < 60; ++it) {
    control.checkCancelled();
    if (pr.params.traceSolver) r.lambdaTrace.push_back(lam);
    ++r.iterations;
    const auto sets = sc.clipSets(lam);
    const double sumA = sets.activeSum;
    const int nA = sets.active, nU = sets.upper;
    if (nA == 0) {
      if (nU == k) return std::nullopt;
      (nU > k ? lo : hi) = lam;
      lam = 0.5 * (lo + hi);
      continue;
    }
    const double next = (sumA + nU - k) / nA;
    if (next == lam) return lam;
    const double f = sumA - nA * lam + nU;
    (f > k ? lo : hi) = lam;
    lam = next > lo && next < hi ? next : 0.5 * (lo + hi);
  }
  return std::nullopt;
}

template <class T>
void runThresholdTyped(opencl::Device& dev, const Problem& pr, SoftTopkResult& r,
                       const RunControl& control) {
  Scores<T> sc(dev, pr.z);
  const Method m = pr.params.method;
  const double alpha = pr.params.alpha;
  const double n = pr.n, k = pr.k;
  const int code = methodCode(m);
  double lam = 0.0;
  switch (m) {
    case Method::ThreExp:
    case Method::ThreLaplace: {
      const ClosedForm cf = deviceClosedForm(sc, pr, m, r, control);
      lam = cf.lambda;
      r.saturated = cf.m;
      break;
    }
    case Method::ThreSigmoid:
    case Method::ThreEntmax: {
      const double lo = m == Method::ThreSigmoid ? pr.z.minCoeff() - logit(k / n) : pr.z.minCoeff();
      const double hi = m == Method::ThreSigmoid ? pr.z.maxCoeff() - logit(k / n)
                                                 : pr.z.maxCoeff() + 1.0 / (alpha - 1.0);
      r.bracket = {lo, hi};
      const SolveOut s = newtonSolve(pr.k, pr.params.maxIter, lo, hi, tolerance<T>(pr),
                                     pr.params.traceSolver ? &r : nullptr, control,
                                     [&](double l) { return sc.sums(code, l, alpha); });
      lam = s.lambda;
      r.iterations = s.iterations;
      if (!s.converged)
        r.note = "solver stopped at maxIter = " + std::to_string(pr.params.maxIter) +
                 " before |Σp − k| ≤ 1e-13·max(1,k)";
      break;
    }
    case Method::ThreClip: {
      r.bracket = {pr.z.minCoeff() - 1.0, pr.z.maxCoeff()};
      if (const auto l = deviceClipNewton(sc, pr, r, control)) {
        lam = *l;
      } else {
        r.iterations = 0;  // solveClip counts its own passes, the Newton ones included
        r.lambdaTrace.clear();
        lam = solveClip(pr, r, control);
      }
      break;
    }
    default:
      throw ParamError("method", "not a threshold method");
  }
  control.checkCancelled();
  r.lambda = lam;
  Eigen::VectorXd d;
  sc.values(code, lam, alpha, r.p, d);
  const int active = static_cast<int>((r.p.array() > 0.0 && r.p.array() < 1.0).count());
  if ((m == Method::ThreClip || m == Method::ThreEntmax) && active == 0) {
    r.lambdaUnique = false;
    r.note = "λ not unique: no entry strictly inside (0, 1); p is unique";
  }
  if (pr.params.wantJacobian) {
    r.jacobian = thresholdJacobian(d, pr.tau);
    r.jacobianKind = JacobianKind::Analytic;
  }
}

// Su's iteration with p and z resident on the device: per round one max and one sum reduction
// and one update. The forward-mode Jacobian (n ≤ 5000, O(n²) per round) is accumulated on the host
// from each round's softmax s, downloaded only when the Jacobian is asked for.
template <class T>
void runIterSuTyped(opencl::Device& dev, const Problem& pr, SoftTopkResult& r,
                    const RunControl& control) {
  const int n = pr.n;
  Eigen::Index argMin = 0;
  const double zMin = pr.z.minCoeff(&argMin);
  const Eigen::VectorXd zs = (pr.z.array() - zMin).matrix();
  Scores<T> sc(dev, zs);
  const std::vector<T> zeros(static_cast<std::size_t>(n), T(0));
  opencl::Buffer bp = dev.upload(std::span<const T>(zeros));
  opencl::Buffer be = dev.alloc(static_cast<std::size_t>(n) * sizeof(T));
  const bool jac = pr.params.wantJacobian;
  Eigen::MatrixXd dP, dZ;
  Eigen::ArrayXd p = Eigen::ArrayXd::Zero(n);
  if (jac) {
    dP = Eigen::MatrixXd::Zero(n, n);
    dZ = Eigen::MatrixXd::Identity(n, n);
    dZ.col(argMin).array() -= 1.0;
    dZ /= pr.tau;
  }
  const auto groups = static_cast<std::size_t>(sc.groups());
  for (int t = 0; t < pr.k; ++t) {
    control.checkCancelled();
    auto kMax = sc.kernel("su_max");
    kMax.args(cl_int(n), sc.z(), bp, sc.partialBuffer());
    sc.reduce(kMax);
    const auto mx = sc.partials(groups);
    const double ymax = double(*std::max_element(mx.begin(), mx.end()));
    auto kSum = sc.kernel("su_sum");
    kSum.args(cl_int(n), sc.z(), bp, T(ymax), be, sc.partialBuffer());
    sc.reduce(kSum);
    const auto sv = sc.partials(groups);
    double sum = 0.0;
    for (const T v : sv) sum += double(v);
    auto kUp = sc.kernel("su_update");
    kUp.args(cl_int(n), bp, be, T(1.0 / sum));
    sc.map(kUp);
    if (jac) {
      const auto hs = dev.download<T>(be, static_cast<std::size_t>(n));
      const Eigen::ArrayXd s = Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>(hs.data(), n)
                                   .template cast<double>();
      Eigen::MatrixXd dY = (1.0 - p).matrix().asDiagonal() * dZ;
      dY.noalias() -= zs.asDiagonal() * dP;
      const Eigen::RowVectorXd sdY = s.matrix().transpose() * dY;
      dY.rowwise() -= sdY;
      dP.noalias() += s.matrix().asDiagonal() * dY;
      p += s;
    }
  }
  const auto hp = dev.download<T>(bp, static_cast<std::size_t>(n));
  r.p = Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>>(hp.data(), n).template cast<double>();
  r.iterations = pr.k;
  if (jac) {
    r.jacobian = std::move(dP);
    r.jacobianKind = JacobianKind::Analytic;
  }
}

template <class T>
void runTyped(opencl::Device& dev, const Problem& pr, SoftTopkResult& r,
              const RunControl& control) {
  if (pr.params.method == Method::IterSu)
    runIterSuTyped<T>(dev, pr, r, control);
  else
    runThresholdTyped<T>(dev, pr, r, control);
}

}  // namespace

void runOnOpenCl(const Problem& pr, SoftTopkResult& r, const DeviceInfo& device,
                 const RunControl& control, DeviceReal real) {
  if (!hasDevicePath(pr.params.method))
    throw DeviceError(std::string(methodId(pr.params.method)) + " has no device path");
  if (pr.n > std::numeric_limits<cl_int>::max() / 2)
    throw DeviceError("n is too large for the device path");
  opencl::Device& dev = opencl::Device::get(device.id);
  const bool fp64 = real == DeviceReal::Float64 || (real == DeviceReal::Auto && device.fp64);
  if (fp64 && !device.fp64) throw DeviceError(device.id + " has no fp64");
  if (fp64)
    runTyped<double>(dev, pr, r, control);
  else
    runTyped<float>(dev, pr, r, control);
}

}  // namespace latentlab::topk::detail
