//! The fake Stardex: its routes, auth, validation, paging and bodies as Stardex documents them.

use super::{credential, Api, StageDef, Vendor};
use crate::common::{days_of, is_uuid, query, FakeDeal, Reply, Req};
use serde_json::{json, Map, Value};

fn opt_num(m: &Map<String, Value>, k: &str) -> Result<Option<Option<f64>>, String> {
    match m.get(k) {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(Value::Number(n)) => Ok(Some(n.as_f64())),
        Some(_) => Err(format!("Expected number, received {}", kind(m.get(k)))),
    }
}

fn opt_str<'a>(m: &'a Map<String, Value>, k: &str) -> Result<Option<Option<&'a str>>, String> {
    match m.get(k) {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(Value::String(s)) => Ok(Some(Some(s))),
        Some(_) => Err(format!("Expected string, received {}", kind(m.get(k)))),
    }
}

fn kind(v: Option<&Value>) -> &'static str {
    match v {
        None | Some(Value::Null) => "null",
        Some(Value::Bool(_)) => "boolean",
        Some(Value::Number(_)) => "number",
        Some(Value::String(_)) => "string",
        Some(Value::Array(_)) => "array",
        Some(Value::Object(_)) => "object",
    }
}

const STARDEX_STATUSES: &[StageDef] = &[
    ("5a1e0000-0000-4000-8000-000000000001", "Lead", ""),
    ("5a1e0000-0000-4000-8000-000000000002", "Qualified", ""),
    ("5a1e0000-0000-4000-8000-000000000003", "Proposal", ""),
    ("5a1e0000-0000-4000-8000-000000000004", "Won", ""),
];

/// The one team member and the one company the fake's look-ups know.
const STARDEX_MEMBER: &str = "7a1e0c55-1111-4000-8000-00000000b001";
const STARDEX_COMPANY: &str = "7a1e0c55-2222-4000-8000-00000000c001";

/// Stardex as its documentation describes it.
pub(crate) struct Stardex;

impl Api for Stardex {
    fn stages(&self) -> &'static [StageDef] {
        STARDEX_STATUSES
    }

    fn seed(&self, d: &mut FakeDeal) {
        d.probability = Some(50.0);
    }

    fn id(&self, n: u64) -> String {
        crate::common::uuid(n)
    }

    fn handle(&self, vendor: &mut Vendor, req: &Req) -> Reply {
        vendor.stardex(req)
    }

    fn error_body(&self, _status: u16, code: &str, message: &str) -> Value {
        json!({"success": false, "error": {"code": code, "message": message}})
    }

    fn invalid(&self, vendor: &Vendor, field: &str, message: &str) -> Reply {
        vendor.error(400, "VALIDATION_ERROR", &format!("{field}: {message}"))
    }

    fn rate_limited(&self, retry_after_secs: u64) -> Value {
        json!({"success": false, "error": {"code": "RATE_LIMITED", "message": "Too many requests"}, "retry_after_seconds": retry_after_secs})
    }

    fn not_found(&self, vendor: &Vendor, _id: &str) -> Reply {
        vendor.error(404, "NOT_FOUND", "Deal not found")
    }
}

impl Vendor {
    fn stardex_render(d: &FakeDeal) -> Value {
        json!({
            "id": d.id, "name": d.name, "amount": d.amount, "win_probability": d.probability,
            "deal_status_id": d.stage, "client_id": d.company, "job_id": null, "created_at": "2024-01-15T10:00:00Z",
            "description": d.description, "closed_date": d.close_date,
            "owner_ids": d.owner.iter().collect::<Vec<_>>(),
            // Not shown in the public docs (only the create's shape is): kept as created.
            "custom_fields": d.custom.iter().map(|(id, v)| json!({"attribute_id": id, "value": v.as_str().map_or_else(|| v.to_string(), str::to_owned)})).collect::<Vec<_>>(),
        })
    }

