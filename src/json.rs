//! JSON, read and written by hand.
//!
//! Why not serde: the app reads five CRMs' replies, its own storage and a config, and serde's
//! derived decoders are a copy of generic parsing code per type (some 90 KB of the wasm with
//! serde_json), where one small value tree and a few typed getters do the same job. Replies are
//! small (a page of 100 deals), so building the tree costs nothing a person can notice.
//!
//! The grammar is RFC 8259's, strictly: no comments, no trailing commas, no lone surrogates.
//! Nesting is capped at [`MAX_DEPTH`] so that no reply, however deep, can overflow the stack.

use std::fmt;

/// How deep arrays and objects may nest (serde_json's limit too).
pub const MAX_DEPTH: u32 = 128;

/// A JSON value.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Json {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, kept as the text it was written as: ids stay exact however long they are, and
    /// a number becomes a float only where a float is wanted ([`Json::as_f64`]). Always valid
    /// JSON number text (the parser checks it; [`Json::from`] writes it).
    Num(String),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object's members in the order written. A key written twice is read as its last value,
    /// as serde_json and `JSON.parse` do.
    Obj(Vec<(String, Json)>),
}

/// What is wrong with a JSON text or with a value's shape, in words for an error message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError(pub String);

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

static NULL: Json = Json::Null;

