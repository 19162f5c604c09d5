# dealform: `make serve` to try it, `make test` to check everything. Each target installs
# what it is missing first (scripts/install-tools.sh), so both work on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

TOOLS_DIR ?= $(HOME)/.cache/dealform-tools
export DEALFORM_TOOLS := $(TOOLS_DIR)
# binaryen 132 from npm: Debian's older wasm-opt emits a wasm that fails at start-up.
export PATH := $(TOOLS_DIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Two cores compile and start Chromium slowly: the default 20 s is too tight.
export WASM_BINDGEN_TEST_TIMEOUT ?= 180

.PHONY: serve test tools tools-test fmt clippy unit browser release size reproducible e2e bench bench-typing clean

## Serve the app at http://127.0.0.1:8080: on the local backend with sample deals, or with
## PROVIDER=<a provider of src/providers/crms.json> against that CRM's fake on 127.0.0.1:8081.
PROVIDER ?=
serve: tools
ifeq ($(PROVIDER),)
	DEALFORM_CONFIG=$(CURDIR)/config/demo.json trunk serve
else
	scripts/serve-provider.sh $(PROVIDER)
endif

## Every check, in order: format, lints, host unit tests, browser tests, release build, its sizes against their budgets, a second build compared byte for byte,
## end-to-end.
test: tools-test fmt clippy unit browser release size reproducible e2e

tools:
	scripts/install-tools.sh build

tools-test:
	scripts/install-tools.sh test

fmt:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

## Host tests: the model, validation, config, every provider's mapping, and the fake CRM.
unit:
	cargo test --workspace

## Component tests in headless Chromium.
browser:
	cargo test --target wasm32-unknown-unknown --test browser

## trunk's release build into dist/, with std rebuilt for size (see the script). Needs no
## browser and no server.
release: tools
	scripts/release.sh

## The release build's first loads against their budgets (fails when one is over).
size:
	node scripts/size.mjs dist

## The release build gives the same bytes twice: the app's crate is compiled again into
## dist-again/ and every file compared with dist/'s.
reproducible: tools
	touch src/lib.rs src/main.rs
	scripts/release.sh --dist dist-again
	diff -r dist dist-again
	rm -rf dist-again

## The release build driven in headless Chromium, by role and label.
e2e:
	cargo build -p fake-crm
	cd tests/e2e && npm test

## Sizes of the release build, then dealform against react-admin 5 in the same Chromium
## (bench/results.md). Not part of `make test`.
bench: tools-test
	scripts/release.sh
	node scripts/size.mjs dist
	cargo build -p fake-crm
	cd bench/react-admin && (npm ls --silent >/dev/null 2>&1 || npm ci --no-audit --no-fund) && npm run build
	node bench/run.mjs

# Typing into the app's form against typing into a plain input, more samples than `make bench`.
bench-typing: tools-test
	scripts/release.sh
	cargo build -p fake-crm
	node bench/typing.mjs

clean:
	cargo clean
	rm -rf dist
