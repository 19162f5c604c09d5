//! The deal list: search, sortable columns, paging, and the empty, loading and error states.

use super::app::{once_fetched, told, use_app, AppCtx, View};
use super::chunks::{form_code, scroll_code};
use super::dialog::Confirm;
use super::pager::Pager;
use super::scroll::SCROLL_PAGE;
use super::status::ErrorPanel;
use crate::backend::BackendError;
use crate::config::{ListView, Mode};
use crate::drafts::{DraftTarget, SavedDraft};
use crate::model::{Deal, Field, ListQuery, Message, Page, Sort, SortDir, SortField};
use crate::ui::load::Load;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before the list is searched: one request per word, not per key.
const SEARCH_PAUSE: Duration = Duration::from_millis(250);

/// The list view, with its toolbar.
#[component]
pub fn DealList(
    /// The id of the heading that names the table.
    heading: String,
) -> impl IntoView {
    let app = use_app();
    let list = app.list;
    let typed = list.typed;
    // Searches for what is in the box, where that is not what the list shows.
    let search_typed = move || {
        let text = crate::model::text::search_words(&typed.get_value());
        if list.search.get_untracked() != text {
            list.search.set(text);
            list.restart();
        }
    };
    // Typing that had not paused when the list went is searched now, before the first fetch.
    search_typed();
    let scrolling = app.config.with_value(|c| c.list) == ListView::Scroll;
    // The scrolling list asks for bigger pages: fewer requests on the way down a long list.
    let page_size = if scrolling {
        SCROLL_PAGE
    } else {
        app.config.with_value(|c| c.page_size)
    };
    let deals = Load::new(move || {
        let query = ListQuery {
            search: list.search.get(),
            sort: list.sort.get(),
            page_size,
            cursor: list.pages.with(|p| {
                p.last()
                    .map(|m| m.cursor.clone())
                    .unwrap_or(crate::model::Cursor::Start)
            }),
        };
        app.changes.track();
        let backend = app.backend.get_value();
        async move { backend.list(&query).await }
    });
    let loading = deals.loading();
    // The scrolling list's code, a chunk of its own in the release build, is fetched alongside
    // the first page (the app started fetching it with the backend's).
    let scroll_view = scrolling.then(|| Load::new(move || told(app, scroll_code())));

    let search_id = app.id("search");
    let searchable = app.backend.with_value(|b| b.capabilities().search);
    let backend_name = app.backend.with_value(|b| b.name().to_owned());
    let editable = app.config.with_value(|c| c.mode) != Mode::List;
    // A CRM without close dates (Attio) would show a column that is always empty: the
    // stylesheet hides it, in both list views, where the section says so.
    let no_date = !app.backend.with_value(|b| b.schema().has(Field::CloseDate));
    // Which typing is the latest: a pause that ends after more typing, after Enter, or after
    // the list went (a deal opened mid-word; its values go with it) does nothing. A counter,
    // not the timer's handle kept to clear it: a value of that type cost the main wasm code.
    let typing = StoredValue::new(0u64);
    let apply_search = move || {
        typing.set_value(typing.get_value().wrapping_add(1));
        search_typed();
    };
    let on_search_input = move |ev: leptos::ev::Event| {
        typed.set_value(event_target_value(&ev));
        let mine = typing.get_value().wrapping_add(1);
        typing.set_value(mine);
        set_timeout(
            move || {
                if typing.try_get_value() == Some(mine) {
                    apply_search();
                }
            },
            SEARCH_PAUSE,
        );
    };

    let reset_open = RwSignal::new(false);
    // Whether the reset has been asked for: its dialog's code (in the form's chunk) is fetched
    // then, and the dialog stays, so that closing it returns focus where it was.
    let reset_asked = RwSignal::new(false);
    let reset = Callback::new(move |_| match app.backend.get_value().reset_storage() {
        Ok(backup) => {
            // The list replaces the panel whose button the dialog gives the focus back to.
            app.navigated.set_value(true);
            app.notice
                .set(Some(app.say(&Message::key("list-reset-done").text("key", backup))));
            app.changed();
        }
        Err(e) => app.notice.set(Some(app.say(&e.message()))),
    });

    // The form's code, a chunk of its own in the release build, is fetched as soon as the user
    // reaches into the list (a pointer over it, or focus in it), not with the first load: then
    // "New deal" or a deal's name opens the form without waiting for it. So is the code that
    // saves to a CRM, for the form's Save.
    let prefetched = StoredValue::new(!editable);
    let prefetch = move || {
        if !prefetched.get_value() {
            prefetched.set_value(true);
            app.backend.with_value(|b| b.prefetch_writes());
            leptos::task::spawn_local(async {
                let _ = super::chunks::prefetch_form_code().await;
            });
        }
    };

    // Back from a form (saved, cancelled, deleted), focus lands on the list's heading rather
    // than on the page, whose next Tab would start from the top: a keyboard user goes on from
    // the list, and a screen reader says where they are.
    if app.navigated.get_value() {
        app.focus_next_frame(heading.clone(), false);
    }
    let table_heading = heading.clone();
    // Whether a page of deals has been shown: see the error below.
    let shown = StoredValue::new(false);
    view! {
        <section class="df-list" class:df-no-date=no_date aria-labelledby=heading.clone() on:pointerover=move |_| prefetch() on:focusin=move |_| prefetch()>
            <div class="df-toolbar">
                <h2 id=heading.clone() class="df-heading" tabindex="-1">{app.said(app.list_name())}</h2>
                {if searchable { view! {
                    <div class="df-search">
                        <label for=search_id.clone()>{app.tr("list-search")}</label>
                        <input
                            id=search_id.clone()
                            type="search"
                            autocomplete="off"
                            // What was searched, when the list comes back from a form. Only the
                            // typing changes it after that: nothing to follow.
                            value=typed.get_value()
                            on:input=on_search_input
                            on:keydown=move |ev| if ev.key() == "Enter" { apply_search() }
                        />
                    </div>
                }.into_any() } else {
                    view! { <p class="df-hint df-no-search">{app.said(Message::key("list-no-search").text("crm", backend_name))}</p> }.into_any()
                }}
                {editable.then(|| view! {
                    <button type="button" class="df-button df-primary" on:click=move |_| app.go(View::New, None)>{app.tr("list-new")}</button>
                })}
            </div>
            {drafts_offered(app)}
            <p class="df-hint df-stage-ids" role="note">{move || stage_ids_note(app, deals)}</p>
            {move || {
                match deals.get() {
                None => view! { <p class="df-loading" role="status">{app.tr("list-loading")}</p> }.into_any(),
                Some(Err(e)) => {
                    let corrupt = matches!(e, BackendError::StorageCorrupt { .. });
                    // A page that fails after one was shown (Next page, a sort) takes with the
                    // table the button that had the focus: the user acted, so the panel takes
                    // the focus to its Retry (`ErrorPanel`). Not on the first load: a widget
                    // must not pull the focus.
                    if shown.get_value() {
                        app.navigated.set_value(true);
                    }
                    view! {
                        <ErrorPanel title=app.tr("list-load-failed") message=app.said(e.message())>
                            <button type="button" class="df-button" on:click=move |_| {
                                app.navigated.set_value(true);
                                deals.refetch()
                            }>{app.tr("retry")}</button>
                            {corrupt.then(|| view! {
                                <button type="button" class="df-button df-danger" on:click=move |_| {
                                    // Asked once, the dialog stays: asking again only opens it.
                                    if !reset_asked.get_untracked() {
                                        reset_asked.set(true);
                                    }
                                    reset_open.set(true);
                                }>{app.tr("list-reset")}</button>
                            })}
                        </ErrorPanel>
                    }
                    .into_any()
                }
                Some(Ok(page)) => {
                    // A page past the last shows nothing: its last deal was deleted, or a CRM
                    // that gives no total offered Next after a full last page. Back to the page
                    // before, which then offers no Next; said in words, as the table only
                    // comes back.
                    let depth = list.pages.with_untracked(Vec::len);
                    if page.deals.is_empty() && depth > 1 {
                        list.end.set_value(depth as u64 - 1);
                        let words = Some(app.t("list-no-more"));
                        // A notice already showing (the deletion that emptied the page) stays.
                        if app.notice.with_untracked(Option::is_none) {
                            app.notice.set(words);
                        } else {
                            app.said.set(words);
                        }
                        list.pages.update(|p| {
                            p.pop();
                        });
                        return ().into_any();
                    }
                    shown.set_value(true);
                    // After a Retry or a reset, the button pressed went with its panel.
                    if app.navigated.get_value() {
                        app.focus_next_frame(table_heading.clone(), true);
                    }
                    // The empty state is said below, in a region that stays on the page.
                    match empty_text(&page) {
                    Some(_) => ().into_any(),
                    None => match scroll_view {
                        Some(code) => {
                            let heading = table_heading.clone();
                            once_fetched(code, "list-loading", "list-show-failed", None, move |table| {
                                table(page.clone(), loading, heading.clone())
                            })
                        }
                        None => view! { <DealTable page loading heading=table_heading.clone() /> }.into_any(),
                    },
                    }
                }
                }
            }}
            // One region for every empty state, there from the start: a search that matches
            // nothing is announced, as a region inserted with its words already in it is not.
            <p class="df-empty" role="status">{move || {
                app.words.track();
                deals.with(|d| d.and_then(|r| r.as_ref().ok()).and_then(empty_text))
            }}</p>
            {move || {
                if !reset_asked.get() {
                    return ().into_any();
                }
                let code = Load::new(move || told(app, form_code()));
                let cancel = Callback::new(move |()| reset_asked.set(false));
                once_fetched(code, "loading", "list-reset-unavailable", Some(("cancel", cancel)), move |code| {
                    (code.confirm)(Confirm {
                        open: reset_open,
                        id: app.id("reset"),
                        title: app.tr("list-reset-title"),
                        body: app.tr("list-reset-body"),
                        confirm: app.tr("list-reset"),
                        cancel: app.tr("cancel"),
                        on_confirm: reset,
                    })
                })
            }}
        </section>
    }
}

