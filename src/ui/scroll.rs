//! The scrolling deal list: every deal in one table that mounts only the rows in view, so ten
//! thousand deals scroll as smoothly as twenty-five.
//!
//! Spacer rows above and below the mounted rows keep the scrollbar true to the whole list, and
//! keep it a real table (header cells, `aria-rowcount`, `aria-rowindex`) for screen readers.

use super::app::{use_app, AppCtx, View};
use super::list::{detail_texts, header_row};
use crate::model::window::{visible_rows, Row, RowCache};
use crate::model::{ListQuery, Message, Page};
use leptos::prelude::*;
use std::collections::VecDeque;
use wasm_bindgen::JsCast;

/// Deals a request asks for while scrolling: the most every supported CRM allows.
pub const SCROLL_PAGE: u32 = 100;

/// Rows mounted beyond each edge of the view, so a short scroll finds them already there.
const OVERSCAN: u64 = 8;

/// Rows beyond the view, in the direction it moves, whose page is fetched while reading: a
/// page is there before its rows scroll in, so they never show "Loading…" at a reading pace,
/// and a fast scroll draws each row once instead of twice.
const PREFETCH: u64 = SCROLL_PAGE as u64;

/// How long the view must rest after a jump before the pages it shows are fetched.
const JUMP_SETTLE: std::time::Duration = std::time::Duration::from_millis(120);

/// A row's height before one has been measured (it matches the stylesheet's).
const ROW_PX: f64 = 40.0;

/// The rows on screen, drawn straight into their own `<tbody>` and reused as the view moves:
/// the row that scrolls out becomes the row that scrolls in. A fast scroll then changes text in
/// place instead of creating and dropping a few hundred elements (and their listeners, and the
/// garbage they leave) every frame.
struct Rows {
    body: web_sys::HtmlElement,
    /// On screen, in row order: `shown[k]` is row `first + k`.
    shown: VecDeque<Slot>,
    first: u64,
    /// Slots not showing a row; `attached` ones are removed from the table at the end of a draw
    /// unless reused in it (then they only move).
    spare: Vec<Slot>,
    /// Whether names are buttons that open the deal (not in list-only mode).
    links: bool,
    /// How many cells a row has (see [`super::list::column_count`]).
    columns: usize,
    /// Whether the last draw was while seeking.
    seeking: bool,
}

/// One reusable row. Its text is changed in place (`Text.data`), so redrawing a row leaves no
/// nodes behind for the garbage collector.
struct Slot {
    tr: web_sys::HtmlElement,
    cells: Vec<web_sys::HtmlElement>,
    /// Each cell's text; the first is the name's (inside `link` where names are buttons).
    texts: Vec<web_sys::Text>,
    /// The name's button, kept while the row shows a note instead.
    link: Option<web_sys::HtmlElement>,
    /// "Loading…" or "Not loaded", in the first cell in place of the name.
    note: web_sys::Text,
    /// What it shows now; `None` when it must be drawn afresh.
    shows: Option<(u64, RowKind)>,
    /// What its cells hold, whichever row it stands for: a slot that held "Loading…" and is
    /// reused for another row still loading only takes the new row number. A fling over rows
    /// not yet fetched then changes no text at all.
    holds: Option<RowKind>,
    attached: bool,
}

/// How the view last moved, which decides what is fetched and what is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pace {
    /// Less than a screen at a time, downwards or not: the next page in that direction is
    /// fetched ahead, and deals are drawn.
    Reading {
        /// Whether towards the end of the list.
        down: bool,
    },
    /// A screen or more at a time (a jump, a fling, a dragged scrollbar, `End`'s smooth
    /// scroll): deals pass as empty rows (see [`Rows::show`]) and nothing is fetched ahead;
    /// the rows ahead would only be passed.
    Seeking,
    /// At rest after seeking (`JUMP_SETTLE`): deals are drawn, and the pages in view fetched.
    Rested,
}

/// What a row shows; it is drawn again only when this changes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Deal,
    Loading,
    Failed,
    /// A deal passed in a fling: its cells are left empty (see [`Rows::show`]).
    Passed,
}

