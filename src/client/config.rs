//! Fetches the optional `config.json` beside the page.

use crate::config::{Config, ConfigError};
use gloo_net::http::Response;
use wasm_bindgen::{JsCast, JsValue};

/// The configuration: `config.json` if the page has one, the defaults if not.
///
/// A missing file is normal (zero configuration), and so is an HTML page in its place: static
/// hosts and dev servers answer unknown paths with `index.html`.
pub async fn load(url: &str) -> Result<Config, ConfigError> {
    let response = match answer(url).await {
        Ok(r) => Response::from(r),
        Err(e) => {
            web_sys::console::warn_2(&format!("dealform: no config at {url}; using defaults").into(), &e);
            return Ok(Config::default());
        }
    };
    if response.status() == 404 {
        return Ok(Config::default());
    }
    if !response.ok() {
        return Err(ConfigError {
            field: None,
            message: format!(
                "could not be loaded: the server answered {} {}",
                response.status(),
                response.status_text()
            ),
        });
    }
    let text = response.text().await.map_err(|e| ConfigError {
        field: None,
        message: format!("could not be read: {}", super::http::fetch_error(&e)),
    })?;
    if text.trim_start().starts_with('<') {
        return Ok(Config::default());
    }
    let config = Config::parse(&text)?;
    if let Some(tag) = &config.locale {
        super::intl::canonical_locale(tag).map_err(|reason| ConfigError {
            field: Some("locale".into()),
            message: format!("“{tag}” is not usable: {reason}"),
        })?;
    }
    Ok(config)
}

/// The answer to the page's own request for `config.json`, where it made one, else to a request now.
///
/// Why: the release build's `index.html` asks for it as the page loads, so that the chunk loader
/// can fetch the chunks the configuration needs alongside the main wasm (`scripts/split-wasm.mjs`,
/// `pageScript` and `warmable`), and leaves the promise of its answer in `__dealformConfig`.
/// Taken once.
async fn answer(url: &str) -> Result<web_sys::Response, JsValue> {
    let global = js_sys::global();
    let key = JsValue::from_str("__dealformConfig");
    let early = js_sys::Reflect::get(&global, &key).unwrap_or_default();
    let promise = if early.is_undefined() {
        web_sys::window()
            .ok_or_else(|| JsValue::from_str("no window"))?
            .fetch_with_str(url)
    } else {
        let _ = js_sys::Reflect::delete_property(&global, &key);
        // `resolve` takes a promise as it is and makes anything else one, so no check is needed.
        js_sys::Promise::resolve(&early)
    };
    wasm_bindgen_futures::JsFuture::from(promise).await?.dyn_into()
}
