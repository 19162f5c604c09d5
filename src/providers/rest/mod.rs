//! `"provider": "rest"`: a deals API that `config.json` describes (its routes, paging, where
//! the deals and their fields are, how it searches, sorts, authenticates and explains errors),
//! for a team's own backend or a CRM dealform does not speak. The description is read by
//! [`spec`]; replies are read as `serde_json::Value` trees and picked apart by JSON pointer.

pub mod spec;

use super::http::{with_query, HttpRequest, HttpResponse};
use super::{error_for_status, error_without_body, place_errors, Provider, Writes};
use crate::backend::BackendError;
use crate::model::{
    Capabilities, Currency, Cursor, Date, Deal, DealFields, DealId, Field, FieldRule, IdFormat, ListQuery, Money, Page,
    PagingStyle, Schema, SortDir, Stage,
};
use crate::wire::MAX_EXACT_INTEGER;
use serde_json::{Map, Number, Value};
use spec::{AmountUnit, DateFormat, Direction, IdType, Kind, Mapping, NextCursor, Paging, Route, Total};
pub use spec::{Spec, SpecError};
use std::rc::Rc;

/// The REST dialect: a [`Spec`] and the credential its `auth` sends.
#[derive(Clone)]
pub struct Rest {
    spec: Rc<Spec>,
    token: String,
    currency: Currency,
    /// The account's own fields, each at the JSON pointer its key gives.
    custom: Rc<Vec<crate::model::CustomField>>,
}

impl Rest {
    /// The API `spec` describes, sending `token` as its `auth` says; `currency` for amounts
    /// that name none.
    pub fn new(spec: Spec, token: &str, currency: Currency) -> Self {
        Self {
            spec: Rc::new(spec),
            token: token.to_owned(),
            currency,
            custom: Rc::default(),
        }
    }

    /// The same API with the account's own fields, each key a JSON pointer into the deal.
    pub fn with_custom(mut self, custom: Vec<crate::model::CustomField>) -> Self {
        self.custom = Rc::new(custom);
        self
    }

    fn request(&self, route: &Route, id: Option<&DealId>, query: &[(&str, Option<String>)]) -> HttpRequest {
        let path = super::reroute(&route.path, id);
        HttpRequest {
            method: route.method,
            path: with_query(&path, query),
            body: None,
        }
    }

    fn deal(&self, d: &Value) -> Result<Deal, BackendError> {
        let spec = &self.spec;
        let id = match d.pointer(&spec.id).map(id_text) {
            Some(Ok(Some(id))) => id,
            Some(Err(why)) => return Err(malformed(format!("a deal's id at {} {why}", spec.id))),
            _ => return Err(malformed(format!("a deal without an id at {}", spec.id))),
        };
        let mut fields = DealFields::default();
        let mut currency = self.currency;
        if let Some(m) = spec.mapping(Field::Currency) {
            if let Some(code) = self.text_at(d, m, &id)? {
                currency = Currency::parse(&code).map_err(|_| {
                    malformed(format!(
                        "deal {id} has the currency “{code}” at {}, which is not a three-letter code",
                        m.pointer
                    ))
                })?;
            }
        }
        for m in &spec.fields {
            match m.field {
                Field::Name => {
                    fields.name = self
                        .text_at(d, m, &id)?
                        .ok_or_else(|| malformed(format!("deal {id} has no name at {}", m.pointer)))?
                }
                Field::Amount => fields.amount = self.amount_at(d, m, currency, &id)?,
                Field::Currency => {}
                Field::Stage => fields.stage = self.text_at(d, m, &id)?,
                Field::Owner => fields.owner = self.text_at(d, m, &id)?,
                Field::Company => fields.company = self.text_at(d, m, &id)?,
                Field::Description => fields.description = self.text_at(d, m, &id)?,
                Field::CloseDate => fields.close_date = self.date_at(d, m, &id)?,
                // The description maps only the built-in fields.
                Field::Custom(_) => {}
                Field::Probability => {
                    fields.probability = match d.pointer(&m.pointer).filter(|v| !v.is_null()) {
                        None => None,
                        Some(v) => Some(
                            v.as_f64()
                                .filter(|p| (0.0..=100.0).contains(p))
                                .map(|p| p.round() as u8)
                                .ok_or_else(|| wrong(&id, m, "a number from 0 to 100", v))?,
                        ),
                    }
                }
            }
        }
        fields.custom = super::custom::read(&self.custom, &id, |p| d.pointer(p).cloned())?;
        Ok(Deal::new(DealId(id), fields))
    }

