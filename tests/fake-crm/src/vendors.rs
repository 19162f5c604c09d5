//! The five vendors: routes, auth, validation, paging and bodies as each one documents them.

use crate::common::{days_of, http_date, is_uuid, now, query, uuid, FakeDeal, Fault, Reply, Req};
use serde_json::{json, Map, Value};

/// The vendors this fake plays, by path prefix.
pub const VENDORS: &[&str] = &["stardex", "hubspot", "ysuite", "attio", "heffl"];

/// The credentials each fake accepts.
pub const TOKEN: &str = "test-token";
pub const YSUITE_ACCESS: &str = "test-access";
pub const YSUITE_SECRET: &str = "test-secret";
pub const HEFFL_KEY: &str = "test-key";

/// One vendor's state.
pub struct Vendor {
    name: &'static str,
    deals: Vec<FakeDeal>,
    next: u64,
}

/// A stage: (id, label, pipeline).
type StageDef = (&'static str, &'static str, &'static str);

const STARDEX_STATUSES: &[StageDef] = &[
    ("5a1e0000-0000-4000-8000-000000000001", "Lead", ""),
    ("5a1e0000-0000-4000-8000-000000000002", "Qualified", ""),
    ("5a1e0000-0000-4000-8000-000000000003", "Proposal", ""),
    ("5a1e0000-0000-4000-8000-000000000004", "Won", ""),
];
const HUBSPOT_STAGES: &[StageDef] = &[
    ("appointmentscheduled", "Appointment scheduled", "default"),
    ("qualifiedtobuy", "Qualified to buy", "default"),
    ("presentationscheduled", "Presentation scheduled", "default"),
    ("closedwon", "Closed won", "default"),
    ("closedlost", "Closed lost", "default"),
];
/// YSUITE's deal bodies name a pipeline, not a stage: the app's stage field is the pipeline.
const YSUITE_STAGES: &[StageDef] = &[("1", "Sales", "1"), ("2", "Renewals", "2")];
const ATTIO_STATUSES: &[StageDef] = &[
    ("Lead", "Lead", ""),
    ("In Progress", "In Progress", ""),
    ("Won", "Won", ""),
];
const HEFFL_STAGES: &[StageDef] = &[
    ("dps_1", "New", "dpl_1"),
    ("dps_2", "Quoted", "dpl_1"),
    ("dps_3", "Won", "dpl_1"),
];

fn stages_of(vendor: &str) -> &'static [StageDef] {
    match vendor {
        "stardex" => STARDEX_STATUSES,
        "hubspot" => HUBSPOT_STAGES,
        "ysuite" => YSUITE_STAGES,
        "attio" => ATTIO_STATUSES,
        _ => HEFFL_STAGES,
    }
}

impl Vendor {
    /// A vendor with `seed` deals, named so that sorting and paging are easy to check.
    pub fn new(name: &'static str, seed: usize) -> Self {
        let mut v = Self {
            name,
            deals: Vec::new(),
            next: 1,
        };
        let stages = stages_of(name);
        for i in 1..=seed {
            let (stage, _, pipeline) = stages[i % stages.len()];
            let id = v.new_id();
            let mut d = FakeDeal {
                id,
                name: format!("Seed deal {i:02}"),
                amount: Some((i * 1000) as f64),
                stage: Some(stage.to_owned()),
                pipeline: (!pipeline.is_empty()).then(|| pipeline.to_owned()),
                close_date: Some(format!("2027-01-{:02}", 1 + (i % 28))),
                ..FakeDeal::default()
            };
            match name {
                "stardex" => d.probability = Some(50.0),
                "hubspot" => d.owner = Some("24".into()),
                "ysuite" => {
                    d.company = Some("10".into());
                    d.owner = Some("5".into());
                    d.owner_name = Some("John Smith".into());
                }
                "attio" => {
                    d.owner = Some("50cf242c-7fa3-4cad-87d0-75b1af71c57b".into());
                    d.close_date = None;
                    d.currency = Some("USD".into());
                }
                _ => {
                    d.company = Some("clt_acme".into());
                    d.owner = Some("usr_1".into());
                    d.owner_name = Some("Mira".into());
                    d.currency = Some("USD".into());
                    d.custom.insert("cf_region".into(), json!("EMEA"));
                }
            }
            v.deals.push(d);
        }
        v
    }

