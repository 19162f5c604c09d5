//! Stardex (`https://api.stardex.ai`): Bearer token, offset paging with a total, UUID ids.
//!
//! Documented: create (`POST /v1/deals`), search (`POST /v1/deals/search`), partial update
//! (`PATCH`, which answers without the record, so it is re-read), the error envelope and
//! `Retry-After` in seconds. Unverified, and kept in [`routes`]: get, delete and the statuses list.

use super::http::{HttpRequest, HttpResponse, Method};
use super::{
    deal_path, error_for_status, field_named, wire_money, written, Capabilities, Number, Provider, Saved, Writes,
};
use crate::backend::BackendError;
use crate::model::{
    Currency, Cursor, Date, Deal, DealFields, DealId, Field, FieldError, FieldRule, IdFormat, ListQuery, Page,
    PagingStyle, Schema, SortDir, SortField, Stage,
};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

/// The paths this provider uses, relative to the base URL.
pub mod routes {
    /// Create (documented).
    pub const CREATE: &str = "/v1/deals";
    /// Search (documented).
    pub const SEARCH: &str = "/v1/deals/search";
    /// One deal: get (unverified), update (documented), delete (unverified).
    pub const DEAL: &str = "/v1/deals/";
    /// Deal statuses (unverified).
    pub const STATUSES: &str = "/v1/deal-statuses";
    /// Team members, the deals' owners (unverified).
    pub const TEAM_MEMBERS: &str = "/v1/team-members";
    /// Companies by keyword, the deals' clients (unverified).
    pub const COMPANY_SEARCH: &str = "/v1/companies/search";
}

/// The company search's body, as the deal search's (unverified).
#[derive(Serialize)]
struct CompanySearch<'a> {
    keywords: [&'a str; 1],
    limit: u32,
}

/// The most a search page may hold.
pub const MAX_LIMIT: u32 = 100;

const FIELDS: &[(&str, Field)] = &[
    ("name", Field::Name),
    ("amount", Field::Amount),
    ("win_probability", Field::Probability),
    ("deal_status_id", Field::Stage),
    ("closed_date", Field::CloseDate),
    ("owner_ids", Field::Owner),
    ("client_id", Field::Company),
    ("description", Field::Description),
];

/// The Stardex dialect.
#[derive(Clone)]
pub struct Stardex {
    token: String,
    currency: Currency,
    /// The account's own fields, from the configuration.
    custom: Vec<crate::model::CustomField>,
}

impl Stardex {
    /// A client with this API key; amounts are in `currency` (Stardex names none).
    /// A client with the credentials its line in `crms.json` names; `currency` as for [`Stardex::new`].
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

fn probability(p: Option<f64>) -> Option<u8> {
    p.filter(|p| p.is_finite() && (0.0..=100.0).contains(p))
        .map(|p| p.round() as u8)
}

/// `{success, data}`: every answer's envelope. `data` must be present, though an update's
/// answer may make it `null`; a failure comes with an error status, read by `read_error`.
#[derive(Deserialize)]
struct Envelope<T> {
    data: T,
}

/// A search's answer: the envelope with `meta`.
#[derive(Deserialize)]
struct SearchEnvelope {
    success: bool,
    data: Vec<WireDeal>,
    meta: Option<SearchMeta>,
}

/// A search answer's `meta`.
#[derive(Deserialize)]
struct SearchMeta {
    total: u64,
    offset: u64,
}

/// A deal as Stardex writes it.
#[derive(Deserialize)]
struct WireDeal {
    id: String,
    name: String,
    amount: Option<Number>,
    deal_status_id: Option<String>,
    closed_date: Option<String>,
    win_probability: Option<f64>,
    owner_ids: Option<Vec<String>>,
    client_id: Option<String>,
    description: Option<String>,
}

/// One custom field in a write: its value as text, or `clear_all` to empty it.
#[derive(Serialize)]
struct CustomFieldWrite<'a> {
    attribute_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    clear_all: bool,
}

