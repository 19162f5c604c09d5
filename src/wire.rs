//! JSON in and out through serde, the one way for every boundary: CRM replies and request
//! bodies, `config.json`, the local store and drafts.
//!
//! In the browser the text is parsed by the browser's own `JSON.parse` and read into Rust types
//! by serde-wasm-bindgen, and written back by `JSON.stringify`: no JSON parser or float printer
//! of ours in the wasm. On the host, where unit and property tests run, serde_json does the same
//! for the same types. Both report the member at fault through serde_path_to_error.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::Serialize;
use std::fmt;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

/// Why a text could not be read: which member was missing or wrong, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// The member at fault (`data[0].amount`), or `None` for the text as a whole.
    pub path: Option<String>,
    /// What was wrong, as serde or the JSON parser says it.
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "`{path}`: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for DecodeError {}

impl DecodeError {
    fn whole(message: String) -> Self {
        Self { path: None, message }
    }

    fn at<E: fmt::Display>(e: serde_path_to_error::Error<E>) -> Self {
        let path = e.path().to_string();
        Self {
            path: (path != ".").then_some(path),
            message: e.inner().to_string(),
        }
    }
}

/// Reads JSON text as a `T`. The error names a missing member, but not where a member of the
/// wrong type is: for stored data, whose damage needs no diagnosis (see [`from_str_tracked`]).
///
/// ```
/// #[derive(Debug, serde::Deserialize)]
/// struct Page { total: u32 }
/// let e = dealform::wire::from_str::<Page>(r#"{"page": 1}"#).unwrap_err();
/// assert!(e.message.contains("missing field `total`"));
/// ```
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    #[cfg(target_arch = "wasm32")]
    {
        T::deserialize(serde_wasm_bindgen::Deserializer::from(parse(text)?))
            .map_err(|e| DecodeError::whole(e.to_string()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).map_err(|e| DecodeError::whole(e.to_string()))
    }
}

/// Reads JSON text as a `T`, naming the member at fault when one is of the wrong type: for
/// CRM replies, where "`data[3].amount`: invalid type" tells whoever runs the proxy or the CRM
/// what to look at. The tracking costs code for every type read this way.
///
/// ```
/// #[derive(Debug, serde::Deserialize)]
/// struct Page { total: u32 }
/// let e = dealform::wire::from_str_tracked::<Page>(r#"{"total": "many"}"#).unwrap_err();
/// assert_eq!(e.path.as_deref(), Some("total"));
/// ```
pub fn from_str_tracked<T: DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    #[cfg(target_arch = "wasm32")]
    {
        serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(parse(text)?)).map_err(DecodeError::at)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut reader = serde_json::Deserializer::from_str(text);
        let value = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
            if e.inner().is_syntax() || e.inner().is_eof() {
                DecodeError::whole(e.into_inner().to_string())
            } else {
                DecodeError::at(e)
            }
        })?;
        reader.end().map_err(|e| DecodeError::whole(e.to_string()))?;
        Ok(value)
    }
}

/// The browser's `JSON.parse`.
#[cfg(target_arch = "wasm32")]
fn parse(text: &str) -> Result<wasm_bindgen::JsValue, DecodeError> {
    js_sys::JSON::parse(text).map_err(|e| {
        DecodeError::whole(match e.dyn_ref::<js_sys::Error>() {
            Some(e) => String::from(e.message()),
            None => "not JSON".to_owned(),
        })
    })
}

/// Writes a value as JSON text: `None` as `null`, maps as objects.
///
/// Only the app's own types come here, whose numbers all fit a JavaScript number, so writing
/// cannot fail; a failure would be a bug, shown as `null` rather than a panic.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        to_js(value)
            .ok()
            .and_then(|v| js_sys::JSON::stringify(&v).ok())
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| "null".to_owned())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
    }
}

/// A value as a plain JavaScript value (objects, not `Map`s; `None` as `null`), for events
/// handed to the host page.
#[cfg(target_arch = "wasm32")]
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<wasm_bindgen::JsValue, serde_wasm_bindgen::Error> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
}

