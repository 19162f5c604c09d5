//! Deals as the app knows them, whatever CRM stores them.

use super::custom::CustomValue;
use super::{Currency, Date, Money, NumberSeparators, Schema};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A deal's id as its backend gives it: a UUID at Stardex, an integer at YSUITE, `1` locally.
///
/// Opaque on purpose: the UI only compares and passes it back. Each provider checks the
/// format of the ids it is given through its [`Schema`](super::Schema).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DealId(pub String);

impl fmt::Display for DealId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A stage of a deal pipeline, as offered in the form's stage list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    /// The id the backend stores on the deal.
    pub id: String,
    /// What a person reads.
    pub label: String,
    /// The pipeline the stage belongs to, where the CRM has several.
    pub pipeline: Option<String>,
    /// The win probability the CRM associates with the stage, 0–100, if it has one.
    pub probability: Option<u8>,
}

impl Stage {
    /// A stage outside any pipeline.
    pub fn new(id: &str, label: &str) -> Self {
        Self {
            id: id.to_owned(),
            label: label.to_owned(),
            pipeline: None,
            probability: None,
        }
    }
}

/// The editable fields of a deal, once validated.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct DealFields {
    /// The deal's name (HubSpot `dealname`, YSUITE `deal_name`, Heffl `title`).
    pub name: String,
    /// Its value.
    pub amount: Option<Money>,
    /// The id of its pipeline stage.
    pub stage: Option<String>,
    /// When it is expected to close.
    pub close_date: Option<Date>,
    /// The chance of winning it, 0–100.
    pub probability: Option<u8>,
    /// Who owns it: a name or, at CRMs that want one, an id.
    pub owner: Option<String>,
    /// The company it is with: a name or, at CRMs that want one, an id.
    pub company: Option<String>,
    /// Free text.
    pub description: Option<String>,
    /// The account's own fields ([`super::CustomField`]) that hold a value, by their CRM keys.
    /// Left out of the stored form when there are none, as versions before them wrote it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub custom: BTreeMap<String, CustomValue>,
}

/// Names a CRM sends beside ids (a stage's title, an owner's name), shown in the list in place
/// of the ids; never sent back.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Labels {
    /// The stage's name.
    pub stage: Option<String>,
    /// The owner's name.
    pub owner: Option<String>,
}

impl Labels {
    /// Whether there are none (then nothing is stored).
    pub fn is_empty(&self) -> bool {
        self.stage.is_none() && self.owner.is_none()
    }
}

/// A deal stored in a backend.
///
/// Its serde form is what the local backend stores, what drafts keep and what `dealform:*`
/// events carry to host pages: `{"id", "fields", "labels"?}`, every field present (`null` when
/// absent), an amount as `{"minor", "currency"}`. A stored format: keep it readable by earlier
/// versions' data (see the tests).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deal {
    /// Its backend's id.
    pub id: DealId,
    /// Its fields.
    pub fields: DealFields,
    /// Display names for some of its ids; left out when there are none.
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub labels: Labels,
}

impl Deal {
    /// A deal with no display labels.
    pub fn new(id: DealId, fields: DealFields) -> Self {
        Self {
            id,
            fields,
            labels: Labels::default(),
        }
    }
}

/// Every field the form can show, in the order it shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// [`DealFields::name`]
    Name,
    /// [`DealFields::amount`]
    Amount,
    /// The currency of [`DealFields::amount`].
    Currency,
    /// [`DealFields::stage`]
    Stage,
    /// [`DealFields::close_date`]
    CloseDate,
    /// [`DealFields::probability`]
    Probability,
    /// [`DealFields::owner`]
    Owner,
    /// [`DealFields::company`]
    Company,
    /// [`DealFields::description`]
    Description,
    /// The account's own field at this index of [`Schema::custom`].
    Custom(u8),
}

impl Field {
    /// All fields, in form order.
    pub const ALL: [Field; 9] = [
        Field::Name,
        Field::Amount,
        Field::Currency,
        Field::Stage,
        Field::CloseDate,
        Field::Probability,
        Field::Owner,
        Field::Company,
        Field::Description,
    ];

