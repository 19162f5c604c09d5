//! Property tests over every provider: what the app writes comes back unchanged when the CRM
//! answers with it, and no reply, however broken, panics a decoder.

use super::http::HttpResponse;
use super::{Saved, Writes};
use crate::model::{Currency, Cursor, Date, DealFields, DealId, Field, ListQuery, Money, Schema, Stage};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn providers() -> Vec<(&'static str, Box<dyn Writes>)> {
    vec![
        ("stardex", Box::new(super::stardex::Stardex::new("t", Currency::USD))),
        ("hubspot", Box::new(super::hubspot::Hubspot::new("t", Currency::USD))),
        ("ysuite", Box::new(super::ysuite::Ysuite::new("a", "s", Currency::USD))),
        ("attio", Box::new(super::attio::Attio::new("t", Currency::USD))),
        ("heffl", Box::new(super::heffl::Heffl::new("k", Currency::USD))),
        ("rest", Box::new(rest(REST_FLAT))),
        ("rest-nested", Box::new(rest(REST_NESTED))),
    ]
}

/// json-server's example description: flat members, amounts in major units beside a currency.
const REST_FLAT: &str = include_str!("../../config/examples/rest-json-server.json");

/// Every other style: nested pointers, `{value, currency}` amounts, epoch-millisecond dates,
/// numeric owner ids.
const REST_NESTED: &str = r#"{"rest": {
    "routes": {"list": "GET /d", "get": "GET /d/{id}", "create": "POST /d", "update": "PUT /d/{id}", "delete": "DELETE /d/{id}"},
    "paging": {"kind": "offset", "offset": "o", "limit": "l"},
    "items": "/data/deals", "item": "/data",
    "fields": {"id": "/id", "name": "/deal/name", "amount": {"pointer": "/deal/value", "unit": "object"},
               "stage": "/deal/stage", "close_date": {"pointer": "/closes", "format": "epoch_ms"},
               "probability": "/p", "owner": {"pointer": "/owner/id", "type": "number"}, "company": "/company",
               "description": "/notes/text"}
}}"#;

fn rest(config: &str) -> super::rest::Rest {
    let rest = &serde_json::from_str::<Value>(config).expect("JSON")["rest"];
    super::rest::Rest::new(
        super::rest::Spec::read(rest).expect("a valid description"),
        "",
        Currency::USD,
    )
}

/// What each CRM answers to a create, built from the request it received, in the shape its
/// docs show for the response: the round trip the app relies on.
fn echo(vendor: &str, request: &Value) -> Value {
    match vendor {
        "stardex" => {
            let mut data = request.clone();
            data["id"] = json!("aaa11111-bbbb-cccc-dddd-eeeeeeee1111");
            json!({"success": true, "data": data})
        }
        "hubspot" => {
            let mut props = Map::new();
            for p in request["properties"].as_array().into_iter().flatten() {
                if let Some(name) = p["name"].as_str() {
                    props.insert(
                        name.to_owned(),
                        json!({"value": p["value"], "timestamp": 0, "source": "API", "versions": []}),
                    );
                }
            }
            json!({"portalId": 1, "dealId": 42, "isDeleted": false, "associations": request["associations"], "properties": props})
        }
        "ysuite" => {
            let mut data = request.clone();
            data["deal_id"] = json!(7);
            json!({"success": true, "data": data})
        }
        "attio" => {
            let v = &request["data"]["values"];
            let current = |mut extra: Value| {
                extra["active_until"] = Value::Null;
                extra["active_from"] = json!("2023-01-01T15:00:00.000000000Z");
                extra
            };
            let mut values = Map::new();
            values.insert("name".into(), json!([current(json!({"value": v["name"]}))]));
            if let Some(s) = v["stage"].as_str() {
                values.insert("stage".into(), json!([current(json!({"status": {"title": s}}))]));
            }
            if let Some(o) = v["owner"].as_array().and_then(|a| a.first()) {
                values.insert("owner".into(), json!([current(json!({"referenced_actor_type": "workspace-member", "referenced_actor_id": o["referenced_actor_id"]}))]));
            }
            if let Some(c) = v["associated_company"]["target_record_id"].as_str() {
                values.insert(
                    "associated_company".into(),
                    json!([current(json!({"target_object": "companies", "target_record_id": c}))]),
                );
            }
            if let Some(n) = v["value"].as_f64() {
                values.insert(
                    "value".into(),
                    json!([current(json!({"currency_value": n, "currency_code": "USD"}))]),
                );
            }
            json!({"data": {"id": {"workspace_id": "w", "object_id": "o", "record_id": "r"}, "values": values}})
        }
        "rest" => {
            let mut data = request.clone();
            data["id"] = json!(7);
            data
        }
        "rest-nested" => {
            let mut data = request.clone();
            data["id"] = json!("n-7");
            json!({ "data": data })
        }
        _ => {
            let mut data = request.clone();
            data["id"] = json!("dl_1");
            data["number"] = json!("D-1");
            data["contactEmails"] = json!([]);
            data
        }
    }
}

