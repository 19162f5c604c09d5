//! The embedded default backend: deals kept in the browser's own storage, so the app works
//! with no configuration and no server.
//!
//! Storage is reached through [`KeyValueStore`], so everything here (the versioned format,
//! search, sort, paging, corruption handling) runs and is tested on the host.

use crate::backend::{BackendError, DealsBackend, LocalBoxFuture};
use crate::key_value::KeyValueStore;
#[cfg(test)]
use crate::key_value::MemoryStore;
use crate::model::text::{fold_for_search, search_words};
use crate::model::{
    Currency, Cursor, CustomField, CustomKind, CustomValue, Date, Deal, DealFields, DealId, Field, FieldRule,
    ListQuery, Money, Page, PagingStyle, Schema, Sort, SortDir, SortField, Stage,
};
use crate::wire::{Entries, Lenient};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The version of the stored format; bump it with a migration when the format changes.
pub const FORMAT_VERSION: u32 = 1;

/// What is stored under the key, `{"version", "next_id", "deals": [Deal…]}`: versioned, so a
/// future format can migrate old data.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Stored {
    version: u32,
    next_id: u64,
    deals: Vec<Deal>,
}

/// The storage key for a namespace; widgets on one page use different namespaces.
pub fn storage_key(namespace: &str) -> String {
    format!("{namespace}.deals.v{FORMAT_VERSION}")
}

/// The local backend's fields: everything the domain has, with generous limits.
pub fn schema() -> Schema {
    Schema::new(vec![
        FieldRule::optional(Field::Name).required().max_chars(255),
        FieldRule::optional(Field::Amount).range(0, crate::model::money::MAX_MAJOR),
        FieldRule::optional(Field::Currency),
        FieldRule::optional(Field::Stage).required(),
        FieldRule::optional(Field::CloseDate),
        FieldRule::optional(Field::Probability).range(0, 100),
        FieldRule::optional(Field::Owner).max_chars(100),
        FieldRule::optional(Field::Company).max_chars(200),
        FieldRule::optional(Field::Description).max_chars(5000),
    ])
}

/// The local backend's pipeline.
pub fn stages() -> Vec<Stage> {
    [
        ("lead", "Lead", 10),
        ("qualified", "Qualified", 25),
        ("proposal", "Proposal", 50),
        ("negotiation", "Negotiation", 75),
        ("won", "Closed won", 100),
        ("lost", "Closed lost", 0),
    ]
    .into_iter()
    .map(|(id, label, p)| Stage {
        probability: Some(p),
        ..Stage::new(id, label)
    })
    .collect()
}

/// A few deals to show a first-time visitor of the demo what the app does.
pub fn sample_deals(currency: Currency) -> Vec<DealFields> {
    let deal = |name: &str, major: i64, stage: &str, date: &str, p: u8, owner: &str, company: &str| DealFields {
        name: name.to_owned(),
        amount: Some(Money::new(major * 10_i64.pow(currency.minor_digits()), currency)),
        stage: Some(stage.to_owned()),
        close_date: Date::parse_iso(date).ok(),
        probability: Some(p),
        owner: Some(owner.to_owned()),
        company: Some(company.to_owned()),
        description: None,
        custom: Default::default(),
    };
    vec![
        deal(
            "Acme Corp — Enterprise licence",
            15_000,
            "proposal",
            "2026-12-15",
            50,
            "John Smith",
            "Acme Corp",
        ),
        deal(
            "Fundstack contract",
            4_200,
            "negotiation",
            "2027-01-31",
            75,
            "Ana Souza",
            "Fundstack",
        ),
        deal(
            "Globex support renewal",
            8_900,
            "qualified",
            "2027-03-01",
            25,
            "Li Wei",
            "Globex",
        ),
        deal(
            "Initech pilot",
            1_200,
            "lead",
            "2027-02-14",
            10,
            "John Smith",
            "Initech",
        ),
        deal(
            "Umbrella data migration",
            56_000,
            "won",
            "2026-10-30",
            100,
            "Ana Souza",
            "Umbrella",
        ),
    ]
}

/// Deals in browser storage.
pub struct LocalBackend<S> {
    store: S,
    key: String,
    schema: Schema,
    stages: Vec<Stage>,
    seed: Option<Currency>,
}

