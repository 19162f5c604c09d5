//! Money as an exact number of minor units in an ISO 4217 currency, and the parser for what
//! people type into an amount field.

use super::text::{is_direction_mark, latin_form};
use std::fmt;

/// An ISO 4217 alphabetic currency code, always upper case.
///
/// ```
/// use dealform::model::Currency;
/// assert_eq!(Currency::parse("eur").unwrap().as_str(), "EUR");
/// assert!(Currency::parse("EURO").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Currency([u8; 3]);

/// Why a text is not a currency code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("Currency must be a three-letter ISO 4217 code such as USD or EUR")]
pub struct CurrencyError;

impl CurrencyError {
    /// What the form says about it.
    pub fn message(&self) -> super::Message {
        super::Message::key("error-currency-code")
    }
}

/// Currencies whose minor unit is not the hundredth (ISO 4217's exponent column).
const ZERO_DECIMALS: &[&str] = &[
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF",
    "XPF",
];
const THREE_DECIMALS: &[&str] = &["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];
/// The two units of account ISO 4217 gives four decimal places.
const FOUR_DECIMALS: &[&str] = &["CLF", "UYW"];

/// The codes ISO 4217 lists for currencies in use (its list one, 2025), funds codes and the
/// special drawing right included; not those for gold and other metals, bond units, testing or
/// "no currency". Codes being withdrawn, still met in transition, stay (ANG, BGN, SLL, ZWL);
/// long-withdrawn ones (HRK, CUC) do not. Three letters each, in order.
const ISO_4217: &[u8] = b"\
    AEDAFNALLAMDANGAOAARSAUDAWGAZNBAMBBDBDTBGNBHDBIFBMDBNDBOBBOVBRLBSDBTNBWPBYNBZDCADCDFCHECHFCHWCLFCLP\
    CNYCOPCOUCRCCUPCVECZKDJFDKKDOPDZDEGPERNETBEURFJDFKPGBPGELGHSGIPGMDGNFGTQGYDHKDHNLHTGHUFIDRILSINR\
    IQDIRRISKJMDJODJPYKESKGSKHRKMFKPWKRWKWDKYDKZTLAKLBPLKRLRDLSLLYDMADMDLMGAMKDMMKMNTMOPMRUMURMVRMWK\
    MXNMXVMYRMZNNADNGNNIONOKNPRNZDOMRPABPENPGKPHPPKRPLNPYGQARRONRSDRUBRWFSARSBDSCRSDGSEKSGDSHPSLESLL\
    SOSSRDSSPSTNSVCSYPSZLTHBTJSTMTTNDTOPTRYTTDTWDTZSUAHUGXUSDUSNUYIUYUUYWUZSVEDVESVNDVUVWSTXAFXCDXCG\
    XDRXOFXPFXSUXUAYERZARZMWZWGZWL";

/// A currency is stored and sent as its code.
impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Currency::parse(&code)
            .map_err(|_| serde::de::Error::custom(format_args!("“{code}” is not a three-letter currency code")))
    }
}

impl Currency {
    /// US dollars: the default when a config names none.
    pub const USD: Currency = Currency(*b"USD");

