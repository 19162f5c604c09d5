//! The REST dialect against the two servers of `config/examples/`: json-server's replies (its
//! README's `db.json` shapes, `X-Total-Count`, `Link`) and PocketBase's (its records API docs'
//! list envelope and validation error), and every mapping style on its own.

use super::*;
use crate::model::{Sort, SortField};
use crate::providers::http::Method;
use serde_json::json;

const JSON_SERVER: &str = include_str!("../../../config/examples/rest-json-server.json");
const POCKETBASE: &str = include_str!("../../../config/examples/rest-pocketbase.json");

/// The `rest` object of a configuration file's text.
fn rest_of(config: &str) -> Value {
    serde_json::from_str::<Value>(config).expect("the example is JSON")["rest"].clone()
}

fn spec(config: &str) -> Spec {
    Spec::read(&rest_of(config)).expect("the example is a valid description")
}

fn eur() -> Currency {
    Currency::parse("EUR").unwrap()
}

fn json_server() -> Rest {
    Rest::new(spec(JSON_SERVER), "", Currency::USD)
}

fn pocketbase() -> Rest {
    Rest::new(spec(POCKETBASE), "tok", eur())
}

/// A description that differs from json-server's example by `change`.
fn changed(change: impl FnOnce(&mut Value)) -> Result<Spec, SpecError> {
    let mut rest = rest_of(JSON_SERVER);
    change(&mut rest);
    Spec::read(&rest)
}

fn refused(change: impl FnOnce(&mut Value)) -> (String, String) {
    let e = changed(change).expect_err("a mistake");
    (e.key, e.message)
}

fn query(cursor: Cursor) -> ListQuery {
    ListQuery {
        search: String::new(),
        sort: None,
        page_size: 2,
        cursor,
    }
}

#[test]
fn both_examples_are_read() {
    let s = spec(JSON_SERVER);
    assert_eq!(
        s.list,
        Route {
            method: Method::Get,
            path: "/deals".into()
        }
    );
    assert_eq!(s.update.method, Method::Patch);
    assert_eq!(
        s.paging,
        Paging::Page {
            page: "_page".into(),
            size: "_limit".into(),
            first: 1
        }
    );
    assert_eq!(s.total, Total::Header("X-Total-Count".into()));
    assert_eq!(s.id_type, IdType::Number);
    assert_eq!(s.fields.len(), 9);
    let p = spec(POCKETBASE);
    assert_eq!(p.total, Total::Pointer("/totalItems".into()));
    assert_eq!(p.items, "/items");
    assert!(p.stages.is_none());
    assert_eq!(
        p.auth,
        Some(spec::Auth {
            header: "Authorization".into(),
            template: "Bearer {token}".into()
        })
    );
}

