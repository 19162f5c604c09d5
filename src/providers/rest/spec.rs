//! Reads `config.json`'s `rest` object into a [`Spec`]: every key checked, each mistake named
//! with its key and what is allowed (`rest.paging.kind must be one of page, offset, cursor,
//! none (it is "pages")`), unknown keys refused, nothing defaulted silently.

use super::super::http::Method;
use crate::model::{or_list, Field, SortField};
use serde_json::{Map, Value};

/// A mistake in the `rest` configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecError {
    /// The key at fault, from the top of `config.json` (`rest.paging.kind`).
    pub key: String,
    /// What is wrong and what is allowed.
    pub message: String,
}

/// One call: its method and path, `{id}` where the deal's id goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    /// The HTTP method.
    pub method: Method,
    /// The path under `base_url`.
    pub path: String,
}

/// How the list pages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Paging {
    /// A page number (`page`, counted from `first`) and a page size (`size`).
    Page {
        /// The page number's parameter.
        page: String,
        /// The page size's parameter.
        size: String,
        /// The first page's number: 0 or 1.
        first: u64,
    },
    /// An item offset from 0 and a limit.
    Offset {
        /// The offset's parameter.
        offset: String,
        /// The limit's parameter.
        limit: String,
    },
    /// An opaque cursor handed out with each page.
    Cursor {
        /// The cursor's parameter.
        cursor: String,
        /// The page size's parameter, where the API takes one.
        size: Option<String>,
        /// Where the next page's cursor is.
        next: NextCursor,
    },
    /// Every deal in one reply.
    None,
}

/// Where a reply says the next page's cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextCursor {
    /// At this JSON pointer in the reply; absent, `null` or empty on the last page.
    Pointer(String),
    /// The cursor parameter's value in the URL of the reply's `Link: <…>; rel="next"`.
    Link,
}

/// Where a list reply says how many deals match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Total {
    /// It does not.
    Unknown,
    /// At this JSON pointer in the reply.
    Pointer(String),
    /// In this header (`X-Total-Count`).
    Header(String),
    /// After the `/` of `Content-Range: items 0-24/319`.
    ContentRange,
}

/// How an amount is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountUnit {
    /// A number in major units (`1200.5`).
    Major,
    /// A whole number of minor units (`120050`).
    Minor,
    /// An object `{"value": 1200.5, "currency": "EUR"}`, the value in major units.
    Object,
}

/// How a date is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFormat {
    /// `YYYY-MM-DD` (read from the start of longer text too).
    Date,
    /// An RFC 3339 date-time, written as midnight UTC.
    Rfc3339,
    /// Milliseconds since 1970 (midnight UTC).
    EpochMs,
}

/// How an id-valued member is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdType {
    /// As text.
    Text,
    /// As a whole number.
    Number,
}

/// How one of the app's fields is written in a deal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text.
    Text,
    /// An id, as text or as a number.
    Id(IdType),
    /// An amount.
    Amount(AmountUnit),
    /// A three-letter currency code.
    Currency,
    /// A date.
    Date(DateFormat),
    /// A whole number from 0 to 100.
    Percent,
}

/// One of the app's fields and where it is in a deal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// The form's field.
    pub field: Field,
    /// Its JSON pointer inside a deal.
    pub pointer: String,
    /// How it is written.
    pub kind: Kind,
}

/// How the list searches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    /// The parameter.
    pub param: String,
    /// Its value, with `{text}` for the text searched for or `{quoted}` for it in single
    /// quotes, a quote inside escaped as `\'` (PocketBase's filters).
    pub template: String,
}

/// How a direction is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Direction {
    /// A parameter of its own, `asc` or `desc`.
    Param(String),
    /// A prefix before the field for descending (`-amount`), none for ascending.
    DescPrefix(String),
}

/// How the list sorts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sorting {
    /// The parameter naming the field.
    pub param: String,
    /// How the direction is written.
    pub direction: Direction,
    /// The columns the API sorts by.
    pub fields: Vec<SortField>,
    /// The account's own fields it sorts by, by their keys (JSON pointers) in `fields`.
    pub pointers: Vec<String>,
}

/// Where the stages come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stages {
    /// The call.
    pub route: Route,
    /// The list's JSON pointer in the reply.
    pub items: String,
    /// A stage's id inside it.
    pub id: String,
    /// A stage's name inside it.
    pub label: String,
}

/// The header that carries the credential.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Auth {
    /// Its name.
    pub header: String,
    /// Its value, `{token}` standing for `credentials.token`.
    pub template: String,
}

