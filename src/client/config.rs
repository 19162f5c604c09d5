//! Fetches the optional `config.json` beside the page.

use crate::config::{Config, ConfigError};
use gloo_net::http::Request;

/// The configuration: `config.json` if the page has one, the defaults if not.
///
/// A missing file is normal (zero configuration), and so is an HTML page in its place: static
/// hosts and dev servers answer unknown paths with `index.html`.
pub async fn load(url: &str) -> Result<Config, ConfigError> {
    let response = match Request::get(url).send().await {
        Ok(r) => r,
        Err(e) => {
            let e = super::http::fetch_error(&e);
            web_sys::console::warn_1(&format!("dealform: no config at {url} ({e}); using defaults").into());
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
