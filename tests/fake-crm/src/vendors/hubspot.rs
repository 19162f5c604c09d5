//! The fake HubSpot: its routes, auth, validation, paging and bodies as HubSpot documents them.

use super::{credential, Api, StageDef, Vendor};
use crate::common::{days_of, FakeDeal, Reply, Req};
use serde_json::{json, Map, Value};

const HUBSPOT_STAGES: &[StageDef] = &[
    ("appointmentscheduled", "Appointment scheduled", "default"),
    ("qualifiedtobuy", "Qualified to buy", "default"),
    ("presentationscheduled", "Presentation scheduled", "default"),
    ("closedwon", "Closed won", "default"),
    ("closedlost", "Closed lost", "default"),
];

/// The account's owners: id, first and last name, e-mail. The seeded deals' owner is 24.
const HUBSPOT_OWNERS: &[(&str, &str, &str, &str)] = &[
    ("24", "Pat", "Kim", "pat.kim@hubspot.test"),
    ("25", "Sam", "Lee", "sam.lee@hubspot.test"),
];

/// The account's companies: id, name, domain.
const HUBSPOT_COMPANIES: &[(&str, &str, &str)] =
    &[("5001", "Acme Corp", "acme.com"), ("5002", "Initech", "initech.com")];

/// Hubspot as its documentation describes it.
pub(crate) struct Hubspot;

impl Api for Hubspot {
    fn stages(&self) -> &'static [StageDef] {
        HUBSPOT_STAGES
    }

    fn seed(&self, d: &mut FakeDeal) {
        d.owner = Some("24".into());
    }

    fn id(&self, n: u64) -> String {
        (9_000_000 + n).to_string()
    }

    fn handle(&self, vendor: &mut Vendor, req: &Req) -> Reply {
        vendor.hubspot(req)
    }

    fn error_body(&self, _status: u16, code: &str, message: &str) -> Value {
        json!({"status": "error", "message": message, "correlationId": "0d3b5c8e-fake", "category": code})
    }

    fn invalid(&self, vendor: &Vendor, field: &str, message: &str) -> Reply {
        let list = json!([{"isValid": false, "message": message, "error": "INVALID_OPTION", "name": field}]);
        vendor.error(
            400,
            "VALIDATION_ERROR",
            &format!("Property values were not valid: {list}"),
        )
    }

    fn rate_limited(&self, _retry_after_secs: u64) -> Value {
        json!({"status": "error", "message": "You have reached your secondly limit.", "errorType": "RATE_LIMIT", "correlationId": "c0ffee", "policyName": "SECONDLY"})
    }

    fn not_found(&self, vendor: &Vendor, _id: &str) -> Reply {
        vendor.error(404, "OBJECT_NOT_FOUND", "Deal does not exist")
    }
}

impl Vendor {
    fn hubspot_render(d: &FakeDeal, only: Option<&[String]>) -> Value {
        let ms = d
            .close_date
            .as_deref()
            .and_then(days_of)
            .map(|days| (days * 86_400_000).to_string());
        let pairs: Vec<(&str, Option<String>)> = vec![
            ("dealname", Some(d.name.clone())),
            ("amount", d.amount.map(|a| a.to_string())),
            ("deal_currency_code", d.currency.clone()),
            ("dealstage", d.stage.clone()),
            ("pipeline", d.pipeline.clone()),
            ("closedate", ms),
            ("hubspot_owner_id", d.owner.clone()),
            ("description", d.description.clone()),
        ];
        let mut pairs = pairs;
        for (k, v) in &d.custom {
            pairs.push((k.as_str(), v.as_str().map(str::to_owned)));
        }
        let mut props = Map::new();
        for (k, v) in pairs {
            if only.is_some_and(|o| !o.iter().any(|p| p == k)) {
                continue;
            }
            if let Some(v) = v {
                props.insert(k.into(), json!({"value": v, "timestamp": 1_409_443_200_000_i64, "source": "API", "sourceId": null, "versions": []}));
            }
        }
        let companies: Vec<i64> = d.company.iter().filter_map(|c| c.parse().ok()).collect();
        json!({
            "portalId": 62515, "dealId": d.id.parse::<i64>().unwrap_or(0), "isDeleted": false,
            "associations": {"associatedVids": [], "associatedCompanyIds": companies, "associatedDealIds": []},
            "properties": props, "imports": [], "stateChanges": []
        })
    }

