//! The one typed configuration, read from an optional `config.json` beside `index.html`.
//!
//! Read through serde into [`ConfigFile`], whose settings record the kind of value found where
//! another was expected, then checked setting by setting: each mistake is reported with the
//! setting's name and what was expected, which is what someone editing a file on a static host
//! needs. Unknown keys are refused explicitly (serde-wasm-bindgen reads only the members a
//! struct names, so `deny_unknown_fields` would not see them).

use crate::model::{Choice, Currency, CustomField, CustomKind, Field, Placed, SelectOption, Stage};
pub use crate::providers::Credentials;
use crate::providers::{Crm, CustomKeys, Dialect, CRMS};
use crate::wire::Entries;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// Which backend the app talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProviderKind {
    /// Deals kept in this browser's storage.
    Local,
    /// A CRM of the registry (`src/providers/crms.json`).
    Crm(&'static Crm),
    /// A deals API described by the configuration's `rest` object.
    Rest,
}

impl ProviderKind {
    /// The names accepted in `provider`: `local`, the registry's CRMs, then `rest`.
    pub fn names() -> Vec<&'static str> {
        std::iter::once("local")
            .chain(CRMS.iter().map(|c| c.provider))
            .chain(std::iter::once("rest"))
            .collect()
    }

    /// The kind a name in `provider` stands for.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "local" => Some(Self::Local),
            "rest" => Some(Self::Rest),
            name => Crm::named(name).map(Self::Crm),
        }
    }

    /// The vendor's own API address, used when `base_url` is not set (a `rest` API has none:
    /// its `base_url` is required).
    pub fn default_base_url(self) -> &'static str {
        match self {
            Self::Local | Self::Rest => "",
            Self::Crm(crm) => crm.base_url,
        }
    }

    /// The credential fields this provider takes.
    pub fn credential_fields(self) -> &'static [&'static str] {
        match self {
            Self::Local => &[],
            Self::Crm(crm) => crm.credentials,
            Self::Rest => &["token"],
        }
    }

    /// What this provider takes as a custom field's key.
    pub fn custom_keys(self) -> CustomKeys {
        match self {
            Self::Local => CustomKeys::Any,
            Self::Crm(crm) => crm.custom_keys,
            Self::Rest => CustomKeys::Pointer,
        }
    }
}

/// How the deal list moves through many deals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ListView {
    /// A page at a time, with Previous and Next.
    #[default]
    Pages,
    /// One scrolling list of every deal; only the rows in view are mounted, and pages are
    /// fetched as the view reaches them.
    Scroll,
}

/// What the app shows: both views, only the form (lead capture), or only the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// The list, and the form for new and existing deals.
    #[default]
    Full,
    /// Only the new-deal form; after a save it offers a fresh one.
    Create,
    /// Only the list, read-only.
    List,
}

/// Light or dark colours; `Auto` follows the browser's `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the browser.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
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
    /// The CRM's API address, or a same-origin proxy path such as `/crm-proxy`.
    pub base_url: Option<String>,
    /// The CRM's credentials.
    pub credentials: Credentials,
    /// How long a request may take before it is abandoned, in milliseconds.
    pub timeout_ms: u32,
    /// Stages to offer when the CRM's own list cannot be fetched.
    pub stages: Vec<Stage>,
    /// Replacement paths for a CRM's calls whose paths its public docs do not show: keys
    /// `create`, `get`, `update`, `delete`, `stages`; `{id}` stands for the deal's id. Pairs of
    /// call and path, each call once (a list, not a map: there are five at most).
    pub routes: Vec<(String, String)>,
    /// Which views show.
    pub mode: Mode,
    /// Which colours.
    pub theme: Theme,
    /// Pages or one scrolling list.
    pub list: ListView,
    /// The host page's name for this deal list ("Europe pipeline"): its heading, and the names of
    /// its landmarks, so that several widgets on one page can be told apart. `None`: "Deals".
    pub label: Option<String>,
    /// With `"provider": "rest"`, the configuration's text: its `rest` object is read by the
    /// REST dialect's code (`providers::rest::spec`), fetched only by pages that use it.
    pub rest: Option<RestSource>,
    /// The account's own fields, shown after the built-in ones, in this order.
    pub fields: Vec<CustomField>,
    /// Every entry of `fields` in its order, built-in fields relabelled or hidden among them
    /// (see [`crate::model::Schema::arranged`]).
    pub arrangement: Vec<Placed>,
    /// The owners a picker offers, beside any the backend looks up.
    pub owners: Vec<Choice>,
    /// The companies a picker offers, beside any the backend looks up.
    pub companies: Vec<Choice>,
    /// The language to show, as a code with a catalog (`de`); `None`: the host page's `lang`,
    /// else the browser's language, else English.
    pub language: Option<String>,
    /// Messages in the configuration's own words, by catalog key, over the catalog's (every
    /// language's): Fluent text, checked here.
    pub messages: BTreeMap<String, String>,
    /// Which widget on its page this is (1 for the first), where it is one: the second and later
    /// are numbered where the host gives no `label`. Set by the widget, not read from the file.
    pub widget_number: Option<u32>,
}

/// The text of a configuration whose `rest` object is still to be read. It may hold credentials,
/// so `Debug` does not show it.
#[derive(Clone, PartialEq, Eq)]
pub struct RestSource(pub String);

impl fmt::Debug for RestSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RestSource(..)")
    }
}

impl Config {
    /// The dialect of the CRM this configuration names, with its credentials; `None` for the
    /// local backend.
    pub fn dialect(&self) -> Option<Dialect> {
        match self.provider {
            ProviderKind::Local | ProviderKind::Rest => None,
            ProviderKind::Crm(crm) => Dialect::connect(crm.provider, &self.credentials, self.currency, &self.fields),
        }
    }

    /// The configured path of a call (`get`, `stages`…), if it is rerouted.
    pub fn route(&self, call: &str) -> Option<&str> {
        route_in(&self.routes, call)
    }

