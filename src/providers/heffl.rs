//! Heffl v2 (`https://api.heffl.com/api/v2`): `x-api-key`, opaque cursor paging, `clt_`/`dpl_`/
//! `dps_`/`usr_` prefixed ids, unknown keys rejected, custom fields as top-level `cf_*` keys.
//!
//! Unverified, and kept in [`routes`]: delete, and the shape of the pipelines list.

use super::http::{with_query, HttpRequest, HttpResponse, Method};
use super::{
    deal_path, error_for_status, pipeline_of, place_errors, wire_money, written, Capabilities, Number, Provider, Writes,
};
use crate::backend::BackendError;
use crate::model::CustomValue;
use crate::model::{
    Currency, Cursor, Date, Deal, DealFields, DealId, Field, FieldRule, IdFormat, Labels, ListQuery, Page, PagingStyle,
    Schema, SortDir, SortField, Stage,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The paths this provider uses, relative to the base URL.
pub mod routes {
    /// List and create (documented).
    pub const DEALS: &str = "/deals";
    /// One deal: get and update (documented), delete (unverified).
    pub const DEAL: &str = "/deals/";
    /// Pipelines with their stages (documented path, unverified shape).
    pub const PIPELINES: &str = "/pipelines";
    /// The account's users, the deals' owners (unverified).
    pub const USERS: &str = "/users";
    /// Clients by name, the deals' companies (unverified).
    pub const CLIENTS: &str = "/clients";
}

/// The most a page may hold.
pub const MAX_PAGE_SIZE: u32 = 100;

/// The keys a create or update may carry besides `cf_*`: Heffl rejects any other.
pub const DOCUMENTED_KEYS: &[&str] = &[
    "title",
    "clientId",
    "pipelineId",
    "stageId",
    "leadId",
    "sourceId",
    "ownerUserId",
    "price",
    "expectedCloseDate",
    "currency",
    "isInclusiveTax",
    "assignees",
    "contacts",
    "tags",
    "products",
    "priority",
    "status",
];

const FIELDS: &[(&str, Field)] = &[
    ("title", Field::Name),
    ("price", Field::Amount),
    ("currency", Field::Currency),
    ("stageId", Field::Stage),
    ("pipelineId", Field::Stage),
    ("expectedCloseDate", Field::CloseDate),
    ("ownerUserId", Field::Owner),
    ("clientId", Field::Company),
];

/// The Heffl dialect.
#[derive(Clone)]
pub struct Heffl {
    api_key: String,
    currency: Currency,
    /// The account's own fields, from the configuration.
    custom: Vec<crate::model::CustomField>,
}

impl Heffl {
    /// A client with the credentials its line in `crms.json` names; `currency` as for [`Heffl::new`].
    pub fn connect(credentials: &super::Credentials, currency: Currency, custom: &[crate::model::CustomField]) -> Self {
        Self {
            custom: custom.to_vec(),
            ..Self::new(credentials.get("api_key"), currency)
        }
    }

    /// A client with this API key; `currency` for deals that name none.
    pub fn new(api_key: &str, currency: Currency) -> Self {
        Self {
            custom: Vec::new(),
            api_key: api_key.to_owned(),
            currency,
        }
    }
}

/// A calendar date as Heffl's RFC 3339 date-time: midnight UTC of that day.
pub fn date_time(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

/// A deal as Heffl writes it.
#[derive(Deserialize)]
struct WireDeal {
    id: String,
    title: String,
    price: Option<Number>,
    currency: Option<String>,
    #[serde(rename = "stageId")]
    stage_id: Option<String>,
    /// The stage's name.
    stage: Option<String>,
    #[serde(rename = "expectedCloseDate")]
    expected_close_date: Option<String>,
    #[serde(rename = "ownerUserId")]
    owner_user_id: Option<String>,
    #[serde(rename = "ownerName")]
    owner_name: Option<String>,
    #[serde(rename = "clientId")]
    client_id: Option<String>,
}

/// The list: `{data: [deal], meta: {hasMore, nextCursor}}`.
#[derive(Deserialize)]
struct WirePage {
    data: Vec<WireDeal>,
    meta: WirePageMeta,
}

#[derive(Deserialize)]
struct WirePageMeta {
    #[serde(rename = "hasMore")]
    has_more: bool,
    #[serde(rename = "nextCursor")]
    next_cursor: Option<String>,
}

/// `{data: [pipeline]}`.
#[derive(Deserialize)]
struct WirePipelines {
    data: Vec<WirePipeline>,
}

#[derive(Deserialize)]
struct WirePipeline {
    id: String,
    name: Option<String>,
    #[serde(default)]
    stages: Vec<WireStage>,
}

#[derive(Deserialize)]
struct WireStage {
    id: String,
    name: String,
}

/// `{error: {code, message, details?: {issues: [{field?, message}]}}}`.
#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    message: Option<String>,
    details: Option<ErrorDetails>,
}

#[derive(Deserialize)]
struct ErrorDetails {
    issues: Option<Vec<Issue>>,
}

#[derive(Deserialize)]
struct Issue {
    field: Option<String>,
    message: Option<String>,
}

/// A create's body (absent fields left out) or an update's (absent fields `null`, which
/// clears; currency follows price and is never cleared on its own).
#[derive(Serialize)]
struct DealBody<'a> {
    title: &'a str,
    #[serde(rename = "clientId", skip_serializing_if = "Option::is_none")]
    client_id: Option<&'a str>,
    #[serde(rename = "pipelineId", skip_serializing_if = "Option::is_none")]
    pipeline_id: Option<&'a str>,
    #[serde(rename = "stageId", skip_serializing_if = "Option::is_none")]
    stage_id: Option<Option<&'a str>>,
    #[serde(rename = "ownerUserId", skip_serializing_if = "Option::is_none")]
    owner_user_id: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    price: Option<Option<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<&'a str>,
    #[serde(rename = "expectedCloseDate", skip_serializing_if = "Option::is_none")]
    expected_close_date: Option<Option<String>>,
    /// The custom fields, as top-level `cf_*` keys; `null` clears one.
    #[serde(flatten)]
    custom: BTreeMap<&'a str, Option<&'a CustomValue>>,
}

