//! Stardex (`https://api.stardex.ai`): Bearer token, offset paging with a total, UUID ids.
//!
//! Documented: create (`POST /v1/deals`), search (`POST /v1/deals/search`), partial update
//! (`PATCH`, which answers without the record, so it is re-read), the error envelope and
//! `Retry-After` in seconds. Unverified, and kept in [`routes`]: get, delete and the statuses list.

use super::http::{HttpRequest, HttpResponse, Method};
use super::{deal_path, error_for_status, field_named, wire_money, Capabilities, Provider, Saved, Writes};
use crate::backend::BackendError;
use crate::json::Json;
use crate::model::{
    Currency, Cursor, Date, Deal, DealFields, DealId, Field, FieldError, FieldRule, IdFormat, ListQuery, Page,
    PagingStyle, Schema, SortDir, SortField, Stage,
};

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
}

impl Stardex {
    /// A client with this API key; amounts are in `currency` (Stardex names none).
    pub fn new(token: &str, currency: Currency) -> Self {
        Self {
            token: token.to_owned(),
            currency,
        }
    }
}

fn probability(p: Option<f64>) -> Option<u8> {
    p.filter(|p| p.is_finite() && (0.0..=100.0).contains(p))
        .map(|p| p.round() as u8)
}

/// `{success, data, meta?}`, checked for the members every answer has.
fn envelope(r: &HttpResponse) -> Result<Json, BackendError> {
    let env = r.json()?;
    env.req("success", Json::as_bool, "true/false")?;
    // Present, though it may be null (an update's answer has nothing to say).
    if env.get("data").is_none() {
        return Err(BackendError::Malformed("unexpected JSON (missing field `data`)".into()));
    }
    Ok(env)
}

impl Stardex {
    fn to_deal(&self, w: &Json) -> Result<Deal, BackendError> {
        let id = w.str_at("id")?;
        let amount = wire_money(w.opt_num_at("amount")?, self.currency, id)?;
        let owners = w.each("owner_ids", Json::as_str, "text")?;
        Ok(Deal::new(
            DealId(id.to_owned()),
            DealFields {
                name: w.str_at("name")?.to_owned(),
                amount,
                stage: w.opt_string_at("deal_status_id")?,
                close_date: w
                    .opt_str_at("closed_date")?
                    .and_then(|d| Date::parse_iso_prefix(d).ok()),
                probability: probability(w.opt_f64_at("win_probability")?),
                owner: owners.first().map(|o| (*o).to_owned()),
                company: w.opt_string_at("client_id")?,
                description: w.opt_string_at("description")?,
            },
        ))
    }

    /// The body of a create (absent fields omitted) or an update (absent fields `null`, which clears).
    fn body(&self, f: &DealFields, clear_absent: bool) -> Json {
        let mut m = Json::obj([("name", f.name.as_str().into())]);
        let mut put = |k: &str, v: Option<Json>| match v {
            Some(v) => m.set(k, v),
            None if clear_absent => m.set(k, Json::Null),
            None => {}
        };
        put("amount", f.amount.map(|a| Json::Num(a.to_decimal_string())));
        put("win_probability", f.probability.map(Json::from));
        put("deal_status_id", f.stage.as_ref().map(Json::from));
        put("description", f.description.as_ref().map(Json::from));
        put("closed_date", f.close_date.map(|d| d.to_string().into()));
        put("client_id", f.company.as_ref().map(Json::from));
        match &f.owner {
            Some(o) => put("owner_ids", Some(vec![o.as_str()].into())),
            None if clear_absent => put("owner_ids", Some(Json::Arr(Vec::new()))),
            None => {}
        }
        m
    }
}

