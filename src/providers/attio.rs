//! Attio v2 (`https://api.attio.com`): Bearer token, offset paging without a total (the end is
//! a short page), every attribute an array of historic values of which the current one has
//! `active_until: null`, stages written by title, `Retry-After` as an HTTP date.

use super::http::{HttpRequest, HttpResponse, Method};
use super::{deal_path, error_for_status, wire_money, Capabilities, Number, Provider, Writes};
use crate::backend::BackendError;
use crate::model::{
    Currency, Cursor, Deal, DealFields, DealId, Field, FieldError, FieldRule, IdFormat, Labels, ListQuery, Page,
    PagingStyle, Schema, SortDir, SortField, Stage,
};
use crate::wire::Lenient;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The paths this provider uses, relative to the base URL.
pub mod routes {
    /// Create (documented).
    pub const RECORDS: &str = "/v2/objects/deals/records";
    /// Query (documented).
    pub const QUERY: &str = "/v2/objects/deals/records/query";
    /// One record (documented).
    pub const RECORD: &str = "/v2/objects/deals/records/";
    /// The stage attribute's statuses (documented).
    pub const STATUSES: &str = "/v2/objects/deals/attributes/stage/statuses";
    /// The workspace's members (documented: no search by name).
    pub const MEMBERS: &str = "/v2/workspace_members";
    /// The companies' query (documented), filtered by name.
    pub const COMPANIES: &str = "/v2/objects/companies/records/query";
}

/// A workspace member.
#[derive(Deserialize)]
struct WireMember {
    id: WireMemberId,
    first_name: Option<String>,
    last_name: Option<String>,
    email_address: Option<String>,
}

#[derive(Deserialize)]
struct WireMemberId {
    workspace_member_id: String,
}

const SLUGS: &[(&str, Field)] = &[
    ("name", Field::Name),
    ("value", Field::Amount),
    ("stage", Field::Stage),
    ("owner", Field::Owner),
    ("associated_company", Field::Company),
];

/// The Attio dialect.
#[derive(Clone)]
pub struct Attio {
    token: String,
    currency: Currency,
    /// The account's own fields, from the configuration.
    custom: Vec<crate::model::CustomField>,
}

impl Attio {
    /// A client with this access token; `currency` for values that name none.
    /// A client with the credentials its line in `crms.json` names; `currency` as for [`Attio::new`].
    pub fn connect(credentials: &super::Credentials, currency: Currency, custom: &[crate::model::CustomField]) -> Self {
        Self {
            custom: custom.to_vec(),
            ..Self::new(credentials.get("token"), currency)
        }
    }

    pub fn new(token: &str, currency: Currency) -> Self {
        Self {
            custom: Vec::new(),
            token: token.to_owned(),
            currency,
        }
    }
}

/// `{data: …}`: every answer's envelope.
#[derive(Deserialize)]
struct Envelope<T> {
    data: T,
}

/// A record: its id, and each attribute's historic values.
#[derive(Deserialize)]
struct WireRecord {
    id: WireRecordId,
    values: Option<WireValues>,
}

#[derive(Deserialize)]
struct WireRecordId {
    record_id: String,
}

/// The attributes this app reads, each a list of historic values; a value that cannot be read
/// is skipped, as one the app does not show.
#[derive(Deserialize, Default)]
struct WireValues {
    name: Option<Vec<Lenient<TextValue>>>,
    value: Option<Vec<Lenient<CurrencyValue>>>,
    stage: Option<Vec<Lenient<StatusValue>>>,
    owner: Option<Vec<Lenient<ActorValue>>>,
    associated_company: Option<Vec<Lenient<RecordReference>>>,
}

/// A company record's name and domains, as its query answers them.
#[derive(Deserialize)]
struct WireCompany {
    id: WireRecordId,
    values: Option<WireCompanyValues>,
}

#[derive(Deserialize, Default)]
struct WireCompanyValues {
    name: Option<Vec<Lenient<TextValue>>>,
    domains: Option<Vec<Lenient<DomainValue>>>,
}

#[derive(Deserialize)]
struct DomainValue {
    active_until: Option<String>,
    domain: Option<String>,
}

/// A reference to another record: the deal's company.
#[derive(Deserialize)]
struct RecordReference {
    active_until: Option<String>,
    target_record_id: Option<String>,
}

