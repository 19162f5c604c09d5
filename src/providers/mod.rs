//! Where deals can live. Each backend is data and pure functions over the domain model: a CRM
//! provider builds [`http::HttpRequest`]s and reads [`http::HttpResponse`]s, and `client/http.rs`
//! is the one place that sends them. Adding a CRM is one new file here plus its fixtures.

pub mod attio;
pub mod custom;
pub mod heffl;
pub mod http;
pub mod hubspot;
pub mod local;
pub mod lookup;
pub mod rest;
pub mod stardex;
pub mod ysuite;

use crate::backend::BackendError;
use crate::model::{
    Capabilities, Deal, DealFields, DealId, Field, FieldError, ListQuery, Message, Page, PagingStyle, Schema, Stage,
};
pub use crate::wire::{decimal_text, Number};
use http::{HttpRequest, HttpResponse};

/// What a create or update answered with: the deal, or only its id (then it is re-read).
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// The deal as stored (boxed: it is large beside an id).
    Deal(Box<Deal>),
    /// Only the id: the CRM does not return the record.
    Id(DealId),
}

/// A CRM's dialect of a deals API.
pub trait Provider {
    /// The CRM's name for messages.
    fn name(&self) -> &str;
    /// Its fields and their rules.
    fn schema(&self) -> Schema;
    /// How its list pages.
    fn paging(&self) -> PagingStyle;
    /// What its list can search and sort by.
    fn capabilities(&self) -> Capabilities;
    /// The headers that carry the credentials.
    fn auth_headers(&self) -> Vec<(&str, String)>;

    /// The request for one page.
    fn list(&self, query: &ListQuery) -> HttpRequest;
    /// Reads a page.
    fn read_list(&self, query: &ListQuery, response: &HttpResponse) -> Result<Page, BackendError>;
    /// The request for one deal.
    fn get(&self, id: &DealId) -> HttpRequest;
    /// Where the configuration sets the create's path, for a message when that path is not found.
    fn create_route_key(&self) -> &'static str {
        "routes.create"
    }
    /// Reads one deal.
    fn read_deal(&self, response: &HttpResponse) -> Result<Deal, BackendError>;
    /// The request for the stages (and pipelines); `None` where the API lists none (the
    /// configuration's `stages` are offered, or the stage is typed).
    fn stages(&self) -> Option<HttpRequest>;
    /// Reads the stages.
    fn read_stages(&self, response: &HttpResponse) -> Result<Vec<Stage>, BackendError>;
    /// The request finding owners or companies by name for a picker, where the CRM's public
    /// docs show one; `None` where they do not.
    fn lookup(&self, _kind: crate::model::LookupKind, _query: &str) -> Option<HttpRequest> {
        None
    }
    /// Reads a look-up's answer: the choices whose name contains `query` (an API that cannot
    /// search by name is asked for all, and they are filtered here).
    fn read_lookup(
        &self,
        _kind: crate::model::LookupKind,
        _query: &str,
        _response: &HttpResponse,
    ) -> Result<Vec<crate::model::Choice>, BackendError> {
        Ok(Vec::new())
    }
}

/// A CRM dialect's creates, updates and deletes, and its reading of error answers: apart from
/// [`Provider`] because only a form writes, and a list needs an error read only when the CRM
/// refuses it, so a page that lists deals need not fetch their code (the release build keeps it
/// in a chunk of its own: `ui::chunks`).
pub trait Writes: Provider {
    /// Reads a non-2xx answer into the error it documents.
    fn read_error(&self, response: &HttpResponse) -> BackendError;
    /// The request creating a deal; `stages` gives pipelines for CRMs that want them.
    fn create(&self, fields: &DealFields, stages: &[Stage]) -> HttpRequest;
    /// Reads a create's answer: by default the deal itself, as most CRMs send it.
    fn read_created(&self, response: &HttpResponse) -> Result<Saved, BackendError> {
        self.read_deal(response).map(|d| Saved::Deal(Box::new(d)))
    }
    /// The request replacing a deal's fields.
    fn update(&self, id: &DealId, fields: &DealFields, stages: &[Stage]) -> HttpRequest;
    /// Reads an update's answer: by default the deal itself, as most CRMs send it.
    fn read_updated(&self, _id: &DealId, response: &HttpResponse) -> Result<Saved, BackendError> {
        self.read_deal(response).map(|d| Saved::Deal(Box::new(d)))
    }
    /// The request deleting a deal.
    fn delete(&self, id: &DealId) -> HttpRequest;
}

