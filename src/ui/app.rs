//! The app shell: configuration, the shared context, and which view is showing.

use super::chunks::{backend_for, form_code, prefetch_scroll_code, unfetched, SplitLoaderError};
use super::list::DealList;
use super::status::ErrorPanel;
use super::words::{words, CatalogSource, Words};
use crate::backend::{BackendError, DealsBackend};
use crate::client::intl::Formatter;
use crate::client::store::{self, Area};
use crate::config::{Config, ConfigError, ListView, Mode, Theme};
use crate::drafts::DraftBook;
use crate::key_value::KeyValueStore;
use crate::model::{Cursor, DealId, Message, Sort, Stage};
use crate::ui::load::Load;
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::{JsCast, JsValue};

/// What the app is showing. Kept in a signal, not the URL: as a widget on someone else's
/// page the app must not take over the page's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    /// The deal list.
    List,
    /// The form for a new deal.
    New,
    /// The form for an existing deal.
    Edit(DealId),
}

/// Where the list is: kept above the list so returning from a form lands on the same page.
#[derive(Clone, Copy)]
pub struct ListState {
    /// The search applied.
    pub search: RwSignal<String>,
    /// What is in the search box, searched or not: typing that had not paused when the list
    /// went (a deal opened mid-word) is searched when the list comes back, not lost.
    pub typed: StoredValue<String>,
    /// The sort applied.
    pub sort: RwSignal<Option<Sort>>,
    /// Pages visited to reach the current one (the last); cursors only go forward, so going
    /// back means popping.
    pub pages: RwSignal<Vec<PageMark>>,
    /// How far the scrolling list is scrolled, in whole CSS pixels (as `scrollTop` reads).
    /// Not an `f64`: a signal of that type in the main wasm cost it 0.2 KB of brotli.
    pub scroll_top: RwSignal<usize>,
    /// How many pages there are, once a page past them came back empty (a CRM without totals
    /// offers Next after a full last page; the last deal of the last page was deleted); 0 while
    /// unknown. Their last page offers no Next. A `u64`, a type the app stores already.
    pub end: StoredValue<u64>,
}

/// A visited page: where it starts and how many deals came before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageMark {
    /// Its cursor.
    pub cursor: Cursor,
    /// Deals on the pages before it.
    pub before: u64,
}

impl ListState {
    fn new() -> Self {
        Self {
            search: RwSignal::new(String::new()),
            typed: StoredValue::new(String::new()),
            sort: RwSignal::new(None),
            pages: RwSignal::new(vec![PageMark::first()]),
            scroll_top: RwSignal::new(0),
            end: StoredValue::new(0),
        }
    }
    /// Back to the first page, after the search or sort changed.
    pub fn restart(&self) {
        self.end.set_value(0);
        self.pages.set(vec![PageMark::first()]);
        self.scroll_top.set(0);
    }
}

impl PageMark {
    /// The first page.
    pub fn first() -> Self {
        Self {
            cursor: Cursor::Start,
            before: 0,
        }
    }
}

/// Where an instance keeps its drafts, owned (see [`AppCtx::drafts`]).
pub struct Drafts {
    store: Rc<dyn KeyValueStore>,
    namespace: String,
}

