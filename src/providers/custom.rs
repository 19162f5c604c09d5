//! The account's own fields on the wire: what every dialect shares in reading and writing them.
//! Each dialect says where they are (Heffl's top-level `cf_*` keys, HubSpot's properties,
//! Attio's values); these read a value found there as its field's kind says, and write one.

use crate::backend::BackendError;
use crate::model::{CustomField, CustomKind, CustomValue, Date, DealFields};
use serde_json::Value;
use std::collections::BTreeMap;

/// The deals of a reply as JSON, where the dialect's own types do not name the members the
/// account's fields are in: `at` points at the list of deals, or at the one deal (`/data`,
/// `/deals`, `""`). Read only when fields are configured: none when there are none.
pub fn raw_deals(fields: &[CustomField], r: &super::http::HttpResponse, at: &str) -> Result<Vec<Value>, BackendError> {
    if fields.is_empty() {
        return Ok(Vec::new());
    }
    let body: Value = r.decode()?;
    Ok(match body.pointer(at) {
        Some(Value::Array(deals)) => deals.clone(),
        Some(deal) => vec![deal.clone()],
        None => Vec::new(),
    })
}

/// Reads each configured field's value as `value_of` finds it in a deal (`None`: absent).
/// A value that is not of the field's kind makes the reply malformed, naming the deal and the
/// field: read as empty, it would be cleared by the next save.
pub fn read(
    fields: &[CustomField],
    deal: &str,
    value_of: impl Fn(&str) -> Option<Value>,
) -> Result<BTreeMap<String, CustomValue>, BackendError> {
    let mut out = BTreeMap::new();
    for field in fields {
        let Some(value) = value_of(&field.key) else { continue };
        match from_json(field, &value) {
            Ok(Some(v)) => {
                out.insert(field.key.clone(), v);
            }
            Ok(None) => {}
            Err(()) => {
                let found = match &value {
                    Value::String(s) => format!("“{s}”"),
                    Value::Number(_) => "a number".to_owned(),
                    Value::Bool(b) => b.to_string(),
                    Value::Array(_) => "a list".to_owned(),
                    _ => "an object".to_owned(),
                };
                return Err(BackendError::Malformed(format!(
                    "deal {deal} has {found} as {}, which is not {}",
                    field.key,
                    CustomKind::NAMES[kind_index(&field.kind)]
                )));
            }
        }
    }
    Ok(out)
}

fn kind_index(kind: &CustomKind) -> usize {
    match kind {
        CustomKind::Text => 0,
        CustomKind::LongText => 1,
        CustomKind::Number => 2,
        CustomKind::Money => 3,
        CustomKind::Date => 4,
        CustomKind::Select(_) => 5,
        CustomKind::Checkbox => 6,
        CustomKind::Email => 7,
        CustomKind::Url => 8,
        CustomKind::Phone => 9,
        CustomKind::Person => 10,
        CustomKind::Company => 11,
    }
}

/// One value as its field's kind reads it: numbers also as decimal text, checkboxes also as
/// `"true"`/`"false"` (HubSpot writes every property as text), dates also as date-times or
/// epoch milliseconds; `null` and `""` are no value.
fn from_json(field: &CustomField, value: &Value) -> Result<Option<CustomValue>, ()> {
    Ok(Some(match (&field.kind, value) {
        (_, Value::Null) => return Ok(None),
        (_, Value::String(s)) if s.is_empty() => return Ok(None),
        (CustomKind::Number | CustomKind::Money, Value::Number(n)) => CustomValue::Number(n.as_f64().ok_or(())?),
        (CustomKind::Number | CustomKind::Money, Value::String(s)) => {
            CustomValue::Number(crate::wire::decimal_text(s).ok_or(())?)
        }
        (CustomKind::Checkbox, Value::Bool(b)) => CustomValue::Flag(*b),
        (CustomKind::Checkbox, Value::String(s)) => match s.as_str() {
            "true" => CustomValue::Flag(true),
            "false" => CustomValue::Flag(false),
            _ => return Err(()),
        },
        (CustomKind::Date, Value::String(s)) => {
            // Midnight UTC as epoch milliseconds (HubSpot's date properties), or ISO text.
            let date = match s.parse::<i64>() {
                Ok(ms) => Date::from_epoch_days(ms.div_euclid(86_400_000)),
                Err(_) => Date::parse_iso_prefix(s),
            };
            CustomValue::Text(date.map_err(|_| ())?.to_string())
        }
        (CustomKind::Date, Value::Number(n)) => {
            let ms = n.as_i64().ok_or(())?;
            CustomValue::Text(
                Date::from_epoch_days(ms.div_euclid(86_400_000))
                    .map_err(|_| ())?
                    .to_string(),
            )
        }
        (CustomKind::Checkbox | CustomKind::Date | CustomKind::Number | CustomKind::Money, _) => return Err(()),
        (_, Value::String(s)) => CustomValue::Text(s.clone()),
        (_, Value::Number(n)) => CustomValue::Text(crate::model::custom::plain_decimal(n.as_f64().ok_or(())?)),
        _ => return Err(()),
    }))
}

