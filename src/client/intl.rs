//! Numbers, money and dates formatted by the browser's `Intl`, for the configured locale.

use crate::model::{Currency, Date, Money, NumberSeparators};
use js_sys::{Array, Function, Intl, Object, Reflect};
use std::cell::{OnceCell, RefCell};
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

/// Formats for one locale, each made on first use and kept: `Intl` constructors are slow. The
/// first on a page takes some 10 ms here (the browser loads its locale data), so the app makes
/// them once its first requests are out ([`Formatter::warm`]), not before it sends them.
pub struct Formatter {
    locales: Array,
    /// One formatter per currency met, found by a search in order: a page meets one or two.
    money: RefCell<Vec<(Currency, Function)>>,
    count: OnceCell<Function>,
    date: OnceCell<Function>,
    separators: OnceCell<NumberSeparators>,
}

impl Formatter {
    /// Formatters for `locale`, or for the browser's language when `None`.
    pub fn new(locale: Option<&str>) -> Result<Self, String> {
        let locales = Array::new();
        if let Some(tag) = locale {
            locales.push(&JsValue::from_str(&canonical_locale(tag)?));
        }
        Ok(Self {
            locales,
            money: RefCell::default(),
            count: OnceCell::new(),
            date: OnceCell::new(),
            separators: OnceCell::new(),
        })
    }

    /// Makes what a list of deals in `currency` formats with, while its first page is on its way.
    pub fn warm(&self, currency: Currency) {
        self.count_format();
        self.date_format();
        self.money_format(currency);
    }

    /// The locale's decimal and group separators, for parsing what people type.
    pub fn separators(&self) -> NumberSeparators {
        *self
            .separators
            .get_or_init(|| separators_of(&Intl::NumberFormat::new(&self.locales, &Object::new())))
    }

    /// Money with its currency sign, e.g. `$1,200.50` or `1.200,50 €`.
    pub fn money(&self, m: &Money) -> String {
        let at = self.money_format(m.currency);
        call_format(&self.money.borrow()[at].1, &JsValue::from_f64(m.to_f64()))
    }

    /// Where `currency`'s formatter is in the cache, made if it was not.
    fn money_format(&self, currency: Currency) -> usize {
        let mut cache = self.money.borrow_mut();
        match cache.iter().position(|(c, _)| *c == currency) {
            Some(at) => at,
            None => {
                let options = options(&[("style", "currency"), ("currency", currency.as_str())]);
                cache.push((currency, Intl::NumberFormat::new(&self.locales, &options).format()));
                cache.len() - 1
            }
        }
    }

    /// A whole number with the locale's grouping.
    pub fn count(&self, n: u64) -> String {
        call_format(self.count_format(), &JsValue::from_f64(n as f64))
    }

    fn count_format(&self) -> &Function {
        self.count.get_or_init(|| {
            Intl::NumberFormat::new(&self.locales, &options(&[("maximumFractionDigits", "0")])).format()
        })
    }

    /// A calendar date, e.g. `Sep 30, 2026` or `30.09.2026`.
    pub fn date(&self, d: &Date) -> String {
        let ms = d.to_epoch_days() as f64 * 86_400_000.0;
        call_format(self.date_format(), &js_sys::Date::new(&JsValue::from_f64(ms)).into())
    }

    fn date_format(&self) -> &Function {
        self.date.get_or_init(|| {
            Intl::DateTimeFormat::new(&self.locales, &options(&[("dateStyle", "medium"), ("timeZone", "UTC")])).format()
        })
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