fn text(re: &'static str) -> impl Strategy<Value = String> {
    proptest::string::string_regex(re).expect("a valid regex")
}

fn id_for(vendor: &'static str, field: Field) -> BoxedStrategy<String> {
    match (vendor, field) {
        ("stardex", _) => text("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").boxed(),
        ("hubspot", Field::Stage) => text("[a-z]{3,12}").boxed(),
        ("hubspot", _) | ("ysuite", _) => (1u64..1_000_000_000).prop_map(|n| n.to_string()).boxed(),
        ("attio", Field::Stage) => text("[A-Z][a-z]{2,10}( [a-z]{2,6})?").boxed(),
        ("attio", _) => text("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").boxed(),
        ("heffl", Field::Stage) => text("dps_[a-z0-9]{1,8}").boxed(),
        ("heffl", Field::Owner) => text("usr_[a-z0-9]{1,8}").boxed(),
        ("rest-nested", Field::Owner) => (1u64..1_000_000_000).prop_map(|n| n.to_string()).boxed(),
        ("rest" | "rest-nested", _) => text("[A-Za-z0-9 _-]{1,20}")
            .prop_filter("not blank", |s| !s.trim().is_empty())
            .boxed(),
        _ => text("clt_[a-z0-9]{1,8}").boxed(),
    }
}

/// Deal fields holding a value for every field the vendor's schema has, in its formats.
fn fields_for(vendor: &'static str, schema: &Schema) -> impl Strategy<Value = DealFields> {
    let has = |f| schema.has(f);
    let (amount, currency, date, prob, desc, owner, company) = (
        has(Field::Amount),
        has(Field::Currency),
        has(Field::CloseDate),
        has(Field::Probability),
        has(Field::Description),
        has(Field::Owner),
        has(Field::Company),
    );
    let currencies = if currency {
        vec!["USD", "EUR", "JPY", "KWD"]
    } else {
        vec!["USD"]
    };
    (
        text("[A-Za-zÀ-ÿ0-9 '&.,—<>-]{1,40}").prop_filter("names are not blank", |s| !s.trim().is_empty()),
        proptest::option::of((0i64..100_000_000_000, proptest::sample::select(currencies))),
        proptest::option::of(-25_000i64..80_000),
        proptest::option::of(0u8..=100),
        proptest::option::of(text("[a-z ]{1,30}")),
        id_for(vendor, Field::Stage),
        proptest::option::of(id_for(vendor, Field::Owner)),
        proptest::option::of(id_for(vendor, Field::Company)),
    )
        .prop_map(move |(name, money, days, p, d, stage, o, c)| DealFields {
            name: name.trim().to_owned(),
            amount: money
                .filter(|_| amount)
                .map(|(minor, cur)| Money::new(minor, Currency::parse(cur).unwrap_or(Currency::USD))),
            stage: Some(stage),
            close_date: days.filter(|_| date).and_then(|d| Date::from_epoch_days(d).ok()),
            probability: p.filter(|_| prob),
            owner: o.filter(|_| owner),
            company: c.filter(|_| company),
            description: d.filter(|_| desc),
            custom: Default::default(),
        })
}