#[test]
fn a_mistake_is_named_with_its_key_and_what_is_allowed() {
    assert_eq!(
        refused(|r| r["paging"]["kind"] = json!("pages")),
        (
            "rest.paging.kind".into(),
            "must be one of page, offset, cursor or none (it is \"pages\")".into()
        )
    );
    assert_eq!(
        refused(|r| r["pagination"] = json!({})),
        (
            "rest.pagination".into(),
            "is not a setting here; the settings are name, routes, paging, total, items, item, fields, search, sort, stages, auth or errors".into()
        )
    );
    assert_eq!(
        refused(|r| r["paging"]["limit"] = json!("_limit")).0,
        "rest.paging.limit"
    );
    assert_eq!(
        refused(|r| r["routes"]["get"] = json!("GET /deals")).0,
        "rest.routes.get"
    );
    assert_eq!(
        refused(|r| r["routes"]["list"] = json!("FETCH /deals")).1,
        "must start with GET, POST, PUT, PATCH or DELETE (it is “FETCH /deals”)"
    );
    assert_eq!(
        refused(|r| r["routes"]["list"] = json!("GET deals")).0,
        "rest.routes.list"
    );
    assert_eq!(
        refused(|r| r["routes"]
            .as_object_mut()
            .unwrap()
            .remove("delete")
            .map(drop)
            .unwrap_or(()))
        .0,
        "rest.routes.delete"
    );
    assert_eq!(
        refused(|r| r["fields"]["name"] = json!("title")).1,
        "must be a JSON pointer such as \"/id\" (it is “title”)"
    );
    assert_eq!(
        refused(|r| r["fields"]["amount"] = json!({"pointer": "/amount", "unit": "cents"})),
        (
            "rest.fields.amount.unit".into(),
            "must be one of major, minor or object (it is \"cents\")".into()
        )
    );
    assert_eq!(refused(|r| r["fields"]["colour"] = json!("/c")).0, "rest.fields.colour");
    assert_eq!(
        refused(|r| r["fields"]
            .as_object_mut()
            .unwrap()
            .remove("name")
            .map(drop)
            .unwrap_or(()))
        .0,
        "rest.fields.name"
    );
    assert_eq!(refused(|r| r["fields"]["stage"] = json!(3)).0, "rest.fields.stage");
    assert_eq!(refused(|r| r["total"]["kind"] = json!("body")).0, "rest.total.kind");
    assert_eq!(
        refused(|r| r["search"] = json!({"param": "q", "template": "x"})).0,
        "rest.search.template"
    );
    assert_eq!(
        refused(|r| r["sort"]["fields"] = json!(["probability"])).1,
        "must name columns among name, amount, stage, close_date or owner, or a listed custom field's pointer (it has \"probability\")"
    );
    assert_eq!(
        refused(|r| {
            r["sort"]["fields"] = json!(["owner"]);
            r["fields"].as_object_mut().unwrap().remove("owner");
        })
        .1,
        "has \"owner\", which rest.fields does not map"
    );
    assert_eq!(refused(|r| r["sort"]["desc_prefix"] = json!("-")).0, "rest.sort.order");
    assert_eq!(
        refused(|r| r["auth"] = json!({"header": "Authorization", "template": "Bearer"})).0,
        "rest.auth.template"
    );
    assert_eq!(refused(|r| r["paging"]["first"] = json!(2)).0, "rest.paging.first");
    assert_eq!(
        refused(|r| r["paging"] = json!("page")).1,
        "must be an object, not text"
    );
    assert_eq!(refused(|r| r["stages"]["id"] = json!(null)).0, "rest.stages.id");
}

#[test]
fn every_paging_style_asks_in_its_own_words() {
    let page = json_server().list(&query(Cursor::PageIndex(2)));
    assert_eq!(page.path, "/deals?_page=3&_limit=2");
    let zero = changed(|r| r["paging"]["first"] = json!(0)).unwrap();
    let zero = Rest::new(zero, "", Currency::USD).list(&query(Cursor::Start));
    assert_eq!(zero.path, "/deals?_page=0&_limit=2");
    let offset = changed(|r| r["paging"] = json!({"kind": "offset", "offset": "_start", "limit": "_limit"})).unwrap();
    let offset = Rest::new(offset, "", Currency::USD);
    assert_eq!(offset.list(&query(Cursor::Offset(4))).path, "/deals?_start=4&_limit=2");
    assert_eq!(offset.paging(), PagingStyle::Offset { total: true });
    let cursor =
        changed(|r| r["paging"] = json!({"kind": "cursor", "cursor": "after", "size": "limit", "next": "/next"}))
            .unwrap();
    let cursor = Rest::new(cursor, "", Currency::USD);
    assert_eq!(cursor.list(&query(Cursor::Start)).path, "/deals?limit=2");
    assert_eq!(
        cursor.list(&query(Cursor::Token("a b".into()))).path,
        "/deals?after=a%20b&limit=2"
    );
    let none = changed(|r| r["paging"] = json!({"kind": "none"})).unwrap();
    assert_eq!(
        Rest::new(none, "", Currency::USD).list(&query(Cursor::Start)).path,
        "/deals"
    );
}

#[test]
fn a_listed_custom_field_is_sorted_by_its_pointer_where_the_sort_names_it() {
    use crate::model::{CustomField, CustomKind};
    let spec = changed(|r| {
        r["sort"]["fields"] = json!(["name", "/details/seats"]);
    })
    .unwrap();
    let mut seats = CustomField::new("/details/seats", "Seats", CustomKind::Number);
    seats.column = true;
    let tier = CustomField::new("/tier", "Tier", CustomKind::Text);
    let rest = Rest::new(spec, "", Currency::USD).with_custom(vec![tier, seats]);
    assert_eq!(rest.capabilities().sort, vec![SortField::Name, SortField::Custom(1)]);
    let mut q = query(Cursor::Start);
    q.sort = Some(Sort {
        field: SortField::Custom(1),
        dir: SortDir::Desc,
    });
    assert!(
        rest.list(&q).path.ends_with("&_sort=details.seats&_order=desc"),
        "{}",
        rest.list(&q).path
    );
    // One it does not name is not asked for.
    q.sort = Some(Sort {
        field: SortField::Custom(0),
        dir: SortDir::Asc,
    });
    assert!(!rest.list(&q).path.contains("_sort="));
}