impl RowKind {
    /// What `row` is shown as: a deal passes empty while the view is `seeking`.
    fn of(row: &Row<'_>, seeking: bool) -> Self {
        match row {
            Row::Deal(_) if seeking => RowKind::Passed,
            Row::Deal(_) => RowKind::Deal,
            Row::Loading => RowKind::Loading,
            Row::Failed => RowKind::Failed,
        }
    }
}

impl Rows {
    fn new(body: web_sys::HtmlElement, links: bool, columns: usize) -> Self {
        // A new list (another sort or search) may be built over the last one's elements, this
        // body included: the rows that list drew are not this one's.
        body.set_text_content(None);
        Self {
            body,
            shown: VecDeque::new(),
            first: 0,
            spare: Vec::new(),
            links,
            columns,
            seeking: false,
        }
    }

    /// Shows rows `range`, drawing only those that changed (all of them with `redraw`).
    ///
    /// While `seeking` (the view moving a screen or more a frame: a fling, a dragged scrollbar,
    /// `End`) deals are passed as empty rows: nobody reads rows that are on screen for one frame,
    /// and drawing a screenful of new deals every frame is what made such frames late. They are
    /// drawn once the view rests or slows to a reading pace.
    fn show(&mut self, range: std::ops::Range<u64>, cache: &RowCache, app: AppCtx, redraw: bool, seeking: bool) {
        // Deals shown so far are about to lose their names, a deal in focus among them: the list
        // region keeps the focus. Rows drawn while seeking hold nothing to focus, so this is
        // asked once as seeking starts, not in every frame of it.
        if seeking && !self.seeking {
            let focused = document().active_element();
            if focused.is_some() && self.body.contains(focused.as_ref().map(|f| f.unchecked_ref())) {
                self.focus_region();
            }
        }
        self.seeking = seeking;
        if !redraw && self.relabel_notes(&range, |i| RowKind::of(&cache.row(i), seeking)) {
            return;
        }
        let end = self.first + self.shown.len() as u64;
        if range.start >= end || range.end <= self.first {
            self.spare.extend(self.shown.drain(..));
            self.first = range.start;
        }
        while self.first < range.start && !self.shown.is_empty() {
            self.spare.extend(self.shown.pop_front());
            self.first += 1;
        }
        while self.first + self.shown.len() as u64 > range.end {
            self.spare.extend(self.shown.pop_back());
        }
        // A row that leaves with the keyboard focus in it would take the focus to another deal:
        // the list region keeps it instead.
        if self
            .spare
            .iter()
            .any(|s| s.attached && s.tr.matches(":focus-within").unwrap_or(false))
        {
            self.focus_region();
        }
        if self.shown.is_empty() {
            self.first = range.start;
        }
        while self.first > range.start {
            let slot = self.take();
            let before = self
                .shown
                .front()
                .map(|s| s.tr.clone().unchecked_into::<web_sys::Node>());
            let _ = self.body.insert_before(&slot.tr, before.as_ref());
            self.shown.push_front(slot);
            self.first -= 1;
        }
        while self.first + (self.shown.len() as u64) < range.end {
            let slot = self.take();
            let _ = self.body.append_child(&slot.tr);
            self.shown.push_back(slot);
        }
        for slot in self.spare.iter_mut().filter(|s| s.attached) {
            slot.tr.remove();
            slot.attached = false;
            slot.shows = None;
        }
        for (k, slot) in self.shown.iter_mut().enumerate() {
            let i = self.first + k as u64;
            let row = cache.row(i);
            let kind = RowKind::of(&row, seeking);
            if redraw || slot.shows != Some((i, kind)) {
                slot.draw(i, row, kind, app, redraw);
                slot.shows = Some((i, kind));
            }
        }
    }

