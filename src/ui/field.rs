//! One labelled form control with its hint and its error, wired for assistive technology.

use super::words::words;
use crate::model::{DealDraft, Field, FieldError, LookupKind, Stage};
use leptos::prelude::*;

/// Which control a field uses.
#[derive(Clone, Debug, PartialEq)]
pub enum Control {
    /// A one-line input; `inputmode` hints the on-screen keyboard.
    Text {
        /// The `type` attribute: `text`, `email`, `url` or `tel`.
        input_type: &'static str,
        /// The `inputmode` attribute.
        inputmode: &'static str,
    },
    /// A checkbox, its draft text `true` when ticked and empty when not.
    Checkbox,
    /// A searchable picker of owners or companies ([`super::picker`]), with the name the
    /// backend sent for the deal's id, if any.
    Picker(LookupKind, Option<String>),
    /// A native date picker (its value is `YYYY-MM-DD` in every locale).
    Date,
    /// A choice among the backend's stages, or a select field's options (as id and label).
    Select(Vec<Stage>),
    /// Several lines.
    TextArea,
}

/// Holds back the error of a field left while a pointer is pressed: shown at once, it would move
/// the controls under it between the press and the release, and the click (a box ticked, a
/// button pressed) would be lost. The errors held show at the release, after which the click
/// still lands where it was pressed.
#[derive(Clone, Copy)]
pub struct BlurGate {
    pressing: StoredValue<bool>,
    held: StoredValue<Vec<Field>>,
    touched: RwSignal<Vec<Field>>,
}

impl BlurGate {
    /// A gate in front of `touched`, released by the window's pointer releases while the
    /// calling component lives; provided as context to the form's fields.
    pub fn provide(touched: RwSignal<Vec<Field>>) -> Self {
        let gate = Self {
            pressing: StoredValue::new(false),
            held: StoredValue::new(Vec::new()),
            touched,
        };
        let up = window_event_listener(leptos::ev::pointerup, move |_| gate.release());
        let cancel = window_event_listener(leptos::ev::pointercancel, move |_| gate.release());
        on_cleanup(move || {
            up.remove();
            cancel.remove();
        });
        provide_context(gate);
        gate
    }

    /// A pointer was pressed in the form.
    pub fn press(&self) {
        self.pressing.set_value(true);
    }

    fn release(&self) {
        if self.pressing.try_get_value() != Some(true) {
            return;
        }
        self.pressing.set_value(false);
        let held = self.held.try_update_value(std::mem::take).unwrap_or_default();
        for field in held {
            self.left(field);
        }
    }

    /// `field` was left: its errors show now, or at the release of the pointer pressed.
    fn left(&self, field: Field) {
        if self.pressing.try_get_value() == Some(true) {
            self.held.update_value(|h| h.push(field));
        } else if self.touched.try_with_untracked(|t| !t.contains(&field)) == Some(true) {
            self.touched.try_update(|t| t.push(field));
        }
    }
}

