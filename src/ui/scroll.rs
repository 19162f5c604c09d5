//! The scrolling deal list: every deal in one table that mounts only the rows in view, so ten
//! thousand deals scroll as smoothly as twenty-five.
//!
//! Spacer rows above and below the mounted rows keep the scrollbar true to the whole list, and
//! keep it a real table (header cells, `aria-rowcount`, `aria-rowindex`) for screen readers.

use super::app::use_app;
use super::list::{header_row, DealRow};
use crate::model::window::{visible_rows, Row, RowCache};
use crate::model::{Deal, ListQuery, Page};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Deals a request asks for while scrolling: the most every supported CRM allows.
pub const SCROLL_PAGE: u32 = 100;

/// Rows mounted beyond each edge of the view, so a short scroll finds them already there.
const OVERSCAN: u64 = 8;

/// How long the view must rest after a jump before the pages it shows are fetched.
const JUMP_SETTLE: std::time::Duration = std::time::Duration::from_millis(120);

/// A row's height before one has been measured (it matches the stylesheet's).
const ROW_PX: f64 = 40.0;

/// One mounted row.
#[derive(Clone)]
enum Item {
    Deal(u64, Deal),
    Loading(u64),
    Failed(u64),
}

impl Item {
    /// Changes whenever the row must be drawn afresh.
    fn key(&self) -> (u64, Option<(crate::model::DealId, crate::model::DealFields)>, bool) {
        match self {
            Self::Deal(i, d) => (*i, Some((d.id.clone(), d.fields.clone())), false),
            Self::Loading(i) => (*i, None, false),
            Self::Failed(i) => (*i, None, true),
        }
    }
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
        visible_rows(scroll_top.get(), viewport.get(), row_px.get(), OVERSCAN, rows)
    });

    // Fetch what the view needs. Claiming marks pages as on the way without redrawing: a
    // row on the way and a row not yet asked for look the same.
    let fetch = move || {
        // A timer may fire after the list has gone (a deal opened mid-jump): then nothing to do.
        let Some(rows) = window.try_get_untracked() else { return };
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
                        let shown = cache.try_update(|c| c.fail(start, e.to_string()));
                        if shown.is_some() {
                            app.emit_error(&e);
                        }
                        shown
                    }
                };
            });
        }
    };
    // Reading down the list (some rows in view already here) fetches at once. A jump (End, a
    // dragged scrollbar) waits for the view to settle, so it fetches the pages it lands on,
    // not every page it passes.
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
        let reading = cache.with_untracked(|c| rows.clone().any(|i| matches!(c.row(i), Row::Deal(_))));
        if reading {
            fetch();
        } else {
            pending.set_value(set_timeout_with_handle(fetch, JUMP_SETTLE).ok());
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
    Effect::new(move |_| {
        if let Some(el) = scroller.get() {
            measure(&el);
        }
    });

    // The position the element last reported. When the signal says otherwise, the app moved
    // it (back to where the user was after a form, to the top after a new sort or search), and
    // the element follows. Comparing with this, not with the element, keeps scrolling free of
    // reads that could force a layout.
    let seen = StoredValue::new(f64::NAN);
    Effect::new(move |_| {
        let want = scroll_top.get();
        let Some(el) = scroller.get() else { return };
        let last = seen.get_value();
        if last.is_nan() || (want - last).abs() >= 1.0 {
            seen.set_value(want);
            el.set_scroll_top(want as i32);
        }
    });

    // Only the position is read while scrolling: reading sizes here could force a layout
    // in every frame. The view's height is measured on mount and when the window resizes.
    let on_scroll = move |_| {
        if let Some(el) = scroller.get_untracked() {
            let top = f64::from(el.scroll_top());
            seen.set_value(top);
            scroll_top.set(top);
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(el) = scroller.get_untracked() {
            measure(&el);
        }
    });
    on_cleanup(move || resize.remove());

    let items = move || {
        let rows = window.get();
        cache.with(|c| {
            rows.map(|i| match c.row(i) {
                Row::Deal(d) => Item::Deal(i, d.clone()),
                Row::Loading => Item::Loading(i),
                Row::Failed => Item::Failed(i),
            })
            .collect::<Vec<_>>()
        })
    };
    // Row numbers for assistive technology are 1-based and count the header row.
    let aria_row = |i: u64| i + 2;
    let px = move |rows: u64| format!("{}px", rows as f64 * row_px.get());
    let above = move || px(window.get().start);
    let below = move || px(cache.with(RowCache::rows).saturating_sub(window.get().end));

    let retry = move |_| {
        cache.update(RowCache::retry);
        fetch();
    };
    let failure = move || {
        let rows = window.get();
        cache.with(|c| c.failure(rows).map(str::to_owned)).map(|message| {
            view! {
                <div class="df-inline-error" role="alert">
                    <span>{format!("Some deals could not be loaded. {message}")}</span>
                    <button type="button" class="df-button" on:click=retry>"Retry"</button>
                </div>
            }
        })
    };
    let count = move || {
        let fmt = app.fmt.get_value();
        cache.with(|c| {
            let (rows, loaded) = (c.rows(), c.loaded() as u64);
            if loaded >= rows {
                format!("{} deals", fmt.count(rows))
            } else {
                format!("{} deals, {} loaded", fmt.count(rows), fmt.count(loaded))
            }
        })
    };

    view! {
        {failure}
        <div class="df-scroll" node_ref=scroller tabindex="0" role="region" aria-label="All deals, scrollable" on:scroll=on_scroll>
            <table
                class="df-table"
                aria-labelledby=heading
                aria-busy=move || loading.get().to_string()
                aria-rowcount=move || (cache.with(RowCache::rows) + 1).to_string()
            >
                <thead>{header_row()}</thead>
                <tbody>
                    <tr class="df-spacer" aria-hidden="true"><td colspan="5" style:height=above></td></tr>
                    <For
                        each=items
                        key=Item::key
                        children=move |item: Item| match item {
                            Item::Deal(i, deal) => view! { <DealRow deal row_index=aria_row(i) /> }.into_any(),
                            Item::Loading(i) => view! {
                                <tr aria-rowindex=aria_row(i).to_string()><td colspan="5" class="df-row-note">"Loading…"</td></tr>
                            }.into_any(),
                            Item::Failed(i) => view! {
                                <tr aria-rowindex=aria_row(i).to_string()><td colspan="5" class="df-row-note">"Not loaded"</td></tr>
                            }.into_any(),
                        }
                    />
                    <tr class="df-spacer" aria-hidden="true"><td colspan="5" style:height=below></td></tr>
                </tbody>
            </table>
        </div>
        <p class="df-range">{count}</p>
    }
}
