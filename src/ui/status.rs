//! How failures are shown: a panel with the message and what can be done about it.

use super::app::AppCtx;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A failure that stops a view, announced as an alert.
#[component]
pub fn ErrorPanel(
    /// A short headline.
    #[prop(into)]
    title: Signal<String>,
    /// What went wrong, in full.
    #[prop(into)]
    message: Signal<String>,
    /// Buttons offering a way out (Retry, Back).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let panel = NodeRef::<leptos::html::Div>::new();
    // Shown after the user acted (a deal that cannot be opened, code that cannot be fetched,
    // a Retry that fails again), the panel replaces the view that held the focus: its first
    // button (Retry) takes it rather than the page, as after a list page that fails. Not on a
    // first load: a widget must not pull the focus.
    if let Some(app) = use_context::<AppCtx>().filter(|a| a.navigated.get_value()) {
        let first = move || panel.get_untracked()?.query_selector("button").ok()??.dyn_into().ok();
        app.focus_found(first, true);
    }
    view! {
        <div class="df-error" role="alert" node_ref=panel>
            <p class="df-error-title"><strong>{title}</strong></p>
            <p>{message}</p>
            {children.map(|c| view! { <div class="df-actions">{c()}</div> })}
        </div>
    }
}