/// A deal status.
#[derive(Deserialize)]
struct WireStatus {
    id: String,
    name: String,
}

/// The body of a create (absent fields omitted) or an update (absent fields `null`, which
/// clears): `None` is left out, `Some(None)` written as `null`.
#[derive(Serialize)]
struct DealBody<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<Option<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    win_probability: Option<Option<u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deal_status_id: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    closed_date: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_id: Option<Option<&'a str>>,
    /// Cleared with `[]`, not `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    owner_ids: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    custom_fields: Vec<CustomFieldWrite<'a>>,
}

/// A search's body.
#[derive(Serialize)]
struct SearchBody<'a> {
    offset: u64,
    limit: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort_by: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort_order: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    keywords: Vec<&'a str>,
}

/// `{success: false, error: {code, message}, retry_after_seconds?}`.
#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
    retry_after_seconds: Option<f64>,
}

#[derive(Deserialize)]
struct ErrorDetail {
    code: Option<String>,
    message: Option<String>,
}

impl Stardex {
    /// The deal `w`, its custom fields read from `raw`, the same deal as JSON, where they are
    /// `custom_fields: [{attribute_id, value}]` as a create writes them (unverified on read).
    fn to_deal(&self, w: WireDeal, raw: Option<&serde_json::Value>) -> Result<Deal, BackendError> {
        let amount = wire_money(w.amount.as_ref(), self.currency, &w.id)?;
        let custom = super::custom::read(&self.custom, &w.id, |key| {
            let values = raw?.get("custom_fields")?.as_array()?;
            let value = values
                .iter()
                .find(|v| v.get("attribute_id").and_then(|a| a.as_str()) == Some(key))?;
            value.get("value").cloned()
        })?;
        Ok(Deal::new(
            DealId(w.id),
            DealFields {
                name: w.name,
                amount,
                stage: w.deal_status_id,
                close_date: w.closed_date.and_then(|d| Date::parse_iso_prefix(&d).ok()),
                probability: probability(w.win_probability),
                owner: w.owner_ids.and_then(|o| o.into_iter().next()),
                company: w.client_id,
                description: w.description,
                custom,
            },
        ))
    }

    fn body<'a>(&'a self, f: &'a DealFields, clear_absent: bool) -> DealBody<'a> {
        DealBody {
            name: &f.name,
            amount: written(f.amount.map(|a| a.to_f64()), clear_absent),
            win_probability: written(f.probability, clear_absent),
            deal_status_id: written(f.stage.as_deref(), clear_absent),
            description: written(f.description.as_deref(), clear_absent),
            closed_date: written(f.close_date.map(|d| d.to_string()), clear_absent),
            client_id: written(f.company.as_deref(), clear_absent),
            owner_ids: match &f.owner {
                Some(o) => Some(vec![o.as_str()]),
                None => clear_absent.then(Vec::new),
            },
            custom_fields: super::custom::written(&self.custom, f, clear_absent)
                .map(|(c, v)| CustomFieldWrite {
                    attribute_id: &c.key,
                    value: v.map(super::custom::as_text),
                    clear_all: v.is_none(),
                })
                .collect(),
        }
    }
}

impl Provider for Stardex {
    fn name(&self) -> &str {
        "Stardex"
    }

    fn schema(&self) -> Schema {
        Schema::new(vec![
            FieldRule::optional(Field::Name).required().max_chars(255),
            FieldRule::optional(Field::Amount).range(0, crate::model::money::MAX_MAJOR),
            FieldRule::optional(Field::Stage).format(IdFormat::Uuid),
            FieldRule::optional(Field::CloseDate),
            FieldRule::optional(Field::Probability).range(0, 100),
            FieldRule::optional(Field::Owner).format(IdFormat::Uuid),
            FieldRule::optional(Field::Company).format(IdFormat::Uuid),
            FieldRule::optional(Field::Description).max_chars(10_000),
        ])
        .with_custom(self.custom.clone())
    }

