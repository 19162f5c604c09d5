//! The words the UI shows, in the user's language: one Fluent catalog per language
//! (`locales/{code}.ftl`, fetched for the language in use only), read by `fluent-bundle`, whose
//! grammar (plural forms by CLDR's rules, selectors, word order in the message) lets each
//! translation say things its own way. README's "Languages" says why Fluent.
//!
//! Plain Rust: the catalogs are read and checked on the host (`cargo test`), as the browser
//! reads them.

use crate::model::{Arg, Message};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));

/// The language shown where nothing else is asked for, and whose catalog lists every key.
pub const ENGLISH: &str = "en";

/// Writes a number in the user's locale (the browser's `Intl.NumberFormat`), for the numbers
/// inside messages; plain digits where none is set.
pub type NumberFormat = Rc<dyn Fn(f64) -> String>;

thread_local! {
    /// The number format of the catalog formatting a message right now (see [`Catalog::say`]):
    /// `fluent-bundle` takes a plain function as its formatter, which cannot hold one.
    static NUMBER_FORMAT: RefCell<Option<NumberFormat>> = const { RefCell::new(None) };
}

fn format_number(value: &FluentValue, _: &intl_memoizer::IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(n) => NUMBER_FORMAT.with_borrow(|f| f.as_ref().map(|f| f(n.value))),
        _ => None,
    }
}

/// Why a catalog, or a message the configuration gives, cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// The catalog file is not Fluent: what the parser met.
    Unreadable(String),
    /// A message of `messages` in config.json is not Fluent: its key.
    BadOverride(String),
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::Unreadable(what) => write!(f, "not a catalog Fluent can read ({what})"),
            CatalogError::BadOverride(key) => write!(f, "messages.{key} is not a message Fluent can read"),
        }
    }
}

/// One language's messages, with the configuration's own wording over them.
pub struct Catalog {
    bundle: FluentBundle<FluentResource>,
    language: &'static str,
    /// Whether the catalog's `direction` is `rtl`.
    rtl: bool,
    number_format: Option<NumberFormat>,
}

impl Catalog {
    /// Reads `ftl`, the catalog of `language`, and lays `overrides` (config.json's `messages`,
    /// key to Fluent text, keys already checked against [`MESSAGE_KEYS`]) over it.
    pub fn new(
        language: &'static str,
        ftl: String,
        overrides: &BTreeMap<String, String>,
    ) -> Result<Self, CatalogError> {
        let langid = language.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![langid]);
        bundle.set_formatter(Some(format_number));
        let resource = FluentResource::try_new(ftl).map_err(|(_, errors)| {
            CatalogError::Unreadable(errors.first().map(|e| format!("{:?}", e.kind)).unwrap_or_default())
        })?;
        bundle
            .add_resource(resource)
            .map_err(|e| CatalogError::Unreadable(format!("{:?}", e.first())))?;
        // Bidi isolation around each value put into a right-to-left sentence, so that a name in
        // Latin letters or a number keeps its place among the quotes and brackets around it.
        // Left to right there is no need, and the marks would be in every copied text.
        let rtl = bundle
            .get_message("direction")
            .and_then(|m| m.value())
            .is_some_and(|p| bundle.format_pattern(p, None, &mut Vec::new()) == "rtl");
        bundle.set_use_isolating(rtl);
        for (key, text) in overrides {
            let resource = override_entry(key, text).map_err(|_| CatalogError::BadOverride(key.clone()))?;
            bundle.add_resource_overriding(resource);
        }
        Ok(Self {
            bundle,
            language,
            rtl,
            number_format: None,
        })
    }

    /// This catalog, writing the numbers in its messages with `format`.
    #[must_use]
    pub fn with_number_format(mut self, format: NumberFormat) -> Self {
        self.number_format = Some(format);
        self
    }

    /// The language's code, as the element's `lang` takes it.
    pub fn language(&self) -> &'static str {
        self.language
    }

    /// `rtl` where the language is written right to left, else `ltr` (the catalog's `direction`).
    pub fn direction(&self) -> &'static str {
        if self.rtl {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The message `key`, which takes no arguments.
    pub fn text(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// `message` in this language.
    pub fn say(&self, message: &Message) -> String {
        match message {
            Message::Verbatim(text) => text.to_string(),
            Message::Catalog { key, args } => {
                let mut fluent_args = FluentArgs::new();
                for (name, arg) in args {
                    let value = match arg {
                        Arg::Text(text) => FluentValue::from(text.as_str()),
                        Arg::Number(n) => FluentValue::from(*n),
                        Arg::Message(inner) => FluentValue::from(self.say(inner)),
                    };
                    fluent_args.set(*name, value);
                }
                self.format(key, Some(&fluent_args))
            }
        }
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            // Every key is in every catalog (a test holds them to it): the key shows the slip.
            return key.to_owned();
        };
        let previous = NUMBER_FORMAT.with_borrow_mut(|f| std::mem::replace(f, self.number_format.clone()));
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors).into_owned();
        NUMBER_FORMAT.with_borrow_mut(|f| *f = previous);
        text
    }
}

