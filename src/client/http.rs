//! The one HTTP path: every CRM request goes through [`HttpBackend`], which adds the
//! credentials, enforces a timeout, waits out `429`s as `Retry-After` asks (at most twice,
//! telling the user), and turns every failure into a [`BackendError`].

use crate::backend::{ActivityListener, BackendError, DealsBackend, LocalBoxFuture};
use crate::config::Config;
use crate::model::{Capabilities, Deal, DealFields, DealId, ListQuery, Message, Page, PagingStyle, Schema, Stage};
use crate::providers::http::{retry_after_secs, HttpRequest, HttpResponse, Method};
use crate::providers::{Provider, Saved, Writes};
use gloo_net::http::{Headers, RequestBuilder};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// How many times a `429` is waited out before giving up.
pub const MAX_RATE_LIMIT_RETRIES: u32 = 2;
/// The longest `Retry-After` the app waits out by itself; longer ones are reported instead.
pub const MAX_WAIT_SECS: u64 = 60;

/// A dialect's writes, on their way.
pub type WritesFuture = LocalBoxFuture<'static, Result<Box<dyn WritePath>, BackendError>>;

/// How an [`HttpBackend`] gets the code of its dialect's writes, given by whoever makes the
/// backend: the UI keeps the CRMs' in a chunk of their own where the build splits it
/// (`ui::chunks`), so that a page that only lists deals does not fetch it.
#[derive(Clone)]
pub struct WriteCode {
    /// The dialect's writes, fetched first where they are apart; the error is the one to show
    /// (the network's, or a redeploy's).
    pub load: Rc<dyn Fn() -> WritesFuture>,
    /// Starts fetching that code ahead of need; a failure is left to `load` to report.
    pub prefetch: fn(),
    /// Whether the server no longer has the app's code: the app was redeployed since the page
    /// opened.
    pub gone: fn() -> bool,
}

/// A CRM reached over HTTP through its [`Provider`] dialect.
pub struct HttpBackend {
    provider: Box<dyn Provider>,
    /// Where the writes' code comes from: they come apart from the reads (see [`Writer`]).
    write_code: WriteCode,
    base: String,
    timeout_ms: u32,
    schema: Schema,
    fallback_stages: Vec<Stage>,
    routes: Vec<(String, String)>,
    stages: RefCell<Option<Vec<Stage>>>,
    stages_note: RefCell<Option<Message>>,
    listener: RefCell<Option<ActivityListener>>,
    /// The owners' and companies' names the CRM's look-ups gave this session.
    names: RefCell<crate::model::lookup::NameBook>,
}

/// What kind of call a request is: it decides what a timeout means.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Call {
    Read,
    Create,
    Write,
    Delete,
}

impl Call {
    /// For a call that changes something, what to check when its answer did not come (a timeout,
    /// an answer cut off): the request may have reached the CRM, and sending it again could
    /// create a duplicate. No full stop: the messages go on after it.
    fn may_have_landed(self) -> Option<&'static str> {
        match self {
            Call::Read => None,
            Call::Create => Some("network-may-have-created"),
            Call::Write => Some("network-may-have-saved"),
            Call::Delete => Some("network-may-have-deleted"),
        }
    }
}

/// A future that resolves after `ms` milliseconds (the browser's `setTimeout`).
pub fn sleep_ms(ms: u32) -> impl std::future::Future<Output = ()> {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// The `routes` key that reroutes a look-up of `kind`.
fn lookup_route(kind: crate::model::LookupKind) -> &'static str {
    match kind {
        crate::model::LookupKind::Owner => "owners",
        crate::model::LookupKind::Company => "companies",
    }
}

fn now_secs() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

impl HttpBackend {
    /// A backend for a dialect's reads, configured by `config` (base URL, timeout, fallback
    /// stages), whose writes come from `write_code`.
    pub fn new(provider: Box<dyn Provider>, write_code: WriteCode, config: &Config) -> Self {
        Self {
            schema: provider.schema(),
            provider,
            write_code,
            base: config.api_base(),
            timeout_ms: config.timeout_ms,
            fallback_stages: config.stages.clone(),
            routes: config.routes.clone(),
            stages: RefCell::new(None),
            stages_note: RefCell::new(None),
            listener: RefCell::new(None),
            names: RefCell::new({
                // The configuration's names are known: nothing is asked for them.
                let mut names = crate::model::lookup::NameBook::default();
                names.learn(crate::model::LookupKind::Owner, &config.owners);
                names.learn(crate::model::LookupKind::Company, &config.companies);
                names
            }),
        }
    }