impl Drafts {
    /// Runs `f` with these drafts.
    pub fn with<T>(&self, f: impl FnOnce(&DraftBook<'_>) -> T) -> T {
        f(&DraftBook::new(self.store.as_ref(), &self.namespace))
    }
}

/// Handles shared by every component of one app instance. All `Copy`.
#[derive(Clone, Copy)]
pub struct AppCtx {
    /// The backend.
    pub backend: StoredValue<Rc<dyn DealsBackend>, LocalStorage>,
    /// Formatting for the configured locale.
    pub fmt: StoredValue<Rc<Formatter>, LocalStorage>,
    /// Where drafts are kept.
    pub draft_store: StoredValue<Rc<dyn KeyValueStore>, LocalStorage>,
    /// The configuration.
    pub config: StoredValue<Config>,
    /// A prefix making element ids unique per instance.
    pub id_prefix: StoredValue<String>,
    /// What is showing.
    pub view: RwSignal<View>,
    /// The last outcome, announced politely ("Saved “Acme”.").
    pub notice: RwSignal<Option<String>>,
    /// The button offered beside the notice as a way back to the deal it was about ("Open
    /// “Acme”"): a new deal is often on another page (HubSpot lists the oldest first; a sort
    /// or a search may put it anywhere). The types are those of `notice` and `id_prefix`: a
    /// signal of a type of its own costs the main wasm 1 KiB of brotli.
    pub reopen: RwSignal<Option<String>>,
    /// The id of the deal `reopen` opens.
    pub reopen_id: StoredValue<String>,
    /// What the backend is doing that takes time ("waiting for the CRM").
    pub activity: RwSignal<Option<String>>,
    /// What is said to a screen reader alone, of what others see another way ("Sorted by
    /// Amount, ascending." for a sort's arrow).
    pub said: RwSignal<Option<String>>,
    /// Bumped after every change, so lists refetch.
    pub changes: RwSignal<usize>,
    /// The list's position.
    pub list: ListState,
    /// The backend's stages.
    pub stages: Load<Result<Vec<Stage>, BackendError>>,
    /// The app's outermost element: ids are looked up inside it, so they work in a shadow root.
    pub root: NodeRef<leptos::html::Div>,
    /// Whether the user has acted here: moved between views, pressed a Retry, reset the data.
    /// From then on a view that replaces the one holding the focus takes it (a form, the list's
    /// heading, an error's first button); before, a widget never takes it from its host page.
    pub navigated: StoredValue<bool>,
    /// The element events are dispatched from: the widget's host element, or the root.
    pub host: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
    /// The language shown.
    pub words: Words,
}

impl AppCtx {
    /// The form's fields: the backend's, arranged as the configuration's `fields` say (checked
    /// when the backend came: see [`super::chunks::backend_for`]).
    pub fn schema(&self) -> crate::model::Schema {
        let schema = self.backend.with_value(|b| b.schema().clone());
        self.config
            .with_value(|c| schema.clone().arranged(&c.arrangement))
            .unwrap_or(schema)
    }

    /// The name to show for an owner's or a company's `id`: the configuration's, else the one
    /// this session's look-ups gave, else the id itself.
    pub fn name_of(&self, kind: crate::model::LookupKind, id: &str) -> String {
        use crate::model::LookupKind;
        let configured = self.config.with_value(|c| {
            let list = match kind {
                LookupKind::Owner => &c.owners,
                LookupKind::Company => &c.companies,
            };
            crate::model::lookup::label_of(list, id).map(str::to_owned)
        });
        configured
            .or_else(|| self.backend.with_value(|b| b.known_name(kind, id)))
            .unwrap_or_else(|| id.to_owned())
    }

    /// The message `key`, which takes no arguments, in the language shown.
    pub fn t(&self, key: &str) -> String {
        self.words.t(key)
    }

    /// `message` in the language shown.
    pub fn say(&self, message: &Message) -> String {
        self.words.say(message)
    }

    /// The message `key` as a view shows it, following the language (see [`Words::tr`]).
    pub fn tr(&self, key: &'static str) -> Signal<String> {
        self.words.tr(key)
    }

    /// `message` as a view shows it, following the language (see [`Words::tr`]).
    pub fn said(&self, message: Message) -> Signal<String> {
        self.words.said(message)
    }

    /// The element id of a part of this instance.
    pub fn id(&self, part: &str) -> String {
        format!("{}-{part}", self.id_prefix.get_value())
    }

    /// The list's name: the host's `label`, else "Deals", numbered in a widget that is not a
    /// page's first (see `widget::mount_widget`).
    pub fn list_name(&self) -> Message {
        let (label, number) = self.config.with_value(|c| (c.label.clone(), c.widget_number));
        match (label, number) {
            (Some(label), _) => Message::verbatim(label),
            (None, Some(n)) if n > 1 => Message::key("list-heading-numbered").number("number", f64::from(n)),
            (None, _) => Message::key("list-heading"),
        }
    }

    /// The name of one of this instance's landmarks (`part`: "Pages"), with the list's name
    /// where the host named it or it is numbered: two widgets on a page must not give a screen
    /// reader two landmarks of one name.
    pub fn landmark(&self, part: Message) -> Signal<String> {
        let named = self
            .config
            .with_value(|c| c.label.is_some() || c.widget_number.is_some_and(|n| n > 1));
        self.said(if named {
            Message::key("landmark-of")
                .message("part", part)
                .message("list", self.list_name())
        } else {
            part
        })
    }