    /// A stable key for ids, storage and CRM error mapping.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Amount => "amount",
            Field::Currency => "currency",
            Field::Stage => "stage",
            Field::CloseDate => "close_date",
            Field::Probability => "probability",
            Field::Owner => "owner",
            Field::Company => "company",
            Field::Description => "description",
            Field::Custom(_) => "custom",
        }
    }

    /// The catalog key of its visible label, which messages also call the field by.
    pub fn label_key(self) -> &'static str {
        match self {
            Field::Name => "field-name",
            Field::Amount => "field-amount",
            Field::Currency => "field-currency",
            Field::Stage => "field-stage",
            Field::CloseDate => "field-close-date",
            Field::Probability => "field-probability",
            Field::Owner => "field-owner",
            Field::Company => "field-company",
            Field::Description => "field-description",
            Field::Custom(_) => "field-custom",
        }
    }
}

/// The form's contents exactly as typed, so nothing a person typed is lost to parsing.
///
/// Validation turns a draft into [`DealFields`]; a failed validation keeps the draft as it is.
/// Kept as every field's text under its [`Field::key`]; fields a stored draft lacks (kept by an
/// older version) are empty.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DealDraft {
    /// Raw text of [`Field::Name`].
    pub name: String,
    /// Raw text of [`Field::Amount`], in the user's locale.
    pub amount: String,
    /// Raw text of [`Field::Currency`].
    pub currency: String,
    /// The chosen stage id.
    pub stage: String,
    /// `YYYY-MM-DD` from the date input, or empty.
    pub close_date: String,
    /// Raw text of [`Field::Probability`].
    pub probability: String,
    /// Raw text of [`Field::Owner`].
    pub owner: String,
    /// Raw text of [`Field::Company`].
    pub company: String,
    /// Raw text of [`Field::Description`].
    pub description: String,
    /// Raw text of each [`Field::Custom`], with its CRM key, in the schema's order (see
    /// [`DealDraft::with_custom`]); left out of the stored form when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<(String, String)>,
}

impl DealDraft {
    /// An empty draft for a new deal in the given currency, at the given stage.
    pub fn new(currency: Currency, stage: Option<&str>) -> Self {
        Self {
            currency: currency.to_string(),
            stage: stage.unwrap_or_default().to_owned(),
            ..Self::default()
        }
    }

    /// The draft that shows an existing deal, amounts written in the user's separators.
    pub fn from_fields(f: &DealFields, default_currency: Currency, sep: NumberSeparators) -> Self {
        Self {
            name: f.name.clone(),
            amount: f.amount.map(|m| m.to_local_input(sep)).unwrap_or_default(),
            currency: f.amount.map_or(default_currency, |m| m.currency).to_string(),
            stage: f.stage.clone().unwrap_or_default(),
            close_date: f.close_date.map(|d| d.to_string()).unwrap_or_default(),
            probability: f.probability.map(|p| p.to_string()).unwrap_or_default(),
            owner: f.owner.clone().unwrap_or_default(),
            company: f.company.clone().unwrap_or_default(),
            description: f.description.clone().unwrap_or_default(),
            custom: Vec::new(),
        }
    }

    /// The same draft with a text for each of the schema's custom fields, in its order: the
    /// text this draft has under that key, else `values`' as [`super::CustomField::draft_text`]
    /// writes it, else empty.
    pub fn with_custom(
        mut self,
        schema: &Schema,
        values: &BTreeMap<String, CustomValue>,
        sep: NumberSeparators,
    ) -> Self {
        let mut texts = std::mem::take(&mut self.custom);
        self.custom = schema
            .custom()
            .iter()
            .map(|c| {
                let text = match texts.iter().position(|(k, _)| *k == c.key) {
                    Some(i) => texts.swap_remove(i).1,
                    None => c.draft_text(values.get(&c.key), sep),
                };
                (c.key.clone(), text)
            })
            .collect();
        self
    }

