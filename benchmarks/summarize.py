#!/usr/bin/env python3
"""Summarises bench.sh's hyperfine JSON and /usr/bin/time files as a Markdown table of ratios."""
import json, re, sys, os

def rss(path):
    try:
        text = open(path).read()
    except OSError:
        return None
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    return int(m.group(1)) // 1024 if m else None

results, sizes = sys.argv[1], sys.argv[2:]
print(open(os.path.join(results, "env.txt")).read().strip().replace("\n", "  \n"))
print()
print("| N | tool | median s | × Hugo (median) | peak MiB | × Hugo (memory) |")
print("|---:|---|---:|---:|---:|---:|")
for n in sizes:
    data = json.load(open(os.path.join(results, f"hyperfine-N{n}.json")))["results"]
    med = {r["command"]: r["median"] for r in data}
    mem = {t: rss(os.path.join(results, f"rss-{t}-N{n}.txt")) for t in ("hugo", "safersite")}
    for r in data:
        tool = r["command"]
        ratio = r["median"] / med["hugo"]
        m = mem.get(tool)
        mratio = f"{m / mem['hugo']:.2f}" if m and mem.get("hugo") else ""
        print(f"| {n} | {tool} | {r['median']:.3f} | {ratio:.2f} | {m or ''} | {mratio} |")