impl Json {
    /// Parses a whole JSON text.
    ///
    /// ```
    /// use dealform::json::Json;
    /// let v = Json::parse(r#"{"id": 12345678901234567890, "name": "Caf\u00e9"}"#).unwrap();
    /// assert_eq!(v["name"].as_str(), Some("Café"));
    /// assert_eq!(v["id"], Json::Num("12345678901234567890".into()));
    /// assert!(Json::parse("{\"a\": 1,}").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Json, JsonError> {
        let mut p = Parser { text, at: 0, depth: 0 };
        p.space();
        let value = p.value()?;
        p.space();
        if p.at < text.len() {
            return Err(p.error("more text after the JSON value"));
        }
        Ok(value)
    }

    /// An object from its members.
    pub fn obj<const N: usize>(members: [(&str, Json); N]) -> Json {
        Json::Obj(members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    }

    /// The member `key` of an object; `None` when absent or when this is not an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Sets the member `key` of an object, replacing any value it had; does nothing to a
    /// value that is not an object.
    pub fn set(&mut self, key: &str, value: Json) {
        if let Json::Obj(members) = self {
            // The last of a repeated key, the one `get` reads.
            match members.iter_mut().rev().find(|(k, _)| k == key) {
                Some((_, v)) => *v = value,
                None => members.push((key.to_owned(), value)),
            }
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A boolean's value.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A number as the nearest `f64` (see [`number_f64`] for how near).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Num(n) => Some(number_f64(n)),
            _ => None,
        }
    }

    /// A number written as a whole non-negative integer that fits `u64` (`5`, not `5.0`).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Num(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// A number written as a whole integer that fits `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Num(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// An array's items.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(items) => Some(items),
            _ => None,
        }
    }

    /// An object's members.
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Obj(members) => Some(members),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// What kind of value this is, as messages name it.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true/false",
            Json::Num(_) => "a number",
            Json::Str(_) => "text",
            Json::Arr(_) => "a list",
            Json::Obj(_) => "an object",
        }
    }

    /// The member `key`, which must be present and not `null`.
    pub fn need(&self, key: &str) -> Result<&Json, JsonError> {
        match self.get(key) {
            Some(Json::Null) | None => Err(JsonError(format!("missing field `{key}`"))),
            Some(v) => Ok(v),
        }
    }

    /// The member `key` read by `read` (one of the `as_` getters), or `None` when absent or
    /// `null`; a value of another kind is an error that names the field.
    pub fn opt<'a, T>(
        &'a self,
        key: &str,
        read: impl FnOnce(&'a Json) -> Option<T>,
        want: &str,
    ) -> Result<Option<T>, JsonError> {
        match self.get(key) {
            Some(Json::Null) | None => Ok(None),
            Some(v) => read(v)
                .map(Some)
                .ok_or_else(|| JsonError(format!("`{key}` should be {want}, not {}", v.kind()))),
        }
    }

    /// The member `key` read by `read`, which must be present and of the kind `want` names.
    pub fn req<'a, T>(
        &'a self,
        key: &str,
        read: impl FnOnce(&'a Json) -> Option<T>,
        want: &str,
    ) -> Result<T, JsonError> {
        self.opt(key, read, want)?
            .ok_or_else(|| JsonError(format!("missing field `{key}`")))
    }

    /// The text member `key`, required.
    pub fn str_at(&self, key: &str) -> Result<&str, JsonError> {
        self.req(key, Json::as_str, "text")
    }

    /// The text member `key`, if present and not `null`.
    pub fn opt_str_at(&self, key: &str) -> Result<Option<&str>, JsonError> {
        self.opt(key, Json::as_str, "text")
    }

    /// The text member `key` as an owned string, if present and not `null`.
    pub fn opt_string_at(&self, key: &str) -> Result<Option<String>, JsonError> {
        Ok(self.opt_str_at(key)?.map(str::to_owned))
    }

    /// The number member `key` as a float, if present and not `null`.
    pub fn opt_f64_at(&self, key: &str) -> Result<Option<f64>, JsonError> {
        self.opt(key, Json::as_f64, "a number")
    }

    /// The whole non-negative number member `key`, required.
    pub fn u64_at(&self, key: &str) -> Result<u64, JsonError> {
        self.req(key, Json::as_u64, "a whole number")
    }

    /// The array member `key`, required.
    pub fn arr_at(&self, key: &str) -> Result<&[Json], JsonError> {
        self.req(key, Json::as_array, "a list")
    }

    /// The array member `key`, or no items when absent or `null`.
    pub fn opt_arr_at(&self, key: &str) -> Result<&[Json], JsonError> {
        Ok(self.opt(key, Json::as_array, "a list")?.unwrap_or(&[]))
    }

    /// The text of a number as written (`"1200.50"`, `"1e3"`).
    pub fn as_number_text(&self) -> Option<&str> {
        match self {
            Json::Num(n) => Some(n),
            _ => None,
        }
    }

    /// The number member `key` as written, if present and not `null`.
    pub fn opt_num_at(&self, key: &str) -> Result<Option<&str>, JsonError> {
        self.opt(key, Json::as_number_text, "a number")
    }

    /// An id sent as text or as a whole number (CRMs send ids both ways), as text.
    pub fn as_id(&self) -> Option<String> {
        match self {
            Json::Str(s) => Some(s.clone()),
            Json::Num(n) if !n.contains(['.', 'e', 'E']) => Some(n.clone()),
            _ => None,
        }
    }

    /// The id member `key`, required.
    pub fn id_at(&self, key: &str) -> Result<String, JsonError> {
        self.req(key, Json::as_id, "an id")
    }

    /// The id member `key`, if present and not `null`.
    pub fn opt_id_at(&self, key: &str) -> Result<Option<String>, JsonError> {
        self.opt(key, Json::as_id, "an id")
    }

    /// Each item of the array member `key` (none when absent or `null`) read by `read`; an item
    /// of another kind is an error naming the field.
    pub fn each<'a, T>(
        &'a self,
        key: &str,
        read: impl FnMut(&'a Json) -> Option<T>,
        want: &str,
    ) -> Result<Vec<T>, JsonError> {
        self.opt_arr_at(key)?
            .iter()
            .map(read)
            .collect::<Option<Vec<T>>>()
            .ok_or_else(|| JsonError(format!("`{key}` should be a list of {want}")))
    }
}