/// A field of the deal form: `<label for>`, the control, a hint, and the error under it.
///
/// The control carries `aria-invalid` and `aria-describedby` pointing at the error while there
/// is one, and `aria-required` rather than `required`, so the browser's own bubbles do not
/// pre-empt the app's messages.
#[component]
pub fn FieldRow(
    /// The field.
    field: Field,
    /// The label: the CRM's own name for the field where it has one.
    #[prop(into)]
    label: Signal<String>,
    /// The control's element id.
    #[prop(into)]
    id: String,
    /// Whether it is required.
    required: bool,
    /// The control.
    control: Control,
    /// The draft being edited.
    draft: RwSignal<DealDraft>,
    /// The message to show under it, if any, read anew by each part that shows it.
    error: impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
    /// A hint shown under the label; a signal, as the amount's follows the currency typed.
    hint: Option<Signal<String>>,
    /// Fields the user has left, whose errors now show.
    touched: RwSignal<Vec<Field>>,
    /// Errors the backend reported; a field's are cleared once it is edited.
    server_errors: RwSignal<Vec<FieldError>>,
    /// The form's date controls holding text the browser cannot read as a date.
    unreadable: RwSignal<Vec<Field>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            // The error, or else the hint: the error says what the hint would ("Enter a number
            // such as 1,234.56" over "For example 1,234.56"), and a screen reader reads both.
            if error().is_some() {
                Some(error_id.clone())
            } else {
                has_hint.then(|| hint_id.clone())
            }
        }
    };
    let invalid = move || super::aria_bool(error().is_some());
    // A memo: a keystroke in another field changes the draft but not this field's text, and
    // then nothing of this control is written again (its value, its options' `selected`).
    let value = Memo::new(move |_| draft.with(|d| d.get(field).to_owned()));
    let set = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        draft.update(|d| d.set(field, v));
        if server_errors.with_untracked(|e| e.iter().any(|e| e.field == field)) {
            server_errors.update(|e| e.retain(|e| e.field != field));
        }
    };
    // Chrome fires `blur` at a focused control as it is removed, after the form's reactive
    // state is gone (Enter submits, the view changes): `try_` makes that a no-op, not a panic.
    let gate = use_context::<BlurGate>();
    let leave = move || match gate {
        Some(gate) => gate.left(field),
        None => {
            if touched.try_with_untracked(|t| !t.contains(&field)) == Some(true) {
                touched.try_update(|t| t.push(field));
            }
        }
    };
    let blur = move |_| leave();
    let aria_required = required.then_some("true");
    let input = match control {
        Control::Text { input_type, inputmode } => view! {
            <input id=id.clone() type=input_type inputmode=inputmode autocomplete="off"
                aria-required=aria_required aria-invalid=invalid aria-describedby=described_by.clone()
                prop:value=move || value.get() on:input=set on:blur=blur />
        }
        .into_any(),
        Control::Date => {
            // Its value is "" both when empty and when what is typed is no date (February 30,
            // a day without its year); only its validity tells them apart.
            let read = move |ev: leptos::ev::Event| {
                let bad = event_target::<web_sys::HtmlInputElement>(&ev).validity().bad_input();
                if unreadable.try_with_untracked(|u| u.contains(&field) != bad) == Some(true) {
                    unreadable.update(|u| {
                        u.retain(|f| *f != field);
                        if bad {
                            u.push(field);
                        }
                    });
                }
            };
            view! {
                <input id=id.clone() type="date" min="1900-01-01" max="2199-12-31"
                    aria-required=aria_required aria-invalid=invalid aria-describedby=described_by.clone()
                    prop:value=move || value.get()
                    on:input=move |ev| { read(ev.clone()); set(ev) }
                    on:blur=move |ev: leptos::ev::FocusEvent| { read(ev.clone().into()); blur(ev) } />
            }
            .into_any()
        }
        Control::Picker(kind, name) => {
            let input = super::picker::PickerInput {
                field,
                id: id.clone(),
                kind,
                draft,
                required: aria_required,
                name,
                label,
            };
            let changed = move || {
                if server_errors.with_untracked(|e| e.iter().any(|e| e.field == field)) {
                    server_errors.update(|e| e.retain(|e| e.field != field));
                }
            };
            super::picker::picker(input, invalid, described_by.clone(), changed, leave)
        }
        Control::Checkbox => view! {
            <input id=id.clone() type="checkbox"
                aria-required=aria_required aria-invalid=invalid aria-describedby=described_by.clone()
                prop:checked=move || value.with(|v| v == "true")
                on:change=move |ev: leptos::ev::Event| {
                    let checked = event_target::<web_sys::HtmlInputElement>(&ev).checked();
                    draft.update(|d| d.set(field, if checked { "true".to_owned() } else { String::new() }));
                    if server_errors.with_untracked(|e| e.iter().any(|e| e.field == field)) {
                        server_errors.update(|e| e.retain(|e| e.field != field));
                    }
                }
                on:blur=blur />
        }
        .into_any(),
        Control::TextArea => view! {
            <textarea id=id.clone() rows="4"
                aria-required=aria_required aria-invalid=invalid aria-describedby=described_by.clone()
                prop:value=move || value.get() on:input=set on:blur=blur></textarea>
        }
        .into_any(),
        Control::Select(stages) => {
            let current = value.get_untracked();
            // Keep a stage the deal has even if the backend no longer lists it, so opening a
            // deal never silently changes it.
            let unknown = (!current.is_empty() && !stages.iter().any(|s| s.id == current)).then(|| current.clone());
            view! {
                <select id=id.clone()
                    aria-required=aria_required aria-invalid=invalid aria-describedby=described_by.clone()
                    on:change=set on:blur=blur>
                    <option value="" selected=move || value.with(String::is_empty)>{words().tr("select-placeholder")}</option>
                    {unknown.map(|id| view! { <option value=id.clone()>{words().said(crate::model::Message::key("select-no-longer-offered").text("id", id.clone()))}</option> })}
                    {stages.into_iter().map(|s| {
                        let sid = s.id.clone();
                        view! { <option value=s.id.clone() selected=move || value.with(|v| *v == sid)>{s.label.clone()}</option> }
                    }).collect_view()}
                </select>
            }
            .into_any()
        }
    };
    view! {
        // Marked invalid by the control's `aria-invalid`, which the stylesheet follows too.
        <div class="df-field">
            // The marker sits beside the label, not in it, so the field's accessible name is
            // exactly its label; `aria-required` tells assistive technology instead.
            <div class="df-label-row">
                <label for=id.clone()>{label}</label>
                {required.then(|| view! { <span class="df-required" aria-hidden="true" title="required">"*"</span> })}
            </div>
            {hint.map(|h| view! { <p class="df-hint" id=hint_id.clone()>{move || h.get()}</p> })}
            {input}
            // Empty, and then not shown (the stylesheet), while there is no error.
            <p class="df-field-error" id=error_id.clone()>{move || error()}</p>
        </div>
    }
}
