//! The one form that creates and edits deals.

use super::app::{use_app, AppCtx, View};
use super::dialog::ConfirmDialog;
use super::field::{Control, FieldRow};
use super::status::ErrorPanel;
use crate::backend::BackendError;
use crate::drafts::DraftTarget;
use crate::messages::{outcome, sentence, Change};
use crate::model::{
    validate, CustomKind, Deal, DealDraft, DealFields, DealId, Field, FieldError, Message, Stage, ValidationContext,
};
use crate::ui::load::Load;
use leptos::prelude::*;

/// What a date control's error says when the browser cannot read its text as a date (a key).
const UNREADABLE_DATE: &str = "error-date-unreadable";

/// Whether the date control `id` holds text the browser cannot read as a date: its value is
/// then "", as if it were empty.
fn unreadable_date(app: &super::app::AppCtx, id: &str) -> bool {
    use wasm_bindgen::JsCast;
    app.element(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|e| e.validity().bad_input())
}

/// The form page, built: a plain function, so that the release build can hand it out of the
/// chunk of wasm it is split into (see [`super::chunks::form_code`]).
pub type FormView = fn(Option<DealId>) -> AnyView;

/// The form page for a deal to edit, or a new one.
pub fn form_view(target: Option<DealId>) -> AnyView {
    view! { <FormPage target /> }.into_any()
}

/// Loads what the form needs (the stages, and the deal when editing), then shows it.
#[component]
pub fn FormPage(
    /// The deal to edit, or `None` for a new one.
    target: Option<DealId>,
) -> impl IntoView {
    let app = use_app();
    let deal = Load::new({
        let target = target.clone();
        move || {
            let backend = app.backend.get_value();
            let target = target.clone();
            async move {
                match target {
                    Some(id) => backend.get(&id).await.map(Some),
                    None => Ok(None),
                }
            }
        }
    });
    let back = move |_| app.go(View::List, None);
    move || match (app.stages.get(), deal.get()) {
        (None, _) | (_, None) => view! { <p class="df-loading" role="status">{app.tr("loading")}</p> }.into_any(),
        (_, Some(Err(e))) => {
            let orphaned = orphaned_draft(app, &e, target.as_ref());
            view! {
                <ErrorPanel title=app.tr("form-deal-open-failed") message=app.said(e.message())>
                    {orphaned}
                    <button type="button" class="df-button" on:click=move |_| deal.refetch()>{app.tr("retry")}</button>
                    <button type="button" class="df-button" on:click=back>{app.tr("form-back")}</button>
                </ErrorPanel>
            }
            .into_any()
        }
        (Some(stages), Some(Ok(deal))) => {
            let (stages, stages_error) = match stages {
                Ok(s) => (s, None),
                Err(e) => (Vec::new(), Some(e.message())),
            };
            view! { <DealEditor deal stages stages_error /> }.into_any()
        }
    }
}

/// Puts what was typed for a deal that no longer exists into the new-deal form, and opens it:
/// the deal cannot take it any more, a new deal can, and nothing typed is lost. Not over
/// typing the new-deal form holds already: that is said instead, in `error`.
fn keep_as_new(app: AppCtx, typed: &DealDraft, from: &DraftTarget, error: RwSignal<Option<Message>>) {
    let moved = app.with_drafts(|b| {
        if b.get(&DraftTarget::New).is_some() {
            return Err(Message::key("form-new-holds-changes"));
        }
        // Against an empty base every field that holds something counts as typed, so the new
        // form shows them all.
        b.put(&DraftTarget::New, typed, &DealDraft::default())
            .and_then(|()| b.remove(from))
            .map_err(Message::from)
    });
    match moved {
        Ok(()) => app.go(View::New, None),
        Err(e) => error.set(Some(e)),
    }
}

/// The button that carries `typed`, the typing kept for `from`, a deal that is gone, to a new
/// deal ([`keep_as_new`]); why it could not, in `error`.
fn keep_as_new_button(
    app: AppCtx,
    typed: impl Fn() -> DealDraft + 'static,
    from: DraftTarget,
    error: RwSignal<Option<Message>>,
) -> impl IntoView {
    view! {
        <button type="button" class="df-button" on:click=move |_| keep_as_new(app, &typed(), &from, error)>
            {app.tr("form-keep-as-new")}
        </button>
    }
}

