//! dealform: list, create, edit and delete CRM deals in the browser.
//!
//! The crate is layered so arrows point one way: [`ui`] → [`client`] → [`providers`] →
//! [`model`]. `model`, `providers`, [`backend`] and [`config`] use no browser types and are
//! tested on the host; `client` and `ui` exist only in the browser build.

pub mod backend;
pub mod config;
pub mod drafts;
pub mod i18n;
pub mod key_value;
pub mod messages;
pub mod model;
pub mod providers;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod client;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod widget;
