//! Numbers, money and dates formatted by the browser's `Intl`, for the configured locale.

use crate::model::{Currency, Date, Money, MoneyNotation, NumberSeparators};
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

/// One currency's money format, as [`Formatter`] keeps it.
struct MoneyFormat {
    currency: Currency,
    /// Whether it writes every decimal the currency has (see [`Formatter::money`]).
    exact: bool,
    format: Function,
    /// The most decimals it writes.
    most: u32,
}

/// Formats for one locale, each made on first use and kept: `Intl` constructors are slow. The
/// first on a page takes some 10 ms here (the browser loads its locale data), so the app makes
/// them once its first requests are out ([`Formatter::warm`]), not before it sends them.
pub struct Formatter {
    locales: Array,
    /// One formatter per currency met, found by a search in order: a page meets one or two.
    money: RefCell<Vec<MoneyFormat>>,
    count: OnceCell<Function>,
    number: OnceCell<Function>,
    date: OnceCell<Function>,
    separators: OnceCell<NumberSeparators>,
    /// How each currency the form has read amounts in is written (see [`Formatter::money_notation`]).
    notations: RefCell<Vec<MoneyNotation>>,
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
            number: OnceCell::new(),
            date: OnceCell::new(),
            separators: OnceCell::new(),
            notations: RefCell::default(),
        })
    }

    /// Makes what a list of deals in `currency` formats with, while its first page is on its way.
    pub fn warm(&self, currency: Currency) {
        self.count_format();
        self.date_format();
        self.money_format(currency, false);
    }

    /// The locale's decimal and group separators, for parsing what people type.
    pub fn separators(&self) -> NumberSeparators {
        *self
            .separators
            .get_or_init(|| parts_of(&Intl::NumberFormat::new(&self.locales, &Object::new())).0)
    }

    /// How amounts in `currency` are written here (the list's way), so that the form reads
    /// them back as typed.
    pub fn money_notation(&self, currency: Currency) -> MoneyNotation {
        if let Some(known) = self.notations.borrow().iter().find(|n| n.currency == currency) {
            return known.clone();
        }
        // Two decimals whatever the currency's own, so that yen shows its decimal separator.
        let options = options(&[
            ("style", "currency"),
            ("currency", currency.as_str()),
            ("minimumFractionDigits", "2"),
            ("maximumFractionDigits", "2"),
        ]);
        let (separators, sign) = parts_of(&Intl::NumberFormat::new(&self.locales, &options));
        let notation = MoneyNotation {
            currency,
            separators,
            sign,
        };
        self.notations.borrow_mut().push(notation.clone());
        notation
    }

    /// Money with its currency sign, e.g. `$1,200.50` or `1.200,50 €`.
    pub fn money(&self, m: &Money) -> String {
        let digits = m.currency.minor_digits();
        let mut at = self.money_format(m.currency, false);
        // The browser writes some currencies with fewer decimals than ISO 4217 gives them
        // (forints, rupiahs, Iraqi dinars: none), which would round 1,235.50 Ft to 1,236 Ft
        // while the form keeps the 50: such an amount is written with all its decimals.
        if m.minor % 10_i64.pow(digits) != 0 && self.money.borrow()[at].most < digits {
            at = self.money_format(m.currency, true);
        }
        let text = call_format(&self.money.borrow()[at].format, &JsValue::from_f64(m.to_f64()));
        // A sign that ends in a symbol after Latin letters ("١٥٬٠٠٠٫٠٠ US$" in an Arabic locale)
        // would show as "$US" in a right-to-left list: a left-to-right mark keeps it together.
        let mut tail = text.chars().rev();
        match (tail.next(), tail.next()) {
            (Some(last), Some(before)) if !last.is_ascii_alphanumeric() && before.is_ascii_alphabetic() => {
                format!("{text}\u{200E}")
            }
            _ => text,
        }
    }

    /// Where `currency`'s formatter is in the cache, made if it was not; `exact` for one that
    /// writes every decimal the currency has.
    fn money_format(&self, currency: Currency, exact: bool) -> usize {
        let mut cache = self.money.borrow_mut();
        match cache.iter().position(|f| f.currency == currency && f.exact == exact) {
            Some(at) => at,
            None => {
                let code = currency.as_str();
                let options = if exact {
                    // ISO 4217's minor digits run from 0 to 4.
                    let digits = ["0", "1", "2", "3", "4"][currency.minor_digits().min(4) as usize];
                    options(&[
                        ("style", "currency"),
                        ("currency", code),
                        ("minimumFractionDigits", digits),
                        ("maximumFractionDigits", digits),
                    ])
                } else {
                    options(&[("style", "currency"), ("currency", code)])
                };
                let format = Intl::NumberFormat::new(&self.locales, &options);
                let most = Reflect::get(&format.resolved_options(), &JsValue::from_str("maximumFractionDigits"))
                    .ok()
                    .and_then(|v| v.as_f64())
                    .unwrap_or(0.0) as u32;
                cache.push(MoneyFormat {
                    currency,
                    exact,
                    format: format.format(),
                    most,
                });
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

    /// A number with the locale's grouping and decimals, e.g. `1,234.5` or `1.234,5`.
    pub fn number(&self, n: f64) -> String {
        let format = self.number.get_or_init(|| {
            Intl::NumberFormat::new(&self.locales, &options(&[("maximumFractionDigits", "6")])).format()
        });
        call_format(format, &JsValue::from_f64(n))
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

/// The decimal and group separators `fmt` writes, and its currency sign (empty for a plain
/// number format).
fn parts_of(fmt: &Intl::NumberFormat) -> (NumberSeparators, String) {
    let mut sep = NumberSeparators::ROOT;
    let mut sign = String::new();
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
            (Some("currency"), Some(_)) => sign = get("value").unwrap_or_default(),
            _ => {}
        }
    }
    (sep, sign)
}

/// `items` joined as `language` says a list ("Name, Amount and Stage", "Name, Amount und Stage"):
/// the browser's `Intl.ListFormat`.
pub fn and_list(language: &str, items: &[String]) -> String {
    let locales = Array::of1(&JsValue::from_str(language));
    let list: Array = items.iter().map(|s| JsValue::from_str(s)).collect();
    Intl::ListFormat::new(&locales, &Object::new()).format(&list).into()
}