impl std::ops::Index<&str> for Json {
    type Output = Json;
    /// The member `key`, or `null` when absent: for reading optional nested members in one go.
    fn index(&self, key: &str) -> &Json {
        self.get(key).unwrap_or(&NULL)
    }
}

impl std::ops::Index<usize> for Json {
    type Output = Json;
    /// The item at `i`, or `null` when there is none.
    fn index(&self, i: usize) -> &Json {
        self.as_array().and_then(|a| a.get(i)).unwrap_or(&NULL)
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::Str(s.to_owned())
    }
}
impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::Str(s)
    }
}
impl From<&String> for Json {
    fn from(s: &String) -> Json {
        Json::Str(s.clone())
    }
}
impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

/// Whole numbers, written as their digits.
macro_rules! from_integer {
    ($($t:ty),*) => {$(
        impl From<$t> for Json {
            fn from(n: $t) -> Json {
                Json::Num(n.to_string())
            }
        }
    )*};
}
from_integer!(u8, u32, u64, i64);

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(v: Option<T>) -> Json {
        v.map_or(Json::Null, Into::into)
    }
}
impl<T: Into<Json>> From<Vec<T>> for Json {
    fn from(items: Vec<T>) -> Json {
        Json::Arr(items.into_iter().map(Into::into).collect())
    }
}

impl fmt::Display for Json {
    /// Compact JSON text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write(&mut out);
        f.write_str(&out)
    }
}

impl Json {
    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) => out.push_str(n),
            Json::Str(s) => write_str(s, out),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(k, out);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

