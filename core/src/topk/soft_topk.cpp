// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Validation, dispatch and diagnostics of the smooth Top-k operators (kexue.fm/archives/10373). The
// methods themselves live in soft_topk_{grad,iter,threshold,ot,expect}.cpp; the device path of the
// threshold methods and iter_su in soft_topk_opencl.cpp.
#include "latentlab/topk/soft_topk.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <sstream>

#include "latentlab/common/errors.h"
#include "latentlab/common/finite.h"
#include "soft_topk_internal.h"
#include "soft_topk_opencl.h"

namespace latentlab::topk {
namespace {

constexpr double kMaxEntries = 1e7;
constexpr int kMaxJacobianN = 5000;  // n² doubles = 200 MB; the UI stays far below

struct MethodInfo {
  Method method;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<MethodInfo, kAllMethods.size()> kInfo = {{
    {Method::IterSu, "iter_su", "Iterative soft-k-max (Su)"},
    {Method::IterSe, "iter_se", "Weighted-softmax iteration (SE)"},
    {Method::GradTopk, "grad_topk", "GradTopK"},
    {Method::ThreExp, "thre_exp", "ThreTopK-exp"},
    {Method::ThreSigmoid, "thre_sigmoid", "ThreTopK-sigmoid (LML)"},
    {Method::ThreLaplace, "thre_laplace", "ThreTopK-Laplace (LapSum)"},
    {Method::ThreClip, "thre_clip", "ThreTopK-clip"},
    {Method::ThreEntmax, "thre_entmax", "ThreTopK-entmax(α)"},
    {Method::OtSinkhorn, "ot_sinkhorn", "OT Sinkhorn (Xie et al.)"},
    {Method::GumbelExpect, "gumbel_expect", "Gumbel top-k expectation"},
    {Method::GaussPerturbed, "gauss_perturbed", "Gaussian perturbed"},
}};

// Numbers in messages: "nan", "inf", or up to 10 significant digits.
std::string num(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  std::ostringstream os;
  os.precision(10);
  os << v;
  return os.str();
}

}  // namespace

std::string_view methodId(Method m) {
  for (const auto& info : kInfo)
    if (info.method == m) return info.id;
  return "unknown";
}

std::string_view methodLabel(Method m) {
  for (const auto& info : kInfo)
    if (info.method == m) return info.label;
  return "unknown";
}

std::optional<Method> methodFromId(std::string_view id) {
  for (const auto& info : kInfo)
    if (info.id == id) return info.method;
  return std::nullopt;
}

bool isThreshold(Method m) {
  return m == Method::ThreExp || m == Method::ThreSigmoid || m == Method::ThreLaplace ||
         m == Method::ThreClip || m == Method::ThreEntmax;
}

std::string_view jacobianKindLabel(JacobianKind k) {
  switch (k) {
    case JacobianKind::None:
      return "none";
    case JacobianKind::Analytic:
      return "analytic";
    case JacobianKind::FiniteDifference:
      return "finite differences";
    case JacobianKind::MonteCarlo:
      return "Monte Carlo";
  }
  return "none";
}

void validate(const SoftTopkParams& params) {
  const auto n = params.x.size();
  if (n == 0) throw ParamError("x", "x must have at least one entry");
  if (static_cast<double>(n) > kMaxEntries)
    throw ParamError("x", "x has " + std::to_string(n) + " entries; at most 10000000 are allowed");
  // One vectorised pass each for the usual finite input; the loops name the first bad entry.
  const Eigen::Map<const Eigen::ArrayXd> x(params.x.data(), static_cast<Eigen::Index>(n));
  const bool finite = allFinite(x);
  for (std::size_t i = 0; !finite && i < n; ++i) {
    if (!std::isfinite(params.x[i])) {
      const std::string key = "x[" + std::to_string(i) + "]";
      throw ParamError(key, key + " must be a finite number, got " + num(params.x[i]));
    }
  }
  if (params.k < 0 || static_cast<std::size_t>(params.k) > n)
    throw ParamError("k", "k must be between 0 and n = " + std::to_string(n) + ", got " +
                              std::to_string(params.k));
  if (!std::isfinite(params.tau) || params.tau <= 0.0)
    throw ParamError("tau", "tau must be a finite number > 0, got " + num(params.tau));
  if (!(params.alpha > 1.0 && params.alpha <= 4.0))
    throw ParamError("alpha", "alpha must be in (1, 4], got " + num(params.alpha));
  if (!std::isfinite(params.epsilon) || params.epsilon <= 0.0)
    throw ParamError("epsilon", "epsilon must be a finite number > 0, got " + num(params.epsilon));
  if (params.mcSamples < 1 || params.mcSamples > 10'000'000)
    throw ParamError("mcSamples", "mcSamples must be between 1 and 10000000, got " +
                                      std::to_string(params.mcSamples));
  if (params.maxIter < 1 || params.maxIter > 1'000'000)
    throw ParamError(
        "maxIter", "maxIter must be between 1 and 1000000, got " + std::to_string(params.maxIter));
  if (params.sinkhornMaxIter < 1 || params.sinkhornMaxIter > 10'000'000)
    throw ParamError("sinkhornMaxIter", "sinkhornMaxIter must be between 1 and 10000000, got " +
                                            std::to_string(params.sinkhornMaxIter));
  if (params.wantJacobian && n > static_cast<std::size_t>(kMaxJacobianN))
    throw ParamError("wantJacobian",
                     "the n×n Jacobian is limited to n ≤ " + std::to_string(kMaxJacobianN) +
                         ", got n = " + std::to_string(n) + "; switch it off for large inputs");
  // Every method works on z = x/τ; a tiny τ must not turn finite scores into ±∞.
  const bool scaledFinite = std::isfinite(params.tau) && params.tau > 0.0 &&
                            allFinite(x / params.tau);
  for (std::size_t i = 0; !scaledFinite && i < n; ++i) {
    if (!std::isfinite(params.x[i] / params.tau))
      throw ParamError("tau", "x[" + std::to_string(i) +
                                  "]/tau overflows (x = " + num(params.x[i]) +
                                  ", tau = " + num(params.tau) + "); use a larger tau");
  }
}

namespace detail {

bool hasDevicePath(Method m) { return m == Method::IterSu || isThreshold(m); }

// The method dispatch of computeSoftTopk on the CPU.
void runOnCpu(const Problem& pr, SoftTopkResult& r, const RunControl& control) {
  switch (pr.params.method) {
    case Method::IterSu:
      detail::runIterSu(pr, r, control);
      break;
    case Method::IterSe:
      detail::runIterSe(pr, r, control);
      break;
    case Method::GradTopk:
      detail::runGradTopk(pr, r, control);
      break;
    case Method::ThreExp:
    case Method::ThreSigmoid:
    case Method::ThreLaplace:
    case Method::ThreClip:
    case Method::ThreEntmax:
      detail::runThreshold(pr, r, control);
      break;
    case Method::OtSinkhorn:
      detail::runOtSinkhorn(pr, r, control);
      break;
    case Method::GumbelExpect:
      detail::runGumbel(pr, r, control);
      break;
    case Method::GaussPerturbed:
      detail::runGauss(pr, r, control);
      break;
  }
}

#ifndef LATENTLAB_HAVE_OPENCL
void runOnOpenCl(const Problem&, SoftTopkResult&, const DeviceInfo&, const RunControl&, DeviceReal) {
  throw DeviceError("this build has no OpenCL backend");
}
#endif

}  // namespace detail

SoftTopkResult computeSoftTopk(const SoftTopkParams& params, const RunControl& control) {
  const auto t0 = std::chrono::steady_clock::now();
  validate(params);
  control.checkCancelled();
  const int n = static_cast<int>(params.x.size());
  const int k = params.k;
  SoftTopkResult r;

  if (k == 0 || k == n) {
    // k = 0 and k = n are special-cased for every method (the iterations would not give ones at k =
    // n).
    r.p = Eigen::VectorXd::Constant(n, k == 0 ? 0.0 : 1.0);
    if (params.wantJacobian) {
      r.jacobian = Eigen::MatrixXd::Zero(n, n);
      r.jacobianKind = JacobianKind::Analytic;
    }
    r.note = k == 0 ? "k = 0: all zeros by definition" : "k = n: all ones by definition";
    if (params.method == Method::GradTopk) {
      // log Z_0 = 0 and log Z_n = Σu, so τ·log Z_k is 0 or Σx.
      r.smoothSum = k == 0 ? 0.0 : std::accumulate(params.x.begin(), params.x.end(), 0.0);
    }
  } else {
    detail::Problem pr{params,    Eigen::Map<const Eigen::VectorXd>(params.x.data(), n), {}, n, k,
                       params.tau};
    pr.z = pr.x / params.tau;
    const auto onCpu = [&] {
      SoftTopkResult c;
      detail::runOnCpu(pr, c, control);
      return c;
    };
    if (detail::hasDevicePath(params.method)) {
      DeviceUse use;
      r = runOnDevice(
          control, use,
          [&](const DeviceInfo& info) {
            SoftTopkResult g;
            detail::runOnOpenCl(pr, g, info, control);
            return g;
          },
          onCpu);
      r.deviceUse = std::move(use);
    } else {
      r = onCpu();
    }
  }

  // Diagnostics shared by every method. Plain sequential sums keep them bit-reproducible.
  double sum = 0.0;
  bool finite = true;
  for (int i = 0; i < r.p.size(); ++i) {
    const double v = r.p[i];
    sum += v;
    finite = finite && std::isfinite(v);
    if (!(v >= 0.0 && v <= 1.0)) r.inBox = false;
  }
  r.sumError = std::abs(sum - k);
  if (!finite) {
    r.valid = false;
    if (r.note.empty()) r.note = "non-finite output";
  }
  r.elapsedMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

void detail::selectTopk(const Eigen::Ref<const Eigen::VectorXd>& v, int k,
                        std::vector<int>& scratch) {
  const int n = static_cast<int>(v.size());
  scratch.resize(static_cast<std::size_t>(n));
  std::iota(scratch.begin(), scratch.end(), 0);
  if (k <= 0 || k >= n) return;
  // Larger value first, then lower index: a strict total order, so ties go to the lower index.
  std::nth_element(scratch.begin(), scratch.begin() + (k - 1), scratch.end(),
                   [&v](int a, int b) { return v[a] > v[b] || (v[a] == v[b] && a < b); });
}

Eigen::VectorXd hardTopk(const Eigen::Ref<const Eigen::VectorXd>& x, int k) {
  const int n = static_cast<int>(x.size());
  if (k < 0 || k > n)
    throw ParamError(
        "k", "k must be between 0 and n = " + std::to_string(n) + ", got " + std::to_string(k));
  for (int i = 0; i < n; ++i) {
    if (std::isnan(x[i])) {
      const std::string key = "x[" + std::to_string(i) + "]";
      throw ParamError(key, key + " must be a number, got nan");
    }
  }
  std::vector<int> idx;
  detail::selectTopk(x, k, idx);
  Eigen::VectorXd t = Eigen::VectorXd::Zero(n);
  for (int j = 0; j < k; ++j) t[idx[static_cast<std::size_t>(j)]] = 1.0;
  return t;
}

Eigen::VectorXd softmax(const Eigen::Ref<const Eigen::VectorXd>& x, double tau) {
  if (x.size() == 0) return Eigen::VectorXd();
  const Eigen::ArrayXd e = ((x.array() - x.maxCoeff()) / tau).exp();
  return (e / e.sum()).matrix();
}

Eigen::MatrixXd detail::fdJacobian(const SoftTopkParams& params, double h,
                                   const RunControl& control) {
  SoftTopkParams q = params;
  q.wantJacobian = false;
  q.traceSolver = false;
  const int n = static_cast<int>(params.x.size());
  Eigen::MatrixXd jac(n, n);
  for (int j = 0; j < n; ++j) {
    control.checkCancelled();
    const auto sj = static_cast<std::size_t>(j);
    const double xj = params.x[sj];
    q.x[sj] = xj + h;
    const Eigen::VectorXd plus = computeSoftTopk(q, control).p;
    q.x[sj] = xj - h;
    const Eigen::VectorXd minus = computeSoftTopk(q, control).p;
    q.x[sj] = xj;
    jac.col(j) = (plus - minus) / (2.0 * h);
    control.progress(static_cast<double>(j + 1) / n);
  }
  return jac;
}

Eigen::MatrixXd finiteDifferenceJacobian(const SoftTopkParams& params, double h) {
  if (!(h > 0.0) || !std::isfinite(h))
    throw ParamError("h", "the finite-difference step must be a finite number > 0, got " + num(h));
  validate(params);
  return detail::fdJacobian(params, h, RunControl{});
}

Eigen::MatrixXd detail::thresholdJacobian(const Eigen::VectorXd& d, double tau) {
  const int n = static_cast<int>(d.size());
  const double s = d.sum();
  if (!(s > 0.0)) return Eigen::MatrixXd::Zero(n, n);
  Eigen::MatrixXd jac = -(d * d.transpose()) / s;
  jac.diagonal() += d;
  return jac / tau;
}

}  // namespace latentlab::topk
