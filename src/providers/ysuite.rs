//! YSUITE (`https://api.ysuite.org`): access + secret key headers, zero-based page index with a
//! total, integer ids, `deal_name` / `pipeline_id` / `cstid` required on create and update.
//!
//! YSUITE's documented deal bodies carry a pipeline (`pipeline_id`) but no settable stage, so the
//! form's stage field is the deal's pipeline here, labelled "Pipeline". The pipelines list is not
//! in YSUITE's public docs: its path and shape live in [`routes`] and
//! [`read_stages`](Provider::read_stages), and the form falls back to `stages` from the config.

use super::http::{with_query, HttpRequest, HttpResponse, Method};
use super::{deal_path, error_for_status, place_errors, wire_money, Capabilities, Number, Provider, Saved, Writes};
use crate::backend::BackendError;
use crate::model::{
    Currency, Cursor, Date, Deal, DealFields, DealId, Field, FieldRule, IdFormat, Labels, ListQuery, Page, PagingStyle,
    Schema, SortDir, SortField, Stage,
};
use crate::wire::{opt_id, Entries, IntOrText, Messages};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

/// The paths this provider uses, relative to the base URL.
pub mod routes {
    /// List and create (documented).
    pub const DEALS: &str = "/v1/deals";
    /// One deal (documented).
    pub const DEAL: &str = "/v1/deals/";
    /// Pipelines (unverified).
    pub const PIPELINES: &str = "/v1/pipelines";
    /// Contacts by name, the deals' `cstid` (unverified).
    pub const CONTACTS: &str = "/v1/contacts";
}

/// The most a page may hold.
pub const MAX_PAGE_SIZE: u32 = 100;

const FIELDS: &[(&str, Field)] = &[
    ("deal_name", Field::Name),
    ("deal_amount", Field::Amount),
    ("pipeline_id", Field::Stage),
    ("deal_expected_close_date", Field::CloseDate),
    ("deal_owner_id", Field::Owner),
    ("cstid", Field::Company),
    ("deal_description", Field::Description),
];

/// The YSUITE dialect.
#[derive(Clone)]
pub struct Ysuite {
    access_key: String,
    secret_key: String,
    currency: Currency,
}

impl Ysuite {
    /// A client with these keys; amounts are in `currency` (YSUITE sends an org currency id).
    /// A client with the credentials its line in `crms.json` names; `currency` as for [`Ysuite::new`].
    pub fn connect(
        credentials: &super::Credentials,
        currency: Currency,
        _custom: &[crate::model::CustomField],
    ) -> Self {
        Self::new(credentials.get("access_key"), credentials.get("secret_key"), currency)
    }

    pub fn new(access_key: &str, secret_key: &str, currency: Currency) -> Self {
        Self {
            access_key: access_key.to_owned(),
            secret_key: secret_key.to_owned(),
            currency,
        }
    }
}

/// `{data: …}`: every answer's envelope.
#[derive(Deserialize)]
struct Envelope<T> {
    data: T,
}

/// A list page: `{data: [deal], current_page, total_pages, total_records}` (pages one-based).
#[derive(Deserialize)]
struct WirePage {
    data: Vec<WireDeal>,
    current_page: u32,
    total_pages: u32,
    total_records: u64,
}

/// A deal as YSUITE writes it; ids are numbers (or, defensively, text).
#[derive(Deserialize)]
struct WireDeal {
    #[serde(deserialize_with = "crate::wire::id")]
    deal_id: String,
    deal_name: String,
    deal_amount: Option<Number>,
    #[serde(default, deserialize_with = "opt_id")]
    pipeline_id: Option<String>,
    deal_expected_close_date: Option<String>,
    #[serde(default, deserialize_with = "opt_id")]
    deal_owner_id: Option<String>,
    #[serde(default, deserialize_with = "opt_id")]
    cstid: Option<String>,
    deal_description: Option<String>,
    /// The owner's name.
    owner: Option<String>,
}

#[derive(Deserialize)]
struct WirePipeline {
    #[serde(deserialize_with = "crate::wire::id")]
    pipeline_id: String,
    pipeline_name: String,
}

