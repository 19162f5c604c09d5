//! Previous / next page, and where the current page sits ("26–50 of 132").

use super::app::{use_app, PageMark};
use crate::model::page::{range_words, shown_range};
use crate::model::{Cursor, Message};
use leptos::prelude::*;

/// The pager under the deal list. Each page of deals comes with a pager of its own, so what it
/// is told of that page is plain values: signals of them cost code and changed nothing.
#[component]
pub fn Pager(
    /// Deals on the current page.
    on_page: usize,
    /// The total where the backend reports one.
    total: Option<u64>,
    /// Where the next page starts, if there is one.
    next: Option<Cursor>,
) -> impl IntoView {
    let app = use_app();
    let pages = app.list.pages;
    let before = move || pages.with(|p| p.last().map_or(0, |m| m.before));
    let range_text = move || {
        // An `Option`, as the app's other texts: a text closure of a type of its own costs
        // the main wasm its code.
        app.words.track();
        shown_range(before(), on_page).map(|range| app.say(&range_words(range, total)))
    };
    // Past a page known to be the last (`ListState::end`) there is no next page, whatever
    // cursor the CRM gave: the button is off, and a press on it does nothing.
    let ended = pages.with_untracked(Vec::len) as u64 == app.list.end.get_value();
    let next = next.filter(|_| !ended);
    let last = next.is_none();
    let go_next = move |_| {
        if let Some(cursor) = next.clone() {
            let before = before() + on_page as u64;
            pages.update(|p| p.push(PageMark { cursor, before }));
        }
    };
    let go_prev = move |_| {
        pages.update(|p| {
            if p.len() > 1 {
                p.pop();
            }
        })
    };
    // aria-disabled, not disabled: a button that goes inert under the user's focus (Next page
    // onto the last page) keeps it, where a disabled one would drop it to the page.
    view! {
        <nav class="df-pager" aria-label=app.landmark(Message::key("pager-landmark"))>
            <button type="button" class="df-button df-prev" on:click=go_prev aria-disabled=move || super::aria_bool(pages.with(Vec::len) <= 1)>{app.tr("pager-previous")}</button>
            <span class="df-range" aria-live="polite">{range_text}</span>
            <button type="button" class="df-button df-next" on:click=go_next aria-disabled=super::aria_bool(last)>{app.tr("pager-next")}</button>
        </nav>
    }
}