    fn tell(&self, what: Option<Message>) {
        let listener = self.listener.borrow().clone();
        if let Some(l) = listener {
            l(what);
        }
    }

    async fn send_once(&self, req: &HttpRequest, call: Call) -> Result<HttpResponse, BackendError> {
        let url = format!("{}{}", self.base, req.path);
        let headers = Headers::new();
        headers.set("Accept", "application/json");
        for (k, v) in self.provider.auth_headers() {
            headers.set(k, &v);
        }
        let controller =
            web_sys::AbortController::new().map_err(|_| BackendError::Network(Message::key("network-cannot-send")))?;
        let method = match req.method {
            Method::Get => gloo_net::http::Method::GET,
            Method::Post => gloo_net::http::Method::POST,
            Method::Put => gloo_net::http::Method::PUT,
            Method::Patch => gloo_net::http::Method::PATCH,
            Method::Delete => gloo_net::http::Method::DELETE,
        };
        // `no-cache`: every read asks the CRM (with the validators a cached answer has), so the
        // list after a save, and the deal re-read before an edit is saved, are never a copy
        // the browser kept by its heuristics for answers without Cache-Control.
        let builder = RequestBuilder::new(&url)
            .method(method)
            .cache(web_sys::RequestCache::NoCache)
            .abort_signal(Some(&controller.signal()));
        let request = match &req.body {
            Some(body) => {
                headers.set("Content-Type", "application/json");
                builder.headers(headers).body(body.to_string())
            }
            None => builder.headers(headers).build(),
        }
        .map_err(|e| BackendError::Network(Message::verbatim(fetch_error(&e))))?;

        let abort = controller.clone();
        let mut in_flight = InFlight {
            controller,
            timer: gloo_timeout(self.timeout_ms, move || abort.abort()),
            answered: false,
        };
        let result = request.send().await;
        clear_timeout(in_flight.timer.take());
        let response = match result {
            Ok(r) => r,
            Err(gloo_net::Error::JsError(e)) if e.name == "AbortError" => return Err(self.timed_out(call)),
            Err(e) => {
                // Said to the person at the screen first; what only whoever set the app up can
                // fix (the address, the CRM's CORS) comes after, and the browser's words last.
                let name = self.provider.name();
                let offline = web_sys::window().is_some_and(|w| !w.navigator().on_line());
                let message = Message::key(if offline { "network-offline" } else { "network-failed" });
                return Err(BackendError::Network(
                    message.text("crm", name).text("detail", fetch_error(&e)),
                ));
            }
        };
        let status = response.status();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| retry_after_secs(&v, now_secs()));
        let body = match response.text().await {
            Ok(b) => b,
            Err(gloo_net::Error::JsError(e)) if e.name == "AbortError" => return Err(self.timed_out(call)),
            Err(e) => return Err(self.cut_off(call, &fetch_error(&e))),
        };
        in_flight.answered = true;
        let headers = response
            .headers()
            .entries()
            .map(|(name, value)| (name.to_ascii_lowercase(), value))
            .collect();
        Ok(HttpResponse {
            status,
            retry_after_secs: retry_after,
            body,
            headers,
        })
    }

    /// The answer began and was cut off: the request reached the CRM, which may have done it.
    fn cut_off(&self, call: Call, detail: &str) -> BackendError {
        let name = self.provider.name();
        let what = call.may_have_landed().unwrap_or("network-check-connection");
        BackendError::Network(
            Message::key("network-cut-off")
                .text("crm", name)
                .message("next", Message::key(what))
                .text("detail", detail),
        )
    }

    fn timed_out(&self, call: Call) -> BackendError {
        let secs = self.timeout_ms / 1000;
        let name = self.provider.name();
        let message = Message::key("network-timed-out")
            .text("crm", name)
            .number("seconds", secs as f64);
        BackendError::Network(match call.may_have_landed() {
            None => message,
            Some(what) => Message::key("network-timed-out-then")
                .message("timeout", message)
                .message("next", Message::key(what)),
        })
    }

    /// Sends a request, waiting out rate limits: a `429` has not been processed, so repeating
    /// it is safe even for a create.
    async fn send(&self, req: &HttpRequest, call: Call) -> Result<HttpResponse, BackendError> {
        let mut retries = 0;
        loop {
            let response = self.send_once(req, call).await?;
            if response.status != 429 || retries >= MAX_RATE_LIMIT_RETRIES {
                return Ok(response);
            }
            let wait = response.retry_after_secs.unwrap_or(1).max(1);
            if wait > MAX_WAIT_SECS {
                return Ok(response);
            }
            retries += 1;
            self.tell(Some(
                Message::key("activity-rate-limited")
                    .text("crm", self.provider.name())
                    .number("seconds", wait as f64),
            ));
            // Cleared when the wait is over, or when the call is given up mid-wait.
            let _told = Told(self);
            sleep_ms(wait as u32 * 1000).await;
        }
    }

    /// The request with its path replaced where the config reroutes this call.
    fn routed(&self, mut req: HttpRequest, route: &str, id: Option<&DealId>) -> HttpRequest {
        if let Some(path) = crate::config::route_in(&self.routes, route) {
            // The call's query (a look-up's search) goes with it to the new path.
            let query = req.path.split_once('?').map(|(_, q)| q.to_owned());
            req.path = crate::providers::reroute(path, id);
            if let Some(q) = query {
                req.path = format!("{}?{q}", req.path);
            }
        }
        req
    }

    async fn call(&self, req: HttpRequest, call: Call) -> Result<HttpResponse, BackendError> {
        let response = self.send(&req, call).await?;
        if response.ok() {
            return Ok(response);
        }
        // The dialect reads its error answers with its writes (see `Writes`), fetched now if a
        // list is the first to be refused. Without that code, the status says what it can.
        Err(match self.writer().await {
            Ok(writer) => writer.read_error(&response),
            Err(_) => crate::providers::error_unread(&response, (self.write_code.gone)()),
        })
    }

    /// A 404 for the list or the stages: see [`crate::providers::address_not_found`].
    fn not_found(&self, e: BackendError, what: &str) -> BackendError {
        crate::providers::address_not_found(e, self.provider.name(), &self.base, what)
    }

    /// Learns names for the owners and companies `deals` hold as ids alone that neither the
    /// configuration nor this session's look-ups named: each look-up's first choices, asked at
    /// once, once a session (a failed one is not asked again: its ids show). Names are a
    /// nicety: the list and the form show what [`Self::known_name`] finds.
    async fn name_people(&self, deals: &[Deal]) {
        use crate::model::{CustomKind, CustomValue, LookupKind};
        let people: Vec<(LookupKind, &str)> = self
            .schema
            .custom()
            .iter()
            .filter_map(|c| match c.kind {
                CustomKind::Person => Some((LookupKind::Owner, c.key.as_str())),
                CustomKind::Company => Some((LookupKind::Company, c.key.as_str())),
                _ => None,
            })
            .collect();
        let held: Vec<(LookupKind, &str)> = deals
            .iter()
            .flat_map(|d| {
                people.iter().filter_map(|(kind, key)| match d.fields.custom.get(*key) {
                    Some(CustomValue::Text(id)) => Some((*kind, id.as_str())),
                    _ => None,
                })
            })
            .collect();
        let kinds = self.names.borrow_mut().to_ask(deals, &held);
        // A failed look-up leaves the ids showing; the picker says why when it is used. There
        // are two kinds at most: owners and companies, asked at once.
        let mut lookups = kinds.into_iter().map(|kind| self.lookup(kind, ""));
        match (lookups.next(), lookups.next()) {
            (Some(first), Some(second)) => drop(futures::future::join(first, second).await),
            (Some(only), None) => drop(only.await),
            _ => {}
        }
    }

    async fn load_stages(&self) -> Result<Vec<Stage>, BackendError> {
        // An API that lists no stages: the configuration's, if any, else the stage is typed.
        let Some(request) = self.provider.stages() else {
            return Ok(self.fallback_stages.clone());
        };
        let fetched = self
            .call(self.routed(request, "stages", None), Call::Read)
            .await
            .map_err(|e| self.not_found(e, "stages"))
            .and_then(|r| self.provider.read_stages(&r));
        match fetched {
            Ok(stages) => {
                *self.stages.borrow_mut() = Some(stages.clone());
                *self.stages_note.borrow_mut() = None;
                Ok(stages)
            }
            Err(e) if !self.fallback_stages.is_empty() => {
                *self.stages_note.borrow_mut() = Some(
                    Message::key("stages-from-config")
                        .text("crm", self.provider.name())
                        .message("reason", e.message()),
                );
                Ok(self.fallback_stages.clone())
            }
            Err(e) => Err(e),
        }
    }
}

