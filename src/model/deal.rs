//! Deals as the app knows them, whatever CRM stores them.

use super::{Currency, Date, Money, NumberSeparators};
use serde::{Deserialize, Serialize};
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
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
}

/// Names a CRM sends beside ids (a stage's title, an owner's name), shown in the list in place
/// of the ids; never sent back.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deal {
    /// Its backend's id.
    pub id: DealId,
    /// Its fields.
    pub fields: DealFields,
    /// Display names for some of its ids.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
        }
    }

    /// The visible label; also what messages call the field.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Amount => "Amount",
            Field::Currency => "Currency",
            Field::Stage => "Stage",
            Field::CloseDate => "Close date",
            Field::Probability => "Win probability",
            Field::Owner => "Owner",
            Field::Company => "Company",
            Field::Description => "Description",
        }
    }
}

/// The form's contents exactly as typed, so nothing a person typed is lost to parsing.
///
/// Validation turns a draft into [`DealFields`]; a failed validation keeps the draft as it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
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
        }
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
        };
        *slot = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_stored_draft_missing_new_fields_still_loads() {
        let d: DealDraft = serde_json::from_str(r#"{"name":"x"}"#).unwrap();
        assert_eq!(d.name, "x");
        assert_eq!(d.amount, "");
    }
}
