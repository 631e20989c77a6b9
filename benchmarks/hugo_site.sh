#!/usr/bin/env bash
# Copied from the shared benchmark rig (shared/bench/), unchanged: the same deterministic corpus for every tool.
# Minimal Hugo site from a make_corpus.py corpus. No theme, no downloads.
#
#   hugo_site.sh CORPUS OUT             prepare a site in a temp dir, build to OUT
#   hugo_site.sh --prepare CORPUS SITE  only lay out the Hugo site in SITE
#   hugo_site.sh --build SITE OUT       only run: hugo --quiet -s SITE -d OUT
#
# The benchmark (bench.sh / compare.sh) times --build only; --prepare is a
# one-off copy.  OUT is written from scratch by the benchmark's --prepare step.
#
# What the site has: content/ = CORPUS/pages/* (sections = folders),
# (CORPUS/data/indicators.csv is not used: Hugo 0.111 ignores CSV in data/),
# layouts/_default/{baseof,single,list}.html; nav = home + every section.
# RSS, sitemap, robots.txt, taxonomies and 404 are disabled so that only the
# HTML pages (N singles + sections + home) are produced.
set -euo pipefail

die() { echo "hugo_site.sh: $*" >&2; exit 2; }

prepare() {
  local corpus=$1 site=$2
  [[ -d $corpus/pages ]] || die "$corpus/pages not found (run make_corpus.py)"
  rm -rf "$site"
  mkdir -p "$site/content" "$site/layouts/_default"
  cp -r "$corpus/pages/." "$site/content/"
  # CORPUS/data/indicators.csv is deliberately not copied: Hugo 0.111 does
  # not load CSV from data/ (only JSON/TOML/YAML/XML), so it would be dead
  # weight; it is there for a data-driven second generator.
  cat > "$site/config.toml" <<'EOF'
baseURL = "/"
languageCode = "en"
title = "SSG bench"
pluralizeListTitles = false
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false
[markup.goldmark.renderer]
unsafe = false
EOF
  cat > "$site/layouts/_default/baseof.html" <<'EOF'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ .Title }} | {{ site.Title }}</title>
</head>
<body>
<nav><ul>
<li><a href="{{ "/" | relURL }}">Home</a></li>
{{- range site.Sections.ByTitle }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul></nav>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
EOF
  cat > "$site/layouts/_default/single.html" <<'EOF'
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time></p>
{{ .Content }}
</article>
{{ end }}
EOF
  cat > "$site/layouts/_default/list.html" <<'EOF'
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{- range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul>
{{ end }}
EOF
}

build() {
  local site=$1 out=$2
  [[ -f $site/config.toml ]] || die "$site is not a prepared site"
  # absolute OUT so it does not land inside SITE
  case $out in /*) ;; *) out=$PWD/$out ;; esac
  hugo --quiet -s "$site" -d "$out"
}

case ${1:-} in
  --prepare) [[ $# -eq 3 ]] || die "usage: --prepare CORPUS SITE"; prepare "$2" "$3" ;;
  --build)   [[ $# -eq 3 ]] || die "usage: --build SITE OUT"; build "$2" "$3" ;;
  -h|--help|"") sed -n '2,16p' "$0"; exit 0 ;;
  *)
    [[ $# -eq 2 ]] || die "usage: hugo_site.sh CORPUS OUT"
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    prepare "$1" "$tmp/site"
    build "$tmp/site" "$2"
    ;;
esac
