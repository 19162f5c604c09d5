//! Unsaved form contents, kept per form so a reload or a failed save never loses typing.
//!
//! Kept in `sessionStorage` in the browser: a draft belongs to one tab and should not outlive it.

use crate::key_value::KeyValueStore;
use crate::model::{DealDraft, DealId};
use crate::wire::{Entries, Lenient, MapOf};
use serde::{Deserialize, Deserializer, Serialize};

/// Which form a draft belongs to: kept as `"New"` or `{"Edit": id}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// A draft as kept: what was typed, for which form, and what that form held as it opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedDraft {
    /// The form it belongs to.
    pub target: DraftTarget,
    /// The contents.
    pub draft: DealDraft,
    /// The form as it opened, before the typing: what tells the fields typed in from those
    /// left alone once the deal has changed elsewhere ([`SavedDraft::restored_over`]). `None`
    /// in drafts kept by earlier versions; a base that cannot be read leaves the draft as a
    /// draft of an earlier version.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "lenient")]
    pub base: Option<DealDraft>,
}

fn lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DealDraft>, D::Error> {
    Lenient::deserialize(d).map(|l| l.0)
}

impl SavedDraft {
    /// The draft to show in a form that opens today with `now`: the fields typed in keep what
    /// was typed, and the others show what the deal holds now, not what it held when the
    /// typing began (another tab or a colleague may have changed them since). Without a base,
    /// the draft as it was typed.
    pub fn restored_over(self, now: &DealDraft) -> DealDraft {
        match &self.base {
            Some(base) => self.draft.replayed(base, now),
            None => self.draft,
        }
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
        let Ok(Entries(members)) = crate::wire::from_str::<Entries<Lenient<SavedDraft>>>(&raw) else {
            return Slots::new();
        };
        let mut slots = Slots::new();
        for (slot, draft) in members {
            if let Lenient(Some(d)) = draft {
                keep(&mut slots, slot, d);
            }
        }
        slots
    }

    fn write(&self, slots: &Slots) -> Result<(), String> {
        if slots.is_empty() {
            return self.store.remove(&self.key);
        }
        let raw = crate::wire::to_string(&MapOf(slots));
        self.store.set(&self.key, &raw)
    }

    /// Every kept draft, in the order of their slots (new, then edits by id).
    pub fn all(&self) -> Vec<SavedDraft> {
        self.read().into_iter().map(|(_, d)| d).collect()
    }

    /// The draft of one form.
    pub fn get(&self, target: &DraftTarget) -> Option<SavedDraft> {
        let slot = target.slot();
        self.read().into_iter().find(|(s, _)| *s == slot).map(|(_, d)| d)
    }

    /// Keeps a form's draft, typed over `base` (the form as it opened), replacing its previous one.
    pub fn put(&self, target: &DraftTarget, draft: &DealDraft, base: &DealDraft) -> Result<(), String> {
        let mut slots = self.read();
        let saved = SavedDraft {
            target: target.clone(),
            draft: draft.clone(),
            base: Some(base.clone()),
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
    use crate::key_value::MemoryStore;

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
        let base = DealDraft::default();
        book.put(&DraftTarget::New, &a, &base).unwrap();
        book.put(&DraftTarget::Edit(DealId("7".into())), &b, &base).unwrap();
        assert_eq!(book.get(&DraftTarget::New).map(|s| s.draft), Some(a));
        assert_eq!(
            book.get(&DraftTarget::Edit(DealId("7".into()))).map(|s| s.draft),
            Some(b)
        );
        assert_eq!(book.all().len(), 2);
        book.remove(&DraftTarget::New).unwrap();
        assert_eq!(book.get(&DraftTarget::New), None);
        assert_eq!(book.all().len(), 1);
    }

    #[test]
    fn the_last_removal_clears_the_key() {
        let store = MemoryStore::default();
        let book = DraftBook::new(&store, "t");
        book.put(&DraftTarget::New, &DealDraft::default(), &DealDraft::default())
            .unwrap();
        book.remove(&DraftTarget::New).unwrap();
        assert_eq!(store.get("t.drafts.v1").unwrap(), None);
    }

    #[test]
    fn unreadable_drafts_read_as_none() {
        let store = MemoryStore::default();
        store.set("t.drafts.v1", "{oops").unwrap();
        let book = DraftBook::new(&store, "t");
        assert!(book.all().is_empty());
        book.put(&DraftTarget::New, &DealDraft::default(), &DealDraft::default())
            .unwrap();
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
        let seven = book.get(&DraftTarget::Edit(DealId("7".into()))).unwrap();
        assert_eq!(seven.draft.amount, "1,5");
        assert_eq!(seven.base, None);
        // With no base to tell typed fields from the rest, it is restored as it was typed.
        let now = DealDraft {
            owner: "Bo".into(),
            ..DealDraft::default()
        };
        assert_eq!(seven.restored_over(&now).owner, "");
        assert_eq!(book.get(&DraftTarget::New).map(|d| d.draft.name), Some("y".into()));
        book.remove(&DraftTarget::New).unwrap();
        assert_eq!(
            store.get("t.drafts.v1").unwrap().unwrap(),
            r#"{"edit:7":{"target":{"Edit":"7"},"draft":{"name":"x","amount":"1,5","currency":"","stage":"","close_date":"","probability":"","owner":"","company":"","description":""}}}"#
        );
    }
    /// A draft restored after the deal changed elsewhere keeps its typing, and shows the rest
    /// as the deal is now: the owner changed in another tab is not put back to the old one.
    #[test]
    fn a_restored_draft_keeps_its_typing_over_the_deal_as_it_is_now() {
        let store = MemoryStore::default();
        let book = DraftBook::new(&store, "t");
        let opened = DealDraft {
            name: "Initech".into(),
            amount: "100".into(),
            owner: "Ann".into(),
            ..DealDraft::default()
        };
        let typed = DealDraft {
            amount: "250".into(),
            ..opened.clone()
        };
        let target = DraftTarget::Edit(DealId("7".into()));
        book.put(&target, &typed, &opened).unwrap();
        let now = DealDraft {
            owner: "Bo".into(),
            ..opened.clone()
        };
        let restored = book.get(&target).unwrap().restored_over(&now);
        assert_eq!(
            restored,
            DealDraft {
                amount: "250".into(),
                owner: "Bo".into(),
                ..opened
            }
        );
    }
}
