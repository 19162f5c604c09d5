//! The account's own fields: configured in `fields`, shown after the built-in ones, checked by
//! [`super::validate`] and carried in [`super::DealFields::custom`] under their CRM keys.

use super::text::latin_form;
use super::{Date, IdFormat, Message, NumberSeparators};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// What kind of value a custom field holds, and so which control the form shows for it.
#[derive(Clone, Debug, PartialEq)]
pub enum CustomKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// A number, decimals allowed.
    Number,
    /// An amount in the deal's currency, in major units on the wire.
    Money,
    /// A calendar date, `YYYY-MM-DD` on the wire.
    Date,
    /// One of a fixed list of options.
    Select(Vec<SelectOption>),
    /// Yes or no.
    Checkbox,
    /// An email address.
    Email,
    /// A web address.
    Url,
    /// A telephone number.
    Phone,
    /// A person, picked by name, kept as the backend's id for them (as the deal's owner is).
    Person,
    /// A company, picked by name, kept as the backend's id for it (as the deal's company is).
    Company,
}

impl CustomKind {
    /// The names `fields[].type` takes in the configuration, in the order of [`CustomKind::named`].
    pub const NAMES: [&'static str; 12] = [
        "text",
        "long_text",
        "number",
        "money",
        "date",
        "select",
        "checkbox",
        "email",
        "url",
        "phone",
        "person",
        "company",
    ];

    /// The kind named `NAMES[index]`; a select's options are given apart.
    pub fn named(index: usize, options: Vec<SelectOption>) -> Option<Self> {
        Some(match index {
            0 => CustomKind::Text,
            1 => CustomKind::LongText,
            2 => CustomKind::Number,
            3 => CustomKind::Money,
            4 => CustomKind::Date,
            5 => CustomKind::Select(options),
            6 => CustomKind::Checkbox,
            7 => CustomKind::Email,
            8 => CustomKind::Url,
            9 => CustomKind::Phone,
            10 => CustomKind::Person,
            11 => CustomKind::Company,
            _ => return None,
        })
    }

    /// Whether its values are numbers (then `min`/`max` bound the value, not the length).
    pub fn is_numeric(&self) -> bool {
        matches!(self, CustomKind::Number | CustomKind::Money)
    }
}

/// One choice of a select field: the value stored at the CRM and what a person reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectOption {
    /// What the CRM stores.
    pub value: String,
    /// What the form and the list show.
    pub label: String,
}

/// A field of the account's own, as configured.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomField {
    /// The CRM's key for it: a Heffl `cf_*` key, or any name for the local backend.
    pub key: String,
    /// What the form and the list call it.
    pub label: String,
    /// Its kind.
    pub kind: CustomKind,
    /// Whether a save without it is refused.
    pub required: bool,
    /// Inclusive bounds: of the value for numbers and money, of the length in characters for text.
    pub min: Option<f64>,
    /// See [`CustomField::min`].
    pub max: Option<f64>,
    /// Whether the list shows it as a column.
    pub column: bool,
    /// What a text's whole value must match, and what to say when it does not.
    pub pattern: Option<Pattern>,
}

/// A regular expression a text field's whole value must match (anchored, as HTML's `pattern`
/// is), with the message the form shows when it does not. It is compiled when first used, so
/// the code that reads expressions is fetched only by a configuration that has one.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    source: String,
    message: String,
}

thread_local! {
    /// The patterns compiled so far, by source: each is compiled once.
    static COMPILED: std::cell::RefCell<std::collections::HashMap<String, Result<regex_lite::Regex, String>>> =
        std::cell::RefCell::default();
}

impl Pattern {
    /// The pattern `source`, and the `message` for a text that does not match it.
    pub fn new(source: &str, message: &str) -> Self {
        Self {
            source: source.to_owned(),
            message: message.to_owned(),
        }
    }

    /// Whether the expression can be read; an error says why not, in the regex crate's words.
    ///
    /// ```
    /// use dealform::model::custom::Pattern;
    /// let po = Pattern::new("PO-[0-9]{6}", "Use a PO number such as PO-123456");
    /// assert!(po.compile().is_ok());
    /// assert!(po.matches("PO-123456"));
    /// assert!(!po.matches("PO-123456 and more"));
    /// assert!(Pattern::new("PO-[0-9", "…").compile().is_err());
    /// ```
    pub fn compile(&self) -> Result<(), String> {
        self.with_compiled(|re| re.as_ref().map(|_| ()).map_err(Clone::clone))
    }

    /// Whether all of `text` matches; nothing matches an expression that cannot be read.
    pub fn matches(&self, text: &str) -> bool {
        self.with_compiled(|re| re.as_ref().is_ok_and(|re| re.is_match(text)))
    }

