#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: LatentLab developers
"""Side-by-side table of latentlab_bench and the PyTorch peer, from the JSON files scripts/bench
writes: DIR/cxx_<group>.json (Google Benchmark, --benchmark_report_aggregates_only) and
DIR/torch_<group>.json (bench/peers/pytorch_cpu.py), one pair per kernel group, in run order.

    python3 bench/peers/compare.py DIR [--markdown FILE]

Ratio = PyTorch median / LatentLab median, so > 1 means LatentLab is faster. Wall (real) time on
both sides: the C++ kernels are OpenMP-parallel, and Google Benchmark's CPU time counts only the
main thread.
"""
import argparse
import datetime
import glob
import json
import math
import os
import platform

UNIT = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
REFERENCES = {"BM_MemcpySameBytes"}  # yardsticks, not kernels: kept out of the mean and count
FSQ_BYTES = 262144 * 6 * 4
NEAREST_N = 65536


def cxx_medians(path):
    with open(path) as f:
        doc = json.load(f)
    out = {}
    for b in doc.get("benchmarks", []):
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        out[b.get("run_name", b["name"])] = b["real_time"] * UNIT[b.get("time_unit", "ns")]
    return out, doc.get("context", {})


def torch_medians(path):
    with open(path) as f:
        doc = json.load(f)
    return {b["name"]: (b["median_s"], b["threads"]) for b in doc["benchmarks"]}, doc["context"]


def fmt_time(s):
    if s is None:
        return "—"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if s >= scale or unit == "µs":
            return f"{s / scale:.3g} {unit}"
    return f"{s:.3g} s"


