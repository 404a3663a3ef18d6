# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
"""Helpers the PyTorch peers share (bench/peers/pytorch_cpu.py runs them)."""
import torch

F64, F32 = torch.float64, torch.float32


def gen(seed):
    return torch.Generator().manual_seed(seed)


def squared_distances_argmin(x, c, with_distortion=False):
    d = torch.addmm((c * c).sum(dim=1), x, c.T, beta=1.0, alpha=-2.0)
    d += (x * x).sum(dim=1, keepdim=True)
    if not with_distortion:
        return d.clamp_min_(0.0).argmin(dim=1)
    best, idx = d.clamp_min_(0.0).min(dim=1)
    return idx, best.mean()