    fn with_compiled<T>(&self, f: impl FnOnce(&Result<regex_lite::Regex, String>) -> T) -> T {
        COMPILED.with(|compiled| {
            let mut compiled = compiled.borrow_mut();
            let re = compiled.entry(self.source.clone()).or_insert_with(|| {
                // Read alone first: unbalanced, `a)|(b` would escape the anchors around it.
                regex_lite::Regex::new(&self.source)
                    .and_then(|_| regex_lite::Regex::new(&format!("^(?:{})$", self.source)))
                    .map_err(|e| {
                        // regex-lite's message quotes the expression over several lines and
                        // says what is wrong on the last.
                        let why = e.to_string();
                        let last = why.lines().last().unwrap_or_default().trim();
                        last.strip_prefix("error: ").unwrap_or(last).to_owned()
                    })
            });
            f(re)
        })
    }

    /// The expression as configured.
    pub fn source(&self) -> &str {
        &self.source
    }
}

impl CustomField {
    /// An optional field with no limits, not in the list.
    pub fn new(key: &str, label: &str, kind: CustomKind) -> Self {
        Self {
            key: key.to_owned(),
            label: label.to_owned(),
            kind,
            required: false,
            min: None,
            max: None,
            column: false,
            pattern: None,
        }
    }

    /// The draft's text for a stored value: numbers in the user's separators, a checked box
    /// as `true`.
    pub fn draft_text(&self, value: Option<&CustomValue>, sep: NumberSeparators) -> String {
        match value {
            None | Some(CustomValue::Flag(false)) => String::new(),
            Some(CustomValue::Flag(true)) => "true".to_owned(),
            Some(CustomValue::Text(t)) => t.clone(),
            Some(CustomValue::Number(n)) => local_number(*n, sep),
        }
    }

    /// Reads the text typed into the field: `Ok(None)` when blank (and allowed to be), else the
    /// value, or the message saying what is wrong in words the user can act on.
    pub fn check(&self, raw: &str, sep: NumberSeparators) -> Result<Option<CustomValue>, Message> {
        let label = Message::verbatim(self.label.clone());
        let about = |key: &'static str| Message::key(key).message("label", label.clone());
        let text = super::text::trim_visible(raw);
        if self.kind == CustomKind::Checkbox {
            let checked = text == "true";
            return match (checked, self.required) {
                (false, true) => Err(about("error-must-be-ticked")),
                _ => Ok(Some(CustomValue::Flag(checked))),
            };
        }
        if text.is_empty() {
            return match self.required {
                true => Err(about("error-required")),
                false => Ok(None),
            };
        }
        let (min, max) = (self.min, self.max);
        let value = match &self.kind {
            CustomKind::Number | CustomKind::Money => {
                let Some(n) = parse_number(text, sep) else {
                    let example = local_number(1234.5, sep);
                    return Err(about("error-number").text("example", example));
                };
                if min.is_some_and(|m| n < m) {
                    return Err(about("error-number-at-least").text("min", local_number(min.unwrap_or(0.0), sep)));
                }
                if max.is_some_and(|m| n > m) {
                    return Err(about("error-number-at-most").text("max", local_number(max.unwrap_or(0.0), sep)));
                }
                return Ok(Some(CustomValue::Number(n)));
            }
            CustomKind::Date => match Date::parse_iso(text) {
                Ok(d) => d.to_string(),
                Err(e) => return Err(e.message()),
            },
            CustomKind::Select(options) => match options.iter().find(|o| o.value == text) {
                Some(o) => o.value.clone(),
                None => return Err(Message::key("error-choose-from-list")),
            },
            CustomKind::Email if !IdFormat::Email.matches(text) => return Err(about("error-email")),
            CustomKind::Url if !is_web_address(text) => return Err(about("error-url")),
            CustomKind::Phone if !is_phone(text) => return Err(about("error-phone")),
            _ => text.to_owned(),
        };
        let n = super::text::char_len(&value);
        if let Some(m) = min.filter(|m| (n as f64) < *m) {
            return Err(about("error-too-short").number("min", m).number("count", n as f64));
        }
        if let Some(m) = max.filter(|m| (n as f64) > *m) {
            return Err(super::validate::too_long(label, m as usize, n));
        }
        if let Some(p) = self.pattern.as_ref().filter(|p| !p.matches(&value)) {
            return Err(Message::verbatim(p.message.clone()));
        }
        Ok(Some(CustomValue::Text(value)))
    }

    /// The label of a select's option, or the value itself for every other kind.
    pub fn shown<'a>(&'a self, value: &'a str) -> &'a str {
        match &self.kind {
            CustomKind::Select(options) => options
                .iter()
                .find(|o| o.value == value)
                .map_or(value, |o| o.label.as_str()),
            _ => value,
        }
    }
}

