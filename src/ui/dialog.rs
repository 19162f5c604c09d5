//! A modal confirmation built on `<dialog>`: the browser traps focus, closes on Escape and
//! returns focus to where it was, so the component only wires words and outcomes.

use leptos::html::Dialog;
use leptos::prelude::*;

/// A [`ConfirmDialog`] as a plain function: the list reaches it through the form's chunk of
/// code (see [`super::chunks::FormCode`]), which holds it, so the first load does not.
pub type ConfirmView = fn(Confirm) -> AnyView;

/// What a [`ConfirmDialog`] asks, and what it does when confirmed.
pub struct Confirm {
    /// Whether it is showing; set false on either answer.
    pub open: RwSignal<bool>,
    /// Unique id prefix, for the title and body ids.
    pub id: String,
    /// The question, which names the dialog.
    pub title: Signal<String>,
    /// What happens if confirmed.
    pub body: Signal<String>,
    /// The confirming button's words.
    pub confirm: Signal<String>,
    /// The declining button's words.
    pub cancel: Signal<String>,
    /// Called when confirmed.
    pub on_confirm: Callback<()>,
}

/// The [`ConfirmView`] of this module.
pub fn confirm_view(c: Confirm) -> AnyView {
    view! {
        <ConfirmDialog
            open=c.open
            id=c.id
            title=c.title
            body=c.body
            confirm=c.confirm
            cancel=c.cancel
            on_confirm=c.on_confirm
        />
    }
    .into_any()
}

/// Asks before something that cannot be undone. Opens while `open` is true.
#[component]
pub fn ConfirmDialog(
    /// Whether it is showing; set false on either answer.
    open: RwSignal<bool>,
    /// Unique id prefix, for the title and body ids.
    #[prop(into)]
    id: String,
    /// The question, which names the dialog.
    #[prop(into)]
    title: Signal<String>,
    /// What happens if confirmed.
    #[prop(into)]
    body: Signal<String>,
    /// The confirming button's words ("Delete deal").
    #[prop(into)]
    confirm: Signal<String>,
    /// The declining button's words ("Cancel").
    #[prop(into)]
    cancel: Signal<String>,
    /// Called when confirmed.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        let want = open.get();
        if let Some(d) = dialog.get() {
            if want && !d.open() {
                // Fails only if the element is detached; then there is nothing to show.
                let _ = d.show_modal();
            } else if !want && d.open() {
                d.close();
            }
        }
    });
    let (title_id, body_id) = (format!("{id}-title"), format!("{id}-body"));
    view! {
        <dialog
            node_ref=dialog
            class="df-dialog"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby=title_id.clone()
            aria-describedby=body_id.clone()
            // `close` also fires when the dialog is removed with the view that owned it.
            on:cancel=move |_: leptos::ev::Event| { open.try_set(false); }
            on:close=move |_: leptos::ev::Event| { open.try_set(false); }
        >
            <h2 id=title_id.clone() class="df-dialog-title">{title}</h2>
            <p id=body_id.clone()>{body}</p>
            <div class="df-actions">
                <button type="button" class="df-button" autofocus on:click=move |_| open.set(false)>{cancel}</button>
                <button type="button" class="df-button df-danger" on:click=move |_| { open.set(false); on_confirm.run(()); }>{confirm}</button>
            </div>
        </dialog>
    }
}