impl Heffl {
    /// The deal `w`, its custom fields' `cf_*` keys read from `raw`, the same deal as JSON.
    fn to_deal(&self, w: WireDeal, raw: Option<&serde_json::Value>) -> Result<Deal, BackendError> {
        let currency = match w.currency {
            Some(c) => Currency::parse(&c).map_err(|_| {
                BackendError::Malformed(format!(
                    "deal {} has currency “{c}”, which is not a three-letter code",
                    w.id
                ))
            })?,
            None => self.currency,
        };
        let amount = wire_money(w.price.as_ref(), currency, &w.id)?;
        let custom = super::custom::read(&self.custom, &w.id, |k| raw?.get(k).cloned())?;
        Ok(Deal {
            id: DealId(w.id),
            fields: DealFields {
                name: w.title,
                amount,
                stage: w.stage_id,
                close_date: w.expected_close_date.and_then(|d| Date::parse_iso_prefix(&d).ok()),
                probability: None,
                owner: w.owner_user_id,
                company: w.client_id,
                description: None,
                custom,
            },
            labels: Labels {
                stage: w.stage,
                owner: w.owner_name,
            },
        })
    }

    fn body<'a>(&'a self, f: &'a DealFields, stages: &'a [Stage], clear_absent: bool) -> DealBody<'a> {
        DealBody {
            title: &f.name,
            client_id: f.company.as_deref(),
            pipeline_id: pipeline_of(f.stage.as_deref(), stages),
            stage_id: written(f.stage.as_deref(), clear_absent),
            owner_user_id: written(f.owner.as_deref(), clear_absent),
            price: written(f.amount.map(|a| a.to_f64()), clear_absent),
            currency: f.amount.as_ref().map(|a| a.currency.as_str()),
            expected_close_date: written(f.close_date.map(date_time), clear_absent),
            custom: super::custom::written(&self.custom, f, clear_absent)
                .map(|(c, v)| (c.key.as_str(), v))
                .collect(),
        }
    }
}