/// A number as typed in the user's locale (its separators, its digits), or `None`.
///
/// ```
/// use dealform::model::{custom::parse_number, NumberSeparators};
/// let de = NumberSeparators { decimal: ',', group: '.' };
/// assert_eq!(parse_number("1.234,5", de), Some(1234.5));
/// assert_eq!(parse_number("12abc", de), None);
/// ```
pub fn parse_number(text: &str, sep: NumberSeparators) -> Option<f64> {
    let mut plain = String::new();
    for c in text.chars().map(latin_form) {
        match c {
            '0'..='9' => plain.push(c),
            '-' | '\u{2212}' if plain.is_empty() => plain.push('-'),
            c if c == sep.decimal && !plain.contains('.') => plain.push('.'),
            c if c == sep.group || c == ' ' || c == '\u{a0}' || c == '\u{202f}' => {}
            _ => return None,
        }
    }
    let n: f64 = plain.parse().ok()?;
    n.is_finite().then_some(n)
}

/// A number written for the user to edit: their decimal separator, no grouping.
fn local_number(n: f64, sep: NumberSeparators) -> String {
    let text = plain_decimal(n);
    if sep.decimal == '.' {
        text
    } else {
        text.replace('.', &sep.decimal.to_string())
    }
}

/// A number as plain decimal text, to six decimals at most (`12`, `-0.25`), written with
/// integer arithmetic: Rust's own float printing would add its whole machinery to the wasm.
///
/// ```
/// use dealform::model::custom::plain_decimal;
/// assert_eq!(plain_decimal(1234.5), "1234.5");
/// assert_eq!(plain_decimal(-0.125), "-0.125");
/// assert_eq!(plain_decimal(3.0), "3");
/// ```
pub fn plain_decimal(n: f64) -> String {
    const SCALE: f64 = 1_000_000.0;
    let scaled = (n.abs() * SCALE).round();
    // Past 2^53 millionths the fraction is noise: whole numbers only.
    if !scaled.is_finite() || scaled >= 9.0e15 {
        let whole = n.trunc();
        return if whole.abs() < 9.2e18 {
            (whole as i64).to_string()
        } else {
            "0".to_owned()
        };
    }
    let scaled = scaled as u64;
    let (whole, fraction) = (scaled / 1_000_000, scaled % 1_000_000);
    let sign = if n < 0.0 && scaled > 0 { "-" } else { "" };
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:06}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

fn is_web_address(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        host.contains('.') && !host.starts_with('.') && !s.contains(char::is_whitespace)
    })
}

fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    digits >= 5 && s.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

/// A custom field's value: text (also dates, `YYYY-MM-DD`, and a select's option value), a
/// number, or a checkbox's state. Stored and sent to host pages as the JSON value itself.
#[derive(Clone, Debug, PartialEq)]
pub enum CustomValue {
    /// Text, a date or an option's value.
    Text(String),
    /// A number or an amount in major units; never NaN or infinite.
    Number(f64),
    /// A checkbox.
    Flag(bool),
}

// Numbers are finite (parse_number and the readers refuse the rest), so equality is total.
impl Eq for CustomValue {}

impl std::hash::Hash for CustomValue {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        match self {
            CustomValue::Text(t) => t.hash(state),
            CustomValue::Number(n) => n.to_bits().hash(state),
            CustomValue::Flag(b) => b.hash(state),
        }
    }
}

impl Serialize for CustomValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            CustomValue::Text(t) => s.serialize_str(t),
            CustomValue::Number(n) => s.serialize_f64(*n),
            CustomValue::Flag(b) => s.serialize_bool(*b),
        }
    }
}

impl<'de> Deserialize<'de> for CustomValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CustomValueVisitor)
    }
}

struct CustomValueVisitor;

