//! The fake Heffl: its routes, auth, validation, paging and bodies as Heffl documents them.

use super::{credential, Api, StageDef, Vendor};
use crate::common::{days_of, query, FakeDeal, Reply, Req};
use serde_json::{json, Map, Value};

const HEFFL_KEYS: &[&str] = &[
    "title",
    "clientId",
    "pipelineId",
    "stageId",
    "leadId",
    "sourceId",
    "ownerUserId",
    "price",
    "expectedCloseDate",
    "currency",
    "isInclusiveTax",
    "assignees",
    "contacts",
    "tags",
    "products",
    "priority",
    "status",
];

fn rfc3339_date(s: &str) -> Option<String> {
    let date = s.get(..10)?;
    days_of(date)?;
    let rest = &s[10..];
    let ok = rest.starts_with('T')
        && rest.len() >= 9
        && rest[1..9].bytes().enumerate().all(|(i, b)| {
            if i == 2 || i == 5 {
                b == b':'
            } else {
                b.is_ascii_digit()
            }
        })
        && (rest.ends_with('Z') || rest.contains('+') || rest[9..].contains('-'));
    ok.then(|| date.to_owned())
}

const HEFFL_STAGES: &[StageDef] = &[
    ("dps_1", "New", "dpl_1"),
    ("dps_2", "Quoted", "dpl_1"),
    ("dps_3", "Won", "dpl_1"),
];

/// The name Heffl answers with beside an owner's id, as the real CRM looks its user up: the
/// seeded deals' owner has a name; any other id is a user the fake does not know.
fn user_name(id: &str) -> Option<String> {
    (id == "usr_1").then(|| "Mira".to_owned())
}

/// Heffl as its documentation describes it.
pub(crate) struct Heffl;

impl Api for Heffl {
    fn stages(&self) -> &'static [StageDef] {
        HEFFL_STAGES
    }

    fn seed(&self, d: &mut FakeDeal) {
        d.company = Some("clt_acme".into());
        d.owner = Some("usr_1".into());
        d.owner_name = Some("Mira".into());
        d.currency = Some("USD".into());
        d.custom.insert("cf_region".into(), json!("EMEA"));
    }

    fn id(&self, n: u64) -> String {
        format!("dl_{n}")
    }

    fn handle(&self, vendor: &mut Vendor, req: &Req) -> Reply {
        vendor.heffl(req)
    }

    fn error_body(&self, _status: u16, code: &str, message: &str) -> Value {
        json!({"error": {"code": code, "message": message}})
    }

    fn invalid(&self, _vendor: &Vendor, field: &str, message: &str) -> Reply {
        Reply::json(
            400,
            json!({"error": {"code": "VALIDATION_ERROR", "message": "Invalid request", "details": {"issues": [{"field": field, "message": message}]}}}),
        )
    }

    fn rate_limited(&self, _retry_after_secs: u64) -> Value {
        json!({"error": {"code": "TOO_MANY_REQUESTS", "message": "Rate limit exceeded"}})
    }

    fn not_found(&self, vendor: &Vendor, _id: &str) -> Reply {
        vendor.error(404, "NOT_FOUND", "Deal not found")
    }
}

impl Vendor {
    fn heffl_render(d: &FakeDeal) -> Value {
        let mut v = json!({
            "id": d.id, "number": format!("D-{}", d.id.trim_start_matches("dl_")), "title": d.name, "contactEmails": [],
            "clientId": d.company, "client": {}, "price": d.amount, "currency": d.currency,
            "expectedCloseDate": d.close_date.as_ref().map(|c| format!("{c}T00:00:00Z")),
            "status": "ACTIVE", "priority": null, "pipelineId": d.pipeline, "stageId": d.stage,
            "stage": d.stage.as_deref().and_then(|s| HEFFL_STAGES.iter().find(|x| x.0 == s)).map(|s| s.1),
            "leadId": null, "leadName": null, "crmSourceId": null, "source": null,
            "ownerUserId": d.owner, "ownerId": d.owner, "ownerName": d.owner_name,
            "createdAt": "2023-11-07T05:31:56Z", "updatedAt": "2023-11-07T05:31:56Z",
        });
        if let Value::Object(m) = &mut v {
            m.extend(d.custom.clone());
        }
        v
    }