    fn new_id(&mut self) -> String {
        let n = self.next;
        self.next += 1;
        match self.name {
            "stardex" | "attio" => uuid(n),
            "heffl" => format!("dl_{n}"),
            "hubspot" => (9_000_000 + n).to_string(),
            _ => n.to_string(),
        }
    }

    fn find(&self, id: &str) -> Option<usize> {
        self.deals.iter().position(|d| d.id == id)
    }

    /// Answers a request as the vendor would.
    pub fn handle(&mut self, req: &Req) -> Reply {
        match self.name {
            "stardex" => self.stardex(req),
            "hubspot" => self.hubspot(req),
            "ysuite" => self.ysuite(req),
            "attio" => self.attio(req),
            _ => self.heffl(req),
        }
    }

    /// The vendor's documented error body for a status.
    fn error(&self, status: u16, code: &str, message: &str) -> Reply {
        let body = match self.name {
            "stardex" => json!({"success": false, "error": {"code": code, "message": message}}),
            "hubspot" => {
                json!({"status": "error", "message": message, "correlationId": "0d3b5c8e-fake", "category": code})
            }
            "ysuite" => json!({"success": false, "message": message}),
            "attio" => {
                json!({"status_code": status, "type": "invalid_request_error", "code": code, "message": message})
            }
            _ => json!({"error": {"code": code, "message": message}}),
        };
        Reply::json(status, body)
    }

    /// The vendor's documented validation error naming one wire field.
    fn invalid(&self, field: &str, message: &str) -> Reply {
        match self.name {
            "stardex" => self.error(400, "VALIDATION_ERROR", &format!("{field}: {message}")),
            "hubspot" => {
                let list = json!([{"isValid": false, "message": message, "error": "INVALID_OPTION", "name": field}]);
                self.error(
                    400,
                    "VALIDATION_ERROR",
                    &format!("Property values were not valid: {list}"),
                )
            }
            "ysuite" => Reply::json(
                422,
                json!({"success": false, "message": "Validation failed", "errors": {field: [message]}}),
            ),
            "attio" => self.error(
                400,
                "validation_type",
                &format!("{message} (attribute with slug \"{field}\")"),
            ),
            _ => Reply::json(
                400,
                json!({"error": {"code": "VALIDATION_ERROR", "message": "Invalid request", "details": {"issues": [{"field": field, "message": message}]}}}),
            ),
        }
    }

    /// A misbehaviour instead of the real answer.
    pub fn fault_reply(&self, f: &Fault) -> Reply {
        let secs = f.retry_after.unwrap_or(1);
        match f.kind.as_str() {
            "429" | "429-date" => {
                let retry = if f.kind == "429" {
                    secs.to_string()
                } else {
                    http_date(now() + secs + 1)
                };
                let body = match self.name {
                    "stardex" => {
                        json!({"success": false, "error": {"code": "RATE_LIMITED", "message": "Too many requests"}, "retry_after_seconds": secs})
                    }
                    "hubspot" => {
                        json!({"status": "error", "message": "You have reached your secondly limit.", "errorType": "RATE_LIMIT", "correlationId": "c0ffee", "policyName": "SECONDLY"})
                    }
                    "ysuite" => json!({"success": false, "message": "Too many requests"}),
                    "attio" => {
                        json!({"status_code": 429, "type": "rate_limit_error", "code": "rate_limit_exceeded", "message": "Rate limit exceeded, please try again later"})
                    }
                    _ => json!({"error": {"code": "TOO_MANY_REQUESTS", "message": "Rate limit exceeded"}}),
                };
                Reply::json(429, body).header("retry-after", retry)
            }
            "500" => self.error(500, "INTERNAL_ERROR", "Internal server error"),
            "malformed" => Reply::raw(200, "{\"data\": [{\"id\": "),
            "html" => Reply::html(502, "<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>"),
            "drop" => Reply {
                drop_connection: true,
                ..Reply::raw(200, "")
            },
            "validation" => self.invalid(
                f.field.as_deref().unwrap_or("name"),
                "is not valid here (rejected by the server)",
            ),
            other => self.error(500, "INTERNAL_ERROR", &format!("unknown fault {other}")),
        }
    }