    fn hubspot_apply(&self, d: &mut FakeDeal, props: &Value, creating: bool) -> Result<(), Reply> {
        let Some(list) = props.as_array() else {
            return Err(self.error(400, "VALIDATION_ERROR", "properties must be a list of {name, value}"));
        };
        let mut problems = Vec::new();
        let mut seen_stage = false;
        for p in list {
            let (Some(name), Some(value)) = (p.get("name").and_then(Value::as_str), p.get("value")) else {
                return Err(self.error(400, "VALIDATION_ERROR", "each property needs a name and a value"));
            };
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => {
                    problems.push(json!({"isValid": false, "message": format!("{value} is not a valid value"), "error": "INVALID_VALUE", "name": name}));
                    continue;
                }
            };
            let clear = text.is_empty();
            match name {
                "dealname" => d.name = text,
                "amount" if clear => d.amount = None,
                "amount" => match text.parse::<f64>() {
                    Ok(a) if a.is_finite() => d.amount = Some(a),
                    _ => problems.push(json!({"isValid": false, "message": format!("{text} was not a valid number."), "error": "INVALID_FLOAT", "name": name})),
                },
                "closedate" if clear => d.close_date = None,
                "closedate" => match text.parse::<i64>() {
                    Ok(ms) => {
                        let (y, m, dd) = crate::common::civil(ms.div_euclid(86_400_000));
                        d.close_date = Some(format!("{y:04}-{m:02}-{dd:02}"));
                    }
                    Err(_) => problems.push(json!({"isValid": false, "message": format!("{text} was not a valid long."), "error": "INVALID_LONG", "name": name})),
                },
                "dealstage" => {
                    seen_stage = true;
                    match self.stage_known(&text) {
                        Some(s) => {
                            d.stage = Some(text);
                            d.pipeline = Some(s.2.to_owned());
                        }
                        None => problems.push(json!({"isValid": false, "message": format!("{text} was not one of the allowed options: [appointmentscheduled, qualifiedtobuy, presentationscheduled, closedwon, closedlost]"), "error": "INVALID_OPTION", "name": name})),
                    }
                }
                "pipeline" => {
                    if text != "default" && !clear {
                        problems.push(json!({"isValid": false, "message": format!("{text} is not a valid pipeline"), "error": "INVALID_OPTION", "name": name}));
                    }
                }
                "hubspot_owner_id" if clear => d.owner = None,
                "hubspot_owner_id" => {
                    if text.bytes().all(|b| b.is_ascii_digit()) {
                        d.owner = Some(text)
                    } else {
                        problems.push(json!({"isValid": false, "message": format!("{text} is not a valid owner id"), "error": "INVALID_OWNER_ID", "name": name}));
                    }
                }
                "description" => d.description = (!clear).then_some(text),
                "deal_currency_code" => d.currency = (!clear).then_some(text),
                "dealtype" => {}
                other => match crate::account_fields::field("hubspot", other) {
                    Some(field) => match crate::account_fields::check(field, &Value::String(text.clone())) {
                        // HubSpot keeps every property as text.
                        Ok(Some(_)) => {
                            d.custom.insert(other.to_owned(), Value::String(text));
                        }
                        Ok(None) => {
                            d.custom.remove(other);
                        }
                        Err(message) => {
                            let error = match field {
                                crate::account_fields::AccountField::Tier => "INVALID_OPTION",
                                crate::account_fields::AccountField::Seats => "INVALID_INTEGER",
                            };
                            problems.push(json!({"isValid": false, "message": message, "error": error, "name": other}))
                        }
                    },
                    None => problems.push(json!({"isValid": false, "message": format!("Property \"{other}\" does not exist"), "error": "PROPERTY_DOESNT_EXIST", "name": other})),
                },
            }
        }
        if creating && !seen_stage {
            problems.push(
                json!({"isValid": false, "message": "dealstage is required", "error": "REQUIRED", "name": "dealstage"}),
            );
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(self.error(
                400,
                "VALIDATION_ERROR",
                &format!("Property values were not valid: {}", Value::Array(problems)),
            ))
        }
    }

    pub(super) fn hubspot(&mut self, req: &Req) -> Reply {
        if req.header("authorization") != Some(&format!("Bearer {}", credential("hubspot", "token"))) {
            return self.error(
                401,
                "INVALID_AUTHENTICATION",
                "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
            );
        }
        let seg = req.segments();
        match (req.method.as_str(), seg.as_slice()) {
            // The account's owners, as the CRM v3 owners API lists them (no search by name).
            ("GET", ["crm", "v3", "owners"]) => Reply::json(
                200,
                json!({"results": HUBSPOT_OWNERS.iter().map(|(id, first, last, email)| json!({
                    "id": id, "email": email, "firstName": first, "lastName": last, "userId": 9000 + id.parse::<u32>().unwrap_or(0),
                    "createdAt": "2019-10-30T03:30:17.883Z", "updatedAt": "2019-12-07T16:50:06.678Z", "archived": false, "teams": []
                })).collect::<Vec<_>>()}),
            ),
            // Companies by name or domain, as the CRM v3 search's `query` finds them.
            ("POST", ["crm", "v3", "objects", "companies", "search"]) => {
                let m = match self.body(req) {
                    Ok(m) => m.clone(),
                    Err(r) => return r,
                };
                let query = m.get("query").and_then(Value::as_str).unwrap_or("").to_lowercase();
                let results: Vec<Value> = HUBSPOT_COMPANIES
                    .iter()
                    .filter(|(_, name, domain)| name.to_lowercase().contains(&query) || domain.contains(&query))
                    .map(|(id, name, domain)| json!({"id": id, "properties": {"name": name, "domain": domain, "hs_object_id": id}, "archived": false}))
                    .collect();
                Reply::json(200, json!({"total": results.len(), "results": results}))
            }
            ("GET", ["crm-pipelines", "v1", "pipelines", "deals"]) => {
                let stages: Vec<Value> = HUBSPOT_STAGES
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let p = match s.0 {
                            "closedwon" => "1.0",
                            "closedlost" => "0.0",
                            _ => ["0.2", "0.4", "0.6"][i.min(2)],
                        };
                        json!({"stageId": s.0, "label": s.1, "displayOrder": i, "active": true, "metadata": {"isClosed": s.0.starts_with("closed").to_string(), "probability": p}})
                    })
                    .collect();
                Reply::json(
                    200,
                    json!({"results": [{"pipelineId": "default", "objectType": "DEAL", "label": "Sales Pipeline", "displayOrder": 0, "active": true, "default": true, "stages": stages}]}),
                )
            }
            ("GET", ["deals", "v1", "deal", "paged"]) => {
                let limit: usize = req.q("limit").and_then(|l| l.parse().ok()).unwrap_or(100);
                if !(1..=250).contains(&limit) {
                    return self.error(400, "VALIDATION_ERROR", "limit must be between 1 and 250");
                }
                let start: usize = match req.q("offset") {
                    None => 0,
                    Some(o) => match o.parse::<i64>() {
                        // The offset is the id of the last deal of the previous page.
                        Ok(last) => self
                            .deals
                            .iter()
                            .position(|d| d.id == last.to_string())
                            .map_or(self.deals.len(), |i| i + 1),
                        Err(_) => return self.error(400, "VALIDATION_ERROR", "offset must be a number"),
                    },
                };
                let props = req.query.get("properties").cloned().unwrap_or_default();
                let page: Vec<&FakeDeal> = self.deals.iter().skip(start).take(limit).collect();
                let has_more = start + page.len() < self.deals.len();
                let offset = page.last().map_or(0, |d| d.id.parse::<i64>().unwrap_or(0));
                let deals: Vec<Value> = page
                    .into_iter()
                    .map(|d| Self::hubspot_render(d, Some(&props)))
                    .collect();
                Reply::json(200, json!({"deals": deals, "hasMore": has_more, "offset": offset}))
            }
            ("POST", ["deals", "v1", "deal"]) => {
                let m = match self.body(req) {
                    Ok(m) => m.clone(),
                    Err(r) => return r,
                };
                let mut d = FakeDeal {
                    pipeline: Some("default".into()),
                    ..FakeDeal::default()
                };
                if let Err(r) = self.hubspot_apply(&mut d, m.get("properties").unwrap_or(&Value::Null), true) {
                    return r;
                }
                d.company = m
                    .get("associations")
                    .and_then(|a| a.get("associatedCompanyIds"))
                    .and_then(Value::as_array)
                    .and_then(|a| a.first())
                    .and_then(Value::as_i64)
                    .map(|c| c.to_string());
                d.id = self.new_id();
                let out = Self::hubspot_render(&d, None);
                self.deals.push(d);
                Reply::json(200, out)
            }
            (method, ["deals", "v1", "deal", id]) => {
                let Some(i) = self.find(id) else {
                    return self.not_found(id);
                };
                match method {
                    "GET" => Reply::json(200, Self::hubspot_render(&self.deals[i], None)),
                    "PUT" => {
                        if let Err(r) = self.update_with(i, req, |v, d, m| {
                            v.hubspot_apply(d, m.get("properties").unwrap_or(&Value::Null), false)
                        }) {
                            return r;
                        }
                        Reply::json(200, Self::hubspot_render(&self.deals[i], None))
                    }
                    "DELETE" => {
                        self.deals.remove(i);
                        Reply::empty(204)
                    }
                    _ => self.error(405, "METHOD_NOT_ALLOWED", "Method not allowed"),
                }
            }
            _ => self.error(404, "OBJECT_NOT_FOUND", "Route not found"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vendors::tests::{body, req};

    #[test]
    fn hubspot_embeds_property_errors_in_the_message_and_requires_a_stage() {
        let mut v = Vendor::new("hubspot", 0);
        let r = v.handle(&req(
            "hubspot",
            "POST",
            "/deals/v1/deal",
            json!({"properties": [{"name": "dealname", "value": "x"}]}),
        ));
        assert_eq!(r.status, 400);
        let message = body(&r)["message"].as_str().unwrap().to_owned();
        assert!(message.starts_with("Property values were not valid: ["), "{message}");
        assert!(message.contains("\"name\":\"dealstage\""), "{message}");
    }
}
