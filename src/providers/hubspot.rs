//! HubSpot legacy Deals v1 (`https://api.hubapi.com`): Bearer private-app token, `offset` cursor
//! with `hasMore` and no total, properties as `{name, value}` lists, `closedate` in epoch
//! milliseconds, per-property validation errors as JSON inside the error's `message`.
//!
//! The v1 paged list has no search and no sort, so [`capabilities`](Provider::capabilities) says
//! so and the list shows neither. HubSpot answers no browser CORS: use a same-origin proxy.

use super::http::{encode, HttpRequest, HttpResponse, Method};
use super::{
    deal_path, error_for_status, pipeline_of, place_errors, wire_money, Capabilities, Number, Provider, Writes,
};
use crate::backend::BackendError;
use crate::model::order::sort_short_by_key;
use crate::model::{
    Currency, Cursor, Date, Deal, DealFields, DealId, Field, FieldRule, IdFormat, ListQuery, Page, PagingStyle, Schema,
    Stage,
};
use crate::wire::{opt_id, Id};
use serde::{Deserialize, Serialize};

/// The paths this provider uses, relative to the base URL.
pub mod routes {
    /// Create (documented; the trailing slash is HubSpot's).
    pub const CREATE: &str = "/deals/v1/deal/";
    /// The paged list (documented).
    pub const PAGED: &str = "/deals/v1/deal/paged";
    /// One deal (documented).
    pub const DEAL: &str = "/deals/v1/deal/";
    /// Pipelines and their stages (documented).
    pub const PIPELINES: &str = "/crm-pipelines/v1/pipelines/deals";
    /// The account's owners, at most 100 (documented, CRM v3: no search by name).
    pub const OWNERS: &str = "/crm/v3/owners?limit=100";
    /// Companies by name or domain (documented, CRM v3).
    pub const COMPANY_SEARCH: &str = "/crm/v3/objects/companies/search";
}

/// `{results: [owner]}` of the owners API.
#[derive(Deserialize)]
struct WireOwners {
    results: Vec<WireOwner>,
}

#[derive(Deserialize)]
struct WireOwner {
    #[serde(deserialize_with = "crate::wire::id")]
    id: String,
    email: Option<String>,
    #[serde(rename = "firstName")]
    first_name: Option<String>,
    #[serde(rename = "lastName")]
    last_name: Option<String>,
}

/// `{results: [{id, properties: {name, domain}}]}` of the company search.
#[derive(Deserialize)]
struct WireCompanies {
    results: Vec<WireCompany>,
}

#[derive(Deserialize)]
struct WireCompany {
    #[serde(deserialize_with = "crate::wire::id")]
    id: String,
    properties: Option<WireCompanyProperties>,
}

#[derive(Deserialize)]
struct WireCompanyProperties {
    name: Option<String>,
    domain: Option<String>,
}

/// The company search's body.
#[derive(Serialize)]
struct CompanySearch<'a> {
    query: &'a str,
    limit: u32,
    properties: [&'static str; 2],
}

/// The most a page may hold.
pub const MAX_LIMIT: u32 = 250;

/// The properties the list asks for: without `properties=` only ids come back.
pub const PROPERTIES: &[&str] = &[
    "dealname",
    "amount",
    "deal_currency_code",
    "dealstage",
    "pipeline",
    "closedate",
    "hubspot_owner_id",
    "description",
];

const FIELDS: &[(&str, Field)] = &[
    ("dealname", Field::Name),
    ("amount", Field::Amount),
    ("deal_currency_code", Field::Currency),
    ("dealstage", Field::Stage),
    ("pipeline", Field::Stage),
    ("closedate", Field::CloseDate),
    ("hubspot_owner_id", Field::Owner),
    ("description", Field::Description),
];

const MS_PER_DAY: i64 = 86_400_000;

/// The HubSpot v1 dialect.
#[derive(Clone)]
pub struct Hubspot {
    token: String,
    currency: Currency,
    /// The account's own fields, from the configuration.
    custom: Vec<crate::model::CustomField>,
}

