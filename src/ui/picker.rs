//! A searchable picker for an owner or a company (the ARIA 1.2 combobox with a list popup):
//! type a few letters, move with the arrow keys, Enter picks. The name shows; the id goes into
//! the draft. Text that matches no choice stays in the draft as typed, as an id the form checks.

use super::app::{use_app, AppCtx};
use crate::model::lookup::matching;
use crate::model::{Choice, DealDraft, Field, LookupKind, Message};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Look-ups already answered in this session, by kind and query: asked again, they answer
    /// at once and cost the backend nothing.
    static ANSWERED: RefCell<HashMap<(LookupKind, String), Vec<Choice>>> = RefCell::default();
}

/// How long typing must pause before a look-up is sent, in milliseconds.
const DEBOUNCE_MS: u32 = 250;

/// The configuration's list for `kind`.
fn configured(kind: LookupKind) -> Vec<Choice> {
    use_app().config.with_value(|c| match kind {
        LookupKind::Owner => c.owners.clone(),
        LookupKind::Company => c.companies.clone(),
    })
}

/// Whether a picker has anything to offer for `kind`: the configuration lists some, or the
/// backend looks them up. Where neither, the field stays a text box for the id.
pub fn offers(kind: LookupKind) -> bool {
    let app = use_app();
    !configured(kind).is_empty() || app.backend.with_value(|b| b.looks_up(kind))
}

/// What the picker's input needs from its field row.
pub struct PickerInput {
    /// The field it fills.
    pub field: Field,
    /// The input's element id; the list's is derived from it.
    pub id: String,
    /// What it looks up.
    pub kind: LookupKind,
    /// The draft it writes the picked id into.
    pub draft: RwSignal<DealDraft>,
    /// `aria-required`.
    pub required: Option<&'static str>,
    /// The name the backend sent for the deal's id, shown until something is typed.
    pub name: Option<String>,
    /// The field's label, which names its list of choices too.
    pub label: Signal<String>,
}

