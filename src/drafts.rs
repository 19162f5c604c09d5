//! Unsaved form contents, kept per form so a reload or a failed save never loses typing.
//!
//! Kept in `sessionStorage` in the browser: a draft belongs to one tab and should not outlive it.

use crate::json::Json;
use crate::model::{DealDraft, DealId};
use crate::providers::local::KeyValueStore;

/// Which form a draft belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DraftTarget {
    /// The new-deal form.
    New,
    /// The form editing this deal.
    Edit(DealId),
}

impl DraftTarget {
    fn slot(&self) -> String {
        match self {
            DraftTarget::New => "new".to_owned(),
            DraftTarget::Edit(id) => format!("edit:{id}"),
        }
    }
}

/// A draft as kept: what was typed, and for which form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedDraft {
    /// The form it belongs to.
    pub target: DraftTarget,
    /// The contents.
    pub draft: DealDraft,
}

impl SavedDraft {
    /// `{"target": "New" | {"Edit": id}, "draft": {…}}`, the shape earlier versions stored.
    fn to_json(&self) -> Json {
        let target = match &self.target {
            DraftTarget::New => "New".into(),
            DraftTarget::Edit(id) => Json::obj([("Edit", id.0.as_str().into())]),
        };
        Json::obj([("target", target), ("draft", self.draft.to_json())])
    }

    fn from_json(v: &Json) -> Option<Self> {
        let target = match &v["target"] {
            Json::Str(s) if s == "New" => DraftTarget::New,
            t => DraftTarget::Edit(DealId(t["Edit"].as_str()?.to_owned())),
        };
        Some(SavedDraft {
            target,
            draft: DealDraft::from_json(v.get("draft")?).ok()?,
        })
    }
}

/// The drafts of one app instance, under one storage key.
pub struct DraftBook<'a> {
    store: &'a dyn KeyValueStore,
    key: String,
}

impl<'a> DraftBook<'a> {
    /// The drafts of the app whose storage namespace is `namespace`.
    pub fn new(store: &'a dyn KeyValueStore, namespace: &str) -> Self {
        Self {
            store,
            key: format!("{namespace}.drafts.v1"),
        }
    }

    fn read(&self) -> Slots {
        // Unreadable drafts are dropped rather than blocking the app: they are a convenience
        // copy, and the form they came from is gone. One unreadable draft loses only itself.
        let raw = self.store.get(&self.key).ok().flatten().unwrap_or_default();
        let Ok(Json::Obj(members)) = Json::parse(&raw) else {
            return Slots::new();
        };
        let mut slots = Slots::new();
        for (slot, v) in members {
            if let Some(d) = SavedDraft::from_json(&v) {
                keep(&mut slots, slot, d);
            }
        }
        slots
    }

    fn write(&self, slots: &Slots) -> Result<(), String> {
        if slots.is_empty() {
            return self.store.remove(&self.key);
        }
        let raw = Json::Obj(slots.iter().map(|(k, d)| (k.clone(), d.to_json())).collect()).to_string();
        self.store.set(&self.key, &raw)
    }

    /// Every kept draft, in the order of their slots (new, then edits by id).
    pub fn all(&self) -> Vec<SavedDraft> {
        self.read().into_iter().map(|(_, d)| d).collect()
    }

    /// The draft of one form.
    pub fn get(&self, target: &DraftTarget) -> Option<DealDraft> {
        let slot = target.slot();
        self.read().into_iter().find(|(s, _)| *s == slot).map(|(_, d)| d.draft)
    }

    /// Keeps a form's draft, replacing its previous one.
    pub fn put(&self, target: &DraftTarget, draft: &DealDraft) -> Result<(), String> {
        let mut slots = self.read();
        let saved = SavedDraft {
            target: target.clone(),
            draft: draft.clone(),
        };
        keep(&mut slots, target.slot(), saved);
        self.write(&slots)
    }

    /// Forgets a form's draft.
    pub fn remove(&self, target: &DraftTarget) -> Result<(), String> {
        let mut slots = self.read();
        let (slot, before) = (target.slot(), slots.len());
        slots.retain(|(s, _)| *s != slot);
        if slots.len() != before {
            self.write(&slots)?;
        }
        Ok(())
    }
}

/// The drafts by slot, sorted by slot. A sorted list rather than a `BTreeMap`: a handful of
/// drafts need no tree, and the map's code for `String` keys is some 6 KB of wasm.
type Slots = Vec<(String, SavedDraft)>;

/// Puts a draft in its slot, replacing the slot's draft (a slot stored twice keeps its last).
fn keep(slots: &mut Slots, slot: String, draft: SavedDraft) {
    match slots.binary_search_by(|(s, _)| s.as_str().cmp(&slot)) {
        Ok(i) => slots[i].1 = draft,
        Err(i) => slots.insert(i, (slot, draft)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::local::MemoryStore;

    #[test]
    fn each_form_keeps_its_own_draft() {
        let store = MemoryStore::default();
        let book = DraftBook::new(&store, "t");
        let a = DealDraft {
            name: "new one".into(),
            ..DealDraft::default()
        };
        let b = DealDraft {
            name: "edited".into(),
            ..DealDraft::default()
        };
        book.put(&DraftTarget::New, &a).unwrap();
        book.put(&DraftTarget::Edit(DealId("7".into())), &b).unwrap();
        assert_eq!(book.get(&DraftTarget::New), Some(a));
        assert_eq!(book.get(&DraftTarget::Edit(DealId("7".into()))), Some(b));
        assert_eq!(book.all().len(), 2);
        book.remove(&DraftTarget::New).unwrap();
        assert_eq!(book.get(&DraftTarget::New), None);
        assert_eq!(book.all().len(), 1);
    }

    #[test]
    fn the_last_removal_clears_the_key() {
        let store = MemoryStore::default();
        let book = DraftBook::new(&store, "t");
        book.put(&DraftTarget::New, &DealDraft::default()).unwrap();
        book.remove(&DraftTarget::New).unwrap();
        assert_eq!(store.get("t.drafts.v1").unwrap(), None);
    }

    #[test]
    fn unreadable_drafts_read_as_none() {
        let store = MemoryStore::default();
        store.set("t.drafts.v1", "{oops").unwrap();
        let book = DraftBook::new(&store, "t");
        assert!(book.all().is_empty());
        book.put(&DraftTarget::New, &DealDraft::default()).unwrap();
        assert_eq!(book.all().len(), 1);
    }

    /// Drafts as earlier versions stored them (through serde) still load; a bad one is
    /// dropped alone.
    #[test]
    fn drafts_stored_by_earlier_versions_load() {
        let store = MemoryStore::default();
        store
            .set(
                "t.drafts.v1",
                r#"{"edit:7":{"target":{"Edit":"7"},"draft":{"name":"x","amount":"1,5"}},"new":{"target":"New","draft":{"name":"y"}},"bad":{"target":5}}"#,
            )
            .unwrap();
        let book = DraftBook::new(&store, "t");
        assert_eq!(
            book.get(&DraftTarget::Edit(DealId("7".into()))).map(|d| d.amount),
            Some("1,5".into())
        );
        assert_eq!(book.get(&DraftTarget::New).map(|d| d.name), Some("y".into()));
        book.remove(&DraftTarget::New).unwrap();
        assert_eq!(
            store.get("t.drafts.v1").unwrap().unwrap(),
            r#"{"edit:7":{"target":{"Edit":"7"},"draft":{"name":"x","amount":"1,5","currency":"","stage":"","close_date":"","probability":"","owner":"","company":"","description":""}}}"#
        );
    }
}
