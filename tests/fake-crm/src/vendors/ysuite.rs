//! The fake YSUITE: its routes, auth, validation, paging and bodies as YSUITE documents them.

use super::{credential, Api, StageDef, Vendor};
use crate::common::{days_of, query, FakeDeal, Reply, Req};
use serde_json::{json, Map, Value};

/// YSUITE's deal bodies name a pipeline, not a stage: the app's stage field is the pipeline.
const YSUITE_STAGES: &[StageDef] = &[("1", "Sales", "1"), ("2", "Renewals", "2")];

/// The name YSUITE answers with beside an owner's id, as the real CRM looks its user up: the
/// seeded deals' owner has a name; any other id is a user the fake does not know.
fn user_name(id: &str) -> Option<String> {
    (id == "5").then(|| "John Smith".to_owned())
}

/// Ysuite as its documentation describes it.
pub(crate) struct Ysuite;

impl Api for Ysuite {
    fn stages(&self) -> &'static [StageDef] {
        YSUITE_STAGES
    }

    fn seed(&self, d: &mut FakeDeal) {
        d.company = Some("10".into());
        d.owner = Some("5".into());
        d.owner_name = Some("John Smith".into());
    }

    fn id(&self, n: u64) -> String {
        n.to_string()
    }

    fn handle(&self, vendor: &mut Vendor, req: &Req) -> Reply {
        vendor.ysuite(req)
    }

    fn error_body(&self, _status: u16, _code: &str, message: &str) -> Value {
        json!({"success": false, "message": message})
    }

    fn invalid(&self, _vendor: &Vendor, field: &str, message: &str) -> Reply {
        Reply::json(
            422,
            json!({"success": false, "message": "Validation failed", "errors": {field: [message]}}),
        )
    }

    fn rate_limited(&self, _retry_after_secs: u64) -> Value {
        json!({"success": false, "message": "Too many requests"})
    }

    fn not_found(&self, vendor: &Vendor, _id: &str) -> Reply {
        vendor.error(400, "NOT_FOUND", "Deal not found")
    }
}

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
                    d.owner_name = user_name(&o.to_string());
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

    pub(super) fn ysuite(&mut self, req: &Req) -> Reply {
        if req.header("x-ysuite-access-key") != Some(credential("ysuite", "access_key"))
            || req.header("x-ysuite-secret-key") != Some(credential("ysuite", "secret_key"))
        {
            return self.error(401, "UNAUTHORIZED", "Invalid API keys");
        }
        let seg = req.segments();
        match (req.method.as_str(), seg.as_slice()) {
            // Contacts by name, in the shape PROVIDERS.md calls most likely (unverified): the
            // deals' `cstid`.
            ("GET", ["v1", "contacts"]) => {
                let search = req.q("search").unwrap_or("").to_lowercase();
                let contacts: Vec<Value> = [
                    (10, "Acme Pty", "acme@ysuite.test"),
                    (11, "Umbrella Ltd", "umbrella@ysuite.test"),
                ]
                .iter()
                .filter(|(_, name, _)| name.to_lowercase().contains(&search))
                .map(|(id, name, email)| json!({"cstid": id, "name": name, "email": email}))
                .collect();
                let total = contacts.len();
                Reply::json(
                    200,
                    json!({"success": true, "data": {"data": contacts, "current_page": 1, "total_records": total, "total_pages": 1}}),
                )
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vendors::tests::{body, req};

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
}