    /// A text member (an id written as a number is read as its digits); `""` is absent.
    fn text_at(&self, d: &Value, m: &Mapping, id: &str) -> Result<Option<String>, BackendError> {
        match d.pointer(&m.pointer) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(v @ Value::Number(_)) if matches!(m.kind, Kind::Id(_)) => match id_text(v) {
                Ok(t) => Ok(t),
                Err(why) => Err(malformed(format!("deal {id} has at {} {why}", m.pointer))),
            },
            Some(v) => Err(wrong(id, m, "text", v)),
        }
    }

    fn amount_at(&self, d: &Value, m: &Mapping, currency: Currency, id: &str) -> Result<Option<Money>, BackendError> {
        let Some(v) = d.pointer(&m.pointer).filter(|v| !v.is_null()) else {
            return Ok(None);
        };
        let Kind::Amount(unit) = m.kind else {
            return Ok(None);
        };
        let major = |v: &Value, currency| match v {
            Value::Number(n) => n.as_f64().and_then(|f| Money::from_f64(f, currency)),
            Value::String(s) => crate::wire::decimal_text(s).and_then(|f| Money::from_f64(f, currency)),
            _ => None,
        };
        let money = match unit {
            AmountUnit::Major => major(v, currency),
            AmountUnit::Minor => v.as_f64().filter(|f| f.fract() == 0.0).and_then(|minor| {
                let scale = 10_f64.powi(currency.minor_digits() as i32);
                Money::from_f64(minor / scale, currency).map(|_| Money::new(minor as i64, currency))
            }),
            AmountUnit::Object if !v.is_object() => None,
            AmountUnit::Object => {
                let currency = match v.get("currency") {
                    None | Some(Value::Null) => Some(self.currency),
                    Some(Value::String(c)) => Currency::parse(c).ok(),
                    Some(_) => None,
                };
                match (v.get("value").filter(|v| !v.is_null()), currency) {
                    (None, Some(_)) => return Ok(None),
                    (Some(value), Some(c)) => major(value, c),
                    (_, None) => None,
                }
            }
        };
        let what = match unit {
            AmountUnit::Major => "an amount in major units",
            AmountUnit::Minor => "a whole number of minor units",
            AmountUnit::Object => "an object {value, currency} with a three-letter currency",
        };
        money.map(Some).ok_or_else(|| wrong(id, m, what, v))
    }

    fn date_at(&self, d: &Value, m: &Mapping, id: &str) -> Result<Option<Date>, BackendError> {
        let Some(v) = d.pointer(&m.pointer).filter(|v| !v.is_null()) else {
            return Ok(None);
        };
        let Kind::Date(format) = m.kind else {
            return Ok(None);
        };
        let date = match (format, v) {
            (_, Value::String(s)) if s.is_empty() => return Ok(None),
            (DateFormat::Date | DateFormat::Rfc3339, Value::String(s)) => Date::parse_iso_prefix(s).ok(),
            (DateFormat::EpochMs, Value::Number(n)) => n
                .as_f64()
                // Beyond some 270,000 years either way no date is meant, and the day count
                // would overflow.
                .filter(|ms| ms.abs() < 1e16)
                .and_then(|ms| Date::from_epoch_days((ms / 86_400_000.0).floor() as i64).ok()),
            _ => None,
        };
        let what = match format {
            DateFormat::Date => "a date as YYYY-MM-DD",
            DateFormat::Rfc3339 => "an RFC 3339 date-time",
            DateFormat::EpochMs => "milliseconds since 1970",
        };
        date.map(Some).ok_or_else(|| wrong(id, m, what, v))
    }

    /// A create's or an update's body: each mapped field at its pointer; an absent field left
    /// out of a create, and written as `null` by an update (`clear_absent`), which clears it.
    fn body(&self, f: &DealFields, clear_absent: bool) -> Value {
        let mut body = Value::Object(Map::new());
        for m in &self.spec.fields {
            let value = match m.field {
                Field::Name => Some(Value::String(f.name.clone())),
                Field::Amount => f.amount.map(|a| match m.kind {
                    Kind::Amount(AmountUnit::Minor) => Value::from(a.minor),
                    Kind::Amount(AmountUnit::Object) => {
                        let mut o = Map::new();
                        o.insert("value".into(), number(a.to_f64()));
                        o.insert("currency".into(), Value::String(a.currency.as_str().to_owned()));
                        Value::Object(o)
                    }
                    _ => number(a.to_f64()),
                }),
                // The currency goes with an amount, and is not cleared on its own.
                Field::Currency => match f.amount {
                    Some(a) => Some(Value::String(a.currency.as_str().to_owned())),
                    None => continue,
                },
                Field::Stage => f.stage.as_deref().map(|s| id_value(s, m.kind)),
                Field::Owner => f.owner.as_deref().map(|s| id_value(s, m.kind)),
                Field::Company => f.company.as_deref().map(|s| id_value(s, m.kind)),
                Field::Description => f.description.clone().map(Value::String),
                Field::Probability => f.probability.map(Value::from),
                Field::CloseDate => f.close_date.map(|d| match m.kind {
                    Kind::Date(DateFormat::Rfc3339) => Value::String(format!("{d}T00:00:00Z")),
                    Kind::Date(DateFormat::EpochMs) => Value::from(d.to_epoch_days() * 86_400_000),
                    _ => Value::String(d.to_string()),
                }),
                Field::Custom(_) => continue,
            };
            match value {
                Some(v) => set(&mut body, &m.pointer, v),
                None if clear_absent => set(&mut body, &m.pointer, Value::Null),
                None => {}
            }
        }
        for (c, v) in super::custom::written(&self.custom, f, clear_absent) {
            set(&mut body, &c.key, v.map_or(Value::Null, super::custom::to_json));
        }
        body
    }

    fn write(&self, route: &Route, id: Option<&DealId>, f: &DealFields, clear_absent: bool) -> HttpRequest {
        HttpRequest::json(
            route.method,
            super::reroute(&route.path, id),
            &self.body(f, clear_absent),
        )
    }

    /// The per-field errors' table: each mapped field by the names an API may give it in an
    /// error (`title`, `/title`, `value.amount`).
    fn error_names(&self) -> Vec<(String, Field)> {
        let mut names = Vec::new();
        for m in &self.spec.fields {
            let plain = m.pointer.trim_start_matches('/');
            names.push((m.pointer.clone(), m.field));
            names.push((plain.to_owned(), m.field));
            names.push((plain.replace('/', "."), m.field));
        }
        for (i, c) in self.custom.iter().enumerate() {
            let field = Field::Custom(i as u8);
            let plain = c.key.trim_start_matches('/');
            names.push((c.key.clone(), field));
            names.push((plain.to_owned(), field));
            names.push((plain.replace('/', "."), field));
        }
        names
    }
}