/// Why the Stage column shows the CRM's stage ids rather than names, once above the list, where
/// the stage list could not be loaded and the page shown has a deal without its stage's name.
/// The form says the same at its Stage field.
fn stage_ids_note(app: AppCtx, deals: Load<Result<Page, BackendError>>) -> Option<String> {
    app.words.track();
    let error = app.stages.with(|r| match r {
        Some(Err(e)) => Some(e.message()),
        _ => None,
    })?;
    let shows_ids = deals.with(|d| {
        d.and_then(|r| r.as_ref().ok()).is_some_and(|page| {
            page.deals
                .iter()
                .any(|deal| deal.labels.stage.is_none() && deal.fields.stage.is_some())
        })
    });
    let name = app.backend.with_value(|b| b.name().to_owned());
    shows_ids.then(|| {
        app.say(
            &Message::key("list-stage-ids")
                .text("crm", name)
                .message("reason", error),
        )
    })
}

/// The banner offering back drafts left by a reload or a closed form, where there are any.
///
/// Its code comes with the form's (a chunk of its own in the release build, see
/// [`super::chunks`]), fetched only when there is a draft to offer: a list with none does not
/// fetch it. Until it is here, and if it cannot be fetched, there is no banner; that loses
/// nothing, as a form reopens with its draft.
fn drafts_offered(app: AppCtx) -> Option<impl IntoView> {
    let saved = app.with_drafts(|b| b.all());
    if saved.is_empty() {
        return None;
    }
    let code = Load::new(form_code);
    // `AnyView`, not an `Option` of it: a view that may be absent is a type of its own, whose
    // code the main wasm would carry for this alone.
    Some(move || {
        code.with(|c| match c.and_then(|c| c.as_ref().ok()) {
            Some(c) => (c.banner)(saved.clone()),
            None => ().into_any(),
        })
    })
}