impl Provider for Stardex {
    fn name(&self) -> &'static str {
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
    }

    fn paging(&self) -> PagingStyle {
        PagingStyle::Offset { total: true }
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::all()
    }

    fn auth_headers(&self) -> Vec<(&'static str, String)> {
        vec![("Authorization", format!("Bearer {}", self.token))]
    }

    fn list(&self, q: &ListQuery) -> HttpRequest {
        let offset = match q.cursor {
            Cursor::Offset(o) => o,
            _ => 0,
        };
        let mut body = Json::obj([
            ("offset", offset.into()),
            ("limit", q.page_size.clamp(1, MAX_LIMIT).into()),
        ]);
        if let Some(sort) = q.sort {
            let by = match sort.field {
                SortField::Name => "name",
                SortField::Amount => "amount",
                SortField::Stage => "deal_status_id",
                SortField::CloseDate => "closed_date",
                SortField::Owner => "owner_ids",
            };
            body.set("sort_by", by.into());
            body.set(
                "sort_order",
                if sort.dir == SortDir::Asc { "asc" } else { "desc" }.into(),
            );
        }
        let words: Vec<&str> = q.search.split_whitespace().collect();
        if !words.is_empty() {
            body.set("keywords", words.into());
        }
        HttpRequest::json(Method::Post, routes::SEARCH, body)
    }

    fn read_list(&self, _q: &ListQuery, r: &HttpResponse) -> Result<Page, BackendError> {
        let env = envelope(r)?;
        let meta = env
            .get("meta")
            .filter(|m| !m.is_null())
            .ok_or_else(|| BackendError::Malformed("a search answer without meta".into()))?;
        if env["success"].as_bool() != Some(true) {
            return Err(BackendError::Malformed("a 2xx answer with success: false".into()));
        }
        let (total, offset) = (meta.u64_at("total")?, meta.u64_at("offset")?);
        let deals = env
            .arr_at("data")?
            .iter()
            .map(|w| self.to_deal(w))
            .collect::<Result<Vec<_>, _>>()?;
        let end = offset + deals.len() as u64;
        Ok(Page {
            next: (end < total && !deals.is_empty()).then_some(Cursor::Offset(end)),
            total: Some(total),
            deals,
        })
    }

    fn get(&self, id: &DealId) -> HttpRequest {
        HttpRequest::get(deal_path(routes::DEAL, id))
    }

    fn read_deal(&self, r: &HttpResponse) -> Result<Deal, BackendError> {
        self.to_deal(envelope(r)?.need("data")?)
    }

    fn stages(&self) -> HttpRequest {
        HttpRequest::get(routes::STATUSES)
    }

    fn read_stages(&self, r: &HttpResponse) -> Result<Vec<Stage>, BackendError> {
        envelope(r)?
            .arr_at("data")?
            .iter()
            .map(|s| Ok(Stage::new(s.str_at("id")?, s.str_at("name")?)))
            .collect()
    }
}

impl Writes for Stardex {
    fn read_error(&self, r: &HttpResponse) -> BackendError {
        let retry = r.retry_after_secs;
        let body = super::error_object(r).unwrap_or_default();
        match body.get("error").filter(|e| e.as_object().is_some()) {
            Some(e) => {
                let text = |k| e.get(k).and_then(Json::as_str).unwrap_or_default().to_owned();
                let (code, message) = (text("code"), text("message"));
                // Validation messages name the field first ("win_probability: …").
                let fields: Vec<FieldError> = message
                    .split_once(':')
                    .and_then(|(wire, msg)| field_named(FIELDS, wire.trim()).map(|f| FieldError::new(f, msg.trim())))
                    .into_iter()
                    .collect();
                let message = if fields.is_empty() { message } else { String::new() };
                let message = if message.is_empty() && fields.is_empty() {
                    code
                } else {
                    message
                };
                let retry_after = body.get("retry_after_seconds").and_then(Json::as_u64);
                error_for_status(r.status, retry.or(retry_after), message, fields)
            }
            None => super::error_without_body(r),
        }
    }

    fn create(&self, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Post, routes::CREATE, self.body(f, false))
    }

    fn update(&self, id: &DealId, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Patch, deal_path(routes::DEAL, id), self.body(f, true))
    }

    fn read_updated(&self, id: &DealId, r: &HttpResponse) -> Result<Saved, BackendError> {
        // `{success: true, data: {message}}`: no record, so the client re-reads it.
        envelope(r)?;
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
            r.body.unwrap().to_serde(),
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
        let body = r.body.unwrap().to_serde();
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
        assert!(deal.to_string().contains("missing field `data`"), "{deal}");
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
            r.body.unwrap().to_serde(),
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
        let limited = HttpResponse { status: 429, retry_after_secs: None, body: r#"{"success": false, "error": {"code": "RATE_LIMITED", "message": "Too many requests"}, "retry_after_seconds": 7}"#.into() };
        assert_eq!(
            stardex().read_error(&limited),
            BackendError::RateLimited {
                retry_after_secs: Some(7)
            }
        );
        let html = HttpResponse::new(502, "<html>Bad Gateway</html>");
        assert_eq!(
            stardex().read_error(&html),
            BackendError::Form("The CRM had a problem (502): it answered with an HTML page, not its JSON API (a proxy or gateway error?)".into())
        );
    }
}
