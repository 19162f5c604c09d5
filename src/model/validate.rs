//! Turns a draft into deal fields, or into every problem with it at once.

use super::money::{parse_amount_as, AmountError};
use super::text::{char_len, is_blank, trim_visible};
use super::{Currency, Date, DealDraft, DealFields, Field, Message, MoneyNotation, NumberSeparators, Schema};

/// One problem with one field, in words a person can act on.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// The field the message belongs under.
    pub field: Field,
    /// The message.
    pub message: Message,
}

impl FieldError {
    /// A message for a field.
    pub fn new(field: Field, message: impl Into<Message>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// What validation needs to know beyond the schema.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationContext {
    /// The user's decimal and group separators, for the amount.
    pub separators: NumberSeparators,
    /// How the browser writes amounts in the currency typed (as the list shows them), read
    /// too: `None` where unknown.
    pub money: Option<MoneyNotation>,
    /// The currency to assume when the currency field is absent from the schema. Accepted in
    /// the field as it is: the configuration chose it (and config.json's is held to ISO 4217).
    pub default_currency: Currency,
    /// The currency of the deal as it was opened, if any. Accepted in the field whether or not
    /// ISO 4217 lists it: a CRM's deal in a withdrawn or private code can still be edited.
    pub opened_currency: Option<Currency>,
    /// The ids of the stages the backend offers, when known; a stage outside them is refused.
    pub stage_ids: Option<Vec<String>>,
}

impl Default for ValidationContext {
    fn default() -> Self {
        Self {
            separators: NumberSeparators::ROOT,
            money: None,
            default_currency: Currency::USD,
            opened_currency: None,
            stage_ids: None,
        }
    }
}

/// Validates a draft against a schema, returning the deal fields or every problem found,
/// in form order, at most one per field.
///
/// Fields the schema lacks are ignored, so a stale draft from another backend cannot block a save.
///
/// ```
/// use dealform::model::{validate, Field, FieldRule, Schema, DealDraft, ValidationContext};
/// let schema = Schema::new(vec![FieldRule::optional(Field::Name).required()]);
/// let errors = validate(&DealDraft::default(), &schema, &ValidationContext::default()).unwrap_err();
/// assert_eq!(errors[0].message.catalog_key(), Some("error-required"));
/// ```
pub fn validate(draft: &DealDraft, schema: &Schema, cx: &ValidationContext) -> Result<DealFields, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut out = DealFields::default();

    let currency = if schema.has(Field::Currency) {
        match Currency::parse_typed(&draft.currency) {
            Ok(c) if c.is_listed() || c == cx.default_currency || Some(c) == cx.opened_currency => Some(c),
            Ok(c) => {
                let message = Message::key("error-currency-unlisted").text("code", c.as_str());
                errors.push(FieldError::new(Field::Currency, message));
                None
            }
            // A blank currency falls back to the default; a required one is reported below.
            Err(_) if is_blank(&draft.currency) => Some(cx.default_currency),
            Err(e) => {
                errors.push(FieldError::new(Field::Currency, e.message()));
                None
            }
        }
    } else {
        Some(cx.default_currency)
    };

