//! People and companies picked by name: what a picker offers, and which of its choices match
//! what was typed.

use super::text::fold_for_search;

/// What a picker looks up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LookupKind {
    /// The deal's owner: a person.
    Owner,
    /// The company the deal is with.
    Company,
}

/// One choice in a picker: the id that goes on the wire, the name a person reads, and what
/// tells two of the same name apart (an e-mail address, a domain).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// What the backend stores.
    pub id: String,
    /// What a person reads.
    pub label: String,
    /// An e-mail address or a domain, if known.
    pub detail: Option<String>,
}

impl Choice {
    /// A choice whose id is its name (the local backend's owners and companies).
    pub fn named(name: &str) -> Self {
        Self {
            id: name.to_owned(),
            label: name.to_owned(),
            detail: None,
        }
    }
}

/// The choices whose name, detail or id contains `query`, ignoring case and accents, in their
/// order, at most `limit`; every choice (up to `limit`) for a blank query.
///
/// ```
/// use dealform::model::lookup::{matching, Choice};
/// let people = [Choice { id: "usr_1".into(), label: "Émile Zola".into(), detail: Some("emile@x.fr".into()) }];
/// assert_eq!(matching(&people, "zol", 10).len(), 1);
/// assert_eq!(matching(&people, "EMILE", 10).len(), 1);
/// assert!(matching(&people, "hugo", 10).is_empty());
/// ```
pub fn matching(choices: &[Choice], query: &str, limit: usize) -> Vec<Choice> {
    let needle = fold_for_search(query.trim());
    choices
        .iter()
        .filter(|c| {
            needle.is_empty()
                || fold_for_search(&c.label).contains(&needle)
                || c.detail
                    .as_deref()
                    .is_some_and(|d| fold_for_search(d).contains(&needle))
                || fold_for_search(&c.id).contains(&needle)
        })
        .take(limit)
        .cloned()
        .collect()
}

/// A person's name from its parts, else `fallback` (an e-mail address, an id).
pub fn person_name(first: Option<&str>, last: Option<&str>, fallback: &str) -> String {
    let name = [first, last]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        fallback.to_owned()
    } else {
        name
    }
}

/// The label of the choice whose id is `id`, if one of `choices` has it.
pub fn label_of<'a>(choices: &'a [Choice], id: &str) -> Option<&'a str> {
    choices.iter().find(|c| c.id == id).map(|c| c.label.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_query_offers_the_first_choices_and_ids_match_too() {
        let choices: Vec<Choice> = ["Ann", "Bo", "Cy"].iter().map(|n| Choice::named(n)).collect();
        assert_eq!(matching(&choices, " ", 2).len(), 2);
        let ids = [Choice {
            id: "clt_acme".into(),
            label: "Acme".into(),
            detail: Some("acme.com".into()),
        }];
        assert_eq!(matching(&ids, "clt_", 5).len(), 1);
        assert_eq!(matching(&ids, "acme.c", 5).len(), 1);
        assert_eq!(label_of(&ids, "clt_acme"), Some("Acme"));
        assert_eq!(label_of(&ids, "clt_x"), None);
    }
}