fn gloo_timeout(ms: u32, f: impl FnOnce() + 'static) -> Option<i32> {
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    web_sys::window().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms as i32)
            .ok()
    })
}

/// A request on its way. Dropped before its answer is read in full, the request is aborted:
/// whoever awaited it has given up (a newer search overtook it, or its list was closed), and the
/// CRM need not send the rest.
struct InFlight {
    controller: web_sys::AbortController,
    /// The timeout that aborts it, until the answer's headers arrive.
    timer: Option<i32>,
    answered: bool,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        clear_timeout(self.timer.take());
        if !self.answered {
            self.controller.abort();
        }
    }
}

/// Clears the activity message ("asked to slow down…") when dropped, also when the call is given
/// up mid-wait: otherwise the message would stay for a wait no one is in.
struct Told<'a>(&'a HttpBackend);

impl Drop for Told<'_> {
    fn drop(&mut self) {
        self.0.tell(None);
    }
}

fn clear_timeout(handle: Option<i32>) {
    if let (Some(h), Some(w)) = (handle, web_sys::window()) {
        w.clear_timeout_with_handle(h);
    }
}

impl DealsBackend for HttpBackend {
    fn name(&self) -> &str {
        self.provider.name()
    }
    fn schema(&self) -> &Schema {
        &self.schema
    }
    fn paging(&self) -> PagingStyle {
        self.provider.paging()
    }
    fn capabilities(&self) -> Capabilities {
        self.provider.capabilities()
    }
    fn list<'a>(&'a self, query: &'a ListQuery) -> LocalBoxFuture<'a, Result<Page, BackendError>> {
        Box::pin(async move {
            let r = self
                .call(self.provider.list(query), Call::Read)
                .await
                .map_err(|e| self.not_found(e, "deals"))?;
            let page = self.provider.read_list(query, &r)?;
            self.name_people(&page.deals).await;
            Ok(page)
        })
    }
    fn get<'a>(&'a self, id: &'a DealId) -> LocalBoxFuture<'a, Result<Deal, BackendError>> {
        Box::pin(async move {
            let r = self
                .call(self.routed(self.provider.get(id), "get", Some(id)), Call::Read)
                .await?;
            let deal = self.provider.read_deal(&r)?;
            self.name_people(std::slice::from_ref(&deal)).await;
            Ok(deal)
        })
    }
    fn looks_up(&self, kind: crate::model::LookupKind) -> bool {
        self.provider.lookup(kind, "").is_some()
    }
    fn lookup<'a>(
        &'a self,
        kind: crate::model::LookupKind,
        query: &'a str,
    ) -> LocalBoxFuture<'a, Result<Option<Vec<crate::model::Choice>>, BackendError>> {
        Box::pin(async move {
            let Some(request) = self.provider.lookup(kind, query) else {
                return Ok(None);
            };
            let r = self
                .call(self.routed(request, lookup_route(kind), None), Call::Read)
                .await?;
            let choices = self.provider.read_lookup(kind, query, &r)?;
            self.names.borrow_mut().learn(kind, &choices);
            Ok(Some(choices))
        })
    }
    fn known_name(&self, kind: crate::model::LookupKind, id: &str) -> Option<String> {
        self.names.borrow().name(kind, id).map(str::to_owned)
    }
    fn create<'a>(&'a self, fields: &'a DealFields) -> LocalBoxFuture<'a, Result<Deal, BackendError>> {
        Box::pin(async move { self.writer().await?.create(self, fields).await })
    }
    fn update<'a>(&'a self, id: &'a DealId, fields: &'a DealFields) -> LocalBoxFuture<'a, Result<Deal, BackendError>> {
        Box::pin(async move { self.writer().await?.update(self, id, fields).await })
    }
    fn delete<'a>(&'a self, id: &'a DealId) -> LocalBoxFuture<'a, Result<(), BackendError>> {
        Box::pin(async move { self.writer().await?.delete(self, id).await })
    }
    fn stages(&self) -> LocalBoxFuture<'_, Result<Vec<Stage>, BackendError>> {
        Box::pin(self.load_stages())
    }
    fn stages_note(&self) -> Option<Message> {
        self.stages_note.borrow().clone()
    }
    fn set_activity_listener(&self, listener: ActivityListener) {
        *self.listener.borrow_mut() = Some(listener);
    }
    fn prefetch_writes(&self) {
        (self.write_code.prefetch)();
    }
}

