//! What a backend's deals look like to the form: which fields exist, which are required,
//! their limits and id formats. Each provider declares one; the form and validation read it.

use super::{CustomField, Field, Message};

/// The shape an id-valued field must have at a CRM.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdFormat {
    /// A UUID such as `3c90c3cc-0d44-4b50-8888-8dd25736052a` (Stardex).
    Uuid,
    /// A positive whole number (YSUITE, HubSpot).
    Integer,
    /// A text starting with a fixed prefix, such as `clt_` (Heffl).
    Prefixed(&'static str),
    /// An email address.
    Email,
    /// A workspace member, by email address or by the id the CRM reads back (Attio owners:
    /// written as an email, read as the member's UUID, and taken again as either).
    Member,
    /// A record by its UUID, or by a domain it has (Attio companies: `example.com`).
    RecordOrDomain,
}

impl IdFormat {
    /// Whether `s` has this format.
    pub fn matches(self, s: &str) -> bool {
        match self {
            IdFormat::Uuid => is_uuid(s),
            // At most 2^53 - 1: the largest id a JSON number carries exactly to the CRM.
            IdFormat::Integer => {
                !s.is_empty()
                    && s.len() <= 16
                    && s.bytes().all(|b| b.is_ascii_digit())
                    && s.parse::<u64>().is_ok_and(|n| n < 1 << 53)
            }
            IdFormat::Prefixed(p) => s.strip_prefix(p).is_some_and(|rest| {
                !rest.is_empty()
                    && rest
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            }),
            IdFormat::Member => IdFormat::Email.matches(s) || is_uuid(s),
            IdFormat::RecordOrDomain => is_uuid(s) || is_domain(s),
            IdFormat::Email => {
                let mut parts = s.split('@');
                matches!((parts.next(), parts.next(), parts.next()), (Some(u), Some(d), None)
                    if !u.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.') && !s.contains(char::is_whitespace))
            }
        }
    }

    /// How messages describe the expected format ("a whole number id").
    pub fn describe(self) -> Message {
        match self {
            IdFormat::Uuid => Message::key("format-uuid"),
            IdFormat::Integer => Message::key("format-integer"),
            IdFormat::Prefixed(p) => Message::key("format-prefixed").text("prefix", p),
            IdFormat::Email => Message::key("format-email"),
            IdFormat::Member => Message::key("format-member"),
            IdFormat::RecordOrDomain => Message::key("format-record-or-domain"),
        }
    }
}

/// A host name of at least two labels: letters, digits and inner hyphens.
fn is_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// The rules of one field at one backend.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldRule {
    /// The field.
    pub field: Field,
    /// Whether a save without it is refused.
    pub required: bool,
    /// The most characters it may have.
    pub max_chars: Option<usize>,
    /// Inclusive bounds for numeric fields, in major units for amounts.
    pub range: Option<(i64, i64)>,
    /// The id format it must have, for id-valued fields.
    pub format: Option<IdFormat>,
    /// What the CRM (or the configuration) calls the field, where that differs from [`Field::label`].
    pub label: Option<Message>,
}

impl FieldRule {
    /// An optional field with no limits.
    pub const fn optional(field: Field) -> Self {
        Self {
            field,
            required: false,
            max_chars: None,
            range: None,
            format: None,
            label: None,
        }
    }
    /// The same rule, shown under the CRM's own name for the field (a catalog key).
    pub fn labelled(mut self, key: &'static str) -> Self {
        self.label = Some(Message::key(key));
        self
    }
    /// The label the form shows and messages use.
    pub fn label(&self) -> Message {
        self.label
            .clone()
            .unwrap_or_else(|| Message::key(self.field.label_key()))
    }
    /// The same rule, required.
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }
    /// The same rule, with a maximum length in characters.
    pub const fn max_chars(mut self, n: usize) -> Self {
        self.max_chars = Some(n);
        self
    }
    /// The same rule, with inclusive numeric bounds.
    pub const fn range(mut self, min: i64, max: i64) -> Self {
        self.range = Some((min, max));
        self
    }
    /// The same rule, with an id format.
    pub const fn format(mut self, f: IdFormat) -> Self {
        self.format = Some(f);
        self
    }
}