    /// Applies a create (`partial` false) or PATCH body, checking it as Stardex documents.
    fn stardex_apply(&self, d: &mut FakeDeal, m: &Map<String, Value>, partial: bool) -> Result<(), Reply> {
        let bad = |f: &str, msg: String| self.invalid(f, &msg);
        match opt_str(m, "name").map_err(|e| bad("name", e))? {
            Some(Some(n)) if !n.is_empty() => d.name = n.to_owned(),
            None if partial => {}
            _ => return Err(bad("name", "String must contain at least 1 character(s)".into())),
        }
        if let Some(a) = opt_num(m, "amount").map_err(|e| bad("amount", e))? {
            d.amount = a;
        }
        if let Some(p) = opt_num(m, "win_probability").map_err(|e| bad("win_probability", e))? {
            if p.is_some_and(|p| !(0.0..=100.0).contains(&p)) {
                return Err(bad("win_probability", "Number must be between 0 and 100".into()));
            }
            d.probability = p;
        }
        for key in ["deal_status_id", "client_id", "job_id", "referred_by"] {
            if let Some(v) = opt_str(m, key).map_err(|e| bad(key, e))? {
                if v.is_some_and(|v| !is_uuid(v)) {
                    return Err(bad(key, "Invalid uuid".into()));
                }
                match key {
                    "deal_status_id" => {
                        if v.is_some_and(|v| self.stage_known(v).is_none()) {
                            return Err(bad(key, "Deal status not found".into()));
                        }
                        d.stage = v.map(str::to_owned)
                    }
                    "client_id" => d.company = v.map(str::to_owned),
                    _ => {}
                }
            }
        }
        if let Some(v) = opt_str(m, "description").map_err(|e| bad("description", e))? {
            d.description = v.map(str::to_owned);
        }
        if let Some(v) = opt_str(m, "closed_date").map_err(|e| bad("closed_date", e))? {
            if v.is_some_and(|v| v.get(..10).and_then(days_of).is_none()) {
                return Err(bad("closed_date", "Invalid ISO 8601 date".into()));
            }
            d.close_date = v.map(|v| v[..10].to_owned());
        }
        match m.get("owner_ids") {
            None => {}
            Some(Value::Array(ids)) => {
                if !ids.iter().all(|i| i.as_str().is_some_and(is_uuid)) {
                    return Err(bad("owner_ids", "Invalid uuid".into()));
                }
                d.owner = ids.first().and_then(Value::as_str).map(str::to_owned);
            }
            Some(other) => {
                return Err(bad(
                    "owner_ids",
                    format!("Expected array, received {}", kind(Some(other))),
                ))
            }
        }
        match m.get("custom_fields") {
            None => {}
            Some(Value::Array(list)) => {
                for item in list {
                    let Some(id) = item.get("attribute_id").and_then(Value::as_str) else {
                        return Err(bad("custom_fields", "Each custom field needs an attribute_id".into()));
                    };
                    let at = format!("custom_fields.{id}");
                    let Some(field) = crate::account_fields::field("stardex", id) else {
                        return Err(bad(&at, "Custom field not found".into()));
                    };
                    let value = if item.get("clear_all") == Some(&Value::Bool(true)) {
                        Value::Null
                    } else {
                        item.get("value").cloned().unwrap_or(Value::Null)
                    };
                    match crate::account_fields::check(field, &value) {
                        // Stardex takes and keeps a custom field's value as text.
                        Ok(Some(v)) => {
                            let text = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
                            d.custom.insert(id.to_owned(), Value::String(text));
                        }
                        Ok(None) => {
                            d.custom.remove(id);
                        }
                        Err(message) => return Err(bad(&at, message)),
                    }
                }
            }
            Some(other) => {
                return Err(bad(
                    "custom_fields",
                    format!("Expected array, received {}", kind(Some(other))),
                ))
            }
        }
        Ok(())
    }