    fn heffl_apply(&self, d: &mut FakeDeal, m: &Map<String, Value>, creating: bool) -> Result<(), Reply> {
        let mut issues = Vec::new();
        for k in m.keys() {
            if !HEFFL_KEYS.contains(&k.as_str()) && !k.starts_with("cf_") {
                issues.push(json!({"field": k, "message": "Unrecognized key"}));
            }
        }
        let prefixed = |k: &str, prefix: &str, required: bool, issues: &mut Vec<Value>| -> Option<Option<String>> {
            match m.get(k) {
                None if required => {
                    issues.push(json!({"field": k, "message": "Required"}));
                    None
                }
                None => None,
                Some(Value::Null) if !required => Some(None),
                Some(Value::String(s)) if s.starts_with(prefix) && s.len() > prefix.len() => Some(Some(s.clone())),
                Some(_) => {
                    issues.push(json!({"field": k, "message": format!("Must be an id starting with {prefix}")}));
                    None
                }
            }
        };
        match m.get("title") {
            Some(Value::String(t)) if !t.trim().is_empty() => d.name = t.clone(),
            None if !creating => {}
            _ => issues.push(json!({"field": "title", "message": "Required"})),
        }
        if let Some(c) = prefixed("clientId", "clt_", creating, &mut issues) {
            d.company = c;
        }
        if let Some(p) = prefixed("pipelineId", "dpl_", creating, &mut issues) {
            if p.as_deref().is_some_and(|p| p != "dpl_1") {
                issues.push(json!({"field": "pipelineId", "message": "Pipeline not found"}));
            }
            d.pipeline = p;
        }
        if let Some(s) = prefixed("stageId", "dps_", false, &mut issues) {
            match s.as_deref().map(|s| self.stage_known(s)) {
                Some(None) => {
                    issues.push(json!({"field": "stageId", "message": "Stage does not belong to the pipeline"}))
                }
                _ => d.stage = s,
            }
        } else if creating && d.stage.is_none() {
            d.stage = Some("dps_1".into());
        }
        if let Some(o) = prefixed("ownerUserId", "usr_", false, &mut issues) {
            d.owner_name = o.as_deref().and_then(user_name);
            d.owner = o;
        }
        match m.get("price") {
            None => {}
            Some(Value::Null) => d.amount = None,
            Some(Value::Number(n)) => d.amount = n.as_f64(),
            Some(_) => issues.push(json!({"field": "price", "message": "Expected number"})),
        }
        match m.get("currency") {
            None | Some(Value::Null) => {}
            Some(Value::String(c)) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => {
                d.currency = Some(c.clone())
            }
            Some(_) => issues.push(json!({"field": "currency", "message": "Must be a 3-letter ISO currency code"})),
        }
        match m.get("expectedCloseDate") {
            None => {}
            Some(Value::Null) => d.close_date = None,
            Some(Value::String(s)) => match rfc3339_date(s) {
                Some(date) => d.close_date = Some(date),
                None => issues.push(json!({"field": "expectedCloseDate", "message": "Invalid datetime"})),
            },
            Some(_) => issues.push(json!({"field": "expectedCloseDate", "message": "Invalid datetime"})),
        }
        for (k, v) in m.iter().filter(|(k, _)| k.starts_with("cf_")) {
            // The account's own fields are checked as the account defines them; any other
            // cf_* key is taken as it comes, as Heffl documents.
            let checked = match crate::account_fields::field("heffl", k) {
                Some(field) => crate::account_fields::check(field, v),
                None => Ok((!v.is_null()).then(|| v.clone())),
            };
            match checked {
                Ok(Some(v)) => {
                    d.custom.insert(k.clone(), v);
                }
                Ok(None) => {
                    d.custom.remove(k);
                }
                Err(message) => issues.push(json!({"field": k, "message": message})),
            }
        }
        if issues.is_empty() {
            Ok(())
        } else {
            Err(Reply::json(
                400,
                json!({"error": {"code": "VALIDATION_ERROR", "message": "Invalid request", "details": {"issues": issues}}}),
            ))
        }
    }