def cpu_info():
    flags, model = set(), platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key.strip() == "flags" and not flags:
                    flags = set(value.split())
                elif key.strip() == "model name":
                    model = value.strip()
    except OSError:
        pass
    isa = [f for f in ("sse2", "avx", "avx2", "fma", "avx512f") if f in flags]
    return model, isa


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--markdown", help="also write the table to this file")
    a = ap.parse_args()

    groups = []  # (group, cxx, torch) in run order
    for path in sorted(glob.glob(os.path.join(a.dir, "cxx_*.json")), key=os.path.getmtime):
        group = os.path.basename(path)[4:-5]
        tpath = os.path.join(a.dir, f"torch_{group}.json")
        cxx, cctx = cxx_medians(path)
        peer, tctx = torch_medians(tpath) if os.path.exists(tpath) else ({}, {})
        groups.append((group, cxx, peer, cctx, tctx))
    if not groups:
        raise SystemExit(f"compare.py: no cxx_*.json in {a.dir}")

    lines = ["| kernel | threads | LatentLab median | PyTorch median | ratio |", "|---|---|---|---|---|"]
    ratios, slower = [], []
    cxx_all, torch_all = {}, {}
    per_group = []  # (group, ratios)
    for group, cxx, peer, _, _ in groups:
        per_group.append((group, []))
        cxx_all.update(cxx)
        torch_all.update({k: v[0] for k, v in peer.items()})
        for name, t in cxx.items():
            p, threads = peer.get(name, (None, "—"))
            ratio = p / t if p and t else None
            label = name.removesuffix("/real_time")
            if ratio is not None and label not in REFERENCES:
                ratios.append(ratio)
                per_group[-1][1].append(ratio)
                if ratio < 1.0:
                    slower.append(label)
            rtxt = f"{ratio:.2f}×" if ratio is not None else "—"
            if label in REFERENCES:
                rtxt += " (reference)"
            elif ratio is not None and ratio < 1.0:
                rtxt = f"**{rtxt}**"
            lines.append(f"| {label} | {threads} | {fmt_time(t)} | {fmt_time(p)} | {rtxt} |")

    out = []
    model, isa = cpu_info()
    cctx = groups[0][3]
    tctx = next((g[4] for g in groups if g[4]), {})
    out.append(f"Measured {datetime.date.today().isoformat()} on {model}, {os.cpu_count()} CPUs"
               f" ({cctx.get('mhz_per_cpu', '?')} MHz), {platform.system()} {platform.release()}.")
    out.append(f"Instruction sets (/proc/cpuinfo): {' '.join(isa) or 'none found'}.")
    out.append(f"LatentLab: Highway dispatch chose {cctx.get('simd_target', '?')} (runnable here: "
               f"{cctx.get('simd_runnable', '?')}); BLAS {cctx.get('blas', '?')}.")
    out.append(f"PyTorch {tctx.get('torch', '?')}: {tctx.get('blas', '?')}.")
    out.append("Medians of the repetitions of one interleaved run (C++ group, then the same PyTorch "
               "group); ratio = PyTorch / LatentLab, > 1: LatentLab faster; **bold**: slower.")
    out.append("")
    out.extend(lines)
    out.append("")
    if ratios:
        gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        out.append(f"Geometric mean of the ratios over {len(ratios)} kernels: {gm:.2f}×; "
                   f"{len(slower)} of {len(ratios)} slower than PyTorch.")
        out.append("")
        out.append("| group | kernels | geometric mean | slower than PyTorch |")
        out.append("|---|---|---|---|")
        for group, rs in per_group:
            if rs:
                g = math.exp(sum(math.log(r) for r in rs) / len(rs))
                out.append(f"| {group} | {len(rs)} | {g:.2f}× | {sum(r < 1.0 for r in rs)} |")

    fsq, mem = cxx_all.get("BM_FsqQuantize"), cxx_all.get("BM_MemcpySameBytes")
    if fsq and mem:
        tf = torch_all.get("BM_FsqQuantize")
        out.append("")
        out.append(f"FSQ quantize against memcpy of the same {FSQ_BYTES / 1e6:.2f} MB "
                   f"(BM_MemcpySameBytes, {FSQ_BYTES / mem / 1e9:.1f} GB/s): LatentLab "
                   f"{FSQ_BYTES / fsq / 1e9:.3g} GB/s = {100 * mem / fsq:.2g} % of memcpy"
                   + (f"; PyTorch {FSQ_BYTES / tf / 1e9:.3g} GB/s = {100 * mem / tf:.2g} %" if tf else "")
                   + ".")
        tm = torch_all.get("BM_MemcpySameBytes")
        if tm:  # torch's copy_ uses every thread, std::memcpy one: the stricter reference
            out.append(f"Against PyTorch's copy_ of the same bytes ({FSQ_BYTES / tm / 1e9:.1f} GB/s, "
                       f"its threads): LatentLab's FSQ = {100 * tm / fsq:.2g} % of it.")

    rows = []
    for name, t in cxx_all.items():
        if not name.startswith("BM_NearestCode/"):
            continue
        k, d = (int(v) for v in name.split("/")[1:3])
        sg = torch_all.get(f"SGEMM/{k}/{d}")
        flop = 2.0 * NEAREST_N * k * d
        tn = torch_all.get(name)
        rows.append(f"| {k} | {d} | {flop / t / 1e9:.1f} | "
                    + (f"{flop / sg / 1e9:.1f} | {100 * sg / t:.0f} %" if sg else "— | —")
                    + (f" | {flop / tn / 1e9:.1f} |" if tn else " | — |"))
    if rows:
        out.append("")
        out.append(f"Nearest-code search (N = {NEAREST_N}) against the SGEMM rate at the same N·K·d "
                   "(2·N·K·d flop): SGEMM is PyTorch's float32 torch.mm through the BLAS above, the "
                   "same 4096-row chunks, products only.")
        out.append("")
        out.append("| K | d | LatentLab GFLOP/s | SGEMM GFLOP/s | LatentLab / SGEMM | PyTorch search GFLOP/s |")
        out.append("|---|---|---|---|---|---|")
        out.extend(rows)
    try:
        with open("/proc/loadavg") as f:
            load = f.read().split()[:3]
        out.append("")
        out.append(f"Load average when the run ended (1 / 5 / 15 min): {' / '.join(load)} — "
                   f"above {os.cpu_count()} the machine was shared and the medians are noisy.")
    except OSError:
        pass
    text = "\n".join(out) + "\n"
    print(text, end="")
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