#[derive(Deserialize)]
struct TextValue {
    active_until: Option<String>,
    value: Option<String>,
}

#[derive(Deserialize)]
struct CurrencyValue {
    active_until: Option<String>,
    currency_value: Option<Number>,
    currency_code: Option<String>,
}

#[derive(Deserialize)]
struct StatusValue {
    active_until: Option<String>,
    status: Option<WireStatus>,
}

#[derive(Deserialize)]
struct WireStatus {
    title: String,
    #[serde(default)]
    is_archived: bool,
}

#[derive(Deserialize)]
struct ActorValue {
    active_until: Option<String>,
    referenced_actor_id: Option<String>,
}

/// The current value of an attribute: the one of its historic values not yet superseded.
fn current<T>(values: Option<Vec<Lenient<T>>>, active_until: impl Fn(&T) -> &Option<String>) -> Option<T> {
    values
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| v.0)
        .find(|v| active_until(v).is_none())
}

/// `{message, …}`.
#[derive(Deserialize)]
struct ErrorBody {
    message: Option<String>,
}

/// A create's or update's body: `{data: {values}}`.
#[derive(Serialize)]
struct WriteBody<'a> {
    data: WriteData<'a>,
}

#[derive(Serialize)]
struct WriteData<'a> {
    values: WriteValues<'a>,
}

#[derive(Serialize)]
struct WriteValues<'a> {
    name: &'a str,
    /// Stages are written by title, which is also how this provider identifies them.
    #[serde(skip_serializing_if = "Option::is_none")]
    stage: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<Owner<'a>>,
    /// A number, or `[]` to clear it.
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Amount>,
    /// A company by record id or by domain, or `[]` to clear it.
    #[serde(skip_serializing_if = "Option::is_none")]
    associated_company: Option<CompanyReference<'a>>,
    /// The account's own attributes by slug; `[]` clears one.
    #[serde(flatten)]
    custom: BTreeMap<&'a str, serde_json::Value>,
}

/// The current one of an attribute's historic values (`active_until: null`), as the value its
/// type keeps: `value` (text, number, checkbox, date), a select's `option.title`, a currency's
/// `currency_value`, an email's `email_address`, a phone's `original_phone_number`, a status's
/// `status.title` or a domain's `domain`.
fn current_custom(history: &serde_json::Value) -> Option<serde_json::Value> {
    let now = history
        .as_array()?
        .iter()
        .find(|v| v.get("active_until").is_none_or(|u| u.is_null()))?;
    [
        "/value",
        "/option/title",
        "/currency_value",
        "/email_address",
        "/original_phone_number",
        "/status/title",
        "/domain",
    ]
    .iter()
    .find_map(|p| now.pointer(p).filter(|v| !v.is_null()).cloned())
}

/// An owner is a workspace member, named by email or by id.
#[derive(Serialize)]
#[serde(untagged)]
enum Owner<'a> {
    Email(&'a str),
    Member([ActorReference<'a>; 1]),
}

#[derive(Serialize)]
struct ActorReference<'a> {
    referenced_actor_type: &'static str,
    referenced_actor_id: &'a str,
}

/// A company, as the create's example writes one: by record id, or by one of its domains.
#[derive(Serialize)]
#[serde(untagged)]
enum CompanyReference<'a> {
    Record {
        target_object: &'static str,
        target_record_id: &'a str,
    },
    Domain {
        target_object: &'static str,
        domains: [DomainReference<'a>; 1],
    },
    Cleared([u8; 0]),
}

#[derive(Serialize)]
struct DomainReference<'a> {
    domain: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Amount {
    Value(f64),
    Cleared([f64; 0]),
}

/// A query's body.
#[derive(Serialize)]
struct QueryBody<'a> {
    limit: u32,
    offset: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    filter: Option<NameFilter<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sorts: Option<[QuerySort<'a>; 1]>,
}

#[derive(Serialize)]
struct NameFilter<'a> {
    name: Contains<'a>,
}

#[derive(Serialize)]
struct Contains<'a> {
    #[serde(rename = "$contains")]
    contains: &'a str,
}

#[derive(Serialize)]
struct QuerySort<'a> {
    direction: &'static str,
    attribute: &'a str,
}