    /// A fling: every row to show is a note ("Loading…", or a deal passed empty) of the kind
    /// the row on screen in its place holds already, and such rows look alike, so the rows stay
    /// where they are in the table and only take their new row numbers. Moving them instead
    /// (out at one end, in at the other) makes Chromium rebuild their layout every frame.
    /// Whether it applied.
    fn relabel_notes(&mut self, range: &std::ops::Range<u64>, kind_at: impl Fn(u64) -> RowKind) -> bool {
        let fits = !self.shown.is_empty()
            && self.shown.len() as u64 == range.end.saturating_sub(range.start)
            && range.clone().zip(self.shown.iter()).all(|(i, s)| {
                let kind = kind_at(i);
                kind != RowKind::Deal && s.holds == Some(kind)
            });
        if fits {
            self.first = range.start;
            // Each row keeps the kind it holds, which is the kind its new row is shown as.
            for (i, slot) in range.clone().zip(self.shown.iter_mut()) {
                let shown = slot.holds.map(|kind| (i, kind));
                if slot.shows != shown {
                    let _ = slot.tr.set_attribute("aria-rowindex", &aria_row(i).to_string());
                    slot.shows = shown;
                }
            }
        }
        fits
    }

    /// Gives the keyboard focus to the list region, from a row about to change under it.
    fn focus_region(&self) {
        if let Some(region) = self.body.closest("[role=region]").ok().flatten() {
            if let Ok(region) = region.dyn_into::<web_sys::HtmlElement>() {
                let _ = region.focus();
            }
        }
    }

    /// A spare slot (it is about to be placed), or a new one.
    fn take(&mut self) -> Slot {
        let (links, columns) = (self.links, self.columns);
        let mut slot = self.spare.pop().unwrap_or_else(|| Slot::new(links, columns));
        slot.attached = true;
        slot.shows = None;
        slot
    }
}

impl Slot {
    fn new(links: bool, columns: usize) -> Self {
        let doc = document();
        let el = |tag: &str| {
            doc.create_element(tag)
                .map(|e| e.unchecked_into::<web_sys::HtmlElement>())
                .unwrap_or_else(|_| unreachable!("a document can always create a <{tag}>"))
        };
        let tr = el("tr");
        let texts: Vec<web_sys::Text> = (0..columns).map(|_| doc.create_text_node("")).collect();
        let cells = (0..columns)
            .map(|k| {
                let td = el("td");
                if k == 1 {
                    td.set_class_name("df-num");
                }
                if k > 0 || !links {
                    let _ = td.append_child(&texts[k]);
                }
                let _ = tr.append_child(&td);
                td
            })
            .collect();
        let link = links.then(|| {
            let b = el("button");
            let _ = b.set_attribute("type", "button");
            b.set_class_name("df-link");
            let _ = b.append_child(&texts[0]);
            b
        });
        Self {
            tr,
            cells,
            texts,
            link,
            note: doc.create_text_node(""),
            shows: None,
            holds: None,
            attached: false,
        }
    }

    /// Draws row `i` as `kind` says `row` shows; `fresh` draws the cells even where they hold
    /// a note of the same kind already.
    fn draw(&mut self, i: u64, row: Row<'_>, kind: RowKind, app: AppCtx, fresh: bool) {
        let _ = self.tr.set_attribute("aria-rowindex", &aria_row(i).to_string());
        let same_note = !fresh && kind != RowKind::Deal && self.holds == Some(kind);
        self.holds = Some(kind);
        if same_note {
            return;
        }
        let first = &self.cells[0];
        let deal = match row {
            Row::Deal(deal) if kind == RowKind::Deal => deal,
            _ => {
                // An empty row needs no note style: leaving the class alone spares Chromium
                // restyling a screenful of rows as a fling begins.
                if kind != RowKind::Passed {
                    first.set_class_name("df-row-note");
                }
                let note = match kind {
                    RowKind::Loading => app.t("loading"),
                    RowKind::Failed => app.t("scroll-row-failed"),
                    _ => String::new(),
                };
                self.note.set_data(&note);
                swap_child(first, &self.note);
                for text in &self.texts[1..] {
                    text.set_data("");
                }
                return;
            }
        };
        first.set_class_name("");
        self.texts[0].set_data(&deal.fields.name);
        match &self.link {
            Some(link) => {
                let _ = link.set_attribute("data-row", &i.to_string());
                swap_child(first, link);
            }
            None => swap_child(first, &self.texts[0]),
        }
        for (text, value) in self.texts[1..].iter().zip(detail_texts(app, deal)) {
            text.set_data(&value);
        }
    }
}

