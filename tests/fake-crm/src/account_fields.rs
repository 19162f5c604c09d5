//! The account's own fields every fake CRM has, as a real account would have set them up: a
//! select of tiers and a number of seats, under each vendor's own key. The CRM, not the form,
//! has the last word on their values: a tier it does not offer, or more seats than it allows,
//! is refused in the vendor's error shape, naming the field.

use serde_json::Value;

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountField {
    /// One of [`TIERS`].
    Tier,
    /// A whole number from 0 to [`MAX_SEATS`].
    Seats,
}

/// The tiers the account offers.
pub const TIERS: &[&str] = &["gold", "silver", "bronze"];

/// The most seats a deal may have.
pub const MAX_SEATS: f64 = 500.0;

/// The fields' keys at each vendor (`vendor`, tier key, seats key). Stardex's are custom field
/// attribute ids.
pub const KEYS: &[(&str, &str, &str)] = &[
    ("heffl", "cf_tier", "cf_seats"),
    ("hubspot", "deal_tier", "seat_count"),
    ("attio", "tier", "seats"),
    (
        "stardex",
        "5e1f0a2b-0000-4000-8000-00000000a001",
        "5e1f0a2b-0000-4000-8000-00000000a002",
    ),
];

/// The account field `key` is at `vendor`, if any.
pub fn field(vendor: &str, key: &str) -> Option<AccountField> {
    let (_, tier, seats) = KEYS.iter().find(|(v, _, _)| *v == vendor)?;
    match key {
        k if k == *tier => Some(AccountField::Tier),
        k if k == *seats => Some(AccountField::Seats),
        _ => None,
    }
}

/// A value written to `field`: `Ok(None)` clears it (`null`, `""` or `[]`), `Ok(Some)` is the
/// value as stored (seats as a number, whatever form they came in), `Err` says what is wrong.
pub fn check(field: AccountField, value: &Value) -> Result<Option<Value>, String> {
    match value {
        Value::Null => return Ok(None),
        Value::String(s) if s.is_empty() => return Ok(None),
        Value::Array(a) if a.is_empty() => return Ok(None),
        _ => {}
    }
    match field {
        AccountField::Tier => match value.as_str() {
            Some(t) if TIERS.contains(&t) => Ok(Some(value.clone())),
            _ => Err(format!(
                "{value} was not one of the allowed options: [gold, silver, bronze]"
            )),
        },
        AccountField::Seats => {
            let n = match value {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.parse::<f64>().ok(),
                _ => None,
            };
            match n {
                Some(n) if n.fract() == 0.0 && (0.0..=MAX_SEATS).contains(&n) => Ok(Some(Value::from(n as i64))),
                _ => Err(format!("{value} is not a whole number of seats from 0 to 500")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tiers_and_seats_are_checked_and_cleared() {
        assert_eq!(field("heffl", "cf_seats"), Some(AccountField::Seats));
        assert_eq!(field("ysuite", "cf_seats"), None);
        assert_eq!(check(AccountField::Tier, &json!("gold")), Ok(Some(json!("gold"))));
        assert!(check(AccountField::Tier, &json!("platinum")).is_err());
        assert_eq!(check(AccountField::Seats, &json!("12")), Ok(Some(json!(12))));
        assert!(check(AccountField::Seats, &json!(501)).is_err());
        assert_eq!(check(AccountField::Seats, &json!([])), Ok(None));
    }
}