/// The draft banner's view (see [`drafts_offered`]), given the drafts the list read.
pub type BannerView = fn(Vec<SavedDraft>) -> AnyView;

/// Offers back `saved`, drafts left by a reload or a closed form.
pub fn draft_banner(saved: Vec<SavedDraft>) -> AnyView {
    let app = use_app();
    let drafts = RwSignal::new(saved);
    (move || {
        drafts
            .get()
            .into_iter()
            .map(|saved| {
                let name = match saved.draft.name.trim() {
                    "" => Message::key("draft-untitled"),
                    name => Message::key("draft-quoted").text("name", name),
                };
                let key = match &saved.target {
                    DraftTarget::New => "draft-new",
                    DraftTarget::Edit(_) => "draft-edit",
                };
                let text = app.said(Message::key(key).message("name", name.clone()));
                let region = app.landmark(Message::key("draft-region").message("name", name));
                let target = saved.target.clone();
                let resume = {
                    let target = target.clone();
                    move |_| {
                        app.go(
                            match &target {
                                DraftTarget::New => View::New,
                                DraftTarget::Edit(id) => View::Edit(id.clone()),
                            },
                            None,
                        )
                    }
                };
                let discard = move |_| {
                    // A storage failure here leaves the draft offered again, which loses nothing.
                    let _ = app.with_drafts(|b| b.remove(&target));
                    drafts.set(app.with_drafts(|b| b.all()));
                    app.notice.set(Some(app.t("draft-discarded")));
                    // The button pressed goes with its banner: the focus goes on from the list.
                    app.focus_next_frame(app.id("heading"), true);
                };
                view! {
                    <div class="df-draft" role="region" aria-label=region>
                        <span>{text}</span>
                        <button type="button" class="df-button df-primary" on:click=resume>{app.tr("draft-resume")}</button>
                        <button type="button" class="df-button" on:click=discard>{app.tr("draft-discard")}</button>
                    </div>
                }
            })
            .collect_view()
    })
    .into_any()
}