    /// The raw text of one field.
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Name => &self.name,
            Field::Amount => &self.amount,
            Field::Currency => &self.currency,
            Field::Stage => &self.stage,
            Field::CloseDate => &self.close_date,
            Field::Probability => &self.probability,
            Field::Owner => &self.owner,
            Field::Company => &self.company,
            Field::Description => &self.description,
            Field::Custom(i) => self.custom.get(usize::from(i)).map_or("", |(_, t)| t.as_str()),
        }
    }

    /// Replaces the raw text of one field.
    pub fn set(&mut self, field: Field, value: String) {
        let slot = match field {
            Field::Name => &mut self.name,
            Field::Amount => &mut self.amount,
            Field::Currency => &mut self.currency,
            Field::Stage => &mut self.stage,
            Field::CloseDate => &mut self.close_date,
            Field::Probability => &mut self.probability,
            Field::Owner => &mut self.owner,
            Field::Company => &mut self.company,
            Field::Description => &mut self.description,
            Field::Custom(i) => match self.custom.get_mut(usize::from(i)) {
                Some((_, text)) => text,
                None => return,
            },
        };
        *slot = value;
    }

    /// The changes this draft made to `base`, made to `now` instead: each field whose text
    /// differs from `base`'s takes this draft's, and every other keeps `now`'s.
    pub fn replayed(&self, base: &DealDraft, now: &DealDraft) -> DealDraft {
        let mut out = now.clone();
        for field in Field::ALL {
            if self.get(field) != base.get(field) {
                out.set(field, self.get(field).to_owned());
            }
        }
        // Custom fields by key: the configuration may have changed their order since.
        let text = |d: &'_ DealDraft, key: &str| d.custom.iter().find(|(k, _)| k == key).map(|(_, t)| t.clone());
        for (key, slot) in &mut out.custom {
            let typed = text(self, key);
            if typed.is_some() && typed != text(base, key) {
                *slot = typed.unwrap_or_default();
            }
        }
        out
    }
}

