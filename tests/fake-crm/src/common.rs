//! What every fake shares: the request and reply shapes, faults, and the deal store.

use axum::http::HeaderMap;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

/// A request as a vendor fake sees it, its prefix removed.
pub struct Req {
    pub method: String,
    pub path: String,
    pub query: HashMap<String, Vec<String>>,
    pub headers: HashMap<String, String>,
    /// The body: `None` when absent, `Err` when it is not JSON.
    pub body: Option<Result<Value, String>>,
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Req {
    pub fn new(method: &str, path: &str, query: &str, headers: &HeaderMap, body: &[u8]) -> Self {
        let mut q: HashMap<String, Vec<String>> = HashMap::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            q.entry(decode(k)).or_default().push(decode(v));
        }
        let headers = headers
            .iter()
            .filter_map(|(k, v)| v.to_str().ok().map(|v| (k.as_str().to_ascii_lowercase(), v.to_owned())))
            .collect();
        let body = (!body.is_empty()).then(|| serde_json::from_slice(body).map_err(|e| e.to_string()));
        Self {
            method: method.to_owned(),
            path: path.to_owned(),
            query: q,
            headers,
            body,
        }
    }

    pub fn q(&self, k: &str) -> Option<&str> {
        self.query.get(k).and_then(|v| v.first()).map(String::as_str)
    }

    pub fn header(&self, k: &str) -> Option<&str> {
        self.headers.get(k).map(String::as_str)
    }

    /// The path split into segments, without the leading empty one.
    pub fn segments(&self) -> Vec<&str> {
        self.path.split('/').filter(|s| !s.is_empty()).collect()
    }
}

/// A reply.
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub headers: Vec<(String, String)>,
    pub html: bool,
    pub drop_connection: bool,
}

impl Reply {
    pub fn json(status: u16, v: Value) -> Self {
        Self {
            status,
            body: v.to_string(),
            headers: Vec::new(),
            html: false,
            drop_connection: false,
        }
    }
    pub fn raw(status: u16, body: &str) -> Self {
        Self {
            status,
            body: body.to_owned(),
            headers: Vec::new(),
            html: false,
            drop_connection: false,
        }
    }
    pub fn html(status: u16, body: &str) -> Self {
        Self {
            html: true,
            ..Self::raw(status, body)
        }
    }
    pub fn empty(status: u16) -> Self {
        Self::raw(status, "")
    }
    pub fn header(mut self, k: &str, v: String) -> Self {
        self.headers.push((k.to_owned(), v));
        self
    }
}

/// A misbehaviour for the next `remaining` requests (of `method`, when given).
#[derive(Clone, Deserialize)]
pub struct Fault {
    /// `429`, `429-date`, `500`, `slow`, `malformed`, `html`, `drop` or `validation`.
    pub kind: String,
    #[serde(default = "one")]
    pub remaining: u32,
    #[serde(default)]
    pub method: Option<String>,
    /// Only requests to exactly this path (after the vendor prefix).
    #[serde(default)]
    pub path: Option<String>,
    /// Seconds for `429` / `429-date`.
    #[serde(default)]
    pub retry_after: Option<u64>,
    /// Milliseconds for `slow`.
    #[serde(default)]
    pub ms: Option<u64>,
    /// The wire field for `validation`.
    #[serde(default)]
    pub field: Option<String>,
}

fn one() -> u32 {
    1
}

impl Fault {
    pub fn matches(&self, method: &str, path: &str) -> bool {
        self.remaining > 0
            && self.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method))
            && self.path.as_deref().is_none_or(|p| p == path)
    }
}

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) for Unix seconds.
pub fn http_date(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil(days);
    let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days.rem_euclid(7)) as usize];
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][m as usize - 1];
    format!(
        "{weekday}, {d:02} {month} {y} {:02}:{:02}:{:02} GMT",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// (year, month, day) of days since 1970-01-01.
pub fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` (strictly: real days only).
pub fn days_of(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = date[0..4].parse().ok()?;
    let m: i64 = date[5..7].parse().ok()?;
    let d: i64 = date[8..10].parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let dim = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d < 1 || d > dim[(m - 1) as usize] {
        return None;
    }
    let yy = y - i64::from(m <= 2);
    let era = if yy >= 0 { yy } else { yy - 399 } / 400;
    let yoe = yy - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    Some(era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468)
}

/// A deal in the fake's neutral form; each vendor renders it in its own wire shape.
#[derive(Clone, Default, Debug)]
pub struct FakeDeal {
    pub id: String,
    pub name: String,
    pub amount: Option<f64>,
    pub currency: Option<String>,
    pub stage: Option<String>,
    pub pipeline: Option<String>,
    /// `YYYY-MM-DD`.
    pub close_date: Option<String>,
    pub probability: Option<f64>,
    pub owner: Option<String>,
    pub owner_name: Option<String>,
    pub company: Option<String>,
    pub description: Option<String>,
    pub custom: Map<String, Value>,
}

/// Sorts and filters a vendor's deals the way its list would.
pub fn query(deals: &[FakeDeal], search: Option<&str>, sort: Option<(&str, bool)>) -> Vec<FakeDeal> {
    let needle = search.map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty());
    let mut out: Vec<FakeDeal> = deals
        .iter()
        .filter(|d| {
            needle.as_ref().is_none_or(|n| {
                d.name.to_lowercase().contains(n) || d.description.as_deref().unwrap_or("").to_lowercase().contains(n)
            })
        })
        .cloned()
        .collect();
    if let Some((field, asc)) = sort {
        out.sort_by(|a, b| {
            let o = match field {
                "amount" => a.amount.unwrap_or(f64::MIN).total_cmp(&b.amount.unwrap_or(f64::MIN)),
                "close_date" => a.close_date.cmp(&b.close_date),
                "stage" => a.stage.cmp(&b.stage),
                "owner" => a.owner.cmp(&b.owner),
                _ => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            };
            if asc {
                o
            } else {
                o.reverse()
            }
        });
    }
    out
}

pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

pub fn uuid(n: u64) -> String {
    format!("00000000-0000-4000-8000-{n:012x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates_are_imf_fixdates() {
        assert_eq!(http_date(1_445_412_480), "Wed, 21 Oct 2015 07:28:00 GMT");
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
    }

    #[test]
    fn days_round_trip() {
        assert_eq!(days_of("2026-09-30"), Some(20_726));
        assert_eq!(civil(20_726), (2026, 9, 30));
        assert_eq!(days_of("2026-02-30"), None);
    }

    #[test]
    fn query_strings_decode_percent_and_plus() {
        assert_eq!(decode("a%20b+c%26"), "a b c&");
        assert_eq!(decode("100%"), "100%");
    }
}