impl Provider for Heffl {
    fn name(&self) -> &str {
        "Heffl"
    }

    fn schema(&self) -> Schema {
        Schema::new(vec![
            FieldRule::optional(Field::Name).required().max_chars(255),
            FieldRule::optional(Field::Amount).range(0, crate::model::money::MAX_MAJOR),
            FieldRule::optional(Field::Currency),
            FieldRule::optional(Field::Stage)
                .required()
                .format(IdFormat::Prefixed("dps_")),
            FieldRule::optional(Field::CloseDate),
            FieldRule::optional(Field::Owner).format(IdFormat::Prefixed("usr_")),
            FieldRule::optional(Field::Company)
                .required()
                .format(IdFormat::Prefixed("clt_")),
        ])
        .with_custom(self.custom.clone())
    }

    fn paging(&self) -> PagingStyle {
        PagingStyle::Cursor
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            search: true,
            sort: vec![SortField::Amount, SortField::CloseDate],
        }
    }

    fn auth_headers(&self) -> Vec<(&str, String)> {
        vec![("x-api-key", self.api_key.clone())]
    }

    fn list(&self, q: &ListQuery) -> HttpRequest {
        let cursor = match &q.cursor {
            Cursor::Token(t) => Some(t.clone()),
            _ => None,
        };
        let search = q.search.trim();
        let order_by = q.sort.and_then(|s| match s.field {
            SortField::Amount => Some("price".to_owned()),
            SortField::CloseDate => Some("expectedCloseDate".to_owned()),
            _ => None,
        });
        let order_dir = order_by
            .as_ref()
            .and(q.sort)
            .map(|s| if s.dir == SortDir::Asc { "asc" } else { "desc" }.to_owned());
        HttpRequest::get(with_query(
            routes::DEALS,
            &[
                ("cursor", cursor),
                ("pageSize", Some(q.page_size.clamp(1, MAX_PAGE_SIZE).to_string())),
                ("search", (!search.is_empty()).then(|| search.to_owned())),
                ("orderBy", order_by),
                ("orderDir", order_dir),
            ],
        ))
    }

    fn read_list(&self, _q: &ListQuery, r: &HttpResponse) -> Result<Page, BackendError> {
        let page: WirePage = r.decode()?;
        let raw = super::custom::raw_deals(&self.custom, r, "/data")?;
        let deals = page
            .data
            .into_iter()
            .enumerate()
            .map(|(i, w)| self.to_deal(w, raw.get(i)))
            .collect::<Result<Vec<_>, _>>()?;
        let next = super::next_token(page.meta.has_more, page.meta.next_cursor, "a nextCursor")?;
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
            crate::model::LookupKind::Owner => HttpRequest::get(routes::USERS),
            crate::model::LookupKind::Company => HttpRequest::get(super::lookup::search_path(routes::CLIENTS, query)),
        })
    }

    fn read_lookup(
        &self,
        _kind: crate::model::LookupKind,
        query: &str,
        r: &HttpResponse,
    ) -> Result<Vec<crate::model::Choice>, BackendError> {
        super::lookup::read_choices(r, query, &["/data", ""], &["id"], &["email", "domain"])
    }

    fn read_stages(&self, r: &HttpResponse) -> Result<Vec<Stage>, BackendError> {
        let pipelines = r.decode::<WirePipelines>()?.data;
        let several = pipelines.len() > 1;
        let mut stages = Vec::new();
        for p in pipelines {
            let prefix = if several {
                format!("{}: ", p.name.unwrap_or_default())
            } else {
                String::new()
            };
            for s in p.stages {
                stages.push(Stage {
                    id: s.id,
                    label: format!("{prefix}{}", s.name),
                    pipeline: Some(p.id.clone()),
                    probability: None,
                });
            }
        }
        Ok(stages)
    }
}