impl<S: KeyValueStore> LocalBackend<S> {
    /// A backend over `store`, under the namespace's key. With `seed`, an untouched store
    /// starts with [`sample_deals`] in that currency.
    pub fn new(store: S, namespace: &str, seed: Option<Currency>) -> Self {
        Self {
            store,
            key: storage_key(namespace),
            schema: schema(),
            stages: stages(),
            seed,
        }
    }

    /// The same backend with the account's own fields, kept beside the built-in ones.
    pub fn with_custom(mut self, fields: Vec<crate::model::CustomField>) -> Self {
        self.schema = schema().with_custom(fields);
        self
    }

    /// The storage key in use.
    pub fn key(&self) -> &str {
        &self.key
    }

    fn corrupt(&self, reason: impl Into<String>) -> BackendError {
        BackendError::StorageCorrupt {
            key: self.key.clone(),
            reason: reason.into(),
        }
    }

    fn load(&self) -> Result<Stored, BackendError> {
        let raw = self.store.get(&self.key).map_err(BackendError::StorageUnavailable)?;
        let Some(raw) = raw else {
            let mut stored = Stored {
                version: FORMAT_VERSION,
                next_id: 1,
                deals: Vec::new(),
            };
            if let Some(currency) = self.seed {
                for fields in sample_deals(currency) {
                    stored.deals.push(Deal::new(DealId(stored.next_id.to_string()), fields));
                    stored.next_id += 1;
                }
                self.save(&stored)?;
            }
            return Ok(stored);
        };
        // Read the version first, so newer data is named as such rather than as garbage.
        let members = match crate::wire::from_str::<Entries<Lenient<u64>>>(&raw) {
            Ok(Entries(members)) => members,
            Err(_) if crate::wire::from_str::<serde::de::IgnoredAny>(&raw).is_ok() => {
                return Err(self.corrupt("not data saved by dealform"))
            }
            Err(e) => return Err(self.corrupt(format!("not valid JSON: {e}"))),
        };
        match members.into_iter().find(|(k, _)| k == "version").and_then(|(_, v)| v.0) {
            Some(v) if v == u64::from(FORMAT_VERSION) => {}
            Some(v) => {
                return Err(self.corrupt(format!(
                    "written in format version {v}; this app reads version {FORMAT_VERSION}"
                )))
            }
            None => return Err(self.corrupt("not data saved by dealform")),
        }
        crate::wire::from_str::<Stored>(&raw).map_err(|e| self.corrupt(format!("unexpected contents: {e}")))
    }

    fn save(&self, stored: &Stored) -> Result<(), BackendError> {
        let raw = crate::wire::to_string(stored);
        self.store
            .set(&self.key, &raw)
            .map_err(BackendError::StorageUnavailable)
    }

    fn list_now(&self, query: &ListQuery) -> Result<Page, BackendError> {
        let stored = self.load()?;
        let needle = search_words(&fold_for_search(&query.search));
        let mut deals: Vec<Deal> = stored
            .deals
            .into_iter()
            .filter(|d| matches_search(d, &needle, &self.stages))
            .collect();
        if let Some(sort) = query.sort {
            deals = sorted(deals, sort, &self.stages, self.schema.custom());
        }
        let offset = match &query.cursor {
            Cursor::Start => 0,
            Cursor::Offset(o) => usize::try_from(*o).unwrap_or(usize::MAX),
            Cursor::PageIndex(_) | Cursor::Token(_) => {
                return Err(BackendError::Malformed(
                    "the local backend pages by offset, not by page number or token".into(),
                ))
            }
        };
        let size = query.page_size.max(1) as usize;
        let total = deals.len();
        let page: Vec<Deal> = deals.into_iter().skip(offset).take(size).collect();
        let end = offset.saturating_add(page.len());
        Ok(Page {
            deals: page,
            total: Some(total as u64),
            next: (end < total).then_some(Cursor::Offset(end as u64)),
        })
    }

    fn check_stage(&self, fields: &DealFields) -> Result<(), BackendError> {
        match &fields.stage {
            Some(s) if !self.stages.iter().any(|st| &st.id == s) => Err(BackendError::Fields {
                errors: vec![crate::model::FieldError::new(
                    Field::Stage,
                    crate::model::Message::key("error-choose-from-list"),
                )],
                message: None,
            }),
            _ => Ok(()),
        }
    }