/// The error a status means, once the provider has pulled out its message and field errors.
pub fn error_for_status(
    status: u16,
    retry_after_secs: Option<u64>,
    message: impl Into<Message>,
    fields: Vec<FieldError>,
) -> BackendError {
    let message: Message = message.into();
    let said = !matches!(&message, Message::Verbatim(text) if text.trim().is_empty());
    let status_arg = status.to_string();
    match status {
        401 => BackendError::Unauthorized(message),
        403 => BackendError::Forbidden(message),
        404 => BackendError::NotFound,
        429 => BackendError::RateLimited { retry_after_secs },
        400..=499 if !fields.is_empty() => BackendError::Fields {
            errors: fields,
            message: said.then_some(message),
        },
        400..=499 if said => BackendError::Form(message),
        400..=499 => BackendError::Form(Message::key("error-refused").text("status", status_arg)),
        _ if said => BackendError::Form(
            Message::key("error-crm-problem-because")
                .text("status", status_arg)
                .message("reason", message),
        ),
        _ => BackendError::Form(Message::key("error-crm-problem").text("status", status_arg)),
    }
}

/// The error for a 404 where no one deal was asked for (the list, the stages): the address is
/// wrong, not a deal gone, whatever the error says of deals. `e` otherwise.
pub fn address_not_found(e: BackendError, name: &str, base: &str, what: &str) -> BackendError {
    match e {
        BackendError::NotFound => {
            let key = match what {
                "stages" => "error-address-stages",
                "owners" => "error-address-owners",
                "companies" => "error-address-companies",
                _ => "error-address-deals",
            };
            BackendError::Form(Message::key(key).text("crm", name).text("base_url", base))
        }
        e => e,
    }
}

/// The error for a 404 answering a create, sent to `url`: there is no deal yet that could be
/// gone, so the address (base_url, or the route the configuration sets at `route_key`) is wrong.
/// `e` otherwise.
pub fn create_not_found(e: BackendError, name: &str, url: &str, route_key: &str) -> BackendError {
    match e {
        BackendError::NotFound => BackendError::Form(
            Message::key("error-create-address")
                .text("crm", name)
                .text("url", url)
                .text("setting", route_key),
        ),
        e => e,
    }
}

/// The error for a non-2xx answer whose body is not the CRM's documented error JSON
/// (a gateway's HTML page, an empty body): the status says what it can.
pub fn error_without_body(r: &HttpResponse) -> BackendError {
    let head = r.body.trim_start();
    let message = if head.starts_with('<') {
        Message::key("error-html-answer")
    } else if head.is_empty() {
        Message::verbatim("")
    } else {
        Message::key("error-unexpected-answer")
    };
    error_for_status(r.status, r.retry_after_secs, message, Vec::new())
}

/// The error for a non-2xx answer when the code that reads the CRM's error answers (with its
/// writes, see [`Writes`]) could not be fetched (`gone`: the server no longer has it, see
/// [`crate::messages::CODE_GONE`]): the status says what it can, and why there is no more.
pub fn error_unread(r: &HttpResponse, gone: bool) -> BackendError {
    let why =
        Message::key("error-explanation-unread").message("reason", crate::backend::code_unfetched(gone).message());
    match r.status {
        401 | 403 | 404 | 429 | 500.. => error_for_status(r.status, r.retry_after_secs, why, Vec::new()),
        status => BackendError::Form(
            Message::key("error-refused-because")
                .text("status", status.to_string())
                .message("reason", why),
        ),
    }
}

/// A non-2xx answer's body read as the CRM's documented error type; `None` (a gateway's page,
/// a body of another shape) sends the caller to [`error_without_body`].
pub fn error_body<T: serde::de::DeserializeOwned>(r: &HttpResponse) -> Option<T> {
    crate::wire::from_str(&r.body).ok()
}

/// Puts each `(wire field, message)` the CRM reported under its form field (the first message
/// per field, listed in form order), and returns the rest as `wire: message` texts for the
/// form-level message.
pub fn place_errors(
    table: &[(&str, Field)],
    issues: impl IntoIterator<Item = (String, String)>,
) -> (Vec<FieldError>, Vec<String>) {
    let mut fields: Vec<FieldError> = Vec::new();
    let mut unplaced = Vec::new();
    for (wire, message) in issues {
        match field_named(table, &wire) {
            Some(f) if !fields.iter().any(|x| x.field == f) => fields.push(FieldError::new(f, Message::from(message))),
            Some(_) => {}
            None => unplaced.push(format!("{wire}: {message}")),
        }
    }
    // In the form's order, as the form's own validation lists them, whatever order the CRM used.
    crate::model::order::sort_short_by_key(&mut fields, |e| e.field);
    (fields, unplaced)
}