/// Where an error reply's explanations are.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Errors {
    /// The message's JSON pointer.
    pub message: Option<String>,
    /// The per-field errors' JSON pointer: an object of field → message(s), or a list of
    /// `{field, message}`.
    pub fields: Option<String>,
}

/// A deals API as `config.json` describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// What messages call it.
    pub name: String,
    /// List, get, create, update and delete.
    pub list: Route,
    /// Reads one deal.
    pub get: Route,
    /// Creates one.
    pub create: Route,
    /// Updates one.
    pub update: Route,
    /// Deletes one.
    pub delete: Route,
    /// How the list pages.
    pub paging: Paging,
    /// Where the total is.
    pub total: Total,
    /// The deals' JSON pointer in a list reply (`""`: the reply is the list).
    pub items: String,
    /// The deal's JSON pointer in a single-deal reply (`""`: the reply is the deal).
    pub item: String,
    /// The deal's id's JSON pointer inside a deal.
    pub id: String,
    /// How the id is written.
    pub id_type: IdType,
    /// The app's fields the API has.
    pub fields: Vec<Mapping>,
    /// Search, where the API has it.
    pub search: Option<Search>,
    /// Sorting, where the API has it.
    pub sort: Option<Sorting>,
    /// The stages, where the API lists them.
    pub stages: Option<Stages>,
    /// The credential's header, or `None` (a same-origin proxy adds it, or the API is open).
    pub auth: Option<Auth>,
    /// Where error replies explain themselves.
    pub errors: Errors,
}

impl Spec {
    /// The mapping of one of the app's fields, where the API has it.
    pub fn mapping(&self, field: Field) -> Option<&Mapping> {
        self.fields.iter().find(|m| m.field == field)
    }

