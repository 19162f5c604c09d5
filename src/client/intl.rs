//! Numbers, money and dates formatted by the browser's `Intl`, for the configured locale.

use crate::model::{Currency, Date, Money, NumberSeparators};
use js_sys::{Array, Function, Intl, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // js-sys's stable binding does not catch the RangeError an invalid tag throws.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = getCanonicalLocales)]
    fn canonical_locales(tag: &str) -> Result<Array, JsValue>;
}

/// Checks a locale tag with the browser; `Err` carries the browser's reason.
pub fn canonical_locale(tag: &str) -> Result<String, String> {
    match canonical_locales(tag) {
        Ok(list) => list
            .get(0)
            .as_string()
            .ok_or_else(|| format!("“{tag}” is not a locale")),
        Err(e) => Err(e
            .as_string()
            .or_else(|| Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()))
            .unwrap_or_else(|| format!("“{tag}” is not a locale"))),
    }
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

fn call_format(format: &Function, value: &JsValue) -> String {
    format
        .call1(&JsValue::NULL, value)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Formats for one locale, created once and reused: `Intl` constructors are slow.
pub struct Formatter {
    locales: Array,
    locale: String,
    /// One formatter per currency met, found by a search in order: a page meets one or two.
    money: RefCell<Vec<(Currency, Function)>>,
    count: Function,
    date: Function,
    separators: NumberSeparators,
}

impl Formatter {
    /// Formatters for `locale`, or for the browser's language when `None`.
    pub fn new(locale: Option<&str>) -> Result<Self, String> {
        let locales = Array::new();
        if let Some(tag) = locale {
            locales.push(&JsValue::from_str(&canonical_locale(tag)?));
        }
        let count_fmt = Intl::NumberFormat::new(&locales, &options(&[("maximumFractionDigits", "0")]));
        let resolved = Reflect::get(&count_fmt.resolved_options(), &"locale".into())
            .ok()
            .and_then(|l| l.as_string())
            .unwrap_or_else(|| "en-US".to_owned());
        let separators = separators_of(&Intl::NumberFormat::new(&locales, &Object::new()));
        let date_fmt = Intl::DateTimeFormat::new(&locales, &options(&[("dateStyle", "medium"), ("timeZone", "UTC")]));
        Ok(Self {
            count: count_fmt.format(),
            date: date_fmt.format(),
            locales,
            locale: resolved,
            money: RefCell::new(Vec::new()),
            separators,
        })
    }

    /// The locale in use, as the browser resolved it.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// The locale's decimal and group separators, for parsing what people type.
    pub fn separators(&self) -> NumberSeparators {
        self.separators
    }

    /// Money with its currency sign, e.g. `$1,200.50` or `1.200,50 €`.
    pub fn money(&self, m: &Money) -> String {
        let mut cache = self.money.borrow_mut();
        let at = match cache.iter().position(|(c, _)| *c == m.currency) {
            Some(at) => at,
            None => {
                let options = options(&[("style", "currency"), ("currency", m.currency.as_str())]);
                cache.push((m.currency, Intl::NumberFormat::new(&self.locales, &options).format()));
                cache.len() - 1
            }
        };
        call_format(&cache[at].1, &JsValue::from_f64(m.to_f64()))
    }

    /// A whole number with the locale's grouping.
    pub fn count(&self, n: u64) -> String {
        call_format(&self.count, &JsValue::from_f64(n as f64))
    }

    /// A calendar date, e.g. `Sep 30, 2026` or `30.09.2026`.
    pub fn date(&self, d: &Date) -> String {
        let ms = d.to_epoch_days() as f64 * 86_400_000.0;
        call_format(&self.date, &js_sys::Date::new(&JsValue::from_f64(ms)).into())
    }

    /// An example amount in the user's separators, for the amount field's hint.
    pub fn amount_example(&self) -> String {
        format!("1{}234{}56", self.separators.group, self.separators.decimal)
    }
}

fn separators_of(fmt: &Intl::NumberFormat) -> NumberSeparators {
    let mut sep = NumberSeparators::ROOT;
    for part in fmt.format_to_parts(12_345.6).iter() {
        let get = |k: &str| {
            Reflect::get(&part, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
        };
        let value = get("value").and_then(|v| v.chars().next());
        match (get("type").as_deref(), value) {
            (Some("decimal"), Some(c)) => sep.decimal = c,
            (Some("group"), Some(c)) => sep.group = c,
            _ => {}
        }
    }
    sep
}
