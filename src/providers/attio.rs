//! Attio v2 (`https://api.attio.com`): Bearer token, offset paging without a total (the end is
//! a short page), every attribute an array of historic values of which the current one has
//! `active_until: null`, stages written by title, `Retry-After` as an HTTP date.

use super::http::{HttpRequest, HttpResponse, Method};
use super::{deal_path, error_for_status, wire_money, Capabilities, Provider, Writes};
use crate::backend::BackendError;
use crate::json::Json;
use crate::model::{
    Currency, Cursor, Deal, DealFields, DealId, Field, FieldError, FieldRule, IdFormat, Labels, ListQuery, Page,
    PagingStyle, Schema, SortDir, SortField, Stage,
};

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
}

const SLUGS: &[(&str, Field)] = &[
    ("name", Field::Name),
    ("value", Field::Amount),
    ("stage", Field::Stage),
    ("owner", Field::Owner),
];

/// The Attio dialect.
#[derive(Clone)]
pub struct Attio {
    token: String,
    currency: Currency,
}

impl Attio {
    /// A client with this access token; `currency` for values that name none.
    pub fn new(token: &str, currency: Currency) -> Self {
        Self {
            token: token.to_owned(),
            currency,
        }
    }
}

/// The current value of an attribute: the one of its historic values not yet superseded.
fn current<'a>(values: &'a Json, slug: &str) -> Option<&'a Json> {
    values[slug]
        .as_array()?
        .iter()
        .find(|v| v.as_object().is_some() && v["active_until"].is_null())
}

impl Attio {
    fn to_deal(&self, r: &Json) -> Result<Deal, BackendError> {
        let id = r.need("id")?.str_at("record_id")?;
        let v = &r["values"];
        let amount = match current(v, "value") {
            Some(val) => {
                let currency = val["currency_code"]
                    .as_str()
                    .and_then(|c| Currency::parse(c).ok())
                    .unwrap_or(self.currency);
                wire_money(val["currency_value"].as_number_text(), currency, id)?
            }
            None => None,
        };
        let stage = current(v, "stage").and_then(|s| s["status"]["title"].as_str());
        let owner = current(v, "owner").and_then(|o| o["referenced_actor_id"].as_str());
        Ok(Deal {
            id: DealId(id.to_owned()),
            fields: DealFields {
                name: current(v, "name")
                    .and_then(|n| n["value"].as_str())
                    .unwrap_or_default()
                    .to_owned(),
                amount,
                stage: stage.map(str::to_owned),
                close_date: None,
                probability: None,
                owner: owner.map(str::to_owned),
                company: None,
                description: None,
            },
            labels: Labels::default(),
        })
    }

    fn values(&self, f: &DealFields, clear_absent: bool) -> Json {
        let mut m = Json::obj([("name", f.name.as_str().into())]);
        // Stages are written by title, which is also how this provider identifies them.
        if let Some(s) = &f.stage {
            m.set("stage", s.into());
        }
        match &f.owner {
            // An owner is a workspace member, named by email or by id.
            Some(o) if o.contains('@') => m.set("owner", o.into()),
            Some(o) => m.set(
                "owner",
                Json::Arr(vec![Json::obj([
                    ("referenced_actor_type", "workspace-member".into()),
                    ("referenced_actor_id", o.into()),
                ])]),
            ),
            None => {}
        }
        match f.amount {
            Some(a) => m.set("value", Json::Num(a.to_decimal_string())),
            None if clear_absent => m.set("value", Json::Arr(Vec::new())),
            None => {}
        }
        Json::obj([("data", Json::obj([("values", m)]))])
    }
}

impl Provider for Attio {
    fn name(&self) -> &'static str {
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
        ])
    }

    fn paging(&self) -> PagingStyle {
        PagingStyle::Offset { total: false }
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            search: true,
            sort: vec![SortField::Name, SortField::Amount, SortField::Stage, SortField::Owner],
        }
    }

    fn auth_headers(&self) -> Vec<(&'static str, String)> {
        vec![("Authorization", format!("Bearer {}", self.token))]
    }

    fn list(&self, q: &ListQuery) -> HttpRequest {
        let offset = match q.cursor {
            Cursor::Offset(o) => o,
            _ => 0,
        };
        let mut body = Json::obj([("limit", q.page_size.max(1).into()), ("offset", offset.into())]);
        let search = q.search.trim();
        if !search.is_empty() {
            body.set(
                "filter",
                Json::obj([("name", Json::obj([("$contains", search.into())]))]),
            );
        }
        if let Some(sort) = q.sort {
            let attribute = match sort.field {
                SortField::Name => "name",
                SortField::Amount => "value",
                SortField::Stage => "stage",
                SortField::Owner => "owner",
                SortField::CloseDate => "created_at",
            };
            let direction = if sort.dir == SortDir::Asc { "asc" } else { "desc" };
            body.set(
                "sorts",
                Json::Arr(vec![Json::obj([
                    ("direction", direction.into()),
                    ("attribute", attribute.into()),
                ])]),
            );
        }
        HttpRequest::json(Method::Post, routes::QUERY, body)
    }

    fn read_list(&self, q: &ListQuery, r: &HttpResponse) -> Result<Page, BackendError> {
        let body = r.json()?;
        let offset = match q.cursor {
            Cursor::Offset(o) => o,
            _ => 0,
        };
        let deals = body
            .arr_at("data")?
            .iter()
            .map(|rec| self.to_deal(rec))
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
        self.to_deal(r.json()?.need("data")?)
    }

    fn stages(&self) -> HttpRequest {
        HttpRequest::get(routes::STATUSES)
    }

    fn read_stages(&self, r: &HttpResponse) -> Result<Vec<Stage>, BackendError> {
        let body = r.json()?;
        let mut stages = Vec::new();
        for s in body.arr_at("data")? {
            if !s.opt("is_archived", Json::as_bool, "true/false")?.unwrap_or(false) {
                let title = s.str_at("title")?;
                stages.push(Stage::new(title, title));
            }
        }
        Ok(stages)
    }
}

impl Writes for Attio {
    fn read_error(&self, r: &HttpResponse) -> BackendError {
        // Attio sends Retry-After as an HTTP date; the client turns it into seconds.
        let retry = r.retry_after_secs;
        let Some(body) = super::error_object(r) else {
            return super::error_without_body(r);
        };
        let message = body["message"].as_str().unwrap_or_default().to_owned();
        // Messages name the attribute by slug in quotes: 'attribute with slug "value"'.
        let field = message
            .split('"')
            .skip(1)
            .step_by(2)
            .find_map(|quoted| SLUGS.iter().find(|(s, _)| *s == quoted).map(|(_, f)| *f));
        let fields: Vec<FieldError> = field.map(|f| FieldError::new(f, message.clone())).into_iter().collect();
        let message = if fields.is_empty() { message } else { String::new() };
        error_for_status(r.status, retry, message, fields)
    }

    fn create(&self, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Post, routes::RECORDS, self.values(f, false))
    }

    fn update(&self, id: &DealId, f: &DealFields, _stages: &[Stage]) -> HttpRequest {
        HttpRequest::json(Method::Patch, deal_path(routes::RECORD, id), self.values(f, true))
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
            r.body.unwrap().to_serde(),
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
        let body = attio().update(&DealId("r".into()), &f, &[]).body.unwrap().to_serde();
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
            r.body.unwrap().to_serde(),
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