/// A create's answer: only the new id.
#[derive(Deserialize)]
struct WireCreated {
    #[serde(deserialize_with = "crate::wire::id")]
    deal_id: String,
}

/// `{message, errors: {field: [messages]}}`.
#[derive(Deserialize)]
struct ErrorBody {
    message: Option<String>,
    errors: Option<Entries<Messages>>,
}

/// A create's or update's body; absent fields are left out.
#[derive(Serialize)]
struct DealBody<'a> {
    deal_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pipeline_id: Option<IntOrText<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cstid: Option<IntOrText<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deal_amount: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deal_owner_id: Option<IntOrText<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deal_expected_close_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deal_description: Option<&'a str>,
}

impl Ysuite {
    fn to_deal(&self, w: WireDeal) -> Result<Deal, BackendError> {
        let amount = wire_money(w.deal_amount.as_ref(), self.currency, &w.deal_id)?;
        Ok(Deal {
            id: DealId(w.deal_id),
            fields: DealFields {
                name: w.deal_name,
                amount,
                stage: w.pipeline_id,
                close_date: w.deal_expected_close_date.and_then(|d| Date::parse_iso_prefix(&d).ok()),
                probability: None,
                owner: w.deal_owner_id,
                company: w.cstid,
                description: w.deal_description,
                custom: Default::default(),
            },
            labels: Labels {
                stage: None,
                owner: w.owner,
            },
        })
    }

    fn body<'a>(&self, f: &'a DealFields) -> DealBody<'a> {
        DealBody {
            deal_name: &f.name,
            pipeline_id: f.stage.as_deref().map(IntOrText),
            cstid: f.company.as_deref().map(IntOrText),
            deal_amount: f.amount.map(|a| a.to_f64()),
            deal_owner_id: f.owner.as_deref().map(IntOrText),
            deal_expected_close_date: f.close_date.map(|d| d.to_string()),
            deal_description: f.description.as_deref(),
        }
    }
}

impl Provider for Ysuite {
    fn name(&self) -> &str {
        "YSUITE"
    }

    fn schema(&self) -> Schema {
        Schema::new(vec![
            FieldRule::optional(Field::Name).required().max_chars(255),
            FieldRule::optional(Field::Amount).range(0, crate::model::money::MAX_MAJOR),
            FieldRule::optional(Field::Stage)
                .required()
                .format(IdFormat::Integer)
                .labelled("field-pipeline"),
            FieldRule::optional(Field::CloseDate),
            FieldRule::optional(Field::Owner).format(IdFormat::Integer),
            FieldRule::optional(Field::Company).required().format(IdFormat::Integer),
            FieldRule::optional(Field::Description).max_chars(10_000),
        ])
    }

    fn paging(&self) -> PagingStyle {
        PagingStyle::PageNumber
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::all()
    }

    fn auth_headers(&self) -> Vec<(&str, String)> {
        vec![
            ("x-ysuite-access-key", self.access_key.clone()),
            ("x-ysuite-secret-key", self.secret_key.clone()),
        ]
    }

    fn list(&self, q: &ListQuery) -> HttpRequest {
        let index = match q.cursor {
            Cursor::PageIndex(i) => i,
            _ => 0,
        };
        let search = q.search.trim();
        let sort_by = q.sort.and_then(|s| {
            let name = match s.field {
                SortField::Name => "deal_name",
                SortField::Amount => "deal_amount",
                SortField::Stage => "pipeline_id",
                SortField::CloseDate => "deal_expected_close_date",
                SortField::Owner => "deal_owner_id",
                // YSUITE has no custom fields.
                SortField::Custom(_) => return None,
            };
            Some(name.to_owned())
        });
        let sort_order = q
            .sort
            .map(|s| if s.dir == SortDir::Asc { "asc" } else { "desc" }.to_owned());
        HttpRequest::get(with_query(
            routes::DEALS,
            &[
                ("pageSize", Some(q.page_size.clamp(1, MAX_PAGE_SIZE).to_string())),
                ("pageIndex", Some(index.to_string())),
                ("search", (!search.is_empty()).then(|| search.to_owned())),
                ("sortBy", sort_by),
                ("sortOrder", sort_order),
            ],
        ))
    }

