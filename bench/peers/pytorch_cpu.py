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
import os
import re
import statistics
import sys
import time

import torch

from attention_peer import (group_exact_map, group_exact_output, group_exact_output_f32,
                            group_performer, group_performer_f32, group_svd, group_transformer_vq)
from flows_topk_peer import group_mixture_velocity, group_mixture_velocity_f32, group_topk
from quantization_peer import group_fsq, group_kmeans, group_nearest_code


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


# The OpenMP team the C++ kernels get: OMP_NUM_THREADS, else every CPU this process may use
# (libgomp's default).
OMP = int(os.environ.get("OMP_NUM_THREADS", "0").split(",")[0] or 0) or len(os.sched_getaffinity(0))

# Group → (C++ benchmark filter, threads the C++ kernel uses, peer). The C++ Top-k kernels are
# single-threaded; FSQ splits buffers of 2^20 values or more over the OpenMP threads (its memcpy
# reference is std::memcpy on one thread); the rest run OpenMP loops or OpenBLAS's OpenMP GEMMs.
GROUPS = {
    "exact_map": ("^BM_ExactMap/", OMP, group_exact_map),
    "exact_output": ("^BM_ExactOutput/", OMP, group_exact_output),
    "performer": ("^BM_Performer/", OMP, group_performer),
    "exact_output_f32": ("^BM_ExactOutputF32/", OMP, group_exact_output_f32),
    "performer_f32": ("^BM_PerformerF32/", OMP, group_performer_f32),
    "transformer_vq": ("^BM_TransformerVq/", OMP, group_transformer_vq),
    "fsq": ("^BM_(FsqQuantize|MemcpySameBytes)$", OMP, group_fsq),
    "nearest_code": ("^BM_NearestCode/", OMP, group_nearest_code),
    "kmeans": ("^BM_KmeansLloyd/", OMP, group_kmeans),
    "svd": ("^BM_RankSvdLapack/", OMP, group_svd),
    "mixture_velocity": ("^BM_MixtureVelocityStep/", OMP, group_mixture_velocity),
    "mixture_velocity_f32": ("^BM_MixtureVelocityStepF32/", OMP, group_mixture_velocity_f32),
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