fn round_trip(vendor: &'static str, fields: &DealFields) -> Result<(), TestCaseError> {
    let provider = providers()
        .into_iter()
        .find(|(v, _)| *v == vendor)
        .map(|(_, p)| p)
        .expect("a known vendor");
    let pipeline = if vendor == "heffl" { "dpl_1" } else { "1" };
    let stages = vec![Stage {
        pipeline: Some(pipeline.into()),
        ..Stage::new(fields.stage.as_deref().unwrap_or(""), "S")
    }];
    let request = provider.create(fields, &stages).body_json();
    let answer = HttpResponse::new(200, echo(vendor, &request).to_string());
    let deal = match provider.read_created(&answer) {
        Ok(Saved::Deal(d)) => *d,
        Ok(Saved::Id(_)) => provider
            .read_deal(&answer)
            .map_err(|e| TestCaseError::fail(e.to_string()))?,
        Err(e) => return Err(TestCaseError::fail(format!("{e} for {request}"))),
    };
    prop_assert_eq!(&deal.fields, fields, "round trip of {}", request);
    Ok(())
}

fn schema_of(vendor: &'static str) -> Schema {
    providers()
        .into_iter()
        .find(|(v, _)| *v == vendor)
        .map(|(_, p)| p.schema())
        .expect("a known vendor")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn stardex_keeps_every_field_it_supports(f in fields_for("stardex", &schema_of("stardex"))) {
        round_trip("stardex", &f)?;
    }

    #[test]
    fn hubspot_keeps_every_field_it_supports(f in fields_for("hubspot", &schema_of("hubspot"))) {
        round_trip("hubspot", &f)?;
    }

    #[test]
    fn ysuite_keeps_every_field_it_supports(f in fields_for("ysuite", &schema_of("ysuite"))) {
        round_trip("ysuite", &f)?;
    }

    #[test]
    fn attio_keeps_every_field_it_supports(f in fields_for("attio", &schema_of("attio"))) {
        round_trip("attio", &f)?;
    }

    #[test]
    fn heffl_keeps_every_field_it_supports(f in fields_for("heffl", &schema_of("heffl"))) {
        round_trip("heffl", &f)?;
    }

    #[test]
    fn a_rest_api_keeps_every_field_it_maps(f in fields_for("rest", &schema_of("rest"))) {
        round_trip("rest", &f)?;
    }

    #[test]
    fn a_nested_rest_api_keeps_every_field_it_maps(f in fields_for("rest-nested", &schema_of("rest-nested"))) {
        round_trip("rest-nested", &f)?;
    }

    #[test]
    fn no_reply_panics_a_decoder(body in any::<Vec<u8>>(), status in 100u16..600, retry in proptest::option::of(0u64..1000)) {
        let body = String::from_utf8_lossy(&body).into_owned();
        let r = HttpResponse { status, retry_after_secs: retry, body, headers: Vec::new() };
        let q = ListQuery { search: String::new(), sort: None, page_size: 10, cursor: Cursor::Start };
        for (_, p) in providers() {
            let _ = p.read_list(&q, &r);
            let _ = p.read_deal(&r);
            let _ = p.read_created(&r);
            let _ = p.read_updated(&DealId("1".into()), &r);
            let _ = p.read_stages(&r);
            let _ = p.read_error(&r);
        }
    }

    #[test]
    fn json_shaped_garbage_is_a_typed_error_not_a_panic(v in json_value()) {
        let r = HttpResponse::new(200, v.to_string());
        let q = ListQuery { search: String::new(), sort: None, page_size: 10, cursor: Cursor::Offset(3) };
        for (_, p) in providers() {
            let _ = p.read_list(&q, &r);
            let _ = p.read_deal(&r);
            let _ = p.read_stages(&r);
            let _ = p.read_error(&HttpResponse::new(400, v.to_string()));
        }
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        any::<i64>().prop_map(|i| json!(i)),
        text("[a-z_]{0,12}").prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                proptest::sample::select(vec![
                    "data",
                    "deals",
                    "success",
                    "meta",
                    "total",
                    "offset",
                    "hasMore",
                    "id",
                    "name",
                    "deal_id",
                    "deal_name",
                    "title",
                    "values",
                    "results",
                    "stages",
                    "properties",
                    "dealId",
                    "error",
                    "errors",
                    "message",
                    "active_until",
                    "value",
                    "amount",
                    "price",
                    "status",
                    "record_id",
                    "current_page",
                    "total_pages",
                    "total_records",
                    "nextCursor",
                    "details",
                    "issues",
                    "field",
                    "items",
                    "totalItems",
                    "deal",
                    "closes",
                    "owner",
                ])
                .prop_map(str::to_owned),
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