/// One column header: a sort button where the backend can sort by it, plain text where not.
fn header(
    label: Signal<String>,
    field: SortField,
    sort: RwSignal<Option<Sort>>,
    restart: impl Fn() + Copy + Send + Sync + 'static,
    sortable: &[SortField],
    said: RwSignal<Option<String>>,
    app: AppCtx,
) -> impl IntoView {
    // Amounts are right-aligned in their cells, so their heading is too.
    let num = field == SortField::Amount;
    if !sortable.contains(&field) {
        return view! { <th scope="col" class:df-num=num>{label}</th> }.into_any();
    }
    let state = move || sort.get().filter(|s| s.field == field).map(|s| s.dir);
    let toggle = move |_| {
        let (dir, key) = match state() {
            Some(SortDir::Asc) => (SortDir::Desc, "list-sorted-descending"),
            _ => (SortDir::Asc, "list-sorted-ascending"),
        };
        // The arrow changes under the focus, which a screen reader does not read again.
        said.set(Some(app.say(&Message::key(key).text("column", label.get_untracked()))));
        sort.set(Some(Sort { field, dir }));
        restart();
    };
    view! {
        <th scope="col" class:df-num=num aria-sort=move || match state() { Some(SortDir::Asc) => "ascending", Some(SortDir::Desc) => "descending", None => "none" }>
            <button type="button" class="df-sort" on:click=toggle>
                {label}
                // The arrow follows `aria-sort` in the stylesheet.
                <span class="df-sort-icon" aria-hidden="true"></span>
            </button>
        </th>
    }
    .into_any()
}

/// What the list says instead of a table, when the first page has no deals.
fn empty_text(page: &Page) -> Option<String> {
    let app = use_app();
    let list = app.list;
    if !page.deals.is_empty() || list.pages.with_untracked(|p| p.len() > 1) {
        return None;
    }
    let searching = list.search.get_untracked();
    Some(if searching.trim().is_empty() {
        app.t("list-empty")
    } else {
        app.say(&Message::key("list-no-match").text("search", searching.trim()))
    })
}