/// Makes `child` the only child of `cell`, touching the tree only when it is not already.
fn swap_child(cell: &web_sys::HtmlElement, child: &web_sys::Node) {
    if cell.first_child().as_ref() != Some(child) {
        cell.set_text_content(None);
        let _ = cell.append_child(child);
    }
}

/// A length in CSS pixels to the hundredth, printed as integers: `f64`'s `Display` would add
/// some 10 KB of float printing to the wasm for this alone.
fn css_px(px: f64) -> String {
    let hundredths = (px.max(0.0) * 100.0).round() as u64;
    format!("{}.{:02}px", hundredths / 100, hundredths % 100)
}

/// Row numbers for assistive technology are 1-based and count the header row.
fn aria_row(i: u64) -> u64 {
    i + 2
}

/// The scrolling list's entry point (see [`super::chunks::scroll_code`]): the table for
/// `first`, the page the list fetched; `loading` while it fetches that page again; the table
/// named by the element with id `heading`.
pub type ScrollView = fn(first: Page, loading: RwSignal<bool>, heading: String) -> AnyView;

/// The [`ScrollView`] of this module.
pub fn scroll_view(first: Page, loading: RwSignal<bool>, heading: String) -> AnyView {
    view! { <ScrollTable first loading heading /> }.into_any()
}