    fn paging(&self) -> PagingStyle {
        PagingStyle::Offset { total: true }
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::all()
    }

    fn auth_headers(&self) -> Vec<(&str, String)> {
        vec![("Authorization", format!("Bearer {}", self.token))]
    }

    fn list(&self, q: &ListQuery) -> HttpRequest {
        let offset = match q.cursor {
            Cursor::Offset(o) => o,
            _ => 0,
        };
        let sort_by = q.sort.and_then(|sort| match sort.field {
            SortField::Name => Some("name"),
            SortField::Amount => Some("amount"),
            SortField::Stage => Some("deal_status_id"),
            SortField::CloseDate => Some("closed_date"),
            SortField::Owner => Some("owner_ids"),
            // Not among the columns its capabilities offer.
            SortField::Custom(_) => None,
        });
        let body = SearchBody {
            offset,
            limit: q.page_size.clamp(1, MAX_LIMIT),
            sort_by,
            sort_order: q.sort.map(|sort| if sort.dir == SortDir::Asc { "asc" } else { "desc" }),
            keywords: q.search.split_whitespace().collect(),
        };
        HttpRequest::json(Method::Post, routes::SEARCH, &body)
    }

    fn read_list(&self, _q: &ListQuery, r: &HttpResponse) -> Result<Page, BackendError> {
        let env: SearchEnvelope = r.decode()?;
        let meta = env
            .meta
            .ok_or_else(|| BackendError::Malformed("a search answer without meta".into()))?;
        if !env.success {
            return Err(BackendError::Malformed("a 2xx answer with success: false".into()));
        }
        let raw = super::custom::raw_deals(&self.custom, r, "/data")?;
        let deals = env
            .data
            .into_iter()
            .enumerate()
            .map(|(i, w)| self.to_deal(w, raw.get(i)))
            .collect::<Result<Vec<_>, _>>()?;
        let end = meta.offset + deals.len() as u64;
        Ok(Page {
            next: (end < meta.total && !deals.is_empty()).then_some(Cursor::Offset(end)),
            total: Some(meta.total),
            deals,
        })
    }

    fn get(&self, id: &DealId) -> HttpRequest {
        HttpRequest::get(deal_path(routes::DEAL, id))
    }

    fn read_deal(&self, r: &HttpResponse) -> Result<Deal, BackendError> {
        let raw = super::custom::raw_deals(&self.custom, r, "/data")?;
        self.to_deal(r.decode::<Envelope<WireDeal>>()?.data, raw.first())
    }

    fn stages(&self) -> Option<HttpRequest> {
        Some(HttpRequest::get(routes::STATUSES))
    }

    fn lookup(&self, kind: crate::model::LookupKind, query: &str) -> Option<HttpRequest> {
        Some(match kind {
            crate::model::LookupKind::Owner => HttpRequest::get(routes::TEAM_MEMBERS),
            crate::model::LookupKind::Company => HttpRequest::json(
                Method::Post,
                routes::COMPANY_SEARCH,
                &CompanySearch {
                    keywords: [query.trim()],
                    limit: 20,
                },
            ),
        })
    }

    fn read_lookup(
        &self,
        _kind: crate::model::LookupKind,
        query: &str,
        r: &HttpResponse,
    ) -> Result<Vec<crate::model::Choice>, BackendError> {
        super::lookup::read_choices(
            r,
            query,
            &["/data", "/data/data"],
            &["id"],
            &["email", "website", "domain"],
        )
    }

    fn read_stages(&self, r: &HttpResponse) -> Result<Vec<Stage>, BackendError> {
        let env: Envelope<Vec<WireStatus>> = r.decode()?;
        Ok(env.data.iter().map(|s| Stage::new(&s.id, &s.name)).collect())
    }
}