    /// The base URL requests go to, without a trailing slash.
    pub fn api_base(&self) -> String {
        self.base_url
            .as_deref()
            .unwrap_or(self.provider.default_base_url())
            .trim_end_matches('/')
            .to_owned()
    }
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
            base_url: None,
            credentials: Credentials::default(),
            timeout_ms: 15_000,
            stages: Vec::new(),
            routes: Vec::new(),
            mode: Mode::Full,
            theme: Theme::Auto,
            list: ListView::Pages,
            label: None,
            rest: None,
            fields: Vec::new(),
            arrangement: Vec::new(),
            owners: Vec::new(),
            companies: Vec::new(),
            language: None,
            messages: BTreeMap::new(),
            widget_number: None,
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

impl ConfigError {
    /// The message, naming the configuration as `source` calls it ("config.json", or "The widget
    /// configuration" for a widget's): a parameter rather than a replace in the text afterwards,
    /// which would bring core's substring search into the main module.
    pub fn describe(&self, source: &str) -> String {
        match &self.field {
            Some(field) => format!("{source}: “{field}” {}", self.message),
            None => format!("{source} {}", self.message),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe("config.json"))
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
    "base_url",
    "credentials",
    "timeout_ms",
    "stages",
    "routes",
    "mode",
    "theme",
    "list",
    "label",
    "rest",
    "fields",
    "owners",
    "companies",
    "language",
    "messages",
];

#[cold]
#[inline(never)]
fn err(field: &str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        field: Some(field.to_owned()),
        message: message.into(),
    }
}

/// [`err`] with a message `message` writes when called: the formatting is done only for a
/// refused configuration.
#[cold]
#[inline(never)]
fn refuse(field: &str, message: impl FnOnce() -> String) -> ConfigError {
    err(field, message())
}

/// [`refuse`] for the configuration as a whole (no one setting is to blame).
#[cold]
#[inline(never)]
fn refuse_all(message: impl FnOnce() -> String) -> ConfigError {
    ConfigError {
        field: None,
        message: message(),
    }
}

/// [`refuse`] for a member of an object setting (`credentials.token`), whose name is put
/// together only when refused.
#[cold]
#[inline(never)]
fn refuse_in(setting: &str, key: &str, message: impl FnOnce() -> String) -> ConfigError {
    err(&format!("{setting}.{key}"), message())
}

/// Whether a text has the shape of a BCP 47 language tag (`de`, `de-DE`, `zh-Hant-TW`).
///
/// The browser's `Intl.getCanonicalLocales` has the last word; this catches typos on the host.
pub fn is_well_formed_locale(tag: &str) -> bool {
    // Split as bytes: `str::split` on a char brings core's memchr search into the main module.
    let mut parts = tag.as_bytes().split(|&b| b == b'-');
    let lang_ok = parts
        .next()
        .is_some_and(|l| (2..=8).contains(&l.len()) && l.iter().all(u8::is_ascii_alphabetic));
    lang_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.iter().all(u8::is_ascii_alphanumeric))
}

/// A setting's value, or the kind of value found where a `T` belongs: a wrong type is a
/// mistake to name ("must be text, not a number"), which serde's own message would not say in
/// words someone editing a file understands.
enum Found<T> {
    /// The value.
    Value(T),
    /// What was there instead: "text", "a number", "true/false", "a list", "an object", "null".
    Other(&'static str),
}

/// The kinds of JSON value a setting's type takes; each other kind is [`Found::Other`].
trait Accept: Sized {
    fn text(_: String) -> Option<Self> {
        None
    }
    fn flag(_: bool) -> Option<Self> {
        None
    }
    fn number(_: f64) -> Option<Self> {
        None
    }
    fn list<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn object<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

impl Accept for String {
    fn text(v: String) -> Option<Self> {
        Some(v)
    }
}

impl Accept for bool {
    fn flag(v: bool) -> Option<Self> {
        Some(v)
    }
}

impl Accept for f64 {
    fn number(v: f64) -> Option<Self> {
        Some(v)
    }
}

impl<T: Accept> Accept for Vec<Found<T>> {
    fn list<'de, A: SeqAccess<'de>>(seq: A) -> Result<Option<Self>, A::Error> {
        Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Some)
    }
}

impl<T: for<'de> Deserialize<'de>> Accept for Entries<T> {
    fn object<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        Entries::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
    }
}

impl<'de, T: Accept> Deserialize<'de> for Found<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FoundVisitor(PhantomData))
    }
}

struct FoundVisitor<T>(PhantomData<T>);

fn found_as<T>(value: Option<T>, kind: &'static str) -> Found<T> {
    value.map_or(Found::Other(kind), Found::Value)
}

