#!/usr/bin/env python3
"""Lays a make_corpus.py corpus out as a SaferSite site folder, equivalent to hugo_site.sh's site.

    python3 to_safersite.py CORPUS SITE

- content/<section>/<slug>.md: the same pages, with links written as relative .md links (as a
  SaferSite author writes them, so every link is checked) and `date`/`weight` left out (SaferSite
  has no use for them). Each page cites one figure, `{{indicator}}`, computed from the data.
- content/<section>/index.md: a section page linking to every page in it, in order, as Hugo's
  list pages do; sections have an `order`, so the navigation is home plus every section, as Hugo's.
- content/data/: the corpus's long CSV (N*5 rows) as observations, one indicator each.
- themes/bench/: templates equal to hugo_site.sh's (a nav, the title, the content) plus the
  Content-Security-Policy SaferSite requires.
Standard library only; the same corpus gives the same site.
"""
import csv, os, re, shutil, sys

def main(corpus, site):
    if os.path.exists(site):
        shutil.rmtree(site)
    pages_root = os.path.join(corpus, "pages")
    with open(os.path.join(corpus, "data", "indicators.csv"), newline="") as f:
        rows = list(csv.reader(f))[1:]
    indicators = sorted({r[0] for r in rows})
    # SaferSite ids are lower-case.
    rows = [[ind, area.lower(), period, value] for ind, area, period, value in rows]
    local = rows[0][1]
    os.makedirs(os.path.join(site, "content", "data"))
    with open(os.path.join(site, "content", "data", "observations.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["indicator", "area", "period", "value"])
        for ind, area, period, value in rows:
            w.writerow([ind, area, period.replace("-Q", " Q"), value])
    with open(os.path.join(site, "content", "data", "indicators.yaml"), "w") as f:
        for ind in indicators:
            f.write(f"{ind}:\n  title: {ind.replace('_', ' ').capitalize()}\n  unit: count\n  polarity: no judgement\n  source: Synthetic benchmark data\n\n")
    areas = sorted({r[1] for r in rows} - {local})
    with open(os.path.join(site, "content", "data", "areas.yaml"), "w") as f:
        for area in areas:
            f.write(f"{area}:\n  name: Area {area.upper()}\n")
    link = re.compile(r"\]\(/([a-z]+)/([a-z0-9-]+)/\)")
    sections = sorted(os.listdir(pages_root))
    for order, section in enumerate(sections, start=2):
        names = sorted(os.listdir(os.path.join(pages_root, section)))
        out_dir = os.path.join(site, "content", section)
        os.makedirs(out_dir)
        titles = []
        for index, name in enumerate(names):
            text = open(os.path.join(pages_root, section, name), encoding="utf-8").read()
            head, body = text.split("\n---\n", 1)
            head_lines = [l for l in head.split("\n") if l and l != "---" and not l.startswith(("date:", "weight:"))]
            title = head_lines[0].split(":", 1)[1].strip()
            titles.append((name, title.strip('"')))
            body = link.sub(lambda m: f"](../{m.group(1)}/{m.group(2)}.md)", body)
            indicator = indicators[(order * 31 + index) % len(indicators)]
            body = f"The latest figure is {{{{{indicator}}}}}.\n" + body
            with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
                f.write("---\n" + "\n".join(head_lines) + "\n---\n" + body)
        with open(os.path.join(out_dir, "index.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {section.capitalize()}\norder: {order}\n---\n")
            for name, title in titles:
                f.write(f"- [{title}]({name})\n")
    with open(os.path.join(site, "content", "index.md"), "w") as f:
        f.write("---\ntitle: Home\norder: 1\n---\nThe benchmark site.\n")
    with open(os.path.join(site, "site.yaml"), "w") as f:
        f.write(f"title: SSG bench\nbaseURL: https://bench.example/\ntheme: bench\narea: {{id: {local}, name: Area {local.upper()}}}\n")
    layouts = os.path.join(site, "themes", "bench", "templates", "layouts")
    os.makedirs(layouts)
    with open(os.path.join(layouts, "page.mustache"), "w") as f:
        f.write("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
{{{csp}}}
<title>{{page.title}} | {{site.title}}</title>
</head>
<body>
<nav><ul>
{{#nav}}
<li><a href="{{url}}">{{title}}</a></li>
{{/nav}}
</ul></nav>
<main>
<article>
<h1>{{page.title}}</h1>
{{{page.content}}}
</article>
</main>
</body>
</html>
""")

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