    fn create_now(&self, fields: &DealFields) -> Result<Deal, BackendError> {
        self.check_stage(fields)?;
        let mut stored = self.load()?;
        let deal = Deal::new(DealId(stored.next_id.to_string()), fields.clone());
        stored.next_id += 1;
        stored.deals.push(deal.clone());
        self.save(&stored)?;
        Ok(deal)
    }

    fn update_now(&self, id: &DealId, fields: &DealFields) -> Result<Deal, BackendError> {
        self.check_stage(fields)?;
        let mut stored = self.load()?;
        let slot = stored
            .deals
            .iter_mut()
            .find(|d| &d.id == id)
            .ok_or(BackendError::NotFound)?;
        slot.fields = fields.clone();
        let deal = slot.clone();
        self.save(&stored)?;
        Ok(deal)
    }

    fn delete_now(&self, id: &DealId) -> Result<(), BackendError> {
        let mut stored = self.load()?;
        let before = stored.deals.len();
        stored.deals.retain(|d| &d.id != id);
        if stored.deals.len() == before {
            return Err(BackendError::NotFound);
        }
        self.save(&stored)
    }
}

/// Whether `needle` (case folded) is in the deal's name, company, owner, description or the name
/// of its stage: what the list shows of it as words, so a search for "negotiation" finds the
/// deals at that stage.
fn matches_search(deal: &Deal, needle: &str, stages: &[Stage]) -> bool {
    if needle.is_empty() {
        return true;
    }
    let f = &deal.fields;
    let stage = f
        .stage
        .as_ref()
        .and_then(|id| stages.iter().find(|s| &s.id == id))
        .map(|s| &s.label);
    [
        Some(&f.name),
        f.company.as_ref(),
        f.owner.as_ref(),
        f.description.as_ref(),
        stage,
    ]
    .into_iter()
    .flatten()
    // Runs of spaces in the deal as one, as in the search and on the page.
    .any(|t| search_words(&fold_for_search(t)).contains(needle))
}

/// What a deal is ordered by in one column.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Text(String),
    Number(i128),
    Position(usize),
    Day(Date),
}