impl Writes for Stardex {
    fn read_error(&self, r: &HttpResponse) -> BackendError {
        let retry = r.retry_after_secs;
        let Some(body) = super::error_body::<ErrorBody>(r) else {
            return super::error_without_body(r);
        };
        let (code, message) = (
            body.error.code.unwrap_or_default(),
            body.error.message.unwrap_or_default(),
        );
        // Validation messages name the field first ("win_probability: …"); a custom field by
        // its attribute_id, alone or under custom_fields.
        let table: Vec<_> = FIELDS
            .iter()
            .copied()
            .chain(super::custom::error_table(&self.custom))
            .collect();
        let fields: Vec<FieldError> = message
            .split_once(':')
            .and_then(|(wire, msg)| {
                let wire = wire.trim();
                let wire = wire.strip_prefix("custom_fields.").unwrap_or(wire);
                field_named(&table, wire).map(|f| FieldError::new(f, msg.trim().to_owned()))
            })
            .into_iter()
            .collect();
        let message = if fields.is_empty() { message } else { String::new() };
        let message = if message.is_empty() && fields.is_empty() {
            code
        } else {
            message
        };
        error_for_status(
            r.status,
            retry.or(body.retry_after_seconds.map(|s| s.max(0.0).ceil() as u64)),
            message,
            fields,
        )
    }