/// A CRM's amount, written as a JSON number or (HubSpot) as decimal text, as money in
/// `currency`; an amount that is no number or out of range makes the reply malformed, naming
/// the deal and the amount as the CRM wrote it.
pub fn wire_money(
    amount: Option<&Number>,
    currency: crate::model::Currency,
    deal: &str,
) -> Result<Option<crate::model::Money>, BackendError> {
    match amount {
        Some(n) => n
            .value()
            .and_then(|v| crate::model::Money::from_f64(v, currency))
            .map(Some)
            .ok_or_else(|| BackendError::Malformed(format!("deal {deal} has the amount {n}"))),
        None => Ok(None),
    }
}

/// A field in a write's body: `None` leaves it out, `Some(None)` writes `null`. An absent
/// value is left out of a create, and written as `null` by an update (`clear_absent`), which
/// clears it at the CRM.
pub fn written<T>(value: Option<T>, clear_absent: bool) -> Option<Option<T>> {
    match value {
        Some(v) => Some(Some(v)),
        None => clear_absent.then_some(None),
    }
}

/// The stage's pipeline, for CRMs that want both.
pub fn pipeline_of<'a>(stage: Option<&str>, stages: &'a [Stage]) -> Option<&'a str> {
    let stage = stage?;
    stages
        .iter()
        .find(|s| s.id == stage)
        .and_then(|s| s.pipeline.as_deref())
}

/// Maps a CRM's field name to the form field, via the provider's table.
pub fn field_named(table: &[(&str, Field)], wire: &str) -> Option<Field> {
    table.iter().find(|(w, _)| *w == wire).map(|(_, f)| *f)
}

/// The next page of a forward-only cursor API: `has_more` with the token to fetch it.
/// A `has_more` without a token is a reply the app cannot follow, so it is malformed.
pub fn next_token(
    has_more: bool,
    token: Option<String>,
    token_name: &str,
) -> Result<Option<crate::model::Cursor>, BackendError> {
    match (has_more, token.filter(|t| !t.is_empty())) {
        (true, Some(t)) => Ok(Some(crate::model::Cursor::Token(t))),
        (true, None) => Err(BackendError::Malformed(format!("hasMore without {token_name}"))),
        (false, _) => Ok(None),
    }
}

/// The path of one deal: a route prefix and the encoded id.
pub fn deal_path(prefix: &str, id: &DealId) -> String {
    format!("{prefix}{}", path_id(id))
}

/// A configured replacement path, with `{id}` filled in (encoded).
///
/// ```
/// use dealform::model::DealId;
/// assert_eq!(dealform::providers::reroute("/v2/deal/{id}", Some(&DealId("a/b".into()))), "/v2/deal/a%2Fb");
/// ```
pub fn reroute(path: &str, id: Option<&DealId>) -> String {
    match id {
        Some(id) => path.replace("{id}", &path_id(id)),
        None => path.to_owned(),
    }
}

/// A deal id must not smuggle path segments or queries into a URL.
pub fn path_id(id: &DealId) -> String {
    http::encode(&id.0)
}

/// A CRM of the registry (`crms.json`): what the configuration needs to know of it.
#[derive(Debug, PartialEq, Eq)]
pub struct Crm {
    /// Its name in `config.json`'s `provider`.
    pub provider: &'static str,
    /// The vendor's own API address, used when `base_url` is not set.
    pub base_url: &'static str,
    /// The names of the credentials it takes.
    pub credentials: &'static [&'static str],
    /// The shape of the keys of the account's own fields ([`crate::model::CustomField::key`]).
    pub custom_keys: CustomKeys,
}

/// What a backend takes as the key of a custom field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CustomKeys {
    /// Its API has no custom fields (YSUITE).
    None,
    /// An internal name: a letter, then letters, digits and `_` (a HubSpot property, an Attio slug).
    Name,
    /// A UUID (a Stardex custom field's `attribute_id`).
    Uuid,
    /// A text with this prefix (Heffl `cf_`).
    Prefix(&'static str),
    /// Any name (the local backend).
    Any,
    /// A JSON pointer into the deal (a `rest` API).
    Pointer,
}

