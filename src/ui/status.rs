//! How failures are shown: a panel with the message and what can be done about it.

use leptos::prelude::*;

/// A failure that stops a view, announced as an alert.
#[component]
pub fn ErrorPanel(
    /// A short headline.
    #[prop(into)]
    title: String,
    /// What went wrong, in full.
    #[prop(into)]
    message: String,
    /// Buttons offering a way out (Retry, Back).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="df-error" role="alert">
            <p class="df-error-title"><strong>{title}</strong></p>
            <p>{message}</p>
            {children.map(|c| view! { <div class="df-actions">{c()}</div> })}
        </div>
    }
}