    /// Reads the `rest` member of `config.json`.
    pub fn read(rest: &Value) -> Result<Spec, SpecError> {
        let rest = Object::new(rest, "rest", KEYS)?;
        let routes = rest.object("routes", &["list", "get", "create", "update", "delete"])?;
        let routes =
            routes.ok_or_else(|| missing(&rest.key("routes"), "the calls list, get, create, update and delete"))?;
        let route = |name: &str| -> Result<Route, SpecError> {
            let key = routes.key(name);
            let text = routes
                .text(name)?
                .ok_or_else(|| missing(&key, "a method and a path such as \"GET /deals\""))?;
            let route = read_route(&key, &text)?;
            if matches!(name, "get" | "update" | "delete") && !route.path.contains("{id}") {
                return Err(error(&key, "must contain {id} where the deal's id goes"));
            }
            // No deal is named by a list or a create: an {id} there would be sent as it is.
            if matches!(name, "list" | "create") && route.path.contains("{id}") {
                return Err(error(&key, "must not contain {id}: it names no one deal"));
            }
            Ok(route)
        };
        let (list, get, create, update, delete) = (
            route("list")?,
            route("get")?,
            route("create")?,
            route("update")?,
            route("delete")?,
        );

        let fields_setting = rest
            .object("fields", FIELD_KEYS)?
            .ok_or_else(|| missing(&rest.key("fields"), "the JSON pointer of id and name at least"))?;
        let id = field_mapping(&fields_setting, "id")?.ok_or_else(|| {
            missing(
                &fields_setting.key("id"),
                "the JSON pointer of the deal's id, such as \"/id\"",
            )
        })?;
        let mut fields = Vec::new();
        for (name, field) in FIELDS {
            if let Some(m) = field_mapping(&fields_setting, name)? {
                fields.push(Mapping { field: *field, ..m });
            }
        }
        // A field inside another's member would be overwritten by it when a deal is written.
        for m in &fields {
            if let Some(outer) = fields.iter().find(|o| {
                o.field != m.field && (m.pointer == o.pointer || m.pointer.starts_with(&format!("{}/", o.pointer)))
            }) {
                let name = |f: Field| FIELDS.iter().find(|(_, x)| *x == f).map_or("", |(n, _)| *n);
                return Err(error(
                    &fields_setting.key(name(m.field)),
                    format!("must not be inside {}'s member ({})", name(outer.field), outer.pointer),
                ));
            }
        }
        if !fields.iter().any(|m| m.field == Field::Name) {
            return Err(missing(
                &fields_setting.key("name"),
                "the JSON pointer of the deal's name, such as \"/name\"",
            ));
        }
        let has_amount_object = fields.iter().any(|m| m.kind == Kind::Amount(AmountUnit::Object));
        if has_amount_object && fields.iter().any(|m| m.field == Field::Currency) {
            return Err(error(
                &fields_setting.key("currency"),
                "must not be set when amount's unit is object: the currency is the object's",
            ));
        }

        let paging = read_paging(&rest)?;
        let total = read_total(&rest)?;
        let items = rest.pointer("items", true)?.unwrap_or_default();
        let item = rest.pointer("item", true)?.unwrap_or_default();
        let search = match rest.object("search", &["param", "template"])? {
            None => None,
            Some(s) => {
                let param = s
                    .name("param")?
                    .ok_or_else(|| missing(&s.key("param"), "the search parameter's name"))?;
                let template = s.text("template")?.unwrap_or_else(|| "{text}".to_owned());
                if !template.contains("{text}") && !template.contains("{quoted}") {
                    return Err(error(
                        &s.key("template"),
                        "must contain {text} or {quoted} where the text searched for goes",
                    ));
                }
                Some(Search { param, template })
            }
        };
        let sort = read_sort(&rest, &fields)?;
        let stages = match rest.object("stages", &["route", "items", "id", "label"])? {
            None => None,
            Some(s) => {
                let key = s.key("route");
                let text = s
                    .text("route")?
                    .ok_or_else(|| missing(&key, "a method and a path such as \"GET /stages\""))?;
                Some(Stages {
                    route: read_route(&key, &text)?,
                    items: s.pointer("items", true)?.unwrap_or_default(),
                    id: s
                        .pointer("id", false)?
                        .ok_or_else(|| missing(&s.key("id"), "a stage's id's JSON pointer, such as \"/id\""))?,
                    label: s
                        .pointer("label", false)?
                        .ok_or_else(|| missing(&s.key("label"), "a stage's name's JSON pointer, such as \"/name\""))?,
                })
            }
        };
        let auth = match rest.object("auth", &["header", "template"])? {
            None => None,
            Some(a) => {
                let header = a
                    .name("header")?
                    .ok_or_else(|| missing(&a.key("header"), "the header's name, such as Authorization"))?;
                // Parameter names may hold brackets and dots; a header's may not (the browser
                // would refuse it on every request).
                if header.contains(['[', ']', '.']) {
                    return Err(error(
                        &a.key("header"),
                        format!("must be a header name of letters, digits, _ and - (it is “{header}”)"),
                    ));
                }
                let template = a.text("template")?.unwrap_or_else(|| "{token}".to_owned());
                if !template.contains("{token}") {
                    return Err(error(
                        &a.key("template"),
                        "must contain {token} where credentials.token goes, such as \"Bearer {token}\"",
                    ));
                }
                if !template.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
                    return Err(error(&a.key("template"), "must be plain ASCII: it is sent as a header"));
                }
                Some(Auth { header, template })
            }
        };
        let errors = match rest.object("errors", &["message", "fields"])? {
            None => Errors::default(),
            Some(e) => Errors {
                message: e.pointer("message", true)?,
                fields: e.pointer("fields", true)?,
            },
        };
        let name = match rest.text("name")? {
            Some(n) if !n.trim().is_empty() && n.chars().count() <= 60 => n.trim().to_owned(),
            Some(_) => {
                return Err(error(
                    &rest.key("name"),
                    "must be a name of 1 to 60 characters, such as “Acme deals API”",
                ))
            }
            None => "Deals API".to_owned(),
        };
        Ok(Spec {
            name,
            list,
            get,
            create,
            update,
            delete,
            paging,
            total,
            items,
            item,
            id: id.pointer,
            id_type: match id.kind {
                Kind::Id(t) => t,
                _ => IdType::Text,
            },
            fields,
            search,
            sort,
            stages,
            auth,
            errors,
        })
    }
}

/// The keys of `rest`.
const KEYS: &[&str] = &[
    "name", "routes", "paging", "total", "items", "item", "fields", "search", "sort", "stages", "auth", "errors",
];

/// The keys of `rest.fields`: the deal's id, then the app's fields.
const FIELD_KEYS: &[&str] = &[
    "id",
    "name",
    "amount",
    "currency",
    "stage",
    "close_date",
    "probability",
    "owner",
    "company",
    "description",
];

/// The app's fields by their keys in `rest.fields`.
const FIELDS: &[(&str, Field)] = &[
    ("name", Field::Name),
    ("amount", Field::Amount),
    ("currency", Field::Currency),
    ("stage", Field::Stage),
    ("close_date", Field::CloseDate),
    ("probability", Field::Probability),
    ("owner", Field::Owner),
    ("company", Field::Company),
    ("description", Field::Description),
];

