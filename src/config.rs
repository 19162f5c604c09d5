//! The one typed configuration, read from an optional `config.json` beside `index.html`.
//!
//! Parsed by hand from a JSON value rather than by derive, so each mistake is reported with the
//! field's name and what was expected, which is what someone editing a file on a static host needs.

use crate::model::Currency;
use serde_json::{Map, Value};
use std::fmt;

/// Which backend the app talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProviderKind {
    /// Deals kept in this browser's storage.
    Local,
}

impl ProviderKind {
    /// The names accepted in `provider`.
    pub const NAMES: &'static [&'static str] = &["local"];
}

/// Everything that can be configured.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The backend.
    pub provider: ProviderKind,
    /// A BCP 47 locale for numbers and dates; `None` follows the browser.
    pub locale: Option<String>,
    /// The currency of new deals and of amounts whose backend names none.
    pub currency: Currency,
    /// Deals per page, 1–100.
    pub page_size: u32,
    /// Start an empty local store with a few sample deals (for demos).
    pub sample_data: bool,
    /// Prefix of every storage key, so several apps on one origin keep apart.
    pub namespace: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            provider: ProviderKind::Local,
            locale: None,
            currency: Currency::USD,
            page_size: 25,
            sample_data: false,
            namespace: "dealform".to_owned(),
        }
    }
}

/// A configuration mistake, naming the field at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The field, or `None` when the file as a whole is unreadable.
    pub field: Option<String>,
    /// What is wrong and what would be right.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "config.json: “{field}” {}", self.message),
            None => write!(f, "config.json {}", self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

const KNOWN: &[&str] = &[
    "provider",
    "locale",
    "currency",
    "page_size",
    "sample_data",
    "namespace",
];

fn err(field: &str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        field: Some(field.to_owned()),
        message: message.into(),
    }
}

/// Whether a text has the shape of a BCP 47 language tag (`de`, `de-DE`, `zh-Hant-TW`).
///
/// The browser's `Intl.getCanonicalLocales` has the last word; this catches typos on the host.
pub fn is_well_formed_locale(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|l| (2..=8).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()));
    lang_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn string<'a>(map: &'a Map<String, Value>, field: &str) -> Result<Option<&'a str>, ConfigError> {
    match map.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(err(field, format!("must be text, not {}", kind(other)))),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

impl Config {
    /// Parses `config.json`'s text. Absent fields take their defaults.
    ///
    /// ```
    /// let c = dealform::config::Config::parse(r#"{"locale":"de-DE","currency":"EUR"}"#).unwrap();
    /// assert_eq!(c.currency.as_str(), "EUR");
    /// let e = dealform::config::Config::parse(r#"{"page_size":0}"#).unwrap_err();
    /// assert_eq!(e.field.as_deref(), Some("page_size"));
    /// ```
    pub fn parse(text: &str) -> Result<Self, ConfigError> {
        let value: Value = serde_json::from_str(text).map_err(|e| ConfigError {
            field: None,
            message: format!("is not valid JSON: {e}"),
        })?;
        Self::from_value(&value)
    }