impl Hubspot {
    /// A client with this private-app token; `currency` for deals with no `deal_currency_code`.
    /// A client with the credentials its line in `crms.json` names; `currency` as for [`Hubspot::new`].
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

/// A deal as the v1 API writes it: every property a `{value, timestamp, source, versions}`.
#[derive(Deserialize)]
struct WireDeal {
    #[serde(rename = "dealId", deserialize_with = "crate::wire::id")]
    deal_id: String,
    properties: Option<WireProperties>,
    associations: Option<WireAssociations>,
}

#[derive(Deserialize, Default)]
struct WireProperties {
    dealname: Option<TextProperty>,
    amount: Option<AmountProperty>,
    deal_currency_code: Option<TextProperty>,
    dealstage: Option<TextProperty>,
    closedate: Option<TextProperty>,
    hubspot_owner_id: Option<TextProperty>,
    description: Option<TextProperty>,
}

/// A property's value: text, or a number (ids, epoch milliseconds); `""`, `null` or another
/// kind is no value.
#[derive(Deserialize)]
struct TextProperty {
    #[serde(default, deserialize_with = "crate::wire::opt_text")]
    value: Option<String>,
}

impl TextProperty {
    fn text(property: Option<TextProperty>) -> Option<String> {
        property.and_then(|p| p.value).filter(|v| !v.is_empty())
    }
}

/// `amount`, written as decimal text ("60000.00") or a number.
#[derive(Deserialize)]
struct AmountProperty {
    value: Option<Number>,
}

#[derive(Deserialize)]
struct WireAssociations {
    #[serde(rename = "associatedCompanyIds")]
    associated_company_ids: Option<Vec<Id>>,
}

/// The paged list: `{deals, hasMore, offset}`.
#[derive(Deserialize)]
struct WirePage {
    deals: Vec<WireDeal>,
    #[serde(rename = "hasMore")]
    has_more: bool,
    #[serde(default, deserialize_with = "opt_id")]
    offset: Option<String>,
}

/// `{results: [pipeline]}`.
#[derive(Deserialize)]
struct WirePipelines {
    results: Vec<WirePipeline>,
}

#[derive(Deserialize)]
struct WirePipeline {
    #[serde(rename = "pipelineId")]
    pipeline_id: String,
    label: Option<String>,
    active: Option<bool>,
    #[serde(rename = "displayOrder")]
    display_order: Option<i64>,
    stages: Option<Vec<WireStage>>,
}

#[derive(Deserialize)]
struct WireStage {
    #[serde(rename = "stageId")]
    stage_id: String,
    label: Option<String>,
    active: Option<bool>,
    #[serde(rename = "displayOrder")]
    display_order: Option<i64>,
    metadata: Option<WireStageMetadata>,
}

#[derive(Deserialize)]
struct WireStageMetadata {
    /// A fraction, "0.2" or 0.2.
    probability: Option<Number>,
}

/// An error answer: `{status, message, errorType?, correlationId, …}`.
#[derive(Deserialize)]
struct ErrorBody {
    message: Option<String>,
    #[serde(rename = "errorType")]
    error_type: Option<String>,
}

/// One entry of the list a validation error's `message` embeds as JSON.
#[derive(Deserialize)]
struct PropertyIssue {
    name: String,
    #[serde(default)]
    message: String,
}

/// `{name, value}`: how the v1 API takes a property.
#[derive(Serialize)]
struct PropertyValue<'a> {
    name: &'a str,
    value: String,
}

#[derive(Serialize)]
struct CreateBody<'a> {
    associations: CreateAssociations,
    properties: Vec<PropertyValue<'a>>,
}

#[derive(Serialize)]
struct CreateAssociations {
    #[serde(rename = "associatedCompanyIds")]
    associated_company_ids: Vec<i64>,
    #[serde(rename = "associatedVids")]
    associated_vids: [i64; 0],
}

#[derive(Serialize)]
struct UpdateBody<'a> {
    properties: Vec<PropertyValue<'a>>,
}

/// The active ones of `items`, in HubSpot's `displayOrder` (the stages' and pipelines' order
/// in its UI).
fn in_display_order<T>(items: Vec<T>, order: impl Fn(&T) -> (Option<bool>, Option<i64>)) -> Vec<T> {
    let mut keyed: Vec<(i64, T)> = items
        .into_iter()
        .filter(|item| order(item).0.unwrap_or(true))
        .map(|item| (order(&item).1.unwrap_or(0), item))
        .collect();
    sort_short_by_key(&mut keyed, |(order, _)| *order);
    keyed.into_iter().map(|(_, item)| item).collect()
}

