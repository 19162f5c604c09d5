//! YSUITE (`https://api.ysuite.org`): access + secret key headers, zero-based page index with a
//! total, integer ids, `deal_name` / `pipeline_id` / `cstid` required on create and update.
//!
//! YSUITE's documented deal bodies carry a pipeline (`pipeline_id`) but no settable stage, so the
//! form's stage field is the deal's pipeline here, labelled "Pipeline". The pipelines list is not
//! in YSUITE's public docs: its path and shape live in [`routes`] and
//! [`read_stages`](Provider::read_stages), and the form falls back to `stages` from the config.

use super::http::{with_query, HttpRequest, HttpResponse, Method};
use super::{deal_path, error_for_status, place_errors, wire_money, Capabilities, Provider, Saved, Writes};
use crate::backend::BackendError;
use crate::json::Json;
use crate::model::{
    Currency, Cursor, Date, Deal, DealFields, DealId, Field, FieldRule, IdFormat, Labels, ListQuery, Page, PagingStyle,
    Schema, SortDir, SortField, Stage,
};

/// The paths this provider uses, relative to the base URL.
pub mod routes {
    /// List and create (documented).
    pub const DEALS: &str = "/v1/deals";
    /// One deal (documented).
    pub const DEAL: &str = "/v1/deals/";
    /// Pipelines (unverified).
    pub const PIPELINES: &str = "/v1/pipelines";
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
    pub fn new(access_key: &str, secret_key: &str, currency: Currency) -> Self {
        Self {
            access_key: access_key.to_owned(),
            secret_key: secret_key.to_owned(),
            currency,
        }
    }
}

/// An id YSUITE sends as a number (or, defensively, as text).
fn int_or_text(s: &str) -> Json {
    s.parse::<i64>().map_or_else(|_| s.into(), Json::from)
}

impl Ysuite {
    fn to_deal(&self, w: &Json) -> Result<Deal, BackendError> {
        let id = w.id_at("deal_id")?;
        let amount = wire_money(w.opt_num_at("deal_amount")?, self.currency, &id)?;
        Ok(Deal {
            id: DealId(id),
            fields: DealFields {
                name: w.str_at("deal_name")?.to_owned(),
                amount,
                stage: w.opt_id_at("pipeline_id")?,
                close_date: w
                    .opt_str_at("deal_expected_close_date")?
                    .and_then(|d| Date::parse_iso_prefix(d).ok()),
                probability: None,
                owner: w.opt_id_at("deal_owner_id")?,
                company: w.opt_id_at("cstid")?,
                description: w.opt_string_at("deal_description")?,
            },
            labels: Labels {
                stage: None,
                owner: w.opt_string_at("owner")?,
            },
        })
    }

    fn body(&self, f: &DealFields) -> Json {
        let mut m = Json::obj([("deal_name", f.name.as_str().into())]);
        if let Some(p) = &f.stage {
            m.set("pipeline_id", int_or_text(p));
        }
        if let Some(c) = &f.company {
            m.set("cstid", int_or_text(c));
        }
        if let Some(a) = f.amount {
            m.set("deal_amount", Json::Num(a.to_decimal_string()));
        }
        if let Some(o) = &f.owner {
            m.set("deal_owner_id", int_or_text(o));
        }
        if let Some(d) = f.close_date {
            m.set("deal_expected_close_date", d.to_string().into());
        }
        if let Some(d) = &f.description {
            m.set("deal_description", d.into());
        }
        m
    }
}