#[cold]
fn malformed(what: String) -> BackendError {
    BackendError::Malformed(what)
}

/// A member of the wrong type, named with where it is and what was expected.
#[cold]
fn wrong(id: &str, m: &Mapping, expected: &str, found: &Value) -> BackendError {
    let found = match found {
        Value::String(s) => format!("“{s}”"),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
        Value::Null => "null".to_owned(),
    };
    malformed(format!(
        "deal {id} has {found} at {}, where {expected} belongs",
        m.pointer
    ))
}

/// An id written as text or as a whole number, as text; `None` for `null` or `""`; an error
/// for anything else, and for a number beyond 2^53, which cannot have come exactly.
fn id_text(v: &Value) -> Result<Option<String>, &'static str> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) if s.is_empty() => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Number(n) => match (n.as_u64(), n.as_f64()) {
            (Some(i), _) if i <= MAX_EXACT_INTEGER => Ok(Some(i.to_string())),
            (None, Some(f)) if f.fract() == 0.0 && (0.0..=MAX_EXACT_INTEGER as f64).contains(&f) => {
                Ok(Some((f as u64).to_string()))
            }
            (Some(_), _) => Err("is beyond 2^53 and cannot be kept exactly"),
            (None, Some(f)) if f.fract() == 0.0 && f > 0.0 => Err("is beyond 2^53 and cannot be kept exactly"),
            _ => Err("is not a whole number"),
        },
        _ => Err("is neither text nor a number"),
    }
}

