# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
"""PyTorch peers of bench/quantization: FSQ, nearest-code search (with SGEMM), k-means."""
import math

import torch

from peer_common import F32, F64, gen, squared_distances_argmin

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
        # From src into buf, as the C++ kernel does: the first operation reads src.
        torch.add(src, s, out=buf).tanh_().mul_(h).sub_(o).round_()  # round: half to even
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