    pub(super) fn heffl(&mut self, req: &Req) -> Reply {
        if req.header("x-api-key") != Some(credential("heffl", "api_key")) {
            return self.error(401, "UNAUTHORIZED", "Invalid API key");
        }
        let seg = req.segments();
        match (req.method.as_str(), seg.as_slice()) {
            // Users and clients, in the shape PROVIDERS.md calls most likely (unverified).
            ("GET", ["users"]) => Reply::json(
                200,
                json!({"data": [
                    {"id": "usr_1", "name": "Mira Jones", "email": "mira@heffl.test"},
                    {"id": "usr_2", "name": "Omar Diaz", "email": "omar@heffl.test"}
                ], "meta": {"hasMore": false, "nextCursor": null}}),
            ),
            ("GET", ["clients"]) => {
                let search = req.q("search").unwrap_or("").to_lowercase();
                let clients: Vec<Value> = [
                    ("clt_acme", "Acme GmbH", "acme.de"),
                    ("clt_init", "Initech", "initech.com"),
                ]
                .iter()
                .filter(|(_, name, domain)| name.to_lowercase().contains(&search) || domain.contains(&search))
                .map(|(id, name, domain)| json!({"id": id, "name": name, "domain": domain}))
                .collect();
                Reply::json(
                    200,
                    json!({"data": clients, "meta": {"hasMore": false, "nextCursor": null}}),
                )
            }
            ("GET", ["pipelines"]) => Reply::json(
                200,
                json!({"data": [{"id": "dpl_1", "name": "Sales", "stages": HEFFL_STAGES.iter().map(|s| json!({"id": s.0, "name": s.1, "type": if s.0 == "dps_3" { "WON" } else { "ACTIVE" }})).collect::<Vec<_>>()}]}),
            ),
            ("GET", ["deals"]) => {
                let size: usize = req.q("pageSize").and_then(|s| s.parse().ok()).unwrap_or(30);
                if !(1..=100).contains(&size) {
                    return Reply::json(
                        400,
                        json!({"error": {"code": "BAD_REQUEST", "message": "pageSize must be between 1 and 100"}}),
                    );
                }
                let start: usize = match req.q("cursor") {
                    None | Some("") => 0,
                    Some(c) => match c.strip_prefix("cur_").and_then(|n| n.parse().ok()) {
                        Some(n) => n,
                        None => {
                            return Reply::json(
                                400,
                                json!({"error": {"code": "BAD_REQUEST", "message": "Invalid cursor"}}),
                            )
                        }
                    },
                };
                let sort = match req.q("orderBy") {
                    None => None,
                    Some("price") => Some("amount"),
                    Some("expectedCloseDate") => Some("close_date"),
                    Some("createdAt") | Some("position") => Some("id"),
                    Some(other) => {
                        return Reply::json(400, json!({"error": {"code": "BAD_REQUEST", "message": format!("orderBy {other} is not supported")}}))
                    }
                }
                .map(|f| (f, req.q("orderDir") != Some("desc")));
                let all = query(&self.deals, req.q("search"), sort);
                let data: Vec<Value> = all.iter().skip(start).take(size).map(Self::heffl_render).collect();
                let end = start + data.len();
                let more = end < all.len();
                Reply::json(
                    200,
                    json!({"data": data, "meta": {"hasMore": more, "nextCursor": more.then(|| format!("cur_{end}"))}}),
                )
            }
            ("POST", ["deals"]) => {
                let m = match self.body(req) {
                    Ok(m) => m.clone(),
                    Err(r) => return r,
                };
                let mut d = FakeDeal::default();
                if let Err(r) = self.heffl_apply(&mut d, &m, true) {
                    return r;
                }
                d.id = self.new_id();
                let out = Self::heffl_render(&d);
                self.deals.push(d);
                Reply::json(200, out)
            }
            (method, ["deals", id]) => {
                let Some(i) = self.find(id) else {
                    return self.not_found(id);
                };
                match method {
                    "GET" => Reply::json(200, Self::heffl_render(&self.deals[i])),
                    "PATCH" => {
                        if let Err(r) = self.update_with(i, req, |v, d, m| v.heffl_apply(d, m, false)) {
                            return r;
                        }
                        Reply::json(200, Self::heffl_render(&self.deals[i]))
                    }
                    "DELETE" => {
                        self.deals.remove(i);
                        Reply::empty(204)
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
    fn heffl_rejects_unknown_keys_but_accepts_custom_fields() {
        let mut v = Vendor::new("heffl", 0);
        let base = json!({"title": "x", "clientId": "clt_a", "pipelineId": "dpl_1"});
        let mut with_unknown = base.clone();
        with_unknown["notes"] = json!("hi");
        let r = v.handle(&req("heffl", "POST", "/deals", with_unknown));
        assert_eq!(r.status, 400);
        assert_eq!(
            body(&r)["error"]["details"]["issues"][0],
            json!({"field": "notes", "message": "Unrecognized key"})
        );
        let mut with_custom = base;
        with_custom["cf_region"] = json!("EMEA");
        let r = v.handle(&req("heffl", "POST", "/deals", with_custom));
        assert_eq!(r.status, 200);
        assert_eq!(body(&r)["cf_region"], "EMEA");
        assert_eq!(body(&r)["stageId"], "dps_1", "the first active stage when omitted");
    }
}