#[test]
fn search_and_sort_are_written_as_each_api_wants() {
    let mut q = query(Cursor::Start);
    q.search = " it's ".into();
    q.sort = Some(Sort {
        field: SortField::CloseDate,
        dir: SortDir::Desc,
    });
    assert_eq!(
        json_server().list(&q).path,
        "/deals?_page=1&_limit=2&q=it%27s&_sort=closeDate&_order=desc"
    );
    assert_eq!(
        pocketbase().list(&q).path,
        "/records?page=1&perPage=2&filter=title~%27it%5C%27s%27&sort=-close_date"
    );
    q.sort = Some(Sort {
        field: SortField::Amount,
        dir: SortDir::Asc,
    });
    assert!(pocketbase().list(&q).path.ends_with("&sort=amount"));
    // A column the API does not sort by is not asked for.
    q.sort = Some(Sort {
        field: SortField::Owner,
        dir: SortDir::Asc,
    });
    assert!(!pocketbase().list(&q).path.contains("sort="));
    assert_eq!(
        pocketbase().capabilities(),
        Capabilities {
            search: true,
            sort: vec![SortField::Name, SortField::Amount, SortField::CloseDate]
        }
    );
    let plain = changed(|r| {
        r.as_object_mut().unwrap().remove("search");
        r.as_object_mut().unwrap().remove("sort");
    })
    .unwrap();
    assert_eq!(
        Rest::new(plain, "", Currency::USD).capabilities(),
        Capabilities {
            search: false,
            sort: vec![]
        }
    );
}

/// json-server's answer to `GET /deals?_page=…&_limit=2`: the array, the count in a header.
fn json_server_page(ids: &[u64], total: u64) -> HttpResponse {
    let deals: Vec<Value> = ids
        .iter()
        .map(|id| json!({"id": id, "title": format!("Deal {id}"), "amount": 1200.5, "currency": "EUR", "stage": "won", "closeDate": "2026-12-31", "probability": 40, "owner": "ana", "company": "Acme", "notes": "n"}))
        .collect();
    HttpResponse::new(200, Value::Array(deals).to_string()).with_header("X-Total-Count", &total.to_string())
}

#[test]
fn json_server_pages_by_number_with_the_total_in_a_header() {
    let page = json_server()
        .read_list(&query(Cursor::Start), &json_server_page(&[1, 2], 5))
        .unwrap();
    assert_eq!(page.total, Some(5));
    assert_eq!(page.next, Some(Cursor::PageIndex(1)));
    let d = &page.deals[0];
    assert_eq!(d.id, DealId("1".into()));
    assert_eq!(d.fields.name, "Deal 1");
    assert_eq!(
        d.fields.amount,
        Some(Money::new(120_050, Currency::parse("EUR").unwrap()))
    );
    assert_eq!(d.fields.close_date, Date::parse_iso("2026-12-31").ok());
    assert_eq!(d.fields.probability, Some(40));
    assert_eq!(d.fields.description.as_deref(), Some("n"));
    let last = json_server()
        .read_list(&query(Cursor::PageIndex(2)), &json_server_page(&[5], 5))
        .unwrap();
    assert_eq!(last.next, None);
}

#[test]
fn without_a_total_a_full_page_may_have_more_and_a_short_one_is_the_last() {
    let unknown = Rest::new(
        changed(|r| r["total"] = json!({"kind": "unknown"})).unwrap(),
        "",
        Currency::USD,
    );
    let full = unknown
        .read_list(&query(Cursor::Start), &json_server_page(&[1, 2], 0))
        .unwrap();
    assert_eq!((full.total, full.next), (None, Some(Cursor::PageIndex(1))));
    let short = unknown
        .read_list(&query(Cursor::PageIndex(1)), &json_server_page(&[3], 0))
        .unwrap();
    assert_eq!(short.next, None);
}