/// The language to show for these preferences, in order (`language` in config.json, the host
/// page's `lang`, the browser's languages): the first with a catalog, by its whole tag or its
/// language alone (`de-CH` is German); `None` where none has one.
///
/// ```
/// use dealform::i18n::pick_language;
/// assert_eq!(pick_language(["de-CH", "fr"]), Some("de"));
/// assert_eq!(pick_language(["x-klingon", "AR"]), Some("ar"));
/// assert_eq!(pick_language(["pt-BR"]), None);
/// ```
pub fn pick_language<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    preferences.into_iter().find_map(|tag| {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        LANGUAGES.iter().copied().find(|code| *code == primary)
    })
}

/// `text` as the catalog entry `key`, or what Fluent could not read in it.
fn override_entry(key: &str, text: &str) -> Result<FluentResource, String> {
    // A value on lines of its own, each indented under its key, as Fluent writes one.
    let entry = format!("{key} =\n    {}\n", text.trim().replace('\n', "\n    "));
    FluentResource::try_new(entry).map_err(|(_, errors)| {
        let kind = errors.first().map(|e| format!("{:?}", e.kind)).unwrap_or_default();
        format!(
            "is not a message Fluent can read ({kind}); a placeable is written {{ $name }}, a brace as {{ \"{{\" }}"
        )
    })
}

/// Checks config.json's `messages` entry for `key`: `Err` says why Fluent cannot read it.
///
/// ```
/// use dealform::i18n::check_override;
/// assert!(check_override("list-new", "New opportunity").is_ok());
/// assert!(check_override("list-new", "New { opportunity").is_err());
/// assert!(check_override("notice-created", "{ $name } is in").is_ok());
/// assert!(check_override("notice-created", "{ $nme } is in").is_err());
/// ```
pub fn check_override(key: &str, text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("is empty: leave it out to keep the catalog's words".to_owned());
    }
    override_entry(key, text)?;
    let known = MESSAGE_KEYS
        .iter()
        .position(|k| *k == key)
        .map_or(&[][..], |i| PLACEHOLDERS[i]);
    for name in placeholders_in(text) {
        if !known.contains(&name) {
            let has = match known {
                [] => "none".to_owned(),
                names => names.iter().map(|n| format!("${n}")).collect::<Vec<_>>().join(", "),
            };
            return Err(format!(
                "uses ${name}, which this message does not fill in (it has {has})"
            ));
        }
    }
    Ok(())
}

/// The `$names` a line of Fluent text uses, in order (repeats included).
fn placeholders_in(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices('$').map(move |(at, _)| {
        let name = &text[at + 1..];
        let end = name
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(name.len());
        &name[..end]
    })
}

