#!/usr/bin/env python3
# Copied from the shared benchmark rig (shared/bench/), unchanged: the same deterministic corpus for every tool.
"""Deterministic synthetic corpus for static-site-generator benchmarks.

Usage:
    python3 make_corpus.py N OUTDIR [--seed S] [--sections K]

Writes a neutral, generator-agnostic layout:

    OUTDIR/pages/<section>/<slug>.md   N Markdown pages, YAML front matter
                                       (title/date/weight) between '---' lines,
                                       body ~4-6 KB: headings, paragraphs,
                                       bullet + numbered lists, links to other
                                       pages (/<section>/<slug>/), *emphasis*,
                                       **strong**, `inline code`, one fenced
                                       code block. No tables.
    OUTDIR/data/indicators.csv         long-format table with N*5 rows,
                                       columns indicator,area,period,value
    OUTDIR/MANIFEST.txt                counts and byte totals

Same (N, seed, sections) -> byte-identical output (only the stdlib `random`
module seeded with strings, which is stable across runs and PYTHONHASHSEED).
Standard library only.
"""

import argparse
import csv
import datetime as dt
import os
import random
import shutil
import sys

SECTIONS = [
    "economy", "health", "education", "environment", "energy",
    "transport", "housing", "labour", "trade", "population",
    "agriculture", "justice", "culture", "science", "finance",
]

WORDS = """
account activity adjusted agency analysis annual area average balance base
basket benchmark border budget business capacity capital census change chart
city coastal cohort collection comparison component consumer count country
coverage crude current cycle data decline demand density deposit district
dividend domestic earnings effect employment energy estimate export factor
figure fiscal flow forecast freight goods growth gross harvest household
import income index indicator industry inflation input investment labour
ledger level loan margin market measure median method metric model monthly
national net output panel payment period population price primary product
profile quarter rate ratio real region regional release report revenue rural
sample savings sector seasonal series service share source spending stock
structure supply survey table target tax total trade transfer trend unit
urban value volume wage weight yield access basis capture detail draft
early entry field final frame general joint key large local major minor
new official open partial public recent revised sample simple small
steady strong total upper usual valid weekly yearly
""".split()

CONNECTORS = ["and", "or", "but", "with", "for", "over", "under", "across",
              "within", "between", "after", "before", "during", "per"]

INDICATORS = [
    "gdp_growth", "unemployment_rate", "cpi_inflation", "population_total",
    "life_expectancy", "literacy_rate", "co2_emissions", "energy_use",
    "exports_share", "imports_share", "household_income", "house_price_index",
    "rail_passengers", "road_freight", "hospital_beds", "school_enrolment",
    "internet_users", "forest_area", "public_debt", "tax_revenue",
]
AREAS = [
    "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI",
    "FR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL",
    "NO", "PL", "PT", "RO", "SE", "SI", "SK", "UK", "AL", "BA", "ME", "MK",
    "RS", "TR", "XK", "UA", "MD", "GE", "AM", "AZ", "BY", "US", "CA", "JP",
    "KR", "AU",
]

CODE_SNIPPETS = {
    "python": [
        "def {a}_{b}(rows):\n    total = 0\n    for row in rows:\n        total += row[\"{c}\"]\n    return total / max(len(rows), 1)\n",
        "import csv\n\nwith open(\"{a}.csv\") as fh:\n    for rec in csv.DictReader(fh):\n        print(rec[\"{b}\"], rec[\"{c}\"])\n",
    ],
    "bash": [
        "#!/bin/sh\nset -eu\nfor f in data/{a}/*.csv; do\n  wc -l \"$f\"\ndone | sort -n | tail -n 5  # {b} {c}\n",
    ],
    "json": [
        "{{\n  \"indicator\": \"{a}_{b}\",\n  \"unit\": \"{c}\",\n  \"values\": [1, 2, 3, 5, 8]\n}}\n",
    ],
    "text": [
        "{a:<12}{b:>10}\n{c:<12}{a:>10}\n{b:<12}{c:>10}\n",
    ],
}


def sentence(rng, lo=8, hi=18):
    n = rng.randint(lo, hi)
    words = rng.choices(WORDS, k=n)
    # sprinkle a connector
    if n > 6:
        words[rng.randrange(2, n - 2)] = rng.choice(CONNECTORS)
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", ".", "!"])


def title(rng, lo=3, hi=6):
    return " ".join(w.capitalize() for w in rng.choices(WORDS, k=rng.randint(lo, hi)))


