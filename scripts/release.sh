#!/usr/bin/env bash
# The release build (`make release`, `make bench`): `trunk build --release` into dist/, with the
# standard library rebuilt for size.
#
# Why: the prebuilt std for wasm32 is compiled for speed and with its panic machinery, which
# formats a message no one can read (panic = "abort" on wasm prints nowhere). Rebuilding it at
# opt-level "z" with `-Cpanic=immediate-abort`, no Debug output and no panic locations takes
# 18.6 KiB of brotli off the wasm (186.0 -> 167.3, scripts/size.mjs). These are unstable
# options of rustc 1.95, unlocked with RUSTC_BOOTSTRAP; the toolchain stays 1.95.
#
# DEALFORM_PREBUILT_STD=1 builds with the prebuilt std and stable options only, for a toolchain
# without rust-src (same behaviour, bigger wasm).
set -euo pipefail
cd "$(dirname "$0")/.."
# The options below are rustc 1.95's; another rustc may name them differently or lack them.
if [ "${DEALFORM_PREBUILT_STD:-0}" != 1 ] && ! rustc --version | grep -q '^rustc 1\.95\.'; then
  echo "[release] $(rustc --version) is not rustc 1.95: building with the prebuilt std (a bigger wasm)" >&2
  DEALFORM_PREBUILT_STD=1
fi
if [ "${DEALFORM_PREBUILT_STD:-0}" != 1 ]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # RUSTFLAGS replaces .cargo/config.toml's rustflags, so `erase_components` is repeated here.
  export RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
fi
# The form's code, the scrolling list's and the backends' go into chunks of wasm fetched when first needed
# (src/ui/chunks.rs, scripts/split-wasm.mjs): a split point is a wasm import, and the splitter
# reads the linker's relocations to know what each function uses. DEALFORM_SPLIT=0 builds one
# wasm. trunk's own wasm-opt pass then warns that a linking section is present: its output is
# replaced by the hook's.
export DEALFORM_SPLIT="${DEALFORM_SPLIT:-1}"
if [ "$DEALFORM_SPLIT" = 1 ]; then
  # RUSTFLAGS replaces .cargo/config.toml's rustflags, so `erase_components` is repeated here.
  export RUSTFLAGS="${RUSTFLAGS:---cfg erase_components} --cfg dealform_split -Clink-arg=--emit-relocs"
fi
exec trunk build --release "$@"