fn write_str(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Exact powers of ten as `f64` (every one up to 10²² is).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// The `f64` for a JSON number's text.
///
/// Correctly rounded (as `str::parse` reads it) whenever the number has at most 15 significant
/// digits and a decimal exponent within ±22 after moving the point behind them (Clinger's fast
/// path: one exact integer, one exact power of ten, one rounding), which covers every amount,
/// probability and count a CRM sends. Beyond that it may be a few units in the last place off;
/// `f64::from_str`'s exact algorithm would add some 14 KB of code and tables to the wasm.
/// Too large a number gives an infinity, too small a zero.
pub fn number_f64(text: &str) -> f64 {
    let b = text.as_bytes();
    let mut i = 0;
    let negative = b.first() == Some(&b'-');
    if negative {
        i += 1;
    }
    let mut mantissa: u64 = 0;
    let mut digits = 0u32;
    let mut exp10: i64 = 0;
    let mut point = false;
    while i < b.len() {
        match b[i] {
            b'0'..=b'9' => {
                let d = u64::from(b[i] - b'0');
                if mantissa == 0 && d == 0 {
                    // Leading zeros carry no precision.
                } else if digits < 19 {
                    mantissa = mantissa * 10 + d;
                    digits += 1;
                } else {
                    // Digits beyond u64's 19 are dropped: scale instead.
                    exp10 += 1;
                }
                if point {
                    exp10 -= 1;
                }
            }
            b'.' => point = true,
            _ => break,
        }
        i += 1;
    }
    // Trailing zeros ("1200.500000000000000000") would push the mantissa past the fast path.
    while mantissa != 0 && mantissa.is_multiple_of(10) {
        mantissa /= 10;
        exp10 += 1;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let exp: i64 = text[i + 1..]
            .trim_start_matches('+')
            .parse()
            .unwrap_or(if text[i + 1..].starts_with('-') {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            });
        exp10 = exp10.saturating_add(exp);
    }
    let value = if mantissa == 0 {
        0.0
    } else if mantissa <= 1 << 53 && (-22..=22).contains(&exp10) {
        let m = mantissa as f64;
        if exp10 >= 0 {
            m * POW10[exp10 as usize]
        } else {
            m / POW10[(-exp10) as usize]
        }
    } else {
        scale(mantissa as f64, exp10)
    };
    if negative {
        -value
    } else {
        value
    }
}

/// `m × 10^e` by steps of at most 10²², each exact in its power; rounding accumulates a little.
fn scale(mut m: f64, mut e: i64) -> f64 {
    while e > 22 && m.is_finite() {
        m *= POW10[22];
        e -= 22;
    }
    while e < -22 && m != 0.0 {
        m /= POW10[22];
        e += 22;
    }
    if e >= 0 {
        m * POW10[e.min(22) as usize]
    } else {
        m / POW10[(-e).min(22) as usize]
    }
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    depth: u32,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn error(&self, what: &str) -> JsonError {
        let before = &self.text[..self.at.min(self.text.len())];
        // One pass over the characters: `matches` and `rsplit` would bring core's searchers
        // into the main module for an error message.
        let (mut line, mut column) = (1, 1);
        for c in before.chars() {
            (line, column) = if c == '\n' { (line + 1, 1) } else { (line, column + 1) };
        }
        JsonError(format!("{what} at line {line} column {column}"))
    }

    /// Moves past the bytes that pass `keep`; how many.
    fn skip(&mut self, keep: impl Fn(u8) -> bool) -> usize {
        let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
        let n = rest.iter().position(|&b| !keep(b)).unwrap_or(rest.len());
        self.at += n;
        n
    }

    fn space(&mut self) {
        self.skip(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t'));
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn value(&mut self) -> Result<Json, JsonError> {
        match self.peek() {
            Some(b'{') => self.nested(b'}', |p| {
                let mut members = Vec::new();
                loop {
                    p.space();
                    if p.peek() != Some(b'"') {
                        return Err(p.error("expected a quoted key"));
                    }
                    let key = p.string()?;
                    p.space();
                    if !p.eat(b':') {
                        return Err(p.error("expected `:`"));
                    }
                    p.space();
                    members.push((key, p.value()?));
                    p.space();
                    if !p.eat(b',') {
                        return Ok(Json::Obj(members));
                    }
                }
            }),
            Some(b'[') => self.nested(b']', |p| {
                let mut items = Vec::new();
                loop {
                    p.space();
                    items.push(p.value()?);
                    p.space();
                    if !p.eat(b',') {
                        return Ok(Json::Arr(items));
                    }
                }
            }),
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("the text ends where a value should be")),
        }
    }

    /// An array or object: `items` reads the members when it is not empty.
    fn nested(
        &mut self,
        close: u8,
        items: impl FnOnce(&mut Self) -> Result<Json, JsonError>,
    ) -> Result<Json, JsonError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.depth += 1;
        self.at += 1;
        self.space();
        let value = if self.eat(close) {
            Ok(if close == b']' {
                Json::Arr(Vec::new())
            } else {
                Json::Obj(Vec::new())
            })
        } else {
            items(self).and_then(|v| {
                self.space();
                if self.eat(close) {
                    Ok(v)
                } else {
                    Err(self.error(if close == b']' {
                        "expected `,` or `]`"
                    } else {
                        "expected `,` or `}`"
                    }))
                }
            })
        };
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn digits(&mut self) -> usize {
        self.skip(|b| b.is_ascii_digit())
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        self.eat(b'-');
        let int_start = self.at;
        let int = self.digits();
        if int == 0 || (int > 1 && self.text.as_bytes()[int_start] == b'0') {
            return Err(self.error("invalid number"));
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(self.error("invalid number"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        Ok(Json::Num(self.text[start..self.at].to_owned()))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let hex = self
            .text
            .get(self.at..self.at + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        let code = hex
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        self.at += 4;
        Ok(code)
    }

    /// A string, the opening quote under the cursor.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            self.skip(|b| b != b'"' && b != b'\\' && b >= 0x20);
            // The stops are ASCII, so the run between them is whole characters.
            out.push_str(&self.text[start..self.at]);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.peek();
                    self.at += 1;
                    match escaped {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code) {
                                if !self.text[self.at..].starts_with("\\u") {
                                    return Err(self.error("lone surrogate in \\u escape"));
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.error("lone surrogate in \\u escape"));
                                }
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            }
                            out.push(char::from_u32(code).ok_or_else(|| self.error("lone surrogate in \\u escape"))?);
                        }
                        _ => {
                            self.at -= 1;
                            return Err(self.error("invalid escape"));
                        }
                    }
                }
                Some(_) => return Err(self.error("control character in a string")),
                None => return Err(self.error("the text ends inside a string")),
            }
        }
    }
}