/// The deals ordered by a column; deals lacking the value come last in either direction, ties
/// fall back to the id so paging is stable. Each deal's key is computed once, not at every
/// comparison (folding the case of 10,000 names twice per comparison was most of the sort).
fn sorted(deals: Vec<Deal>, sort: Sort, stages: &[Stage], custom: &[CustomField]) -> Vec<Deal> {
    let key = |d: &Deal| {
        let f = &d.fields;
        match sort.field {
            SortField::Custom(i) => {
                let c = custom.get(usize::from(i))?;
                match (f.custom.get(&c.key)?, &c.kind) {
                    // A select sorts in its options' order, as its stage list does.
                    (CustomValue::Text(t), CustomKind::Select(options)) => Some(SortKey::Position(
                        options.iter().position(|o| o.value == *t).unwrap_or(usize::MAX),
                    )),
                    (CustomValue::Text(t), _) => Some(SortKey::Text(fold_for_search(t))),
                    (CustomValue::Number(n), _) => Some(SortKey::Number((n * 1000.0).round() as i128)),
                    (CustomValue::Flag(b), _) => Some(SortKey::Number(i128::from(*b))),
                }
            }
            SortField::Name => Some(SortKey::Text(fold_for_search(&f.name))),
            SortField::Amount => f.amount.map(|m| SortKey::Number(thousandths(m))),
            SortField::Stage => f
                .stage
                .as_ref()
                .and_then(|s| stages.iter().position(|st| &st.id == s))
                .map(SortKey::Position),
            SortField::CloseDate => f.close_date.map(SortKey::Day),
            SortField::Owner => f.owner.as_deref().map(|o| SortKey::Text(fold_for_search(o))),
        }
    };
    let mut keyed: Vec<(Option<SortKey>, Deal)> = deals.into_iter().map(|d| (key(&d), d)).collect();
    keyed.sort_by(|(ka, a), (kb, b)| {
        let primary = match (ka, kb) {
            (Some(x), Some(y)) => match sort.dir {
                SortDir::Asc => x.cmp(y),
                SortDir::Desc => y.cmp(x),
            },
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        primary.then_with(|| id_order(&a.id, &b.id))
    });
    keyed.into_iter().map(|(_, d)| d).collect()
}

/// An amount in thousandths of its major unit: exact for every currency, so amounts compare
/// by value whatever their minor unit (currencies are not converted).
fn thousandths(m: Money) -> i128 {
    i128::from(m.minor) * 10_i128.pow(3 - m.currency.minor_digits().min(3))
}

/// Numeric ids in numeric order, so deal 10 follows deal 9.
fn id_order(a: &DealId, b: &DealId) -> Ordering {
    match (a.0.parse::<u64>(), b.0.parse::<u64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        _ => a.cmp(b),
    }
}

impl<S: KeyValueStore> DealsBackend for LocalBackend<S> {
    fn name(&self) -> &str {
        "this browser"
    }
    fn schema(&self) -> &Schema {
        &self.schema
    }
    fn capabilities(&self) -> crate::model::Capabilities {
        // Every column, the account's own listed fields too.
        let mut all = crate::model::Capabilities::all();
        let listed = self.schema.custom().iter().enumerate().filter(|(_, c)| c.column);
        all.sort.extend(listed.map(|(i, _)| SortField::Custom(i as u8)));
        all
    }
    fn paging(&self) -> PagingStyle {
        PagingStyle::Offset { total: true }
    }
    fn list<'a>(&'a self, query: &'a ListQuery) -> LocalBoxFuture<'a, Result<Page, BackendError>> {
        Box::pin(std::future::ready(self.list_now(query)))
    }
    fn get<'a>(&'a self, id: &'a DealId) -> LocalBoxFuture<'a, Result<Deal, BackendError>> {
        let found = self
            .load()
            .and_then(|s| s.deals.into_iter().find(|d| &d.id == id).ok_or(BackendError::NotFound));
        Box::pin(std::future::ready(found))
    }
    fn create<'a>(&'a self, fields: &'a DealFields) -> LocalBoxFuture<'a, Result<Deal, BackendError>> {
        Box::pin(std::future::ready(self.create_now(fields)))
    }
    fn update<'a>(&'a self, id: &'a DealId, fields: &'a DealFields) -> LocalBoxFuture<'a, Result<Deal, BackendError>> {
        Box::pin(std::future::ready(self.update_now(id, fields)))
    }
    fn delete<'a>(&'a self, id: &'a DealId) -> LocalBoxFuture<'a, Result<(), BackendError>> {
        Box::pin(std::future::ready(self.delete_now(id)))
    }
    fn stages(&self) -> LocalBoxFuture<'_, Result<Vec<Stage>, BackendError>> {
        Box::pin(std::future::ready(Ok(self.stages.clone())))
    }
    fn looks_up(&self, _kind: crate::model::LookupKind) -> bool {
        true
    }
    fn lookup<'a>(
        &'a self,
        kind: crate::model::LookupKind,
        query: &'a str,
    ) -> LocalBoxFuture<'a, Result<Option<Vec<crate::model::Choice>>, BackendError>> {
        // The owners and companies already used in its deals, each once, by name.
        let found = self.load().map(|s| {
            let mut names: Vec<&str> = Vec::new();
            for d in &s.deals {
                let name = match kind {
                    crate::model::LookupKind::Owner => d.fields.owner.as_deref(),
                    crate::model::LookupKind::Company => d.fields.company.as_deref(),
                };
                if let Some(n) = name.filter(|n| !names.contains(n)) {
                    names.push(n);
                }
            }
            let choices: Vec<crate::model::Choice> = names.into_iter().map(crate::model::Choice::named).collect();
            Some(crate::model::lookup::matching(&choices, query, 20))
        });
        Box::pin(std::future::ready(found))
    }
    fn reset_storage(&self) -> Result<String, BackendError> {
        let backup = format!("{}.unreadable", self.key);
        if let Some(raw) = self.store.get(&self.key).map_err(BackendError::StorageUnavailable)? {
            // Keep what was there: it may be someone's only copy of their deals.
            self.store
                .set(&backup, &raw)
                .map_err(BackendError::StorageUnavailable)?;
        }
        self.store.remove(&self.key).map_err(BackendError::StorageUnavailable)?;
        self.save(&Stored {
            version: FORMAT_VERSION,
            next_id: 1,
            deals: Vec::new(),
        })?;
        Ok(backup)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run<T>(f: LocalBoxFuture<'_, T>) -> T {
        // Local futures are always ready: poll once with a no-op waker.
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        let mut f = f;
        match f.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(v) => v,
            std::task::Poll::Pending => panic!("local backend futures are ready at once"),
        }
    }

    fn backend() -> LocalBackend<MemoryStore> {
        LocalBackend::new(MemoryStore::default(), "test", None)
    }

    fn fields(name: &str) -> DealFields {
        DealFields {
            name: name.into(),
            stage: Some("lead".into()),
            ..DealFields::default()
        }
    }

    fn query() -> ListQuery {
        ListQuery {
            search: String::new(),
            sort: None,
            page_size: 25,
            cursor: Cursor::Start,
        }
    }

    fn names(page: &Page) -> Vec<&str> {
        page.deals.iter().map(|d| d.fields.name.as_str()).collect()
    }

    #[test]
    fn a_created_deal_can_be_listed_read_updated_and_deleted() {
        let b = backend();
        let d = run(b.create(&fields("Acme"))).unwrap();
        assert_eq!(d.id, DealId("1".into()));
        assert_eq!(run(b.get(&d.id)).unwrap(), d);
        let changed = run(b.update(&d.id, &fields("Acme 2"))).unwrap();
        assert_eq!(changed.fields.name, "Acme 2");
        assert_eq!(names(&run(b.list(&query())).unwrap()), vec!["Acme 2"]);
        run(b.delete(&d.id)).unwrap();
        assert_eq!(run(b.get(&d.id)), Err(BackendError::NotFound));
        assert_eq!(run(b.delete(&d.id)), Err(BackendError::NotFound));
    }

    #[test]
    fn ids_are_never_reused_after_a_delete() {
        let b = backend();
        let a = run(b.create(&fields("a"))).unwrap();
        run(b.delete(&a.id)).unwrap();
        assert_eq!(run(b.create(&fields("b"))).unwrap().id, DealId("2".into()));
    }

    #[test]
    fn an_untouched_store_starts_empty_or_with_samples_when_asked() {
        assert_eq!(run(backend().list(&query())).unwrap().total, Some(0));
        let seeded = LocalBackend::new(MemoryStore::default(), "demo", Some(Currency::USD));
        let page = run(seeded.list(&query())).unwrap();
        assert_eq!(page.total, Some(sample_deals(Currency::USD).len() as u64));
        // Deleting every sample must not bring them back.
        for d in page.deals {
            run(seeded.delete(&d.id)).unwrap();
        }
        assert_eq!(run(seeded.list(&query())).unwrap().total, Some(0));
    }

    #[test]
    fn paging_by_offset_reports_total_and_next() {
        let b = backend();
        for i in 1..=30 {
            run(b.create(&fields(&format!("Deal {i:02}")))).unwrap();
        }
        let q = ListQuery {
            page_size: 25,
            ..query()
        };
        let first = run(b.list(&q)).unwrap();
        assert_eq!(
            (first.deals.len(), first.total, first.next.clone()),
            (25, Some(30), Some(Cursor::Offset(25)))
        );
        let second = run(b.list(&ListQuery {
            cursor: Cursor::Offset(25),
            ..q.clone()
        }))
        .unwrap();
        assert_eq!((second.deals.len(), second.next), (5, None));
        assert_eq!(second.deals[0].fields.name, "Deal 26");
        let past = run(b.list(&ListQuery {
            cursor: Cursor::Offset(u64::MAX),
            ..q
        }))
        .unwrap();
        assert!(past.deals.is_empty());
    }

    #[test]
    fn search_matches_name_company_owner_description_and_stage_ignoring_case() {
        let b = backend();
        run(b.create(&DealFields {
            company: Some("Globex".into()),
            ..fields("One")
        }))
        .unwrap();
        run(b.create(&DealFields {
            owner: Some("Ana Souza".into()),
            ..fields("Two")
        }))
        .unwrap();
        run(b.create(&fields("ÜBER deal"))).unwrap();
        run(b.create(&fields("Acme  Corp\u{a0}\u{a0}EU"))).unwrap();
        run(b.create(&DealFields {
            stage: Some("won".into()),
            ..fields("Three")
        }))
        .unwrap();
        let search = |s: &str| {
            names(
                &run(b.list(&ListQuery {
                    search: s.into(),
                    ..query()
                }))
                .unwrap(),
            )
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
        };
        assert_eq!(search("globex"), vec!["One"]);
        assert_eq!(search("  SOUZA "), vec!["Two"]);
        assert_eq!(search("über"), vec!["ÜBER deal"]);
        // Accents are matched with or without: a name typed plain finds its accented spelling.
        assert_eq!(search("uber"), vec!["ÜBER deal"]);
        // By the stage's name as the list shows it ("Closed won"), not by its id alone.
        assert_eq!(search("closed WON"), vec!["Three"]);
        assert!(search("nothing").is_empty());
        // Runs of spaces count as one, in the deal and in the search alike.
        assert_eq!(search("acme corp eu"), vec!["Acme  Corp\u{a0}\u{a0}EU"]);
        assert_eq!(search("acme   corp"), vec!["Acme  Corp\u{a0}\u{a0}EU"]);
    }

    #[test]
    fn names_sort_as_letters_whatever_their_accents() {
        let b = backend();
        for name in ["Zoë", "Émile", "dora", "Łukasz", "Frank", "Ærø"] {
            run(b.create(&fields(name))).unwrap();
        }
        let page = run(b.list(&ListQuery {
            sort: Some(Sort {
                field: SortField::Name,
                dir: SortDir::Asc,
            }),
            ..query()
        }))
        .unwrap();
        // Æ is spelled out as "ae", as the search reads it: among the a's, where English puts it
        // (the sort is one for every locale; Danish would put it after z).
        assert_eq!(names(&page), vec!["Ærø", "dora", "Émile", "Frank", "Łukasz", "Zoë"]);
    }

    #[test]
    fn sorting_puts_missing_values_last_in_both_directions() {
        let b = backend();
        let usd = |major: i64| Some(Money::new(major * 100, Currency::USD));
        run(b.create(&DealFields {
            amount: usd(50),
            ..fields("b")
        }))
        .unwrap();
        run(b.create(&fields("a"))).unwrap();
        run(b.create(&DealFields {
            amount: usd(7),
            ..fields("C")
        }))
        .unwrap();
        let sorted = |field, dir| {
            names(
                &run(b.list(&ListQuery {
                    sort: Some(Sort { field, dir }),
                    ..query()
                }))
                .unwrap(),
            )
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
        };
        assert_eq!(sorted(SortField::Amount, SortDir::Asc), vec!["C", "b", "a"]);
        assert_eq!(sorted(SortField::Amount, SortDir::Desc), vec!["b", "C", "a"]);
        assert_eq!(sorted(SortField::Name, SortDir::Asc), vec!["a", "b", "C"]);
        assert_eq!(sorted(SortField::Name, SortDir::Desc), vec!["C", "b", "a"]);
    }

    #[test]
    fn listed_custom_fields_sort_selects_in_option_order_and_numbers_by_value() {
        use crate::model::SelectOption;
        let option = |v: &str| SelectOption {
            value: v.into(),
            label: v.into(),
        };
        let mut tier = CustomField::new(
            "tier",
            "Tier",
            CustomKind::Select(vec![option("gold"), option("bronze")]),
        );
        tier.column = true;
        let mut seats = CustomField::new("seats", "Seats", CustomKind::Number);
        seats.column = true;
        let b = backend().with_custom(vec![tier, seats]);
        assert!(b.capabilities().sort.contains(&SortField::Custom(1)));
        for (name, tier, seats) in [("a", "bronze", 3.0), ("b", "gold", 12.0), ("c", "gold", 2.5)] {
            let mut f = fields(name);
            f.custom.insert("tier".into(), CustomValue::Text(tier.into()));
            f.custom.insert("seats".into(), CustomValue::Number(seats));
            run(b.create(&f)).unwrap();
        }
        let sorted = |field| {
            let q = ListQuery {
                sort: Some(Sort {
                    field,
                    dir: SortDir::Asc,
                }),
                ..query()
            };
            names(&run(b.list(&q)).unwrap())
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(sorted(SortField::Custom(0)), vec!["b", "c", "a"]);
        assert_eq!(sorted(SortField::Custom(1)), vec!["c", "a", "b"]);
    }

    #[test]
    fn the_owners_and_companies_already_used_are_offered_each_once() {
        use crate::model::LookupKind;
        let b = backend();
        for (name, owner) in [("a", "Ann Lee"), ("b", "Bo Berg"), ("c", "Ann Lee")] {
            run(b.create(&DealFields {
                owner: Some(owner.into()),
                company: Some(format!("{name} GmbH")),
                ..fields(name)
            }))
            .unwrap();
        }
        assert!(b.looks_up(LookupKind::Owner));
        let owners = run(b.lookup(LookupKind::Owner, "")).unwrap().unwrap();
        assert_eq!(
            owners.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
            vec!["Ann Lee", "Bo Berg"]
        );
        let found = run(b.lookup(LookupKind::Company, "b gm")).unwrap().unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, "b GmbH");
    }

    #[test]
    fn stages_sort_in_pipeline_order_not_alphabetically() {
        let b = backend();
        run(b.create(&DealFields {
            stage: Some("won".into()),
            ..fields("w")
        }))
        .unwrap();
        run(b.create(&DealFields {
            stage: Some("lead".into()),
            ..fields("l")
        }))
        .unwrap();
        run(b.create(&DealFields {
            stage: Some("proposal".into()),
            ..fields("p")
        }))
        .unwrap();
        let page = run(b.list(&ListQuery {
            sort: Some(Sort {
                field: SortField::Stage,
                dir: SortDir::Asc,
            }),
            ..query()
        }))
        .unwrap();
        assert_eq!(names(&page), vec!["l", "p", "w"]);
    }

    #[test]
    fn amounts_in_different_currencies_compare_by_value() {
        let jpy = Currency::parse("JPY").unwrap();
        assert!(thousandths(Money::new(100, jpy)) > thousandths(Money::new(5_000, Currency::USD)));
    }

    #[test]
    fn an_unknown_stage_is_a_field_error() {
        let e = run(backend().create(&DealFields {
            stage: Some("nope".into()),
            ..fields("x")
        }))
        .unwrap_err();
        assert!(matches!(e, BackendError::Fields { ref errors, .. } if errors[0].field == Field::Stage));
    }

    #[test]
    fn corrupt_or_foreign_storage_is_reported_never_panics() {
        for (raw, reason) in [
            ("{not json", "not valid JSON"),
            ("[1,2,3]", "not data saved by dealform"),
            (r#"{"hello":"world"}"#, "not data saved by dealform"),
            (r#"{"version":7,"deals":[]}"#, "format version 7"),
            (
                r#"{"version":1,"next_id":1,"deals":[{"id":"1"}]}"#,
                "unexpected contents",
            ),
            (
                r#"{"version":1,"next_id":1,"deals":[{"id":"1","fields":{"name":"x","amount":null,"stage":null,"close_date":"2026-02-30","probability":null,"owner":null,"company":null,"description":null}}]}"#,
                "unexpected contents",
            ),
        ] {
            let b = backend();
            b.store.set(b.key(), raw).unwrap();
            match run(b.list(&query())) {
                Err(BackendError::StorageCorrupt { reason: r, .. }) => {
                    assert!(r.contains(reason), "{raw}: {r}")
                }
                other => panic!("{raw}: {other:?}"),
            }
            assert!(
                matches!(run(b.create(&fields("x"))), Err(BackendError::StorageCorrupt { .. })),
                "a write must not overwrite unreadable data"
            );
        }
    }

    #[test]
    fn reset_keeps_a_copy_of_the_unreadable_data_and_starts_empty() {
        let b = backend();
        b.store.set(b.key(), "{garbage").unwrap();
        let backup = b.reset_storage().unwrap();
        assert_eq!(b.store.get(&backup).unwrap().as_deref(), Some("{garbage"));
        assert_eq!(run(b.list(&query())).unwrap().total, Some(0));
    }

    #[test]
    fn a_full_store_is_storage_unavailable() {
        struct Full;
        impl KeyValueStore for Full {
            fn get(&self, _: &str) -> Result<Option<String>, String> {
                Ok(None)
            }
            fn set(&self, _: &str, _: &str) -> Result<(), String> {
                Err("QuotaExceededError".into())
            }
            fn remove(&self, _: &str) -> Result<(), String> {
                Ok(())
            }
        }
        let b = LocalBackend::new(Full, "x", None);
        assert_eq!(
            run(b.create(&fields("a"))),
            Err(BackendError::StorageUnavailable("QuotaExceededError".into()))
        );
    }

    #[test]
    fn the_stored_format_is_versioned_json() {
        let b = backend();
        run(b.create(&fields("Acme"))).unwrap();
        let raw = b.store.get("test.deals.v1").unwrap().unwrap();
        assert!(
            raw.starts_with(r#"{"version":1,"next_id":2,"deals":[{"id":"1","fields":{"name":"Acme""#),
            "{raw}"
        );
    }
}