    fn read_list(&self, _q: &ListQuery, r: &HttpResponse) -> Result<Page, BackendError> {
        let page = r.decode::<Envelope<WirePage>>()?.data;
        let deals = page
            .data
            .into_iter()
            .map(|w| self.to_deal(w))
            .collect::<Result<Vec<_>, _>>()?;
        // current_page is one-based, so it is also the zero-based index of the next page.
        let next = (page.current_page < page.total_pages).then_some(Cursor::PageIndex(page.current_page));
        Ok(Page {
            deals,
            total: Some(page.total_records),
            next,
        })
    }

    fn get(&self, id: &DealId) -> HttpRequest {
        HttpRequest::get(deal_path(routes::DEAL, id))
    }

    fn read_deal(&self, r: &HttpResponse) -> Result<Deal, BackendError> {
        self.to_deal(r.decode::<Envelope<WireDeal>>()?.data)
    }

    fn stages(&self) -> Option<HttpRequest> {
        Some(HttpRequest::get(routes::PIPELINES))
    }

    fn lookup(&self, kind: crate::model::LookupKind, query: &str) -> Option<HttpRequest> {
        // Its owners have no documented look-up: only the contacts, the deals' companies.
        (kind == crate::model::LookupKind::Company)
            .then(|| HttpRequest::get(super::lookup::search_path(routes::CONTACTS, query)))
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
            &["/data/data", "/data"],
            &["cstid", "id"],
            &["email", "domain"],
        )
    }

    fn read_stages(&self, r: &HttpResponse) -> Result<Vec<Stage>, BackendError> {
        let pipelines = r.decode::<Envelope<Vec<WirePipeline>>>()?.data;
        Ok(pipelines
            .iter()
            .map(|p| Stage::new(&p.pipeline_id, &p.pipeline_name))
            .collect())
    }
}

impl Writes for Ysuite {
    fn read_error(&self, r: &HttpResponse) -> BackendError {
        let retry = r.retry_after_secs;
        let Some(body) = super::error_body::<ErrorBody>(r) else {
            return super::error_without_body(r);
        };
        // `errors`: each field's messages, in the order the CRM wrote them; a lone message is
        // taken as a list of one.
        let errors: Vec<(String, String)> = body
            .errors
            .unwrap_or_default()
            .0
            .into_iter()
            .filter_map(|(wire, messages)| {
                let text = messages.0.join(" ");
                (!text.trim().is_empty()).then_some((wire, text))
            })
            .collect();
        let (fields, unplaced) = place_errors(FIELDS, errors);
        let message = body.message.unwrap_or_default();
        let message = if unplaced.is_empty() {
            message
        } else {
            format!("{message} {}", unplaced.join("; "))
        };
        error_for_status(r.status, retry, message.trim().to_owned(), fields)
    }