/// The columns by their names in `rest.sort.fields`.
const SORTABLE: &[(&str, SortField, Field)] = &[
    ("name", SortField::Name, Field::Name),
    ("amount", SortField::Amount, Field::Amount),
    ("stage", SortField::Stage, Field::Stage),
    ("close_date", SortField::CloseDate, Field::CloseDate),
    ("owner", SortField::Owner, Field::Owner),
];

#[cold]
fn error(key: &str, message: impl Into<String>) -> SpecError {
    SpecError {
        key: key.to_owned(),
        message: message.into(),
    }
}

#[cold]
fn missing(key: &str, what: &str) -> SpecError {
    error(key, format!("is required: {what}"))
}

/// What kind of JSON value `v` is, for messages.
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// An object setting, its key from the top of the file, and the members it may have.
struct Object<'a> {
    key: String,
    members: &'a Map<String, Value>,
}

impl<'a> Object<'a> {
    /// `value` as an object whose members are all among `known`.
    fn new(value: &'a Value, key: &str, known: &[&str]) -> Result<Self, SpecError> {
        let Value::Object(members) = value else {
            return Err(error(key, format!("must be an object, not {}", kind_of(value))));
        };
        if let Some(unknown) = members.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(error(
                &format!("{key}.{unknown}"),
                format!("is not a setting here; the settings are {}", or_list(known)),
            ));
        }
        Ok(Self {
            key: key.to_owned(),
            members,
        })
    }

    /// The full key of a member.
    fn key(&self, member: &str) -> String {
        format!("{}.{member}", self.key)
    }

    /// A member, `None` when absent or `null`.
    fn get(&self, member: &str) -> Option<&'a Value> {
        self.members.get(member).filter(|v| !v.is_null())
    }

    /// An object member with the members `known`.
    fn object(&self, member: &str, known: &[&str]) -> Result<Option<Object<'a>>, SpecError> {
        self.get(member)
            .map(|v| Object::new(v, &self.key(member), known))
            .transpose()
    }

    /// A text member.
    fn text(&self, member: &str) -> Result<Option<String>, SpecError> {
        match self.get(member) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(v) => Err(error(&self.key(member), format!("must be text, not {}", kind_of(v)))),
        }
    }

    /// A parameter's or header's name: letters, digits and `_ - . [ ]`.
    fn name(&self, member: &str) -> Result<Option<String>, SpecError> {
        let Some(name) = self.text(member)? else {
            return Ok(None);
        };
        let ok = !name.is_empty()
            && name.len() <= 64
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'[' | b']'));
        if !ok {
            return Err(error(
                &self.key(member),
                format!("must be a name of letters, digits, _ - . [ ] (it is “{name}”)"),
            ));
        }
        Ok(Some(name))
    }

    /// A JSON pointer member: `""` (the whole, where `whole` allows it) or `/a/b`.
    fn pointer(&self, member: &str, whole: bool) -> Result<Option<String>, SpecError> {
        let Some(p) = self.text(member)? else {
            return Ok(None);
        };
        check_pointer(&self.key(member), &p, whole)?;
        Ok(Some(p))
    }

    /// One of `words`, as its index.
    fn choice(&self, member: &str, words: &[&str]) -> Result<Option<usize>, SpecError> {
        let Some(word) = self.text(member)? else {
            return Ok(None);
        };
        words.iter().position(|w| *w == word).map(Some).ok_or_else(|| {
            error(
                &self.key(member),
                format!("must be one of {} (it is \"{word}\")", or_list(words)),
            )
        })
    }
}

fn check_pointer(key: &str, p: &str, whole: bool) -> Result<(), SpecError> {
    let ok = if p.is_empty() { whole } else { p.starts_with('/') };
    if ok {
        return Ok(());
    }
    let what = if whole {
        "a JSON pointer such as \"/data\", or \"\" for the whole reply"
    } else {
        "a JSON pointer such as \"/id\""
    };
    Err(error(key, format!("must be {what} (it is “{p}”)")))
}

