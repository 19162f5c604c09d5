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

/// The names learned for owners' and companies' ids in a session: every look-up's answers,
/// kept so that a list, and a form opened again, show names where the CRM sends ids alone.
#[derive(Debug, Default)]
pub struct NameBook {
    owners: Vec<Choice>,
    companies: Vec<Choice>,
    /// The kinds whose first choices were already asked for to name a list (once a session).
    asked: Vec<LookupKind>,
}

impl NameBook {
    fn of(&self, kind: LookupKind) -> &Vec<Choice> {
        match kind {
            LookupKind::Owner => &self.owners,
            LookupKind::Company => &self.companies,
        }
    }

    /// Keeps `choices`' names; a later name for an id replaces the earlier one.
    pub fn learn(&mut self, kind: LookupKind, choices: &[Choice]) {
        let known = match kind {
            LookupKind::Owner => &mut self.owners,
            LookupKind::Company => &mut self.companies,
        };
        for choice in choices {
            match known.iter_mut().find(|c| c.id == choice.id) {
                Some(old) => *old = choice.clone(),
                None => known.push(choice.clone()),
            }
        }
    }

    /// The name learned for `id`.
    pub fn name(&self, kind: LookupKind, id: &str) -> Option<&str> {
        label_of(self.of(kind), id)
    }

    /// The kinds worth one look-up before `deals` show: some owner or company id (`extra` adds
    /// ids held elsewhere, such as person fields) has no name yet, and that kind was not asked
    /// for already. Marks them asked.
    pub fn to_ask(&mut self, deals: &[super::Deal], extra: &[(LookupKind, &str)]) -> Vec<LookupKind> {
        let mut ids: Vec<(LookupKind, &str)> = Vec::new();
        for d in deals {
            if let (None, Some(id)) = (&d.labels.owner, &d.fields.owner) {
                ids.push((LookupKind::Owner, id));
            }
            if let Some(id) = &d.fields.company {
                ids.push((LookupKind::Company, id));
            }
        }
        ids.extend_from_slice(extra);
        let mut kinds = Vec::new();
        for (kind, id) in ids {
            if !self.asked.contains(&kind) && self.name(kind, id).is_none() {
                self.asked.push(kind);
                kinds.push(kind);
            }
        }
        kinds
    }
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

    #[test]
    fn a_name_book_asks_each_kind_once_for_ids_it_cannot_name() {
        use crate::model::{Deal, DealFields, DealId, Labels};
        let deal = |owner: &str, company: &str| Deal {
            id: DealId("1".into()),
            fields: DealFields {
                owner: Some(owner.into()),
                company: Some(company.into()),
                ..DealFields::default()
            },
            labels: Labels::default(),
        };
        let named = |id: &str, label: &str| Choice {
            id: id.into(),
            label: label.into(),
            detail: None,
        };
        // Names known beforehand (the configuration's) ask for nothing.
        let mut book = NameBook::default();
        book.learn(LookupKind::Owner, &[named("usr_1", "Ann")]);
        book.learn(LookupKind::Company, &[named("clt_1", "Acme")]);
        assert!(book.to_ask(&[deal("usr_1", "clt_1")], &[]).is_empty());
        // An id held elsewhere (a person field) counts too.
        assert_eq!(
            book.to_ask(&[deal("usr_1", "clt_1")], &[(LookupKind::Owner, "usr_9")]),
            vec![LookupKind::Owner]
        );
        // Asked once a session: a second list does not ask again.
        let deals = [deal("usr_2", "clt_2")];
        assert_eq!(book.to_ask(&deals, &[]), vec![LookupKind::Company]);
        assert!(book.to_ask(&deals, &[]).is_empty());
        // A later name for an id replaces the earlier one.
        book.learn(LookupKind::Owner, &[named("usr_1", "Ann Lee")]);
        assert_eq!(book.name(LookupKind::Owner, "usr_1"), Some("Ann Lee"));
        assert_eq!(book.name(LookupKind::Company, "clt_2"), None);
    }
}