#[cfg(test)]
impl Json {
    /// The same value as serde_json's tree: tests compare with `json!` literals, and numbers
    /// compare by value rather than by how they were written (`123.50` is `123.5`).
    pub(crate) fn to_serde(&self) -> serde_json::Value {
        match self {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => (*b).into(),
            Json::Num(n) => serde_json::from_str(n).expect("number text is JSON"),
            Json::Str(s) => s.clone().into(),
            Json::Arr(a) => a.iter().map(Json::to_serde).collect(),
            Json::Obj(o) => o.iter().map(|(k, v)| (k.clone(), v.to_serde())).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let v =
            Json::parse(" {\"a\": [1, -2.5e3, true, false, null, \"x\\n\\u00e9\\ud83d\\ude00\"], \"b\": {}} ").unwrap();
        assert_eq!(v["a"][0].as_u64(), Some(1));
        assert_eq!(v["a"][1].as_f64(), Some(-2500.0));
        assert_eq!(v["a"][2].as_bool(), Some(true));
        assert!(v["a"][4].is_null());
        assert_eq!(v["a"][5].as_str(), Some("x\né😀"));
        assert_eq!(v["b"], Json::Obj(vec![]));
        assert!(v["missing"]["deeper"][3].is_null());
    }

    #[test]
    fn rejects_what_json_does_not_allow() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "+1",
            "-",
            "1e",
            "tru",
            "nul",
            "\"abc",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00x\"",
            "\"a\u{1}\"",
            "{a:1}",
            "[1 2]",
            "1 2",
            "NaN",
            "'a'",
        ] {
            assert!(Json::parse(bad).is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn errors_say_where() {
        let e = Json::parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!(e.0, "expected a value at line 2 column 8");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert_eq!(
            Json::parse(&deep).unwrap_err().0,
            "nested too deeply at line 1 column 129"
        );
        let ok = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(Json::parse(&ok).is_ok());
    }

    #[test]
    fn the_last_of_repeated_keys_wins() {
        let mut v = Json::parse(r#"{"a": 1, "a": 2}"#).unwrap();
        assert_eq!(v["a"].as_u64(), Some(2));
        v.set("b", Json::from("x"));
        v.set("a", Json::from(3u8));
        assert_eq!(v["a"].as_u64(), Some(3), "set changes the copy get reads");
        assert_eq!(v.to_string(), r#"{"a":1,"a":3,"b":"x"}"#);
    }

    #[test]
    fn writes_compact_escaped_text() {
        let v = Json::obj([
            ("s", "quote \" back \\ nl \n tab \t bell \u{7} é".into()),
            ("n", Json::from(Some(5u8))),
            ("none", Json::from(None::<String>)),
            ("l", Json::from(vec!["a", "b"])),
        ]);
        assert_eq!(
            v.to_string(),
            r#"{"s":"quote \" back \\ nl \n tab \t bell \u0007 é","n":5,"none":null,"l":["a","b"]}"#
        );
    }

    #[test]
    fn typed_getters_name_the_field_and_the_kinds() {
        let v = Json::parse(r#"{"name": 5, "n": null, "list": "x", "id": 12}"#).unwrap();
        assert_eq!(v.str_at("name").unwrap_err().0, "`name` should be text, not a number");
        assert_eq!(v.str_at("n").unwrap_err().0, "missing field `n`");
        assert_eq!(v.str_at("gone").unwrap_err().0, "missing field `gone`");
        assert_eq!(v.opt_str_at("n"), Ok(None));
        assert_eq!(v.opt_arr_at("gone"), Ok(&[][..]));
        assert_eq!(v.arr_at("list").unwrap_err().0, "`list` should be a list, not text");
        assert_eq!(v["id"].as_id().as_deref(), Some("12"));
        assert_eq!(Json::parse("5.0").unwrap().as_u64(), None);
    }

    #[test]
    fn numbers_read_as_str_parse_reads_them_within_the_fast_path() {
        for t in [
            "0",
            "-0",
            "1",
            "0.1",
            "0.3",
            "1200.50",
            "123456789012.99",
            "9007199254740993",
            "1e22",
            "1200.500000000000000000",
            "100000000000000000000000e-3",
            "1e-22",
        ] {
            let got = number_f64(t);
            let want: f64 = t.parse().unwrap();
            if t == "9007199254740993" {
                assert!((got - want).abs() <= want.abs() * 1e-15, "{t}: {got} vs {want}");
            } else {
                assert_eq!(got.to_bits(), want.to_bits(), "{t}");
            }
        }
        assert_eq!(number_f64("1e400"), f64::INFINITY);
        assert_eq!(number_f64("1e-400"), 0.0);
        assert_eq!(number_f64("1e99999999999999999999"), f64::INFINITY);
        assert_eq!(number_f64("0.000e5"), 0.0);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn to_serde(v: &Json) -> serde_json::Value {
        v.to_serde()
    }

    fn value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(Into::into),
            any::<i64>().prop_map(Into::into),
            any::<u64>().prop_map(Into::into),
            (-1e15f64..1e15).prop_map(Into::into),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Into::into),
            any::<String>().prop_map(Into::into),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                proptest::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// Whatever serde_json writes, this reads to the same value, and what this writes,
        /// serde_json reads back to it.
        #[test]
        fn agrees_with_serde_json(v in value(), pretty in any::<bool>()) {
            let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
            // Compared with serde_json's reading of the same text, not with `v`: serde_json's
            // default float parsing does not always give back the float it wrote.
            let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
            let mine = Json::parse(&text).unwrap();
            prop_assert_eq!(to_serde(&mine), theirs.clone());
            let back: serde_json::Value = serde_json::from_str(&mine.to_string()).unwrap();
            prop_assert_eq!(back, theirs);
        }

        /// No text, however broken, panics the parser; what serde_json rejects, this rejects.
        #[test]
        fn never_panics_and_rejects_what_serde_json_rejects(text in "[\\[\\]{}\",:0-9eE.+\\-a-z\\\\ ]{0,40}") {
            let mine = Json::parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            // serde_json also refuses numbers beyond f64 ("1e400"); this keeps their text.
            prop_assume!(!matches!(&theirs, Err(e) if e.to_string().contains("out of range")));
            prop_assert_eq!(mine.is_ok(), theirs.is_ok(), "{:?}: {:?} vs {:?}", text, mine, theirs);
        }

        /// Amounts and probabilities (at most 15 significant digits) read exactly as `str::parse`.
        #[test]
        fn short_numbers_read_exactly(int in 0u64..1_000_000_000_000, frac in 0u32..1000, digits in 0usize..4, minus in any::<bool>()) {
            let frac = format!("{frac:03}");
            let text = format!("{}{int}{}{}", if minus { "-" } else { "" }, if digits > 0 { "." } else { "" }, &frac[..digits]);
            let want: f64 = text.parse().unwrap();
            prop_assert_eq!(number_f64(&text).to_bits(), want.to_bits(), "{}", text);
        }

        /// Any other number is within a few units in the last place.
        #[test]
        fn long_numbers_read_closely(f in any::<f64>().prop_filter("normal", |f| f.is_normal())) {
            let text = serde_json::to_string(&f).unwrap();
            let got = number_f64(&text);
            prop_assert!((got - f).abs() <= f.abs() * 1e-14, "{}: {} vs {}", text, got, f);
        }
    }
}