    fn create(&self, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Post, routes::DEALS, &self.body(f))
    }

    fn read_created(&self, r: &HttpResponse) -> Result<Saved, BackendError> {
        Ok(Saved::Id(DealId(r.decode::<Envelope<WireCreated>>()?.data.deal_id)))
    }

    fn update(&self, id: &DealId, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Put, deal_path(routes::DEAL, id), &self.body(f))
    }

    fn read_updated(&self, id: &DealId, r: &HttpResponse) -> Result<Saved, BackendError> {
        r.decode::<IgnoredAny>()?;
        Ok(Saved::Id(id.clone()))
    }

    fn delete(&self, id: &DealId) -> HttpRequest {
        HttpRequest::delete(deal_path(routes::DEAL, id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FieldError, Money};

    fn ysuite() -> Ysuite {
        Ysuite::new("ak", "sk", Currency::USD)
    }

    /// The documented list response.
    const LIST: &str = r#"{
"success": true,
"data": {
"data": [
{
"deal_id": 7,
"deal_name": "Acme Corp — Enterprise License",
"deal_amount": 15000.00,
"deal_source": "Referral",
"deal_expected_close_date": "2026-09-30",
"pipeline_id": 1,
"cstid": 10,
"owner": "John Smith"
}
],
"current_page": 1,
"total_records": 32,
"total_pages": 4
}
}"#;

    fn q(cursor: Cursor) -> ListQuery {
        ListQuery {
            search: String::new(),
            sort: None,
            page_size: 10,
            cursor,
        }
    }

    #[test]
    fn contacts_are_looked_up_by_name_as_the_deals_cstid() {
        use crate::model::LookupKind;
        let y = Ysuite::new("a", "s", Currency::USD);
        assert!(y.lookup(LookupKind::Owner, "x").is_none());
        assert_eq!(
            y.lookup(LookupKind::Company, "umb").unwrap().path,
            "/v1/contacts?search=umb&pageSize=20"
        );
        let contacts = r#"{"success": true, "data": {"data": [{"cstid": 11, "name": "Umbrella Ltd", "email": "u@x.io"}], "current_page": 1}}"#;
        let found = y
            .read_lookup(LookupKind::Company, "umb", &HttpResponse::new(200, contacts))
            .unwrap();
        assert_eq!((found[0].id.as_str(), found[0].label.as_str()), ("11", "Umbrella Ltd"));
    }

    #[test]
    fn an_error_body_with_nulls_keeps_what_it_does_say() {
        let r = HttpResponse::new(
            422,
            r#"{"message": null, "errors": {"deal_name": ["is required", null]}}"#,
        );
        assert_eq!(
            ysuite().read_error(&r),
            BackendError::Fields {
                errors: vec![FieldError::new(Field::Name, "is required")],
                message: None
            }
        );
        let list = HttpResponse::new(422, r#"{"message": "Invalid", "errors": null}"#);
        assert_eq!(ysuite().read_error(&list), BackendError::Form("Invalid".into()));
    }

    #[test]
    fn a_company_id_beyond_2_53_is_sent_as_written() {
        let f = DealFields {
            name: "x".into(),
            company: Some("12345678901234567".into()),
            ..DealFields::default()
        };
        assert_eq!(ysuite().create(&f, &[]).body_json()["cstid"], "12345678901234567");
    }

    #[test]
    fn the_documented_list_reads_with_total_and_next_page_index() {
        let page = ysuite()
            .read_list(&q(Cursor::Start), &HttpResponse::new(200, LIST))
            .unwrap();
        assert_eq!(page.total, Some(32));
        assert_eq!(page.next, Some(Cursor::PageIndex(1)));
        let d = &page.deals[0];
        assert_eq!(d.id.0, "7");
        assert_eq!(d.fields.name, "Acme Corp — Enterprise License");
        assert_eq!(d.fields.amount, Some(Money::new(1_500_000, Currency::USD)));
        assert_eq!(d.fields.close_date.unwrap().to_string(), "2026-09-30");
        assert_eq!(d.fields.company.as_deref(), Some("10"));
        assert_eq!(d.labels.owner.as_deref(), Some("John Smith"));
    }

    #[test]
    fn the_last_page_has_no_next() {
        let body = LIST.replace("\"current_page\": 1", "\"current_page\": 4");
        assert_eq!(
            ysuite()
                .read_list(&q(Cursor::PageIndex(3)), &HttpResponse::new(200, body))
                .unwrap()
                .next,
            None
        );
    }

    #[test]
    fn list_requests_carry_page_size_index_search_and_sort() {
        let query = ListQuery {
            search: "acme corp".into(),
            sort: Some(crate::model::Sort {
                field: SortField::Amount,
                dir: SortDir::Desc,
            }),
            page_size: 25,
            cursor: Cursor::PageIndex(2),
        };
        assert_eq!(
            ysuite().list(&query).path,
            "/v1/deals?pageSize=25&pageIndex=2&search=acme%20corp&sortBy=deal_amount&sortOrder=desc"
        );
    }

    /// The documented example request, less `deal_source`, which the app does not model.
    const EXAMPLE_REQUEST: &str = r#"{
"deal_name": "Acme Corp — Enterprise License",
"pipeline_id": 1,
"cstid": 10,
"deal_amount": 15000.00,
"deal_expected_close_date": "2026-09-30"
}"#;

    #[test]
    fn the_documented_example_request_is_what_a_create_sends() {
        let f = DealFields {
            name: "Acme Corp — Enterprise License".into(),
            amount: Some(Money::new(1_500_000, Currency::USD)),
            stage: Some("1".into()),
            close_date: Date::parse_iso("2026-09-30").ok(),
            company: Some("10".into()),
            ..DealFields::default()
        };
        let example: serde_json::Value = serde_json::from_str(EXAMPLE_REQUEST).unwrap();
        let r = ysuite().create(&f, &[]);
        assert_eq!((r.method, r.path.as_str()), (Method::Post, "/v1/deals"));
        assert_eq!(r.body_json(), example);
        let u = ysuite().update(&DealId("7".into()), &f, &[]);
        assert_eq!((u.method, u.path.as_str()), (Method::Put, "/v1/deals/7"));
        assert_eq!(u.body_json(), example, "the required fields go on update too");
    }

    #[test]
    fn a_create_answers_with_the_id_only() {
        let r = HttpResponse::new(
            200,
            r#"{"success": true, "message": "Deal created successfully!", "data": {"deal_id": 7, "deal_name": "Acme Corp — Enterprise License"}}"#,
        );
        assert_eq!(ysuite().read_created(&r).unwrap(), Saved::Id(DealId("7".into())));
    }

    #[test]
    fn a_lone_message_counts_and_an_empty_one_is_not_a_field_error() {
        let r = HttpResponse::new(
            422,
            r#"{"message": "Validation failed", "errors": {"deal_name": "The deal name field is required.", "cstid": [], "x": ""}}"#,
        );
        let BackendError::Fields { errors, message } = ysuite().read_error(&r) else {
            panic!()
        };
        assert_eq!(
            errors,
            vec![FieldError::new(Field::Name, "The deal name field is required.")]
        );
        assert_eq!(message, Some("Validation failed".into()));
    }

    #[test]
    fn validation_errors_land_on_their_fields() {
        let r = HttpResponse::new(
            422,
            r#"{"success": false, "message": "Validation failed", "errors": {"deal_name": ["The deal name may not be greater than 255 characters."], "cstid": ["The cstid field is required."], "tag_ids": ["bad"]}}"#,
        );
        let BackendError::Fields { errors, message } = ysuite().read_error(&r) else {
            panic!()
        };
        assert_eq!(
            errors,
            vec![
                FieldError::new(Field::Name, "The deal name may not be greater than 255 characters."),
                FieldError::new(Field::Company, "The cstid field is required.")
            ]
        );
        assert_eq!(message, Some("Validation failed tag_ids: bad".into()));
        assert_eq!(
            ysuite().read_error(&HttpResponse::new(
                401,
                r#"{"success": false, "message": "Invalid API keys"}"#
            )),
            BackendError::Unauthorized("Invalid API keys".into())
        );
        // 403 is the CRM add-on not active for the account: the keys are right.
        let inactive = ysuite().read_error(&HttpResponse::new(
            403,
            r#"{"success": false, "message": "The CRM add-on is not active for this account"}"#,
        ));
        assert_eq!(
            inactive.to_string(),
            "The CRM does not allow these credentials to do this: The CRM add-on is not active for this account"
        );
        assert_eq!(
            ysuite().read_error(&HttpResponse::new(
                400,
                r#"{"success": false, "message": "Deal not found"}"#
            )),
            BackendError::Form("Deal not found".into())
        );
    }

    #[test]
    fn pipelines_are_what_the_stage_field_offers() {
        let r = HttpResponse::new(
            200,
            r#"{"success": true, "data": [{"pipeline_id": 1, "pipeline_name": "Sales"}, {"pipeline_id": 2, "pipeline_name": "Renewals"}]}"#,
        );
        assert_eq!(
            ysuite().read_stages(&r).unwrap(),
            vec![Stage::new("1", "Sales"), Stage::new("2", "Renewals")]
        );
        assert_eq!(
            ysuite().schema().rule(Field::Stage).unwrap().label(),
            crate::model::Message::key("field-pipeline")
        );
    }
}