impl Visitor<'_> for CustomValueVisitor {
    type Value = CustomValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("text, a number or true/false")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<CustomValue, E> {
        Ok(CustomValue::Flag(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<CustomValue, E> {
        Ok(CustomValue::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<CustomValue, E> {
        Ok(CustomValue::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<CustomValue, E> {
        match v.is_finite() {
            true => Ok(CustomValue::Number(v)),
            false => Err(E::custom("a number that is not finite")),
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<CustomValue, E> {
        Ok(CustomValue::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<CustomValue, E> {
        Ok(CustomValue::Text(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error of a check, in English.
    fn said(checked: Result<Option<CustomValue>, Message>) -> String {
        crate::i18n::tests::say(&checked.unwrap_err())
    }

    const DE: NumberSeparators = NumberSeparators {
        decimal: ',',
        group: '.',
    };

    fn field(kind: CustomKind) -> CustomField {
        CustomField::new("cf_x", "Size", kind)
    }

    #[test]
    fn numbers_are_read_in_the_users_separators_and_bounded() {
        let mut f = field(CustomKind::Number);
        f.min = Some(1.0);
        f.max = Some(10_000.0);
        assert_eq!(f.check("1.234,5", DE), Ok(Some(CustomValue::Number(1234.5))));
        assert_eq!(f.check("٣", DE), Ok(Some(CustomValue::Number(3.0))));
        assert_eq!(f.check("", DE), Ok(None));
        assert_eq!(said(f.check("0,5", DE)), "Size must be at least 1");
        assert_eq!(said(f.check("20000", DE)), "Size must be at most 10000");
        assert_eq!(said(f.check("1,2,3", DE)), "Size must be a number such as 1234,5");
        assert_eq!(
            said(f.check("1e9", NumberSeparators::ROOT)),
            "Size must be a number such as 1234.5"
        );
    }

    #[test]
    fn a_pattern_checks_the_whole_text_with_its_own_message() {
        let mut f = field(CustomKind::Text);
        f.pattern = Some(Pattern::new(r"PO-\d{6}", "Size must be a PO number such as PO-123456"));
        assert_eq!(
            f.check(" PO-123456 ", DE),
            Ok(Some(CustomValue::Text("PO-123456".into())))
        );
        assert_eq!(
            said(f.check("xPO-123456", DE)),
            "Size must be a PO number such as PO-123456"
        );
        // An empty optional field is not checked against it.
        assert_eq!(f.check("", DE), Ok(None));
        let why = Pattern::new("PO-[0-9", "m").compile().unwrap_err();
        assert_eq!(why, "found unclosed character class");
        // Unbalanced, it cannot escape the anchors put around it.
        assert!(Pattern::new("a)|(?:b", "m").compile().is_err());
        let either = Pattern::new("ab|cd", "m");
        assert!(either.matches("cd") && !either.matches("abx") && !either.matches("xcd"));
    }

    #[test]
    fn a_select_takes_only_its_options_and_shows_their_labels() {
        let f = field(CustomKind::Select(vec![SelectOption {
            value: "hi".into(),
            label: "High".into(),
        }]));
        assert_eq!(f.check("hi", DE), Ok(Some(CustomValue::Text("hi".into()))));
        assert_eq!(said(f.check("High", DE)), "Choose one from the list");
        assert_eq!(f.shown("hi"), "High");
        assert_eq!(f.shown("gone"), "gone");
    }

    #[test]
    fn text_kinds_check_their_shape_and_length() {
        let mut f = field(CustomKind::Text);
        f.required = true;
        f.min = Some(2.0);
        f.max = Some(3.0);
        assert_eq!(said(f.check("  ", DE)), "Size is required");
        assert_eq!(said(f.check("a", DE)), "Size must be at least 2 characters (it has 1)");
        assert_eq!(
            said(f.check("abcd", DE)),
            "Size must be at most 3 characters (it has 4)"
        );
        assert_eq!(f.check(" ab ", DE), Ok(Some(CustomValue::Text("ab".into()))));
        assert!(field(CustomKind::Email).check("a@b", DE).is_err());
        assert!(field(CustomKind::Email).check("a@b.io", DE).is_ok());
        assert!(field(CustomKind::Url).check("example.com", DE).is_err());
        assert!(field(CustomKind::Url).check("https://example.com/x", DE).is_ok());
        assert!(field(CustomKind::Phone).check("+49 (30) 1234", DE).is_ok());
        assert!(field(CustomKind::Phone).check("call me", DE).is_err());
        assert!(field(CustomKind::Date).check("2026-02-30", DE).is_err());
        assert_eq!(
            field(CustomKind::Date).check("2026-02-03", DE),
            Ok(Some(CustomValue::Text("2026-02-03".into())))
        );
    }

    #[test]
    fn a_checkbox_is_true_or_false_and_required_means_ticked() {
        let mut f = field(CustomKind::Checkbox);
        assert_eq!(f.check("", DE), Ok(Some(CustomValue::Flag(false))));
        assert_eq!(f.check("true", DE), Ok(Some(CustomValue::Flag(true))));
        f.required = true;
        assert_eq!(said(f.check("", DE)), "Size must be ticked");
        assert_eq!(f.draft_text(Some(&CustomValue::Flag(true)), DE), "true");
    }

    #[test]
    fn values_read_and_write_as_plain_json() {
        let v: Vec<CustomValue> = crate::wire::from_str(r#"["a", 2.5, 3, true]"#).unwrap();
        assert_eq!(
            v,
            vec![
                CustomValue::Text("a".into()),
                CustomValue::Number(2.5),
                CustomValue::Number(3.0),
                CustomValue::Flag(true)
            ]
        );
        assert_eq!(crate::wire::to_string(&v), r#"["a",2.5,3.0,true]"#);
        assert!(crate::wire::from_str::<CustomValue>("{}").is_err());
        assert_eq!(
            field(CustomKind::Number).draft_text(Some(&CustomValue::Number(2.5)), DE),
            "2,5"
        );
    }
}
