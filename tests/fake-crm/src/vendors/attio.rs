//! The fake Attio: its routes, auth, validation, paging and bodies as Attio documents them.

use super::{credential, Api, StageDef, Vendor};
use crate::common::{is_uuid, query, uuid, FakeDeal, Reply, Req};
use serde_json::{json, Map, Value};

const ATTIO_WORKSPACE: &str = "14beef7a-99f7-4534-a87e-70b564330a4c";
const ATTIO_OBJECT: &str = "97052eb9-e65e-443f-a297-f2d9a4a7f795";

/// The workspace's companies: record id, name, domain.
const ATTIO_COMPANIES: &[(&str, &str, &str)] = &[
    ("c0a1e5d2-0000-4000-8000-0000000000c1", "Acme Corp", "acme.com"),
    ("c0a1e5d2-0000-4000-8000-0000000000c2", "Initech", "initech.com"),
    // The company the create's documented example names by domain.
    ("c0a1e5d2-0000-4000-8000-0000000000c3", "Fundstack", "company.com"),
];

const ATTIO_STATUSES: &[StageDef] = &[
    ("Lead", "Lead", ""),
    ("In Progress", "In Progress", ""),
    ("Won", "Won", ""),
];

/// Attio as its documentation describes it.
pub(crate) struct Attio;

impl Api for Attio {
    fn stages(&self) -> &'static [StageDef] {
        ATTIO_STATUSES
    }

    fn seed(&self, d: &mut FakeDeal) {
        d.owner = Some("50cf242c-7fa3-4cad-87d0-75b1af71c57b".into());
        d.close_date = None;
        d.currency = Some("USD".into());
    }

    fn id(&self, n: u64) -> String {
        uuid(n)
    }

    fn handle(&self, vendor: &mut Vendor, req: &Req) -> Reply {
        vendor.attio(req)
    }

    fn error_body(&self, status: u16, code: &str, message: &str) -> Value {
        json!({"status_code": status, "type": "invalid_request_error", "code": code, "message": message})
    }

    fn invalid(&self, vendor: &Vendor, field: &str, message: &str) -> Reply {
        vendor.error(
            400,
            "validation_type",
            &format!("{message} (attribute with slug \"{field}\")"),
        )
    }

    fn rate_limited(&self, _retry_after_secs: u64) -> Value {
        json!({"status_code": 429, "type": "rate_limit_error", "code": "rate_limit_exceeded", "message": "Rate limit exceeded, please try again later"})
    }

    fn not_found(&self, vendor: &Vendor, id: &str) -> Reply {
        vendor.error(404, "not_found", &format!("Record with ID \"{id}\" not found."))
    }
}

impl Vendor {
    fn attio_render(d: &FakeDeal) -> Value {
        let actor = json!({"type": "system", "id": null});
        let current = |extra: Value| {
            let mut v = json!({"active_from": "2023-01-01T15:00:00.000000000Z", "active_until": null, "created_by_actor": actor});
            if let (Value::Object(m), Value::Object(e)) = (&mut v, extra) {
                m.extend(e);
            }
            v
        };
        let mut values = Map::new();
        values.insert(
            "name".into(),
            json!([
                {"active_from": "2022-06-01T09:00:00.000000000Z", "active_until": "2023-01-01T15:00:00.000000000Z", "created_by_actor": actor, "value": format!("(old) {}", d.name), "attribute_type": "text"},
                current(json!({"value": d.name, "attribute_type": "text"}))
            ]),
        );
        values.insert(
            "stage".into(),
            json!(d.stage.iter().map(|s| current(json!({"status": {"title": s, "id": {"workspace_id": ATTIO_WORKSPACE, "object_id": ATTIO_OBJECT, "attribute_id": "41252299-f8c7-4b5e-99c9-4ff8321d2f96", "status_id": uuid(s.len() as u64)}, "is_archived": false, "celebration_enabled": false, "target_time_in_status": null}, "attribute_type": "status"}))).collect::<Vec<_>>()),
        );
        values.insert(
            "owner".into(),
            json!(d.owner.iter().map(|o| current(json!({"referenced_actor_type": "workspace-member", "referenced_actor_id": o, "attribute_type": "actor-reference"}))).collect::<Vec<_>>()),
        );
        values.insert(
            "associated_company".into(),
            json!(d
                .company
                .iter()
                .map(|c| current(
                    json!({"target_object": "companies", "target_record_id": c, "attribute_type": "record-reference"})
                ))
                .collect::<Vec<_>>()),
        );
        values.insert(
            "value".into(),
            json!(d.amount.iter().map(|a| current(json!({"currency_value": a, "currency_code": d.currency.clone().unwrap_or_else(|| "USD".into()), "attribute_type": "currency"}))).collect::<Vec<_>>()),
        );
        // The account's own attributes: a select's option by title, a number as its value.
        for (slug, v) in &d.custom {
            let shaped = match v {
                Value::String(title) => {
                    json!({"option": {"id": {"workspace_id": ATTIO_WORKSPACE, "object_id": ATTIO_OBJECT, "option_id": uuid(title.len() as u64)}, "title": title, "is_archived": false}, "attribute_type": "select"})
                }
                other => json!({"value": other, "attribute_type": "number"}),
            };
            values.insert(slug.clone(), json!([current(shaped)]));
        }
        json!({
            "id": {"workspace_id": ATTIO_WORKSPACE, "object_id": ATTIO_OBJECT, "record_id": d.id},
            "created_at": "2022-11-21T13:22:49.061281000Z",
            "web_url": format!("https://app.attio.com/fake/deals/{}", d.id),
            "values": values,
        })
    }