/// Each configured field with the value to write: `Some` for a value, `None` for one to clear
/// (only with `clear_absent`, an update; a create leaves absent ones out).
pub fn written<'a>(
    fields: &'a [CustomField],
    deal: &'a DealFields,
    clear_absent: bool,
) -> impl Iterator<Item = (&'a CustomField, Option<&'a CustomValue>)> + 'a {
    fields.iter().filter_map(move |f| match deal.custom.get(&f.key) {
        Some(v) => Some((f, Some(v))),
        None => clear_absent.then_some((f, None)),
    })
}

/// A value as JSON: text, a number (whole numbers without a fraction) or true/false.
pub fn to_json(value: &CustomValue) -> Value {
    match value {
        CustomValue::Text(t) => Value::String(t.clone()),
        CustomValue::Flag(b) => Value::Bool(*b),
        CustomValue::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => Value::from(*n as i64),
        CustomValue::Number(n) => serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number),
    }
}

/// A value as text, for CRMs that take every value as text (HubSpot): numbers without a
/// fraction as whole numbers, dates as `YYYY-MM-DD`, checkboxes as `true`/`false`.
pub fn as_text(value: &CustomValue) -> String {
    match value {
        CustomValue::Text(t) => t.clone(),
        CustomValue::Flag(b) => b.to_string(),
        CustomValue::Number(n) => crate::model::custom::plain_decimal(*n),
    }
}

/// The `(wire key, form field)` pairs of the configured fields, to place a CRM's errors about
/// them (see [`super::place_errors`]).
pub fn error_table(fields: &[CustomField]) -> Vec<(&str, crate::model::Field)> {
    fields
        .iter()
        .enumerate()
        .map(|(i, f)| (f.key.as_str(), crate::model::Field::Custom(i as u8)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SelectOption;
    use serde_json::json;

    fn fields() -> Vec<CustomField> {
        vec![
            CustomField::new("cf_seats", "Seats", CustomKind::Number),
            CustomField::new(
                "cf_tier",
                "Tier",
                CustomKind::Select(vec![SelectOption {
                    value: "gold".into(),
                    label: "Gold".into(),
                }]),
            ),
            CustomField::new("cf_signed", "Signed", CustomKind::Checkbox),
            CustomField::new("cf_renewal", "Renewal", CustomKind::Date),
        ]
    }

    #[test]
    fn values_are_read_as_their_kind_says_also_from_text() {
        let deal = json!({"cf_seats": "12", "cf_tier": "gold", "cf_signed": "true", "cf_renewal": "1798761600000"});
        let read = read(&fields(), "d1", |k| deal.get(k).cloned()).unwrap();
        assert_eq!(read["cf_seats"], CustomValue::Number(12.0));
        assert_eq!(read["cf_tier"], CustomValue::Text("gold".into()));
        assert_eq!(read["cf_signed"], CustomValue::Flag(true));
        assert_eq!(read["cf_renewal"], CustomValue::Text("2027-01-01".into()));
        let native =
            json!({"cf_seats": 12.5, "cf_signed": false, "cf_renewal": "2027-01-01T00:00:00Z", "cf_tier": null});
        let read = super::read(&fields(), "d1", |k| native.get(k).cloned()).unwrap();
        assert_eq!(read["cf_seats"], CustomValue::Number(12.5));
        assert_eq!(read["cf_signed"], CustomValue::Flag(false));
        assert_eq!(read["cf_renewal"], CustomValue::Text("2027-01-01".into()));
        assert!(!read.contains_key("cf_tier"));
    }

    #[test]
    fn a_value_of_another_kind_is_named() {
        let deal = json!({"cf_seats": "many"});
        let e = read(&fields(), "d1", |k| deal.get(k).cloned()).unwrap_err();
        assert_eq!(
            e,
            BackendError::Malformed("deal d1 has “many” as cf_seats, which is not number".into())
        );
        let deal = json!({"cf_tier": {"title": "Gold"}});
        assert!(read(&fields(), "d1", |k| deal.get(k).cloned()).is_err());
    }

    #[test]
    fn an_update_clears_what_a_create_leaves_out() {
        let mut deal = DealFields::default();
        deal.custom.insert("cf_seats".into(), CustomValue::Number(3.0));
        let fields = fields();
        let create: Vec<_> = written(&fields, &deal, false)
            .map(|(f, v)| (f.key.as_str(), v.is_some()))
            .collect();
        assert_eq!(create, vec![("cf_seats", true)]);
        assert_eq!(written(&fields, &deal, true).count(), 4);
        assert_eq!(as_text(&CustomValue::Number(3.0)), "3");
        assert_eq!(as_text(&CustomValue::Flag(true)), "true");
    }
}
