#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
"""The PyTorch CPU peer of bench/: the same kernels at the same sizes, dtypes and thread counts.

Each benchmark is named as its C++ counterpart in latentlab_bench (the Google Benchmark run name,
e.g. BM_ExactMap/1024 or BM_NearestCode/256/4/real_time), so scripts/bench can pair the rows.
Inputs are random with the C++ shapes and scales; none of the timed kernels depend on the values
except the iterative ones (k-means, the Top-k λ solves), which draw from the same distributions.

Timing mirrors Google Benchmark: each repetition runs the kernel until --min-time seconds have
passed (at least once) and records the mean wall time per call; the median over repetitions is
reported. Wall time, because the C++ kernels are OpenMP-parallel and scripts/bench compares real
time on both sides.

    python3 bench/peers/pytorch_cpu.py --list-groups
    python3 bench/peers/pytorch_cpu.py --group exact_map --repetitions 5 --json out.json
"""
import argparse
import json
import math
import os
import re
import statistics
import sys
import time

import torch

F64, F32 = torch.float64, torch.float32


def timed(fn, repetitions, min_time):
    """Median over repetitions of the mean seconds per call (one warm-up call first)."""
    fn()
    means = []
    for _ in range(repetitions):
        calls, start = 0, time.perf_counter()
        while True:
            fn()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_time:
                break
        means.append(elapsed / calls)
    return statistics.median(means)


def gen(seed):
    return torch.Generator().manual_seed(seed)


# --- Attention (bench/attention/efficient_bench.cpp, rank_bench.cpp): d = d_v = 64, float64 ---

D = 64
SCALE = 1.0 / math.sqrt(D)


def attention_inputs(n):
    g = gen(n)
    q = 0.35 * torch.randn(n, D, generator=g, dtype=F64)
    k = 0.35 * torch.randn(n, D, generator=g, dtype=F64)
    v = torch.randn(n, D, generator=g, dtype=F64)
    return q, k, v


def exact_map(q, k):
    return torch.softmax(q @ k.T * SCALE, dim=1)