    fn attio_apply(&self, d: &mut FakeDeal, body: &Map<String, Value>, creating: bool) -> Result<(), Reply> {
        let Some(values) = body
            .get("data")
            .and_then(|v| v.get("values"))
            .and_then(Value::as_object)
        else {
            return Err(self.error(
                400,
                "validation_type",
                "Body must be of the form {\"data\": {\"values\": {...}}}",
            ));
        };
        let bad = |slug: &str, msg: &str| self.invalid(slug, msg);
        for (slug, v) in values {
            match slug.as_str() {
                "name" => match v.as_str() {
                    Some(s) if !s.trim().is_empty() => d.name = s.to_owned(),
                    _ => return Err(bad("name", "A deal name must be a non-empty string")),
                },
                "stage" => match v.as_str() {
                    Some(s) if self.stage_known(s).is_some() => d.stage = Some(s.to_owned()),
                    _ => return Err(bad("stage", &format!("Unknown status {v}"))),
                },
                "owner" => match v {
                    Value::String(email) if email.contains('@') => d.owner = Some(uuid(email.len() as u64 + 0xa77)),
                    Value::Array(refs) => match refs.first() {
                        Some(r)
                            if r["referenced_actor_type"] == "workspace-member"
                                && r["referenced_actor_id"].as_str().is_some_and(is_uuid) =>
                        {
                            d.owner = r["referenced_actor_id"].as_str().map(str::to_owned)
                        }
                        None => d.owner = None,
                        _ => return Err(bad("owner", "Owner must be a workspace member reference")),
                    },
                    _ => {
                        return Err(bad(
                            "owner",
                            "Owner must be a workspace member's email address or reference",
                        ))
                    }
                },
                "value" => match v {
                    Value::Number(n) => d.amount = n.as_f64(),
                    Value::Array(a) if a.is_empty() => d.amount = None,
                    Value::Null => d.amount = None,
                    _ => return Err(bad("value", "Value must be a number")),
                },
                "associated_people" => {}
                // A company by record id or by domain, as the create's example writes it; `[]`
                // or null clears it.
                "associated_company" => match v {
                    Value::Null => d.company = None,
                    Value::Array(a) if a.is_empty() => d.company = None,
                    Value::Object(r) if r.get("target_object").and_then(Value::as_str) == Some("companies") => {
                        let by_id = r.get("target_record_id").and_then(Value::as_str);
                        let by_domain = r
                            .get("domains")
                            .and_then(Value::as_array)
                            .and_then(|d| d.first())
                            .and_then(|d| d.get("domain"))
                            .and_then(Value::as_str);
                        let found = ATTIO_COMPANIES
                            .iter()
                            .find(|(id, _, domain)| by_id == Some(*id) || by_domain == Some(*domain));
                        match found {
                            Some((id, _, _)) => d.company = Some((*id).to_owned()),
                            None => {
                                return Err(bad(
                                    "associated_company",
                                    &format!("Could not find referenced record in object \"companies\": {r:?}"),
                                ))
                            }
                        }
                    }
                    _ => {
                        return Err(bad(
                            "associated_company",
                            "associated_company must be a record reference to \"companies\"",
                        ))
                    }
                },
                other => match crate::account_fields::field("attio", other) {
                    Some(field) => match crate::account_fields::check(field, v) {
                        Ok(Some(v)) => {
                            d.custom.insert(other.to_owned(), v);
                        }
                        Ok(None) => {
                            d.custom.remove(other);
                        }
                        Err(message) => return Err(bad(other, &message)),
                    },
                    None => {
                        return Err(self.error(
                            400,
                            "validation_type",
                            &format!("Cannot find attribute with slug/ID \"{other}\"."),
                        ))
                    }
                },
            }
        }
        if creating {
            for required in ["name", "stage", "owner"] {
                if !values.contains_key(required) {
                    return Err(bad(
                        required,
                        &format!("Required value for attribute with slug \"{required}\" was not provided."),
                    ));
                }
            }
        }
        Ok(())
    }