    /// Runs `f` with the drafts of this instance.
    pub fn with_drafts<T>(&self, f: impl FnOnce(&DraftBook<'_>) -> T) -> T {
        self.drafts().with(f)
    }

    /// The drafts of this instance, held apart from it: work that ends after an `await` (a
    /// save whose reply arrives after the widget was removed) can still tidy them up.
    pub fn drafts(&self) -> Drafts {
        Drafts {
            store: self.draft_store.get_value(),
            namespace: self.config.with_value(|c| c.namespace.clone()),
        }
    }

    /// Whether this instance has been taken down (a widget removed from its page). Work that
    /// ends after an `await` asks before touching the app: reading a value of a disposed app
    /// panics, and one panic stops the wasm every widget on the page shares.
    pub fn is_gone(&self) -> bool {
        self.config.is_disposed()
    }

    /// After a deal was created, changed or deleted: lists fetch again, and where the list
    /// ends is no longer known (a new deal may be on a page after the last).
    pub fn changed(&self) {
        self.list.end.set_value(0);
        self.changes.update(|n| *n += 1);
    }

    /// Goes to a view, announcing `notice` there. In create-only mode the list is never shown:
    /// a fresh form takes its place.
    pub fn go(&self, view: View, notice: Option<String>) {
        let view = match (self.config.with_value(|c| c.mode), view) {
            (Mode::Create, View::List) => View::New,
            (_, v) => v,
        };
        self.navigated.set_value(true);
        self.notice.set(notice);
        self.reopen.set(None);
        // `set` notifies even when the view is unchanged, so a new form replaces a saved one.
        self.view.set(view);
    }

    /// On the standalone page, the browser's tab and history say which view shows ("New deal —
    /// dealform"), as they would for a page of its own; a widget leaves its host page's title
    /// alone.
    fn title_page(&self, view: &View) {
        if self.host.with_value(Option::is_none) {
            let what = match view {
                View::List => "title-list",
                View::New => "title-new",
                View::Edit(_) => "title-edit",
            };
            document().set_title(&self.t(what));
        }
    }

    /// An element of this instance by id: inside the app's own tree, which may be a shadow root.
    pub fn element(&self, id: &str) -> Option<web_sys::HtmlElement> {
        let root = self.root.get_untracked()?;
        root.query_selector(&format!("[id='{id}']"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into().ok())
    }

    /// Goes back to the list after `id` was created or saved, announcing `notice` and offering
    /// to open the deal again. In create-only mode a fresh form follows, with nothing to open:
    /// such a widget only adds deals.
    pub fn saved(&self, id: DealId, name: String, notice: String) {
        self.go(View::List, Some(notice));
        if self.config.with_value(|c| c.mode) != Mode::Create {
            self.reopen_id.set_value(id.0);
            self.reopen
                .set(Some(self.say(&Message::key("notice-open").text("name", name))));
        }
    }

    /// Moves focus to an element of this instance.
    pub fn focus(&self, id: &str) {
        if let Some(el) = self.element(id) {
            let _ = el.focus();
        }
    }

    /// Moves focus to an element of this instance at the next frame, once the view being built
    /// now is in the DOM (a form's first field, the list's heading), unless the app is gone.
    /// With `if_dropped`, only where the focus has fallen to the page meanwhile, its element
    /// gone with the view this one replaced: focus elsewhere (a host page's field) stays put.
    pub fn focus_next_frame(self, id: String, if_dropped: bool) {
        self.focus_found(move || self.element(&id), if_dropped);
    }

    /// As [`Self::focus_next_frame`], for the element `find` finds then.
    pub fn focus_found(self, find: impl FnOnce() -> Option<web_sys::HtmlElement> + 'static, if_dropped: bool) {
        request_animation_frame(move || {
            let dropped = || document().active_element().is_none_or(|a| a.local_name() == "body");
            if !self.is_gone() && (!if_dropped || dropped()) {
                if let Some(el) = find() {
                    let _ = el.focus();
                }
            }
        });
    }

    /// Dispatches `dealform:{name}` from the host element, bubbling out of any shadow root,
    /// with `detail` as a plain object.
    pub fn emit<T: serde::Serialize>(&self, name: &str, detail: &T) {
        let target: Option<web_sys::EventTarget> = self
            .host
            .get_value()
            .map(Into::into)
            .or_else(|| self.root.get_untracked().map(|r| web_sys::HtmlElement::from(r).into()));
        if let Some(target) = target {
            dispatch(&target, name, detail);
        }
    }

    /// Announces a failure to the host page as `dealform:error`.
    pub fn emit_error(&self, error: &BackendError) {
        self.emit("error", &ErrorDetail::of(error, self.words));
    }
}

/// Dispatches `dealform:{name}` from `target`, bubbling out of any shadow root, with `detail`
/// as a plain object.
pub fn dispatch<T: serde::Serialize>(target: &web_sys::EventTarget, name: &str, detail: &T) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&crate::wire::to_js(detail).unwrap_or(JsValue::NULL));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&format!("dealform:{name}"), &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// The detail of a `dealform:error` event.
#[derive(serde::Serialize)]
pub struct ErrorDetail {
    /// [`error_kind`]'s name for it.
    pub kind: &'static str,
    /// The message the app shows.
    pub message: String,
}

impl ErrorDetail {
    /// The detail telling a host page of `error`, in the language shown.
    pub fn of(error: &BackendError, words: Words) -> Self {
        Self {
            kind: error_kind(error),
            message: words.say(&error.message()),
        }
    }
}

/// A stable name for an error's kind, for host pages that branch on it.
pub fn error_kind(e: &BackendError) -> &'static str {
    match e {
        BackendError::Fields { .. } => "fields",
        BackendError::Form(_) => "form",
        BackendError::NotFound => "not_found",
        BackendError::Unauthorized(_) => "unauthorized",
        BackendError::Forbidden(_) => "forbidden",
        BackendError::RateLimited { .. } => "rate_limited",
        BackendError::Network(_) | BackendError::CodeUnreachable => "network",
        BackendError::CodeGone => "outdated",
        BackendError::Malformed(_) => "malformed",
        BackendError::StorageCorrupt { .. } => "storage_corrupt",
        BackendError::StorageUnavailable(_) => "storage_unavailable",
    }
}

/// The context of the app instance being rendered.
pub fn use_app() -> AppCtx {
    expect_context::<AppCtx>()
}

static INSTANCES: AtomicUsize = AtomicUsize::new(0);

/// The whole app for a configuration and a backend.
///
/// Tests pass their own backend; [`app_for`] passes the one the configuration names.
#[component]
pub fn App(
    config: Config,
    backend: Rc<dyn DealsBackend>,
    /// The key of a warning to show above the list (storage that will not last).
    warning: Option<&'static str>,
    /// The widget's host element, which events are dispatched from.
    #[prop(optional_no_strip)]
    host: Option<web_sys::HtmlElement>,
) -> impl IntoView {
    let words = words();
    let fmt = match Formatter::new(config.locale.as_deref()) {
        Ok(f) => Rc::new(f),
        Err(reason) => {
            return view! { <ErrorPanel title=words.tr("config-needs-fixing") message=format!("config.json: “locale” {reason}") /> }.into_any()
        }
    };
    let (draft_store, _) = store::open(Area::Session);
    let n = INSTANCES.fetch_add(1, Ordering::Relaxed) + 1;
    let backend = StoredValue::new_local(backend);
    let (mode, theme, currency) = (config.mode, config.theme, config.currency);
    let ctx = AppCtx {
        backend,
        fmt: StoredValue::new_local(fmt),
        draft_store: StoredValue::new_local(draft_store),
        config: StoredValue::new(config),
        id_prefix: StoredValue::new(format!("df{n}")),
        view: RwSignal::new(if mode == Mode::Create { View::New } else { View::List }),
        notice: RwSignal::new(None),
        reopen: RwSignal::new(None),
        reopen_id: StoredValue::new(String::new()),
        activity: RwSignal::new(None),
        said: RwSignal::new(None),
        changes: RwSignal::new(0),
        list: ListState::new(),
        stages: Load::new(move || {
            let b = backend.get_value();
            async move { b.stages().await }
        }),
        root: NodeRef::new(),
        navigated: StoredValue::new(false),
        host: StoredValue::new_local(host),
        words,
    };
    let activity = ctx.activity;
    ctx.backend
        .get_value()
        .set_activity_listener(Rc::new(move |message: Option<Message>| {
            // The app may be gone by the time a slow request reports.
            activity.try_set(message.map(|m| words.say(&m)));
        }));
    provide_context(ctx);
    // The standalone page's title follows the view, and the language.
    Effect::new(move |_| {
        words.track();
        ctx.view.with(|view| ctx.title_page(view));
    });
    // The list's first requests go out as it is built, below; the formatters its rows need are
    // made after that, while they are answered (see `Formatter`), unless the app is gone by then.
    leptos::task::spawn_local(async move {
        ctx.fmt.try_with_value(|f| f.warm(currency));
    });
    let heading = ctx.id("heading");
    view! {
        <div
            class="dealform"
            class:df-theme-light=theme == Theme::Light
            class:df-theme-dark=theme == Theme::Dark
            node_ref=ctx.root
        >
            // The button is beside the live region, not in it: only the outcome is announced.
            <div class="df-notices">
                <div class="df-notice" role="status" aria-live="polite">{move || ctx.notice.get()}</div>
                // Always there, and empty (so not shown: the stylesheet) with nothing to open:
                // a view built and dropped per notice, or a `hidden` that follows a signal, costs
                // more code.
                <button
                    type="button"
                    class="df-link"
                    on:click=move |_| ctx.go(View::Edit(DealId(ctx.reopen_id.get_value())), None)
                >
                    {move || ctx.reopen.get()}
                </button>
            </div>
            <div class="df-activity" role="status" aria-live="polite">{move || ctx.activity.get()}</div>
            <div class="df-sr" role="status" aria-live="polite">{move || ctx.said.get()}</div>
            {warning.map(|key| view! { <p class="df-warning" role="alert">{words.tr(key)}</p> })}
            {move || {
                let view = ctx.view.get();
                match view {
                    View::List => view! { <DealList heading=heading.clone() /> }.into_any(),
                    View::New => form_page(None),
                    View::Edit(id) => form_page(Some(id)),
                }
            }}
        </div>
    }
    .into_any()
}

/// The `dealform:error` a host page is told when a chunk of code cannot be fetched: the same as
/// for a CRM's save that cannot fetch it (kind `network`, the network's doing, like a CRM that
/// cannot be reached, or `outdated` when the server no longer has it: the host may reload).
pub(crate) fn code_unreachable(words: Words) -> ErrorDetail {
    ErrorDetail::of(&unfetched(), words)
}

/// What needs code fetched when first needed (see [`super::chunks`]), once `code` is here:
/// `loading` until then, and if it cannot be fetched, a panel titled `title` with Retry and,
/// where `also` names one, a second way out (its words, and what it does). The texts are
/// catalog keys.
pub(crate) fn once_fetched<C: Clone + 'static>(
    code: Load<Result<C, SplitLoaderError>>,
    loading: &'static str,
    title: &'static str,
    also: Option<(&'static str, Callback<()>)>,
    show: impl Fn(C) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let retry = Callback::new(move |()| code.refetch());
    (move || match code.get() {
        Some(Ok(c)) => show(c),
        other => not_yet(other.is_some(), loading, title, also, retry),
    })
    .into_any()
}

/// What [`once_fetched`] shows until its code is here: loading, or failed (`failed`) with a
/// Retry. Apart from the code's type, so that the views are compiled once, not once per type.
fn not_yet(
    failed: bool,
    loading: &'static str,
    title: &'static str,
    also: Option<(&'static str, Callback<()>)>,
    retry: Callback<()>,
) -> AnyView {
    let words = words();
    if !failed {
        return view! { <p class="df-loading" role="status">{words.tr(loading)}</p> }.into_any();
    }
    // None for the backend's own code, fetched before the app (and its context) exists.
    let app = use_context::<AppCtx>();
    view! {
        <ErrorPanel title=words.tr(title) message=words.said(unfetched().message())>
            <button type="button" class="df-button" on:click=move |_| {
                if let Some(app) = app {
                    app.navigated.set_value(true);
                }
                retry.run(())
            }>{words.tr("retry")}</button>
            {also.map(|(key, act)| view! { <button type="button" class="df-button" on:click=move |_| act.run(())>{words.tr(key)}</button> })}
        </ErrorPanel>
    }
    .into_any()
}

/// Awaits code fetched when first needed, telling the host page when it cannot be fetched.
pub(crate) async fn told<C>(
    app: AppCtx,
    code: impl std::future::Future<Output = Result<C, SplitLoaderError>>,
) -> Result<C, SplitLoaderError> {
    let code = code.await;
    if code.is_err() && !app.is_gone() {
        app.emit("error", &code_unreachable(app.words));
    }
    code
}

/// The form page, once its code is here (see [`form_code`]).
fn form_page(target: Option<DealId>) -> AnyView {
    let app = use_app();
    // Where a CRM's writes come apart, they are on their way before Save is pressed.
    app.backend.with_value(|b| b.prefetch_writes());
    let code = Load::new(move || told(app, form_code()));
    let back = Callback::new(move |()| app.go(View::List, None));
    once_fetched(
        code,
        "loading",
        "form-open-failed",
        Some(("form-back", back)),
        move |code| (code.form)(target.clone()),
    )
}

/// What a mistake in the configuration shows: on the standalone page, a panel naming it in
/// `config.json`; in a widget (`host`), one naming it in the widget's configuration, and the host
/// page hears of it (`dealform:error`, kind `config`).
pub fn config_mistake(mistake: &ConfigError, host: Option<&web_sys::HtmlElement>) -> AnyView {
    let words = words();
    match host {
        Some(host) => {
            // In English, as every configuration mistake: it names the configuration's own
            // settings, for whoever set the widget up.
            let message = mistake.describe("The widget configuration");
            dispatch(
                host,
                "error",
                &ErrorDetail {
                    kind: "config",
                    message: message.clone(),
                },
            );
            view! { <ErrorPanel title=words.tr("config-widget-needs-fixing") message /> }.into_any()
        }
        None => view! { <ErrorPanel title=words.tr("config-needs-fixing") message=mistake.to_string() /> }.into_any(),
    }
}

/// The app for a configuration, once the code of the backend it names is here (see
/// [`backend_for`]).
pub fn app_for(config: Config, host: Option<web_sys::HtmlElement>) -> AnyView {
    let config = StoredValue::new(config);
    let host = StoredValue::new_local(host);
    let words = words();
    let backend = Load::new(move || {
        let (config, host) = (config.get_value(), host.get_value());
        if config.list == ListView::Scroll {
            // The scrolling list's code is fetched alongside the backend's, not after it.
            leptos::task::spawn_local(async {
                let _ = prefetch_scroll_code().await;
            });
        }
        async move {
            let backend = backend_for(&config).await;
            if let (Err(_), Some(host)) = (&backend, host) {
                // Told in the language shown, once its catalog is here.
                words.once_ready(move || dispatch(&host, "error", &code_unreachable(words)));
            }
            backend
        }
    });
    once_fetched(
        backend,
        "loading",
        "app-open-failed",
        None,
        move |backend| match backend {
            Ok((backend, warning)) => {
                view! { <App config=config.get_value() backend warning host=host.get_value() /> }.into_any()
            }
            // A mistake only the backend's code could see (a `rest` API's description).
            Err(mistake) => config_mistake(&mistake, host.get_value().as_ref()),
        },
    )
}

/// Loads `config.json`, then shows the app in its language, or says what is wrong with the file.
#[component]
fn Boot() -> impl IntoView {
    let config = Load::new(|| crate::client::config::load("config.json"));
    let words = Words::new();
    provide_context(words);
    move || {
        let config = config.get()?;
        let (asked, overrides, locale) = match &config {
            Ok(c) => (c.language.clone(), c.messages.clone(), c.locale.clone()),
            Err(_) => Default::default(),
        };
        let source = Rc::new(CatalogSource {
            assets: String::new(),
            overrides,
            locale,
            host: None,
        });
        let language = source.language(asked.as_deref());
        words.load(source.clone(), language);
        let view = match config {
            Ok(config) => app_for(config, None),
            Err(e) => config_mistake_later(e, None),
        };
        // The page is the app's own: its `lang` is the language shown, whatever the locale of
        // the numbers and dates (a screen reader reads the page in the voice `lang` names).
        let page = document().document_element()?;
        Some(words.show(page, view, move || words.load(source.clone(), language)))
    }
}

/// [`config_mistake`], built once the words are here (see [`Words::show`]).
pub fn config_mistake_later(mistake: ConfigError, host: Option<web_sys::HtmlElement>) -> AnyView {
    (move || config_mistake(&mistake, host.as_ref())).into_any()
}

/// The standalone page's entry: mounts the app into `<main id="dealform" data-dealform-page>`.
///
/// The same wasm serves the widget, where `init()` runs this too: on a host page there is no
/// such element, so nothing is mounted and the page is left alone.
pub fn start() {
    let target = document()
        .query_selector("#dealform[data-dealform-page]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = target {
        mount_to(el, Boot).forget();
    }
}