/// The whole list in one scrolling table, starting from its first page.
#[component]
pub fn ScrollTable(
    /// The first page, already fetched by the list.
    first: Page,
    /// Whether the list is fetching its first page again.
    loading: RwSignal<bool>,
    /// The id of the heading that names the table.
    heading: String,
) -> impl IntoView {
    let app = use_app();
    let list = app.list;
    let style = app.backend.with_value(|b| b.paging());
    let cache = RwSignal::new(RowCache::new(style, SCROLL_PAGE, first));
    let scroller = NodeRef::<leptos::html::Div>::new();
    let viewport = RwSignal::new(600.0_f64);
    let row_px = RwSignal::new(ROW_PX);
    let scroll_top = list.scroll_top;

    let window = Memo::new(move |_| {
        let rows = cache.with(RowCache::rows);
        visible_rows(scroll_top.get() as f64, viewport.get(), row_px.get(), OVERSCAN, rows)
    });

    // Fetch what the view needs. Claiming marks pages as on the way without redrawing: a
    // row on the way and a row not yet asked for look the same.
    // How the view last moved; the first view reads downwards.
    let pace = RwSignal::new(Pace::Reading { down: true });
    // What drawing depends on: whether the view is seeking, not which way it reads.
    let seeking = Memo::new(move |_| pace.get() == Pace::Seeking);
    let fetch = move |ahead: bool| {
        // A timer may fire after the list has gone (a deal opened mid-jump): then nothing to do.
        let Some(rows) = window.try_get_untracked() else { return };
        let rows = match pace.try_get_untracked() {
            Some(Pace::Reading { down: true }) if ahead => {
                // Only as far as rows are known to exist: past the end there is nothing to fetch.
                let known = cache.try_with_untracked(RowCache::rows).unwrap_or_default();
                rows.start..(rows.end + PREFETCH).min(known).max(rows.end)
            }
            Some(Pace::Reading { down: false }) if ahead => rows.start.saturating_sub(PREFETCH)..rows.end,
            _ => rows,
        };
        let wanted = cache.try_update_untracked(|c| c.claim(rows)).unwrap_or_default();
        for (start, cursor) in wanted {
            let query = ListQuery {
                search: list.search.get_untracked(),
                sort: list.sort.get_untracked(),
                page_size: SCROLL_PAGE,
                cursor,
            };
            let backend = app.backend.get_value();
            leptos::task::spawn_local(async move {
                let result = backend.list(&query).await;
                // The list may have been replaced (a new search) while the page was on the way;
                // then its cache is gone and the page is dropped.
                match result {
                    Ok(page) => cache.try_update(|c| c.store(start, page)),
                    Err(e) => {
                        // Only a list still showing reports its failure to the host page.
                        let shown = cache.try_update(|c| c.fail(start, app.say(&e.message())));
                        if shown.is_some() {
                            app.emit_error(&e);
                        }
                        shown
                    }
                };
            });
        }
    };
    // Reading down the list (at a reading pace, some rows in view already here) fetches at
    // once. A jump or a fling (End, a dragged scrollbar) waits for the view to settle, so it
    // fetches the pages it lands on, not every page it passes: also when it passes rows already
    // here, where a fast CRM would otherwise be asked for every page on the way.
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    on_cleanup(move || {
        if let Some(h) = pending.try_get_value().flatten() {
            h.clear();
        }
    });
    Effect::new(move |_| {
        let rows = window.get();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let reading = matches!(pace.get_untracked(), Pace::Reading { .. })
            && cache.with_untracked(|c| rows.clone().any(|i| matches!(c.row(i), Row::Deal(_))));
        if reading {
            fetch(true);
        } else {
            let settle = move || {
                fetch(false);
                // The list may be gone by now (a deal opened mid-jump).
                if pace.try_get_untracked() == Some(Pace::Seeking) {
                    pace.try_set(Pace::Rested);
                }
            };
            pending.set_value(set_timeout_with_handle(settle, JUMP_SETTLE).ok());
        }
    });

    // The view's height and a row's: on mount, and again when the window resizes (a zoom
    // changes both).
    let measure = move |el: &web_sys::HtmlElement| {
        viewport.set(f64::from(el.client_height()));
        if let Some(row) = el
            .query_selector("tbody tr[aria-rowindex]")
            .ok()
            .flatten()
            .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let h = row.get_bounding_client_rect().height();
            if h >= 1.0 {
                row_px.set(h);
            }
        }
    };
    // And whenever the view's size changes without the window's: the scroller grows with its
    // rows up to its maximum height, so a table mounted before its rows were drawn measured
    // too short (and drew too few); a widget's host page may also resize the box it sits in.
    // Measured in the next frame, not in the observer's callback: the rows a new height draws
    // change the size again, which the observer would report as a loop.
    let remeasure = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        request_animation_frame(move || {
            // The list may be gone by the next frame.
            if let Some(el) = scroller.try_get_untracked().flatten() {
                measure(&el);
            }
        });
    });
    let observer = StoredValue::new_local(web_sys::ResizeObserver::new(remeasure.as_ref().unchecked_ref()).ok());
    // The callback lives as long as the list; the observer is disconnected before it goes
    // (cleanups run before an owner's values are dropped).
    StoredValue::new_local(remeasure);
    Effect::new(move |_| {
        if let Some(el) = scroller.get() {
            measure(&el);
            observer.with_value(|o| o.as_ref().map(|o| o.observe(&el)));
        }
    });
    on_cleanup(move || {
        observer.try_with_value(|o| o.as_ref().map(web_sys::ResizeObserver::disconnect));
    });

    // The rows: drawn whenever the view moves or a page arrives, and when the stage labels do.
    let body = NodeRef::<leptos::html::Tbody>::new();
    let drawn = StoredValue::new_local(None::<Rows>);
    let links = app.config.with_value(|c| c.mode) != crate::config::Mode::List;
    let columns = super::list::column_count(app);
    let draw = move |range: std::ops::Range<u64>, redraw: bool| {
        let Some(el) = body.get_untracked() else { return };
        drawn.update_value(|rows| {
            let rows = rows.get_or_insert_with(|| Rows::new(el.unchecked_into(), links, columns));
            let seeking = seeking.get_untracked();
            cache.with_untracked(|c| rows.show(range, c, app, redraw, seeking));
        });
    };
    // The position the element last reported. When the signal says otherwise, the app moved
    // it (back to where the user was after a form, to the top after a new sort or search), and
    // the element follows. Comparing with this, not with the element, keeps scrolling free of
    // reads that could force a layout.
    let seen = StoredValue::new(f64::NAN);
    Effect::new(move |_| {
        let want = scroll_top.get() as f64;
        let Some(el) = scroller.get() else { return };
        let last = seen.get_value();
        if last.is_nan() || (want - last).abs() >= 1.0 {
            // The rows at `want` first: without them the table is too short to scroll there,
            // and the browser would cut the position short (and report the shorter one).
            untrack(|| draw(window.get(), false));
            seen.set_value(want);
            el.set_scroll_top(want as i32);
        }
    });

    // Only the position is read while scrolling: reading sizes here could force a layout
    // in every frame. The view's height is measured on mount and when its size changes.
    let on_scroll = move |_| {
        if let Some(el) = scroller.get_untracked() {
            let top = f64::from(el.scroll_top());
            let last = seen.get_value();
            if top != last {
                let now = if last.is_nan() || (top - last).abs() < viewport.get_untracked() {
                    Pace::Reading {
                        down: last.is_nan() || top > last,
                    }
                } else {
                    Pace::Seeking
                };
                if pace.get_untracked() != now {
                    pace.set(now);
                }
            }
            seen.set_value(top);
            scroll_top.set(el.scroll_top().max(0) as usize);
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(el) = scroller.get_untracked() {
            measure(&el);
        }
    });
    on_cleanup(move || resize.remove());

    Effect::new(move |_| {
        let range = window.get();
        cache.track();
        seeking.track();
        untrack(|| draw(range, false));
    });
    // Stage labels change what rows say without changing which rows they are: all are redrawn.
    Effect::new(move |ran_before: Option<()>| {
        app.stages.track();
        if ran_before.is_some() {
            untrack(|| draw(window.get_untracked(), true));
        }
    });
    // Names are buttons; one listener on the rows' body opens whichever was pressed.
    let open = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button[data-row]").ok().flatten())
        else {
            return;
        };
        let Some(i) = button.get_attribute("data-row").and_then(|r| r.parse::<u64>().ok()) else {
            return;
        };
        let id = cache.with_untracked(|c| match c.row(i) {
            Row::Deal(d) => Some(d.id.clone()),
            _ => None,
        });
        if let Some(id) = id {
            app.go(View::Edit(id), None);
        }
    };
    let px = move |rows: u64| css_px(rows as f64 * row_px.get());
    let above = move || px(window.get().start);
    let below = move || px(cache.with(RowCache::rows).saturating_sub(window.get().end));

    let retry = move |_| {
        cache.update(RowCache::retry);
        fetch(false);
    };
    let failure = move || {
        let rows = window.get();
        cache.with(|c| c.failure(rows).map(str::to_owned)).map(|message| {
            view! {
                <div class="df-inline-error" role="alert">
                    <span>{app.said(Message::key("scroll-load-failed").text("reason", message))}</span>
                    <button type="button" class="df-button" on:click=retry>{app.tr("retry")}</button>
                </div>
            }
        })
    };
    let count = move || {
        app.words.track();
        cache.with(|c| {
            let (rows, loaded) = (c.rows(), c.loaded() as u64);
            let message = if loaded >= rows {
                Message::key("scroll-count")
            } else {
                Message::key("scroll-count-loaded").number("loaded", loaded as f64)
            };
            app.say(&message.number("count", rows as f64))
        })
    };

    view! {
        {failure}
        <div class="df-scroll" node_ref=scroller tabindex="0" role="region" aria-label=app.landmark(Message::key("scroll-landmark")) on:scroll=on_scroll>
            <table
                class="df-table"
                aria-labelledby=heading
                aria-busy=move || super::aria_bool(loading.get())
                aria-rowcount=move || (cache.with(RowCache::rows) + 1).to_string()
            >
                <thead>{header_row()}</thead>
                <tbody>
                    <tr class="df-spacer" aria-hidden="true"><td colspan=columns.to_string() style:height=above></td></tr>
                </tbody>
                <tbody node_ref=body on:click=open>
                </tbody>
                <tbody>
                    <tr class="df-spacer" aria-hidden="true"><td colspan=columns.to_string() style:height=below></td></tr>
                </tbody>
            </table>
        </div>
        <p class="df-range">{count}</p>
    }
}