/// The combobox: the input, the list of choices, and a line saying what a look-up found.
pub fn picker(
    input: PickerInput,
    invalid: impl Fn() -> &'static str + Copy + Send + Sync + 'static,
    described_by: impl Fn() -> Option<String> + Clone + Send + Sync + 'static,
    changed: impl Fn() + Copy + Send + Sync + 'static,
    left: impl Fn() + Copy + Send + Sync + 'static,
) -> AnyView {
    let app = use_app();
    let PickerInput {
        field,
        id,
        kind,
        draft,
        required,
        name,
        label,
    } = input;
    let list_name = Signal::derive(move || {
        let label = label.get();
        app.say(&Message::key("picker-choices").text("label", label))
    });
    let list_id = format!("{id}-choices");
    let status_id = format!("{id}-found");
    let current = draft.with_untracked(|d| d.get(field).to_owned());
    let opened = name.filter(|_| !current.is_empty());
    let text = RwSignal::new(opened.unwrap_or_else(|| app.name_of(kind, &current)));
    let open = RwSignal::new(false);
    let choices = RwSignal::new(Vec::<Choice>::new());
    let active = RwSignal::new(None::<usize>);
    let found = RwSignal::new(None::<String>);
    let asked = StoredValue::new(0_u64);

    // Shows the choices for `query`: the configuration's at once, the backend's when they come.
    // A look-up overtaken by a newer one is dropped when it answers.
    let look_up = move |query: String, wait: bool| {
        let turn = asked.get_value() + 1;
        asked.set_value(turn);
        let mut offered = matching(&configured(kind), &query, 20);
        let cached = ANSWERED.with(|a| a.borrow().get(&(kind, query.clone())).cloned());
        if let Some(more) = &cached {
            merge(&mut offered, more.clone());
        }
        choices.set(offered.clone());
        active.set(None);
        found.set(None);
        if cached.is_some() || !app.backend.with_value(|b| b.looks_up(kind)) {
            found.set(offered.is_empty().then(|| no_match(app, &query)));
            return;
        }
        leptos::task::spawn_local(async move {
            if wait {
                crate::client::http::sleep_ms(DEBOUNCE_MS).await;
            }
            if asked.try_get_value() != Some(turn) {
                return;
            }
            let backend = app.backend.get_value();
            let answer = backend.lookup(kind, &query).await;
            if asked.try_get_value() != Some(turn) {
                return;
            }
            match answer {
                Ok(Some(more)) => {
                    ANSWERED.with(|a| a.borrow_mut().insert((kind, query.clone()), more.clone()));
                    merge(&mut offered, more);
                    found.set(offered.is_empty().then(|| no_match(app, &query)));
                    choices.set(offered);
                }
                Ok(None) => found.set(offered.is_empty().then(|| no_match(app, &query))),
                Err(e) => found.set(Some(
                    app.say(&Message::key("picker-failed").message("reason", e.message())),
                )),
            }
        });
    };
    let pick = move |choice: Choice| {
        draft.update(|d| d.set(field, choice.id.clone()));
        text.set(choice.label);
        open.set(false);
        active.set(None);
        found.set(None);
        changed();
    };
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        // What is typed is the field's value until a choice is picked: an id can be typed.
        draft.update(|d| d.set(field, typed.trim().to_owned()));
        text.set(typed.clone());
        open.set(true);
        changed();
        look_up(typed, true);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = choices.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" if !open.get_untracked() => {
                ev.prevent_default();
                open.set(true);
                look_up(text.get_untracked(), false);
            }
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                active.set(Some(active.get_untracked().map_or(0, |a| (a + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                active.set(Some(
                    active.get_untracked().map_or(count - 1, |a| (a + count - 1) % count),
                ));
            }
            "Enter" if open.get_untracked() => {
                if let Some(choice) = active
                    .get_untracked()
                    .and_then(|a| choices.with_untracked(|c| c.get(a).cloned()))
                {
                    // Picks, rather than submitting the form.
                    ev.prevent_default();
                    pick(choice);
                }
            }
            // Closes the list, not the form.
            "Escape" if open.get_untracked() => {
                ev.prevent_default();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let option_id = {
        let id = id.clone();
        move |k: usize| format!("{id}-choice-{k}")
    };
    let active_id = {
        let option_id = option_id.clone();
        move || active.get().filter(|_| open.get()).map(&option_id)
    };
    let described = {
        let status_id = status_id.clone();
        move || {
            let own = described_by();
            match (found.with(Option::is_some), own) {
                (true, Some(o)) => Some(format!("{o} {status_id}")),
                (true, None) => Some(status_id.clone()),
                (false, o) => o,
            }
        }
    };
    let options = move || {
        choices
            .get()
            .into_iter()
            .enumerate()
            .map(|(k, choice)| {
                let shown = choice.clone();
                view! {
                    <li id=option_id(k) role="option" class="df-choice" aria-selected=move || super::aria_bool(active.get() == Some(k))
                        // Keeps the focus in the input, so that the click picks.
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| pick(choice.clone())>
                        {shown.label}
                        {shown.detail.map(|d| view! { " " <span class="df-choice-detail">{d}</span> })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="df-picker">
            <input id=id.clone() type="text" role="combobox" autocomplete="off" aria-autocomplete="list"
                aria-expanded=move || super::aria_bool(open.get() && choices.with(|c| !c.is_empty()))
                aria-controls=list_id.clone() aria-activedescendant=active_id
                aria-required=required aria-invalid=invalid aria-describedby=described
                prop:value=move || text.get() on:input=on_input on:keydown=on_keydown
                on:blur=move |_| {
                    if open.try_get_untracked().is_some() {
                        open.set(false);
                        left();
                    }
                } />
            <ul id=list_id role="listbox" class="df-choices" aria-label=list_name
                hidden=move || !open.get() || choices.with(Vec::is_empty)>
                {options}
            </ul>
            <p class="df-hint" id=status_id>{move || found.get()}</p>
        </div>
    }
    .into_any()
}

/// What the picker says when nothing matches `query`.
fn no_match(app: AppCtx, query: &str) -> String {
    if query.trim().is_empty() {
        app.t("picker-empty")
    } else {
        app.say(&Message::key("picker-no-match").text("query", query.trim()))
    }
}

/// Adds `more` to `offered`, each id once.
fn merge(offered: &mut Vec<Choice>, more: Vec<Choice>) {
    for c in more {
        if !offered.iter().any(|o| o.id == c.id) {
            offered.push(c);
        }
    }
}
