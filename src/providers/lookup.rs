//! Look-ups whose shapes the vendors' public docs do not show (Stardex's team members and
//! company search, YSUITE's contacts, Heffl's users and clients): their paths are in each
//! provider's routes, which the configuration can replace (`routes.owners`, `routes.companies`),
//! and their replies are read leniently, in the most likely shapes, here in one place.

use super::http::{with_query, HttpResponse};
use crate::backend::BackendError;
use crate::model::lookup::{matching, person_name};
use crate::model::Choice;
use serde_json::Value;

/// A look-up by name at `path`: `?search={query}&pageSize=20`, as the list calls of YSUITE and
/// Heffl take their search.
pub fn search_path(path: &str, query: &str) -> String {
    with_query(
        path,
        &[
            ("search", Some(query.trim().to_owned())),
            ("pageSize", Some("20".to_owned())),
        ],
    )
}

/// Reads a look-up's reply with [`choices_in`], keeping the choices that match `query` (the
/// APIs without a search by name are asked for all of them).
pub fn read_choices(
    r: &HttpResponse,
    query: &str,
    lists: &[&str],
    ids: &[&str],
    details: &[&str],
) -> Result<Vec<Choice>, BackendError> {
    let body: Value = r.decode()?;
    let found = choices_in(&body, lists, ids, details);
    Ok(matching(&found, query, found.len()))
}

/// The members that name a record, in the order tried.
const NAME_KEYS: &[&str] = &["name", "company_name", "display_name", "full_name"];

/// The choices in a reply: the first of `lists` (JSON pointers) that points at a list, each
/// object in it a choice with its id at the first of `ids` found (text or a number), its name
/// (`name`, `company_name`…, else first and last names, else its detail or id) and its detail at
/// the first of `details`. Objects without an id are passed over.
///
/// ```
/// use dealform::providers::lookup::choices_in;
/// let body = serde_json::json!({"data": [{"id": "usr_1", "first_name": "Mira", "last_name": "Jones", "email": "m@x.io"}, {"name": "no id"}]});
/// let found = choices_in(&body, &["/data"], &["id"], &["email"]);
/// assert_eq!((found.len(), found[0].label.as_str()), (1, "Mira Jones"));
/// ```
pub fn choices_in(body: &Value, lists: &[&str], ids: &[&str], details: &[&str]) -> Vec<Choice> {
    let Some(items) = lists.iter().find_map(|p| body.pointer(p).and_then(Value::as_array)) else {
        return Vec::new();
    };
    let text = |item: &Value, keys: &[&str]| {
        keys.iter().find_map(|k| match item.get(*k)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::Number(n) => n.as_u64().map(|n| n.to_string()),
            _ => None,
        })
    };
    items
        .iter()
        .filter_map(|item| {
            let id = text(item, ids)?;
            let detail = text(item, details);
            let label = text(item, NAME_KEYS).unwrap_or_else(|| {
                let first = text(item, &["first_name", "firstName"]);
                let last = text(item, &["last_name", "lastName"]);
                person_name(first.as_deref(), last.as_deref(), detail.as_deref().unwrap_or(&id))
            });
            Some(Choice { id, label, detail })
        })
        .collect()
}