impl HttpBackend {
    /// The dialect's writes, their code fetched first where the build splits it. A chunk that
    /// cannot be fetched is the network's failure: the form keeps what was typed, and saving
    /// again retries the fetch.
    async fn writer(&self) -> Result<Box<dyn WritePath>, BackendError> {
        (self.write_code.load)().await
    }
}

/// How a CRM backend saves and deletes deals, and reads error answers. Behind a trait object
/// made in its own chunk (`ui::chunks::crm_writes`), so that the code is reached from there
/// alone: a page that only lists deals does not fetch it.
pub trait WritePath {
    /// Creates a deal and returns it as stored.
    fn create<'a>(
        &'a self,
        http: &'a HttpBackend,
        fields: &'a DealFields,
    ) -> LocalBoxFuture<'a, Result<Deal, BackendError>>;
    /// Replaces a deal's fields and returns it as stored.
    fn update<'a>(
        &'a self,
        http: &'a HttpBackend,
        id: &'a DealId,
        fields: &'a DealFields,
    ) -> LocalBoxFuture<'a, Result<Deal, BackendError>>;
    /// Deletes a deal.
    fn delete<'a>(&'a self, http: &'a HttpBackend, id: &'a DealId) -> LocalBoxFuture<'a, Result<(), BackendError>>;
    /// Reads a non-2xx answer into the error the CRM documents.
    fn read_error(&self, response: &HttpResponse) -> BackendError;
}