    fn body<'a>(&self, req: &'a Req) -> Result<&'a Map<String, Value>, Reply> {
        match &req.body {
            Some(Ok(Value::Object(m))) => Ok(m),
            Some(Ok(_)) => Err(self.error(400, "BAD_REQUEST", "The body must be a JSON object")),
            Some(Err(e)) => Err(self.error(400, "BAD_REQUEST", &format!("Invalid JSON: {e}"))),
            None => Err(self.error(400, "BAD_REQUEST", "A JSON body is required")),
        }
    }

    /// Applies an update body to deal `i` by the vendor's rules; the deal changes only if they pass.
    fn update_with(
        &mut self,
        i: usize,
        req: &Req,
        apply: impl Fn(&Self, &mut FakeDeal, &Map<String, Value>) -> Result<(), Reply>,
    ) -> Result<(), Reply> {
        let m = self.body(req)?.clone();
        let mut d = self.deals[i].clone();
        apply(self, &mut d, &m)?;
        self.deals[i] = d;
        Ok(())
    }

    fn not_found(&self, id: &str) -> Reply {
        match self.name {
            "stardex" => self.error(404, "NOT_FOUND", "Deal not found"),
            "hubspot" => self.error(404, "OBJECT_NOT_FOUND", "Deal does not exist"),
            "ysuite" => self.error(400, "NOT_FOUND", "Deal not found"),
            "attio" => self.error(404, "not_found", &format!("Record with ID \"{id}\" not found.")),
            _ => self.error(404, "NOT_FOUND", "Deal not found"),
        }
    }

    fn stage_known(&self, stage: &str) -> Option<&'static StageDef> {
        stages_of(self.name).iter().find(|s| s.0 == stage)
    }
}

// ---------------------------------------------------------------------------------------------
// Stardex

/// The name a vendor answers with beside an owner's id, as a real CRM looks its user up: the
/// seeded deals' owners have names; any other id is a user the fake does not know.
fn user_name(vendor: &str, id: &str) -> Option<String> {
    match (vendor, id) {
        ("ysuite", "5") => Some("John Smith".into()),
        ("heffl", "usr_1") => Some("Mira".into()),
        _ => None,
    }
}

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

