#!/bin/sh
# Refreshes Fuzz/seeds/ from the repository's real files and the bad-input catalogue.
# The seeds are committed; run this again when the catalogue or the Dudley data grows.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
S=Fuzz/seeds
mkdir -p $S/csv $S/yaml $S/figures $S/boundary $S/markdown $S/claims $S/page $S/list
name() { echo "$1" | sed 's|^\./||; s|[/ ]|_|g'; }
files() { find content Tests/SaferBuildTests/Fixtures Tests/SaferBuildTests/BadInputs site.yaml "$@" -type f 2>/dev/null | sort; }

files -name '*.csv' | while IFS= read -r f; do cp "$f" "$S/csv/$(name "$f")"; done
files -name '*.yaml' -o -name '*.md' | while IFS= read -r f; do cp "$f" "$S/yaml/$(name "$f")"; done
files -name 'figures.yaml' | while IFS= read -r f; do cp "$f" "$S/figures/$(name "$f")"; done
# A whole data folder in one seed: figures, observations, indicators, areas between %%%% lines.
for d in Tests/SaferBuildTests/Fixtures/northbrook/content/data; do
    { cat $d/figures.yaml; printf '\n%%%%%%%%\n'; cat $d/observations.csv; printf '\n%%%%%%%%\n'; cat $d/indicators.yaml; printf '\n%%%%%%%%\n'; } > $S/figures/northbrook-bundle
done
# Boundary files: the first byte picks the code property (0 code, 1 WD13CD, 2 LSOA11CD, 3 WD24CD).
find examples/maps/content/data Tests/SaferBuildTests/BadInputs \( -name '*.geojson' -o -name '*.topojson' \) -type f | sort | while IFS= read -r f; do
    case $f in *wards*2013*) b='\001' ;; *lsoa*) b='\002' ;; *) b='\000' ;; esac
    { printf "$b"; cat "$f"; } > "$S/boundary/$(name "$f")"
done
# Markdown: the first byte is the options (0: the site's defaults; 2: raw HTML on).
files -name '*.md' | while IFS= read -r f; do
    { printf '\000'; cat "$f"; } > "$S/markdown/$(name "$f")"
    { printf '\002'; cat "$f"; } > "$S/markdown/raw-$(name "$f")"
done
# Whole page files (front matter and body), and the lists.
files -name '*.md' | while IFS= read -r f; do cp "$f" "$S/page/$(name "$f")"; done
find content/lists Tests/SaferBuildTests/Fixtures Tests/SaferBuildTests/BadInputs -path '*lists/*.yaml' -type f 2>/dev/null | sort | while IFS= read -r f; do cp "$f" "$S/list/$(name "$f")"; done
printf -- '- title: Fewer children in care\n  text: "{{children_looked_after}} children were in care: more than England."\n- {{knife_crime_change}} knife crime, which has fallen\n' > $S/list/hand-typed
# Claims: the pages as they are, and the hand-typed claims the tests read.
files -name '*.md' | while IFS= read -r f; do cp "$f" "$S/claims/$(name "$f")"; done
printf 'Dudley has many more children looked after than England or the West Midlands. In {{children_looked_after.period}}, Dudley had {{children_looked_after.words}}. {{reviewed: 2019-20}}\n\nKnife crime is rising: {{knife_crime_change}}. It is double: {{permanent_exclusions_ratio_england}}.\n' > $S/claims/hand-typed
# CommonMark's spec examples, each on its own.
awk -v dir=$S/markdown '
    /^```````````````````````````````` example/ { n++; inside=1; file=sprintf("%s/spec-%03d", dir, n); printf "\002" > file; next }
    inside && /^\.$/ { inside=0; close(file); next }
    inside { gsub(/→/, "\t"); print > file }
' Tests/SaferMarkdownTests/Fixtures/spec-0.30.txt
echo "seeds: $(ls $S/csv | wc -l) csv, $(ls $S/yaml | wc -l) yaml, $(ls $S/figures | wc -l) figures, $(ls $S/boundary | wc -l) boundary, $(ls $S/markdown | wc -l) markdown, $(ls $S/claims | wc -l) claims, $(ls $S/page | wc -l) page, $(ls $S/list | wc -l) list"