    pub(super) fn attio(&mut self, req: &Req) -> Reply {
        if req.header("authorization") != Some(&format!("Bearer {}", credential("attio", "token"))) {
            return Reply::json(
                401,
                json!({"status_code": 401, "type": "auth_error", "code": "invalid_token", "message": "The access token is invalid or has expired."}),
            );
        }
        let seg = req.segments();
        match (req.method.as_str(), seg.as_slice()) {
            // The workspace's members, as the v2 API lists them (no search by name).
            ("GET", ["v2", "workspace_members"]) => {
                let members = [
                    (
                        "50cf242c-7fa3-4cad-87d0-75b1af71c57b".to_owned(),
                        "Ada",
                        "Byron",
                        "ada@attio.test",
                    ),
                    // The member whose e-mail a create may name (see `attio_apply`).
                    (
                        uuid("person@company.com".len() as u64 + 0xa77),
                        "Per",
                        "Son",
                        "person@company.com",
                    ),
                ];
                Reply::json(
                    200,
                    json!({"data": members.iter().map(|(id, first, last, email)| json!({
                        "id": {"workspace_id": ATTIO_WORKSPACE, "workspace_member_id": id},
                        "first_name": first, "last_name": last, "avatar_url": null, "email_address": email,
                        "created_at": "2023-01-01T15:00:00.000000000Z", "access_level": "admin"
                    })).collect::<Vec<_>>()}),
                )
            }
            // Companies whose name contains the filter's text, as records with historic values.
            ("POST", ["v2", "objects", "companies", "records", "query"]) => {
                let m = match &req.body {
                    None => Map::new(),
                    Some(_) => match self.body(req) {
                        Ok(m) => m.clone(),
                        Err(r) => return r,
                    },
                };
                let needle = m
                    .get("filter")
                    .and_then(|f| f.get("name"))
                    .and_then(|n| n.get("$contains"))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_lowercase();
                let limit = m.get("limit").and_then(Value::as_u64).unwrap_or(500) as usize;
                let actor = json!({"type": "system", "id": null});
                let data: Vec<Value> = ATTIO_COMPANIES
                    .iter()
                    .filter(|(_, name, _)| name.to_lowercase().contains(&needle))
                    .take(limit)
                    .map(|(id, name, domain)| json!({
                        "id": {"workspace_id": ATTIO_WORKSPACE, "object_id": "a1e8b9f0-0000-4000-8000-00000000c0c0", "record_id": id},
                        "created_at": "2023-01-01T15:00:00.000000000Z",
                        "values": {
                            "name": [{"active_from": "2023-01-01T15:00:00.000000000Z", "active_until": null, "created_by_actor": actor, "value": name, "attribute_type": "text"}],
                            "domains": [{"active_from": "2023-01-01T15:00:00.000000000Z", "active_until": null, "created_by_actor": actor, "domain": domain, "root_domain": domain, "attribute_type": "domain"}]
                        }
                    }))
                    .collect();
                Reply::json(200, json!({"data": data}))
            }
            ("GET", ["v2", "objects", "deals", "attributes", "stage", "statuses"]) => {
                let mut data: Vec<Value> = ATTIO_STATUSES
                    .iter()
                    .enumerate()
                    .map(|(i, s)| json!({"id": {"workspace_id": ATTIO_WORKSPACE, "object_id": ATTIO_OBJECT, "attribute_id": "41252299-f8c7-4b5e-99c9-4ff8321d2f96", "status_id": uuid(100 + i as u64)}, "title": s.1, "is_archived": false, "target_time_in_status": null, "celebration_enabled": false}))
                    .collect();
                data.push(json!({"id": {"status_id": uuid(199)}, "title": "Archived stage", "is_archived": true}));
                Reply::json(200, json!({"data": data}))
            }
            ("POST", ["v2", "objects", "deals", "records", "query"]) => {
                let m = match &req.body {
                    None => Map::new(),
                    Some(_) => match self.body(req) {
                        Ok(m) => m.clone(),
                        Err(r) => return r,
                    },
                };
                let limit = m.get("limit").and_then(Value::as_u64).unwrap_or(500) as usize;
                let offset = m.get("offset").and_then(Value::as_u64).unwrap_or(0) as usize;
                let search = m
                    .get("filter")
                    .and_then(|f| f.get("name"))
                    .and_then(|n| n.get("$contains"))
                    .and_then(Value::as_str);
                let sort = m
                    .get("sorts")
                    .and_then(Value::as_array)
                    .and_then(|s| s.first())
                    .map(|s| {
                        let field = match s["attribute"].as_str() {
                            Some("value") => "amount",
                            Some("stage") => "stage",
                            Some("owner") => "owner",
                            _ => "name",
                        };
                        (field, s["direction"].as_str() != Some("desc"))
                    });
                let all = query(&self.deals, search, sort);
                let data: Vec<Value> = all.iter().skip(offset).take(limit).map(Self::attio_render).collect();
                Reply::json(200, json!({"data": data}))
            }
            ("POST", ["v2", "objects", "deals", "records"]) => {
                let m = match self.body(req) {
                    Ok(m) => m.clone(),
                    Err(r) => return r,
                };
                let mut d = FakeDeal {
                    currency: Some("USD".into()),
                    ..FakeDeal::default()
                };
                if let Err(r) = self.attio_apply(&mut d, &m, true) {
                    return r;
                }
                d.id = self.new_id();
                let out = Self::attio_render(&d);
                self.deals.push(d);
                Reply::json(200, json!({"data": out}))
            }
            (method, ["v2", "objects", "deals", "records", id]) => {
                let Some(i) = self.find(id) else {
                    return self.not_found(id);
                };
                match method {
                    "GET" => Reply::json(200, json!({"data": Self::attio_render(&self.deals[i])})),
                    "PATCH" | "PUT" => {
                        if let Err(r) = self.update_with(i, req, |v, d, m| v.attio_apply(d, m, method == "PUT")) {
                            return r;
                        }
                        Reply::json(200, json!({"data": Self::attio_render(&self.deals[i])}))
                    }
                    "DELETE" => {
                        self.deals.remove(i);
                        Reply::json(200, json!({}))
                    }
                    _ => self.error(405, "method_not_allowed", "Method not allowed"),
                }
            }
            _ => self.error(404, "not_found", "Route not found"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vendors::tests::{body, req};

    #[test]
    fn attio_answers_with_historic_value_arrays_and_refuses_unknown_stages() {
        let mut v = Vendor::new("attio", 0);
        let r = v.handle(&req(
            "attio",
            "POST",
            "/v2/objects/deals/records",
            json!({"data": {"values": {"name": "x", "stage": "Nope", "owner": "a@b.co"}}}),
        ));
        assert_eq!(r.status, 400);
        let r = v.handle(&req(
            "attio",
            "POST",
            "/v2/objects/deals/records",
            json!({"data": {"values": {"name": "x", "stage": "Lead", "owner": "a@b.co", "value": 10}}}),
        ));
        let names = body(&r)["data"]["values"]["name"].as_array().unwrap().clone();
        assert_eq!(names.iter().filter(|n| n["active_until"].is_null()).count(), 1);
    }

    #[test]
    fn attio_takes_a_company_by_domain_or_record_id_and_finds_companies_by_name() {
        let mut v = Vendor::new("attio", 0);
        let company = |r: &Reply| body(r)["data"]["values"]["associated_company"][0]["target_record_id"].clone();
        let r = v.handle(&req(
            "attio",
            "POST",
            "/v2/objects/deals/records",
            json!({"data": {"values": {"name": "x", "stage": "Lead", "owner": "a@b.co",
                "associated_company": {"target_object": "companies", "domains": [{"domain": "company.com"}]}}}}),
        ));
        assert_eq!(company(&r), json!("c0a1e5d2-0000-4000-8000-0000000000c3"));
        let r = v.handle(&req(
            "attio",
            "POST",
            "/v2/objects/deals/records",
            json!({"data": {"values": {"name": "x", "stage": "Lead", "owner": "a@b.co",
                "associated_company": {"target_object": "companies", "target_record_id": "c0a1e5d2-0000-4000-8000-000000000999"}}}}),
        ));
        assert_eq!(r.status, 400);
        let r = v.handle(&req(
            "attio",
            "POST",
            "/v2/objects/companies/records/query",
            json!({"filter": {"name": {"$contains": "init"}}, "limit": 20}),
        ));
        assert_eq!(body(&r)["data"][0]["values"]["name"][0]["value"], json!("Initech"));
        assert_eq!(body(&r)["data"].as_array().map(Vec::len), Some(1));
    }
}
