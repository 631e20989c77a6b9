#!/usr/bin/env python3
"""Checks the strategy's PDF (`safersite build --pdf`) the way an accessibility audit would.

    checks/pdf/check.py OUTPUT [OUTPUT_AGAIN]

OUTPUT is a folder built with `--pdf`. Checks, with pdfinfo, pdftotext (poppler) and pikepdf:
  - pdfinfo says it is tagged; A4; title set (the report's <title>); the page count is recorded;
    each page's foot names the site (and edition) and says "Page N of M"
  - the catalogue names the document language, and the structure tree has one H1 and headings
    whose levels never jump down by more than one
  - every chart is a Figure with alternative text (/Alt); the HTML <figure> around it is a Figure
    holding its Caption and words as text; every Table has header cells
  - the document has an outline (bookmarks) and live links
  - its text holds every figure the report page shows (from downloads/figures.csv)
With OUTPUT_AGAIN (a second build of the same site), the two PDFs have the same text and the same
structure: what cannot be fixed is the creation date, the modification date and the file id.
Prints one line per check and exits 1 if any fails.
"""
from __future__ import annotations

import csv
import html
import re
import subprocess
import sys
from pathlib import Path

import pikepdf

failures: list[str] = []


def check(name: str, ok: bool, detail: str = "") -> None:
    print(f"[pdf] {'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""))
    if not ok:
        failures.append(name)


def the_pdf(output: Path) -> Path:
    pdfs = sorted((output / "downloads").glob("*.pdf"))
    if len(pdfs) != 1:
        sys.exit(f"expected one PDF in {output}/downloads, found {len(pdfs)}")
    return pdfs[0]


def info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def text(pdf: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True).stdout.split())


def structure(pdf: pikepdf.Pdf) -> list[tuple[str, str]]:
    """The structure tree's elements in reading order, as (tag, alternative text)."""
    seen: list[tuple[str, str]] = []

    def walk(node) -> None:
        if isinstance(node, pikepdf.Array):
            for item in node:
                walk(item)
            return
        if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
            return
        kids = node.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        # A figure with a caption among its children is the HTML <figure> around a chart: it
        # holds the caption and words as text; the chart inside it is the figure that needs /Alt.
        grouping = any(isinstance(kid, pikepdf.Dictionary) and str(kid.get("/S", "")) == "/Caption" for kid in kids)
        seen.append((str(node.S)[1:] + ("+Caption" if grouping else ""), str(node.get("/Alt", ""))))
        if "/K" in node:
            walk(node.K)

    root = pdf.Root.get("/StructTreeRoot")
    if root is not None and "/K" in root:
        walk(root.K)
    return seen


def main() -> int:
    output = Path(sys.argv[1])
    path = the_pdf(output)
    meta = info(path)
    check("tagged", meta.get("Tagged") == "yes", meta.get("Tagged", "no answer"))
    check("A4 pages", "A4" in meta.get("Page size", ""), meta.get("Page size", ""))
    report = (output / "report" / "index.html").read_text(encoding="utf-8")
    title = html.unescape(re.search(r"<title>(.*?)</title>", report, re.S).group(1)).strip()
    check("title", meta.get("Title") == title, meta.get("Title", "none"))
    print(f"[pdf] {path.name}: {meta.get('Pages')} pages, {path.stat().st_size:,} bytes")

    with pikepdf.open(path) as pdf:
        lang = str(pdf.Root.get("/Lang", ""))
        page_lang = re.search(r'<html lang="([^"]+)"', report).group(1)
        check("language", lang == page_lang, lang or "none")
        tags = structure(pdf)
        headings = [int(tag[1]) for tag, _ in tags if re.fullmatch(r"H[1-6]", tag)]
        check("one H1", headings.count(1) == 1, f"{headings.count(1)} H1")
        jumps = [(a, b) for a, b in zip(headings, headings[1:]) if b > a + 1]
        check("heading levels in order", not jumps and len(headings) > 1, f"{len(headings)} headings" + (f", jumps {jumps[:3]}" if jumps else ""))
        figures = [alt for tag, alt in tags if tag == "Figure"]
        svgs = len(re.findall(r'<svg[^>]*role="img"', report))
        check("every figure has alternative text", len(figures) == svgs and all(alt.strip() for alt in figures),
              f"{len(figures)} figures for {svgs} charts, {sum(1 for tag, _ in tags if tag == 'Figure+Caption')} of them in a captioned group")
        tables = [i for i, (tag, _) in enumerate(tags) if tag == "Table"]
        check("tables have header cells", not tables or any(tag == "TH" for tag, _ in tags), f"{len(tables)} tables")
        check("outline", len(pdf.open_outline().root) > 0)
        links = sum(1 for page in pdf.pages for annot in page.get("/Annots", []) if annot.get("/Subtype") == "/Link")
        check("links kept", links > 0, f"{links} links")
        structure_once = tags

    pages = int(meta.get("Pages", "0"))
    second = " ".join(subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(path), "-"], check=True, capture_output=True, text=True).stdout.split())
    check("running footer", f"Page 2 of {pages}" in second and title.split(" – ")[-1] in second, second[-80:])
    words = text(path)
    # The words a reader sees: a chart's SVG titles are its alternative text, not printed words.
    shown_html = re.sub(r"<svg.*?</svg>", " ", report.split("<main", 1)[1], flags=re.S)
    page_text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", shown_html)).split())
    with (output / "downloads" / "figures.csv").open(encoding="utf-8") as handle:
        shown = [row["text"] for row in csv.DictReader(handle) if row["text"] and row["text"] in page_text]
    missing = [figure for figure in shown if figure not in words]
    check("every figure on the report page is in the PDF", not missing, f"{len(shown)} figures" + (f", missing {missing[:5]}" if missing else ""))

    if len(sys.argv) > 2:
        again = the_pdf(Path(sys.argv[2]))
        check("same text every build", text(again) == words)
        with pikepdf.open(again) as pdf:
            check("same structure every build", structure(pdf) == structure_once)
    print(f"[pdf] {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