/// An id as the API writes it: a number where its type says so and it is one.
fn id_value(s: &str, kind: Kind) -> Value {
    match (kind, s.parse::<u64>()) {
        (Kind::Id(IdType::Number), Ok(n)) if n <= MAX_EXACT_INTEGER => Value::from(n),
        _ => Value::String(s.to_owned()),
    }
}

/// A float as JSON: whole values as integers (`1200`, not `1200.0`).
fn number(f: f64) -> Value {
    if f.fract() == 0.0 && f.abs() <= MAX_EXACT_INTEGER as f64 {
        Value::from(f as i64)
    } else {
        Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}

/// Puts `v` at `pointer` in `root`, making the objects on the way.
fn set(root: &mut Value, pointer: &str, v: Value) {
    let mut at = root;
    let tokens = pointer_tokens(pointer);
    let Some((last, path)) = tokens.split_last() else {
        return;
    };
    for t in path {
        if !at.is_object() {
            *at = Value::Object(Map::new());
        }
        let Value::Object(o) = at else { return };
        at = o.entry(t.clone()).or_insert_with(|| Value::Object(Map::new()));
    }
    if !at.is_object() {
        *at = Value::Object(Map::new());
    }
    if let Value::Object(o) = at {
        o.insert(last.clone(), v);
    }
}

/// A count: a whole number, or its digits as text.
fn count(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The total of `Content-Range: items 0-24/319`; `None` for `*/…` totals or anything else.
pub fn content_range_total(value: &str) -> Option<u64> {
    value.rsplit_once('/')?.1.trim().parse().ok()
}

/// The URL of `rel="next"` in a `Link` header.
///
/// ```
/// let link = r#"<http://x/deals?_page=1>; rel="first", <http://x/deals?_page=2&_limit=5>; rel="next""#;
/// assert_eq!(dealform::providers::rest::next_link(link), Some("http://x/deals?_page=2&_limit=5"));
/// ```
pub fn next_link(value: &str) -> Option<&str> {
    value.split(',').find_map(|part| {
        let (url, params) = part.split_once(';')?;
        let is_next = params.split(';').any(|p| {
            let p = p.trim();
            p.strip_prefix("rel=")
                .is_some_and(|rel| rel.trim_matches('"').split_whitespace().any(|r| r == "next"))
        });
        is_next.then(|| url.trim().trim_start_matches('<').trim_end_matches('>'))
    })
}

/// The value of query parameter `name` in `url`, decoded.
pub fn query_param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1.split('#').next()?;
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(k) == name).then(|| decode(v))
    })
}

/// Percent-decoding (and `+` as a space) of a query component; a broken escape is kept as is.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The first message in an error's value: text, a list's first text or `{message}`, or an
/// object's `message`.
fn first_message(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Array(items) => items.iter().find_map(first_message),
        Value::Object(o) => o.get("message").and_then(first_message),
        _ => None,
    }
}

/// The `(field, message)` pairs of an error reply's per-field errors: an object of field →
/// message(s), or a list of `{field, message}` (also `path` or `name` for the field).
fn field_issues(v: &Value) -> Vec<(String, String)> {
    match v {
        Value::Object(o) => o
            .iter()
            .filter_map(|(k, v)| first_message(v).map(|m| (k.clone(), m)))
            .collect(),
        Value::Array(items) => items
            .iter()
            .filter_map(|i| {
                let field = ["field", "path", "name"].iter().find_map(|k| match i.get(*k)? {
                    Value::String(s) => Some(s.clone()),
                    Value::Array(parts) => Some(
                        parts
                            .iter()
                            .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_owned))
                            .collect::<Vec<_>>()
                            .join("."),
                    ),
                    _ => None,
                })?;
                Some((field, first_message(i.get("message")?)?))
            })
            .collect(),
        _ => Vec::new(),
    }
}

impl Provider for Rest {
    fn name(&self) -> &str {
        &self.spec.name
    }

