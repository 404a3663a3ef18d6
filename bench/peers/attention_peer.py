# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
"""PyTorch peers of bench/attention: exact attention, Performer, Transformer-VQ, singular values."""
import math

import torch

from peer_common import F64, gen, squared_distances_argmin

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


def group_exact_output_f32():
    for n in (256, 1024, 4096, 16384):
        q, k, v = (t.to(torch.float32) for t in attention_inputs(n))
        yield f"BM_ExactOutputF32/{n}", lambda: exact_output(q, k, v)


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


def group_performer_f32():
    for n in (1024, 4096, 16384):
        q, k, v = (t.to(torch.float32) for t in attention_inputs(n))
        for m in (64, 256, 512):
            omega = orthogonal_projection(m, D, 1).to(torch.float32)
            yield f"BM_PerformerF32/{n}/{m}", lambda: performer(q, k, v, omega)


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