/// For a deal that could not be opened because it is gone, with typing kept for it from
/// before: the button that carries that typing to a new deal.
fn orphaned_draft(app: AppCtx, e: &BackendError, id: Option<&DealId>) -> Option<impl IntoView> {
    let from = DraftTarget::Edit(id?.clone());
    let saved = matches!(e, BackendError::NotFound)
        .then(|| app.with_drafts(|b| b.get(&from)))
        .flatten()?;
    let error = RwSignal::new(None::<Message>);
    Some(view! {
        {keep_as_new_button(app, move || saved.draft.clone(), from, error)}
        {move || error.get().map(|e| view! { <p class="df-error" role="alert">{app.said(e)}</p> })}
    })
}

/// The form itself, for a loaded deal (edit) or none (new).
#[component]
fn DealEditor(deal: Option<Deal>, stages: Vec<Stage>, stages_error: Option<Message>) -> impl IntoView {
    let app = use_app();
    let schema = app.schema();
    let fmt = app.fmt.get_value();
    let config = app.config.get_value();
    let target = match &deal {
        Some(d) => DraftTarget::Edit(d.id.clone()),
        None => DraftTarget::New,
    };
    let no_values = Default::default();
    let values = deal.as_ref().map_or(&no_values, |d| &d.fields.custom);
    let initial = match &deal {
        Some(d) => DealDraft::from_fields(&d.fields, config.currency, fmt.separators()),
        None => DealDraft::new(config.currency, stages.first().map(|s| s.id.as_str())),
    }
    .with_custom(&schema, values, fmt.separators());
    // A draft kept from before a reload, its typing laid over the deal as it is now (its
    // custom fields in the order the configuration gives them today).
    let restored = app
        .with_drafts(|b| b.get(&target))
        .map(|saved| {
            saved
                .restored_over(&initial)
                .with_custom(&schema, values, fmt.separators())
        })
        .filter(|d| *d != initial);
    // Whether the form shows restored changes: the banner saying so goes once they are discarded.
    let was_restored = RwSignal::new(restored.is_some());
    let draft = RwSignal::new(restored.unwrap_or_else(|| initial.clone()));
    let initial = StoredValue::new(initial);
    let dirty = Memo::new(move |_| initial.with_value(|i| draft.with(|d| d != i)));

    // In the currency typed (read as validation reads it), else the configuration's: a yen
    // amount has no decimals to show. A memo, so a keystroke elsewhere writes the hint again
    // only when the currency it speaks of changes.
    let (separators, configured) = (fmt.separators(), config.currency);
    let hint_currency =
        Memo::new(move |_| draft.with(|d| crate::model::Currency::parse_typed(&d.currency).unwrap_or(configured)));
    // How the list writes amounts in that currency ("US$1,234.50", "1.234,50 kr."): the amount
    // is read that way too, as people type back what they see.
    let notation = Memo::new(move |_| app.fmt.with_value(|f| f.money_notation(hint_currency.get())));
    let cx = ValidationContext {
        separators,
        money: None,
        default_currency: config.currency,
        opened_currency: deal.as_ref().and_then(|d| d.fields.amount).map(|m| m.currency),
        stage_ids: (!stages.is_empty()).then(|| stages.iter().map(|s| s.id.clone()).collect()),
    };
    // Sorts `fields` into the form's order and drops repeats, in place, so that the caller
    // counts, focuses and names what the messages about them name.
    let labelled = StoredValue::new(schema.clone());
    let in_order = move |fields: &mut Vec<Field>| {
        labelled.with_value(|s| crate::model::order::sort_short_by_key(fields, |f| s.position(*f)));
        fields.dedup();
    };
    // Names `fields` as the form labels them (a CRM may name a field its own way), as the
    // language says a list of them.
    let named = move |fields: &[Field]| {
        let names: Vec<String> = labelled
            .try_with_value(|s| fields.iter().map(|&f| app.say(&s.label(f))).collect())
            .unwrap_or_default();
        app.words.and_list(&names)
    };
    let cx = StoredValue::new(cx);
    let checked = Memo::new({
        let schema = schema.clone();
        move |_| {
            // The context's one part that follows the typing, set where it is read: cloning the
            // rest (the stage ids) at every key would be work for nothing.
            let money = notation.get();
            cx.update_value(|cx| cx.money = Some(money));
            cx.with_value(|cx| draft.with(|d| validate(d, &schema, cx)))
        }
    });
    let touched = RwSignal::new(Vec::<Field>::new());
    let gate = super::field::BlurGate::provide(touched);
    // The date controls holding what the browser cannot read as a date (February 30, a day
    // without its year): their value is then "", which must not save as "no date".
    let unreadable = RwSignal::new(Vec::<Field>::new());
    let date_fields: Vec<Field> = schema
        .rules()
        .iter()
        .map(|r| r.field)
        .filter(|f| *f == Field::CloseDate)
        .chain(
            schema
                .custom()
                .iter()
                .enumerate()
                .filter_map(|(i, c)| (c.kind == crate::model::CustomKind::Date).then_some(Field::Custom(i as u8))),
        )
        .collect();
    let submitted = RwSignal::new(false);
    // What the summary says, written at each Save that finds problems, not as they are fixed:
    // an alert that changed at every key would interrupt the typing it is about.
    let summary = RwSignal::new(Vec::<Field>::new());
    let server_errors = RwSignal::new(Vec::<FieldError>::new());
    let form_error = RwSignal::new(None::<Message>);
    // Whether a save found the deal deleted elsewhere: its typing can then go to a new deal.
    let deal_gone = RwSignal::new(false);
    let saving = RwSignal::new(false);

    // Every change is kept in session storage until saved or discarded: a reload, a crash or
    // a failed save must not lose what was typed.
    let target_for_effect = target.clone();
    Effect::new(move |_| {
        let d = draft.get();
        let keep = dirty.get();
        let _ = app.with_drafts(|b| {
            if keep {
                initial.with_value(|base| b.put(&target_for_effect, &d, base))
            } else {
                b.remove(&target_for_effect)
            }
        });
    });

    // A closure, not a `Signal::derive` of it: the form's code then carries no derived-signal
    // type for it. Each reader runs it; it only looks up one field's message.
    let error_for = move |field: Field| {
        move || {
            app.words.track();
            if let Some(e) =
                server_errors.with(|errs| errs.iter().find(|e| e.field == field).map(|e| app.say(&e.message)))
            {
                return Some(e);
            }
            let shown = submitted.get() || touched.with(|t| t.contains(&field));
            if !shown {
                return None;
            }
            if unreadable.with(|u| u.contains(&field)) {
                return Some(app.t(UNREADABLE_DATE));
            }
            checked.with(|r| {
                r.as_ref()
                    .err()
                    .and_then(|errs| errs.iter().find(|e| e.field == field).map(|e| app.say(&e.message)))
            })
        }
    };

    let id_of = move |field: Field| match field {
        Field::Custom(i) => app.id(&format!("custom-{i}")),
        field => app.id(field.key()),
    };
    let heading_id = app.id("form-heading");
    let editing = deal.clone();
    let deal_name = deal.as_ref().map(|d| d.fields.name.clone()).unwrap_or_default();

    let submit = {
        let target = target.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if saving.get_untracked() {
                return;
            }
            submitted.set(true);
            form_error.set(None);
            // Asked again here: Enter, or a click on Save (which does not take focus from the
            // field, see the actions below), submits without the field's blur.
            let bad_dates: Vec<Field> = date_fields
                .iter()
                .copied()
                .filter(|f| unreadable_date(&app, &id_of(*f)))
                .collect();
            unreadable.set(bad_dates.clone());
            let fields = match (checked.get_untracked(), bad_dates.is_empty()) {
                (Ok(f), true) => f,
                (result, _) => {
                    // The first field in the form's order that needs attention.
                    let errors = result.err().unwrap_or_default();
                    let mut wrong: Vec<Field> = errors.iter().map(|e| e.field).chain(bad_dates).collect();
                    in_order(&mut wrong);
                    summary.set(wrong.clone());
                    if let Some(&first) = wrong.first() {
                        app.focus(&id_of(first));
                    }
                    return;
                }
            };
            saving.set(true);
            // Heard: the button's own words change under the focus, which is not read again.
            app.said.set(Some(app.t("form-saving")));
            let backend = app.backend.get_value();
            let drafts = app.drafts();
            let editing = editing.clone();
            // What was typed, against what the form opened with: the fields the user changed.
            let (typed, opened) = (draft.get_untracked(), initial.get_value());
            let target = target.clone();
            let schema = labelled.get_value();
            leptos::task::spawn_local(async move {
                let result = match &editing {
                    Some(d) => {
                        // What the deal holds now: fields changed elsewhere since the form
                        // opened, and left alone here, keep that change. Where it cannot be
                        // read, the save goes ahead and says what fails, if anything.
                        let changed = |f| typed.get(f) != opened.get(f);
                        let fields = match backend.get(&d.id).await {
                            Ok(now) => DealFields::rebased(&fields, &now.fields, &schema, changed),
                            // Laid over the deal as it opened: fields the form does not show
                            // (hidden by the configuration) keep their values.
                            Err(_) => DealFields::rebased(&fields, &d.fields, &schema, changed),
                        };
                        backend.update(&d.id, &fields).await
                    }
                    None => backend.create(&fields).await,
                };
                // Saved is saved, whoever is left to hear of it: its draft goes either way.
                if result.is_ok() {
                    let _ = drafts.with(|b| b.remove(&target));
                }
                if app.is_gone() {
                    return;
                }
                saving.set(false);
                // The outcome is said next, by the notice or the form's alert.
                app.said.set(None);
                match result {
                    Ok(saved) => {
                        app.changed();
                        let (key, event) = if editing.is_some() {
                            ("notice-updated", "updated")
                        } else {
                            ("notice-created", "created")
                        };
                        app.emit(event, &saved);
                        let notice = app.say(&Message::key(key).text("name", saved.fields.name.clone()));
                        app.saved(saved.id, saved.fields.name, notice);
                    }
                    Err(BackendError::Fields { errors, message }) => {
                        app.emit_error(&BackendError::Fields {
                            errors: errors.clone(),
                            message: message.clone(),
                        });
                        let mut refused: Vec<Field> = errors.iter().map(|e| e.field).collect();
                        in_order(&mut refused);
                        let names = named(&refused);
                        if let Some(&first) = refused.first() {
                            app.focus(&id_of(first));
                        }
                        server_errors.set(errors);
                        // Named, not "highlighted": a screen reader does not see which are marked.
                        form_error.set(Some(match message {
                            Some(m) => Message::key("form-refused-because")
                                .text("fields", names)
                                .message("reason", m),
                            None => Message::key("form-refused")
                                .number("count", refused.len() as f64)
                                .text("fields", names),
                        }));
                    }
                    Err(e) => {
                        app.emit_error(&e);
                        deal_gone.set(editing.is_some() && matches!(e, BackendError::NotFound));
                        form_error.set(Some(
                            Message::key("form-save-failed")
                                .message("outcome", outcome(&e, Change::Save))
                                .text("reason", sentence(&app.say(&e.message()))),
                        ))
                    }
                }
            });
        }
    };

    let discard_open = RwSignal::new(false);
    let delete_open = RwSignal::new(false);
    let leave = {
        let target = target.clone();
        Callback::new(move |_| {
            let _ = app.with_drafts(|b| b.remove(&target));
            app.go(View::List, None);
        })
    };
    let cancel = move || {
        if dirty.get_untracked() {
            discard_open.set(true);
        } else {
            leave.run(());
        }
    };
    let delete = {
        let target = target.clone();
        let deal = deal.clone();
        Callback::new(move |_| {
            let Some(deal) = deal.clone() else { return };
            let backend = app.backend.get_value();
            let drafts = app.drafts();
            let target = target.clone();
            saving.set(true);
            leptos::task::spawn_local(async move {
                let result = backend.delete(&deal.id).await;
                let deleted = matches!(result, Ok(()) | Err(BackendError::NotFound));
                if deleted {
                    let _ = drafts.with(|b| b.remove(&target));
                }
                if app.is_gone() {
                    return;
                }
                saving.set(false);
                match result {
                    Ok(()) | Err(BackendError::NotFound) => {
                        app.changed();
                        app.emit("deleted", &deal);
                        app.go(
                            View::List,
                            Some(app.say(&Message::key("notice-deleted").text("name", deal.fields.name.clone()))),
                        );
                    }
                    Err(e) => {
                        app.emit_error(&e);
                        form_error.set(Some(
                            Message::key("form-delete-failed")
                                .message("outcome", outcome(&e, Change::Delete))
                                .message("reason", e.message()),
                        ))
                    }
                }
            });
        })
    };

    let problems = move || {
        if !submitted.get() {
            return None;
        }
        // Gone once every problem is fixed; until the next Save, it says what that one found,
        // and nothing where that Save found none (a field made wrong after a refused save).
        let fixed = checked.with(|r| r.is_ok()) && unreadable.with(Vec::is_empty);
        app.words.track();
        let wrong = summary.get();
        (!fixed && !wrong.is_empty()).then(|| {
            let summary = Message::key("form-errors-summary")
                .number("count", wrong.len() as f64)
                .text("fields", named(&wrong));
            app.say(&summary)
        })
    };

    // Focus follows the user into a form they opened, but a form shown on page load (a
    // create-only widget) must not pull focus or scroll away from the host page.
    if app.navigated.get_value() {
        if let Some(id) = schema.fields().next().map(id_of) {
            app.focus_next_frame(id, false);
        }
    }

    let amount_hint = Signal::derive(move || {
        let example = crate::model::money::amount_example(separators, hint_currency.get());
        app.words.track();
        app.say(&Message::key("form-amount-hint").text("example", example))
    });
    let stages_note = app.backend.with_value(|b| b.stages_note());
    let fields = schema
        .fields()
        .map(|field| {
            let (label, required, control, hint) = match field {
                Field::Custom(i) => {
                    let Some(custom) = schema.custom().get(usize::from(i)) else {
                        return ().into_any();
                    };
                    let text = |input_type, inputmode| Control::Text { input_type, inputmode };
                    let control = match &custom.kind {
                        CustomKind::LongText => Control::TextArea,
                        CustomKind::Number | CustomKind::Money => text("text", "decimal"),
                        CustomKind::Date => Control::Date,
                        CustomKind::Select(options) => {
                            Control::Select(options.iter().map(|o| Stage::new(&o.value, &o.label)).collect())
                        }
                        CustomKind::Checkbox => Control::Checkbox,
                        CustomKind::Email => text("email", "email"),
                        CustomKind::Url => text("url", "url"),
                        CustomKind::Phone => text("tel", "tel"),
                        CustomKind::Person if super::picker::offers(crate::model::LookupKind::Owner) => {
                            Control::Picker(crate::model::LookupKind::Owner, None)
                        }
                        CustomKind::Company if super::picker::offers(crate::model::LookupKind::Company) => {
                            Control::Picker(crate::model::LookupKind::Company, None)
                        }
                        CustomKind::Person | CustomKind::Company => text("text", "text"),
                        CustomKind::Text => text("text", "text"),
                    };
                    let hint = match custom.kind {
                        CustomKind::Money => Some(amount_hint),
                        _ => None,
                    };
                    (Signal::from(custom.label.clone()), custom.required, control, hint)
                }
                field => {
                    let Some(rule) = schema.rule(field) else {
                        return ().into_any();
                    };
                    let control = match field {
                        Field::Stage if !stages.is_empty() => Control::Select(stages.clone()),
                        Field::CloseDate => Control::Date,
                        Field::Description => Control::TextArea,
                        Field::Owner if super::picker::offers(crate::model::LookupKind::Owner) => {
                            // The CRM's name for the owner, while the draft (restored typing
                            // perhaps) still holds the deal's own owner.
                            let same = |d: &&Deal| draft.with_untracked(|t| d.fields.owner.as_deref() == Some(t.owner.as_str()));
                            let name = deal.as_ref().filter(same).and_then(|d| d.labels.owner.clone());
                            Control::Picker(crate::model::LookupKind::Owner, name)
                        }
                        Field::Company if super::picker::offers(crate::model::LookupKind::Company) => {
                            Control::Picker(crate::model::LookupKind::Company, None)
                        }
                        Field::Amount => Control::Text { input_type: "text", inputmode: "decimal" },
                        Field::Probability => Control::Text { input_type: "text", inputmode: "numeric" },
                        _ => Control::Text { input_type: "text", inputmode: "text" },
                    };
                    let hint = match field {
                        Field::Amount => Some(amount_hint),
                        Field::Probability => Some(app.tr("form-probability-hint")),
                        Field::Currency => Some(app.tr("form-currency-hint")),
                        Field::Stage => stages_error
                            .clone()
                            .map(|e| Message::key("form-stages-failed").message("reason", e))
                            .or_else(|| stages_note.clone())
                            .map(|m| app.said(m)),
                        // An owner or company with no names to pick from says why, and what to type.
                        Field::Owner | Field::Company if !matches!(control, Control::Picker(..)) => rule.format.map(|f| {
                            let key = if field == Field::Owner { "form-no-owner-lookup" } else { "form-no-company-lookup" };
                            let backend = app.backend.with_value(|b| b.name().to_owned());
                            app.said(Message::key(key).text("crm", backend).message("format", f.describe()))
                        }),
                        // An id-valued field says what the CRM takes before the user types, not after.
                        _ => rule.format.map(|f| app.said(Message::key("form-must-be").message("format", f.describe()))),
                    };
                    (app.said(rule.label()), rule.required, control, hint)
                }
            };
            view! {
                <FieldRow field label id=id_of(field) required control draft error=error_for(field) hint touched server_errors unreadable />
            }
            .into_any()
        })
        .collect_view();

    let title = if deal.is_some() {
        "form-title-edit"
    } else {
        "form-title-new"
    };
    let landmark = app.landmark(Message::key(title));
    let title = app.tr(title);
    view! {
        <section class="df-form-page" aria-label=landmark>
            <h2 id=heading_id.clone() class="df-heading">{title}</h2>
            {move || was_restored.get().then(|| view! {
                // The status is the words alone: a live region holding its own button would be
                // read out again as the button changes.
                <div class="df-draft">
                    <span role="status">{app.tr("form-restored")}</span>
                    // Not "Discard changes", the words of the confirming button in the dialog
                    // Cancel opens. The banner goes with the changes; the focus, which was on
                    // its button, goes to the first field, and what happened is said.
                    <button type="button" class="df-button" on:click=move |_| {
                        draft.set(initial.get_value());
                        app.focus(&id_of(Field::Name));
                        was_restored.set(false);
                        app.said.set(Some(app.t("form-restored-discarded")));
                    }>{app.tr("form-discard-restored")}</button>
                </div>
            })}
            // Escape leaves the form as Cancel does, asking first where something was typed.
            // The dialogs are outside the form: their own Escape closes only them.
            <form class="df-form" novalidate on:submit=submit on:pointerdown=move |_| gate.press() on:keydown=move |ev| {
                // Not while an input method composes: there Escape cancels the composition.
                if ev.key() == "Escape" && !ev.is_composing() && !ev.default_prevented() && !saving.get_untracked() {
                    ev.prevent_default();
                    cancel();
                }
            }>
                {move || problems().map(|p| view! { <p class="df-summary" role="alert">{p}</p> })}
                {move || {
                    app.words.track();
                    form_error.get().map(|e| view! { <p class="df-error" role="alert">{app.say(&e)}</p> })
                }}
                {
                    let target = target.clone();
                    move || deal_gone.get().then(|| keep_as_new_button(app, move || draft.get_untracked(), target.clone(), form_error))
                }
                // For the eye only: assistive technology hears `aria-required` on each field,
                // and the asterisks themselves are hidden from it.
                <p class="df-hint" aria-hidden="true">{app.tr("form-required-note")}</p>
                {fields}
                // A press on these buttons leaves focus in the field: the field's blur would
                // show its error, moving the buttons down under the pointer before its release,
                // and the click would be lost. While saving they stay focusable (aria-disabled,
                // not disabled), so focus is not dropped to the page when they go inert.
                <div class="df-actions" on:mousedown=|ev| ev.prevent_default()>
                    <button type="submit" class="df-button df-primary" aria-disabled=move || super::aria_bool(saving.get())>
                        {move || {
                            app.words.track();
                            app.t(if saving.get() { "form-saving" } else { "form-save" })
                        }}
                    </button>
                    <button type="button" class="df-button" aria-disabled=move || super::aria_bool(saving.get())
                        on:click=move |_| if !saving.get_untracked() { cancel() }>{app.tr("cancel")}</button>
                    {deal.is_some().then(|| view! {
                        <button type="button" class="df-button df-danger df-end" aria-disabled=move || super::aria_bool(saving.get())
                            on:click=move |_| if !saving.get_untracked() { delete_open.set(true) }>{app.tr("form-delete")}</button>
                    })}
                </div>
            </form>
            <ConfirmDialog
                open=discard_open
                id=app.id("discard")
                title=app.tr("form-discard-title")
                body=app.tr("form-discard-body")
                confirm=app.tr("form-discard-confirm")
                cancel=app.tr("form-keep-editing")
                on_confirm=leave
            />
            {deal.is_some().then(|| view! {
                <ConfirmDialog
                    open=delete_open
                    id=app.id("delete")
                    title=app.said(Message::key("form-delete-title").text("name", deal_name))
                    body=app.tr("form-delete-body")
                    confirm=app.tr("form-delete-confirm")
                    cancel=app.tr("cancel")
                    on_confirm=delete
                />
            })}
        </section>
    }
}