impl Attio {
    /// The record `r`, the account's own attributes read from `raw`, the same record as JSON.
    fn to_deal(&self, r: WireRecord, raw: Option<&serde_json::Value>) -> Result<Deal, BackendError> {
        let id = r.id.record_id;
        let v = r.values.unwrap_or_default();
        let amount = match current(v.value, |v| &v.active_until) {
            Some(val) => {
                let currency = val
                    .currency_code
                    .and_then(|c| Currency::parse(&c).ok())
                    .unwrap_or(self.currency);
                wire_money(val.currency_value.as_ref(), currency, &id)?
            }
            None => None,
        };
        let stage = current(v.stage, |s| &s.active_until)
            .and_then(|s| s.status)
            .map(|s| s.title);
        let owner = current(v.owner, |o| &o.active_until).and_then(|o| o.referenced_actor_id);
        let company = current(v.associated_company, |c| &c.active_until).and_then(|c| c.target_record_id);
        let custom = super::custom::read(&self.custom, &id, |slug| current_custom(raw?.get("values")?.get(slug)?))?;
        Ok(Deal {
            id: DealId(id),
            fields: DealFields {
                name: current(v.name, |n| &n.active_until)
                    .and_then(|n| n.value)
                    .unwrap_or_default(),
                amount,
                stage,
                close_date: None,
                probability: None,
                owner,
                company,
                description: None,
                custom,
            },
            labels: Labels::default(),
        })
    }

    fn values<'a>(&'a self, f: &'a DealFields, clear_absent: bool) -> WriteBody<'a> {
        let owner = f.owner.as_deref().map(|o| {
            if o.contains('@') {
                Owner::Email(o)
            } else {
                Owner::Member([ActorReference {
                    referenced_actor_type: "workspace-member",
                    referenced_actor_id: o,
                }])
            }
        });
        let value = match f.amount {
            Some(a) => Some(Amount::Value(a.to_f64())),
            None => clear_absent.then_some(Amount::Cleared([])),
        };
        let associated_company = match f.company.as_deref() {
            Some(id) if IdFormat::Uuid.matches(id) => Some(CompanyReference::Record {
                target_object: "companies",
                target_record_id: id,
            }),
            Some(domain) => Some(CompanyReference::Domain {
                target_object: "companies",
                domains: [DomainReference { domain }],
            }),
            None => clear_absent.then_some(CompanyReference::Cleared([])),
        };
        WriteBody {
            data: WriteData {
                values: WriteValues {
                    name: &f.name,
                    stage: f.stage.as_deref(),
                    owner,
                    value,
                    associated_company,
                    custom: super::custom::written(&self.custom, f, clear_absent)
                        .map(|(c, v)| {
                            let json = match v {
                                Some(v) => super::custom::to_json(v),
                                None => serde_json::Value::Array(Vec::new()),
                            };
                            (c.key.as_str(), json)
                        })
                        .collect(),
                },
            },
        }
    }
}

impl Provider for Attio {
    fn name(&self) -> &str {
        "Attio"
    }

    fn schema(&self) -> Schema {
        Schema::new(vec![
            FieldRule::optional(Field::Name).required().max_chars(1000),
            FieldRule::optional(Field::Amount).range(0, crate::model::money::MAX_MAJOR),
            FieldRule::optional(Field::Stage).required(),
            // Written as a workspace member's email address (the API's docs), read back as the
            // member's id, which `values` writes back as an actor reference: both are taken.
            FieldRule::optional(Field::Owner)
                .required()
                .max_chars(320)
                .format(IdFormat::Member),
            // A company record's id, as it reads back, or one of its domains (the API's docs).
            FieldRule::optional(Field::Company)
                .max_chars(253)
                .format(IdFormat::RecordOrDomain),
        ])
        .with_custom(self.custom.clone())
    }

    fn paging(&self) -> PagingStyle {
        PagingStyle::Offset { total: false }
    }

    fn capabilities(&self) -> Capabilities {
        // Attio sorts by any attribute: the account's own listed ones too.
        let listed = self.custom.iter().enumerate().filter(|(_, c)| c.column);
        let custom = listed.map(|(i, _)| SortField::Custom(i as u8));
        Capabilities {
            search: true,
            sort: [SortField::Name, SortField::Amount, SortField::Stage, SortField::Owner]
                .into_iter()
                .chain(custom)
                .collect(),
        }
    }