    /// Parses a code, accepting lower case and surrounding spaces.
    pub fn parse(s: &str) -> Result<Self, CurrencyError> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() == 3 && b.iter().all(u8::is_ascii_alphabetic) {
            Ok(Currency([
                b[0].to_ascii_uppercase(),
                b[1].to_ascii_uppercase(),
                b[2].to_ascii_uppercase(),
            ]))
        } else {
            Err(CurrencyError)
        }
    }

    /// Parses a code as a person typed it into the form: full-width letters, as a Chinese or
    /// Japanese input method types them (ＥＵＲ), are read as the letters they are, as the
    /// amount's digits are. What validation reads and what the amount's hint follows.
    ///
    /// ```
    /// use dealform::model::Currency;
    /// assert_eq!(Currency::parse_typed(" ｅｕｒ").unwrap().as_str(), "EUR");
    /// ```
    pub fn parse_typed(s: &str) -> Result<Self, CurrencyError> {
        let latin: String = s.chars().map(latin_form).collect();
        Self::parse(&latin)
    }

    /// Whether ISO 4217 lists the code for a currency in use: a typo ("EUO") or a made-up code
    /// ("ABC") parses, as three letters, but is not one.
    pub fn is_listed(&self) -> bool {
        ISO_4217.chunks(3).any(|code| code == self.0)
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Constructed only from ASCII letters.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    /// How many decimal places the currency's minor unit has.
    pub fn minor_digits(&self) -> u32 {
        if ZERO_DECIMALS.contains(&self.as_str()) {
            0
        } else if THREE_DECIMALS.contains(&self.as_str()) {
            3
        } else if FOUR_DECIMALS.contains(&self.as_str()) {
            4
        } else {
            2
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The largest amount accepted, in major units: beyond it `f64` (JSON numbers at every
/// CRM) stops being exact to the cent. Four-decimal units of account stop sooner: see
/// [`MAX_EXACT_MINOR`].
pub const MAX_MAJOR: i64 = 999_999_999_999;

/// The most minor units `f64` holds exactly (2⁵³ − 1): under [`MAX_MAJOR`] for every currency
/// but those with four decimals, whose amounts are capped here too.
const MAX_EXACT_MINOR: i64 = 9_007_199_254_740_991;

/// An exact amount of money.
///
/// ```
/// use dealform::model::{Currency, Money};
/// let m = Money::new(120_050, Currency::USD);
/// assert_eq!(m.to_decimal_string(), "1200.50");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Money {
    /// The amount in the currency's minor units (cents for USD, yen for JPY).
    pub minor: i64,
    /// The currency.
    pub currency: Currency,
}

impl Money {
    /// An amount of minor units.
    pub fn new(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    fn scale(&self) -> i64 {
        10_i64.pow(self.currency.minor_digits())
    }

    /// The amount in major units as a float, for `Intl` and for CRMs whose JSON carries numbers.
    pub fn to_f64(&self) -> f64 {
        self.minor as f64 / self.scale() as f64
    }

    /// Reads a CRM's JSON number, rounding to the currency's minor unit.
    ///
    /// `None` for NaN, infinities and values beyond [`MAX_MAJOR`]: such a reply is malformed.
    pub fn from_f64(value: f64, currency: Currency) -> Option<Self> {
        if !value.is_finite() || value.abs() > MAX_MAJOR as f64 {
            return None;
        }
        let scale = 10_f64.powi(currency.minor_digits() as i32);
        Some(Self::new((value * scale).round() as i64, currency))
    }

    /// Plain decimal text with a dot and no grouping, e.g. `1200.50`; what CRMs and storage want.
    pub fn to_decimal_string(&self) -> String {
        self.to_local_input(NumberSeparators::ROOT)
    }

    /// Text to put back into the amount field when editing, in the user's decimal separator.
    pub fn to_local_input(&self, sep: NumberSeparators) -> String {
        let digits = self.currency.minor_digits() as usize;
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        let scale = self.scale() as u64;
        if digits == 0 {
            format!("{sign}{abs}")
        } else {
            format!("{sign}{}{}{:0digits$}", abs / scale, sep.decimal, abs % scale)
        }
    }
}

/// The decimal and grouping characters of a locale, as `Intl.NumberFormat` reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberSeparators {
    /// The decimal separator: `.` in en-US, `,` in de-DE.
    pub decimal: char,
    /// The grouping separator: `,` in en-US, `.` in de-DE, U+202F in fr-FR.
    pub group: char,
}

impl NumberSeparators {
    /// The plain machine form: a dot for decimals, a comma for groups (en-US).
    pub const ROOT: NumberSeparators = NumberSeparators {
        decimal: '.',
        group: ',',
    };
}

impl Default for NumberSeparators {
    fn default() -> Self {
        Self::ROOT
    }
}

/// How the browser writes amounts of one currency in the user's locale, which is how the list
/// shows them: people type an amount back the way they see it. Its separators can differ from
/// those of plain numbers (de-AT groups money with "." and plain numbers with a space; fr-CH
/// writes money's decimals with "." and plain numbers' with ","), and its sign can be more than
/// one character ("US$", "kr", "zł", "R$").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoneyNotation {
    /// The currency written.
    pub currency: Currency,
    /// The separators of its amounts.
    pub separators: NumberSeparators,
    /// Its sign, as the browser writes it ("US$", "kr.", "€").
    pub sign: String,
}

/// Why an amount field's text is not an amount.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    /// Letters, exponents, two decimal separators and the like.
    #[error("Enter a number such as {example}")]
    NotANumber {
        /// An example in the user's own separators.
        example: String,
    },
    /// Grouping separators in places that make the number ambiguous (`1.5` in de-DE).
    #[error("Use “{decimal}” for decimals, as in {example}")]
    Ambiguous {
        /// The locale's decimal separator.
        decimal: char,
        /// An example in the user's own separators.
        example: String,
    },
    /// More decimal places than the currency's minor unit has.
    #[error("{currency} amounts have {}", match digits { 0 => "no decimal places".to_owned(), d => format!("at most {d} decimal places") })]
    TooPrecise {
        /// The currency.
        currency: Currency,
        /// Its minor digits.
        digits: u32,
    },
    /// Beyond [`MAX_MAJOR`].
    #[error("Amount is too large")]
    TooLarge,
    /// Another currency's sign or code (`€100` for a deal in USD): read as this currency's, the
    /// amount would be saved in a currency the user did not mean.
    #[error("This amount is in {currency}, not “{typed}”")]
    OtherCurrency {
        /// The deal's currency.
        currency: Currency,
        /// The sign or code typed.
        typed: String,
    },
}

impl AmountError {
    /// What the form says about it.
    pub fn message(&self) -> super::Message {
        use super::Message;
        match self {
            AmountError::NotANumber { example } => Message::key("error-amount-number").text("example", example.clone()),
            AmountError::Ambiguous { decimal, example } => Message::key("error-amount-ambiguous")
                .text("decimal", decimal.to_string())
                .text("example", example.clone()),
            AmountError::TooPrecise { currency, digits } => Message::key("error-amount-precision")
                .text("currency", currency.as_str())
                .number("digits", *digits),
            AmountError::TooLarge => Message::key("error-amount-too-large"),
            AmountError::OtherCurrency { currency, typed } => Message::key("error-amount-other-currency")
                .text("currency", currency.as_str())
                .text("typed", typed.clone()),
        }
    }
}

/// The currency signs people type around an amount, with the codes of the currencies each
/// stands for. `¢` is not one: `50¢` is half a dollar, not fifty.
const CURRENCY_SIGNS: &[(char, &str)] = &[
    ('$', "USD CAD AUD NZD SGD HKD TWD MXN ARS CLP COP BRL UYU DOP CUP BSD BBD BZD BMD KYD JMD TTD XCD LRD SRD GYD FJD SBD NAD"),
    ('€', "EUR"),
    ('£', "GBP EGP GIP FKP SHP LBP SYP SSP"),
    ('¥', "JPY CNY"),
    // How amounts in yen and yuan are written in Japanese and Chinese text: 1,234円, 1,234元.
    ('円', "JPY"),
    ('元', "CNY TWD HKD MOP"),
    ('₹', "INR"),
    ('₩', "KRW KPW"),
    ('₽', "RUB"),
    ('₺', "TRY"),
    ('₪', "ILS"),
    ('₫', "VND"),
    ('₱', "PHP"),
    ('₦', "NGN"),
];

/// The codes of the currencies `c` is the sign of; `None` where it is no currency sign.
fn sign_codes(c: char) -> Option<&'static str> {
    CURRENCY_SIGNS
        .iter()
        .find(|(sign, _)| *sign == c)
        .map(|(_, codes)| *codes)
}