/// `"GET /deals/{id}"`.
fn read_route(key: &str, text: &str) -> Result<Route, SpecError> {
    const METHODS: [(&str, Method); 5] = [
        ("GET", Method::Get),
        ("POST", Method::Post),
        ("PUT", Method::Put),
        ("PATCH", Method::Patch),
        ("DELETE", Method::Delete),
    ];
    let shape = || {
        error(
            key,
            format!("must be a method and a path such as \"GET /deals\" (it is “{text}”)"),
        )
    };
    let (method, path) = text.trim().split_once(' ').ok_or_else(shape)?;
    let method = METHODS
        .iter()
        .find(|(name, _)| *name == method)
        .map(|(_, m)| *m)
        .ok_or_else(|| {
            error(
                key,
                format!("must start with GET, POST, PUT, PATCH or DELETE (it is “{text}”)"),
            )
        })?;
    let path = path.trim();
    if !path.starts_with('/') || path.contains(char::is_whitespace) || path.contains(['?', '#']) {
        return Err(shape());
    }
    Ok(Route {
        method,
        path: path.to_owned(),
    })
}

/// `rest.fields.<name>`: a pointer, or `{pointer, type|unit|format}`.
fn field_mapping(fields: &Object, name: &str) -> Result<Option<Mapping>, SpecError> {
    let Some(value) = fields.get(name) else {
        return Ok(None);
    };
    let key = fields.key(name);
    let (option, words, default): (&str, &[&str], Kind) = match name {
        "id" | "stage" | "owner" | "company" => ("type", &["text", "number"], Kind::Id(IdType::Text)),
        "amount" => ("unit", &["major", "minor", "object"], Kind::Amount(AmountUnit::Major)),
        "close_date" => ("format", &["date", "rfc3339", "epoch_ms"], Kind::Date(DateFormat::Date)),
        "currency" => ("", &[], Kind::Currency),
        "probability" => ("", &[], Kind::Percent),
        _ => ("", &[], Kind::Text),
    };
    let (pointer, kind) = match value {
        Value::String(p) => {
            check_pointer(&key, p, false)?;
            (p.clone(), default)
        }
        Value::Object(_) => {
            let known: &[&str] = if option.is_empty() {
                &["pointer"]
            } else {
                &["pointer", option]
            };
            let o = Object::new(value, &key, known)?;
            let pointer = o.pointer("pointer", false)?.ok_or_else(|| {
                missing(
                    &o.key("pointer"),
                    "the field's JSON pointer inside a deal, such as \"/title\"",
                )
            })?;
            let kind = match (o.choice(option, words)?, default) {
                (None, kind) => kind,
                (Some(i), Kind::Id(_)) => Kind::Id([IdType::Text, IdType::Number][i]),
                (Some(i), Kind::Amount(_)) => {
                    Kind::Amount([AmountUnit::Major, AmountUnit::Minor, AmountUnit::Object][i])
                }
                (Some(i), Kind::Date(_)) => Kind::Date([DateFormat::Date, DateFormat::Rfc3339, DateFormat::EpochMs][i]),
                (Some(_), kind) => kind,
            };
            (pointer, kind)
        }
        v => {
            return Err(error(
                &key,
                format!(
                    "must be a JSON pointer such as \"/{name}\", or an object with pointer, not {}",
                    kind_of(v)
                ),
            ))
        }
    };
    Ok(Some(Mapping {
        field: Field::Name,
        pointer,
        kind,
    }))
}

fn read_paging(rest: &Object) -> Result<Paging, SpecError> {
    const KINDS: [&str; 4] = ["page", "offset", "cursor", "none"];
    let Some(value) = rest.get("paging") else {
        return Err(missing(&rest.key("paging"), "its kind: page, offset, cursor or none"));
    };
    // Read the kind first: the other members allowed depend on it.
    let key = rest.key("paging");
    let kind = Object::new(
        value,
        &key,
        &["kind", "page", "size", "first", "offset", "limit", "cursor", "next"],
    )?
    .choice("kind", &KINDS)?
    .ok_or_else(|| missing(&format!("{key}.kind"), "page, offset, cursor or none"))?;
    let known: &[&str] = match kind {
        0 => &["kind", "page", "size", "first"],
        1 => &["kind", "offset", "limit"],
        2 => &["kind", "cursor", "size", "next"],
        _ => &["kind"],
    };
    let p = Object::new(value, &key, known)?;
    let required = |member: &str, what: &str| -> Result<String, SpecError> {
        p.name(member)?.ok_or_else(|| missing(&p.key(member), what))
    };
    Ok(match kind {
        0 => Paging::Page {
            page: required("page", "the page number's parameter, such as _page")?,
            size: required("size", "the page size's parameter, such as _limit")?,
            first: match p.get("first") {
                None => 1,
                Some(Value::Number(n)) if n.as_u64() == Some(0) => 0,
                Some(Value::Number(n)) if n.as_u64() == Some(1) => 1,
                Some(_) => return Err(error(&p.key("first"), "must be 0 or 1: the first page's number")),
            },
        },
        1 => Paging::Offset {
            offset: required("offset", "the offset's parameter, such as _start")?,
            limit: required("limit", "the limit's parameter, such as _limit")?,
        },
        2 => Paging::Cursor {
            cursor: required("cursor", "the cursor's parameter, such as cursor")?,
            size: p.name("size")?,
            next: match p.text("next")? {
                None => {
                    return Err(missing(
                        &p.key("next"),
                        "\"link\", or the next cursor's JSON pointer in a reply",
                    ))
                }
                Some(l) if l == "link" => NextCursor::Link,
                Some(pointer) => {
                    check_pointer(&p.key("next"), &pointer, false)?;
                    NextCursor::Pointer(pointer)
                }
            },
        },
        _ => Paging::None,
    })
}