impl<'de, T: Accept> Visitor<'de> for FoundVisitor<T> {
    type Value = Found<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Found<T>, E> {
        Ok(found_as(T::flag(v), "true/false"))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Found<T>, E> {
        Ok(found_as(T::number(v as f64), "a number"))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Found<T>, E> {
        Ok(found_as(T::number(v as f64), "a number"))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Found<T>, E> {
        Ok(found_as(T::number(v), "a number"))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Found<T>, E> {
        Ok(found_as(T::text(v.to_owned()), "text"))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Found<T>, E> {
        Ok(found_as(T::text(v), "text"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Found<T>, E> {
        Ok(Found::Other("null"))
    }
    fn visit_none<E: de::Error>(self) -> Result<Found<T>, E> {
        Ok(Found::Other("null"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Found<T>, A::Error> {
        Ok(found_as(T::list(seq)?, "a list"))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Found<T>, A::Error> {
        Ok(found_as(T::object(map)?, "an object"))
    }
}

/// `config.json` as written: every setting optional, each as found (see [`Found`]).
#[derive(Deserialize, Default)]
struct ConfigFile {
    provider: Option<Found<String>>,
    locale: Option<Found<String>>,
    currency: Option<Found<String>>,
    page_size: Option<Found<f64>>,
    sample_data: Option<Found<bool>>,
    namespace: Option<Found<String>>,
    base_url: Option<Found<String>>,
    credentials: Option<Found<Entries<Found<String>>>>,
    timeout_ms: Option<Found<f64>>,
    stages: Option<Found<Vec<Found<StageSetting>>>>,
    routes: Option<Found<Entries<Found<String>>>>,
    mode: Option<Found<String>>,
    theme: Option<Found<String>>,
    list: Option<Found<String>>,
    label: Option<Found<String>>,
    /// Read in full by the REST dialect's code; here only its being an object is checked.
    rest: Option<Found<Entries<IgnoredAny>>>,
    fields: Option<Found<Vec<Found<FieldSetting>>>>,
    owners: Option<Found<Vec<Found<ChoiceSetting>>>>,
    companies: Option<Found<Vec<Found<ChoiceSetting>>>>,
    language: Option<Found<String>>,
    messages: Option<Found<Entries<Found<String>>>>,
}

/// One of `owners` or `companies`: `{id, label, detail?}`.
#[derive(Deserialize)]
struct ChoiceSetting {
    id: Option<Found<String>>,
    label: Option<Found<String>>,
    detail: Option<Found<String>>,
}

impl Accept for ChoiceSetting {
    fn object<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        ChoiceSetting::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
    }
}

/// One of `fields`: `{key, label, type, options?, required?, min?, max?, column?}`, or a built-in
/// field `{builtin, label?, hidden?}`; a member of another kind is named by [`found`].
#[derive(Deserialize)]
struct FieldSetting {
    builtin: Option<Found<String>>,
    hidden: Option<Found<bool>>,
    key: Option<Found<String>>,
    label: Option<Found<String>>,
    #[serde(rename = "type")]
    kind: Option<Found<String>>,
    options: Option<Found<Vec<Found<OptionSetting>>>>,
    required: Option<Found<bool>>,
    min: Option<Found<f64>>,
    max: Option<Found<f64>>,
    column: Option<Found<bool>>,
    pattern: Option<Found<String>>,
    pattern_message: Option<Found<String>>,
}

/// One of a select's `options`: `{value, label?}`.
#[derive(Deserialize)]
struct OptionSetting {
    value: Option<Found<String>>,
    label: Option<Found<String>>,
}

impl Accept for OptionSetting {
    fn object<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        OptionSetting::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
    }
}

impl Accept for FieldSetting {
    fn object<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        FieldSetting::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
    }
}

/// One of `stages`: `{id, label?, pipeline?}`; a member that is not text counts as absent.
#[derive(Deserialize)]
struct StageSetting {
    id: Option<Found<String>>,
    label: Option<Found<String>>,
    pipeline: Option<Found<String>>,
}

impl Accept for StageSetting {
    fn object<'de, A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
        StageSetting::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
    }
}

/// A setting as found: `None` when absent or `null`, else its value, or the error naming what
/// was found instead of `what` ("must be text, not a number").
fn found<T>(setting: Option<Found<T>>, field: &str, what: &str) -> Result<Option<T>, ConfigError> {
    match setting {
        None => Ok(None),
        Some(Found::Value(v)) => Ok(Some(v)),
        Some(Found::Other(kind)) => Err(refuse(field, || format!("must be {what}, not {kind}"))),
    }
}

/// One of a fixed set of words, e.g. `"mode": "create"`, as its index in `names`; anything
/// else is named with the choices ("“form” is not a mode; use full, create or list"). Not
/// generic over the value, so the wasm holds one copy for every such setting.
fn choice(
    setting: Option<Found<String>>,
    field: &str,
    what: &str,
    names: &[&str],
) -> Result<Option<usize>, ConfigError> {
    let Some(word) = found(setting, field, "text")? else {
        return Ok(None);
    };
    if let Some(i) = names.iter().position(|name| *name == word) {
        return Ok(Some(i));
    }
    Err(refuse(field, || {
        format!("“{word}” is not {what}; use {}", crate::model::or_list(names))
    }))
}

/// A whole number in `range`, else an error saying it `must be` one (“…from 1 to 100”), with
/// `kind` naming what a non-number should have been.
fn whole(
    setting: Option<Found<f64>>,
    field: &str,
    range: std::ops::RangeInclusive<u64>,
    must: &str,
    kind: &str,
) -> Result<Option<u64>, ConfigError> {
    let Some(n) = found(setting, field, kind)? else {
        return Ok(None);
    };
    if n.fract() == 0.0 && n >= 0.0 && range.contains(&(n as u64)) {
        return Ok(Some(n as u64));
    }
    Err(refuse(field, || {
        if n.fract() == 0.0 && n.abs() < 1e15 {
            format!("must be {must} (it is {})", n as i64)
        } else {
            format!("must be {must} (it is not a whole number in that range)")
        }
    }))
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
        let whole_file = crate::wire::from_str::<Found<Entries<IgnoredAny>>>(text)
            .map_err(|e| refuse_all(|| format!("is not valid JSON: {e}")))?;
        let members = match whole_file {
            Found::Value(Entries(members)) => members,
            Found::Other(kind) => return Err(refuse_all(|| format!("must hold a JSON object, not {kind}"))),
        };
        if let Some((unknown, _)) = members.iter().find(|(k, _)| !KNOWN.contains(&k.as_str())) {
            return Err(refuse(unknown, || {
                format!("is not a setting; the settings are {}", KNOWN.join(", "))
            }));
        }
        let file = crate::wire::from_str::<ConfigFile>(text).map_err(|e| ConfigError {
            field: e.path.clone(),
            message: e.message,
        })?;
        let mut config = Self::from_file(file)?;
        if config.provider == ProviderKind::Rest {
            config.rest = Some(RestSource(text.to_owned()));
        }
        Ok(config)
    }

    fn from_file(file: ConfigFile) -> Result<Self, ConfigError> {
        let mut config = Config::default();
        if let Some(p) = found(file.provider, "provider", "text")? {
            config.provider = ProviderKind::from_name(&p).ok_or_else(|| {
                refuse("provider", || {
                    format!(
                        "“{p}” is not a provider this build knows; use one of: {}",
                        ProviderKind::names().join(", ")
                    )
                })
            })?;
        }
        if let Some(l) = found(file.locale, "locale", "text")? {
            if !is_well_formed_locale(&l) {
                return Err(refuse("locale", || {
                    format!("“{l}” is not a locale tag such as en-US or de-DE")
                }));
            }
            config.locale = Some(l);
        }
        if let Some(c) = found(file.currency, "currency", "text")? {
            // A typo such as "EUO" is three letters too: taken, it would be every new deal's
            // currency, while the form refuses it typed.
            config.currency = Currency::parse(&c).ok().filter(Currency::is_listed).ok_or_else(|| {
                refuse("currency", || {
                    format!("“{c}” is not the ISO 4217 code of a currency in use, such as USD or EUR")
                })
            })?;
        }
        if let Some(n) = whole(
            file.page_size,
            "page_size",
            1..=100,
            "a whole number from 1 to 100",
            "a whole number from 1 to 100",
        )? {
            config.page_size = n as u32;
        }
        if let Some(b) = found(file.sample_data, "sample_data", "true or false")? {
            config.sample_data = b;
        }
        if let Some(ns) = found(file.namespace, "namespace", "text")? {
            let ok = !ns.is_empty()
                && ns.len() <= 64
                && ns.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !ok {
                return Err(err("namespace", "must be 1–64 letters, digits, - or _"));
            }
            config.namespace = ns;
        }
        if let Some(url) = found(file.base_url, "base_url", "text")? {
            let ok = url.starts_with("https://")
                || url.starts_with("http://")
                || url.starts_with('/')
                || url.starts_with("./");
            if !ok || url.contains(char::is_whitespace) {
                return Err(refuse("base_url", || {
                    format!("“{url}” must be an http(s) address or a path on this site such as /crm-proxy")
                }));
            }
            config.base_url = Some(url);
        }
        config.credentials = credentials(found(file.credentials, "credentials", "an object")?, config.provider)?;
        if let Some(t) = whole(
            file.timeout_ms,
            "timeout_ms",
            1000..=120_000,
            "a whole number of milliseconds from 1000 to 120000",
            "a number of milliseconds",
        )? {
            config.timeout_ms = t as u32;
        }
        config.stages = stages(found(file.stages, "stages", "a list")?)?;
        config.owners = choices(found(file.owners, "owners", "a list")?, "owners")?;
        config.companies = choices(found(file.companies, "companies", "a list")?, "companies")?;
        (config.fields, config.arrangement) =
            custom_fields(found(file.fields, "fields", "a list")?, config.provider.custom_keys())?;
        config.routes = routes(found(file.routes, "routes", "an object")?)?;
        let rest = found(file.rest, "rest", "an object")?;
        if config.provider == ProviderKind::Rest {
            if rest.is_none() {
                return Err(err(
                    "rest",
                    "is required with \"provider\": \"rest\": it describes the API (see config/examples/)",
                ));
            }
            if config.base_url.is_none() {
                return Err(err(
                    "base_url",
                    "is required with \"provider\": \"rest\": the API's address, or a path on this site such as /api",
                ));
            }
            if !config.routes.is_empty() {
                return Err(err("routes", "is for the CRMs' paths; a rest API's are in rest.routes"));
            }
        } else if rest.is_some() {
            return Err(err("rest", "is read only with \"provider\": \"rest\""));
        }
        const MODES: [Mode; 3] = [Mode::Full, Mode::Create, Mode::List];
        if let Some(i) = choice(file.mode, "mode", "a mode", &["full", "create", "list"])? {
            config.mode = MODES[i];
        }
        const THEMES: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];
        if let Some(i) = choice(file.theme, "theme", "a theme", &["auto", "light", "dark"])? {
            config.theme = THEMES[i];
        }
        const LISTS: [ListView; 2] = [ListView::Pages, ListView::Scroll];
        if let Some(i) = choice(file.list, "list", "a list view", &["pages", "scroll"])? {
            config.list = LISTS[i];
        }
        if let Some(label) = found(file.label, "label", "text")? {
            let label = label.trim();
            if label.is_empty() || label.chars().count() > 80 {
                return Err(err(
                    "label",
                    "must be a name of 1 to 80 characters, such as “Europe pipeline”",
                ));
            }
            config.label = Some(label.to_owned());
        }
        if let Some(l) = found(file.language, "language", "text")? {
            let code = crate::i18n::pick_language([l.as_str()]).ok_or_else(|| {
                refuse("language", || {
                    format!(
                        "“{l}” is not a language dealform speaks; use one of {}",
                        crate::model::or_list(crate::i18n::LANGUAGES)
                    )
                })
            })?;
            config.language = Some(code.to_owned());
        }
        if let Some(Entries(messages)) = found(file.messages, "messages", "an object of texts by message key")? {
            for (key, text) in messages {
                let path = format!("messages.{key}");
                if !crate::i18n::is_message_key(&key) || key == "direction" {
                    return Err(err(
                        &path,
                        "is not a message of dealform's catalogs (README, “Languages”, lists where to find their keys)",
                    ));
                }
                let text = found(Some(text), &path, "text")?.unwrap_or_default();
                if let Err(why) = crate::i18n::check_override(&key, &text) {
                    return Err(err(&path, why));
                }
                config.messages.insert(key, text);
            }
        }
        Ok(config)
    }
}

fn credentials(given: Option<Entries<Found<String>>>, provider: ProviderKind) -> Result<Credentials, ConfigError> {
    let Some(Entries(given)) = given else {
        return Ok(Credentials::default());
    };
    let allowed = provider.credential_fields();
    if let Some((k, _)) = given.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
        return Err(refuse_in("credentials", k, || {
            let expected = if allowed.is_empty() {
                "none".to_owned()
            } else {
                allowed.join(", ")
            };
            format!("is not a credential of this provider; it takes: {expected}")
        }));
    }
    let mut out = Credentials::default();
    for (k, v) in given {
        let s = match v {
            Found::Value(s) => s,
            Found::Other(kind) => return Err(refuse_in("credentials", &k, || format!("must be text, not {kind}"))),
        };
        // Credentials travel in HTTP headers, which take visible ASCII only; refusing anything
        // else here keeps a mistyped key from becoming a confusing network error later.
        if s.trim().is_empty() || !s.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
            return Err(refuse_in("credentials", &k, || {
                "must be a non-empty line of plain ASCII characters".into()
            }));
        }
        // A name given twice keeps its last value, as JSON readers read a repeated key.
        let value = s.trim().to_owned();
        out.0.retain(|(name, _)| *name != k);
        out.0.push((k, value));
    }
    Ok(out)
}

/// The path `routes` gives a call, if any: what [`Config::route`] reads, for holders of a copy.
pub fn route_in<'a>(routes: &'a [(String, String)], call: &str) -> Option<&'a str> {
    routes.iter().find(|(c, _)| c == call).map(|(_, path)| path.as_str())
}

/// The calls whose paths can be replaced.
pub const ROUTE_KEYS: &[&str] = &["create", "get", "update", "delete", "stages", "owners", "companies"];

fn routes(given: Option<Entries<Found<String>>>) -> Result<Vec<(String, String)>, ConfigError> {
    let Some(Entries(given)) = given else {
        return Ok(Vec::new());
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for (k, v) in given {
        if !ROUTE_KEYS.contains(&k.as_str()) {
            return Err(refuse_in("routes", &k, || {
                format!("is not a call that can be rerouted; they are {}", ROUTE_KEYS.join(", "))
            }));
        }
        match v {
            Found::Value(p) if p.starts_with('/') && !p.contains(char::is_whitespace) && !p.contains(['?', '#']) => {
                let needs_id = matches!(k.as_str(), "get" | "update" | "delete");
                if needs_id && !p.contains("{id}") {
                    return Err(refuse_in("routes", &k, || {
                        "must contain {id} where the deal's id goes".into()
                    }));
                }
                // A call named twice keeps its last path, as JSON readers read a repeated key.
                out.retain(|(call, _)| *call != k);
                out.push((k, p));
            }
            _ => {
                return Err(refuse_in("routes", &k, || {
                    "must be a path starting with / (no query string)".into()
                }))
            }
        }
    }
    Ok(out)
}

/// The most custom fields a form shows.
pub const MAX_CUSTOM_FIELDS: usize = 50;

/// The account's own fields, and every entry in order (see [`Config::arrangement`]).
type Fields = (Vec<CustomField>, Vec<Placed>);

fn custom_fields(given: Option<Vec<Found<FieldSetting>>>, keys: CustomKeys) -> Result<Fields, ConfigError> {
    let given = given.unwrap_or_default();
    if given.len() > MAX_CUSTOM_FIELDS {
        return Err(refuse("fields", || {
            format!("may list at most {MAX_CUSTOM_FIELDS} fields")
        }));
    }
    let mut out: Vec<CustomField> = Vec::new();
    let mut arrangement = Vec::new();
    for (i, v) in given.into_iter().enumerate() {
        let at = format!("fields[{i}]");
        let member = |name: &str| format!("{at}.{name}");
        let Found::Value(v) = v else {
            return Err(err(
                &at,
                "must be an object with key, label and type, or with builtin naming a built-in field",
            ));
        };
        // Named by their keys (`close_date`), as everywhere else.
        let builtin_names = Field::ALL.map(Field::key);
        if let Some(index) = choice(v.builtin, &member("builtin"), "a built-in field", &builtin_names)? {
            let field = Field::ALL[index];
            if arrangement
                .iter()
                .any(|p| matches!(p, Placed::Builtin { field: f, .. } if *f == field))
            {
                return Err(err(&member("builtin"), "is listed twice"));
            }
            if v.key.is_some() || v.kind.is_some() {
                return Err(err(&at, "is a built-in field: it takes only label and hidden"));
            }
            let label = found(v.label, &member("label"), "text")?.map(|l| l.trim().to_owned());
            if label.as_ref().is_some_and(|l| l.is_empty() || l.chars().count() > 80) {
                return Err(err(&member("label"), "must be a name of 1 to 80 characters"));
            }
            let hidden = found(v.hidden, &member("hidden"), "true or false")?.unwrap_or(false);
            arrangement.push(Placed::Builtin { field, label, hidden });
            continue;
        }
        if v.hidden.is_some() {
            return Err(err(
                &member("hidden"),
                "is only for a built-in field; leave an unwanted custom field out",
            ));
        }
        let key = found(v.key, &member("key"), "text")?.ok_or_else(|| err(&member("key"), "is required"))?;
        if let Some(why) = keys.mistake(&key) {
            return Err(err(&member("key"), why));
        }
        if out.iter().any(|c| c.key == key) {
            return Err(refuse(&member("key"), || format!("“{key}” is listed twice")));
        }
        let label = found(v.label, &member("label"), "text")?.unwrap_or_default();
        let label = label.trim();
        if label.is_empty() || label.chars().count() > 80 {
            return Err(err(&member("label"), "must be a name of 1 to 80 characters"));
        }
        let Some(kind) = choice(v.kind, &member("type"), "a field type", &CustomKind::NAMES)? else {
            return Err(refuse(&member("type"), || {
                format!("is required: one of {}", crate::model::or_list(&CustomKind::NAMES))
            }));
        };
        let options = found(v.options, &member("options"), "a list")?;
        let is_select = CustomKind::NAMES[kind] == "select";
        if options.is_some() != is_select {
            return Err(err(
                &member("options"),
                if is_select {
                    "is required for a select: a list of {value, label}"
                } else {
                    "is only for a select"
                },
            ));
        }
        let mut choices = Vec::new();
        for (j, o) in options.unwrap_or_default().into_iter().enumerate() {
            let at = format!("{}[{j}]", member("options"));
            let Found::Value(o) = o else {
                return Err(err(&at, "must be an object with value and label"));
            };
            let value = found(o.value, &format!("{at}.value"), "text")?.unwrap_or_default();
            if value.trim().is_empty() {
                return Err(err(&format!("{at}.value"), "is required"));
            }
            let label = found(o.label, &format!("{at}.label"), "text")?.unwrap_or_else(|| value.clone());
            choices.push(SelectOption { value, label });
        }
        let options = choices;
        if is_select && options.is_empty() {
            return Err(err(&member("options"), "must list at least one option"));
        }
        let mut field = CustomField::new(
            &key,
            label,
            CustomKind::named(kind, options).unwrap_or(CustomKind::Text),
        );
        field.required = found(v.required, &member("required"), "true or false")?.unwrap_or(false);
        field.column = found(v.column, &member("column"), "true or false")?.unwrap_or(false);
        field.min = found(v.min, &member("min"), "a number")?;
        field.max = found(v.max, &member("max"), "a number")?;
        if let (Some(min), Some(max)) = (field.min, field.max) {
            if min > max {
                return Err(err(&member("min"), "must not be more than max"));
            }
        }
        let pattern = found(v.pattern, &member("pattern"), "text")?;
        let message = found(v.pattern_message, &member("pattern_message"), "text")?;
        if pattern.as_deref().is_some_and(str::is_empty) {
            return Err(err(
                &member("pattern"),
                "must not be empty: leave it out for no pattern",
            ));
        }
        if message.as_deref().is_some_and(|m| m.trim().is_empty()) {
            return Err(err(
                &member("pattern_message"),
                "must not be empty: it is what the form says",
            ));
        }
        match (pattern, &field.kind) {
            (None, _) if message.is_some() => {
                return Err(err(&member("pattern_message"), "needs a pattern to go with"));
            }
            (None, _) => {}
            (
                Some(source),
                CustomKind::Text | CustomKind::LongText | CustomKind::Email | CustomKind::Url | CustomKind::Phone,
            ) => {
                let message = message.unwrap_or_else(|| format!("{} is not in the expected form", field.label));
                // Compiled with the backend (`ui::chunks::backend_for`), by code fetched only then.
                field.pattern = Some(crate::model::custom::Pattern::new(&source, &message));
            }
            (Some(_), _) => {
                return Err(err(
                    &member("pattern"),
                    "is only for text, long_text, email, url and phone fields",
                ))
            }
        }
        arrangement.push(Placed::Custom(out.len()));
        out.push(field);
    }
    Ok((out, arrangement))
}

/// `owners` or `companies` (named `setting`): each `{id, label, detail?}`, ids once each.
fn choices(given: Option<Vec<Found<ChoiceSetting>>>, setting: &str) -> Result<Vec<Choice>, ConfigError> {
    let mut out: Vec<Choice> = Vec::new();
    for (i, v) in given.unwrap_or_default().into_iter().enumerate() {
        let at = format!("{setting}[{i}]");
        let Found::Value(v) = v else {
            return Err(err(&at, "must be an object with id and label"));
        };
        let text = |t: Option<Found<String>>, name: &str| -> Result<Option<String>, ConfigError> {
            Ok(found(t, &format!("{at}.{name}"), "text")?
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty()))
        };
        let id = text(v.id, "id")?.ok_or_else(|| err(&format!("{at}.id"), "is required"))?;
        if out.iter().any(|c| c.id == id) {
            return Err(refuse(&format!("{at}.id"), || format!("“{id}” is listed twice")));
        }
        let label = text(v.label, "label")?.unwrap_or_else(|| id.clone());
        let detail = text(v.detail, "detail")?;
        out.push(Choice { id, label, detail });
    }
    Ok(out)
}

fn stages(given: Option<Vec<Found<StageSetting>>>) -> Result<Vec<Stage>, ConfigError> {
    given
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let field = format!("stages[{i}]");
            let Found::Value(v) = v else {
                return Err(err(&field, "must be an object with id and label"));
            };
            let text = |t: Option<Found<String>>| match t {
                Some(Found::Value(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
                _ => None,
            };
            let id = text(v.id).ok_or_else(|| err(&format!("{field}.id"), "is required"))?;
            let label = text(v.label).unwrap_or_else(|| id.clone());
            Ok(Stage {
                pipeline: text(v.pipeline),
                ..Stage::new(&id, &label)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_object_gives_the_zero_configuration_defaults() {
        assert_eq!(Config::parse("{}").unwrap(), Config::default());
        assert_eq!(Config::parse(r#"{"locale":null}"#).unwrap(), Config::default());
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
        assert_eq!(field_of(r#"{"provider":"salesforce"}"#).as_deref(), Some("provider"));
        assert_eq!(field_of(r#"{"provider":1}"#).as_deref(), Some("provider"));
        assert_eq!(field_of(r#"{"locale":"not a locale"}"#).as_deref(), Some("locale"));
        assert_eq!(field_of(r#"{"currency":"EURO"}"#).as_deref(), Some("currency"));
        let typo = Config::parse(r#"{"currency":"EUO"}"#).unwrap_err();
        assert_eq!(typo.field.as_deref(), Some("currency"));
        assert_eq!(
            typo.message,
            "“EUO” is not the ISO 4217 code of a currency in use, such as USD or EUR"
        );
        for bad in ["0", "101", "2.5", "-1", "\"25\"", "1e3"] {
            assert_eq!(
                field_of(&format!(r#"{{"page_size":{bad}}}"#)).as_deref(),
                Some("page_size"),
                "{bad}"
            );
        }
        assert_eq!(field_of(r#"{"sample_data":"yes"}"#).as_deref(), Some("sample_data"));
        assert_eq!(field_of(r#"{"namespace":"a b"}"#).as_deref(), Some("namespace"));
    }

    #[test]
    fn a_misspelt_setting_is_named_not_ignored() {
        let e = Config::parse(r#"{"pagesize":10}"#).unwrap_err();
        assert!(e
            .to_string()
            .starts_with("config.json: “pagesize” is not a setting; the settings are provider, locale,"));
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
    fn a_crm_provider_takes_its_base_url_credentials_and_fallback_stages() {
        let c = Config::parse(
            r#"{"provider":"ysuite","base_url":"/crm-proxy/","credentials":{"access_key":"a","secret_key":"s"},
                "timeout_ms":5000,"stages":[{"id":"3","label":"Proposal","pipeline":"1"},{"id":"4"}]}"#,
        )
        .unwrap();
        assert_eq!(c.provider, ProviderKind::from_name("ysuite").unwrap());
        assert_eq!(c.api_base(), "/crm-proxy");
        assert_eq!(c.credentials.get("secret_key"), "s");
        assert_eq!(c.timeout_ms, 5000);
        assert_eq!(
            c.stages[0],
            Stage {
                pipeline: Some("1".into()),
                ..Stage::new("3", "Proposal")
            }
        );
        assert_eq!(c.stages[1], Stage::new("4", "4"));
        assert_eq!(
            Config::parse(r#"{"provider":"heffl"}"#).unwrap().api_base(),
            "https://api.heffl.com/api/v2"
        );
    }

    #[test]
    fn credentials_are_checked_against_the_provider_and_never_printed() {
        assert_eq!(
            field_of(r#"{"provider":"heffl","credentials":{"token":"x"}}"#).as_deref(),
            Some("credentials.token")
        );
        assert_eq!(
            field_of(r#"{"provider":"attio","credentials":{"token":""}}"#).as_deref(),
            Some("credentials.token")
        );
        assert_eq!(
            field_of(r#"{"provider":"attio","credentials":{"token":"a\nb"}}"#).as_deref(),
            Some("credentials.token")
        );
        assert_eq!(
            field_of(r#"{"provider":"attio","credentials":"x"}"#).as_deref(),
            Some("credentials")
        );
        let c = Config::parse(r#"{"provider":"attio","credentials":{"token":"sekrit"}}"#).unwrap();
        assert!(!format!("{c:?}").contains("sekrit"));
    }

    #[test]
    fn mode_and_theme_are_read_and_checked() {
        let c = Config::parse(r#"{"mode":"create","theme":"dark"}"#).unwrap();
        assert_eq!((c.mode, c.theme), (Mode::Create, Theme::Dark));
        assert_eq!(field_of(r#"{"mode":"form"}"#).as_deref(), Some("mode"));
        assert_eq!(field_of(r#"{"theme":"blue"}"#).as_deref(), Some("theme"));
        assert_eq!(Config::parse(r#"{"list":"scroll"}"#).unwrap().list, ListView::Scroll);
        assert_eq!(Config::parse("{}").unwrap().list, ListView::Pages);
        assert_eq!(field_of(r#"{"list":"infinite"}"#).as_deref(), Some("list"));
        let message = |text: &str| Config::parse(text).unwrap_err().message;
        for (text, expected) in [
            (r#"{"mode":"form"}"#, "“form” is not a mode; use full, create or list"),
            (r#"{"theme":"blue"}"#, "“blue” is not a theme; use auto, light or dark"),
            (
                r#"{"list":"infinite"}"#,
                "“infinite” is not a list view; use pages or scroll",
            ),
            (
                r#"{"page_size":101}"#,
                "must be a whole number from 1 to 100 (it is 101)",
            ),
            (
                r#"{"page_size":2.5}"#,
                "must be a whole number from 1 to 100 (it is not a whole number in that range)",
            ),
            (
                r#"{"page_size":"25"}"#,
                "must be a whole number from 1 to 100, not text",
            ),
            (
                r#"{"timeout_ms":999}"#,
                "must be a whole number of milliseconds from 1000 to 120000 (it is 999)",
            ),
            (
                r#"{"timeout_ms":true}"#,
                "must be a number of milliseconds, not true/false",
            ),
        ] {
            assert_eq!(message(text), expected, "{text}");
        }
        let c = Config::parse(r#"{"page_size":100,"timeout_ms":1000,"mode":"list","theme":"light","list":"pages"}"#)
            .unwrap();
        assert_eq!(
            (c.page_size, c.timeout_ms, c.mode, c.theme, c.list),
            (100, 1000, Mode::List, Theme::Light, ListView::Pages)
        );
    }

    #[test]
    fn a_label_names_the_list_and_is_checked() {
        assert_eq!(Config::parse("{}").unwrap().label, None);
        let c = Config::parse(r#"{"label":"  Europe pipeline "}"#).unwrap();
        assert_eq!(c.label.as_deref(), Some("Europe pipeline"));
        let refused = "must be a name of 1 to 80 characters, such as “Europe pipeline”";
        assert_eq!(Config::parse(r#"{"label":"  "}"#).unwrap_err().message, refused);
        let long = format!(r#"{{"label":"{}"}}"#, "x".repeat(81));
        assert_eq!(Config::parse(&long).unwrap_err().message, refused);
        assert_eq!(field_of(r#"{"label":3}"#).as_deref(), Some("label"));
    }

    #[test]
    fn unverified_paths_can_be_rerouted() {
        let c = Config::parse(r#"{"provider":"stardex","routes":{"get":"/v2/deal/{id}","stages":"/v1/statuses"}}"#)
            .unwrap();
        assert_eq!(c.route("get"), Some("/v2/deal/{id}"));
        assert_eq!(c.route("create"), None);
        let twice = Config::parse(r#"{"provider":"stardex","routes":{"get":"/a/{id}","get":"/b/{id}"}}"#).unwrap();
        assert_eq!((twice.route("get"), twice.routes.len()), (Some("/b/{id}"), 1));
        assert_eq!(field_of(r#"{"routes":{"list":"/x"}}"#).as_deref(), Some("routes.list"));
        assert_eq!(
            field_of(r#"{"routes":{"delete":"/deals"}}"#).as_deref(),
            Some("routes.delete")
        );
        assert_eq!(
            field_of(r#"{"routes":{"stages":"statuses"}}"#).as_deref(),
            Some("routes.stages")
        );
    }

    #[test]
    fn bad_urls_timeouts_and_stages_are_named() {
        assert_eq!(field_of(r#"{"base_url":"ftp://x"}"#).as_deref(), Some("base_url"));
        assert_eq!(
            field_of(r#"{"base_url":"api.example.com"}"#).as_deref(),
            Some("base_url")
        );
        assert_eq!(field_of(r#"{"timeout_ms":10}"#).as_deref(), Some("timeout_ms"));
        assert_eq!(
            field_of(r#"{"stages":[{"label":"x"}]}"#).as_deref(),
            Some("stages[0].id")
        );
        assert_eq!(field_of(r#"{"stages":[1]}"#).as_deref(), Some("stages[0]"));
    }

    #[test]
    fn a_rest_api_needs_its_description_and_address() {
        let example = include_str!("../config/examples/rest-json-server.json");
        let c = Config::parse(example).unwrap();
        assert_eq!(c.provider, ProviderKind::Rest);
        assert_eq!(c.rest, Some(RestSource(example.to_owned())));
        assert_eq!(c.api_base(), "http://127.0.0.1:3000");
        assert!(c.dialect().is_none());
        let message = |text: &str| {
            let e = Config::parse(text).unwrap_err();
            (e.field.unwrap_or_default(), e.message)
        };
        assert_eq!(
            message(r#"{"provider":"rest","base_url":"/api"}"#),
            (
                "rest".into(),
                "is required with \"provider\": \"rest\": it describes the API (see config/examples/)".into()
            )
        );
        assert_eq!(message(r#"{"provider":"rest","rest":{}}"#).0, "base_url");
        assert_eq!(
            message(r#"{"provider":"rest","base_url":"/api","rest":[]}"#).1,
            "must be an object, not a list"
        );
        assert_eq!(
            message(r#"{"provider":"rest","base_url":"/api","rest":{},"routes":{"get":"/x/{id}"}}"#).0,
            "routes"
        );
        assert_eq!(
            message(r#"{"provider":"local","rest":{}}"#),
            ("rest".into(), "is read only with \"provider\": \"rest\"".into())
        );
        // Its one credential is a token; the description says which header carries it.
        assert_eq!(
            message(r#"{"provider":"rest","base_url":"/api","rest":{},"credentials":{"api_key":"k"}}"#).0,
            "credentials.api_key"
        );
        let with_token =
            Config::parse(r#"{"provider":"rest","base_url":"/api","rest":{},"credentials":{"token":"sekrit"}}"#)
                .unwrap();
        assert_eq!(with_token.credentials.get("token"), "sekrit");
        assert!(!format!("{with_token:?}").contains("sekrit"));
        assert!(ProviderKind::names().contains(&"rest"));
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

    #[test]
    fn custom_fields_are_read_with_their_kinds_and_limits() {
        let c = Config::parse(
            r#"{"provider":"heffl","fields":[
                {"key":"cf_tier","label":"Tier","type":"select","options":[{"value":"gold","label":"Gold"},{"value":"silver"}],"column":true},
                {"key":"cf_seats","label":"Seats","type":"number","required":true,"min":1,"max":500},
                {"key":"cf_po","label":"PO","type":"text","pattern":"PO-\\d{6}","pattern_message":"PO must look like PO-123456"}]}"#,
        )
        .unwrap();
        assert_eq!(c.fields.len(), 3);
        assert!(c.fields[0].column);
        let po = c.fields[2].pattern.as_ref().unwrap();
        assert_eq!(po.source(), r"PO-\d{6}");
        assert_eq!(
            c.fields[2]
                .check("PO-12345", crate::model::NumberSeparators::ROOT)
                .unwrap_err(),
            crate::model::Message::verbatim("PO must look like PO-123456")
        );
        assert_eq!(
            c.fields[0].kind,
            CustomKind::Select(vec![
                SelectOption {
                    value: "gold".into(),
                    label: "Gold".into()
                },
                SelectOption {
                    value: "silver".into(),
                    label: "silver".into()
                }
            ])
        );
        assert_eq!(
            (c.fields[1].required, c.fields[1].min, c.fields[1].max),
            (true, Some(1.0), Some(500.0))
        );
        assert_eq!(c.fields[1].kind, CustomKind::Number);
    }

    #[test]
    fn a_custom_field_the_backend_cannot_hold_is_refused_naming_it() {
        let refused = |text: &str| {
            let e = Config::parse(text).unwrap_err();
            (e.field.unwrap_or_default(), e.message)
        };
        assert_eq!(
            refused(r#"{"provider":"ysuite","fields":[{"key":"x","label":"X","type":"text"}]}"#),
            (
                "fields[0].key".into(),
                "cannot be set: this CRM's API has no custom fields".into()
            )
        );
        assert_eq!(
            refused(r#"{"provider":"heffl","fields":[{"key":"priority","label":"P","type":"text"}]}"#),
            (
                "fields[0].key".into(),
                "must be a key starting with cf_, such as cf_priority (it is “priority”)".into()
            )
        );
        assert_eq!(
            refused(r#"{"provider":"stardex","fields":[{"key":"tier","label":"T","type":"text"}]}"#).0,
            "fields[0].key"
        );
        assert_eq!(
            refused(r#"{"provider":"hubspot","fields":[{"key":"deal tier","label":"T","type":"text"}]}"#).0,
            "fields[0].key"
        );
        assert_eq!(
            refused(r#"{"fields":[{"key":"a","label":"A","type":"colour"}]}"#),
            (
                "fields[0].type".into(),
                "“colour” is not a field type; use text, long_text, number, money, date, select, checkbox, email, url, phone, person or company".into()
            )
        );
        assert_eq!(
            refused(r#"{"fields":[{"key":"a","label":"A","type":"select"}]}"#).0,
            "fields[0].options"
        );
        assert_eq!(
            refused(r#"{"fields":[{"key":"a","label":"A","type":"select","options":[{"label":"x"}]}]}"#).0,
            "fields[0].options[0].value"
        );
        assert_eq!(
            refused(r#"{"fields":[{"key":"a","label":"A","type":"text","options":[]}]}"#).0,
            "fields[0].options"
        );
        assert_eq!(
            refused(r#"{"fields":[{"key":"a","label":"A","type":"text"},{"key":"a","label":"B","type":"text"}]}"#),
            ("fields[1].key".into(), "“a” is listed twice".into())
        );
        assert_eq!(
            refused(r#"{"fields":[{"key":"a","type":"text"}]}"#).0,
            "fields[0].label"
        );
        assert_eq!(
            refused(r#"{"fields":[{"key":"a","label":"A","type":"number","min":5,"max":1}]}"#).0,
            "fields[0].min"
        );
        assert_eq!(
            refused(r#"{"fields":[{"key":"a","label":"A","type":"number","required":"yes"}]}"#).0,
            "fields[0].required"
        );
        assert_eq!(
            refused(r#"{"fields":[{"key":"a","label":"A","type":"number","pattern":"[0-9]+"}]}"#).0,
            "fields[0].pattern"
        );
        assert_eq!(
            refused(r#"{"fields":[{"key":"a","label":"A","type":"text","pattern_message":"Say it"}]}"#).0,
            "fields[0].pattern_message"
        );
        assert_eq!(
            refused(r#"{"fields":[{"key":"a","label":"A","type":"text","pattern":""}]}"#).0,
            "fields[0].pattern"
        );
        assert_eq!(
            refused(r#"{"fields":[{"key":"a","label":"A","type":"text","pattern":"x","pattern_message":" "}]}"#).0,
            "fields[0].pattern_message"
        );
        assert_eq!(refused(r#"{"fields":{"a":1}}"#).0, "fields");
        assert_eq!(
            refused(
                r#"{"provider":"rest","base_url":"/api","rest":{},"fields":[{"key":"tier","label":"T","type":"text"}]}"#
            )
            .0,
            "fields[0].key"
        );
    }

    #[test]
    fn built_in_fields_are_relabelled_hidden_and_placed_among_the_custom_ones() {
        let c = Config::parse(
            r#"{"fields":[{"key":"tier","label":"Tier","type":"text"},{"builtin":"description","label":"Notes"},{"builtin":"probability","hidden":true}]}"#,
        )
        .unwrap();
        assert_eq!(
            c.arrangement,
            vec![
                Placed::Custom(0),
                Placed::Builtin {
                    field: Field::Description,
                    label: Some("Notes".into()),
                    hidden: false
                },
                Placed::Builtin {
                    field: Field::Probability,
                    label: None,
                    hidden: true
                },
            ]
        );
        let refused = |text: &str| Config::parse(text).unwrap_err().field.unwrap_or_default();
        assert_eq!(refused(r#"{"fields":[{"builtin":"title"}]}"#), "fields[0].builtin");
        assert_eq!(
            refused(r#"{"fields":[{"builtin":"name"},{"builtin":"name"}]}"#),
            "fields[1].builtin"
        );
        assert_eq!(refused(r#"{"fields":[{"builtin":"name","type":"text"}]}"#), "fields[0]");
        assert_eq!(
            refused(r#"{"fields":[{"key":"a","label":"A","type":"text","hidden":true}]}"#),
            "fields[0].hidden"
        );
        let schema = crate::providers::local::schema()
            .with_custom(c.fields.clone())
            .arranged(&c.arrangement)
            .unwrap();
        let order: Vec<Field> = schema.fields().collect();
        // Built-in fields not listed first, then the listed ones in their order; the hidden one gone.
        assert_eq!(
            order,
            vec![
                Field::Name,
                Field::Amount,
                Field::Currency,
                Field::Stage,
                Field::CloseDate,
                Field::Owner,
                Field::Company,
                Field::Custom(0),
                Field::Description
            ]
        );
        assert_eq!(
            schema.label(Field::Description),
            crate::model::Message::verbatim("Notes")
        );
        let hide_name = Config::parse(r#"{"fields":[{"builtin":"name","hidden":true}]}"#).unwrap();
        assert_eq!(
            crate::providers::local::schema()
                .arranged(&hide_name.arrangement)
                .unwrap_err(),
            (0, "cannot be hidden: the name field is required here".to_owned())
        );
    }

    #[test]
    fn owners_and_companies_to_pick_from_are_read_with_their_ids() {
        let c = Config::parse(
            r#"{"owners":[{"id":"usr_1","label":"Mira Jones","detail":"mira@acme.com"}],"companies":[{"id":"clt_acme"}]}"#,
        )
        .unwrap();
        assert_eq!(c.owners[0].label, "Mira Jones");
        assert_eq!(c.owners[0].detail.as_deref(), Some("mira@acme.com"));
        assert_eq!(c.companies[0].label, "clt_acme");
        let refused = |t: &str| Config::parse(t).unwrap_err().field.unwrap_or_default();
        assert_eq!(refused(r#"{"owners":[{"label":"x"}]}"#), "owners[0].id");
        assert_eq!(refused(r#"{"owners":[{"id":"a"},{"id":"a"}]}"#), "owners[1].id");
        assert_eq!(refused(r#"{"companies":["acme"]}"#), "companies[0]");
    }

    #[test]
    fn language_and_messages_are_checked_against_the_catalogs() {
        let c = Config::parse(r#"{"language": "de-CH", "messages": {"list-new": "New opportunity"}}"#).unwrap();
        assert_eq!(c.language.as_deref(), Some("de"));
        assert_eq!(c.messages.get("list-new").map(String::as_str), Some("New opportunity"));
        let refused = |text: &str| {
            let e = Config::parse(text).unwrap_err();
            (e.field.unwrap_or_default(), e.message)
        };
        let (field, message) = refused(r#"{"language": "tlh"}"#);
        assert_eq!(field, "language");
        assert!(message.contains("use one of ar, de, en, es, fr or ja"), "{message}");
        assert_eq!(refused(r#"{"messages": {"list-neu": "x"}}"#).0, "messages.list-neu");
        assert_eq!(refused(r#"{"messages": {"direction": "rtl"}}"#).0, "messages.direction");
        assert_eq!(
            refused(r#"{"messages": {"list-new": "New { deal"}}"#).0,
            "messages.list-new"
        );
        let (field, message) = refused(r#"{"messages": {"notice-created": "{ $nme } is in"}}"#);
        assert_eq!(field, "messages.notice-created");
        assert!(message.contains("$nme") && message.contains("$name"), "{message}");
        assert_eq!(refused(r#"{"messages": {"list-new": ""}}"#).0, "messages.list-new");
    }
}