    fn auth_headers(&self) -> Vec<(&str, String)> {
        vec![("Authorization", format!("Bearer {}", self.token))]
    }

    fn list(&self, q: &ListQuery) -> HttpRequest {
        let offset = match q.cursor {
            Cursor::Offset(o) => o,
            _ => 0,
        };
        let search = q.search.trim();
        let sorts = q.sort.map(|sort| {
            let attribute = match sort.field {
                SortField::Name => "name",
                SortField::Amount => "value",
                SortField::Stage => "stage",
                SortField::Owner => "owner",
                SortField::CloseDate => "created_at",
                SortField::Custom(i) => self.custom.get(usize::from(i)).map_or("name", |c| c.key.as_str()),
            };
            let direction = if sort.dir == SortDir::Asc { "asc" } else { "desc" };
            [QuerySort { direction, attribute }]
        });
        let body = QueryBody {
            limit: q.page_size.max(1),
            offset,
            filter: (!search.is_empty()).then_some(NameFilter {
                name: Contains { contains: search },
            }),
            sorts,
        };
        HttpRequest::json(Method::Post, routes::QUERY, &body)
    }

    fn read_list(&self, q: &ListQuery, r: &HttpResponse) -> Result<Page, BackendError> {
        let records = r.decode::<Envelope<Vec<WireRecord>>>()?.data;
        let raw = super::custom::raw_deals(&self.custom, r, "/data")?;
        let offset = match q.cursor {
            Cursor::Offset(o) => o,
            _ => 0,
        };
        let deals = records
            .into_iter()
            .enumerate()
            .map(|(i, rec)| self.to_deal(rec, raw.get(i)))
            .collect::<Result<Vec<_>, _>>()?;
        // No total: a full page may have more after it; a short one is the last.
        let full = deals.len() as u64 >= u64::from(q.page_size.max(1));
        Ok(Page {
            next: full.then(|| Cursor::Offset(offset + deals.len() as u64)),
            total: None,
            deals,
        })
    }

    fn get(&self, id: &DealId) -> HttpRequest {
        HttpRequest::get(deal_path(routes::RECORD, id))
    }

    fn read_deal(&self, r: &HttpResponse) -> Result<Deal, BackendError> {
        let raw = super::custom::raw_deals(&self.custom, r, "/data")?;
        self.to_deal(r.decode::<Envelope<WireRecord>>()?.data, raw.first())
    }

    fn stages(&self) -> Option<HttpRequest> {
        Some(HttpRequest::get(routes::STATUSES))
    }

    fn lookup(&self, kind: crate::model::LookupKind, query: &str) -> Option<HttpRequest> {
        let query = query.trim();
        Some(match kind {
            crate::model::LookupKind::Owner => HttpRequest::get(routes::MEMBERS),
            crate::model::LookupKind::Company => HttpRequest::json(
                Method::Post,
                routes::COMPANIES,
                &QueryBody {
                    limit: 20,
                    offset: 0,
                    filter: (!query.is_empty()).then_some(NameFilter {
                        name: Contains { contains: query },
                    }),
                    sorts: None,
                },
            ),
        })
    }

    fn read_lookup(
        &self,
        kind: crate::model::LookupKind,
        query: &str,
        r: &HttpResponse,
    ) -> Result<Vec<crate::model::Choice>, BackendError> {
        if kind == crate::model::LookupKind::Company {
            // By record id, which is how a deal's company reads back; the domain tells apart.
            return Ok(r
                .decode::<Envelope<Vec<WireCompany>>>()?
                .data
                .into_iter()
                .map(|c| {
                    let v = c.values.unwrap_or_default();
                    let domain = current(v.domains, |d| &d.active_until).and_then(|d| d.domain);
                    let name = current(v.name, |n| &n.active_until).and_then(|n| n.value);
                    crate::model::Choice {
                        label: name
                            .or_else(|| domain.clone())
                            .unwrap_or_else(|| c.id.record_id.clone()),
                        id: c.id.record_id,
                        detail: domain,
                    }
                })
                .collect());
        }
        // By member id, which is how a deal's owner reads back (and is written again).
        let members: Vec<crate::model::Choice> = r
            .decode::<Envelope<Vec<WireMember>>>()?
            .data
            .into_iter()
            .map(|m| {
                let fallback = m
                    .email_address
                    .clone()
                    .unwrap_or_else(|| m.id.workspace_member_id.clone());
                crate::model::Choice {
                    label: crate::model::lookup::person_name(
                        m.first_name.as_deref(),
                        m.last_name.as_deref(),
                        &fallback,
                    ),
                    id: m.id.workspace_member_id,
                    detail: m.email_address,
                }
            })
            .collect();
        Ok(crate::model::lookup::matching(&members, query, members.len()))
    }