impl Vendor {
    fn stardex_render(d: &FakeDeal) -> Value {
        json!({
            "id": d.id, "name": d.name, "amount": d.amount, "win_probability": d.probability,
            "deal_status_id": d.stage, "client_id": d.company, "job_id": null, "created_at": "2024-01-15T10:00:00Z",
            "description": d.description, "closed_date": d.close_date,
            "owner_ids": d.owner.iter().collect::<Vec<_>>(),
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
        Ok(())
    }

    fn stardex(&mut self, req: &Req) -> Reply {
        if req.header("authorization") != Some(&format!("Bearer {TOKEN}")) {
            return self.error(401, "INVALID_API_KEY", "Invalid API key");
        }
        let seg = req.segments();
        match (req.method.as_str(), seg.as_slice()) {
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

// ---------------------------------------------------------------------------------------------
// HubSpot

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
                other => problems.push(json!({"isValid": false, "message": format!("Property \"{other}\" does not exist"), "error": "PROPERTY_DOESNT_EXIST", "name": other})),
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

    fn hubspot(&mut self, req: &Req) -> Reply {
        if req.header("authorization") != Some(&format!("Bearer {TOKEN}")) {
            return self.error(
                401,
                "INVALID_AUTHENTICATION",
                "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
            );
        }
        let seg = req.segments();
        match (req.method.as_str(), seg.as_slice()) {
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
                d.company = m["associations"]["associatedCompanyIds"]
                    .as_array()
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

// ---------------------------------------------------------------------------------------------
// YSUITE

impl Vendor {
    fn ysuite_render(d: &FakeDeal) -> Value {
        let int = |v: &Option<String>| v.as_deref().and_then(|s| s.parse::<i64>().ok());
        json!({
            "deal_id": d.id.parse::<i64>().unwrap_or(0), "deal_name": d.name, "deal_amount": d.amount,
            "deal_source": null, "deal_expected_close_date": d.close_date, "pipeline_id": int(&d.pipeline),
            "deal_current_stage": null, "cstid": int(&d.company), "deal_owner_id": int(&d.owner),
            "owner": d.owner_name, "deal_description": d.description,
        })
    }

    fn ysuite_apply(&self, d: &mut FakeDeal, m: &Map<String, Value>) -> Result<(), Reply> {
        let mut errors = Map::new();
        let mut fail = |k: &str, msg: &str| {
            errors.insert(k.to_owned(), json!([msg]));
        };
        match m.get("deal_name") {
            Some(Value::String(s)) if !s.trim().is_empty() && s.chars().count() <= 255 => d.name = s.clone(),
            Some(Value::String(s)) if s.chars().count() > 255 => {
                fail("deal_name", "The deal name may not be greater than 255 characters.")
            }
            _ => fail("deal_name", "The deal name field is required."),
        }
        let int = |k: &str| m.get(k).and_then(Value::as_i64);
        match int("pipeline_id").map(|p| p.to_string()) {
            Some(p) if self.stage_known(&p).is_some() => {
                d.stage = Some(p.clone());
                d.pipeline = Some(p);
            }
            Some(_) => fail("pipeline_id", "The selected pipeline id is invalid."),
            None => fail("pipeline_id", "The pipeline id field is required."),
        }
        match int("cstid") {
            Some(c) if c > 0 => d.company = Some(c.to_string()),
            _ => fail("cstid", "The cstid field is required."),
        }
        match m.get("deal_amount") {
            None | Some(Value::Null) => d.amount = None,
            Some(Value::Number(n)) => d.amount = n.as_f64(),
            Some(_) => fail("deal_amount", "The deal amount must be a number."),
        }
        match m.get("deal_owner_id") {
            None | Some(Value::Null) => {
                d.owner = None;
                d.owner_name = None;
            }
            Some(v) => match v.as_i64() {
                Some(o) => {
                    d.owner = Some(o.to_string());
                    d.owner_name = user_name("ysuite", &o.to_string());
                }
                None => fail("deal_owner_id", "The deal owner id must be an integer."),
            },
        }
        match m.get("deal_expected_close_date") {
            None | Some(Value::Null) => d.close_date = None,
            Some(Value::String(s)) if days_of(s).is_some() => d.close_date = Some(s.clone()),
            Some(_) => fail(
                "deal_expected_close_date",
                "The deal expected close date does not match the format Y-m-d.",
            ),
        }
        match m.get("deal_description") {
            None | Some(Value::Null) => d.description = None,
            Some(Value::String(s)) => d.description = Some(s.clone()),
            Some(_) => fail("deal_description", "The deal description must be a string."),
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Reply::json(
                422,
                json!({"success": false, "message": "Validation failed", "errors": errors}),
            ))
        }
    }

    fn ysuite(&mut self, req: &Req) -> Reply {
        if req.header("x-ysuite-access-key") != Some(YSUITE_ACCESS)
            || req.header("x-ysuite-secret-key") != Some(YSUITE_SECRET)
        {
            return self.error(401, "UNAUTHORIZED", "Invalid API keys");
        }
        let seg = req.segments();
        match (req.method.as_str(), seg.as_slice()) {
            ("GET", ["v1", "pipelines"]) => Reply::json(
                200,
                json!({"success": true, "data": YSUITE_STAGES.iter().map(|s| json!({"pipeline_id": s.0.parse::<i64>().unwrap_or(0), "pipeline_name": s.1})).collect::<Vec<_>>()}),
            ),
            ("GET", ["v1", "deals"]) => {
                let size: usize = req.q("pageSize").and_then(|s| s.parse().ok()).unwrap_or(10);
                if !(1..=100).contains(&size) {
                    return Reply::json(
                        422,
                        json!({"success": false, "message": "Validation failed", "errors": {"pageSize": ["The page size may not be greater than 100."]}}),
                    );
                }
                let index: usize = req.q("pageIndex").and_then(|s| s.parse().ok()).unwrap_or(0);
                let sort = req.q("sortBy").map(|f| {
                    let field = match f {
                        "deal_amount" => "amount",
                        "deal_expected_close_date" => "close_date",
                        "pipeline_id" => "stage",
                        "deal_owner_id" => "owner",
                        _ => "name",
                    };
                    (field, req.q("sortOrder") != Some("desc"))
                });
                let all = query(&self.deals, req.q("search"), sort);
                let total = all.len();
                let pages = total.div_ceil(size);
                let data: Vec<Value> = all
                    .iter()
                    .skip(index * size)
                    .take(size)
                    .map(Self::ysuite_render)
                    .collect();
                Reply::json(
                    200,
                    json!({"success": true, "data": {"data": data, "current_page": index + 1, "total_records": total, "total_pages": pages}}),
                )
            }
            ("POST", ["v1", "deals"]) => {
                let m = match self.body(req) {
                    Ok(m) => m.clone(),
                    Err(r) => return r,
                };
                let mut d = FakeDeal::default();
                if let Err(r) = self.ysuite_apply(&mut d, &m) {
                    return r;
                }
                d.id = self.new_id();
                let out = json!({"success": true, "message": "Deal created successfully!", "data": {"deal_id": d.id.parse::<i64>().unwrap_or(0), "deal_name": d.name}});
                self.deals.push(d);
                Reply::json(200, out)
            }
            (method, ["v1", "deals", id]) => {
                let Some(i) = self.find(id) else {
                    return self.not_found(id);
                };
                match method {
                    "GET" => Reply::json(
                        200,
                        json!({"success": true, "data": Self::ysuite_render(&self.deals[i])}),
                    ),
                    "PUT" => {
                        if let Err(r) = self.update_with(i, req, |v, d, m| v.ysuite_apply(d, m)) {
                            return r;
                        }
                        Reply::json(200, json!({"success": true, "message": "Deal updated successfully!"}))
                    }
                    "DELETE" => {
                        self.deals.remove(i);
                        Reply::json(200, json!({"success": true, "message": "Deal deleted successfully"}))
                    }
                    _ => self.error(405, "METHOD_NOT_ALLOWED", "Method not allowed"),
                }
            }
            _ => self.error(404, "NOT_FOUND", "Route not found"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Attio

const ATTIO_WORKSPACE: &str = "14beef7a-99f7-4534-a87e-70b564330a4c";
const ATTIO_OBJECT: &str = "97052eb9-e65e-443f-a297-f2d9a4a7f795";

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
            "value".into(),
            json!(d.amount.iter().map(|a| current(json!({"currency_value": a, "currency_code": d.currency.clone().unwrap_or_else(|| "USD".into()), "attribute_type": "currency"}))).collect::<Vec<_>>()),
        );
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
                "associated_people" | "associated_company" => {}
                other => {
                    return Err(self.error(
                        400,
                        "validation_type",
                        &format!("Cannot find attribute with slug/ID \"{other}\"."),
                    ))
                }
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

    fn attio(&mut self, req: &Req) -> Reply {
        if req.header("authorization") != Some(&format!("Bearer {TOKEN}")) {
            return Reply::json(
                401,
                json!({"status_code": 401, "type": "auth_error", "code": "invalid_token", "message": "The access token is invalid or has expired."}),
            );
        }
        let seg = req.segments();
        match (req.method.as_str(), seg.as_slice()) {
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

// ---------------------------------------------------------------------------------------------
// Heffl

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
            d.owner_name = o.as_deref().and_then(|o| user_name("heffl", o));
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
            d.custom.insert(k.clone(), v.clone());
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

    fn heffl(&mut self, req: &Req) -> Reply {
        if req.header("x-api-key") != Some(HEFFL_KEY) {
            return self.error(401, "UNAUTHORIZED", "Invalid API key");
        }
        let seg = req.segments();
        match (req.method.as_str(), seg.as_slice()) {
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
    use axum::http::{HeaderMap, HeaderName, HeaderValue};

    fn req(vendor: &str, method: &str, path: &str, body: Value) -> Req {
        let mut h = HeaderMap::new();
        let mut set = |k: &'static str, v: &str| {
            h.insert(HeaderName::from_static(k), HeaderValue::from_str(v).unwrap());
        };
        match vendor {
            "ysuite" => {
                set("x-ysuite-access-key", YSUITE_ACCESS);
                set("x-ysuite-secret-key", YSUITE_SECRET);
            }
            "heffl" => set("x-api-key", HEFFL_KEY),
            _ => set("authorization", &format!("Bearer {TOKEN}")),
        }
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let bytes = if body.is_null() {
            Vec::new()
        } else {
            body.to_string().into_bytes()
        };
        Req::new(method, path, query, &h, &bytes)
    }

    fn body(r: &Reply) -> Value {
        serde_json::from_str(&r.body).unwrap_or(Value::Null)
    }

    #[test]
    fn every_vendor_refuses_a_wrong_key_with_its_documented_401() {
        for vendor in VENDORS {
            let mut v = Vendor::new(vendor, 1);
            let bare = Req::new("GET", "/x", "", &HeaderMap::new(), b"");
            let r = v.handle(&bare);
            assert_eq!(r.status, 401, "{vendor}");
        }
        let mut s = Vendor::new("stardex", 1);
        let r = s.handle(&Req::new("GET", "/v1/deal-statuses", "", &HeaderMap::new(), b""));
        assert_eq!(body(&r)["error"]["code"], "INVALID_API_KEY");
    }

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

    #[test]
    fn an_update_keeps_the_owner_name_the_vendor_knows() {
        let mut v = Vendor::new("heffl", 1);
        let r = v.handle(&req(
            "heffl",
            "PATCH",
            "/deals/dl_1",
            json!({"title": "renamed", "ownerUserId": "usr_1"}),
        ));
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(body(&r)["ownerName"], "Mira");
        let mut v = Vendor::new("ysuite", 1);
        let update = json!({"deal_name": "renamed", "pipeline_id": 1, "cstid": 10, "deal_owner_id": 5});
        let r = v.handle(&req("ysuite", "PUT", "/v1/deals/1", update));
        assert_eq!(r.status, 200, "{}", r.body);
        let r = v.handle(&req("ysuite", "GET", "/v1/deals/1", json!(null)));
        assert_eq!(body(&r)["data"]["owner"], "John Smith", "{}", r.body);
        // Cleared, the owner goes with its name.
        let cleared = json!({"deal_name": "renamed", "pipeline_id": 1, "cstid": 10, "deal_owner_id": null});
        let r = v.handle(&req("ysuite", "PUT", "/v1/deals/1", cleared));
        assert_eq!(r.status, 200, "{}", r.body);
        let r = v.handle(&req("ysuite", "GET", "/v1/deals/1", json!(null)));
        assert_eq!(body(&r)["data"]["owner"], Value::Null, "{}", r.body);
    }

    #[test]
    fn ysuite_requires_name_pipeline_and_company_on_update_too() {
        let mut v = Vendor::new("ysuite", 1);
        let r = v.handle(&req("ysuite", "PUT", "/v1/deals/1", json!({"deal_name": "renamed"})));
        assert_eq!(r.status, 422);
        let errors = &body(&r)["errors"];
        assert!(
            errors["pipeline_id"].is_array() && errors["cstid"].is_array(),
            "{errors}"
        );
        let ok = v.handle(&req(
            "ysuite",
            "PUT",
            "/v1/deals/1",
            json!({"deal_name": "renamed", "pipeline_id": 1, "cstid": 10}),
        ));
        assert_eq!(
            body(&ok),
            json!({"success": true, "message": "Deal updated successfully!"})
        );
    }

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
}
