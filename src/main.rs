//! The standalone page: trunk's entry point.
//!
//! On wasm there is no Rust `main`: the glue's `init()` calls [`start`] once the module is
//! instantiated. A `main` would go through std's start-up and exit path, which sets up and
//! flushes a stdout no browser has: 0.8 KiB of raw wasm, 0.3 KiB of brotli (scripts/size.mjs).
#![cfg_attr(target_arch = "wasm32", no_main)]

/// Mounts the app into the page, if the page has a place for it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    dealform::ui::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