    fn schema(&self) -> Schema {
        let mut rules = Vec::new();
        for m in &self.spec.fields {
            let rule = FieldRule::optional(m.field);
            rules.push(match (m.field, m.kind) {
                (Field::Name, _) => rule.required().max_chars(255),
                (Field::Amount, _) => rule.range(0, crate::model::money::MAX_MAJOR),
                (_, Kind::Id(IdType::Number)) => rule.format(IdFormat::Integer),
                _ => rule,
            });
        }
        // An amount written as {value, currency} carries its currency: the form asks for it.
        if self
            .spec
            .fields
            .iter()
            .any(|m| m.kind == Kind::Amount(AmountUnit::Object))
        {
            rules.push(FieldRule::optional(Field::Currency));
        }
        Schema::new(rules).with_custom(self.custom.to_vec())
    }

    fn paging(&self) -> PagingStyle {
        match self.spec.paging {
            Paging::Page { .. } => PagingStyle::PageNumber,
            Paging::Offset { .. } => PagingStyle::Offset {
                total: self.spec.total != Total::Unknown,
            },
            Paging::Cursor { .. } | Paging::None => PagingStyle::Cursor,
        }
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            search: self.spec.search.is_some(),
            sort: self.spec.sort.as_ref().map_or_else(Vec::new, |s| {
                // The account's own listed fields whose pointers the sort names.
                let custom = self
                    .custom
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.column && s.pointers.contains(&c.key));
                s.fields
                    .iter()
                    .copied()
                    .chain(custom.map(|(i, _)| crate::model::SortField::Custom(i as u8)))
                    .collect()
            }),
        }
    }

    fn auth_headers(&self) -> Vec<(&str, String)> {
        match &self.spec.auth {
            Some(a) if !self.token.is_empty() => vec![(a.header.as_str(), a.template.replace("{token}", &self.token))],
            _ => Vec::new(),
        }
    }

    fn list(&self, q: &ListQuery) -> HttpRequest {
        let spec = &self.spec;
        let size = q.page_size.max(1);
        let mut query: Vec<(&str, Option<String>)> = Vec::new();
        match &spec.paging {
            Paging::Page {
                page,
                size: size_param,
                first,
            } => {
                let index = match q.cursor {
                    Cursor::PageIndex(i) => u64::from(i),
                    _ => 0,
                };
                query.push((page, Some((index + first).to_string())));
                query.push((size_param, Some(size.to_string())));
            }
            Paging::Offset { offset, limit } => {
                let at = match q.cursor {
                    Cursor::Offset(o) => o,
                    _ => 0,
                };
                query.push((offset, Some(at.to_string())));
                query.push((limit, Some(size.to_string())));
            }
            Paging::Cursor {
                cursor,
                size: size_param,
                ..
            } => {
                if let Cursor::Token(t) = &q.cursor {
                    query.push((cursor, Some(t.clone())));
                }
                if let Some(p) = size_param {
                    query.push((p, Some(size.to_string())));
                }
            }
            Paging::None => {}
        }
        let text = q.search.trim();
        if let (Some(s), false) = (&spec.search, text.is_empty()) {
            let quoted = format!("'{}'", text.replace('\'', "\\'"));
            let value = s.template.replace("{quoted}", &quoted).replace("{text}", text);
            query.push((&s.param, Some(value)));
        }
        if let (Some(s), Some(sort)) = (&spec.sort, q.sort) {
            let pointer = match sort.field {
                crate::model::SortField::Custom(i) => self
                    .custom
                    .get(usize::from(i))
                    .filter(|c| s.pointers.contains(&c.key))
                    .map(|c| c.key.as_str()),
                builtin => {
                    let field = match builtin {
                        crate::model::SortField::Amount => Field::Amount,
                        crate::model::SortField::Stage => Field::Stage,
                        crate::model::SortField::CloseDate => Field::CloseDate,
                        crate::model::SortField::Owner => Field::Owner,
                        _ => Field::Name,
                    };
                    spec.mapping(field)
                        .filter(|_| s.fields.contains(&builtin))
                        .map(|m| m.pointer.as_str())
                }
            };
            if let Some(pointer) = pointer {
                let name = sort_name(pointer);
                match &s.direction {
                    Direction::Param(order) => {
                        query.push((&s.param, Some(name)));
                        let dir = if sort.dir == SortDir::Asc { "asc" } else { "desc" };
                        query.push((order, Some(dir.to_owned())));
                    }
                    Direction::DescPrefix(prefix) => {
                        let value = if sort.dir == SortDir::Asc {
                            name
                        } else {
                            format!("{prefix}{name}")
                        };
                        query.push((&s.param, Some(value)));
                    }
                }
            }
        }
        self.request(&spec.list, None, &query)
    }

    fn read_list(&self, q: &ListQuery, r: &HttpResponse) -> Result<Page, BackendError> {
        let spec = &self.spec;
        let body: Value = r.decode()?;
        let items = body
            .pointer(&spec.items)
            .ok_or_else(|| malformed(format!("a list reply with nothing at {}", pointer_name(&spec.items))))?;
        let Value::Array(items) = items else {
            return Err(malformed(format!(
                "a list reply whose {} is not a list",
                pointer_name(&spec.items)
            )));
        };
        let deals = items.iter().map(|d| self.deal(d)).collect::<Result<Vec<_>, _>>()?;
        let total = match &spec.total {
            Total::Unknown => None,
            Total::Pointer(p) => Some(
                body.pointer(p)
                    .and_then(count)
                    .ok_or_else(|| malformed(format!("a list reply without a count at {p}")))?,
            ),
            Total::Header(h) => r.header(h).and_then(|v| v.trim().parse().ok()),
            Total::ContentRange => r.header("content-range").and_then(content_range_total),
        };
        let size = u64::from(q.page_size.max(1));
        let got = deals.len() as u64;
        // Without a total, a full page may have more after it; a short one is the last.
        let more = |before: u64| match total {
            Some(t) => before + got < t && got > 0,
            None => got >= size,
        };
        let next = match &spec.paging {
            Paging::Page { .. } => {
                let index = match q.cursor {
                    Cursor::PageIndex(i) => i,
                    _ => 0,
                };
                more(u64::from(index) * size).then_some(Cursor::PageIndex(index.saturating_add(1)))
            }
            Paging::Offset { .. } => {
                let at = match q.cursor {
                    Cursor::Offset(o) => o,
                    _ => 0,
                };
                more(at).then_some(Cursor::Offset(at + got))
            }
            Paging::Cursor { cursor, next, .. } => {
                let token = match next {
                    NextCursor::Pointer(p) => match body.pointer(p) {
                        None | Some(Value::Null) => None,
                        Some(Value::String(s)) => Some(s.clone()),
                        Some(Value::Number(n)) => Some(n.to_string()),
                        Some(_) => return Err(malformed(format!("a list reply whose {p} is no cursor"))),
                    },
                    NextCursor::Link => r
                        .header("link")
                        .and_then(next_link)
                        .and_then(|url| query_param(url, cursor)),
                };
                // No cursor, `null` or an empty one: this page is the last.
                token.filter(|t| !t.is_empty()).map(Cursor::Token)
            }
            Paging::None => None,
        };
        let total = total.or_else(|| (spec.paging == Paging::None).then_some(got));
        Ok(Page { deals, total, next })
    }

    fn get(&self, id: &DealId) -> HttpRequest {
        self.request(&self.spec.get, Some(id), &[])
    }

    fn create_route_key(&self) -> &'static str {
        "rest.routes.create"
    }

    fn read_deal(&self, r: &HttpResponse) -> Result<Deal, BackendError> {
        let body: Value = r.decode()?;
        let deal = body.pointer(&self.spec.item).ok_or_else(|| {
            malformed(format!(
                "a deal reply with nothing at {}",
                pointer_name(&self.spec.item)
            ))
        })?;
        self.deal(deal)
    }

    fn stages(&self) -> Option<HttpRequest> {
        let s = self.spec.stages.as_ref()?;
        Some(self.request(&s.route, None, &[]))
    }

    fn read_stages(&self, r: &HttpResponse) -> Result<Vec<Stage>, BackendError> {
        let Some(s) = &self.spec.stages else {
            return Ok(Vec::new());
        };
        let body: Value = r.decode()?;
        let Some(Value::Array(items)) = body.pointer(&s.items) else {
            return Err(malformed(format!(
                "a stages reply whose {} is not a list",
                pointer_name(&s.items)
            )));
        };
        items
            .iter()
            .map(|item| {
                let id = match item.pointer(&s.id).map(id_text) {
                    Some(Ok(Some(id))) => id,
                    _ => return Err(malformed(format!("a stage without an id at {}", s.id))),
                };
                let label = match item.pointer(&s.label) {
                    Some(Value::String(l)) if !l.trim().is_empty() => l.clone(),
                    _ => id.clone(),
                };
                Ok(Stage::new(&id, &label))
            })
            .collect()
    }
}

