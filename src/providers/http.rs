//! HTTP as plain data: what a provider asks the client to send, and what came back.
//!
//! Providers build [`HttpRequest`]s and read [`HttpResponse`]s; `client/http.rs` is the one
//! place that sends them. Keeping this pure lets every mapping be tested on the host against
//! the vendors' documented bodies.

use crate::backend::BackendError;
use crate::wire::DecodeError;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// An HTTP method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// A request relative to the provider's base URL.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// Path and query, starting with `/`.
    pub path: String,
    /// A JSON body, as text.
    pub body: Option<String>,
}

impl HttpRequest {
    /// A GET of `path`.
    pub fn get(path: impl Into<String>) -> Self {
        Self {
            method: Method::Get,
            path: path.into(),
            body: None,
        }
    }
    /// A DELETE of `path`.
    pub fn delete(path: impl Into<String>) -> Self {
        Self {
            method: Method::Delete,
            path: path.into(),
            body: None,
        }
    }
    /// A request with a JSON body: one of the provider's wire types.
    pub fn json<T: Serialize + ?Sized>(method: Method, path: impl Into<String>, body: &T) -> Self {
        Self {
            method,
            path: path.into(),
            body: Some(crate::wire::to_string(body)),
        }
    }
}

#[cfg(test)]
impl HttpRequest {
    /// The body as a JSON value, for tests to compare with the vendors' documented bodies.
    pub fn body_json(&self) -> serde_json::Value {
        serde_json::from_str(self.body.as_deref().unwrap_or("null")).expect("a request body is JSON")
    }
}

/// A response as received.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The `Retry-After` header in seconds from now, when present and readable
    /// (the client converts the HTTP-date form with [`retry_after_secs`]).
    pub retry_after_secs: Option<u64>,
    /// The body as text.
    pub body: String,
    /// The headers the page may read (`Access-Control-Expose-Headers` decides, cross-origin),
    /// names in lower case.
    pub headers: Vec<(String, String)>,
}

impl HttpResponse {
    /// A response with a body and no headers of interest.
    pub fn new(status: u16, body: impl Into<String>) -> Self {
        Self {
            status,
            retry_after_secs: None,
            body: body.into(),
            headers: Vec::new(),
        }
    }

    /// The same response with a header.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_ascii_lowercase(), value.to_owned()));
        self
    }

    /// A header's value, its name in any case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the status is 2xx.
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body read as one of the provider's wire types, or a [`BackendError::Malformed`]
    /// naming the member that was missing or wrong.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, BackendError> {
        crate::wire::from_str_tracked(&self.body)
            .map_err(|e| BackendError::Malformed(describe_body_error(&self.body, &e)))
    }
}

#[cold]
fn describe_body_error(body: &str, e: &DecodeError) -> String {
    let head = body.trim_start();
    if head.starts_with('<') {
        "an HTML page instead of JSON (a proxy or server error page?)".to_owned()
    } else if head.is_empty() {
        "an empty body".to_owned()
    } else {
        format!("unexpected JSON ({e})")
    }
}

/// Percent-encodes a query or path component (RFC 3986 unreserved characters kept).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Builds `path?k=v&…`, encoding values and skipping `None`s.
pub fn with_query(path: &str, params: &[(&str, Option<String>)]) -> String {
    let q: Vec<String> = params
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", encode(v))))
        .collect();
    if q.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", q.join("&"))
    }
}

/// Seconds to wait from a `Retry-After` value: either delay-seconds or an HTTP date
/// (`Wed, 21 Oct 2015 07:28:00 GMT`), relative to `now` (Unix seconds).
///
/// ```
/// use dealform::providers::http::retry_after_secs;
/// assert_eq!(retry_after_secs("3", 0), Some(3));
/// assert_eq!(retry_after_secs("Thu, 01 Jan 1970 00:00:10 GMT", 4), Some(6));
/// ```
pub fn retry_after_secs(value: &str, now: u64) -> Option<u64> {
    let v = value.trim();
    if let Ok(s) = v.parse::<u64>() {
        return Some(s);
    }
    let at = parse_http_date(v)?;
    Some(at.saturating_sub(now))
}

/// Parses an IMF-fixdate (RFC 9110 §5.6.7) into Unix seconds.
pub fn parse_http_date(s: &str) -> Option<u64> {
    // "Sun, 06 Nov 1994 08:49:37 GMT"
    let rest = s.split_once(", ")?.1;
    let mut parts = rest.split(' ');
    let day: u8 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i64 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':').map(|p| p.parse::<u64>().ok());
    let (h, m, sec) = (hms.next()??, hms.next()??, hms.next()??);
    if parts.next()? != "GMT" || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day)?;
    u64::try_from(days).ok().map(|d| d * 86_400 + h * 3600 + m * 60 + sec)
}

fn days_from_civil(year: i64, month: u8, day: u8) -> Option<i64> {
    if day == 0 || day > 31 {
        return None;
    }
    let y = year - i64::from(month <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    Some(era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        assert_eq!(retry_after_secs(" 120 ", 0), Some(120));
        let at = parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        assert_eq!(at, 1_445_412_480);
        assert_eq!(retry_after_secs("Wed, 21 Oct 2015 07:28:00 GMT", at - 5), Some(5));
        assert_eq!(
            retry_after_secs("Wed, 21 Oct 2015 07:28:00 GMT", at + 60),
            Some(0),
            "a past date means now"
        );
    }

    #[test]
    fn malformed_retry_after_is_none() {
        for bad in [
            "",
            "soon",
            "-1",
            "1.5",
            "Wed, 21 Oct 2015 07:28:00 PST",
            "Wed, 32 Foo 2015 07:28:00 GMT",
            "21 Oct 2015",
        ] {
            assert_eq!(retry_after_secs(bad, 0), None, "{bad}");
        }
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(
            with_query("/d", &[("search", Some("a b&c=ü".into())), ("x", None)]),
            "/d?search=a%20b%26c%3D%C3%BC"
        );
        assert_eq!(with_query("/d", &[("x", None)]), "/d");
    }

    #[test]
    fn html_bodies_are_named_as_such() {
        let r = HttpResponse::new(200, "<html>Bad gateway</html>");
        let e = r.decode::<serde::de::IgnoredAny>().unwrap_err();
        assert_eq!(
            e,
            BackendError::Malformed("an HTML page instead of JSON (a proxy or server error page?)".into())
        );
    }
}