/// The fields a backend has, in the order the form shows them.
///
/// ```
/// use dealform::model::{Field, FieldRule, Schema};
/// let s = Schema::new(vec![FieldRule::optional(Field::Name).required().max_chars(255)]);
/// assert!(s.rule(Field::Name).unwrap().required);
/// assert!(s.rule(Field::Owner).is_none());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Schema {
    rules: Vec<FieldRule>,
    custom: Vec<CustomField>,
    /// Every field shown, in form order.
    order: Vec<Field>,
}

/// One entry of the configuration's `fields`, in its order: a built-in field relabelled or
/// hidden, or the account's own field at this index of [`Schema::custom`].
#[derive(Clone, Debug, PartialEq)]
pub enum Placed {
    /// A built-in field.
    Builtin {
        /// The field.
        field: Field,
        /// Its label instead of the backend's.
        label: Option<String>,
        /// Whether the form leaves it out.
        hidden: bool,
    },
    /// A custom field.
    Custom(usize),
}

impl Schema {
    /// A schema of these rules, kept in form order whatever order they are given in.
    pub fn new(mut rules: Vec<FieldRule>) -> Self {
        super::order::sort_short_by_key(&mut rules, |r| r.field);
        rules.dedup_by_key(|r| r.field);
        let order = rules.iter().map(|r| r.field).collect();
        Self {
            rules,
            custom: Vec::new(),
            order,
        }
    }

    /// The same schema with the account's own fields, shown after the built-in ones.
    pub fn with_custom(mut self, custom: Vec<CustomField>) -> Self {
        self.order.retain(|f| !matches!(f, Field::Custom(_)));
        self.order.extend((0..custom.len()).map(|i| Field::Custom(i as u8)));
        self.custom = custom;
        self
    }