/// Whether `c` is a currency sign (of any currency).
fn is_sign(c: char) -> bool {
    sign_codes(c).is_some()
}

/// An amount written with the locale's separators, with as many decimals as `currency` has:
/// what the form shows as an example, and what an error says to write instead.
///
/// ```
/// use dealform::model::{money::amount_example, Currency, NumberSeparators};
/// let en = NumberSeparators { decimal: '.', group: ',' };
/// let at = |code| amount_example(en, Currency::parse(code).unwrap());
/// assert_eq!([at("USD"), at("JPY"), at("KWD")], ["1,234.56", "1,234", "1,234.567"]);
/// ```
pub fn amount_example(sep: NumberSeparators, currency: Currency) -> String {
    match currency.minor_digits() {
        0 => format!("1{}234", sep.group),
        digits => format!("1{}234{}{}", sep.group, sep.decimal, &"5678"[..digits.min(4) as usize]),
    }
}

/// Parses what a person typed into an amount field, in their locale's separators.
///
/// Accepts grouping (`1,200.50`), spaces anywhere (`1 200,50`), a sign or code of the amount's
/// own currency (another's is refused), a leading sign, and digits of other scripts (`١٢٣٤`);
/// returns `Ok(None)` for a blank field.
/// Grouping must end in a group of three digits, so `1.5` in de-DE is refused as ambiguous
/// instead of silently read as fifteen.
///
/// ```
/// use dealform::model::{money::parse_amount, Currency, NumberSeparators};
/// let de = NumberSeparators { decimal: ',', group: '.' };
/// let m = parse_amount("1.200,50", de, Currency::parse("EUR").unwrap()).unwrap().unwrap();
/// assert_eq!(m.minor, 120_050);
/// ```
pub fn parse_amount(input: &str, sep: NumberSeparators, currency: Currency) -> Result<Option<Money>, AmountError> {
    parse_written(input, sep, "", currency).0
}

/// [`parse_amount`], also reading the amount as `money` writes it, when `money` is that of
/// `currency`: its sign is taken off, and where its separators differ from plain numbers' the
/// text is read both ways. Text that carries the money format's sign is read as money first
/// (in en-DE the list writes `€1,000.00` while plain numbers are written `1.000,5`); text
/// without it that both ways read, to different amounts, is refused as ambiguous rather than
/// saved as either.
///
/// ```
/// use dealform::model::{money::{parse_amount_as, MoneyNotation}, Currency, NumberSeparators};
/// let eur = Currency::parse("EUR").unwrap();
/// // de-AT: plain numbers group with a space, money with a dot (€ 1.234,50).
/// let number = NumberSeparators { decimal: ',', group: '\u{a0}' };
/// let money = MoneyNotation { currency: eur, separators: NumberSeparators { decimal: ',', group: '.' }, sign: "€".into() };
/// assert_eq!(parse_amount_as("€ 1.234,50", number, Some(&money), eur).unwrap().unwrap().minor, 123_450);
/// ```
pub fn parse_amount_as(
    input: &str,
    sep: NumberSeparators,
    money: Option<&MoneyNotation>,
    currency: Currency,
) -> Result<Option<Money>, AmountError> {
    let Some(money) = money.filter(|m| m.currency == currency) else {
        return parse_amount(input, sep, currency);
    };
    let sign = money.sign.as_str();
    let (plain, signed) = parse_written(input, sep, sign, currency);
    if money.separators == sep {
        return plain;
    }
    let (as_money, _) = parse_written(input, money.separators, sign, currency);
    match (plain, as_money) {
        (Ok(a), Ok(b)) if a == b => Ok(a),
        (Ok(_), Ok(b)) if signed => Ok(b),
        (Ok(_), Ok(_)) => Err(AmountError::Ambiguous {
            decimal: sep.decimal,
            example: amount_example(sep, currency),
        }),
        (Ok(a), Err(_)) => Ok(a),
        (Err(_), Ok(b)) => Ok(b),
        // The plain number's complaint, whose example the form shows, unless the money reading
        // found something more to the point (too many decimals, too large).
        (Err(first), Err(AmountError::NotANumber { .. } | AmountError::Ambiguous { .. })) => Err(first),
        (Err(_), Err(second)) => Err(second),
    }
}