impl DealFields {
    /// `mine`, an edit, laid over `theirs`, what the deal holds when it is saved: the fields the
    /// user `changed` come from `mine`, the others from `theirs`. So saving an edit does not undo
    /// what was changed elsewhere since the form opened (in another tab, or by a colleague at
    /// the CRM) in fields this user left alone. Which fields the user changed is the form's to
    /// say, from the text typed: a value read back through validation can differ from the one
    /// loaded (trimmed, `""` as none) without the user touching it.
    ///
    /// ```
    /// use dealform::model::{DealFields, Field, Schema};
    /// let theirs = DealFields { name: "Acme".into(), owner: Some("Bo".into()), ..Default::default() };
    /// let mine = DealFields { name: "Acme renewal".into(), owner: Some("Ann".into()), ..Default::default() };
    /// let saved = DealFields::rebased(&mine, &theirs, &Schema::new(vec![]), |f| f == Field::Name);
    /// assert_eq!((saved.name.as_str(), saved.owner.as_deref()), ("Acme renewal", Some("Bo")));
    /// ```
    pub fn rebased(
        mine: &DealFields,
        theirs: &DealFields,
        schema: &Schema,
        changed: impl Fn(Field) -> bool,
    ) -> DealFields {
        let pick = |field: Field| if changed(field) { mine } else { theirs };
        let mut custom = theirs.custom.clone();
        for (i, c) in schema.custom().iter().enumerate() {
            if changed(Field::Custom(i as u8)) {
                match mine.custom.get(&c.key) {
                    Some(v) => custom.insert(c.key.clone(), v.clone()),
                    None => custom.remove(&c.key),
                };
            }
        }
        DealFields {
            name: pick(Field::Name).name.clone(),
            // The amount's number and its currency are one value.
            amount: if changed(Field::Currency) {
                mine
            } else {
                pick(Field::Amount)
            }
            .amount,
            stage: pick(Field::Stage).stage.clone(),
            close_date: pick(Field::CloseDate).close_date,
            probability: pick(Field::Probability).probability,
            owner: pick(Field::Owner).owner.clone(),
            company: pick(Field::Company).company.clone(),
            description: pick(Field::Description).description.clone(),
            custom,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rebased_edit_keeps_what_changed_elsewhere_in_fields_it_left_alone() {
        let usd = |minor| Some(Money::new(minor, Currency::USD));
        let mine = DealFields {
            name: "Initech ".into(),
            amount: usd(25_000),
            owner: Some("Ann".into()),
            stage: Some("won".into()),
            ..Default::default()
        };
        let theirs = DealFields {
            name: "Initech".into(),
            amount: usd(10_000),
            owner: Some("Bo".into()),
            stage: Some("lost".into()),
            description: Some("Called on Monday".into()),
            ..Default::default()
        };
        let changed = |f| matches!(f, Field::Amount | Field::Stage);
        assert_eq!(
            DealFields::rebased(&mine, &theirs, &Schema::new(vec![]), changed),
            DealFields {
                name: "Initech".into(),
                amount: usd(25_000),
                // Both changed it: the one saving now is the one the user sees saved.
                stage: Some("won".into()),
                owner: Some("Bo".into()),
                description: Some("Called on Monday".into()),
                ..Default::default()
            }
        );
        // A currency changed alone takes the amount with it.
        let eur = Some(Money::new(10_000, Currency::parse("EUR").unwrap()));
        let mine = DealFields {
            amount: eur,
            ..theirs.clone()
        };
        assert_eq!(
            DealFields::rebased(&mine, &theirs, &Schema::new(vec![]), |f| f == Field::Currency).amount,
            eur
        );
        // Nothing changed: what the deal holds now.
        assert_eq!(
            DealFields::rebased(&mine, &theirs, &Schema::new(vec![]), |_| false),
            theirs
        );
    }

    #[test]
    fn a_deal_shown_in_the_form_keeps_every_field() {
        let fields = DealFields {
            name: "Acme".into(),
            amount: Some(Money::new(120_050, Currency::parse("EUR").unwrap())),
            stage: Some("won".into()),
            close_date: Some(Date::parse_iso("2026-09-30").unwrap()),
            probability: Some(40),
            owner: Some("Ana".into()),
            company: Some("Acme GmbH".into()),
            description: Some("Renewal".into()),
            custom: Default::default(),
        };
        let de = NumberSeparators {
            decimal: ',',
            group: '.',
        };
        let d = DealDraft::from_fields(&fields, Currency::USD, de);
        assert_eq!(d.amount, "1200,50");
        assert_eq!(d.currency, "EUR");
        assert_eq!(d.close_date, "2026-09-30");
        assert_eq!(d.probability, "40");
        assert_eq!(d.get(Field::Company), "Acme GmbH");
    }

    #[test]
    fn get_and_set_address_the_same_slot_for_every_field() {
        let mut d = DealDraft::default();
        for f in Field::ALL {
            d.set(f, f.key().to_owned());
        }
        for f in Field::ALL {
            assert_eq!(d.get(f), f.key());
        }
    }

    fn custom_schema() -> Schema {
        use crate::model::{CustomField, CustomKind};
        Schema::new(vec![]).with_custom(vec![
            CustomField::new("cf_a", "A", CustomKind::Text),
            CustomField::new("cf_b", "B", CustomKind::Number),
        ])
    }

    #[test]
    fn custom_texts_follow_the_schema_and_keep_what_was_typed_by_key() {
        let mut values = BTreeMap::new();
        values.insert("cf_b".to_owned(), CustomValue::Number(2.5));
        let d = DealDraft::default().with_custom(&custom_schema(), &values, NumberSeparators::ROOT);
        assert_eq!(
            d.custom,
            vec![("cf_a".into(), "".into()), ("cf_b".into(), "2.5".into())]
        );
        // A draft kept under another configuration's order keeps its typing by key, and drops
        // fields no longer configured.
        let stale = DealDraft {
            custom: vec![("cf_gone".into(), "x".into()), ("cf_a".into(), "typed".into())],
            ..DealDraft::default()
        };
        let d = stale.with_custom(&custom_schema(), &values, NumberSeparators::ROOT);
        assert_eq!(d.get(Field::Custom(0)), "typed");
        assert_eq!(d.get(Field::Custom(1)), "2.5");
        assert_eq!(d.get(Field::Custom(7)), "");
    }

    #[test]
    fn a_replayed_draft_and_a_rebased_edit_treat_custom_fields_like_the_others() {
        let schema = custom_schema();
        let sep = NumberSeparators::ROOT;
        let base = DealDraft::default().with_custom(&schema, &BTreeMap::new(), sep);
        let mut typed = base.clone();
        typed.set(Field::Custom(0), "mine".into());
        let mut now = base.clone();
        now.set(Field::Custom(0), "theirs".into());
        now.set(Field::Custom(1), "7".into());
        let out = typed.replayed(&base, &now);
        assert_eq!((out.get(Field::Custom(0)), out.get(Field::Custom(1))), ("mine", "7"));

        let mut mine = DealFields::default();
        mine.custom.insert("cf_a".into(), CustomValue::Text("mine".into()));
        let mut theirs = DealFields::default();
        theirs.custom.insert("cf_b".into(), CustomValue::Number(7.0));
        theirs.custom.insert("cf_a".into(), CustomValue::Text("theirs".into()));
        let saved = DealFields::rebased(&mine, &theirs, &schema, |f| f == Field::Custom(0));
        assert_eq!(saved.custom.get("cf_a"), Some(&CustomValue::Text("mine".into())));
        assert_eq!(saved.custom.get("cf_b"), Some(&CustomValue::Number(7.0)));
        // Emptied here, it is emptied there.
        let saved = DealFields::rebased(&DealFields::default(), &theirs, &schema, |f| f == Field::Custom(0));
        assert!(!saved.custom.contains_key("cf_a"));
    }

    #[test]
    fn a_stored_draft_missing_new_fields_still_loads() {
        let d: DealDraft = crate::wire::from_str(r#"{"name":"x"}"#).unwrap();
        assert_eq!(d.name, "x");
        assert_eq!(d.amount, "");
    }
}

#[cfg(test)]
mod stored_format {
    use super::*;
    use crate::wire::{from_str, to_string};

    /// What versions that stored deals through serde wrote: still read, and written the same.
    const DEAL: &str = r#"{"id":"7","fields":{"name":"Acme","amount":{"minor":120050,"currency":"EUR"},"stage":"won","close_date":"2026-09-30","probability":75,"owner":"Ann","company":null,"description":"a \"quoted\" note"},"labels":{"stage":"Won","owner":null}}"#;

    #[test]
    fn a_deal_reads_and_writes_the_stored_format() {
        let d: Deal = from_str(DEAL).unwrap();
        assert_eq!(
            d.fields.amount,
            Some(Money::new(120_050, Currency::parse("EUR").unwrap()))
        );
        assert_eq!(d.fields.close_date, Date::parse_iso("2026-09-30").ok());
        assert_eq!(d.fields.description.as_deref(), Some("a \"quoted\" note"));
        assert_eq!(d.labels.stage.as_deref(), Some("Won"));
        assert_eq!(to_string(&d), DEAL);
        let plain = Deal::new(
            DealId("1".into()),
            DealFields {
                name: "x".into(),
                ..DealFields::default()
            },
        );
        assert_eq!(
            to_string(&plain),
            r#"{"id":"1","fields":{"name":"x","amount":null,"stage":null,"close_date":null,"probability":null,"owner":null,"company":null,"description":null}}"#
        );
    }

    #[test]
    fn custom_values_are_stored_as_plain_json_beside_the_fields() {
        let text = r#"{"id":"1","fields":{"name":"x","amount":null,"stage":null,"close_date":null,"probability":null,"owner":null,"company":null,"description":null,"custom":{"cf_a":"gold","cf_b":2.5,"cf_c":true}}}"#;
        let d: Deal = from_str(text).unwrap();
        assert_eq!(d.fields.custom.get("cf_c"), Some(&CustomValue::Flag(true)));
        assert_eq!(to_string(&d), text);
    }

    #[test]
    fn missing_optional_fields_are_absent_and_bad_ones_are_named() {
        let d: Deal = from_str(r#"{"id":"1","fields":{"name":"x"}}"#).unwrap();
        assert_eq!(
            d.fields,
            DealFields {
                name: "x".into(),
                ..DealFields::default()
            }
        );
        for (bad, why) in [
            (r#"{"id":"1"}"#, "missing field `fields`"),
            (r#"{"id":"1","fields":{}}"#, "missing field `name`"),
            (
                r#"{"id":"1","fields":{"name":"x","close_date":"2026-02-30"}}"#,
                "2026-02-30 is not a day in the calendar",
            ),
            (
                r#"{"id":"1","fields":{"name":"x","amount":{"minor":1,"currency":"EURO"}}}"#,
                "“EURO” is not a three-letter currency code",
            ),
            (
                r#"{"id":"1","fields":{"name":"x","amount":{"minor":1.5,"currency":"EUR"}}}"#,
                "invalid type: floating point `1.5`",
            ),
            (
                r#"{"id":"1","fields":{"name":"x","probability":300}}"#,
                "invalid value: integer `300`",
            ),
        ] {
            let e = from_str::<Deal>(bad).unwrap_err().to_string();
            assert!(e.starts_with(why), "{bad}: {e}");
        }
    }

    #[test]
    fn a_draft_round_trips_every_field() {
        let mut d = DealDraft::default();
        for (i, f) in Field::ALL.iter().enumerate() {
            d.set(*f, format!("{i} \u{e9}\n"));
        }
        assert_eq!(from_str::<DealDraft>(&to_string(&d)).unwrap(), d);
        assert!(from_str::<DealDraft>(r#"{"name":5}"#).is_err());
    }
}
