//! The vendors of the registry (src/providers/crms.json): routes, auth, validation, paging and
//! bodies as each one documents them, one file each.

mod attio;
mod heffl;
mod hubspot;
mod stardex;
mod ysuite;

use crate::common::{http_date, now, FakeDeal, Fault, Reply, Req};
use serde_json::{Map, Value};

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
    api: &'static dyn Api,
    deals: Vec<FakeDeal>,
    next: u64,
}

/// A stage: (id, label, pipeline).
pub(crate) type StageDef = (&'static str, &'static str, &'static str);

/// What differs per vendor, as its documentation says: each vendor's file implements it, and
/// [`api_of`] names them, one line each.
pub(crate) trait Api: Sync {
    /// Its pipelines' stages.
    fn stages(&self) -> &'static [StageDef];
    /// Fills in what a seeded deal holds at this vendor.
    fn seed(&self, deal: &mut FakeDeal);
    /// The id of the `n`th deal.
    fn id(&self, n: u64) -> String;
    /// Answers a request as the vendor would.
    fn handle(&self, vendor: &mut Vendor, req: &Req) -> Reply;
    /// The documented error body for a status.
    fn error_body(&self, status: u16, code: &str, message: &str) -> Value;
    /// The documented validation error naming one wire field.
    fn invalid(&self, vendor: &Vendor, field: &str, message: &str) -> Reply;
    /// The documented body of a 429.
    fn rate_limited(&self, retry_after_secs: u64) -> Value;
    /// The documented answer for a deal that does not exist.
    fn not_found(&self, vendor: &Vendor, id: &str) -> Reply;
}

/// The vendor a line of the registry names.
fn api_of(name: &str) -> &'static dyn Api {
    match name {
        "stardex" => &stardex::Stardex,
        "hubspot" => &hubspot::Hubspot,
        "ysuite" => &ysuite::Ysuite,
        "attio" => &attio::Attio,
        "heffl" => &heffl::Heffl,
        other => panic!("src/providers/crms.json lists {other}, which tests/fake-crm/src/vendors/ does not play"),
    }
}

impl Vendor {
    /// A vendor with `seed` deals, named so that sorting and paging are easy to check.
    pub fn new(name: &'static str, seed: usize) -> Self {
        let api = api_of(name);
        let mut v = Self {
            api,
            deals: Vec::new(),
            next: 1,
        };
        let stages = api.stages();
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
            api.seed(&mut d);
            v.deals.push(d);
        }
        v
    }

    fn new_id(&mut self) -> String {
        let n = self.next;
        self.next += 1;
        self.api.id(n)
    }

    fn find(&self, id: &str) -> Option<usize> {
        self.deals.iter().position(|d| d.id == id)
    }

    /// Answers a request as the vendor would.
    pub fn handle(&mut self, req: &Req) -> Reply {
        let api = self.api;
        api.handle(self, req)
    }

    /// The vendor's documented error body for a status.
    fn error(&self, status: u16, code: &str, message: &str) -> Reply {
        Reply::json(status, self.api.error_body(status, code, message))
    }

    /// The vendor's documented validation error naming one wire field.
    fn invalid(&self, field: &str, message: &str) -> Reply {
        self.api.invalid(self, field, message)
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
                let body = self.api.rate_limited(secs);
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
        self.api.not_found(self, id)
    }

    fn stage_known(&self, stage: &str) -> Option<&'static StageDef> {
        self.api.stages().iter().find(|s| s.0 == stage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{HeaderMap, HeaderName, HeaderValue};
    use serde_json::json;

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

    /// Each vendor's create with the account's tier and seats, in its own body shape.
    fn create_with(vendor: &str, tier: &str, seats: u32) -> (&'static str, Value) {
        use crate::account_fields::KEYS;
        let (_, tier_key, seats_key) = KEYS.iter().find(|(v, _, _)| *v == vendor).copied().unwrap();
        match vendor {
            "heffl" => (
                "/deals",
                json!({"title": "T", "clientId": "clt_a", "pipelineId": "dpl_1", tier_key: tier, seats_key: seats}),
            ),
            "hubspot" => (
                "/deals/v1/deal/",
                json!({"properties": [{"name": "dealname", "value": "T"}, {"name": "dealstage", "value": "closedwon"},
                    {"name": tier_key, "value": tier}, {"name": seats_key, "value": seats.to_string()}]}),
            ),
            "attio" => (
                "/v2/objects/deals/records",
                json!({"data": {"values": {"name": "T", "stage": "In Progress", "owner": "a@b.co", tier_key: tier, seats_key: seats}}}),
            ),
            _ => (
                "/v1/deals",
                json!({"name": "T", "custom_fields": [{"attribute_id": tier_key, "value": tier}, {"attribute_id": seats_key, "value": seats.to_string()}]}),
            ),
        }
    }

    #[test]
    fn the_accounts_own_fields_are_kept_and_a_value_the_account_lacks_is_refused_naming_the_field() {
        for vendor in ["heffl", "hubspot", "attio", "stardex"] {
            let mut v = Vendor::new(vendor, 1);
            let (path, good) = create_with(vendor, "gold", 12);
            let r = v.handle(&req(vendor, "POST", path, good));
            assert!(r.status < 300, "{vendor}: {}", r.body);
            assert!(
                r.body.contains("gold") || vendor == "stardex",
                "{vendor} echoes the tier: {}",
                r.body
            );
            let (_, tier_key, seats_key) = crate::account_fields::KEYS
                .iter()
                .find(|(x, _, _)| *x == vendor)
                .copied()
                .unwrap();
            let (path, bad_tier) = create_with(vendor, "platinum", 12);
            let r = v.handle(&req(vendor, "POST", path, bad_tier));
            assert_eq!(r.status, 400, "{vendor}");
            assert!(
                r.body.contains(tier_key) && r.body.contains("platinum"),
                "{vendor}: {}",
                r.body
            );
            let (path, too_many) = create_with(vendor, "gold", 900);
            let r = v.handle(&req(vendor, "POST", path, too_many));
            assert_eq!(r.status, 400, "{vendor}");
            assert!(r.body.contains(seats_key), "{vendor}: {}", r.body);
        }
    }
}