/// [`parse_amount`] with `sign`, the currency's own sign as the browser writes it, taken off
/// the start or end too; and whether it was.
fn parse_written(
    input: &str,
    sep: NumberSeparators,
    sign: &str,
    currency: Currency,
) -> (Result<Option<Money>, AmountError>, bool) {
    // People type the group separator as a plain space where the locale uses U+202F or U+00A0,
    // and as an apostrophe where it uses U+2019 (de-CH).
    let apostrophe_group = matches!(sep.group, '\'' | '’');
    // Where the locale writes its digits and separators in another script (ar-EG: ١٬٢٣٤٫٥),
    // people type them in that script or, on a Latin keyboard, as 1,234.5: both are read.
    // Only there: in de-CH (1’234.50) a comma stays unread rather than taken for grouping.
    let arabic = sep.decimal == '\u{066B}';
    let latin = |c: char| match latin_form(c) {
        '\u{066B}' => sep.decimal,
        '\u{066C}' => sep.group,
        '.' if arabic => sep.decimal,
        ',' if arabic => sep.group,
        c => c,
    };
    // Read as the input is: spaces and marks out, other scripts' forms as Latin.
    let plain = |text: &str| -> String {
        text.chars()
            .filter(|&c| !(c.is_whitespace() || is_direction_mark(c) || apostrophe_group && matches!(c, '\'' | '’')))
            .map(latin)
            .collect()
    };
    let mut s = plain(input);
    let sign = plain(sign);
    if s.is_empty() {
        return (Ok(None), false);
    }
    let mut signed = false;
    // This currency's own sign, at either end or after a leading minus ("-US$5"): "US$" or
    // "kr" is not a one-character sign, nor a three-letter code, which the rest reads.
    // Not where a letter adjoins it: en-ZA's sign "R" ends "100ZAR", which is the code.
    if !sign.is_empty() {
        let after_minus = s
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '+' | '−'))
            .map_or(0, char::len_utf8);
        let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        if s[after_minus..].starts_with(&sign) && !letter(s[after_minus + sign.len()..].chars().next()) {
            s.replace_range(after_minus..after_minus + sign.len(), "");
            signed = true;
        } else if s.ends_with(&sign) && !letter(s[..s.len() - sign.len()].chars().next_back()) {
            s.truncate(s.len() - sign.len());
            signed = true;
        }
    }
    (read_number(s, sep, currency), signed)
}