    pub(super) fn stardex(&mut self, req: &Req) -> Reply {
        if req.header("authorization") != Some(&format!("Bearer {}", credential("stardex", "token"))) {
            return self.error(401, "INVALID_API_KEY", "Invalid API key");
        }
        let seg = req.segments();
        match (req.method.as_str(), seg.as_slice()) {
            // Team members and companies, in the shapes PROVIDERS.md calls most likely (unverified).
            ("GET", ["v1", "team-members"]) => Reply::json(
                200,
                json!({"success": true, "data": [
                    {"id": STARDEX_MEMBER, "first_name": "Rosa", "last_name": "Park", "email": "rosa@stardex.test"}
                ]}),
            ),
            ("POST", ["v1", "companies", "search"]) => {
                let m = match self.body(req) {
                    Ok(m) => m.clone(),
                    Err(r) => return r,
                };
                let keyword = m
                    .get("keywords")
                    .and_then(|k| k.get(0))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_lowercase();
                let companies: Vec<Value> = [(STARDEX_COMPANY, "Globex", "globex.com")]
                    .iter()
                    .filter(|(_, name, site)| name.to_lowercase().contains(&keyword) || site.contains(&keyword))
                    .map(|(id, name, site)| json!({"id": id, "name": name, "website": site}))
                    .collect();
                Reply::json(200, json!({"success": true, "data": companies}))
            }
            ("GET", ["v1", "deal-statuses"]) => Reply::json(
                200,
                json!({"success": true, "data": STARDEX_STATUSES.iter().map(|s| json!({"id": s.0, "name": s.1})).collect::<Vec<_>>()}),
            ),
            ("POST", ["v1", "deals", "search"]) => {
                let m = match self.body(req) {
                    Ok(m) => m,
                    Err(r) => return r,
                };
                let offset = m.get("offset").and_then(Value::as_u64).unwrap_or(0) as usize;
                let limit = m.get("limit").and_then(Value::as_u64).unwrap_or(25);
                if !(1..=100).contains(&limit) {
                    return self.invalid("limit", "Number must be between 1 and 100");
                }
                let sort = m.get("sort_by").and_then(Value::as_str).map(|f| {
                    let field = match f {
                        "amount" => "amount",
                        "closed_date" => "close_date",
                        "deal_status_id" => "stage",
                        "owner_ids" => "owner",
                        _ => "name",
                    };
                    (field, m.get("sort_order").and_then(Value::as_str) != Some("desc"))
                });
                let words: Vec<String> = m
                    .get("keywords")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                    .unwrap_or_default();
                let mut all = query(&self.deals, None, sort);
                all.retain(|d| words.iter().all(|w| d.name.to_lowercase().contains(&w.to_lowercase())));
                let total = all.len();
                let page: Vec<Value> = all
                    .iter()
                    .skip(offset)
                    .take(limit as usize)
                    .map(Self::stardex_render)
                    .collect();
                Reply::json(
                    200,
                    json!({"success": true, "data": page, "meta": {"total": total, "offset": offset, "limit": limit}}),
                )
            }
            ("POST", ["v1", "deals"]) => {
                let m = match self.body(req) {
                    Ok(m) => m.clone(),
                    Err(r) => return r,
                };
                let mut d = FakeDeal::default();
                if let Err(r) = self.stardex_apply(&mut d, &m, false) {
                    return r;
                }
                d.id = self.new_id();
                let out = Self::stardex_render(&d);
                self.deals.push(d);
                Reply::json(200, json!({"success": true, "data": out}))
            }
            (method, ["v1", "deals", id]) => {
                let Some(i) = self.find(id) else {
                    return self.not_found(id);
                };
                match method {
                    "GET" => Reply::json(
                        200,
                        json!({"success": true, "data": Self::stardex_render(&self.deals[i])}),
                    ),
                    "PATCH" => {
                        if let Err(r) = self.update_with(i, req, |v, d, m| v.stardex_apply(d, m, true)) {
                            return r;
                        }
                        Reply::json(
                            200,
                            json!({"success": true, "data": {"message": "Deal updated successfully"}}),
                        )
                    }
                    "DELETE" => {
                        self.deals.remove(i);
                        Reply::json(
                            200,
                            json!({"success": true, "data": {"message": "Deal deleted successfully"}}),
                        )
                    }
                    _ => self.error(405, "METHOD_NOT_ALLOWED", "Method not allowed"),
                }
            }
            _ => self.error(404, "NOT_FOUND", "Route not found"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vendors::tests::{body, req};

    #[test]
    fn stardex_checks_ranges_and_uuids_and_pages_by_offset() {
        let mut v = Vendor::new("stardex", 30);
        let r = v.handle(&req(
            "stardex",
            "POST",
            "/v1/deals",
            json!({"name": "x", "win_probability": 101}),
        ));
        assert_eq!(
            body(&r)["error"]["message"],
            "win_probability: Number must be between 0 and 100"
        );
        let r = v.handle(&req(
            "stardex",
            "POST",
            "/v1/deals",
            json!({"name": "x", "client_id": "acme"}),
        ));
        assert_eq!(body(&r)["error"]["message"], "client_id: Invalid uuid");
        let r = v.handle(&req(
            "stardex",
            "POST",
            "/v1/deals/search",
            json!({"offset": 25, "limit": 10}),
        ));
        assert_eq!(body(&r)["meta"], json!({"total": 30, "offset": 25, "limit": 10}));
        assert_eq!(body(&r)["data"].as_array().unwrap().len(), 5);
    }
}
