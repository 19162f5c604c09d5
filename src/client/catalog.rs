//! Fetches the message catalog of the language shown (`locales/{code}.ftl`, see
//! [`crate::i18n`]), and reads which languages the browser prefers.

use gloo_net::http::Request;

/// The text of the catalog at `url`; `Err` says why it could not be fetched.
pub async fn fetch(url: &str) -> Result<String, String> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| super::http::fetch_error(&e))?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    response.text().await.map_err(|e| super::http::fetch_error(&e))
}

/// The browser's languages, most preferred first (`navigator.languages`).
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|l| l.as_string()).collect())
        .unwrap_or_default()
}