#[test]
fn offsets_content_range_and_no_paging_read_their_totals() {
    let offset = Rest::new(
        changed(|r| {
            r["paging"] = json!({"kind": "offset", "offset": "_start", "limit": "_limit"});
            r["total"] = json!({"kind": "content-range"});
        })
        .unwrap(),
        "",
        Currency::USD,
    );
    let r = HttpResponse::new(200, json_server_page(&[3, 4], 0).body).with_header("Content-Range", "items 2-3/7");
    let page = offset.read_list(&query(Cursor::Offset(2)), &r).unwrap();
    assert_eq!((page.total, page.next), (Some(7), Some(Cursor::Offset(4))));
    assert_eq!(content_range_total("items 0-24/*"), None);
    let none = Rest::new(
        changed(|r| r["paging"] = json!({"kind": "none"})).unwrap(),
        "",
        Currency::USD,
    );
    let all = none
        .read_list(&query(Cursor::Start), &json_server_page(&[1, 2, 3], 3))
        .unwrap();
    assert_eq!((all.deals.len(), all.total, all.next), (3, Some(3), None));
}

#[test]
fn cursors_come_from_a_pointer_or_the_link_header() {
    let at_pointer = Rest::new(
        changed(|r| {
            r["paging"] = json!({"kind": "cursor", "cursor": "after", "next": "/meta/next"});
            r["items"] = json!("/data");
            r["total"] = json!({"kind": "unknown"});
        })
        .unwrap(),
        "",
        Currency::USD,
    );
    let body = |next: Value| {
        HttpResponse::new(
            200,
            json!({"data": [{"id": 1, "title": "A"}], "meta": {"next": next}}).to_string(),
        )
    };
    let page = at_pointer.read_list(&query(Cursor::Start), &body(json!("c2"))).unwrap();
    assert_eq!(page.next, Some(Cursor::Token("c2".into())));
    assert_eq!(
        at_pointer
            .read_list(&query(Cursor::Start), &body(Value::Null))
            .unwrap()
            .next,
        None
    );
    let next_of = |next: Value| at_pointer.read_list(&query(Cursor::Start), &body(next)).unwrap().next;
    assert_eq!(next_of(json!("")), None);
    assert_eq!(next_of(json!(17)), Some(Cursor::Token("17".into())));
    assert!(at_pointer.read_list(&query(Cursor::Start), &body(json!([1]))).is_err());

    // json-server's `Link`, with `_page` read as the cursor.
    let by_link = Rest::new(
        changed(|r| r["paging"] = json!({"kind": "cursor", "cursor": "_page", "size": "_limit", "next": "link"}))
            .unwrap(),
        "",
        Currency::USD,
    );
    let link = r#"<http://127.0.0.1:3000/deals?_page=1&_limit=2>; rel="first", <http://127.0.0.1:3000/deals?_page=2&_limit=2>; rel="next", <http://127.0.0.1:3000/deals?_page=3&_limit=2>; rel="last""#;
    let r = json_server_page(&[1, 2], 5).with_header("Link", link);
    let page = by_link.read_list(&query(Cursor::Start), &r).unwrap();
    assert_eq!(page.next, Some(Cursor::Token("2".into())));
    assert_eq!(
        by_link.list(&query(Cursor::Token("2".into()))).path,
        "/deals?_page=2&_limit=2"
    );
    let last = json_server_page(&[5], 5).with_header("Link", r#"<http://x/deals?_page=1>; rel="first""#);
    assert_eq!(by_link.read_list(&query(Cursor::Start), &last).unwrap().next, None);
    assert_eq!(query_param("http://x/d?a=1&b=x%2By+z#f", "b").as_deref(), Some("x+y z"));
}

#[test]
fn pocketbase_pages_with_its_envelope() {
    // The records list as PocketBase's API docs show it, with a deal's fields.
    let body = json!({
        "page": 1, "perPage": 2, "totalItems": 3, "totalPages": 2,
        "items": [
            {"id": "ae40239d2bc4477", "collectionId": "a98f514eb05f454", "collectionName": "deals",
             "updated": "2022-06-25 11:03:50.052", "created": "2022-06-25 11:03:35.163",
             "title": "Acme renewal", "amount": 0, "currency": "", "stage": "", "close_date": "2026-12-31 00:00:00.000Z",
             "owner": "", "company": "", "notes": ""},
            {"id": "d08dfc4f4d84419", "title": "Globex", "amount": 99.99, "currency": "USD", "stage": "won",
             "close_date": "", "owner": "ana", "company": "Globex", "notes": "x"}
        ]
    });
    let page = pocketbase()
        .read_list(&query(Cursor::Start), &HttpResponse::new(200, body.to_string()))
        .unwrap();
    assert_eq!((page.total, page.next.clone()), (Some(3), Some(Cursor::PageIndex(1))));
    let first = &page.deals[0].fields;
    // PocketBase writes empty text where nothing was set: absent, not "".
    assert_eq!(
        (first.stage.clone(), first.owner.clone(), first.description.clone()),
        (None, None, None)
    );
    assert_eq!(first.close_date, Date::parse_iso("2026-12-31").ok());
    // No currency: the configuration's.
    assert_eq!(first.amount, Some(Money::new(0, eur())));
    assert_eq!(page.deals[1].fields.amount, Some(Money::new(9999, Currency::USD)));
    assert_eq!(page.deals[1].fields.close_date, None);
}

#[test]
fn amounts_dates_and_ids_are_read_in_every_style() {
    let styled = Rest::new(
        changed(|r| {
            r["fields"] = json!({
                "id": "/key",
                "name": "/deal/title",
                "amount": {"pointer": "/deal/value", "unit": "object"},
                "close_date": {"pointer": "/closes", "format": "epoch_ms"},
                "owner": {"pointer": "/owner_id", "type": "number"}
            });
            r["sort"] = json!(null);
        })
        .unwrap(),
        "",
        Currency::USD,
    );
    let r = |deal: Value| HttpResponse::new(200, deal.to_string());
    let d = styled
        .read_deal(&r(json!({"key": "k1", "deal": {"title": "T", "value": {"value": "12.5", "currency": "JPY"}}, "closes": 1798675200000u64, "owner_id": 42})))
        .unwrap();
    assert_eq!(d.fields.amount, Some(Money::new(13, Currency::parse("JPY").unwrap())));
    assert_eq!(d.fields.close_date, Date::parse_iso("2026-12-31").ok());
    assert_eq!(d.fields.owner.as_deref(), Some("42"));
    assert!(styled.schema().has(Field::Currency));
    assert_eq!(
        styled.schema().rule(Field::Owner).unwrap().format,
        Some(IdFormat::Integer)
    );

    let minor = Rest::new(
        changed(|r| r["fields"]["amount"] = json!({"pointer": "/amount", "unit": "minor"})).unwrap(),
        "",
        Currency::USD,
    );
    let d = minor
        .read_deal(&r(json!({"id": 7, "title": "M", "amount": 120050})))
        .unwrap();
    assert_eq!(d.fields.amount, Some(Money::new(120_050, Currency::USD)));
    let e = minor
        .read_deal(&r(json!({"id": 7, "title": "M", "amount": 1.5})))
        .unwrap_err();
    assert_eq!(
        e,
        BackendError::Malformed("deal 7 has 1.5 at /amount, where a whole number of minor units belongs".into())
    );

    let rfc = Rest::new(
        changed(|r| r["fields"]["close_date"] = json!({"pointer": "/closeDate", "format": "rfc3339"})).unwrap(),
        "",
        Currency::USD,
    );
    let d = rfc
        .read_deal(&r(
            json!({"id": 7, "title": "R", "closeDate": "2026-03-01T09:30:00+01:00"}),
        ))
        .unwrap();
    assert_eq!(d.fields.close_date, Date::parse_iso("2026-03-01").ok());
}

#[test]
fn a_reply_that_breaks_the_description_says_where() {
    let r = |deal: Value| HttpResponse::new(200, deal.to_string());
    let api = json_server();
    assert_eq!(
        api.read_deal(&r(json!({"title": "no id"}))).unwrap_err(),
        BackendError::Malformed("a deal without an id at /id".into())
    );
    assert_eq!(
        api.read_deal(&r(json!({"id": 9007199254740993u64, "title": "big"})))
            .unwrap_err(),
        BackendError::Malformed("a deal's id at /id is beyond 2^53 and cannot be kept exactly".into())
    );
    assert_eq!(
        api.read_deal(&r(json!({"id": 1}))).unwrap_err(),
        BackendError::Malformed("deal 1 has no name at /title".into())
    );
    assert_eq!(
        api.read_deal(&r(json!({"id": 1, "title": "x", "amount": "lots"})))
            .unwrap_err(),
        BackendError::Malformed("deal 1 has “lots” at /amount, where an amount in major units belongs".into())
    );
    assert_eq!(
        api.read_deal(&r(json!({"id": 1, "title": "x", "currency": "euro"})))
            .unwrap_err(),
        BackendError::Malformed("deal 1 has the currency “euro” at /currency, which is not a three-letter code".into())
    );
    assert_eq!(
        api.read_deal(&r(json!({"id": 1, "title": "x", "probability": 140})))
            .unwrap_err(),
        BackendError::Malformed("deal 1 has 140 at /probability, where a number from 0 to 100 belongs".into())
    );
    assert_eq!(
        pocketbase()
            .read_list(&query(Cursor::Start), &r(json!({"items": {}})))
            .unwrap_err(),
        BackendError::Malformed("a list reply whose /items is not a list".into())
    );
    assert_eq!(
        pocketbase()
            .read_list(&query(Cursor::Start), &r(json!({"items": []})))
            .unwrap_err(),
        BackendError::Malformed("a list reply without a count at /totalItems".into())
    );
}

#[test]
fn writes_put_each_field_at_its_pointer() {
    let fields = DealFields {
        name: "Acme".into(),
        amount: Some(Money::new(120_050, Currency::parse("EUR").unwrap())),
        stage: Some("won".into()),
        close_date: Date::parse_iso("2026-12-31").ok(),
        probability: Some(40),
        owner: None,
        company: Some("Acme Inc".into()),
        description: None,
        custom: Default::default(),
    };
    let create = json_server().create(&fields, &[]);
    assert_eq!((create.method, create.path.as_str()), (Method::Post, "/deals"));
    assert_eq!(
        create.body_json(),
        json!({"title": "Acme", "amount": 1200.5, "currency": "EUR", "stage": "won", "closeDate": "2026-12-31", "probability": 40, "company": "Acme Inc"})
    );
    let update = json_server().update(&DealId("7".into()), &fields, &[]);
    assert_eq!((update.method, update.path.as_str()), (Method::Patch, "/deals/7"));
    assert_eq!(update.body_json()["owner"], Value::Null);
    assert_eq!(update.body_json()["notes"], Value::Null);
    let delete = json_server().delete(&DealId("a/b".into()));
    assert_eq!(
        (delete.method, delete.path.as_str(), delete.body),
        (Method::Delete, "/deals/a%2Fb", None)
    );

    let nested = Rest::new(
        changed(|r| {
            r["fields"] = json!({
                "id": "/id",
                "name": "/deal/name",
                "amount": {"pointer": "/deal/value", "unit": "object"},
                "close_date": {"pointer": "/closes", "format": "epoch_ms"},
                "owner": {"pointer": "/owner_id", "type": "number"},
                "stage": {"pointer": "/stage", "type": "number"}
            });
            r["sort"] = json!(null);
        })
        .unwrap(),
        "",
        Currency::USD,
    );
    let body = nested
        .create(
            &DealFields {
                owner: Some("42".into()),
                stage: Some("s1".into()),
                ..fields.clone()
            },
            &[],
        )
        .body_json();
    assert_eq!(
        body,
        json!({"deal": {"name": "Acme", "value": {"value": 1200.5, "currency": "EUR"}}, "closes": 1798675200000u64, "owner_id": 42, "stage": "s1"})
    );
}

#[test]
fn the_credential_goes_in_the_configured_header_only() {
    assert_eq!(
        pocketbase().auth_headers(),
        vec![("Authorization", "Bearer tok".to_owned())]
    );
    assert!(json_server().auth_headers().is_empty());
    let r = pocketbase().list(&query(Cursor::Start));
    assert!(!r.path.contains("tok"));
}

#[test]
fn pocketbase_validation_errors_land_at_their_fields() {
    // As PocketBase's docs show a failed create, for two of the deal's fields.
    let body = json!({
        "status": 400,
        "message": "Failed to create record.",
        "data": {
            "title": {"code": "validation_required", "message": "Cannot be blank."},
            "amount": {"code": "validation_min_number_constraint", "message": "Must be greater or equal than 0."},
            "extra": {"code": "x", "message": "Unknown."}
        }
    });
    let e = pocketbase().read_error(&HttpResponse::new(400, body.to_string()));
    assert_eq!(
        e,
        BackendError::Fields {
            errors: vec![
                crate::model::FieldError::new(Field::Name, "Cannot be blank.".to_owned()),
                crate::model::FieldError::new(Field::Amount, "Must be greater or equal than 0.".to_owned()),
            ],
            message: Some("Failed to create record. (extra: Unknown.)".into()),
        }
    );
}

#[test]
fn a_list_of_field_errors_and_other_statuses_are_read_too() {
    let listed = Rest::new(
        changed(|r| r["errors"] = json!({"message": "/error/message", "fields": "/error/details"})).unwrap(),
        "",
        Currency::USD,
    );
    let body = json!({"error": {"message": "Invalid deal", "details": [
        {"field": "closeDate", "message": "must be in the future"},
        {"path": ["title"], "message": ["too long", "bad"]}
    ]}});
    let e = listed.read_error(&HttpResponse::new(422, body.to_string()));
    assert_eq!(
        e,
        BackendError::Fields {
            errors: vec![
                crate::model::FieldError::new(Field::Name, "too long".to_owned()),
                crate::model::FieldError::new(Field::CloseDate, "must be in the future".to_owned()),
            ],
            message: Some("Invalid deal".into()),
        }
    );
    let limited = HttpResponse {
        retry_after_secs: Some(3),
        ..HttpResponse::new(429, "{}")
    };
    assert_eq!(
        listed.read_error(&limited),
        BackendError::RateLimited {
            retry_after_secs: Some(3)
        }
    );
    assert_eq!(listed.read_error(&HttpResponse::new(404, "{}")), BackendError::NotFound);
    // json-server's 404 for a deal gone: `{}`.
    assert_eq!(
        json_server().read_error(&HttpResponse::new(404, "{}")),
        BackendError::NotFound
    );
    let html = listed.read_error(&HttpResponse::new(502, "<html>Bad gateway</html>"));
    assert!(html.to_string().contains("HTML page"), "{html}");
}

#[test]
fn saved_deals_are_read_back_or_re_read_by_id() {
    let echo = HttpResponse::new(201, json!({"id": 12, "title": "Acme"}).to_string());
    match json_server().read_created(&echo).unwrap() {
        super::super::Saved::Deal(d) => assert_eq!(d.id, DealId("12".into())),
        other => panic!("{other:?}"),
    }
    // An answer with the id alone: the deal is read again.
    let id_only = HttpResponse::new(201, json!({"id": 12}).to_string());
    assert_eq!(
        json_server().read_created(&id_only).unwrap(),
        super::super::Saved::Id(DealId("12".into()))
    );
    assert_eq!(
        json_server()
            .read_updated(&DealId("12".into()), &HttpResponse::new(204, ""))
            .unwrap(),
        super::super::Saved::Id(DealId("12".into()))
    );
}

#[test]
fn stages_are_read_where_the_api_lists_them() {
    let r = HttpResponse::new(
        200,
        json!([{"id": 1, "name": "Lead"}, {"id": "won", "name": ""}]).to_string(),
    );
    assert_eq!(
        json_server().read_stages(&r).unwrap(),
        vec![Stage::new("1", "Lead"), Stage::new("won", "won")]
    );
    assert_eq!(json_server().stages().map(|r| r.path), Some("/stages".to_owned()));
    assert_eq!(pocketbase().stages(), None);
}

#[test]
fn a_create_sent_nowhere_points_at_the_description() {
    let e = super::super::create_not_found(
        BackendError::NotFound,
        json_server().name(),
        "http://x/dealz",
        json_server().create_route_key(),
    );
    assert!(
        e.to_string()
            .contains("Check base_url, and rest.routes.create if it is set"),
        "{e}"
    );
}

#[test]
fn a_save_the_api_answered_without_the_deal_is_not_called_a_failure() {
    // json-server's Location, with a body that holds no deal.
    let located = HttpResponse::new(201, r#"{"ok": true}"#).with_header("Location", "http://127.0.0.1:3000/deals/41");
    assert_eq!(
        json_server().read_created(&located).unwrap(),
        super::super::Saved::Id(DealId("41".into()))
    );
    let silent = HttpResponse::new(201, "");
    assert!(json_server().read_created(&silent).is_err());
    // An update's 2xx: done, whatever the body; the deal is read again.
    for body in ["", "{}", r#"{"ok": true}"#, "<p>done</p>"] {
        assert_eq!(
            json_server()
                .read_updated(&DealId("3".into()), &HttpResponse::new(200, body))
                .unwrap(),
            super::super::Saved::Id(DealId("3".into())),
            "{body}"
        );
    }
}

#[test]
fn an_amount_object_that_is_no_object_is_an_error_not_an_empty_amount() {
    let object = Rest::new(
        changed(|r| {
            r["fields"]["amount"] = json!({"pointer": "/amount", "unit": "object"});
            r["fields"].as_object_mut().unwrap().remove("currency");
        })
        .unwrap(),
        "",
        Currency::USD,
    );
    let e = object
        .read_deal(&HttpResponse::new(
            200,
            json!({"id": 1, "title": "x", "amount": 1200}).to_string(),
        ))
        .unwrap_err();
    assert!(e.to_string().contains("an object {value, currency}"), "{e}");
}

#[test]
fn a_date_beyond_any_calendar_is_an_error_not_an_overflow() {
    let epoch = Rest::new(
        changed(|r| r["fields"]["close_date"] = json!({"pointer": "/closes", "format": "epoch_ms"})).unwrap(),
        "",
        Currency::USD,
    );
    for huge in [json!(1e300), json!(-1e300), json!(9.2e18)] {
        let r = HttpResponse::new(200, json!({"id": 1, "title": "x", "closes": huge}).to_string());
        assert!(epoch.read_deal(&r).is_err(), "{huge}");
    }
}

#[test]
fn a_header_name_is_checked_as_one() {
    assert_eq!(
        refused(|r| r["auth"] = json!({"header": "X-Key[]", "template": "{token}"})).0,
        "rest.auth.header"
    );
}

#[test]
fn routes_and_pointers_that_would_misbehave_are_refused() {
    assert_eq!(
        refused(|r| r["routes"]["create"] = json!("POST /deals/{id}")),
        (
            "rest.routes.create".into(),
            "must not contain {id}: it names no one deal".into()
        )
    );
    assert_eq!(
        refused(|r| r["routes"]["list"] = json!("GET /deals/{id}")).0,
        "rest.routes.list"
    );
    assert_eq!(
        refused(|r| {
            r["fields"]["description"] = json!("/deal");
            r["fields"]["name"] = json!("/deal/name");
        }),
        (
            "rest.fields.name".into(),
            "must not be inside description's member (/deal)".into()
        )
    );
    assert_eq!(
        refused(|r| r["fields"]["owner"] = json!("/company")).0,
        "rest.fields.owner"
    );
    // Siblings that share a prefix of letters are not nested.
    assert!(changed(|r| {
        r["fields"]["owner"] = json!("/own");
        r["fields"]["company"] = json!("/owner");
    })
    .is_ok());
}

#[test]
fn custom_fields_are_read_and_written_at_their_pointers_and_their_errors_placed() {
    use crate::model::{CustomField, CustomKind, CustomValue};
    let pb = pocketbase().with_custom(vec![
        CustomField::new("/seats", "Seats", CustomKind::Number),
        CustomField::new("/extra/tier", "Tier", CustomKind::Text),
    ]);
    let deal = json!({"id": "r1", "title": "Acme", "seats": 12, "extra": {"tier": "gold"}});
    let d = pb.read_deal(&HttpResponse::new(200, deal.to_string())).unwrap();
    assert_eq!(d.fields.custom.get("/seats"), Some(&CustomValue::Number(12.0)));
    assert_eq!(
        d.fields.custom.get("/extra/tier"),
        Some(&CustomValue::Text("gold".into()))
    );
    let mut f = d.fields.clone();
    f.custom.remove("/extra/tier");
    let body = pb.update(&DealId("r1".into()), &f, &[]).body_json();
    assert_eq!(
        (body["seats"].clone(), body["extra"]["tier"].clone()),
        (json!(12), json!(null))
    );
    assert!(pb.create(&f, &[]).body_json().get("extra").is_none());
    let refused = json!({"status": 400, "message": "Failed to update record.",
        "data": {"seats": {"code": "validation_max_number_constraint", "message": "Must be less than 500."}}});
    assert_eq!(
        pb.read_error(&HttpResponse::new(400, refused.to_string())),
        BackendError::Fields {
            errors: vec![crate::model::FieldError::new(
                Field::Custom(0),
                "Must be less than 500.".to_owned()
            )],
            message: Some("Failed to update record.".into()),
        }
    );
}
