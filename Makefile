# The two set-up commands of the README: `make site` builds the Dudley site into output/,
# `make test` runs every test. Both install libcmark-dev first when it is missing.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps golden clean

deps:
	@pkg-config --exists libcmark 2>/dev/null || { \
	  echo "Installing libcmark-dev and pkg-config (the CommonMark C library)..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev pkg-config; }

site: deps
	$(SWIFT) build --product safersite
	$(SWIFT) run --skip-build safersite build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Rewrites the golden files from the current output; review the diff before committing.
golden: deps
	UPDATE_GOLDEN=1 $(SWIFT) test --filter "Golden|BadInput"

clean:
	rm -rf .build output
