# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
"""PyTorch peers of bench/flows (mixture velocity) and bench/topk_bench.cpp (thre_* methods)."""
import math
import sys

import torch

from peer_common import F64, gen

# --- Flows (bench/flows/reflow_bench.cpp): v* of N(0, I₂) → ring of K modes, t = ½, float64 ---

def mixture_pair_terms(k, t):
    """Closed-form velocity of a Gaussian-mixture coupling (Liu et al. 2023, "Flow Straight and
    Fast"; Lipman et al. 2023, "Flow Matching"): per source/target pair p, centre m_p, variance
    c_p, slope β_p and offset (μ − a) − β_p m_p."""
    ang = 2 * math.pi * torch.arange(k, dtype=F64) / k
    mu = torch.stack([2 * torch.cos(ang), 2 * torch.sin(ang)], dim=1)
    s0, s1 = 1.0, 0.01
    c = (1 - t) ** 2 * s0 + t * t * s1
    m = t * mu
    logc = math.log(1.0 / k) - 0.5 * 2 * math.log(c)
    beta = (t * s1 - (1 - t) * s0) / c
    offset = mu - beta * m
    return m, torch.full((k,), c, dtype=F64), torch.full((k,), logc, dtype=F64), \
        torch.full((k,), beta, dtype=F64), offset


def mixture_velocity(x, terms, rows=65536):
    m, c, logc, beta, offset = terms
    v = torch.empty_like(x)
    for r0 in range(0, x.shape[0], rows):
        xs = x[r0:r0 + rows]
        d2 = (xs[:, 0:1] - m[:, 0]) ** 2 + (xs[:, 1:2] - m[:, 1]) ** 2  # differences, as in C++
        w = torch.softmax(logc - d2 * (0.5 / c), dim=1)
        v[r0:r0 + rows] = w @ offset + xs * (w @ beta)[:, None]
    return v


def mixture_velocity_steps(name, dtype):
    for n in (1000, 10000, 100000, 1000000):
        for k in (8, 64):
            z = torch.randn(n, 2, generator=gen(1), dtype=F64).to(dtype)

            def step():
                # The pair terms in double, rounded once to the particles' type (as in C++).
                terms = [a.to(dtype) for a in mixture_pair_terms(k, 0.5)]
                z.add_(mixture_velocity(z, terms), alpha=0.02)

            yield f"{name}/{n}/{k}", step


def group_mixture_velocity():
    yield from mixture_velocity_steps("BM_MixtureVelocityStep", F64)


def group_mixture_velocity_f32():
    yield from mixture_velocity_steps("BM_MixtureVelocityStepF32", torch.float32)


# --- Top-k (bench/topk_bench.cpp): thre_* methods, p = f(z − λ), Σ p = k, z = x/τ, τ = ½ ---

ALPHA = 1.5  # entmax α


def threshold_f(method, u):
    if method == "thre_exp":
        return torch.exp(u.clamp_max(0.0))
    if method == "thre_sigmoid":
        return torch.sigmoid(u)
    if method == "thre_laplace":
        e = 0.5 * torch.exp(-u.abs())
        return torch.where(u >= 0, 1.0 - e, e)
    if method == "thre_clip":
        return u.clamp(0.0, 1.0)
    base = (1.0 + (ALPHA - 1.0) * u).clamp(0.0, 1.0)  # thre_entmax; f = 1 for u ≥ 0
    return base ** (1.0 / (ALPHA - 1.0))


def threshold_df(method, u, f):
    if method == "thre_exp":
        return torch.where(u < 0, f, torch.zeros_like(f))
    if method == "thre_sigmoid":
        return f * (1.0 - f)
    if method == "thre_laplace":
        return 0.5 * torch.exp(-u.abs())
    if method == "thre_clip":
        return ((u > 0) & (u < 1)).to(u.dtype)
    inside = (f > 0) & (f < 1)
    return torch.where(inside, f ** (2.0 - ALPHA), torch.zeros_like(f))


def threshold_bracket(method, z, n, k):
    lo, hi = z.min().item(), z.max().item()
    if method == "thre_sigmoid":
        lg = math.log(k / n) - math.log1p(-k / n)
        return lo - lg, hi - lg
    if method == "thre_entmax":
        return lo, hi + 1.0 / (ALPHA - 1.0)
    if method == "thre_clip":
        return lo - 1.0, hi
    if method == "thre_exp":
        return lo, hi + math.log(n / k)
    return lo - math.log(n) - 1.0, hi + math.log(n / k) + 1.0  # thre_laplace


def threshold_topk(method, x, k, tau=0.5, max_iter=200):
    """Plain safeguarded Newton on F(λ) = Σ f(z_i − λ) − k with bisection fallback; the same
    stopping rule as the C++ solver: |F| ≤ 1e-13·max(1, k) or a bracket of 4 ulp."""
    z = x / tau
    n = z.shape[0]
    lo, hi = threshold_bracket(method, z, n, k)
    tol, eps = 1e-13 * max(1.0, k), sys.float_info.epsilon
    lam = 0.5 * (lo + hi)
    for _ in range(max_iter):
        u = z - lam
        f = threshold_f(method, u)
        fsum = f.sum().item() - k
        if abs(fsum) <= tol:
            break
        if fsum > 0:
            lo = lam
        else:
            hi = lam
        if hi - lo <= 4 * eps * max(1.0, abs(lam)):
            break
        d = threshold_df(method, u, f).sum().item()
        nxt = lam + fsum / d if d > 0 else math.nan
        lam = nxt if lo < nxt < hi else 0.5 * (lo + hi)
    return threshold_f(method, z - lam)


TOPK_METHODS = ("thre_exp", "thre_sigmoid", "thre_laplace", "thre_clip", "thre_entmax")


def group_topk():
    for method in TOPK_METHODS:
        for n in (1000, 10000, 100000, 1000000):
            x = torch.randn(n, generator=gen(20240919), dtype=F64)
            for k in (1, 16, n // 2):
                yield (f"{method}/n={n}/k={k}",
                       lambda: threshold_topk(method, x, k))