    fn read_stages(&self, r: &HttpResponse) -> Result<Vec<Stage>, BackendError> {
        let statuses = r.decode::<Envelope<Vec<WireStatus>>>()?.data;
        Ok(statuses
            .iter()
            .filter(|s| !s.is_archived)
            .map(|s| Stage::new(&s.title, &s.title))
            .collect())
    }
}

impl Writes for Attio {
    fn read_error(&self, r: &HttpResponse) -> BackendError {
        // Attio sends Retry-After as an HTTP date; the client turns it into seconds.
        let retry = r.retry_after_secs;
        let Some(ErrorBody { message }) = super::error_body(r) else {
            return super::error_without_body(r);
        };
        let message = message.unwrap_or_default();
        // Messages name the attribute by slug in quotes: 'attribute with slug "value"'.
        let custom = super::custom::error_table(&self.custom);
        let field = message
            .split('"')
            .skip(1)
            .step_by(2)
            .find_map(|quoted| SLUGS.iter().chain(&custom).find(|(s, _)| *s == quoted).map(|(_, f)| *f));
        let fields: Vec<FieldError> = field.map(|f| FieldError::new(f, message.clone())).into_iter().collect();
        let message = if fields.is_empty() { message } else { String::new() };
        error_for_status(r.status, retry, message, fields)
    }