def exact_output(q, k, v):
    # Plain softmax(QKᵀ/√d)V while the n×n logits fit in 256 MiB, query-row chunks beyond that
    # (n = 16384 would need 2 GiB); torch 1.13 has no fused scaled_dot_product_attention.
    n = q.shape[0]
    rows = max(1, min(n, (256 << 20) // (8 * k.shape[0])))
    if rows == n:
        return torch.softmax(q @ k.T * SCALE, dim=1) @ v
    out = torch.empty(n, v.shape[1], dtype=v.dtype)
    for r0 in range(0, n, rows):
        out[r0:r0 + rows] = torch.softmax(q[r0:r0 + rows] @ k.T * SCALE, dim=1) @ v
    return out


def orthogonal_projection(m, d, seed):
    """Orthogonal random features with χ(d) row norms (Choromanski et al. 2021, "Rethinking
    Attention with Performers", ORF); built once outside the timed loop, as in the C++ bench."""
    g = gen(seed)
    blocks = []
    for _ in range(0, m, d):
        qm, _ = torch.linalg.qr(torch.randn(d, d, generator=g, dtype=F64))
        blocks.append(qm.T)
    omega = torch.cat(blocks)[:m]
    norms = torch.randn(m, d, generator=g, dtype=F64).norm(dim=1, keepdim=True)
    return omega * norms


def performer(q, k, v, omega):
    # FAVOR+ positive features, per-row max for queries, one global max for keys, bidirectional.
    root = math.sqrt(SCALE)
    pq = (root * q) @ omega.T
    pk = (root * k) @ omega.T
    fq = torch.exp(pq - pq.amax(dim=1, keepdim=True))
    ek = pk - (0.5 * SCALE) * (k * k).sum(dim=1, keepdim=True)
    fk = torch.exp(ek - ek.max())
    kv = fk.T @ v
    den = fq @ fk.sum(dim=0)
    return (fq @ kv) / den[:, None]


def squared_distances_argmin(x, c, with_distortion=False):
    d = torch.addmm((c * c).sum(dim=1), x, c.T, beta=1.0, alpha=-2.0)
    d += (x * x).sum(dim=1, keepdim=True)
    if not with_distortion:
        return d.clamp_min_(0.0).argmin(dim=1)
    best, idx = d.clamp_min_(0.0).min(dim=1)
    return idx, best.mean()


def transformer_vq(q, k, v, c):
    # Transformer-VQ (Lingle 2023) bidirectional cached form: assign keys, then one softmax over
    # codes with log-count biases against the per-code value means.
    s = c.shape[0]
    codes = squared_distances_argmin(k, c)
    counts = torch.bincount(codes, minlength=s).to(F64)
    sums = torch.zeros(s, v.shape[1], dtype=F64).index_add_(0, codes, v)
    w = torch.softmax(SCALE * (q @ c.T) + torch.log(counts), dim=1)  # log 0 = −∞: unused code
    means = sums / counts.clamp_min(1.0)[:, None]
    return w @ means


def group_exact_map():
    for n in (256, 1024, 4096):
        q, k, _ = attention_inputs(n)
        yield f"BM_ExactMap/{n}", lambda: exact_map(q, k)


def group_exact_output():
    for n in (256, 1024, 4096, 16384):
        q, k, v = attention_inputs(n)
        yield f"BM_ExactOutput/{n}", lambda: exact_output(q, k, v)


def group_performer():
    for n in (256, 1024, 4096, 16384):
        q, k, v = attention_inputs(n)
        for m in (64, 256, 512):
            omega = orthogonal_projection(m, D, 1)
            yield f"BM_Performer/{n}/{m}", lambda: performer(q, k, v, omega)


def group_transformer_vq():
    for n in (256, 1024, 4096, 16384):
        q, k, v = attention_inputs(n)
        for s in (64, 256, 1024):
            c = k[torch.randperm(n, generator=gen(s))[:min(n, s)]].clone()  # codebook: random keys
            yield (f"BM_TransformerVq/{n}/{s}",
                   lambda: transformer_vq(q, k, v, c))


def causal_attention_matrix(n):
    # The attention-rank page's matrix (d = 8, τ = 1, causal), float64.
    g = gen(n)
    q = torch.randn(n, 8, generator=g, dtype=F64)
    k = torch.randn(n, 8, generator=g, dtype=F64)
    s = q @ k.T / math.sqrt(8.0)
    s.masked_fill_(torch.ones(n, n, dtype=torch.bool).triu(1), -math.inf)
    return torch.softmax(s, dim=1)


def group_svd():
    for n in (64, 128, 256, 512, 1024):
        a = causal_attention_matrix(n)
        yield f"BM_RankSvdLapack/{n}", lambda: torch.linalg.svdvals(a)


# --- Quantization (bench/quantization/grid_bench.cpp) ---

FSQ_LEVELS = (8, 8, 8, 5, 5, 5)  # the 2^16 preset
FSQ_EPS = 1e-3


def fsq_constants():
    """Bound tanh(z + s)·h − o of FSQ (Mentzer et al. 2023, "Finite Scalar Quantization") with
    h = (L − 1)(1 + ε)/2, o = ½ for even L, s = atanh(o/h); levels clamp to [−⌊L/2⌋, L−1−⌊L/2⌋]
    and scale by 1/⌊L/2⌋."""
    h, o, s, lo, hi, inv = [], [], [], [], [], []
    for lv in FSQ_LEVELS:
        hh = (lv - 1) * (1 + FSQ_EPS) / 2
        oo = 0.5 if lv % 2 == 0 else 0.0
        half = lv // 2
        h.append(hh), o.append(oo), s.append(math.atanh(oo / hh))
        lo.append(-half), hi.append(lv - 1 - half), inv.append(1.0 / half)
    return [torch.tensor(t, dtype=F32) for t in (h, o, s, lo, hi, inv)]


def group_fsq():
    rows = 1 << 18  # 262144 six-channel float32 vectors
    src = torch.randn(rows, len(FSQ_LEVELS), generator=gen(1), dtype=F32)
    buf = torch.empty_like(src)
    h, o, s, lo, hi, inv = fsq_constants()

    def quantize():
        buf.copy_(src)  # restore the input, as the C++ loop does
        buf.add_(s).tanh_().mul_(h).sub_(o).round_()  # round: half to even, like nearbyint
        torch.maximum(buf, lo, out=buf)
        torch.minimum(buf, hi, out=buf)
        buf.mul_(inv)

    yield "BM_FsqQuantize", quantize
    yield "BM_MemcpySameBytes", lambda: buf.copy_(src)


NEAREST_CASES = [(k, d) for k in (256, 1024, 4096, 16384) for d in (4, 16)] + \
    [(256, 64), (1024, 64), (4096, 64), (16384, 64)]
NEAREST_N = 65536
CHUNK = 4096  # rows per GEMM: a 4096 × 16384 float32 tile is 256 MiB


def nearest_codes(x, c):
    cn = (c * c).sum(dim=1)
    index = torch.empty(x.shape[0], dtype=torch.int64)
    dist2 = torch.empty(x.shape[0], dtype=F32)
    for r0 in range(0, x.shape[0], CHUNK):
        xs = x[r0:r0 + CHUNK]
        best, idx = torch.addmm(cn, xs, c.T, beta=1.0, alpha=-2.0).min(dim=1)
        index[r0:r0 + CHUNK] = idx
        dist2[r0:r0 + CHUNK] = (best + (xs * xs).sum(dim=1)).clamp_min_(0.0)
    return index, dist2


def group_nearest_code():
    for k, d in NEAREST_CASES:
        x = torch.randn(NEAREST_N, d, generator=gen(2), dtype=F32)
        c = torch.randn(k, d, generator=gen(3), dtype=F32)
        yield f"BM_NearestCode/{k}/{d}/real_time", lambda: nearest_codes(x, c)
        # The machine's SGEMM rate at the same N·K·d: the bare products, same chunks, no argmin.
        out = torch.empty(CHUNK, k, dtype=F32)

        def sgemm():
            for r0 in range(0, NEAREST_N, CHUNK):
                torch.mm(x[r0:r0 + CHUNK], c.T, out=out)

        yield f"SGEMM/{k}/{d}", sgemm


def kmeans_plus_plus(x, k, g):
    """k-means++ seeding (Arthur and Vassilvitskii 2007), D² sampling one centre at a time."""
    n = x.shape[0]
    xn = (x * x).sum(dim=1)

    def dist2(c):  # ‖x − c‖² as one matrix-vector product
        return torch.addmv(xn, x, c, alpha=-2.0).add_(c.dot(c)).clamp_min_(0.0)

    centres = torch.empty(k, x.shape[1], dtype=x.dtype)
    centres[0] = x[torch.randint(n, (1,), generator=g)]
    d2 = dist2(centres[0])
    for c in range(1, k):
        centres[c] = x[torch.multinomial(d2, 1, generator=g)]
        torch.minimum(d2, dist2(centres[c]), out=d2)
    return centres


def lloyd(x, codebook, iterations):
    k = codebook.shape[0]
    for it in range(iterations + 1):
        codes, distortion = squared_distances_argmin(x, codebook, with_distortion=True)
        if it == iterations:
            break
        counts = torch.bincount(codes, minlength=k).to(x.dtype)
        sums = torch.zeros_like(codebook).index_add_(0, codes, x)
        used = counts > 0
        codebook[used] = sums[used] / counts[used][:, None]
    return codebook, codes


def group_kmeans():
    x = torch.randn(16384, 5, generator=gen(4), dtype=F64)
    for k in (256, 1024):
        yield (f"BM_KmeansLloyd/{k}/real_time",
               lambda: lloyd(x, kmeans_plus_plus(x, k, gen(5)), 10))


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


def group_mixture_velocity():
    for n in (1000, 10000, 100000, 1000000):
        for k in (8, 64):
            z = torch.randn(n, 2, generator=gen(1), dtype=F64)

            def step():
                z.add_(mixture_velocity(z, mixture_pair_terms(k, 0.5)), alpha=0.02)

            yield f"BM_MixtureVelocityStep/{n}/{k}", step


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


# The OpenMP team the C++ kernels get: OMP_NUM_THREADS, else every CPU this process may use
# (libgomp's default).
OMP = int(os.environ.get("OMP_NUM_THREADS", "0").split(",")[0] or 0) or len(os.sched_getaffinity(0))

# Group → (C++ benchmark filter, threads the C++ kernel uses, peer). The C++ FSQ, memcpy and
# Top-k kernels are single-threaded; the rest run OpenMP loops or Eigen's OpenMP GEMMs.
GROUPS = {
    "exact_map": ("^BM_ExactMap/", OMP, group_exact_map),
    "exact_output": ("^BM_ExactOutput/", OMP, group_exact_output),
    "performer": ("^BM_Performer/", OMP, group_performer),
    "transformer_vq": ("^BM_TransformerVq/", OMP, group_transformer_vq),
    "fsq": ("^BM_(FsqQuantize|MemcpySameBytes)$", 1, group_fsq),
    "nearest_code": ("^BM_NearestCode/", OMP, group_nearest_code),
    "kmeans": ("^BM_KmeansLloyd/", OMP, group_kmeans),
    "svd": ("^BM_RankSvdLapack/", OMP, group_svd),
    "mixture_velocity": ("^BM_MixtureVelocityStep/", OMP, group_mixture_velocity),
    "topk": ("^thre_", 1, group_topk),
}


def blas_line():
    found = re.findall(r"\b(?:BLAS_INFO|LAPACK_INFO)=[^,\s]+", torch.__config__.show())
    # BLAS_INFO=generic means the system libblas.so.3: name the library actually mapped.
    torch.ones(64, 64) @ torch.ones(64, 64)
    libs = set()
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                if "blas" in os.path.basename(path) or "lapack" in os.path.basename(path):
                    libs.add(os.path.realpath(path))
    except OSError:
        pass
    return ", ".join(found) + (" (loaded: " + ", ".join(sorted(libs)) + ")" if libs else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--group", action="append", choices=sorted(GROUPS), help="repeatable")
    ap.add_argument("--list-groups", action="store_true",
                    help="print 'group<TAB>C++ filter<TAB>threads' lines and exit")
    ap.add_argument("--repetitions", type=int, default=5)
    ap.add_argument("--min-time", type=float, default=0.05, help="seconds per repetition")
    ap.add_argument("--threads", type=int, default=0,
                    help="force torch threads (default: the C++ kernel's thread count)")
    ap.add_argument("--filter", default="", help="only names containing this substring")
    ap.add_argument("--json", help="write results here (default: stdout)")
    ap.add_argument("--config", action="store_true", help="print torch's BLAS line and exit")
    a = ap.parse_args()
    if a.list_groups:
        for name, (flt, threads, _) in GROUPS.items():
            print(f"{name}\t{flt}\t{threads}")
        return
    if a.config:
        print(f"torch {torch.__version__}: {blas_line()}")
        return
    results = []
    for name in a.group or list(GROUPS):
        _, threads, peer = GROUPS[name]
        threads = a.threads or threads
        torch.set_num_threads(threads)
        with torch.no_grad():
            for bench, fn in peer():
                if a.filter and a.filter not in bench:
                    continue
                median = timed(fn, a.repetitions, a.min_time)
                results.append({"name": bench, "group": name, "median_s": median,
                                "repetitions": a.repetitions, "threads": threads})
                print(f"  torch {bench}: {median * 1e3:.4g} ms", file=sys.stderr)
    doc = {"context": {"torch": torch.__version__, "blas": blas_line()}, "benchmarks": results}
    if a.json:
        with open(a.json, "w") as out:
            json.dump(doc, out, indent=1)
    else:
        json.dump(doc, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