/// A calendar date as HubSpot's `closedate`: epoch milliseconds of midnight UTC, as a string.
pub fn epoch_millis(d: Date) -> String {
    (d.to_epoch_days() * MS_PER_DAY).to_string()
}

/// Reads a `closedate` (epoch milliseconds) as the UTC calendar day it falls on.
pub fn date_from_millis(ms: &str) -> Option<Date> {
    let ms: i64 = ms.trim().parse().ok()?;
    Date::from_epoch_days(ms.div_euclid(MS_PER_DAY)).ok()
}

impl Hubspot {
    /// The deal `w`, the account's own properties read from `raw`, the same deal as JSON.
    fn to_deal(&self, w: WireDeal, raw: Option<&serde_json::Value>) -> Result<Deal, BackendError> {
        let id = w.deal_id;
        let p = w.properties.unwrap_or_default();
        let currency = match TextProperty::text(p.deal_currency_code) {
            Some(c) => Currency::parse(&c).unwrap_or(self.currency),
            None => self.currency,
        };
        let amount = p
            .amount
            .and_then(|a| a.value)
            .filter(|n| !matches!(n, Number::Text(t) if t.is_empty()));
        let amount = wire_money(amount.as_ref(), currency, &id)?;
        let custom = super::custom::read(&self.custom, &id, |k| {
            raw?.get("properties")?.get(k)?.get("value").cloned()
        })?;
        let company = w
            .associations
            .and_then(|a| a.associated_company_ids)
            .and_then(|ids| ids.into_iter().next())
            .map(|c| c.0);
        Ok(Deal::new(
            DealId(id),
            DealFields {
                name: TextProperty::text(p.dealname).unwrap_or_default(),
                amount,
                stage: TextProperty::text(p.dealstage),
                close_date: TextProperty::text(p.closedate).as_deref().and_then(date_from_millis),
                probability: None,
                owner: TextProperty::text(p.hubspot_owner_id),
                company,
                description: TextProperty::text(p.description),
                custom,
            },
        ))
    }

    fn properties<'a>(&'a self, f: &'a DealFields, stages: &[Stage], clear_absent: bool) -> Vec<PropertyValue<'a>> {
        let mut props = vec![PropertyValue {
            name: "dealname",
            value: f.name.clone(),
        }];
        let pairs = [
            ("amount", f.amount.map(|a| a.to_decimal_string())),
            ("deal_currency_code", f.amount.map(|a| a.currency.to_string())),
            ("dealstage", f.stage.clone()),
            ("pipeline", pipeline_of(f.stage.as_deref(), stages).map(str::to_owned)),
            ("closedate", f.close_date.map(epoch_millis)),
            ("hubspot_owner_id", f.owner.clone()),
            ("description", f.description.clone()),
        ];
        for (name, value) in pairs {
            match value {
                Some(value) => props.push(PropertyValue { name, value }),
                None if clear_absent && !matches!(name, "pipeline" | "deal_currency_code") => {
                    props.push(PropertyValue {
                        name,
                        value: String::new(),
                    })
                }
                None => {}
            }
        }
        // The account's own properties, as text like every other; dates as the epoch
        // milliseconds of their midnight UTC, as HubSpot's date properties take them.
        for (c, v) in super::custom::written(&self.custom, f, clear_absent) {
            let value = match (v, &c.kind) {
                (None, _) => String::new(),
                (Some(crate::model::CustomValue::Text(t)), crate::model::CustomKind::Date) => {
                    Date::parse_iso(t).map_or_else(|_| t.clone(), epoch_millis)
                }
                (Some(v), _) => super::custom::as_text(v),
            };
            props.push(PropertyValue { name: &c.key, value });
        }
        props
    }
}

impl Provider for Hubspot {
    fn name(&self) -> &str {
        "HubSpot"
    }

    fn schema(&self) -> Schema {
        Schema::new(vec![
            FieldRule::optional(Field::Name).required().max_chars(1000),
            FieldRule::optional(Field::Amount).range(0, crate::model::money::MAX_MAJOR),
            FieldRule::optional(Field::Currency),
            FieldRule::optional(Field::Stage).required(),
            FieldRule::optional(Field::CloseDate),
            FieldRule::optional(Field::Owner).format(IdFormat::Integer),
            FieldRule::optional(Field::Company).format(IdFormat::Integer),
            FieldRule::optional(Field::Description).max_chars(65_536),
        ])
        .with_custom(self.custom.clone())
    }