/// The amount in `s`, already in plain form (no spaces, Latin digits, the currency's own sign
/// taken off): an optional code or sign of this currency, a leading sign, then the number in
/// `sep`'s separators.
fn read_number(mut s: String, sep: NumberSeparators, currency: Currency) -> Result<Option<Money>, AmountError> {
    let not_a_number = || AmountError::NotANumber {
        example: amount_example(sep, currency),
    };
    let other = |typed: &str| AmountError::OtherCurrency {
        currency,
        typed: typed.to_owned(),
    };
    // A currency code before or after the number (a run of three letters): this currency's
    // goes, another's is refused.
    let tail = s.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
    let head = s.len() - s.trim_start_matches(|c: char| c.is_ascii_alphabetic()).len();
    let code = match (s.len() - tail, head) {
        (3, _) => Some(tail..s.len()),
        (_, 3) => Some(0..3),
        _ => None,
    };
    if let Some(at) = code.filter(|at| at.len() < s.len()) {
        if s[at.clone()].eq_ignore_ascii_case(currency.as_str()) {
            s.replace_range(at, "");
        } else if s[at.clone()].bytes().all(|b| b.is_ascii_uppercase()) {
            // Upper case, as codes are written; `12abc` is a typo, not a currency.
            return Err(other(&s[at]));
        }
    }
    if let Some(sign) = s
        .chars()
        .find(|&c| sign_codes(c).is_some_and(|codes| !codes.split(' ').any(|k| k == currency.as_str())))
    {
        return Err(other(&sign.to_string()));
    }
    let s = s.trim_matches(is_sign);
    let (negative, s) = match s.chars().next() {
        Some('-' | '−') => (true, &s[s.chars().next().map_or(0, char::len_utf8)..]),
        Some('+') => (false, &s[1..]),
        _ => (false, s),
    };
    let s = s.trim_matches(is_sign);
    if s.is_empty() {
        return Err(not_a_number());
    }
    let (int_part, frac_part) = match s.split_once(sep.decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac_part.is_some_and(|f| f.contains(sep.decimal) || f.contains(sep.group)) {
        return Err(not_a_number());
    }
    let groups: Vec<&str> = int_part.split(sep.group).collect();
    let all_digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    if !groups.iter().all(|g| all_digits(g)) || !frac_part.is_none_or(all_digits) {
        return Err(not_a_number());
    }
    if groups.len() > 1 {
        let inner_ok = groups.iter().all(|g| !g.is_empty());
        let last_ok = groups.last().is_some_and(|g| g.len() == 3);
        if !inner_ok || !last_ok {
            return Err(AmountError::Ambiguous {
                decimal: sep.decimal,
                example: amount_example(sep, currency),
            });
        }
    }
    let int_digits: String = groups.concat();
    let frac = frac_part.unwrap_or("");
    if int_digits.is_empty() && frac.is_empty() {
        return Err(not_a_number());
    }
    let digits = currency.minor_digits();
    let frac_trimmed = frac.trim_end_matches('0');
    if frac_trimmed.len() > digits as usize {
        return Err(AmountError::TooPrecise { currency, digits });
    }
    let int_trimmed = int_digits.trim_start_matches('0');
    if int_trimmed.len() > 12 {
        return Err(AmountError::TooLarge);
    }
    let major: i64 = if int_trimmed.is_empty() {
        0
    } else {
        int_trimmed.parse().map_err(|_| AmountError::TooLarge)?
    };
    if major > MAX_MAJOR {
        return Err(AmountError::TooLarge);
    }
    let mut minor_text = frac_trimmed.to_owned();
    while minor_text.len() < digits as usize {
        minor_text.push('0');
    }
    let minor_part: i64 = if minor_text.is_empty() {
        0
    } else {
        minor_text.parse().map_err(|_| not_a_number())?
    };
    let minor = major * 10_i64.pow(digits) + minor_part;
    if minor > MAX_EXACT_MINOR {
        return Err(AmountError::TooLarge);
    }
    Ok(Some(Money::new(if negative { -minor } else { minor }, currency)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_iso_list_is_in_order_and_holds_every_currency_with_other_decimals() {
        let codes: Vec<&[u8]> = ISO_4217.chunks(3).collect();
        assert!(codes
            .iter()
            .all(|c| c.len() == 3 && c.iter().all(u8::is_ascii_uppercase)));
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        for code in ZERO_DECIMALS.iter().chain(THREE_DECIMALS).chain(FOUR_DECIMALS) {
            assert!(Currency::parse(code).unwrap().is_listed(), "{code}");
        }
        assert!(Currency::parse("BGN").unwrap().is_listed());
        assert!(!Currency::parse("ABC").unwrap().is_listed());
        assert!(!Currency::parse("XTS").unwrap().is_listed());
    }

    const EN: NumberSeparators = NumberSeparators::ROOT;
    const DE: NumberSeparators = NumberSeparators {
        decimal: ',',
        group: '.',
    };
    const FR: NumberSeparators = NumberSeparators {
        decimal: ',',
        group: '\u{202F}',
    };
    const CH: NumberSeparators = NumberSeparators {
        decimal: '.',
        group: '’',
    };

    fn usd(s: &str) -> Result<Option<i64>, AmountError> {
        parse_amount(s, EN, Currency::USD).map(|m| m.map(|m| m.minor))
    }

    #[test]
    fn what_people_type_in_en_us_parses() {
        assert_eq!(usd("1,200.50"), Ok(Some(120_050)));
        assert_eq!(usd("1200"), Ok(Some(120_000)));
        assert_eq!(usd(" 1 200 "), Ok(Some(120_000)));
        assert_eq!(usd("$1,200"), Ok(Some(120_000)));
        assert_eq!(usd("1200 USD"), Ok(Some(120_000)));
        assert_eq!(usd(".5"), Ok(Some(50)));
        assert_eq!(usd("5."), Ok(Some(500)));
        assert_eq!(usd("1,00,000"), Ok(Some(10_000_000)), "Indian grouping");
    }

    #[test]
    fn another_currencys_sign_or_code_is_refused_not_dropped() {
        let other = |typed: &str| {
            Err(AmountError::OtherCurrency {
                currency: Currency::USD,
                typed: typed.into(),
            })
        };
        assert_eq!(usd("€100"), other("€"));
        assert_eq!(usd("100 €"), other("€"));
        assert_eq!(usd("£5"), other("£"));
        assert_eq!(usd("100 EUR"), other("EUR"));
        assert_eq!(usd("EUR100"), other("EUR"));
        assert!(matches!(usd("12abc"), Err(AmountError::NotANumber { .. })));
        assert_eq!(
            AmountError::OtherCurrency {
                currency: Currency::USD,
                typed: "€".into()
            }
            .to_string(),
            "This amount is in USD, not “€”"
        );
        // This currency's own sign and code, in any case, are read.
        assert_eq!(usd("100 usd"), Ok(Some(10_000)));
        assert_eq!(usd("-$5"), Ok(Some(-500)));
        let eur = Currency::parse("EUR").unwrap();
        assert_eq!(
            parse_amount("100 €", DE, eur).map(|m| m.map(|m| m.minor)),
            Ok(Some(10_000))
        );
        assert!(matches!(
            parse_amount("$100", DE, eur),
            Err(AmountError::OtherCurrency { .. })
        ));
        let cad = Currency::parse("CAD").unwrap();
        assert_eq!(
            parse_amount("$100", EN, cad).map(|m| m.map(|m| m.minor)),
            Ok(Some(10_000))
        );
        // Words are not codes, nor is a cent sign a dollar sign.
        assert!(matches!(usd("100 dollars"), Err(AmountError::NotANumber { .. })));
        assert!(matches!(usd("50¢"), Err(AmountError::NotANumber { .. })));
        assert!(matches!(usd("USD"), Err(AmountError::NotANumber { .. })));
    }

    #[test]
    fn digits_and_separators_of_other_scripts_are_read() {
        let ar = NumberSeparators {
            decimal: '\u{066B}',
            group: '\u{066C}',
        };
        let read = |s: &str, sep| parse_amount(s, sep, Currency::USD).map(|m| m.map(|m| m.minor));
        assert_eq!(read("١٬٢٣٤٫٥", ar), Ok(Some(123_450)));
        assert_eq!(read("١٢٣٤", ar), Ok(Some(123_400)));
        assert_eq!(read("۱۲۳۴", ar), Ok(Some(123_400)), "Persian digits");
        // A Latin keyboard's point and comma, where the locale's own are Arabic.
        assert_eq!(read("1,234.5", ar), Ok(Some(123_450)));
        assert_eq!(read("1234.5", ar), Ok(Some(123_450)));
        assert_eq!(read("１２３４", EN), Ok(Some(123_400)), "full-width digits");
        assert_eq!(
            read("＄１，２３４．５", EN),
            Ok(Some(123_450)),
            "full-width signs and separators"
        );
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(
            parse_amount("￥１０００", EN, jpy).map(|m| m.map(|m| m.minor)),
            Ok(Some(1000))
        );
        // In de-CH a comma is neither its decimal nor its group separator.
        assert!(matches!(read("2,500", CH), Err(AmountError::NotANumber { .. })));
        assert_eq!(
            read("١٬٢٣٤٫٥", EN),
            Ok(Some(123_450)),
            "Arabic separators, whatever the locale"
        );
        // Where the locale's separators are Latin, a point or comma keeps its meaning there.
        assert!(matches!(read("1.5", DE), Err(AmountError::Ambiguous { .. })));
    }

    #[test]
    fn a_currency_without_decimals_says_so_in_words() {
        let jpy = Currency::parse("JPY").unwrap();
        let e = parse_amount("1.5", EN, jpy).unwrap_err();
        assert_eq!(e.to_string(), "JPY amounts have no decimal places");
        let kwd = Currency::parse("KWD").unwrap();
        let e = parse_amount("1.2345", EN, kwd).unwrap_err();
        assert_eq!(e.to_string(), "KWD amounts have at most 3 decimal places");
    }

    #[test]
    fn a_blank_field_is_no_amount() {
        assert_eq!(usd("   "), Ok(None));
        assert_eq!(usd(""), Ok(None));
    }

    #[test]
    fn minus_zero_is_zero_and_negatives_keep_their_sign() {
        assert_eq!(usd("-0"), Ok(Some(0)));
        assert_eq!(usd("-12.5"), Ok(Some(-1250)));
        assert_eq!(usd("−3"), Ok(Some(-300)), "U+2212 minus sign");
    }

    #[test]
    fn garbage_is_not_a_number() {
        for s in [
            "abc", "1e309", "1e5", "12a", "1.2.3", "--1", ".", "$", "NaN", "Infinity", "0x10",
        ] {
            assert!(matches!(usd(s), Err(AmountError::NotANumber { .. })), "{s}");
        }
    }

    #[test]
    fn german_separators_are_read_the_german_way() {
        let eur = Currency::parse("EUR").unwrap();
        assert_eq!(parse_amount("1.200,50", DE, eur).unwrap().unwrap().minor, 120_050);
        assert_eq!(parse_amount("1200,5", DE, eur).unwrap().unwrap().minor, 120_050);
        assert!(matches!(
            parse_amount("1.5", DE, eur),
            Err(AmountError::Ambiguous { decimal: ',', .. })
        ));
        assert!(matches!(
            parse_amount("1200.50", DE, eur),
            Err(AmountError::Ambiguous { .. })
        ));
    }

    #[test]
    fn french_and_swiss_group_separators_are_typed_as_spaces_and_apostrophes() {
        let eur = Currency::parse("EUR").unwrap();
        assert_eq!(parse_amount("1 200,50", FR, eur).unwrap().unwrap().minor, 120_050);
        assert_eq!(
            parse_amount("1\u{202F}200,50", FR, eur).unwrap().unwrap().minor,
            120_050
        );
        let chf = Currency::parse("CHF").unwrap();
        assert_eq!(parse_amount("1'200.50", CH, chf).unwrap().unwrap().minor, 120_050);
    }

    #[test]
    fn precision_follows_the_currency() {
        assert_eq!(
            usd("1.999"),
            Err(AmountError::TooPrecise {
                currency: Currency::USD,
                digits: 2
            })
        );
        assert_eq!(usd("1.500"), Ok(Some(150)), "trailing zeros are not precision");
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(parse_amount("1,200", EN, jpy).unwrap().unwrap().minor, 1200);
        assert!(parse_amount("1.5", EN, jpy).is_err());
        let kwd = Currency::parse("KWD").unwrap();
        assert_eq!(parse_amount("1.234", EN, kwd).unwrap().unwrap().minor, 1234);
    }

    #[test]
    fn huge_amounts_are_too_large_not_wrapped() {
        assert_eq!(usd("999999999999.99"), Ok(Some(99_999_999_999_999)));
        assert_eq!(usd("1000000000000"), Err(AmountError::TooLarge));
        assert_eq!(usd(&"9".repeat(400)), Err(AmountError::TooLarge));
        assert_eq!(usd("000000000000000001"), Ok(Some(100)));
    }

    #[test]
    fn money_prints_back_in_the_users_decimal_separator() {
        let m = Money::new(120_050, Currency::USD);
        assert_eq!(m.to_local_input(DE), "1200,50");
        assert_eq!(Money::new(-5, Currency::USD).to_decimal_string(), "-0.05");
        assert_eq!(
            Money::new(1200, Currency::parse("JPY").unwrap()).to_decimal_string(),
            "1200"
        );
    }

    #[test]
    fn wire_floats_round_to_the_minor_unit_and_refuse_non_finite() {
        assert_eq!(Money::from_f64(15000.0, Currency::USD).unwrap().minor, 1_500_000);
        assert_eq!(Money::from_f64(0.1 + 0.2, Currency::USD).unwrap().minor, 30);
        assert_eq!(Money::from_f64(f64::NAN, Currency::USD), None);
        assert_eq!(Money::from_f64(f64::INFINITY, Currency::USD), None);
        assert_eq!(Money::from_f64("1e309".parse().unwrap(), Currency::USD), None);
        assert_eq!(Money::new(1_500_000, Currency::USD).to_f64(), 15000.0);
    }

    #[test]
    fn currency_codes_are_three_ascii_letters() {
        assert_eq!(Currency::parse(" usd ").unwrap(), Currency::USD);
        for bad in ["", "US", "USDX", "U$D", "ÜSD", "123"] {
            assert!(Currency::parse(bad).is_err(), "{bad}");
        }
    }

    /// How Chromium's `Intl` (ICU) writes `code` in a locale, with the plain number separators
    /// there: the figures `node -e` printed from `formatToParts`.
    fn written(code: &str, number: (char, char), money: (char, char), sign: &str) -> (NumberSeparators, MoneyNotation) {
        let sep = |(decimal, group)| NumberSeparators { decimal, group };
        let currency = Currency::parse(code).unwrap();
        (
            sep(number),
            MoneyNotation {
                currency,
                separators: sep(money),
                sign: sign.into(),
            },
        )
    }

    fn read(input: &str, (sep, money): &(NumberSeparators, MoneyNotation)) -> Result<Option<i64>, AmountError> {
        parse_amount_as(input, *sep, Some(money), money.currency).map(|m| m.map(|m| m.minor))
    }

    #[test]
    fn an_amount_reads_back_as_the_list_writes_it_in_each_locale() {
        let nbsp = '\u{a0}';
        let narrow = '\u{202f}';
        let cases = [
            // (locale's notation, what the list shows, minor units)
            (written("EUR", (',', nbsp), (',', '.'), "€"), "€ 1.234,50", 123_450), // de-AT
            (written("EUR", (',', nbsp), (',', '.'), "€"), "1 234,50", 123_450),
            (
                written("CHF", (',', narrow), ('.', narrow), "CHF"),
                "1 234.50 CHF",
                123_450,
            ), // fr-CH
            (written("CHF", (',', narrow), ('.', narrow), "CHF"), "1234,5", 123_450),
            (written("EUR", (',', '.'), ('.', ','), "€"), "€1,234.50", 123_450), // en-DE
            (written("USD", ('.', ','), ('.', ','), "US$"), "US$1,234.50", 123_450), // en-CA
            (written("USD", ('.', ','), ('.', ','), "US$"), "-US$5", -500),
            (written("SEK", (',', nbsp), (',', nbsp), "kr"), "−1 234,50 kr", -123_450), // sv-SE
            (written("DKK", (',', '.'), (',', '.'), "kr."), "1.234,50 kr.", 123_450),   // da-DK
            (written("PLN", (',', nbsp), (',', nbsp), "zł"), "1234,50 zł", 123_450),    // pl-PL
            (written("BRL", (',', '.'), (',', '.'), "R$"), "R$ 1.234,50", 123_450),     // pt-BR
            (written("ZAR", (',', nbsp), (',', nbsp), "R"), "R 1 234,50", 123_450),     // en-ZA
            (
                written("GBP", (',', narrow), (',', narrow), "£GB"),
                "1 234,50 £GB",
                123_450,
            ), // fr-FR
            (written("THB", ('.', ','), ('.', ','), "฿"), "฿100", 10_000),              // th-TH
            (written("HUF", (',', nbsp), (',', nbsp), "Ft"), "1235,50 Ft", 123_550),    // hu-HU
            (written("JPY", ('.', ','), ('.', ','), "￥"), "￥1,234", 1_234),           // ja-JP
            (written("JPY", ('.', ','), ('.', ','), "￥"), "1,234円", 1_234),
            // ar-SA, copied from the list with its direction marks.
            (
                written("SAR", ('\u{66b}', '\u{66c}'), ('\u{66b}', '\u{66c}'), "ر.س."),
                "\u{61c}-\u{200f}١٬٢٣٤٫٥٠ ر.س.\u{200f}",
                -123_450,
            ),
        ];
        for (notation, input, minor) in cases {
            assert_eq!(read(input, &notation), Ok(Some(minor)), "{input}");
        }
    }

    #[test]
    fn where_the_two_notations_read_text_differently_its_sign_decides_or_it_is_asked_about() {
        // en-DE: plain numbers are written 1.000,5, money €1,000.50.
        let en_de = written("EUR", (',', '.'), ('.', ','), "€");
        assert_eq!(read("€1,000", &en_de), Ok(Some(100_000)), "as the list writes it");
        assert_eq!(
            read("€1.000,50", &en_de),
            Ok(Some(100_050)),
            "only the plain way reads it"
        );
        assert_eq!(
            read("1,000", &en_de),
            Err(AmountError::Ambiguous {
                decimal: ',',
                example: "1.234,56".into()
            }),
            "one euro or a thousand: asked, not guessed"
        );
        let yen = written("JPY", (',', '.'), ('.', ','), "¥");
        assert_eq!(read("¥1,000", &yen), Ok(Some(1_000)));
        assert_eq!(read("¥1,234", &yen), Ok(Some(1_234)));
        let dinar = written("KWD", (',', '.'), ('.', ','), "KWD");
        assert_eq!(read("KWD 1.234", &dinar), Ok(Some(1_234)));
    }

    #[test]
    fn a_sign_that_is_a_letter_of_the_code_leaves_the_code_whole() {
        // en-ZA writes rand as "R 1 234,50"; "ZAR" ends in that R.
        let rand = written("ZAR", (',', ' '), (',', ' '), "R");
        assert_eq!(read("100 ZAR", &rand), Ok(Some(10_000)));
        assert_eq!(read("ZAR 100", &rand), Ok(Some(10_000)));
        assert_eq!(read("R100", &rand), Ok(Some(10_000)));
        assert!(matches!(read("100 EUR", &rand), Err(AmountError::OtherCurrency { .. })));
    }

    #[test]
    fn the_money_notation_reads_what_plain_numbers_leave_unread() {
        // en-DE: plain numbers group with ".", money with ",": "1.234" is the plain reading.
        let en_de = written("EUR", (',', '.'), ('.', ','), "€");
        assert_eq!(read("1.234", &en_de), Ok(Some(123_400)));
        // Unread either way: the plain number's example is the one the form shows.
        assert_eq!(
            read("12abc", &en_de),
            Err(AmountError::NotANumber {
                example: "1.234,56".into()
            })
        );
        // Too precise in the money reading says so, rather than "not a number".
        let fr_ch = written("CHF", (',', ' '), ('.', ' '), "CHF");
        assert_eq!(
            read("1234.567", &fr_ch),
            Err(AmountError::TooPrecise {
                currency: Currency::parse("CHF").unwrap(),
                digits: 2
            })
        );
        // Another currency's notation is not this one's: the sign is not taken off.
        let (sep, usd) = written("USD", ('.', ','), ('.', ','), "US$");
        let cad = Currency::parse("CAD").unwrap();
        assert!(parse_amount_as("US$5", sep, Some(&usd), cad).is_err());
        // Another currency's sign is still refused, and a sign alone is no amount.
        let en_ca = (sep, usd);
        assert!(matches!(read("€5", &en_ca), Err(AmountError::OtherCurrency { .. })));
        assert!(matches!(read("US$", &en_ca), Err(AmountError::NotANumber { .. })));
        assert!(matches!(read("100円", &en_ca), Err(AmountError::OtherCurrency { .. })));
    }

    #[test]
    fn units_of_account_with_four_decimals_keep_them() {
        let clf = Currency::parse("CLF").unwrap();
        assert_eq!(clf.minor_digits(), 4);
        assert_eq!(
            parse_amount("1.2345", NumberSeparators::ROOT, clf)
                .unwrap()
                .unwrap()
                .minor,
            12_345
        );
        assert_eq!(amount_example(NumberSeparators::ROOT, clf), "1,234.5678");
        assert_eq!(Money::new(12_345, clf).to_decimal_string(), "1.2345");
        // Four decimals of 999,999,999,999 are beyond what a JSON number holds exactly.
        assert_eq!(
            parse_amount("900000000000", NumberSeparators::ROOT, clf).map(|m| m.is_some()),
            Ok(true)
        );
        assert_eq!(
            parse_amount("999999999999", NumberSeparators::ROOT, clf),
            Err(AmountError::TooLarge)
        );
    }
}