    /// Reads an already parsed JSON value (the widget passes objects from JavaScript).
    pub fn from_value(value: &Value) -> Result<Self, ConfigError> {
        let Value::Object(map) = value else {
            return Err(ConfigError {
                field: None,
                message: format!("must hold a JSON object, not {}", kind(value)),
            });
        };
        if let Some(unknown) = map.keys().find(|k| !KNOWN.contains(&k.as_str())) {
            return Err(err(
                unknown,
                format!("is not a setting; the settings are {}", KNOWN.join(", ")),
            ));
        }
        let mut config = Config::default();
        if let Some(p) = string(map, "provider")? {
            config.provider = match p {
                "local" => ProviderKind::Local,
                other => {
                    return Err(err(
                        "provider",
                        format!(
                            "“{other}” is not a provider this build knows; use one of: {}",
                            ProviderKind::NAMES.join(", ")
                        ),
                    ))
                }
            };
        }
        if let Some(l) = string(map, "locale")? {
            if !is_well_formed_locale(l) {
                return Err(err(
                    "locale",
                    format!("“{l}” is not a locale tag such as en-US or de-DE"),
                ));
            }
            config.locale = Some(l.to_owned());
        }
        if let Some(c) = string(map, "currency")? {
            config.currency = Currency::parse(c).map_err(|_| {
                err(
                    "currency",
                    format!("“{c}” is not a three-letter ISO 4217 code such as USD or EUR"),
                )
            })?;
        }
        match map.get("page_size") {
            None | Some(Value::Null) => {}
            Some(Value::Number(n)) => match n.as_u64() {
                Some(n @ 1..=100) => config.page_size = n as u32,
                _ => {
                    return Err(err(
                        "page_size",
                        format!("must be a whole number from 1 to 100 (it is {n})"),
                    ))
                }
            },
            Some(other) => {
                return Err(err(
                    "page_size",
                    format!("must be a whole number from 1 to 100, not {}", kind(other)),
                ))
            }
        }
        match map.get("sample_data") {
            None | Some(Value::Null) => {}
            Some(Value::Bool(b)) => config.sample_data = *b,
            Some(other) => {
                return Err(err(
                    "sample_data",
                    format!("must be true or false, not {}", kind(other)),
                ))
            }
        }
        if let Some(ns) = string(map, "namespace")? {
            let ok = !ns.is_empty()
                && ns.len() <= 64
                && ns
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !ok {
                return Err(err("namespace", "must be 1–64 letters, digits, - or _"));
            }
            config.namespace = ns.to_owned();
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_object_gives_the_zero_configuration_defaults() {
        assert_eq!(Config::parse("{}").unwrap(), Config::default());
        assert_eq!(
            Config::parse(r#"{"locale":null}"#).unwrap(),
            Config::default()
        );
    }

    #[test]
    fn every_field_is_read() {
        let c = Config::parse(r#"{"provider":"local","locale":"de-DE","currency":"eur","page_size":50,"sample_data":true,"namespace":"crm_1"}"#).unwrap();
        assert_eq!(c.locale.as_deref(), Some("de-DE"));
        assert_eq!(c.currency.as_str(), "EUR");
        assert_eq!(c.page_size, 50);
        assert!(c.sample_data);
        assert_eq!(c.namespace, "crm_1");
    }

    fn field_of(text: &str) -> Option<String> {
        Config::parse(text).unwrap_err().field
    }

    #[test]
    fn each_bad_field_is_named() {
        assert_eq!(
            field_of(r#"{"provider":"salesforce"}"#).as_deref(),
            Some("provider")
        );
        assert_eq!(field_of(r#"{"provider":1}"#).as_deref(), Some("provider"));
        assert_eq!(
            field_of(r#"{"locale":"not a locale"}"#).as_deref(),
            Some("locale")
        );
        assert_eq!(
            field_of(r#"{"currency":"EURO"}"#).as_deref(),
            Some("currency")
        );
        for bad in ["0", "101", "2.5", "-1", "\"25\"", "1e3"] {
            assert_eq!(
                field_of(&format!(r#"{{"page_size":{bad}}}"#)).as_deref(),
                Some("page_size"),
                "{bad}"
            );
        }
        assert_eq!(
            field_of(r#"{"sample_data":"yes"}"#).as_deref(),
            Some("sample_data")
        );
        assert_eq!(
            field_of(r#"{"namespace":"a b"}"#).as_deref(),
            Some("namespace")
        );
    }

    #[test]
    fn a_misspelt_setting_is_named_not_ignored() {
        let e = Config::parse(r#"{"pagesize":10}"#).unwrap_err();
        assert_eq!(e.to_string(), "config.json: “pagesize” is not a setting; the settings are provider, locale, currency, page_size, sample_data, namespace");
    }

    #[test]
    fn unreadable_files_say_so() {
        assert!(Config::parse("{")
            .unwrap_err()
            .to_string()
            .starts_with("config.json is not valid JSON"));
        assert_eq!(
            Config::parse("[]").unwrap_err().to_string(),
            "config.json must hold a JSON object, not a list"
        );
    }

    #[test]
    fn locale_tags_are_checked_for_shape() {
        for ok in ["en", "en-US", "de-CH", "zh-Hant-TW", "es-419"] {
            assert!(is_well_formed_locale(ok), "{ok}");
        }
        for bad in ["", "e", "en_US", "en-", "-US", "en US", "toolonglanguage"] {
            assert!(!is_well_formed_locale(bad), "{bad}");
        }
    }
}