class Corpus:
    def __init__(self, n, seed, n_sections):
        self.n = n
        self.seed = seed
        k = max(1, min(n_sections, len(SECTIONS), n))
        self.sections = SECTIONS[:k]
        self.slugs = []
        self.page_section = []
        for i in range(n):
            r = random.Random(f"{seed}:slug:{i}")
            slug = f"p{i:05d}-" + "-".join(r.choices(WORDS, k=2))
            self.slugs.append(slug)
            self.page_section.append(self.sections[i % k])

    def url(self, j):
        return f"/{self.page_section[j]}/{self.slugs[j]}/"

    def link(self, rng, self_index):
        if self.n == 1:
            j = 0
        else:
            j = rng.randrange(self.n - 1)
            if j >= self_index:
                j += 1
        text = " ".join(rng.choices(WORDS, k=rng.randint(2, 4)))
        return f"[{text}]({self.url(j)})"

    def inline_para(self, rng, i, n_sent):
        """A paragraph with emphasis, strong, inline code and maybe a link."""
        parts = []
        for _ in range(n_sent):
            s = sentence(rng)
            words = s.split(" ")
            roll = rng.random()
            if len(words) > 4:
                p = rng.randrange(1, len(words) - 2)
                if roll < 0.25:
                    words[p] = f"*{words[p]}*"
                elif roll < 0.45:
                    words[p] = f"**{words[p]}**"
                elif roll < 0.55:
                    words[p] = f"`{words[p]}_{rng.randint(1, 99)}`"
                elif roll < 0.75:
                    words[p] = self.link(rng, i)
            parts.append(" ".join(words))
        return " ".join(parts)

    def code_block(self, rng):
        lang = rng.choice(sorted(CODE_SNIPPETS))
        tpl = rng.choice(CODE_SNIPPETS[lang])
        a, b, c = rng.choices(WORDS, k=3)
        return f"```{lang}\n" + tpl.format(a=a, b=b, c=c) + "```"

    def page(self, i):
        rng = random.Random(f"{self.seed}:page:{i}")
        t = title(rng) + f" {i}"
        date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 8 * 365))
        fm = (
            "---\n"
            f'title: "{t}"\n'
            f"date: {date.isoformat()}\n"
            f"weight: {i + 1}\n"
            "---\n\n"
        )
        target = rng.randint(4300, 5500)  # body target; final page 4-6 KB
        blocks = [self.inline_para(rng, i, rng.randint(2, 4))]
        # guaranteed structure, then random filler to the target size
        mandatory = ["h2", "para", "ul", "para", "code", "h3", "ol", "para"]
        order = mandatory[:]
        size = len(fm) + len(blocks[0])
        k = 0
        while size < target or k < len(mandatory):
            if k < len(order):
                kind = order[k]
            else:
                kind = rng.choice(["para", "para", "para", "h2", "h3", "ul", "ol", "quote"])
                if kind in ("h2", "h3") and blocks[-1].startswith("#"):
                    kind = "para"  # no empty sections
            k += 1
            if kind == "h2":
                b = "## " + title(rng, 2, 5)
            elif kind == "h3":
                b = "### " + title(rng, 2, 5)
            elif kind == "para":
                b = self.inline_para(rng, i, rng.randint(2, 5))
            elif kind == "ul":
                items = []
                for _ in range(rng.randint(3, 6)):
                    if rng.random() < 0.4:
                        items.append("- " + self.link(rng, i))
                    else:
                        items.append("- " + sentence(rng, 4, 10))
                b = "\n".join(items)
            elif kind == "ol":
                b = "\n".join(f"{n + 1}. " + sentence(rng, 4, 10)
                              for n in range(rng.randint(3, 5)))
            elif kind == "quote":
                b = "> " + sentence(rng) + " " + sentence(rng)
            elif kind == "code":
                b = self.code_block(rng)
            if k > len(mandatory) and size + len(b) + 2 > 6000:
                break  # keep every page <= 6000 bytes
            blocks.append(b)
            size += len(b) + 2
        body = "\n\n".join(blocks) + "\n"
        return self.page_section[i], self.slugs[i], fm + body


def write_csv(path, rows_wanted, seed):
    """Long format; rows enumerate (indicator, area, period) without repeats."""
    n_ind, n_area = len(INDICATORS), len(AREAS)
    per_period = n_ind * n_area
    n_periods = max(1, -(-rows_wanted // per_period))
    keys = []
    for k in range(rows_wanted):
        keys.append((k % n_ind, (k // n_ind) % n_area, k // per_period))
    keys.sort()
    start_year = 2000
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["indicator", "area", "period", "value"])
        for ind, area, p in keys:
            r = random.Random(f"{seed}:val:{ind}:{area}")
            base = r.uniform(1, 1000)
            trend = r.uniform(-0.01, 0.03)
            noise = random.Random(f"{seed}:noise:{ind}:{area}:{p}").gauss(0, 0.02)
            value = base * (1 + trend) ** p * (1 + noise)
            year, q = start_year + p // 4, p % 4 + 1
            w.writerow([INDICATORS[ind], AREAS[area], f"{year}-Q{q}", f"{value:.3f}"])
    return n_periods


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of pages")
    ap.add_argument("outdir")
    ap.add_argument("--seed", default="42")
    ap.add_argument("--sections", type=int, default=10)
    ap.add_argument("--force", action="store_true",
                    help="delete OUTDIR first if it exists")
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("N must be >= 1")
    if os.path.exists(a.outdir):
        if not a.force and os.listdir(a.outdir):
            ap.error(f"{a.outdir} exists and is not empty (use --force)")
        shutil.rmtree(a.outdir)
    c = Corpus(a.n, a.seed, a.sections)
    pages_dir = os.path.join(a.outdir, "pages")
    for s in c.sections:
        os.makedirs(os.path.join(pages_dir, s), exist_ok=True)
    total = 0
    sizes = []
    for i in range(a.n):
        sec, slug, text = c.page(i)
        data = text.encode("utf-8")
        with open(os.path.join(pages_dir, sec, slug + ".md"), "wb") as fh:
            fh.write(data)
        total += len(data)
        sizes.append(len(data))
    os.makedirs(os.path.join(a.outdir, "data"), exist_ok=True)
    rows = a.n * 5
    write_csv(os.path.join(a.outdir, "data", "indicators.csv"), rows, a.seed)
    with open(os.path.join(a.outdir, "MANIFEST.txt"), "w") as fh:
        fh.write(f"pages {a.n}\nsections {len(c.sections)}\nseed {a.seed}\n"
                 f"markdown_bytes {total}\nmin_page_bytes {min(sizes)}\n"
                 f"max_page_bytes {max(sizes)}\ncsv_rows {rows}\n")
    print(f"wrote {a.n} pages ({total} bytes, {min(sizes)}-{max(sizes)} B/page) "
          f"in {len(c.sections)} sections + {rows} csv rows -> {a.outdir}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