    fn create(&self, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Post, routes::RECORDS, &self.values(f, false))
    }

    fn update(&self, id: &DealId, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Patch, deal_path(routes::RECORD, id), &self.values(f, true))
    }

    fn delete(&self, id: &DealId) -> HttpRequest {
        HttpRequest::delete(deal_path(routes::RECORD, id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Money;
    use crate::providers::Saved;
    use serde_json::json;

    fn attio() -> Attio {
        Attio::new("tok", Currency::USD)
    }

    fn attio_with_custom() -> Attio {
        use crate::model::{CustomField, CustomKind, SelectOption};
        let tier = CustomKind::Select(vec![SelectOption {
            value: "Gold".into(),
            label: "Gold".into(),
        }]);
        let custom = [
            CustomField::new("tier", "Tier", tier),
            CustomField::new("seats", "Seats", CustomKind::Number),
            CustomField::new("signed", "Signed", CustomKind::Checkbox),
        ];
        Attio::connect(
            &super::super::Credentials(vec![("token".into(), "tok".into())]),
            Currency::USD,
            &custom,
        )
    }

    #[test]
    fn custom_attributes_are_read_at_their_current_values_and_written_by_slug() {
        use crate::model::CustomValue;
        let body = r#"{"data": {"id": {"record_id": "r1"}, "values": {
            "name": [{"active_until": null, "value": "Acme"}],
            "tier": [{"active_until": "2024-01-01T00:00:00Z", "option": {"title": "Silver"}, "attribute_type": "select"},
                     {"active_until": null, "option": {"id": {"option_id": "o1"}, "title": "Gold", "is_archived": false}, "attribute_type": "select"}],
            "seats": [{"active_until": null, "value": 12, "attribute_type": "number"}],
            "signed": [{"active_until": null, "value": true, "attribute_type": "checkbox"}]}}}"#;
        let a = attio_with_custom();
        let d = a.read_deal(&HttpResponse::new(200, body)).unwrap();
        assert_eq!(d.fields.custom.get("tier"), Some(&CustomValue::Text("Gold".into())));
        assert_eq!(d.fields.custom.get("seats"), Some(&CustomValue::Number(12.0)));
        assert_eq!(d.fields.custom.get("signed"), Some(&CustomValue::Flag(true)));
        let mut f = d.fields.clone();
        f.custom.remove("seats");
        let values = a.update(&DealId("r1".into()), &f, &[]).body_json()["data"]["values"].clone();
        assert_eq!(values["tier"], json!("Gold"));
        assert_eq!(values["seats"], json!([]));
        assert_eq!(values["signed"], json!(true));
        let values = a.create(&f, &[]).body_json()["data"]["values"].clone();
        assert!(values.get("seats").is_none());
        // Sorted by its slug, where the list shows it.
        let q = ListQuery {
            search: String::new(),
            sort: Some(crate::model::Sort {
                field: SortField::Custom(1),
                dir: SortDir::Desc,
            }),
            page_size: 10,
            cursor: Cursor::Start,
        };
        assert_eq!(
            a.list(&q).body_json()["sorts"],
            json!([{"direction": "desc", "attribute": "seats"}])
        );
    }

    #[test]
    fn owners_are_the_workspace_members_by_id() {
        use crate::model::LookupKind;
        let a = attio();
        assert_eq!(a.lookup(LookupKind::Owner, "").unwrap().path, "/v2/workspace_members");
        let members = r#"{"data": [{"id": {"workspace_id": "w", "workspace_member_id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b"},
            "first_name": "Ada", "last_name": "Byron", "avatar_url": null, "email_address": "ada@x.io", "access_level": "admin"}]}"#;
        let found = a
            .read_lookup(LookupKind::Owner, "byr", &HttpResponse::new(200, members))
            .unwrap();
        assert_eq!(
            (found[0].id.as_str(), found[0].label.as_str()),
            ("50cf242c-7fa3-4cad-87d0-75b1af71c57b", "Ada Byron")
        );
        assert!(a
            .read_lookup(LookupKind::Owner, "zed", &HttpResponse::new(200, members))
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_company_is_read_by_record_id_and_written_by_id_or_domain() {
        // The documented create's answer.
        let body = r#"{"data": {"id": {"record_id": "r1"}, "values": {
            "name": [{"active_until": null, "value": "Contract with Fundstack"}],
            "associated_company": [{"active_from": "2023-01-01T15:00:00.000000000Z", "active_until": null,
                "created_by_actor": {"type": "system", "id": null}, "target_object": "companies",
                "target_record_id": "bf071e1f-6035-429d-b874-d83ea64ea13b", "attribute_type": "record-reference"}]}}}"#;
        let a = attio();
        let d = a.read_deal(&HttpResponse::new(200, body)).unwrap();
        assert_eq!(
            d.fields.company.as_deref(),
            Some("bf071e1f-6035-429d-b874-d83ea64ea13b")
        );
        let values = a.update(&d.id, &d.fields, &[]).body_json()["data"]["values"].clone();
        assert_eq!(
            values["associated_company"],
            json!({"target_object": "companies", "target_record_id": "bf071e1f-6035-429d-b874-d83ea64ea13b"})
        );
        let mut f = d.fields.clone();
        f.company = Some("company.com".into());
        let values = a.create(&f, &[]).body_json()["data"]["values"].clone();
        assert_eq!(
            values["associated_company"],
            json!({"target_object": "companies", "domains": [{"domain": "company.com"}]})
        );
        f.company = None;
        assert!(a.create(&f, &[]).body_json()["data"]["values"]
            .get("associated_company")
            .is_none());
        let values = a.update(&d.id, &f, &[]).body_json()["data"]["values"].clone();
        assert_eq!(values["associated_company"], json!([]));
        // A name is neither: the form says what it takes.
        let rule = a.schema().rule(Field::Company).cloned().unwrap();
        assert!(rule.format.is_some_and(|f| !f.matches("Fundstack")));
    }

    #[test]
    fn companies_are_queried_by_name_and_read_with_their_domain() {
        use crate::model::LookupKind;
        let a = attio();
        let request = a.lookup(LookupKind::Company, " acme ").unwrap();
        assert_eq!(request.path, "/v2/objects/companies/records/query");
        assert_eq!(
            request.body_json(),
            json!({"limit": 20, "offset": 0, "filter": {"name": {"$contains": "acme"}}})
        );
        assert!(a
            .lookup(LookupKind::Company, "")
            .unwrap()
            .body_json()
            .get("filter")
            .is_none());
        let records = r#"{"data": [{"id": {"workspace_id": "w", "object_id": "o", "record_id": "c1"},
            "values": {"name": [{"active_until": null, "value": "Acme Corp"}],
                       "domains": [{"active_until": null, "domain": "acme.com", "root_domain": "acme.com"}]}},
            {"id": {"record_id": "c2"}, "values": {"domains": [{"active_until": null, "domain": "nameless.io"}]}}]}"#;
        let found = a
            .read_lookup(LookupKind::Company, "acme", &HttpResponse::new(200, records))
            .unwrap();
        assert_eq!(
            (
                found[0].id.as_str(),
                found[0].label.as_str(),
                found[0].detail.as_deref()
            ),
            ("c1", "Acme Corp", Some("acme.com"))
        );
        assert_eq!(found[1].label, "nameless.io");
    }

    #[test]
    fn an_error_naming_a_custom_slug_lands_on_its_field() {
        let r = HttpResponse::new(
            400,
            r#"{"status_code": 400, "type": "invalid_request_error", "code": "validation_type", "message": "Invalid option title for attribute with slug \"tier\": Platinum"}"#,
        );
        assert_eq!(
            attio_with_custom().read_error(&r),
            BackendError::Fields {
                errors: vec![FieldError::new(
                    Field::Custom(0),
                    "Invalid option title for attribute with slug \"tier\": Platinum"
                )],
                message: None
            }
        );
    }

    /// The documented create response (abridged to the attributes this app reads, plus an
    /// older, closed name value that must be ignored).
    const CREATED: &str = r#"{