    fn create(&self, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Post, routes::CREATE, &self.body(f, false))
    }

    fn update(&self, id: &DealId, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Patch, deal_path(routes::DEAL, id), &self.body(f, true))
    }

    fn read_updated(&self, id: &DealId, r: &HttpResponse) -> Result<Saved, BackendError> {
        // `{success: true, data: {message}}`: no record, so the client re-reads it.
        r.decode::<Envelope<IgnoredAny>>()?;
        Ok(Saved::Id(id.clone()))
    }

    fn delete(&self, id: &DealId) -> HttpRequest {
        HttpRequest::delete(deal_path(routes::DEAL, id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Money;
    use serde_json::json;

    fn stardex() -> Stardex {
        Stardex::new("key", Currency::USD)
    }

    const SEATS: &str = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

    fn stardex_with_custom() -> Stardex {
        use crate::model::{CustomField, CustomKind};
        let custom = [CustomField::new(SEATS, "Seats", CustomKind::Number)];
        Stardex::connect(
            &super::super::Credentials(vec![("token".into(), "key".into())]),
            Currency::USD,
            &custom,
        )
    }

    #[test]
    fn team_members_and_companies_are_looked_up_at_their_likely_paths() {
        use crate::model::LookupKind;
        let s = stardex();
        assert_eq!(s.lookup(LookupKind::Owner, "").unwrap().path, "/v1/team-members");
        let search = s.lookup(LookupKind::Company, "glob").unwrap();
        assert_eq!(
            (search.path.as_str(), search.body_json()),
            ("/v1/companies/search", json!({"keywords": ["glob"], "limit": 20}))
        );
        let companies =
            format!(r#"{{"success": true, "data": [{{"id": "{SEATS}", "name": "Globex", "website": "globex.com"}}]}}"#);
        let found = s
            .read_lookup(LookupKind::Company, "glob", &HttpResponse::new(200, companies))
            .unwrap();
        assert_eq!(
            (found[0].id.as_str(), found[0].detail.as_deref()),
            (SEATS, Some("globex.com"))
        );
    }

    #[test]
    fn custom_fields_go_as_documented_and_come_back_by_attribute_id() {
        use crate::model::CustomValue;
        let s = stardex_with_custom();
        let mut f = DealFields {
            name: "Acme".into(),
            ..DealFields::default()
        };
        f.custom.insert(SEATS.into(), CustomValue::Number(12.0));
        assert_eq!(
            s.create(&f, &[]).body_json()["custom_fields"],
            json!([{"attribute_id": SEATS, "value": "12"}])
        );
        f.custom.clear();
        assert!(s.create(&f, &[]).body_json().get("custom_fields").is_none());
        assert_eq!(
            s.update(&DealId("d".into()), &f, &[]).body_json()["custom_fields"],
            json!([{"attribute_id": SEATS, "clear_all": true}])
        );
        let body = format!(
            r#"{{"success": true, "data": {{"id": "d1", "name": "Acme", "custom_fields": [{{"attribute_id": "{SEATS}", "value": "12"}}]}}}}"#
        );
        let d = s.read_deal(&HttpResponse::new(200, body)).unwrap();
        assert_eq!(d.fields.custom.get(SEATS), Some(&CustomValue::Number(12.0)));
        let r = HttpResponse::new(
            400,
            format!(
                r#"{{"success": false, "error": {{"code": "VALIDATION_ERROR", "message": "custom_fields.{SEATS}: must be a number"}}}}"#
            ),
        );
        assert_eq!(
            s.read_error(&r),
            BackendError::Fields {
                errors: vec![FieldError::new(Field::Custom(0), "must be a number")],
                message: None
            }
        );
    }

    /// The documented create response.
    const CREATED: &str = r#"{
      "success": true,
      "data": {
        "id": "aaa11111-bbbb-cccc-dddd-eeeeeeee1111",
        "name": "Acme Corp Staffing Agreement",
        "amount": 150000,
        "win_probability": 75,
        "deal_status_id": "ccc33333-dddd-eeee-ffff-000000003333",
        "client_id": "bbb22222-cccc-dddd-eeee-ffffffff2222",
        "job_id": "eee55555-ffff-0000-1111-222222225555",
        "created_at": "2024-01-15T10:00:00Z"
      }
    }"#;

    #[test]
    fn the_documented_create_response_becomes_a_deal() {
        let Saved::Deal(d) = stardex().read_created(&HttpResponse::new(200, CREATED)).unwrap() else {
            panic!()
        };
        assert_eq!(d.id.0, "aaa11111-bbbb-cccc-dddd-eeeeeeee1111");
        assert_eq!(d.fields.name, "Acme Corp Staffing Agreement");
        assert_eq!(d.fields.amount, Some(Money::new(15_000_000, Currency::USD)));
        assert_eq!(d.fields.probability, Some(75));
        assert_eq!(d.fields.stage.as_deref(), Some("ccc33333-dddd-eeee-ffff-000000003333"));
        assert_eq!(
            d.fields.company.as_deref(),
            Some("bbb22222-cccc-dddd-eeee-ffffffff2222")
        );
    }

    #[test]
    fn a_create_sends_the_documented_field_names_and_omits_absent_ones() {
        let f = DealFields {
            name: "Acme".into(),
            amount: Some(Money::new(12_350, Currency::USD)),
            probability: Some(50),
            stage: Some("3c90c3cc-0d44-4b50-8888-8dd25736052a".into()),
            close_date: Date::parse_iso("2026-09-30").ok(),
            owner: Some("3c90c3cc-0d44-4b50-8888-8dd25736052a".into()),
            ..DealFields::default()
        };
        let r = stardex().create(&f, &[]);
        assert_eq!((r.method, r.path.as_str()), (Method::Post, "/v1/deals"));
        assert_eq!(
            r.body_json(),
            json!({"name": "Acme", "amount": 123.5, "win_probability": 50, "deal_status_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
                   "closed_date": "2026-09-30", "owner_ids": ["3c90c3cc-0d44-4b50-8888-8dd25736052a"]})
        );
    }

    #[test]
    fn an_update_clears_emptied_fields_with_null_and_rereads() {
        let r = stardex().update(
            &DealId("aaa11111-bbbb-cccc-dddd-eeeeeeee1111".into()),
            &DealFields {
                name: "x".into(),
                ..DealFields::default()
            },
            &[],
        );
        assert_eq!(
            (r.method, r.path.as_str()),
            (Method::Patch, "/v1/deals/aaa11111-bbbb-cccc-dddd-eeeeeeee1111")
        );
        let body = r.body_json();
        assert_eq!(body["closed_date"], serde_json::Value::Null);
        assert_eq!(body["owner_ids"], json!([]));
        let answer = HttpResponse::new(
            200,
            r#"{"success": true, "data": {"message": "Deal updated successfully"}}"#,
        );
        assert_eq!(
            stardex().read_updated(&DealId("x".into()), &answer).unwrap(),
            Saved::Id(DealId("x".into()))
        );
        let bare = HttpResponse::new(200, r#"{"success": true, "data": null}"#);
        assert_eq!(
            stardex().read_updated(&DealId("x".into()), &bare).unwrap(),
            Saved::Id(DealId("x".into()))
        );
        let deal = stardex().read_deal(&bare).unwrap_err();
        assert!(deal.to_string().contains("`data`"), "{deal}");
    }

    #[test]
    fn search_sends_offset_limit_sort_and_keywords_and_reads_the_total() {
        let q = ListQuery {
            search: " acme  corp ".into(),
            sort: Some(crate::model::Sort {
                field: SortField::CloseDate,
                dir: SortDir::Desc,
            }),
            page_size: 500,
            cursor: Cursor::Offset(25),
        };
        let r = stardex().list(&q);
        assert_eq!(r.path, "/v1/deals/search");
        assert_eq!(
            r.body_json(),
            json!({"offset": 25, "limit": 100, "sort_by": "closed_date", "sort_order": "desc", "keywords": ["acme", "corp"]})
        );
        let answer = HttpResponse::new(
            200,
            r#"{"success": true, "data": [{"id": "aaa11111-bbbb-cccc-dddd-eeeeeeee1111", "name": "Acme", "amount": 150000}], "meta": {"total": 27, "offset": 25, "limit": 25}}"#,
        );
        let page = stardex().read_list(&q, &answer).unwrap();
        assert_eq!(
            (page.deals.len(), page.total, page.next),
            (1, Some(27), Some(Cursor::Offset(26)))
        );
    }

    #[test]
    fn statuses_are_read_whatever_meta_the_answer_carries() {
        let answer = HttpResponse::new(
            200,
            r#"{"success": true, "data": [{"id": "s1", "name": "Lead"}], "meta": {"total": 1}}"#,
        );
        assert_eq!(stardex().read_stages(&answer).unwrap(), vec![Stage::new("s1", "Lead")]);
    }

    #[test]
    fn an_error_with_a_null_message_still_says_its_code() {
        let r = HttpResponse::new(
            409,
            r#"{"success": false, "error": {"code": "CONFLICT", "message": null}, "retry_after_seconds": 1.5}"#,
        );
        assert_eq!(stardex().read_error(&r), BackendError::Form("CONFLICT".into()));
    }

    #[test]
    fn error_bodies_become_typed_errors() {
        let unauthorized = HttpResponse::new(
            401,
            r#"{"success": false, "error": {"code": "INVALID_API_KEY", "message": "Invalid API key"}}"#,
        );
        assert_eq!(
            stardex().read_error(&unauthorized),
            BackendError::Unauthorized("Invalid API key".into())
        );
        let invalid = HttpResponse::new(
            400,
            r#"{"success": false, "error": {"code": "VALIDATION_ERROR", "message": "win_probability: must be at most 100"}}"#,
        );
        assert_eq!(
            stardex().read_error(&invalid),
            BackendError::Fields {
                errors: vec![FieldError::new(Field::Probability, "must be at most 100")],
                message: None
            }
        );
        let limited = HttpResponse { status: 429, retry_after_secs: None, body: r#"{"success": false, "error": {"code": "RATE_LIMITED", "message": "Too many requests"}, "retry_after_seconds": 7}"#.into(), headers: Vec::new() };
        assert_eq!(
            stardex().read_error(&limited),
            BackendError::RateLimited {
                retry_after_secs: Some(7)
            }
        );
        let html = HttpResponse::new(502, "<html>Bad Gateway</html>");
        assert_eq!(
            stardex().read_error(&html).to_string(),
            "The CRM had a problem (502): it answered with an HTML page, not its JSON API (a proxy or gateway error?)"
        );
    }
}