    fn paging(&self) -> PagingStyle {
        PagingStyle::Cursor
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            search: false,
            sort: Vec::new(),
        }
    }

    fn auth_headers(&self) -> Vec<(&str, String)> {
        vec![("Authorization", format!("Bearer {}", self.token))]
    }

    fn list(&self, q: &ListQuery) -> HttpRequest {
        let mut path = format!("{}?limit={}", routes::PAGED, q.page_size.clamp(1, MAX_LIMIT));
        if let Cursor::Token(offset) = &q.cursor {
            path.push_str(&format!("&offset={}", encode(offset)));
        }
        for p in PROPERTIES {
            path.push_str(&format!("&properties={p}"));
        }
        for c in &self.custom {
            path.push_str(&format!("&properties={}", encode(&c.key)));
        }
        path.push_str("&includeAssociations=true");
        HttpRequest::get(path)
    }

    fn read_list(&self, _q: &ListQuery, r: &HttpResponse) -> Result<Page, BackendError> {
        let page: WirePage = r.decode()?;
        let raw = super::custom::raw_deals(&self.custom, r, "/deals")?;
        let deals = page
            .deals
            .into_iter()
            .enumerate()
            .map(|(i, w)| self.to_deal(w, raw.get(i)))
            .collect::<Result<Vec<_>, _>>()?;
        let next = super::next_token(page.has_more, page.offset, "an offset")?;
        Ok(Page {
            deals,
            total: None,
            next,
        })
    }

    fn get(&self, id: &DealId) -> HttpRequest {
        HttpRequest::get(deal_path(routes::DEAL, id))
    }

    fn read_deal(&self, r: &HttpResponse) -> Result<Deal, BackendError> {
        let raw = super::custom::raw_deals(&self.custom, r, "")?;
        self.to_deal(r.decode()?, raw.first())
    }

    fn stages(&self) -> Option<HttpRequest> {
        Some(HttpRequest::get(routes::PIPELINES))
    }

    fn lookup(&self, kind: crate::model::LookupKind, query: &str) -> Option<HttpRequest> {
        Some(match kind {
            crate::model::LookupKind::Owner => HttpRequest::get(routes::OWNERS),
            crate::model::LookupKind::Company => HttpRequest::json(
                Method::Post,
                routes::COMPANY_SEARCH,
                &CompanySearch {
                    query: query.trim(),
                    limit: 20,
                    properties: ["name", "domain"],
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
        use crate::model::Choice;
        Ok(match kind {
            crate::model::LookupKind::Owner => {
                let owners: Vec<Choice> = r
                    .decode::<WireOwners>()?
                    .results
                    .into_iter()
                    .map(|o| {
                        let label = crate::model::lookup::person_name(
                            o.first_name.as_deref(),
                            o.last_name.as_deref(),
                            o.email.as_deref().unwrap_or(&o.id),
                        );
                        Choice {
                            id: o.id,
                            label,
                            detail: o.email,
                        }
                    })
                    .collect();
                crate::model::lookup::matching(&owners, query, owners.len())
            }
            crate::model::LookupKind::Company => r
                .decode::<WireCompanies>()?
                .results
                .into_iter()
                .map(|c| {
                    let p = c.properties;
                    let (name, domain) = p.map_or((None, None), |p| (p.name, p.domain));
                    let label = name.or_else(|| domain.clone()).unwrap_or_else(|| c.id.clone());
                    Choice {
                        id: c.id,
                        label,
                        detail: domain,
                    }
                })
                .collect(),
        })
    }

    fn read_stages(&self, r: &HttpResponse) -> Result<Vec<Stage>, BackendError> {
        let body: WirePipelines = r.decode()?;
        let pipelines = in_display_order(body.results, |p| (p.active, p.display_order));
        let several = pipelines.len() > 1;
        let mut out = Vec::new();
        for p in pipelines {
            let pipeline_label = p.label.unwrap_or_else(|| p.pipeline_id.clone());
            for s in in_display_order(p.stages.unwrap_or_default(), |s| (s.active, s.display_order)) {
                // HubSpot gives probability as a fraction ("0.2" or 0.2).
                let probability = s
                    .metadata
                    .and_then(|m| m.probability)
                    .and_then(|p| p.value())
                    .filter(|p| (0.0..=1.0).contains(p))
                    .map(|p| (p * 100.0).round() as u8);
                let label = s.label.unwrap_or_else(|| s.stage_id.clone());
                out.push(Stage {
                    label: if several {
                        format!("{pipeline_label}: {label}")
                    } else {
                        label
                    },
                    id: s.stage_id,
                    pipeline: Some(p.pipeline_id.clone()),
                    probability,
                });
            }
        }
        Ok(out)
    }
}

impl Writes for Hubspot {
    fn read_error(&self, r: &HttpResponse) -> BackendError {
        let retry = r.retry_after_secs;
        let Some(body) = super::error_body::<ErrorBody>(r) else {
            return super::error_without_body(r);
        };
        if r.status == 429 || body.error_type.as_deref() == Some("RATE_LIMIT") {
            return BackendError::RateLimited {
                retry_after_secs: retry,
            };
        }
        let message = body.message.as_deref().unwrap_or_default();
        // "Property values were not valid: [{...}]": the list is JSON inside the message.
        let embedded: Vec<PropertyIssue> = message
            .find('[')
            .and_then(|i| crate::wire::from_str(&message[i..]).ok())
            .unwrap_or_default();
        let issues = embedded.into_iter().map(|e| (e.name, e.message));
        let table: Vec<_> = FIELDS
            .iter()
            .copied()
            .chain(super::custom::error_table(&self.custom))
            .collect();
        let (fields, unplaced) = place_errors(&table, issues);
        let message = if fields.is_empty() && unplaced.is_empty() {
            message.to_owned()
        } else if unplaced.is_empty() {
            String::new()
        } else {
            unplaced.join("; ")
        };
        error_for_status(r.status, retry, message, fields)
    }

    fn create(&self, f: &DealFields, stages: &[Stage]) -> HttpRequest {
        let body = CreateBody {
            associations: CreateAssociations {
                associated_company_ids: f.company.iter().filter_map(|c| c.parse::<i64>().ok()).collect(),
                associated_vids: [],
            },
            properties: self.properties(f, stages, false),
        };
        HttpRequest::json(Method::Post, routes::CREATE, &body)
    }

    fn update(&self, id: &DealId, f: &DealFields, stages: &[Stage]) -> HttpRequest {
        // Associations are not changed by this call (HubSpot v1 keeps them separate).
        let body = UpdateBody {
            properties: self.properties(f, stages, true),
        };
        HttpRequest::json(Method::Put, deal_path(routes::DEAL, id), &body)
    }

    fn delete(&self, id: &DealId) -> HttpRequest {
        HttpRequest::delete(deal_path(routes::DEAL, id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FieldError, Money};
    use serde_json::json;

    fn hubspot() -> Hubspot {
        Hubspot::new("pat", Currency::USD)
    }

    /// A deal as the documented get returns it.
    const DEAL: &str = r#"{
      "portalId": 62515,
      "dealId": 1237867306,
      "isDeleted": false,
      "associations": {"associatedVids": [27136], "associatedCompanyIds": [8954037], "associatedDealIds": []},
      "properties": {
        "dealname": {"value": "Tim's Newer Deal", "timestamp": 1409443200000, "source": "API", "versions": []},
        "amount": {"value": "60000", "timestamp": 1409443200000, "source": "API", "versions": []},
        "dealstage": {"value": "appointmentscheduled", "timestamp": 1409443200000, "source": "API", "versions": []},
        "pipeline": {"value": "default", "timestamp": 1409443200000, "source": "API", "versions": []},
        "closedate": {"value": "1409443200000", "timestamp": 1409443200000, "source": "API", "versions": []},
        "hubspot_owner_id": {"value": "24", "timestamp": 1409443200000, "source": "API", "versions": []}
      }
    }"#;

    #[test]
    fn odd_but_harmless_members_are_read_as_absent() {
        let answer = HttpResponse::new(
            200,
            r#"{"deals": [{"dealId": 1, "properties": null, "associations": {"associatedCompanyIds": null}},
                          {"dealId": 2, "properties": {"dealname": {"value": "Two"}, "amount": {"value": ""},
                           "hubspot_owner_id": {"value": 24}, "description": {"value": true}}}],
                "hasMore": false, "offset": 2}"#,
        );
        let page = hubspot()
            .read_list(
                &ListQuery {
                    search: String::new(),
                    sort: None,
                    page_size: 25,
                    cursor: Cursor::Start,
                },
                &answer,
            )
            .unwrap();
        assert_eq!(page.deals.len(), 2);
        assert_eq!(page.deals[1].fields.name, "Two");
        assert_eq!(page.deals[1].fields.amount, None);
        assert_eq!(page.deals[1].fields.owner.as_deref(), Some("24"));
        assert_eq!(page.deals[1].fields.description, None);
        let endless = HttpResponse::new(200, r#"{"deals": [], "hasMore": true, "offset": ""}"#);
        assert!(matches!(
            hubspot().read_list(
                &ListQuery {
                    search: String::new(),
                    sort: None,
                    page_size: 25,
                    cursor: Cursor::Start
                },
                &endless
            ),
            Err(BackendError::Malformed(_))
        ));
    }

    #[test]
    fn a_documented_deal_reads_with_epoch_millisecond_close_date() {
        let d = hubspot().read_deal(&HttpResponse::new(200, DEAL)).unwrap();
        assert_eq!(d.id.0, "1237867306");
        assert_eq!(d.fields.name, "Tim's Newer Deal");
        assert_eq!(d.fields.amount, Some(Money::new(6_000_000, Currency::USD)));
        assert_eq!(d.fields.stage.as_deref(), Some("appointmentscheduled"));
        assert_eq!(d.fields.close_date.unwrap().to_string(), "2014-08-31");
        assert_eq!(d.fields.owner.as_deref(), Some("24"));
        assert_eq!(d.fields.company.as_deref(), Some("8954037"));
    }

    #[test]
    fn a_create_sends_associations_and_properties_as_documented() {
        let stages = vec![Stage {
            pipeline: Some("default".into()),
            ..Stage::new("appointmentscheduled", "Appointment")
        }];
        let f = DealFields {
            name: "Tim's Newer Deal".into(),
            amount: Some(Money::new(6_000_000, Currency::USD)),
            stage: Some("appointmentscheduled".into()),
            close_date: Date::parse_iso("2014-08-31").ok(),
            owner: Some("24".into()),
            company: Some("8954037".into()),
            ..DealFields::default()
        };
        let r = hubspot().create(&f, &stages);
        assert_eq!((r.method, r.path.as_str()), (Method::Post, "/deals/v1/deal/"));
        assert_eq!(
            r.body_json(),
            json!({
                "associations": {"associatedCompanyIds": [8954037], "associatedVids": []},
                "properties": [
                    {"name": "dealname", "value": "Tim's Newer Deal"},
                    {"name": "amount", "value": "60000.00"},
                    {"name": "deal_currency_code", "value": "USD"},
                    {"name": "dealstage", "value": "appointmentscheduled"},
                    {"name": "pipeline", "value": "default"},
                    {"name": "closedate", "value": "1409443200000"},
                    {"name": "hubspot_owner_id", "value": "24"}
                ]
            })
        );
    }

    #[test]
    fn an_update_clears_emptied_properties_with_empty_strings() {
        let f = DealFields {
            name: "x".into(),
            stage: Some("s".into()),
            ..DealFields::default()
        };
        let r = hubspot().update(&DealId("5".into()), &f, &[]);
        assert_eq!((r.method, r.path.as_str()), (Method::Put, "/deals/v1/deal/5"));
        let props = r.body_json()["properties"].clone();
        assert!(props
            .as_array()
            .unwrap()
            .contains(&json!({"name": "amount", "value": ""})));
        assert!(props
            .as_array()
            .unwrap()
            .contains(&json!({"name": "closedate", "value": ""})));
    }

    #[test]
    fn paging_follows_the_offset_cursor_and_asks_for_properties() {
        let q = ListQuery {
            search: String::new(),
            sort: None,
            page_size: 25,
            cursor: Cursor::Token("1237867306".into()),
        };
        let path = hubspot().list(&q).path;
        assert!(
            path.starts_with("/deals/v1/deal/paged?limit=25&offset=1237867306&properties=dealname&properties=amount")
        );
        assert!(path.ends_with("&includeAssociations=true"));
        let body = format!(r#"{{"deals": [{DEAL}], "hasMore": true, "offset": 1237867306}}"#);
        let page = hubspot().read_list(&q, &HttpResponse::new(200, body)).unwrap();
        assert_eq!(
            (page.deals.len(), page.total, page.next),
            (1, None, Some(Cursor::Token("1237867306".into())))
        );
        let last = r#"{"deals": [], "hasMore": false, "offset": 0}"#;
        assert_eq!(
            hubspot().read_list(&q, &HttpResponse::new(200, last)).unwrap().next,
            None
        );
    }

    fn hubspot_with_custom() -> Hubspot {
        use crate::model::{CustomField, CustomKind, SelectOption};
        let tier = CustomKind::Select(vec![SelectOption {
            value: "gold".into(),
            label: "Gold".into(),
        }]);
        let custom = [
            CustomField::new("deal_tier", "Tier", tier),
            CustomField::new("seat_count", "Seats", CustomKind::Number),
            CustomField::new("renewal_date", "Renewal", CustomKind::Date),
        ];
        Hubspot::connect(
            &super::super::Credentials(vec![("token".into(), "pat".into())]),
            Currency::USD,
            &custom,
        )
    }

    #[test]
    fn custom_properties_are_asked_for_read_and_written_as_text() {
        use crate::model::CustomValue;
        let h = hubspot_with_custom();
        let q = ListQuery {
            search: String::new(),
            sort: None,
            page_size: 25,
            cursor: Cursor::Start,
        };
        let path = h.list(&q).path;
        assert!(
            path.contains("&properties=deal_tier&properties=seat_count&properties=renewal_date"),
            "{path}"
        );
        let body = r#"{"portalId": 62515, "dealId": 7, "properties": {"dealname": {"value": "Tier deal"},
            "deal_tier": {"value": "gold", "timestamp": 1, "source": "API"}, "seat_count": {"value": "12"},
            "renewal_date": {"value": "1798761600000"}}}"#;
        let d = h.read_deal(&HttpResponse::new(200, body)).unwrap();
        assert_eq!(
            d.fields.custom.get("deal_tier"),
            Some(&CustomValue::Text("gold".into()))
        );
        assert_eq!(d.fields.custom.get("seat_count"), Some(&CustomValue::Number(12.0)));
        assert_eq!(
            d.fields.custom.get("renewal_date"),
            Some(&CustomValue::Text("2027-01-01".into()))
        );
        let written = h.update(&DealId("7".into()), &d.fields, &[]).body_json();
        let props = written["properties"].as_array().unwrap();
        let value = |name: &str| props.iter().find(|p| p["name"] == name).map(|p| p["value"].clone());
        assert_eq!(value("deal_tier"), Some(json!("gold")));
        assert_eq!(value("seat_count"), Some(json!("12")));
        assert_eq!(value("renewal_date"), Some(json!("1798761600000")));
        let mut cleared = d.fields.clone();
        cleared.custom.clear();
        let written = h.update(&DealId("7".into()), &cleared, &[]).body_json();
        assert!(written["properties"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "seat_count" && p["value"] == ""));
        let created = h.create(&cleared, &[]).body_json();
        assert!(!created["properties"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "seat_count"));
    }

    #[test]
    fn owners_and_companies_are_looked_up_as_the_v3_apis_document() {
        use crate::model::{Choice, LookupKind};
        let h = hubspot();
        assert_eq!(
            h.lookup(LookupKind::Owner, "mar").unwrap().path,
            "/crm/v3/owners?limit=100"
        );
        let owners = r#"{"results": [{"id": "6166860", "email": "mark@example.com", "firstName": "Mark", "lastName": "Duval",
            "userId": 9586504, "archived": false, "teams": [{"id": "368389", "name": "Sales", "primary": true}]},
            {"id": "6166861", "email": "ann@example.com", "firstName": null, "lastName": null, "userId": 1, "archived": false}],
            "paging": {"next": {"after": "2"}}}"#;
        let found = h
            .read_lookup(LookupKind::Owner, "mar", &HttpResponse::new(200, owners))
            .unwrap();
        assert_eq!(
            found,
            vec![Choice {
                id: "6166860".into(),
                label: "Mark Duval".into(),
                detail: Some("mark@example.com".into())
            }]
        );
        let all = h
            .read_lookup(LookupKind::Owner, "", &HttpResponse::new(200, owners))
            .unwrap();
        assert_eq!(all[1].label, "ann@example.com");
        let search = h.lookup(LookupKind::Company, " acme ").unwrap();
        assert_eq!(search.path, "/crm/v3/objects/companies/search");
        assert_eq!(
            search.body_json(),
            json!({"query": "acme", "limit": 20, "properties": ["name", "domain"]})
        );
        let companies =
            r#"{"total": 1, "results": [{"id": "512", "properties": {"name": "Acme", "domain": "acme.com"}}]}"#;
        let found = h
            .read_lookup(LookupKind::Company, "acme", &HttpResponse::new(200, companies))
            .unwrap();
        assert_eq!(
            (found[0].id.as_str(), found[0].detail.as_deref()),
            ("512", Some("acme.com"))
        );
    }

    #[test]
    fn a_refused_custom_property_lands_on_its_field() {
        let r = HttpResponse::new(
            400,
            r#"{"status": "error", "message": "Property values were not valid: [{\"isValid\":false,\"message\":\"platinum was not one of the allowed options\",\"error\":\"INVALID_OPTION\",\"name\":\"deal_tier\"}]", "correlationId": "3f2e", "category": "VALIDATION_ERROR"}"#,
        );
        assert_eq!(
            hubspot_with_custom().read_error(&r),
            BackendError::Fields {
                errors: vec![FieldError::new(
                    Field::Custom(0),
                    "platinum was not one of the allowed options"
                )],
                message: None
            }
        );
    }

    #[test]
    fn validation_errors_embedded_in_the_message_land_on_their_fields() {
        let r = HttpResponse::new(
            400,
            r#"{"status": "error", "message": "Property values were not valid: [{\"isValid\":false,\"message\":\"Stage 'foo' is not a valid option.\",\"error\":\"INVALID_OPTION\",\"name\":\"dealstage\"}]", "correlationId": "3f2e", "category": "VALIDATION_ERROR"}"#,
        );
        assert_eq!(
            hubspot().read_error(&r),
            BackendError::Fields {
                errors: vec![FieldError::new(Field::Stage, "Stage 'foo' is not a valid option.")],
                message: None
            }
        );
    }

    #[test]
    fn rate_limits_and_missing_deals_are_typed() {
        let r = HttpResponse {
            status: 429,
            retry_after_secs: Some(2),
            body: r#"{"status": "error", "message": "You have reached your secondly limit.", "errorType": "RATE_LIMIT", "correlationId": "c", "policyName": "SECONDLY"}"#.into(),
            headers: Vec::new(),
        };
        assert_eq!(
            hubspot().read_error(&r),
            BackendError::RateLimited {
                retry_after_secs: Some(2)
            }
        );
        let r = HttpResponse::new(
            404,
            r#"{"status": "error", "message": "Deal does not exist", "category": "OBJECT_NOT_FOUND"}"#,
        );
        assert_eq!(hubspot().read_error(&r), BackendError::NotFound);
    }

    #[test]
    fn pipelines_give_ordered_active_stages_with_probability() {
        let r = HttpResponse::new(
            200,
            r#"{"results": [{"pipelineId": "default", "label": "Sales Pipeline", "displayOrder": 0, "active": true, "default": true,
              "stages": [{"stageId": "closedwon", "label": "Closed won", "displayOrder": 5, "active": true, "metadata": {"probability": "1.0"}},
                         {"stageId": "appointmentscheduled", "label": "Appointment scheduled", "displayOrder": 0, "active": true, "metadata": {"probability": "0.2"}},
                         {"stageId": "old", "label": "Old", "displayOrder": 1, "active": false, "metadata": {}}]}]}"#,
        );
        let stages = hubspot().read_stages(&r).unwrap();
        let ids: Vec<&str> = stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, vec!["appointmentscheduled", "closedwon"]);
        assert_eq!(stages[0].probability, Some(20));
        assert_eq!(stages[0].pipeline.as_deref(), Some("default"));
    }

    #[test]
    fn close_dates_round_trip_through_epoch_milliseconds() {
        let d = Date::parse_iso("2026-09-30").unwrap();
        assert_eq!(date_from_millis(&epoch_millis(d)), Some(d));
        assert_eq!(date_from_millis("1409443200000").unwrap().to_string(), "2014-08-31");
        assert_eq!(
            date_from_millis("1409529599999").unwrap().to_string(),
            "2014-08-31",
            "the last ms of the day"
        );
        assert_eq!(date_from_millis("soon"), None);
    }
}