impl CustomKeys {
    /// Why `key` is not a key of this shape, or `None` when it is one.
    pub fn mistake(self, key: &str) -> Option<String> {
        let name_like = |s: &str| {
            s.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
                && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        };
        let ok = match self {
            CustomKeys::None => return Some("cannot be set: this CRM's API has no custom fields".to_owned()),
            CustomKeys::Name => name_like(key),
            CustomKeys::Uuid => crate::model::IdFormat::Uuid.matches(key),
            CustomKeys::Prefix(p) => key
                .strip_prefix(p)
                .is_some_and(|rest| !rest.is_empty() && name_like(key)),
            CustomKeys::Any => !key.trim().is_empty() && key.chars().count() <= 64,
            CustomKeys::Pointer => key.starts_with('/') && key.len() > 1,
        };
        (!ok).then(|| {
            let shape = match self {
                CustomKeys::Name => "the field's internal name: a letter, then letters, digits or _".to_owned(),
                CustomKeys::Uuid => "the field's attribute_id, a UUID".to_owned(),
                CustomKeys::Prefix(p) => format!("a key starting with {p}, such as {p}priority"),
                CustomKeys::Pointer => "a JSON pointer into the deal, such as /custom/priority".to_owned(),
                _ => "a name of 1 to 64 characters".to_owned(),
            };
            format!("must be {shape} (it is “{key}”)")
        })
    }
}

impl Crm {
    /// The registry's entry for a `provider` name.
    pub fn named(provider: &str) -> Option<&'static Crm> {
        CRMS.iter().find(|c| c.provider == provider)
    }
}

/// Secrets for a CRM, by the names its registry entry gives them (`token`, `api_key`…). Held in
/// memory only: never stored, put in a URL or logged, so `Debug` shows which are set and not
/// what they are.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Credentials(pub Vec<(String, String)>);

impl Credentials {
    /// The credential named `name`, or `""` when it is not set.
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut list = f.debug_map();
        for (name, _) in &self.0 {
            list.entry(name, &"<set>");
        }
        list.finish()
    }
}

// The registry, written as Rust by build.rs: `Dialect`, `each_dialect!`, `Dialect::connect`, `CRMS`.
include!(concat!(env!("OUT_DIR"), "/crms.rs"));

impl Dialect {
    /// Its reads: what a list needs.
    pub fn reads(self) -> Box<dyn Provider> {
        each_dialect!(self, p => Box::new(p))
    }

