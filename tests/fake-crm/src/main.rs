//! Contract-faithful fakes of the five CRM deal APIs, on 127.0.0.1, for dealform's tests.
//!
//! One process plays all five under path prefixes (`/stardex`, `/hubspot`, `/ysuite`, `/attio`,
//! `/heffl`): each checks auth headers and request bodies the way its vendor's docs say, pages
//! the way the vendor pages, and answers with the vendor's documented bodies and errors. CORS
//! preflights are answered so the browser app can call it from another origin.
//!
//! Tests steer it through `/__control/{vendor}/…`: `reset` (re-seed), `fault` (misbehave on the
//! next matching requests: 429 with seconds or a date, 500, slow, malformed JSON, an HTML page, a
//! dropped connection, a validation error at a field) and `requests` (what was received).
//!
//! Usage: `fake-crm [--port N] [--seed N]`; prints `listening on http://127.0.0.1:PORT`.

mod account_fields;
mod common;
mod vendors;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::Response;
use axum::Router;
use common::{Fault, Reply, Req};
use futures_util::StreamExt;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use vendors::{vendors, Vendor};

/// Everything the fake remembers, per vendor.
struct World {
    vendors: HashMap<&'static str, Vendor>,
    faults: HashMap<&'static str, Vec<Fault>>,
    log: HashMap<&'static str, Vec<String>>,
    seed: usize,
}

type Shared = Arc<Mutex<World>>;

fn cors(headers: &mut HeaderMap) {
    let set = |h: &mut HeaderMap, k: &'static str, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(headers, "access-control-allow-origin", "*");
    set(
        headers,
        "access-control-allow-methods",
        "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    );
    set(
        headers,
        "access-control-allow-headers",
        "authorization, content-type, accept, x-api-key, x-ysuite-access-key, x-ysuite-secret-key",
    );
    set(
        headers,
        "access-control-expose-headers",
        "retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset",
    );
    set(headers, "access-control-max-age", "600");
}

fn respond(reply: Reply) -> Response {
    let mut builder = Response::builder().status(reply.status);
    let content_type = if reply.html {
        "text/html; charset=utf-8"
    } else {
        "application/json"
    };
    builder = builder.header("content-type", content_type);
    for (k, v) in &reply.headers {
        builder = builder.header(k.as_str(), v.as_str());
    }
    let body = if reply.drop_connection {
        // Headers and a first chunk go out, then the connection is cut mid-answer. (Cut before
        // any byte, Chrome silently resends the request on a fresh connection.)
        let failing = futures_util::stream::iter([
            Ok(Bytes::from_static(b"{\"data\": ")),
            Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionReset,
                "dropped by the fake",
            )),
        ])
        .then(|item| async move {
            tokio::time::sleep(Duration::from_millis(50)).await;
            item
        });
        Body::from_stream(failing)
    } else {
        Body::from(reply.body)
    };
    let mut response = builder.body(body).unwrap_or_else(|_| Response::new(Body::empty()));
    cors(response.headers_mut());
    response
}

async fn handle(State(world): State<Shared>, request: Request) -> Response {
    if request.method() == Method::OPTIONS {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::NO_CONTENT;
        cors(r.headers_mut());
        return r;
    }
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 20).await.unwrap_or_default();
    let path = parts.uri.path().to_owned();
    let query = parts.uri.query().unwrap_or("").to_owned();
    let method = parts.method.as_str().to_owned();

    if let Some(rest) = path.strip_prefix("/__control/") {
        return respond(control(&world, &method, rest, &bytes));
    }
    let Some((vendor, sub)) = vendors().find_map(|v| {
        path.strip_prefix(&format!("/{v}"))
            .filter(|s| s.is_empty() || s.starts_with('/'))
            .map(|s| (v, s.to_owned()))
    }) else {
        return respond(Reply::json(404, json!({"message": "no such fake"})));
    };

    let fault = {
        let mut w = world.lock().unwrap_or_else(|e| e.into_inner());
        w.log.entry(vendor).or_default().push(format!("{method} {sub}"));
        let faults = w.faults.entry(vendor).or_default();
        let found = faults.iter_mut().position(|f| f.matches(&method, &sub));
        found.map(|i| {
            faults[i].remaining -= 1;
            let f = faults[i].clone();
            if faults[i].remaining == 0 {
                faults.remove(i);
            }
            f
        })
    };
    if let Some(f) = &fault {
        if f.kind == "slow" {
            tokio::time::sleep(Duration::from_millis(f.ms.unwrap_or(3000))).await;
        }
    }
    let req = Req::new(&method, &sub, &query, &parts.headers, &bytes);
    let mut w = world.lock().unwrap_or_else(|e| e.into_inner());
    let seed = w.seed;
    let state = w.vendors.entry(vendor).or_insert_with(|| Vendor::new(vendor, seed));
    let reply = match fault.filter(|f| f.kind != "slow") {
        Some(f) => state.fault_reply(&f),
        None => state.handle(&req),
    };
    respond(reply)
}

fn control(world: &Shared, method: &str, rest: &str, body: &[u8]) -> Reply {
    let mut parts = rest.splitn(2, '/');
    let (Some(vendor), Some(action)) = (parts.next(), parts.next()) else {
        return Reply::json(
            404,
            json!({"message": "use /__control/{vendor}/{reset|fault|requests}"}),
        );
    };
    let Some(vendor) = vendors().find(|v| *v == vendor) else {
        return Reply::json(404, json!({"message": "no such vendor"}));
    };
    let mut w = world.lock().unwrap_or_else(|e| e.into_inner());
    match (method, action) {
        ("POST", "reset") => {
            let seed = serde_json::from_slice::<Value>(body)
                .ok()
                .and_then(|v| v["seed"].as_u64())
                .map_or(w.seed, |n| n as usize);
            w.vendors.insert(vendor, Vendor::new(vendor, seed));
            w.faults.remove(vendor);
            w.log.remove(vendor);
            Reply::json(200, json!({"ok": true}))
        }
        ("POST", "fault") => match serde_json::from_slice::<Fault>(body) {
            Ok(f) => {
                w.faults.entry(vendor).or_default().push(f);
                Reply::json(200, json!({"ok": true}))
            }
            Err(e) => Reply::json(400, json!({"message": e.to_string()})),
        },
        ("GET", "requests") => Reply::json(200, json!(w.log.get(vendor).cloned().unwrap_or_default())),
        _ => Reply::json(404, json!({"message": "unknown control"})),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut port = 0u16;
    let mut seed = 23usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--port" => port = args.next().and_then(|p| p.parse().ok()).unwrap_or(0),
            "--seed" => seed = args.next().and_then(|p| p.parse().ok()).unwrap_or(23),
            other => {
                eprintln!("fake-crm: unknown argument {other}; usage: fake-crm [--port N] [--seed N]");
                std::process::exit(2);
            }
        }
    }
    let world = Arc::new(Mutex::new(World {
        vendors: HashMap::new(),
        faults: HashMap::new(),
        log: HashMap::new(),
        seed,
    }));
    let app = Router::new().fallback(handle).with_state(world);
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("fake-crm: cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(1);
        }
    };
    let addr = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
    println!("listening on http://{addr}");
    if let Err(e) = axum::serve(listener, app).await {
        eprintln!("fake-crm: {e}");
        std::process::exit(1);
    }
}
