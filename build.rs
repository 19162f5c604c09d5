//! Writes the CRM registry (`src/providers/crms.json`, one line per CRM) as Rust: the `Dialect`
//! enum, `each_dialect!`, `Dialect::connect` and the `CRMS` table the configuration reads. The
//! same file lists the CRMs for the fake CRM, the end-to-end tests and the scripts, so a new CRM
//! is its provider file, its fake's file, its fixtures and one line there.
//!
//! Each line: `provider` (the name in `config.json`), `dialect` (the provider type, under
//! `src/providers/`), `base_url` (the vendor's API), and `credentials`: the names the CRM's
//! credentials take, each with the value its contract fake accepts in tests; `custom_keys`, the
//! shape of the keys of the account's own fields (`uuid`, `name`, or a prefix such as `cf_`;
//! absent where the CRM's API has no custom fields).

use std::fmt::Write;
use std::path::PathBuf;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Crm {
    provider: String,
    dialect: String,
    base_url: String,
    credentials: serde_json::Map<String, serde_json::Value>,
    custom_keys: Option<String>,
}

fn main() {
    let path = "src/providers/crms.json";
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let crms: Vec<Crm> = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let variant = |c: &Crm| c.dialect.rsplit("::").next().unwrap_or_default().to_owned();

    let mut out = String::new();
    out.push_str("/// A CRM's dialect, holding its credentials (one variant per line of `crms.json`).\n");
    out.push_str("#[derive(Clone)]\npub enum Dialect {\n");
    for c in &crms {
        let _ = writeln!(
            out,
            "    /// `\"provider\": \"{}\"`.\n    {}({}),",
            c.provider,
            variant(c),
            c.dialect
        );
    }
    out.push_str("}\n\n");
    out.push_str("/// `$body` for the dialect `$dialect` holds, bound to `$p`: each arm is compiled for its own\n");
    out.push_str("/// type, so `$body` may box it as a trait object.\nmacro_rules! each_dialect {\n");
    out.push_str("    ($dialect:expr, $p:ident => $body:expr) => {\n        match $dialect {\n");
    for c in &crms {
        let _ = writeln!(out, "            Dialect::{}($p) => $body,", variant(c));
    }
    out.push_str("        }\n    };\n}\n\n");
    out.push_str("impl Dialect {\n    /// The dialect of the CRM `config.json` names `provider`, with these credentials; `None`\n");
    out.push_str("    /// for a name that is not in the registry.\n");
    out.push_str("    pub fn connect(provider: &str, credentials: &Credentials, currency: crate::model::Currency, custom: &[crate::model::CustomField]) -> Option<Self> {\n");
    out.push_str("        Some(match provider {\n");
    for c in &crms {
        let _ = writeln!(
            out,
            "            \"{}\" => Self::{}({}::connect(credentials, currency, custom)),",
            c.provider,
            variant(c),
            c.dialect
        );
    }
    out.push_str("            _ => return None,\n        })\n    }\n}\n\n");
    out.push_str("/// The CRMs this build speaks, as `crms.json` lists them.\npub const CRMS: &[Crm] = &[\n");
    for c in &crms {
        let names: Vec<String> = c.credentials.keys().map(|k| format!("{k:?}")).collect();
        let custom_keys = match c.custom_keys.as_deref() {
            None => "CustomKeys::None".to_owned(),
            Some("uuid") => "CustomKeys::Uuid".to_owned(),
            Some("name") => "CustomKeys::Name".to_owned(),
            Some(prefix) => format!("CustomKeys::Prefix({prefix:?})"),
        };
        let _ = writeln!(
            out,
            "    Crm {{ provider: {:?}, base_url: {:?}, credentials: &[{}], custom_keys: {custom_keys} }},",
            c.provider,
            c.base_url,
            names.join(", ")
        );
    }
    out.push_str("];\n");
    let dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(dir.join("crms.rs"), out).expect("OUT_DIR is writable");
    std::fs::write(dir.join("catalogs.rs"), catalogs()).expect("OUT_DIR is writable");
}

/// The languages (one `locales/{code}.ftl` each) and the keys of the English catalog, which every
/// catalog has (a test holds them to it): what `config.json`'s `language` and `messages` are
/// checked against without parsing a catalog.
fn catalogs() -> String {
    let dir = "locales";
    println!("cargo::rerun-if-changed={dir}");
    let mut languages: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".ftl").map(str::to_owned)
        })
        .collect();
    languages.sort();
    let english = std::fs::read_to_string("locales/en.ftl").unwrap_or_else(|e| panic!("locales/en.ftl: {e}"));
    // A message starts a line with its key and `=`; its other lines are indented or comments.
    let mut keys: Vec<&str> = Vec::new();
    let mut placeholders: Vec<Vec<String>> = Vec::new();
    for line in english.lines() {
        let starts = line
            .split_once('=')
            .map(|(key, rest)| (key.trim_end(), rest))
            .filter(|(key, _)| {
                key.starts_with(|c: char| c.is_ascii_lowercase())
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            });
        let text = match starts {
            Some((key, rest)) => {
                keys.push(key);
                placeholders.push(Vec::new());
                rest
            }
            None if line.starts_with('#') => continue,
            None => line,
        };
        if let Some(names) = placeholders.last_mut() {
            for (at, _) in text.match_indices('$') {
                let name: String = text[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
    }
    let placeholders: Vec<String> = placeholders.iter().map(|names| format!("&{names:?}")).collect();
    let placeholders = placeholders.join(", ");
    format!(
        "/// The languages there is a catalog for (`locales/{{code}}.ftl`), as codes.\n\
         pub const LANGUAGES: &[&str] = &{languages:?};\n\
         /// Every message's key, as the English catalog has them.\n\
         pub const MESSAGE_KEYS: &[&str] = &{keys:?};\n\
         /// The `$names` each of [`MESSAGE_KEYS`] fills in, in its order.\n\
         pub const PLACEHOLDERS: &[&[&str]] = &[{placeholders}];\n"
    )
}