/// The column headers, shared by both list views, labelled as the form labels their fields.
pub fn header_row() -> impl IntoView {
    let app = use_app();
    let list = app.list;
    let restart = move || list.restart();
    let sortable = app.backend.with_value(|b| b.capabilities().sort);
    let said = app.said;
    let schema = app.schema();
    let columns: Vec<(Signal<String>, SortField)> = schema
        .custom()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.column)
        .map(|(i, c)| (Signal::from(c.label.clone()), SortField::Custom(i as u8)))
        .collect();
    // No API here sorts by company: its heading is plain text.
    let company = lists_company(app).then(|| view! { <th scope="col">{app.said(schema.label(Field::Company))}</th> });
    view! {
        <tr>
            {header(app.said(schema.label(Field::Name)), SortField::Name, list.sort, restart, &sortable, said, app)}
            {header(app.said(schema.label(Field::Amount)), SortField::Amount, list.sort, restart, &sortable, said, app)}
            {header(app.said(schema.label(Field::Stage)), SortField::Stage, list.sort, restart, &sortable, said, app)}
            {header(app.said(schema.label(Field::CloseDate)), SortField::CloseDate, list.sort, restart, &sortable, said, app)}
            {header(app.said(schema.label(Field::Owner)), SortField::Owner, list.sort, restart, &sortable, said, app)}
            {company}
            {columns.into_iter().map(|(label, field)| header(label, field, list.sort, restart, &sortable, said, app)).collect_view()}
        </tr>
    }
}

/// Whether the list has a Company column: the backend's deals have a company, and the
/// configuration does not hide it.
pub(crate) fn lists_company(app: AppCtx) -> bool {
    use crate::model::Placed;
    let hidden = app.config.with_value(|c| {
        c.arrangement.iter().any(|p| {
            matches!(
                p,
                Placed::Builtin {
                    field: Field::Company,
                    hidden: true,
                    ..
                }
            )
        })
    });
    !hidden && app.backend.with_value(|b| b.schema().has(Field::Company))
}

/// How many columns the list has: the built-in ones and the custom fields shown as columns.
pub(crate) fn column_count(app: AppCtx) -> usize {
    5 + usize::from(lists_company(app))
        + app
            .backend
            .with_value(|b| b.schema().custom().iter().filter(|c| c.column).count())
}

/// The texts of a deal's custom fields that the list shows as columns, in their order: numbers
/// and money in the user's locale, dates as the list writes dates, a select's option by its label.
pub(crate) fn column_texts(app: AppCtx, deal: &Deal) -> Vec<String> {
    use crate::model::{CustomKind, CustomValue, Money};
    let fmt = app.fmt.get_value();
    let currency = deal
        .fields
        .amount
        .map_or_else(|| app.config.with_value(|c| c.currency), |m| m.currency);
    app.backend.with_value(|b| {
        b.schema()
            .custom()
            .iter()
            .filter(|c| c.column)
            .map(|c| match (deal.fields.custom.get(&c.key), &c.kind) {
                (None, _) => String::new(),
                (Some(CustomValue::Number(n)), CustomKind::Money) => {
                    Money::from_f64(*n, currency).map_or_else(|| fmt.number(*n), |m| fmt.money(&m))
                }
                (Some(CustomValue::Number(n)), _) => fmt.number(*n),
                (Some(CustomValue::Flag(b)), _) => app.t(if *b { "yes" } else { "no" }),
                (Some(CustomValue::Text(t)), CustomKind::Date) => {
                    crate::model::Date::parse_iso(t).map_or_else(|_| t.clone(), |d| fmt.date(&d))
                }
                // People and companies by name, as owners are.
                (Some(CustomValue::Text(t)), CustomKind::Person) => app.name_of(crate::model::LookupKind::Owner, t),
                (Some(CustomValue::Text(t)), CustomKind::Company) => app.name_of(crate::model::LookupKind::Company, t),
                (Some(CustomValue::Text(t)), _) => c.shown(t).to_owned(),
            })
            .collect()
    })
}