    /// All of it, writes included.
    pub fn writes(self) -> Box<dyn Writes> {
        each_dialect!(self, p => Box::new(p))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Currency;

    #[test]
    fn every_crm_of_the_registry_has_a_dialect_that_takes_its_credentials() {
        assert!(CRMS.len() >= 5);
        for crm in CRMS {
            let credentials = Credentials(
                crm.credentials
                    .iter()
                    .map(|name| ((*name).to_owned(), format!("{name}-value")))
                    .collect(),
            );
            let dialect = Dialect::connect(crm.provider, &credentials, Currency::USD, &[]).expect(crm.provider);
            let reads = dialect.clone().reads();
            let headers = reads.auth_headers();
            for name in crm.credentials {
                assert!(
                    headers.iter().any(|(_, v)| v.contains(&format!("{name}-value"))),
                    "{}: {name} is not sent",
                    crm.provider
                );
            }
        }
        assert!(Dialect::connect("salesforce", &Credentials::default(), Currency::USD, &[]).is_none());
    }

    #[test]
    fn a_list_not_found_points_at_the_address_not_at_a_deal() {
        let e = address_not_found(BackendError::NotFound, "Stardex", "https://crm.example/nope", "deals");
        assert_eq!(
            e.to_string(),
            "Stardex answered “not found” (404) when asked for its deals: the address dealform was given for it may be wrong. Check base_url in the configuration (it is https://crm.example/nope)."
        );
        // Any other error is left as it is.
        let refused = BackendError::Unauthorized("no".into());
        assert_eq!(address_not_found(refused.clone(), "Stardex", "x", "deals"), refused);
    }

    #[test]
    fn an_amount_out_of_range_is_named_as_the_crm_wrote_it() {
        let text = |t: &str| Number::Text(t.into());
        let err = wire_money(Some(&Number::Value(1e300)), Currency::USD, "7").unwrap_err();
        assert!(err.to_string().contains("deal 7 has the amount 1e300"), "{err}");
        let err = wire_money(Some(&text("-9.5E18")), Currency::USD, "8").unwrap_err();
        assert!(err.to_string().contains("deal 8 has the amount “-9.5E18”"), "{err}");
        let err = wire_money(Some(&text("lots")), Currency::USD, "9").unwrap_err();
        assert!(err.to_string().contains("deal 9 has the amount “lots”"), "{err}");
        assert_eq!(
            wire_money(Some(&text("12.5")), Currency::USD, "9")
                .unwrap()
                .map(|m| m.minor),
            Some(1250)
        );
        assert_eq!(
            wire_money(Some(&Number::Value(12.5)), Currency::USD, "9")
                .unwrap()
                .map(|m| m.minor),
            Some(1250)
        );
    }

    #[test]
    fn an_error_answer_that_could_not_be_read_says_what_its_status_says() {
        let said = |status, retry, gone| {
            error_unread(
                &HttpResponse {
                    status,
                    retry_after_secs: retry,
                    body: "{}".into(),
                    headers: Vec::new(),
                },
                gone,
            )
        };
        let why = "its explanation could not be read. Part of the app could not be fetched. Check the connection, then retry; if that does not help, reload the page.";
        assert_eq!(
            said(401, None, false).to_string(),
            format!("The CRM refused the credentials: {why}")
        );
        assert_eq!(
            said(403, None, false).to_string(),
            format!("The CRM does not allow these credentials to do this: {why}")
        );
        assert_eq!(said(404, None, false), BackendError::NotFound);
        assert_eq!(
            said(429, Some(3), false),
            BackendError::RateLimited {
                retry_after_secs: Some(3)
            }
        );
        assert_eq!(
            said(422, None, false).to_string(),
            format!("The CRM refused the request (422), and {why}")
        );
        assert_eq!(
            said(503, None, false).to_string(),
            format!("The CRM had a problem (503): {why}")
        );

        // When the server no longer has that code, a reload is the way out, not a retry.
        let why = "its explanation could not be read. Part of the app is no longer on the server: it was updated since this page was opened. Reload the page to go on.";
        assert_eq!(
            said(401, None, true).to_string(),
            format!("The CRM refused the credentials: {why}")
        );
        assert_eq!(
            said(422, None, true).to_string(),
            format!("The CRM refused the request (422), and {why}")
        );
    }

    #[test]
    fn a_404_on_a_create_names_the_address_not_a_deleted_deal() {
        let e = create_not_found(
            BackendError::NotFound,
            "Heffl",
            "https://crm.example/v2/dealz",
            "routes.create",
        );
        assert_eq!(
            e.to_string(),
            "Heffl answered “not found” (404) when sent the new deal at https://crm.example/v2/dealz: the address dealform was given for it may be wrong. Check base_url, and routes.create if it is set, in the configuration."
        );
        assert!(!e.to_string().contains("no longer exists"));
        let refused = BackendError::Forbidden("no".into());
        assert_eq!(
            create_not_found(refused.clone(), "Heffl", "x", "routes.create"),
            refused
        );
    }

    #[test]
    fn forbidden_is_not_a_wrong_key() {
        let e = error_for_status(403, None, "Add-on inactive", Vec::new());
        assert_eq!(e, BackendError::Forbidden("Add-on inactive".into()));
        assert_eq!(
            e.to_string(),
            "The CRM does not allow these credentials to do this: Add-on inactive"
        );
        let silent = error_for_status(403, None, String::new(), Vec::new());
        assert_eq!(
            silent.to_string(),
            "The CRM does not allow these credentials to do this."
        );
        let wrong = error_for_status(401, None, "Invalid API key", Vec::new());
        assert_eq!(wrong.to_string(), "The CRM refused the credentials: Invalid API key");
    }

    #[test]
    fn decimal_text_reads_what_hubspot_sends() {
        assert_eq!(decimal_text("60000.00"), Some(60000.0));
        assert_eq!(decimal_text(" 0.2 "), Some(0.2));
        assert_eq!(decimal_text("1e3"), Some(1000.0));
        assert_eq!(decimal_text("1e400"), None);
        assert_eq!(decimal_text("+.5e+1"), Some(5.0));
        assert_eq!(decimal_text("007."), Some(7.0));
        for bad in [
            "", "-", ".", "abc", "1,5", "0x10", "1.2.3", "--1", "+-1", "1e", "1e+", "e5", ".e1", "1.e", "1e1.5", "NaN",
            "inf",
        ] {
            assert_eq!(decimal_text(bad), None, "{bad:?}");
        }
    }

    // proptest is a host-only dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any jumble of a number's characters is a number exactly when `str::parse` says so.
        #[test]
        fn decimal_text_refuses_what_parse_refuses(t in "[+\\-0-9.eE]{0,12}") {
            let theirs = t.parse::<f64>().ok().filter(|v| v.is_finite());
            proptest::prop_assert_eq!(decimal_text(&t).is_some(), theirs.is_some(), "{}", t);
        }

        /// Amounts in cents come back as those cents, exactly.
        #[test]
        fn decimal_text_keeps_cents(cents in 0u64..100_000_000_000_000) {
            let text = format!("{}.{:02}", cents / 100, cents % 100);
            proptest::prop_assert_eq!(decimal_text(&text).map(|v| (v * 100.0).round() as u64), Some(cents));
        }
    }
}