/// The largest integer a JavaScript number holds exactly (2^53 − 1).
pub const MAX_EXACT_INTEGER: u64 = (1 << 53) - 1;

/// An id a CRM writes as text or as a whole number, read as text. A number beyond
/// [`MAX_EXACT_INTEGER`] is refused: `JSON.parse` has already rounded it, and a rounded id
/// names another record.
pub fn id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_any(IdVisitor)
}

/// [`id`] for a member that may be absent or `null`.
pub fn opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_option(OptionOf(IdVisitor))
}

/// An id read by [`id`], for lists of ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Id(pub String);

impl<'de> serde::Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        id(d).map(Id)
    }
}

struct IdVisitor;

/// A value a CRM writes as text or as a number, read as text when it is one of those and as
/// `None` when it is anything else (`null`, `true`): HubSpot's property values, whose type the
/// property decides.
pub fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_any(TextVisitor)
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("text or a number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for IdVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an id (text or a whole number)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        if v > MAX_EXACT_INTEGER {
            return Err(E::custom(format_args!(
                "the id {v} is beyond 2^53 and cannot be kept exactly"
            )));
        }
        Ok(v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::invalid_value(de::Unexpected::Signed(v), &self)),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        // `7.0` is the id 7 (the browser's JSON.parse makes it 7 before serde sees it); beyond
        // 2^53 it was already rounded, and a fraction is no id.
        if v.fract() == 0.0 && (0.0..=MAX_EXACT_INTEGER as f64).contains(&v) {
            return Ok((v as u64).to_string());
        }
        if v.fract() == 0.0 && v >= 0.0 {
            return Err(E::custom(format_args!(
                "the id {v} is beyond 2^53 and cannot be kept exactly"
            )));
        }
        Err(E::invalid_value(de::Unexpected::Float(v), &self))
    }
}

/// A number a CRM writes as a JSON number or as decimal text (HubSpot's `"60000.00"`), kept as
/// the CRM wrote it so that an error can quote it.
#[derive(Clone, Debug, PartialEq)]
pub enum Number {
    /// A JSON number.
    Value(f64),
    /// Text, not yet known to be a number.
    Text(String),
}

impl Number {
    /// The number, or `None` for text that is not a plain decimal.
    pub fn value(&self) -> Option<f64> {
        match self {
            Number::Value(v) => Some(*v),
            Number::Text(t) => decimal_text(t),
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Value(v) if v.abs() < 1e15 => write!(f, "{v}"),
            Number::Value(v) => write!(f, "{v:e}"),
            Number::Text(t) => write!(f, "“{t}”"),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NumberVisitor)
    }
}

struct NumberVisitor;

impl<'de> Visitor<'de> for NumberVisitor {
    type Value = Number;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
        Ok(Number::Value(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
        Ok(Number::Value(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
        Ok(Number::Value(v as f64))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Number, E> {
        Ok(Number::Text(v.to_owned()))
    }
}

/// Messages a CRM writes as one text or as a list of texts (`"required"`, `["required"]`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Messages(pub Vec<String>);

impl<'de> serde::Deserialize<'de> for Messages {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MessagesVisitor)
    }
}

struct MessagesVisitor;

impl<'de> Visitor<'de> for MessagesVisitor {
    type Value = Messages;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a message or a list of messages")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Messages, E> {
        Ok(Messages(vec![v.to_owned()]))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Messages, A::Error> {
        let mut out = Vec::new();
        while let Some(m) = seq.next_element::<Option<String>>()? {
            out.extend(m);
        }
        Ok(Messages(out))
    }
}

/// An object's members in the order written (a `BTreeMap` would sort them), for error bodies
/// whose keys are the fields at fault.
#[derive(Clone, Debug, PartialEq)]
pub struct Entries<T>(pub Vec<(String, T)>);

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // `deserialize_any`, not `deserialize_map`: serde-wasm-bindgen reads an array given to
        // `deserialize_map` as `[key, value]` pairs, and a JavaScript exception escapes it where
        // an element is not one (`[null]`); through `deserialize_any` an array is refused.
        d.deserialize_any(EntriesVisitor(std::marker::PhantomData))
    }
}

