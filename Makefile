# The two set-up commands of the README: `make site` builds the Dudley site into output/,
# `make test` runs every test. Both install libcmark-dev and libjemalloc-dev first when missing.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps golden clean site-check

deps:
	@{ pkg-config --exists libcmark jemalloc 2>/dev/null && [ -x /usr/bin/time ]; } || { \
	  echo "Installing libcmark-dev, libjemalloc-dev and pkg-config (the CommonMark C library and the allocator), and time (the tests' memory measure)..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev libjemalloc-dev pkg-config time; }

site: deps
	$(SWIFT) build --product safersite
	$(SWIFT) run --skip-build safersite build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory site-check

# The real-client check of the built site (checks/site/check.py): W3C Nu validator, axe-core in
# headless Chromium, links, SVG, reflow, label overlap, page weight; screenshots in site-check-out/.
# First `safersite check` on the Dudley site: it must pass (its one stated figure that the data do
# not give is recorded as a known difference), so a new mismatch or contradicted claim fails CI.
# Builds the Dudley site, checks/site/fixture (every theme component), the starter site of
# `safersite init`, a starter taken through an annual update (two editions) and the map example
# (examples/maps: wards and LSOAs with sample values) into .build/site-check; then the Dudley
# site's PDF (build --pdf, twice) is checked by checks/pdf/check.py (tags, language, headings,
# figures' alternative text, outline, links, every figure's text, the same text every build), and
# so are the annual-update starter's earlier edition's own PDF and the map example's.
site-check: deps
	checks/site/install.sh
	$(SWIFT) build --product safersite
	.build/debug/safersite check
	rm -rf .build/site-check && mkdir -p .build/site-check
	.build/debug/safersite build --output .build/site-check/site
	checks/site/build-fixture.sh .build/debug/safersite .build/site-check/components
	.build/debug/safersite init .build/site-check/starter-site
	.build/debug/safersite build --site .build/site-check/starter-site --output .build/site-check/starter
	checks/site/build-editions.sh .build/debug/safersite .build/site-check/editions
	.build/debug/safersite build --site examples/maps --output .build/site-check/maps
	.build/debug/safersite build --pdf --output .build/site-check/pdf
	.build/debug/safersite build --pdf --output .build/site-check/pdf-again
	checks/site/.venv/bin/python checks/pdf/check.py .build/site-check/pdf .build/site-check/pdf-again
	checks/site/build-editions.sh .build/debug/safersite .build/site-check/editions-pdf --pdf
	checks/site/.venv/bin/python checks/pdf/check.py .build/site-check/editions-pdf/editions/2024
	.build/debug/safersite build --pdf --site examples/maps --output .build/site-check/maps-pdf
	checks/site/.venv/bin/python checks/pdf/check.py .build/site-check/maps-pdf
	checks/site/.venv/bin/python checks/site/check.py .build/site-check/site site-check-out --extra-site .build/site-check/components --extra-site .build/site-check/starter --extra-site .build/site-check/editions --extra-site .build/site-check/maps

# Rewrites the golden files from the current output; review the diff before committing.
golden: deps
	UPDATE_GOLDEN=1 $(SWIFT) test --filter "Golden|BadInput|SaferChartsTests"

clean:
	rm -rf .build output