    /// The schema arranged as the configuration's `fields` say: built-in fields relabelled or
    /// left out, and, where any built-in field is listed, every listed field in the listed
    /// order after the built-in fields not listed. A field the backend requires cannot be left
    /// out: the error names its entry (`fields[2]`) and says why. Listed fields the backend does
    /// not have are passed over, so one configuration can serve several backends.
    ///
    /// ```
    /// use dealform::model::{Field, FieldRule, Placed, Schema};
    /// let s = Schema::new(vec![FieldRule::optional(Field::Name).required(), FieldRule::optional(Field::Description)]);
    /// let notes = Placed::Builtin { field: Field::Description, label: Some("Notes".into()), hidden: false };
    /// let s = s.arranged(&[notes]).unwrap();
    /// assert_eq!(s.label(Field::Description), dealform::model::Message::verbatim("Notes"));
    /// let hide_name = Placed::Builtin { field: Field::Name, label: None, hidden: true };
    /// assert!(Schema::new(vec![FieldRule::optional(Field::Name).required()]).arranged(&[hide_name]).is_err());
    /// ```
    pub fn arranged(mut self, entries: &[Placed]) -> Result<Self, (usize, String)> {
        let mut listed = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let Placed::Builtin { field, label, hidden } = entry else {
                continue;
            };
            let Some(rule) = self.rules.iter_mut().find(|r| r.field == *field) else {
                continue;
            };
            if *hidden {
                if rule.required {
                    return Err((
                        i,
                        format!("cannot be hidden: the {} field is required here", field.key()),
                    ));
                }
                self.rules.retain(|r| r.field != *field);
                continue;
            }
            if let Some(label) = label {
                rule.label = Some(Message::verbatim(label.clone()));
            }
            listed.push(*field);
        }
        let shown: Vec<Field> = self.rules.iter().map(|r| r.field).collect();
        if listed.is_empty() {
            self.order
                .retain(|f| matches!(f, Field::Custom(_)) || shown.contains(f));
            return Ok(self);
        }
        let mut order: Vec<Field> = shown.iter().copied().filter(|f| !listed.contains(f)).collect();
        for entry in entries {
            match entry {
                Placed::Builtin { field, .. } if listed.contains(field) => order.push(*field),
                Placed::Custom(i) if *i < self.custom.len() => order.push(Field::Custom(*i as u8)),
                _ => {}
            }
        }
        self.order = order;
        Ok(self)
    }

    /// Where a field is in the form's order (fields it does not show last): errors are listed
    /// and focused in this order.
    pub fn position(&self, field: Field) -> usize {
        self.order.iter().position(|f| *f == field).unwrap_or(usize::MAX)
    }

    /// The account's own fields, in form order: [`Field::Custom`]`(i)` is the `i`th.
    pub fn custom(&self) -> &[CustomField] {
        &self.custom
    }

    /// Every field the form shows, in its order.
    pub fn fields(&self) -> impl Iterator<Item = Field> + '_ {
        self.order.iter().copied()
    }

    /// What the form calls a field: a custom field's label, or the rule's.
    pub fn label(&self, field: Field) -> Message {
        match field {
            Field::Custom(i) => Message::verbatim(
                self.custom
                    .get(usize::from(i))
                    .map_or(String::new(), |c| c.label.clone()),
            ),
            _ => self
                .rule(field)
                .map_or_else(|| Message::key(field.label_key()), FieldRule::label),
        }
    }

    /// The rules, in form order.
    pub fn rules(&self) -> &[FieldRule] {
        &self.rules
    }

    /// The rule of one field, or `None` where the backend has no such field.
    pub fn rule(&self, field: Field) -> Option<&FieldRule> {
        self.rules.iter().find(|r| r.field == field)
    }

    /// Whether the backend has the field.
    pub fn has(&self, field: Field) -> bool {
        self.rule(field).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_36_hex_characters_in_five_groups() {
        assert!(IdFormat::Uuid.matches("3c90c3cc-0d44-4b50-8888-8dd25736052a"));
        assert!(IdFormat::Uuid.matches("AAA11111-BBBB-CCCC-DDDD-EEEEEEEE1111"));
        assert!(!IdFormat::Uuid.matches("3c90c3cc0d444b5088888dd25736052a"));
        assert!(!IdFormat::Uuid.matches("3c90c3cc-0d44-4b50-8888-8dd25736052g"));
    }

    #[test]
    fn integers_prefixes_and_emails_are_checked() {
        assert!(IdFormat::Integer.matches("10"));
        assert!(!IdFormat::Integer.matches("-1"));
        assert!(!IdFormat::Integer.matches("1.0"));
        assert!(IdFormat::Integer.matches("9007199254740991"));
        assert!(!IdFormat::Integer.matches("9007199254740992"));
        assert!(!IdFormat::Integer.matches(""));
        assert!(IdFormat::Prefixed("clt_").matches("clt_abc123"));
        assert!(!IdFormat::Prefixed("clt_").matches("clt_"));
        assert!(!IdFormat::Prefixed("clt_").matches("dpl_abc"));
        assert!(IdFormat::Email.matches("person@company.com"));
        assert!(IdFormat::Member.matches("person@company.com"));
        assert!(IdFormat::Member.matches("50cf242c-7fa3-4cad-87d0-75b1af71c57b"));
        assert!(!IdFormat::Member.matches("John Smith"));
        assert!(IdFormat::RecordOrDomain.matches("company.com"));
        assert!(IdFormat::RecordOrDomain.matches("bf071e1f-6035-429d-b874-d83ea64ea13b"));
        assert!(!IdFormat::RecordOrDomain.matches("Acme Corp"));
        assert!(!IdFormat::RecordOrDomain.matches("-acme.com"));
        assert!(!IdFormat::RecordOrDomain.matches("acme"));
        assert!(!IdFormat::Email.matches("person@company"));
        assert!(!IdFormat::Email.matches("a b@c.de"));
    }

    #[test]
    fn a_schema_keeps_form_order_and_one_rule_per_field() {
        let s = Schema::new(vec![
            FieldRule::optional(Field::Owner),
            FieldRule::optional(Field::Name).required(),
            FieldRule::optional(Field::Owner).required(),
        ]);
        let order: Vec<_> = s.rules().iter().map(|r| r.field).collect();
        assert_eq!(order, vec![Field::Name, Field::Owner]);
    }
}