struct EntriesVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: serde::Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
    type Value = Entries<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Entries<T>, A::Error> {
        let mut out = Vec::new();
        while let Some(entry) = map.next_entry::<String, T>()? {
            out.push(entry);
        }
        Ok(Entries(out))
    }
}

/// Pairs written as an object's members, in order: the writing side of [`Entries`].
pub struct MapOf<'a, T>(pub &'a [(String, T)]);

impl<T: Serialize> Serialize for MapOf<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// A value that may be unreadable without making what holds it unreadable: `None` then. For
/// stored data, where one damaged entry should lose only itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Lenient<T>(pub Option<T>);

impl<'de, T: DeserializeOwned> serde::Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // serde-wasm-bindgen reads each member from its own JavaScript value, so a failed one
        // leaves the rest readable; serde_json reads a stream, which must be buffered first.
        #[cfg(target_arch = "wasm32")]
        {
            Ok(Lenient(T::deserialize(d).ok()))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let value = serde_json::Value::deserialize(d)?;
            Ok(Lenient(T::deserialize(value).ok()))
        }
    }
}

/// An id written back as the CRM keeps it: a whole number when it is one, else text.
pub struct IntOrText<'a>(pub &'a str);

impl Serialize for IntOrText<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Beyond 2^53 a JSON number would not carry it exactly (and serde-wasm-bindgen refuses
        // it): text, which the CRM refuses in words rather than storing another id.
        match self.0.parse::<i64>() {
            Ok(n) if n.unsigned_abs() <= MAX_EXACT_INTEGER => s.serialize_i64(n),
            _ => s.serialize_str(self.0),
        }
    }
}

/// Reads `T`'s visitor's value, or `None` for an absent or `null` member.
struct OptionOf<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for OptionOf<V> {
    type Value = Option<V::Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self.0).map(Some)
    }
}

/// A decimal number a CRM sent as text ("60000.00", "0.2", "1e3"), and `None` when it is not
/// a plain decimal (no `inf`, `NaN` or hex) or does not fit an `f64`.
pub fn decimal_text(text: &str) -> Option<f64> {
    let t = text.trim();
    let plain = !t.is_empty()
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'));
    if !plain {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct WithId {
        #[serde(deserialize_with = "id")]
        id: String,
    }

    #[test]
    fn an_id_is_text_or_a_whole_number_up_to_2_53() {
        let read = |t: &str| from_str::<WithId>(t).map(|w| w.id).map_err(|e| e.to_string());
        assert_eq!(read(r#"{"id": "a-1"}"#), Ok("a-1".into()));
        assert_eq!(read(r#"{"id": 7}"#), Ok("7".into()));
        // JSON.parse reads `7.0` as 7, and so does the host.
        assert_eq!(read(r#"{"id": 7.0}"#), Ok("7".into()));
        assert_eq!(read(r#"{"id": 9007199254740991}"#), Ok("9007199254740991".into()));
        assert!(read(r#"{"id": 9007199254740993}"#).unwrap_err().contains("2^53"));
        assert!(read(r#"{"id": 1.5}"#).is_err());
        assert!(read(r#"{"id": -1}"#).is_err());
    }

    #[test]
    fn an_id_beyond_2_53_is_written_as_text_not_rounded() {
        assert_eq!(to_string(&IntOrText("42")), "42");
        assert_eq!(to_string(&IntOrText("9007199254740991")), "9007199254740991");
        assert_eq!(to_string(&IntOrText("12345678901234567")), r#""12345678901234567""#);
        assert_eq!(to_string(&IntOrText("clt_1")), r#""clt_1""#);
    }

    #[test]
    fn entries_keep_their_order_and_refuse_a_list() {
        let e: Entries<Messages> = from_str(r#"{"b": "one", "a": ["two", null, "three"]}"#).unwrap();
        assert_eq!(
            e.0,
            vec![
                ("b".to_owned(), Messages(vec!["one".into()])),
                ("a".to_owned(), Messages(vec!["two".into(), "three".into()]))
            ]
        );
        assert!(from_str::<Entries<Messages>>("[null]").is_err());
        assert!(from_str::<Entries<Messages>>(r#"["required"]"#).is_err());
    }
}