/// A dialect's writes, sent through an [`HttpBackend`].
pub struct Writer(Box<dyn Writes>);

impl Writer {
    /// Sends these writes.
    pub fn new(writes: Box<dyn Writes>) -> Self {
        Self(writes)
    }

    async fn known_stages(http: &HttpBackend) -> Vec<Stage> {
        if let Some(s) = http.stages.borrow().clone() {
            return s;
        }
        http.load_stages().await.unwrap_or_default()
    }

    /// The deal a create or update stored. Where the CRM answered with its id alone, it is read
    /// again; if that read fails, the deal was saved all the same, and is `fields` under that
    /// id: an error here would tell the user to save again, making a second deal.
    async fn saved(http: &HttpBackend, saved: Saved, fields: &DealFields) -> Result<Deal, BackendError> {
        match saved {
            Saved::Deal(d) => Ok(*d),
            Saved::Id(id) => {
                let read = http
                    .call(http.routed(http.provider.get(&id), "get", Some(&id)), Call::Read)
                    .await
                    .and_then(|r| http.provider.read_deal(&r));
                Ok(read.unwrap_or_else(|_| Deal {
                    id,
                    fields: fields.clone(),
                    labels: Default::default(),
                }))
            }
        }
    }
}

impl WritePath for Writer {
    fn create<'a>(
        &'a self,
        http: &'a HttpBackend,
        fields: &'a DealFields,
    ) -> LocalBoxFuture<'a, Result<Deal, BackendError>> {
        Box::pin(async move {
            let stages = Self::known_stages(http).await;
            let request = http.routed(self.0.create(fields, &stages), "create", None);
            let url = format!("{}{}", http.base, request.path);
            let r = http.call(request, Call::Create).await.map_err(|e| {
                let key = http.provider.create_route_key();
                crate::providers::create_not_found(e, http.provider.name(), &url, key)
            })?;
            Self::saved(http, self.0.read_created(&r)?, fields).await
        })
    }
    fn update<'a>(
        &'a self,
        http: &'a HttpBackend,
        id: &'a DealId,
        fields: &'a DealFields,
    ) -> LocalBoxFuture<'a, Result<Deal, BackendError>> {
        Box::pin(async move {
            let stages = Self::known_stages(http).await;
            let request = http.routed(self.0.update(id, fields, &stages), "update", Some(id));
            let r = http.call(request, Call::Write).await?;
            Self::saved(http, self.0.read_updated(id, &r)?, fields).await
        })
    }
    fn delete<'a>(&'a self, http: &'a HttpBackend, id: &'a DealId) -> LocalBoxFuture<'a, Result<(), BackendError>> {
        Box::pin(async move {
            let request = http.routed(self.0.delete(id), "delete", Some(id));
            http.call(request, Call::Delete).await.map(|_| ())
        })
    }
    fn read_error(&self, response: &HttpResponse) -> BackendError {
        self.0.read_error(response)
    }
}