    for rule in schema.rules() {
        let field = rule.field;
        let raw = draft.get(field);
        let label = rule.label();
        if is_blank(raw) {
            if rule.required {
                errors.push(FieldError::new(
                    field,
                    Message::key("error-required").message("label", label),
                ));
            }
            continue;
        }
        let text = trim_visible(raw);
        if let Some(max) = rule.max_chars {
            let n = char_len(text);
            if n > max {
                errors.push(FieldError::new(field, too_long(label, max, n)));
                continue;
            }
        }
        if let Some(format) = rule.format {
            if !format.matches(text) {
                let message = Message::key("error-format")
                    .message("label", label)
                    .message("format", format.describe());
                errors.push(FieldError::new(field, message));
                continue;
            }
        }
        let result: Result<(), Message> = match field {
            Field::Name => {
                out.name = text.to_owned();
                Ok(())
            }
            Field::Amount => match currency {
                // The currency's own message already explains; precision depends on it.
                None => Ok(()),
                Some(cur) => match parse_amount_as(text, cx.separators, cx.money.as_ref(), cur) {
                    Ok(m) => match (m, rule.range) {
                        (Some(m), Some((min, _))) if m.minor < min.saturating_mul(10_i64.pow(cur.minor_digits())) => {
                            Err(if min == 0 {
                                Message::key("error-negative").message("label", label.clone())
                            } else {
                                Message::key("error-at-least")
                                    .message("label", label.clone())
                                    .number("min", min as f64)
                            })
                        }
                        (Some(m), Some((_, max))) if m.minor > max.saturating_mul(10_i64.pow(cur.minor_digits())) => {
                            Err(AmountError::TooLarge.message())
                        }
                        (m, _) => {
                            out.amount = m;
                            Ok(())
                        }
                    },
                    Err(e) => Err(e.message()),
                },
            },
            Field::Currency => Ok(()),
            Field::Stage => match &cx.stage_ids {
                Some(ids) if !ids.iter().any(|id| id == text) => Err(Message::key("error-choose-from-list")),
                _ => {
                    out.stage = Some(text.to_owned());
                    Ok(())
                }
            },
            Field::CloseDate => match Date::parse_iso(text) {
                Ok(d) => {
                    out.close_date = Some(d);
                    Ok(())
                }
                Err(e) => Err(e.message()),
            },
            Field::Probability => {
                let (min, max) = rule.range.unwrap_or((0, 100));
                // In the locale's script or in Latin digits, with its percent sign or none.
                let text: String = text.chars().map(super::text::latin_form).collect();
                let digits = text.trim_end_matches(['%', '٪']).trim_end();
                match digits.parse::<i64>() {
                    Ok(p) if (min..=max).contains(&p) && digits.bytes().all(|b| b.is_ascii_digit()) => {
                        // Within 0..=100 by the range check's default and the domain's bound.
                        out.probability = u8::try_from(p.clamp(0, 100)).ok();
                        Ok(())
                    }
                    _ => Err(Message::key("error-whole-number-range")
                        .message("label", label.clone())
                        .number("min", min as f64)
                        .number("max", max as f64)),
                }
            }
            Field::Owner => {
                out.owner = Some(text.to_owned());
                Ok(())
            }
            Field::Company => {
                out.company = Some(text.to_owned());
                Ok(())
            }
            Field::Description => {
                // Descriptions keep their inner line breaks; only the ends are trimmed.
                out.description = Some(text.to_owned());
                Ok(())
            }
            // Not among the rules: checked below.
            Field::Custom(_) => Ok(()),
        };
        if let Err(message) = result {
            errors.push(FieldError::new(field, message));
        }
    }
    for (i, custom) in schema.custom().iter().enumerate() {
        let field = Field::Custom(i as u8);
        match custom.check(draft.get(field), cx.separators) {
            Ok(Some(value)) => {
                out.custom.insert(custom.key.clone(), value);
            }
            Ok(None) => {}
            Err(message) => errors.push(FieldError::new(field, message)),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        super::order::sort_short_by_key(&mut errors, |e| schema.position(e.field));
        Err(errors)
    }
}

/// "{label} must be at most {max} characters (it has {n})".
pub fn too_long(label: Message, max: usize, n: usize) -> Message {
    Message::key("error-too-long")
        .message("label", label)
        .number("max", max as f64)
        .number("count", n as f64)
}

/// Names joined as a sentence says them: "Name", "Name and Amount", "Name, Amount and Stage".
pub fn and_list(names: &[&str]) -> String {
    joined(names, "and")
}

/// Choices as a sentence offers them: "page, offset, cursor or none".
pub fn or_list(names: &[&str]) -> String {
    joined(names, "or")
}

fn joined(names: &[&str], conjunction: &str) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} {conjunction} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_names_as_a_sentence_does() {
        assert_eq!(and_list(&[]), "");
        assert_eq!(and_list(&["Name"]), "Name");
        assert_eq!(and_list(&["Name", "Amount"]), "Name and Amount");
        assert_eq!(and_list(&["Name", "Amount", "Stage"]), "Name, Amount and Stage");
    }

    use super::*;
    use crate::model::{FieldRule, IdFormat};

    /// Every field, with the local backend's rules.
    fn schema() -> Schema {
        crate::providers::local::schema()
    }

    fn draft() -> DealDraft {
        DealDraft {
            name: "Acme".into(),
            currency: "USD".into(),
            stage: "lead".into(),
            ..DealDraft::default()
        }
    }

    fn errors_of(d: &DealDraft) -> Vec<(Field, String)> {
        match validate(d, &schema(), &ValidationContext::default()) {
            Ok(_) => vec![],
            Err(e) => e
                .into_iter()
                .map(|e| (e.field, crate::i18n::tests::say(&e.message)))
                .collect(),
        }
    }

    #[test]
    fn a_complete_draft_becomes_trimmed_fields() {
        let d = DealDraft {
            name: "  Acme renewal ".into(),
            amount: "1,200.50".into(),
            close_date: "2026-09-30".into(),
            probability: "40%".into(),
            owner: " Ana ".into(),
            description: "line one\nline two\n".into(),
            ..draft()
        };
        let f = validate(&d, &schema(), &ValidationContext::default()).unwrap();
        assert_eq!(f.name, "Acme renewal");
        assert_eq!(f.amount.unwrap().minor, 120_050);
        assert_eq!(f.close_date.unwrap().to_string(), "2026-09-30");
        assert_eq!(f.probability, Some(40));
        assert_eq!(f.owner.as_deref(), Some("Ana"));
        assert_eq!(f.description.as_deref(), Some("line one\nline two"));
        assert_eq!(f.company, None);
    }

    #[test]
    fn every_problem_is_reported_at_once_in_form_order() {
        let d = DealDraft {
            name: " ".into(),
            amount: "abc".into(),
            stage: "".into(),
            close_date: "2027-02-29".into(),
            probability: "101".into(),
            ..draft()
        };
        let fields: Vec<Field> = errors_of(&d).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            vec![
                Field::Name,
                Field::Amount,
                Field::Stage,
                Field::CloseDate,
                Field::Probability
            ]
        );
    }

    #[test]
    fn a_name_blank_after_trimming_is_missing() {
        for blank in ["", "   ", "\u{00A0}\u{3000}", "\u{200B}"] {
            let d = DealDraft {
                name: blank.into(),
                ..draft()
            };
            assert_eq!(
                errors_of(&d),
                vec![(Field::Name, "Name is required".into())],
                "{blank:?}"
            );
        }
    }

    #[test]
    fn names_are_limited_to_255_characters_not_bytes() {
        let ok = DealDraft {
            name: "é".repeat(255),
            ..draft()
        };
        assert!(errors_of(&ok).is_empty());
        let long = DealDraft {
            name: "a".repeat(256),
            ..draft()
        };
        assert_eq!(
            errors_of(&long),
            vec![(Field::Name, "Name must be at most 255 characters (it has 256)".into())]
        );
    }

    #[test]
    fn unicode_names_survive_untouched() {
        let name = "Überweisung 日本 🚀 <img src=x onerror=alert(1)>";
        let f = validate(
            &DealDraft {
                name: name.into(),
                ..draft()
            },
            &schema(),
            &ValidationContext::default(),
        )
        .unwrap();
        assert_eq!(f.name, name);
    }

    #[test]
    fn negative_amounts_are_refused_but_minus_zero_is_zero() {
        assert_eq!(
            errors_of(&DealDraft {
                amount: "-5".into(),
                ..draft()
            }),
            vec![(Field::Amount, "Amount cannot be negative".into())]
        );
        let f = validate(
            &DealDraft {
                amount: "-0".into(),
                ..draft()
            },
            &schema(),
            &ValidationContext::default(),
        )
        .unwrap();
        assert_eq!(f.amount.unwrap().minor, 0);
    }

    #[test]
    fn an_overflowing_amount_is_a_message_not_infinity() {
        let e = errors_of(&DealDraft {
            amount: "1e309".into(),
            ..draft()
        });
        assert_eq!(e, vec![(Field::Amount, "Enter a number such as 1,234.56".into())]);
        let e = errors_of(&DealDraft {
            amount: "9".repeat(309),
            ..draft()
        });
        assert_eq!(e, vec![(Field::Amount, "Amount is too large".into())]);
    }

    #[test]
    fn amount_precision_follows_the_chosen_currency() {
        let e = errors_of(&DealDraft {
            amount: "10.5".into(),
            currency: "jpy".into(),
            ..draft()
        });
        assert_eq!(e, vec![(Field::Amount, "JPY amounts have no decimal places".into())]);
    }

    #[test]
    fn a_bad_currency_is_reported_once_at_the_currency() {
        let e = errors_of(&DealDraft {
            amount: "10".into(),
            currency: "dollars".into(),
            ..draft()
        });
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].0, Field::Currency);
    }

    #[test]
    fn a_currency_code_must_be_one_iso_4217_lists_unless_the_deal_or_config_has_it() {
        let with = |code: &str, cx: &ValidationContext| {
            validate(
                &DealDraft {
                    amount: "10".into(),
                    currency: code.into(),
                    ..draft()
                },
                &schema(),
                cx,
            )
            .map(|f| f.amount.map(|m| m.currency.as_str().to_owned()))
            .map_err(|e| {
                e.into_iter()
                    .map(|e| (e.field, crate::i18n::tests::say(&e.message)))
                    .collect::<Vec<_>>()
            })
        };
        let cx = ValidationContext::default();
        assert_eq!(with("eur", &cx), Ok(Some("EUR".into())));
        assert_eq!(with("ＥＵＲ", &cx), Ok(Some("EUR".into())));
        assert_eq!(with("XCG", &cx), Ok(Some("XCG".into())));
        assert_eq!(
            with("EUO", &cx),
            Err(vec![(
                Field::Currency,
                "Currency must be an ISO 4217 code in use, such as USD or EUR; “EUO” is not one".to_owned()
            )])
        );
        // A deal already in a withdrawn code (Croatia's kuna) is edited in it; so is the
        // configuration's own currency.
        let kuna = Currency::parse("HRK").ok();
        assert!(with("HRK", &cx).is_err());
        let opened = ValidationContext {
            opened_currency: kuna,
            ..ValidationContext::default()
        };
        assert_eq!(with("hrk", &opened), Ok(Some("HRK".into())));
        let configured = ValidationContext {
            default_currency: Currency::parse("ABC").unwrap(),
            ..ValidationContext::default()
        };
        assert_eq!(with("ABC", &configured), Ok(Some("ABC".into())));
    }

    #[test]
    fn probability_is_a_whole_number_from_0_to_100() {
        for ok in ["0", "100", "55", "55 %", "٥٥٪", "５５％"] {
            assert!(
                errors_of(&DealDraft {
                    probability: ok.into(),
                    ..draft()
                })
                .is_empty(),
                "{ok}"
            );
        }
        for bad in ["-1", "101", "50.5", "-0", "abc", "1e2"] {
            assert_eq!(
                errors_of(&DealDraft {
                    probability: bad.into(),
                    ..draft()
                }),
                vec![(
                    Field::Probability,
                    "Win probability must be a whole number from 0 to 100".into()
                )],
                "{bad}"
            );
        }
    }

    #[test]
    fn far_and_impossible_dates_are_explained() {
        let e = errors_of(&DealDraft {
            close_date: "2300-01-01".into(),
            ..draft()
        });
        assert_eq!(
            e,
            vec![(Field::CloseDate, "Close date must be between 1900 and 2199".into())]
        );
        let e = errors_of(&DealDraft {
            close_date: "2026-02-29".into(),
            ..draft()
        });
        assert_eq!(
            e,
            vec![(Field::CloseDate, "2026-02-29 is not a day in the calendar".into())]
        );
        assert!(errors_of(&DealDraft {
            close_date: "2028-02-29".into(),
            ..draft()
        })
        .is_empty());
    }

    #[test]
    fn an_amount_is_read_as_the_browser_writes_money_in_the_currency_typed() {
        let usd = Currency::USD;
        // en-CA: the list shows US dollars as "US$1,234.50".
        let cx = ValidationContext {
            money: Some(MoneyNotation {
                currency: usd,
                separators: NumberSeparators::ROOT,
                sign: "US$".into(),
            }),
            ..ValidationContext::default()
        };
        let typed = DealDraft {
            amount: "US$1,234.50".into(),
            ..draft()
        };
        let fields = validate(&typed, &schema(), &cx).unwrap();
        assert_eq!(fields.amount.map(|m| m.minor), Some(123_450));
        // The notation is that of US dollars: a deal typed in Canadian ones does not read it.
        let cad = DealDraft {
            currency: "CAD".into(),
            ..typed
        };
        assert!(validate(&cad, &schema(), &cx).is_err());
    }

    #[test]
    fn a_stage_must_be_one_the_backend_offers_when_they_are_known() {
        let cx = ValidationContext {
            stage_ids: Some(vec!["lead".into()]),
            ..ValidationContext::default()
        };
        assert!(validate(&draft(), &schema(), &cx).is_ok());
        let e = validate(
            &DealDraft {
                stage: "gone".into(),
                ..draft()
            },
            &schema(),
            &cx,
        )
        .unwrap_err();
        assert_eq!(
            e,
            vec![FieldError::new(Field::Stage, Message::key("error-choose-from-list"))]
        );
    }

    #[test]
    fn id_formats_from_the_schema_are_enforced() {
        let schema = Schema::new(vec![
            FieldRule::optional(Field::Name).required(),
            FieldRule::optional(Field::Company)
                .required()
                .format(IdFormat::Prefixed("clt_")),
        ]);
        let d = DealDraft {
            name: "x".into(),
            company: "acme".into(),
            ..DealDraft::default()
        };
        let e = validate(&d, &schema, &ValidationContext::default()).unwrap_err();
        let e: Vec<(Field, String)> = e
            .into_iter()
            .map(|e| (e.field, crate::i18n::tests::say(&e.message)))
            .collect();
        assert_eq!(
            e,
            vec![(Field::Company, "Company must be an id starting with clt_".to_owned())]
        );
    }

    #[test]
    fn fields_the_schema_lacks_are_ignored() {
        let schema = Schema::new(vec![FieldRule::optional(Field::Name).required()]);
        let d = DealDraft {
            name: "x".into(),
            amount: "garbage".into(),
            ..DealDraft::default()
        };
        let f = validate(&d, &schema, &ValidationContext::default()).unwrap();
        assert_eq!(f.amount, None);
    }

    #[test]
    fn custom_fields_are_checked_after_the_built_in_ones_and_kept_by_key() {
        use crate::model::{CustomField, CustomKind, CustomValue};
        let mut size = CustomField::new("cf_size", "Size", CustomKind::Number);
        size.required = true;
        let note = CustomField::new("cf_note", "Note", CustomKind::Text);
        let schema = schema().with_custom(vec![size, note]);
        let empty = draft().with_custom(&schema, &Default::default(), NumberSeparators::ROOT);
        let mut bad = empty.clone();
        bad.name.clear();
        let errors = validate(&bad, &schema, &ValidationContext::default()).unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::Name, Field::Custom(0)]);
        assert_eq!(crate::i18n::tests::say(&errors[1].message), "Size is required");
        let mut good = empty;
        good.set(Field::Custom(0), "12.5".into());
        let f = validate(&good, &schema, &ValidationContext::default()).unwrap();
        assert_eq!(f.custom.get("cf_size"), Some(&CustomValue::Number(12.5)));
        assert!(!f.custom.contains_key("cf_note"));
    }
}