/// The table of one page of deals.
#[component]
fn DealTable(page: Page, loading: RwSignal<bool>, heading: String) -> impl IntoView {
    let on_page = page.deals.len();
    let (total, next) = (page.total, page.next.clone());
    let rows = page.deals;
    view! {
        <div class="df-table-wrap">
            <table class="df-table" aria-labelledby=heading aria-busy=move || super::aria_bool(loading.get())>
                <thead>{header_row()}</thead>
                <tbody>
                    // A new page builds a new table, so the rows need no keyed diffing (`<For>`).
                    {rows.into_iter().map(|deal| view! { <DealRow deal /> }).collect_view()}
                </tbody>
            </table>
        </div>
        <Pager on_page total next />
    }
}

/// A deal's stage as the list shows it: the label the CRM sent, else the label of its stage id
/// in the backend's stages (read in place, and tracked: the labels may arrive after the row).
pub(crate) fn stage_text(app: AppCtx, deal: &Deal) -> Option<String> {
    if let Some(label) = &deal.labels.stage {
        return Some(label.clone());
    }
    let id = deal.fields.stage.as_ref()?;
    let label = app.stages.with(|r| {
        let stages = r?.as_ref().ok()?;
        stages.iter().find(|s| &s.id == id).map(|s| s.label.clone())
    });
    Some(label.unwrap_or_else(|| id.clone()))
}

/// What a deal's row shows after its name: amount, stage, close date, owner, company (where
/// listed) and the custom fields shown as columns.
pub(crate) fn detail_texts(app: AppCtx, deal: &Deal) -> Vec<String> {
    let [amount, date, owner] = fixed_texts(app, deal);
    let mut texts = vec![amount, stage_text(app, deal).unwrap_or_default(), date, owner];
    texts.extend(company_text(app, deal));
    texts.extend(column_texts(app, deal));
    texts
}

/// The company's name ([`AppCtx::name_of`]), where the list has a Company column.
fn company_text(app: AppCtx, deal: &Deal) -> Option<String> {
    if !lists_company(app) {
        return None;
    }
    let id = deal.fields.company.as_deref().unwrap_or_default();
    Some(if id.is_empty() {
        String::new()
    } else {
        app.name_of(crate::model::LookupKind::Company, id)
    })
}

/// The amount, close date and owner: the row texts that do not wait for the stage list.
fn fixed_texts(app: AppCtx, deal: &Deal) -> [String; 3] {
    let fmt = app.fmt.get_value();
    let f = &deal.fields;
    let owner = match (&deal.labels.owner, &f.owner) {
        (Some(name), _) => name.clone(),
        (None, Some(id)) => app.name_of(crate::model::LookupKind::Owner, id),
        (None, None) => String::new(),
    };
    [
        f.amount.map(|m| fmt.money(&m)).unwrap_or_default(),
        f.close_date.map(|d| fmt.date(&d)).unwrap_or_default(),
        owner,
    ]
}

/// One deal in the table; its name opens it for editing.
#[component]
pub fn DealRow(
    deal: Deal,
    /// Its 1-based row number among all rows, header included, where only some are mounted.
    #[prop(optional)]
    row_index: Option<u64>,
) -> impl IntoView {
    let app = use_app();
    let [amount, date, owner] = fixed_texts(app, &deal);
    let company = company_text(app, &deal);
    let columns = column_texts(app, &deal);
    let stage = {
        let deal = deal.clone();
        move || stage_text(app, &deal)
    };
    let id = deal.id.clone();
    let name = deal.fields.name.clone();
    // In list-only mode the list is read-only: names are text, not ways into a form.
    let name_cell = if app.config.with_value(|c| c.mode) == Mode::List {
        name.into_any()
    } else {
        view! { <button type="button" class="df-link" on:click=move |_| app.go(View::Edit(id.clone()), None)>{name}</button> }.into_any()
    };
    view! {
        <tr aria-rowindex=row_index.map(|i| i.to_string())>
            <td>{name_cell}</td>
            <td class="df-num">{amount}</td>
            <td>{stage}</td>
            <td>{date}</td>
            <td>{owner}</td>
            {company.map(|text| view! { <td>{text}</td> })}
            {columns.into_iter().map(|text| view! { <td>{text}</td> }).collect_view()}
        </tr>
    }
}