impl Provider for Ysuite {
    fn name(&self) -> &'static str {
        "YSUITE"
    }

    fn schema(&self) -> Schema {
        Schema::new(vec![
            FieldRule::optional(Field::Name).required().max_chars(255),
            FieldRule::optional(Field::Amount).range(0, crate::model::money::MAX_MAJOR),
            FieldRule::optional(Field::Stage)
                .required()
                .format(IdFormat::Integer)
                .labelled("Pipeline"),
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

    fn auth_headers(&self) -> Vec<(&'static str, String)> {
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
        let sort_by = q.sort.map(|s| {
            match s.field {
                SortField::Name => "deal_name",
                SortField::Amount => "deal_amount",
                SortField::Stage => "pipeline_id",
                SortField::CloseDate => "deal_expected_close_date",
                SortField::Owner => "deal_owner_id",
            }
            .to_owned()
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
        let body = r.json()?;
        let d = body.need("data")?;
        let deals = d
            .arr_at("data")?
            .iter()
            .map(|w| self.to_deal(w))
            .collect::<Result<Vec<_>, _>>()?;
        let page = |k| d.req(k, |v| v.as_u64().and_then(|n| u32::try_from(n).ok()), "a whole number");
        let (current_page, total_pages) = (page("current_page")?, page("total_pages")?);
        let total_records = d.u64_at("total_records")?;
        // current_page is one-based, so it is also the zero-based index of the next page.
        let next = (current_page < total_pages).then_some(Cursor::PageIndex(current_page));
        Ok(Page {
            deals,
            total: Some(total_records),
            next,
        })
    }

    fn get(&self, id: &DealId) -> HttpRequest {
        HttpRequest::get(deal_path(routes::DEAL, id))
    }

    fn read_deal(&self, r: &HttpResponse) -> Result<Deal, BackendError> {
        self.to_deal(r.json()?.need("data")?)
    }

    fn stages(&self) -> HttpRequest {
        HttpRequest::get(routes::PIPELINES)
    }

    fn read_stages(&self, r: &HttpResponse) -> Result<Vec<Stage>, BackendError> {
        r.json()?
            .arr_at("data")?
            .iter()
            .map(|p| Ok(Stage::new(&p.id_at("pipeline_id")?, p.str_at("pipeline_name")?)))
            .collect()
    }
}

impl Writes for Ysuite {
    fn read_error(&self, r: &HttpResponse) -> BackendError {
        let retry = r.retry_after_secs;
        let Some(body) = super::error_object(r) else {
            return super::error_without_body(r);
        };
        // `errors`: each field's messages, in the order the CRM wrote them.
        let errors: Vec<(String, String)> = body["errors"]
            .as_object()
            .unwrap_or_default()
            .iter()
            .filter_map(|(wire, m)| {
                // A list of messages, as documented; a lone message is taken as a list of one.
                let texts: Vec<&str> = match m {
                    Json::Str(one) => vec![one.as_str()],
                    m => m
                        .as_array()
                        .unwrap_or_default()
                        .iter()
                        .filter_map(Json::as_str)
                        .collect(),
                };
                let text = texts.join(" ");
                (!text.trim().is_empty()).then(|| (wire.clone(), text))
            })
            .collect();
        let (fields, unplaced) = place_errors(FIELDS, errors);
        let message = body["message"].as_str().unwrap_or_default();
        let message = if unplaced.is_empty() {
            message.to_owned()
        } else {
            format!("{message} {}", unplaced.join("; "))
        };
        error_for_status(r.status, retry, message.trim().to_owned(), fields)
    }

    fn create(&self, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Post, routes::DEALS, self.body(f))
    }

    fn read_created(&self, r: &HttpResponse) -> Result<Saved, BackendError> {
        Ok(Saved::Id(DealId(r.json()?.need("data")?.id_at("deal_id")?)))
    }

    fn update(&self, id: &DealId, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Put, deal_path(routes::DEAL, id), self.body(f))
    }

    fn read_updated(&self, id: &DealId, r: &HttpResponse) -> Result<Saved, BackendError> {
        r.json()?;
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
        assert_eq!(r.body.unwrap().to_serde(), example);
        let u = ysuite().update(&DealId("7".into()), &f, &[]);
        assert_eq!((u.method, u.path.as_str()), (Method::Put, "/v1/deals/7"));
        assert_eq!(
            u.body.unwrap().to_serde(),
            example,
            "the required fields go on update too"
        );
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
        assert_eq!(message.as_deref(), Some("Validation failed"));
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
        assert_eq!(message.as_deref(), Some("Validation failed tag_ids: bad"));
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
        assert_eq!(ysuite().schema().rule(Field::Stage).unwrap().label(), "Pipeline");
    }
}