/// Whether `key` is a message of the catalogs.
pub fn is_message_key(key: &str) -> bool {
    MESSAGE_KEYS.contains(&key)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every catalog, by language, as the build ships them.
    fn catalogs() -> Vec<(&'static str, String)> {
        LANGUAGES
            .iter()
            .map(|code| {
                let path = format!("{}/locales/{code}.ftl", env!("CARGO_MANIFEST_DIR"));
                (
                    *code,
                    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")),
                )
            })
            .collect()
    }

    /// The English catalog, for tests that read a message as a user would.
    pub(crate) fn english() -> Catalog {
        let ftl = std::fs::read_to_string(format!("{}/locales/en.ftl", env!("CARGO_MANIFEST_DIR"))).expect("en.ftl");
        Catalog::new(ENGLISH, ftl, &BTreeMap::new()).expect("en.ftl reads")
    }

    /// `message` in English.
    pub(crate) fn say(message: &Message) -> String {
        english().say(message)
    }

    /// Each message's key with the `$names` its text uses, read line by line: a message starts
    /// a line with its key, its other lines are indented.
    fn placeholders(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut messages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current: Option<String> = None;
        for line in ftl.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let starts_message = line.split_once('=').filter(|(key, _)| {
                let key = key.trim_end();
                key.starts_with(|c: char| c.is_ascii_alphabetic())
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            });
            let text = match starts_message {
                Some((key, rest)) => {
                    current = Some(key.trim().to_owned());
                    messages.entry(key.trim().to_owned()).or_default();
                    rest
                }
                None => line,
            };
            let names = messages.entry(current.clone().unwrap_or_default()).or_default();
            names.extend(placeholders_in(text).map(str::to_owned));
        }
        messages
    }

    #[test]
    fn every_key_is_in_every_catalog_with_the_same_placeholders() {
        let all = catalogs();
        let english = placeholders(&all.iter().find(|(code, _)| *code == ENGLISH).expect("en.ftl").1);
        // The build's list of keys (which `messages` is checked against) is the catalog's.
        let built: BTreeSet<&str> = MESSAGE_KEYS.iter().copied().collect();
        assert_eq!(english.keys().map(String::as_str).collect::<BTreeSet<_>>(), built);
        for (code, ftl) in &all {
            let theirs = placeholders(ftl);
            for (key, names) in &english {
                assert_eq!(
                    theirs.get(key),
                    Some(names),
                    "{code}.ftl: “{key}” is missing or has other placeholders"
                );
            }
            let extra: Vec<_> = theirs.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(extra.is_empty(), "{code}.ftl has keys English lacks: {extra:?}");
        }
    }

    #[test]
    fn every_catalog_reads_and_every_message_formats_without_errors() {
        for (code, ftl) in catalogs() {
            let language = LANGUAGES.iter().copied().find(|c| *c == code).expect("listed");
            let catalog =
                Catalog::new(language, ftl.clone(), &BTreeMap::new()).unwrap_or_else(|e| panic!("{code}: {e:?}"));
            let names = placeholders(&ftl);
            for key in MESSAGE_KEYS {
                let pattern = catalog.bundle.get_message(key).and_then(|m| m.value());
                let pattern = pattern.unwrap_or_else(|| panic!("{code}: “{key}” has no value"));
                for count in [0.0, 1.0, 2.0, 5.0, 11.0, 100.0] {
                    let mut args = FluentArgs::new();
                    for name in &names[*key] {
                        args.set(name.as_str(), FluentValue::from(count));
                    }
                    let mut errors = Vec::new();
                    let _ = catalog.bundle.format_pattern(pattern, Some(&args), &mut errors);
                    assert!(errors.is_empty(), "{code}: “{key}” with {count}: {errors:?}");
                }
            }
        }
    }

    #[test]
    fn each_catalog_says_its_direction() {
        for (code, ftl) in catalogs() {
            let language = LANGUAGES.iter().copied().find(|c| *c == code).expect("listed");
            let catalog = Catalog::new(language, ftl, &BTreeMap::new()).expect("reads");
            let expected = if code == "ar" { "rtl" } else { "ltr" };
            assert_eq!(catalog.direction(), expected, "{code}");
        }
    }

    /// The form's summary of `n` fields needing attention, in `catalog`.
    fn summary(catalog: &Catalog, n: f64) -> String {
        catalog.say(
            &Message::key("form-errors-summary")
                .number("count", n)
                .text("fields", "Name"),
        )
    }

    /// `code`'s catalog, as the build ships it.
    fn catalog(code: &'static str) -> Catalog {
        let path = format!("{}/locales/{code}.ftl", env!("CARGO_MANIFEST_DIR"));
        Catalog::new(code, std::fs::read_to_string(path).expect("catalog"), &BTreeMap::new()).expect("reads")
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        let en = english();
        assert_eq!(summary(&en, 1.0), "1 field needs attention before saving: Name.");
        assert_eq!(summary(&en, 2.0), "2 fields need attention before saving: Name.");
        // Arabic has six plural forms: 2 (two) and 11 (many) are not 3 (few).
        let ar = catalog("ar");
        let words = |n: f64| summary(&ar, n).replace(|c: char| c.is_ascii_digit(), "");
        let forms: BTreeSet<String> = [1.0, 2.0, 3.0, 11.0, 100.0].into_iter().map(words).collect();
        assert_eq!(forms.len(), 5, "{forms:?}");
    }

    #[test]
    fn numbers_in_messages_take_the_locales_digits() {
        let catalog = english().with_number_format(Rc::new(|n: f64| format!("<{n}>")));
        assert_eq!(summary(&catalog, 2.0), "<2> fields need attention before saving: Name.");
    }

    #[test]
    fn a_nested_message_is_said_in_the_same_language() {
        let label = Message::key("field-name");
        let message = Message::key("error-required").message("label", label);
        assert_eq!(say(&message), "Name is required");
        let german = catalog("de");
        let said = german.say(&message);
        assert!(
            said.contains(&german.text("field-name")) && said != say(&message),
            "{said}"
        );
    }

    #[test]
    fn messages_override_by_key_and_a_broken_one_is_named() {
        let ftl = std::fs::read_to_string(format!("{}/locales/en.ftl", env!("CARGO_MANIFEST_DIR"))).expect("en.ftl");
        let overrides = BTreeMap::from([("list-new".to_owned(), "New opportunity".to_owned())]);
        let catalog = Catalog::new(ENGLISH, ftl.clone(), &overrides).expect("reads");
        assert_eq!(catalog.text("list-new"), "New opportunity");
        let broken = BTreeMap::from([("list-new".to_owned(), "New { opportunity".to_owned())]);
        assert_eq!(
            Catalog::new(ENGLISH, ftl, &broken).err(),
            Some(CatalogError::BadOverride("list-new".into()))
        );
    }
}