/// The backend of a deals API the configuration describes (`"provider": "rest"`): its `rest`
/// object read, or the mistake in it named. Its writes come with its reads, in one chunk.
/// `gone` says whether the server no longer has the app's code (see [`WriteCode::gone`]).
pub fn rest_backend(config: &Config, gone: fn() -> bool) -> Result<HttpBackend, crate::config::ConfigError> {
    use crate::providers::rest::{Rest, Spec};
    let mistake = |key: String, message: String| crate::config::ConfigError {
        field: Some(key),
        message,
    };
    #[derive(serde::Deserialize)]
    struct RestMember {
        rest: serde_json::Value,
    }
    let text = config.rest.as_ref().map_or("{}", |source| source.0.as_str());
    let member: RestMember = crate::wire::from_str(text).map_err(|e| mistake("rest".into(), e.message))?;
    let spec = Spec::read(&member.rest).map_err(|e| mistake(e.key, e.message))?;
    let token = config.credentials.get("token");
    match (&spec.auth, token.is_empty()) {
        (Some(auth), true) => {
            return Err(mistake(
                "credentials.token".into(),
                format!("is required: rest.auth sends it in the {} header", auth.header),
            ))
        }
        // Taken and never sent, a token would look like a refused key.
        (None, false) => {
            return Err(mistake(
                "credentials.token".into(),
                "is sent only as rest.auth says: add rest.auth (a header and a template such as \"Bearer {token}\"), or leave the token out".into(),
            ))
        }
        _ => {}
    }
    // A custom field the sort names must be one the list shows.
    if let Some(sort) = &spec.sort {
        if let Some(p) = sort
            .pointers
            .iter()
            .find(|p| !config.fields.iter().any(|c| c.column && &c.key == *p))
        {
            return Err(mistake(
                "rest.sort.fields".into(),
                format!("has \"{p}\", which is no field in fields shown as a column (\"column\": true)"),
            ));
        }
    }
    let rest = Rest::new(spec, token, config.currency).with_custom(config.fields.clone());
    let writes = rest.clone();
    let write_code = WriteCode {
        load: Rc::new(move || {
            let writer: Box<dyn WritePath> = Box::new(Writer::new(Box::new(writes.clone())));
            Box::pin(std::future::ready(Ok(writer)))
        }),
        prefetch: || {},
        gone,
    };
    Ok(HttpBackend::new(Box::new(rest), write_code, config))
}

/// What a failed fetch says. Not through `gloo_net::Error`'s `Display`: that reaches its
/// serde_json variant (a feature another crate turns on) and links serde_json's messages.
pub(crate) fn fetch_error(e: &gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(e) => e.to_string(),
        gloo_net::Error::GlooError(e) => e.clone(),
        #[allow(unreachable_patterns)]
        _ => "an unexpected error".to_owned(),
    }
}