/// What messages call a pointer: `""` is the reply itself.
fn pointer_name(p: &str) -> &str {
    if p.is_empty() {
        "top level"
    } else {
        p
    }
}

/// The name an API sorts a field by: its pointer as a dotted path (`/value/amount` →
/// `value.amount`).
fn sort_name(pointer: &str) -> String {
    pointer_tokens(pointer).join(".")
}

/// A JSON pointer's reference tokens, unescaped (`/a~1b/c` → `a/b`, `c`); none for `""`.
fn pointer_tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

impl Writes for Rest {
    fn read_error(&self, r: &HttpResponse) -> BackendError {
        let Ok(body) = crate::wire::from_str::<Value>(&r.body) else {
            return error_without_body(r);
        };
        let errors = &self.spec.errors;
        let message = errors
            .message
            .as_ref()
            .and_then(|p| body.pointer(p))
            .and_then(first_message)
            .unwrap_or_default();
        let issues = errors
            .fields
            .as_ref()
            .and_then(|p| body.pointer(p))
            .map(field_issues)
            .unwrap_or_default();
        let names = self.error_names();
        let table: Vec<(&str, Field)> = names.iter().map(|(n, f)| (n.as_str(), *f)).collect();
        let (fields, unplaced) = place_errors(&table, issues);
        let message = if unplaced.is_empty() {
            message
        } else if message.is_empty() {
            unplaced.join("; ")
        } else {
            format!("{message} ({})", unplaced.join("; "))
        };
        error_for_status(r.status, r.retry_after_secs, message, fields)
    }

