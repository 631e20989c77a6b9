// Generated from themes/default/ by Tests/SaferRenderTests/BuiltInThemeGoldenTests.swift:
// change the theme's folder, then run `make golden`. Do not edit by hand.

/// The default theme, built in: a site without a `themes/default/` folder uses these files.
enum BuiltInTheme {
    static let name = "default"

    /// Each file by its path below the theme's folder.
    static let files: [(path: String, text: String)] = [
        ("README.md", #"""
# The default theme

A calm, public-sector look (brand colour: Analysis Function dark blue `#12436D`). The pages need no
JavaScript and use no web fonts. `static/css/site.css` is the only stylesheet, and the pages
request nothing from any other host. The Content-Security-Policy meta is `default-src 'none';
style-src 'self'; img-src 'self' data:`. It blocks every script, and it also blocks inline
`style=""` attributes and `<style>` elements: use classes, and SVG presentation attributes
(`fill="…"`). `make site-check` tests the theme against WCAG 2.2 AA. It runs the Nu validator,
runs axe at 1280 and 375 px, and checks reflow at 320 px. It also builds
`checks/site/fixture/`, a page that uses every component below, so each one is tested before
real content uses it.

## Templates

| template | what it is |
|---|---|
| `layouts/page` | h1, `page.description` as a lead paragraph, "On this page" (from `page.headings`, when there are any), the content, and a previous/next pager when `page.previous` / `page.next` (`title`, `url`) exist |
| `layouts/home` | h1, the content, then "Read the strategy": a card for each `nav` page except the home page (it shows `description` under the title if `nav` items ever have one) |
| `layouts/404` | `noindex`, no canonical; the content, a link home and a list of the `nav` pages. Its links use `root`, so it works at any depth |
| `partials/head-start`, `partials/head` | meta, CSP, title, the CSS file, the icon; `head` adds the description, canonical and Open Graph tags |
| `partials/header`, `partials/nav`, `partials/footer` | skip link, site name and organisation. The nav is a wrapping bar from 640 px up and a native `<details>` "Menu" on phones, so a phone shows the page on its first screen. The footer lists every `nav` page, an accessibility statement link when `site.extra.accessibility_statement` is set (a path from the site root, e.g. `accessibility/`), and `site.extra.contact_email` when set |

## Blocks: structured lists rendered by the theme

A page shows a list from `content/lists/NAME.yaml` with a fenced block. Each block gets the list
as `lists.NAME` (dashes become `_`) and its own YAML as `params`. The theme expects these shapes;
`checks/site/fixture/content/lists/` has a working example of each.

| block | list file | shape of each item |
|---|---|---|
| ```` ```block risk-factors ```` | `risk-factors.yaml` | `level` (e.g. Individual), `intro` (optional), `risk: [text, …]`, `protective: [text, …]` (either may be empty). The level number comes from its position |
| ```` ```block scales ```` | `scales.yaml` | `name` (Scale 1), `title`, `reach: {value: "330,626", label: people live in Dudley borough}`, `actions: [text, …]`. Optional `params.actions_title` (default "What we will do") |
| ```` ```block goals ```` | `goals.yaml` | `scale`, `goal`, `lead` (lead partnership group), `outcome`. Optional `params.note`, shown under the cards |

The values are escaped text. To show a computed figure in a list, the renderer must supply it,
for example by resolving figure references in list values first. SaferSite's built-in
`blocks/figures` (`.figure-list`, `.figure-entry`) and `blocks/downloads` (`.downloads`) are
styled here too.

## Components (class names and HTML)

Wide components (`key-numbers`, `chart`, `table-wrap`, `levels`, `scales`, `goals`, `card-list`,
or anything with `wide`) may use the full width. Running text keeps a 42rem measure.

**Figure in text.** A number that links to how it is computed. The visually hidden part makes
the link make sense out of context (WCAG 2.4.9):
```html
<a class="figure" href="../data-and-methods/#deprived-population">27.4%<span class="visually-hidden"> (how this figure is computed)</span></a>
```

**Key numbers** (home page). Two to a row on a 375 px phone, one at 320 px, up to four on a desktop:
```html
<ul class="key-numbers">
  <li><span class="key-numbers__value">330,626</span> <span class="key-numbers__label">people live in Dudley borough</span> <span class="key-numbers__detail">optional: period or source</span></li>
</ul>
```
The value may hold an `<a class="figure">`.

**Chart.** The title and subtitle go above the chart, and the source, data table and download go below it:
```html
<figure class="chart" id="chart-ID">
  <figcaption><span class="chart__title">Headline message</span> <span class="chart__subtitle">Measure, area, period</span></figcaption>
  <svg role="img" aria-labelledby="ID-title ID-desc" viewBox="…"><title id="ID-title">…</title><desc id="ID-desc">…</desc>…</svg>
  <p class="chart__description">optional: a text description</p>
  <p class="chart__source">Source: …</p>
  <details><summary>Show the data as a table</summary>
    <div class="table-wrap" role="region" aria-labelledby="ID-caption" tabindex="0"><table class="data-table"><caption id="ID-caption">…</caption>…</table></div>
  </details>
  <p class="chart__download"><a href="…csv" download>Download the data for this chart (CSV, 1 KB)</a></p>
</figure>
```
The SVG is as wide as its container, up to 42rem, with `height: auto`. The theme never sets the
SVG's font or colours: its own presentation attributes stay in charge. In forced-colours mode,
`<text>` becomes `CanvasText`. The site check fails a page if two `<text>` boxes in an inline SVG
overlap by more than 1 px, or if a label runs past the SVG's edge (checked at 375 and 1280 px).

**Data table.** It scrolls inside its own labelled, focusable region and never scrolls the page.
The caption stays in view, and a shadow shows there is more to the side:
```html
<div class="table-wrap" role="region" aria-labelledby="T-caption" tabindex="0">
  <table class="data-table">
    <caption id="T-caption">…</caption>
    <thead><tr><th scope="col">Area</th><th scope="col" class="num">Rate</th></tr></thead>
    <tbody><tr class="is-local"><th scope="row">Dudley</th><td class="num">95</td></tr></tbody>
  </table>
</div>
```
`num` right-aligns a column and uses tabular figures. `is-local` makes the local area's row bold.

**Callouts.**
- `<div class="inset">…</div>`: a grey bar, for quoted or supporting text.
- `<div class="callout"><p class="callout__title">…</p><p>…</p></div>`: blue-tinted, for key messages.
- `<div class="callout callout--warning">…</div>`: a black border, e.g. "the stated figure does not match its data".

A Markdown `>` blockquote is styled as the vision statement.

**Comparison tags.** Each tag carries its word, so colour is never the only cue:
`<strong class="tag tag--better">Better</strong>`, `tag--similar`, `tag--worse`, and plain `tag`
for "Not compared" or "No judgement".

**Risk and protective factors in four levels:**
```html
<ol class="levels">
  <li class="level">
    <h3 class="level__title"><span class="level__number">1</span> Individual</h3>
    <p class="level__intro">optional</p>
    <div class="level__factors">
      <div class="factors factors--risk"><h4 class="factors__title">Risk factors</h4><ul><li>…</li></ul></div>
      <div class="factors factors--protective"><h4 class="factors__title">Protective factors</h4><ul><li>…</li></ul></div>
    </div>
  </li>
</ol>
```
Risk and protective factors sit side by side from 768 px. The two kinds are told apart by their
headings; the coloured rule only repeats it.

**The three prevention scales.** Three columns from 768 px:
```html
<ol class="scales">
  <li class="scale">
    <p class="scale__number">Scale 1</p>
    <h3 class="scale__title">Everyone in the borough</h3>
    <p class="scale__reach"><span class="scale__figure">330,626</span> people live in Dudley borough</p>
    <h4 class="scale__actions-title">What we will do</h4>
    <ul class="scale__actions"><li>…</li></ul>
  </li>
</ol>
```

**Goals cards:**
```html
<ol class="goals">
  <li class="goal">
    <p class="goal__scale">Scale 1: everyone in the borough</p>
    <h3 class="goal__title">The goal</h3>
    <dl class="goal__meta"><dt>Lead partnership group</dt><dd>…</dd><dt>Outcome</dt><dd>…</dd></dl>
  </li>
</ol>
```

**Other components.**
- `<ul class="card-list"><li><a class="card-list__link" href="…">Title</a><p class="card-list__text">…</p></li></ul>`: "where to go next" cards.
- `<details class="details"><summary>…</summary><div class="details__body">…</div></details>`: a disclosure.
- `.visually-hidden`: hides text on screen but keeps it for screen readers.
- `.secondary-text` and `.small`: quieter text that still keeps its contrast.
- `.wide`: lets a block use the full width.

## Print

Print uses the same CSS file, through `@media print`. On `/report/`, wrap each page in `<section class="report-section">` and each one starts on a new printed page. It prints black on white and hides the
navigation, the pager, "on this page", download links and closed `<details>`. It shows the
addresses of external and `mailto:` links, and avoids page breaks inside figures, tables and
cards. `make site-check` saves a print PDF of every page in `site-check-out/print/`.

"""#),
        ("static/css/site.css", #"""
/* SaferSite default theme.
   One file, system fonts, no JavaScript, no requests to other hosts. WCAG 2.2 AA:
   text contrast >= 4.5:1, GOV.UK-style yellow focus, reflow to 320 CSS px, forced colours,
   reduced motion and print. Components are documented in themes/default/README.md. */

/* ------------------------------------------------------------------ tokens */
:root {
  --text: #0b0c0c;        /* 19.6:1 on white */
  --secondary: #505a5f;   /* 7.1:1 on white, 6.3:1 on --panel */
  --link: #1d70b8;        /* 5.2:1 on white, 4.6:1 on --panel */
  --link-hover: #003078;
  --link-visited: #4c2c92;
  --brand: #12436d;       /* Analysis Function dark blue; 10.3:1 with white */
  --brand-light: #2073bc;
  --accent: #28a197;      /* marks and borders only: 3.2:1, never text */
  --risk: #801650;
  --focus: #fd0;
  --focus-text: #0b0c0c;
  --border: #b1b4b6;
  --panel: #f3f2f1;
  --tint: #eef4fa;        /* a blue tint for callouts; links keep 4.6:1 on it */
  --measure: 42rem;       /* line length of running text */
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
}

/* ------------------------------------------------------------------ base */
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: var(--font);
  font-size: 1rem;
  line-height: 1.5;
  color: var(--text);
  background: #fff;
  overflow-wrap: break-word;
}
@media (min-width: 40em) { body { font-size: 1.1875rem; line-height: 1.55; } }

.width { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
@media (min-width: 40em) { .width { padding: 0 1.875rem; } }

h1, h2, h3, h4 { line-height: 1.2; font-weight: 700; margin: 0 0 1rem; }
h1 { font-size: 2rem; }
h2 { font-size: 1.5rem; margin-top: 2.25rem; }
h3 { font-size: 1.25rem; margin-top: 1.75rem; }
h4 { font-size: 1.0625rem; margin-top: 1.25rem; }
@media (min-width: 40em) {
  h1 { font-size: 3rem; }
  h2 { font-size: 2.25rem; }
  h3 { font-size: 1.5rem; }
  h4 { font-size: 1.1875rem; }
}
p, ul, ol, dl, blockquote, figure, table, details, pre { margin: 0 0 1.25rem; }
ul, ol { padding-left: 1.25rem; }
li { margin-bottom: 0.375rem; }
li > ul, li > ol { margin-top: 0.375rem; margin-bottom: 0; }
strong, b { font-weight: 700; }
dt { font-weight: 700; }
dd { margin: 0 0 0.75rem; }
hr { border: 0; border-top: 1px solid var(--border); margin: 2rem 0; }
img, svg { max-width: 100%; height: auto; }
abbr[title] { text-decoration: underline dotted; }
code, kbd, samp, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9375em; }
pre { max-width: 100%; overflow-x: auto; padding: 0.75rem 1rem; background: var(--panel); }

/* ------------------------------------------------------------------ links and focus */
a { color: var(--link); text-decoration: underline; text-decoration-thickness: max(1px, 0.0625rem); text-underline-offset: 0.15em; }
a:visited { color: var(--link-visited); }
a:hover { color: var(--link-hover); text-decoration-thickness: max(3px, 0.1875rem); }
a:active { color: var(--text); }
/* GOV.UK-style focus: yellow behind the text, a dark bar under it. The transparent outline
   becomes visible in forced-colours mode, where backgrounds and shadows are dropped. */
a:focus-visible, summary:focus-visible {
  outline: 3px solid transparent;
  color: var(--focus-text);
  background-color: var(--focus);
  box-shadow: 0 -2px var(--focus), 0 4px var(--focus-text);
  text-decoration: none;
}
:focus-visible { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 6px var(--focus-text); }
main:focus { outline: none; }
.main:focus-visible { outline: none; box-shadow: none; }

.skip-link {
  position: absolute;
  left: 0; top: 0;
  padding: 0.625rem 1rem;
  transform: translateY(-200%);
  color: var(--focus-text);
  background: var(--focus);
  text-decoration: underline;
  z-index: 10;
}
.skip-link:focus, .skip-link:focus-visible { transform: none; color: var(--focus-text); text-decoration: underline; box-shadow: none; }
.skip-link:visited { color: var(--focus-text); }

.visually-hidden {
  position: absolute !important;
  width: 1px !important; height: 1px !important;
  margin: 0 !important; padding: 0 !important;
  overflow: hidden !important;
  clip: rect(0 0 0 0) !important;
  clip-path: inset(50%) !important;
  border: 0 !important;
  white-space: nowrap !important;
}

/* ------------------------------------------------------------------ header, navigation, footer */
.site-header { background: var(--brand); color: #fff; border-bottom: 0.5rem solid var(--brand-light); }
.site-header__inner { padding-top: 0.75rem; padding-bottom: 0.75rem; }
.site-header__name {
  display: inline-block;
  color: #fff;
  font-size: 1.375rem;
  font-weight: 700;
  line-height: 1.2;
  text-decoration: none;
}
.site-header__name:visited, .site-header__name:hover { color: #fff; }
.site-header__name:hover { text-decoration: underline; text-decoration-thickness: 3px; }
.site-header__org { margin: 0.125rem 0 0; font-size: 0.875rem; }
@media (min-width: 40em) {
  .site-header__inner { padding-top: 1rem; padding-bottom: 1rem; }
  .site-header__name { font-size: 1.75rem; }
  .site-header__org { font-size: 1rem; }
}

.site-nav { background: var(--panel); border-bottom: 1px solid var(--border); }
/* Phones get a native disclosure ("Menu", no JavaScript) so the page starts on the first screen;
   wider screens get the wrapping bar. Only one of the two lists is ever rendered. */
.site-nav__list {
  display: none;
  list-style: none;
  margin: 0;
  padding: 0.375rem 0;
  flex-wrap: wrap;
  column-gap: 1.25rem;
  font-size: 1rem;
}
@media (min-width: 40em) {
  .site-nav__list { display: flex; }
  .site-nav__menu { display: none; }
}
.site-nav__list li, .site-nav__stack li { margin: 0; }
.site-nav__list a { display: inline-block; padding: 0.3125rem 0; font-weight: 600; }
.site-nav a:visited { color: var(--link); }
.site-nav a:hover { color: var(--link-hover); }
.site-nav a[aria-current="page"] { color: var(--text); text-decoration: none; }
.site-nav__list a[aria-current="page"] { box-shadow: inset 0 -0.25rem var(--brand); }
.site-nav a[aria-current="page"]:focus-visible { box-shadow: 0 -2px var(--focus), 0 4px var(--focus-text); }
.site-nav__menu { margin: 0; }
.site-nav__menu > summary { display: block; padding: 0.625rem 0 0.625rem 1.25rem; font-weight: 700; }
.site-nav__menu[open] > summary { margin-bottom: 0; }
.site-nav__stack { list-style: none; margin: 0; padding: 0 0 0.5rem; border-top: 1px solid var(--border); }
.site-nav__stack a { display: block; padding: 0.5rem 0; border-bottom: 1px solid var(--border); font-weight: 600; }
.site-nav__stack a[aria-current="page"] { box-shadow: inset 0.25rem 0 var(--brand); padding-left: 0.75rem; }

.main { display: block; padding: 1.5rem 0 1.5rem; }
@media (min-width: 40em) { .main { padding-top: 2.5rem; } }
.page-title { max-width: var(--measure); margin-top: 0; }
.lead { max-width: var(--measure); font-size: 1.1875rem; color: var(--secondary); }
@media (min-width: 40em) { .lead { font-size: 1.5rem; } }

/* Running text keeps a readable measure; wide components may use the full width. */
.prose > * { max-width: var(--measure); }
.prose > .key-numbers, .prose > .chart, .prose > .table-wrap, .prose > .levels,
.prose > .scales, .prose > .goals, .prose > .card-list, .prose > .wide { max-width: none; }

.site-footer {
  margin-top: 2rem;
  padding: 1.5rem 0 2rem;
  background: var(--panel);
  border-top: 1px solid var(--border);
  color: var(--text);
  font-size: 1rem;
}
.site-footer__links { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; column-gap: 1.25rem; }
.site-footer__links li { margin: 0; }
.site-footer__links a { display: inline-block; padding: 0.25rem 0; }
.site-footer p { margin: 0; color: var(--secondary); }
.site-footer p a { color: var(--link); }

/* ------------------------------------------------------------------ on this page */
.contents { max-width: var(--measure); margin: 0 0 2rem; }
.contents__title { font-size: 1rem; margin: 0 0 0.5rem; color: var(--secondary); font-weight: 700; }
@media (min-width: 40em) { .contents__title { font-size: 1.1875rem; } }
.contents__list { list-style: none; padding: 0; margin: 0; }
.contents__list li { position: relative; padding-left: 1.5rem; margin-bottom: 0.25rem; }
.contents__list li::before { content: "—"; position: absolute; left: 0; color: var(--secondary); }

/* ------------------------------------------------------------------ quotes, inset text, callouts */
blockquote {
  margin-left: 0; margin-right: 0;
  padding: 0.25rem 0 0.25rem 1.25rem;
  border-left: 0.3125rem solid var(--brand);
  font-size: 1.25rem;
  line-height: 1.4;
}
@media (min-width: 40em) { blockquote { font-size: 1.5rem; } }
blockquote > :last-child { margin-bottom: 0; }
.inset, .callout { margin: 1.5rem 0; }
.inset {
  padding: 0.75rem 0 0.75rem 1rem;
  border-left: 0.625rem solid var(--border);
}
.inset > :last-child, .callout > :last-child { margin-bottom: 0; }
.callout {
  padding: 1rem 1.25rem;
  background: var(--tint);
  border-left: 0.3125rem solid var(--brand);
}
.callout__title { display: block; margin: 0 0 0.5rem; font-size: 1.1875rem; font-weight: 700; }
.callout--warning { background: #fff; border: 0.1875rem solid var(--text); border-left-width: 0.625rem; }

/* ------------------------------------------------------------------ figures in text */
/* A number that links to how it is computed: clearly a link, quieter than a normal one. */
a.figure {
  font-weight: 700;
  font-variant-numeric: tabular-nums;
  color: var(--brand);
  text-decoration-style: dotted;
  text-decoration-thickness: max(2px, 0.125rem);
  text-underline-offset: 0.2em;
}
a.figure:visited { color: var(--brand); }
a.figure:hover { color: var(--link-hover); text-decoration-style: solid; }
.figure-note { color: var(--secondary); font-size: 0.875em; }

/* ------------------------------------------------------------------ key numbers */
/* Big numbers with labels: two to a row on a 375 px phone, one at 320 px, up to four on desktop. */
.key-numbers {
  list-style: none;
  padding: 0;
  margin: 1.5rem 0 2rem;
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 10rem), 1fr));
  gap: 0.75rem;
}
@media (min-width: 40em) {
  .key-numbers { grid-template-columns: repeat(auto-fill, minmax(12.5rem, 1fr)); gap: 1rem; }
}
.key-numbers > li {
  margin: 0;
  padding: 0.625rem 0.75rem 0.75rem;
  background: var(--panel);
  border-top: 0.3125rem solid var(--brand);
}
.key-numbers__value {
  display: block;
  font-size: 1.75rem;
  line-height: 1.1;
  font-weight: 700;
  font-variant-numeric: tabular-nums;
  color: var(--brand);
  margin-bottom: 0.25rem;
}
.key-numbers__value a, .key-numbers__value a:visited { color: var(--brand); }
.key-numbers__label { display: block; font-size: 1rem; line-height: 1.35; }
.key-numbers__detail { display: block; margin-top: 0.375rem; font-size: 0.875rem; color: var(--secondary); }
@media (min-width: 40em) {
  .key-numbers > li { padding: 0.875rem 1rem 1rem; }
  .key-numbers__value { font-size: 2.25rem; }
  .key-numbers__label { font-size: 1.1875rem; }
  .key-numbers__detail { font-size: 1rem; }
}
@media (min-width: 60em) { .key-numbers__value { font-size: 2.5rem; } }

/* ------------------------------------------------------------------ charts */
.chart { margin: 2rem 0 2.5rem; padding: 0; }
.chart > figcaption { margin-bottom: 0.75rem; max-width: var(--measure); }
.chart__title { display: block; font-size: 1.1875rem; font-weight: 700; line-height: 1.3; }
.chart__subtitle { display: block; color: var(--secondary); font-size: 1rem; }
@media (min-width: 40em) { .chart__title { font-size: 1.5rem; } .chart__subtitle { font-size: 1.1875rem; } }
.chart svg { display: block; width: 100%; max-width: var(--measure); height: auto; }
.chart__description, .chart__source, .chart__download { max-width: var(--measure); }
.chart__source { margin: 0.5rem 0 0.75rem; font-size: 0.875rem; color: var(--secondary); }
@media (min-width: 40em) { .chart__source { font-size: 1rem; } }
.chart details, .details {
  margin: 0 0 0.75rem;
  max-width: var(--measure);
}
summary {
  display: inline-block;
  cursor: pointer;
  color: var(--link);
  text-decoration: underline;
  text-decoration-thickness: max(1px, 0.0625rem);
  text-underline-offset: 0.15em;
  padding-left: 1.25rem;
  position: relative;
}
summary::-webkit-details-marker { display: none; }
summary::marker { content: ""; }
summary::before {
  content: "";
  position: absolute;
  left: 0.125rem;
  top: 50%;
  margin-top: -0.3rem;
  border-style: solid;
  border-color: transparent;
  border-width: 0.35rem 0 0.35rem 0.6rem;
  border-left-color: currentColor;
}
details[open] > summary::before {
  border-width: 0.6rem 0.35rem 0 0.35rem;
  border-color: transparent;
  border-top-color: currentColor;
  margin-top: -0.25rem;
}
summary:hover { color: var(--link-hover); text-decoration-thickness: max(3px, 0.1875rem); }
details[open] > summary { margin-bottom: 0.75rem; }
details > :not(summary) { margin-left: 0; }
.details__body { padding: 0.75rem 0 0.25rem 1rem; border-left: 0.3125rem solid var(--border); }

/* ------------------------------------------------------------------ tables */
/* Wide tables scroll inside their own labelled, focusable region, never the page. */
.table-wrap {
  max-width: 100%;
  overflow-x: auto;
  margin: 0 0 1.5rem;
  /* Shadows at an edge that has more table beyond it (CSS only: they scroll with the content). */
  background:
    linear-gradient(to right, #fff 30%, rgb(255 255 255 / 0)) left center / 2.5rem 100% no-repeat local,
    linear-gradient(to left, #fff 30%, rgb(255 255 255 / 0)) right center / 2.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.2), rgb(0 0 0 / 0)) left center / 0.75rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.2), rgb(0 0 0 / 0)) right center / 0.75rem 100% no-repeat scroll;
}
/* The caption stays in view while the table scrolls sideways under it. */
.table-wrap caption { position: sticky; left: 0; max-width: calc(100vw - 2rem); }
@media (min-width: 40em) { .table-wrap caption { max-width: calc(100vw - 3.75rem); } }
.table-wrap th, .table-wrap td { min-width: 6.5rem; }
.table-wrap .num { min-width: 0; }
.table-wrap > table { margin-bottom: 0.25rem; }
table {
  border-collapse: collapse;
  border-spacing: 0;
  font-size: 1rem;
  font-variant-numeric: tabular-nums;
}
caption { text-align: left; font-weight: 700; font-size: 1.0625rem; padding-bottom: 0.5rem; }
@media (min-width: 40em) { caption { font-size: 1.1875rem; } }
th, td {
  padding: 0.5rem 1.25rem 0.5rem 0;
  border-bottom: 1px solid var(--border);
  text-align: left;
  vertical-align: top;
}
th:last-child, td:last-child { padding-right: 0; }
thead th { border-bottom: 2px solid var(--text); vertical-align: bottom; }
th { font-weight: 700; }
tbody th { font-weight: 400; }
.num, th.num, td.num { text-align: right; white-space: nowrap; }
.data-table { min-width: min(100%, 20rem); }
.data-table tr.is-local th, .data-table tr.is-local td { font-weight: 700; }

/* ------------------------------------------------------------------ risk and protective factors in four levels */
.levels { list-style: none; padding: 0; margin: 1.5rem 0 2rem; counter-reset: level; }
.levels > li { counter-increment: level; }
.level__number:empty::before { content: counter(level); }
.levels > li, .level { margin: 0 0 1.25rem; padding: 1rem 1rem 0.25rem; border: 1px solid var(--border); border-top: 0.3125rem solid var(--brand); }
.level__title { margin: 0 0 0.75rem; font-size: 1.25rem; }
@media (min-width: 40em) { .level__title { font-size: 1.5rem; } }
.level__number {
  display: inline-block;
  min-width: 1.75em;
  margin-right: 0.5rem;
  padding: 0.05em 0.4em;
  background: var(--brand);
  color: #fff;
  text-align: center;
  font-variant-numeric: tabular-nums;
}
.level__intro { max-width: var(--measure); }
.level__factors { display: grid; grid-template-columns: 1fr; gap: 0 1.5rem; }
@media (min-width: 48em) { .level__factors { grid-template-columns: 1fr 1fr; } }
.factors { margin-bottom: 0.75rem; }
.factors__title { margin: 0 0 0.5rem; padding-top: 0.5rem; font-size: 1.0625rem; border-top: 0.25rem solid var(--risk); }
.factors--protective .factors__title { border-top-color: var(--accent); }
@media (min-width: 40em) { .factors__title { font-size: 1.1875rem; } }
.factors ul { padding-left: 1.25rem; margin-bottom: 0.5rem; }
.levels ul, .scales ul, .goals ul { list-style-type: disc; }

/* ------------------------------------------------------------------ the three prevention scales */
.scales, .goals, .card-list { list-style: none; padding: 0; margin: 1.5rem 0 2rem; display: grid; gap: 1rem; grid-template-columns: 1fr; }
@media (min-width: 48em) {
  .scales, .goals { grid-template-columns: repeat(3, 1fr); }
}
.scales > li, .goals > li { margin: 0; padding: 1rem 1rem 0.25rem; border: 1px solid var(--border); border-top: 0.3125rem solid var(--brand); }
.scales > li:nth-child(2) { border-top-color: var(--brand-light); }
.scales > li:nth-child(3) { border-top-color: var(--accent); }
.scale__number, .goal__scale {
  display: block;
  margin: 0 0 0.25rem;
  font-size: 1rem;
  font-weight: 400;
  color: var(--secondary);
}
@media (min-width: 40em) { .scale__number, .goal__scale { font-size: 1.1875rem; } }
.scale__title, .goal__title { margin: 0 0 0.75rem; font-size: 1.25rem; }
@media (min-width: 40em) { .scale__title, .goal__title { font-size: 1.375rem; } }
.scale__reach { margin-bottom: 1rem; }
.scale__figure { display: block; font-size: 1.875rem; line-height: 1.1; font-weight: 700; color: var(--brand); font-variant-numeric: tabular-nums; }
.scale__actions-title { font-size: 1rem; margin: 0 0 0.5rem; }
@media (min-width: 40em) { .scale__actions-title { font-size: 1.1875rem; } }
.scale__actions { padding-left: 1.25rem; }

/* ------------------------------------------------------------------ goals */
.goal__meta { margin: 0 0 1rem; }
.goal__meta dt { font-weight: 700; }
.goal__meta dd { margin: 0 0 0.75rem; }

/* ------------------------------------------------------------------ card list (where to go next) */
@media (min-width: 40em) { .card-list { grid-template-columns: repeat(2, 1fr); } }
@media (min-width: 60em) { .card-list { grid-template-columns: repeat(3, 1fr); } }
.card-list > li { margin: 0; padding: 0.875rem 1rem 1rem; border-top: 0.25rem solid var(--brand); background: var(--panel); }
.card-list__link { font-weight: 700; font-size: 1.125rem; }
@media (min-width: 40em) { .card-list__link { font-size: 1.1875rem; } }
.card-list__text { margin: 0.375rem 0 0; font-size: 1rem; }
.next-steps { margin-top: 2.5rem; }

/* ------------------------------------------------------------------ figures page and downloads (SaferSite's built-in blocks) */
.figure-entry { padding-top: 0.25rem; }
.figure-entry > h2 { font-size: 1.25rem; margin-top: 2rem; }
@media (min-width: 40em) { .figure-entry > h2 { font-size: 1.5rem; } }
.figure-entry dl { margin: 0 0 1.5rem; border-top: 1px solid var(--border); }
.figure-entry dt, .figure-entry dd { margin: 0; padding: 0.5rem 0; }
.figure-entry dt { padding-bottom: 0; }
.figure-entry dd { border-bottom: 1px solid var(--border); }
.figure-entry dd:first-of-type { font-size: 1.25rem; font-weight: 700; color: var(--brand); font-variant-numeric: tabular-nums; }
@media (min-width: 40em) {
  .figure-entry dl { display: grid; grid-template-columns: minmax(9rem, 32%) 1fr; column-gap: 1.5rem; }
  .figure-entry dt { padding-bottom: 0.5rem; border-bottom: 1px solid var(--border); }
}
.downloads { padding-left: 1.25rem; }
.downloads li { margin-bottom: 0.5rem; }

/* ------------------------------------------------------------------ previous and next */
.pager { margin-top: 3rem; border-top: 1px solid var(--border); padding-top: 1rem; max-width: var(--measure); }
.pager__list { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; }
.pager__item { margin: 0; }
.pager__item--next { margin-left: auto; text-align: right; }
.pager__label { display: block; font-weight: 700; }

/* ------------------------------------------------------------------ helpers */
.secondary-text { color: var(--secondary); }
.small { font-size: 0.875rem; }
@media (min-width: 40em) { .small { font-size: 1rem; } }
.tag {
  display: inline-block;
  padding: 0.125rem 0.5rem;
  font-size: 0.875rem;
  font-weight: 700;
  color: var(--brand);
  background: var(--tint);
  border: 1px solid var(--brand);
}
.tag--better { color: #005a30; background: #cce2d8; border-color: #005a30; }
.tag--similar { color: #594d00; background: #fff7bf; border-color: #594d00; }
.tag--worse { color: #942514; background: #f4cdc6; border-color: #942514; }

/* ------------------------------------------------------------------ user preferences */
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
@media (prefers-reduced-motion: no-preference) {
  html { scroll-behavior: smooth; }
}
@media (forced-colors: active) {
  .site-header { border-bottom: 1px solid CanvasText; }
  .key-numbers > li, .card-list > li, .callout, .levels > li, .scales > li, .goals > li { border: 1px solid CanvasText; }
  .level__number, .tag { border: 1px solid CanvasText; }
  .site-nav a[aria-current="page"] { text-decoration: underline; text-decoration-thickness: 0.25rem; }
  summary::before { border-left-color: CanvasText; }
  details[open] > summary::before { border-top-color: CanvasText; border-left-color: transparent; }
  .chart svg text { fill: CanvasText; }
}

/* ------------------------------------------------------------------ print: black on white, URLs shown */
@media print {
  @page { margin: 15mm; }
  html { font-size: 11pt; }
  body { color: #000; background: #fff; font-size: 1rem; line-height: 1.4; }
  .skip-link, .site-nav, .site-footer__links, .pager, .next-steps, .contents, .chart__download,
  details:not([open]) { display: none; }
  .width { max-width: none; padding: 0; }
  .site-header { background: none; color: #000; border-bottom: 2pt solid #000; }
  .site-header__name, .site-header__name:visited { color: #000; }
  .site-footer { background: none; border-top: 1pt solid #000; margin-top: 1rem; padding: 0.5rem 0 0; }
  .site-footer p { color: #000; }
  .main { padding: 1rem 0 0; }
  h1 { font-size: 24pt; }
  h2 { font-size: 18pt; }
  h3 { font-size: 14pt; }
  h1, h2, h3, h4, caption, .chart__title { break-after: avoid; }
  figure, table, tr, li, blockquote, .key-numbers > li, .levels > li, .scales > li, .goals > li { break-inside: avoid; }
  a, a:visited, a.figure, .lead, .secondary-text, .chart__subtitle, .chart__source, .figure-note { color: #000; }
  .prose a[href^="http"]::after, .prose a[href^="mailto:"]::after { content: " (" attr(href) ")"; font-size: 0.875em; font-weight: 400; overflow-wrap: anywhere; }
  .key-numbers > li, .card-list > li, .callout, .levels > li, .scales > li, .goals > li { background: none; border: 1pt solid #000; }
  .key-numbers__value, .scale__figure { color: #000; }
  .level__number { background: none; color: #000; border: 1pt solid #000; }
  .table-wrap { overflow: visible; }
  .report-section + .report-section { break-before: page; }
  .prose > * { max-width: none; }
}

"""#),
        ("static/images/favicon.svg", #"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" role="img"><title>Site icon</title><rect width="32" height="32" rx="6" fill="#12436d"/><path d="M16 5l9 4v6c0 6-4 10-9 12-5-2-9-6-9-12V9z" fill="#fff"/><path d="M16 9l5 2v4c0 4-2.4 6.6-5 7.9z" fill="#28a197"/></svg>

"""#),
        ("templates/blocks/building-blocks.mustache", #"""
{{! Strengths the strategy builds on (content/lists/building-blocks.yaml). }}
<ul class="card-list">
{{#lists.building_blocks}}
  <li><strong>{{title}}</strong><p class="card-list__text">{{text}}</p></li>
{{/lists.building_blocks}}
</ul>

"""#),
        ("templates/blocks/factors.mustache", #"""
{{! Risk and protective factors at four levels (content/lists/factors.yaml).
    Params: `level` is the heading level of each level's name (default 3); the risk and
    protective headings are one level below it (`sublevel`, default 4). }}
<ol class="levels">
{{#lists.factors}}
  <li class="level">
    <h{{#params.level}}{{params.level}}{{/params.level}}{{^params.level}}3{{/params.level}} class="level__title">{{name}}</h{{#params.level}}{{params.level}}{{/params.level}}{{^params.level}}3{{/params.level}}>
    <p class="level__intro">{{about}}</p>
    <div class="level__factors">
      <div class="factors factors--risk">
        <h{{#params.sublevel}}{{params.sublevel}}{{/params.sublevel}}{{^params.sublevel}}4{{/params.sublevel}} class="factors__title">Risk factors<span class="visually-hidden">: {{name}}</span></h{{#params.sublevel}}{{params.sublevel}}{{/params.sublevel}}{{^params.sublevel}}4{{/params.sublevel}}>
        <ul>
{{#risk}}
          <li>{{.}}</li>
{{/risk}}
        </ul>
      </div>
      <div class="factors factors--protective">
        <h{{#params.sublevel}}{{params.sublevel}}{{/params.sublevel}}{{^params.sublevel}}4{{/params.sublevel}} class="factors__title">Protective factors<span class="visually-hidden">: {{name}}</span></h{{#params.sublevel}}{{params.sublevel}}{{/params.sublevel}}{{^params.sublevel}}4{{/params.sublevel}}>
        <ul>
{{#protective}}
          <li>{{.}}</li>
{{/protective}}
        </ul>
      </div>
    </div>
  </li>
{{/lists.factors}}
</ol>

"""#),
        ("templates/blocks/forms-of-violence.mustache", #"""
{{! The forms of violence the strategy covers (content/lists/forms-of-violence.yaml). }}
<ul class="forms-of-violence">
{{#lists.forms_of_violence}}
  <li>{{.}}</li>
{{/lists.forms_of_violence}}
</ul>

"""#),
        ("templates/blocks/goals.mustache", #"""
{{! The priority goals (content/lists/goals.yaml), one card each, in the theme's goals component.
    Each item: `scale` (a label), `title` (optional short name; the goal is the heading without
    it), `lead`, optional `lead_note`, `goal`, `outcome`.
    Params: `level` is the heading level of each goal (default 3); `note` is an optional line after. }}
<ol class="goals">
{{#lists.goals}}
  <li class="goal">
    <p class="goal__scale">{{scale}}</p>
    <h{{#params.level}}{{params.level}}{{/params.level}}{{^params.level}}3{{/params.level}} class="goal__title">{{#title}}{{title}}{{/title}}{{^title}}{{goal}}{{/title}}</h{{#params.level}}{{params.level}}{{/params.level}}{{^params.level}}3{{/params.level}}>
    <dl class="goal__meta">
      <dt>Lead partnership group</dt>
      <dd>{{lead}}</dd>
{{#lead_note}}
      <dd>{{lead_note}}</dd>
{{/lead_note}}
{{#title}}
      <dt>Goal</dt>
      <dd>{{goal}}</dd>
{{/title}}
      <dt>Outcome we want</dt>
      <dd>{{outcome}}</dd>
    </dl>
  </li>
{{/lists.goals}}
</ol>
{{#params.note}}<p>{{params.note}}</p>{{/params.note}}

"""#),
        ("templates/blocks/impacts.mustache", #"""
{{! The harm violence does (content/lists/impacts.yaml). Params: `people: true` or
    `communities: true` picks the group. Plain semantic HTML: a lead-in and a list. }}
{{#params.people}}{{#lists.impacts.people}}
<p>{{intro}}:</p>
<ul class="impacts">
{{#items}}
  <li>{{.}}</li>
{{/items}}
</ul>
{{/lists.impacts.people}}{{/params.people}}
{{#params.communities}}{{#lists.impacts.communities}}
<p>{{intro}}:</p>
<ul class="impacts">
{{#items}}
  <li>{{.}}</li>
{{/items}}
</ul>
{{/lists.impacts.communities}}{{/params.communities}}

"""#),
        ("templates/blocks/key-numbers.mustache", #"""
{{! The key numbers (content/lists/key-numbers.yaml) in the theme's key-numbers component.
    Each item: `value` (a figure reference), `label`, optional `detail`. }}
<ul class="key-numbers">
{{#lists.key_numbers}}
  <li><span class="key-numbers__value">{{value}}</span> <span class="key-numbers__label">{{label}}</span>{{#detail}} <span class="key-numbers__detail">{{detail}}</span>{{/detail}}</li>
{{/lists.key_numbers}}
</ul>

"""#),
        ("templates/blocks/parts/scale-body.mustache", #"""
{{! One scale of prevention, inside a `lists.scales.NAME` section; used by blocks/scale. }}
<div class="scale">
<p class="scale__aim"><strong>Our aim:</strong> {{aim}}</p>
<h{{#params.level}}{{params.level}}{{/params.level}}{{^params.level}}3{{/params.level}} class="scale__actions-title">What we will do<span class="visually-hidden"> at scale {{number}}</span></h{{#params.level}}{{params.level}}{{/params.level}}{{^params.level}}3{{/params.level}}>
<ul class="scale__actions">
{{#actions}}
  <li>{{.}}</li>
{{/actions}}
</ul>
</div>

"""#),
        ("templates/blocks/risk-factors.mustache", #"""
<ol class="levels">
{{#lists.risk_factors}}
  <li class="level">
    <h3 class="level__title"><span class="level__number" aria-hidden="true"></span>{{level}}</h3>
    {{#intro}}<p class="level__intro">{{intro}}</p>{{/intro}}
    <div class="level__factors">
      {{^empty(risk)}}<div class="factors factors--risk"><h4 class="factors__title">Risk factors</h4><ul>{{#risk}}<li>{{.}}</li>{{/risk}}</ul></div>{{/empty(risk)}}
      {{^empty(protective)}}<div class="factors factors--protective"><h4 class="factors__title">Protective factors</h4><ul>{{#protective}}<li>{{.}}</li>{{/protective}}</ul></div>{{/empty(protective)}}
    </div>
  </li>
{{/lists.risk_factors}}
</ol>

"""#),
        ("templates/blocks/roles.mustache", #"""
{{! The three kinds of action in "everyone has a role" (content/lists/roles.yaml). }}
<ul class="card-list">
{{#lists.roles}}
  <li><strong>{{who}}</strong><p class="card-list__text">{{text}}</p></li>
{{/lists.roles}}
</ul>

"""#),
        ("templates/blocks/scale.mustache", #"""
{{! The aim and actions of one scale of prevention (content/lists/scales.yaml).
    Params: `universal: true`, `targeted: true` or `intensive: true` picks the scale;
    `level` is the heading level of "What we will do" (default 3). }}
{{#params.universal}}{{#lists.scales.universal}}{{> blocks/parts/scale-body}}{{/lists.scales.universal}}{{/params.universal}}
{{#params.targeted}}{{#lists.scales.targeted}}{{> blocks/parts/scale-body}}{{/lists.scales.targeted}}{{/params.targeted}}
{{#params.intensive}}{{#lists.scales.intensive}}{{> blocks/parts/scale-body}}{{/lists.scales.intensive}}{{/params.intensive}}

"""#),
        ("templates/blocks/scales.mustache", #"""
<ol class="scales">
{{#lists.scales}}
  <li class="scale">
    <p class="scale__number">{{name}}</p>
    <h3 class="scale__title">{{title}}</h3>
    {{#reach}}<p class="scale__reach">{{#value}}<span class="scale__figure">{{value}}</span> {{/value}}{{label}}</p>{{/reach}}
    {{^empty(actions)}}<h4 class="scale__actions-title">{{#params.actions_title}}{{params.actions_title}}{{/params.actions_title}}{{^params.actions_title}}What we will do{{/params.actions_title}}</h4>
    <ul class="scale__actions">{{#actions}}<li>{{.}}</li>{{/actions}}</ul>{{/empty(actions)}}
  </li>
{{/lists.scales}}
</ol>

"""#),
        ("templates/layouts/404.mustache", #"""
{{> partials/head-start}}
<meta name="robots" content="noindex">
</head>
<body>
{{> partials/header}}
<div class="width">
<main id="main" class="main" tabindex="-1">
<h1 class="page-title">{{page.title}}</h1>
<div class="prose">
{{{page.content}}}
<p>You can go to <a href="{{home}}">the {{site.title}} home page</a>, or to one of these pages:</p>
<ul>
{{#nav}}
  <li><a href="{{url}}">{{title}}</a></li>
{{/nav}}
</ul>
</div>
</main>
</div>
{{> partials/footer}}
</body>
</html>

"""#),
        ("templates/layouts/home.mustache", #"""
{{> partials/head}}
<body class="home">
{{> partials/header}}
<div class="width">
<main id="main" class="main" tabindex="-1">
<h1 class="page-title">{{page.title}}</h1>
<div class="prose">
{{{page.content}}}
</div>
<section class="next-steps" aria-labelledby="next-steps-title">
  <h2 id="next-steps-title">Read the strategy</h2>
  <ul class="card-list">
{{#nav}}
{{^current}}
    <li class="card-list__item"><a class="card-list__link" href="{{url}}">{{title}}</a>{{#description}}<p class="card-list__text">{{description}}</p>{{/description}}</li>
{{/current}}
{{/nav}}
  </ul>
</section>
</main>
</div>
{{> partials/footer}}
</body>
</html>

"""#),
        ("templates/layouts/page.mustache", #"""
{{> partials/head}}
<body>
{{> partials/header}}
<div class="width">
<main id="main" class="main" tabindex="-1">
<h1 class="page-title">{{page.title}}</h1>
{{#page.summary}}<p class="lead">{{page.summary}}</p>{{/page.summary}}
{{> partials/contents}}
<div class="prose">
{{{page.content}}}
</div>
{{> partials/pager}}
</main>
</div>
{{> partials/footer}}
</body>
</html>

"""#),
        ("templates/partials/contents.mustache", #"""
{{^empty(page.headings)}}
<nav class="contents" aria-label="On this page">
  <h2 class="contents__title">On this page</h2>
  <ol class="contents__list">
{{#page.headings}}
    <li><a href="#{{id}}">{{text}}</a></li>
{{/page.headings}}
  </ol>
</nav>
{{/empty(page.headings)}}

"""#),
        ("templates/partials/footer.mustache", #"""
<footer class="site-footer">
  <div class="width">
    <h2 class="visually-hidden">About this site</h2>
    <ul class="site-footer__links">
{{#nav}}
      <li><a href="{{url}}">{{title}}</a></li>
{{/nav}}
{{#site.extra.accessibility_statement}}
      <li><a href="{{root}}{{site.extra.accessibility_statement}}">Accessibility statement</a></li>
{{/site.extra.accessibility_statement}}
    </ul>
    <p>Published by {{site.organisation}}.{{#site.extra.contact_email}} Contact us at <a href="mailto:{{site.extra.contact_email}}">{{site.extra.contact_email}}</a>.{{/site.extra.contact_email}}</p>
  </div>
</footer>

"""#),
        ("templates/partials/head-start.mustache", #"""
<!DOCTYPE html>
<html lang="{{site.language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{{csp}}}
<meta name="referrer" content="strict-origin-when-cross-origin">
<title>{{#page.isHome}}{{site.title}}{{/page.isHome}}{{^page.isHome}}{{page.title}} – {{site.title}}{{/page.isHome}}</title>
<link rel="stylesheet" href="{{assets.css_site_css}}">
<link rel="icon" href="{{assets.images_favicon_svg}}" type="image/svg+xml">
<meta name="theme-color" content="#12436d">

"""#),
        ("templates/partials/head.mustache", #"""
{{> partials/head-start}}
<meta name="description" content="{{page.description}}">
<link rel="canonical" href="{{page.url}}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="{{site.title}}">
<meta property="og:title" content="{{page.title}}">
<meta property="og:description" content="{{page.description}}">
<meta property="og:url" content="{{page.url}}">
<meta property="og:locale" content="{{site.language}}">
{{#site.feed}}<link rel="alternate" type="application/atom+xml" title="{{site.title}}: updates" href="{{root}}{{site.feed}}">
{{/site.feed}}</head>

"""#),
        ("templates/partials/header.mustache", #"""
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <div class="width site-header__inner">
    <a class="site-header__name" href="{{home}}">{{site.title}}</a>
    <p class="site-header__org">{{site.organisation}}</p>
  </div>
</header>
{{> partials/nav}}
{{#site.extra.edition_notice}}
<div class="width"><p class="inset edition-notice">{{site.extra.edition_notice}} <a href="{{site.extra.latest_edition_url}}">Go to the latest edition</a>.</p></div>
{{/site.extra.edition_notice}}

"""#),
        ("templates/partials/nav.mustache", #"""
<nav class="site-nav" aria-label="Main">
  <div class="width">
    <details class="site-nav__menu">
      <summary class="site-nav__toggle">Menu<span class="visually-hidden">: all pages of {{site.title}}</span></summary>
      <ul class="site-nav__stack">
{{#nav}}
        <li><a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a></li>
{{/nav}}
      </ul>
    </details>
    <ul class="site-nav__list">
{{#nav}}
      <li><a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a></li>
{{/nav}}
    </ul>
  </div>
</nav>

"""#),
        ("templates/partials/pager-links.mustache", #"""
<nav class="pager" aria-label="Previous and next pages">
  <ul class="pager__list">
{{#page.previous}}
    <li class="pager__item pager__item--previous"><a href="{{url}}" rel="prev"><span class="pager__label">Previous<span class="visually-hidden"> page:</span></span> <span class="pager__title">{{title}}</span></a></li>
{{/page.previous}}
{{#page.next}}
    <li class="pager__item pager__item--next"><a href="{{url}}" rel="next"><span class="pager__label">Next<span class="visually-hidden"> page:</span></span> <span class="pager__title">{{title}}</span></a></li>
{{/page.next}}
  </ul>
</nav>

"""#),
        ("templates/partials/pager.mustache", #"""
{{#page.previous}}{{> partials/pager-links}}{{/page.previous}}{{^page.previous}}{{#page.next}}{{> partials/pager-links}}{{/page.next}}{{/page.previous}}

"""#),
    ]
}