"data": {
"id": {"workspace_id": "14beef7a-99f7-4534-a87e-70b564330a4c", "object_id": "97052eb9-e65e-443f-a297-f2d9a4a7f795", "record_id": "bf071e1f-6035-429d-b874-d83ea64ea13b"},
"created_at": "2022-11-21T13:22:49.061281000Z",
"web_url": "https://app.attio.com/salarya/person/bf071e1f-6035-429d-b874-d83ea64ea13b",
"values": {
"name": [
{"active_from": "2022-01-01T15:00:00.000000000Z", "active_until": "2023-01-01T15:00:00.000000000Z", "created_by_actor": {"type": "system", "id": null}, "value": "Old name", "attribute_type": "text"},
{"active_from": "2023-01-01T15:00:00.000000000Z", "active_until": null, "created_by_actor": {"type": "system", "id": null}, "value": "Contract with Fundstack", "attribute_type": "text"}
],
"stage": [{"active_from": "2023-01-01T15:00:00.000000000Z", "active_until": null, "created_by_actor": {"type": "system", "id": null},
  "status": {"title": "In Progress", "id": {"workspace_id": "14beef7a-99f7-4534-a87e-70b564330a4c", "object_id": "97052eb9-e65e-443f-a297-f2d9a4a7f795", "attribute_id": "41252299-f8c7-4b5e-99c9-4ff8321d2f96", "status_id": "11f07f01-c10f-4e05-a522-33e050bc52ee"}, "is_archived": false, "celebration_enabled": false, "target_time_in_status": null},
  "attribute_type": "status"}],
"owner": [{"active_from": "2023-01-01T15:00:00.000000000Z", "active_until": null, "created_by_actor": {"type": "system", "id": null}, "referenced_actor_type": "workspace-member", "referenced_actor_id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b", "attribute_type": "actor-reference"}],
"value": [{"active_from": "2023-01-01T15:00:00.000000000Z", "active_until": null, "created_by_actor": {"type": "system", "id": null}, "currency_value": 4200, "currency_code": "USD", "attribute_type": "currency"}]
}
}
}"#;

    #[test]
    fn a_historic_value_that_cannot_be_read_is_skipped() {
        let answer = HttpResponse::new(
            200,
            r#"{"data": {"id": {"record_id": "r1"}, "values": {"name": [7, {"active_until": null, "value": "Acme"}], "stage": null}}}"#,
        );
        let deal = attio().read_deal(&answer).unwrap();
        assert_eq!((deal.fields.name.as_str(), deal.fields.stage), ("Acme", None));
    }

    #[test]
    fn the_documented_record_reads_at_its_current_values() {
        let Saved::Deal(d) = attio().read_created(&HttpResponse::new(200, CREATED)).unwrap() else {
            panic!()
        };
        assert_eq!(d.id.0, "bf071e1f-6035-429d-b874-d83ea64ea13b");
        assert_eq!(d.fields.name, "Contract with Fundstack");
        assert_eq!(d.fields.stage.as_deref(), Some("In Progress"));
        assert_eq!(d.fields.owner.as_deref(), Some("50cf242c-7fa3-4cad-87d0-75b1af71c57b"));
        assert_eq!(d.fields.amount, Some(Money::new(420_000, Currency::USD)));
    }

    #[test]
    fn the_documented_example_request_is_what_a_create_sends() {
        let f = DealFields {
            name: "Contract with Fundstack".into(),
            stage: Some("In Progress".into()),
            owner: Some("person@company.com".into()),
            amount: Some(Money::new(420_000, Currency::USD)),
            ..DealFields::default()
        };
        let r = attio().create(&f, &[]);
        assert_eq!((r.method, r.path.as_str()), (Method::Post, "/v2/objects/deals/records"));
        assert_eq!(
            r.body_json(),
            json!({"data": {"values": {"name": "Contract with Fundstack", "stage": "In Progress", "owner": "person@company.com", "value": 4200.0}}})
        );
    }

    #[test]
    fn an_owner_given_by_id_is_written_as_an_actor_reference() {
        let f = DealFields {
            name: "x".into(),
            owner: Some("50cf242c-7fa3-4cad-87d0-75b1af71c57b".into()),
            ..DealFields::default()
        };
        let body = attio().update(&DealId("r".into()), &f, &[]).body_json();
        assert_eq!(
            body["data"]["values"]["owner"],
            json!([{"referenced_actor_type": "workspace-member", "referenced_actor_id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b"}])
        );
        assert_eq!(
            body["data"]["values"]["value"],
            json!([]),
            "an emptied amount is cleared"
        );
    }

    #[test]
    fn a_short_page_is_the_last_page() {
        let q = ListQuery {
            search: "fund".into(),
            sort: None,
            page_size: 2,
            cursor: Cursor::Offset(4),
        };
        let r = attio().list(&q);
        assert_eq!(
            r.body_json(),
            json!({"limit": 2, "offset": 4, "filter": {"name": {"$contains": "fund"}}})
        );
        let record = &CREATED[CREATED.find("{\n\"id\"").unwrap()..CREATED.rfind('}').unwrap()];
        let full = format!(r#"{{"data": [{record}, {record}]}}"#);
        assert_eq!(
            attio().read_list(&q, &HttpResponse::new(200, full)).unwrap().next,
            Some(Cursor::Offset(6))
        );
        let short = format!(r#"{{"data": [{record}]}}"#);
        assert_eq!(
            attio().read_list(&q, &HttpResponse::new(200, short)).unwrap().next,
            None
        );
    }

    #[test]
    fn statuses_become_stages_by_title_without_archived_ones() {
        let r = HttpResponse::new(
            200,
            r#"{"data": [{"id": {"status_id": "a"}, "title": "Lead", "is_archived": false}, {"id": {"status_id": "b"}, "title": "Old", "is_archived": true}]}"#,
        );
        assert_eq!(attio().read_stages(&r).unwrap(), vec![Stage::new("Lead", "Lead")]);
    }

    #[test]
    fn errors_name_the_attribute_slug() {
        let r = HttpResponse::new(
            400,
            r#"{"status_code": 400, "type": "invalid_request_error", "code": "validation_type", "message": "Invalid value was passed to attribute with slug \"value\"."}"#,
        );
        assert_eq!(
            attio().read_error(&r),
            BackendError::Fields {
                errors: vec![FieldError::new(
                    Field::Amount,
                    "Invalid value was passed to attribute with slug \"value\"."
                )],
                message: None
            }
        );
        let r = HttpResponse::new(
            429,
            r#"{"status_code": 429, "type": "rate_limit_error", "code": "rate_limit_exceeded", "message": "Rate limit exceeded"}"#,
        );
        assert_eq!(
            attio().read_error(&r),
            BackendError::RateLimited { retry_after_secs: None }
        );
    }
}