impl Writes for Heffl {
    fn read_error(&self, r: &HttpResponse) -> BackendError {
        let retry = r.retry_after_secs;
        let Some(ErrorBody { error }) = super::error_body(r) else {
            return super::error_without_body(r);
        };
        let issues = error.details.and_then(|d| d.issues).unwrap_or_default();
        let message = error.message.unwrap_or_default();
        let text = |t: &Option<String>| t.clone().filter(|t| !t.trim().is_empty());
        let placed = issues.iter().filter_map(|i| Some((text(&i.field)?, text(&i.message)?)));
        let table: Vec<_> = FIELDS
            .iter()
            .copied()
            .chain(super::custom::error_table(&self.custom))
            .collect();
        let (fields, mut unplaced) = place_errors(&table, placed);
        // An issue naming no field still says something about the deal as a whole.
        unplaced.extend(
            issues
                .iter()
                .filter(|i| text(&i.field).is_none())
                .filter_map(|i| text(&i.message)),
        );
        let message = if unplaced.is_empty() {
            message
        } else {
            format!("{message} {}", unplaced.join("; "))
        };
        error_for_status(r.status, retry, message.trim().to_owned(), fields)
    }

    fn create(&self, f: &DealFields, stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Post, routes::DEALS, &self.body(f, stages, false))
    }

    fn update(&self, id: &DealId, f: &DealFields, stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Patch, deal_path(routes::DEAL, id), &self.body(f, stages, true))
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

    fn heffl() -> Heffl {
        Heffl::new("key", Currency::USD)
    }

    /// The documented create response, with a custom field as Heffl sends them.
    const DEAL: &str = r#"{
      "id": "dl_123",
      "number": "D-0001",
      "title": "Roof repair",
      "contactEmails": ["a@b.co"],
      "clientId": "clt_abc",
      "client": {},
      "price": 123,
      "expectedCloseDate": "2023-11-07T05:31:56Z",
      "pipelineId": "dpl_1",
      "stageId": "dps_2",
      "stage": "Quoted",
      "leadId": null,
      "leadName": null,
      "crmSourceId": null,
      "source": null,
      "ownerUserId": "usr_9",
      "ownerId": "usr_9",
      "ownerName": "Mira",
      "createdAt": "2023-11-07T05:31:56Z",
      "updatedAt": "2023-11-07T05:31:56Z",
      "cf_priority": "high"
    }"#;

    /// Heffl with the documented response's `cf_priority` configured, and a number of seats.
    fn heffl_with_custom() -> Heffl {
        use crate::model::{CustomField, CustomKind, SelectOption};
        let option = |v: &str| SelectOption {
            value: v.into(),
            label: v.to_uppercase(),
        };
        let custom = [
            CustomField::new(
                "cf_priority",
                "Priority",
                CustomKind::Select(vec![option("high"), option("low")]),
            ),
            CustomField::new("cf_seats", "Seats", CustomKind::Number),
        ];
        Heffl::connect(
            &super::super::Credentials(vec![("api_key".into(), "key".into())]),
            Currency::USD,
            &custom,
        )
    }

    #[test]
    fn configured_custom_fields_are_read_from_their_top_level_keys() {
        let d = heffl_with_custom().read_deal(&HttpResponse::new(200, DEAL)).unwrap();
        assert_eq!(
            d.fields.custom.get("cf_priority"),
            Some(&CustomValue::Text("high".into()))
        );
        assert!(!d.fields.custom.contains_key("cf_seats"));
        // Without configuration they are not read.
        assert!(heffl()
            .read_deal(&HttpResponse::new(200, DEAL))
            .unwrap()
            .fields
            .custom
            .is_empty());
        let wrong = DEAL.replace(
            r#""cf_priority": "high""#,
            r#""cf_priority": "high", "cf_seats": "many""#,
        );
        assert!(matches!(
            heffl_with_custom().read_deal(&HttpResponse::new(200, &wrong)),
            Err(BackendError::Malformed(_))
        ));
    }

    #[test]
    fn custom_fields_are_written_as_top_level_keys_and_cleared_with_null() {
        let h = heffl_with_custom();
        let mut f = DealFields {
            name: "Roof".into(),
            ..DealFields::default()
        };
        f.custom.insert("cf_seats".into(), CustomValue::Number(12.0));
        let created = h.create(&f, &[]).body_json();
        assert_eq!(created["cf_seats"], json!(12.0));
        assert!(created.get("cf_priority").is_none());
        let updated = h.update(&DealId("dl_1".into()), &f, &[]).body_json();
        assert_eq!(updated["cf_priority"], json!(null));
        assert_eq!(updated["cf_seats"], json!(12.0));
    }

    #[test]
    fn users_and_clients_are_looked_up_at_their_likely_paths() {
        use crate::model::LookupKind;
        let h = heffl();
        assert_eq!(h.lookup(LookupKind::Owner, "x").unwrap().path, "/users");
        assert_eq!(
            h.lookup(LookupKind::Company, " ac me ").unwrap().path,
            "/clients?search=ac%20me&pageSize=20"
        );
        let users = r#"{"data": [{"id": "usr_1", "firstName": "Mira", "lastName": "Jones", "email": "mira@x.io"}, {"id": "usr_2", "name": "Omar"}]}"#;
        let found = h
            .read_lookup(LookupKind::Owner, "mira", &HttpResponse::new(200, users))
            .unwrap();
        assert_eq!((found.len(), found[0].label.as_str()), (1, "Mira Jones"));
    }

    #[test]
    fn an_issue_about_a_custom_field_lands_on_it() {
        let r = HttpResponse::new(
            400,
            r#"{"error": {"code": "VALIDATION_ERROR", "message": "Invalid request", "details": {"issues": [{"field": "cf_seats", "message": "Must be at most 500"}]}}}"#,
        );
        assert_eq!(
            heffl_with_custom().read_error(&r),
            BackendError::Fields {
                errors: vec![FieldError::new(Field::Custom(1), "Must be at most 500")],
                message: Some("Invalid request".into())
            }
        );
    }

    #[test]
    fn the_documented_response_becomes_a_deal_ignoring_custom_fields() {
        let d = heffl().read_deal(&HttpResponse::new(200, DEAL)).unwrap();
        assert_eq!(d.id.0, "dl_123");
        assert_eq!(d.fields.name, "Roof repair");
        assert_eq!(d.fields.amount, Some(Money::new(12_300, Currency::USD)));
        assert_eq!(d.fields.close_date.unwrap().to_string(), "2023-11-07");
        assert_eq!(d.fields.stage.as_deref(), Some("dps_2"));
        assert_eq!(d.fields.company.as_deref(), Some("clt_abc"));
        assert_eq!(
            d.labels,
            Labels {
                stage: Some("Quoted".into()),
                owner: Some("Mira".into())
            }
        );
    }

    /// The release build prints no `Debug` output (scripts/release.sh), so the message quotes
    /// the bad value through `Display`.
    #[test]
    fn a_deal_with_an_unknown_currency_names_it() {
        let body = DEAL.replace(r#""price": 123,"#, r#""price": 123, "currency": "dollars","#);
        match heffl().read_deal(&HttpResponse::new(200, &body)) {
            Err(BackendError::Malformed(m)) => assert_eq!(
                m,
                "deal dl_123 has currency “dollars”, which is not a three-letter code"
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_create_sends_only_documented_keys_with_the_stages_pipeline() {
        let stages = vec![Stage {
            pipeline: Some("dpl_1".into()),
            ..Stage::new("dps_2", "Quoted")
        }];
        let f = DealFields {
            name: "Roof repair".into(),
            amount: Some(Money::new(12_300, Currency::parse("AED").unwrap())),
            stage: Some("dps_2".into()),
            close_date: Date::parse_iso("2023-11-07").ok(),
            company: Some("clt_abc".into()),
            description: Some("not a Heffl field".into()),
            probability: Some(10),
            ..DealFields::default()
        };
        let body = heffl().create(&f, &stages).body_json();
        assert_eq!(
            body,
            json!({"title": "Roof repair", "clientId": "clt_abc", "pipelineId": "dpl_1", "stageId": "dps_2",
                   "price": 123.0, "currency": "AED", "expectedCloseDate": "2023-11-07T00:00:00Z"})
        );
        for key in body.as_object().unwrap().keys() {
            assert!(DOCUMENTED_KEYS.contains(&key.as_str()), "{key}");
        }
    }

    #[test]
    fn cursor_paging_follows_next_cursor_until_has_more_is_false() {
        let q = ListQuery {
            search: "roof".into(),
            sort: None,
            page_size: 30,
            cursor: Cursor::Token("abc=".into()),
        };
        assert_eq!(heffl().list(&q).path, "/deals?cursor=abc%3D&pageSize=30&search=roof");
        let more = format!(r#"{{"data": [{DEAL}], "meta": {{"hasMore": true, "nextCursor": "n2"}}}}"#);
        assert_eq!(
            heffl().read_list(&q, &HttpResponse::new(200, more)).unwrap().next,
            Some(Cursor::Token("n2".into()))
        );
        let last = r#"{"data": [], "meta": {"hasMore": false, "nextCursor": null}}"#;
        assert_eq!(heffl().read_list(&q, &HttpResponse::new(200, last)).unwrap().next, None);
    }

    #[test]
    fn only_price_and_close_date_sort() {
        let sorted = |field| {
            let q = ListQuery {
                search: String::new(),
                sort: Some(crate::model::Sort {
                    field,
                    dir: SortDir::Desc,
                }),
                page_size: 30,
                cursor: Cursor::Start,
            };
            heffl().list(&q).path
        };
        assert_eq!(
            sorted(SortField::Amount),
            "/deals?pageSize=30&orderBy=price&orderDir=desc"
        );
        assert_eq!(sorted(SortField::Name), "/deals?pageSize=30");
    }

    #[test]
    fn issues_land_on_their_fields() {
        let r = HttpResponse::new(
            400,
            r#"{"error": {"code": "VALIDATION_ERROR", "message": "Invalid request", "details": {"issues": [{"field": "clientId", "message": "Must start with clt_"}, {"field": "foo", "message": "Unrecognized key"}]}}}"#,
        );
        assert_eq!(
            heffl().read_error(&r),
            BackendError::Fields {
                errors: vec![FieldError::new(Field::Company, "Must start with clt_")],
                message: Some("Invalid request foo: Unrecognized key".into())
            }
        );
        // An issue naming no field is kept in the message, not dropped.
        let r = HttpResponse::new(
            400,
            r#"{"error": {"code": "VALIDATION_ERROR", "message": "Invalid request", "details": {"issues": [{"field": "clientId", "message": "Must start with clt_"}, {"field": null, "message": "Deal is locked"}]}}}"#,
        );
        assert_eq!(
            heffl().read_error(&r),
            BackendError::Fields {
                errors: vec![FieldError::new(Field::Company, "Must start with clt_")],
                message: Some("Invalid request Deal is locked".into())
            }
        );
        let r = HttpResponse::new(
            401,
            r#"{"error": {"code": "UNAUTHORIZED", "message": "Invalid API key"}}"#,
        );
        assert_eq!(
            heffl().read_error(&r),
            BackendError::Unauthorized("Invalid API key".into())
        );
        let r = HttpResponse::new(409, r#"{"error": {"code": "CONFLICT", "message": "Deal was changed"}}"#);
        assert_eq!(heffl().read_error(&r), BackendError::Form("Deal was changed".into()));
    }

    #[test]
    fn forbidden_is_a_permission_the_key_lacks_in_heffls_words() {
        let r = HttpResponse::new(
            403,
            r#"{"error": {"code": "FORBIDDEN", "message": "API key lacks the deals:write scope"}}"#,
        );
        let e = heffl().read_error(&r);
        assert_eq!(e, BackendError::Forbidden("API key lacks the deals:write scope".into()));
        assert_eq!(
            e.to_string(),
            "The CRM does not allow these credentials to do this: API key lacks the deals:write scope"
        );
    }
}
