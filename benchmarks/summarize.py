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

dudley = os.path.join(results, "dudley-vs-hugo15.json")
if "15" in sizes and os.path.exists(dudley):
    data = {r["command"]: r["median"] for r in json.load(open(dudley))["results"]}
    print()
    print(f"Dudley site, full build: {data['safersite-dudley']:.3f} s median; Hugo's 15-page corpus: {data['hugo-15']:.3f} s "
          f"(same run): {data['safersite-dudley'] / data['hugo-15']:.2f}× Hugo.")

for n in sizes:
    path = os.path.join(results, f"incremental-N{n}.txt")
    if not os.path.exists(path):
        continue
    times = dict(line.split() for line in open(path) if line.strip())
    full = {r["command"]: r["median"] for r in json.load(open(os.path.join(results, f"hyperfine-N{n}.json")))["results"]}["safersite"] * 1000
    print()
    print(f"Incremental rebuild in `build --watch`, {n} pages: one page edited {times['page']} ms "
          f"({float(times['page']) / full:.2f}× the full build's {full:.0f} ms), one data value changed {times['data']} ms "
          f"({float(times['data']) / full:.2f}×).")