    fn create(&self, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        self.write(&self.spec.create, None, f, false)
    }

    fn read_created(&self, r: &HttpResponse) -> Result<super::Saved, BackendError> {
        self.read_saved(r)
    }

    fn update(&self, id: &DealId, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        self.write(&self.spec.update, Some(id), f, true)
    }

    fn read_updated(&self, id: &DealId, r: &HttpResponse) -> Result<super::Saved, BackendError> {
        // A 2xx says it was done, whatever its body (empty, `{}`, `{"ok": true}`): without the
        // deal in it, the deal is read again rather than the save called a failure.
        Ok(self.read_saved(r).unwrap_or_else(|_| super::Saved::Id(id.clone())))
    }

    fn delete(&self, id: &DealId) -> HttpRequest {
        self.request(&self.spec.delete, Some(id), &[])
    }
}

impl Rest {
    /// A create's or update's answer: the deal, or (where it has no fields of the deal) its id,
    /// from the body or else from the `Location` header's last segment (`/deals/4`).
    fn read_saved(&self, r: &HttpResponse) -> Result<super::Saved, BackendError> {
        let body: Value = crate::wire::from_str(&r.body).unwrap_or(Value::Null);
        let deal = body.pointer(&self.spec.item).unwrap_or(&Value::Null);
        let error = match self.deal(deal) {
            Ok(d) => return Ok(super::Saved::Deal(Box::new(d))),
            Err(e) => e,
        };
        if let Some(Ok(Some(id))) = deal.pointer(&self.spec.id).map(id_text) {
            return Ok(super::Saved::Id(DealId(id)));
        }
        let located = r
            .header("location")
            .and_then(|url| url.split(['?', '#']).next())
            .and_then(|path| path.trim_end_matches('/').rsplit('/').next())
            .filter(|segment| !segment.is_empty());
        match located {
            Some(segment) => Ok(super::Saved::Id(DealId(decode(segment)))),
            None => Err(error),
        }
    }
}

#[cfg(test)]
mod tests;
