//! The five vendors: routes, auth, validation, paging and bodies as each one documents them.

mod attio;
mod heffl;
mod hubspot;
mod stardex;
mod ysuite;

use crate::common::{http_date, now, uuid, FakeDeal, Fault, Reply, Req};
use serde_json::{json, Map, Value};

/// The app's registry of CRMs: the vendors this fake plays (by path prefix), each line with the
/// credentials its fake accepts.
const REGISTRY: &str = include_str!("../../../../src/providers/crms.json");

#[derive(serde::Deserialize)]
struct Registered {
    provider: String,
    credentials: Map<String, Value>,
}

fn registry() -> &'static [Registered] {
    static REGISTERED: std::sync::OnceLock<Vec<Registered>> = std::sync::OnceLock::new();
    REGISTERED.get_or_init(|| serde_json::from_str(REGISTRY).expect("src/providers/crms.json is the registry's JSON"))
}

/// The vendors this fake plays, by path prefix: the registry's CRMs.
pub fn vendors() -> impl Iterator<Item = &'static str> {
    registry().iter().map(|r| r.provider.as_str())
}

/// The credential `name` of `vendor` that its fake accepts, as the registry gives it.
pub fn credential(vendor: &str, name: &str) -> &'static str {
    registry()
        .iter()
        .find(|r| r.provider == vendor)
        .and_then(|r| r.credentials.get(name))
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("crms.json gives {vendor} no credential {name}"))
}

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

/// The name a vendor answers with beside an owner's id, as a real CRM looks its user up: the
/// seeded deals' owners have names; any other id is a user the fake does not know.
fn user_name(vendor: &str, id: &str) -> Option<String> {
    match (vendor, id) {
        ("ysuite", "5") => Some("John Smith".into()),
        ("heffl", "usr_1") => Some("Mira".into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{HeaderMap, HeaderName, HeaderValue};

    pub(super) fn req(vendor: &str, method: &str, path: &str, body: Value) -> Req {
        let mut h = HeaderMap::new();
        let mut set = |k: &'static str, v: &str| {
            h.insert(HeaderName::from_static(k), HeaderValue::from_str(v).unwrap());
        };
        match vendor {
            "ysuite" => {
                set("x-ysuite-access-key", credential("ysuite", "access_key"));
                set("x-ysuite-secret-key", credential("ysuite", "secret_key"));
            }
            "heffl" => set("x-api-key", credential("heffl", "api_key")),
            vendor => set("authorization", &format!("Bearer {}", credential(vendor, "token"))),
        }
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let bytes = if body.is_null() {
            Vec::new()
        } else {
            body.to_string().into_bytes()
        };
        Req::new(method, path, query, &h, &bytes)
    }

    pub(super) fn body(r: &Reply) -> Value {
        serde_json::from_str(&r.body).unwrap_or(Value::Null)
    }

    #[test]
    fn every_vendor_refuses_a_wrong_key_with_its_documented_401() {
        for vendor in vendors() {
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
}