fn read_total(rest: &Object) -> Result<Total, SpecError> {
    let Some(value) = rest.get("total") else {
        return Ok(Total::Unknown);
    };
    let key = rest.key("total");
    let kinds = ["header", "pointer", "content-range", "unknown"];
    let kind = Object::new(value, &key, &["kind", "name", "pointer"])?
        .choice("kind", &kinds)?
        .ok_or_else(|| missing(&format!("{key}.kind"), "header, pointer, content-range or unknown"))?;
    let known: &[&str] = match kind {
        0 => &["kind", "name"],
        1 => &["kind", "pointer"],
        _ => &["kind"],
    };
    let t = Object::new(value, &key, known)?;
    Ok(match kind {
        0 => Total::Header(
            t.name("name")?
                .ok_or_else(|| missing(&t.key("name"), "the header's name, such as X-Total-Count"))?,
        ),
        1 => Total::Pointer(t.pointer("pointer", false)?.ok_or_else(|| {
            missing(
                &t.key("pointer"),
                "the total's JSON pointer in a list reply, such as \"/total\"",
            )
        })?),
        2 => Total::ContentRange,
        _ => Total::Unknown,
    })
}

fn read_sort(rest: &Object, fields: &[Mapping]) -> Result<Option<Sorting>, SpecError> {
    let Some(s) = rest.object("sort", &["param", "order", "desc_prefix", "fields"])? else {
        return Ok(None);
    };
    let param = s
        .name("param")?
        .ok_or_else(|| missing(&s.key("param"), "the sort parameter's name, such as _sort"))?;
    let direction = match (s.name("order")?, s.text("desc_prefix")?) {
        (Some(order), None) => Direction::Param(order),
        (None, Some(prefix)) if !prefix.is_empty() && prefix.len() <= 3 && !prefix.contains(char::is_whitespace) => {
            Direction::DescPrefix(prefix)
        }
        (None, Some(_)) => return Err(error(&s.key("desc_prefix"), "must be a short prefix such as \"-\"")),
        _ => {
            return Err(error(
                &s.key("order"),
                "or desc_prefix is required, not both: the direction's parameter (order: \"_order\") or the prefix of a descending field (desc_prefix: \"-\")",
            ))
        }
    };
    let key = s.key("fields");
    let names: Vec<String> = match s.get("fields") {
        Some(Value::Array(items)) if !items.is_empty() => items
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| error(&key, "must list field names"))
            })
            .collect::<Result<_, _>>()?,
        _ => {
            return Err(missing(
                &key,
                "the columns the API sorts by, such as [\"name\", \"amount\"]",
            ))
        }
    };
    let columns: Vec<&str> = SORTABLE.iter().map(|(n, _, _)| *n).collect();
    let mut sortable = Vec::new();
    let mut pointers = Vec::new();
    for name in names {
        // A custom field's key: checked against the configuration's `fields` when they meet.
        if name.starts_with('/') {
            pointers.push(name);
            continue;
        }
        let Some((_, column, field)) = SORTABLE.iter().find(|(n, _, _)| *n == name) else {
            return Err(error(
                &key,
                format!(
                    "must name columns among {}, or a listed custom field's pointer (it has \"{name}\")",
                    or_list(&columns)
                ),
            ));
        };
        if !fields.iter().any(|m| m.field == *field) {
            return Err(error(&key, format!("has \"{name}\", which rest.fields does not map")));
        }
        sortable.push(*column);
    }
    Ok(Some(Sorting {
        param,
        direction,
        fields: sortable,
        pointers,
    }))
}
